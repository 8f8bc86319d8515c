//! The one list of what a figure may be about: the kinds of subject (`indicator:CODE`,
//! `budget:*` …), the fields each has and how each is shown, and whether a subject's code names
//! something in the data. `printed_figures.csv` (checked on import), the narrative's references
//! (`super::narrative`) and [`super::resolve::resolve`] all read it, so that what may be
//! written, what is checked and what is computed cannot drift apart.

use crate::domain::{Coded, Dataset, FundingSource, SpendingType, StaffStatus, Year};

/// How a figure is shown (`crate::text::narrative` formats each kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureKind {
    /// An amount of rupiah: `Rp 824.166.800`; may be written out in words.
    Money,
    /// A percentage with two decimals: `92,61 %`.
    Percent,
    /// A whole number: `41`; may be written out in words.
    Count,
    /// A value of an indicator (target, realisation, raw figure) with the precision it carries,
    /// at most two decimals; its unit is the text's to write.
    Value,
    /// An efficiency verdict (*efisien* …).
    Verdict,
    /// An achievement category of the office's scale (`SB`, `Baik` …): printed in a report and
    /// checked; the narrative's text shows the band's name (`Sangat Baik`).
    Category,
}

impl FigureKind {
    /// Whether `terbilang` applies: amounts and counts.
    pub fn has_words(self) -> bool {
        matches!(self, FigureKind::Money | FigureKind::Count)
    }
}

/// The kinds of subject, in the order the documentation lists them.
pub const SUBJECT_KINDS: [&str; 10] = [
    "indicator",
    "sasaran",
    "budget",
    "source",
    "spending",
    "agreement",
    "support",
    "program_indicators",
    "benchmark",
    "staff",
];

use FigureKind::{Category, Count, Money, Percent, Value, Verdict};

const INDICATOR: &[(&str, FigureKind)] = &[
    ("capaian_pct", Percent),
    ("target", Value),
    ("realisasi", Value),
    ("raw_current", Value),
    ("raw_previous", Value),
    ("raw_part", Value),
    ("raw_whole", Value),
    ("avg_serapan", Percent),
    ("baseline", Value),
    ("end_target", Value),
    ("capaian_end_pct", Percent),
    ("target_cumulative", Value),
    ("realisasi_cumulative", Value),
    ("capaian_cumulative_pct", Percent),
    ("category", Category),
];
const SASARAN: &[(&str, FigureKind)] = &[("avg_capaian", Percent), ("avg_serapan", Percent), ("efficiency", Verdict)];
const ALL_SASARAN: &[(&str, FigureKind)] = &[("count_efficient", Count), ("avg_capaian", Percent)];
const BUDGET_LINE: &[(&str, FigureKind)] = &[
    ("pagu", Money),
    ("pagu_murni", Money),
    ("realisasi", Money),
    ("serapan_pct", Percent),
    ("sisa", Money),
    ("sisa_pct", Percent),
    ("fisik_pct", Percent),
];
const ALL_PROGRAMS: &[(&str, FigureKind)] = &[
    ("pagu", Money),
    ("pagu_murni", Money),
    ("realisasi", Money),
    ("serapan_pct", Percent),
    ("sisa", Money),
    ("sisa_pct", Percent),
    ("fisik_pct", Percent),
    ("count_program", Count),
];
/// The totals over top-level lines: all of them, one funding source's, one spending type's.
const TOTALS: &[(&str, FigureKind)] = &[
    ("pagu", Money),
    ("pagu_murni", Money),
    ("realisasi", Money),
    ("serapan_pct", Percent),
    ("sisa", Money),
    ("sisa_pct", Percent),
];
const AGREEMENT: &[(&str, FigureKind)] = &[("pagu", Money), ("pagu_murni", Money)];
const SUPPORT: &[(&str, FigureKind)] = &[
    ("pagu", Money),
    ("pagu_murni", Money),
    ("realisasi", Money),
    ("serapan_pct", Percent),
    ("count_program", Count),
    ("count_kegiatan", Count),
    ("count_subkegiatan", Count),
];
const PROGRAM_INDICATORS: &[(&str, FigureKind)] = &[("count_achieved", Count), ("count_exceeded", Count)];
const BENCHMARK: &[(&str, FigureKind)] = &[("capaian_pct", Percent)];
const STAFF: &[(&str, FigureKind)] = &[("count", Count)];

