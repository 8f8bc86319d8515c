//! The rules a budget line, a Renstra baseline and a period's achievement scale keep, as data:
//! one check each, shared by the import (which locates a broken rule by file, line and column),
//! the store (which refuses an operation that would break one) and the window's forms (which
//! say so beside the field). `text::rule` words them.

use crate::domain::{AchievementBand, BudgetLine, RenstraBaseline};
use rust_decimal::Decimal;

/// A rule a record breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// A single alokasi together with pagu murni or perubahan.
    AlokasiWithPagu,
    /// A realisasi fisik outside 0–100 or with more than two decimals.
    FisikOutOfRange(Decimal),
    /// The funding source or spending type set on a line under another: it shares its
    /// top-level line's (`top`).
    ClassOnChild { kode: String, top: String },
    /// An end-of-period target range written high to low.
    RangeReversed { low: Decimal, high: Decimal },
    /// An upper bound of the end target without its lower bound.
    HighWithoutLow,
    /// A band whose lower bound is not below the one of the band above it (`above`, its code).
    BandOrder { above: String },
    /// A band without a lower bound that is not the lowest.
    BandOpenNotLast,
    /// Two bands of a scale with the same code.
    BandCodeTwice(String),
    /// A band without a code.
    BandWithoutCode,
}

/// The rules a budget line breaks, each with the column it is about (as in the file).
pub fn budget_line_rules(line: &BudgetLine) -> Vec<(&'static str, Rule)> {
    let mut v = Vec::new();
    if line.alokasi.is_some() && (line.pagu_murni.is_some() || line.pagu_perubahan.is_some()) {
        v.push(("alokasi", Rule::AlokasiWithPagu));
    }
    v
}

/// Whether a realisasi fisik is a percentage of 0 to 100 with at most two decimals.
pub fn fisik_ok(pct: Decimal) -> bool {
    (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&pct) && pct.normalize().scale() <= 2
}

/// The rules a Renstra baseline breaks, each with the column it is about.
pub fn baseline_rules(b: &RenstraBaseline) -> Vec<(&'static str, Rule)> {
    let mut v = Vec::new();
    if let (Some(low), Some(high)) = (b.end_target, b.end_target_high) {
        if high < low {
            v.push(("end_target_high", Rule::RangeReversed { low, high }));
        }
    }
    if b.end_target_high.is_some() && b.end_target.is_none() {
        v.push(("end_target", Rule::HighWithoutLow));
    }
    v
}

/// The rules a period's scale breaks, its bands given highest first (by position): each with
/// the index of the band it is about. The lower bounds fall from band to band, and only the
/// last band may be open below. Codes (unique, filled) are the import's to check by its own
/// means (`Duplicate`, `Required`) and are not listed here.
pub fn scale_rules(bands: &[&AchievementBand]) -> Vec<(usize, Rule)> {
    let mut v = Vec::new();
    for (i, pair) in bands.windows(2).enumerate() {
        let (above, band) = (pair[0], pair[1]);
        match (above.lower, band.lower) {
            (None, _) => v.push((i, Rule::BandOpenNotLast)),
            (Some(a), Some(b)) if b >= a => v.push((i + 1, Rule::BandOrder { above: above.code.clone() })),
            _ => {}
        }
    }
    v
}

/// [`scale_rules`] and the codes of a whole scale as the window and the store see it: every
/// band has a code, no code twice.
pub fn whole_scale_rules(bands: &[&AchievementBand]) -> Vec<(usize, Rule)> {
    let mut v = scale_rules(bands);
    for (i, b) in bands.iter().enumerate() {
        let code = b.code.trim();
        if code.is_empty() {
            v.push((i, Rule::BandWithoutCode));
        } else if bands[..i].iter().any(|o| o.code.trim().eq_ignore_ascii_case(code)) {
            v.push((i, Rule::BandCodeTwice(code.to_string())));
        }
    }
    v.sort_by_key(|(i, _)| *i);
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn band(position: i64, code: &str, lower: Option<&str>) -> AchievementBand {
        AchievementBand {
            period: "P".into(),
            position,
            code: code.into(),
            name: String::new(),
            lower: lower.map(d),
            lower_inclusive: true,
        }
    }

    #[test]
    fn fisik_is_a_percentage_to_two_decimals() {
        assert!(fisik_ok(d("0")) && fisik_ok(d("100")) && fisik_ok(d("45.25")) && fisik_ok(d("45.250")));
        assert!(!fisik_ok(d("100.01")) && !fisik_ok(d("-1")) && !fisik_ok(d("45.125")) && !fisik_ok(d("120")));
    }

    #[test]
    fn a_scale_falls_and_is_open_only_at_the_bottom() {
        let (sb, b, c) = (band(1, "SB", Some("100")), band(2, "B", Some("80")), band(3, "C", None));
        assert!(whole_scale_rules(&[&sb, &b, &c]).is_empty());
        // 120 over SB's 100: the second band's bound is not below the first's.
        let up = band(2, "B", Some("120"));
        assert_eq!(scale_rules(&[&sb, &up]), [(1, Rule::BandOrder { above: "SB".into() })]);
        assert_eq!(scale_rules(&[&c, &sb]), [(0, Rule::BandOpenNotLast)]);
        let twice = band(2, "sb", Some("50"));
        assert_eq!(whole_scale_rules(&[&sb, &twice]), [(1, Rule::BandCodeTwice("sb".into()))]);
    }

    #[test]
    fn a_baseline_range_is_written_low_to_high() {
        let b = RenstraBaseline {
            indicator: "IKU1".into(),
            baseline_year: None,
            baseline: None,
            end_target: Some(d("80")),
            end_target_high: Some(d("70")),
            note: String::new(),
        };
        assert_eq!(baseline_rules(&b), [("end_target_high", Rule::RangeReversed { low: d("80"), high: d("70") })]);
        let no_low = RenstraBaseline { end_target: None, ..b };
        assert_eq!(baseline_rules(&no_low), [("end_target", Rule::HighWithoutLow)]);
    }
}
