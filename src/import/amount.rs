//! Amounts of rupiah from spreadsheet cells, exact to the sen.
//!
//! Text is read as people write it (`Rp 1.234.567,89`, `1.234.567`, `1234567.89`, `Rp 1.500.000,-`;
//! read as the Indonesian window reads them, see [`crate::calc::input::read_number`]); an empty cell or a lone dash is no value.
//!
//! A number cell of a workbook is an `f64`. It is turned into a decimal through its shortest
//! round-trip text (`0.1` stays `0.1`, never `0.1000000000000000055…`). When that text has more
//! than two decimals, the difference to the nearest sen is examined: up to eight units in the
//! last place of the stored number (or 0.000001 rupiah, whichever is larger) it is floating-point
//! noise left by a spreadsheet formula (`=0.1+0.2` gives `0.30000000000000004`) and the amount is
//! the nearest sen; anything larger is a real fraction of a sen and the cell is refused.

use super::sheet::Cell;
use crate::calc::input::{read_number, NumberError};
use crate::domain::{Money, MoneyError};
use crate::format::Lang;
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;
use std::str::FromStr;

/// Why a cell is not an amount; each holds the cell's text as the user sees it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("'{0}' is not an amount")]
    NotAmount(String),
    #[error("'{0}' is negative")]
    Negative(String),
    #[error("'{0}' has more than two decimals")]
    TooPrecise(String),
    #[error("'{0}' is too large")]
    TooLarge(String),
}

fn from_decimal(d: Decimal, shown: &str) -> Result<Money, AmountError> {
    if d.is_sign_negative() && !d.is_zero() {
        return Err(AmountError::Negative(shown.to_string()));
    }
    match Money::from_decimal(d) {
        // `-0` becomes a plain zero.
        Ok(m) => Ok(if m.decimal().is_zero() { Money::ZERO } else { m }),
        Err(MoneyError::TooPrecise) => Err(AmountError::TooPrecise(shown.to_string())),
        Err(MoneyError::TooLarge) => Err(AmountError::TooLarge(shown.to_string())),
    }
}

/// The amount of a number cell; see the module documentation for the rounding rule.
pub fn money_from_f64(f: f64) -> Result<Money, AmountError> {
    // Rust prints the shortest text that reads back as the same f64, never in exponent form.
    let shown = format!("{f}");
    if !f.is_finite() {
        return Err(AmountError::NotAmount(shown));
    }
    // Within the noise tolerance of zero (a formula like `=A1-B1` leaves `1.4e-9`): zero, even
    // when the noise is below zero.
    if f.abs() <= 1e-6 {
        return Ok(Money::ZERO);
    }
    if f < 0.0 {
        return Err(AmountError::Negative(shown));
    }
    // Beyond the range of Decimal (about 7.9e28): certainly too large for i64 sen.
    let d = Decimal::from_str(&shown).map_err(|_| AmountError::TooLarge(shown.clone()))?;
    if d.normalize().scale() <= 2 {
        return from_decimal(d, &shown);
    }
    let sen = d.round_dp(2);
    let next = f64::from_bits(f.to_bits().saturating_add(1));
    let ulp = if next.is_finite() { next - f } else { 0.0 };
    // The tolerance is a threshold, not an amount: its own rounding does not matter.
    let tolerance = Decimal::from_f64(f64::max(1e-6, 8.0 * ulp)).unwrap_or(Decimal::ZERO);
    if (d - sen).abs() <= tolerance {
        from_decimal(sen, &shown)
    } else {
        Err(AmountError::TooPrecise(shown))
    }
}

/// The amount of a text cell; `Ok(None)` when it is empty or a lone dash.
pub fn money_from_text(text: &str) -> Result<Option<Money>, AmountError> {
    let t = text.trim();
    if t.is_empty() || matches!(t, "-" | "–" | "—") {
        return Ok(None);
    }
    // Indonesian accounts write whole rupiah as `1.500.000,-` (and `,–`).
    let t = t.strip_suffix(",-").or_else(|| t.strip_suffix(",–")).unwrap_or(t).trim();
    // Accounting negatives: `(1.234)`.
    let (negative, body) = match t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        Some(inner) => (true, inner),
        None => (false, t),
    };
    let d = read_number(body, Lang::Id).map(|r| r.value).map_err(|e| match e {
        NumberError::TooLarge(_) => AmountError::TooLarge(text.trim().to_string()),
        _ => AmountError::NotAmount(text.trim().to_string()),
    })?;
    let d = if negative { -d } else { d };
    from_decimal(d, text.trim()).map(Some)
}

