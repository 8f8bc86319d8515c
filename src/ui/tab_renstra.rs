//! Renstra: the period's tujuan → sasaran → indikator with targets for every year, the IKU
//! dictionary, supporting programs, strategies.

use super::strings::T;
use super::KinerjaApp;
use crate::calc::resolve::{sasaran_indicators, sasaran_programs};
use crate::domain::{Polarity, TableKind, Year};
use crate::format::{self, Lang};
use crate::text::capaian_formula;

pub fn renstra_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, year: Year) {
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    let d = &l.session.dataset;
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
    let mut tujuan: Vec<_> = d.tujuan.iter().filter(|t| t.period == period.code).collect();
    tujuan.sort_by_key(|t| t.position);
    if tujuan.is_empty() {
        ui.label(T::NoData.get(lang));
    }
    for t in tujuan {
        egui::CollapsingHeader::new(
            egui::RichText::new(format!("{}: {}", lang.pick("Tujuan", "Objective"), t.name)).strong(),
        )
        .id_salt(("tujuan", &t.code))
        .default_open(true)
        .show(ui, |ui| {
            for ind in d
                .indicators
                .iter()
                .filter(|i| i.parent.as_deref() == Some(&t.code) && i.level == crate::domain::IndicatorLevel::Tujuan)
            {
                indicator_ui(ui, d, ind, &period, lang);
            }
            let mut sas: Vec<_> = d.sasaran.iter().filter(|s| s.tujuan == t.code).collect();
            sas.sort_by_key(|s| s.position);
            for s in sas {
                egui::CollapsingHeader::new(format!("Sasaran: {}", s.name))
                    .id_salt(("sasaran", &s.code))
                    .default_open(true)
                    .show(ui, |ui| {
                        for ind in sasaran_indicators(d, &s.code) {
                            indicator_ui(ui, d, ind, &period, lang);
                        }
                        let programs = sasaran_programs(d, &s.code);
                        if !programs.is_empty() {
                            ui.label(egui::RichText::new(T::SupportingPrograms.get(lang)).strong());
                            for k in programs {
                                let name = d
                                    .budget_line(year, k)
                                    .or_else(|| d.budget_lines.iter().find(|b| b.kode == k))
                                    .map_or(k, |b| b.name.as_str());
                                ui.label(format!("• {name}"));
                            }
                        }
                    });
            }
            let notes: Vec<_> = d.notes.iter().filter(|n| n.subject == format!("tujuan:{}", t.code)).collect();
            if !notes.is_empty() {
                ui.label(egui::RichText::new(lang.pick("Faktor pendorong", "Driving factors")).strong());
                for n in notes {
                    ui.add(egui::Label::new(format!("{}. {}", n.position, n.text)).wrap());
                }
            }
        });
    }
    let ids: Vec<String> = goals.into_iter().chain(dict).collect();
    ui.add_space(6.0);
    for id in &ids {
        app.report_table_ui(ui, id, year, false);
    }
    let Ok(l) = &app.data else { return };
    let d = &l.session.dataset;
    if app.state.mode == super::Mode::Sunting {
        let codes: Vec<(String, String)> = d
            .indicators
            .iter()
            .filter(|i| i.period == period.code && i.level != crate::domain::IndicatorLevel::Program)
            .map(|i| (i.code.clone(), i.name.clone()))
            .collect();
        ui.add_space(6.0);
        super::renstra_edit::renstra_structure_ui(app, ui, &period);
        ui.add_space(6.0);
        ui.heading(T::EditTargets.get(lang));
        for (code, name) in codes {
            egui::CollapsingHeader::new(name).id_salt(("edit_targets", &code)).default_open(false).show(ui, |ui| {
                super::edit_forms::targets_form_ui(app, ui, &code);
            });
        }
    }
    let Ok(l) = &app.data else { return };
    let d = &l.session.dataset;
    let strategies: Vec<_> = d.strategies.iter().filter(|s| s.period == period.code).collect();
    if !strategies.is_empty() {
        ui.add_space(6.0);
        ui.heading(T::Strategies.get(lang));
        for s in strategies {
            ui.add(egui::Label::new(format!("{}. {}", s.position, s.text)).wrap());
        }
    }
}

fn indicator_ui(
    ui: &mut egui::Ui,
    d: &crate::domain::Dataset,
    ind: &crate::domain::Indicator,
    period: &crate::domain::RenstraPeriod,
    lang: Lang,
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(egui::RichText::new(format!("{}{}", ind.name, if ind.iku { " (IKU)" } else { "" })).strong());
        egui::Grid::new(("ind", &ind.code)).num_columns(2).spacing([12.0, 2.0]).show(ui, |ui| {
            ui.label(T::Satuan.get(lang));
            ui.label(&ind.satuan);
            ui.end_row();
            ui.label(T::Polarity.get(lang));
            let pol = match ind.polarity {
                Polarity::HigherIsBetter => lang.pick("semakin tinggi semakin baik", "higher is better"),
                Polarity::LowerIsBetter => lang.pick("semakin rendah semakin baik", "lower is better"),
                Polarity::Range => lang.pick("rentang", "range"),
            };
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
            let targets: Vec<String> = period
                .years()
                .map(|y| {
                    let t = d
                        .renstra_target(&ind.code, y)
                        .map(|t| format::decimal(t.target, lang))
                        .unwrap_or_else(|| "–".into());
                    format!("{y}: {t}")
                })
                .collect();
            ui.label(targets.join("   "));
            ui.end_row();
        });
    });
}
