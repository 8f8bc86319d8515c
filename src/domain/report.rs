use super::{Money, Year};
use rust_decimal::Decimal;

/// Where in the report a printed figure stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    Table,
    Narrative,
    /// A worked calculation printed in the text.
    Calculation,
}

impl Place {
    pub const ALL: [Place; 3] = [Place::Table, Place::Narrative, Place::Calculation];
    pub fn code(self) -> &'static str {
        match self {
            Place::Table => "table",
            Place::Narrative => "narrative",
            Place::Calculation => "calculation",
        }
    }
}

/// A figure exactly as a report printed it: a derived figure (percentage, capaian, total,
/// average, count, verdict) or a restatement that differs from the source data.
///
/// Never overwritten by a recomputation; the checker compares it with one.
#[derive(Clone, Debug, PartialEq)]
pub struct PrintedFigure {
    pub year: Year,
    /// Table number (`3.19`) or chapter (`IV`) it belongs to.
    pub table: String,
    pub place: Place,
    /// What it is about, e.g. `budget:1.4.5`, `indicator:IKU2`, `budget:*`.
    pub subject: String,
    /// Which figure of the subject, e.g. `serapan_pct`, `capaian_pct`, `pagu`.
    pub field: String,
    /// The text as printed.
    pub printed: String,
    /// The number it evidently means; `None` where the print is not a number (a verdict) or unreadable.
    pub value: Option<Decimal>,
    pub note: String,
}

/// A line of text attached to a subject: constraints, efforts, plans, supporting factors….
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub year: Year,
    pub subject: String,
    pub kind: String,
    pub position: i64,
    pub text: String,
}

/// An award received.
#[derive(Clone, Debug, PartialEq)]
pub struct Award {
    pub year: Year,
    pub position: i64,
    pub giver: String,
    pub description: String,
}

/// The result of the yearly AKIP evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct AkipEvaluation {
    pub year: Year,
    pub score: Decimal,
    /// Predicate as printed, if printed.
    pub predicate: String,
    pub perencanaan: Option<Decimal>,
    pub pengukuran: Option<Decimal>,
    pub pelaporan: Option<Decimal>,
    pub evaluasi: Option<Decimal>,
    pub evaluator: String,
    /// The indicator that measures this score, if any.
    pub indicator: Option<String>,
    pub note: String,
}

/// A recommendation of an AKIP evaluation and its follow-up.
#[derive(Clone, Debug, PartialEq)]
pub struct AkipRecommendation {
    pub evaluation_year: Year,
    pub followup_year: Year,
    pub position: i64,
    pub recommendation: String,
    pub follow_up: String,
}

/// An external (national) figure compared with one of the office's indicators.
#[derive(Clone, Debug, PartialEq)]
pub struct Benchmark {
    pub year: Year,
    pub indicator: String,
    pub position: i64,
    pub name: String,
    pub source: String,
    pub benchmark_year: Year,
    pub satuan: String,
    pub target: Option<Decimal>,
    pub realisasi: Option<Decimal>,
    pub note: String,
}

/// Business size class (PP 7/2021).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UmkmClass {
    Mikro,
    Kecil,
    Menengah,
    Besar,
}

impl UmkmClass {
    pub const ALL: [UmkmClass; 4] = [UmkmClass::Mikro, UmkmClass::Kecil, UmkmClass::Menengah, UmkmClass::Besar];
    pub fn code(self) -> &'static str {
        match self {
            UmkmClass::Mikro => "mikro",
            UmkmClass::Kecil => "kecil",
            UmkmClass::Menengah => "menengah",
            UmkmClass::Besar => "besar",
        }
    }
}

/// A business that moved up a class ("naik kelas").
#[derive(Clone, Debug, PartialEq)]
pub struct UmkmUpgrade {
    pub year: Year,
    pub position: i64,
    pub owner: String,
    pub address: String,
    pub business: String,
    /// Personal data: masked in exports unless asked otherwise.
    pub phone: String,
    pub from_class: UmkmClass,
    pub to_class: UmkmClass,
    pub annual_sales: Option<Money>,
    pub capital: Option<Money>,
}