/// The amount of any cell; `Ok(None)` for no value.
pub fn money_from_cell(cell: &Cell) -> Result<Option<Money>, AmountError> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Text(t) => money_from_text(t),
        Cell::Number(f) => money_from_f64(*f).map(Some),
        Cell::Int(i) => {
            if *i < 0 {
                Err(AmountError::Negative(i.to_string()))
            } else {
                from_decimal(Decimal::from(*i), &i.to_string()).map(Some)
            }
        }
        // Dates, booleans and formula errors are never amounts.
        Cell::Other(t) => Err(AmountError::NotAmount(t.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sen(s: i64) -> Money {
        Money::from_sen(s)
    }

    #[test]
    fn indonesian_and_plain_text() {
        assert_eq!(money_from_text("Rp 1.234.567,89"), Ok(Some(sen(123_456_789))));
        assert_eq!(money_from_text("1.234.567"), Ok(Some(Money::from_rupiah(1_234_567))));
        assert_eq!(money_from_text("1234567.89"), Ok(Some(sen(123_456_789))));
        assert_eq!(money_from_text("Rp. 1.500.000,-"), Ok(Some(Money::from_rupiah(1_500_000))));
        assert_eq!(money_from_text("  12.785.258.830 "), Ok(Some(Money::from_rupiah(12_785_258_830))));
        assert_eq!(money_from_text("0"), Ok(Some(Money::ZERO)));
        assert_eq!(money_from_text(""), Ok(None));
        assert_eq!(money_from_text(" - "), Ok(None));
        // English form with one reading: two commas, or both separators with the point last.
        assert_eq!(money_from_text("1,234,567.89"), Ok(Some(sen(123_456_789))));
        assert_eq!(money_from_text("1,234,567"), Ok(Some(Money::from_rupiah(1_234_567))));
    }

    #[test]
    fn bad_text() {
        assert_eq!(money_from_text("dua juta"), Err(AmountError::NotAmount("dua juta".into())));
        assert_eq!(money_from_text("12,5,3"), Err(AmountError::NotAmount("12,5,3".into())));
        assert_eq!(money_from_text("86,06 %"), Err(AmountError::NotAmount("86,06 %".into())));
        assert_eq!(money_from_text("-5.000"), Err(AmountError::Negative("-5.000".into())));
        assert_eq!(money_from_text("(5.000)"), Err(AmountError::Negative("(5.000)".into())));
        assert_eq!(money_from_text("1.234,567"), Err(AmountError::TooPrecise("1.234,567".into())));
        // An English thousands separator reads as a decimal comma with three decimals: refused,
        // never misread as a thousand times less.
        assert_eq!(money_from_text("1,234"), Err(AmountError::TooPrecise("1,234".into())));
        assert_eq!(money_from_text("99999999999999999999"), Err(AmountError::TooLarge("99999999999999999999".into())));
        // 28 digits: as many as a Decimal holds, far more than Money's i64 sen.
        let huge = "9999999999999999999999999999";
        assert_eq!(money_from_text(huge), Err(AmountError::TooLarge(huge.into())));
        assert_eq!(
            money_from_text("Rp 9.999.999.999.999.999.999.999.999.999"),
            Err(AmountError::TooLarge("Rp 9.999.999.999.999.999.999.999.999.999".into()))
        );
        assert!(matches!(
            money_from_text("99999999999999999999999999999"),
            Err(AmountError::TooLarge(_) | AmountError::NotAmount(_))
        ));
        assert_eq!(
            money_from_text("9999999999999999999999999999,99"),
            Err(AmountError::TooLarge("9999999999999999999999999999,99".into()))
        );
    }

    #[test]
    fn floats_are_exact_to_the_sen() {
        assert_eq!(money_from_f64(12_785_258_830.0), Ok(Money::from_rupiah(12_785_258_830)));
        assert_eq!(money_from_f64(4_939_925_171.19), Ok(sen(493_992_517_119)));
        assert_eq!(money_from_f64(0.1), Ok(sen(10)));
        // Formula noise is rounded away…
        assert_eq!(money_from_f64(0.1 + 0.2), Ok(sen(30)));
        assert_eq!(money_from_f64(1_000_000.1 + 0.2), Ok(sen(100_000_030)));
        let sum: f64 = (0..1000).map(|_| 1234.01).sum();
        assert_eq!(money_from_f64(sum), Ok(sen(123_401_000)));
        // …a real fraction of a sen is not.
        assert_eq!(money_from_f64(1234.565), Err(AmountError::TooPrecise("1234.565".into())));
        assert_eq!(money_from_f64(0.001), Err(AmountError::TooPrecise("0.001".into())));
        assert_eq!(money_from_f64(-1.0), Err(AmountError::Negative("-1".into())));
        assert_eq!(money_from_f64(-0.0), Ok(Money::ZERO));
        assert!(matches!(money_from_f64(f64::NAN), Err(AmountError::NotAmount(_))));
        assert!(matches!(money_from_f64(f64::INFINITY), Err(AmountError::NotAmount(_))));
        assert!(matches!(money_from_f64(1e30), Err(AmountError::TooLarge(_))));
        assert!(matches!(money_from_f64(1e18), Err(AmountError::TooLarge(_))));
        assert_eq!(money_from_f64(1e-300), Ok(Money::ZERO));
        assert_eq!(money_from_f64(-1.4e-9), Ok(Money::ZERO));
    }

    #[test]
    fn cells() {
        assert_eq!(money_from_cell(&Cell::Empty), Ok(None));
        assert_eq!(money_from_cell(&Cell::Int(5)), Ok(Some(Money::from_rupiah(5))));
        assert_eq!(money_from_cell(&Cell::Int(-5)), Err(AmountError::Negative("-5".into())));
        assert_eq!(money_from_cell(&Cell::Other("#DIV/0!".into())), Err(AmountError::NotAmount("#DIV/0!".into())));
    }
}
