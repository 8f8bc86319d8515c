//! An office's own achievement bands (kategori capaian): which band a capaian falls in.
//!
//! Bands of a Renstra period are ordered by position, 1 the highest. A capaian belongs to the
//! first band whose lower bound it passes: above it, or equal to it when the bound is inclusive.
//! A band without a lower bound takes everything below the others. The import keeps the lower
//! bounds falling and an open band last (`interchange::records`).

use super::how::Need;
use super::resolve::{indicator_capaian, Resolved};
use super::{CannotCompute, Settings};
use crate::domain::{AchievementBand, Dataset, Year};
use rust_decimal::Decimal;

/// The bands of a Renstra period, highest first.
pub fn period_bands<'a>(d: &'a Dataset, period: &str) -> Vec<&'a AchievementBand> {
    let mut v: Vec<&AchievementBand> = d.achievement_bands.iter().filter(|b| b.period == period).collect();
    v.sort_by_key(|b| b.position);
    v
}

/// The band a capaian falls in; `None` when it is below every bound and no band is open below.
pub fn band_of<'a>(bands: &[&'a AchievementBand], capaian: Decimal) -> Option<&'a AchievementBand> {
    bands.iter().copied().find(|b| match b.lower {
        None => true,
        Some(l) if b.lower_inclusive => capaian >= l,
        Some(l) => capaian > l,
    })
}

/// Whether a printed category names `band`: its code or its name, ignoring case and the spaces
/// around it.
pub fn names_band(printed: &str, band: &AchievementBand) -> bool {
    let p = printed.trim();
    !p.is_empty() && (p.eq_ignore_ascii_case(band.code.trim()) || p.eq_ignore_ascii_case(band.name.trim()))
}

/// The category of an indicator in a year by the bands of the year's Renstra period, with the
/// capaian it follows from.
pub fn indicator_category<'a>(
    d: &'a Dataset,
    s: &Settings,
    code: &str,
    year: Year,
) -> Result<(Option<&'a AchievementBand>, Resolved), CannotCompute> {
    let period = d.period_of_year(year).ok_or(CannotCompute::Missing(Need::Period(year)))?;
    let bands = period_bands(d, &period.code);
    if bands.is_empty() {
        return Err(CannotCompute::Missing(Need::Bands(year)));
    }
    let c = indicator_capaian(d, s, code, year)?;
    let value = c.value.number().unwrap_or_default();
    Ok((band_of(&bands, value), c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }
    fn band(position: i64, code: &str, lower: Option<&str>, inclusive: bool) -> AchievementBand {
        AchievementBand {
            period: "P".into(),
            position,
            code: code.into(),
            name: format!("{code} name"),
            lower: lower.map(d),
            lower_inclusive: inclusive,
        }
    }

    #[test]
    fn open_lower_bounds_as_printed_greater_than() {
        // "> 100 SB, > 80–100 B, > 55–80 C, < 55 K": each bound belongs to the band below it.
        let scale = [
            band(1, "SB", Some("100"), false),
            band(2, "B", Some("80"), false),
            band(3, "C", Some("55"), false),
            band(4, "K", None, false),
        ];
        let refs: Vec<&AchievementBand> = scale.iter().collect();
        let code = |c: &str| band_of(&refs, d(c)).map(|b| b.code.as_str());
        assert_eq!(code("100.01"), Some("SB"));
        assert_eq!(code("100"), Some("B"));
        assert_eq!(code("80.5"), Some("B"));
        assert_eq!(code("80"), Some("C"));
        assert_eq!(code("55.01"), Some("C"));
        assert_eq!(code("55"), Some("K"));
        assert_eq!(code("-3"), Some("K"));
    }

    #[test]
    fn inclusive_bounds_and_no_open_band() {
        // "80–100 Baik, 50–80 Cukup" with ≥: 80 is Baik, 50 is Cukup, 49,99 has no band.
        let scale = [band(1, "Baik", Some("80"), true), band(2, "Cukup", Some("50"), true)];
        let refs: Vec<&AchievementBand> = scale.iter().collect();
        let code = |c: &str| band_of(&refs, d(c)).map(|b| b.code.as_str());
        assert_eq!(code("120"), Some("Baik"));
        assert_eq!(code("80"), Some("Baik"));
        assert_eq!(code("79.99"), Some("Cukup"));
        assert_eq!(code("50"), Some("Cukup"));
        assert_eq!(code("49.99"), None);
    }

    #[test]
    fn printed_names_match_code_or_name() {
        let b = AchievementBand { name: "Sangat Baik".into(), ..band(1, "SB", Some("100"), false) };
        assert!(names_band("SB", &b));
        assert!(names_band(" sb ", &b));
        assert!(names_band("sangat baik", &b));
        assert!(!names_band("B", &b));
        assert!(!names_band("", &b));
    }
}
