//! The windows over the tabs. Each draws from a narrow [`DialogContext`] and sends
//! [`Command`]s; what they start (a save, an import, a demo city) is carried out by the
//! application's handler.

pub mod budget_import;
pub mod demo;
pub mod save;

pub use budget_import::BudgetImportDialog;
pub use demo::DemoDialog;
pub use save::{SaveDialog, SaveRequest};

use super::strings::T;
use super::{Command, Dialog, Loaded, Mode};
use crate::domain::Change;
use crate::format::Lang;
use crate::storage::{Conflict, EditError};
use std::path::PathBuf;

/// The dialogs, each `Some` (or `true`) while open.
#[derive(Default)]
pub struct Dialogs {
    pub about: bool,
    /// *Impor dataset…*: its path field.
    pub import_dataset: Option<String>,
    pub save: Option<SaveDialog>,
    pub demo: Option<DemoDialog>,
    pub budget_import: Option<BudgetImportDialog>,
    /// A change waiting for the user's name (asked once), with the name as typed.
    pub name_prompt: Option<(String, Change)>,
    /// A change that met another writer's: what to keep.
    pub conflict: Option<ConflictDialog>,
}

/// A change refused because someone else changed its record in the meantime: the change as the
/// user made it and the conflict (old → theirs → yours, and the change rebased over theirs).
pub struct ConflictDialog {
    pub change: Change,
    pub conflict: EditError,
}

/// What a dialog may see and do.
pub struct DialogContext<'a> {
    pub lang: Lang,
    pub mode: Mode,
    /// Long work is running in the background.
    pub busy: bool,
    pub data: Option<&'a Loaded>,
    /// Where the open database is.
    pub location: &'a crate::app::Location,
    /// The folder *Simpan sebagai…* last wrote into.
    pub save_dir: Option<&'a str>,
    pub(super) commands: &'a mut Vec<Command>,
}

impl DialogContext<'_> {
    pub fn send(&mut self, c: Command) {
        self.commands.push(c);
    }
}

/// Draws every open dialog.
pub fn dialogs_ui(dialogs: &mut Dialogs, cx: &mut DialogContext, ctx: &egui::Context) {
    if dialogs.about {
        about_ui(cx, ctx);
    }
    if let Some((name, _)) = &mut dialogs.name_prompt {
        name_prompt_ui(name, cx, ctx);
    }
    if let Some(d) = &dialogs.conflict {
        conflict_ui(d, cx, ctx);
    }
    if let Some(d) = &mut dialogs.save {
        save::save_dialog_ui(d, cx, ctx);
    }
    if let Some(path) = &mut dialogs.import_dataset {
        import_dataset_ui(path, cx, ctx);
    }
    if let Some(d) = &mut dialogs.demo {
        demo::demo_dialog_ui(d, cx, ctx);
    }
    if let Some(d) = &mut dialogs.budget_import {
        if cx.mode == Mode::Sunting {
            budget_import::budget_import_ui(d, cx, ctx);
        }
    }
}

/// Asked once, before the first change is written: the name the audit trail records.
fn name_prompt_ui(name: &mut String, cx: &mut DialogContext, ctx: &egui::Context) {
    let lang = cx.lang;
    egui::Window::new(T::AskNameTitle.get(lang)).collapsible(false).resizable(false).show(ctx, |ui| {
        let label = ui.label(T::AskName.get(lang));
        ui.add(egui::TextEdit::singleline(name).desired_width(260.0)).labelled_by(label.id);
        ui.horizontal(|ui| {
            if ui.add_enabled(!name.trim().is_empty(), egui::Button::new(T::Continue.get(lang))).clicked() {
                cx.send(Command::NameGiven(name.clone()));
            }
            if ui.button(T::Cancel.get(lang)).clicked() {
                cx.send(Command::CloseDialog(Dialog::NamePrompt));
            }
        });
    });
}

