//! Capaian (achievement %) of an indicator, by its polarity.
//!
//! With target T and realisation R (both may be negative):
//! * higher is better: `(1 + (R − T) / |T|) × 100`, which is `R / T × 100` for a positive target;
//! * lower is better, standard rule: `(1 − (R − T) / |T|) × 100`, which is `(2 − R / T) × 100` for a
//!   positive target (the national guidance's `(T − (R − T)) / T × 100`);
//! * lower is better, inverse rule: `T / R × 100`, defined only for positive T and R;
//! * range `[lo, hi]`: 100 inside, otherwise the higher-is-better formula against `lo` below the
//!   range and the lower-is-better formula against `hi` above it.
//!
//! A zero target cannot be computed. Capaian is never below 0; an optional cap (set per office)
//! limits it from above.

use super::{CannotCompute, Computed, HUNDRED};
use crate::domain::{CapaianRule, Polarity, TargetValue};
use rust_decimal::Decimal;

/// Computes capaian in percent.
pub fn capaian(
    polarity: Polarity,
    rule: CapaianRule,
    target: &TargetValue,
    realisasi: Decimal,
    cap: Option<Decimal>,
) -> Computed {
    let raw = match polarity {
        Polarity::HigherIsBetter => higher(target.target, realisasi)?,
        Polarity::LowerIsBetter => lower(rule, target.target, realisasi)?,
        Polarity::Range => {
            let lo = target.target;
            let hi = target.target_high.unwrap_or(lo);
            if realisasi >= lo && realisasi <= hi {
                HUNDRED
            } else if realisasi < lo {
                higher(lo, realisasi)?
            } else {
                lower(CapaianRule::Standard, hi, realisasi)?
            }
        }
    };
    let floored = raw.max(Decimal::ZERO);
    Ok(match cap {
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
    fn hi(target: &str, real: &str) -> Computed {
        capaian(Polarity::HigherIsBetter, CapaianRule::Standard, &t(target), d(real), None)
    }

    #[test]
    fn higher_is_better() {
        assert_eq!(hi("75.80", "78.19").unwrap().round_dp(2), d("103.15"));
        assert_eq!(hi("1", "1.05").unwrap(), d("105"));
        assert_eq!(hi("2", "0.43").unwrap(), d("21.5"));
    }

    #[test]
    fn lower_is_better_both_rules() {
        let std = capaian(Polarity::LowerIsBetter, CapaianRule::Standard, &t("10"), d("8"), None).unwrap();
        assert_eq!(std, d("120"));
        let inv = capaian(Polarity::LowerIsBetter, CapaianRule::Inverse, &t("10"), d("8"), None).unwrap();
        assert_eq!(inv, d("125"));
        let worse = capaian(Polarity::LowerIsBetter, CapaianRule::Standard, &t("10"), d("12"), None).unwrap();
        assert_eq!(worse, d("80"));
    }

    #[test]
    fn range_targets() {
        let c = |r: &str| capaian(Polarity::Range, CapaianRule::Standard, &range("7.00", "7.50"), d(r), None).unwrap();
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
            None
        )
        .is_err());
        assert!(capaian(
            Polarity::LowerIsBetter,
            CapaianRule::Standard,
            &TargetValue { target: tiny, target_high: None },
            huge,
            None
        )
        .is_err());
    }

    #[test]
    fn cap_limits_from_above() {
        let c = capaian(Polarity::HigherIsBetter, CapaianRule::Standard, &t("10"), d("20"), Some(d("120"))).unwrap();
        assert_eq!(c, d("120"));
        let below = capaian(Polarity::HigherIsBetter, CapaianRule::Standard, &t("10"), d("9"), Some(d("120"))).unwrap();
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
            capaian(Polarity::LowerIsBetter, CapaianRule::Inverse, &t("10"), d("0"), None),
            Err(CannotCompute::NonPositiveRealisation)
        );
        assert_eq!(
            capaian(Polarity::LowerIsBetter, CapaianRule::Inverse, &t("-1"), d("3"), None),
            Err(CannotCompute::NonPositiveTarget)
        );
        assert_eq!(
            capaian(Polarity::LowerIsBetter, CapaianRule::Standard, &t("0"), d("3"), None),
            Err(CannotCompute::ZeroTarget)
        );
    }
}
