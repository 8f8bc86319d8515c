//! Exact money: rupiah with sen, never floating point.

use rust_decimal::Decimal;
use std::fmt;

/// An amount of rupiah with at most two decimal places (sen).
///
/// Stored in SQLite as an integer number of sen, so every value round-trips exactly.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
pub struct Money(Decimal);

/// Why a number is not a valid amount of money.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("more than two decimal places (sen)")]
    TooPrecise,
    #[error("amount too large")]
    TooLarge,
}

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// From a number of sen (1 rupiah = 100 sen).
    pub fn from_sen(sen: i64) -> Money {
        Money(Decimal::new(sen, 2).normalize())
    }

    /// From whole rupiah.
    pub fn from_rupiah(rupiah: i64) -> Money {
        Money(Decimal::from(rupiah))
    }

    /// From a decimal; refuses fractions of a sen and amounts beyond what fits in `i64` sen.
    pub fn from_decimal(value: Decimal) -> Result<Money, MoneyError> {
        let normalized = value.normalize();
        if normalized.scale() > 2 {
            return Err(MoneyError::TooPrecise);
        }
        // A Decimal of 28 digits has no room for two more: the product itself must be checked.
        let sen = normalized.checked_mul(Decimal::ONE_HUNDRED).ok_or(MoneyError::TooLarge)?;
        if sen > Decimal::from(i64::MAX) || sen < Decimal::from(i64::MIN) {
            return Err(MoneyError::TooLarge);
        }
        Ok(Money(normalized))
    }

    /// The amount as a number of sen.
    pub fn to_sen(self) -> i64 {
        // `from_decimal` and `from_sen` guarantee at most two decimals and an i64 range of sen,
        // so neither the product nor the conversion can fail; the fallbacks are never taken.
        let sen = self.0.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(Decimal::ZERO).trunc();
        i64::try_from(sen).unwrap_or(if sen.is_sign_negative() { i64::MIN } else { i64::MAX })
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// Sum that reports overflow instead of wrapping.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        let sen = self.to_sen().checked_add(other.to_sen())?;
        Some(Money::from_sen(sen))
    }

    pub fn checked_sub(self, other: Money) -> Option<Money> {
        let sen = self.to_sen().checked_sub(other.to_sen())?;
        Some(Money::from_sen(sen))
    }

    /// The sum of amounts, `None` when it exceeds the range of money.
    pub fn checked_sum<I: IntoIterator<Item = Money>>(amounts: I) -> Option<Money> {
        amounts.into_iter().try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
    }
}

impl fmt::Display for Money {
    /// Plain machine form: whole rupiah without decimals (`12785258830`), otherwise with two
    /// (`4939925171.19`, `1473815003.20`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.fract().is_zero() {
            write!(f, "{}", self.0.trunc().normalize())
        } else {
            write!(f, "{:.2}", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn sen_round_trip() {
        for sen in [0, 1, 19, 493_992_517_119, -250, i64::MAX / 1000] {
            assert_eq!(Money::from_sen(sen).to_sen(), sen);
        }
    }

    #[test]
    fn refuses_fraction_of_sen() {
        let d = Decimal::from_str("1.005").unwrap();
        assert_eq!(Money::from_decimal(d), Err(MoneyError::TooPrecise));
        let ok = Decimal::from_str("4939925171.190").unwrap();
        assert_eq!(Money::from_decimal(ok).unwrap().to_sen(), 493_992_517_119);
    }

    #[test]
    fn display_is_plain() {
        assert_eq!(Money::from_sen(493_992_517_119).to_string(), "4939925171.19");
        assert_eq!(Money::from_rupiah(12_785_258_830).to_string(), "12785258830");
        assert_eq!(Money::from_sen(150).to_string(), "1.50");
        assert_eq!(Money::from_sen(-150).to_string(), "-1.50");
    }

    #[test]
    fn checked_add_overflow() {
        assert!(Money::from_sen(i64::MAX).checked_add(Money::from_sen(1)).is_none());
        assert!(Money::from_sen(i64::MIN).checked_sub(Money::from_sen(1)).is_none());
        let half = Money::from_sen(i64::MAX / 2 + 1);
        assert_eq!(Money::checked_sum([half, half]), None);
        assert_eq!(Money::checked_sum([Money::from_sen(150), Money::from_rupiah(2)]), Some(Money::from_sen(350)));
    }

    #[test]
    fn amounts_beyond_the_range_are_refused_not_a_panic() {
        // 28 digits: the largest decimals overflow when turned into sen.
        for big in ["1234567890123456789012345678", "79228162514264337593543950335", "-79228162514264337593543950335"] {
            assert_eq!(Money::from_decimal(Decimal::from_str(big).unwrap()), Err(MoneyError::TooLarge), "{big}");
        }
        // i64::MAX sen is the largest amount; one sen more is too large.
        assert_eq!(Money::from_decimal(Decimal::from_str("92233720368547758.07").unwrap()).unwrap().to_sen(), i64::MAX);
        assert_eq!(Money::from_decimal(Decimal::from_str("92233720368547758.08").unwrap()), Err(MoneyError::TooLarge));
    }
}
