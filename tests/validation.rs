//! What the dataset reader refuses so that nothing is read silently wrong: numbers that read two
//! ways, cycles of references, texts longer than a spreadsheet cell; and what the written files
//! never hold.

use kinerja::format::Lang;
use kinerja::interchange::{ambiguous, read_dataset, read_path, DirSource, Problem, ProblemKind, Source};
use std::path::Path;

/// The embedded dataset as a folder, changed by `edit`, then read.
fn problems_after(edit: impl FnOnce(&Path)) -> Vec<Problem> {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in kinerja::embedded::files() {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    edit(dir.path());
    match read_dataset(&DirSource(dir.path().to_path_buf())) {
        Ok(_) => Vec::new(),
        Err(p) => p.0,
    }
}

/// Sets the cell of `column` on line `line` (the header is line 1) of `file`.
fn set_cell(dir: &Path, file: &str, line: usize, column: &str, value: &str) {
    let path = dir.join(file);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_path(&path).unwrap();
    let mut rows: Vec<Vec<String>> =
        reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect();
    let col = rows[0].iter().position(|h| h == column).unwrap_or_else(|| panic!("{file}: no column {column}"));
    rows[line - 1][col] = value.to_string();
    let mut w = csv::Writer::from_path(&path).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
}

fn messages(problems: &[Problem], lang: Lang) -> Vec<String> {
    problems.iter().map(|p| p.message(lang)).collect()
}

#[test]
fn a_decimal_that_reads_two_ways_is_refused_with_both_readings() {
    // targets.csv line 2 is IT1 2024, target 75.80.
    let problems = problems_after(|d| set_cell(d, "targets.csv", 2, "target", "1.500"));
    assert_eq!(problems.len(), 1, "{problems:?}");
    let id = problems[0].message(Lang::Id);
    assert!(id.starts_with("targets.csv, baris 2, kolom 'target': '1.500' dapat dibaca dua cara: 1500"), "{id}");
    assert!(id.contains("atau 1,5 (titik sebagai desimal); tulis 1500 bila maksudnya 1500, atau 1.5000"), "{id}");
    let en = problems[0].message(Lang::En);
    assert!(en.starts_with("targets.csv, line 2, column 'target': '1.500' can be read two ways: 1500"), "{en}");
    assert!(en.contains("or 1.5 (dot as decimal point)"), "{en}");
}

#[test]
fn an_amount_that_reads_two_ways_is_refused_with_both_readings() {
    // budget_lines.csv line 2 is program 1 of 2024.
    let problems = problems_after(|d| set_cell(d, "budget_lines.csv", 2, "realisasi", "16.478"));
    // The line is left out, so its kegiatan also miss their parent: the first problem is its own.
    assert_eq!(problems.iter().filter(|p| matches!(p.kind, ProblemKind::AmbiguousNumber { .. })).count(), 1);
    let id = problems[0].message(Lang::Id);
    assert!(id.starts_with("budget_lines.csv, baris 2, kolom 'realisasi': '16.478' dapat dibaca dua cara"), "{id}");
    assert!(id.contains("16478 (titik sebagai pemisah ribuan) atau 16,478 (titik sebagai desimal"), "{id}");
    // 16,478 rupiah is a fraction of a sen: only the thousands reading is an amount.
    assert!(id.contains("tulis 16478 bila maksudnya 16478"), "{id}");
    let en = problems[0].message(Lang::En);
    assert!(en.contains("16478 (dot as thousands separator) or 16.478 (dot as decimal point"), "{en}");
}

#[test]
fn numbers_with_one_reading_are_accepted() {
    for (value, expected) in [("0.102", "0.102"), ("1234.5", "1234.5"), ("1.5", "1.5"), ("12.50", "12.50")] {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in kinerja::embedded::files() {
            std::fs::write(dir.path().join(name), bytes).unwrap();
        }
        set_cell(dir.path(), "targets.csv", 2, "target", value);
        let d = read_dataset(&DirSource(dir.path().to_path_buf())).unwrap_or_else(|p| panic!("{value}: {p}"));
        let t = d.targets.iter().find(|t| t.indicator == "IT1" && t.year == 2024).unwrap();
        assert_eq!(t.value.target.to_string(), expected);
    }
}

#[test]
fn the_example_datasets_hold_no_number_that_reads_two_ways() {
    let contoh = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dinas-contoh");
    let mut files: Vec<(String, Vec<u8>)> =
        kinerja::embedded::files().iter().map(|(n, b)| (format!("bekasi-2024/{n}"), b.to_vec())).collect();
    for entry in std::fs::read_dir(&contoh).unwrap() {
        let path = entry.unwrap().path();
        files.push((
            format!("dinas-contoh/{}", path.file_name().unwrap().to_string_lossy()),
            std::fs::read(&path).unwrap(),
        ));
    }
    assert!(files.len() > 50);
    for (name, bytes) in &files {
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes.as_slice());
        for (i, record) in reader.records().enumerate() {
            for cell in record.unwrap().iter() {
                assert!(!ambiguous(cell.trim()), "{name}, line {}: '{cell}'", i + 1);
            }
        }
    }
    // And both still read.
    read_path(&contoh).unwrap_or_else(|p| panic!("{p}"));
}

