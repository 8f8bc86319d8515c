//! printed_figures.csv checked on import (issue 14): a subject of no known kind, a code that
//! names nothing, a field the subject does not have and a table name that names no table are
//! refused with their place in both languages; a figure of a known subject whose year lacks the
//! data stays unverified; a table written by its stable name is shown by the office's own number
//! and the file is written back as it was read.

use kinerja::calc::check::{check, FindingKind, Issue};
use kinerja::calc::subject::RefError;
use kinerja::calc::Settings;
use kinerja::domain::Dataset;
use kinerja::format::Lang;
use kinerja::interchange::{read_dataset, write_dataset, DirSource, Problem, ProblemKind};
use kinerja::report::{build_table, TableOptions};
use std::path::{Path, PathBuf};
use std::process::Command;

fn contoh() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/dinas-contoh")
}

/// The made-up office of `tests/data/dinas-contoh` copied into `dir`, with `rows` added to its
/// printed figures (its file has a header and 4 rows, so the first added row is line 6).
fn office_with(dir: &Path, rows: &str) {
    for entry in std::fs::read_dir(contoh()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    let printed = std::fs::read_to_string(dir.join("printed_figures.csv")).unwrap();
    std::fs::write(dir.join("printed_figures.csv"), format!("{printed}{rows}")).unwrap();
}

fn read(dir: &Path) -> Result<Dataset, kinerja::interchange::Problems> {
    read_dataset(&DirSource(dir.to_path_buf()))
}

fn problem_at(problems: &[Problem], line: usize) -> &Problem {
    problems
        .iter()
        .find(|p| p.file == "printed_figures.csv" && p.line == Some(line))
        .unwrap_or_else(|| panic!("no problem on line {line}: {problems:#?}"))
}

#[test]
fn subjects_and_fields_that_name_no_figure_are_refused_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    office_with(
        dir.path(),
        "2025,3.1,table,indikator:IKA,capaian_pct,110,110,\n\
         2025,3.1,table,indicator:,capaian_pct,110,110,\n\
         2025,3.1,table,:x,capaian_pct,110,110,\n\
         2025,3.4,table,budget:*:x,serapan_pct,85,85,\n\
         2025,3.1,table,indicator:IKZ,capaian_pct,110,110,\n\
         2025,3.1,table,indicator:ika,capaian_pct,110,110,\n\
         2025,3.1,table,indicator: IKA,capaian_pct,110,110,\n\
         2025,3.4,table,budget:9.9,serapan_pct,85,85,\n\
         2025,3.4,table,source:APBD,serapan_pct,85,85,\n\
         2025,1.1,table,staff:PPPK,count,3,3,\n\
         2025,3.1,table,benchmark:1,capaian_pct,100,100,\n\
         2025,3.1,table,indicator:IKA,capaian,110,110,\n\
         2025,3.4,table,budget:all,count_program,1,1,\n\
         2025,3.4,table,Budget:*,Pagu,1,1,\n",
    );
    let problems = read(dir.path()).unwrap_err().0;
    let subject = |line: usize, error: RefError| {
        let p = problem_at(&problems, line);
        assert_eq!(p.column.as_deref(), Some("subject"), "line {line}: {p:?}");
        assert_eq!(p.kind, ProblemKind::PrintedFigure(error), "line {line}");
    };
    let s = |t: &str| t.to_string();
    subject(6, RefError::UnknownSubjectKind { subject: s("indikator:IKA") });
    subject(7, RefError::NoKey { subject: s("indicator:") });
    subject(8, RefError::UnknownSubjectKind { subject: s(":x") });
    subject(9, RefError::UnknownSubject { subject: s("budget:*:x") });
    subject(10, RefError::UnknownSubject { subject: s("indicator:IKZ") });
    // Codes are exact: case and inner spaces matter (a cell's outer spaces are trimmed).
    subject(11, RefError::UnknownSubject { subject: s("indicator:ika") });
    subject(12, RefError::UnknownSubject { subject: s("indicator: IKA") });
    subject(13, RefError::UnknownSubject { subject: s("budget:9.9") });
    let sources = vec!["apbd", "apbn-dekon", "apbn-tp", "dak", "blud", "lainnya"];
    subject(14, RefError::UnknownCode { subject: s("source:APBD"), expected: sources });
    subject(15, RefError::UnknownCode { subject: s("staff:PPPK"), expected: vec!["all", "PNS", "TKK"] });
    // The office has no benchmark at all.
    subject(16, RefError::UnknownSubject { subject: s("benchmark:1") });
    let field = |line: usize, error: RefError| {
        let p = problem_at(&problems, line);
        assert_eq!(p.column.as_deref(), Some("field"), "line {line}: {p:?}");
        assert_eq!(p.kind, ProblemKind::PrintedFigure(error), "line {line}");
    };
    field(
        17,
        RefError::UnknownField {
            subject: s("indicator:IKA"),
            field: s("capaian"),
            expected: vec![
                "capaian_pct",
                "target",
                "realisasi",
                "raw_current",
                "raw_previous",
                "raw_part",
                "raw_whole",
                "avg_serapan",
                "baseline",
                "end_target",
                "capaian_end_pct",
                "target_cumulative",
                "realisasi_cumulative",
                "capaian_cumulative_pct",
                "category",
            ],
        },
    );
    field(
        18,
        RefError::UnknownField {
            subject: s("budget:all"),
            field: s("count_program"),
            expected: vec!["pagu", "pagu_murni", "realisasi", "serapan_pct", "sisa", "sisa_pct"],
        },
    );
    // A kind of subject in the wrong case is refused; its field is not judged as well.
    subject(19, RefError::UnknownSubjectKind { subject: s("Budget:*") });
    assert_eq!(problems.iter().filter(|p| p.line == Some(19)).count(), 1, "{problems:#?}");
    // One problem per bad row, and only those: the office's own four rows are sound.
    assert_eq!(problems.len(), 14, "{problems:#?}");

    // Each worded wholly in each language, with its place.
    let at = |line: usize, lang| problem_at(&problems, line).message(lang);
    assert_eq!(
        at(6, Lang::Id),
        "printed_figures.csv, baris 6, kolom 'subject': subjek 'indikator:IKA' tidak dikenal; jenis subjek: \
         indicator, sasaran, budget, source, spending, agreement, support, program_indicators, benchmark, staff"
    );
    assert_eq!(
        at(6, Lang::En),
        "printed_figures.csv, line 6, column 'subject': unknown subject 'indikator:IKA'; the kinds of subject: \
         indicator, sasaran, budget, source, spending, agreement, support, program_indicators, benchmark, staff"
    );
    assert_eq!(
        at(7, Lang::Id),
        "printed_figures.csv, baris 7, kolom 'subject': subjek 'indicator:' tanpa kode; tulis JENIS:KODE, \
         misalnya indicator:IKU1 atau budget:*"
    );
    assert_eq!(
        at(7, Lang::En),
        "printed_figures.csv, line 7, column 'subject': the subject 'indicator:' has no code; write KIND:CODE, \
         e.g. indicator:IKU1 or budget:*"
    );
    assert_eq!(
        at(10, Lang::Id),
        "printed_figures.csv, baris 10, kolom 'subject': 'indicator:IKZ' tidak ada di data (periksa kodenya)"
    );
    assert_eq!(
        at(10, Lang::En),
        "printed_figures.csv, line 10, column 'subject': 'indicator:IKZ' is not in the data (check its code)"
    );
    assert_eq!(
        at(15, Lang::Id),
        "printed_figures.csv, baris 15, kolom 'subject': kode 'staff:PPPK' tidak dikenal; kode yang ada: all, PNS, TKK"
    );
    assert_eq!(
        at(15, Lang::En),
        "printed_figures.csv, line 15, column 'subject': unknown code in 'staff:PPPK'; the codes: all, PNS, TKK"
    );
    assert_eq!(
        at(18, Lang::Id),
        "printed_figures.csv, baris 18, kolom 'field': 'budget:all' tidak punya field 'count_program'; field \
         yang ada: pagu, pagu_murni, realisasi, serapan_pct, sisa, sisa_pct"
    );
    assert_eq!(
        at(18, Lang::En),
        "printed_figures.csv, line 18, column 'field': 'budget:all' has no field 'count_program'; its fields: \
         pagu, pagu_murni, realisasi, serapan_pct, sisa, sisa_pct"
    );
}

