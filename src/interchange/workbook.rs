//! The interchange format as one XLSX workbook: one sheet per file (named like the file without
//! `.csv`), the header in the first row. Read through the same validation as the CSV folder.

use super::{CellContent, Problem, ProblemKind, Problems, Source};
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

/// The most cells a worksheet of the dataset workbook may span (rows × columns of its used
/// range, counted from A1): a large office's budget over ten years is about 2.5 million.
pub const MAX_DATASET_SHEET_CELLS: u64 = 5_000_000;

/// The most columns a worksheet may use: Excel's own limit (XFD).
pub const MAX_SHEET_COLUMNS: u32 = 16_384;

/// One worksheet of an XLSX workbook read cell by cell: only the cells that hold something, so
/// that a lone cell far away (XFD1048576) costs nothing, unlike calamine's ranges, which allocate
/// every cell between A1 and the last one.
#[derive(Debug)]
pub struct StreamedSheet {
    pub name: String,
    /// `(row, column)` from 0 and the value, in the file's order.
    pub cells: Vec<((u32, u32), Data)>,
    /// The positions of cells that hold a formula.
    pub formulas: Vec<(u32, u32)>,
    /// Rows and columns of the used range counted from A1 (0 when the sheet is empty).
    pub rows: u32,
    pub columns: u32,
}

/// Why a workbook could not be read cell by cell.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkbookError {
    /// Not a readable XLSX file (calamine's words).
    #[error("not a readable XLSX workbook ({0})")]
    Unreadable(String),
    /// The reader library stopped on it (a panic, caught): damaged or unsupported.
    #[error(
        "the workbook is damaged or of a kind that cannot be read ({0}); open it in Excel and save it again as .xlsx"
    )]
    Damaged(String),
    /// A sheet whose used range is beyond the limits.
    #[error("sheet '{sheet}' spans {range} ({cells} cells); at most {limit} cells and {max_columns} columns are read — delete what lies beyond the data and save again", max_columns = MAX_SHEET_COLUMNS)]
    SheetTooLarge { sheet: String, range: String, cells: u64, limit: u64 },
}

impl WorkbookError {
    /// The message in Indonesian.
    pub fn message_id(&self) -> String {
        match self {
            WorkbookError::Unreadable(e) => format!("bukan buku kerja XLSX yang dapat dibaca ({e})"),
            WorkbookError::Damaged(e) => format!(
                "buku kerja rusak atau jenisnya tidak dapat dibaca ({e}); buka di Excel dan simpan lagi sebagai .xlsx"
            ),
            WorkbookError::SheetTooLarge { sheet, range, cells, limit } => format!(
                "lembar '{sheet}' mencakup {range} ({cells} sel); paling banyak {limit} sel dan {MAX_SHEET_COLUMNS} kolom yang dibaca — hapus isi di luar data lalu simpan lagi"
            ),
        }
    }
}

/// The column letters of a 0-based column (0 → A, 16383 → XFD).
pub fn column_letters(mut col: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    letters.reverse();
    String::from_utf8_lossy(&letters).into_owned()
}

/// Runs `f`, turning a panic into an error with its message and without printing anything (the
/// panic hook stays quiet on this thread meanwhile): for reading untrusted files with a library
/// that may panic on them.
pub fn catch_quietly<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> Result<T, String> {
    use std::cell::Cell;
    use std::sync::Once;
    thread_local! {
        static QUIET: Cell<bool> = const { Cell::new(false) };
    }
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let outcome = std::panic::catch_unwind(f);
    QUIET.with(|q| q.set(was));
    outcome.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into())
    })
}

/// Every worksheet of the XLSX workbook `bytes`, cell by cell, refusing a sheet whose used
/// range spans more than `max_cells` cells or [`MAX_SHEET_COLUMNS`] columns before anything is
/// allocated for it; with `formulas`, the positions of formula cells too.
pub fn read_xlsx_cells(bytes: &[u8], max_cells: u64, formulas: bool) -> Result<Vec<StreamedSheet>, WorkbookError> {
    let bytes = bytes.to_vec();
    catch_quietly(move || read_xlsx_cells_inner(bytes, max_cells, formulas))
        .map_err(WorkbookError::Damaged)
        .and_then(|r| r)
}

