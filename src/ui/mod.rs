//! The window (egui): a top bar, one tab per file, shared widgets, and every text in both
//! languages in [`strings`]. The tabs send [`Command`]s; [`KinerjaApp::handle`] carries them out.

pub mod budget_import;
mod demo_dialog;
mod edit_forms;
pub mod jobs;
mod more_forms;
mod renstra_edit;
pub mod save_dialog;
mod state;
pub mod strings;
mod tab_anggaran;
mod tab_kinerja;
mod tab_kota;
mod tab_organisasi;
mod tab_pemeriksaan;
mod tab_renstra;
mod tab_ringkasan;
mod tab_riwayat;
mod tab_tren;
pub mod widgets;

pub use state::{Mode, Tab, UiState, STORAGE_KEY};

use crate::app::city::{city_view, CityView, OfficeCheck};
use crate::app::{History, Integrity, ReadOnly, Session};
use crate::calc::check::{check, CheckReport};
use crate::domain::Change;
use crate::domain::{TableKind, Year};
use crate::format::Lang;
use crate::report::{build_table, TableOptions, TableView};
use std::collections::HashMap;
use std::path::PathBuf;
use strings::T;
use widgets::TableUiState;

/// Something the user asked for; handled once per frame, after drawing.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    SetTab(Tab),
    SetYear(Year),
    SetLang(Lang),
    SetMode(Mode),
    /// Open the tab that shows table `table` and scroll to the row of `subject`.
    OpenTable {
        table: String,
        subject: String,
    },
    /// Open a tab and select a subject there.
    Navigate {
        tab: Tab,
        subject: String,
    },
    OpenDatabase(PathBuf),
    SaveSettings(Vec<(&'static str, String)>),
    /// Write a change (one transaction, one undo step).
    Apply(Change),
    Undo,
    Redo,
    /// Put a backup in place of the database (the current file is kept aside).
    Restore(PathBuf),
    /// Open *Simpan sebagai…* for a chart of the year.
    SaveChart(String),
    /// Work on another office of the database.
    SetOffice(i64),
    /// Import a dataset (CSV folder or XLSX workbook) in the background.
    ImportDataset(PathBuf),
    /// Run the consistency check on every office in the background.
    CheckCity,
}

/// The data of an open database, with what is derived from it.
pub struct Loaded {
    pub session: Session,
    /// Every office in the database, by name.
    pub offices: Vec<crate::storage::OfficeRef>,
    pub years: Vec<Year>,
    pub check: CheckReport,
    tables: HashMap<(String, Year, Lang), Result<TableView, String>>,
    /// The budget tree of a year (thousands of rows: built once, not every frame).
    trees: HashMap<(Year, Lang), TableView>,
    /// Charts built from the office's data, by id, year and language.
    charts: HashMap<(String, Year, Lang), crate::report::charts::ChartSpec>,
    /// The city view of a year, built when first shown.
    city: Option<Result<CityView, String>>,
    /// The last city-wide check.
    pub city_check: Option<Vec<OfficeCheck>>,
    /// The city view as a table, with the check's column when there is one (Indonesian, for
    /// files).
    city_table: Option<TableView>,
    /// The same table as the window shows it, in its language.
    city_table_shown: Option<TableView>,
    /// The office's audit trail, newest first, at most [`AUDIT_ROWS`] entries: read when the
    /// data is loaded and after every change, never while drawing.
    audit: Result<Vec<crate::storage::AuditEntry>, crate::storage::StorageError>,
    /// Histories of single records, read once each, when the cached trail is cut at
    /// [`AUDIT_ROWS`] and may not reach back to all of a record's entries.
    record_histories: HashMap<String, Vec<crate::storage::AuditEntry>>,
    /// The backup copies of the database file, listed with the trail.
    backups: Vec<PathBuf>,
    /// The schema version of the open file (it changes only when a file is opened).
    pub schema_version: Option<i64>,
}

/// How many entries of the audit trail *Riwayat* shows (and the window keeps).
const AUDIT_ROWS: usize = 2000;
/// How many entries a record's history shows in its form.
const RECORD_HISTORY_ROWS: usize = 20;

impl Loaded {
    fn new(session: Session) -> Loaded {
        let years = session.dataset.all_years().into_iter().collect();
        let check = check(&session.dataset, &session.settings, None);
        // Listing offices reads one small table; an error here shows as a single office.
        let offices = session.store.offices().unwrap_or_default();
        let schema_version = session.store.schema_version().ok();
        let mut loaded = Loaded {
            session,
            offices,
            years,
            check,
            tables: HashMap::new(),
            trees: HashMap::new(),
            charts: HashMap::new(),
            city: None,
            city_check: None,
            city_table: None,
            city_table_shown: None,
            audit: Ok(Vec::new()),
            record_histories: HashMap::new(),
            backups: Vec::new(),
            schema_version,
        };
        loaded.read_trail();
        loaded
    }

    /// Reads the audit trail and the list of backups again: after the data changed (an edit,
    /// an undo, another office), since a change writes the trail and may make the day's backup.
    fn read_trail(&mut self) {
        let store = &self.session.store;
        self.audit = store.audit_log(self.session.office_id, None, AUDIT_ROWS);
        self.record_histories.clear();
        self.backups = store.path().map(crate::storage::list_backups).unwrap_or_default();
    }

    /// The office's audit trail, newest first (cached; see [`Loaded::read_trail`]).
    pub fn audit(&self) -> Result<&[crate::storage::AuditEntry], &crate::storage::StorageError> {
        self.audit.as_deref()
    }

    /// The backup copies of the open database file, newest first (cached).
    pub fn backups(&self) -> &[PathBuf] {
        &self.backups
    }

    /// The latest entries of each of `records` (`target:IKU1:2025`), in that order: taken from
    /// the cached trail when it holds the whole trail, else read once per record and kept until
    /// the data changes.
    pub fn record_history(&mut self, records: &[String]) -> Vec<crate::storage::AuditEntry> {
        let mut out = Vec::new();
        for r in records {
            match &self.audit {
                Ok(all) if all.len() < AUDIT_ROWS => {
                    out.extend(all.iter().filter(|e| &e.record == r).take(RECORD_HISTORY_ROWS).cloned())
                }
                _ => {
                    let (store, office) = (&self.session.store, self.session.office_id);
                    let h = self
                        .record_histories
                        .entry(r.clone())
                        .or_insert_with(|| store.audit_log(office, Some(r), RECORD_HISTORY_ROWS).unwrap_or_default());
                    out.extend(h.iter().cloned());
                }
            }
        }
        out
    }

    /// The budget tree of `year` with its titles in `lang`, built once and kept until the data
    /// changes.
    pub fn budget_tree(&mut self, year: Year, lang: Lang) -> &TableView {
        let (d, s) = (&self.session.dataset, &self.session.settings);
        self.trees.entry((year, lang)).or_insert_with(|| crate::report::budget_tree(d, s, year, lang))
    }

    /// A chart of the office, built by `build` once and kept until the data changes.
    pub fn chart(
        &mut self,
        id: &str,
        year: Year,
        lang: Lang,
        build: impl FnOnce(&crate::domain::Dataset, &crate::calc::Settings) -> crate::report::charts::ChartSpec,
    ) -> &crate::report::charts::ChartSpec {
        let (d, s) = (&self.session.dataset, &self.session.settings);
        self.charts.entry((id.to_string(), year, lang)).or_insert_with(|| build(d, s))
    }

    /// The city view of `year`, built once and kept until the data changes.
    pub fn city(&mut self, year: Year) -> &Result<CityView, String> {
        if !matches!(&self.city, Some(Ok(v)) if v.year == year) {
            self.city = Some(city_view(&self.session.store, year).map_err(|e| e.message_id()));
            self.city_table = None;
            self.city_table_shown = None;
        }
        self.city.get_or_insert_with(|| Err(String::new()))
    }

    /// The city view of `year` as a table, built once and kept until the data or the city check
    /// changes.
    pub fn city_table(&mut self, year: Year) -> Result<&TableView, String> {
        if let Err(e) = self.city(year) {
            return Err(e.clone());
        }
        if let (None, Some(Ok(view))) = (&self.city_table, &self.city) {
            self.city_table = Some(crate::app::city::city_table(view, self.city_check.as_deref(), Lang::Id));
        }
        self.city_table.as_ref().ok_or_else(String::new)
    }

    /// The city table as the window shows it, with its titles in `lang`.
    pub fn city_table_shown(&mut self, year: Year, lang: Lang) -> Result<&TableView, String> {
        if self.city_table_shown.as_ref().is_some_and(|t| t.lang != lang) {
            self.city_table_shown = None;
        }
        if let Err(e) = self.city(year) {
            return Err(e.clone());
        }
        if let (None, Some(Ok(view))) = (&self.city_table_shown, &self.city) {
            self.city_table_shown = Some(crate::app::city::city_table(view, self.city_check.as_deref(), lang));
        }
        self.city_table_shown.as_ref().ok_or_else(String::new)
    }

    /// Sets the result of the city-wide check (a new column of the city table).
    pub fn set_city_check(&mut self, result: Vec<OfficeCheck>) {
        self.city_check = Some(result);
        self.city_table = None;
        self.city_table_shown = None;
    }

    /// Whether the database holds more than one office (the city view is offered then).
    pub fn is_city(&self) -> bool {
        self.offices.len() > 1
    }

    /// A report table of a year with Kinerja's own words in `lang`, built once and kept.
    pub fn table(&mut self, id: &str, year: Year, lang: Lang) -> &Result<TableView, String> {
        let (d, s) = (&self.session.dataset, &self.session.settings);
        self.tables.entry((id.to_string(), year, lang)).or_insert_with(|| {
            build_table(d, s, id, year, TableOptions { lang, ..TableOptions::default() })
                .map_err(|e| crate::text::error_message(lang, || e.message_id(), &e))
        })
    }

    /// The id of the year's table of `kind` (about `subject`).
    pub fn table_id(&self, year: Year, kind: TableKind, subject: &str) -> Option<String> {
        crate::calc::layout::layout(&self.session.dataset, year)
            .into_iter()
            .find(|t| t.kind == kind && (subject.is_empty() || t.subject == subject))
            .map(|t| t.id)
    }
}

/// The application.
pub struct KinerjaApp {
    /// Remembered between runs.
    pub state: UiState,
    pub db_path: PathBuf,
    pub data: Result<Loaded, String>,
    pub tables: HashMap<String, TableUiState>,
    /// Tables to show open (navigation target).
    pub open_tables: Vec<String>,
    /// The indicator whose section *Perjanjian Kinerja & Capaian* scrolls to once (navigation
    /// target).
    pub scroll_to_section: Option<String>,
    /// Indicators whose Renstra target form is open on their section (*Sunting*).
    pub renstra_targets_open: std::collections::HashSet<String>,
    pub about_open: bool,
    pub path_input: String,
    pub settings_form: Option<tab_pemeriksaan::SettingsForm>,
    pub message: Option<String>,
    /// The status message in both languages, for a message that must follow a change of
    /// language (it is worded again when drawn); `None` for one already in its final words.
    pub status: Option<Status>,
    /// Backups offered when the database cannot be opened.
    pub backups_offered: Vec<PathBuf>,
    /// Forms of *Sunting* mode being filled in, by record.
    pub forms: HashMap<String, edit_forms::Form>,
    pub history: History,
    /// A change waiting for the user's name (asked once).
    pub name_prompt: Option<(String, Change)>,
    /// The budget line chosen for editing in the Anggaran tab.
    pub budget_selected: Option<String>,
    /// The asset line chosen for editing in the Organisasi tab.
    pub asset_selected: Option<String>,
    pub save_dialog: Option<save_dialog::SaveDialog>,
    /// Long work running in the background (one at a time).
    pub job: Option<jobs::Job>,
    /// The integrity check of the open file, running in the background.
    pub integrity_job: Option<jobs::Job>,
    /// The mode to return to once the integrity check allows editing.
    mode_after_check: Option<Mode>,
    /// *Buat kota contoh…* while it is open.
    pub demo_dialog: Option<demo_dialog::DemoDialog>,
    /// A database just generated, offered to open.
    pub generated_db: Option<PathBuf>,
    /// The path field of *Impor dataset…*; `Some` while the dialog is open.
    pub import_path: Option<String>,
    /// *Impor realisasi…* while it is open.
    pub budget_import: Option<budget_import::BudgetImportDialog>,
    /// The last file or folder written, offered to open.
    pub saved_path: Option<PathBuf>,
    /// *Buka folder* launched: the launcher and the folder, until it answers.
    opening_folder: Option<(std::process::Child, PathBuf)>,
    commands: Vec<Command>,
    first_frame_done: bool,
}

/// A status message worded in both languages, so that the status line follows a change of
/// language instead of keeping the words of the moment it was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    id: String,
    en: String,
}

