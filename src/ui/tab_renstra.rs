//! Renstra: the period's (misi →) tujuan → sasaran → indikator with targets for every year, the IKU
//! dictionary, supporting programs, strategies.

use super::strings::T;
use super::TabContext;
use crate::calc::resolve::{sasaran_indicators, sasaran_programs};
use crate::domain::{Dataset, RenstraPeriod, Sasaran, TableKind, Tujuan, Year};
use crate::format::{self, Lang};
use crate::text::capaian_formula;

pub fn renstra_ui(cx: &mut TabContext, ui: &mut egui::Ui) {
    let (lang, year) = (cx.lang, cx.year);
    let l = &*cx.data;
    let d = l.dataset();
    let Some(period) = d.period_of_year(year).cloned() else {
        ui.label(T::NoData.get(lang));
        return;
    };
    let goals = l.table_id(year, TableKind::RenstraGoals, "");
    let dict = l.table_id(year, TableKind::IkuDictionary, "");
    ui.heading(format!("{} {}", T::Period.get(lang), period.name));
    if !period.basis.is_empty() {
        ui.label(&period.basis);
    }
    ui.add_space(4.0);
    ui.heading(T::Goals.get(lang));
    let tujuan = d.tujuan_of_period(&period.code);
    let misi = d.misi_of_period(&period.code);
    if tujuan.is_empty() && misi.is_empty() {
        ui.label(T::NoData.get(lang));
    }
    // The tree is copied out of the dataset first: in Sunting mode an indicator's card holds
    // its target editor, which needs the application mutably. The city plan's misi come first,
    // each with the tujuan that serve it and the sasaran directly under it; then the tujuan that
    // serve none (every tujuan of a period without misi).
    let mut groups: Vec<MisiView> = misi
        .iter()
        .map(|m| MisiView {
            heading: Some((m.code.clone(), m.name.clone())),
            tujuan: tujuan
                .iter()
                .filter(|t| t.misi.as_deref() == Some(&m.code))
                .map(|t| tujuan_view(d, t, year))
                .collect(),
            sasaran: d.sasaran_of_misi(&m.code).into_iter().map(|s| sasaran_view(d, s, year)).collect(),
        })
        .collect();
    let known = |m: &str| misi.iter().any(|x| x.code == m);
    groups.push(MisiView {
        heading: None,
        tujuan: tujuan
            .iter()
            .filter(|t| !t.misi.as_deref().is_some_and(known))
            .map(|t| tujuan_view(d, t, year))
            .collect(),
        sasaran: Vec::new(),
    });
    for g in &groups {
        match &g.heading {
            Some((code, name)) => {
                egui::CollapsingHeader::new(egui::RichText::new(format!("{}: {name}", T::Misi.get(lang))).strong())
                    .id_salt(("misi", code))
                    .default_open(true)
                    .show(ui, |ui| misi_body_ui(cx, ui, g, &period, lang));
            }
            None => misi_body_ui(cx, ui, g, &period, lang),
        }
    }
    super::forms::bands::bands_ui(cx, ui, &period);
    let ids: Vec<String> = goals.into_iter().chain(dict).collect();
    ui.add_space(6.0);
    for id in &ids {
        cx.report_table_ui(ui, id, year, false);
    }
    if cx.editing() {
        ui.add_space(6.0);
        super::forms::renstra_structure::renstra_structure_ui(cx, ui, &period);
    }
    let l = &*cx.data;
    let d = l.dataset();
    let strategies: Vec<_> = d.strategies.iter().filter(|s| s.period == period.code).collect();
    if !strategies.is_empty() {
        ui.add_space(6.0);
        ui.heading(T::Strategies.get(lang));
        for s in strategies {
            ui.add(egui::Label::new(format!("{}. {}", s.position, s.text)).wrap());
        }
    }
}

/// A misi of the city plan with what hangs under it; without a heading, the tujuan that serve
/// no misi.
struct MisiView {
    heading: Option<(String, String)>,
    tujuan: Vec<TujuanView>,
    sasaran: Vec<SasaranView>,
}

struct TujuanView {
    code: String,
    name: String,
    indicators: Vec<crate::domain::Indicator>,
    sasaran: Vec<SasaranView>,
    notes: Vec<String>,
}

struct SasaranView {
    code: String,
    name: String,
    indicators: Vec<crate::domain::Indicator>,
    programs: Vec<String>,
}

fn tujuan_view(d: &Dataset, t: &Tujuan, year: Year) -> TujuanView {
    TujuanView {
        code: t.code.clone(),
        name: t.name.clone(),
        indicators: d
            .indicators
            .iter()
            .filter(|i| i.parent.as_deref() == Some(&t.code) && i.level == crate::domain::IndicatorLevel::Tujuan)
            .cloned()
            .collect(),
        sasaran: d.sasaran_of_tujuan(&t.code).into_iter().map(|s| sasaran_view(d, s, year)).collect(),
        notes: d
            .notes
            .iter()
            .filter(|n| n.subject == format!("tujuan:{}", t.code))
            .map(|n| format!("{}. {}", n.position, n.text))
            .collect(),
    }
}

fn sasaran_view(d: &Dataset, s: &Sasaran, year: Year) -> SasaranView {
    SasaranView {
        code: s.code.clone(),
        name: s.name.clone(),
        indicators: sasaran_indicators(d, &s.code).into_iter().cloned().collect(),
        programs: sasaran_programs(d, &s.code)
            .into_iter()
            .map(|k| {
                d.budget_line(year, k)
                    .or_else(|| d.budget_lines.iter().find(|b| b.kode == k))
                    .map_or(k, |b| b.name.as_str())
                    .to_string()
            })
            .collect(),
    }
}

