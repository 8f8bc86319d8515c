//! Numbers as people type them, and the validation rules for edits.
//!
//! Accepted: Indonesian form (`1.234.567,89`, `75,80`), plain form (`1234567.89`, `0.102`),
//! with or without `Rp` and spaces (`Rp 1.234.567`). Refused: anything else, e.g. `12,5,3`,
//! `abc`, `1.23.4`.

use crate::domain::{Money, Polarity};
use crate::format::Lang;
use rust_decimal::Decimal;
use std::str::FromStr;

/// What kind of number a field holds; money reads `1.234` as one thousand two hundred
/// thirty-four rupiah, a value reads it as a decimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    Money,
    Value,
}

/// A typed number that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotANumber(pub String);

impl NotANumber {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Id => {
                format!("'{}' bukan angka. Tulis misalnya 1.234.567,89 atau 1234567.89 (boleh diawali Rp).", self.0)
            }
            Lang::En => format!("'{}' is not a number. Write e.g. 1.234.567,89 or 1234567.89 (Rp is allowed).", self.0),
        }
    }
}

fn grouped(int: &str) -> bool {
    let groups: Vec<&str> = int.split('.').collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    groups.iter().all(|g| digits(g)) && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)
}

fn plain_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Reads a typed number.
pub fn parse_number(input: &str, kind: NumberKind) -> Result<Decimal, NotANumber> {
    let err = || NotANumber(input.trim().to_string());
    let mut s: String = input.trim().chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect();
    let negative = s.starts_with('-') || s.starts_with('−');
    if negative {
        s = s.chars().skip(1).collect();
    }
    if let Some(rest) = s.strip_prefix("Rp").or_else(|| s.strip_prefix("rp")).or_else(|| s.strip_prefix("RP")) {
        s = rest.trim_start_matches('.').to_string();
    }
    if s.is_empty() {
        return Err(err());
    }
    let (int, frac) = match s.matches(',').count() {
        0 => {
            let dots = s.matches('.').count();
            if dots == 0 {
                (s.clone(), String::new())
            } else if dots > 1 {
                if !grouped(&s) {
                    return Err(err());
                }
                (s.replace('.', ""), String::new())
            } else {
                let (a, b) = s.split_once('.').ok_or_else(err)?;
                if kind == NumberKind::Money && b.len() == 3 && grouped(&s) {
                    (format!("{a}{b}"), String::new())
                } else {
                    (a.to_string(), b.to_string())
                }
            }
        }
        1 => {
            let (a, b) = s.split_once(',').ok_or_else(err)?;
            if a.contains('.') && !grouped(a) {
                return Err(err());
            }
            (a.replace('.', ""), b.to_string())
        }
        _ => return Err(err()),
    };
    if !plain_digits(&int) || (!frac.is_empty() && !plain_digits(&frac)) {
        return Err(err());
    }
    let text = if frac.is_empty() { int } else { format!("{int}.{frac}") };
    let v = Decimal::from_str(&text).map_err(|_| err())?;
    Ok(if negative { -v } else { v })
}

/// Reads a typed amount of money (at most two decimals).
pub fn parse_money(input: &str) -> Result<Money, NotANumber> {
    let d = parse_number(input, NumberKind::Money)?;
    Money::from_decimal(d).map_err(|_| NotANumber(input.trim().to_string()))
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
                Lang::Id => format!("Realisasi melebihi pagu (Rp {p}); periksa kembali."),
                Lang::En => format!("Spending exceeds the budget ceiling (Rp {p}); please check."),
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
            Polarity::HigherIsBetter => target < p,
            Polarity::LowerIsBetter => target > p,
            Polarity::Range => false,
        };
        if backwards {
            v.warnings.push(match lang {
                Lang::Id => {
                    format!("Target mundur dibanding tahun sebelumnya ({p}) untuk indikator dengan polaritas ini.")
                }
                Lang::En => format!("The target goes backwards against the previous year ({p}) for this polarity."),
            });
        }
    }
    v.merge(check_percent(target, satuan, lang));
    v
}

/// Values outside 0–100 are warned where the satuan is a percentage.
pub fn check_percent(value: Decimal, satuan: &str, lang: Lang) -> Validation {
    let mut v = Validation::default();
    let pct = matches!(satuan.trim().to_lowercase().as_str(), "%" | "persen" | "percent");
    if pct && (value < Decimal::ZERO || value > Decimal::ONE_HUNDRED) {
        v.warnings.push(lang.pick("Nilai persen di luar 0–100.", "Percentage outside 0–100.").into());
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
    fn accepted_forms() {
        use NumberKind::*;
        assert_eq!(parse_number("1.234.567,89", Money).unwrap(), d("1234567.89"));
        assert_eq!(parse_number("1234567.89", Money).unwrap(), d("1234567.89"));
        assert_eq!(parse_number("Rp 1.234.567", Money).unwrap(), d("1234567"));
        assert_eq!(parse_number("Rp1.234.567,-".trim_end_matches(",-"), Money).unwrap(), d("1234567"));
        assert_eq!(parse_number("1.234", Money).unwrap(), d("1234"));
        assert_eq!(parse_number("1.234", Value).unwrap(), d("1.234"));
        assert_eq!(parse_number("0.102", Value).unwrap(), d("0.102"));
        assert_eq!(parse_number("76,25", Value).unwrap(), d("76.25"));
        assert_eq!(parse_number(" 76 ", Value).unwrap(), d("76"));
        assert_eq!(parse_number("-5", Value).unwrap(), d("-5"));
        assert_eq!(parse_number("12 785 258 830", Money).unwrap(), d("12785258830"));
    }

    #[test]
    fn refused_forms() {
        for bad in ["12,5,3", "abc", "", "1.23.4", "1,2.3", "Rp", "12a", "--5", "1..2", "5%"] {
            assert!(parse_number(bad, NumberKind::Money).is_err(), "{bad}");
        }
        assert!(parse_money("1,005").is_err(), "fractions of a sen");
        assert!(NotANumber("abc".into()).message(Lang::Id).contains("bukan angka"));
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
        assert!(!check_year_in_period(2027, 2024, 2026, l).ok());
        assert!(check_year_in_period(2025, 2024, 2026, l).ok());
        assert!(!check_name("Program A", &["program a"], l).ok());
        assert!(!check_name("  ", &[], l).ok());
        assert!(check_name("Program B", &["Program A"], l).ok());
    }
}
