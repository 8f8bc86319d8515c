//! Reading a spreadsheet file into rows of cells: a workbook (XLSX or XLS) or CSV text (UTF-8 with or without BOM; `,`, `;` or tab between fields).
//!
//! Rows and columns keep the positions Excel shows: `rows[0]` is row 1 and `rows[r][0]` is
//! column A, so every problem can name the cell the user will look at.

use super::problem::{SheetProblem, SheetProblemKind, SheetProblems};
use std::io::Cursor;
use std::path::Path;

/// Files larger than this are refused before they are read: a budget realisation of even a
/// large office is well under a megabyte.
pub const MAX_FILE_BYTES: u64 = 20_000_000;

/// A worksheet spanning more cells than this (rows × columns of its used range, from A1) is
/// refused before it is read into memory: a budget realisation has a few thousand rows of a few
/// dozen columns.
pub const MAX_SHEET_CELLS: u64 = 1_000_000;

/// Columns beyond this are ignored (a sheet with formatting far to the right would otherwise
/// produce thousands of empty columns).
const MAX_COLUMNS: usize = 200;

/// One cell as read from the file.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    /// Text (every CSV field, and text cells of a workbook).
    Text(String),
    /// A number cell of a workbook.
    Number(f64),
    /// An integer cell (some workbook formats store them apart from floats).
    Int(i64),
    /// A date, boolean or formula error, shown as text; never an amount.
    Other(String),
}

impl Cell {
    /// Whether the cell holds nothing but spaces.
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) | Cell::Other(t) => t.trim().is_empty(),
            Cell::Number(_) | Cell::Int(_) => false,
        }
    }

    /// The cell as the user sees it (numbers in their shortest form), trimmed.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) | Cell::Other(t) => t.trim().to_string(),
            Cell::Number(f) => format!("{f}"),
            Cell::Int(i) => i.to_string(),
        }
    }
}

/// Where the rows of a [`Sheet`] come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetSource {
    /// A worksheet of a workbook, by name.
    Worksheet(String),
    /// CSV text with this field delimiter.
    Csv { delimiter: char },
}

/// The rows of one worksheet (or of a CSV file read with one delimiter).
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub source: SheetSource,
    /// `rows[r][c]` is the cell at row `r + 1`, column `c` (A = 0); rows may be short.
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// The cell at 0-based `row` and `col`, `Empty` outside the data.
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows.get(row).and_then(|r| r.get(col)).unwrap_or(&Cell::Empty)
    }

    /// Whether every cell of the row is empty.
    pub fn row_is_empty(&self, row: usize) -> bool {
        self.rows.get(row).is_none_or(|r| r.iter().all(Cell::is_empty))
    }

    fn has_data(&self) -> bool {
        (0..self.rows.len()).any(|r| !self.row_is_empty(r))
    }
}

/// The name of `path` for messages: the file name without its folder.
pub fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Reads `path`: every worksheet of a workbook, or for CSV text one candidate [`Sheet`] per
/// plausible delimiter, the most plausible first.
pub fn read_path(path: &Path) -> Result<Vec<Sheet>, SheetProblems> {
    let name = display_name(path);
    let whole = |kind| SheetProblems(vec![SheetProblem::file(&name, kind)]);
    let size = std::fs::metadata(path).map_err(|e| whole(SheetProblemKind::Unreadable(e.to_string())))?.len();
    if size > MAX_FILE_BYTES {
        return Err(whole(SheetProblemKind::TooLarge(size)));
    }
    let bytes = std::fs::read(path).map_err(|e| whole(SheetProblemKind::Unreadable(e.to_string())))?;
    read_bytes(&name, &bytes)
}

/// Like [`read_path`], from the file's bytes; `name` is used in messages.
pub fn read_bytes(name: &str, bytes: &[u8]) -> Result<Vec<Sheet>, SheetProblems> {
    let whole = |kind| SheetProblems(vec![SheetProblem::file(name, kind)]);
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(whole(SheetProblemKind::TooLarge(bytes.len() as u64)));
    }
    // A workbook is recognised by its signature, not its name: ZIP (XLSX) or OLE (XLS).
    let sheets = if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        read_workbook(bytes).map_err(whole)?
    } else {
        read_csv(bytes).map_err(whole)?
    };
    if !sheets.iter().any(Sheet::has_data) {
        return Err(whole(SheetProblemKind::Empty));
    }
    Ok(sheets)
}

fn workbook_cell(d: &calamine::Data) -> Cell {
    use calamine::Data;
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Int(*i),
        Data::Bool(b) => Cell::Other(b.to_string()),
        Data::DateTime(d) => Cell::Other(d.to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Other(s.clone()),
        Data::Error(e) => Cell::Other(e.to_string()),
    }
}

