//! Import messages a planner can act on (issue 14): one bad cell is one problem, a folder that
//! is not there is one message, a CSV saved with semicolons or tabs is read, a range's high end
//! is checked, and every message is worded wholly in the language asked for.

use kinerja::calc::narrative::{Position, RefError, TextProblem};
use kinerja::domain::BudgetLevel;
use kinerja::format::Lang;
use kinerja::interchange::{
    read_dataset, read_path, CellContent, DirSource, ParentField, Problem, ProblemKind, Problems, Ref, WorkbookError,
};
use rust_decimal::Decimal;
use std::path::Path;

/// The embedded dataset as a folder.
fn embedded_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in kinerja::embedded::files() {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

/// The problems of the embedded dataset changed by `edit`.
fn refused_after(edit: impl FnOnce(&Path)) -> Problems {
    let dir = embedded_folder();
    edit(dir.path());
    read_dataset(&DirSource(dir.path().to_path_buf())).expect_err("refused")
}

/// Replaces the first `from` in `file` by `to`.
fn replace_in(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} holds {from}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// `file` written again with `delimiter` between its cells.
fn rewrite_with(dir: &Path, file: &str, delimiter: u8) {
    let path = dir.join(file);
    let rows: Vec<csv::StringRecord> =
        csv::ReaderBuilder::new().has_headers(false).from_path(&path).unwrap().records().map(|r| r.unwrap()).collect();
    let mut w = csv::WriterBuilder::new().delimiter(delimiter).from_path(&path).unwrap();
    for r in &rows {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
}

#[test]
fn a_wrong_polarity_is_one_problem_and_the_rows_naming_its_indicator_are_counted_once() {
    // indicators.csv line 4 is IKU1, the first IKU of 2024–2026.
    let problems = refused_after(|d| {
        replace_in(
            d,
            "indicators.csv",
            "S1,1,Nilai AKIP Diskopukm,Nilai,higher",
            "S1,1,Nilai AKIP Diskopukm,Nilai,hoger",
        )
    });
    assert_eq!(problems.0.len(), 1, "{}", problems.render(Lang::Id));
    assert_eq!(
        problems.0[0].message(Lang::Id),
        "indicators.csv, baris 4, kolom 'polarity': 'hoger' tidak dikenal; pilihan: higher, lower, range, range_higher, range_lower"
    );
    // The rows of the embedded dataset that name IKU1, counted in its files: targets.csv lines
    // 5–7 (2024–2026), agreements.csv 5, realisations.csv 5, program_support.csv 2,
    // akip_evaluations.csv 3, printed_figures.csv 9, 12, 15, 16, 21, 25–28, 32, 33, 145 and 148
    // (indicator:IKU1 and support:IKU1), report_tables.csv 8, 9, 11 and 12, and narrative.csv
    // 8–14 (the five IKU1 sections and two sections whose text refers to IKU1):
    // 3 + 1 + 1 + 1 + 1 + 13 + 4 + 7.
    assert_eq!(problems.1.rows, 31);
    assert_eq!(
        problems.render(Lang::Id).lines().nth(1),
        Some(
            "31 baris lain (targets.csv, agreements.csv, realisations.csv, program_support.csv, \
             printed_figures.csv, akip_evaluations.csv, report_tables.csv, narrative.csv) merujuk ke baris yang ditolak di atas dan \
             belum diperiksa; baris itu diperiksa lagi setelah masalah di atas diperbaiki"
        )
    );
    assert_eq!(
        problems.render(Lang::En).lines().nth(1),
        Some(
            "31 other rows (targets.csv, agreements.csv, realisations.csv, program_support.csv, \
             printed_figures.csv, akip_evaluations.csv, report_tables.csv, narrative.csv) refer to rows refused above and were not \
             checked; they are checked again once the problems above are corrected"
        )
    );
}

#[test]
fn a_bad_period_year_is_one_problem() {
    // periods.csv line 3 is 2024-2026; strategies.csv (7 rows), tujuan.csv (2) and
    // indicators.csv (15) name it: 24 rows.
    let problems = refused_after(|d| replace_in(d, "periods.csv", "2024-2026,2024,", "2024-2026,20x4,"));
    assert_eq!(problems.0.len(), 1, "{}", problems.render(Lang::En));
    assert_eq!(
        problems.0[0].message(Lang::En),
        "periods.csv, line 3, column 'start_year': '20x4' is not a year; write a four-digit year between 1900 \
         and 2200"
    );
    assert_eq!(problems.1.rows, 24);
    assert_eq!(problems.1.files, ["strategies.csv", "tujuan.csv", "indicators.csv"]);
}

#[test]
fn a_reference_to_a_code_that_is_nowhere_is_still_reported() {
    // IKU1 refused, and a realisation naming IKU9, which no row holds.
    let problems = refused_after(|d| {
        replace_in(
            d,
            "indicators.csv",
            "S1,1,Nilai AKIP Diskopukm,Nilai,higher",
            "S1,1,Nilai AKIP Diskopukm,Nilai,hoger",
        );
        replace_in(d, "realisations.csv", "IKU2,2024", "IKU9,2024");
    });
    let kinds: Vec<&ProblemKind> = problems.0.iter().map(|p| &p.kind).collect();
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    assert_eq!(kinds[1], &ProblemKind::UnknownReference { what: Ref::Indicator, value: "IKU9".into() });
    assert_eq!(
        problems.0[1].message(Lang::En).split_once(": ").map(|(_, m)| m),
        Some("indicator 'IKU9' does not exist")
    );
}

#[test]
fn a_file_without_a_required_column_leaves_what_refers_to_it_unchecked() {
    // Without `note`, no row of indicators.csv is read; the rows naming indicators are not
    // each reported as naming nothing.
    let problems = refused_after(|d| replace_in(d, "indicators.csv", "period_rule,note", "period_rule,catatan"));
    let kinds: Vec<&ProblemKind> = problems.0.iter().map(|p| &p.kind).collect();
    assert_eq!(kinds, [&ProblemKind::MissingColumn, &ProblemKind::UnknownColumn], "{}", problems.render(Lang::Id));
    assert!(problems.1.rows > 0);
}

#[test]
fn a_folder_that_is_not_there_is_one_message() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("dataset-2024");
    let problems = read_path(&missing).expect_err("refused");
    assert_eq!(problems.0.len(), 1);
    let name = missing.display().to_string();
    assert_eq!(
        problems.render(Lang::Id),
        format!(
            "{name}: folder atau berkas ini tidak ada; periksa nama dan letaknya (folder berisi berkas CSV \
             dataset, atau satu buku kerja .xlsx)"
        )
    );
    assert_eq!(
        problems.render(Lang::En),
        format!(
            "{name}: no such folder or file; check its name and place (a folder of the dataset's CSV files, or \
             one .xlsx workbook)"
        )
    );
    // One file of the folder is not the dataset.
    std::fs::write(dir.path().join("targets.csv"), "indicator,year,target,target_high,note\n").unwrap();
    let problems = read_path(&dir.path().join("targets.csv")).expect_err("refused");
    assert_eq!(problems.0.len(), 1);
    assert!(problems.render(Lang::En).ends_with(
        "this is one CSV file; import the folder that holds it with the dataset's other files, or one .xlsx workbook"
    ));
    std::fs::remove_file(dir.path().join("targets.csv")).unwrap();
    // A folder without any of the files is one message too.
    let problems = read_path(dir.path()).expect_err("refused");
    assert_eq!(problems.0.len(), 1);
    assert_eq!(problems.0[0].kind, ProblemKind::NoDatasetFiles);
    assert!(problems.render(Lang::En).ends_with(
        "this folder holds none of the dataset's files; choose the folder that holds office.csv and the other \
         files (kinerja template writes an empty one)"
    ));
}

#[test]
fn files_saved_with_semicolons_or_tabs_are_read() {
    // Excel with Indonesian regional settings separates cells with `;`.
    let dir = embedded_folder();
    rewrite_with(dir.path(), "targets.csv", b';');
    rewrite_with(dir.path(), "units.csv", b'\t');
    // Cells holding the delimiter are quoted and still read whole.
    rewrite_with(dir.path(), "indicators.csv", b';');
    let read = read_dataset(&DirSource(dir.path().to_path_buf())).unwrap_or_else(|p| panic!("{p}"));
    let embedded = kinerja::embedded::dataset().unwrap();
    assert_eq!(read, embedded);

    // Excel's `sep=;` first line names the delimiter; lines are counted in the file.
    let dir = embedded_folder();
    rewrite_with(dir.path(), "targets.csv", b';');
    let text = std::fs::read_to_string(dir.path().join("targets.csv")).unwrap();
    std::fs::write(
        dir.path().join("targets.csv"),
        format!("sep=;\n{}", text.replacen("IT1;2024;75.80", "IT1;2024;75,80", 1)),
    )
    .unwrap();
    let problems = read_dataset(&DirSource(dir.path().to_path_buf())).expect_err("a decimal comma is refused");
    assert_eq!(problems.0.len(), 1);
    // Line 1 `sep=;`, line 2 the header, line 3 IT1 2024.
    assert_eq!(
        problems.0[0].message(Lang::Id),
        "targets.csv, baris 3, kolom 'target': '75,80' memakai koma sebagai desimal (seperti Excel dengan \
         pengaturan Indonesia); berkas dataset memakai titik sebagai desimal, tanpa pemisah ribuan: tulis 75.80"
    );
    assert_eq!(
        problems.0[0].message(Lang::En),
        "targets.csv, line 3, column 'target': '75,80' has a decimal comma (as Excel with Indonesian settings \
         writes it); dataset files use a dot as decimal point and no thousands separator: write 75.80"
    );
}

#[test]
fn a_semicolon_header_with_no_known_column_is_named_as_such() {
    let problems = refused_after(|d| {
        rewrite_with(d, "targets.csv", b';');
        replace_in(d, "targets.csv", "indicator;year;target;target_high;note", "Indikator;Tahun;Target;Tinggi;Catatan");
    });
    assert_eq!(problems.0.len(), 1);
    assert_eq!(
        problems.0[0].message(Lang::Id),
        "targets.csv, baris 1: baris judul dipisah dengan titik koma (;), tetapi tidak satu pun judul kolomnya \
         dikenal; periksa judul kolom (lihat docs/dataset-format.md), atau simpan sebagai CSV UTF-8 dengan koma"
    );
    assert_eq!(
        problems.0[0].message(Lang::En),
        "targets.csv, line 1: the header row is separated by semicolons (;), but none of its column names is \
         recognised; check the column names (see docs/dataset-format.md), or save it as CSV UTF-8 with commas"
    );
}

#[test]
fn a_high_end_for_an_indicator_that_is_no_range_is_refused_with_its_place() {
    // targets.csv line 2 is IT1 2024 (polarity higher), agreements.csv line 2 IT1 2024.
    let problems = refused_after(|d| {
        replace_in(d, "targets.csv", "IT1,2024,75.80,,", "IT1,2024,75.80,80,");
    });
    assert_eq!(problems.0.len(), 1, "{}", problems.render(Lang::Id));
    assert_eq!(
        problems.0[0].message(Lang::Id),
        "targets.csv, baris 2, kolom 'target_high': target_high diisi, tetapi indikator 'IT1' berpolaritas \
         'higher', bukan rentang ('range', 'range_higher', 'range_lower'); kosongkan target_high, atau ubah polarity indikator itu menjadi range"
    );
    assert_eq!(
        problems.0[0].message(Lang::En),
        "targets.csv, line 2, column 'target_high': target_high is given, but indicator 'IT1' has polarity \
         'higher', not a range ('range', 'range_higher', 'range_lower'); empty target_high, or change that indicator's polarity to range"
    );
    let agreements = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/dataset/bekasi-2024/agreements.csv"),
    )
    .unwrap();
    let second = agreements.lines().nth(1).unwrap().to_string();
    let fields: Vec<&str> = second.split(',').collect();
    let problems = refused_after(|d| {
        let with_high = format!("{},{},{},{},", fields[0], fields[1], fields[2], "999");
        replace_in(d, "agreements.csv", &format!("{},{},{},,", fields[0], fields[1], fields[2]), &with_high);
    });
    assert_eq!(problems.0.len(), 1, "{}", problems.render(Lang::Id));
    assert_eq!(problems.0[0].line, Some(2));
    assert!(matches!(problems.0[0].kind, ProblemKind::HighWithoutRange { .. }));
}