#[test]
fn a_unit_cycle_is_refused_with_its_place() {
    // units.csv: line 3 Sekretariat, line 5 Sub Bagian Keuangan under it.
    let problems = problems_after(|d| set_cell(d, "units.csv", 3, "parent", "KEU"));
    assert_eq!(messages(&problems, Lang::Id).len(), 1, "{problems:?}");
    assert_eq!(problems[0].kind, ProblemKind::Cycle(vec!["SEKRE".into(), "KEU".into(), "SEKRE".into()]));
    let id = problems[0].message(Lang::Id);
    assert!(id.starts_with("units.csv, baris 3, kolom 'parent': rujukan berputar: SEKRE → KEU → SEKRE;"), "{id}");
    let en = problems[0].message(Lang::En);
    assert!(en.starts_with("units.csv, line 3, column 'parent': the references go round in a circle: SEKRE"), "{en}");
}

#[test]
fn an_asset_cycle_is_refused_with_its_place() {
    // assets.csv: line 2 Aset Tetap (1), line 3 Tanah (1.1), line 4 its only item (1.1.1).
    let problems = problems_after(|d| set_cell(d, "assets.csv", 2, "parent", "1.1.1"));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, Some(2));
    assert_eq!(problems[0].kind, ProblemKind::Cycle(vec!["1".into(), "1.1.1".into(), "1.1".into(), "1".into()]));
}

#[test]
fn an_indicator_predecessor_cycle_is_refused_with_its_place() {
    // indicators.csv: line 4 IKU1 (predecessor IKU1-2018), line 17 IKU1-2018.
    let problems = problems_after(|d| set_cell(d, "indicators.csv", 17, "predecessor", "IKU1"));
    let cycles: Vec<&Problem> = problems.iter().filter(|p| matches!(p.kind, ProblemKind::Cycle(_))).collect();
    assert_eq!(cycles.len(), 1, "{problems:?}");
    assert_eq!(cycles[0].file, "indicators.csv");
    assert_eq!(cycles[0].line, Some(4));
    assert_eq!(cycles[0].column.as_deref(), Some("predecessor"));
    assert!(cycles[0].message(Lang::Id).contains("IKU1 → IKU1-2018 → IKU1"));
}

#[test]
fn a_budget_cycle_is_refused_with_its_place() {
    // budget_lines.csv: line 2 program 1 of 2024, line 3 its kegiatan 1.1.
    let problems = problems_after(|d| set_cell(d, "budget_lines.csv", 2, "parent", "1.1"));
    let cycles: Vec<&Problem> = problems.iter().filter(|p| matches!(p.kind, ProblemKind::Cycle(_))).collect();
    assert_eq!(cycles.len(), 1, "{problems:?}");
    assert_eq!((cycles[0].file.as_str(), cycles[0].line), ("budget_lines.csv", Some(2)));
    assert!(cycles[0].message(Lang::En).contains(": 1 → 1.1 → 1;"));
}

