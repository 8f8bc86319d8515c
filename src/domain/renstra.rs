use super::Year;
use rust_decimal::Decimal;

/// A strategic-plan (Renstra) period, e.g. 2024–2026.
#[derive(Clone, Debug, PartialEq)]
pub struct RenstraPeriod {
    pub code: String,
    pub start_year: Year,
    pub end_year: Year,
    pub name: String,
    /// The city plan it follows (RPJMD / RPD).
    pub basis: String,
}

impl RenstraPeriod {
    pub fn contains(&self, year: Year) -> bool {
        (self.start_year..=self.end_year).contains(&year)
    }
    pub fn years(&self) -> impl Iterator<Item = Year> {
        self.start_year..=self.end_year
    }
}

/// A strategy of a Renstra period.
#[derive(Clone, Debug, PartialEq)]
pub struct Strategy {
    pub period: String,
    pub position: i64,
    pub text: String,
}

/// A misi of the city plan (RPJMD / RPD) that a Renstra period follows, as the office's reports
/// print it above the tujuan or sasaran that serve it.
#[derive(Clone, Debug, PartialEq)]
pub struct Misi {
    pub period: String,
    pub code: String,
    pub position: i64,
    pub name: String,
}

/// A goal (tujuan) of a Renstra period.
#[derive(Clone, Debug, PartialEq)]
pub struct Tujuan {
    pub period: String,
    pub code: String,
    pub position: i64,
    pub name: String,
    /// The city plan's misi it serves, if the report names one.
    pub misi: Option<String>,
}

/// A target outcome (sasaran), under a tujuan of the office or, in reports whose office has no
/// tujuan of its own, directly under a misi of the city plan. Exactly one of the two is given
/// (the reader refuses both and neither).
#[derive(Clone, Debug, PartialEq)]
pub struct Sasaran {
    pub tujuan: Option<String>,
    pub code: String,
    pub position: i64,
    pub name: String,
    pub misi: Option<String>,
}

/// What a sasaran hangs under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SasaranParent<'a> {
    Tujuan(&'a str),
    Misi(&'a str),
}

impl Sasaran {
    /// Its tujuan if it has one, else its misi; `None` only for a record the reader would refuse.
    pub fn parent(&self) -> Option<SasaranParent<'_>> {
        match (&self.tujuan, &self.misi) {
            (Some(t), _) => Some(SasaranParent::Tujuan(t)),
            (None, Some(m)) => Some(SasaranParent::Misi(m)),
            (None, None) => None,
        }
    }
    /// Whether it hangs directly under the tujuan `code`.
    pub fn is_under_tujuan(&self, code: &str) -> bool {
        self.tujuan.as_deref() == Some(code)
    }
    /// Whether it hangs directly under the misi `code` (not through a tujuan).
    pub fn is_under_misi(&self, code: &str) -> bool {
        self.tujuan.is_none() && self.misi.as_deref() == Some(code)
    }
}

/// Where an indicator hangs in the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IndicatorLevel {
    /// Indikator tujuan.
    Tujuan,
    /// Indikator sasaran (IKU when marked so).
    Sasaran,
    /// Indikator program (outcome of a budget program).
    Program,
}

impl IndicatorLevel {
    pub const ALL: [IndicatorLevel; 3] = [IndicatorLevel::Tujuan, IndicatorLevel::Sasaran, IndicatorLevel::Program];
    pub fn code(self) -> &'static str {
        match self {
            IndicatorLevel::Tujuan => "tujuan",
            IndicatorLevel::Sasaran => "sasaran",
            IndicatorLevel::Program => "program",
        }
    }
}

/// Which direction is good for an indicator (polaritas).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Polarity {
    HigherIsBetter,
    LowerIsBetter,
    /// The target is a band (`target` … `target_high`): 100 inside, less on either side.
    Range,
    /// A range target of a higher-is-better indicator: 100 inside, above 100 beyond the
    /// upper bound, below 100 under the lower one.
    RangeHigher,
    /// A range target of a lower-is-better indicator: 100 inside, above 100 under the lower
    /// bound, below 100 beyond the upper one.
    RangeLower,
}

