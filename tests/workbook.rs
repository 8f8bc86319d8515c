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