#[test]
fn a_budget_kode_of_another_year_is_refused_where_the_year_has_a_budget() {
    let dir = tempfile::tempdir().unwrap();
    // Kode 2 is a programme of 2024 only. 2025 has its budget recorded (kode 1), so `budget:2`
    // of 2025 names nothing; 2023 has no budget lines at all, so its figure is missing data.
    office_with(dir.path(), "2025,3.4,table,budget:2,pagu,5,5,\n2023,3.4,table,budget:2,pagu,5,5,\n");
    let lines = std::fs::read_to_string(dir.path().join("budget_lines.csv")).unwrap();
    std::fs::write(dir.path().join("budget_lines.csv"), format!("{lines}2024,2,,program,1,Program Lama,5,5,5,\n"))
        .unwrap();
    let problems = read(dir.path()).unwrap_err().0;
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let p = problem_at(&problems, 6);
    assert_eq!(p.column.as_deref(), Some("subject"));
    assert_eq!(p.kind, ProblemKind::PrintedFigure(RefError::NotInYear { subject: "budget:2".into(), year: 2025 }));
    assert_eq!(
        p.message(Lang::Id),
        "printed_figures.csv, baris 6, kolom 'subject': 'budget:2' tidak ada di data tahun 2025 (periksa kode dan tahunnya)"
    );
    assert_eq!(
        p.message(Lang::En),
        "printed_figures.csv, line 6, column 'subject': 'budget:2' is not in the data of 2025 (check its code and year)"
    );
}

