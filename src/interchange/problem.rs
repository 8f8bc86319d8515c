use crate::domain::{BudgetLevel, Year};
use crate::format::Lang;
use rust_decimal::Decimal;
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

/// Which of a budget line's columns must be its parent's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParentField {
    Source,
    Spending,
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
    UnknownCode {
        value: String,
        expected: String,
    },
    UnknownReference {
        what: Ref,
        value: String,
    },
    Duplicate(String),
    /// A number written with a decimal comma (`75,80`), with its plain form (`75.80`).
    DecimalComma {
        value: String,
        fix: String,
    },
    /// One CSV file given where the dataset's folder (or a workbook) is expected.
    OneCsvFile,
    /// The path given to import names nothing.
    NotFound,
    /// Access to the file or folder is refused by the system.
    PermissionDenied,
    /// A folder that holds none of the dataset's files.
    NoDatasetFiles,
    /// A header row separated by `;` or a tab in which no column name is recognised.
    Delimiter(char),
    /// The workbook itself cannot be read.
    Workbook(super::WorkbookError),
    /// A workbook cell holding something other than a value (`cell` as in `G2`).
    NotAValue {
        cell: String,
        content: CellContent,
    },
    /// A Renstra period that ends before it starts.
    EndBeforeStart {
        start: Year,
        end: Year,
    },
    /// A range written from its high end to its low end.
    RangeReversed {
        target: Decimal,
        high: Decimal,
    },
    /// `target_high` given for an indicator whose polarity is not `range`.
    HighWithoutRange {
        indicator: String,
        polarity: &'static str,
    },
    /// A single alokasi written together with pagu murni or perubahan.
    AlokasiWithPagu,
    /// A kegiatan or sub-kegiatan whose funding source or spending type is not its parent's.
    DiffersFromParent {
        what: ParentField,
        value: String,
        parent: String,
        parent_value: String,
    },
    /// A quarter other than 1 to 4.
    NotQuarter(i64),
    /// `office.csv` with other than one row.
    OfficeRows(usize),
    /// A budget line under a parent of a level that cannot hold it.
    LevelUnder {
        level: BudgetLevel,
        parent: BudgetLevel,
    },
    /// A kegiatan or sub-kegiatan without a parent.
    NeedsParent(BudgetLevel),
    /// A target for a year outside its indicator's Renstra period.
    YearOutsidePeriod {
        year: Year,
        start: Year,
        end: Year,
    },
    /// A row that does not fit its entity's declaration: a program error, not the user's.
    Decode(String),
    /// A plain number beyond what the column holds (money: `i64` sen; other numbers: 28
    /// digits); `money` when the column holds rupiah.
    TooLarge {
        value: String,
        money: bool,
    },
    /// A number that reads differently with a thousands dot and with a decimal point
    /// (`1.500`); `money` when the column holds rupiah.
    AmbiguousNumber {
        value: String,
        money: bool,
    },
    /// A text longer than a spreadsheet cell holds.
    TooLong {
        length: usize,
        limit: usize,
    },
    /// A stored text too long for the dataset workbook (the CSV folder holds it).
    TooLongForWorkbook {
        length: usize,
        limit: usize,
    },
    /// A chain of references that comes back to where it started: the codes in order, the
    /// first repeated at the end (`A → B → A`).
    Cycle(Vec<String>),
    /// A section key of `narrative.csv` that names no section of the report.
    UnknownSection(String),
    /// A reference of a section's text that cannot be read or names no figure of the data.
    NarrativeText {
        section: String,
        problem: crate::calc::narrative::TextProblem,
    },
    /// A band of a period's achievement scale whose lower bound is not below the band above it
    /// (`above` is that band's code).
    BandOrder {
        above: String,
    },
    /// A band without a lower bound that is not the period's lowest.
    BandOpenNotLast,
    /// A sasaran that names both a tujuan and a misi (`both`) or neither.
    SasaranParent {
        both: bool,
    },
    /// A tujuan whose misi belongs to another Renstra period than the tujuan.
    MisiOfOtherPeriod {
        misi: String,
        misi_period: String,
        period: String,
    },
    /// A printed figure whose subject or field names no figure of the data (the column says
    /// which cell).
    PrintedFigure(crate::calc::subject::RefError),
    /// A printed figure's table written as a stable name that names no table of the figure's
    /// year; `names` are the names it may have meant (those of its kind, or all of the year's).
    UnknownTable {
        name: String,
        year: Year,
        names: Vec<String>,
    },
    /// A masked telephone number (`08********63`) with no stored number to keep.
    MaskedPhone {
        phone: String,
        year: crate::domain::Year,
        position: i64,
    },
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
            (Unreadable(e), Lang::Id) => format!("tidak dapat dibaca (pesan sistem: {e})"),
            (Unreadable(e), Lang::En) => format!("cannot be read (system message: {e})"),
            (DecimalComma { value, fix }, Lang::Id) => format!(
                "'{value}' memakai koma sebagai desimal (seperti Excel dengan pengaturan Indonesia); berkas \
                 dataset memakai titik sebagai desimal, tanpa pemisah ribuan: tulis {fix}"
            ),
            (DecimalComma { value, fix }, Lang::En) => format!(
                "'{value}' has a decimal comma (as Excel with Indonesian settings writes it); dataset files \
                 use a dot as decimal point and no thousands separator: write {fix}"
            ),
            (OneCsvFile, Lang::Id) => "ini satu berkas CSV; impor folder yang berisinya bersama berkas dataset \
                                       lainnya, atau satu buku kerja .xlsx"
                .into(),
            (OneCsvFile, Lang::En) => "this is one CSV file; import the folder that holds it with the dataset's \
                                       other files, or one .xlsx workbook"
                .into(),
            (NotFound, Lang::Id) => "folder atau berkas ini tidak ada; periksa nama dan letaknya (folder berisi \
                                     berkas CSV dataset, atau satu buku kerja .xlsx)"
                .into(),
            (NotFound, Lang::En) => "no such folder or file; check its name and place (a folder of the dataset's \
                                     CSV files, or one .xlsx workbook)"
                .into(),
            (PermissionDenied, Lang::Id) => "tidak dapat dibaca: akses ditolak oleh sistem".into(),
            (PermissionDenied, Lang::En) => "cannot be read: the system denies access".into(),
            (NoDatasetFiles, Lang::Id) => format!(
                "folder ini tidak berisi satu pun berkas dataset; pilih folder yang berisi {} dan berkas \
                 lainnya (kinerja template menulis contoh kosong)",
                <crate::domain::Office as crate::entity::Entity>::FILE
            ),
            (NoDatasetFiles, Lang::En) => format!(
                "this folder holds none of the dataset's files; choose the folder that holds {} and the \
                 other files (kinerja template writes an empty one)",
                <crate::domain::Office as crate::entity::Entity>::FILE
            ),
            (Delimiter(sep), lang) => {
                let (id, en) = delimiter_name(*sep);
                match lang {
                    Lang::Id => format!(
                        "baris judul dipisah dengan {id}, tetapi tidak satu pun judul kolomnya dikenal; \
                         periksa judul kolom (lihat docs/dataset-format.md), atau simpan sebagai CSV UTF-8 \
                         dengan koma"
                    ),
                    Lang::En => format!(
                        "the header row is separated by {en}, but none of its column names is recognised; \
                         check the column names (see docs/dataset-format.md), or save it as CSV UTF-8 with \
                         commas"
                    ),
                }
            }
            (Workbook(e), Lang::Id) => e.message_id(),
            (Workbook(e), Lang::En) => e.to_string(),
            (NotAValue { cell, content }, lang) => {
                let (id, en) = match content {
                    CellContent::DateTime => ("tanggal/waktu", "a date or time"),
                    CellContent::FormulaError => ("galat rumus", "a formula error"),
                    CellContent::Formula => ("rumus", "a formula"),
                };
                match lang {
                    Lang::Id => format!("sel {cell} berisi {id}; tulis nilainya sebagai angka atau teks biasa"),
                    Lang::En => format!("cell {cell} holds {en}; write the value as a plain number or text"),
                }
            }
            (EndBeforeStart { start, end }, Lang::Id) => {
                format!("tahun akhir {end} sebelum tahun awal {start}; periode berakhir pada atau setelah awalnya")
            }
            (EndBeforeStart { start, end }, Lang::En) => {
                format!("end year {end} is before start year {start}; a period ends in or after the year it starts")
            }
            (RangeReversed { target, high }, Lang::Id) => format!(
                "rentang tertulis terbalik: target_high {high} lebih kecil dari target {target}; tukar keduanya \
                 (target {high}, target_high {target}) — target adalah batas bawah"
            ),
            (RangeReversed { target, high }, Lang::En) => format!(
                "the range is written high to low: target_high {high} is below target {target}; swap them \
                 (target {high}, target_high {target}) — target is the low end"
            ),
            (HighWithoutRange { indicator, polarity }, Lang::Id) => format!(
                "target_high diisi, tetapi indikator '{indicator}' berpolaritas '{polarity}', bukan rentang \
                 ('range', 'range_higher', 'range_lower'); kosongkan target_high, atau ubah polarity indikator itu menjadi range"
            ),
            (HighWithoutRange { indicator, polarity }, Lang::En) => format!(
                "target_high is given, but indicator '{indicator}' has polarity '{polarity}', not a range \
                 ('range', 'range_higher', 'range_lower'); empty target_high, or change that indicator's polarity to range"
            ),
            (NotQuarter(q), Lang::Id) => format!("triwulan {q} tidak ada; tulis 1, 2, 3 atau 4"),
            (NotQuarter(q), Lang::En) => format!("there is no quarter {q}; write 1, 2, 3 or 4"),
            (OfficeRows(n), Lang::Id) => format!("harus berisi tepat satu baris kantor, ada {n}"),
            (OfficeRows(n), Lang::En) => format!("must hold exactly one office row, found {n}"),
            (LevelUnder { level, parent }, Lang::Id) => format!(
                "tingkat '{}' tidak boleh berada di bawah '{}'; program → kegiatan → subkegiatan",
                level.code(),
                parent.code()
            ),
            (LevelUnder { level, parent }, Lang::En) => format!(
                "level '{}' cannot sit under '{}'; program → kegiatan → subkegiatan",
                level.code(),
                parent.code()
            ),
            (NeedsParent(level), Lang::Id) => {
                format!("baris tingkat '{}' wajib punya induk (kode baris di atasnya)", level.code())
            }
            (NeedsParent(level), Lang::En) => {
                format!("a line of level '{}' needs a parent (the kode of the line above it)", level.code())
            }
            (YearOutsidePeriod { year, start, end }, Lang::Id) => {
                format!("tahun {year} di luar periode Renstra indikator ini ({start}–{end})")
            }
            (YearOutsidePeriod { year, start, end }, Lang::En) => {
                format!("year {year} is outside this indicator's Renstra period ({start}–{end})")
            }
            (Decode(e), Lang::Id) => format!("baris tidak sesuai dengan deklarasi berkasnya (galat program: {e})"),
            (Decode(e), Lang::En) => format!("the row does not fit its file's declaration (a program error: {e})"),
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
            (UnknownReference { what, value }, Lang::Id) => format!("{} '{value}' tidak ditemukan", what.word(lang)),
            (UnknownReference { what, value }, Lang::En) => format!("{} '{value}' does not exist", what.word(lang)),
            (Duplicate(key), Lang::Id) => format!("duplikat: {key} sudah ada di baris lain"),
            (Duplicate(key), Lang::En) => format!("duplicate: {key} already appears on another line"),
            (AlokasiWithPagu, _) => crate::text::rule(&crate::calc::rules::Rule::AlokasiWithPagu, lang),
            (DiffersFromParent { what, value, parent, parent_value }, Lang::Id) => {
                let what = match what {
                    ParentField::Source => "sumber dana",
                    ParentField::Spending => "jenis belanja",
                };
                format!("{what} '{value}' berbeda dari induknya '{parent}' ('{parent_value}'); tulis yang sama")
            }
            (DiffersFromParent { what, value, parent, parent_value }, Lang::En) => {
                let what = match what {
                    ParentField::Source => "funding source",
                    ParentField::Spending => "spending type",
                };
                format!("{what} '{value}' differs from its parent '{parent}' ('{parent_value}'); write the same")
            }
            (BandOrder { above }, _) => crate::text::rule(&crate::calc::rules::Rule::BandOrder { above: above.clone() }, lang),
            (BandOpenNotLast, _) => crate::text::rule(&crate::calc::rules::Rule::BandOpenNotLast, lang),
            (SasaranParent { both: true }, Lang::Id) => {
                "sasaran diisi tujuan dan misi sekaligus; sasaran berada di bawah tujuan atau langsung di bawah misi, \
                 kosongkan salah satunya"
                    .into()
            }
            (SasaranParent { both: true }, Lang::En) => {
                "the sasaran names both a tujuan and a misi; a sasaran hangs under a tujuan or directly under a misi, \
                 leave one of them empty"
                    .into()
            }
            (SasaranParent { both: false }, Lang::Id) => {
                "sasaran tanpa tujuan dan tanpa misi; isi kolom tujuan, atau kolom misi bila sasaran langsung di \
                 bawah misi"
                    .into()
            }
            (SasaranParent { both: false }, Lang::En) => {
                "the sasaran names neither a tujuan nor a misi; fill in tujuan, or misi when the sasaran hangs \
                 directly under a misi"
                    .into()
            }
            (MisiOfOtherPeriod { misi, misi_period, period }, Lang::Id) => format!(
                "misi '{misi}' milik periode '{misi_period}', bukan periode '{period}' tujuan ini; pilih misi \
                 periode yang sama"
            ),
            (MisiOfOtherPeriod { misi, misi_period, period }, Lang::En) => format!(
                "misi '{misi}' belongs to period '{misi_period}', not to this tujuan's period '{period}'; choose a \
                 misi of the same period"
            ),
            (MaskedPhone { phone, year, position }, Lang::Id) => format!(
                "nomor telepon '{phone}' (tahun {year}, urutan {position}) tersamar, dan tidak ada nomor tersimpan \
                 yang cocok untuk dipertahankan; tulis nomor lengkapnya, atau ekspor ulang dengan --show-phone"
            ),
            (MaskedPhone { phone, year, position }, Lang::En) => format!(
                "the telephone number '{phone}' (year {year}, position {position}) is masked, and no stored number \
                 matches it to be kept; write the full number, or export again with --show-phone"
            ),
            (AmbiguousNumber { value, money }, lang) => ambiguous_message(value, *money, lang),
            (UnknownSection(key), lang) => {
                let parts: Vec<&str> = crate::domain::IkuPart::ALL.iter().map(|p| p.code()).collect();
                let general: Vec<String> = crate::domain::SectionKey::GENERAL.iter().map(|s| s.key()).collect();
                match lang {
                    Lang::Id => format!(
                        "'{key}' bukan bagian laporan; tulis salah satu dari {}, atau iku:KODE:BAGIAN dengan BAGIAN {}",
                        general.join(", "),
                        parts.join(", ")
                    ),
                    Lang::En => format!(
                        "'{key}' is no section of the report; write one of {}, or iku:CODE:PART with PART one of {}",
                        general.join(", "),
                        parts.join(", ")
                    ),
                }
            }
            (PrintedFigure(e), lang) => crate::text::narrative::ref_error(e, lang),
            (UnknownTable { name, year, names }, Lang::Id) => format!(
                "'{name}' bukan nama tabel laporan tahun {year}; tulis nomor tabel (3.19), bab (IV) atau \
                 nama tabel: {}",
                names.join(", ")
            ),
            (UnknownTable { name, year, names }, Lang::En) => format!(
                "'{name}' names no table of the {year} report; write the table's number (3.19), the chapter \
                 (IV) or a table's name: {}",
                names.join(", ")
            ),
            (NarrativeText { section, problem }, lang) => format!(
                "{} ({section}): {}",
                crate::text::narrative::section_name(section, lang),
                crate::text::narrative::text_problem(problem, lang)
            ),
            (TooLarge { value, money: true }, Lang::Id) => {
                format!("'{value}' terlalu besar; jumlah rupiah paling banyak 92233720368547758.07")
            }
            (TooLarge { value, money: true }, Lang::En) => {
                format!("'{value}' is too large; an amount of rupiah is at most 92233720368547758.07")
            }
            (TooLarge { value, money: false }, Lang::Id) => {
                format!("'{value}' terlalu besar; angka paling banyak 28 digit")
            }
            (TooLarge { value, money: false }, Lang::En) => {
                format!("'{value}' is too large; a number has at most 28 digits")
            }
            (TooLong { length, limit }, lang) => {
                let count = |n: usize| crate::format::number(rust_decimal::Decimal::from(n as u64), 0, lang);
                match lang {
                    Lang::Id => format!(
                        "teks terlalu panjang: {} karakter, paling banyak {} (batas satu sel lembar kerja); \
                         persingkat atau bagi menjadi beberapa baris",
                        count(*length),
                        count(*limit)
                    ),
                    Lang::En => format!(
                        "text too long: {} characters, at most {} (the limit of one spreadsheet cell); \
                         shorten it or split it over several rows",
                        count(*length),
                        count(*limit)
                    ),
                }
            }
            (TooLongForWorkbook { length, limit }, lang) => {
                let count = |n: usize| crate::format::number(rust_decimal::Decimal::from(n as u64), 0, lang);
                match lang {
                    Lang::Id => format!(
                        "teks {} karakter tidak muat dalam satu sel lembar kerja (paling banyak {}); ekspor dataset \
                         sebagai folder CSV (--dataset FOLDER), yang memuat teks sepanjang apa pun, atau persingkat \
                         teksnya",
                        count(*length),
                        count(*limit)
                    ),
                    Lang::En => format!(
                        "a text of {} characters does not fit one spreadsheet cell (at most {}); export the dataset \
                         as a folder of CSV files (--dataset FOLDER), which holds any length, or shorten the text",
                        count(*length),
                        count(*limit)
                    ),
                }
            }
            (Cycle(codes), Lang::Id) => format!(
                "rujukan berputar: {}; rantai ini kembali ke awalnya sehingga tidak punya pangkal (sebuah \
                 baris tidak boleh menjadi induk atau pendahulunya sendiri, juga lewat baris lain); perbaiki \
                 atau kosongkan salah satu rujukan ini",
                codes.join(" → ")
            ),
            (Cycle(codes), Lang::En) => format!(
                "the references go round in a circle: {}; the chain comes back to where it started and \
                 has no beginning (a row cannot be its own parent or predecessor, not even through other \
                 rows); correct or empty one of these references",
                codes.join(" → ")
            ),
        }
    }
}

