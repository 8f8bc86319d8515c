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

/// Where a budget line's money comes from. A line's source is that of its top-level line: a
/// programme and everything under it have one source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FundingSource {
    /// The city's own budget (the default).
    Apbd,
    /// APBN, dekonsentrasi.
    ApbnDekon,
    /// APBN, tugas pembantuan.
    ApbnTp,
    /// Dana Alokasi Khusus.
    Dak,
    /// A BLUD's own revenue.
    Blud,
    /// Any other source (hibah, CSR …).
    Lainnya,
}

impl FundingSource {
    pub const ALL: [FundingSource; 6] = [
        FundingSource::Apbd,
        FundingSource::ApbnDekon,
        FundingSource::ApbnTp,
        FundingSource::Dak,
        FundingSource::Blud,
        FundingSource::Lainnya,
    ];
    pub fn code(self) -> &'static str {
        match self {
            FundingSource::Apbd => "apbd",
            FundingSource::ApbnDekon => "apbn-dekon",
            FundingSource::ApbnTp => "apbn-tp",
            FundingSource::Dak => "dak",
            FundingSource::Blud => "blud",
            FundingSource::Lainnya => "lainnya",
        }
    }
}

/// What a top-level budget line is: a programme, or spending that is not a programme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SpendingType {
    /// A programme with its kegiatan (the default).
    Program,
    /// Belanja tidak langsung (the structure before Permendagri 90/2019).
    TidakLangsung,
    /// Belanja pegawai outside programmes (the older structure).
    Pegawai,
    /// Belanja operasi (the current structure).
    Operasi,
    /// Belanja modal (the current structure).
    Modal,
    /// Other non-programme spending (belanja tidak terduga, transfer …).
    Lainnya,
}

impl SpendingType {
    pub const ALL: [SpendingType; 6] = [
        SpendingType::Program,
        SpendingType::TidakLangsung,
        SpendingType::Pegawai,
        SpendingType::Operasi,
        SpendingType::Modal,
        SpendingType::Lainnya,
    ];
    pub fn code(self) -> &'static str {
        match self {
            SpendingType::Program => "program",
            SpendingType::TidakLangsung => "tidak-langsung",
            SpendingType::Pegawai => "pegawai",
            SpendingType::Operasi => "operasi",
            SpendingType::Modal => "modal",
            SpendingType::Lainnya => "lainnya",
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
    /// Where the money comes from; meaningful on a top-level line, which its children share.
    pub source: FundingSource,
    /// Programme or non-programme spending; meaningful on a top-level line.
    pub spending: SpendingType,
    /// The one pagu of a report that prints a single "alokasi" with no murni/perubahan split.
    pub alokasi: Option<Money>,
    /// Physical progress (realisasi fisik) in percent, as printed.
    pub fisik_pct: Option<rust_decimal::Decimal>,
    /// Sisa anggaran as printed (pagu − realisasi).
    pub sisa: Option<Money>,
}

impl BudgetLine {
    /// The final pagu: the single alokasi where one is printed, otherwise after perubahan where
    /// there is one, otherwise murni.
    pub fn pagu(&self) -> Option<Money> {
        self.alokasi.or(self.pagu_perubahan).or(self.pagu_murni)
    }
    /// A line with the given place and name and no amounts: APBD, a programme line.
    pub fn new(year: Year, kode: &str, parent: Option<&str>, level: BudgetLevel, position: i64, name: &str) -> Self {
        BudgetLine {
            year,
            kode: kode.to_string(),
            parent: parent.map(str::to_string),
            level,
            position,
            name: name.to_string(),
            pagu_murni: None,
            pagu_perubahan: None,
            realisasi: None,
            note: String::new(),
            source: FundingSource::Apbd,
            spending: SpendingType::Program,
            alokasi: None,
            fisik_pct: None,
            sisa: None,
        }
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