/// The fields of a subject and how each is shown; `key` is what follows the colon (`*` for the
/// programmes' total, `all` for the grand total). Empty for a kind that is none or a key of a
/// shape the kind does not take (`agreement:X`).
pub fn fields_of(kind: &str, key: &str) -> &'static [(&'static str, FigureKind)] {
    match (kind, key) {
        ("indicator" | "support" | "program_indicators" | "benchmark", "*") => &[],
        ("indicator", _) => INDICATOR,
        ("sasaran", "*") => ALL_SASARAN,
        ("sasaran", _) => SASARAN,
        ("budget", "*") => ALL_PROGRAMS,
        ("budget", "all") => TOTALS,
        ("budget", _) => BUDGET_LINE,
        ("source" | "spending", _) => TOTALS,
        ("agreement", "*") => AGREEMENT,
        ("support", _) => SUPPORT,
        ("program_indicators", _) => PROGRAM_INDICATORS,
        ("benchmark", _) => BENCHMARK,
        ("staff", _) => STAFF,
        _ => &[],
    }
}

/// `KIND:KEY` split at its first colon; a subject without a colon is all kind.
pub fn split(subject: &str) -> (&str, &str) {
    subject.split_once(':').unwrap_or((subject, ""))
}

/// How the figure `field` of `subject` is shown, when the subject's kind and key shape have such
/// a field (whether the key names anything is [`check`]'s question).
pub fn figure_kind(subject: &str, field: &str) -> Option<FigureKind> {
    let (kind, key) = split(subject);
    fields_of(kind, key).iter().find(|(f, _)| *f == field).map(|(_, k)| *k)
}

/// Why a subject and field name no figure of the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefError {
    /// The part before the colon is no kind of subject (`budgett:*`).
    UnknownSubjectKind { subject: String },
    /// Nothing after the colon (`indicator:`, or no colon at all).
    NoKey { subject: String },
    /// The subject's code names nothing in the data (`indicator:IKU9`).
    UnknownSubject { subject: String },
    /// A code of a fixed list that is not on it (`source:apbd2`, `staff:PPPK`); `expected`
    /// lists the codes.
    UnknownCode { subject: String, expected: Vec<&'static str> },
    /// The code names something of other years, but the year's data has records of its kind
    /// without it (`budget:1.4.55` in a year whose budget is recorded).
    NotInYear { subject: String, year: Year },
    /// The subject has no such field; `expected` lists those it has.
    UnknownField { subject: String, field: String, expected: Vec<&'static str> },
    /// `terbilang` on a figure that is neither an amount nor a count.
    NoWords { subject: String, field: String },
}

/// Whether `key` names something of its kind in the data. With a `year`, a budget line or a
/// benchmark must be one of that year, unless the year has no budget lines (no benchmarks) at
/// all: its figure is then missing data, which the checker lists as unverified. Without a year
/// (a narrative reference, which may be read in any year), any year will do.
fn exists(d: &Dataset, subject: &str, kind: &str, key: &str, year: Option<Year>) -> Result<(), RefError> {
    let unknown = || Err(RefError::UnknownSubject { subject: subject.to_string() });
    let coded = |expected: Vec<&'static str>| {
        if expected.contains(&key) {
            Ok(())
        } else {
            Err(RefError::UnknownCode { subject: subject.to_string(), expected })
        }
    };
    // Known in some year, or in `year` when the year has records of the kind.
    let dated = |in_year: &dyn Fn(Year) -> bool, any_of_year: &dyn Fn(Year) -> bool, anywhere: bool| match year {
        _ if !anywhere => unknown(),
        Some(y) if !in_year(y) && any_of_year(y) => Err(RefError::NotInYear { subject: subject.to_string(), year: y }),
        _ => Ok(()),
    };
    match kind {
        "indicator" | "support" | "program_indicators" => {
            if d.indicator(key).is_some() {
                Ok(())
            } else {
                unknown()
            }
        }
        "sasaran" if key == "*" || d.sasaran.iter().any(|s| s.code == key) => Ok(()),
        "budget" if key == "*" || key == "all" => Ok(()),
        "budget" => dated(
            &|y| d.budget_line(y, key).is_some(),
            &|y| d.budget_lines.iter().any(|b| b.year == y),
            d.budget_lines.iter().any(|b| b.kode == key),
        ),
        "agreement" if key == "*" => Ok(()),
        "benchmark" => {
            // Written as the position is (`01` and `+1` are not `1`): codes are exact.
            let Some(p) = key.parse::<i64>().ok().filter(|p| p.to_string() == key) else { return unknown() };
            dated(
                &|y| d.benchmarks.iter().any(|b| b.year == y && b.position == p),
                &|y| d.benchmarks.iter().any(|b| b.year == y),
                d.benchmarks.iter().any(|b| b.position == p),
            )
        }
        "source" => coded(FundingSource::all().iter().map(|s| s.code()).collect()),
        "spending" => coded(SpendingType::all().iter().map(|s| s.code()).collect()),
        "staff" => coded(std::iter::once("all").chain(StaffStatus::ALL.iter().map(|s| s.code())).collect()),
        _ => unknown(),
    }
}

