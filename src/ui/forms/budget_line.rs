//! A budget line's structure: rename it, add a line under it, remove it, and its quarterly
//! realisation.

use super::{error_label, money_text, FormField};
use crate::calc::input;
use crate::domain::*;
use crate::format::Lang;
use crate::ui::widgets::{number_field_ui, FieldKind, NumberField};
use crate::ui::{Command, TabContext};

/// The line's name, a new line under it and the four quarters, as typed.
#[derive(Clone, Debug, Default)]
pub struct BudgetLineForm {
    pub name: FormField,
    pub child_kode: FormField,
    pub child_name: FormField,
    pub quarters: [FormField; 4],
}

/// A new budget line needs a free kode and a name its siblings do not have.
pub(crate) fn check_new_line(
    d: &Dataset,
    year: Year,
    kode: &str,
    name: &str,
    siblings: &[String],
    lang: Lang,
) -> input::Validation {
    let mut check = input::check_name(name, &siblings.iter().map(String::as_str).collect::<Vec<_>>(), lang);
    if kode.is_empty() || d.budget_line(year, kode).is_some() {
        check.errors.push(match lang {
            Lang::Id => format!("Kode '{kode}' kosong atau sudah dipakai."),
            Lang::En => format!("Code '{kode}' is empty or already used."),
        });
    }
    check
}

pub fn budget_line_form_ui(cx: &mut TabContext, ui: &mut egui::Ui, kode: &str) {
    let (lang, year) = (cx.lang, cx.year);
    let d = cx.data.dataset();
    let Some(line) = d.budget_line(year, kode).cloned() else { return };
    let children = d.budget_children(year, Some(kode));
    let siblings: Vec<String> = d
        .budget_children(year, line.parent.as_deref())
        .iter()
        .filter(|b| b.kode != kode)
        .map(|b| b.name.clone())
        .collect();
    let child_names: Vec<String> = children.iter().map(|c| c.name.clone()).collect();
    let next_child = format!("{kode}.{}", children.len() + 1);
    let child_count = children.len();
    let quarters: Vec<Option<Money>> = (1..=4)
        .map(|q| {
            d.budget_quarters.iter().find(|x| x.year == year && x.kode == kode && x.quarter == q).map(|x| x.realisasi)
        })
        .collect();
    let mut changes = Vec::new();
    let form = cx.widgets.forms.budget_line.entry((year, kode.to_string())).or_insert_with(|| BudgetLineForm {
        name: FormField::new(line.name.clone()),
        child_kode: FormField::new(next_child.clone()),
        child_name: FormField::default(),
        quarters: std::array::from_fn(|q| FormField::new(money_text(quarters[q], lang))),
    });
    ui.horizontal(|ui| {
        let l = ui.label(lang.pick("Nama", "Name"));
        ui.add(egui::TextEdit::singleline(&mut form.name.text).desired_width(420.0)).labelled_by(l.id);
        if ui.button(lang.pick("Ganti nama", "Rename")).clicked() {
            let check =
                input::check_name(&form.name.text, &siblings.iter().map(String::as_str).collect::<Vec<_>>(), lang);
            form.name.error = check.errors.first().cloned();
            if check.ok() && form.name.trimmed() != line.name {
                changes.push(Change {
                    description: format!("Ganti nama {}", line.kode),
                    ops: vec![Op::RenameBudgetLine {
                        year,
                        kode: kode.into(),
                        old: line.name.clone(),
                        new: form.name.trimmed().into(),
                    }],
                });
            }
        }
        error_label(ui, &form.name.error);
    });
    if let Some(child_level) = line.level.child() {
        ui.horizontal(|ui| {
            let l = ui.label(format!("{} {}", lang.pick("Tambah", "Add"), child_level.code()));
            ui.add(egui::TextEdit::singleline(&mut form.child_kode.text).desired_width(90.0)).labelled_by(l.id);
            // Named apart from the kode field ("Tambah kegiatan nama"), so that a screen reader
            // (and a test) can tell the two fields apart.
            let n = ui.label(lang.pick("nama", "name"));
            ui.add(egui::TextEdit::singleline(&mut form.child_name.text).desired_width(320.0))
                .labelled_by(l.id)
                .labelled_by(n.id);
            if ui.button(format!("{} {}", lang.pick("Tambahkan", "Add the"), child_level.code())).clicked() {
                let new_kode = form.child_kode.trimmed().to_string();
                let check =
                    check_new_line(cx.data.dataset(), year, &new_kode, &form.child_name.text, &child_names, lang);
                form.child_name.error = check.errors.first().cloned();
                if check.ok() {
                    let mut new_line = BudgetLine::new(
                        year,
                        &new_kode,
                        Some(kode),
                        child_level,
                        child_count as i64 + 1,
                        form.child_name.trimmed(),
                    );
                    // A child shares its programme's funding source and spending type.
                    if let Some(top) = cx.data.dataset().budget_top(year, kode) {
                        new_line.source = top.source;
                        new_line.spending = top.spending;
                    }
                    changes.push(Change {
                        description: format!("Tambah {} {new_kode}", child_level.code()),
                        ops: vec![Op::AddBudgetLine(Box::new(new_line))],
                    });
                }
            }
            error_label(ui, &form.child_name.error);
        });
    }
    ui.label(lang.pick("Realisasi per triwulan (Rp)", "Spending per quarter (Rp)"));
    for (i, field) in form.quarters.iter_mut().enumerate() {
        let label = format!("{} {}", lang.pick("Realisasi triwulan", "Spending, quarter"), ["I", "II", "III", "IV"][i]);
        let error = field.error.clone();
        let number = NumberField::new(FieldKind::Money, &label).label_width(170.0).error(error.as_deref());
        number_field_ui(ui, number, &mut field.text, lang);
    }
    if ui.button(lang.pick("Simpan triwulan", "Save quarters")).clicked() {
        let mut ops = Vec::new();
        for (i, (field, old)) in form.quarters.iter_mut().zip(&quarters).enumerate() {
            field.error = None;
            let new = if field.trimmed().is_empty() {
                None
            } else {
                match input::read_money(field.trimmed(), lang).map(|(m, _)| m) {
                    Ok(m) if m.is_negative() => {
                        field.error =
                            Some(lang.pick("Realisasi tidak boleh negatif.", "Spending cannot be negative.").into());
                        continue;
                    }
                    Ok(m) => Some(m),
                    Err(e) => {
                        field.error = Some(e.message(lang));
                        continue;
                    }
                }
            };
            if new != *old {
                ops.push(Op::SetBudgetQuarter { year, kode: kode.into(), quarter: i as i64 + 1, old: *old, new });
            }
        }
        if form.quarters.iter().all(|f| f.error.is_none()) && !ops.is_empty() {
            changes.push(Change { description: format!("Realisasi triwulan {}", line.kode), ops });
        }
    }
    let removable = child_count == 0;
    if ui
        .add_enabled(removable, egui::Button::new(lang.pick("Hapus baris ini", "Remove this line")))
        .on_disabled_hover_text(lang.pick("Hapus rinciannya lebih dulu.", "Remove its sub-lines first."))
        .clicked()
    {
        // The store removes the line's quarterly realisation with it.
        changes.push(Change {
            description: format!("Hapus {}", line.kode),
            ops: vec![Op::RemoveBudgetLine(Box::new(line.clone()))],
        });
        cx.send(Command::SelectBudgetLine(None));
    }
    for c in changes {
        cx.apply(c);
    }
}