impl Status {
    /// The message as `words` puts it in each language.
    pub fn new(words: impl Fn(Lang) -> String) -> Status {
        Status { id: words(Lang::Id), en: words(Lang::En) }
    }

    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

impl KinerjaApp {
    /// Shows `status` in the status line, in the current language and in later ones.
    pub fn set_status(&mut self, status: Status) {
        self.message = Some(status.get(self.state.lang).to_string());
        self.status = Some(status);
    }

    /// Words the status message again in the current language. A message set as plain text
    /// since (it matches neither wording) ends the kept one.
    fn reword_status(&mut self) {
        let Some(status) = &self.status else { return };
        let shown = self.message.as_deref();
        if shown == Some(status.get(self.state.lang)) {
            return;
        }
        if shown.is_some() && [Lang::Id, Lang::En].iter().any(|l| shown == Some(status.get(*l))) {
            self.message = Some(status.get(self.state.lang).to_string());
        } else {
            self.status = None;
        }
    }

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

    fn with_data(db_path: PathBuf, data: Result<Loaded, String>, state: UiState) -> KinerjaApp {
        let mut app = KinerjaApp {
            state,
            path_input: db_path.display().to_string(),
            db_path,
            data,
            tables: HashMap::new(),
            open_tables: Vec::new(),
            scroll_to_section: None,
            renstra_targets_open: Default::default(),
            about_open: false,
            settings_form: None,
            message: None,
            status: None,
            backups_offered: Vec::new(),
            forms: HashMap::new(),
            history: History::default(),
            name_prompt: None,
            budget_selected: None,
            asset_selected: None,
            save_dialog: None,
            job: None,
            integrity_job: None,
            mode_after_check: None,
            import_path: None,
            demo_dialog: None,
            generated_db: None,
            budget_import: None,
            saved_path: None,
            opening_folder: None,
            commands: Vec::new(),
            first_frame_done: false,
        };
        app.fix_year();
        app
    }

