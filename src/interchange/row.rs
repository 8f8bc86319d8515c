use super::{Problem, ProblemKind};
use crate::domain::{Coded, Money, MoneyError, Year};
use rust_decimal::Decimal;
use std::cell::RefCell;
use std::collections::HashMap;
use std::str::FromStr;

/// Reads the fields of one CSV record by column name, collecting every problem instead of
/// stopping at the first.
pub struct Row<'a> {
    file: &'a str,
    line: usize,
    index: &'a HashMap<String, usize>,
    record: &'a csv::StringRecord,
    problems: RefCell<Vec<Problem>>,
}

impl<'a> Row<'a> {
    pub fn new(file: &'a str, line: usize, index: &'a HashMap<String, usize>, record: &'a csv::StringRecord) -> Self {
        Row { file, line, index, record, problems: RefCell::new(Vec::new()) }
    }

    pub fn line(&self) -> usize {
        self.line
    }

    pub fn problem(&self, column: &str, kind: ProblemKind) {
        self.problems.borrow_mut().push(Problem {
            file: self.file.to_string(),
            line: Some(self.line),
            column: Some(column.to_string()),
            kind,
        });
    }

    pub fn into_problems(self) -> Vec<Problem> {
        self.problems.into_inner()
    }

    /// The trimmed cell of a column (empty when the record is short), unchecked.
    fn raw(&self, column: &str) -> String {
        self.index.get(column).and_then(|&i| self.record.get(i)).unwrap_or("").trim().to_string()
    }

    /// The trimmed text of a column (empty when the record is short). A text longer than a
    /// spreadsheet cell holds is a problem here, on import, rather than a failed XLSX export
    /// later that cannot say which record broke it.
    pub fn text(&self, column: &str) -> String {
        let s = self.raw(column);
        let length = cell_text_len(&s);
        if length > MAX_CELL_TEXT {
            let reported = self
                .problems
                .borrow()
                .iter()
                .any(|p| p.column.as_deref() == Some(column) && matches!(p.kind, ProblemKind::TooLong { .. }));
            if !reported {
                self.problem(column, ProblemKind::TooLong { length, limit: MAX_CELL_TEXT });
            }
        }
        s
    }

    pub fn opt_text(&self, column: &str) -> Option<String> {
        Some(self.text(column)).filter(|s| !s.is_empty())
    }

    pub fn req_text(&self, column: &str) -> String {
        let s = self.text(column);
        if s.is_empty() {
            self.problem(column, ProblemKind::Required);
        }
        s
    }

    pub fn opt_int(&self, column: &str) -> Option<i64> {
        let s = self.raw(column);
        if s.is_empty() {
            return None;
        }
        match s.parse::<i64>() {
            Ok(v) => Some(v),
            Err(_) => {
                self.problem(column, ProblemKind::NotWholeNumber(s));
                None
            }
        }
    }

    pub fn int(&self, column: &str) -> i64 {
        if self.raw(column).is_empty() {
            self.problem(column, ProblemKind::Required);
            return 0;
        }
        self.opt_int(column).unwrap_or(0)
    }

    pub fn year(&self, column: &str) -> Year {
        let s = self.raw(column);
        match s.parse::<Year>() {
            Ok(y) if (1900..=2200).contains(&y) => y,
            _ if s.is_empty() => {
                self.problem(column, ProblemKind::Required);
                0
            }
            _ => {
                self.problem(column, ProblemKind::NotYear(s));
                0
            }
        }
    }

    pub fn opt_dec(&self, column: &str) -> Option<Decimal> {
        let s = self.raw(column);
        if s.is_empty() {
            return None;
        }
        if ambiguous(&s) {
            self.problem(column, ProblemKind::AmbiguousNumber { value: s, money: false });
            return None;
        }
        if let Some(fix) = decimal_comma(&s, false) {
            self.problem(column, ProblemKind::DecimalComma { value: s, fix });
            return None;
        }
        match parse_plain_decimal(&s) {
            Some(d) => Some(d),
            None if plain_form(&s) => {
                self.problem(column, ProblemKind::TooLarge { value: s, money: false });
                None
            }
            None => {
                self.problem(column, ProblemKind::NotNumber(s));
                None
            }
        }
    }

