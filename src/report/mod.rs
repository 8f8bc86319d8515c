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
    /// Heading in Indonesian, as in the report.
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
    /// The language of Kinerja's own words in it (`Tabel`, column titles, `JUMLAH`); what the
    /// report printed (the title, names) is data and stays as printed. Files are Indonesian.
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

    /// The table with Kinerja's own words (column titles, `JUMLAH`, `Target`, polarity …) in
    /// `lang`; the title, the source and the data stay as they are.
    pub fn in_lang(mut self, lang: Lang) -> TableView {
        if lang == self.lang {
            return self;
        }
        // Every view is built in Indonesian; English is the one other language.
        if lang == Lang::En {
            for c in &mut self.columns {
                if let Some(en) = build::column_english(&c.label) {
                    c.label = en;
                }
            }
            for r in &mut self.rows {
                for cell in &mut r.cells {
                    if let Cell::Text(t) = cell {
                        if let Some(en) = build::cell_english(t) {
                            *t = en.to_string();
                        }
                    }
                }
            }
        }
        self.lang = lang;
        self
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
