//! An indicator's Renstra kondisi awal (baseline, with its year) and the target at the end of
//! the period (a range's two bounds), shown on the indicator's card and edited there in
//! *Sunting*.

use super::{change_line, dec_text, error_label, field_ui, pending_changes_ui, FormField};
use crate::calc::input;
use crate::calc::rules::baseline_rules;
use crate::domain::{Change, Dataset, Op, RenstraBaseline};
use crate::format::{self, Lang};
use crate::ui::strings::T;
use crate::ui::widgets::{FieldKind, NumberField};
use crate::ui::{Status, TabContext};
use rust_decimal::Decimal;

/// The baseline and end target as typed.
#[derive(Clone, Debug, Default)]
pub struct BaselineForm {
    pub baseline_year: FormField,
    pub baseline: FormField,
    pub end_target: FormField,
    pub end_target_high: FormField,
    /// What saving said of the whole (a range written high to low).
    pub error: Option<String>,
    /// *Hapus* was pressed and waits for *Ya, hapus*.
    pub confirm_removal: bool,
}

fn baseline_label(lang: Lang) -> &'static str {
    lang.pick("Kondisi awal", "Baseline")
}

fn baseline_year_label(lang: Lang) -> &'static str {
    lang.pick("Tahun kondisi awal", "Baseline year")
}

fn end_target_label(lang: Lang) -> &'static str {
    lang.pick("Target akhir Renstra", "Renstra end target")
}

fn end_target_high_label(lang: Lang) -> &'static str {
    lang.pick("Target akhir, batas atas", "End target, upper bound")
}

pub(crate) fn baseline_of<'a>(d: &'a Dataset, indicator: &str) -> Option<&'a RenstraBaseline> {
    d.baselines.iter().find(|b| b.indicator == indicator)
}

/// The card's rows (in its two-column grid): the baseline with its year and the end target
/// (`77–80` for a range); nothing where the indicator has none.
pub fn baseline_rows_ui(ui: &mut egui::Ui, baseline: Option<&RenstraBaseline>, lang: Lang) {
    let Some(b) = baseline else { return };
    if let Some(v) = b.baseline {
        ui.label(baseline_label(lang));
        let year = b.baseline_year.map(|y| format!(" ({y})")).unwrap_or_default();
        ui.label(format!("{}{year}", format::decimal(v, lang)));
        ui.end_row();
    }
    if let Some(low) = b.end_target {
        ui.label(end_target_label(lang));
        let high = b.end_target_high.map(|h| format!("–{}", format::decimal(h, lang))).unwrap_or_default();
        ui.label(format!("{}{high}", format::decimal(low, lang)));
        ui.end_row();
    }
}

/// An optional decimal field: empty is none.
fn read_optional(field: &mut FormField, lang: Lang) -> Option<Decimal> {
    field.error = None;
    if field.trimmed().is_empty() {
        return None;
    }
    match input::read_number(field.trimmed(), lang) {
        Ok(r) => Some(r.value),
        Err(e) => {
            field.error = Some(e.message(lang));
            None
        }
    }
}

