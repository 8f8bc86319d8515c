use crate::format::Lang;
use std::fmt;

/// One problem found in interchange files, located by file, line and column.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub file: String,
    /// 1-based line in the file (the header is line 1).
    pub line: Option<usize>,
    pub column: Option<String>,
    pub kind: ProblemKind,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    MissingFile,
    Unreadable(String),
    NotUtf8,
    MissingColumn,
    UnknownColumn,
    Required,
    NotNumber(String),
    NotWholeNumber(String),
    NotMoney(String),
    NegativeMoney(String),
    NotYear(String),
    NotBool(String),
    UnknownCode { value: String, expected: String },
    UnknownReference { what: &'static str, value: String },
    Duplicate(String),
    Invalid(String),
}

impl Problem {
    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        let mut at = self.file.clone();
        if let Some(line) = self.line {
            at.push_str(&match lang {
                Lang::Id => format!(", baris {line}"),
                Lang::En => format!(", line {line}"),
            });
        }
        if let Some(col) = &self.column {
            at.push_str(&match lang {
                Lang::Id => format!(", kolom '{col}'"),
                Lang::En => format!(", column '{col}'"),
            });
        }
        format!("{at}: {}", self.kind.message(lang))
    }
}

impl ProblemKind {
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        match (self, lang) {
            (MissingFile, Lang::Id) => {
                "berkas tidak ada; setiap berkas dataset wajib ada (boleh hanya berisi baris judul kolom)".into()
            }
            (MissingFile, Lang::En) => {
                "file is missing; every dataset file is required (a header row alone is fine)".into()
            }
            (Unreadable(e), Lang::Id) => format!("tidak dapat dibaca: {e}"),
            (Unreadable(e), Lang::En) => format!("cannot be read: {e}"),
            (NotUtf8, Lang::Id) => "bukan teks UTF-8; simpan sebagai CSV UTF-8".into(),
            (NotUtf8, Lang::En) => "not UTF-8 text; save it as CSV UTF-8".into(),
            (MissingColumn, Lang::Id) => "kolom wajib tidak ada di baris judul".into(),
            (MissingColumn, Lang::En) => "required column is missing from the header row".into(),
            (UnknownColumn, Lang::Id) => "kolom tidak dikenal; periksa ejaan judul kolom".into(),
            (UnknownColumn, Lang::En) => "unknown column; check the spelling of the header".into(),
            (Required, Lang::Id) => "wajib diisi".into(),
            (Required, Lang::En) => "must not be empty".into(),
            (NotNumber(v), Lang::Id) => format!(
                "'{v}' bukan angka; tulis angka polos seperti 1234.56 (titik sebagai desimal, tanpa pemisah ribuan)"
            ),
            (NotNumber(v), Lang::En) => format!(
                "'{v}' is not a number; write a plain number such as 1234.56 (dot decimal, no thousands separator)"
            ),
            (NotWholeNumber(v), Lang::Id) => format!("'{v}' bukan bilangan bulat; tulis seperti 12"),
            (NotWholeNumber(v), Lang::En) => format!("'{v}' is not a whole number; write e.g. 12"),
            (NotMoney(v), Lang::Id) => {
                format!("'{v}' bukan jumlah rupiah; tulis seperti 4939925171.19 (paling banyak dua angka sen)")
            }
            (NotMoney(v), Lang::En) => {
                format!("'{v}' is not an amount of rupiah; write e.g. 4939925171.19 (at most two decimals)")
            }
            (NegativeMoney(v), Lang::Id) => format!("'{v}' negatif; jumlah rupiah tidak boleh negatif"),
            (NegativeMoney(v), Lang::En) => format!("'{v}' is negative; amounts must not be negative"),
            (NotYear(v), Lang::Id) => format!("'{v}' bukan tahun; tulis tahun empat angka antara 1900 dan 2200"),
            (NotYear(v), Lang::En) => format!("'{v}' is not a year; write a four-digit year between 1900 and 2200"),
            (NotBool(v), Lang::Id) => format!("'{v}' tidak dikenal; tulis true atau false"),
            (NotBool(v), Lang::En) => format!("'{v}' is not recognised; write true or false"),
            (UnknownCode { value, expected }, Lang::Id) => format!("'{value}' tidak dikenal; pilihan: {expected}"),
            (UnknownCode { value, expected }, Lang::En) => {
                format!("'{value}' is not recognised; choose one of: {expected}")
            }
            (UnknownReference { what, value }, Lang::Id) => format!("{what} '{value}' tidak ditemukan"),
            (UnknownReference { what, value }, Lang::En) => format!("{what} '{value}' does not exist"),
            (Duplicate(key), Lang::Id) => format!("duplikat: {key} sudah ada di baris lain"),
            (Duplicate(key), Lang::En) => format!("duplicate: {key} already appears on another line"),
            (Invalid(msg), _) => msg.clone(),
        }
    }
}

/// All problems found while reading a dataset.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn render(&self, lang: Lang) -> String {
        self.0.iter().map(|p| p.message(lang)).collect::<Vec<_>>().join("\n")
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::Id))
    }
}

impl std::error::Error for Problems {}