#[test]
fn a_range_written_high_to_low_says_to_swap_them() {
    // dinas-contoh's IKB is a range, 7.00 to 7.50 in 2025.
    let contoh = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dinas-contoh");
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&contoh).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    replace_in(dir.path(), "targets.csv", "IKB,2025,7.00,7.50,", "IKB,2025,7.50,7.00,");
    let problems = read_dataset(&DirSource(dir.path().to_path_buf())).expect_err("refused");
    assert_eq!(problems.0.len(), 1, "{}", problems.render(Lang::Id));
    let id = problems.0[0].message(Lang::Id);
    assert!(
        id.ends_with(
            "kolom 'target_high': rentang tertulis terbalik: target_high 7.00 lebih kecil dari target 7.50; \
             tukar keduanya (target 7.00, target_high 7.50) — target adalah batas bawah"
        ),
        "{id}"
    );
    let en = problems.0[0].message(Lang::En);
    assert!(
        en.ends_with(
            "column 'target_high': the range is written high to low: target_high 7.00 is below target 7.50; \
             swap them (target 7.00, target_high 7.50) — target is the low end"
        ),
        "{en}"
    );
}

/// One of every kind of problem (the match has no catch-all, so a new kind must be added here).
fn every_kind() -> Vec<ProblemKind> {
    use ProblemKind::*;
    let all = vec![
        MissingFile,
        Unreadable("x".into()),
        NotUtf8,
        MissingColumn,
        UnknownColumn,
        Required,
        NotNumber("x".into()),
        NotWholeNumber("x".into()),
        NotMoney("x".into()),
        NegativeMoney("-5".into()),
        NotYear("x".into()),
        NotBool("x".into()),
        UnknownCode { value: "x".into(), expected: "higher, lower, range".into() },
        Duplicate("\"IKU1\"".into()),
        DecimalComma { value: "75,80".into(), fix: "75.80".into() },
        OneCsvFile,
        NotFound,
        PermissionDenied,
        NoDatasetFiles,
        Delimiter(';'),
        Delimiter('\t'),
        Workbook(WorkbookError::Unreadable("x".into())),
        Workbook(WorkbookError::Damaged("x".into())),
        Workbook(WorkbookError::SheetTooLarge { sheet: "x".into(), range: "A1:B2".into(), cells: 4, limit: 2 }),
        NotAValue { cell: "G2".into(), content: CellContent::DateTime },
        NotAValue { cell: "G2".into(), content: CellContent::FormulaError },
        NotAValue { cell: "G2".into(), content: CellContent::Formula },
        EndBeforeStart { start: 2024, end: 2020 },
        RangeReversed { target: Decimal::from(8), high: Decimal::from(7) },
        HighWithoutRange { indicator: "IT1".into(), polarity: "higher" },
        NotQuarter(5),
        OfficeRows(2),
        LevelUnder { level: BudgetLevel::Program, parent: BudgetLevel::Kegiatan },
        NeedsParent(BudgetLevel::Kegiatan),
        YearOutsidePeriod { year: 2031, start: 2024, end: 2026 },
        Decode("x".into()),
        TooLarge { value: "9".into(), money: true },
        TooLarge { value: "9".into(), money: false },
        AmbiguousNumber { value: "1.500".into(), money: true },
        AmbiguousNumber { value: "1.500".into(), money: false },
        TooLong { length: 40000, limit: 32767 },
        TooLongForWorkbook { length: 40000, limit: 32767 },
        Cycle(vec!["A".into(), "B".into(), "A".into()]),
        UnknownSection("x".into()),
        NarrativeText {
            section: "kata-pengantar".into(),
            problem: TextProblem::Reference {
                at: Position { line: 1, column: 1, offset: 0 },
                source: "indicator:IKU9 target".into(),
                error: RefError::UnknownSubject { subject: "indicator:IKU9".into() },
            },
        },
        MaskedPhone { phone: "08********63".into(), year: 2024, position: 1 },
        AlokasiWithPagu,
        DiffersFromParent {
            what: ParentField::Source,
            value: "dak".into(),
            parent: "1".into(),
            parent_value: "apbd".into(),
        },
        DiffersFromParent {
            what: ParentField::Spending,
            value: "modal".into(),
            parent: "1".into(),
            parent_value: "program".into(),
        },
        BandOrder { above: "B".into() },
        BandOpenNotLast,
        SasaranParent { both: true },
        SasaranParent { both: false },
        MisiOfOtherPeriod { misi: "M1".into(), misi_period: "2019-2023".into(), period: "2024-2026".into() },
        UnknownTable { name: "angaran-program".into(), year: 2025, names: vec!["anggaran-program".into()] },
    ];
    let mut all = all;
    all.extend(Ref::ALL.iter().map(|what| UnknownReference { what: *what, value: "x".into() }));
    {
        use kinerja::calc::subject::RefError as E;
        let subject = || "budget:9".to_string();
        all.extend(
            [
                E::UnknownSubjectKind { subject: subject() },
                E::NoKey { subject: subject() },
                E::UnknownSubject { subject: subject() },
                E::UnknownCode { subject: subject(), expected: vec!["apbd", "dak"] },
                E::NotInYear { subject: subject(), year: 2025 },
                E::UnknownField { subject: subject(), field: "x".into(), expected: vec!["pagu", "realisasi"] },
                E::NoWords { subject: subject(), field: "serapan_pct".into() },
            ]
            .into_iter()
            .map(PrintedFigure),
        );
    }
    for kind in &all {
        // Compile-time completeness: every kind is named here.
        match kind {
            MissingFile
            | Unreadable(_)
            | DecimalComma { .. }
            | OneCsvFile
            | NotUtf8
            | MissingColumn
            | UnknownColumn
            | Required
            | NotNumber(_)
            | NotWholeNumber(_)
            | NotMoney(_)
            | NegativeMoney(_)
            | NotYear(_)
            | NotBool(_)
            | UnknownCode { .. }
            | UnknownReference { .. }
            | Duplicate(_)
            | NotFound
            | PermissionDenied
            | NoDatasetFiles
            | Delimiter(_)
            | Workbook(_)
            | NotAValue { .. }
            | EndBeforeStart { .. }
            | RangeReversed { .. }
            | HighWithoutRange { .. }
            | NotQuarter(_)
            | OfficeRows(_)
            | LevelUnder { .. }
            | NeedsParent(_)
            | YearOutsidePeriod { .. }
            | Decode(_)
            | TooLarge { .. }
            | AmbiguousNumber { .. }
            | TooLong { .. }
            | TooLongForWorkbook { .. }
            | Cycle(_)
            | UnknownSection(_)
            | NarrativeText { .. }
            | MaskedPhone { .. }
            | AlokasiWithPagu
            | DiffersFromParent { .. }
            | BandOrder { .. }
            | BandOpenNotLast
            | SasaranParent { .. }
            | MisiOfOtherPeriod { .. }
            | PrintedFigure(_)
            | UnknownTable { .. } => {}
        }
    }
    all
}

