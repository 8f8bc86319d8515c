//! How a figure was computed, why it could not be, and what a finding is about — as data.
//!
//! calc produces no sentences: these values carry the numbers, names and codes, and
//! `crate::text` words them in Indonesian or English (for the window, the command line and
//! the files). Each enum has a stable machine `code` (documented in `docs/findings.md`),
//! which the JSON output carries.

use super::efficiency::EfficiencyRule;
use crate::domain::{CapaianRule, FormulaKind, Money, Polarity, QuarterRule, RawRole, Year};
use rust_decimal::Decimal;

/// An amount that is summed, compared or missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Amount {
    Pagu,
    PaguMurni,
    PaguPerubahan,
    Realisasi,
    /// A count of asset units.
    Units,
    /// An asset value.
    Value,
}

impl Amount {
    pub fn code(self) -> &'static str {
        match self {
            Amount::Pagu => "pagu",
            Amount::PaguMurni => "pagu_murni",
            Amount::PaguPerubahan => "pagu_perubahan",
            Amount::Realisasi => "realisasi",
            Amount::Units => "units",
            Amount::Value => "value",
        }
    }
}

/// The budget lines a sum runs over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Over {
    AllPrograms,
    ThisLine,
    AgreementPrograms,
    /// The programs supporting an indicator (its code).
    SupportPrograms(String),
    /// Every top-level line: programmes and non-programme spending.
    AllLines,
    /// The top-level lines of one funding source (its code).
    Source(String),
    /// The top-level lines of one spending type (its code).
    Spending(String),
}

/// How a computed figure was obtained, with its arguments.
#[derive(Clone, Debug, PartialEq)]
pub enum Formula {
    /// Nothing was computed (a figure that is missing altogether).
    None,
    /// An indicator's realisation from its raw figures: `kind` over `a` and `b` (Vn and Vn−1,
    /// or part and whole).
    Raw {
        kind: FormulaKind,
        a: Decimal,
        b: Decimal,
    },
    Capaian {
        polarity: Polarity,
        rule: CapaianRule,
        realisasi: Decimal,
        target: Decimal,
        target_high: Option<Decimal>,
    },
    AvgCapaian(Vec<Decimal>),
    AvgSerapan(Vec<Decimal>),
    Efficiency {
        capaian: Decimal,
        serapan: Decimal,
        rule: EfficiencyRule,
    },
    /// The sasaran that are efficient by the rule, counted.
    EfficientSasaran(EfficiencyRule),
    /// Staff of one status (its code), or of all (`None`).
    StaffCount(Option<String>),
    FundedPrograms,
    Sum {
        amount: Amount,
        over: Over,
    },
    Serapan {
        realisasi: Option<Money>,
        pagu: Option<Money>,
    },
    /// The programs supporting an indicator (its code), counted.
    SupportPrograms(String),
    FundedKegiatan,
    FundedSubkegiatan,
    /// Sisa anggaran: pagu − realisasi.
    Sisa {
        pagu: Option<Money>,
        realisasi: Option<Money>,
    },
    /// Sisa in percent of the pagu.
    SisaPct {
        sisa: Money,
        pagu: Money,
    },
    /// Physical progress weighted by pagu, Σ(fisik × pagu) ÷ Σ pagu, over `lines` lines.
    Fisik {
        lines: usize,
    },
    /// Program indicators with capaian ≥ 100 (or > 100 when `exceeded`), out of `of`.
    ProgramIndicators {
        exceeded: bool,
        of: usize,
    },
    Target,
    RecordedRealisasi,
    /// A raw figure as recorded, with its label from the data.
    RawFigure(String),
    /// The sum of the rows under a subtotal.
    ChildrenSum(Amount),
    /// The year's realisation from the quarters of the Rencana Aksi.
    Quarters(QuarterRule),
    UmkmClass,
    BudgetPagu,
    RenstraTarget,
    /// The Renstra's kondisi awal of an indicator, as recorded.
    RenstraBaseline,
    /// The Renstra's end-of-period target of an indicator, as recorded.
    RenstraEndTarget,
    /// The yearly figures of a Renstra period added up, from its first year `from` on.
    PeriodSum {
        from: Year,
        values: Vec<Decimal>,
    },
    AkipIndicator,
    AkipWeighted,
    AkipPredicate,
}