/// What is wrong with `subject` alone: its kind, its key, and whether the key names something
/// in the data (of `year`, see [`exists`]).
pub fn check_subject(d: &Dataset, subject: &str, year: Option<Year>) -> Result<(), RefError> {
    let (kind, key) = split(subject);
    if !SUBJECT_KINDS.contains(&kind) {
        return Err(RefError::UnknownSubjectKind { subject: subject.to_string() });
    }
    if key.is_empty() {
        return Err(RefError::NoKey { subject: subject.to_string() });
    }
    exists(d, subject, kind, key, year)
}

/// How `field` of `subject` is shown, when the subject's kind and key shape have it; otherwise
/// the fields they have.
pub fn check_field(subject: &str, field: &str) -> Result<FigureKind, RefError> {
    let (kind, key) = split(subject);
    let fields = fields_of(kind, key).iter();
    let mut expected = Vec::new();
    for (f, k) in fields {
        if *f == field {
            return Ok(*k);
        }
        expected.push(*f);
    }
    Err(RefError::UnknownField { subject: subject.to_string(), field: field.to_string(), expected })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::*;

    fn data() -> Dataset {
        let mut d = Dataset::default();
        d.indicators.push(Indicator::new("IKU1", "P", IndicatorLevel::Sasaran, None, 1, "Indikator"));
        for year in [2023, 2024] {
            let kode = if year == 2024 { "2" } else { "1" };
            d.budget_lines.push(BudgetLine::new(year, kode, None, BudgetLevel::Program, 1, "Program"));
        }
        d
    }

    #[test]
    fn a_subject_names_a_kind_and_something_of_it() {
        let d = data();
        let err = |s: &str, y| check_subject(&d, s, y).err();
        assert_eq!(err("indicator:IKU1", Some(2024)), None);
        assert_eq!(
            err("Indicator:IKU1", None),
            Some(RefError::UnknownSubjectKind { subject: "Indicator:IKU1".into() })
        );
        assert_eq!(err(":x", None), Some(RefError::UnknownSubjectKind { subject: ":x".into() }));
        assert_eq!(err("indicator:", None), Some(RefError::NoKey { subject: "indicator:".into() }));
        assert_eq!(err("indicator", None), Some(RefError::NoKey { subject: "indicator".into() }));
        assert_eq!(err("indicator:iku1", None), Some(RefError::UnknownSubject { subject: "indicator:iku1".into() }));
        assert_eq!(err("indicator: IKU1", None), Some(RefError::UnknownSubject { subject: "indicator: IKU1".into() }));
        assert_eq!(err("budget:*:x", None), Some(RefError::UnknownSubject { subject: "budget:*:x".into() }));
        assert_eq!(err("budget:*", Some(2024)), None);
        assert_eq!(err("budget:all", Some(2024)), None);
        assert_eq!(err("agreement:1", None), Some(RefError::UnknownSubject { subject: "agreement:1".into() }));
        // Kode 1 is a line of 2023 only: in 2024, whose budget is recorded, it names nothing; in
        // 2022, which has no budget lines, its figure is missing data (checked, then unverified).
        assert_eq!(err("budget:1", Some(2023)), None);
        assert_eq!(err("budget:1", Some(2024)), Some(RefError::NotInYear { subject: "budget:1".into(), year: 2024 }));
        assert_eq!(err("budget:1", Some(2022)), None);
        assert_eq!(err("budget:1", None), None);
        assert_eq!(err("budget:9", Some(2022)), Some(RefError::UnknownSubject { subject: "budget:9".into() }));
        assert_eq!(err("benchmark:1", Some(2024)), Some(RefError::UnknownSubject { subject: "benchmark:1".into() }));
        let mut with_benchmark = data();
        with_benchmark.benchmarks.push(Benchmark {
            year: 2024,
            indicator: "IKU1".into(),
            position: 1,
            name: "Nasional".into(),
            source: String::new(),
            benchmark_year: 2024,
            satuan: String::new(),
            target: None,
            realisasi: None,
            note: String::new(),
        });
        let err = |s: &str, y| check_subject(&with_benchmark, s, y).err();
        assert_eq!(err("benchmark:1", Some(2024)), None);
        assert_eq!(err("benchmark:01", Some(2024)), Some(RefError::UnknownSubject { subject: "benchmark:01".into() }));
        assert_eq!(err("benchmark:+1", None), Some(RefError::UnknownSubject { subject: "benchmark:+1".into() }));
        // Position 1 is of 2024 only; 2025 has no benchmarks, so its figure is missing data.
        assert_eq!(err("benchmark:2", Some(2024)), Some(RefError::UnknownSubject { subject: "benchmark:2".into() }));
        assert_eq!(err("benchmark:1", Some(2025)), None);
        assert_eq!(err("source:apbd", None), None);
        assert!(
            matches!(err("source:APBD", None), Some(RefError::UnknownCode { expected, .. }) if expected.contains(&"apbd"))
        );
        assert_eq!(err("spending:pegawai", None), None);
        assert_eq!(err("staff:all", None), None);
        assert_eq!(err("staff:PNS", None), None);
        assert_eq!(
            err("staff:PPPK", None),
            Some(RefError::UnknownCode { subject: "staff:PPPK".into(), expected: vec!["all", "PNS", "TKK"] })
        );
    }

    #[test]
    fn a_field_is_one_its_subject_has() {
        assert_eq!(check_field("budget:all", "serapan_pct"), Ok(FigureKind::Percent));
        assert_eq!(check_field("indicator:IKU1", "category"), Ok(FigureKind::Category));
        assert_eq!(
            check_field("budget:all", "count_program"),
            Err(RefError::UnknownField {
                subject: "budget:all".into(),
                field: "count_program".into(),
                expected: vec!["pagu", "pagu_murni", "realisasi", "serapan_pct", "sisa", "sisa_pct"],
            })
        );
        // Case matters, as in every code.
        assert!(check_field("budget:*", "Pagu").is_err());
    }
}