    pub fn dec(&self, column: &str) -> Decimal {
        if self.raw(column).is_empty() {
            self.problem(column, ProblemKind::Required);
            return Decimal::ZERO;
        }
        self.opt_dec(column).unwrap_or_default()
    }

    /// An optional, non-negative amount of rupiah.
    pub fn opt_money(&self, column: &str) -> Option<Money> {
        let s = self.raw(column);
        if s.is_empty() {
            return None;
        }
        if ambiguous(&s) {
            self.problem(column, ProblemKind::AmbiguousNumber { value: s, money: true });
            return None;
        }
        if let Some(fix) = decimal_comma(&s, true) {
            self.problem(column, ProblemKind::DecimalComma { value: s, fix });
            return None;
        }
        let Some(d) = parse_plain_decimal(&s) else {
            let kind =
                if plain_form(&s) { ProblemKind::TooLarge { value: s, money: true } } else { ProblemKind::NotMoney(s) };
            self.problem(column, kind);
            return None;
        };
        match Money::from_decimal(d) {
            Ok(m) if m.is_negative() => {
                self.problem(column, ProblemKind::NegativeMoney(s));
                None
            }
            Ok(m) => Some(m),
            Err(MoneyError::TooLarge) => {
                self.problem(column, ProblemKind::TooLarge { value: s, money: true });
                None
            }
            Err(MoneyError::TooPrecise) => {
                self.problem(column, ProblemKind::NotMoney(s));
                None
            }
        }
    }

    pub fn coded<T: Coded>(&self, column: &str, default: T) -> T {
        let s = self.raw(column);
        if s.is_empty() {
            self.problem(column, ProblemKind::Required);
            return default;
        }
        self.parse_code(column, &s).unwrap_or(default)
    }

    pub fn opt_coded<T: Coded>(&self, column: &str) -> Option<T> {
        let s = self.raw(column);
        if s.is_empty() {
            return None;
        }
        self.parse_code(column, &s)
    }

    fn parse_code<T: Coded>(&self, column: &str, s: &str) -> Option<T> {
        let found = T::from_code(s);
        if found.is_none() {
            self.problem(column, ProblemKind::UnknownCode { value: s.to_string(), expected: T::codes() });
        }
        found
    }

    pub fn bool(&self, column: &str) -> bool {
        match self.raw(column).to_ascii_lowercase().as_str() {
            "true" | "1" | "ya" | "yes" => true,
            "false" | "0" | "tidak" | "no" | "" => false,
            other => {
                self.problem(column, ProblemKind::NotBool(other.to_string()));
                false
            }
        }
    }
}

/// Parses a plain machine number: optional sign, digits, optional `.` and digits.
pub fn parse_plain_decimal(s: &str) -> Option<Decimal> {
    if !plain_form(s) {
        return None;
    }
    Decimal::from_str(s).ok()
}

/// The plain form of a number written with a decimal comma (`75,80` → `75.80`), as Excel with
/// Indonesian settings writes it, when that is its only reading: not with three digits after the
/// comma (`1,500` is also an English thousand five hundred), and for `money` not with more than
/// two (no fraction of a sen).
fn decimal_comma(s: &str, money: bool) -> Option<String> {
    let body = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = body.split_once(',')?;
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let fits = if money { frac.len() <= 2 } else { frac.len() != 3 };
    (digits(int) && digits(frac) && fits).then(|| unambiguous(s.replace(',', ".")))
}

/// Written as a plain machine number (optional sign, digits, optional `.` and digits), whether
/// or not a decimal can hold it: a plain number that does not parse has too many digits.
fn plain_form(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let mut parts = body.splitn(2, '.');
    let int = parts.next().unwrap_or_default();
    let frac = parts.next();
    let digits_ok = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    digits_ok(int) && frac.is_none_or(digits_ok)
}

/// Excel's limit for the text of one cell, counted in UTF-16 units as Excel (and
/// rust_xlsxwriter) count it: a character outside the basic plane counts twice.
pub const MAX_CELL_TEXT: usize = 32_767;

