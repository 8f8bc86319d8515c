use super::{Problem, ProblemKind};
use crate::domain::{Coded, Money, Year};
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

    /// The trimmed text of a column (empty when the record is short).
    pub fn text(&self, column: &str) -> String {
        self.index.get(column).and_then(|&i| self.record.get(i)).unwrap_or("").trim().to_string()
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
        let s = self.text(column);
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
        if self.text(column).is_empty() {
            self.problem(column, ProblemKind::Required);
            return 0;
        }
        self.opt_int(column).unwrap_or(0)
    }

    pub fn year(&self, column: &str) -> Year {
        let s = self.text(column);
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
        let s = self.text(column);
        if s.is_empty() {
            return None;
        }
        match parse_plain_decimal(&s) {
            Some(d) => Some(d),
            None => {
                self.problem(column, ProblemKind::NotNumber(s));
                None
            }
        }
    }

    pub fn dec(&self, column: &str) -> Decimal {
        if self.text(column).is_empty() {
            self.problem(column, ProblemKind::Required);
            return Decimal::ZERO;
        }
        self.opt_dec(column).unwrap_or_default()
    }

    /// An optional, non-negative amount of rupiah.
    pub fn opt_money(&self, column: &str) -> Option<Money> {
        let s = self.text(column);
        if s.is_empty() {
            return None;
        }
        let Some(d) = parse_plain_decimal(&s) else {
            self.problem(column, ProblemKind::NotMoney(s));
            return None;
        };
        match Money::from_decimal(d) {
            Ok(m) if m.is_negative() => {
                self.problem(column, ProblemKind::NegativeMoney(s));
                None
            }
            Ok(m) => Some(m),
            Err(_) => {
                self.problem(column, ProblemKind::NotMoney(s));
                None
            }
        }
    }

    pub fn coded<T: Coded>(&self, column: &str, default: T) -> T {
        let s = self.text(column);
        if s.is_empty() {
            self.problem(column, ProblemKind::Required);
            return default;
        }
        self.parse_code(column, &s).unwrap_or(default)
    }

    pub fn opt_coded<T: Coded>(&self, column: &str) -> Option<T> {
        let s = self.text(column);
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
        match self.text(column).to_ascii_lowercase().as_str() {
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
    let body = s.strip_prefix('-').unwrap_or(s);
    let mut parts = body.splitn(2, '.');
    let int = parts.next()?;
    let frac = parts.next();
    let digits_ok = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !digits_ok(int) || frac.is_some_and(|f| !digits_ok(f)) {
        return None;
    }
    Decimal::from_str(s).ok()
}

/// Formats an optional value for a CSV field.
pub fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(|v| v.to_string()).unwrap_or_default()
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
}