    fn fix_year(&mut self) {
        self.start_integrity_check();
        if let Some(ro) = self.data.as_ref().ok().and_then(|l| l.session.read_only) {
            if ro == ReadOnly::Checking && self.mode_after_check.is_none() {
                self.mode_after_check = Some(self.state.mode);
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

    pub fn send(&mut self, c: Command) {
        self.commands.push(c);
    }

    /// Carries out the commands sent during the frame.
    pub fn handle(&mut self) {
        for c in std::mem::take(&mut self.commands) {
            match c {
                Command::SetTab(t) => {
                    self.state.tab = t;
                    self.keep_year_of_office();
                }
                Command::SetYear(y) => self.state.year = Some(y),
                Command::SetLang(l) => {
                    // A form's texts are written in the old language's convention: read in
                    // the new one, `1.500` would change its meaning. Refilled from the data.
                    if l != self.state.lang {
                        self.forms.clear();
                    }
                    self.state.lang = l;
                }
                Command::SetMode(m) => {
                    self.state.mode = m;
                    self.settings_form = None;
                }
                Command::OpenTable { table, subject } => {
                    let year = self.state.year;
                    let kind = self.data.as_ref().ok().zip(year).and_then(|(l, y)| {
                        crate::calc::layout::layout(&l.session.dataset, y)
                            .into_iter()
                            .find(|t| t.id == table)
                            .map(|t| t.kind)
                    });
                    self.state.tab = kind.map_or(Tab::Pemeriksaan, tab_of_kind);
                    let st = self.tables.entry(table.clone()).or_default();
                    st.scroll_to = Some(subject.clone());
                    st.selected = Some(subject);
                    st.filter.clear();
                    st.collapsed.clear();
                    self.open_tables = vec![table];
                }
                Command::Navigate { tab, subject } => {
                    self.state.tab = tab;
                    for st in self.tables.values_mut() {
                        st.selected = Some(subject.clone());
                    }
                    // One table scrolls to the subject, the first of the tab that shows it; a
                    // table not drawn yet has no state to carry the request, so it is made here.
                    // An indicator with a section of its own on *Perjanjian Kinerja & Capaian* is
                    // shown at that section (its heading at the top), not at its row in the
                    // agreement table above.
                    let section = self.section_of(tab, &subject);
                    if let Some(id) = self.first_table_showing(tab, &subject) {
                        let st = self.tables.entry(id.clone()).or_default();
                        st.selected = Some(subject.clone());
                        st.filter.clear();
                        if section.is_none() {
                            st.scroll_to = Some(subject.clone());
                            self.open_tables = vec![id];
                        }
                    }
                    self.scroll_to_section = section;
                    if tab == Tab::Anggaran {
                        self.budget_selected = subject.strip_prefix("budget:").map(str::to_string);
                    }
                }
                Command::OpenDatabase(path) => self.open_database(path),
                Command::Restore(backup) => {
                    // Close the database (and its lock) before the files are swapped.
                    self.data = Err(String::new());
                    let path = self.db_path.clone();
                    match crate::storage::restore_backup(&path, &backup) {
                        Ok(kept) => {
                            self.open_database(path);
                            self.set_status(Status::new(|lang| match &kept {
                                Some(k) => format!(
                                    "{} {} ({} {})",
                                    lang.pick("Dipulihkan dari", "Restored from"),
                                    backup.display(),
                                    lang.pick("berkas sebelumnya disimpan sebagai", "the previous file was kept as"),
                                    k.display()
                                ),
                                None => {
                                    format!("{} {}", lang.pick("Dipulihkan dari", "Restored from"), backup.display())
                                }
                            }));
                        }
                        Err(e) => {
                            self.open_database(path);
                            self.set_status(Status::new(|lang| {
                                format!("{}: {e}", lang.pick("Gagal memulihkan", "Could not restore"))
                            }));
                        }
                    }
                }
                Command::SaveSettings(pairs) => self.save_settings(pairs),
                Command::Apply(change) => {
                    if self.state.user_name.trim().is_empty() {
                        self.name_prompt = Some((String::new(), change));
                    } else {
                        self.apply_change(change);
                    }
                }
                Command::Undo | Command::Redo => self.undo_redo(c == Command::Undo),
                Command::SaveChart(id) => {
                    if let Some(year) = self.state.year {
                        self.save_dialog =
                            Some(save_dialog::SaveDialog::new(save_dialog::SaveRequest::Chart { id, year }));
                    }
                }
                Command::SetOffice(id) => self.set_office(id),
                Command::ImportDataset(source) => self.start_import(source),
                Command::CheckCity => self.start_city_check(),
            }
        }
    }

    /// The indicator whose section on *Perjanjian Kinerja & Capaian* shows `subject`
    /// (`indicator:CODE`), when the year has one.
    fn section_of(&self, tab: Tab, subject: &str) -> Option<String> {
        let code = subject.strip_prefix("indicator:").filter(|_| tab == Tab::Kinerja)?;
        let (l, year) = (self.data.as_ref().ok()?, self.state.year?);
        crate::calc::layout::layout(&l.session.dataset, year)
            .into_iter()
            .any(|t| t.subject == code && tab_kinerja::opens_section(t.kind))
            .then(|| code.to_string())
    }

    /// The table of `tab` in which `subject` has a row: the budget tree on *Anggaran*, else the
    /// first report table of the tab in the report's order.
    fn first_table_showing(&mut self, tab: Tab, subject: &str) -> Option<String> {
        let year = self.state.year?;
        let lang = self.state.lang;
        let l = self.data.as_mut().ok()?;
        if tab == Tab::Anggaran && l.budget_tree(year, lang).rows.iter().any(|r| r.subject == subject) {
            return Some("anggaran".into());
        }
        let ids: Vec<String> = crate::calc::layout::layout(&l.session.dataset, year)
            .into_iter()
            .filter(|t| tab_of_kind(t.kind) == tab)
            .map(|t| t.id)
            .collect();
        ids.into_iter()
            .find(|id| l.table(id, year, lang).as_ref().is_ok_and(|t| t.rows.iter().any(|r| r.subject == subject)))
    }

    fn open_database(&mut self, path: PathBuf) {
        // A check still running is about the file open before: its verdict must not reach the
        // new session (the thread finishes on its own; its result is dropped).
        self.integrity_job = None;
        self.mode_after_check = None;
        match Session::open_office_with(&path, self.state.office.as_deref(), Integrity::Later) {
            Ok(s) => {
                self.data = Ok(Loaded::new(s));
                self.backups_offered.clear();
                self.tables.clear();
                self.forms.clear();
                self.history = History::default();
                self.message = None;
            }
            Err(e) => self.show_open_error(e),
        }
        self.db_path = path;
        self.fix_year();
    }

    /// Checks the open file on a thread of its own when it was opened without the check.
    fn start_integrity_check(&mut self) {
        let Ok(l) = &self.data else { return };
        if !l.session.integrity_pending || self.integrity_job.is_some() {
            return;
        }
        let path = self.db_path.clone();
        self.integrity_job = Some(jobs::Job::spawn(jobs::JobKind::Integrity, move |_| {
            jobs::Outcome::Integrity(crate::storage::check_file(&path))
        }));
    }

    /// Says in the status line whether *Buka folder* worked, once the file manager's launcher
    /// has answered.
    fn poll_open_folder(&mut self, ctx: &egui::Context) {
        let Some((child, dir)) = &mut self.opening_folder else { return };
        match child.try_wait() {
            Ok(None) => ctx.request_repaint_after(std::time::Duration::from_millis(100)),
            Ok(Some(exit)) => {
                // Explorer exits with 1 even when it opened the folder.
                let status = Status::new(|lang| {
                    if exit.success() || cfg!(target_os = "windows") {
                        save_dialog::open_folder_done(dir, lang)
                    } else {
                        save_dialog::open_folder_failed(dir, &exit.to_string(), lang)
                    }
                });
                self.set_status(status);
                self.opening_folder = None;
            }
            Err(e) => {
                let status = Status::new(|lang| save_dialog::open_folder_failed(dir, &e.to_string(), lang));
                self.set_status(status);
                self.opening_folder = None;
            }
        }
    }

    /// Takes the result of the integrity check when it has come.
    fn poll_integrity(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.integrity_job else { return };
        let Some(outcome) = job.take_outcome() else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        };
        self.integrity_job = None;
        self.finish_job(jobs::JobKind::Integrity, outcome);
    }

    fn integrity_verdict(&mut self, verdict: Result<(), String>) {
        match verdict {
            Ok(()) => {
                if let Ok(l) = &mut self.data {
                    l.session.integrity_confirmed();
                    if l.session.read_only.is_none() {
                        if let Some(mode) = self.mode_after_check.take() {
                            self.state.mode = mode;
                        }
                    }
                }
            }
            Err(detail) => {
                // Nothing was written: the session was read-only until now. Close it (and its
                // lock) and offer the backups, as when the check runs before opening.
                let e = crate::app::OpenError::damaged(&self.db_path, detail);
                self.show_open_error(e);
            }
        }
    }

    /// The database could not be opened (or turned out damaged): say why, offer its backups.
    fn show_open_error(&mut self, e: crate::app::OpenError) {
        if let crate::app::OpenError::Damaged { backups, .. } = &e {
            self.backups_offered = backups.clone();
        }
        self.data = Err(e.message(self.state.lang));
    }

    fn set_office(&mut self, id: i64) {
        let Ok(l) = &mut self.data else { return };
        if l.session.office_id == id {
            return;
        }
        match l.session.select_office(id) {
            Ok(()) => {
                // Undo steps belong to the office they were made in.
                self.history = History::default();
                self.tables.clear();
                self.open_tables.clear();
                self.budget_selected = None;
                self.asset_selected = None;
                self.message = None;
            }
            Err(e) => self.set_status(Status::new(|lang| e.message(lang))),
        }
        self.after_data_change();
    }

    /// Reads and validates the dataset at `source` and stores it, all on a thread of its own with
    /// a connection of its own; the window goes on meanwhile.
    fn start_import(&mut self, source: PathBuf) {
        let lang = self.state.lang;
        if self.job.is_some() {
            return;
        }
        if self.data.as_ref().is_ok_and(|l| l.session.read_only.is_some()) {
            self.set_status(Status::new(|lang| T::ImportReadOnly.get(lang).into()));
            return;
        }
        if self.data.as_ref().is_ok_and(|l| l.session.store.path().is_none()) {
            self.set_status(Status::new(|lang| T::ImportNeedsFile.get(lang).into()));
            return;
        }
        let db = self.db_path.clone();
        let user = self.state.user_name.trim().to_string();
        self.import_path = None;
        self.job = Some(jobs::Job::spawn(jobs::JobKind::Import, move |p| {
            if !p.report(0.05, &source.display().to_string()) {
                return jobs::Outcome::Cancelled;
            }
            let mut dataset = match crate::interchange::read_path(&source) {
                Ok(d) => d,
                Err(problems) => return jobs::Outcome::Failed(problems.render(lang)),
            };
            let kept = crate::storage::Store::open(&db)
                .map_err(Into::into)
                .and_then(|store| crate::interchange::keep_stored_phones(&store, &mut dataset));
            if let Err(e) = kept {
                return jobs::Outcome::Failed(e.message(lang));
            }
            if !p.report(0.5, T::Storing.get(lang)) {
                return jobs::Outcome::Cancelled;
            }
            let saved = crate::storage::Store::open(&db).and_then(|mut store| {
                // Replacing an office's data: the database is copied first.
                let backup = match store.office_id(&dataset.office.code)? {
                    Some(_) => Some(store.backup("sebelum-impor")?),
                    None => None,
                };
                store.import_dataset(&dataset, &user, &|| !p.cancelled()).map(|_| backup)
            });
            match saved {
                Ok(backup) => jobs::Outcome::Imported {
                    code: dataset.office.code.clone(),
                    name: dataset.office.name.clone(),
                    backup,
                },
                Err(crate::storage::StorageError::Cancelled) => jobs::Outcome::Cancelled,
                Err(e) => jobs::Outcome::Failed(e.message(lang)),
            }
        }));
    }

    fn start_city_check(&mut self) {
        let lang = self.state.lang;
        if self.job.is_some() {
            return;
        }
        if self.data.as_ref().is_ok_and(|l| l.session.store.path().is_none()) {
            self.set_status(Status::new(|lang| T::ImportNeedsFile.get(lang).into()));
            return;
        }
        let db = self.db_path.clone();
        self.job = Some(jobs::Job::spawn(jobs::JobKind::CityCheck, move |p| {
            let progress =
                |done: usize, total: usize| p.report(done as f32 / total.max(1) as f32, &format!("{done} / {total}"));
            match crate::app::city::check_city(&db, &progress) {
                Ok(r) => jobs::Outcome::CityChecked(r),
                Err(crate::storage::StorageError::Cancelled) => jobs::Outcome::Cancelled,
                Err(e) => jobs::Outcome::Failed(e.message(lang)),
            }
        }));
    }

    /// Takes the result of a background job: the one place where their outcomes are handled.
    pub fn finish_job(&mut self, kind: jobs::JobKind, outcome: jobs::Outcome) {
        use jobs::Outcome;
        match outcome {
            Outcome::Exported(dir) => {
                self.set_status(Status::new(|lang| {
                    format!("{} {}", lang.pick("Ekspor LKIP selesai:", "LKIP export done:"), dir.display())
                }));
                self.saved_path = Some(dir);
            }
            Outcome::Saved(path) => {
                self.set_status(Status::new(|lang| {
                    format!("{} {}", lang.pick("Tersimpan di", "Saved to"), path.display())
                }));
                self.saved_path = Some(path);
            }
            Outcome::Imported { code, name, backup } => {
                // Show the office just imported, with the data as it is now in the file.
                self.state.office = Some(code);
                self.open_database(self.db_path.clone());
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
                self.generated_db = Some(path);
            }
            Outcome::Integrity(verdict) => self.integrity_verdict(verdict),
            Outcome::SheetRead(sheet) => {
                if let (Some(dialog), Ok(l)) = (&mut self.budget_import, &self.data) {
                    dialog.accept(*sheet, &l.session.dataset);
                }
            }
            Outcome::Failed(e) if kind == jobs::JobKind::BudgetSheet && self.budget_import.is_some() => {
                if let Some(dialog) = &mut self.budget_import {
                    dialog.error = Some(e);
                }
            }
            Outcome::Cancelled => {
                self.set_status(Status::new(|lang| {
                    lang.pick("Dibatalkan; tidak ada yang diubah.", "Cancelled; nothing was changed.").into()
                }));
            }
            Outcome::Failed(e) => {
                // `e` was worded by the job in the language of its start; the heading follows.
                let what = |lang: Lang| match kind {
                    jobs::JobKind::Export => lang.pick("Ekspor gagal", "Export failed"),
                    jobs::JobKind::Save => lang.pick("Tidak tersimpan", "Not saved"),
                    jobs::JobKind::Import => {
                        lang.pick("Impor gagal; tidak ada yang diubah", "Import failed; nothing was changed")
                    }
                    jobs::JobKind::CityCheck => lang.pick("Pemeriksaan kota gagal", "City check failed"),
                    jobs::JobKind::Demo => lang.pick("Kota contoh tidak dibuat", "Demo city not generated"),
                    jobs::JobKind::Integrity => lang.pick("Pemeriksaan keutuhan gagal", "Integrity check failed"),
                    jobs::JobKind::BudgetSheet => {
                        lang.pick("Lembar kerja tidak dapat dibaca", "The spreadsheet cannot be read")
                    }
                };
                self.set_status(Status::new(|lang| format!("{}: {e}", what(lang))));
            }
        }
    }

    fn apply_change(&mut self, change: Change) {
        let Ok(l) = &mut self.data else { return };
        let description = Status::new(|lang| crate::text::change_words(&change, lang));
        let status = match l.session.apply(&mut self.history, change, self.state.user_name.trim()) {
            Ok(()) => Status::new(|lang| format!("{}: {}", T::Saved.get(lang), description.get(lang))),
            Err(e) => Status::new(|lang| format!("{}: {}", T::NotSaved.get(lang), e.message(lang))),
        };
        self.set_status(status);
        self.after_data_change();
    }

    fn undo_redo(&mut self, undo: bool) {
        let Ok(l) = &mut self.data else { return };
        let user = self.state.user_name.trim().to_string();
        let what = if undo { self.history.next_undo() } else { self.history.next_redo() }
            .map(|c| Status::new(|lang| crate::text::change_words(c, lang)));
        let result =
            if undo { l.session.undo(&mut self.history, &user) } else { l.session.redo(&mut self.history, &user) };
        match (result, what) {
            (Ok(true), Some(d)) => self.set_status(Status::new(|lang| {
                format!("{}: {}", if undo { T::Undo.get(lang) } else { T::Redo.get(lang) }, d.get(lang))
            })),
            (Err(e), _) => {
                self.set_status(Status::new(|lang| format!("{}: {}", T::NotSaved.get(lang), e.message(lang))))
            }
            _ => {}
        }
        self.after_data_change();
    }

    /// Everything derived from the data is computed again after a change.
    fn after_data_change(&mut self) {
        if let Ok(l) = &mut self.data {
            l.session.reload_settings();
            l.years = l.session.dataset.all_years().into_iter().collect();
            l.check = check(&l.session.dataset, &l.session.settings, None);
            l.tables.clear();
            l.trees.clear();
            l.charts.clear();
            l.city = None;
            l.city_table = None;
            l.city_table_shown = None;
            l.read_trail();
        }
        self.forms.clear();
        self.fix_year();
    }

    /// Settings are saved like every other edit: validated, one transaction, audited, undoable.
    fn save_settings(&mut self, pairs: Vec<(&'static str, String)>) {
        let Ok(l) = &self.data else { return };
        let mut settings = l.session.settings.clone();
        for (k, v) in &pairs {
            if let Err(e) = settings.apply(k, v) {
                self.set_status(Status::new(|lang| tab_pemeriksaan::setting_error_text(&e, lang)));
                return;
            }
        }
        let store = &l.session.store;
        let office = l.session.office_id;
        let mut ops = Vec::new();
        for (k, v) in settings.to_pairs() {
            let old = store.setting(office, k).ok().flatten();
            if old.as_deref() == Some(v.as_str()) {
                continue;
            }
            ops.push(crate::domain::Op::SetSetting { key: k.into(), old, new: v });
        }
        self.settings_form = None;
        if ops.is_empty() {
            self.set_status(Status::new(|lang| T::NothingChanged.get(lang).into()));
            return;
        }
        // The office's record, in Indonesian whatever the window's language.
        let description = "Pengaturan perhitungan".to_string();
        self.commands.push(Command::Apply(Change { description, ops }));
    }

    /// Draws the whole window into `ui` and handles the frame's commands.
    pub fn ui_main(&mut self, ui: &mut egui::Ui) {
        self.poll_integrity(ui.ctx());
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
        if self.job.is_some() {
            egui::Panel::bottom("job_progress").show(ui, |ui| jobs::job_ui(self, ui));
        }
        self.reword_status();
        if let Some(msg) = self.message.clone() {
            egui::Panel::bottom("message").show(ui, |ui| {
                // The buttons come first so that a long message cannot push them out of sight.
                ui.horizontal(|ui| {
                    if ui.small_button("✖").clicked() {
                        self.message = None;
                        self.saved_path = None;
                        self.generated_db = None;
                    }
                    if let Some(p) = self.saved_path.clone() {
                        let opening = self.opening_folder.is_some();
                        let button = egui::Button::new(self.state.lang.pick("Buka folder", "Open folder")).small();
                        if ui.add_enabled(!opening, button).clicked() {
                            // Asked of the file system on the click, not in every frame.
                            let dir =
                                if p.is_dir() { p.clone() } else { p.parent().map_or(p.clone(), |d| d.to_path_buf()) };
                            match save_dialog::open_folder(&dir) {
                                Ok(child) => self.opening_folder = Some((child, dir)),
                                Err(e) => self.set_status(Status::new(|lang| {
                                    save_dialog::open_folder_failed(&dir, &e.to_string(), lang)
                                })),
                            }
                        }
                    }
                    if let Some(db) = self.generated_db.clone() {
                        if ui.small_button(T::OpenGenerated.get(self.state.lang)).clicked() {
                            self.generated_db = None;
                            self.message = None;
                            self.commands.push(Command::OpenDatabase(db));
                        }
                    }
                    ui.add(egui::Label::new(msg).wrap());
                });
            });
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
        if self.about_open {
            self.about_ui(ui);
        }
        if self.name_prompt.is_some() {
            self.name_prompt_ui(ui);
        }
        if self.save_dialog.is_some() {
            save_dialog::save_dialog_ui(self, &ui.ctx().clone());
        }
        if self.import_path.is_some() {
            self.import_dialog_ui(ui);
        }
        demo_dialog::demo_dialog_ui(self, &ui.ctx().clone());
        budget_import::budget_import_ui(self, &ui.ctx().clone());
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

    fn name_prompt_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.state.lang;
        let mut done = None;
        egui::Window::new(T::AskNameTitle.get(lang)).collapsible(false).resizable(false).show(ui.ctx(), |ui| {
            let Some((name, _)) = &mut self.name_prompt else { return };
            let label = ui.label(T::AskName.get(lang));
            ui.add(egui::TextEdit::singleline(name).desired_width(260.0)).labelled_by(label.id);
            ui.horizontal(|ui| {
                if ui.add_enabled(!name.trim().is_empty(), egui::Button::new(T::Continue.get(lang))).clicked() {
                    done = Some(true);
                }
                if ui.button(T::Cancel.get(lang)).clicked() {
                    done = Some(false);
                }
            });
        });
        match done {
            Some(true) => {
                if let Some((name, change)) = self.name_prompt.take() {
                    self.state.user_name = name.trim().to_string();
                    self.apply_change(change);
                }
            }
            Some(false) => self.name_prompt = None,
            None => {}
        }
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.state.lang;
        // One line from 1024 px up in both languages: the rarely used actions live under *Menu*.
        ui.horizontal(|ui| {
            let name =
                self.data.as_ref().map(|l| l.session.dataset.office.name.clone()).unwrap_or_else(|_| "Kinerja".into());
            // The office's name takes what the rest of the bar (measured last frame) leaves, and
            // is shortened with an ellipsis (full on hover) rather than pushing the bar onto two
            // lines.
            let rest_id = ui.scope_id().with("top_bar_rest");
            let rest = ui.ctx().data(|d| d.get_temp::<f32>(rest_id)).unwrap_or(640.0);
            let name_width = (ui.available_width() - rest - 16.0).clamp(90.0, 480.0);
            let name_end = ui.cursor().left() + name_width;
            if let Some(l) = self.data.as_ref().ok().filter(|l| l.is_city()) {
                let current = l.session.office_id;
                egui::ComboBox::new("office", "")
                    .selected_text(egui::RichText::new(name).size(16.0).strong())
                    .width(name_width - 24.0)
                    .truncate()
                    .height(600.0)
                    .show_ui(ui, |ui| {
                        for o in &l.offices {
                            if ui.selectable_label(o.id == current, &o.name).clicked() {
                                self.commands.push(Command::SetOffice(o.id));
                            }
                        }
                    })
                    .response
                    .on_hover_text(T::ChooseOffice.get(lang));
            } else {
                let label = egui::Label::new(egui::RichText::new(name).size(16.0).strong()).truncate();
                ui.allocate_ui_with_layout(
                    egui::vec2(name_width, ui.spacing().interact_size.y),
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| ui.add(label),
                );
            }
            let rest_start = ui.cursor().left().max(name_end);
            ui.separator();
            if let Ok(l) = &self.data {
                let current = self.state.year.unwrap_or_default();
                // The city view covers the years of every office, not only the open one's.
                let mut years = l.years.clone();
                if let (Tab::Kota, Some(Ok(city))) = (self.state.tab, &l.city) {
                    years.extend(city.by_year.iter().map(|y| y.year));
                    years.sort_unstable();
                    years.dedup();
                }
                egui::ComboBox::new("year", T::Year.get(lang)).selected_text(current.to_string()).show_ui(ui, |ui| {
                    for y in years.iter().rev() {
                        if ui.selectable_label(*y == current, y.to_string()).clicked() {
                            self.commands.push(Command::SetYear(*y));
                        }
                    }
                });
                ui.separator();
                let writable = l.session.read_only.is_none();
                for (mode, text) in [(Mode::Tinjau, T::ModeReview), (Mode::Sunting, T::ModeEdit)] {
                    let enabled = mode == Mode::Tinjau || writable;
                    let r = ui.add_enabled(enabled, egui::Button::selectable(self.state.mode == mode, text.get(lang)));
                    if r.clicked() {
                        self.commands.push(Command::SetMode(mode));
                    }
                }
                if self.state.mode == Mode::Sunting {
                    let undo = self.history.next_undo().map(|c| crate::text::change_words(c, lang));
                    let redo = self.history.next_redo().map(|c| crate::text::change_words(c, lang));
                    let b = ui.add_enabled(undo.is_some(), egui::Button::new(T::Undo.get(lang)));
                    if b.on_hover_text(format!("Ctrl+Z {}", undo.unwrap_or_default())).clicked() {
                        self.commands.push(Command::Undo);
                    }
                    let b = ui.add_enabled(redo.is_some(), egui::Button::new(T::Redo.get(lang)));
                    if b.on_hover_text(format!("Ctrl+Y {}", redo.unwrap_or_default())).clicked() {
                        self.commands.push(Command::Redo);
                    }
                }
            }
            ui.separator();
            // The two names say what they are; the word "Bahasa" is their tooltip (it cost the
            // top bar its one line).
            for (l, text) in [(Lang::Id, "Bahasa Indonesia"), (Lang::En, "English")] {
                if ui.selectable_label(lang == l, text).on_hover_text(T::Language.get(lang)).clicked() {
                    self.commands.push(Command::SetLang(l));
                }
            }
            ui.separator();
            let busy = self.job.is_some();
            if let (Ok(_), Some(year)) = (&self.data, self.state.year) {
                if ui.add_enabled(!busy, egui::Button::new(lang.pick("Ekspor LKIP…", "Export LKIP…"))).clicked() {
                    self.save_dialog = Some(save_dialog::SaveDialog::new(save_dialog::SaveRequest::Lkip { year }));
                }
            }
            ui.menu_button(crate::text::tr!(lang, "Menu", "Menu"), |ui| {
                if self.data.is_ok() && ui.add_enabled(!busy, egui::Button::new(T::ImportDataset.get(lang))).clicked() {
                    self.import_path = Some(String::new());
                    // Closed whatever clicked it (a screen reader's click is no pointer click).
                    ui.close();
                }
                if ui.button(T::About.get(lang)).clicked() {
                    self.about_open = true;
                    ui.close();
                }
            });
            let rest = ui.min_rect().right() - rest_start;
            ui.ctx().data_mut(|d| d.insert_temp(rest_id, rest));
        });
    }

    fn tab_bar_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.state.lang;
        ui.horizontal_wrapped(|ui| {
            let city = self.data.as_ref().is_ok_and(|l| l.is_city());
            for tab in Tab::ALL.into_iter().filter(|t| *t != Tab::Kota || city) {
                let mut text = egui::RichText::new(tab.title().get(lang));
                if tab == Tab::Pemeriksaan {
                    // The count is the selected year's: the head reads it as "what is wrong in
                    // the report I am looking at".
                    if let (Ok(l), Some(year)) = (&self.data, self.state.year) {
                        let n = l.check.findings.iter().filter(|f| f.year == year).count();
                        if n > 0 {
                            text = egui::RichText::new(format!("{} ({n})", tab.title().get(lang)));
                        }
                    }
                }
                if ui.selectable_label(self.state.tab == tab, text).clicked() {
                    self.commands.push(Command::SetTab(tab));
                }
            }
        });
    }

    fn tab_ui(&mut self, ui: &mut egui::Ui) {
        let Some(year) = self.state.year else {
            ui.label(T::NoData.get(self.state.lang));
            return;
        };
        match self.state.tab {
            Tab::Ringkasan => tab_ringkasan::ringkasan_ui(self, ui, year),
            Tab::Organisasi => tab_organisasi::organisasi_ui(self, ui, year),
            Tab::Renstra => tab_renstra::renstra_ui(self, ui, year),
            Tab::Kinerja => tab_kinerja::kinerja_ui(self, ui, year),
            Tab::Anggaran => tab_anggaran::anggaran_ui(self, ui, year),
            Tab::Tren => tab_tren::tren_ui(self, ui, year),
            Tab::Pemeriksaan => tab_pemeriksaan::pemeriksaan_ui(self, ui, year),
            Tab::Riwayat => tab_riwayat::riwayat_ui(self, ui),
            Tab::Kota => tab_kota::kota_ui(self, ui, year),
        }
    }

    /// Shows the report table `id` of `year` as a collapsible section.
    pub fn report_table_ui(&mut self, ui: &mut egui::Ui, id: &str, year: Year, default_open: bool) -> Option<String> {
        let lang = self.state.lang;
        let Ok(l) = &mut self.data else { return None };
        let table = match l.table(id, year, lang) {
            Ok(t) => t.clone(),
            Err(e) => {
                // The message names the table already ("Tabel 3.4 tidak memiliki data …").
                ui.label(e.as_str());
                return None;
            }
        };
        let force = self.open_tables.iter().any(|t| t == id);
        let header =
            egui::CollapsingHeader::new(egui::RichText::new(format!("{} — {}", table.label(), table.title)).strong())
                .id_salt(("report_table", id))
                .default_open(default_open);
        let header = if force { header.open(Some(true)) } else { header };
        let state = self.tables.entry(id.to_string()).or_default();
        let mut clicked = None;
        let mut save = false;
        header.show(ui, |ui| {
            save = ui.small_button(lang.pick("Simpan sebagai…", "Save as…")).clicked();
            clicked = widgets::table_view_ui(ui, &table, lang, state, None);
        });
        if save {
            self.save_dialog =
                Some(save_dialog::SaveDialog::new(save_dialog::SaveRequest::Table { id: id.to_string(), year }));
        }
        if force {
            self.open_tables.retain(|t| t != id);
        }
        clicked
    }

    fn db_error_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.state.lang;
        let err = self.data.as_ref().err().cloned().unwrap_or_default();
        ui.heading(T::DbError.get(lang));
        ui.label(egui::RichText::new(err).color(ui.visuals().error_fg_color));
        ui.add_space(8.0);
        if let Some(latest) = self.backups_offered.first().cloned() {
            ui.label(lang.pick(
                "Berkas yang rusak tidak diubah. Pulihkan dari cadangan terbaru (berkas rusak disimpan dengan nama lain):",
                "The damaged file was not changed. Restore the latest backup (the damaged file is kept under another name):",
            ));
            if ui.button(format!("{} {}", lang.pick("Pulihkan", "Restore"), latest.display())).clicked() {
                self.commands.push(Command::Restore(latest));
            }
            ui.add_space(8.0);
        }
        ui.label(T::DbErrorHelp.get(lang));
        ui.horizontal(|ui| {
            let label = ui.label(T::PathLabel.get(lang));
            ui.add(egui::TextEdit::singleline(&mut self.path_input).desired_width(420.0)).labelled_by(label.id);
            if ui.button(T::Browse.get(lang)).clicked() {
                if let Some(p) = rfd::FileDialog::new().add_filter("SQLite", &["sqlite", "db"]).save_file() {
                    self.path_input = p.display().to_string();
                }
            }
            if ui.button(T::OpenThis.get(lang)).clicked() && !self.path_input.trim().is_empty() {
                self.commands.push(Command::OpenDatabase(PathBuf::from(self.path_input.trim())));
            }
        });
    }

    /// *Impor dataset…*: a path field (always works) and the native dialog where there is one.
    fn import_dialog_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.state.lang;
        let mut open = true;
        let mut start = None;
        egui::Window::new(T::ImportDataset.get(lang)).collapsible(false).open(&mut open).show(ui.ctx(), |ui| {
            let Some(path) = &mut self.import_path else { return };
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
            let ready = !path.trim().is_empty();
            if ui.add_enabled(ready, egui::Button::new(T::ImportStart.get(lang))).clicked() {
                start = Some(PathBuf::from(path.trim()));
            }
        });
        if !open {
            self.import_path = None;
        }
        if let Some(p) = start {
            self.commands.push(Command::ImportDataset(p));
        }
    }

    fn about_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.state.lang;
        let mut open = true;
        egui::Window::new(T::About.get(lang)).collapsible(false).resizable(false).open(&mut open).show(
            ui.ctx(),
            |ui| {
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
                    ui.label(self.db_path.display().to_string());
                    ui.end_row();
                    if let Ok(l) = &self.data {
                        ui.label(T::SchemaVersion.get(lang));
                        ui.label(l.schema_version.map(|v| v.to_string()).unwrap_or_default());
                        ui.end_row();
                    }
                });
                ui.separator();
                ui.label(T::DemoHint.get(lang));
                if ui.add_enabled(self.job.is_none(), egui::Button::new(T::DemoButton.get(lang))).clicked() {
                    self.demo_dialog = Some(demo_dialog::DemoDialog::default());
                }
            },
        );
        if !open {
            self.about_open = false;
        }
    }
}

