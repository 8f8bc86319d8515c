//! Perjanjian Kinerja & Capaian: the year's agreement and achievement, then per IKU its
//! analysis, Renstra progress, national comparison, programme indicators, budget, and the
//! constraints, efforts and plans.

use super::strings::T;
use super::widgets::status_color;
use super::{Command, TabContext};
use crate::calc::layout::layout;
use crate::calc::resolve::indicator_capaian;
use crate::domain::TableKind;
use crate::format;

pub fn kinerja_ui(cx: &mut TabContext, ui: &mut egui::Ui) {
    let (lang, year) = (cx.lang, cx.year);
    let l = &*cx.data;
    let tables: Vec<(String, TableKind, String)> = layout(l.dataset(), year)
        .into_iter()
        .filter(|t| super::tab_of_kind(t.kind) == super::Tab::Kinerja)
        .map(|t| (t.id, t.kind, t.subject))
        .collect();
    // Tables follow the report's order; a new indicator's analysis tables open its section. A
    // comparison table about another indicator (3.13) stays where the report put it.
    if cx.editing() {
        agreement_from_renstra_ui(cx, ui);
    }
    let mut group: Option<String> = None;
    let mut shown = std::collections::HashSet::new();
    for (id, kind, subject) in tables {
        let new_group =
            opens_section(kind) && group.as_deref() != Some(subject.as_str()) && shown.insert(subject.clone());
        if new_group {
            if let Some(g) = group.take() {
                notes_ui(cx, ui, &g);
                notes_edit_ui(cx, ui, &g);
            }
            indicator_header_ui(cx, ui, &subject);
            if cx.editing() && cx.selection.renstra_targets_open.contains(&subject) {
                // Right under the button that opened it: the planner stays at the indicator.
                ui.group(|ui| super::forms::targets::targets_form_ui(cx, ui, &subject));
            }
            quarters_ui(cx, ui, &subject);
            if cx.editing() {
                super::forms::indicator_year::indicator_year_form_ui(cx, ui, &subject);
                super::forms::raw_figures::raw_figures_form_ui(cx, ui, &subject);
                program_indicator_forms_ui(cx, ui, &subject);
            }
            group = Some(subject.clone());
        }
        let open = matches!(kind, TableKind::Agreement | TableKind::Capaian);
        cx.report_table_ui(ui, &id, year, open);
    }
    if let Some(g) = group {
        notes_ui(cx, ui, &g);
        notes_edit_ui(cx, ui, &g);
    }
    let awards: Vec<_> = cx.data.dataset().awards.iter().filter(|a| a.year == year).collect();
    if !awards.is_empty() {
        ui.add_space(8.0);
        ui.heading(T::Awards.get(lang));
        for a in awards {
            ui.add(egui::Label::new(format!("{}. {} — {}", a.position, a.giver, a.description)).wrap());
        }
    }
}

/// Whether a table of `kind` opens an indicator's section (its analysis tables).
pub(super) fn opens_section(kind: TableKind) -> bool {
    matches!(kind, TableKind::IkuAnalysis | TableKind::IkuRenstra | TableKind::ProgramIndicators | TableKind::IkuBudget)
}

fn indicator_header_ui(cx: &mut TabContext, ui: &mut egui::Ui, code: &str) {
    let (lang, year) = (cx.lang, cx.year);
    let editing = cx.editing();
    let Some(name) = cx.data.dataset().indicator(code).map(|i| i.name.clone()) else { return };
    ui.add_space(10.0);
    ui.separator();
    let heading = ui.horizontal_wrapped(|ui| {
        ui.heading(name);
        if editing {
            let open = cx.selection.renstra_targets_open.contains(code);
            let text = crate::text::tr!(lang, "Ubah target Renstra", "Edit Renstra targets");
            if ui.selectable_label(open, text).clicked() {
                cx.send(Command::ToggleRenstraTargets(code.to_string()));
            }
        }
    });
    if cx.selection.scroll_to_section.as_deref() == Some(code) {
        cx.send(Command::SectionShown);
        heading.response.scroll_to_me(Some(egui::Align::TOP));
    }
    let l = &*cx.data;
    let d = l.dataset();
    let Some(ind) = d.indicator(code) else { return };
    // The indicator's figures share its decimals (`75,80` beside `70,00`).
    let final_target = d.period(&ind.period).and_then(|p| d.renstra_target(code, p.end_year).map(|t| (p.end_year, t)));
    let target = d.target(code, year).map(|t| t.target);
    let realisasi = d.realisation(code, year).map(|r| r.realisasi);
    let n = format::value_decimals(target.into_iter().chain(realisasi).chain(final_target.map(|(_, t)| t.target)));
    ui.horizontal_wrapped(|ui| {
        if let Some(t) = target {
            ui.label(format!("{}: {} {}", T::Target.get(lang), format::value(t, n, lang), ind.satuan));
        }
        if let Some(r) = realisasi {
            ui.label(format!("{}: {} {}", T::Realisasi.get(lang), format::value(r, n, lang), ind.satuan));
        }
        match indicator_capaian(d, l.settings(), code, year) {
            Ok(c) => {
                let v = c.value.number().unwrap_or_default();
                let color = status_color(l.settings().bands.status(v));
                ui.label(
                    egui::RichText::new(format!("{}: {}", T::Capaian.get(lang), format::percent(v, lang)))
                        .strong()
                        .color(color),
                );
                ui.label(
                    egui::RichText::new(format!(
                        "{}: {}",
                        T::Formula.get(lang),
                        crate::text::formula(&c.formula, lang)
                    ))
                    .weak(),
                );
            }
            Err(e) => {
                ui.label(format!("{}: {} ({})", T::Capaian.get(lang), T::NotComputable.get(lang), e.message(lang)));
            }
        }
        if let Some((final_year, t)) = final_target {
            ui.label(format!("{} {final_year}: {}", T::RenstraFinal.get(lang), format::value(t.target, n, lang)));
        }
    });
    if !ind.definition.is_empty() {
        ui.label(egui::RichText::new(format!("{}: {}", T::Definition.get(lang), ind.definition)).italics());
    }
}