impl Formula {
    /// Stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            Formula::None => "none",
            Formula::Raw { .. } => "raw",
            Formula::Capaian { .. } => "capaian",
            Formula::AvgCapaian(_) => "avg_capaian",
            Formula::AvgSerapan(_) => "avg_serapan",
            Formula::Efficiency { .. } => "efficiency",
            Formula::EfficientSasaran(_) => "efficient_sasaran",
            Formula::StaffCount(_) => "staff_count",
            Formula::FundedPrograms => "funded_programs",
            Formula::Sum { .. } => "sum",
            Formula::Serapan { .. } => "serapan",
            Formula::SupportPrograms(_) => "support_programs",
            Formula::FundedKegiatan => "funded_kegiatan",
            Formula::Sisa { .. } => "sisa",
            Formula::SisaPct { .. } => "sisa_pct",
            Formula::Fisik { .. } => "fisik",
            Formula::FundedSubkegiatan => "funded_subkegiatan",
            Formula::ProgramIndicators { .. } => "program_indicators",
            Formula::Target => "target",
            Formula::RecordedRealisasi => "recorded_realisasi",
            Formula::RawFigure(_) => "raw_figure",
            Formula::ChildrenSum(_) => "children_sum",
            Formula::Quarters(_) => "quarters",
            Formula::UmkmClass => "umkm_class",
            Formula::BudgetPagu => "budget_pagu",
            Formula::RenstraTarget => "renstra_target",
            Formula::RenstraBaseline => "renstra_baseline",
            Formula::RenstraEndTarget => "renstra_end_target",
            Formula::PeriodSum { .. } => "period_sum",
            Formula::AkipIndicator => "akip_indicator",
            Formula::AkipWeighted => "akip_weighted",
            Formula::AkipPredicate => "akip_predicate",
        }
    }
}

/// What is missing when a figure cannot be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Need {
    Indicator(String),
    Realisasi {
        indicator: String,
        year: Year,
    },
    Target {
        indicator: String,
        year: Year,
    },
    Program {
        kode: String,
        year: Year,
    },
    BudgetLine {
        kode: String,
        year: Year,
    },
    /// The indicators of a sasaran (its code).
    SasaranIndicators(String),
    /// The Renstra baseline or end target of an indicator (its code).
    Baseline(String),
    /// The IKU of a year (for their average).
    Iku(Year),
    /// The programs supporting a sasaran (its code).
    SasaranPrograms(String),
    /// The programs supporting an indicator (its code).
    SupportPrograms(String),
    Amount(Amount),
    Staff(Year),
    AgreementBudget(Year),
    RawFigure {
        indicator: String,
        year: Year,
    },
    /// A raw figure of the indicator's formula.
    Raw(RawRole),
    /// The indicator's realisation is entered as it is: there is no formula to apply.
    DirectValue,
    Period(Year),
    /// The office's own achievement bands for the Renstra period of a year.
    Bands(Year),
    Benchmark(String),
    BenchmarkTarget,
    BenchmarkRealisasi,
    /// A realisasi fisik printed with a pagu.
    Fisik,
    /// A field the subject does not have.
    Field {
        subject: String,
        field: String,
    },
}

impl Need {
    /// Stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            Need::Indicator(_) => "indicator",
            Need::Realisasi { .. } => "realisasi",
            Need::Target { .. } => "target",
            Need::Program { .. } => "program",
            Need::BudgetLine { .. } => "budget_line",
            Need::SasaranIndicators(_) => "sasaran_indicators",
            Need::SasaranPrograms(_) => "sasaran_programs",
            Need::Iku(_) => "iku",
            Need::Baseline(_) => "baseline",
            Need::SupportPrograms(_) => "support_programs",
            Need::Amount(_) => "amount",
            Need::Staff(_) => "staff",
            Need::AgreementBudget(_) => "agreement_budget",
            Need::RawFigure { .. } => "raw_figure",
            Need::Raw(_) => "raw",
            Need::DirectValue => "direct_value",
            Need::Period(_) => "period",
            Need::Bands(_) => "bands",
            Need::Benchmark(_) => "benchmark",
            Need::BenchmarkTarget => "benchmark_target",
            Need::BenchmarkRealisasi => "benchmark_realisasi",
            Need::Fisik => "fisik",
            Need::Field { .. } => "field",
        }
    }
}

/// A value outside the scale it must be on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Range {
    /// An AKIP score (0–100).
    AkipScore(Decimal),
    /// An AKIP component score (0–100).
    AkipComponent(Decimal),
}

/// The row a finding is about: a name from the data, or a row the report composes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A name as recorded (indicator, budget line, asset, business, benchmark).
    Named(String),
    AllSasaran,
    AllPrograms,
    /// Every top-level budget line: programmes and non-programme spending.
    AllBudgetLines,
    /// The budget lines of one funding source (its code).
    FundingSource(String),
    /// The budget lines of one spending type (its code).
    SpendingType(String),
    AgreementTotal,
    /// The programs supporting the named indicator.
    SupportPrograms(String),
    /// The program indicators under the named indicator.
    ProgramIndicators(String),
    AllStaff,
    /// Staff of one status (its code).
    Staff(String),
    AkipScore(Year),
    AkipPredicate(Year),
    /// A section of the report's text, by its key (`kata-pengantar`, `iku:IKU1:kendala`).
    Section(String),
}

/// A way of computing a number from raw figures, to explain a printed one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Alternative {
    pub kind: FormulaKind,
    /// The common slip of leaving out `× 100`.
    pub without_hundred: bool,
}