fn trim_row(mut row: Vec<Cell>) -> Vec<Cell> {
    row.truncate(MAX_COLUMNS);
    while row.last().is_some_and(Cell::is_empty) {
        row.pop();
    }
    row
}

/// An XLSX workbook is read cell by cell, so that a lone cell far away costs nothing and a
/// sheet beyond [`MAX_SHEET_CELLS`] is refused before it is allocated; an XLS workbook (its
/// format holds at most 65 536 × 256 cells) through calamine's ranges. A panic of the reader
/// library is a message, never a crash.
fn read_workbook(bytes: &[u8]) -> Result<Vec<Sheet>, SheetProblemKind> {
    use crate::interchange::WorkbookError;
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return read_xls(bytes);
    }
    let streamed = crate::interchange::read_xlsx_cells(bytes, MAX_SHEET_CELLS, false).map_err(|e| match e {
        WorkbookError::Unreadable(m) => SheetProblemKind::NotWorkbook(m),
        WorkbookError::Damaged(m) => SheetProblemKind::WorkbookDamaged(m),
        WorkbookError::SheetTooLarge { sheet, range, cells, limit } => {
            SheetProblemKind::SheetTooLarge { sheet, range, cells, limit }
        }
    })?;
    let mut sheets = Vec::new();
    for s in streamed {
        let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); s.rows as usize];
        for ((r, c), data) in &s.cells {
            let col = *c as usize;
            let Some(row) = rows.get_mut(*r as usize).filter(|_| col < MAX_COLUMNS) else { continue };
            if row.len() <= col {
                row.resize(col + 1, Cell::Empty);
            }
            row[col] = workbook_cell(data);
        }
        sheets.push(Sheet { source: SheetSource::Worksheet(s.name), rows: rows.into_iter().map(trim_row).collect() });
    }
    Ok(sheets)
}

fn read_xls(bytes: &[u8]) -> Result<Vec<Sheet>, SheetProblemKind> {
    use calamine::Reader;
    let bytes = bytes.to_vec();
    let outcome = crate::interchange::catch_quietly(move || -> Result<Vec<Sheet>, String> {
        let mut book = calamine::Xls::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
        let mut sheets = Vec::new();
        for name in book.sheet_names() {
            let range = book.worksheet_range(&name).map_err(|e| format!("{name}: {e}"))?;
            // A range starts at its first used cell; pad so that positions are Excel's.
            let (top, left) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
            let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); top];
            for r in range.rows() {
                let mut row = vec![Cell::Empty; left.min(MAX_COLUMNS)];
                row.extend(r.iter().take(MAX_COLUMNS.saturating_sub(left)).map(workbook_cell));
                rows.push(trim_row(row));
            }
            sheets.push(Sheet { source: SheetSource::Worksheet(name), rows });
        }
        Ok(sheets)
    });
    match outcome {
        Ok(result) => result.map_err(SheetProblemKind::NotWorkbook),
        Err(panic) => Err(SheetProblemKind::WorkbookDamaged(panic)),
    }
}

/// Whether the bytes look like binary data rather than text: a NUL byte, or more than one
/// control character in a hundred among the first 8 KB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head.iter().filter(|b| **b < 0x20 && !matches!(**b, b'\t' | b'\n' | b'\r' | 0x0c)).count();
    control * 100 > head.len()
}

fn read_csv(bytes: &[u8]) -> Result<Vec<Sheet>, SheetProblemKind> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Only delimiters and quotes (a sheet of empty cells saved as CSV) is empty too.
    if bytes.iter().all(|b| b.is_ascii_whitespace() || matches!(b, b',' | b';' | b'"')) {
        return Err(SheetProblemKind::Empty);
    }
    if looks_binary(bytes) {
        return Err(SheetProblemKind::NotText);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| SheetProblemKind::NotUtf8)?;
    // Excel writes (and honours) a first line `sep=;` naming the delimiter; it shows no row for it.
    let first_line = text.lines().next().unwrap_or("").trim();
    if let Some(sep) = first_line.strip_prefix("sep=").and_then(|s| s.chars().next()).filter(char::is_ascii) {
        let rest = text.split_once('\n').map_or("", |(_, rest)| rest);
        return Ok(vec![parse_csv(rest, sep)?]);
    }
    let mut candidates = Vec::new();
    for delimiter in [';', ',', '\t'] {
        let sheet = parse_csv(text, delimiter)?;
        candidates.push((plausibility(&sheet), sheet));
    }
    // Stable sort: on a tie `;` (Indonesian Excel) comes first, then `,`.
    candidates.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    Ok(candidates.into_iter().map(|(_, s)| s).collect())
}