fn read_xlsx_cells_inner(bytes: Vec<u8>, max_cells: u64, formulas: bool) -> Result<Vec<StreamedSheet>, WorkbookError> {
    let unreadable = |e: calamine::XlsxError| WorkbookError::Unreadable(e.to_string());
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let too_large = |rows: u32, columns: u32| {
            let cells = u64::from(rows) * u64::from(columns);
            (cells > max_cells || columns > MAX_SHEET_COLUMNS).then(|| WorkbookError::SheetTooLarge {
                sheet: name.clone(),
                range: format!("A1:{}{rows}", column_letters(columns.saturating_sub(1))),
                cells,
                limit: max_cells,
            })
        };
        let mut cells = Vec::new();
        let (mut rows, mut columns) = (0u32, 0u32);
        {
            let mut reader = match book.worksheet_cells_reader(&name) {
                Ok(r) => r,
                // A chart sheet or the like holds no cells.
                Err(calamine::XlsxError::NotAWorksheet(_)) => continue,
                Err(e) => return Err(unreadable(e)),
            };
            while let Some(cell) = reader.next_cell().map_err(unreadable)? {
                if matches!(cell.get_value(), calamine::DataRef::Empty) {
                    continue;
                }
                let (r, c) = cell.get_position();
                rows = rows.max(r.saturating_add(1));
                columns = columns.max(c.saturating_add(1));
                // Checked as the cells come, so that memory never grows past the limit.
                if let Some(e) = too_large(rows, columns) {
                    return Err(e);
                }
                if cells.len() as u64 >= max_cells {
                    return Err(WorkbookError::SheetTooLarge {
                        sheet: name.clone(),
                        range: format!("A1:{}{rows}", column_letters(columns.saturating_sub(1))),
                        cells: cells.len() as u64 + 1,
                        limit: max_cells,
                    });
                }
                cells.push(((r, c), Data::from(cell.get_value().clone())));
            }
        }
        let mut formula_cells = Vec::new();
        if formulas {
            let mut reader = book.worksheet_cells_reader(&name).map_err(unreadable)?;
            while let Some(cell) = reader.next_formula().map_err(unreadable)? {
                if !cell.get_value().is_empty() {
                    if formula_cells.len() as u64 >= max_cells {
                        break;
                    }
                    formula_cells.push(cell.get_position());
                }
            }
        }
        sheets.push(StreamedSheet { name, cells, formulas: formula_cells, rows, columns });
    }
    Ok(sheets)
}

/// A workbook in the interchange format, read whole into memory.
pub struct WorkbookSource {
    name: String,
    sheets: Vec<(String, Vec<u8>)>,
}

/// A number from a spreadsheet cell in plain machine form (`12785258830`, `0.102`). A number
/// cell has one reading, so its text must not look like a thousands group (`16.4780`).
fn plain_number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        format!("{}", f as i64)
    } else {
        super::unambiguous(format!("{f}"))
    }
}

fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => plain_number(*f),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

impl WorkbookSource {
    /// Reads the workbook; a file that is not a workbook, a sheet beyond the limits, and a date,
    /// error or formula cell are located problems.
    pub fn from_bytes(name: &str, bytes: Vec<u8>) -> Result<WorkbookSource, Problems> {
        let whole = |kind| Problems::new(vec![Problem { file: name.to_string(), line: None, column: None, kind }]);
        let sheets =
            read_xlsx_cells(&bytes, MAX_DATASET_SHEET_CELLS, true).map_err(|e| whole(ProblemKind::Workbook(e)))?;
        let mut problems = Vec::new();
        let mut files = Vec::new();
        for sheet in sheets {
            let file = format!("{}.csv", sheet.name);
            // Header names for messages: the sheet's first row.
            let header = |col: u32| {
                sheet
                    .cells
                    .iter()
                    .find(|((r, c), _)| *r == 0 && *c == col)
                    .map(|(_, d)| cell_text(d))
                    .filter(|h| !h.is_empty())
                    .unwrap_or_else(|| column_letters(col))
            };
            let mut refuse = |(r, c): (u32, u32), content: CellContent| {
                problems.push(Problem {
                    file: file.clone(),
                    line: Some(r as usize + 1),
                    column: Some(header(c)),
                    kind: ProblemKind::NotAValue { cell: format!("{}{}", column_letters(c), r + 1), content },
                });
            };
            // The dataset holds values only: a date is never one of its numbers, an error is no
            // value, and a formula's stored result may be stale (or absent) — none is guessed at.
            for (pos, data) in &sheet.cells {
                match data {
                    Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => {
                        refuse(*pos, CellContent::DateTime)
                    }
                    Data::Error(_) => refuse(*pos, CellContent::FormulaError),
                    _ => {}
                }
            }
            for pos in &sheet.formulas {
                refuse(*pos, CellContent::Formula);
            }
            files.push((file, sheet_csv(&sheet)));
        }
        if !problems.is_empty() {
            problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
            return Err(Problems::new(problems));
        }
        Ok(WorkbookSource { name: name.to_string(), sheets: files })
    }
}

/// A streamed sheet as CSV text, from its first used row and column (as calamine's ranges
/// start), each row up to its last cell.
fn sheet_csv(sheet: &StreamedSheet) -> Vec<u8> {
    let top = sheet.cells.iter().map(|((r, _), _)| *r).min().unwrap_or(0);
    let left = sheet.cells.iter().map(|((_, c), _)| *c).min().unwrap_or(0);
    let mut grid: Vec<Vec<String>> = vec![Vec::new(); sheet.rows.saturating_sub(top) as usize];
    for ((r, c), data) in &sheet.cells {
        let col = (c - left) as usize;
        // Every cell lies within the used range the rows were counted from.
        let Some(row) = grid.get_mut((r - top) as usize) else { continue };
        if row.len() <= col {
            row.resize(col + 1, String::new());
        }
        row[col] = cell_text(data);
    }
    let mut w =
        csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).flexible(true).from_writer(Vec::new());
    for row in &grid {
        // Writing into a Vec cannot fail.
        let _ = w.write_record(row);
    }
    w.into_inner().unwrap_or_default()
}

