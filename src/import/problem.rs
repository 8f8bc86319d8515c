//! What can be wrong with a budget realisation spreadsheet, located as the user sees it in Excel
//! (row number, column letter and heading) and told in both languages.

use super::mapping::Target;
use crate::domain::BudgetLevel;
use crate::format::Lang;
use std::fmt;

/// A column of the spreadsheet: its position (A = 0) and its heading as written in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnRef {
    pub index: usize,
    pub heading: String,
}

impl ColumnRef {
    /// The column's letter as Excel shows it (`A`, `Z`, `AA`).
    pub fn letter(&self) -> String {
        column_letter(self.index)
    }
}

/// `A` for 0, `Z` for 25, `AA` for 26, …
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        // rem < 26, so the byte is an ASCII capital letter.
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// One problem of a budget spreadsheet.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetProblem {
    /// The file's name (without its folder).
    pub file: String,
    /// 1-based row as Excel numbers it.
    pub row: Option<usize>,
    pub column: Option<ColumnRef>,
    pub kind: SheetProblemKind,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum SheetProblemKind {
    /// The file could not be read at all (missing, no permission, …).
    Unreadable(String),
    /// Nothing in it: no bytes, or only empty rows.
    Empty,
    /// Binary content that is not a workbook.
    NotText,
    /// Text, but not UTF-8.
    NotUtf8,
    /// Looks like a workbook (ZIP or OLE signature) but cannot be read as one.
    NotWorkbook(String),
    /// Larger than [`super::MAX_FILE_BYTES`].
    TooLarge(u64),
    /// A worksheet whose used range spans more than [`super::sheet::MAX_SHEET_CELLS`] cells.
    SheetTooLarge {
        sheet: String,
        range: String,
        cells: u64,
        limit: u64,
    },
    /// The reader library stopped on the workbook: damaged or of an unsupported kind.
    WorkbookDamaged(String),
    NoKodeColumn,
    NoAmountColumn,
    /// Two targets read the same column.
    SameColumn(Target, Target),
    /// A row with amounts but without a kode, that is not a subtotal.
    KodeMissing,
    /// The kode appeared already on an earlier row.
    Duplicate {
        kode: String,
        first_row: usize,
    },
    NotAmount(String),
    Negative(String),
    TooPrecise(String),
    AmountTooLarge(String),
    /// A new line whose parent line is neither in the database nor in the file.
    ParentMissing {
        kode: String,
        parent: String,
    },
    /// A new line under a sub-kegiatan.
    TooDeep {
        kode: String,
        parent: String,
    },
    /// A new line whose kode has another number of parts than the lines of its level.
    KodeShape {
        kode: String,
        level: BudgetLevel,
        parts: usize,
        example: String,
    },
    /// A new line without uraian.
    NameRequired(String),
    /// Pagu murni and pagu perubahan for a line whose one pagu is a single alokasi.
    AlokasiTwoPagu(String),
}

fn level_name(level: BudgetLevel, lang: Lang) -> &'static str {
    match level {
        BudgetLevel::Program => "program",
        BudgetLevel::Kegiatan => lang.pick("kegiatan", "kegiatan (activity)"),
        BudgetLevel::SubKegiatan => lang.pick("sub-kegiatan", "sub-kegiatan (sub-activity)"),
    }
}