/// A numbered table of a year's report: which standard table it is and its printed title.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportTable {
    pub year: Year,
    pub id: String,
    pub kind: TableKind,
    /// Indicator code or period code the table is about, where the kind needs one.
    pub subject: String,
    pub title: String,
    pub source: String,
    pub note: String,
}

impl ReportTable {
    /// The table's stable name, the same in every office and year whatever number the report
    /// gives it: the kind's name (`anggaran-program`), with the indicator for a table about one
    /// (`iku-analisis:IKU1`).
    pub fn name(&self) -> String {
        if self.kind.needs_indicator() {
            format!("{}:{}", self.kind.name(), self.subject)
        } else {
            self.kind.name().to_string()
        }
    }
}

/// The standard LKIP tables Kinerja can render.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableKind {
    Staff,
    Assets,
    RenstraGoals,
    IkuDictionary,
    Agreement,
    Capaian,
    IkuAnalysis,
    IkuRenstra,
    AkipRecommendations,
    ProgramIndicators,
    IkuBudget,
    Benchmarks,
    UmkmUpgrades,
    Efficiency,
    BudgetMurni,
    BudgetRealisation,
    BudgetComparison,
}

impl TableKind {
    pub const ALL: [TableKind; 17] = [
        TableKind::Staff,
        TableKind::Assets,
        TableKind::RenstraGoals,
        TableKind::IkuDictionary,
        TableKind::Agreement,
        TableKind::Capaian,
        TableKind::IkuAnalysis,
        TableKind::IkuRenstra,
        TableKind::AkipRecommendations,
        TableKind::ProgramIndicators,
        TableKind::IkuBudget,
        TableKind::Benchmarks,
        TableKind::UmkmUpgrades,
        TableKind::Efficiency,
        TableKind::BudgetMurni,
        TableKind::BudgetRealisation,
        TableKind::BudgetComparison,
    ];
    pub fn code(self) -> &'static str {
        match self {
            TableKind::Staff => "staff",
            TableKind::Assets => "assets",
            TableKind::RenstraGoals => "renstra_goals",
            TableKind::IkuDictionary => "iku_dictionary",
            TableKind::Agreement => "agreement",
            TableKind::Capaian => "capaian",
            TableKind::IkuAnalysis => "iku_analysis",
            TableKind::IkuRenstra => "iku_renstra",
            TableKind::AkipRecommendations => "akip_recommendations",
            TableKind::ProgramIndicators => "program_indicators",
            TableKind::IkuBudget => "iku_budget",
            TableKind::Benchmarks => "benchmarks",
            TableKind::UmkmUpgrades => "umkm_upgrades",
            TableKind::Efficiency => "efficiency",
            TableKind::BudgetMurni => "budget_murni",
            TableKind::BudgetRealisation => "budget_realisation",
            TableKind::BudgetComparison => "budget_comparison",
        }
    }
    /// The stable name of the kind of table (`docs/dataset-format.md`, *report_tables.csv*):
    /// what `kinerja table` accepts besides the office's number.
    pub fn name(self) -> &'static str {
        match self {
            TableKind::Staff => "sdm",
            TableKind::Assets => "aset",
            TableKind::RenstraGoals => "tujuan-sasaran",
            TableKind::IkuDictionary => "iku",
            TableKind::Agreement => "perjanjian-kinerja",
            TableKind::Capaian => "capaian",
            TableKind::IkuAnalysis => "iku-analisis",
            TableKind::IkuRenstra => "iku-renstra",
            TableKind::AkipRecommendations => "upaya-akip",
            TableKind::ProgramIndicators => "iku-program",
            TableKind::IkuBudget => "iku-anggaran",
            TableKind::Benchmarks => "iku-nasional",
            TableKind::UmkmUpgrades => "umkm-naik-kelas",
            TableKind::Efficiency => "efisiensi",
            TableKind::BudgetMurni => "pagu-program",
            TableKind::BudgetRealisation => "anggaran-program",
            TableKind::BudgetComparison => "anggaran-tahun-lalu",
        }
    }
    /// Whether the table is about one indicator (its `subject`).
    pub fn needs_indicator(self) -> bool {
        matches!(
            self,
            TableKind::IkuAnalysis
                | TableKind::IkuRenstra
                | TableKind::ProgramIndicators
                | TableKind::IkuBudget
                | TableKind::Benchmarks
        )
    }
}