/// What a reference names, for [`ProblemKind::UnknownReference`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ref {
    Unit,
    Asset,
    Period,
    Tujuan,
    Sasaran,
    Program,
    Indicator,
    BudgetLine,
    ParentLine,
    Misi,
}

impl Ref {
    pub const ALL: [Ref; 10] = [
        Ref::Unit,
        Ref::Asset,
        Ref::Period,
        Ref::Tujuan,
        Ref::Sasaran,
        Ref::Program,
        Ref::Indicator,
        Ref::BudgetLine,
        Ref::ParentLine,
        Ref::Misi,
    ];

    /// The word for it, as the start of a sentence names it.
    pub fn word(self, lang: Lang) -> &'static str {
        let (id, en) = match self {
            Ref::Unit => ("unit", "unit"),
            Ref::Asset => ("aset", "asset"),
            Ref::Period => ("periode Renstra", "Renstra period"),
            Ref::Tujuan => ("tujuan", "tujuan (goal)"),
            Ref::Sasaran => ("sasaran", "sasaran (objective)"),
            Ref::Program => ("program", "programme"),
            Ref::Indicator => ("indikator", "indicator"),
            Ref::BudgetLine => ("baris anggaran", "budget line"),
            Ref::ParentLine => ("baris anggaran induk", "parent budget line"),
            Ref::Misi => ("misi", "misi (of the city plan)"),
        };
        lang.pick(id, en)
    }
}

