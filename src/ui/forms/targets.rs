//! The Renstra targets of an indicator for every year of its period, opened from the
//! indicator's own section.

use super::history::record_history_ui;
use super::{
    change_line, dec_text, empty_removes_nothing, pending_changes_ui, removable_field_ui, warnings_ui, FormField,
};
use crate::calc::input::{self, Validation};
use crate::domain::{Change, IndicatorValue, Op, Year};
use crate::format::Lang;
use crate::ui::strings::T;
use crate::ui::widgets::{FieldKind, NumberField};
use crate::ui::{Status, TabContext};
use rust_decimal::Decimal;

/// The target of each year of the period, as typed.
#[derive(Clone, Debug, Default)]
pub struct TargetsForm {
    pub years: Vec<(Year, FormField)>,
    pub warnings: Vec<String>,
    /// The year (by index) whose stored target the user asked to remove.
    pub confirm: Option<usize>,
}

pub fn targets_form_ui(cx: &mut TabContext, ui: &mut egui::Ui, indicator: &str) {
    let lang = cx.lang;
    let d = cx.data.dataset();
    let Some(ind) = d.indicator(indicator).cloned() else { return };
    let Some(period) = d.period(&ind.period).cloned() else { return };
    let years: Vec<Year> = period.years().collect();
    let current: Vec<Option<Decimal>> =
        years.iter().map(|y| d.renstra_target(indicator, *y).map(|t| t.target)).collect();
    let records: Vec<String> = years.iter().map(|y| format!("target:{indicator}:{y}")).collect();
    let history = cx.data.record_history(&records);
    let form = cx.widgets.forms.targets.entry(indicator.to_string()).or_insert_with(|| TargetsForm {
        years: years.iter().zip(&current).map(|(y, v)| (*y, FormField::new(dec_text(*v, lang)))).collect(),
        ..Default::default()
    });
    ui.label(egui::RichText::new(T::EditTargets.get(lang)).strong());
    let mut removal = None;
    for (i, (y, field)) in form.years.iter_mut().enumerate() {
        let label = format!("{} {y} ({})", T::Target.get(lang), ind.satuan);
        let question = format!("{} {y} {indicator}?", lang.pick("Hapus target", "Remove target"));
        let number = NumberField::new(FieldKind::Value, &label).satuan(&ind.satuan);
        if removable_field_ui(ui, number, field, (i, &mut form.confirm), current[i].is_some(), &question, lang) {
            removal = current[i].map(|old| (*y, old));
        }
    }
    warnings_ui(ui, &form.warnings, lang);
    let pending: Vec<String> = form
        .years
        .iter()
        .zip(&current)
        .filter_map(|((y, f), old)| change_line(&format!("{} {y}", T::Target.get(lang)), *old, &f.text, lang))
        .collect();
    pending_changes_ui(ui, &pending, lang);
    let save = ui.button(T::Save.get(lang)).clicked();
    record_history_ui(ui, &history, cx.data.dataset(), lang, &format!("targets_history_{indicator}"));
    if let Some((year, old)) = removal {
        cx.apply(Change {
            description: format!("Hapus target {year} {indicator}: {}", ind.name),
            ops: vec![Op::RemoveValue { value: IndicatorValue::RenstraTarget, indicator: indicator.into(), year, old }],
        });
        return;
    }
    if !save {
        return;
    }
    let mut ops = Vec::new();
    let mut validation = Validation::default();
    let mut previous: Option<Decimal> = None;
    for (i, (y, field)) in form.years.iter_mut().enumerate() {
        field.error = None;
        let new = if field.trimmed().is_empty() {
            if current[i].is_some() {
                field.error = Some(empty_removes_nothing(lang));
                validation.errors.push(empty_removes_nothing(lang));
            }
            None
        } else {
            match input::read_number(field.trimmed(), lang) {
                Ok(r) => Some(r.value),
                Err(e) => {
                    field.error = Some(e.message(lang));
                    validation.errors.push(e.message(lang));
                    None
                }
            }
        };
        if let Some(v) = new {
            let mut check = input::check_year_in_period(*y, period.start_year, period.end_year, lang);
            check.merge(input::check_target(v, previous, ind.polarity, &ind.satuan, lang));
            if let Some(e) = check.errors.first() {
                field.error = Some(e.clone());
            }
            validation.merge(check);
        }
        if let (None, Some(new)) = (&field.error, new) {
            if Some(new) != current[i] {
                ops.push(Op::SetValue {
                    value: IndicatorValue::RenstraTarget,
                    indicator: indicator.to_string(),
                    year: *y,
                    old: current[i],
                    new,
                });
            }
        }
        previous = new.or(current[i]);
    }
    form.warnings = validation.warnings.clone();
    if !validation.ok() {
        return;
    }
    if ops.is_empty() {
        cx.status(Status::new(|lang| T::NothingChanged.get(lang).into()));
        return;
    }
    let description = format!("{}: {}", T::EditTargets.get(Lang::Id), ind.name);
    cx.apply(Change { description, ops });
}
