//! Figures written for people: Indonesian (or English) number formats by column kind, used on
//! screen and in human-facing files.

use super::{Cell, ColumnKind};
use crate::format::{self, Lang};
use rust_decimal::Decimal;

/// A number formatted for its column kind, by the one rule for numbers a person reads
/// (`docs/computation.md`, Numbers as shown): money in rupiah, with sen only where it has them;
/// percentages (capaian, serapan, changes) always with two decimals (`100,00 %`); counts whole;
/// an indicator's value with its own scale, which a table sets to its group's
/// (`TableView::align_values`), at most four decimals.
pub fn figure_text(v: Decimal, kind: ColumnKind, lang: Lang) -> String {
    match kind {
        ColumnKind::Money => format::rupiah_decimal(v, lang),
        ColumnKind::Percent => format::percent(v, lang),
        ColumnKind::Count => format::number(v, 0, lang),
        ColumnKind::Number | ColumnKind::Text => format::value(v, v.scale(), lang),
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn percentages_always_have_two_decimals_and_money_sen_only_where_it_has_them() {
        // The window showed `100 %` beside `85,87 %`.
        assert_eq!(figure_text(d("100"), ColumnKind::Percent, Lang::Id), "100,00 %");
        assert_eq!(figure_text(d("85.87"), ColumnKind::Percent, Lang::Id), "85,87 %");
        assert_eq!(figure_text(d("103.1530"), ColumnKind::Percent, Lang::En), "103.15 %");
        assert_eq!(figure_text(d("12785258830"), ColumnKind::Money, Lang::Id), "Rp 12.785.258.830");
        assert_eq!(figure_text(d("4939925171.19"), ColumnKind::Money, Lang::Id), "Rp 4.939.925.171,19");
        assert_eq!(figure_text(d("41"), ColumnKind::Count, Lang::En), "41");
        // A value keeps the scale its table gave it, at most four decimals.
        assert_eq!(figure_text(d("70.00"), ColumnKind::Number, Lang::Id), "70,00");
        assert_eq!(figure_text(d("0.296123"), ColumnKind::Number, Lang::Id), "0,2961");
        // A figure only recomputed is shown to two decimals.
        let c = Cell::Figure { reported: None, computed: Some(d("92.6149")) };
        assert_eq!(cell_text(&c, ColumnKind::Percent, Lang::Id), "92,61 %");
    }
}