/// What a workbook cell holds instead of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellContent {
    DateTime,
    FormulaError,
    Formula,
}

/// A delimiter's name in Indonesian and English.
fn delimiter_name(sep: char) -> (&'static str, &'static str) {
    match sep {
        ';' => ("titik koma (;)", "semicolons (;)"),
        '\t' => ("tab", "tabs"),
        _ => ("pemisah lain", "another delimiter"),
    }
}

/// Both readings of an ambiguous number and how to write each unambiguously.
fn ambiguous_message(value: &str, money: bool, lang: Lang) -> String {
    let negative = value.starts_with('-');
    let body = value.trim_start_matches('-');
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let sign = if negative { "-" } else { "" };
    // Thousands reading: the digits without the dot, without leading zeros.
    let digits = format!("{int}{frac}");
    let digits = digits.trim_start_matches('0');
    let thousands = format!("{sign}{}", if digits.is_empty() { "0" } else { digits });
    // Decimal reading, shown without trailing zeros in the user's convention.
    let int_shown = int.trim_start_matches('0');
    let int_shown = if int_shown.is_empty() { "0" } else { int_shown };
    let frac_shown = frac.trim_end_matches('0');
    let point = match lang {
        Lang::Id => ",",
        Lang::En => ".",
    };
    let decimal = if frac_shown.is_empty() {
        format!("{sign}{int_shown}")
    } else {
        format!("{sign}{int_shown}{point}{frac_shown}")
    };
    // The unambiguous machine form of the decimal reading: a money column takes at most two
    // decimals (a fraction of a sen has no money reading at all), a decimal column one more zero.
    let decimal_fix = if !money {
        Some(format!("{value}0"))
    } else if frac_shown.len() <= 2 {
        Some(format!("{sign}{int_shown}.{frac_shown:0<2}"))
    } else {
        None
    };
    match (lang, decimal_fix) {
        (Lang::Id, Some(fix)) => format!(
            "'{value}' dapat dibaca dua cara: {thousands} (titik sebagai pemisah ribuan) atau {decimal} (titik \
             sebagai desimal); tulis {thousands} bila maksudnya {thousands}, atau {fix} bila maksudnya {decimal} \
             (berkas dataset memakai titik sebagai desimal, tanpa pemisah ribuan)"
        ),
        (Lang::En, Some(fix)) => format!(
            "'{value}' can be read two ways: {thousands} (dot as thousands separator) or {decimal} (dot as \
             decimal point); write {thousands} if you mean {thousands}, or {fix} if you mean {decimal} (dataset \
             files use a dot as decimal point and no thousands separator)"
        ),
        (Lang::Id, None) => format!(
            "'{value}' dapat dibaca dua cara: {thousands} (titik sebagai pemisah ribuan) atau {decimal} (titik \
             sebagai desimal, tetapi rupiah paling banyak dua angka sen); tulis {thousands} bila maksudnya \
             {thousands} (berkas dataset memakai titik sebagai desimal, tanpa pemisah ribuan)"
        ),
        (Lang::En, None) => format!(
            "'{value}' can be read two ways: {thousands} (dot as thousands separator) or {decimal} (dot as \
             decimal point, but rupiah take at most two decimals); write {thousands} if you mean {thousands} \
             (dataset files use a dot as decimal point and no thousands separator)"
        ),
    }
}

