//! The dataset as one XLSX workbook, the empty template, and broken imports that write nothing.

use std::path::Path;
use std::process::{Command, Output};

fn kinerja(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja")).args(args).output().unwrap()
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

#[test]
fn workbook_export_import_export_is_identical() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("a.sqlite");
    let book = dir.path().join("dataset.xlsx");
    let out = kinerja(&["export", "--dataset", &s(&book), "--db", &s(&first), "--show-phone"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));

    // Into a second database, then back out as CSV: byte-identical to the embedded files.
    let second = dir.path().join("b.sqlite");
    let empty = rusqlite::Connection::open(&second).unwrap();
    drop(empty);
    let imp = kinerja(&["import", &s(&book), "--db", &s(&second)]);
    assert_eq!(imp.status.code(), Some(0), "{}", String::from_utf8_lossy(&imp.stderr));
    let folder = dir.path().join("again");
    let exp = kinerja(&["export", "--dataset", &s(&folder), "--db", &s(&second), "--show-phone"]);
    assert_eq!(exp.status.code(), Some(0));
    for (name, bytes) in kinerja::embedded::files() {
        assert_eq!(std::fs::read(folder.join(name)).unwrap(), *bytes, "{name}");
    }
}

#[test]
fn the_template_has_every_sheet_and_instructions() {
    use calamine::Reader;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("templat.xlsx");
    let out = kinerja(&["template", "--out", &s(&file), "--db", &s(&dir.path().join("k.sqlite"))]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&file).unwrap();
    let names = book.sheet_names();
    assert_eq!(names[0], "Petunjuk");
    assert_eq!(names.len(), kinerja::interchange::file_names().len() + 1);
    let budget = book.worksheet_range("budget_lines").unwrap();
    assert_eq!(budget.height(), 1, "headers only");
    assert_eq!(budget.get_value((0, 1)).unwrap().to_string(), "kode");
    // Format version 2: funding source, spending type, single alokasi, fisik and sisa.
    let headings: Vec<String> = (10..15).map(|c| budget.get_value((0, c)).unwrap().to_string()).collect();
    assert_eq!(headings, ["source", "spending", "alokasi", "fisik_pct", "sisa"]);
    let help = book.worksheet_range("Petunjuk").unwrap();
    let help: Vec<String> = help.rows().map(|r| r[0].to_string()).collect();
    assert!(help.iter().any(|l| l.contains("apbn-dekon") && l.contains("alokasi")), "{help:?}");
    assert!(help.iter().any(|l| l.contains("printed_figures") && l.contains("program_indicators, benchmark, staff")));
    assert!(help.iter().any(|l| l.contains("anggaran-program") && l.contains("checked on import")), "{help:?}");
    // Importing the empty template says what is missing and writes nothing.
    let db = dir.path().join("k.sqlite");
    let imp = kinerja(&["import", &s(&file), "--db", &s(&db)]);
    assert_eq!(imp.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&imp.stderr).contains("office.csv"));
}

fn broken_import(edit: impl FnOnce(&Path)) -> (String, i64, i64) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.sqlite");
    let folder = dir.path().join("ds");
    assert_eq!(kinerja(&["export", "--dataset", &s(&folder), "--db", &s(&db)]).status.code(), Some(0));
    // Another office's data, so that an import would add rather than replace.
    let office = folder.join("office.csv");
    let text = std::fs::read_to_string(&office).unwrap().replace("DISKOPUKM-BKS", "DINAS-LAIN");
    std::fs::write(&office, text).unwrap();
    edit(&folder);
    let count = || {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.query_row("SELECT count(*) FROM office", [], |r| r.get::<_, i64>(0)).unwrap()
    };
    let before = count();
    let out = kinerja(&["import", &s(&folder), "--db", &s(&db)]);
    assert_eq!(out.status.code(), Some(2), "refused");
    (String::from_utf8_lossy(&out.stderr).to_string(), before, count())
}