/// The length of a text as a spreadsheet cell counts it.
pub fn cell_text_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Every cell of the dataset's files too long for a workbook sheet, located by file, line and
/// column: a dataset must come back exactly, so the workbook is refused rather than cut (the CSV
/// folder holds any length).
pub fn too_long_for_workbook(files: &[(&'static str, Vec<u8>)]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (file, bytes) in files {
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes.as_slice());
        let mut header = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let Ok(record) = record else { continue };
            if i == 0 {
                header = record.iter().map(str::to_string).collect();
                continue;
            }
            for (c, value) in record.iter().enumerate() {
                let length = cell_text_len(value);
                if length > MAX_CELL_TEXT {
                    problems.push(Problem {
                        file: file.to_string(),
                        line: Some(i + 1),
                        column: header.get(c).cloned(),
                        kind: ProblemKind::TooLongForWorkbook { length, limit: MAX_CELL_TEXT },
                    });
                }
            }
        }
    }
    problems
}

/// Whether a plain number also reads as an Indonesian number with a thousands dot: an optional
/// minus, a non-zero integer part of one to three digits, one dot and exactly three digits
/// (`1.500`, `16.478`, `-2.125`). Such a text is 1500 or 1,5 depending on the reader's
/// convention, so the dataset refuses it instead of guessing; `0.102` (no thousands group
/// starts with a lone zero), `1234.5`, `1.5`, `12.50` and `1.5000` have one reading only.
pub fn ambiguous(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let Some((int, frac)) = body.split_once('.') else {
        return false;
    };
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    (1..=3).contains(&int.len()) && digits(int) && int.bytes().any(|b| b != b'0') && frac.len() == 3 && digits(frac)
}

/// A number's machine text made unambiguous for the dataset files: a trailing zero after an
/// ambiguous fraction (`16.478` → `16.4780`), which keeps the value.
pub fn unambiguous(text: String) -> String {
    if ambiguous(&text) {
        text + "0"
    } else {
        text
    }
}

/// A decimal as the dataset files write it: plain, with the decimals it holds, never in a form
/// that also reads as a thousands group (see [`ambiguous`]).
pub fn dec_text(d: &Decimal) -> String {
    unambiguous(d.to_string())
}

