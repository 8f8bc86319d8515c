//! Pagu murni, pagu perubahan and realisasi of one budget line.

use super::history::history_table_ui;
use super::{field_ui, money_change_line, money_text, pending_changes_ui, warnings_ui, FormField};
use crate::calc::input::{self, Validation};
use crate::domain::{BudgetColumn, Change, Money, Op};
use crate::format::Lang;
use crate::ui::strings::T;
use crate::ui::widgets::{FieldKind, NumberField};
use crate::ui::{Status, TabContext};

/// The three amounts of a line, as typed.
#[derive(Clone, Debug, Default)]
pub struct BudgetAmountsForm {
    pub pagu_murni: FormField,
    pub pagu_perubahan: FormField,
    pub realisasi: FormField,
    pub warnings: Vec<String>,
}

pub fn budget_amounts_form_ui(cx: &mut TabContext, ui: &mut egui::Ui, kode: &str) {
    let (lang, year) = (cx.lang, cx.year);
    let Some(line) = cx.data.dataset().budget_line(year, kode).cloned() else { return };
    let history = cx.data.record_history(&[format!("budget:{year}:{kode}")]);
    let form = cx.widgets.forms.budget_amounts.entry((year, kode.to_string())).or_insert_with(|| BudgetAmountsForm {
        pagu_murni: FormField::new(money_text(line.pagu_murni, lang)),
        pagu_perubahan: FormField::new(money_text(line.pagu_perubahan, lang)),
        realisasi: FormField::new(money_text(line.realisasi, lang)),
        warnings: Vec::new(),
    });
    ui.label(egui::RichText::new(format!("{} — {} {}", T::EditBudgetLine.get(lang), line.kode, line.name)).strong());
    let labels = [
        lang.pick("Pagu murni (Rp)", "Original budget (Rp)"),
        lang.pick("Pagu perubahan (Rp)", "Revised budget (Rp)"),
        lang.pick("Realisasi (Rp)", "Actual (Rp)"),
    ];
    let stored = [line.pagu_murni, line.pagu_perubahan, line.realisasi];
    for (label, field) in labels.iter().zip([&mut form.pagu_murni, &mut form.pagu_perubahan, &mut form.realisasi]) {
        field_ui(ui, NumberField::new(FieldKind::Money, label), field, lang);
    }
    warnings_ui(ui, &form.warnings, lang);
    let texts = [&form.pagu_murni.text, &form.pagu_perubahan.text, &form.realisasi.text];
    let pending: Vec<String> = (0..3).filter_map(|i| money_change_line(labels[i], stored[i], texts[i], lang)).collect();
    pending_changes_ui(ui, &pending, lang);
    let save = ui.button(T::Save.get(lang)).clicked();
    if !history.is_empty() {
        egui::CollapsingHeader::new(T::RecordHistory.get(lang)).id_salt(("record_history", year, kode)).show(
            ui,
            |ui| {
                history_table_ui(ui, &history, cx.data.dataset(), lang, "record_history_table");
            },
        );
    }
    if !save {
        return;
    }
    let mut validation = Validation::default();
    let mut values: [Option<Money>; 3] = [None, None, None];
    let fields = [&mut form.pagu_murni, &mut form.pagu_perubahan, &mut form.realisasi];
    for (i, field) in fields.into_iter().enumerate() {
        field.error = None;
        if field.trimmed().is_empty() {
            continue;
        }
        match input::read_money(field.trimmed(), lang) {
            Ok((m, _)) => {
                let check = if i < 2 { input::check_pagu(m, lang) } else { Validation::default() };
                if let Some(e) = check.errors.first() {
                    field.error = Some(e.clone());
                }
                validation.merge(check);
                values[i] = Some(m);
            }
            Err(e) => {
                field.error = Some(e.message(lang));
                validation.errors.push(e.message(lang));
            }
        }
    }
    if let Some(r) = values[2] {
        let check = input::check_realisasi(r, values[1].or(values[0]), lang);
        if let Some(e) = check.errors.first() {
            form.realisasi.error = Some(e.clone());
        }
        validation.merge(check);
    }
    form.warnings = validation.warnings.clone();
    if !validation.ok() {
        return;
    }
    let ops: Vec<Op> = BudgetColumn::ALL
        .iter()
        .zip(stored)
        .zip(values)
        .filter(|((_, old), new)| old != new)
        .map(|((column, old), new)| Op::SetBudgetAmount { year, kode: kode.into(), column: *column, old, new })
        .collect();
    if ops.is_empty() {
        cx.status(Status::new(|lang| T::NothingChanged.get(lang).into()));
        return;
    }
    cx.apply(Change { description: format!("{}: {} {}", T::EditBudgetLine.get(Lang::Id), line.kode, line.name), ops });
}