/// A dataset in memory, as files.
struct Memory(Vec<(&'static str, Vec<u8>)>);

impl Source for Memory {
    fn read(&self, file: &str) -> std::io::Result<Option<Vec<u8>>> {
        Ok(self.0.iter().find(|(n, _)| *n == file).map(|(_, b)| b.clone()))
    }
    fn describe(&self) -> String {
        "memory".into()
    }
}

#[test]
fn a_hundred_thousand_budget_lines_are_checked_in_linear_time() {
    use kinerja::domain::{BudgetLevel, BudgetLine, Money};
    let mut d = kinerja::embedded::dataset().unwrap();
    // 1 000 kegiatan under the 2024 programs, 99 sub-kegiatan under each: about 100 000 lines.
    let programs: Vec<String> = d.budget_children(2024, None).iter().map(|b| b.kode.clone()).collect();
    let line = |kode: String, parent: &str, level, position| BudgetLine {
        year: 2030,
        kode,
        parent: Some(parent.to_string()),
        level,
        position,
        name: "baris".into(),
        pagu_murni: None,
        pagu_perubahan: Some(Money::from_rupiah(1000)),
        realisasi: Some(Money::from_rupiah(900)),
        ..BudgetLine::new(2030, "", None, level, position, "")
    };
    for p in &programs {
        let mut program = d.budget_line(2024, p).unwrap().clone();
        program.year = 2030;
        d.budget_lines.push(program);
    }
    for k in 0..1000 {
        let program = &programs[k % programs.len()];
        let kegiatan = format!("{program}.k{k}");
        d.budget_lines.push(line(kegiatan.clone(), program, BudgetLevel::Kegiatan, k as i64));
        for s in 0..99 {
            d.budget_lines.push(line(format!("{kegiatan}.{s}"), &kegiatan, BudgetLevel::SubKegiatan, s));
        }
    }
    assert!(d.budget_lines.len() > 100_000);
    let files = Memory(kinerja::interchange::write_dataset(&d));
    let started = std::time::Instant::now();
    let read = read_dataset(&files).unwrap_or_else(|p| panic!("{p}"));
    let elapsed = started.elapsed();
    assert_eq!(read.budget_lines.len(), d.budget_lines.len());
    // Checking each line's parent by scanning the file took minutes; by key it takes a second or
    // two even unoptimised.
    assert!(elapsed < std::time::Duration::from_secs(30), "{elapsed:?}");
}

#[test]
fn a_note_of_forty_thousand_characters_is_refused_with_its_place() {
    let long = "x".repeat(40_000);
    let problems = problems_after(|d| set_cell(d, "notes.csv", 2, "text", &long));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].kind, ProblemKind::TooLong { length: 40_000, limit: 32_767 });
    assert_eq!(
        problems[0].message(Lang::Id),
        "notes.csv, baris 2, kolom 'text': teks terlalu panjang: 40.000 karakter, paling banyak 32.767 (batas satu \
         sel lembar kerja); persingkat atau bagi menjadi beberapa baris"
    );
    assert!(problems[0].message(Lang::En).starts_with("notes.csv, line 2, column 'text': text too long: 40,000"));
}

fn kinerja(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kinerja")).args(args).output().unwrap()
}

/// A database created from the embedded dataset, with `sql` run on it.
fn database(dir: &Path, sql: &str) -> String {
    let db = dir.join("k.sqlite").display().to_string();
    assert_eq!(kinerja(&["offices", "--db", &db]).status.code(), Some(0));
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(sql).unwrap();
    db
}

fn stored_phone(db: &str, year: i32, position: i64) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT phone FROM umkm_upgrade WHERE year = ?1 AND position = ?2", (year, position), |r| r.get(0))
        .unwrap()
}

#[test]
fn the_dataset_export_masks_telephone_numbers_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path(), "");
    let masked = dir.path().join("masked");
    let out = kinerja(&["export", "--dataset", &masked.display().to_string(), "--db", &db]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(masked.join("umkm_upgrades.csv")).unwrap();
    // ADE NURHAYATI's number is 081212011963 in the embedded dataset.
    assert!(text.contains(",08********63,") && !text.contains("081212011963"), "{text}");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    for r in reader.records() {
        let phone = r.unwrap()[5].to_string();
        assert!(phone.chars().filter(char::is_ascii_digit).count() <= 4, "{phone}");
    }
    let book = dir.path().join("masked.xlsx");
    assert_eq!(kinerja(&["export", "--dataset", &book.display().to_string(), "--db", &db]).status.code(), Some(0));
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&book).unwrap();
    use calamine::Reader;
    let sheet = wb.worksheet_range("umkm_upgrades").unwrap();
    let cells: Vec<String> = sheet.rows().map(|r| r[5].to_string()).collect();
    assert!(cells.contains(&"08********63".to_string()) && !cells.contains(&"081212011963".to_string()));

    let full = dir.path().join("full");
    let out = kinerja(&["export", "--dataset", &full.display().to_string(), "--db", &db, "--show-phone"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(std::fs::read_to_string(full.join("umkm_upgrades.csv")).unwrap().contains(",081212011963,"));
}

#[test]
fn a_masked_number_imported_back_keeps_the_stored_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path(), "");
    let folder = dir.path().join("ds");
    assert_eq!(kinerja(&["export", "--dataset", &folder.display().to_string(), "--db", &db]).status.code(), Some(0));
    // Position 2 (HELMIATI, 0818917566) gets a new number typed in full.
    set_cell(&folder, "umkm_upgrades.csv", 3, "phone", "081300000000");
    let out = kinerja(&["import", &folder.display().to_string(), "--db", &db]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stored_phone(&db, 2024, 1), "081212011963", "the mask kept the stored number");
    assert_eq!(stored_phone(&db, 2024, 2), "081300000000", "a full number replaces it");

    // Into another office nothing is stored to keep: refused, nothing written.
    let office = folder.join("office.csv");
    std::fs::write(&office, std::fs::read_to_string(&office).unwrap().replace("DISKOPUKM-BKS", "DINAS-LAIN")).unwrap();
    let out = kinerja(&["import", &folder.display().to_string(), "--db", &db]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("umkm_upgrades.csv, kolom 'phone': nomor telepon '08********63' (tahun 2024, urutan 1) tersamar"),
        "{err}"
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let offices: i64 = conn.query_row("SELECT count(*) FROM office", [], |r| r.get(0)).unwrap();
    assert_eq!(offices, 1);
}

