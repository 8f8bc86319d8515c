//! The window (egui).

use std::path::PathBuf;

/// Opens the application window on the database at `db`.
pub fn run(db: PathBuf) -> Result<(), String> {
    let _ = db;
    Err("window not built yet".into())
}
