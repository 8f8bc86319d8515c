//! A section of the report's text (*Laporan*, *Sunting*): its editor, opened by *Ubah* (or
//! *Tulis* for a section without text), checked as it is typed with the import's check
//! (`app::narrative::edit_change`: every reference readable and naming a figure of the data),
//! with what *Simpan* changes; an empty text removes the section after a question.

use super::{error_label, pending_changes_ui, FormField};
use crate::domain::{Change, SectionKey, Year};
use crate::format::{self, Lang};
use crate::text::tr;
use crate::ui::strings::T;
use crate::ui::TabContext;

/// The editor's height beyond which it scrolls.
const EDITOR_HEIGHT: f32 = 360.0;

/// The editor of one section: the text as typed and what its check said.
#[derive(Clone, Debug, Default)]
pub struct NarrativeForm {
    /// The text, and the check's problems as its error.
    pub text: FormField,
    /// The text `text.error`, `change` and `summary` were worked out for.
    checked: Option<String>,
    /// The change *Simpan* sends, when the text passes its check.
    change: Option<Change>,
    /// What *Simpan* changes, old → new.
    summary: Vec<String>,
    /// *Simpan* of an empty text asks before the section is removed.
    confirm_remove: bool,
}

/// *Ubah* (or *Tulis*, for a section without text) beside a section's title: opens its editor
/// with the stored text.
pub fn open_button_ui(cx: &mut TabContext, ui: &mut egui::Ui, key: &SectionKey, stored: Option<&str>) {
    let (lang, year) = (cx.lang, cx.year);
    let id = (year, key.key());
    if cx.widgets.forms.narrative.contains_key(&id) {
        return;
    }
    let label = if stored.is_some() { T::NarrativeEdit } else { T::NarrativeWrite };
    if ui.small_button(label.get(lang)).clicked() {
        let form = NarrativeForm { text: FormField::new(stored.unwrap_or_default()), ..NarrativeForm::default() };
        cx.widgets.forms.narrative.insert(id, form);
    }
}

/// Whether the editor of section `key` is open.
pub fn is_open(cx: &TabContext, key: &SectionKey) -> bool {
    cx.widgets.forms.narrative.contains_key(&(cx.year, key.key()))
}