/// All problems found while reading a dataset, and the rows left unchecked because they refer
/// to a row that was refused (one bad cell is one problem, not one per row that names its row).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Problems(pub Vec<Problem>, pub Unchecked);

/// Rows not checked because what they refer to was refused: they are checked again once the
/// refused row is corrected.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Unchecked {
    /// How many rows.
    pub rows: usize,
    /// Their files, in reading order.
    pub files: Vec<String>,
}

impl Unchecked {
    /// The closing sentence, `None` when every row was checked.
    pub fn message(&self, lang: Lang) -> Option<String> {
        if self.rows == 0 {
            return None;
        }
        let files = self.files.join(", ");
        let n = self.rows;
        Some(match lang {
            Lang::Id => format!(
                "{n} baris lain ({files}) merujuk ke baris yang ditolak di atas dan belum diperiksa; baris itu \
                 diperiksa lagi setelah masalah di atas diperbaiki"
            ),
            Lang::En if n == 1 => format!(
                "1 other row ({files}) refers to a row refused above and was not checked; it is checked again \
                 once the problems above are corrected"
            ),
            Lang::En => format!(
                "{n} other rows ({files}) refer to rows refused above and were not checked; they are checked \
                 again once the problems above are corrected"
            ),
        })
    }
}

impl Problems {
    /// Problems with every row checked.
    pub fn new(problems: Vec<Problem>) -> Problems {
        Problems(problems, Unchecked::default())
    }

