//! Capaian (achievement %) of an indicator, by its polarity.
//!
//! With target T and realisation R (both may be negative):
//! * higher is better: `(1 + (R − T) / |T|) × 100`, which is `R / T × 100` for a positive target;
//! * lower is better, standard rule: `(1 − (R − T) / |T|) × 100`, which is `(2 − R / T) × 100` for a
//!   positive target (the national guidance's `(T − (R − T)) / T × 100`);
//! * lower is better, inverse rule: `T / R × 100`, defined only for positive T and R;
//! * range `[lo, hi]` (a band): 100 inside, otherwise the higher-is-better formula against `lo`
//!   below the range and the lower-is-better formula (by the indicator's rule) against `hi` above;
//! * range of a higher-is-better indicator: 100 inside, otherwise the higher-is-better formula
//!   against the nearer bound (above 100 beyond `hi`);
//! * range of a lower-is-better indicator: 100 inside, otherwise the lower-is-better formula (by
//!   the indicator's rule) against the nearer bound (above 100 under `lo`).
//!
//! A zero target cannot be computed. By default capaian is never below 0; an office whose
//! report prints negative capaian turns the floor off. An optional cap limits it from above.

use super::{CannotCompute, Computed, HUNDRED};
use crate::domain::{CapaianRule, Polarity, TargetValue};
use rust_decimal::Decimal;

/// The office's limits on a computed capaian.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Limits {
    /// Whether a negative capaian is printed as such (no floor at 0).
    pub negative_allowed: bool,
    /// Upper limit in %, if any.
    pub cap: Option<Decimal>,
}

/// Computes capaian in percent.
pub fn capaian(
    polarity: Polarity,
    rule: CapaianRule,
    target: &TargetValue,
    realisasi: Decimal,
    limits: Limits,
) -> Computed {
    let lo = target.target;
    let hi = target.target_high.unwrap_or(lo);
    let inside = realisasi >= lo && realisasi <= hi;
    let raw = match polarity {
        Polarity::HigherIsBetter => higher(target.target, realisasi)?,
        Polarity::LowerIsBetter => lower(rule, target.target, realisasi)?,
        _ if inside => HUNDRED,
        Polarity::Range if realisasi < lo => higher(lo, realisasi)?,
        Polarity::Range => lower(rule, hi, realisasi)?,
        Polarity::RangeHigher => higher(if realisasi < lo { lo } else { hi }, realisasi)?,
        Polarity::RangeLower => lower(rule, if realisasi < lo { lo } else { hi }, realisasi)?,
    };
    let floored = if limits.negative_allowed { raw } else { raw.max(Decimal::ZERO) };
    Ok(match limits.cap {
        Some(c) => floored.min(c),
        None => floored,
    })
}

fn relative_gap(target: Decimal, realisasi: Decimal) -> Computed {
    if target.is_zero() {
        return Err(CannotCompute::ZeroTarget);
    }
    realisasi.checked_sub(target).and_then(|d| d.checked_div(target.abs())).ok_or(CannotCompute::Overflow)
}

fn higher(target: Decimal, realisasi: Decimal) -> Computed {
    Decimal::ONE
        .checked_add(relative_gap(target, realisasi)?)
        .and_then(|v| v.checked_mul(HUNDRED))
        .ok_or(CannotCompute::Overflow)
}

