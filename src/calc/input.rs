//! Numbers as people type them, and the validation rules for edits.
//!
//! The window reads through [`read_number`], [`read_money`] and [`read_count`]: the user's
//! language decides an ambiguous text (`1.500`), and the reading carries the other reading so
//! the form can show both (docs/computation.md, "Reading numbers — In the window").
//! The budget importer reads the finance system's amounts with the same rule in Indonesian
//! (`import::amount`). Refused: anything else, e.g. `12,5,3`, `abc`, `1.23.4`.

use crate::domain::{Money, MoneyError, Polarity};
use crate::format::Lang;
use rust_decimal::Decimal;
use std::str::FromStr;

fn plain_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Why a number typed into the window is not taken.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("'{0}' is not a number")]
    NotANumber(String),
    /// Beyond what the field can hold (money: `i64` sen; other numbers: 28 digits).
    #[error("'{0}' is too large")]
    TooLarge(String),
    /// Money with fractions of a sen.
    #[error("'{0}' has more than two decimals")]
    TooPrecise(String),
    /// A count that is not a whole number of 0 or more.
    #[error("'{0}' is not a count")]
    NotACount(String),
}

impl NumberError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (NumberError::NotANumber(t), Lang::Id) => {
                format!("'{t}' bukan angka. Tulis misalnya 1.234.567,89 (titik memisahkan ribuan, koma desimal).")
            }
            (NumberError::NotANumber(t), Lang::En) => {
                format!("'{t}' is not a number. Write e.g. 1,234,567.89 (comma separates thousands, point is decimal).")
            }
            (NumberError::TooLarge(t), Lang::Id) => format!(
                "'{t}' terlalu besar. Jumlah uang paling banyak Rp 92.233.720.368.547.758,07; angka lain paling banyak 28 digit."
            ),
            (NumberError::TooLarge(t), Lang::En) => format!(
                "'{t}' is too large. Money is at most Rp 92,233,720,368,547,758.07; other numbers at most 28 digits."
            ),
            (NumberError::TooPrecise(t), Lang::Id) => {
                format!("'{t}' memiliki lebih dari dua desimal; uang ditulis sampai sen (dua desimal).")
            }
            (NumberError::TooPrecise(t), Lang::En) => {
                format!("'{t}' has more than two decimals; money is written to the sen (two decimals).")
            }
            (NumberError::NotACount(t), Lang::Id) => {
                format!("'{t}' bukan jumlah; tulis bilangan bulat 0 atau lebih.")
            }
            (NumberError::NotACount(t), Lang::En) => format!("'{t}' is not a count; write a whole number, 0 or more."),
        }
    }
}

/// What a typed number was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    pub value: Decimal,
    /// What the other language's convention would have read from the same text, when the
    /// text is ambiguous (one separator followed by exactly three digits: `1.500`, `16,478`).
    pub other: Option<Decimal>,
}

/// The thousands separator of a language; the other one is its decimal mark.
fn thousands_separator(lang: Lang) -> char {
    match lang {
        Lang::Id => '.',
        Lang::En => ',',
    }
}

/// `int` written with `sep` between groups of three (the first of one to three digits, not
/// starting with 0: `0.500` is never five hundred).
fn grouped_by(int: &str, sep: char) -> bool {
    let groups: Vec<&str> = int.split(sep).collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let first = groups[0];
    groups.len() > 1
        && groups.iter().all(|g| digits(g))
        && first.len() <= 3
        && !first.starts_with('0')
        && groups[1..].iter().all(|g| g.len() == 3)
}

/// A decimal from plain digits and an optional fraction; digits beyond the decimal range
/// are too large, not "not a number".
fn decimal_of(int: &str, frac: &str, shown: &str) -> Result<Decimal, NumberError> {
    if !plain_digits(int) || (!frac.is_empty() && !plain_digits(frac)) {
        return Err(NumberError::NotANumber(shown.to_string()));
    }
    let text = if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") };
    Decimal::from_str(&text).map_err(|_| NumberError::TooLarge(shown.to_string()))
}