/// The open editor of section `key`, with the reference problems beside the field and what
/// *Simpan* changes above the button.
pub fn narrative_form_ui(cx: &mut TabContext, ui: &mut egui::Ui, key: &SectionKey) {
    let (lang, year) = (cx.lang, cx.year);
    let id = (year, key.key());
    let stored = cx.data.dataset().narrative_section(year, key).map(|n| n.text.clone());
    let Some(form) = cx.widgets.forms.narrative.get_mut(&id) else { return };
    if form.checked.as_deref() != Some(form.text.text.as_str()) {
        check(form, cx.data.dataset(), year, key, stored.as_deref(), lang);
    }
    let l = ui.label(T::NarrativeField.get(lang));
    let rows = form.text.text.lines().count().clamp(6, 16);
    // A long section scrolls inside its editor, so that Simpan stays near.
    egui::ScrollArea::vertical().id_salt(("narrative_editor", year, key.key())).max_height(EDITOR_HEIGHT).show(
        ui,
        |ui| {
            ui.add(
                egui::TextEdit::multiline(&mut form.text.text)
                    .id_salt(("narrative", year, key.key()))
                    .desired_rows(rows)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
        },
    );
    error_label(ui, &form.text.error);
    pending_changes_ui(ui, &form.summary, lang);
    let mut save = false;
    let mut close = false;
    ui.horizontal(|ui| {
        let valid = form.text.error.is_none();
        if ui.add_enabled(valid, egui::Button::new(T::Save.get(lang))).clicked() {
            save = true;
        }
        if ui.button(T::Cancel.get(lang)).clicked() {
            close = true;
        }
        if form.change.as_ref().is_some_and(|c| c.ops.is_empty()) {
            ui.label(T::NarrativeUnchanged.get(lang));
        }
    });
    let removes = form.text.trimmed().is_empty();
    let mut send = None;
    if save {
        match form.change.clone() {
            Some(c) if c.ops.is_empty() => close = true,
            Some(_) if removes && !form.confirm_remove => form.confirm_remove = true,
            Some(c) if !removes => send = Some(c),
            _ => {}
        }
    }
    let mut remove = false;
    if form.confirm_remove && removes {
        ui.horizontal(|ui| {
            ui.label(
                egui::RichText::new(T::NarrativeRemoveQuestion.get(lang)).color(ui.visuals().warn_fg_color).strong(),
            );
            if ui.button(T::NarrativeYesRemove.get(lang)).clicked() {
                remove = true;
            }
            if ui.button(T::Cancel.get(lang)).clicked() {
                form.confirm_remove = false;
            }
        });
    }
    if remove {
        send = form.change.clone();
    }
    if let Some(c) = send {
        cx.apply(c);
    }
    if close {
        cx.widgets.forms.narrative.remove(&id);
    }
}

/// Checks the typed text as the import does and works out what *Simpan* changes.
fn check(
    form: &mut NarrativeForm,
    d: &crate::domain::Dataset,
    year: Year,
    key: &SectionKey,
    stored: Option<&str>,
    lang: Lang,
) {
    form.checked = Some(form.text.text.clone());
    form.confirm_remove = false;
    match crate::app::narrative::edit_change(d, year, key, &form.text.text) {
        Ok(change) => {
            form.text.error = None;
            form.summary = if change.ops.is_empty() { Vec::new() } else { summary(stored, form.text.trimmed(), lang) };
            form.change = Some(change);
        }
        Err(e) => {
            form.text.error = Some(e.message(lang));
            form.summary = Vec::new();
            form.change = None;
        }
    }
}

fn paragraphs(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Old → new: characters and paragraphs, and the first paragraph that differs.
fn summary(old: Option<&str>, new: &str, lang: Lang) -> Vec<String> {
    let count = |t: Option<&str>| {
        let t = t.unwrap_or_default();
        let chars = format::number(t.chars().count().into(), 0, lang);
        tr!(lang, "{chars} karakter, {} paragraf", "{chars} characters, {} paragraph(s)", paragraphs(t).len())
    };
    let new_opt = (!new.is_empty()).then_some(new);
    let mut out = vec![format!("{} → {}", count(old), count(new_opt))];
    let (a, b) = (paragraphs(old.unwrap_or_default()), paragraphs(new));
    let first = (0..a.len().max(b.len())).find(|&i| a.get(i) != b.get(i));
    if let Some(i) = first {
        let n = i + 1;
        let excerpt = |p: Option<&String>| match p {
            Some(p) if p.chars().count() > 90 => format!("«{}…»", p.chars().take(90).collect::<String>()),
            Some(p) => format!("«{p}»"),
            None => "–".to_string(),
        };
        out.push(tr!(lang, "Paragraf {n} berubah:", "Paragraph {n} changes:"));
        out.push(format!("{} → {}", excerpt(a.get(i)), excerpt(b.get(i))));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_save_changes_in_characters_and_paragraphs() {
        let old = "Satu dua.\n\nTiga.";
        let new = "Satu dua.\n\nTiga empat.\n\nLima.";
        assert_eq!(
            summary(Some(old), new, Lang::Id),
            vec![
                "16 karakter, 2 paragraf → 29 karakter, 3 paragraf".to_string(),
                "Paragraf 2 berubah:".to_string(),
                "«Tiga.» → «Tiga empat.»".to_string(),
            ]
        );
        assert_eq!(summary(None, "A", Lang::En)[0], "0 characters, 0 paragraph(s) → 1 characters, 1 paragraph(s)");
        assert_eq!(summary(Some("A"), "", Lang::En)[2], "«A» → –");
    }
}
