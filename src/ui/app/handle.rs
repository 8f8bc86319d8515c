//! The one place where the window's state changes: every [`Command`] sent during a frame is
//! carried out here, after the frame is drawn.

use super::{KinerjaApp, Loaded};
use crate::app::{History, Integrity, Location, Session};
use crate::calc::check::check;
use crate::domain::Change;
use crate::format::Lang;
use crate::storage::EditError;
use crate::ui::dialogs::{BudgetImportDialog, ConflictDialog, DemoDialog, Dialogs, SaveDialog, SaveRequest};
use crate::ui::strings::T;
use crate::ui::{tab_kinerja, tab_of_kind, Command, Dialog, Mode, Status, Tab};
use std::path::PathBuf;

impl KinerjaApp {
    /// Carries out the commands sent during the frame.
    pub fn handle(&mut self) {
        // A command may send others (settings become a change); they are carried out in turn.
        while !self.commands.is_empty() {
            for c in std::mem::take(&mut self.commands) {
                self.carry_out(c);
            }
        }
    }

    fn carry_out(&mut self, c: Command) {
        match c {
            Command::SetTab(t) => {
                self.state.tab = t;
                self.keep_year_of_office();
            }
            Command::SetYear(y) => self.state.year = Some(y),
            Command::SetLang(l) => {
                // A form's texts are written in the old language's convention: read in the new
                // one, `1.500` would change its meaning. Refilled from the data.
                if l != self.state.lang {
                    self.widgets.forms.clear();
                }
                self.state.lang = l;
            }
            Command::SetMode(m) => {
                self.state.mode = m;
                self.selection.settings_open = false;
                self.widgets.forms.settings = None;
                if m == Mode::Tinjau {
                    // Imports write: leaving *Sunting* closes the dialog.
                    self.dialogs.budget_import = None;
                }
            }
            Command::OpenTable { table, subject } => self.open_table(table, subject),
            Command::Navigate { tab, subject } => self.navigate(tab, subject),
            Command::TableShown(id) => self.selection.open_tables.retain(|t| *t != id),
            Command::SectionShown => self.selection.scroll_to_section = None,
            Command::SelectBudgetLine(kode) => self.selection.budget_line = kode,
            Command::SelectAsset(code) => self.selection.asset = code,
            Command::ToggleRenstraTargets(code) => {
                if !self.selection.renstra_targets_open.remove(&code) {
                    self.selection.renstra_targets_open.insert(code);
                }
            }
            Command::SetSettingsOpen(open) => {
                self.selection.settings_open = open;
                self.widgets.forms.settings = None;
            }
            Command::OpenDatabase(path) => self.open_database(path),
            Command::Restore(backup) => self.restore(backup),
            Command::SaveSettings(pairs) => self.save_settings(pairs),
            Command::Apply(change) => {
                if self.audit_user().is_none() {
                    self.dialogs.name_prompt = Some((String::new(), change));
                } else {
                    self.apply_change(change);
                }
            }
            Command::ResolveConflict { write_mine } => self.resolve_conflict(write_mine),
            Command::NameGiven(name) => {
                if let Some((_, change)) = self.dialogs.name_prompt.take() {
                    self.state.user_name = name.trim().to_string();
                    self.apply_change(change);
                }
            }
            Command::Undo | Command::Redo => self.undo_redo(c == Command::Undo),
            Command::SetStatus(s) => self.set_status(s),
            Command::DismissStatus => self.status = Default::default(),
            Command::OpenSavedFolder => self.open_saved_folder(),
            Command::OpenSaveDialog(request) => self.dialogs.save = Some(SaveDialog::new(request)),
            Command::SaveChart(id) => {
                if let Some(year) = self.state.year {
                    self.dialogs.save = Some(SaveDialog::new(SaveRequest::Chart { id, year }));
                }
            }
            Command::OpenDialog(d) => self.open_dialog(d),
            Command::CloseDialog(d) => close_dialog(&mut self.dialogs, d),
            Command::StartSave => self.start_save(),
            Command::StartDemo => self.start_demo(),
            Command::ReadBudgetSheet => self.read_budget_sheet(),
            Command::SetOffice(id) => self.set_office(id),
            Command::ImportDataset(source) => self.start_import(source),
            Command::CheckCity => self.start_city_check(),
            Command::CancelJob => {
                if let Some(job) = &self.work.job {
                    job.cancel();
                }
            }
        }
    }

    fn open_dialog(&mut self, d: Dialog) {
        let dialogs = &mut self.dialogs;
        match d {
            Dialog::About => dialogs.about = true,
            Dialog::ImportDataset => dialogs.import_dataset = Some(String::new()),
            Dialog::Demo => dialogs.demo = Some(DemoDialog::default()),
            Dialog::BudgetImport(year) => {
                if self.state.mode == Mode::Sunting {
                    dialogs.budget_import = Some(BudgetImportDialog::new(year));
                }
            }
            // Opened with what they are about (a request, a change waiting for a name).
            Dialog::Save | Dialog::NamePrompt | Dialog::Conflict => {}
        }
    }