/// Reads a number typed into the window; the user's language decides what is ambiguous.
///
/// - no separator: plain digits (`1500`);
/// - both `.` and `,`: the last one is the decimal mark and occurs once, the other groups
///   thousands (`1.234.567,89`, `1,234,567.89`) — the same in both languages;
/// - one separator occurring more than once: it groups thousands (`1.234.567`, `1,234,567`);
/// - one separator once, followed by exactly three digits after one to three leading digits
///   (`1.500`, `16,478`): ambiguous — read in the language's convention (Indonesian: `.`
///   groups, `,` is decimal; English the other way round), and [`Reading::other`] holds the
///   other reading so the window can show both;
/// - one separator once otherwise (`75,80`, `1234567.89`, `0.102`): it is the decimal mark,
///   whichever it is, since it cannot be grouping.
///
/// Spaces, a leading minus and `Rp` are allowed.
pub fn read_number(input: &str, lang: Lang) -> Result<Reading, NumberError> {
    let shown = input.trim();
    let not_a_number = || NumberError::NotANumber(shown.to_string());
    let mut s: String = shown.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect();
    let negative = s.starts_with('-') || s.starts_with('−');
    if negative {
        s = s.chars().skip(1).collect();
    }
    if let Some(rest) = s.strip_prefix("Rp").or_else(|| s.strip_prefix("rp")).or_else(|| s.strip_prefix("RP")) {
        s = rest.trim_start_matches('.').to_string();
    }
    if s.is_empty() {
        return Err(not_a_number());
    }
    let group = thousands_separator(lang);
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let sign = |v: Decimal| if negative { -v } else { v };
    let reading = match (dots, commas) {
        (0, 0) => Reading { value: decimal_of(&s, "", shown)?, other: None },
        (_, 0) | (0, _) => {
            let sep = if dots > 0 { '.' } else { ',' };
            let count = dots + commas;
            let (a, b) = s.split_once(sep).ok_or_else(not_a_number)?;
            if count > 1 {
                if !grouped_by(&s, sep) {
                    return Err(not_a_number());
                }
                Reading { value: decimal_of(&s.replace(sep, ""), "", shown)?, other: None }
            } else if grouped_by(&s, sep) {
                let as_grouped = decimal_of(&format!("{a}{b}"), "", shown)?;
                let as_decimal = decimal_of(a, b, shown)?;
                if sep == group {
                    Reading { value: as_grouped, other: Some(as_decimal) }
                } else {
                    Reading { value: as_decimal, other: Some(as_grouped) }
                }
            } else {
                Reading { value: decimal_of(a, b, shown)?, other: None }
            }
        }
        _ => {
            // Both: the last separator is the decimal mark.
            let last = s.rfind(['.', ',']).ok_or_else(not_a_number)?;
            let point = s[last..].chars().next().ok_or_else(not_a_number)?;
            let thousands = if point == '.' { ',' } else { '.' };
            let (int, frac) = (&s[..last], &s[last + 1..]);
            if int.contains(point) || !grouped_by(int, thousands) {
                return Err(not_a_number());
            }
            Reading { value: decimal_of(&int.replace(thousands, ""), frac, shown)?, other: None }
        }
    };
    Ok(Reading { value: sign(reading.value), other: reading.other.map(sign) })
}

/// Reads an amount of money typed into the window (see [`read_number`]).
pub fn read_money(input: &str, lang: Lang) -> Result<(Money, Reading), NumberError> {
    let reading = read_number(input, lang)?;
    let shown = input.trim().to_string();
    match Money::from_decimal(reading.value) {
        Ok(m) => Ok((m, reading)),
        Err(MoneyError::TooPrecise) => Err(NumberError::TooPrecise(shown)),
        Err(MoneyError::TooLarge) => Err(NumberError::TooLarge(shown)),
    }
}

/// Reads a count (staff, assets) typed into the window: a whole number, 0 or more.
pub fn read_count(input: &str, lang: Lang) -> Result<(i64, Reading), NumberError> {
    let shown = input.trim().to_string();
    let reading = read_number(input, lang).map_err(|e| match e {
        NumberError::NotANumber(t) => NumberError::NotACount(t),
        other => other,
    })?;
    if reading.value.is_sign_negative() && !reading.value.is_zero() || !reading.value.fract().is_zero() {
        return Err(NumberError::NotACount(shown));
    }
    let n = i64::try_from(reading.value.trunc()).map_err(|_| NumberError::TooLarge(shown))?;
    Ok((n, reading))
}

/// The outcome of validating an edit: errors stop it, warnings are shown and allowed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Validation {
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

impl Validation {
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }
    pub fn merge(&mut self, other: Validation) {
        self.errors.extend(other.errors);
        self.warnings.extend(other.warnings);
    }
}