impl Polarity {
    pub const ALL: [Polarity; 5] = [
        Polarity::HigherIsBetter,
        Polarity::LowerIsBetter,
        Polarity::Range,
        Polarity::RangeHigher,
        Polarity::RangeLower,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Polarity::HigherIsBetter => "higher",
            Polarity::LowerIsBetter => "lower",
            Polarity::Range => "range",
            Polarity::RangeHigher => "range_higher",
            Polarity::RangeLower => "range_lower",
        }
    }
    /// Whether the target is a range (`target` … `target_high`).
    pub fn is_range(self) -> bool {
        matches!(self, Polarity::Range | Polarity::RangeHigher | Polarity::RangeLower)
    }
}

/// The Renstra's kondisi awal (baseline) and end-of-period target of an indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct RenstraBaseline {
    pub indicator: String,
    /// The year of the baseline, usually the year before the period.
    pub baseline_year: Option<i64>,
    pub baseline: Option<Decimal>,
    /// The target at the end of the period (kondisi akhir); a range's lower bound.
    pub end_target: Option<Decimal>,
    pub end_target_high: Option<Decimal>,
    pub note: String,
}

/// One band of an office's own achievement scale for a Renstra period (kategori capaian, e.g.
/// SB "Sangat Baik" above 100). A capaian belongs to the band of lowest `position` whose lower
/// bound it passes.
#[derive(Clone, Debug, PartialEq)]
pub struct AchievementBand {
    pub period: String,
    /// 1 for the highest band.
    pub position: i64,
    /// As the report prints it, e.g. `SB`.
    pub code: String,
    /// In words, e.g. `Sangat Baik`.
    pub name: String,
    /// Lower bound in % capaian; `None` for the lowest band (everything below the others).
    pub lower: Option<Decimal>,
    /// Whether a capaian equal to `lower` belongs to this band (≥) rather than to the next (>).
    pub lower_inclusive: bool,
}

/// How capaian is computed for a lower-is-better indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum CapaianRule {
    /// (2 − realisasi / target) × 100, the national guidance.
    #[default]
    Standard,
    /// target / realisasi × 100, used by many reports.
    Inverse,
}

impl CapaianRule {
    pub const ALL: [CapaianRule; 2] = [CapaianRule::Standard, CapaianRule::Inverse];
    pub fn code(self) -> &'static str {
        match self {
            CapaianRule::Standard => "standard",
            CapaianRule::Inverse => "inverse",
        }
    }
}

/// How an indicator's realisation follows from its raw figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormulaKind {
    /// The realisation is entered as it is.
    Value,
    /// (Vn − Vn−1) / Vn−1 × 100.
    GrowthPct,
    /// Vn / Vn−1 × 100.
    RatioPct,
    /// part / whole × 100.
    SharePct,
}

impl FormulaKind {
    pub const ALL: [FormulaKind; 4] =
        [FormulaKind::Value, FormulaKind::GrowthPct, FormulaKind::RatioPct, FormulaKind::SharePct];
    pub fn code(self) -> &'static str {
        match self {
            FormulaKind::Value => "value",
            FormulaKind::GrowthPct => "growth_pct",
            FormulaKind::RatioPct => "ratio_pct",
            FormulaKind::SharePct => "share_pct",
        }
    }
}

/// A performance indicator with its dictionary entry (the IKU dictionary fields).
#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    pub code: String,
    pub period: String,
    pub level: IndicatorLevel,
    /// Tujuan code, sasaran code or program kode, by `level`; may be unknown for old periods.
    pub parent: Option<String>,
    pub position: i64,
    pub name: String,
    pub satuan: String,
    pub polarity: Polarity,
    pub capaian_rule: CapaianRule,
    pub formula: FormulaKind,
    /// The formula as written in the plan.
    pub formula_text: String,
    pub definition: String,
    pub alasan: String,
    pub data_source: String,
    pub responsible: String,
    /// Indikator Kinerja Utama.
    pub iku: bool,
    /// The indicator of the previous period this one follows.
    pub predecessor: Option<String>,
    /// Whether the predecessor measures the same thing (so the years can be compared).
    pub comparable: bool,
    /// How the year's realisation follows from the quarters.
    pub quarter_rule: QuarterRule,
    /// How the yearly figures make the Renstra period's so far.
    pub period_rule: PeriodRule,
    pub note: String,
}

