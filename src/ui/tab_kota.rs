//! Kota: every office of the database together (for Bappeda) — budget totals, IKU capaian and
//! AKIP predicate per office, the city's budget over the years, and the check of every office.

use super::strings::T;
use super::widgets::{cell_text, chart_view_ui, table_view_ui};
use super::{Command, SaveRequest, Tab, TabContext};
use crate::app::city::{by_year_amounts, city_parts_table};
use crate::format::Lang;
use crate::report::charts::{city_budget_trend, city_serapan_trend};
use crate::report::{RowKind, TableView};

pub fn kota_ui(cx: &mut TabContext, ui: &mut egui::Ui) {
    let (lang, year, busy) = (cx.lang, cx.year, cx.busy);
    let (amounts, parts) = match cx.data.city(year) {
        Ok(v) => (by_year_amounts(v), city_parts_table(v, lang)),
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, e.clone());
            return;
        }
    };
    ui.heading(format!("{} — {year}", T::CityTitle.get(lang)));
    ui.label(egui::RichText::new(T::CityIntro.get(lang)).italics());
    ui.horizontal(|ui| {
        if ui.add_enabled(!busy, egui::Button::new(T::CheckCity.get(lang))).clicked() {
            cx.send(Command::CheckCity);
        }
        if ui.button(lang.pick("Simpan sebagai…", "Save as…")).clicked() {
            cx.save_as(SaveRequest::CityTable { year });
        }
    });
    ui.add_space(6.0);
    let mut save_chart = None;
    ui.columns(2, |cols| {
        for (i, c) in [city_budget_trend(&amounts, lang), city_serapan_trend(&amounts, lang)].iter().enumerate() {
            if chart_view_ui(&mut cols[i], c, lang, 220.0) {
                save_chart = Some(c.id.clone());
            }
        }
    });
    ui.add_space(8.0);
    parts_ui(ui, &parts, lang);
    ui.add_space(8.0);
    let table = match cx.data.city_table_shown(year, lang) {
        Ok(t) => t,
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
            return;
        }
    };
    let state = cx.widgets.tables.entry("kota".into()).or_default();
    if let Some(subject) = table_view_ui(ui, table, lang, state, Some(ui.available_height().max(320.0))) {
        if let Some(id) = subject.strip_prefix("office:").and_then(|s| s.parse::<i64>().ok()) {
            cx.send(Command::SetOffice(id));
            cx.send(Command::SetTab(Tab::Ringkasan));
        }
    }
    ui.label(egui::RichText::new(T::CityClickHint.get(lang)).small());
    if let Some(id) = save_chart {
        cx.send(Command::SaveChart(id));
    }
}

/// The city's budget per funding source and spending type: a handful of rows, drawn whole (no
/// filter, no scrolling of its own).
fn parts_ui(ui: &mut egui::Ui, table: &TableView, lang: Lang) {
    // Only the total row: no office has a budget that year.
    if table.rows.len() < 2 {
        return;
    }
    ui.label(egui::RichText::new(&table.title).strong());
    egui::Grid::new("kota-sumber-dana").striped(true).spacing([16.0, 4.0]).show(ui, |ui| {
        for c in &table.columns {
            ui.label(egui::RichText::new(&c.label).strong());
        }
        ui.end_row();
        for row in &table.rows {
            for (cell, column) in row.cells.iter().zip(&table.columns) {
                let text = egui::RichText::new(cell_text(cell, column.kind, lang));
                ui.label(if row.kind == RowKind::Normal { text } else { text.strong() });
            }
            ui.end_row();
        }
    });
}
