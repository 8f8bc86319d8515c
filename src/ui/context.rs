//! What a tab may see and do while it draws: the loaded data (with its caches), the language,
//! the mode, the year, what the user has selected, the memory of its own widgets, and a sink for
//! [`Command`]s. A tab never holds the application: every change of state goes through a command,
//! carried out by the one handler after the frame is drawn.

use super::app::Loaded;
use super::forms::Forms;
use super::widgets::TableUiState;
use super::{Command, Mode, SaveRequest, Status};
use crate::domain::{Change, Year};
use crate::format::Lang;
use std::collections::{HashMap, HashSet};

/// What the user has opened or selected in the tabs; changed only by [`Command`]s.
#[derive(Debug, Default)]
pub struct Selection {
    /// Tables shown open once (a navigation target).
    pub open_tables: Vec<String>,
    /// The indicator whose section *Perjanjian Kinerja & Capaian* scrolls to once.
    pub scroll_to_section: Option<String>,
    /// Indicators whose Renstra target form is open in their section (*Sunting*).
    pub renstra_targets_open: HashSet<String>,
    /// The budget line chosen for editing on *Anggaran*.
    pub budget_line: Option<String>,
    /// The asset line chosen for editing on *Organisasi*.
    pub asset: Option<String>,
    /// The settings form of *Pemeriksaan* while it is open.
    pub settings_open: bool,
}

/// The memory of the tabs' own widgets: how each table is scrolled, filtered, folded, and what
/// is typed into each form. Like egui's own widget memory, it is not the application's state.
#[derive(Debug, Default)]
pub struct Widgets {
    pub tables: HashMap<String, TableUiState>,
    pub forms: Forms,
}

/// The narrow view a tab draws from.
pub struct TabContext<'a> {
    pub data: &'a mut Loaded,
    pub lang: Lang,
    pub mode: Mode,
    pub year: Year,
    /// Long work is running in the background (actions that start another are disabled).
    pub busy: bool,
    pub selection: &'a Selection,
    pub widgets: &'a mut Widgets,
    commands: &'a mut Vec<Command>,
}

impl<'a> TabContext<'a> {
    pub(super) fn new(
        data: &'a mut Loaded,
        (lang, mode, year, busy): (Lang, Mode, Year, bool),
        selection: &'a Selection,
        widgets: &'a mut Widgets,
        commands: &'a mut Vec<Command>,
    ) -> TabContext<'a> {
        TabContext { data, lang, mode, year, busy, selection, widgets, commands }
    }

    /// Asks for `command` to be carried out after this frame.
    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Asks for `change` to be written (one transaction, one undo step).
    pub fn apply(&mut self, change: Change) {
        self.send(Command::Apply(change));
    }

    /// Shows `status` in the status line.
    pub fn status(&mut self, status: Status) {
        self.send(Command::SetStatus(status));
    }

    pub fn editing(&self) -> bool {
        self.mode == Mode::Sunting
    }

    /// Opens *Simpan sebagai…* for `request`.
    pub fn save_as(&mut self, request: SaveRequest) {
        self.send(Command::OpenSaveDialog(request));
    }

    /// Shows the report table `id` of `year` as a collapsible section with its *Simpan
    /// sebagai…* button; returns the subject of a row clicked.
    pub fn report_table_ui(&mut self, ui: &mut egui::Ui, id: &str, year: Year, default_open: bool) -> Option<String> {
        let lang = self.lang;
        let table = match self.data.table(id, year, lang) {
            Ok(t) => t.clone(),
            Err(e) => {
                // The message names the table already ("Tabel 3.4 tidak memiliki data …").
                ui.label(e.as_str());
                return None;
            }
        };
        let force = self.selection.open_tables.iter().any(|t| t == id);
        let header =
            egui::CollapsingHeader::new(egui::RichText::new(format!("{} — {}", table.label(), table.title)).strong())
                .id_salt(("report_table", id))
                .default_open(default_open);
        let header = if force { header.open(Some(true)) } else { header };
        let state = self.widgets.tables.entry(id.to_string()).or_default();
        let mut clicked = None;
        let mut save = false;
        header.show(ui, |ui| {
            save = ui.small_button(lang.pick("Simpan sebagai…", "Save as…")).clicked();
            clicked = super::widgets::table_view_ui(ui, &table, lang, state, None);
        });
        if save {
            self.save_as(SaveRequest::Table { id: id.to_string(), year });
        }
        if force {
            self.send(Command::TableShown(id.to_string()));
        }
        clicked
    }
}