#[test]
fn a_known_subject_whose_year_lacks_the_data_stays_unverified() {
    let dir = tempfile::tempdir().unwrap();
    // IKA has a target for 2026 but no realisation; the budget has no line of 2024 at all.
    office_with(dir.path(), "2026,3.1,table,indicator:IKA,capaian_pct,90,90,\n2024,3.4,table,budget:1,pagu,5,5,\n");
    let d = read(dir.path()).unwrap_or_else(|p| panic!("{p}"));
    let r = check(&d, &Settings::default(), None);
    let tables: Vec<(i32, &str, &str)> =
        r.unverified.iter().map(|u| (u.year, u.table.as_str(), u.subject.as_str())).collect();
    assert_eq!(tables, [(2026, "3.1", "indicator:IKA"), (2024, "3.4", "budget:1")]);
}

/// A layout of the office's own for 2025 (its budget table is its Tabel 4.2), and its budget's
/// serapan printed in that table, named by the table's stable name in another case, printed
/// 80.00 where the data gives 850.000.000 ÷ 1.000.000.000 × 100 = 85; and its narrative
/// states a realisasi of Rp 800.000.000 where the programme's is 850.000.000.
fn office_with_layout(dir: &Path) {
    office_with(dir, "");
    std::fs::write(
        dir.join("report_tables.csv"),
        "year,id,kind,subject,title,source,note\n\
         2025,4.1,capaian,,Capaian Kinerja DLH 2025,,\n\
         2025,4.2,budget_realisation,,Realisasi Anggaran per Program DLH 2025,,\n",
    )
    .unwrap();
    let printed = std::fs::read_to_string(dir.join("printed_figures.csv")).unwrap();
    let printed = printed.replace(
        "2025,3.4,table,budget:*,serapan_pct,85.00,85.00,",
        "2025,Anggaran-Program,table,budget:*,serapan_pct,80.00,80.00,\n\
         2025,anggaran-program,narrative,budget:*,realisasi,Rp 800.000.000,800000000,",
    );
    assert!(printed.contains("Anggaran-Program"));
    std::fs::write(dir.join("printed_figures.csv"), printed).unwrap();
}

