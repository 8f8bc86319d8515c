//! A Renstra period's own achievement scale (kategori capaian): shown as a small table on
//! *Renstra*, and in *Sunting* edited row by row (code, name, lower bound, whether the bound
//! belongs to the band) and saved as one operation that replaces the whole scale.

use super::{dec_text, error_label, FormField};
use crate::calc::bands::period_bands;
use crate::calc::input;
use crate::calc::rules::whole_scale_rules;
use crate::domain::{AchievementBand, Change, Op, RenstraPeriod};
use crate::format::{self, Lang};
use crate::ui::strings::T;
use crate::ui::widgets::{number_field_ui, FieldKind, NumberField};
use crate::ui::{Status, TabContext};

/// One band as typed.
#[derive(Clone, Debug, Default)]
pub struct BandRow {
    pub code: String,
    pub name: String,
    pub lower: FormField,
    pub inclusive: bool,
}

/// The scale as typed, highest band first.
#[derive(Clone, Debug, Default)]
pub struct BandsForm {
    pub rows: Vec<BandRow>,
    /// What saving said, by row.
    pub errors: Vec<String>,
}

fn heading(lang: Lang) -> &'static str {
    lang.pick("Kategori capaian", "Achievement bands")
}

fn columns(lang: Lang) -> [&'static str; 4] {
    [
        lang.pick("Kode", "Code"),
        lang.pick("Nama", "Name"),
        lang.pick("Batas bawah (%)", "Lower bound (%)"),
        lang.pick("Termasuk batas", "Bound included"),
    ]
}

fn row_label(i: usize, lang: Lang) -> String {
    crate::text::tr!(lang, "Kategori {}", "Band {}", i + 1)
}

/// The period's scale as a table (code, name, from which capaian); in *Sunting* its editor.
pub fn bands_ui(cx: &mut TabContext, ui: &mut egui::Ui, period: &RenstraPeriod) {
    let lang = cx.lang;
    let bands: Vec<AchievementBand> = period_bands(cx.data.dataset(), &period.code).into_iter().cloned().collect();
    if bands.is_empty() && !cx.editing() {
        return;
    }
    ui.add_space(6.0);
    ui.heading(heading(lang));
    if bands.is_empty() {
        ui.label(lang.pick(
            "Periode ini belum punya kategori capaian sendiri.",
            "This period has no achievement bands of its own yet.",
        ));
    } else {
        egui::Grid::new(("bands", &period.code)).num_columns(3).striped(true).spacing([16.0, 2.0]).show(ui, |ui| {
            let [code, name, _, _] = columns(lang);
            ui.strong(code);
            ui.strong(name);
            ui.strong(lang.pick("Capaian", "Achievement"));
            ui.end_row();
            for b in &bands {
                ui.label(&b.code);
                ui.label(&b.name);
                ui.label(match b.lower {
                    Some(l) if b.lower_inclusive => format!("≥ {} %", format::decimal(l, lang)),
                    Some(l) => format!("> {} %", format::decimal(l, lang)),
                    None => lang.pick("di bawahnya", "below").to_string(),
                });
                ui.end_row();
            }
        });
    }
    if cx.editing() {
        bands_form_ui(cx, ui, period, bands);
    }
}

fn bands_form_ui(cx: &mut TabContext, ui: &mut egui::Ui, period: &RenstraPeriod, stored: Vec<AchievementBand>) {
    let lang = cx.lang;
    let form = cx.widgets.forms.bands.entry(period.code.clone()).or_insert_with(|| BandsForm {
        rows: stored
            .iter()
            .map(|b| BandRow {
                code: b.code.clone(),
                name: b.name.clone(),
                lower: FormField::new(dec_text(b.lower, lang)),
                inclusive: b.lower_inclusive,
            })
            .collect(),
        errors: Vec::new(),
    });
    let (mut remove, mut save) = (None, false);
    egui::CollapsingHeader::new(lang.pick("Sunting kategori capaian", "Edit achievement bands"))
        .id_salt(("edit_bands", &period.code))
        .show(ui, |ui| {
            let headers = columns(lang);
            egui::Grid::new(("bands_form", &period.code)).num_columns(6).spacing([8.0, 2.0]).show(ui, |ui| {
                ui.label("");
                let ids: Vec<egui::Id> = headers.iter().map(|h| ui.strong(*h).id).collect();
                ui.end_row();
                for (i, row) in form.rows.iter_mut().enumerate() {
                    let r = ui.label(row_label(i, lang)).id;
                    // Sized, not only desired: a grid's cell would keep them as narrow as the
                    // column's heading.
                    ui.add_sized([60.0, 20.0], egui::TextEdit::singleline(&mut row.code))
                        .labelled_by(r)
                        .labelled_by(ids[0]);
                    ui.add_sized([180.0, 20.0], egui::TextEdit::singleline(&mut row.name))
                        .labelled_by(r)
                        .labelled_by(ids[1]);
                    let error = row.lower.error.clone();
                    let number = NumberField::in_grid(FieldKind::Value, vec![r, ids[2]]).error(error.as_deref());
                    number_field_ui(ui, number, &mut row.lower.text, lang);
                    ui.checkbox(&mut row.inclusive, "").labelled_by(r).labelled_by(ids[3]);
                    if ui.button(lang.pick("Hapus baris", "Remove row")).labelled_by(r).clicked() {
                        remove = Some(i);
                    }
                    ui.end_row();
                }
            });
            ui.horizontal(|ui| {
                if ui.button(lang.pick("Tambah kategori", "Add band")).clicked() {
                    form.rows.push(BandRow { inclusive: true, ..Default::default() });
                }
                save = ui.button(lang.pick("Simpan kategori capaian", "Save achievement bands")).clicked();
            });
            for e in &form.errors {
                error_label(ui, &Some(e.clone()));
            }
        });
    if let Some(i) = remove {
        form.rows.remove(i);
    }
    if !save {
        return;
    }
    form.errors.clear();
    let mut new = Vec::new();
    for (i, row) in form.rows.iter_mut().enumerate() {
        row.lower.error = None;
        let lower = if row.lower.trimmed().is_empty() {
            None
        } else {
            match input::read_number(row.lower.trimmed(), lang) {
                Ok(r) => Some(r.value),
                Err(e) => {
                    row.lower.error = Some(e.message(lang));
                    form.errors.push(format!("{}: {}", row_label(i, lang), e.message(lang)));
                    continue;
                }
            }
        };
        new.push(AchievementBand {
            period: period.code.clone(),
            position: i as i64 + 1,
            code: row.code.trim().to_string(),
            name: row.name.trim().to_string(),
            lower,
            lower_inclusive: row.inclusive,
        });
    }
    if !form.errors.is_empty() {
        return;
    }
    let ordered: Vec<&AchievementBand> = new.iter().collect();
    for (i, rule) in whole_scale_rules(&ordered) {
        form.errors.push(format!("{}: {}", row_label(i, lang), crate::text::rule(&rule, lang)));
    }
    if !form.errors.is_empty() {
        return;
    }
    if new == stored {
        cx.status(Status::new(|lang| T::NothingChanged.get(lang).into()));
        return;
    }
    cx.apply(Change {
        description: format!("Kategori capaian periode {}", period.code),
        ops: vec![Op::SetBands { period: period.code.clone(), old: stored, new }],
    });
}
