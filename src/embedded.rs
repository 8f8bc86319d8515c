//! The default dataset (LKIP 2024 of Dinas Koperasi, UKM Kota Bekasi), embedded at build time.

use crate::domain::Dataset;
use crate::interchange::{self, Problems, Source};

mod files {
    include!(concat!(env!("OUT_DIR"), "/embedded_dataset.rs"));
}

/// The embedded interchange files.
pub struct EmbeddedSource;

impl Source for EmbeddedSource {
    fn read(&self, file: &str) -> std::io::Result<Option<Vec<u8>>> {
        Ok(files::FILES.iter().find(|(name, _)| *name == file).map(|(_, b)| b.to_vec()))
    }
    fn describe(&self) -> String {
        "embedded dataset (Bekasi LKIP 2024)".into()
    }
}

/// The embedded dataset, parsed and validated.
pub fn dataset() -> Result<Dataset, Problems> {
    interchange::read_dataset(&EmbeddedSource)
}

/// Names and bytes of the embedded files.
pub fn files() -> &'static [(&'static str, &'static [u8])] {
    files::FILES
}

/// The embedded font (DejaVu Sans): covers every character of the reference report and the
/// symbols Kinerja draws (▾ ▸ ⚠ ÷ × – ≥), on screen and in exported charts, whatever fonts the
/// machine has.
pub const FONT_TTF: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