/// How well a delimiter splits the text: the most common number of fields among the first
/// non-empty rows (1 means the delimiter does not occur).
fn plausibility(sheet: &Sheet) -> usize {
    let mut counts = std::collections::HashMap::new();
    for row in sheet.rows.iter().filter(|r| !r.is_empty()).take(30) {
        *counts.entry(row.len()).or_insert(0usize) += 1;
    }
    counts.into_iter().max_by_key(|(len, n)| (*n, *len)).map_or(0, |(len, _)| len)
}

fn parse_csv(text: &str, delimiter: char) -> Result<Sheet, SheetProblemKind> {
    // One kind of line end, so that blank lines can be counted from the reader's positions
    // (it stops between the `\r` and the `\n` of a Windows line end).
    let normalized;
    let text = if text.contains('\r') {
        normalized = text.replace("\r\n", "\n").replace('\r', "\n");
        normalized.as_str()
    } else {
        text
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter as u8)
        .from_reader(text.as_bytes());
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    // Excel shows one row per record and one per blank line; the csv reader skips blank lines,
    // so they are counted back from the text between the end of one record and the next.
    let mut record = csv::StringRecord::new();
    let mut consumed = 0usize;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(SheetProblemKind::Unreadable(e.to_string())),
        }
        let end = (reader.position().byte() as usize).clamp(consumed, text.len());
        let mut chunk = text.get(consumed..end).unwrap_or("");
        consumed = end;
        while let Some(rest) = chunk.strip_prefix('\n') {
            rows.push(Vec::new());
            chunk = rest;
        }
        let row =
            record.iter().map(|f| if f.trim().is_empty() { Cell::Empty } else { Cell::Text(f.to_string()) }).collect();
        rows.push(trim_row(row));
    }
    Ok(Sheet { source: SheetSource::Csv { delimiter }, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &Sheet) -> Vec<Vec<String>> {
        s.rows.iter().map(|r| r.iter().map(Cell::text).collect()).collect()
    }

    #[test]
    fn csv_delimiter_bom_and_blank_lines() {
        let csv = "\u{feff}Laporan\n\nKode;Uraian;Realisasi\n1;\"A; B\";\"1.234,50\"\n";
        let sheets = read_bytes("r.csv", csv.as_bytes()).unwrap();
        assert_eq!(sheets[0].source, SheetSource::Csv { delimiter: ';' });
        assert_eq!(
            texts(&sheets[0]),
            vec![vec!["Laporan"], vec![], vec!["Kode", "Uraian", "Realisasi"], vec!["1", "A; B", "1.234,50"]]
        );
        let csv = "Kode,Uraian,Realisasi\r\n1,\"two\r\nlines\",\"1.234,50\"\r\n\r\n2,x,5\r\n";
        let sheets = read_bytes("r.csv", csv.as_bytes()).unwrap();
        assert_eq!(sheets[0].source, SheetSource::Csv { delimiter: ',' });
        let rows = texts(&sheets[0]);
        assert_eq!(rows.len(), 4, "{rows:?}");
        assert_eq!(rows[3], vec!["2", "x", "5"], "the blank line is row 3");
    }

    #[test]
    fn excel_sep_line() {
        let sheets = read_bytes("r.csv", b"sep=,\nKode,Pagu\n1,5\n").unwrap();
        assert_eq!(sheets.len(), 1);
        assert_eq!(texts(&sheets[0])[0], vec!["Kode", "Pagu"]);
    }

    #[test]
    fn empty_binary_and_foreign_text() {
        let kind = |bytes: &[u8]| read_bytes("x", bytes).unwrap_err().0[0].kind.clone();
        assert_eq!(kind(b""), SheetProblemKind::Empty);
        assert_eq!(kind(b"\xEF\xBB\xBF \r\n"), SheetProblemKind::Empty);
        assert_eq!(kind(b";;;\n;;\n"), SheetProblemKind::Empty);
        let noise: Vec<u8> = (0..5000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        assert_eq!(kind(&noise), SheetProblemKind::NotText);
        assert_eq!(kind(b"Kode;Uraian\n1;Pemberdayaan \xC0 Koperasi\n"), SheetProblemKind::NotUtf8);
        assert!(matches!(kind(b"PK\x03\x04garbage"), SheetProblemKind::NotWorkbook(_)));
    }

    #[test]
    fn workbook_positions_are_excels() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet();
        ws.write_string(2, 1, "Kode").unwrap();
        ws.write_number(3, 2, 1234.5).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let sheets = read_bytes("r.xlsx", &bytes).unwrap();
        assert_eq!(sheets[0].cell(2, 1), &Cell::Text("Kode".into()));
        assert_eq!(sheets[0].cell(3, 2), &Cell::Number(1234.5));
        assert_eq!(sheets[0].cell(0, 0), &Cell::Empty);
    }
}