fn lower(rule: CapaianRule, target: Decimal, realisasi: Decimal) -> Computed {
    match rule {
        CapaianRule::Standard => Decimal::ONE
            .checked_sub(relative_gap(target, realisasi)?)
            .and_then(|v| v.checked_mul(HUNDRED))
            .ok_or(CannotCompute::Overflow),
        CapaianRule::Inverse => {
            if target <= Decimal::ZERO {
                return Err(if target.is_zero() {
                    CannotCompute::ZeroTarget
                } else {
                    CannotCompute::NonPositiveTarget
                });
            }
            if realisasi <= Decimal::ZERO {
                return Err(CannotCompute::NonPositiveRealisation);
            }
            target.checked_div(realisasi).and_then(|q| q.checked_mul(HUNDRED)).ok_or(CannotCompute::Overflow)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }
    fn t(v: &str) -> TargetValue {
        TargetValue { target: d(v), target_high: None }
    }
    fn range(lo: &str, hi: &str) -> TargetValue {
        TargetValue { target: d(lo), target_high: Some(d(hi)) }
    }
    const NONE: Limits = Limits { negative_allowed: false, cap: None };
    fn cap(c: &str) -> Limits {
        Limits { negative_allowed: false, cap: Some(d(c)) }
    }
    fn hi(target: &str, real: &str) -> Computed {
        capaian(Polarity::HigherIsBetter, CapaianRule::Standard, &t(target), d(real), NONE)
    }

    #[test]
    fn higher_is_better() {
        assert_eq!(hi("75.80", "78.19").unwrap().round_dp(2), d("103.15"));
        assert_eq!(hi("1", "1.05").unwrap(), d("105"));
        assert_eq!(hi("2", "0.43").unwrap(), d("21.5"));
    }

    #[test]
    fn lower_is_better_both_rules() {
        let std = capaian(Polarity::LowerIsBetter, CapaianRule::Standard, &t("10"), d("8"), NONE).unwrap();
        assert_eq!(std, d("120"));
        let inv = capaian(Polarity::LowerIsBetter, CapaianRule::Inverse, &t("10"), d("8"), NONE).unwrap();
        assert_eq!(inv, d("125"));
        let worse = capaian(Polarity::LowerIsBetter, CapaianRule::Standard, &t("10"), d("12"), NONE).unwrap();
        assert_eq!(worse, d("80"));
    }

    #[test]
    fn range_targets() {
        let c = |r: &str| capaian(Polarity::Range, CapaianRule::Standard, &range("7.00", "7.50"), d(r), NONE).unwrap();
        assert_eq!(c("7.00"), d("100"));
        assert_eq!(c("7.25"), d("100"));
        assert_eq!(c("7.50"), d("100"));
        assert_eq!(c("3.50"), d("50"));
        assert_eq!(c("8.25"), d("90"));
    }

    #[test]
    fn extreme_values_do_not_panic() {
        let huge = Decimal::MAX;
        let tiny = Decimal::new(1, 28);
        assert_eq!(hi("0.0000000000000000000000000001", "79228162514264337593543950335"), Err(CannotCompute::Overflow));
        assert!(capaian(
            Polarity::LowerIsBetter,
            CapaianRule::Inverse,
            &t("79228162514264337593543950335"),
            tiny,
            NONE
        )
        .is_err());
        assert!(capaian(
            Polarity::LowerIsBetter,
            CapaianRule::Standard,
            &TargetValue { target: tiny, target_high: None },
            huge,
            NONE
        )
        .is_err());
    }

    #[test]
    fn cap_limits_from_above() {
        let c = capaian(Polarity::HigherIsBetter, CapaianRule::Standard, &t("10"), d("20"), cap("120")).unwrap();
        assert_eq!(c, d("120"));
        let below = capaian(Polarity::HigherIsBetter, CapaianRule::Standard, &t("10"), d("9"), cap("120")).unwrap();
        assert_eq!(below, d("90"));
    }

    #[test]
    fn zero_and_negative_edges() {
        assert_eq!(hi("0", "5"), Err(CannotCompute::ZeroTarget));
        // A negative realisation against a positive target achieves nothing, never below 0.
        assert_eq!(hi("10", "-5").unwrap(), d("0"));
        // A negative target (e.g. a planned decline of 2): doing better than planned is above 100.
        assert_eq!(hi("-2", "-1").unwrap(), d("150"));
        assert_eq!(hi("-2", "-2").unwrap(), d("100"));
        assert_eq!(
            capaian(Polarity::LowerIsBetter, CapaianRule::Inverse, &t("10"), d("0"), NONE),
            Err(CannotCompute::NonPositiveRealisation)
        );
        assert_eq!(
            capaian(Polarity::LowerIsBetter, CapaianRule::Inverse, &t("-1"), d("3"), NONE),
            Err(CannotCompute::NonPositiveTarget)
        );
        assert_eq!(
            capaian(Polarity::LowerIsBetter, CapaianRule::Standard, &t("0"), d("3"), NONE),
            Err(CannotCompute::ZeroTarget)
        );
    }

    #[test]
    fn range_of_a_higher_is_better_indicator() {
        let c =
            |r: &str| capaian(Polarity::RangeHigher, CapaianRule::Standard, &range("80", "85"), d(r), NONE).unwrap();
        assert_eq!(c("82"), d("100"));
        assert_eq!(c("80"), d("100"));
        // Below: 72 / 80 × 100 = 90.
        assert_eq!(c("72"), d("90"));
        // Above: 90 / 85 × 100 = 105,882…
        assert_eq!(c("90").round_dp(3), d("105.882"));
    }

    #[test]
    fn range_of_a_lower_is_better_indicator() {
        let c = |rule, r: &str| capaian(Polarity::RangeLower, rule, &range("7.00", "7.50"), d(r), NONE).unwrap();
        assert_eq!(c(CapaianRule::Standard, "7.20"), d("100"));
        // Under the range: (2 − 6,30 / 7,00) × 100 = (2 − 0,9) × 100 = 110.
        assert_eq!(c(CapaianRule::Standard, "6.30"), d("110"));
        // Beyond it: (2 − 8,25 / 7,50) × 100 = (2 − 1,1) × 100 = 90.
        assert_eq!(c(CapaianRule::Standard, "8.25"), d("90"));
        // Inverse: 7,00 / 6,30 × 100 = 111,11…; 7,50 / 8,25 × 100 = 90,909…
        assert_eq!(c(CapaianRule::Inverse, "6.30").round_dp(2), d("111.11"));
        assert_eq!(c(CapaianRule::Inverse, "8.25").round_dp(2), d("90.91"));
        assert_eq!(
            capaian(Polarity::RangeLower, CapaianRule::Inverse, &range("7", "7.5"), d("0"), NONE),
            Err(CannotCompute::NonPositiveRealisation)
        );
    }

    #[test]
    fn band_above_follows_the_rule() {
        // A band's upper side by the inverse rule: 7,50 / 8,25 × 100 = 90,909…
        let c = capaian(Polarity::Range, CapaianRule::Inverse, &range("7.00", "7.50"), d("8.25"), NONE).unwrap();
        assert_eq!(c.round_dp(2), d("90.91"));
    }

    #[test]
    fn without_floor_a_negative_capaian_is_kept() {
        let open = Limits { negative_allowed: true, cap: None };
        // (1 + (−5 − 10) / 10) × 100 = −50: a report printing "−50 %" is reproduced.
        let c = capaian(Polarity::HigherIsBetter, CapaianRule::Standard, &t("10"), d("-5"), open).unwrap();
        assert_eq!(c, d("-50"));
        assert_eq!(hi("10", "-5").unwrap(), d("0"), "with the floor, 0");
        // Lower is better, standard: (2 − 25 / 10) × 100 = −50.
        let l = capaian(Polarity::LowerIsBetter, CapaianRule::Standard, &t("10"), d("25"), open).unwrap();
        assert_eq!(l, d("-50"));
        // A cap still applies from above.
        let both = Limits { negative_allowed: true, cap: Some(d("120")) };
        assert_eq!(
            capaian(Polarity::HigherIsBetter, CapaianRule::Standard, &t("10"), d("30"), both).unwrap(),
            d("120")
        );
    }

    #[test]
    fn printed_with_fewer_decimals_than_computed() {
        use crate::calc::tolerance::agrees;
        // 78,19 / 75,80 × 100 = 103,153…; printed 103,15, 103,2 or 103 it agrees (within one
        // unit of its last digit: rounded, truncated or rounded up), 102 or 103,3 do not.
        let c = hi("75.80", "78.19").unwrap();
        assert!(agrees(d("103.15"), c));
        assert!(agrees(d("103.2"), c));
        assert!(agrees(d("103"), c));
        assert!(agrees(d("104"), c), "103,153 rounded up to a whole number");
        assert!(!agrees(d("102"), c));
        assert!(!agrees(d("103.3"), c));
    }
}