impl Indicator {
    /// A new indicator of `period` under `parent`, as a planner starts one: an IKU in %, higher is
    /// better, the standard capaian rule, its value typed in (no formula), nothing else filled.
    pub fn new(
        code: &str,
        period: &str,
        level: IndicatorLevel,
        parent: Option<&str>,
        position: i64,
        name: &str,
    ) -> Indicator {
        Indicator {
            code: code.into(),
            period: period.into(),
            level,
            parent: parent.map(str::to_string),
            position,
            name: name.into(),
            satuan: "%".into(),
            polarity: Polarity::HigherIsBetter,
            capaian_rule: CapaianRule::Standard,
            formula: FormulaKind::Value,
            formula_text: String::new(),
            definition: String::new(),
            alasan: String::new(),
            data_source: String::new(),
            responsible: String::new(),
            iku: true,
            predecessor: None,
            comparable: false,
            quarter_rule: QuarterRule::Cumulative,
            period_rule: PeriodRule::Level,
            note: String::new(),
        }
    }
}

/// How quarterly realisations add up to the year's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum QuarterRule {
    /// The figure is cumulative: the year's realisation is the last quarter's.
    #[default]
    Cumulative,
    /// The quarters add up to the year.
    Sum,
}

impl QuarterRule {
    pub const ALL: [QuarterRule; 2] = [QuarterRule::Cumulative, QuarterRule::Sum];
    pub fn code(self) -> &'static str {
        match self {
            QuarterRule::Cumulative => "cumulative",
            QuarterRule::Sum => "sum",
        }
    }
}

/// How an indicator's yearly figures make the Renstra period's (the "s.d. tahun N" figures),
/// as [`QuarterRule`] does for the quarters of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum PeriodRule {
    /// A level (a percentage, an index): the latest year's figure is the period's so far.
    #[default]
    Level,
    /// A count that adds up: the period's figure so far is the sum of its years'.
    Sum,
}

impl PeriodRule {
    pub const ALL: [PeriodRule; 2] = [PeriodRule::Level, PeriodRule::Sum];
    pub fn code(self) -> &'static str {
        match self {
            PeriodRule::Level => "level",
            PeriodRule::Sum => "sum",
        }
    }
}

/// The Rencana Aksi of an indicator for one quarter (triwulan I–IV).
#[derive(Clone, Debug, PartialEq)]
pub struct QuarterProgress {
    pub indicator: String,
    pub year: Year,
    /// 1 to 4.
    pub quarter: i64,
    pub target: Option<Decimal>,
    pub realisasi: Option<Decimal>,
}

/// A target value, possibly a range.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetValue {
    pub target: Decimal,
    /// Upper bound when the target is a range.
    pub target_high: Option<Decimal>,
}

/// A Renstra target of an indicator for one year.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub indicator: String,
    pub year: Year,
    pub value: TargetValue,
    pub note: String,
}

/// A target of the year's performance agreement (Perjanjian Kinerja).
#[derive(Clone, Debug, PartialEq)]
pub struct AgreementTarget {
    pub year: Year,
    pub indicator: String,
    pub value: TargetValue,
    pub note: String,
}

/// A realisation of an indicator in one year, as recorded (reported) by the office.
#[derive(Clone, Debug, PartialEq)]
pub struct Realisation {
    pub indicator: String,
    pub year: Year,
    pub realisasi: Decimal,
    pub note: String,
}

/// The role of a raw figure in an indicator's formula.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RawRole {
    /// Vn, the value of the year.
    Current,
    /// Vn−1, the value of the previous year.
    Previous,
    /// The part of a share.
    Part,
    /// The whole of a share.
    Whole,
}

impl RawRole {
    pub const ALL: [RawRole; 4] = [RawRole::Current, RawRole::Previous, RawRole::Part, RawRole::Whole];
    pub fn code(self) -> &'static str {
        match self {
            RawRole::Current => "current",
            RawRole::Previous => "previous",
            RawRole::Part => "part",
            RawRole::Whole => "whole",
        }
    }
}

/// A raw figure behind an indicator's realisation (e.g. volume usaha 2024).
#[derive(Clone, Debug, PartialEq)]
pub struct RawFigure {
    pub indicator: String,
    pub year: Year,
    pub role: RawRole,
    pub value: Decimal,
    pub label: String,
    pub note: String,
}