impl Source for WorkbookSource {
    fn read(&self, file: &str) -> std::io::Result<Option<Vec<u8>>> {
        Ok(self.sheets.iter().find(|(n, _)| n == file).map(|(_, b)| b.clone()))
    }
    fn describe(&self) -> String {
        self.name.clone()
    }
}

/// The dataset as a workbook: every value written as text, exactly as in the CSV files, so that
/// nothing is rounded by a spreadsheet's number type.
pub fn write_workbook(
    files: &[(&'static str, Vec<u8>)],
    instructions: bool,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let header = Format::new().set_bold();
    if instructions {
        let sheet = book.add_worksheet();
        sheet.set_name("Petunjuk")?;
        let kinds = crate::calc::subject::SUBJECT_KINDS.join(", ");
        let printed_id = format!(
            "Angka tercetak (printed_figures): subject = JENIS:KODE dengan JENIS salah satu dari {kinds}; kode dan field harus ada di data (diperiksa saat impor); table = nomor tabel kantor (3.19), bab (IV) atau nama tabel (anggaran-program, lihat kinerja table --list)."
        );
        let printed_en = format!(
            "Printed figures (printed_figures): subject = KIND:CODE with KIND one of {kinds}; the code and the field must exist in the data (checked on import); table = the office's table number (3.19), the chapter (IV) or the table's name (anggaran-program, see kinerja table --list)."
        );
        let lines = [
            "Dataset Kinerja: satu lembar per berkas CSV; baris pertama adalah judul kolom, jangan diubah.",
            "Angka ditulis polos: titik sebagai desimal, tanpa pemisah ribuan (mis. 12785258830 atau 4939925171.19).",
            "Jumlah rupiah paling banyak dua angka sen; tahun empat angka; kode (mis. higher, lower, range) seperti dijelaskan di docs/dataset-format.md.",
            "Semua lembar wajib ada (boleh hanya berisi baris judul), kecuali misi (misi RPJMD/RPD), narrative (narasi laporan), achievement_bands (skala kategori capaian kantor) dan renstra_baselines (kondisi awal dan target akhir Renstra). Lembar Petunjuk ini diabaikan saat impor.",
            "Narasi: satu baris per bagian laporan dan tahun; angka dari data ditulis sebagai rujukan, mis. {{support:IKU2 realisasi}} atau {{budget:* serapan_pct @-1}}.",
            "Anggaran (budget_lines): source = apbd (kosong), apbn-dekon, apbn-tp, dak, blud, lainnya; spending = program (kosong), tidak-langsung, pegawai, operasi, modal, lainnya (belanja di luar program); alokasi = pagu tunggal bila laporan tidak memisah murni/perubahan; fisik_pct = realisasi fisik (%); sisa = sisa anggaran tercetak.",
            printed_id.as_str(),
            "Impor: kinerja import BERKAS.xlsx — seluruh isi diperiksa dulu; bila ada satu kesalahan, tidak ada yang ditulis.",
            "",
            "Kinerja dataset: one sheet per CSV file; the first row holds the column names, keep them.",
            "Plain numbers: dot decimal, no thousands separator. Money with at most two decimals.",
            "Every sheet is required (a header row alone is fine), except misi (the city plan's misi), narrative (the report's text), achievement_bands (the office's category scale) and renstra_baselines (the Renstra's baselines and end targets). This sheet is ignored on import.",
            "Budget (budget_lines): source = apbd (empty), apbn-dekon, apbn-tp, dak, blud, lainnya; spending = program (empty), tidak-langsung, pegawai, operasi, modal, lainnya (spending outside programmes); alokasi = the single pagu where the report has no murni/perubahan split; fisik_pct = physical progress (%); sisa = remaining budget as printed.",
            "Narrative: one row per section of the report and year; figures of the data are written as references, e.g. {{support:IKU2 realisasi}} or {{budget:* serapan_pct @-1}}.",
            printed_en.as_str(),
        ];
        for (i, l) in lines.iter().enumerate() {
            sheet.write_string(i as u32, 0, *l)?;
        }
        sheet.set_column_width(0, 120)?;
    }
    for (file, bytes) in files {
        let sheet = book.add_worksheet();
        sheet.set_name(file.trim_end_matches(".csv"))?;
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes.as_slice());
        for (r, record) in reader.records().enumerate() {
            let Ok(record) = record else { continue };
            for (c, value) in record.iter().enumerate() {
                if r == 0 {
                    sheet.write_string_with_format(r as u32, c as u16, value, &header)?;
                } else if !value.is_empty() {
                    sheet.write_string(r as u32, c as u16, value)?;
                }
            }
        }
        sheet.set_freeze_panes(1, 0)?;
    }
    book.save_to_buffer()
}