/// The words of a text, lower case.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

#[test]
fn every_message_is_worded_in_one_language() {
    // Words of the messages' own sentences that belong to one language only.
    let indonesian = [
        "tidak",
        "wajib",
        "tulis",
        "bukan",
        "yang",
        "dengan",
        "atau",
        "dari",
        "baris",
        "kolom",
        "berkas",
        "harus",
        "ada",
        "sel",
        "berisi",
        "tahun",
        "periksa",
        "dan",
        "di",
        "ke",
        "ditemukan",
        "dikenal",
    ];
    let english = [
        "the",
        "is",
        "not",
        "write",
        "must",
        "with",
        "which",
        "file",
        "line",
        "column",
        "cell",
        "holds",
        "year",
        "check",
        "and",
        "of",
        "found",
        "recognised",
        "does",
    ];
    for kind in every_kind() {
        let problem = Problem { file: "targets.csv".into(), line: Some(3), column: Some("x".into()), kind };
        let id = problem.message(Lang::Id);
        let en = problem.message(Lang::En);
        assert_ne!(id, en, "{id}");
        if std::env::var_os("SHOW_MESSAGES").is_some() {
            println!("{id}\n{en}\n");
        }
        for w in words(&en) {
            assert!(!indonesian.contains(&w.as_str()), "Indonesian '{w}' in English: {en}");
        }
        for w in words(&id) {
            assert!(!english.contains(&w.as_str()), "English '{w}' in Indonesian: {id}");
        }
    }
}

#[test]
fn the_command_line_says_a_missing_folder_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.sqlite").display().to_string();
    let missing = dir.path().join("dataset-2024").display().to_string();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["--db", &db, "--lang", "en", "import", &missing])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    // Creating the database is said first; then the refusal and its one problem.
    let refusal: Vec<&str> = err.lines().skip_while(|l| !l.contains("not imported")).collect();
    assert_eq!(
        refusal,
        [
            format!("kinerja: {missing} not imported; nothing was written. 1 problem(s):").as_str(),
            format!(
                "{missing}: no such folder or file; check its name and place (a folder of the dataset's CSV files, \
                 or one .xlsx workbook)"
            )
            .as_str(),
        ],
        "{err}"
    );
}
