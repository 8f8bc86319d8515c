//! Language and number formatting for people: Indonesian by default (`Rp 1.234.567,89`,
//! `86,06 %`), English as the second language.

mod terbilang;

pub use terbilang::{terbilang, terbilang_rupiah, terbilang_signed};

use crate::domain::Money;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// The user's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    /// Bahasa Indonesia.
    #[default]
    Id,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
    /// Picks the text of the language.
    pub fn pick<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

/// Groups the integer digits with `sep` every three digits.
fn group(int_digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(int_digits.len() + int_digits.len() / 3);
    for (i, ch) in int_digits.chars().enumerate() {
        if i > 0 && (int_digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// The one minus sign of every figure on screen and in files: the ASCII hyphen-minus, which
/// every spreadsheet and this program's own number fields read back as negative.
pub const MINUS: char = '-';

/// A decimal with `decimals` fraction digits (rounded half away from zero) in the
/// language's convention: `1.234.567,89` (id) or `1,234,567.89` (en).
pub fn number(value: Decimal, decimals: u32, lang: Lang) -> String {
    let rounded = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let text = rounded.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let (thousands, point) = match lang {
        Lang::Id => ('.', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::new();
    if negative {
        out.push(MINUS);
    }
    out.push_str(&group(int, thousands));
    if decimals > 0 {
        out.push(point);
        let mut frac = frac.to_string();
        while frac.len() < decimals as usize {
            frac.push('0');
        }
        out.push_str(&frac);
    }
    out
}

/// A decimal shown with the precision it carries (`75,80`, `1,05`, `76`).
pub fn decimal(value: Decimal, lang: Lang) -> String {
    number(value, value.scale(), lang)
}

/// The most decimals an indicator's value is shown with.
pub const VALUE_DECIMALS_MAX: u32 = 4;

/// The decimals shared by the values of one indicator that a person reads together (its
/// target and realisation in a table row, the points of its chart, the figures beside each
/// other on *Ringkasan*): those of the most precise of them, from 0 to [`VALUE_DECIMALS_MAX`].
/// A target recorded `70` beside a realisation `76.01` reads `70,00` / `76,01`, never `70` /
/// `76,01` nor `75,8` / `70,00`. See `docs/computation.md` (Numbers as shown).
pub fn value_decimals(values: impl IntoIterator<Item = Decimal>) -> u32 {
    values.into_iter().map(|v| v.scale()).max().unwrap_or(0).min(VALUE_DECIMALS_MAX)
}

/// An indicator's value with the decimals of [`value_decimals`] of its group: `75,80`.
pub fn value(v: Decimal, decimals: u32, lang: Lang) -> String {
    number(v, decimals.min(VALUE_DECIMALS_MAX), lang)
}

/// Money: `Rp 12.785.258.830` or, with sen, `Rp 4.939.925.171,19`.
pub fn rupiah(value: Money, lang: Lang) -> String {
    rupiah_decimal(value.decimal(), lang)
}

/// An amount of rupiah held as a decimal; a negative one reads `-Rp 500.000.000`, the sign
/// before the currency as in the budget tables.
pub fn rupiah_decimal(d: Decimal, lang: Lang) -> String {
    let decimals = if d.fract().is_zero() { 0 } else { 2 };
    // A sign only when something negative is left after rounding, as in `number`.
    let negative = d.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero) < Decimal::ZERO;
    let sign = if negative { MINUS.to_string() } else { String::new() };
    format!("{sign}Rp {}", number(d.abs(), decimals, lang))
}

/// A percentage with two decimals: `86,06 %`.
pub fn percent(value: Decimal, lang: Lang) -> String {
    format!("{} %", number(value, 2, lang))
}

/// A power of a thousand with its short name in the language, for chart axes: Indonesian `rb`
/// (ribu), `jt` (juta), `M` (miliar), `T` (triliun); English `K`, `M` (million), `B` (billion),
/// `T`. The English `M` is a thousand times smaller than the Indonesian one, so the suffix is
/// always chosen here together with the language, never written by hand.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CompactScale {
    /// The divisor: 1, 10³, 10⁶, 10⁹ or 10¹².
    pub divisor: f64,
    /// The suffix after the number, empty for 1.
    pub suffix: &'static str,
}

/// The largest thousand-power not above `magnitude` (at least 1; at most a trillion), so that an
/// axis up to 12,8 miliar reads `12,8 M` (id) / `12.8 B` (en).
pub fn compact_scale(magnitude: f64, lang: Lang) -> CompactScale {
    let m = magnitude.abs();
    let (divisor, id, en) = if m >= 1e12 {
        (1e12, "T", "T")
    } else if m >= 1e9 {
        (1e9, "M", "B")
    } else if m >= 1e6 {
        (1e6, "jt", "M")
    } else if m >= 1e3 {
        (1e3, "rb", "K")
    } else {
        (1.0, "", "")
    };
    CompactScale { divisor, suffix: lang.pick(id, en) }
}

/// `value` divided by the scale with `decimals` fraction digits and the scale's suffix:
/// `1,2 M` (id, 1,2 miliar) or `1.2 B` (en).
pub fn compact(value: f64, scale: CompactScale, decimals: u32, lang: Lang) -> String {
    use rust_decimal::prelude::FromPrimitive;
    let scaled = Decimal::from_f64(value / scale.divisor).unwrap_or_default();
    let n = number(scaled, decimals, lang);
    if scale.suffix.is_empty() {
        n
    } else {
        format!("{n} {}", scale.suffix)
    }
}

/// Lossy conversion for charts only; never used for money arithmetic.
pub fn to_f64(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn indonesian_numbers() {
        assert_eq!(rupiah(Money::from_rupiah(12_785_258_830), Lang::Id), "Rp 12.785.258.830");
        assert_eq!(rupiah(Money::from_sen(493_992_517_119), Lang::Id), "Rp 4.939.925.171,19");
        assert_eq!(percent(d("86.0596"), Lang::Id), "86,06 %");
        assert_eq!(percent(d("86.0596"), Lang::En), "86.06 %");
        assert_eq!(decimal(d("75.80"), Lang::Id), "75,80");
        assert_eq!(number(d("-1234.5"), 1, Lang::En), "-1,234.5");
        assert_eq!(number(d("999"), 0, Lang::Id), "999");
        assert_eq!(number(d("0.005"), 2, Lang::Id), "0,01");
    }

    #[test]
    fn values_of_one_indicator_share_the_decimals_of_the_most_precise() {
        // Tabel 3.2 prints the 2023 target of Nilai AKIP as `70` beside its realisation `76.01`
        // and the 2024 target `75.80`: read together, every one has two decimals.
        let values = [d("70"), d("76.01"), d("75.8"), d("78.19")];
        let n = value_decimals(values);
        assert_eq!(n, 2);
        let shown: Vec<String> = values.iter().map(|v| value(*v, n, Lang::Id)).collect();
        assert_eq!(shown, ["70,00", "76,01", "75,80", "78,19"]);
        assert_eq!(value(d("1234.5"), 2, Lang::En), "1,234.50");
        // Whole values stay whole; a value recorded with more than four decimals is shown
        // rounded to four, and so are the others beside it.
        assert_eq!(value_decimals([d("41"), d("43")]), 0);
        assert_eq!(value_decimals([d("0.296123"), d("1")]), 4);
        assert_eq!(value(d("0.296123"), 4, Lang::Id), "0,2961");
        assert_eq!(value(d("1"), 4, Lang::Id), "1,0000");
        assert_eq!(value_decimals(std::iter::empty()), 0);
    }

    #[test]
    fn money_and_percentages_share_one_minus_sign() {
        // The budget tree showed "–Rp 500.000.000" beside "-5,01 %": both now use the hyphen-minus.
        assert_eq!(rupiah(Money::from_rupiah(-500_000_000), Lang::Id), "-Rp 500.000.000");
        assert_eq!(rupiah_decimal(d("-500000000"), Lang::En), "-Rp 500,000,000");
        assert_eq!(percent(d("-5.01"), Lang::Id), "-5,01 %");
        assert_eq!(rupiah_decimal(d("-0.001"), Lang::Id), "Rp 0,00");
    }

    #[test]
    fn compact_suffixes_follow_the_language() {
        // 1,2 miliar = 1.2 billion: `M` in Indonesian is the English `B`.
        let v = 1_200_000_000.0;
        assert_eq!(compact(v, compact_scale(v, Lang::Id), 1, Lang::Id), "1,2 M");
        assert_eq!(compact(v, compact_scale(v, Lang::En), 1, Lang::En), "1.2 B");
        // 4,5 juta = 4.5 million: the English `M`.
        let v = 4_500_000.0;
        assert_eq!(compact(v, compact_scale(v, Lang::Id), 1, Lang::Id), "4,5 jt");
        assert_eq!(compact(v, compact_scale(v, Lang::En), 1, Lang::En), "4.5 M");
        assert_eq!(compact(750_000.0, compact_scale(750_000.0, Lang::Id), 0, Lang::Id), "750 rb");
        assert_eq!(compact(750_000.0, compact_scale(750_000.0, Lang::En), 0, Lang::En), "750 K");
        assert_eq!(compact(3e12, compact_scale(3e12, Lang::En), 0, Lang::En), "3 T");
        assert_eq!(compact(42.0, compact_scale(42.0, Lang::Id), 0, Lang::Id), "42");
    }
}