#[test]
fn a_table_named_by_its_stable_name_is_shown_by_the_office_number() {
    let dir = tempfile::tempdir().unwrap();
    office_with_layout(dir.path());
    let d = read(dir.path()).unwrap_or_else(|p| panic!("{p}"));
    let r = check(&d, &Settings::default(), None);
    let f = r.findings.iter().find(|f| f.subject == "budget:*").expect("the slip is found");
    assert_eq!((f.table.as_str(), f.kind, &f.issue), ("4.2", FindingKind::Mismatch, &Issue::Printed));
    assert_eq!(f.computed, Some(85.into()));
    assert!(kinerja::text::finding(f, Lang::Id).starts_with("Tabel 4.2: "), "{}", kinerja::text::finding(f, Lang::Id));
    assert!(kinerja::text::finding(f, Lang::En).starts_with("Table 4.2: "));
    assert_eq!(f.table_title.as_deref(), Some("Realisasi Anggaran per Program DLH 2025"));
    // The document's corrections of the narrative name the office's table too.
    let corrections = kinerja::calc::narrative::corrections(&d, &Settings::default(), 2025);
    assert_eq!(corrections.len(), 1, "{corrections:#?}");
    assert_eq!((corrections[0].table.as_str(), corrections[0].printed.as_str()), ("4.2", "Rp 800.000.000"));
    assert_eq!(kinerja::text::narrative::correction(&corrections[0], 2025, Lang::En).place, "Table 4.2");
    // The office's table shows the printed figure beside the recomputed one.
    let t = build_table(&d, &Settings::default(), "4.2", 2025, TableOptions::default()).unwrap();
    assert_eq!(t.title, "Realisasi Anggaran per Program DLH 2025");
    assert!(format!("{t:?}").contains("reported: Some(80.00)"), "{t:#?}");

    // Written back as it was read: the name stays a name, in its case.
    let original = std::fs::read(dir.path().join("printed_figures.csv")).unwrap();
    let written = write_dataset(&d);
    let (_, bytes) = written.iter().find(|(f, _)| *f == "printed_figures.csv").unwrap();
    assert_eq!(String::from_utf8_lossy(bytes), String::from_utf8_lossy(&original));
    // And through the database.
    let mut store = kinerja::storage::Store::open_in_memory().unwrap();
    let id = store.save_dataset(&d).unwrap();
    assert_eq!(store.load_dataset(id).unwrap().printed_figures, d.printed_figures);
}