    fn open_table(&mut self, table: String, subject: String) {
        let year = self.state.year;
        let kind = self.data.as_ref().ok().zip(year).and_then(|(l, y)| {
            crate::calc::layout::layout(&l.session.dataset, y).into_iter().find(|t| t.id == table).map(|t| t.kind)
        });
        self.state.tab = kind.map_or(Tab::Pemeriksaan, tab_of_kind);
        let st = self.widgets.tables.entry(table.clone()).or_default();
        st.scroll_to = Some(subject.clone());
        st.selected = Some(subject);
        st.filter.clear();
        st.collapsed.clear();
        self.selection.open_tables = vec![table];
    }

    fn navigate(&mut self, tab: Tab, subject: String) {
        self.state.tab = tab;
        for st in self.widgets.tables.values_mut() {
            st.selected = Some(subject.clone());
        }
        // One table scrolls to the subject, the first of the tab that shows it; a table not
        // drawn yet has no state to carry the request, so it is made here. An indicator with a
        // section of its own on *Perjanjian Kinerja & Capaian* is shown at that section (its
        // heading at the top), not at its row in the agreement table above.
        let section = self.section_of(tab, &subject);
        if let Some(id) = self.first_table_showing(tab, &subject) {
            let st = self.widgets.tables.entry(id.clone()).or_default();
            st.selected = Some(subject.clone());
            st.filter.clear();
            if section.is_none() {
                st.scroll_to = Some(subject.clone());
                self.selection.open_tables = vec![id];
            }
        }
        self.selection.scroll_to_section = section;
        if tab == Tab::Anggaran {
            self.selection.budget_line = subject.strip_prefix("budget:").map(str::to_string);
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

    pub(super) fn open_database(&mut self, location: Location) {
        // A check still running is about the file open before: its verdict must not reach the
        // new session (the thread finishes on its own; its result is dropped).
        self.work.integrity = None;
        self.work.mode_after_check = None;
        match Session::open_location(&location, self.state.office.as_deref(), Integrity::Later) {
            Ok(s) => {
                self.data = Ok(Loaded::new(s));
                self.backups_offered.clear();
                self.widgets = Default::default();
                self.selection = Default::default();
                self.history = History::default();
                self.status.status = None;
            }
            Err(e) => self.show_open_error(e),
        }
        self.path_input = location.shown();
        self.location = location;
        self.fix_year();
    }

    fn restore(&mut self, backup: PathBuf) {
        let Some(path) = self.location.file().map(std::path::Path::to_path_buf) else {
            self.set_status(Status::new(|lang| T::ServerBackups.get(lang).into()));
            return;
        };
        // Close the database (and its lock) before the files are swapped.
        self.data = Err(String::new());
        match crate::storage::restore_backup(&path, &backup) {
            Ok(kept) => {
                self.open_database(Location::File(path));
                self.set_status(Status::new(|lang| match &kept {
                    Some(k) => format!(
                        "{} {} ({} {})",
                        lang.pick("Dipulihkan dari", "Restored from"),
                        backup.display(),
                        lang.pick("berkas sebelumnya disimpan sebagai", "the previous file was kept as"),
                        k.display()
                    ),
                    None => format!("{} {}", lang.pick("Dipulihkan dari", "Restored from"), backup.display()),
                }));
            }
            Err(e) => {
                self.open_database(Location::File(path));
                self.set_status(Status::new(|lang| {
                    format!("{}: {e}", lang.pick("Gagal memulihkan", "Could not restore"))
                }));
            }
        }
    }

    /// The database could not be opened (or turned out damaged): say why, offer its backups.
    pub(super) fn show_open_error(&mut self, e: crate::app::OpenError) {
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
                self.widgets = Default::default();
                self.selection = Default::default();
                self.status.status = None;
            }
            Err(e) => self.set_status(Status::new(|lang| e.message(lang))),
        }
        self.after_data_change();
    }

    fn apply_change(&mut self, change: Change) {
        let Ok(l) = &mut self.data else { return };
        let description = Status::new(|lang| crate::text::change_words(&change, lang));
        let user = audit_user(&l.session, &self.state.user_name).unwrap_or_default();
        let result = l.session.apply(&mut self.history, change.clone(), &user);
        self.saved_or_conflict(result, change, description);
    }

