//! Figures written for people: Indonesian (or English) number formats by column kind, used on
//! screen and in human-facing files.

use super::{Cell, ColumnKind};
use crate::format::{self, Lang};
use rust_decimal::Decimal;

/// A number formatted for its column kind.
pub fn figure_text(v: Decimal, kind: ColumnKind, lang: Lang) -> String {
    match kind {
        ColumnKind::Money => format::rupiah_decimal(v, lang),
        ColumnKind::Percent => {
            format!("{} %", format::number(v, v.scale().clamp(0, 2).max(if v.fract().is_zero() { 0 } else { 2 }), lang))
        }
        ColumnKind::Count => format::number(v, 0, lang),
        ColumnKind::Number | ColumnKind::Text => format::decimal(v, lang),
    }
}

/// The text of a cell: the printed figure where there is one, otherwise the recomputed one.
pub fn cell_text(cell: &Cell, kind: ColumnKind, lang: Lang) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(s) => s.clone(),
        Cell::Figure { reported: Some(v), .. } => figure_text(*v, kind, lang),
        Cell::Figure { reported: None, computed: Some(v) } => figure_text(v.round_dp(2), kind, lang),
        Cell::Figure { .. } => String::new(),
        Cell::Verdict { reported, computed } => reported.clone().or(computed.clone()).unwrap_or_default(),
    }
}
