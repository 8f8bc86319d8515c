//! Pure computation over the domain: capaian with polarity, realisation from raw figures,
//! serapan and totals, efficiency, AKIP predicates, UMKM classes, status bands, the narrative's
//! figure references, and the consistency checker. No user interface, no SQL.

pub mod akip;
pub mod bands;
pub mod budget;
pub mod capaian;
pub mod check;
pub mod efficiency;
pub mod formula;
pub mod how;
pub mod input;
pub mod layout;
pub mod narrative;
pub mod resolve;
pub mod rules;
pub mod settings;
pub mod subject;
pub mod tolerance;
pub mod tree;
pub mod umkm;

pub use settings::Settings;

use rust_decimal::Decimal;

/// Why a figure cannot be computed. Shown to the user instead of NaN or infinity.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CannotCompute {
    #[error("target is zero")]
    ZeroTarget,
    #[error("realisation is zero or negative where it divides")]
    NonPositiveRealisation,
    #[error("target must be positive for this formula")]
    NonPositiveTarget,
    #[error("the denominator is zero")]
    ZeroDenominator,
    #[error("a figure is missing: {0:?}")]
    Missing(how::Need),
    #[error("value outside the allowed range: {0:?}")]
    OutOfRange(how::Range),
    #[error("number too large")]
    Overflow,
}

// Its words, in Indonesian and English, are in `crate::text` (`CannotCompute::message`).

pub type Computed = Result<Decimal, CannotCompute>;

pub(crate) const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// a / b × 100, refusing a zero denominator.
pub fn percent_of(a: Decimal, b: Decimal) -> Computed {
    if b.is_zero() {
        return Err(CannotCompute::ZeroDenominator);
    }
    a.checked_div(b).and_then(|q| q.checked_mul(HUNDRED)).ok_or(CannotCompute::Overflow)
}

/// The arithmetic mean, `None` for no values (or a sum beyond the decimal range).
pub fn mean(values: &[Decimal]) -> Option<Decimal> {
    if values.is_empty() {
        return None;
    }
    let sum = values.iter().try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v))?;
    sum.checked_div(Decimal::from(values.len()))
}