/// A pagu must not be negative.
pub fn check_pagu(pagu: Money, lang: Lang) -> Validation {
    let mut v = Validation::default();
    if pagu.is_negative() {
        v.errors.push(lang.pick("Pagu tidak boleh negatif.", "A budget ceiling cannot be negative.").into());
    }
    v
}

/// Realisasi above pagu is allowed but warned; negative realisasi is refused.
pub fn check_realisasi(realisasi: Money, pagu: Option<Money>, lang: Lang) -> Validation {
    let mut v = Validation::default();
    if realisasi.is_negative() {
        v.errors.push(lang.pick("Realisasi tidak boleh negatif.", "Spending cannot be negative.").into());
    }
    if let Some(p) = pagu {
        if realisasi > p {
            v.warnings.push(match lang {
                Lang::Id => format!("Realisasi melebihi pagu ({}); periksa kembali.", crate::format::rupiah(p, lang)),
                Lang::En => {
                    format!("Spending exceeds the budget ceiling ({}); please check.", crate::format::rupiah(p, lang))
                }
            });
        }
    }
    v
}

/// A target against the previous year's, the polarity and the satuan.
pub fn check_target(
    target: Decimal,
    previous: Option<Decimal>,
    polarity: Polarity,
    satuan: &str,
    lang: Lang,
) -> Validation {
    let mut v = Validation::default();
    if let Some(p) = previous {
        let backwards = match polarity {
            Polarity::HigherIsBetter | Polarity::RangeHigher => target < p,
            Polarity::LowerIsBetter | Polarity::RangeLower => target > p,
            Polarity::Range => false,
        };
        if backwards {
            v.warnings.push(match lang {
                Lang::Id => {
                    format!(
                        "Target mundur dibanding tahun sebelumnya ({}) untuk indikator dengan polaritas ini.",
                        with_satuan(p, satuan, lang)
                    )
                }
                Lang::En => format!(
                    "The target goes backwards against the previous year ({}) for this polarity.",
                    with_satuan(p, satuan, lang)
                ),
            });
        }
    }
    v.merge(check_percent_target(target, satuan, lang));
    v
}

/// A figure of a warning as the user reads it: `1,25 %` / `1.25 %`.
fn with_satuan(v: Decimal, satuan: &str, lang: Lang) -> String {
    let n = crate::format::decimal(v, lang);
    match satuan.trim() {
        "" => n,
        s => format!("{n} {s}"),
    }
}

fn is_percent(satuan: &str) -> bool {
    matches!(satuan.trim().to_lowercase().as_str(), "%" | "persen" | "percent")
}

/// Values outside 0–100 are warned where the satuan is a percentage (a realisation may be a
/// decline, or a growth above 100 %).
pub fn check_percent(value: Decimal, satuan: &str, lang: Lang) -> Validation {
    let mut v = Validation::default();
    if is_percent(satuan) && (value < Decimal::ZERO || value > Decimal::ONE_HUNDRED) {
        v.warnings.push(lang.pick("Nilai persen di luar 0–100.", "Percentage outside 0–100.").into());
    }
    v
}

/// A target in percent below 0 is refused (a target is what the office commits to reach, and
/// no share, rate or growth it commits to is negative); above 100 it is warned.
fn check_percent_target(value: Decimal, satuan: &str, lang: Lang) -> Validation {
    let mut v = Validation::default();
    if is_percent(satuan) && value < Decimal::ZERO {
        v.errors.push(
            lang.pick(
                "Target persen tidak boleh di bawah 0; tulis 0 atau lebih.",
                "A percentage target cannot be below 0; write 0 or more.",
            )
            .into(),
        );
    } else {
        v.merge(check_percent(value, satuan, lang));
    }
    v
}

/// A year must lie inside the Renstra period.
pub fn check_year_in_period(year: i32, start: i32, end: i32, lang: Lang) -> Validation {
    let mut v = Validation::default();
    if year < start || year > end {
        v.errors.push(match lang {
            Lang::Id => format!("Tahun {year} di luar periode Renstra {start}–{end}."),
            Lang::En => format!("Year {year} is outside the Renstra period {start}–{end}."),
        });
    }
    v
}