/// The tab that shows tables of `kind`.
pub fn tab_of_kind(kind: TableKind) -> Tab {
    match kind {
        TableKind::Staff | TableKind::Assets => Tab::Organisasi,
        TableKind::RenstraGoals | TableKind::IkuDictionary => Tab::Renstra,
        TableKind::Efficiency | TableKind::BudgetMurni | TableKind::BudgetRealisation | TableKind::BudgetComparison => {
            Tab::Anggaran
        }
        _ => Tab::Kinerja,
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

/// Light theme (office documents are white) and the fallback font.
pub fn setup_context(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Light);
    let mut fonts = egui::FontDefinitions::default();
    fonts
        .font_data
        .insert("dejavu".into(), std::sync::Arc::new(egui::FontData::from_static(crate::embedded::FONT_TTF)));
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts.families.entry(family).or_default().push("dejavu".into());
    }
    ctx.set_fonts(fonts);
}

/// Opens the application window on the database at `db` (on `office`, by code, when given).
pub fn run(db: PathBuf, office: Option<String>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([900.0, 600.0])
            .with_title("Kinerja"),
        ..Default::default()
    };
    eframe::run_native(
        "Kinerja",
        options,
        Box::new(move |cc| {
            setup_context(&cc.egui_ctx);
            let mut state = cc.storage.and_then(|s| eframe::get_value::<UiState>(s, STORAGE_KEY)).unwrap_or_default();
            if office.is_some() {
                state.office = office;
            }
            Ok(Box::new(KinerjaApp::new(db, state)))
        }),
    )
    .map_err(|e| e.to_string())
}
