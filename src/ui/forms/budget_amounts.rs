//! The amounts of one budget line: pagu murni, pagu perubahan, realisasi, the single alokasi of
//! a report that prints no murni/perubahan split, the sisa and the realisasi fisik as printed.

use super::history::history_table_ui;
use super::{
    change_line, dec_text, field_ui, money_change_line, money_text, pending_changes_ui, warnings_ui, FormField,
};
use crate::calc::input::{self, Validation};
use crate::calc::rules::{fisik_ok, Rule};
use crate::domain::{BudgetColumn, Change, Money, Op};
use crate::format::Lang;
use crate::ui::strings::T;
use crate::ui::widgets::{FieldKind, NumberField};
use crate::ui::{Status, TabContext};
use rust_decimal::Decimal;

/// The amounts of a line as typed, in the order of [`BudgetColumn::ALL`], and its fisik.
#[derive(Clone, Debug, Default)]
pub struct BudgetAmountsForm {
    pub pagu_murni: FormField,
    pub pagu_perubahan: FormField,
    pub realisasi: FormField,
    pub alokasi: FormField,
    pub sisa: FormField,
    pub fisik_pct: FormField,
    pub warnings: Vec<String>,
}

impl BudgetAmountsForm {
    fn amounts(&mut self) -> [&mut FormField; 5] {
        [&mut self.pagu_murni, &mut self.pagu_perubahan, &mut self.realisasi, &mut self.alokasi, &mut self.sisa]
    }
}

/// The label of an amount's field.
fn amount_label(column: BudgetColumn, lang: Lang) -> &'static str {
    match column {
        BudgetColumn::PaguMurni => lang.pick("Pagu murni (Rp)", "Original budget (Rp)"),
        BudgetColumn::PaguPerubahan => lang.pick("Pagu perubahan (Rp)", "Revised budget (Rp)"),
        BudgetColumn::Realisasi => lang.pick("Realisasi (Rp)", "Actual (Rp)"),
        BudgetColumn::Alokasi => lang.pick("Alokasi (Rp)", "Allocation (Rp)"),
        BudgetColumn::Sisa => lang.pick("Sisa anggaran (Rp)", "Remaining budget (Rp)"),
    }
}

fn fisik_label(lang: Lang) -> &'static str {
    lang.pick("Realisasi fisik (%)", "Physical progress (%)")
}

pub fn budget_amounts_form_ui(cx: &mut TabContext, ui: &mut egui::Ui, kode: &str) {
    let (lang, year) = (cx.lang, cx.year);
    let Some(line) = cx.data.dataset().budget_line(year, kode).cloned() else { return };
    let history = cx.data.record_history(&[format!("budget:{year}:{kode}")]);
    let stored = [line.pagu_murni, line.pagu_perubahan, line.realisasi, line.alokasi, line.sisa];
    let form = cx.widgets.forms.budget_amounts.entry((year, kode.to_string())).or_insert_with(|| BudgetAmountsForm {
        pagu_murni: FormField::new(money_text(line.pagu_murni, lang)),
        pagu_perubahan: FormField::new(money_text(line.pagu_perubahan, lang)),
        realisasi: FormField::new(money_text(line.realisasi, lang)),
        alokasi: FormField::new(money_text(line.alokasi, lang)),
        sisa: FormField::new(money_text(line.sisa, lang)),
        fisik_pct: FormField::new(dec_text(line.fisik_pct, lang)),
        warnings: Vec::new(),
    });
    ui.label(egui::RichText::new(format!("{} — {} {}", T::EditBudgetLine.get(lang), line.kode, line.name)).strong());
    for (column, field) in BudgetColumn::ALL.into_iter().zip(form.amounts()) {
        field_ui(ui, NumberField::new(FieldKind::Money, amount_label(column, lang)), field, lang);
    }
    field_ui(ui, NumberField::new(FieldKind::Value, fisik_label(lang)).satuan("%"), &mut form.fisik_pct, lang);
    warnings_ui(ui, &form.warnings, lang);
    let mut pending: Vec<String> = BudgetColumn::ALL
        .into_iter()
        .zip(stored)
        .zip(form.amounts())
        .filter_map(|((column, old), field)| money_change_line(amount_label(column, lang), old, &field.text, lang))
        .collect();
    pending.extend(change_line(fisik_label(lang), line.fisik_pct, &form.fisik_pct.text, lang));
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
    let mut values: [Option<Money>; 5] = [None; 5];
    for (i, (column, field)) in BudgetColumn::ALL.into_iter().zip(form.amounts()).enumerate() {
        field.error = None;
        if field.trimmed().is_empty() {
            continue;
        }
        match input::read_money(field.trimmed(), lang) {
            Ok((m, _)) => {
                let check = match column {
                    BudgetColumn::Realisasi => Validation::default(),
                    // Alokasi and sisa are amounts of the budget like the pagu: never negative.
                    _ => input::check_pagu(m, lang),
                };
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
    let [murni, perubahan, realisasi, alokasi, _] = values;
    if alokasi.is_some() && (murni.is_some() || perubahan.is_some()) {
        let e = crate::text::rule(&Rule::AlokasiWithPagu, lang);
        form.alokasi.error = Some(e.clone());
        validation.errors.push(e);
    }
    if let Some(r) = realisasi {
        let check = input::check_realisasi(r, alokasi.or(perubahan).or(murni), lang);
        if let Some(e) = check.errors.first() {
            form.realisasi.error = Some(e.clone());
        }
        validation.merge(check);
    }
    let fisik = read_fisik(&mut form.fisik_pct, lang);
    if form.fisik_pct.error.is_some() {
        validation.errors.extend(form.fisik_pct.error.clone());
    }
    form.warnings = validation.warnings.clone();
    if !validation.ok() {
        return;
    }
    let mut ops: Vec<Op> = BudgetColumn::ALL
        .iter()
        .zip(stored)
        .zip(values)
        .filter(|((_, old), new)| old != new)
        .map(|((column, old), new)| Op::SetBudgetAmount { year, kode: kode.into(), column: *column, old, new })
        .collect();
    if fisik != line.fisik_pct {
        ops.push(Op::SetBudgetFisik { year, kode: kode.into(), old: line.fisik_pct, new: fisik });
    }
    // What is emptied goes first: the store refuses an alokasi while the line still holds a
    // pagu murni or perubahan, and the other way round.
    ops.sort_by_key(|op| !matches!(op, Op::SetBudgetAmount { new: None, .. }));
    if ops.is_empty() {
        cx.status(Status::new(|lang| T::NothingChanged.get(lang).into()));
        return;
    }
    cx.apply(Change { description: format!("{}: {} {}", T::EditBudgetLine.get(Lang::Id), line.kode, line.name), ops });
}

/// The typed realisasi fisik: empty is none; a percentage of 0 to 100 with at most two
/// decimals, otherwise the field says why.
fn read_fisik(field: &mut FormField, lang: Lang) -> Option<Decimal> {
    field.error = None;
    if field.trimmed().is_empty() {
        return None;
    }
    match input::read_number(field.trimmed(), lang) {
        Ok(r) if fisik_ok(r.value) => Some(r.value),
        Ok(r) => {
            field.error = Some(crate::text::rule(&Rule::FisikOutOfRange(r.value), lang));
            None
        }
        Err(e) => {
            field.error = Some(e.message(lang));
            None
        }
    }
}
