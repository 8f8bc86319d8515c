//! Staff counts of a year by education and status.

use super::FormField;
use crate::calc::input;
use crate::domain::*;
use crate::ui::widgets::{number_field_ui, FieldKind, NumberField};
use crate::ui::TabContext;

/// The counts of one level of education, as typed.
#[derive(Clone, Debug, Default)]
pub struct StaffRow {
    pub position: i64,
    pub education: String,
    pub pns: FormField,
    pub tkk: FormField,
}

/// Every level of education of the office's staff table.
#[derive(Clone, Debug, Default)]
pub struct StaffForm {
    pub rows: Vec<StaffRow>,
}

pub fn staff_form_ui(cx: &mut TabContext, ui: &mut egui::Ui) {
    let (lang, year) = (cx.lang, cx.year);
    let d = cx.data.dataset();
    let mut levels: Vec<(i64, String)> = d.staff.iter().map(|s| (s.position, s.education.clone())).collect();
    levels.sort();
    levels.dedup_by(|a, b| a.1 == b.1);
    let stored = |education: &str, status: StaffStatus| {
        d.staff.iter().find(|s| s.year == year && s.education == education && s.status == status).cloned()
    };
    let current: Vec<[Option<StaffCount>; 2]> =
        levels.iter().map(|(_, e)| [stored(e, StaffStatus::ALL[0]), stored(e, StaffStatus::ALL[1])]).collect();
    let count_text =
        |c: &Option<StaffCount>| FormField::new(c.as_ref().map(|c| c.count.to_string()).unwrap_or_default());
    let form = cx.widgets.forms.staff.entry(year).or_insert_with(|| StaffForm {
        rows: levels
            .iter()
            .zip(&current)
            .map(|((position, education), [pns, tkk])| StaffRow {
                position: *position,
                education: education.clone(),
                pns: count_text(pns),
                tkk: count_text(tkk),
            })
            .collect(),
    });
    ui.label(
        egui::RichText::new(format!("{} {year}", lang.pick("Sunting jumlah pegawai", "Edit staff counts"))).strong(),
    );
    egui::Grid::new(("staff_form", year)).num_columns(3).show(ui, |ui| {
        ui.label("");
        let headers = [ui.label("PNS").id, ui.label("TKK").id];
        ui.end_row();
        for row in form.rows.iter_mut() {
            let l = ui.label(&row.education);
            for (field, header) in [&mut row.pns, &mut row.tkk].into_iter().zip(headers) {
                let error = field.error.clone();
                let number = NumberField::in_grid(FieldKind::Count, vec![l.id, header])
                    .field_width(60.0)
                    .error(error.as_deref());
                number_field_ui(ui, number, &mut field.text, lang);
            }
            ui.end_row();
        }
    });
    if !ui.button(lang.pick("Simpan jumlah pegawai", "Save staff counts")).clicked() {
        return;
    }
    let mut ops = Vec::new();
    for (row, olds) in form.rows.iter_mut().zip(&current) {
        for ((field, status), old) in [&mut row.pns, &mut row.tkk].into_iter().zip(StaffStatus::ALL).zip(olds) {
            field.error = None;
            let new = if field.trimmed().is_empty() {
                None
            } else {
                match input::read_count(field.trimmed(), lang) {
                    Ok((n, _)) => Some(n),
                    Err(e) => {
                        field.error = Some(e.message(lang));
                        continue;
                    }
                }
            };
            if new == old.as_ref().map(|o| o.count) {
                continue;
            }
            let count = |count: i64| StaffCount {
                year,
                position: row.position,
                education: row.education.clone(),
                status,
                count,
            };
            ops.push(Op::SetStaffCount { old: old.clone(), new: new.map(count) });
        }
    }
    let ok = form.rows.iter().all(|r| r.pns.error.is_none() && r.tkk.error.is_none());
    if ok && !ops.is_empty() {
        cx.apply(Change { description: format!("Jumlah pegawai {year}"), ops });
    }
}
