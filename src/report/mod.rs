//! The LKIP tables described as data: one [`TableView`] per numbered table, with every derived
//! cell carrying both the figure the report printed and Kinerja's recomputation. The window,
//! the command line and the file exports all render these same views.

mod build;
pub mod charts;
pub mod lkip;
mod render;
mod text;
pub mod ticks;

pub use crate::calc::layout::*;
pub use build::*;
pub use render::*;
pub use text::*;

use crate::domain::Year;
use crate::format::Lang;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;

/// `v` with at least `decimals` decimals, its value unchanged (`75.8` → `75.80`).
fn pad(v: Decimal, decimals: u32) -> Decimal {
    if v.scale() >= decimals {
        return v;
    }
    let mut padded = v;
    padded.rescale(decimals);
    // A value too large to hold the extra digits keeps its own.
    if padded == v {
        padded
    } else {
        v
    }
}

/// What a column holds, for alignment and number formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    Text,
    Money,
    Number,
    Percent,
    Count,
}

/// A column of a table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Column {
    /// Machine name, used as the CSV header.
    pub key: String,
    /// Heading in the table's language (`TableView::lang`); in Indonesian as the report prints it.
    pub label: String,
    pub kind: ColumnKind,
    /// Whether some cells are derived (so a recomputed column accompanies the printed one).
    pub derived: bool,
}

/// The role of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    Normal,
    Subtotal,
    Total,
}

impl RowKind {
    pub fn code(self) -> &'static str {
        match self {
            RowKind::Normal => "baris",
            RowKind::Subtotal => "subtotal",
            RowKind::Total => "total",
        }
    }
}

/// A cell.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number: as printed (or recorded) and as recomputed.
    Figure {
        reported: Option<Decimal>,
        computed: Option<Decimal>,
    },
    /// A verdict text: as printed and as recomputed.
    Verdict {
        reported: Option<String>,
        computed: Option<String>,
    },
    /// A range target (`40–45`): kept as its two bounds so that each file shows it in its own
    /// number format (`7,50–8,00` on screen in Indonesian, `7.50–8.00` in a machine file).
    Range {
        low: Decimal,
        high: Decimal,
    },
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    /// A source figure: recorded and recomputed are the same.
    pub fn value(v: Option<Decimal>) -> Cell {
        match v {
            Some(v) => Cell::Figure { reported: Some(v), computed: Some(v) },
            None => Cell::Empty,
        }
    }
    pub fn figure(reported: Option<Decimal>, computed: Option<Decimal>) -> Cell {
        if reported.is_none() && computed.is_none() {
            Cell::Empty
        } else {
            Cell::Figure { reported, computed }
        }
    }
    /// Whether the printed and the recomputed figure disagree beyond the printed precision.
    pub fn disagrees(&self) -> bool {
        match self {
            Cell::Figure { reported: Some(r), computed: Some(c) } => !crate::calc::tolerance::agrees(*r, *c),
            Cell::Verdict { reported: Some(r), computed: Some(c) } => r != c,
            _ => false,
        }
    }
}

/// A row of a table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TableRow {
    pub kind: RowKind,
    /// Indent level in trees.
    pub level: u8,
    pub cells: Vec<Cell>,
    /// The record the row shows (`budget:1.4`, `indicator:IKU1`, …), for navigation.
    pub subject: String,
}

/// A numbered LKIP table of one year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TableView {
    pub id: String,
    pub year: Year,
    pub title: String,
    pub source: String,
    pub columns: Vec<Column>,
    pub rows: Vec<TableRow>,
    /// The language it was built in: of Kinerja's own words in it (`Tabel`, column titles,
    /// `JUMLAH`, polarity, verdicts); what the office recorded and the report printed (its
    /// titles, names, texts) is data and stays as entered. Files are built in Indonesian.
    #[serde(skip)]
    pub lang: Lang,
}

impl TableView {
    /// Whether this is one of the report's numbered tables (`3.19`), not a view of Kinerja's
    /// own (the city table).
    pub fn is_numbered(&self) -> bool {
        self.id.starts_with(|c: char| c.is_ascii_digit())
    }

    /// The short name: `Tabel 3.19`, or the id of a table of Kinerja's own (`Kota`).
    pub fn label(&self) -> String {
        if self.is_numbered() {
            format!("{} {}", self.lang.pick("Tabel", "Table"), self.id)
        } else {
            self.id.clone()
        }
    }

    /// Holds each indicator's values — the `Number` figures of the rows about one subject
    /// (`indicator:IKU1`: its targets and realisations, in one row or in several) — at the
    /// precision of the most precise of them ([`crate::format::value_decimals`]), so that every
    /// place that shows the table (the window, the PDF, the XLSX) reads `75,80` beside `70,00`.
    /// A value is padded with zeros, never rounded: it stays the figure that was recorded.
    pub(crate) fn align_values(&mut self) {
        let numbers: Vec<usize> =
            self.columns.iter().enumerate().filter(|(_, c)| c.kind == ColumnKind::Number).map(|(i, _)| i).collect();
        if numbers.is_empty() {
            return;
        }
        // A row about no record is a group of its own.
        let group = |i: usize, r: &TableRow| if r.subject.is_empty() { format!("#{i}") } else { r.subject.clone() };
        let figures = |r: &TableRow| -> Vec<Decimal> {
            numbers
                .iter()
                .filter_map(|c| match r.cells.get(*c) {
                    Some(Cell::Figure { reported, computed }) => Some(reported.iter().chain(computed).copied()),
                    _ => None,
                })
                .flatten()
                .collect()
        };
        let mut decimals: HashMap<String, u32> = HashMap::new();
        for (i, r) in self.rows.iter().enumerate() {
            let d = crate::format::value_decimals(figures(r));
            let e = decimals.entry(group(i, r)).or_insert(0);
            *e = (*e).max(d);
        }
        for (i, r) in self.rows.iter_mut().enumerate() {
            let n = decimals.get(&group(i, r)).copied().unwrap_or(0);
            for c in &numbers {
                if let Some(Cell::Figure { reported, computed }) = r.cells.get_mut(*c) {
                    for v in [reported, computed].into_iter().flatten() {
                        *v = pad(*v, n);
                    }
                }
            }
        }
    }

    /// The heading above the table: `Tabel 3.19 Realisasi …`, or the title alone.
    pub fn heading(&self) -> String {
        if self.is_numbered() {
            format!("{} {} {}", self.lang.pick("Tabel", "Table"), self.id, self.title)
        } else {
            self.title.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn padding_adds_zeros_and_never_changes_a_value() {
        let v = Decimal::from_str("75.8").unwrap();
        assert_eq!(pad(v, 2).to_string(), "75.80");
        assert_eq!(pad(Decimal::from_str("0.296123").unwrap(), 2).to_string(), "0.296123");
        // No room for two more digits: the value stays as it is.
        assert_eq!(pad(Decimal::MAX, 2), Decimal::MAX);
        assert_eq!(pad(Decimal::MAX, 2).scale(), 0);
    }
}