/// What another writer changed: the record, what the user's form started from, what is there
/// now and what the user entered; keep theirs or write mine over it.
fn conflict_ui(d: &ConflictDialog, cx: &mut DialogContext, ctx: &egui::Context) {
    let lang = cx.lang;
    let EditError::Conflict(c) = &d.conflict else { return };
    let Conflict { record, field, old, theirs, new, by, rebased } = c.as_ref();
    let mut open = true;
    egui::Window::new(T::ConflictTitle.get(lang)).collapsible(false).resizable(false).open(&mut open).show(ctx, |ui| {
        ui.label(T::ConflictHelp.get(lang));
        egui::Grid::new("conflict").num_columns(2).show(ui, |ui| {
            let mut row = |name: T, value: &str| {
                ui.label(name.get(lang));
                ui.label(value);
                ui.end_row();
            };
            row(T::ConflictRecord, &format!("{record} {field}"));
            row(T::ConflictOld, &format!("'{old}'"));
            row(T::ConflictTheirs, &format!("'{theirs}'"));
            row(T::ConflictYours, &format!("'{new}'"));
            if let Some((user, at)) = by {
                row(T::ConflictBy, &format!("{user}, {at}"));
            }
        });
        ui.horizontal(|ui| {
            if ui.button(T::KeepTheirs.get(lang)).clicked() {
                cx.send(Command::ResolveConflict { write_mine: false });
            }
            if ui.add_enabled(rebased.is_some(), egui::Button::new(T::WriteMine.get(lang))).clicked() {
                cx.send(Command::ResolveConflict { write_mine: true });
            }
        });
    });
    if !open {
        cx.send(Command::ResolveConflict { write_mine: false });
    }
}

/// *Impor dataset…*: a path field (always works) and the native dialog where there is one.
fn import_dataset_ui(path: &mut String, cx: &mut DialogContext, ctx: &egui::Context) {
    let lang = cx.lang;
    let mut open = true;
    egui::Window::new(T::ImportDataset.get(lang)).collapsible(false).open(&mut open).show(ctx, |ui| {
        ui.label(T::ImportHelp.get(lang));
        ui.horizontal(|ui| {
            let label = ui.label(T::PathLabel.get(lang));
            ui.add(egui::TextEdit::singleline(path).desired_width(420.0)).labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            if ui.button(T::ChooseWorkbook.get(lang)).clicked() {
                if let Some(p) = rfd::FileDialog::new().add_filter("Excel", &["xlsx"]).pick_file() {
                    *path = p.display().to_string();
                }
            }
            if ui.button(T::ChooseFolder.get(lang)).clicked() {
                if let Some(p) = rfd::FileDialog::new().pick_folder() {
                    *path = p.display().to_string();
                }
            }
        });
        ui.separator();
        let ready = !path.trim().is_empty() && !cx.busy;
        if ui.add_enabled(ready, egui::Button::new(T::ImportStart.get(lang))).clicked() {
            cx.send(Command::ImportDataset(PathBuf::from(path.trim())));
        }
    });
    if !open {
        cx.send(Command::CloseDialog(Dialog::ImportDataset));
    }
}

fn about_ui(cx: &mut DialogContext, ctx: &egui::Context) {
    let lang = cx.lang;
    let mut open = true;
    egui::Window::new(T::About.get(lang)).collapsible(false).resizable(false).open(&mut open).show(ctx, |ui| {
        ui.heading("Kinerja");
        ui.label(lang.pick(
            "Data akuntabilitas kinerja (SAKIP) dan Laporan Kinerja (LKIP) perangkat daerah.",
            "Performance-accountability (SAKIP) data and performance reports (LKIP) of a regional office.",
        ));
        egui::Grid::new("about_grid").num_columns(2).show(ui, |ui| {
            ui.label(T::Version.get(lang));
            ui.label(crate::build_info::VERSION);
            ui.end_row();
            ui.label(T::Commit.get(lang));
            ui.label(format!("{} {}", crate::build_info::COMMIT, crate::build_info::COMMIT_DATE));
            ui.end_row();
            ui.label(T::Database.get(lang));
            ui.label(cx.location.shown());
            ui.end_row();
            if let Some(l) = cx.data {
                ui.label(T::SchemaVersion.get(lang));
                ui.label(l.schema_version.map(|v| v.to_string()).unwrap_or_default());
                ui.end_row();
            }
        });
        ui.separator();
        ui.label(T::DemoHint.get(lang));
        if ui.add_enabled(!cx.busy, egui::Button::new(T::DemoButton.get(lang))).clicked() {
            cx.send(Command::OpenDialog(Dialog::Demo));
        }
    });
    if !open {
        cx.send(Command::CloseDialog(Dialog::About));
    }
}