/// Formats an optional value for a CSV field; a number never comes out ambiguous.
pub fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(|v| unambiguous(v.to_string())).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_decimals() {
        assert_eq!(parse_plain_decimal("1234.56"), Some(Decimal::new(123456, 2)));
        assert_eq!(parse_plain_decimal("-5"), Some(Decimal::from(-5)));
        assert_eq!(parse_plain_decimal("75.80").map(|d| d.to_string()), Some("75.80".into()));
        for bad in ["1.234.567", "1,5", "abc", "", ".5", "5.", "1e5", "+3", "Rp 5"] {
            assert_eq!(parse_plain_decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_ambiguity_rule() {
        for both in ["1.500", "16.478", "-2.125", "100.000", "999.999", "01.500", "1.000"] {
            assert!(ambiguous(both), "{both}");
        }
        for one in ["0.102", "-0.125", "000.500", "1234.5", "1234.500", "1.5", "12.50", "1.5000", "1500", "1.2345"] {
            assert!(!ambiguous(one), "{one}");
        }
        for not_a_number in ["", "1.5a0", "a.500", "1,500", "1.500.000", "--1.500", "+1.500"] {
            assert!(!ambiguous(not_a_number), "{not_a_number}");
        }
    }

    #[test]
    fn the_writer_adds_a_zero_where_a_number_would_read_two_ways() {
        // 16.478 with three decimals would also read as sixteen thousand four hundred and
        // seventy-eight; one more zero keeps the value and leaves one reading.
        assert_eq!(dec_text(&Decimal::new(16478, 3)), "16.4780");
        assert_eq!(dec_text(&Decimal::new(-2125, 3)), "-2.1250");
        assert_eq!(dec_text(&Decimal::new(102, 3)), "0.102");
        assert_eq!(dec_text(&Decimal::new(12345, 1)), "1234.5");
        assert_eq!(opt(&Some(Decimal::new(1500, 3))), "1.5000");
        assert_eq!(opt(&Some(1500i64)), "1500");
        assert_eq!(opt::<Decimal>(&None), "");
        let read_back = parse_plain_decimal(&dec_text(&Decimal::new(16478, 3))).unwrap();
        assert_eq!(read_back, Decimal::new(16478, 3));
    }

    fn row_problems(columns: &[&str], cells: &[&str], read: impl Fn(&Row)) -> Vec<ProblemKind> {
        let index: HashMap<String, usize> = columns.iter().enumerate().map(|(i, c)| (c.to_string(), i)).collect();
        let record = csv::StringRecord::from(cells.to_vec());
        let row = Row::new("x.csv", 2, &index, &record);
        read(&row);
        row.into_problems().into_iter().map(|p| p.kind).collect()
    }

    #[test]
    fn numbers_beyond_their_column_are_too_large_not_misnamed() {
        // 28 nines fit a decimal but not i64 sen (at most 92233720368547758.07 rupiah); 29
        // nines fit no decimal at all.
        let nines28 = "9".repeat(28);
        let nines29 = "9".repeat(29);
        let kinds = row_problems(&["a", "b", "c"], &[&nines28, &nines29, "12x"], |r| {
            assert_eq!(r.opt_money("a"), None);
            assert_eq!(r.opt_dec("b"), None);
            assert_eq!(r.opt_dec("c"), None);
        });
        assert_eq!(
            kinds,
            vec![
                ProblemKind::TooLarge { value: nines28, money: true },
                ProblemKind::TooLarge { value: nines29, money: false },
                ProblemKind::NotNumber("12x".into()),
            ]
        );
    }

    #[test]
    fn a_decimal_comma_is_refused_with_the_plain_form() {
        let kinds = row_problems(&["a", "b", "c", "d"], &["75,80", "1250000,5", "1,500", "-0,5"], |r| {
            assert_eq!(r.opt_dec("a"), None);
            assert_eq!(r.opt_money("b"), None);
            assert_eq!(r.opt_dec("c"), None);
            assert_eq!(r.opt_dec("d"), None);
        });
        assert_eq!(
            kinds,
            vec![
                ProblemKind::DecimalComma { value: "75,80".into(), fix: "75.80".into() },
                ProblemKind::DecimalComma { value: "1250000,5".into(), fix: "1250000.5".into() },
                // Three digits after the comma also read as an English thousands group.
                ProblemKind::NotNumber("1,500".into()),
                ProblemKind::DecimalComma { value: "-0,5".into(), fix: "-0.5".into() },
            ]
        );
        // A fraction of a sen is no amount whichever the separator.
        let kinds = row_problems(&["a"], &["12,345"], |r| assert_eq!(r.opt_money("a"), None));
        assert_eq!(kinds, vec![ProblemKind::NotMoney("12,345".into())]);
    }

    #[test]
    fn ambiguous_decimals_and_amounts_are_refused() {
        let kinds = row_problems(&["a", "b", "c"], &["1.500", "16.478", "0.102"], |r| {
            assert_eq!(r.opt_dec("a"), None);
            assert_eq!(r.opt_money("b"), None);
            assert_eq!(r.opt_dec("c"), Some(Decimal::new(102, 3)));
        });
        assert_eq!(
            kinds,
            vec![
                ProblemKind::AmbiguousNumber { value: "1.500".into(), money: false },
                ProblemKind::AmbiguousNumber { value: "16.478".into(), money: true },
            ]
        );
    }

    #[test]
    fn a_text_longer_than_a_cell_is_refused_once() {
        let long = "a".repeat(MAX_CELL_TEXT + 1);
        let kinds = row_problems(&["note"], &[&long], |r| {
            r.text("note");
            r.opt_text("note");
        });
        assert_eq!(kinds, vec![ProblemKind::TooLong { length: MAX_CELL_TEXT + 1, limit: MAX_CELL_TEXT }]);
        let exact = "a".repeat(MAX_CELL_TEXT);
        assert!(row_problems(&["note"], &[&exact], |r| assert_eq!(r.text("note").len(), MAX_CELL_TEXT)).is_empty());
        // Excel counts UTF-16 units: a character outside the basic plane takes two.
        let emoji = "😀".repeat(MAX_CELL_TEXT / 2 + 1);
        assert_eq!(cell_text_len(&emoji), MAX_CELL_TEXT + 1);
    }
}
