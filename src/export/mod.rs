//! Files out: the LKIP as DOCX and PDF, tables as CSV, XLSX and a table PDF, charts as PNG and
//! SVG. The LKIP's model (`report::lkip`) is drawn by [`lkip_docx`] and, as [`PdfPart`]s, by
//! [`render_pdf`]. Each function produces bytes; [`write_file`] puts them on disk without ever
//! leaving a half-written file.

mod chart;
mod csv_table;
mod document;
mod docx;
mod pdf;
mod xlsx;

pub use chart::{chart_png, chart_svg};
pub use csv_table::{table_csv, CsvDialect};
pub use document::{lkip_files, lkip_files_with, ExportFile, Narrative, CANCELLED};
pub use docx::{docx_chart_pngs, lkip_docx, lkip_docx_with_charts, DocxError};
pub use pdf::{lkip_pdf, render as render_pdf, Part as PdfPart, PdfError};
pub use xlsx::{lkip_xlsx, tables_xlsx, XlsxError};

use std::path::Path;

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{0} already exists; use --force to overwrite it")]
    Exists(String),
    #[error("cannot write {path}: {source}")]
    Io { path: String, source: std::io::Error },
}

impl WriteError {
    /// The message in Indonesian.
    pub fn message_id(&self) -> String {
        match self {
            WriteError::Exists(p) => format!("{p} sudah ada; gunakan --force untuk menimpanya"),
            WriteError::Io { path, source } => format!("tidak dapat menulis {path}: {source}"),
        }
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so that
/// the file is either complete or absent. An existing file is replaced only with `force`.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), WriteError> {
    let shown = path.display().to_string();
    if path.exists() && !force {
        return Err(WriteError::Exists(shown));
    }
    let io = |source| WriteError::Io { path: shown.clone(), source };
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("kinerja");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|_| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}
