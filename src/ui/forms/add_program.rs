//! A new programme in the year's budget.

use super::budget_line::check_new_line;
use super::{error_label, FormField};
use crate::domain::*;
use crate::ui::TabContext;

/// The new programme's kode and name, as typed.
#[derive(Clone, Debug, Default)]
pub struct AddProgramForm {
    pub kode: FormField,
    pub name: FormField,
}

pub fn add_program_ui(cx: &mut TabContext, ui: &mut egui::Ui) {
    let (lang, year) = (cx.lang, cx.year);
    let d = cx.data.dataset();
    let programs = d.budget_children(year, None);
    let count = programs.len();
    let names: Vec<String> = programs.iter().map(|p| p.name.clone()).collect();
    let next = (1..).map(|n| n.to_string()).find(|k| d.budget_line(year, k).is_none()).unwrap_or_default();
    let form = cx
        .widgets
        .forms
        .add_program
        .entry(year)
        .or_insert_with(|| AddProgramForm { kode: FormField::new(next), name: FormField::default() });
    let mut change = None;
    ui.horizontal(|ui| {
        let l = ui.label(format!("{} {year}", lang.pick("Tambah program", "Add programme")));
        ui.add(egui::TextEdit::singleline(&mut form.kode.text).desired_width(70.0)).labelled_by(l.id);
        ui.add(
            egui::TextEdit::singleline(&mut form.name.text)
                .hint_text(lang.pick("nama program", "programme name"))
                .desired_width(360.0),
        )
        .labelled_by(l.id);
        if ui.button(lang.pick("Tambahkan program", "Add the programme")).clicked() {
            let kode = form.kode.trimmed().to_string();
            let check = check_new_line(cx.data.dataset(), year, &kode, &form.name.text, &names, lang);
            form.name.error = check.errors.first().cloned();
            if check.ok() {
                let line =
                    BudgetLine::new(year, &kode, None, BudgetLevel::Program, count as i64 + 1, form.name.trimmed());
                change = Some(Change {
                    description: format!("Tambah program {kode} ({year})"),
                    ops: vec![Op::AddBudgetLine(Box::new(line))],
                });
            }
        }
        error_label(ui, &form.name.error);
    });
    if let Some(c) = change {
        cx.apply(c);
    }
}
