//! Ringkasan: the head of office's first screen — key figures as cards, then the charts in a grid
//! that reflows with the window's width, then the year's IKU and efficiency tables.

use super::strings::T;
use super::widgets::{chart_view, status_color};
use super::{Command, Tab, TabContext};
use crate::calc::akip;
use crate::calc::budget::year_total;
use crate::calc::resolve::{
    effective_realisasi, indicator_capaian, resolve, sasaran_avg_capaian, sasaran_avg_serapan, Value,
};
use crate::domain::Year;
use crate::format::{self, Lang};
use crate::report::charts::{self, ChartSpec};

/// Columns of the dashboard grid for a width: one under ~900 points, two up to ~1500, three
/// above, so that a chart is never narrower than about 440 points nor wider than the screen
/// needs.
pub fn grid_columns(width: f32) -> usize {
    if width < 900.0 {
        1
    } else if width < 1500.0 {
        2
    } else {
        3
    }
}

/// A chart's plot height for its column width: a landscape shape, within what a 700-point high
/// window can still show whole with its title and legend.
pub fn chart_height(column_width: f32) -> f32 {
    (column_width * 0.5).clamp(180.0, 380.0)
}

fn card(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) -> egui::Response {
    egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.vertical(add);
        })
        .response
        .interact(egui::Sense::click())
}

/// What a click on a dashboard chart opens.
enum Opens {
    /// The capaian bar of the year's IKU at that index: the indicator's row.
    Indicator(Vec<String>),
    /// A programme bar of the year's budget or serapan chart: its row in the budget tree.
    ProgrammeOfYear,
    /// A year's point: that year's Ringkasan.
    Year,
}

pub fn ringkasan_ui(cx: &mut TabContext, ui: &mut egui::Ui) {
    let (lang, year) = (cx.lang, cx.year);
    let grid = {
        let l = &mut *cx.data;
        let ikus: Vec<String> = {
            let d = l.dataset();
            d.period_of_year(year).map(|p| d.ikus_of_period(&p.code)).unwrap_or_default()
        }
        .iter()
        .map(|i| i.code.clone())
        .collect();
        vec![
            (
                l.chart("capaian-iku", year, lang, |d, s| charts::capaian_bars(d, s, year, lang)).clone(),
                Opens::Indicator(ikus),
            ),
            (l.chart("akip", year, lang, |d, _| charts::akip_trend(d, lang)).clone(), Opens::Year),
            // The head reads the selected year; every year's programmes stay on Tren.
            (
                l.chart(&format!("anggaran-program-{year}"), year, lang, |d, _| charts::budget_of_year(d, year, lang))
                    .clone(),
                Opens::ProgrammeOfYear,
            ),
            (
                l.chart(&format!("serapan-program-{year}"), year, lang, |d, _| charts::serapan_of_year(d, year, lang))
                    .clone(),
                Opens::ProgrammeOfYear,
            ),
        ]
    };
    let l = &*cx.data;
    let d = l.dataset();
    let s = &l.settings();
    let mut cmds = Vec::new();

    let width = ui.available_width();
    ui.columns(if width < 700.0 { 1 } else { 3 }, |cols| {
        let n = cols.len();
        // AKIP score and predicate.
        let ui = &mut cols[0];
        let score = d.akip_evaluations.iter().find(|e| e.year == year).map(|e| e.score);
        let r = card(ui, |ui| {
            ui.label(T::AkipScore.get(lang));
            match score {
                Some(v) => {
                    ui.label(egui::RichText::new(format::decimal(v, lang)).size(28.0).strong());
                    let p =
                        akip::predicate(v).map(|p| format!("{} {} ({})", T::Predicate.get(lang), p.code(), p.band()));
                    ui.label(p.unwrap_or_else(|e| e.message_id()));
                }
                None => {
                    ui.label(T::NoData.get(lang));
                }
            }
        });
        if r.on_hover_text(T::ClickForDetail.get(lang)).clicked() {
            cmds.push(Command::SetTab(Tab::Tren));
        }
        // Budget of the year.
        let ui = &mut cols[1 % n];
        let total = year_total(d, year);
        let r = card(ui, |ui| {
            ui.label(format!("{} {year}", T::BudgetOfYear.get(lang)));
            if let Some(p) = total.pagu {
                ui.label(format!("{}: {}", T::Pagu.get(lang), format::rupiah(p, lang)));
            }
            if let Some(r) = total.realisasi {
                ui.label(format!("{}: {}", T::Realisasi.get(lang), format::rupiah(r, lang)));
            }
            if let Ok(sp) = total.serapan() {
                ui.label(
                    egui::RichText::new(format!("{}: {}", T::Serapan.get(lang), format::percent(sp, lang))).strong(),
                );
            }
        });
        if r.on_hover_text(T::ClickForDetail.get(lang)).clicked() {
            cmds.push(Command::SetTab(Tab::Anggaran));
        }
        // Findings.
        let ui = &mut cols[2 % n];
        let n = l.check.findings.iter().filter(|f| f.year == year).count();
        let r = card(ui, |ui| {
            ui.label(T::Findings.get(lang));
            ui.label(egui::RichText::new(n.to_string()).size(28.0).strong());
            ui.label(format!("{} {year}", T::Year.get(lang)));
        });
        if r.on_hover_text(T::ClickForDetail.get(lang)).clicked() {
            cmds.push(Command::SetTab(Tab::Pemeriksaan));
        }
    });

    ui.add_space(8.0);
    charts_grid_ui(ui, &grid, d, year, lang, &mut cmds);

    ui.add_space(8.0);
    ui.heading(T::IkuOfYear.get(lang));
    let ikus: Vec<_> = d.period_of_year(year).map(|p| d.ikus_of_period(&p.code)).unwrap_or_default();
    egui::Grid::new("iku_grid").striped(true).num_columns(6).spacing([16.0, 6.0]).show(ui, |ui| {
        for h in [T::IkuOfYear, T::Target, T::Realisasi, T::Capaian, T::StatusBand] {
            ui.label(egui::RichText::new(h.get(lang)).strong());
        }
        ui.end_row();
        for ind in &ikus {
            if ui.link(&ind.name).on_hover_text(T::ClickForDetail.get(lang)).clicked() {
                cmds.push(Command::Navigate { tab: Tab::Kinerja, subject: format!("indicator:{}", ind.code) });
            }
            // Target and realisation of an indicator share its decimals (`75,80` beside `70,00`).
            let target = d.target(&ind.code, year).map(|t| t.target);
            let realisasi = effective_realisasi(d, ind, year).ok();
            let n = format::value_decimals(target.into_iter().chain(realisasi));
            ui.label(target.map(|t| format!("{} {}", format::value(t, n, lang), ind.satuan)).unwrap_or_default());
            ui.label(realisasi.map(|r| format::value(r, n, lang)).unwrap_or_default());
            match indicator_capaian(d, s, &ind.code, year) {
                Ok(c) => {
                    let v = c.value.number().unwrap_or_default();
                    let status = s.bands.status(v);
                    ui.label(egui::RichText::new(format::percent(v, lang)).strong().color(status_color(status)))
                        .on_hover_text(crate::text::formula(&c.formula, lang));
                    ui.label(
                        egui::RichText::new(if lang == Lang::Id { status.text() } else { status.text_en() })
                            .color(status_color(status)),
                    );
                }
                Err(e) => {
                    ui.label(T::NotComputable.get(lang)).on_hover_text(e.message(lang));
                    ui.label("");
                }
            }
            ui.end_row();
        }
    });

    ui.add_space(8.0);
    ui.heading(T::EfficiencyPerSasaran.get(lang));
    egui::Grid::new("eff_grid").striped(true).num_columns(4).spacing([16.0, 6.0]).show(ui, |ui| {
        if let Some(p) = d.period_of_year(year) {
            for sas in d.sasaran_of_period(&p.code) {
                let subject = format!("sasaran:{}", sas.code);
                let cap = sasaran_avg_capaian(d, s, &sas.code, year).ok().and_then(|r| r.value.number());
                let ser = sasaran_avg_serapan(d, &sas.code, year).ok().and_then(|r| r.value.number());
                let verdict = resolve(d, s, year, &subject, "efficiency").ok().and_then(|r| match r.value {
                    Value::Verdict(v) => Some(if lang == Lang::Id { v.text() } else { v.text_en() }),
                    Value::Number(_) => None,
                });
                if ui.link(&sas.name).clicked() {
                    cmds.push(Command::SetTab(Tab::Anggaran));
                }
                ui.label(
                    cap.map(|c| format!("{} {}", T::Capaian.get(lang), format::percent(c, lang))).unwrap_or_default(),
                );
                ui.label(
                    ser.map(|c| format!("{} {}", T::Serapan.get(lang), format::percent(c, lang))).unwrap_or_default(),
                );
                ui.label(egui::RichText::new(verdict.unwrap_or("")).strong());
                ui.end_row();
            }
        }
    });

    for c in cmds {
        cx.send(c);
    }
}

