//! Realisation of an indicator computed from its raw figures.

use super::how::{Alternative, Need};
use super::{percent_of, CannotCompute, Computed, HUNDRED};
use crate::domain::{FormulaKind, RawRole};
use rust_decimal::Decimal;

/// The raw figures of one indicator and year.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RawValues {
    pub current: Option<Decimal>,
    pub previous: Option<Decimal>,
    pub part: Option<Decimal>,
    pub whole: Option<Decimal>,
}

impl RawValues {
    pub fn get(&self, role: RawRole) -> Option<Decimal> {
        match role {
            RawRole::Current => self.current,
            RawRole::Previous => self.previous,
            RawRole::Part => self.part,
            RawRole::Whole => self.whole,
        }
    }
    pub fn set(&mut self, role: RawRole, value: Decimal) {
        match role {
            RawRole::Current => self.current = Some(value),
            RawRole::Previous => self.previous = Some(value),
            RawRole::Part => self.part = Some(value),
            RawRole::Whole => self.whole = Some(value),
        }
    }
    pub fn is_empty(&self) -> bool {
        *self == RawValues::default()
    }
}

fn need(v: Option<Decimal>, role: RawRole) -> Computed {
    v.ok_or(CannotCompute::Missing(Need::Raw(role)))
}

/// Computes the realisation by `kind`; `FormulaKind::Value` has nothing to compute.
pub fn realisation(kind: FormulaKind, raw: &RawValues) -> Computed {
    match kind {
        FormulaKind::Value => Err(CannotCompute::Missing(Need::DirectValue)),
        FormulaKind::GrowthPct => {
            let now = need(raw.current, RawRole::Current)?;
            let before = need(raw.previous, RawRole::Previous)?;
            percent_of(now.checked_sub(before).ok_or(CannotCompute::Overflow)?, before)
        }
        FormulaKind::RatioPct => {
            let now = need(raw.current, RawRole::Current)?;
            let before = need(raw.previous, RawRole::Previous)?;
            percent_of(now, before)
        }
        FormulaKind::SharePct => {
            let part = need(raw.part, RawRole::Part)?;
            let whole = need(raw.whole, RawRole::Whole)?;
            percent_of(part, whole)
        }
    }
}

/// Ways of computing a printed number from the raw figures, used to explain a disagreement:
/// the documented formulas and the common slip of leaving out `× 100`.
pub fn alternatives(raw: &RawValues) -> Vec<(Alternative, Decimal)> {
    let mut out = Vec::new();
    for kind in [FormulaKind::GrowthPct, FormulaKind::RatioPct, FormulaKind::SharePct] {
        if let Ok(v) = realisation(kind, raw) {
            out.push((Alternative { kind, without_hundred: false }, v));
            out.push((
                Alternative { kind, without_hundred: true },
                // Dividing by 100 only shrinks the value; the fallback is never taken.
                v.checked_div(HUNDRED).unwrap_or(v),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn formulas() {
        let vol =
            RawValues { current: Some(d("1352468685104")), previous: Some(d("1284370129227")), ..Default::default() };
        assert_eq!(realisation(FormulaKind::RatioPct, &vol).unwrap().round_dp(2), d("105.30"));
        assert_eq!(realisation(FormulaKind::GrowthPct, &vol).unwrap().round_dp(2), d("5.30"));
        let share = RawValues { part: Some(d("50")), whole: Some(d("1152")), ..Default::default() };
        assert_eq!(realisation(FormulaKind::SharePct, &share).unwrap().round_dp(2), d("4.34"));
    }

    #[test]
    fn missing_and_zero() {
        let only_now = RawValues { current: Some(d("5")), ..Default::default() };
        assert!(matches!(realisation(FormulaKind::GrowthPct, &only_now), Err(CannotCompute::Missing(_))));
        let zero = RawValues { part: Some(d("5")), whole: Some(d("0")), ..Default::default() };
        assert_eq!(realisation(FormulaKind::SharePct, &zero), Err(CannotCompute::ZeroDenominator));
        assert!(realisation(FormulaKind::Value, &zero).is_err());
    }

    #[test]
    fn alternatives_include_ratio_without_hundred() {
        let vol =
            RawValues { current: Some(d("689182105987")), previous: Some(d("682085344919")), ..Default::default() };
        let alts = alternatives(&vol);
        assert!(alts
            .iter()
            .any(|(a, v)| a.without_hundred && a.kind == FormulaKind::RatioPct && v.round_dp(2) == d("1.01")));
    }

    #[test]
    fn growth_beyond_the_decimal_range_cannot_be_computed() {
        // Vn − Vn−1 = MAX − (−1) does not fit a decimal.
        let raw = RawValues { current: Some(Decimal::MAX), previous: Some(d("-1")), ..Default::default() };
        assert_eq!(realisation(FormulaKind::GrowthPct, &raw), Err(CannotCompute::Overflow));
    }
}
