//! Tren: every IKU of the year's Renstra period over the years against its targets, its
//! predecessors' years joined, then the office's other multi-year charts; in the dashboard's
//! reflowing grid.

use super::strings::T;
use super::tab_ringkasan::{chart_height, grid_columns, grid_row};
use super::widgets::chart_view;
use super::{Command, Tab, TabContext};
use crate::domain::Year;
use crate::report::charts::{self, ChartSpec};

/// What a click on a trend chart opens.
enum Opens {
    /// A year of an IKU chain: the chain's indicator of that year.
    Chain(Vec<String>),
    /// A year of the AKIP score: that year's Ringkasan (the window has no table of AKIP
    /// evaluations; Ringkasan shows the year's score, predicate, capaian and budget).
    Year,
    Nothing,
}

pub fn tren_ui(cx: &mut TabContext, ui: &mut egui::Ui) {
    let (lang, year) = (cx.lang, cx.year);
    let l = &mut *cx.data;
    let codes: Vec<String> = {
        let d = l.dataset();
        d.period_of_year(year).map(|p| d.ikus_of_period(&p.code)).unwrap_or_default()
    }
    .iter()
    .map(|i| i.code.clone())
    .collect();
    // Cached like the tables: built once per year and language, not every frame.
    let mut list: Vec<(ChartSpec, Opens)> = codes
        .iter()
        .map(|code| {
            let chart =
                l.chart(&format!("iku-{}", code.to_lowercase()), year, lang, |d, _| charts::iku_trend(d, code, lang));
            (chart.clone(), Opens::Chain(charts::iku_chain(l.dataset(), code)))
        })
        .collect();
    list.push((l.chart("akip", year, lang, |d, _| charts::akip_trend(d, lang)).clone(), Opens::Year));
    list.push((
        l.chart("anggaran-program", year, lang, |d, _| charts::budget_by_program(d, lang)).clone(),
        Opens::Nothing,
    ));
    list.push((
        l.chart("serapan-program", year, lang, |d, _| charts::serapan_by_program(d, lang)).clone(),
        Opens::Nothing,
    ));
    list.push((l.chart("pegawai", year, lang, |d, _| charts::staff_trend(d, lang)).clone(), Opens::Nothing));
    list.push((l.chart("aset", year, lang, |d, _| charts::asset_trend(d, lang)).clone(), Opens::Nothing));
    let l = &*cx.data;
    let d = l.dataset();

    ui.label(egui::RichText::new(T::TrendIntro.get(lang)).italics());
    let mut cmds = Vec::new();
    let width = ui.available_width();
    let n = grid_columns(width);
    for row in list.chunks(n) {
        grid_row(ui, width, n, |cols| {
            for (col, (chart, opens)) in cols.iter_mut().zip(row) {
                let height = chart_height(col.available_width());
                let r = chart_view(col, chart, lang, height, !matches!(opens, Opens::Nothing));
                if r.save {
                    cmds.push(Command::SaveChart(chart.id.clone()));
                }
                // A point of a year opens, in that year, the row of the chain's indicator of
                // that year.
                let Some(x) = r.open else { continue };
                let y = x.round() as Year;
                match opens {
                    Opens::Chain(chain) => {
                        if let Some(code) = charts::chain_member_of_year(d, chain, y) {
                            cmds.push(Command::SetYear(y));
                            cmds.push(Command::Navigate { tab: Tab::Kinerja, subject: format!("indicator:{code}") });
                        }
                    }
                    Opens::Year => {
                        cmds.push(Command::SetYear(y));
                        cmds.push(Command::SetTab(Tab::Ringkasan));
                    }
                    Opens::Nothing => {}
                }
            }
        });
        ui.add_space(12.0);
    }
    for c in cmds {
        cx.send(c);
    }
}
