//! The window (egui): a top bar, one tab per file, dialogs, and every text in both languages
//! through [`strings`] and `crate::text`. Tabs and dialogs draw from narrow contexts and send
//! [`Command`]s; the application ([`KinerjaApp`]) carries them out in one place.

mod app;
mod command;
mod context;
pub mod dialogs;
pub mod forms;
pub mod jobs;
mod state;
pub mod strings;
mod tab_anggaran;
mod tab_kinerja;
mod tab_kota;
mod tab_laporan;
mod tab_organisasi;
mod tab_pemeriksaan;
mod tab_renstra;
mod tab_ringkasan;
mod tab_riwayat;
mod tab_tren;
pub mod widgets;

pub use app::{KinerjaApp, Loaded, NarrativeView, ShownSection};
pub use command::{Command, Dialog};
pub use context::{Selection, TabContext, Widgets};
pub use dialogs::SaveRequest;
pub use state::{Mode, Tab, UiState, STORAGE_KEY};

use crate::domain::TableKind;
use crate::format::Lang;

/// A status message worded in both languages, so that the status line follows a change of
/// language instead of keeping the words of the moment it was made. A text that exists in one
/// language only (a system error) is the same in both.
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

/// Opens the application window on the database at `db`, a file or a server database (on
/// `office`, by code, when given).
pub fn run(db: crate::app::Location, office: Option<String>) -> Result<(), String> {
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
            Ok(Box::new(KinerjaApp::open(db, state)))
        }),
    )
    .map_err(|e| e.to_string())
}