    /// The status after writing `change`; a conflict with another writer opens its dialog.
    fn saved_or_conflict(&mut self, result: Result<(), EditError>, change: Change, description: Status) {
        let status = match result {
            Ok(()) => Status::new(|lang| format!("{}: {}", T::Saved.get(lang), description.get(lang))),
            Err(e) => {
                let status = Status::new(|lang| format!("{}: {}", T::NotSaved.get(lang), e.message(lang)));
                if matches!(e, EditError::Conflict(_)) {
                    self.dialogs.conflict = Some(ConflictDialog { change, conflict: e });
                }
                status
            }
        };
        self.set_status(status);
        self.after_data_change();
    }

    /// Keeps the other writer's values (the data read again, nothing written) or writes the
    /// user's over them, one undo step.
    fn resolve_conflict(&mut self, write_mine: bool) {
        let Some(ConflictDialog { change, conflict }) = self.dialogs.conflict.take() else { return };
        let Ok(l) = &mut self.data else { return };
        let rebased = match conflict {
            EditError::Conflict(c) if write_mine => c.rebased,
            _ => None,
        };
        let rebased = match rebased {
            Some(rebased) => rebased,
            None => {
                let status = match l.session.reload() {
                    Ok(()) => Status::new(|lang| T::TheirsKept.get(lang).to_string()),
                    Err(e) => Status::new(|lang| format!("{}: {}", T::NotSaved.get(lang), e.message(lang))),
                };
                self.set_status(status);
                self.after_data_change();
                return;
            }
        };
        let description = Status::new(|lang| crate::text::change_words(&change, lang));
        let user = audit_user(&l.session, &self.state.user_name).unwrap_or_default();
        let result = l.session.write_mine(&mut self.history, change.clone(), &rebased, &user);
        self.saved_or_conflict(result, change, description);
    }

    fn undo_redo(&mut self, undo: bool) {
        let Ok(l) = &mut self.data else { return };
        let user = audit_user(&l.session, &self.state.user_name).unwrap_or_default();
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
    pub(super) fn after_data_change(&mut self) {
        if let Ok(l) = &mut self.data {
            l.session.reload_settings();
            l.years = l.session.dataset.all_years().into_iter().collect();
            l.check = check(&l.session.dataset, &l.session.settings, None);
            l.tables.clear();
            l.trees.clear();
            l.charts.clear();
            l.narratives.clear();
            l.city = None;
            l.city_table = None;
            l.city_table_shown = None;
            l.read_trail();
        }
        self.widgets.forms.clear();
        self.fix_year();
    }

    /// Settings are saved like every other edit: validated, one transaction, audited, undoable.
    fn save_settings(&mut self, pairs: Vec<(&'static str, String)>) {
        let Ok(l) = &self.data else { return };
        let change = match crate::app::settings::set_change(&l.session, &pairs) {
            Ok(c) => c,
            Err(e) => {
                self.set_status(Status::new(|lang| crate::text::settings::setting_error(&e, lang)));
                return;
            }
        };
        self.selection.settings_open = false;
        self.widgets.forms.settings = None;
        match change {
            Some(change) => self.commands.push(Command::Apply(change)),
            None => self.set_status(Status::new(|lang| T::NothingChanged.get(lang).into())),
        }
    }

    /// Who the audit trail names for a change made now: the login signed in to a server, else
    /// the name the user gave (`None` until given).
    pub(super) fn audit_user(&self) -> Option<String> {
        match &self.data {
            Ok(l) => audit_user(&l.session, &self.state.user_name),
            Err(_) => None,
        }
    }

    /// Whether background work can open the database again on a connection of its own: a
    /// server, or a file (not the in-memory copy of tests and demos).
    pub(super) fn reopenable(&self) -> bool {
        match &self.location {
            Location::Server(_) => true,
            Location::File(_) => self.data.as_ref().is_ok_and(|l| l.is_file()),
        }
    }

    /// The words of the language the window shows now (for texts built here, not in a tab).
    pub(super) fn lang(&self) -> Lang {
        self.state.lang
    }
}

fn close_dialog(dialogs: &mut Dialogs, d: Dialog) {
    match d {
        Dialog::About => dialogs.about = false,
        Dialog::ImportDataset => dialogs.import_dataset = None,
        Dialog::Demo => dialogs.demo = None,
        Dialog::BudgetImport(_) => dialogs.budget_import = None,
        Dialog::Save => dialogs.save = None,
        Dialog::NamePrompt => dialogs.name_prompt = None,
        Dialog::Conflict => dialogs.conflict = None,
    }
}

/// [`KinerjaApp::audit_user`] of `session`, with `given` the name typed in the window.
fn audit_user(session: &Session, given: &str) -> Option<String> {
    if session.signed_in.is_some() {
        return Some(session.user_name());
    }
    Some(given.trim().to_string()).filter(|n| !n.is_empty())
}
