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

/// A range target as the report prints it, both bounds at the precision of the more precise
/// one: `40–45`, `7,50–8,00` (`7.50–8.00` in English).
pub fn range_text(low: Decimal, high: Decimal, lang: Lang) -> String {
    let decimals = low.scale().max(high.scale());
    format!("{}–{}", format::value(low, decimals, lang), format::value(high, decimals, lang))
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
        Cell::Range { low, high } => range_text(*low, *high, lang),
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

    #[test]
    fn a_range_reads_low_to_high_in_the_language_with_one_precision() {
        // The disnaker TPT target 7.50 … 8.00 and the dinkes DBD target 40 … 45.
        assert_eq!(range_text(d("7.50"), d("8.00"), Lang::Id), "7,50–8,00");
        assert_eq!(range_text(d("7.50"), d("8.00"), Lang::En), "7.50–8.00");
        assert_eq!(range_text(d("40"), d("45"), Lang::Id), "40–45");
        assert_eq!(range_text(d("40"), d("45"), Lang::En), "40–45");
        // One bound written with more decimals gives the other its precision: 7,5 reads 7,50.
        assert_eq!(range_text(d("7.5"), d("8.25"), Lang::Id), "7,50–8,25");
        assert_eq!(range_text(d("1250"), d("1500.5"), Lang::En), "1,250.0–1,500.5");
        assert_eq!(range_text(d("1250"), d("1500.5"), Lang::Id), "1.250,0–1.500,5");
    }
}