fn notes_ui(cx: &TabContext, ui: &mut egui::Ui, code: &str) {
    let (lang, year) = (cx.lang, cx.year);
    let l = &*cx.data;
    let subject = format!("indicator:{code}");
    let notes: Vec<_> = l.dataset().notes.iter().filter(|n| n.subject == subject && n.year == year).collect();
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
fn program_indicator_forms_ui(cx: &mut TabContext, ui: &mut egui::Ui, code: &str) {
    let lang = cx.lang;
    let l = &*cx.data;
    let d = l.dataset();
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
                super::forms::indicator_year::indicator_year_form_ui(cx, ui, &c);
            }
        },
    );
}

/// Progress through the year (Rencana Aksi per triwulan); editable in *Sunting* mode.
fn quarters_ui(cx: &mut TabContext, ui: &mut egui::Ui, code: &str) {
    let (lang, year) = (cx.lang, cx.year);
    let l = &*cx.data;
    let d = l.dataset();
    let Some(ind) = d.indicator(code) else { return };
    let rows: Vec<_> = d.quarters.iter().filter(|q| q.indicator == code && q.year == year).cloned().collect();
    let from_quarters = crate::calc::resolve::quarter_realisasi(d, ind, year);
    let editing = cx.editing();
    if rows.is_empty() && !editing {
        return;
    }
    egui::CollapsingHeader::new(lang.pick("Progres triwulan (Rencana Aksi)", "Quarterly progress (action plan)"))
        .id_salt(("quarters", code, year))
        .default_open(!rows.is_empty())
        .show(ui, |ui| {
            if !rows.is_empty() {
                // The quarters' figures share their decimals, like a table's row.
                let n = format::value_decimals(
                    rows.iter().flat_map(|r| [r.target, r.realisasi]).flatten().chain(from_quarters.map(|(v, _)| v)),
                );
                let shown =
                    |v: Option<rust_decimal::Decimal>| v.map_or_else(|| "–".into(), |v| format::value(v, n, lang));
                ui.horizontal_wrapped(|ui| {
                    for q in 1..=4 {
                        let r = rows.iter().find(|x| x.quarter == q);
                        let t = shown(r.and_then(|r| r.target));
                        let v = shown(r.and_then(|r| r.realisasi));
                        ui.label(format!("TW {q}: {t} / {v}"));
                        ui.separator();
                    }
                    if let Some((v, last)) = from_quarters {
                        ui.label(
                            egui::RichText::new(format!(
                                "{} {}: {}",
                                lang.pick("Realisasi s.d. triwulan", "Actual up to quarter"),
                                last,
                                format::value(v, n, lang)
                            ))
                            .strong(),
                        );
                    }
                });
            }
            if editing {
                super::forms::quarters::quarters_form_ui(cx, ui, code);
            }
        });
}

/// In *Sunting* mode, when the year has Renstra targets without an agreement: create the year's
/// Perjanjian Kinerja from them (one change; the targets can be edited afterwards).
fn agreement_from_renstra_ui(cx: &mut TabContext, ui: &mut egui::Ui) {
    use crate::domain::{AgreementTarget, Change, Op};
    let (lang, year) = (cx.lang, cx.year);
    let l = &*cx.data;
    let d = l.dataset();
    let Some(period) = d.period_of_year(year) else { return };
    let missing: Vec<(String, crate::domain::TargetValue)> = d
        .ikus_of_period(&period.code)
        .iter()
        .filter(|i| !d.agreements.iter().any(|a| a.indicator == i.code && a.year == year))
        .filter_map(|i| d.renstra_target(&i.code, year).map(|t| (i.code.clone(), t.clone())))
        .collect();
    if missing.is_empty() {
        return;
    }
    let label = format!(
        "{} {year} {}",
        lang.pick("Buat Perjanjian Kinerja", "Create the performance agreement"),
        lang.pick("dari target Renstra", "from the Renstra targets")
    );
    if ui.button(label).clicked() {
        let ops = missing
            .into_iter()
            .map(|(indicator, value)| {
                Op::AddAgreementTarget(AgreementTarget { year, indicator, value, note: String::new() })
            })
            .collect();
        cx.apply(Change { description: format!("Perjanjian Kinerja {year}"), ops });
    }
}

fn notes_edit_ui(cx: &mut TabContext, ui: &mut egui::Ui, code: &str) {
    let year = cx.year;
    if !cx.editing() {
        return;
    }
    let lang = cx.lang;
    egui::CollapsingHeader::new(format!("{} — {}", T::Notes.get(lang), lang.pick("sunting", "edit")))
        .id_salt(("notes_edit", code, year))
        .show(ui, |ui| super::forms::notes::notes_form_ui(cx, ui, code));
}