#[test]
fn a_long_text_in_the_database_still_exports_to_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let long = "Program ".repeat(5_000); // 40 000 characters, from an older file
    let db = database(dir.path(), &format!("UPDATE budget_line SET name = '{long}' WHERE year = 2024 AND kode = '1';"));
    let file = dir.path().join("t.xlsx");
    let out = kinerja(&["table", "3.19", "--format", "xlsx", "--out", &file.display().to_string(), "--db", &db]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&file).unwrap();
    use calamine::Reader;
    let name = wb.sheet_names()[0].clone();
    let sheet = wb.worksheet_range(&name).unwrap();
    let cut = sheet.rows().flat_map(|r| r.iter().map(|c| c.to_string())).find(|c| c.starts_with("Program Program"));
    let cut = cut.expect("the long name is in the table");
    assert!(cut.encode_utf16().count() <= 32_767);
    assert!(cut.contains("[terpotong: teks 40.000 karakter, satu sel memuat 32.767"), "{}", &cut[cut.len() - 200..]);

    // The dataset workbook must come back exactly: refused with the record, the CSV folder holds it.
    let book = dir.path().join("ds.xlsx");
    let out = kinerja(&["export", "--dataset", &book.display().to_string(), "--db", &db]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("budget_lines.csv, baris 2, kolom 'name': teks 40.000 karakter tidak muat"), "{err}");
    assert!(!book.exists());
    let folder = dir.path().join("ds");
    assert_eq!(kinerja(&["export", "--dataset", &folder.display().to_string(), "--db", &db]).status.code(), Some(0));
    assert!(std::fs::read_to_string(folder.join("budget_lines.csv")).unwrap().contains(long.trim_end()));
}

#[test]
fn formula_text_is_neutralised_on_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(
        dir.path(),
        r#"UPDATE budget_line SET name = '=HYPERLINK("http://x","klik")' WHERE year = 2024 AND kode = '1';"#,
    );
    let out = kinerja(&["table", "3.19", "--db", &db]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = String::from_utf8_lossy(&out.stdout);
    // RFC 4180 doubles the quotes inside the quoted field.
    assert!(csv.contains(r#"1,"'=HYPERLINK(""http://x"",""klik"")",8771302348,"#), "{csv}");
    let out = kinerja(&["table", "3.19", "--format", "json", "--db", &db]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let program = &json["rows"][0]["cells"]["program"];
    assert_eq!(program, r#"'=HYPERLINK("http://x","klik")"#);
    // Numbers stay numbers.
    assert_eq!(json["rows"][0]["cells"]["pagu"]["reported"], 8771302348u64);
}

#[test]
fn a_number_cell_of_a_workbook_has_one_reading() {
    // The embedded dataset as a workbook whose IT1 2024 target is the number 16.478 in a number
    // cell, not text: Excel shows it by the reader's locale, but its value is one.
    let mut book = rust_xlsxwriter::Workbook::new();
    for (file, bytes) in kinerja::embedded::files() {
        let sheet = book.add_worksheet();
        sheet.set_name(file.trim_end_matches(".csv")).unwrap();
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(*bytes);
        for (r, record) in reader.records().enumerate() {
            for (c, value) in record.unwrap().iter().enumerate() {
                if *file == "targets.csv" && r == 1 && c == 2 {
                    sheet.write_number(r as u32, c as u16, 16.478).unwrap();
                } else if !value.is_empty() {
                    sheet.write_string(r as u32, c as u16, value).unwrap();
                }
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ds.xlsx");
    std::fs::write(&path, book.save_to_buffer().unwrap()).unwrap();
    let d = read_path(&path).unwrap_or_else(|p| panic!("{p}"));
    let t = d.targets.iter().find(|t| t.indicator == "IT1" && t.year == 2024).unwrap();
    assert_eq!(t.value.target.to_string(), "16.4780");
}
