//! The application: a few private parts — what is remembered between runs, the loaded data with
//! its caches, what the user selected, the widgets' memory, the dialogs, the background work and
//! the status line — drawn each frame by narrow views that send [`Command`]s, which
//! [`KinerjaApp::handle`] (in `handle.rs`) carries out.

mod chrome;
mod handle;
mod loaded;
mod work;

pub use loaded::{Loaded, NarrativeView, ShownSection};

use super::context::{Selection, TabContext, Widgets};
use super::dialogs::{self, DialogContext, Dialogs};
use super::jobs::Job;
use super::strings::T;
use super::{Command, Mode, Status, Tab, UiState, STORAGE_KEY};
use crate::app::{History, Integrity, ReadOnly, Session};
use std::path::PathBuf;

/// The background work of the window.
#[derive(Default)]
pub struct Work {
    /// Long work started by the user (one at a time).
    pub job: Option<Job>,
    /// The integrity check of the open file, running in the background.
    pub integrity: Option<Job>,
    /// The mode to return to once the integrity check allows editing.
    mode_after_check: Option<Mode>,
    /// *Buka folder* launched: the launcher and the folder, until it answers.
    opening_folder: Option<(std::process::Child, PathBuf)>,
}

/// The status line at the bottom of the window.
#[derive(Default)]
pub struct StatusLine {
    /// The message in both languages (worded again when the language changes).
    pub status: Option<Status>,
    /// The last file or folder written, offered to open.
    pub saved_path: Option<PathBuf>,
    /// A database just generated, offered to open.
    pub generated_db: Option<PathBuf>,
}

/// The application.
pub struct KinerjaApp {
    /// Remembered between runs.
    state: UiState,
    db_path: PathBuf,
    data: Result<Loaded, String>,
    /// Backups offered when the database cannot be opened.
    backups_offered: Vec<PathBuf>,
    /// The path field shown when no database is open.
    path_input: String,
    history: History,
    selection: Selection,
    widgets: Widgets,
    dialogs: Dialogs,
    work: Work,
    status: StatusLine,
    commands: Vec<Command>,
    first_frame_done: bool,
}

impl KinerjaApp {
    /// Opens the database at `db_path` (creating it from the embedded dataset if needed).
    pub fn new(db_path: PathBuf, state: UiState) -> KinerjaApp {
        let opened = Session::open_office_with(&db_path, state.office.as_deref(), Integrity::Later);
        let backups = match &opened {
            Err(crate::app::OpenError::Damaged { backups, .. }) => backups.clone(),
            _ => Vec::new(),
        };
        let data = opened.map(Loaded::new).map_err(|e| e.message(state.lang));
        let mut app = Self::with_data(db_path, data, state);
        app.backups_offered = backups;
        if app.data.as_ref().is_ok_and(|l| l.session.created) {
            let path = app.db_path.display().to_string();
            app.set_status(Status::new(|lang| {
                format!(
                    "{} {path}",
                    lang.pick(
                        "Basis data baru dibuat dari dataset bawaan:",
                        "A new database was created from the embedded dataset:"
                    )
                )
            }));
        }
        app
    }

    /// The application on a fresh in-memory copy of the embedded dataset (tests, demos).
    pub fn in_memory(state: UiState) -> KinerjaApp {
        let data = Session::in_memory().map(Loaded::new).map_err(|e| e.message(state.lang));
        Self::with_data(PathBuf::from(":memory:"), data, state)
    }

    /// The application on a session opened by the caller (a server database); `shown` names
    /// where its data is, as the window shows it (a server's address with its password masked).
    pub fn with_session(shown: PathBuf, session: Session, state: UiState) -> KinerjaApp {
        Self::with_data(shown, Ok(Loaded::new(session)), state)
    }

    fn with_data(db_path: PathBuf, data: Result<Loaded, String>, state: UiState) -> KinerjaApp {
        let mut app = KinerjaApp {
            state,
            path_input: db_path.display().to_string(),
            db_path,
            data,
            backups_offered: Vec::new(),
            history: History::default(),
            selection: Selection::default(),
            widgets: Widgets::default(),
            dialogs: Dialogs::default(),
            work: Work::default(),
            status: StatusLine::default(),
            commands: Vec::new(),
            first_frame_done: false,
        };
        app.fix_year();
        app
    }

    // Read access for the window's tests and for `main`: the parts are changed only by commands.

    /// What is remembered between runs.
    pub fn ui_state(&self) -> &UiState {
        &self.state
    }

    /// The open database's data, or why none is open.
    pub fn data(&self) -> &Result<Loaded, String> {
        &self.data
    }

    /// The open session, if a database is open.
    pub fn session(&self) -> Option<&Session> {
        self.data.as_ref().ok().map(|l| &l.session)
    }

    pub fn db_path(&self) -> &std::path::Path {
        &self.db_path
    }