    /// Every problem, one a line, then what was left unchecked.
    pub fn render(&self, lang: Lang) -> String {
        let mut lines: Vec<String> = self.0.iter().map(|p| p.message(lang)).collect();
        lines.extend(self.1.message(lang));
        lines.join("\n")
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::Id))
    }
}

impl std::error::Error for Problems {}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(kind: ProblemKind) -> Problem {
        Problem { file: "targets.csv".into(), line: Some(3), column: Some("target".into()), kind }
    }

    #[test]
    fn an_ambiguous_number_names_both_readings_and_the_fix() {
        let p = at(ProblemKind::AmbiguousNumber { value: "1.500".into(), money: false });
        assert_eq!(
            p.message(Lang::Id),
            "targets.csv, baris 3, kolom 'target': '1.500' dapat dibaca dua cara: 1500 (titik sebagai pemisah \
             ribuan) atau 1,5 (titik sebagai desimal); tulis 1500 bila maksudnya 1500, atau 1.5000 bila maksudnya \
             1,5 (berkas dataset memakai titik sebagai desimal, tanpa pemisah ribuan)"
        );
        let en = p.message(Lang::En);
        assert!(en.starts_with("targets.csv, line 3, column 'target': '1.500' can be read two ways: 1500"), "{en}");
        assert!(en.contains("or 1.5 (dot as decimal point); write 1500 if you mean 1500, or 1.5000 if you mean 1.5"));

        let negative = ProblemKind::AmbiguousNumber { value: "-16.478".into(), money: false };
        assert!(negative.message(Lang::Id).contains("-16478 (titik sebagai pemisah ribuan) atau -16,478"));
        assert!(negative.message(Lang::Id).contains("atau -16.4780 bila maksudnya -16,478"));
    }

    #[test]
    fn an_ambiguous_amount_offers_the_sen_form_or_only_the_thousands() {
        let sen = ProblemKind::AmbiguousNumber { value: "1.500".into(), money: true };
        assert!(sen.message(Lang::Id).contains("tulis 1500 bila maksudnya 1500, atau 1.50 bila maksudnya 1,5"));
        assert!(sen.message(Lang::En).contains("write 1500 if you mean 1500, or 1.50 if you mean 1.5"));
        // 1.005 rupiah is a fraction of a sen: only the thousands reading is an amount.
        let fraction = ProblemKind::AmbiguousNumber { value: "1.005".into(), money: true };
        assert!(fraction.message(Lang::Id).contains("tulis 1005 bila maksudnya 1005 ("));
        assert!(fraction.message(Lang::En).contains("at most two decimals); write 1005 if you mean 1005 ("));
    }

    #[test]
    fn a_long_text_and_a_cycle_are_described_in_both_languages() {
        let long = ProblemKind::TooLong { length: 40_000, limit: 32_767 };
        assert!(long.message(Lang::Id).starts_with("teks terlalu panjang: 40.000 karakter, paling banyak 32.767"));
        assert!(long.message(Lang::En).starts_with("text too long: 40,000 characters, at most 32,767"));
        let cycle = ProblemKind::Cycle(vec!["A".into(), "B".into(), "A".into()]);
        assert!(cycle.message(Lang::Id).starts_with("rujukan berputar: A → B → A;"));
        assert!(cycle.message(Lang::En).starts_with("the references go round in a circle: A → B → A;"));
    }
}