/// A name must be filled and must not repeat a sibling's.
pub fn check_name(name: &str, siblings: &[&str], lang: Lang) -> Validation {
    let mut v = Validation::default();
    let n = name.trim();
    if n.is_empty() {
        v.errors.push(lang.pick("Nama wajib diisi.", "The name is required.").into());
    } else if siblings.iter().any(|s| s.trim().eq_ignore_ascii_case(n)) {
        v.errors.push(match lang {
            Lang::Id => format!("Nama '{n}' sudah dipakai."),
            Lang::En => format!("The name '{n}' is already used."),
        });
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn warnings_show_numbers_as_people_read_them() {
        // A previous target of 1.25 % reads "1,25 %" in Indonesian and "1.25 %" in English.
        let id = check_target(d("1"), Some(d("1.25")), Polarity::HigherIsBetter, "%", Lang::Id);
        assert!(id.warnings[0].contains("(1,25 %)"), "{:?}", id.warnings);
        let en = check_target(d("1"), Some(d("1.25")), Polarity::HigherIsBetter, "%", Lang::En);
        assert!(en.warnings[0].contains("(1.25 %)"), "{:?}", en.warnings);
        // A pagu of 12785258830 reads Rp 12.785.258.830.
        let pagu = Money::from_rupiah(12_785_258_830);
        let w = check_realisasi(Money::from_rupiah(13_000_000_000), Some(pagu), Lang::Id);
        assert!(w.warnings[0].contains("(Rp 12.785.258.830)"), "{:?}", w.warnings);
    }

    #[test]
    fn accepted_forms() {
        // The Indonesian window, as the finance system's spreadsheets write amounts too.
        let id = |t: &str| read_number(t, Lang::Id).map(|r| r.value);
        assert_eq!(id("1.234.567,89").unwrap(), d("1234567.89"));
        assert_eq!(id("1234567.89").unwrap(), d("1234567.89"));
        assert_eq!(id("Rp 1.234.567").unwrap(), d("1234567"));
        assert_eq!(id("1.234").unwrap(), d("1234"));
        assert_eq!(id("0.102").unwrap(), d("0.102"));
        assert_eq!(id("76,25").unwrap(), d("76.25"));
        assert_eq!(id(" 76 ").unwrap(), d("76"));
        assert_eq!(id("-5").unwrap(), d("-5"));
        assert_eq!(id("12 785 258 830").unwrap(), d("12785258830"));
    }

    #[test]
    fn refused_forms() {
        for bad in ["12,5,3", "abc", "", "1.23.4", "1,2.3", "Rp", "12a", "--5", "1..2", "5%"] {
            for lang in [Lang::Id, Lang::En] {
                assert!(read_number(bad, lang).is_err(), "{bad}");
            }
        }
        assert!(matches!(read_money("1,005", Lang::Id), Err(NumberError::TooPrecise(_))), "fractions of a sen");
    }

    #[test]
    fn rules() {
        let l = Lang::Id;
        assert!(!check_pagu(Money::from_rupiah(-5), l).ok());
        assert!(check_pagu(Money::from_rupiah(5), l).ok());
        let over = check_realisasi(Money::from_rupiah(11), Some(Money::from_rupiah(10)), l);
        assert!(over.ok() && over.warnings.len() == 1);
        assert!(!check_realisasi(Money::from_rupiah(-1), None, l).ok());
        assert_eq!(check_target(d("75"), Some(d("76")), Polarity::HigherIsBetter, "Nilai", l).warnings.len(), 1);
        assert!(check_target(d("77"), Some(d("76")), Polarity::HigherIsBetter, "Nilai", l).warnings.is_empty());
        assert_eq!(check_target(d("77"), Some(d("76")), Polarity::LowerIsBetter, "Nilai", l).warnings.len(), 1);
        assert_eq!(check_target(d("120"), None, Polarity::HigherIsBetter, "%", l).warnings.len(), 1);
        assert!(check_target(d("120"), None, Polarity::HigherIsBetter, "%", l).ok(), "above 100 is only warned");
        let below = check_target(d("-0.5"), None, Polarity::HigherIsBetter, "%", l);
        assert!(!below.ok() && below.errors[0].contains("Target persen tidak boleh di bawah 0"), "{below:?}");
        assert!(!check_target(d("-1"), None, Polarity::LowerIsBetter, "persen", Lang::En).ok());
        assert!(check_target(d("-1"), None, Polarity::HigherIsBetter, "Nilai", l).ok(), "only a percentage satuan");
        // A realisation in percent may be a decline: warned, not refused.
        let decline = check_percent(d("-3.5"), "%", l);
        assert!(decline.ok() && decline.warnings.len() == 1);
        assert!(!check_year_in_period(2027, 2024, 2026, l).ok());
        assert!(check_year_in_period(2025, 2024, 2026, l).ok());
        assert!(!check_name("Program A", &["program a"], l).ok());
        assert!(!check_name("  ", &[], l).ok());
        assert!(check_name("Program B", &["Program A"], l).ok());
    }

    fn read(s: &str, lang: Lang) -> Reading {
        read_number(s, lang).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    /// The table of docs/computation.md, "In the window".
    #[test]
    fn the_language_decides_the_ambiguous_reading() {
        // (typed, Indonesian reading, English reading, ambiguous)
        let table = [
            ("1.500", "1500", "1.500", true),
            ("1,500", "1.500", "1500", true),
            ("16.478", "16478", "16.478", true),
            ("-1.500", "-1500", "-1.500", true),
            ("1500", "1500", "1500", false),
            ("75,80", "75.80", "75.80", false),
            ("75.80", "75.80", "75.80", false),
            ("0.102", "0.102", "0.102", false),
            ("0,500", "0.500", "0.500", false),
            ("1234.567", "1234.567", "1234.567", false),
            ("1234567.89", "1234567.89", "1234567.89", false),
            ("1.234.567", "1234567", "1234567", false),
            ("1,234,567", "1234567", "1234567", false),
            ("1.234.567,89", "1234567.89", "1234567.89", false),
            ("1,234,567.89", "1234567.89", "1234567.89", false),
            ("Rp 1.500.000", "1500000", "1500000", false),
            ("12 785 258 830", "12785258830", "12785258830", false),
        ];
        for (typed, id, en, ambiguous) in table {
            let (r_id, r_en) = (read(typed, Lang::Id), read(typed, Lang::En));
            assert_eq!(r_id.value, d(id), "{typed} (id)");
            assert_eq!(r_en.value, d(en), "{typed} (en)");
            assert_eq!(r_id.other.is_some(), ambiguous, "{typed}");
            if ambiguous {
                // Each language's other reading is the other language's reading.
                assert_eq!(r_id.other, Some(r_en.value), "{typed}");
                assert_eq!(r_en.other, Some(r_id.value), "{typed}");
            }
        }
    }

    #[test]
    fn unreadable_numbers_are_refused_in_both_languages() {
        for lang in [Lang::Id, Lang::En] {
            for bad in ["12,5,3", "abc", "", "1.23.4", "1,2.3", "Rp", "12a", "--5", "1..2", "5%", "1.234,5,6", ",5"] {
                assert!(
                    matches!(read_number(bad, lang), Err(NumberError::NotANumber(_))),
                    "{bad}: {:?}",
                    read_number(bad, lang)
                );
            }
        }
        // 30 digits: beyond the decimal range, said so rather than "not a number".
        let huge = "123456789012345678901234567890";
        assert_eq!(read_number(huge, Lang::Id), Err(NumberError::TooLarge(huge.into())));
    }

    #[test]
    fn money_and_counts_in_the_window() {
        // 1.500.000 rupiah in the Indonesian window; 1.50 rupiah in the English one.
        assert_eq!(read_money("1.500.000", Lang::Id).unwrap().0, Money::from_rupiah(1_500_000));
        assert_eq!(read_money("1.500", Lang::En).unwrap().0, Money::from_sen(150));
        assert_eq!(read_money("1.234", Lang::En), Err(NumberError::TooPrecise("1.234".into())));
        // 28 digits fit a decimal but not i64 sen (at most 92.233.720.368.547.758,07 rupiah).
        let big = "1234567890123456789012345678";
        assert_eq!(read_money(big, Lang::Id), Err(NumberError::TooLarge(big.into())));
        assert_eq!(read_money("92.233.720.368.547.758,07", Lang::Id).unwrap().0.to_sen(), i64::MAX);
        assert!(matches!(read_money("92.233.720.368.547.758,08", Lang::Id), Err(NumberError::TooLarge(_))));
        assert!(NumberError::TooLarge(big.into()).message(Lang::Id).contains("terlalu besar"));
        assert!(NumberError::TooLarge(big.into()).message(Lang::En).contains("too large"));
        assert_eq!(read_count("1.500", Lang::Id).unwrap().0, 1500);
        assert_eq!(read_count("7", Lang::En).unwrap().0, 7);
        for bad in ["1.500", "-2", "enam"] {
            assert!(matches!(read_count(bad, Lang::En), Err(NumberError::NotACount(_))), "{bad}");
        }
    }
}