fn replace_in(dir: &Path, file: &str, from: &str, to: &str) {
    let p = dir.join(file);
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(text.contains(from), "{file}: {from}");
    std::fs::write(&p, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn broken_datasets_are_refused_with_the_right_message_and_nothing_written() {
    type Edit = Box<dyn FnOnce(&Path)>;
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "missing column",
            Box::new(|d: &Path| replace_in(d, "staff.csv", "education,", "pendidikan,")),
            "kolom 'education': kolom wajib tidak ada",
        ),
        (
            "text in a number column",
            Box::new(|d: &Path| replace_in(d, "budget_lines.csv", "8771302348", "delapan miliar")),
            "'delapan miliar' bukan jumlah rupiah",
        ),
        (
            // 28 digits: a Decimal holds them, Money's i64 sen does not (it panicked).
            "a 28-digit amount",
            Box::new(|d: &Path| replace_in(d, "budget_lines.csv", "8771302348", "9999999999999999999999999999")),
            "'9999999999999999999999999999' terlalu besar; jumlah rupiah paling banyak 92233720368547758.07",
        ),
        (
            "unknown indicator",
            Box::new(|d: &Path| replace_in(d, "realisations.csv", "IKU2,2024", "IKU9,2024")),
            "indikator 'IKU9' tidak ditemukan",
        ),
        (
            "duplicate kode",
            Box::new(|d: &Path| replace_in(d, "budget_lines.csv", "2024,1.4.6,", "2024,1.4.5,")),
            "duplikat",
        ),
        (
            "wrong year",
            Box::new(|d: &Path| replace_in(d, "staff.csv", "2024,1,SLTA", "20244,1,SLTA")),
            "'20244' bukan tahun",
        ),
        ("empty file", Box::new(|d: &Path| std::fs::write(d.join("awards.csv"), b"").unwrap()), "awards.csv"),
        (
            "random bytes",
            Box::new(|d: &Path| {
                let noise: Vec<u8> = (0..5000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 9) as u8).collect();
                std::fs::write(d.join("notes.csv"), noise).unwrap()
            }),
            "notes.csv: bukan teks UTF-8",
        ),
        (
            "a 50 MB file",
            Box::new(|d: &Path| {
                let mut big = b"year,subject,kind,position,text\n".to_vec();
                big.resize(50 * 1024 * 1024, 0xff);
                std::fs::write(d.join("notes.csv"), big).unwrap()
            }),
            "notes.csv: bukan teks UTF-8",
        ),
    ];
    for (what, edit, expected) in cases {
        let (stderr, before, after) = broken_import(edit);
        assert!(stderr.contains(expected), "{what}: {stderr}");
        assert_eq!(before, after, "{what}: nothing written");
    }
}

/// How one cell of the dataset workbook is written instead of as text.
#[derive(Clone, Copy)]
enum Typed {
    /// A number typed in the cell (fine).
    Number,
    /// A date (Excel turned what was typed into one).
    Date,
    /// A formula with its stored result.
    Formula,
    /// A formula whose result is an error.
    ErrorValue,
}

