use super::{Money, Year};

/// Level of a line in the budget hierarchy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BudgetLevel {
    Program,
    Kegiatan,
    SubKegiatan,
}

impl BudgetLevel {
    pub const ALL: [BudgetLevel; 3] = [BudgetLevel::Program, BudgetLevel::Kegiatan, BudgetLevel::SubKegiatan];
    pub fn code(self) -> &'static str {
        match self {
            BudgetLevel::Program => "program",
            BudgetLevel::Kegiatan => "kegiatan",
            BudgetLevel::SubKegiatan => "subkegiatan",
        }
    }
    /// The level a child line must have.
    pub fn child(self) -> Option<BudgetLevel> {
        match self {
            BudgetLevel::Program => Some(BudgetLevel::Kegiatan),
            BudgetLevel::Kegiatan => Some(BudgetLevel::SubKegiatan),
            BudgetLevel::SubKegiatan => None,
        }
    }
}

/// One line of a year's budget: program, kegiatan or sub-kegiatan.
///
/// Amounts are as printed (or entered) at that level; a parent's amounts are checked against the
/// sum of its children.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetLine {
    pub year: Year,
    pub kode: String,
    pub parent: Option<String>,
    pub level: BudgetLevel,
    pub position: i64,
    pub name: String,
    /// Pagu of the original budget (APBD murni).
    pub pagu_murni: Option<Money>,
    /// Pagu after the revised budget (APBD perubahan): the year's final pagu.
    pub pagu_perubahan: Option<Money>,
    pub realisasi: Option<Money>,
    pub note: String,
}

impl BudgetLine {
    /// The final pagu: after perubahan where there is one, otherwise murni.
    pub fn pagu(&self) -> Option<Money> {
        self.pagu_perubahan.or(self.pagu_murni)
    }
}

/// A program supports an indicator (it is funded to move it).
#[derive(Clone, Debug, PartialEq)]
pub struct ProgramSupport {
    pub program: String,
    pub indicator: String,
}

/// A program budget line of the performance agreement, as printed there.
#[derive(Clone, Debug, PartialEq)]
pub struct AgreementProgram {
    pub year: Year,
    pub program: String,
    pub position: i64,
    pub name: String,
    pub pagu_murni: Option<Money>,
    pub pagu_perubahan: Option<Money>,
    pub note: String,
}

/// Budget realisation of a line in one quarter (triwulan I–IV).
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetQuarter {
    pub year: Year,
    pub kode: String,
    /// 1 to 4.
    pub quarter: i64,
    pub realisasi: Money,
}