/// One row of the grid, `n` columns over exactly `width`: a row never takes the width that a
/// row above spilled over (a long link a few points past its column would otherwise widen every
/// row below it, and push the last column out of the window).
pub fn grid_row(ui: &mut egui::Ui, width: f32, n: usize, add: impl FnOnce(&mut [egui::Ui])) {
    ui.allocate_ui_with_layout(egui::vec2(width, 0.0), egui::Layout::top_down(egui::Align::Min), |ui| {
        ui.set_max_width(width);
        ui.columns(n, add);
    });
}

/// The charts in rows of [`grid_columns`], each as wide as its column and as high as that width
/// allows; a click on a bar opens its row through a [`Command`].
fn charts_grid_ui(
    ui: &mut egui::Ui,
    grid: &[(ChartSpec, Opens)],
    d: &crate::domain::Dataset,
    year: Year,
    lang: Lang,
    cmds: &mut Vec<Command>,
) {
    let width = ui.available_width();
    let n = grid_columns(width);
    for row in grid.chunks(n) {
        grid_row(ui, width, n, |cols| {
            for (col, (chart, opens)) in cols.iter_mut().zip(row) {
                let height = chart_height(col.available_width());
                let r = chart_view(col, chart, lang, height, true);
                if r.save {
                    cmds.push(Command::SaveChart(chart.id.clone()));
                }
                let Some(x) = r.open else { continue };
                let i = x as usize;
                match opens {
                    Opens::Indicator(codes) => {
                        if let Some(code) = codes.get(i) {
                            cmds.push(Command::Navigate { tab: Tab::Kinerja, subject: format!("indicator:{code}") });
                        }
                    }
                    // The programmes are listed on a click only, not every frame.
                    Opens::ProgrammeOfYear => {
                        if let Some(kode) = charts::program_kodes_of_year(d, year).get(i) {
                            cmds.push(Command::Navigate { tab: Tab::Anggaran, subject: format!("budget:{kode}") });
                        }
                    }
                    // The window has no table of AKIP evaluations; a year's Ringkasan shows its score,
                    // predicate and the capaian and budget behind them.
                    Opens::Year => cmds.push(Command::SetYear(x.round() as Year)),
                }
            }
        });
        ui.add_space(12.0);
    }
}
