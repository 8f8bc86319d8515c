//! Anggaran: the year's budget tree with totals, the per-program tables, the year-over-year
//! comparison and the efficiency table.

use super::strings::T;
use super::widgets::{chart_view_ui, table_view_ui};
use super::{Command, SaveRequest, TabContext};
use crate::domain::TableKind;
use crate::report::charts;

/// The tree's filter line, header row, horizontal scroll bar and a margin.
const TREE_CHROME: f32 = 100.0;
const TREE_MIN_HEIGHT: f32 = 240.0;

pub fn anggaran_ui(cx: &mut TabContext, ui: &mut egui::Ui) {
    let (lang, year) = (cx.lang, cx.year);
    let l = &mut *cx.data;
    let ids: Vec<String> =
        [TableKind::BudgetMurni, TableKind::BudgetRealisation, TableKind::BudgetComparison, TableKind::Efficiency]
            .into_iter()
            .filter_map(|k| l.table_id(year, k, ""))
            .collect();
    // Not year-dependent; cached under the year shown so that the key is simple.
    let chart = l.chart("anggaran-program", year, lang, |d, _| charts::budget_by_program(d, lang)).clone();
    let serapan = l.chart("serapan-program", year, lang, |d, _| charts::serapan_by_program(d, lang)).clone();
    let empty = l.budget_tree(year, lang).rows.is_empty();

    ui.heading(T::BudgetTree.get(lang));
    super::dialogs::budget_import::open_button_ui(cx, ui);
    if empty {
        ui.label(T::NoData.get(lang));
        if cx.editing() {
            super::forms::add_program::add_program_ui(cx, ui);
        }
    } else {
        // The tree is drawn from the cache, not copied: it has thousands of rows.
        let state = cx.widgets.tables.entry("anggaran".into()).or_default();
        // The tree's box as tall as the window shows (less its filter, header and a margin);
        // the page scrolls on to the tables below.
        // Measured from the page's top, not the screen's, so that it stays put while the page scrolls.
        let above = ui.cursor().top() - ui.max_rect().top();
        let height = (ui.clip_rect().height() - above - TREE_CHROME).max(TREE_MIN_HEIGHT);
        if let Some(subject) = table_view_ui(ui, cx.data.budget_tree(year, lang), lang, state, Some(height)) {
            let kode = subject.strip_prefix("budget:").filter(|k| !matches!(*k, "*" | "all")).map(str::to_string);
            cx.send(Command::SelectBudgetLine(kode));
        }
        if !cx.editing() {
            if let Some(kode) = cx.selection.budget_line.clone() {
                line_details_ui(cx, ui, &kode);
            }
        }
        if cx.editing() {
            ui.add_space(6.0);
            match cx.selection.budget_line.clone() {
                Some(kode) => {
                    super::forms::budget_amounts::budget_amounts_form_ui(cx, ui, &kode);
                    super::forms::budget_class::budget_class_form_ui(cx, ui, &kode);
                    super::forms::budget_line::budget_line_form_ui(cx, ui, &kode);
                }
                None => {
                    ui.label(T::SelectBudgetLine.get(lang));
                }
            }
            super::forms::add_program::add_program_ui(cx, ui);
        }
    }
    ui.add_space(8.0);
    for id in &ids {
        cx.report_table_ui(ui, id, year, true);
    }
    ui.add_space(8.0);
    let mut save = None;
    ui.columns(2, |cols| {
        if chart_view_ui(&mut cols[0], &chart, lang, 260.0) {
            save = Some(chart.id.clone());
        }
        if chart_view_ui(&mut cols[1], &serapan, lang, 260.0) {
            save = Some(serapan.id.clone());
        }
    });
    if let Some(id) = save {
        cx.save_as(SaveRequest::Chart { id, year });
    }
}

/// What the tree does not show of the selected line: its class (from its top-level line), the
/// single alokasi, the sisa and the realisasi fisik as printed.
fn line_details_ui(cx: &mut TabContext, ui: &mut egui::Ui, kode: &str) {
    use super::forms::budget_class::{source_label, spending_label};
    use crate::format::{decimal, rupiah};
    use crate::text::{field_label, funding_source, spending_type};
    let (lang, year) = (cx.lang, cx.year);
    let d = cx.data.dataset();
    let Some(line) = d.budget_line(year, kode) else { return };
    let top = d.budget_top(year, kode).unwrap_or(line);
    ui.add_space(4.0);
    ui.label(egui::RichText::new(format!("{} {}", line.kode, line.name)).strong());
    egui::Grid::new(("budget_line_details", year, kode)).num_columns(2).spacing([12.0, 2.0]).show(ui, |ui| {
        ui.label(source_label(lang));
        ui.label(funding_source(top.source, lang));
        ui.end_row();
        ui.label(spending_label(lang));
        ui.label(spending_type(top.spending, lang));
        ui.end_row();
        let money = [("alokasi", line.alokasi), ("sisa", line.sisa)];
        for (code, value) in money {
            if let Some(m) = value {
                ui.label(field_label(code, lang));
                ui.label(rupiah(m, lang));
                ui.end_row();
            }
        }
        if let Some(f) = line.fisik_pct {
            ui.label(field_label("fisik_pct", lang));
            ui.label(format!("{} %", decimal(f, lang)));
            ui.end_row();
        }
    });
}