impl SheetProblemKind {
    /// The message in `lang`, saying what is expected.
    pub fn message(&self, lang: Lang) -> String {
        use SheetProblemKind::*;
        match (self, lang) {
            (Unreadable(e), Lang::Id) => format!("berkas tidak dapat dibaca: {e}"),
            (Unreadable(e), Lang::En) => format!("the file cannot be read: {e}"),
            (Empty, Lang::Id) => "berkas kosong: tidak ada baris yang berisi data".into(),
            (Empty, Lang::En) => "the file is empty: no row holds any data".into(),
            (NotText, Lang::Id) => "bukan buku kerja XLSX maupun teks CSV (isinya biner); simpan dari Excel sebagai .xlsx atau 'CSV UTF-8'".into(),
            (NotText, Lang::En) => "neither an XLSX workbook nor CSV text (the content is binary); save it from Excel as .xlsx or 'CSV UTF-8'".into(),
            (NotUtf8, Lang::Id) => "teks bukan UTF-8; di Excel simpan sebagai 'CSV UTF-8 (dipisah koma)'".into(),
            (NotUtf8, Lang::En) => "the text is not UTF-8; in Excel save it as 'CSV UTF-8 (comma delimited)'".into(),
            (NotWorkbook(e), Lang::Id) => format!("tampak seperti buku kerja tetapi tidak dapat dibaca ({e}); buka di Excel dan simpan lagi sebagai .xlsx"),
            (NotWorkbook(e), Lang::En) => format!("looks like a workbook but cannot be read ({e}); open it in Excel and save it again as .xlsx"),
            (SheetTooLarge { sheet, range, cells, limit }, Lang::Id) => format!(
                "lembar '{sheet}' mencakup {range} ({cells} sel); paling banyak {limit} sel yang dibaca — hapus isi di luar data lalu simpan lagi"
            ),
            (SheetTooLarge { sheet, range, cells, limit }, Lang::En) => format!(
                "sheet '{sheet}' spans {range} ({cells} cells); at most {limit} cells are read — delete what lies beyond the data and save again"
            ),
            (WorkbookDamaged(e), Lang::Id) => format!("buku kerja rusak atau jenisnya tidak dapat dibaca ({e}); buka di Excel dan simpan lagi sebagai .xlsx"),
            (WorkbookDamaged(e), Lang::En) => format!("the workbook is damaged or of a kind that cannot be read ({e}); open it in Excel and save it again as .xlsx"),
            (TooLarge(bytes), Lang::Id) => format!(
                "berkas terlalu besar ({} MB); batasnya {} MB — apakah ini berkas realisasi anggaran?",
                bytes / 1_000_000,
                super::MAX_FILE_BYTES / 1_000_000
            ),
            (TooLarge(bytes), Lang::En) => format!(
                "the file is too large ({} MB); the limit is {} MB — is this a budget realisation file?",
                bytes / 1_000_000,
                super::MAX_FILE_BYTES / 1_000_000
            ),
            (NoKodeColumn, Lang::Id) => "tidak ada kolom kode; judul yang dikenali: Kode, Kode Rekening, Kode Program/Kegiatan/Sub Kegiatan, No. Rekening — atau pilih kolom kode sendiri".into(),
            (NoKodeColumn, Lang::En) => "no kode column; recognised headings: Kode, Kode Rekening, Kode Program/Kegiatan/Sub Kegiatan, No. Rekening — or choose the kode column yourself".into(),
            (NoAmountColumn, Lang::Id) => "tidak ada kolom jumlah; judul yang dikenali: Pagu Murni, Pagu Perubahan, APBD-P, Pagu, Anggaran, Realisasi — atau pilih kolomnya sendiri".into(),
            (NoAmountColumn, Lang::En) => "no amount column; recognised headings: Pagu Murni, Pagu Perubahan, APBD-P, Pagu, Anggaran, Realisasi — or choose the columns yourself".into(),
            (SameColumn(a, b), lang) => match lang {
                Lang::Id => format!("kolom yang sama dipilih untuk {} dan {}; satu kolom hanya untuk satu isian", a.label(lang), b.label(lang)),
                Lang::En => format!("the same column is chosen for {} and {}; a column can feed only one field", a.label(lang), b.label(lang)),
            },
            (KodeMissing, Lang::Id) => "kode kosong padahal ada jumlah; isi kodenya, atau tulis 'Jumlah' atau 'Total' di uraian bila ini baris jumlah".into(),
            (KodeMissing, Lang::En) => "the kode is empty but the row has amounts; fill in the kode, or write 'Jumlah' or 'Total' in the uraian if this is a subtotal row".into(),
            (Duplicate { kode, first_row }, Lang::Id) => format!("kode {kode} sudah ada di baris {first_row}; setiap kode hanya boleh muncul sekali"),
            (Duplicate { kode, first_row }, Lang::En) => format!("kode {kode} already appears on row {first_row}; each kode may appear only once"),
            (NotAmount(v), Lang::Id) => format!("'{v}' bukan jumlah rupiah; tulis misalnya 1.234.567,89, Rp 1.234.567 atau 1234567.89, atau biarkan kosong"),
            (NotAmount(v), Lang::En) => format!("'{v}' is not an amount of rupiah; write e.g. 1.234.567,89, Rp 1.234.567 or 1234567.89, or leave it empty"),
            (Negative(v), Lang::Id) => format!("'{v}' negatif; pagu dan realisasi tidak boleh negatif"),
            (Negative(v), Lang::En) => format!("'{v}' is negative; pagu and realisasi cannot be negative"),
            (TooPrecise(v), Lang::Id) => format!("'{v}' punya lebih dari dua angka desimal; rupiah paling banyak dua angka sen"),
            (TooPrecise(v), Lang::En) => format!("'{v}' has more than two decimals; rupiah have at most two (sen)"),
            (AmountTooLarge(v), Lang::Id) => format!("'{v}' terlalu besar untuk jumlah rupiah"),
            (AmountTooLarge(v), Lang::En) => format!("'{v}' is too large for an amount of rupiah"),
            (ParentMissing { kode, parent }, Lang::Id) => format!(
                "induk kode {kode} tidak ada: baris {parent} tidak ada di basis data maupun di berkas; tambahkan baris induknya ke berkas"
            ),
            (ParentMissing { kode, parent }, Lang::En) => format!(
                "the parent of kode {kode} is missing: line {parent} is neither in the database nor in the file; add the parent line to the file"
            ),
            (TooDeep { kode, parent }, Lang::Id) => format!(
                "kode {kode} berada di bawah sub-kegiatan {parent}; sub-kegiatan adalah tingkat terdalam (program → kegiatan → sub-kegiatan)"
            ),
            (TooDeep { kode, parent }, Lang::En) => format!(
                "kode {kode} lies under sub-kegiatan {parent}; sub-kegiatan is the deepest level (program → kegiatan → sub-kegiatan)"
            ),
            (KodeShape { kode, level, parts, example }, lang) => match lang {
                Lang::Id => format!(
                    "kode {kode} tidak sesuai susunan kode {} tahun ini ({parts} bagian bertitik, seperti {example}); periksa kodenya atau baris induknya",
                    level_name(*level, lang)
                ),
                Lang::En => format!(
                    "kode {kode} does not fit the kodes of this year's {} lines ({parts} dotted parts, like {example}); check the kode or its parent line",
                    level_name(*level, lang)
                ),
            },
            (NameRequired(kode), Lang::Id) => format!("baris baru {kode} perlu uraian (nama); pilih kolom uraian atau isi uraiannya"),
            (NameRequired(kode), Lang::En) => format!("new line {kode} needs an uraian (name); choose the uraian column or fill it in"),
            (AlokasiTwoPagu(kode), Lang::Id) => format!(
                "baris {kode} memakai satu alokasi tanpa pagu murni dan perubahan, tetapi berkas mengisi keduanya; kosongkan salah satu, dan pagu yang tersisa menjadi alokasinya"
            ),
            (AlokasiTwoPagu(kode), Lang::En) => format!(
                "line {kode} holds a single alokasi without pagu murni and perubahan, but the file fills in both; empty one of them, and the pagu left becomes its alokasi"
            ),
        }
    }
}

