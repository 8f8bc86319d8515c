//! The interchange format as one XLSX workbook: one sheet per file (named like the file without
//! `.csv`), the header in the first row. Read through the same validation as the CSV folder.

use super::{Problem, ProblemKind, Problems, Source};
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

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
    /// Reads the workbook; a file that is not a workbook is a located problem.
    pub fn from_bytes(name: &str, bytes: Vec<u8>) -> Result<WorkbookSource, Problems> {
        let whole = |kind| Problems(vec![Problem { file: name.to_string(), line: None, column: None, kind }]);
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
            whole(ProblemKind::Invalid(format!(
                "bukan buku kerja XLSX yang dapat dibaca ({e}) / not a readable XLSX workbook ({e})"
            )))
        })?;
        let mut sheets = Vec::new();
        for sheet in book.sheet_names() {
            let range =
                book.worksheet_range(&sheet).map_err(|e| whole(ProblemKind::Unreadable(format!("{sheet}: {e}"))))?;
            let mut w = csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .flexible(true)
                .from_writer(Vec::new());
            for row in range.rows() {
                // Writing into a Vec cannot fail.
                let _ = w.write_record(row.iter().map(cell_text));
            }
            sheets.push((format!("{sheet}.csv"), w.into_inner().unwrap_or_default()));
        }
        Ok(WorkbookSource { name: name.to_string(), sheets })
    }
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
        let lines = [
            "Dataset Kinerja: satu lembar per berkas CSV; baris pertama adalah judul kolom, jangan diubah.",
            "Angka ditulis polos: titik sebagai desimal, tanpa pemisah ribuan (mis. 12785258830 atau 4939925171.19).",
            "Jumlah rupiah paling banyak dua angka sen; tahun empat angka; kode (mis. higher, lower, range) seperti dijelaskan di docs/dataset-format.md.",
            "Semua lembar wajib ada (boleh hanya berisi baris judul). Lembar Petunjuk ini diabaikan saat impor.",
            "Impor: kinerja import BERKAS.xlsx — seluruh isi diperiksa dulu; bila ada satu kesalahan, tidak ada yang ditulis.",
            "",
            "Kinerja dataset: one sheet per CSV file; the first row holds the column names, keep them.",
            "Plain numbers: dot decimal, no thousands separator. Money with at most two decimals.",
            "Every sheet is required (a header row alone is fine). This sheet is ignored on import.",
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
