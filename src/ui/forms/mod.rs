//! The forms of *Sunting* mode, one per file, each a typed struct with named fields. A form
//! reads what is typed as it is typed (shown beside the field), says what *Simpan* will change
//! (old → new), validates beside the field, and turns a valid form into one [`Change`] sent as a
//! command (one transaction, one undo step).
//!
//! A change's description is the office's record, in Indonesian whatever the window's language
//! (docs/architecture.md, "Localisation"); the English window words it from its operations.

pub mod add_program;
pub mod asset;
pub mod bands;
pub mod baseline;
pub mod budget_amounts;
pub mod budget_class;
pub mod budget_line;
pub mod history;
pub mod indicator_year;
pub mod narrative;
pub mod notes;
pub mod quarters;
pub mod raw_figures;
pub mod renstra_structure;
pub mod settings;
pub mod staff;
pub mod targets;

use super::strings::T;
use super::widgets::{number_field_ui, NumberField};
use crate::calc::input;
use crate::domain::{Money, Year};
use crate::format::{self, Lang};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// One field of a form: the text as typed and what validation said of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormField {
    pub text: String,
    pub error: Option<String>,
}

impl FormField {
    pub fn new(text: impl Into<String>) -> FormField {
        FormField { text: text.into(), error: None }
    }

    /// The typed text without the spaces around it.
    pub fn trimmed(&self) -> &str {
        self.text.trim()
    }
}

/// What is being typed into every open form, by form and record. Emptied when the data changes
/// (the forms are filled again from it) and when the language changes (a typed `1.500` means
/// another number in the other language).
#[derive(Debug, Default)]
pub struct Forms {
    pub targets: HashMap<String, targets::TargetsForm>,
    pub indicator_year: HashMap<(String, Year), indicator_year::IndicatorYearForm>,
    pub budget_amounts: HashMap<(Year, String), budget_amounts::BudgetAmountsForm>,
    pub quarters: HashMap<(String, Year), quarters::QuartersForm>,
    pub budget_line: HashMap<(Year, String), budget_line::BudgetLineForm>,
    pub budget_class: HashMap<(Year, String), budget_class::BudgetClassForm>,
    /// The Renstra baseline and end target of an indicator, by its code.
    pub baseline: HashMap<String, baseline::BaselineForm>,
    /// The achievement scale of a Renstra period, by its code.
    pub bands: HashMap<String, bands::BandsForm>,
    pub add_program: HashMap<Year, add_program::AddProgramForm>,
    pub raw_figures: HashMap<(String, Year), raw_figures::RawFiguresForm>,
    pub notes: HashMap<(String, Year), notes::NotesForm>,
    pub staff: HashMap<Year, staff::StaffForm>,
    pub asset: HashMap<(Year, String), asset::AssetForm>,
    pub names: HashMap<String, renstra_structure::NameForm>,
    pub indicators: HashMap<String, renstra_structure::IndicatorForm>,
    pub settings: Option<settings::SettingsForm>,
    /// Open editors of the report's text, by year and section key.
    pub narrative: HashMap<(Year, String), narrative::NarrativeForm>,
}

impl Forms {
    pub fn clear(&mut self) {
        *self = Forms::default();
    }
}

/// Said when a field of a stored value is emptied and saved: emptying never removes.
pub(crate) fn empty_removes_nothing(lang: Lang) -> String {
    lang.pick(
        "Kolom kosong tidak menghapus nilai; tekan Hapus di sebelahnya untuk menghapusnya.",
        "An empty field removes nothing; press Remove next to it to remove the value.",
    )
    .into()
}

/// A stored value's field with its *Hapus* button, and once pressed the question with *Ya,
/// hapus* and *Batal*; `true` when the removal is confirmed. `confirm` is the form's memory of
/// the field whose removal is being asked about.
pub(crate) fn removable_field_ui(
    ui: &mut egui::Ui,
    field: NumberField<'_>,
    value: &mut FormField,
    (index, confirm): (usize, &mut Option<usize>),
    stored: bool,
    question: &str,
    lang: Lang,
) -> bool {
    ui.horizontal(|ui| {
        let error = value.error.clone();
        number_field_ui(ui, field.error(error.as_deref()), &mut value.text, lang);
        if stored && ui.button(lang.pick("Hapus", "Remove")).clicked() {
            *confirm = Some(index);
        }
    });
    if *confirm != Some(index) {
        return false;
    }
    let mut confirmed = false;
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(question).color(ui.visuals().warn_fg_color).strong());
        if ui.button(lang.pick("Ya, hapus", "Yes, remove")).clicked() {
            confirmed = true;
            *confirm = None;
        }
        if ui.button(lang.pick("Batal", "Cancel")).clicked() {
            *confirm = None;
        }
    });
    confirmed
}

/// A number field of a form, with its error beside it.
pub(crate) fn field_ui(ui: &mut egui::Ui, field: NumberField<'_>, value: &mut FormField, lang: Lang) {
    let error = value.error.clone();
    number_field_ui(ui, field.error(error.as_deref()), &mut value.text, lang);
}

pub(crate) fn error_label(ui: &mut egui::Ui, e: &Option<String>) {
    if let Some(e) = e {
        ui.label(egui::RichText::new(e).color(ui.visuals().error_fg_color));
    }
}

pub(crate) fn dec_text(v: Option<Decimal>, lang: Lang) -> String {
    v.map(|v| format::decimal(v, lang)).unwrap_or_default()
}

pub(crate) fn money_text(v: Option<Money>, lang: Lang) -> String {
    v.map(|m| format::number(m.decimal(), if m.decimal().fract().is_zero() { 0 } else { 2 }, lang)).unwrap_or_default()
}

pub(crate) fn warnings_ui(ui: &mut egui::Ui, warnings: &[String], lang: Lang) {
    for w in warnings {
        ui.label(egui::RichText::new(format!("{}: {w}", T::Warning.get(lang))).color(ui.visuals().warn_fg_color));
    }
}

/// A line of what *Simpan* would change: `Target 2025: 76,00 → 76,25`, when the typed text reads
/// as a number other than the stored one (an unreadable text says so beside its field instead).
pub(crate) fn change_line(label: &str, old: Option<Decimal>, text: &str, lang: Lang) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let new = input::read_number(text, lang).ok()?.value;
    if old == Some(new) {
        return None;
    }
    let old = old.map_or_else(|| "–".to_string(), |v| format::decimal(v, lang));
    Some(format!("{label}: {old} → {}", format::decimal(new, lang)))
}

/// Money stored as sen: shown with decimals only when it has them.
pub(crate) fn money_change_line(label: &str, old: Option<Money>, text: &str, lang: Lang) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let (new, _) = input::read_money(text, lang).ok()?;
    if old == Some(new) {
        return None;
    }
    let old = old.map_or_else(|| "–".to_string(), |m| money_text(Some(m), lang));
    Some(format!("{label}: {old} → {}", money_text(Some(new), lang)))
}

/// What *Simpan* will change, shown above the button before it is pressed.
pub(crate) fn pending_changes_ui(ui: &mut egui::Ui, lines: &[String], lang: Lang) {
    if lines.is_empty() {
        return;
    }
    ui.label(egui::RichText::new(crate::text::tr!(lang, "Yang berubah saat Simpan:", "What Save changes:")).strong());
    for line in lines {
        ui.label(line);
    }
}
