//! Background work: starting each kind of job from what the dialogs hold, and taking their
//! outcomes — the one place where those are handled.

use super::KinerjaApp;
use crate::app::Location;
use crate::format::Lang;
use crate::storage::{StorageError, Store};
use crate::ui::dialogs::save;
use crate::ui::jobs::{Job, JobKind, Outcome};
use crate::ui::strings::T;
use crate::ui::Status;
use std::path::PathBuf;

impl KinerjaApp {
    /// Checks the open file on a thread of its own when it was opened without the check.
    pub(super) fn start_integrity_check(&mut self) {
        let Ok(l) = &self.data else { return };
        if !l.session.integrity_pending || self.work.integrity.is_some() {
            return;
        }
        // A server checks its own data: only a file is opened with its check pending.
        let Some(path) = self.location.file().map(std::path::Path::to_path_buf) else { return };
        self.work.integrity =
            Some(Job::spawn(JobKind::Integrity, move |_| Outcome::Integrity(crate::storage::check_file(&path))));
    }

    /// Takes the result of the integrity check when it has come.
    pub(super) fn poll_integrity(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.work.integrity else { return };
        let Some(outcome) = job.take_outcome() else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        };
        self.work.integrity = None;
        self.finish_job(JobKind::Integrity, outcome);
    }

    /// Takes the result of the user's background work when it has come.
    pub(super) fn poll_job(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.work.job else { return };
        let Some(outcome) = job.take_outcome() else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        };
        let kind = job.kind;
        self.work.job = None;
        self.finish_job(kind, outcome);
    }

    /// *Buka folder*: the folder of the last file written, in the system's file manager.
    pub(super) fn open_saved_folder(&mut self) {
        let Some(p) = self.status.saved_path.clone() else { return };
        if self.work.opening_folder.is_some() {
            return;
        }
        // Asked of the file system on the click, not in every frame.
        let dir = if p.is_dir() { p.clone() } else { p.parent().map_or(p.clone(), |d| d.to_path_buf()) };
        match save::open_folder(&dir) {
            Ok(child) => self.work.opening_folder = Some((child, dir)),
            Err(e) => self.set_status(Status::new(|lang| save::open_folder_failed(&dir, &e.to_string(), lang))),
        }
    }

    /// Says in the status line whether *Buka folder* worked, once the file manager's launcher
    /// has answered.
    pub(super) fn poll_open_folder(&mut self, ctx: &egui::Context) {
        let Some((child, dir)) = &mut self.work.opening_folder else { return };
        let status = match child.try_wait() {
            Ok(None) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
            // Explorer exits with 1 even when it opened the folder.
            Ok(Some(exit)) => Status::new(|lang| {
                if exit.success() || cfg!(target_os = "windows") {
                    save::open_folder_done(dir, lang)
                } else {
                    save::open_folder_failed(dir, &exit.to_string(), lang)
                }
            }),
            Err(e) => Status::new(|lang| save::open_folder_failed(dir, &e.to_string(), lang)),
        };
        self.work.opening_folder = None;
        // The folder stays offered: the message about it replaces the one about the file.
        let saved = self.status.saved_path.take();
        self.set_status(status);
        self.status.saved_path = saved;
    }

    fn integrity_verdict(&mut self, verdict: Result<(), String>) {
        match verdict {
            Ok(()) => {
                if let Ok(l) = &mut self.data {
                    l.session.integrity_confirmed();
                    if l.session.read_only.is_none() {
                        if let Some(mode) = self.work.mode_after_check.take() {
                            self.state.mode = mode;
                        }
                    }
                }
            }
            Err(detail) => {
                // Nothing was written: the session was read-only until now. Close it (and its
                // lock) and offer the backups, as when the check runs before opening.
                match self.location.file() {
                    Some(path) => {
                        let e = crate::app::OpenError::damaged(path, detail);
                        self.show_open_error(e);
                    }
                    None => self.data = Err(detail),
                }
            }
        }
    }

    /// Reads and validates the dataset at `source` and stores it, all on a thread of its own with
    /// a connection of its own; the window goes on meanwhile.
    pub(super) fn start_import(&mut self, source: PathBuf) {
        if self.work.job.is_some() {
            return;
        }
        if self.data.as_ref().is_ok_and(|l| l.session.read_only.is_some()) {
            self.set_status(Status::new(|lang| T::ImportReadOnly.get(lang).into()));
            return;
        }
        if !self.reopenable() {
            self.set_status(Status::new(|lang| T::ImportNeedsFile.get(lang).into()));
            return;
        }
        let lang = self.lang();
        let db = self.location.clone();
        let user = self.audit_user().unwrap_or_default();
        self.dialogs.import_dataset = None;
        self.work.job = Some(Job::spawn(JobKind::Import, move |p| {
            if !p.report(0.05, &source.display().to_string()) {
                return Outcome::Cancelled;
            }
            let mut dataset = match crate::interchange::read_path(&source) {
                Ok(d) => d,
                Err(problems) => return Outcome::Failed(Status::new(|lang| problems.render(lang))),
            };
            let kept = open_store(&db)
                .map_err(Into::into)
                .and_then(|store| crate::interchange::keep_stored_phones(&store, &mut dataset));
            if let Err(e) = kept {
                return Outcome::Failed(Status::new(|lang| e.message(lang)));
            }
            if !p.report(0.5, T::Storing.get(lang)) {
                return Outcome::Cancelled;
            }
            let saved = open_store(&db).and_then(|mut store| {
                // Replacing an office's data: a file is copied first (a server's backups are
                // its administrator's).
                let backup = match store.office_id(&dataset.office.code)? {
                    Some(_) if store.path().is_some() => Some(store.backup("sebelum-impor")?),
                    _ => None,
                };
                store.import_dataset(&dataset, &user, &|| !p.cancelled()).map(|_| backup)
            });
            match saved {
                Ok(backup) => {
                    Outcome::Imported { code: dataset.office.code.clone(), name: dataset.office.name.clone(), backup }
                }
                Err(crate::storage::StorageError::Cancelled) => Outcome::Cancelled,
                Err(e) => Outcome::Failed(Status::new(|lang| e.message(lang))),
            }
        }));
    }

    pub(super) fn start_city_check(&mut self) {
        if self.work.job.is_some() {
            return;
        }
        if !self.reopenable() {
            self.set_status(Status::new(|lang| T::ImportNeedsFile.get(lang).into()));
            return;
        }
        let db = self.location.clone();
        self.work.job = Some(Job::spawn(JobKind::CityCheck, move |p| {
            let progress =
                |done: usize, total: usize| p.report(done as f32 / total.max(1) as f32, &format!("{done} / {total}"));
            let checked = match &db {
                Location::File(path) => crate::app::city::check_city(path, &progress),
                Location::Server(_) => open_store(&db).and_then(|s| crate::app::city::check_city_in(&s, &progress)),
            };
            match checked {
                Ok(r) => Outcome::CityChecked(r),
                Err(crate::storage::StorageError::Cancelled) => Outcome::Cancelled,
                Err(e) => Outcome::Failed(Status::new(|lang| e.message(lang))),
            }
        }));
    }

    /// Checks the open *Simpan sebagai…* and starts the save as a background job (the whole
    /// export for the LKIP), remembering the folder; an error stays in the dialog.
    pub(super) fn start_save(&mut self) {
        let lang = self.lang();
        let Some(dialog) = self.dialogs.save.as_mut() else { return };
        if self.work.job.is_some() {
            dialog.error = Some(save::busy_message(lang));
            return;
        }
        let Ok(l) = &mut self.data else { return };
        match save::prepare(dialog, l, lang) {
            Err(e) => dialog.error = Some(e),
            Ok(order) => {
                if let Some(dir) = order.folder_to_remember() {
                    self.state.save_dir = Some(dir);
                }
                self.dialogs.save = None;
                self.work.job = Some(order.spawn(lang));
            }
        }
    }

    /// Generates the demo city the open dialog describes, on a thread of its own.
    pub(super) fn start_demo(&mut self) {
        let lang = self.lang();
        let Some(dialog) = self.dialogs.demo.as_mut() else { return };
        if self.work.job.is_some() {
            dialog.error = Some(save::busy_message(lang));
            return;
        }
        match dialog.order(self.location.file(), lang) {
            Err(e) => dialog.error = Some(e),
            Ok(order) => {
                self.dialogs.demo = None;
                self.work.job = Some(order.spawn(lang));
            }
        }
    }

    /// Starts reading the spreadsheet of *Impor realisasi…* on a thread of its own (a
    /// finance-system export can be large); the outcome fills the dialog.
    pub(super) fn read_budget_sheet(&mut self) {
        let lang = self.lang();
        let busy = self.work.job.is_some();
        let Some(dialog) = self.dialogs.budget_import.as_mut() else { return };
        if let Some(job) = dialog.read(busy, lang) {
            self.work.job = Some(job);
        }
    }

    /// Takes the result of a background job: the one place where their outcomes are handled.
    pub fn finish_job(&mut self, kind: JobKind, outcome: Outcome) {
        match outcome {
            Outcome::Exported(dir) => {
                self.set_status(Status::new(|lang| {
                    format!("{} {}", lang.pick("Ekspor LKIP selesai:", "LKIP export done:"), dir.display())
                }));
                self.status.saved_path = Some(dir);
            }
            Outcome::Saved(path) => {
                self.set_status(Status::new(|lang| {
                    format!("{} {}", lang.pick("Tersimpan di", "Saved to"), path.display())
                }));
                self.status.saved_path = Some(path);
            }
            Outcome::Imported { code, name, backup } => {
                // Show the office just imported, with the data as it is now in the file.
                self.state.office = Some(code);
                self.open_database(self.location.clone());
                self.set_status(Status::new(|lang| {
                    let replaced = backup.as_ref().map_or_else(String::new, |b| {
                        format!(
                            " — {} {}",
                            lang.pick(
                                "data lama diganti (jejak audit dan pengaturan tetap); cadangan:",
                                "its old data replaced (audit trail and settings kept); backup:"
                            ),
                            b.display()
                        )
                    });
                    format!("{} {name}{replaced}", T::Imported.get(lang))
                }));
            }
            Outcome::CityChecked(result) => {
                let with = result.iter().filter(|o| o.findings > 0).count();
                self.set_status(Status::new(|lang| {
                    format!(
                        "{} {} / {}",
                        lang.pick(
                            "Pemeriksaan kota selesai; perangkat daerah dengan temuan:",
                            "City check done; offices with findings:"
                        ),
                        with,
                        result.len()
                    )
                }));
                if let Ok(l) = &mut self.data {
                    l.set_city_check(result);
                }
            }
            Outcome::Generated { path, summary } => {
                self.set_status(Status::new(|lang| format!("{} — {}", summary.get(lang), path.display())));
                self.status.generated_db = Some(path);
            }
            Outcome::Integrity(verdict) => self.integrity_verdict(verdict),
            Outcome::SheetRead(sheet) => {
                if let (Some(dialog), Ok(l)) = (&mut self.dialogs.budget_import, &self.data) {
                    dialog.accept(*sheet, &l.session.dataset);
                }
            }
            Outcome::Failed(e) if kind == JobKind::BudgetSheet && self.dialogs.budget_import.is_some() => {
                if let Some(dialog) = &mut self.dialogs.budget_import {
                    dialog.error = Some(e.get(self.state.lang).to_string());
                }
            }
            Outcome::Cancelled => {
                self.set_status(Status::new(|lang| {
                    lang.pick("Dibatalkan; tidak ada yang diubah.", "Cancelled; nothing was changed.").into()
                }));
            }
            Outcome::Failed(e) => {
                let what = |lang: Lang| match kind {
                    JobKind::Export => lang.pick("Ekspor gagal", "Export failed"),
                    JobKind::Save => lang.pick("Tidak tersimpan", "Not saved"),
                    JobKind::Import => {
                        lang.pick("Impor gagal; tidak ada yang diubah", "Import failed; nothing was changed")
                    }
                    JobKind::CityCheck => lang.pick("Pemeriksaan kota gagal", "City check failed"),
                    JobKind::Demo => lang.pick("Kota contoh tidak dibuat", "Demo city not generated"),
                    JobKind::Integrity => lang.pick("Pemeriksaan keutuhan gagal", "Integrity check failed"),
                    JobKind::BudgetSheet => {
                        lang.pick("Lembar kerja tidak dapat dibaca", "The spreadsheet cannot be read")
                    }
                };
                self.set_status(Status::new(|lang| format!("{}: {}", what(lang), e.get(lang))));
            }
        }
    }
}

/// A connection of its own to the database at `location`, for work beside the window.
fn open_store(location: &Location) -> Result<Store, StorageError> {
    match location {
        Location::File(path) => Store::open(path),
        Location::Server(address) => Store::open_server(address),
    }
}
