//! The raw figures of an indicator computed from them (Vn and Vn−1, or part and whole).

use super::{field_ui, FormField};
use crate::calc::input;
use crate::domain::*;
use crate::format;
use crate::ui::widgets::{FieldKind, NumberField};
use crate::ui::TabContext;

/// The two raw figures, as typed.
#[derive(Clone, Debug, Default)]
pub struct RawFiguresForm {
    /// Vn, or the part.
    pub first: FormField,
    /// Vn−1, or the whole.
    pub second: FormField,
}

pub fn raw_figures_form_ui(cx: &mut TabContext, ui: &mut egui::Ui, indicator: &str) {
    let (lang, year) = (cx.lang, cx.year);
    let d = cx.data.dataset();
    let Some(ind) = d.indicator(indicator).cloned() else { return };
    let roles = match ind.formula {
        FormulaKind::Value => return,
        FormulaKind::SharePct => [RawRole::Part, RawRole::Whole],
        FormulaKind::GrowthPct | FormulaKind::RatioPct => [RawRole::Current, RawRole::Previous],
    };
    let current: Vec<Option<RawFigure>> = roles.iter().map(|r| d.raw_figure(indicator, year, *r).cloned()).collect();
    let text =
        |c: &Option<RawFigure>| FormField::new(c.as_ref().map(|c| format::decimal(c.value, lang)).unwrap_or_default());
    let form = cx
        .widgets
        .forms
        .raw_figures
        .entry((indicator.to_string(), year))
        .or_insert_with(|| RawFiguresForm { first: text(&current[0]), second: text(&current[1]) });
    let labels = match ind.formula {
        FormulaKind::SharePct => [lang.pick("Bagian", "Part"), lang.pick("Keseluruhan", "Whole")],
        _ => [
            lang.pick("Nilai tahun ini (Vn)", "This year (Vn)"),
            lang.pick("Nilai tahun lalu (Vn−1)", "Last year (Vn−1)"),
        ],
    };
    ui.label(
        egui::RichText::new(format!(
            "{} — {}",
            lang.pick("Data dasar", "Raw figures"),
            crate::text::raw_formula(ind.formula, lang)
        ))
        .strong(),
    );
    for (label, field) in labels.iter().zip([&mut form.first, &mut form.second]) {
        field_ui(ui, NumberField::new(FieldKind::Value, label).label_width(180.0), field, lang);
    }
    if !ui.button(lang.pick("Simpan data dasar", "Save raw figures")).clicked() {
        return;
    }
    let mut ops = Vec::new();
    for (i, field) in [&mut form.first, &mut form.second].into_iter().enumerate() {
        field.error = None;
        let new = if field.trimmed().is_empty() {
            None
        } else {
            match input::read_number(field.trimmed(), lang) {
                Ok(r) => Some(r.value),
                Err(e) => {
                    field.error = Some(e.message(lang));
                    continue;
                }
            }
        };
        let old = current[i].as_ref();
        if new == old.map(|o| o.value) {
            continue;
        }
        let new = new.map(|value| match old {
            Some(o) => RawFigure { value, ..o.clone() },
            None => RawFigure {
                indicator: indicator.into(),
                year,
                role: roles[i],
                value,
                label: labels[i].to_string(),
                note: String::new(),
            },
        });
        ops.push(Op::SetRawFigure { old: old.cloned(), new });
    }
    if form.first.error.is_none() && form.second.error.is_none() && !ops.is_empty() {
        cx.apply(Change { description: format!("Data dasar {year}: {}", ind.name), ops });
    }
}
