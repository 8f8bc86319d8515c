//! AKIP score predicates and weighted totals (PermenPAN-RB 88/2021).

use super::{CannotCompute, Computed};
use rust_decimal::Decimal;

/// AKIP predicate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Predicate {
    D,
    C,
    CC,
    B,
    BB,
    A,
    AA,
}

/// The predicate bands: (predicate, exclusive lower bound, inclusive upper bound).
pub const BANDS: [(Predicate, u32, u32); 7] = [
    (Predicate::AA, 90, 100),
    (Predicate::A, 80, 90),
    (Predicate::BB, 70, 80),
    (Predicate::B, 60, 70),
    (Predicate::CC, 50, 60),
    (Predicate::C, 30, 50),
    (Predicate::D, 0, 30),
];

impl Predicate {
    pub fn code(self) -> &'static str {
        match self {
            Predicate::AA => "AA",
            Predicate::A => "A",
            Predicate::BB => "BB",
            Predicate::B => "B",
            Predicate::CC => "CC",
            Predicate::C => "C",
            Predicate::D => "D",
        }
    }
    /// The band in words, e.g. `> 70–80`.
    pub fn band(self) -> String {
        let (_, lo, hi) = BANDS.iter().find(|(p, _, _)| *p == self).copied().unwrap_or((self, 0, 0));
        if self == Predicate::D {
            format!("{lo}–{hi}")
        } else {
            format!("> {lo}–{hi}")
        }
    }
}

/// The predicate of a score on the 0–100 scale; each band's upper bound belongs to it
/// (exactly 90 is A, just above 90 is AA).
pub fn predicate(score: Decimal) -> Result<Predicate, CannotCompute> {
    if score < Decimal::ZERO || score > Decimal::ONE_HUNDRED {
        return Err(CannotCompute::OutOfRange(super::how::Range::AkipScore(score)));
    }
    for (p, lo, _) in BANDS {
        if score > Decimal::from(lo) {
            return Ok(p);
        }
    }
    Ok(Predicate::D)
}

/// Component weights in percent: perencanaan, pengukuran, pelaporan, evaluasi internal.
pub const WEIGHTS: [u32; 4] = [30, 30, 15, 25];

/// The weighted total of component scores, each on a 0–100 scale.
pub fn weighted_total(components: [Decimal; 4]) -> Computed {
    let mut total = Decimal::ZERO;
    for (value, weight) in components.iter().zip(WEIGHTS) {
        if *value < Decimal::ZERO || *value > Decimal::ONE_HUNDRED {
            return Err(CannotCompute::OutOfRange(super::how::Range::AkipComponent(*value)));
        }
        total = value
            .checked_mul(Decimal::from(weight))
            .and_then(|w| w.checked_div(Decimal::ONE_HUNDRED))
            .and_then(|w| total.checked_add(w))
            .ok_or(CannotCompute::Overflow)?;
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn boundaries() {
        let cases = [
            ("100", Predicate::AA),
            ("90.01", Predicate::AA),
            ("90", Predicate::A),
            ("80.01", Predicate::A),
            ("80", Predicate::BB),
            ("78.19", Predicate::BB),
            ("70", Predicate::B),
            ("60", Predicate::CC),
            ("50", Predicate::C),
            ("30.5", Predicate::C),
            ("30", Predicate::D),
            ("0", Predicate::D),
        ];
        for (score, expected) in cases {
            assert_eq!(predicate(d(score)).unwrap(), expected, "{score}");
        }
        assert!(predicate(d("100.5")).is_err());
        assert!(predicate(d("-1")).is_err());
    }

    #[test]
    fn weighted() {
        let total = weighted_total([d("80"), d("70"), d("90"), d("60")]).unwrap();
        assert_eq!(total, d("24") + d("21") + d("13.5") + d("15"));
        assert!(weighted_total([d("101"), d("0"), d("0"), d("0")]).is_err());
    }
}