/// The tujuan and sasaran of a misi (or of no misi).
fn misi_body_ui(cx: &mut TabContext, ui: &mut egui::Ui, g: &MisiView, period: &RenstraPeriod, lang: Lang) {
    for t in &g.tujuan {
        egui::CollapsingHeader::new(
            egui::RichText::new(format!("{}: {}", lang.pick("Tujuan", "Objective"), t.name)).strong(),
        )
        .id_salt(("tujuan", &t.code))
        .default_open(true)
        .show(ui, |ui| {
            for ind in &t.indicators {
                indicator_ui(cx, ui, ind, period, lang);
            }
            for s in &t.sasaran {
                sasaran_ui(cx, ui, s, period, lang);
            }
            if !t.notes.is_empty() {
                ui.label(egui::RichText::new(lang.pick("Faktor pendorong", "Driving factors")).strong());
                for n in &t.notes {
                    ui.add(egui::Label::new(n).wrap());
                }
            }
        });
    }
    for s in &g.sasaran {
        sasaran_ui(cx, ui, s, period, lang);
    }
}

fn sasaran_ui(cx: &mut TabContext, ui: &mut egui::Ui, s: &SasaranView, period: &RenstraPeriod, lang: Lang) {
    egui::CollapsingHeader::new(format!("Sasaran: {}", s.name)).id_salt(("sasaran", &s.code)).default_open(true).show(
        ui,
        |ui| {
            for ind in &s.indicators {
                indicator_ui(cx, ui, ind, period, lang);
            }
            if !s.programs.is_empty() {
                ui.label(egui::RichText::new(T::SupportingPrograms.get(lang)).strong());
                for name in &s.programs {
                    ui.label(format!("• {name}"));
                }
            }
        },
    );
}

/// A card keeps a readable line length on a wide screen, but uses the page up to it.
const CARD_MAX_WIDTH: f32 = 1100.0;

/// An indicator's card; in Sunting mode its target editor opens inside it.
fn indicator_ui(
    cx: &mut TabContext,
    ui: &mut egui::Ui,
    ind: &crate::domain::Indicator,
    period: &crate::domain::RenstraPeriod,
    lang: Lang,
) {
    let l = &*cx.data;
    let d = l.dataset();
    let editing = cx.editing();
    // The period's targets share the indicator's decimals (`75,80   76,00   76,50`).
    let values: Vec<(Year, Option<rust_decimal::Decimal>)> =
        period.years().map(|y| (y, d.renstra_target(&ind.code, y).map(|t| t.target))).collect();
    let n = format::value_decimals(values.iter().filter_map(|(_, v)| *v));
    let targets: String = values
        .iter()
        .map(|(y, v)| format!("{y}: {}", v.map_or_else(|| "–".into(), |v| format::value(v, n, lang))))
        .collect::<Vec<String>>()
        .join("   ");
    let baseline = super::forms::baseline::baseline_of(d, &ind.code).cloned();
    let card = egui::Frame::group(ui.style());
    let inner = ui.available_width() - card.total_margin().sum().x;
    card.show(ui, |ui| {
        ui.set_width(inner.min(CARD_MAX_WIDTH));
        ui.label(egui::RichText::new(format!("{}{}", ind.name, if ind.iku { " (IKU)" } else { "" })).strong());
        egui::Grid::new(("ind", &ind.code)).num_columns(2).spacing([12.0, 2.0]).show(ui, |ui| {
            ui.label(T::Satuan.get(lang));
            ui.label(&ind.satuan);
            ui.end_row();
            ui.label(T::Polarity.get(lang));
            let pol = crate::text::polarity(ind.polarity, lang);
            ui.label(format!("{pol} — {}", capaian_formula(ind.polarity, ind.capaian_rule, lang)));
            ui.end_row();
            if !ind.formula_text.is_empty() {
                ui.label(T::Formula.get(lang));
                ui.add(egui::Label::new(&ind.formula_text).wrap());
                ui.end_row();
            }
            if !ind.data_source.is_empty() {
                ui.label(T::DataSource.get(lang));
                ui.label(&ind.data_source);
                ui.end_row();
            }
            if !ind.responsible.is_empty() {
                ui.label(T::Responsible.get(lang));
                ui.label(&ind.responsible);
                ui.end_row();
            }
            ui.label(T::Target.get(lang));
            ui.label(&targets);
            ui.end_row();
            if ind.period_rule == crate::domain::PeriodRule::Sum {
                ui.label(lang.pick("Angka periode s.d. tahun N", "Period figure to year N"));
                ui.label(crate::text::period_rule(ind.period_rule, lang));
                ui.end_row();
            }
            super::forms::baseline::baseline_rows_ui(ui, baseline.as_ref(), lang);
        });
        if editing {
            // The editor opens here, under the indicator's name; the form brings its heading.
            egui::CollapsingHeader::new(&ind.name).id_salt(("edit_targets", &ind.code)).default_open(false).show(
                ui,
                |ui| {
                    super::forms::targets::targets_form_ui(cx, ui, &ind.code);
                    ui.add_space(4.0);
                    super::forms::baseline::baseline_form_ui(cx, ui, &ind.code);
                },
            );
        }
    });
}
