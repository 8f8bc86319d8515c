//! Perjanjian Kinerja & Capaian: the year's agreement and achievement, then per IKU its
//! analysis, Renstra progress, national comparison, programme indicators, budget, and the
//! constraints, efforts and plans.

use super::strings::T;
use super::widgets::status_color;
use super::KinerjaApp;
use crate::calc::layout::layout;
use crate::calc::resolve::indicator_capaian;
use crate::domain::{TableKind, Year};
use crate::format::{self, Lang};

pub fn kinerja_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, year: Year) {
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    let tables: Vec<(String, TableKind, String)> = layout(&l.session.dataset, year)
        .into_iter()
        .filter(|t| super::tab_of_kind(t.kind) == super::Tab::Kinerja)
        .map(|t| (t.id, t.kind, t.subject))
        .collect();
    // Tables follow the report's order; a new indicator's analysis tables open its section. A
    // comparison table about another indicator (3.13) stays where the report put it.
    let mut group: Option<String> = None;
    let mut shown = std::collections::HashSet::new();
    for (id, kind, subject) in tables {
        let opens_section = matches!(
            kind,
            TableKind::IkuAnalysis | TableKind::IkuRenstra | TableKind::ProgramIndicators | TableKind::IkuBudget
        );
        let new_group = opens_section && group.as_deref() != Some(subject.as_str()) && shown.insert(subject.clone());
        if new_group {
            if let Some(g) = group.take() {
                notes_ui(app, ui, &g, year);
            }
            indicator_header_ui(app, ui, &subject, year);
            if app.state.mode == super::Mode::Sunting {
                super::edit_forms::indicator_year_form_ui(app, ui, &subject, year);
                program_indicator_forms_ui(app, ui, &subject, year);
            }
            group = Some(subject.clone());
        }
        let open = matches!(kind, TableKind::Agreement | TableKind::Capaian);
        app.report_table_ui(ui, &id, year, open);
    }
    if let Some(g) = group {
        notes_ui(app, ui, &g, year);
    }
    let Ok(l) = &app.data else { return };
    let awards: Vec<_> = l.session.dataset.awards.iter().filter(|a| a.year == year).collect();
    if !awards.is_empty() {
        ui.add_space(8.0);
        ui.heading(T::Awards.get(lang));
        for a in awards {
            ui.add(egui::Label::new(format!("{}. {} — {}", a.position, a.giver, a.description)).wrap());
        }
    }
}

fn indicator_header_ui(app: &KinerjaApp, ui: &mut egui::Ui, code: &str, year: Year) {
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    let d = &l.session.dataset;
    let Some(ind) = d.indicator(code) else { return };
    ui.add_space(10.0);
    ui.separator();
    ui.heading(&ind.name);
    ui.horizontal_wrapped(|ui| {
        if let Some(t) = d.target(code, year) {
            ui.label(format!("{}: {} {}", T::Target.get(lang), format::decimal(t.target, lang), ind.satuan));
        }
        if let Some(r) = d.realisation(code, year) {
            ui.label(format!("{}: {} {}", T::Realisasi.get(lang), format::decimal(r.realisasi, lang), ind.satuan));
        }
        match indicator_capaian(d, &l.session.settings, code, year) {
            Ok(c) => {
                let v = c.value.number().unwrap_or_default();
                let color = status_color(l.session.settings.bands.status(v));
                ui.label(
                    egui::RichText::new(format!("{}: {}", T::Capaian.get(lang), format::percent(v, lang)))
                        .strong()
                        .color(color),
                );
                ui.label(egui::RichText::new(format!("{}: {}", T::Formula.get(lang), c.formula)).weak());
            }
            Err(e) => {
                ui.label(format!("{}: {} ({})", T::Capaian.get(lang), T::NotComputable.get(lang), e.message_id()));
            }
        }
        if let Some(final_year) = d.period(&ind.period).map(|p| p.end_year) {
            if let Some(t) = d.renstra_target(code, final_year) {
                ui.label(format!("{} {final_year}: {}", T::RenstraFinal.get(lang), format::decimal(t.target, lang)));
            }
        }
    });
    if lang == Lang::En && !ind.definition.is_empty() {
        ui.label(egui::RichText::new(&ind.definition).italics());
    } else if !ind.definition.is_empty() {
        ui.label(egui::RichText::new(format!("{}: {}", T::Definition.get(lang), ind.definition)).italics());
    }
}

fn notes_ui(app: &KinerjaApp, ui: &mut egui::Ui, code: &str, year: Year) {
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    let subject = format!("indicator:{code}");
    let notes: Vec<_> = l.session.dataset.notes.iter().filter(|n| n.subject == subject && n.year == year).collect();
    if notes.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(T::Notes.get(lang)).id_salt(("notes", code)).default_open(false).show(ui, |ui| {
        for (kind, title) in [
            ("kendala", T::Kendala),
            ("upaya", T::Upaya),
            ("rencana", T::Rencana),
            ("faktor_pendukung", T::FaktorPendukung),
        ] {
            let mut items: Vec<_> = notes.iter().filter(|n| n.kind == kind).collect();
            if items.is_empty() {
                continue;
            }
            items.sort_by_key(|n| n.position);
            ui.label(egui::RichText::new(title.get(lang)).strong());
            for n in items {
                ui.add(egui::Label::new(format!("{}. {}", n.position, n.text)).wrap());
            }
        }
    });
}

/// In *Sunting* mode, the year's target and realisation of the programme indicators that
/// support `code`.
fn program_indicator_forms_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, code: &str, year: Year) {
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    let d = &l.session.dataset;
    let programs = d.supporting_programs(code);
    let list: Vec<(String, String)> = d
        .indicators
        .iter()
        .filter(|i| {
            i.level == crate::domain::IndicatorLevel::Program
                && i.parent.as_deref().is_some_and(|p| programs.contains(&p))
        })
        .map(|i| (i.code.clone(), i.name.clone()))
        .collect();
    if list.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(T::ProgramIndicators.get(lang)).id_salt(("edit_program_indicators", code)).show(
        ui,
        |ui| {
            for (c, name) in list {
                ui.label(egui::RichText::new(name).strong());
                super::edit_forms::indicator_year_form_ui(app, ui, &c, year);
            }
        },
    );
}
