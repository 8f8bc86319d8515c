//! Long work (import, export, the city check, generating a demo city) on a thread of its own,
//! with a progress bar and a cancel button; the window stays responsive meanwhile.

use super::{Command, Status};
use crate::app::city::OfficeCheck;
use crate::format::Lang;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// What a job is doing, for its progress text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobKind {
    Export,
    /// One file of *Simpan sebagai…* (a table or a chart).
    Save,
    Import,
    CityCheck,
    Demo,
    /// Reading a budget realisation spreadsheet for *Impor realisasi…*.
    BudgetSheet,
    /// The integrity check of the open database (no progress bar: it only delays editing).
    Integrity,
}

impl JobKind {
    fn doing(self, lang: Lang) -> &'static str {
        match self {
            JobKind::Export => lang.pick("Mengekspor…", "Exporting…"),
            JobKind::Save => lang.pick("Menyimpan…", "Saving…"),
            JobKind::Import => lang.pick("Mengimpor…", "Importing…"),
            JobKind::CityCheck => lang.pick("Memeriksa semua perangkat daerah…", "Checking every office…"),
            JobKind::Demo => lang.pick("Membuat kota contoh…", "Generating the demo city…"),
            JobKind::BudgetSheet => lang.pick("Membaca lembar kerja…", "Reading the spreadsheet…"),
            JobKind::Integrity => lang.pick("Memeriksa keutuhan basis data…", "Checking the database…"),
        }
    }
}

/// How a job ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Files written into this folder.
    Exported(PathBuf),
    /// One file written.
    Saved(PathBuf),
    /// A dataset stored; the office's code and name, and the backup made first when it replaced
    /// the office's data.
    Imported {
        code: String,
        name: String,
        backup: Option<PathBuf>,
    },
    CityChecked(Vec<OfficeCheck>),
    /// A demo database written; its path and a summary.
    Generated {
        path: PathBuf,
        summary: super::Status,
    },
    /// A budget spreadsheet read, for the dialog to map and preview.
    SheetRead(Box<crate::import::BudgetSheet>),
    /// The integrity check's verdict: sound, or what is damaged.
    Integrity(Result<(), String>),
    /// Stopped by the user; nothing was written.
    Cancelled,
    /// Failed, with the message for the user; nothing was written.
    /// Why the work failed, worded in both languages.
    Failed(Status),
}

/// What the worker thread sees: where to report progress, and whether to stop.
#[derive(Clone)]
pub struct Progress {
    state: Arc<Mutex<(f32, String)>>,
    cancel: Arc<AtomicBool>,
}

impl Progress {
    /// Reports the fraction done and what is being done; `false` means the user cancelled.
    pub fn report(&self, fraction: f32, what: &str) -> bool {
        if let Ok(mut g) = self.state.lock() {
            *g = (fraction.clamp(0.0, 1.0), what.to_string());
        }
        !self.cancelled()
    }

    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// A job running on its own thread.
pub struct Job {
    pub kind: JobKind,
    progress: Progress,
    result: Arc<Mutex<Option<Outcome>>>,
}

impl Job {
    /// Starts `work` on a new thread.
    pub fn spawn(kind: JobKind, work: impl FnOnce(&Progress) -> Outcome + Send + 'static) -> Job {
        let progress =
            Progress { state: Arc::new(Mutex::new((0.0, String::new()))), cancel: Arc::new(AtomicBool::new(false)) };
        let result = Arc::new(Mutex::new(None));
        let (p, r) = (progress.clone(), result.clone());
        std::thread::spawn(move || {
            // A bug in the work must not leave the progress bar running for ever.
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&p))).unwrap_or_else(|_| {
                Outcome::Failed(Status::new(|lang| {
                    lang.pick("kesalahan internal; tidak ada yang diubah", "internal error; nothing was changed").into()
                }))
            });
            // A failure after the user pressed cancel is the cancellation taking effect.
            let outcome = match outcome {
                Outcome::Failed(_) if p.cancelled() => Outcome::Cancelled,
                other => other,
            };
            if let Ok(mut g) = r.lock() {
                *g = Some(outcome);
            }
        });
        Job { kind, progress, result }
    }

    /// Asks the work to stop; it stops at its next progress report.
    pub fn cancel(&self) {
        self.progress.cancel.store(true, Ordering::Relaxed);
    }

    pub fn cancel_requested(&self) -> bool {
        self.progress.cancelled()
    }

    /// The outcome, once (then `None` again).
    pub fn take_outcome(&self) -> Option<Outcome> {
        self.result.lock().ok().and_then(|mut g| g.take())
    }

    /// The fraction done and what is being done.
    pub fn progress(&self) -> (f32, String) {
        self.progress.state.lock().map(|g| g.clone()).unwrap_or_default()
    }
}

/// The progress bar with its cancel button.
pub fn job_ui(job: &Job, lang: Lang, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    let (f, what) = job.progress();
    ui.horizontal(|ui| {
        let text = if job.cancel_requested() {
            lang.pick("Membatalkan…", "Cancelling…").to_string()
        } else {
            format!("{} {what}", job.kind.doing(lang))
        };
        ui.add(egui::ProgressBar::new(f).desired_width(ui.available_width() - 120.0).show_percentage().text(text));
        if ui.add_enabled(!job.cancel_requested(), egui::Button::new(lang.pick("Batalkan", "Cancel"))).clicked() {
            commands.push(Command::CancelJob);
        }
    });
    ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
}
