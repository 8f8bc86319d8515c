//! What the window remembers between runs (eframe storage), apart from runtime state.

use crate::domain::Year;
use crate::format::Lang;
use serde::{Deserialize, Serialize};

/// The tabs, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Tab {
    #[default]
    Ringkasan,
    Organisasi,
    Renstra,
    Kinerja,
    Anggaran,
    /// The report's text.
    Laporan,
    Tren,
    Pemeriksaan,
    Riwayat,
    /// Every office together (shown when the database holds more than one).
    Kota,
}

impl Tab {
    pub const ALL: [Tab; 10] = [
        Tab::Ringkasan,
        Tab::Organisasi,
        Tab::Renstra,
        Tab::Kinerja,
        Tab::Anggaran,
        Tab::Laporan,
        Tab::Tren,
        Tab::Pemeriksaan,
        Tab::Riwayat,
        Tab::Kota,
    ];

    pub fn title(self) -> super::strings::T {
        use super::strings::T;
        match self {
            Tab::Ringkasan => T::TabRingkasan,
            Tab::Organisasi => T::TabOrganisasi,
            Tab::Renstra => T::TabRenstra,
            Tab::Kinerja => T::TabKinerja,
            Tab::Anggaran => T::TabAnggaran,
            Tab::Laporan => T::TabLaporan,
            Tab::Tren => T::TabTren,
            Tab::Pemeriksaan => T::TabPemeriksaan,
            Tab::Riwayat => T::TabRiwayat,
            Tab::Kota => T::TabKota,
        }
    }
}

/// Review (read-only, the default) or edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Mode {
    #[default]
    Tinjau,
    Sunting,
}

/// Persisted between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct UiState {
    pub tab: Tab,
    pub year: Option<Year>,
    pub lang: Lang,
    /// Not remembered: the window always opens in *Tinjau*, so that nobody edits by accident
    /// because the last session ended in *Sunting*.
    #[serde(skip)]
    pub mode: Mode,
    /// The name written into the audit trail, asked once.
    pub user_name: String,
    /// The code of the office being worked on.
    pub office: Option<String>,
    /// The folder *Simpan sebagai…* last wrote into, offered again.
    pub save_dir: Option<String>,
}

/// The key under which [`UiState`] is stored.
pub const STORAGE_KEY: &str = "kinerja-ui-state";
