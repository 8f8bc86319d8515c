//! The year's agreement target (PK) and realisation of an indicator.

use super::history::record_history_ui;
use super::{
    change_line, dec_text, empty_removes_nothing, pending_changes_ui, removable_field_ui, warnings_ui, FormField,
};
use crate::calc::input::{self, Validation};
use crate::domain::{Change, IndicatorValue, Op};
use crate::ui::strings::T;
use crate::ui::widgets::{FieldKind, NumberField};
use crate::ui::{Status, TabContext};

/// The agreement target and the realisation, as typed.
#[derive(Clone, Debug, Default)]
pub struct IndicatorYearForm {
    pub agreement_target: FormField,
    pub realisasi: FormField,
    pub warnings: Vec<String>,
    /// The field (0: target, 1: realisation) whose stored value the user asked to remove.
    pub confirm: Option<usize>,
}

pub fn indicator_year_form_ui(cx: &mut TabContext, ui: &mut egui::Ui, indicator: &str) {
    let (lang, year) = (cx.lang, cx.year);
    let d = cx.data.dataset();
    let Some(ind) = d.indicator(indicator).cloned() else { return };
    let pk = d.agreements.iter().find(|a| a.indicator == indicator && a.year == year).map(|a| a.value.target);
    let real = d.realisation(indicator, year).map(|r| r.realisasi);
    let history =
        cx.data.record_history(&[format!("agreement:{indicator}:{year}"), format!("realisation:{indicator}:{year}")]);
    let form =
        cx.widgets.forms.indicator_year.entry((indicator.to_string(), year)).or_insert_with(|| IndicatorYearForm {
            agreement_target: FormField::new(dec_text(pk, lang)),
            realisasi: FormField::new(dec_text(real, lang)),
            ..Default::default()
        });
    let stored = [pk, real];
    let kinds = [IndicatorValue::AgreementTarget, IndicatorValue::Realisation];
    let labels = [
        format!("{} {year}", lang.pick("Target PK", "Agreement target")),
        format!("{} {year}", T::Realisasi.get(lang)),
    ];
    let questions = [
        format!("{} {year} {indicator}?", lang.pick("Hapus target PK", "Remove agreement target")),
        format!("{} {year} {indicator}?", lang.pick("Hapus realisasi", "Remove realisation")),
    ];
    let mut removal = None;
    for (i, field) in [&mut form.agreement_target, &mut form.realisasi].into_iter().enumerate() {
        let number = NumberField::new(FieldKind::Value, &labels[i]).satuan(&ind.satuan);
        if removable_field_ui(ui, number, field, (i, &mut form.confirm), stored[i].is_some(), &questions[i], lang) {
            removal = stored[i].map(|old| (i, old));
        }
    }
    warnings_ui(ui, &form.warnings, lang);
    let texts = [&form.agreement_target.text, &form.realisasi.text];
    let pending: Vec<String> = (0..2).filter_map(|i| change_line(&labels[i], stored[i], texts[i], lang)).collect();
    pending_changes_ui(ui, &pending, lang);
    let save = ui.button(T::Save.get(lang)).clicked();
    record_history_ui(ui, &history, cx.data.dataset(), lang, &format!("year_history_{indicator}_{year}"));
    if let Some((i, old)) = removal {
        cx.apply(Change {
            description: format!("{} {year} {indicator}: {}", ["Hapus target PK", "Hapus realisasi"][i], ind.name),
            ops: vec![Op::RemoveValue { value: kinds[i], indicator: indicator.into(), year, old }],
        });
        return;
    }
    if !save {
        return;
    }
    let mut validation = Validation::default();
    let mut values = [None, None];
    for (i, field) in [&mut form.agreement_target, &mut form.realisasi].into_iter().enumerate() {
        field.error = None;
        if field.trimmed().is_empty() {
            if stored[i].is_some() {
                field.error = Some(empty_removes_nothing(lang));
                validation.errors.push(empty_removes_nothing(lang));
            }
            continue;
        }
        match input::read_number(field.trimmed(), lang) {
            Ok(r) => {
                // The agreement's target is a target: a percentage below 0 is refused.
                let check = if i == 0 {
                    input::check_target(r.value, None, ind.polarity, &ind.satuan, lang)
                } else {
                    input::check_percent(r.value, &ind.satuan, lang)
                };
                if let Some(e) = check.errors.first() {
                    field.error = Some(e.clone());
                }
                validation.merge(check);
                values[i] = Some(r.value);
            }
            Err(e) => {
                field.error = Some(e.message(lang));
                validation.errors.push(e.message(lang));
            }
        }
    }
    form.warnings = validation.warnings.clone();
    if !validation.ok() {
        return;
    }
    let ops: Vec<Op> = (0..2)
        .filter_map(|i| {
            let new = values[i].filter(|v| Some(*v) != stored[i])?;
            Some(Op::SetValue { value: kinds[i], indicator: indicator.into(), year, old: stored[i], new })
        })
        .collect();
    if ops.is_empty() {
        cx.status(Status::new(|lang| T::NothingChanged.get(lang).into()));
        return;
    }
    cx.apply(Change { description: format!("Realisasi {year}: {}", ind.name), ops });
}