impl SheetProblem {
    /// A problem of the whole file.
    pub fn file(file: &str, kind: SheetProblemKind) -> SheetProblem {
        SheetProblem { file: file.to_string(), row: None, column: None, kind }
    }

    /// The message with its place: `realisasi.xlsx, baris 7, kolom E 'Realisasi': …`.
    pub fn message(&self, lang: Lang) -> String {
        let mut at = self.file.clone();
        if let Some(row) = self.row {
            at.push_str(&match lang {
                Lang::Id => format!(", baris {row}"),
                Lang::En => format!(", row {row}"),
            });
        }
        if let Some(col) = &self.column {
            let word = lang.pick("kolom", "column");
            if col.heading.trim().is_empty() {
                at.push_str(&format!(", {word} {}", col.letter()));
            } else {
                at.push_str(&format!(", {word} {} '{}'", col.letter(), col.heading.trim()));
            }
        }
        format!("{at}: {}", self.kind.message(lang))
    }
}

/// Every problem found; with any of them nothing is written.
#[derive(Clone, Debug, PartialEq, Default, thiserror::Error)]
#[error("{}", self.render(Lang::Id))]
pub struct SheetProblems(pub Vec<SheetProblem>);

impl SheetProblems {
    /// One message per line.
    pub fn render(&self, lang: Lang) -> String {
        self.0.iter().map(|p| p.message(lang)).collect::<Vec<_>>().join("\n")
    }
}

impl fmt::Display for SheetProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_as_excel_numbers_columns() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(4), "E");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn message_names_row_column_and_heading() {
        let p = SheetProblem {
            file: "r.xlsx".into(),
            row: Some(7),
            column: Some(ColumnRef { index: 4, heading: "Realisasi (Rp)".into() }),
            kind: SheetProblemKind::NotAmount("dua juta".into()),
        };
        assert!(p.message(Lang::Id).starts_with("r.xlsx, baris 7, kolom E 'Realisasi (Rp)': 'dua juta' bukan jumlah"));
        assert!(p.message(Lang::En).starts_with("r.xlsx, row 7, column E 'Realisasi (Rp)': 'dua juta' is not"));
    }
}