    /// The status line's message in the window's language.
    pub fn message(&self) -> Option<&str> {
        self.status.status.as_ref().map(|s| s.get(self.state.lang))
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    pub fn widgets(&self) -> &Widgets {
        &self.widgets
    }

    pub fn dialogs(&self) -> &Dialogs {
        &self.dialogs
    }

    pub fn work(&self) -> &Work {
        &self.work
    }

    /// Asks for `command` to be carried out with the next frame's commands.
    pub fn send(&mut self, c: Command) {
        self.commands.push(c);
    }

    /// Shows `status` in the status line, in the current language and in later ones.
    fn set_status(&mut self, status: Status) {
        self.status.status = Some(status);
    }

    fn fix_year(&mut self) {
        self.start_integrity_check();
        if let Some(ro) = self.data.as_ref().ok().and_then(|l| l.session.read_only) {
            if ro == ReadOnly::Checking && self.work.mode_after_check.is_none() {
                self.work.mode_after_check = Some(self.state.mode);
            }
            self.state.mode = Mode::Tinjau;
        }
        if let Ok(l) = &self.data {
            self.state.office = Some(l.session.dataset.office.code.clone());
            if self.state.tab == Tab::Kota && !l.is_city() {
                self.state.tab = Tab::Ringkasan;
            }
        }
        self.keep_year_of_office();
    }

    /// Outside Kota the year is one of the open office's; Kota offers every office's years (the
    /// top bar lists them), so there any chosen year stays.
    fn keep_year_of_office(&mut self) {
        let Ok(l) = &self.data else { return };
        let kept = match self.state.year {
            Some(_) if self.state.tab == Tab::Kota => true,
            Some(y) => l.years.contains(&y),
            None => false,
        };
        if !kept {
            self.state.year = l.session.dataset.latest_report_year().or(l.years.last().copied());
        }
    }

    /// Draws the whole window into `ui` and handles the frame's commands.
    pub fn ui_main(&mut self, ui: &mut egui::Ui) {
        self.poll_integrity(ui.ctx());
        self.poll_job(ui.ctx());
        self.poll_open_folder(ui.ctx());
        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar_ui(ui));
        if self.data.is_ok() {
            egui::Panel::top("tab_bar").show(ui, |ui| self.tab_bar_ui(ui));
        }
        if let Some(ro) = self.data.as_ref().ok().and_then(|l| l.session.read_only) {
            let lang = self.state.lang;
            egui::Panel::top("read_only_banner").show(ui, |ui| {
                ui.label(
                    egui::RichText::new(format!("⚠ {}", ro.message(lang))).color(ui.visuals().warn_fg_color).strong(),
                );
            });
        }
        if let Some(job) = &self.work.job {
            let lang = self.state.lang;
            egui::Panel::bottom("job_progress").show(ui, |ui| super::jobs::job_ui(job, lang, ui, &mut self.commands));
        }
        if self.status.status.is_some() {
            egui::Panel::bottom("message").show(ui, |ui| self.status_line_ui(ui));
        }
        egui::CentralPanel::default_margins().show(ui, |ui| {
            if self.data.is_err() {
                self.db_error_ui(ui);
            } else {
                // Each tab keeps its own scroll position: a tab opens at its top, not at the
                // place the previous tab was scrolled to.
                egui::ScrollArea::vertical()
                    .id_salt(("tab_scroll", self.state.tab))
                    .auto_shrink(false)
                    .show(ui, |ui| self.tab_ui(ui));
            }
        });
        self.dialogs_ui(ui.ctx());
        if self.state.mode == Mode::Sunting && ui.ctx().memory(|m| m.focused().is_none()) {
            let (undo, redo) = ui.input(|i| {
                let cmd = i.modifiers.command;
                (
                    cmd && !i.modifiers.shift && i.key_pressed(egui::Key::Z),
                    cmd && (i.key_pressed(egui::Key::Y) || (i.modifiers.shift && i.key_pressed(egui::Key::Z))),
                )
            });
            if undo {
                self.commands.push(Command::Undo);
            } else if redo {
                self.commands.push(Command::Redo);
            }
        }
        self.handle();
    }

    /// The selected tab, drawn from a narrow context.
    fn tab_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.state.lang;
        let (Some(year), Ok(data)) = (self.state.year, &mut self.data) else {
            ui.label(T::NoData.get(lang));
            return;
        };
        let busy = self.work.job.is_some();
        let mut cx = TabContext::new(
            data,
            (lang, self.state.mode, year, busy),
            &self.selection,
            &mut self.widgets,
            &mut self.commands,
        );
        use crate::ui::{
            tab_anggaran, tab_kinerja, tab_kota, tab_laporan, tab_organisasi, tab_pemeriksaan, tab_renstra,
            tab_ringkasan, tab_riwayat, tab_tren,
        };
        match self.state.tab {
            Tab::Ringkasan => tab_ringkasan::ringkasan_ui(&mut cx, ui),
            Tab::Organisasi => tab_organisasi::organisasi_ui(&mut cx, ui),
            Tab::Renstra => tab_renstra::renstra_ui(&mut cx, ui),
            Tab::Kinerja => tab_kinerja::kinerja_ui(&mut cx, ui),
            Tab::Anggaran => tab_anggaran::anggaran_ui(&mut cx, ui),
            Tab::Laporan => tab_laporan::laporan_ui(&mut cx, ui),
            Tab::Tren => tab_tren::tren_ui(&mut cx, ui),
            Tab::Pemeriksaan => tab_pemeriksaan::pemeriksaan_ui(&mut cx, ui),
            Tab::Riwayat => tab_riwayat::riwayat_ui(&mut cx, ui),
            Tab::Kota => tab_kota::kota_ui(&mut cx, ui),
        }
    }

    /// The open dialogs, each drawn from a narrow context.
    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let mut cx = DialogContext {
            lang: self.state.lang,
            mode: self.state.mode,
            busy: self.work.job.is_some(),
            data: self.data.as_ref().ok(),
            db_path: &self.db_path,
            save_dir: self.state.save_dir.as_deref(),
            commands: &mut self.commands,
        };
        dialogs::dialogs_ui(&mut self.dialogs, &mut cx, ctx);
    }
}

impl eframe::App for KinerjaApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_main(ui);
        if !self.first_frame_done {
            self.first_frame_done = true;
            let trace = crate::startup::trace();
            if trace != crate::startup::Trace::Off {
                if let Some(ms) = crate::startup::elapsed_ms() {
                    eprintln!("kinerja: first frame drawn {ms:.1} ms after start");
                }
                if trace == crate::startup::Trace::PrintAndExit {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.state);
    }
}
