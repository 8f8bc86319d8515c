//! Constraints, efforts, plans and supporting factors of an indicator in a year.

use super::{error_label, FormField};
use crate::domain::*;
use crate::ui::strings::T;
use crate::ui::TabContext;

/// The kinds of notes, with their stored code and title.
const KINDS: [(&str, T); 4] =
    [("kendala", T::Kendala), ("upaya", T::Upaya), ("rencana", T::Rencana), ("faktor_pendukung", T::FaktorPendukung)];

/// A new note: its kind and text, as typed.
#[derive(Clone, Debug)]
pub struct NotesForm {
    /// The stored code of the kind (`kendala`, …).
    pub kind: String,
    pub text: FormField,
}

pub fn notes_form_ui(cx: &mut TabContext, ui: &mut egui::Ui, indicator: &str) {
    let (lang, year) = (cx.lang, cx.year);
    let subject = format!("indicator:{indicator}");
    let notes: Vec<Note> =
        cx.data.dataset().notes.iter().filter(|n| n.subject == subject && n.year == year).cloned().collect();
    let form = cx
        .widgets
        .forms
        .notes
        .entry((indicator.to_string(), year))
        .or_insert_with(|| NotesForm { kind: "kendala".into(), text: FormField::default() });
    let mut changes = Vec::new();
    for n in &notes {
        ui.horizontal_wrapped(|ui| {
            if ui.small_button("✖").on_hover_text(lang.pick("Hapus", "Remove")).clicked() {
                changes.push(Change {
                    description: format!("Hapus {} {}", n.kind, n.position),
                    ops: vec![Op::RemoveNote(n.clone())],
                });
            }
            let kind = KINDS.iter().find(|(k, _)| *k == n.kind).map_or(n.kind.as_str(), |(_, t)| t.get(lang));
            ui.label(format!("{kind} {}:", n.position));
            ui.add(egui::Label::new(&n.text).wrap());
        });
    }
    ui.horizontal(|ui| {
        let shown = KINDS.iter().find(|(k, _)| *k == form.kind).map_or(form.kind.as_str(), |(_, t)| t.get(lang));
        egui::ComboBox::from_id_salt(("note_kind", indicator, year)).selected_text(shown).show_ui(ui, |ui| {
            for (k, label) in KINDS {
                ui.selectable_value(&mut form.kind, k.to_string(), label.get(lang));
            }
        });
        let l = ui.label(lang.pick("Teks", "Text"));
        ui.add(egui::TextEdit::multiline(&mut form.text.text).desired_rows(2).desired_width(420.0)).labelled_by(l.id);
        if ui.button(lang.pick("Tambahkan catatan", "Add the note")).clicked() {
            if form.text.trimmed().is_empty() {
                form.text.error = Some(lang.pick("Teks wajib diisi.", "The text is required.").into());
            } else {
                form.text.error = None;
                let kind = form.kind.clone();
                let position = notes.iter().filter(|n| n.kind == kind).map(|n| n.position).max().unwrap_or(0) + 1;
                let n = Note {
                    year,
                    subject: subject.clone(),
                    kind: kind.clone(),
                    position,
                    text: form.text.trimmed().into(),
                };
                changes.push(Change { description: format!("Tambah {kind}"), ops: vec![Op::AddNote(n)] });
            }
        }
        error_label(ui, &form.text.error);
    });
    for c in changes {
        cx.apply(c);
    }
}