pub fn baseline_form_ui(cx: &mut TabContext, ui: &mut egui::Ui, indicator: &str) {
    let lang = cx.lang;
    let d = cx.data.dataset();
    let Some(ind) = d.indicator(indicator).cloned() else { return };
    let stored = baseline_of(d, indicator).cloned();
    let form = cx.widgets.forms.baseline.entry(indicator.to_string()).or_insert_with(|| {
        let b = stored.as_ref();
        BaselineForm {
            baseline_year: FormField::new(b.and_then(|b| b.baseline_year).map(|y| y.to_string()).unwrap_or_default()),
            baseline: FormField::new(dec_text(b.and_then(|b| b.baseline), lang)),
            end_target: FormField::new(dec_text(b.and_then(|b| b.end_target), lang)),
            end_target_high: FormField::new(dec_text(b.and_then(|b| b.end_target_high), lang)),
            ..Default::default()
        }
    });
    ui.label(egui::RichText::new(lang.pick("Kondisi awal dan target akhir", "Baseline and end target")).strong());
    // A year is typed as it is written, never grouped (`2023`, not `2.023`).
    ui.horizontal(|ui| {
        let l = ui.add_sized([150.0, 20.0], egui::Label::new(baseline_year_label(lang)));
        ui.add(egui::TextEdit::singleline(&mut form.baseline_year.text).desired_width(80.0)).labelled_by(l.id);
        error_label(ui, &form.baseline_year.error);
    });
    let number = |label| NumberField::new(FieldKind::Value, label).satuan(&ind.satuan);
    field_ui(ui, number(baseline_label(lang)), &mut form.baseline, lang);
    field_ui(ui, number(end_target_label(lang)), &mut form.end_target, lang);
    // The upper bound belongs to a range; a stored one is shown whatever the polarity says.
    let range = ind.polarity.is_range() || stored.as_ref().is_some_and(|b| b.end_target_high.is_some());
    if range {
        field_ui(ui, number(end_target_high_label(lang)), &mut form.end_target_high, lang);
    }
    error_label(ui, &form.error);
    let old = |f: fn(&RenstraBaseline) -> Option<Decimal>| stored.as_ref().and_then(f);
    let pending: Vec<String> = [
        (baseline_label(lang), old(|b| b.baseline), &form.baseline.text),
        (end_target_label(lang), old(|b| b.end_target), &form.end_target.text),
        (end_target_high_label(lang), old(|b| b.end_target_high), &form.end_target_high.text),
    ]
    .into_iter()
    .filter_map(|(label, old, text)| change_line(label, old, text, lang))
    .collect();
    pending_changes_ui(ui, &pending, lang);
    let mut remove = false;
    let save = ui
        .horizontal(|ui| {
            let save = ui.button(lang.pick("Simpan kondisi awal", "Save baseline")).clicked();
            if stored.is_some() && ui.button(lang.pick("Hapus kondisi awal", "Remove baseline")).clicked() {
                form.confirm_removal = true;
            }
            save
        })
        .inner;
    if form.confirm_removal {
        ui.horizontal(|ui| {
            let question = crate::text::tr!(
                lang,
                "Hapus kondisi awal dan target akhir {indicator}?",
                "Remove the baseline and end target of {indicator}?"
            );
            ui.label(egui::RichText::new(question).color(ui.visuals().warn_fg_color).strong());
            if ui.button(lang.pick("Ya, hapus", "Yes, remove")).clicked() {
                remove = true;
                form.confirm_removal = false;
            }
            if ui.button(lang.pick("Batal", "Cancel")).clicked() {
                form.confirm_removal = false;
            }
        });
    }
    if remove {
        cx.apply(Change {
            description: format!("Hapus kondisi awal dan target akhir {indicator}: {}", ind.name),
            ops: vec![Op::SetBaseline { old: stored, new: None }],
        });
        return;
    }
    if !save {
        return;
    }
    form.error = None;
    form.baseline_year.error = None;
    let baseline_year = if form.baseline_year.trimmed().is_empty() {
        None
    } else {
        match form.baseline_year.trimmed().parse::<i64>() {
            Ok(y) if (1900..=2200).contains(&y) => Some(y),
            _ => {
                form.baseline_year.error = Some(
                    lang.pick(
                        "Tulis tahun empat angka antara 1900 dan 2200.",
                        "Write a four-digit year between 1900 and 2200.",
                    )
                    .into(),
                );
                None
            }
        }
    };
    let baseline = read_optional(&mut form.baseline, lang);
    let end_target = read_optional(&mut form.end_target, lang);
    let end_target_high = if range { read_optional(&mut form.end_target_high, lang) } else { None };
    let fields = [&form.baseline_year, &form.baseline, &form.end_target, &form.end_target_high];
    if fields.iter().any(|f| f.error.is_some()) {
        return;
    }
    let new = RenstraBaseline {
        indicator: indicator.to_string(),
        baseline_year,
        baseline,
        end_target,
        end_target_high,
        note: stored.as_ref().map(|b| b.note.clone()).unwrap_or_default(),
    };
    if let Some((_, rule)) = baseline_rules(&new).first() {
        form.error = Some(crate::text::rule(rule, lang));
        return;
    }
    let empty = new.baseline_year.is_none()
        && new.baseline.is_none()
        && new.end_target.is_none()
        && new.end_target_high.is_none()
        && new.note.is_empty();
    // An emptied form removes nothing: *Hapus* does, after asking.
    let new = if empty { None } else { Some(new) };
    if new.is_none() && stored.is_some() {
        form.error = Some(super::empty_removes_nothing(lang));
        return;
    }
    if new == stored {
        cx.status(Status::new(|lang| T::NothingChanged.get(lang).into()));
        return;
    }
    cx.apply(Change {
        description: format!("Kondisi awal dan target akhir {indicator}: {}", ind.name),
        ops: vec![Op::SetBaseline { old: stored, new }],
    });
}
