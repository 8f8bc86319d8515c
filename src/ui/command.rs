//! What the user asks of the window: tabs, dialogs and forms send [`Command`]s; the application
//! carries them out in one place (its handler, `app/handle.rs`), after the frame is drawn.

use super::dialogs::SaveRequest;
use super::{Mode, Tab};
use crate::domain::{Change, Year};
use crate::format::Lang;
use std::path::PathBuf;

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
    /// A table asked to be shown open once has been drawn open.
    TableShown(String),
    /// *Perjanjian Kinerja & Capaian* has scrolled to the indicator's section.
    SectionShown,
    /// Choose the budget line edited on *Anggaran* (`None`: none).
    SelectBudgetLine(Option<String>),
    /// Choose the asset line edited on *Organisasi*.
    SelectAsset(Option<String>),
    /// Open or close the Renstra target form in an indicator's section.
    ToggleRenstraTargets(String),
    /// Open or close the settings form of *Pemeriksaan*.
    SetSettingsOpen(bool),
    /// Open the database file or server database there.
    OpenDatabase(crate::app::Location),
    SaveSettings(Vec<(&'static str, String)>),
    /// Write a change (one transaction, one undo step).
    Apply(Change),
    Undo,
    Redo,
    /// Put a backup in place of the database (the current file is kept aside).
    Restore(PathBuf),
    /// Show a message in the status line.
    SetStatus(super::Status),
    /// Close the status line (and what it offers: the folder written, the city generated).
    DismissStatus,
    /// Open the folder of the file last written in the system's file manager.
    OpenSavedFolder,
    /// Open *Simpan sebagai…*.
    OpenSaveDialog(SaveRequest),
    /// Open *Simpan sebagai…* for a chart of the year.
    SaveChart(String),
    /// Open a dialog.
    OpenDialog(Dialog),
    /// Close a dialog (its window's ✖ or *Batal*).
    CloseDialog(Dialog),
    /// Start what the open *Simpan sebagai…* describes (errors stay in the dialog).
    StartSave,
    /// Generate the demo city the open dialog describes.
    StartDemo,
    /// Read the spreadsheet named in the open *Impor realisasi…*.
    ReadBudgetSheet,
    /// After a conflict: keep what the other writer saved (`false`: the data is read again,
    /// nothing written) or write the user's values over it (`true`).
    ResolveConflict {
        write_mine: bool,
    },
    /// The name for the audit trail was given; the change waiting for it is written.
    NameGiven(String),
    /// Work on another office of the database.
    SetOffice(i64),
    /// Import a dataset (CSV folder or XLSX workbook) in the background.
    ImportDataset(PathBuf),
    /// Run the consistency check on every office in the background.
    CheckCity,
    /// Ask the running background work to stop.
    CancelJob,
}

/// The windows over the tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialog {
    About,
    ImportDataset,
    Demo,
    /// *Impor realisasi…* into the budget of a year.
    BudgetImport(Year),
    Save,
    /// The question for the user's name (closing it drops the change waiting for it).
    NamePrompt,
    /// A change refused because someone else changed its record (closing it keeps theirs).
    Conflict,
}
