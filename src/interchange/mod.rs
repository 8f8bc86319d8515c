//! The dataset interchange format: one UTF-8 CSV file per entity, with a header row.
//!
//! The same format is embedded as the default dataset, read by `kinerja import` and written by
//! `kinerja export --dataset`. `docs/dataset-format.md` describes every file and column.

mod phones;
mod problem;
mod records;
mod row;
mod workbook;

pub use phones::*;
pub use problem::*;
pub use records::*;
pub use row::*;
pub use workbook::*;

use crate::domain::Dataset;

/// A place to read interchange files from (a folder, the embedded copy, …).
pub trait Source {
    /// The bytes of `file`, `Ok(None)` when there is no such file.
    fn read(&self, file: &str) -> std::io::Result<Option<Vec<u8>>>;
    /// A name for messages.
    fn describe(&self) -> String;
}

/// A folder of CSV files.
pub struct DirSource(pub std::path::PathBuf);

impl Source for DirSource {
    fn read(&self, file: &str) -> std::io::Result<Option<Vec<u8>>> {
        match std::fs::read(self.0.join(file)) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
    fn describe(&self) -> String {
        self.0.display().to_string()
    }
}

/// Reads and validates a whole dataset; every problem found is listed, nothing is half-read.
pub fn read_dataset(source: &dyn Source) -> Result<Dataset, Problems> {
    records::read_all(source)
}

/// Writes a dataset as interchange files: `(file name, bytes)` in a stable order.
pub fn write_dataset(dataset: &Dataset) -> Vec<(&'static str, Vec<u8>)> {
    records::write_all(dataset)
}

/// A dataset from a folder of CSV files or from an XLSX workbook, by what `path` is. A path that
/// names nothing is one problem, not one per file the folder should have held.
pub fn read_path(path: &std::path::Path) -> Result<Dataset, Problems> {
    let name = path.display().to_string();
    let whole = |kind| Problems::new(vec![Problem { file: name.clone(), line: None, column: None, kind }]);
    match std::fs::metadata(path) {
        Err(e) => return Err(whole(io_problem(&e))),
        Ok(meta) if meta.is_dir() => return read_dataset(&DirSource(path.to_path_buf())),
        Ok(_) if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) => {
            return Err(whole(ProblemKind::OneCsvFile))
        }
        Ok(_) => {}
    }
    let bytes = std::fs::read(path).map_err(|e| whole(io_problem(&e)))?;
    let source = WorkbookSource::from_bytes(&name, bytes)?;
    read_dataset(&source)
}

/// What a failed read of a file or folder means for the user.
pub fn io_problem(e: &std::io::Error) -> ProblemKind {
    match e.kind() {
        std::io::ErrorKind::NotFound => ProblemKind::NotFound,
        std::io::ErrorKind::PermissionDenied => ProblemKind::PermissionDenied,
        _ => ProblemKind::Unreadable(e.to_string()),
    }
}