#[test]
fn kinerja_check_names_the_office_table_and_its_title_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    office_with_layout(dir.path());
    let db = dir.path().join("k.sqlite");
    let db = db.to_str().unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .args(["--db", db])
            .args(args)
            .env_remove("KINERJA_LANG")
            .output()
            .expect("kinerja runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, _, err) = run(&["import", dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    let (_, out, _) = run(&["--office", "DLH-CONTOH", "check", "--year", "2025"]);
    assert!(
        out.contains("Tabel 4.2 (2025): Realisasi Anggaran per Program DLH 2025\n[4.2 / 2025] Tabel 4.2: "),
        "{out}"
    );
    assert!(!out.contains("anggaran-program") && !out.contains("Anggaran-Program"), "{out}");
    let (_, en, _) = run(&["--office", "DLH-CONTOH", "--lang", "en", "check", "--year", "2025"]);
    assert!(en.contains("Table 4.2 (2025): Realisasi Anggaran per Program DLH 2025\n[4.2 / 2025] Table 4.2: "), "{en}");
    let (_, json, _) = run(&["--office", "DLH-CONTOH", "check", "--year", "2025", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let f = json["findings"].as_array().unwrap().iter().find(|f| f["subject"] == "budget:*").unwrap();
    assert_eq!((&f["table"], &f["table_title"]), (&"4.2".into(), &"Realisasi Anggaran per Program DLH 2025".into()));
    let (_, list, _) = run(&["--office", "DLH-CONTOH", "table", "--list", "--year", "2025"]);
    assert!(list.contains("anggaran-program\t4.2\tRealisasi Anggaran per Program DLH 2025"), "{list}");
}

#[test]
fn a_finding_in_a_table_the_layout_lacks_names_it_by_its_stable_name() {
    let dir = tempfile::tempdir().unwrap();
    office_with(dir.path(), "");
    // The office's layout of 2025 has its capaian table only.
    std::fs::write(
        dir.path().join("report_tables.csv"),
        "year,id,kind,subject,title,source,note
2025,4.1,capaian,,Capaian Kinerja DLH 2025,,
",
    )
    .unwrap();
    let d = read(dir.path()).unwrap_or_else(|p| panic!("{p}"));
    let r = check(&d, &Settings::default(), None);
    // Programme 1 prints a pagu of 1.000.000.000 over kegiatan of 600.000.000 + 350.000.000 =
    // 950.000.000: the checker places it in the budget table, which this layout lacks.
    let f = r.findings.iter().find(|f| f.subject == "budget:1" && f.field == "pagu").expect("the subtotal");
    assert_eq!((f.table.as_str(), f.table_title.as_deref()), ("anggaran-program", None));
    assert!(kinerja::text::finding(f, Lang::En).starts_with("Table anggaran-program: "));
    // A printed figure recorded under a number the layout does not hold keeps it, untitled.
    let f = r.findings.iter().find(|f| f.subject == "indicator:IKB").expect("the capaian slip");
    assert_eq!((f.table.as_str(), f.table_title.as_deref()), ("3.1", None));
}

#[test]
fn a_table_name_that_names_no_table_of_the_year_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    office_with(
        dir.path(),
        "2025,angaran-program,table,budget:*,pagu,1000000000,1000000000,\n\
         2025,iku-analisis:IKZ,table,indicator:IKA,capaian_pct,110,110,\n\
         2025,anggaran-program,table,budget:*,serapan_pct,85.00,85.00,\n\
         2025,iku-analisis:ika,table,indicator:IKA,target,20,20,\n",
    );
    let problems = read(dir.path()).unwrap_err().0;
    // The office has no layout: Kinerja's own numbering, in which anggaran-program is 3.4, so
    // line 8 repeats line 5 (3.4, budget:* serapan_pct); iku-analisis:ika is IKA's (case aside).
    assert_eq!(problems.len(), 3, "{problems:#?}");
    let p = problem_at(&problems, 6);
    assert_eq!(p.column.as_deref(), Some("table"));
    assert!(matches!(&p.kind, ProblemKind::UnknownTable { name, year: 2025, .. } if name == "angaran-program"));
    let p = problem_at(&problems, 7);
    assert_eq!(
        p.message(Lang::Id),
        "printed_figures.csv, baris 7, kolom 'table': 'iku-analisis:IKZ' bukan nama tabel laporan tahun 2025; \
         tulis nomor tabel (3.19), bab (IV) atau nama tabel: iku-analisis:IKA, iku-analisis:IKB, iku-analisis:IKC"
    );
    assert_eq!(
        p.message(Lang::En),
        "printed_figures.csv, line 7, column 'table': 'iku-analisis:IKZ' names no table of the 2025 report; \
         write the table's number (3.19), the chapter (IV) or a table's name: iku-analisis:IKA, \
         iku-analisis:IKB, iku-analisis:IKC"
    );
    let p = problem_at(&problems, 8);
    assert_eq!(p.column.as_deref(), Some("field"));
    assert!(matches!(p.kind, ProblemKind::Duplicate(_)), "{p:?}");
}

#[test]
fn a_name_of_a_table_whose_row_was_refused_is_not_a_second_problem() {
    let dir = tempfile::tempdir().unwrap();
    office_with_layout(dir.path());
    // Tabel 4.2's row has a kind that is no kind: that row is the one problem; the two figures
    // that name the table are left for when it is corrected.
    let tables = std::fs::read_to_string(dir.path().join("report_tables.csv")).unwrap();
    std::fs::write(dir.path().join("report_tables.csv"), tables.replace("budget_realisation", "budget_realization"))
        .unwrap();
    let problems = read(dir.path()).unwrap_err();
    assert_eq!(problems.0.len(), 1, "{:#?}", problems.0);
    assert_eq!((problems.0[0].file.as_str(), problems.0[0].column.as_deref()), ("report_tables.csv", Some("kind")));
    assert_eq!((problems.1.rows, problems.1.files.clone()), (2, vec!["printed_figures.csv".to_string()]));
}

#[test]
fn the_reference_imports_with_its_21_findings_and_2_unverified() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/dataset/bekasi-2024");
    let d = read(&dir).unwrap_or_else(|p| panic!("{p}"));
    let r = check(&d, &Settings::default(), None);
    assert_eq!((r.findings.len(), r.unverified.len()), (21, 2));
    // Both unverified figures are of known subjects whose year lacks the data.
    let why: Vec<(i32, &str)> = r.unverified.iter().map(|u| (u.year, u.subject.as_str())).collect();
    assert_eq!(why, [(2022, "budget:1"), (2023, "indicator:IKU4-2018")]);
    for (file, bytes) in write_dataset(&d) {
        if file == "printed_figures.csv" {
            assert_eq!(bytes, std::fs::read(dir.join(file)).unwrap());
        }
    }
}