/// The embedded dataset as a workbook, every value as text as `write_workbook` writes it,
/// except the pagu_murni of the first budget line (row 2), written as `typed`.
fn dataset_workbook(typed: Typed) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
    let mut book = Workbook::new();
    for (file, bytes) in kinerja::embedded::files() {
        let ws = book.add_worksheet();
        ws.set_name(file.trim_end_matches(".csv")).unwrap();
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(*bytes);
        for (r, record) in reader.records().enumerate() {
            for (c, value) in record.unwrap().iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                if *file == "budget_lines.csv" && r == 1 && c == 6 {
                    assert_eq!(value, "9271302348");
                    match typed {
                        Typed::Number => ws.write_number(r, c, 9_271_302_348.0).map(|_| ()),
                        Typed::Date => ws
                            .write_datetime_with_format(
                                r,
                                c,
                                ExcelDateTime::from_ymd(2024, 3, 1).unwrap(),
                                &Format::new().set_num_format("dd/mm/yyyy"),
                            )
                            .map(|_| ()),
                        Typed::Formula => {
                            ws.write_formula(r, c, Formula::new("=9271302348*1").set_result("9271302348")).map(|_| ())
                        }
                        Typed::ErrorValue => {
                            ws.write_formula(r, c, Formula::new("=1/0").set_result("#DIV/0!")).map(|_| ())
                        }
                    }
                    .unwrap();
                } else if !value.is_empty() {
                    ws.write_string(r, c, value).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// Imports the workbook `bytes` into a database holding the embedded office renamed, and returns
/// the exit code, stderr, and whether the database is byte-identical afterwards.
fn import_workbook(bytes: &[u8]) -> (Option<i32>, String, bool) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.sqlite");
    assert_eq!(kinerja(&["offices", "--db", &s(&db)]).status.code(), Some(0));
    let book = dir.path().join("dataset.xlsx");
    std::fs::write(&book, bytes).unwrap();
    let read = |p: &Path| std::fs::read(p).unwrap_or_default();
    let wal = dir.path().join("k.sqlite-wal");
    let before = (read(&db), read(&wal));
    let out = kinerja(&["import", &s(&book), "--db", &s(&db)]);
    let same = (read(&db), read(&wal)) == before;
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned(), same)
}

#[test]
fn a_date_formula_or_error_in_a_money_column_is_refused_with_its_place() {
    let cases = [
        (Typed::Date, "sel G2 berisi tanggal/waktu", "cell G2 holds a date or time"),
        (Typed::Formula, "sel G2 berisi rumus", "cell G2 holds a formula"),
        (Typed::ErrorValue, "sel G2 berisi galat rumus", "cell G2 holds a formula error"),
    ];
    for (typed, id, en) in cases {
        let (code, err, same) = import_workbook(&dataset_workbook(typed));
        assert_eq!(code, Some(2), "{err}");
        assert!(err.contains("budget_lines.csv, baris 2, kolom 'pagu_murni'"), "{err}");
        assert!(err.contains(id), "{err}");
        assert!(same, "nothing written");
        // The English message is English alone.
        let problems = kinerja::interchange::WorkbookSource::from_bytes("dataset.xlsx", dataset_workbook(typed))
            .err()
            .expect("refused");
        let english = problems.render(kinerja::format::Lang::En);
        assert!(english.contains(en) && !english.contains(id), "{english}");
    }
    // A number typed in the cell is the number.
    let (code, err, _) = import_workbook(&dataset_workbook(Typed::Number));
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn hostile_workbooks_are_refused_with_a_message_and_exit_2() {
    use std::io::{Read, Write};
    // One heading in A1 and one number in XFD1048576: 7 KB, but 2^34 cells as a range.
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("office").unwrap();
    ws.write_string(0, 0, "code").unwrap();
    ws.write_number(1_048_575, 16_383, 1.0).unwrap();
    let far = book.save_to_buffer().unwrap();
    assert!(far.len() < 10_000);
    let (code, err, same) = import_workbook(&far);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("lembar 'office' mencakup A1:XFD1048576 (17179869184 sel); paling banyak 5000000 sel"),
        "{err}"
    );
    assert!(!err.contains("sheet 'office'"), "Indonesian alone: {err}");
    let english = kinerja::interchange::WorkbookSource::from_bytes("far.xlsx", far)
        .err()
        .expect("refused")
        .render(kinerja::format::Lang::En);
    assert!(english.contains("sheet 'office' spans A1:XFD1048576"), "{english}");
    assert!(same);

    // The dataset workbook without its shared strings: the cells refer to strings that are not
    // there, on which the reader library panics.
    let whole = kinerja::interchange::write_workbook(
        &kinerja::interchange::write_dataset(&kinerja::embedded::dataset().unwrap()),
        false,
    )
    .unwrap();
    let mut from = zip::ZipArchive::new(std::io::Cursor::new(&whole)).unwrap();
    let mut to = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..from.len() {
        let mut part = from.by_index(i).unwrap();
        let name = part.name().to_string();
        if name != "xl/sharedStrings.xml" {
            let mut bytes = Vec::new();
            part.read_to_end(&mut bytes).unwrap();
            to.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
            to.write_all(&bytes).unwrap();
        }
    }
    let stripped = to.finish().unwrap().into_inner();
    let (code, err, same) = import_workbook(&stripped);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("buku kerja rusak atau jenisnya tidak dapat dibaca"), "{err}");
    assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "no backtrace: {err}");
    assert!(same);
}
