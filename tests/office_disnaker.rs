//! Dinas Tenaga Kerja Kota Contoh (`tests/data/disnaker-kota`), a made-up office written for
//! issue 14: LKIP 2023 of a Renstra 2021–2025 under two RPJMD misi (two sasaran directly under
//! misi 2, one under a tujuan serving misi 4), a lower-is-better range target (TPT), an inverse
//! lower-is-better count, a capaian capped at 120 %, the office's bands "80–100 Baik, 50–80
//! Cukup, < 50 Kurang", printed averages, a single alokasi with sisa and realisasi fisik, an APBN
//! tugas pembantuan programme beside the APBD ones and belanja tidak langsung, and its own table
//! numbering (capaian Tabel 3.3, budget Tabel 3.12). Every printed figure is derived by hand
//! below; the five deliberate slips (`SENGAJA` in the notes of the data) are the only findings.
//!
//! The figures, by hand (T target, R realisasi; 2023 unless said):
//! - IKU1 TPT, `range_lower` standard, T 7,50–8,00, R 8,16 above the range:
//!   (2 − 8,16 ÷ 8,00) × 100 = (2 − 1,02) × 100 = 98. 2022: T 8,00–8,50, R 7,60 under it:
//!   (2 − 7,60 ÷ 8,00) × 100 = (2 − 0,95) × 100 = 105. End target 6,50–7,00:
//!   (2 − 8,16 ÷ 7,00) × 100 = (2 − 1,165714…) × 100 = 83,428… → 83,43.
//! - IKU2 placed trainees, higher, share 342 ÷ 450 × 100 = 76; 76 ÷ 80 × 100 = 95. 2022:
//!   288 ÷ 400 = 72, 72 ÷ 75 = 96. End target 85: 76 ÷ 85 = 89,411… → 89,41.
//! - IKU3 industrial disputes, lower inverse, T ÷ R: 24 ÷ 30 × 100 = 80 (Baik: 80 is inclusive).
//!   2022: 26 ÷ 20 × 100 = 130, capped at 120. End target 20: 20 ÷ 30 = 66,666… → 66,67.
//! - IKU4 wage structure, higher, share 90 ÷ 200 = 45; 45 ÷ 60 × 100 = 75 (Cukup). 2022:
//!   77 ÷ 175 = 44, 44 ÷ 55 = 80. End target 70: 45 ÷ 70 = 64,285… → 64,29.
//! - IKU5 IKM, higher: 84,79 ÷ 82,00 × 100 = 103,4024… (printed 103). 2022: 81,60 ÷ 80,00 =
//!   102. End target 85,00: 84,79 ÷ 85 = 99,7529… → 99,75.
//! - Averages: S1 (98 + 95) ÷ 2 = 96,5; S2 (80 + 75) ÷ 2 = 77,5; S3 103,4024…; all IKU
//!   (98 + 95 + 80 + 75 + 103,4024…) ÷ 5 = 451,4024… ÷ 5 = 90,2804… → 90,28. 2022 (with the
//!   cap): (105 + 96 + 120 + 80 + 102) ÷ 5 = 503 ÷ 5 = 100,6.
//! - Budget 2023 (alokasi / realisasi): 2.07.01 2.000.000.000 / 1.860.000.000 (93 %, sisa
//!   140.000.000 = 7 %); 2.07.03 2.000.000.000 / 1.850.000.000 (92,5 %, 150.000.000 = 7,5 %);
//!   2.07.04 1.500.000.000 / 1.395.000.000 (93 %, 105.000.000 = 7 %); 2.07.05 1.000.000.000 /
//!   880.000.000 (88 %, 120.000.000 = 12 %); APBN-TP 026.06.DL 2.500.000.000 / 2.250.000.000
//!   (90 %, 250.000.000 = 10 %); belanja tidak langsung 5.1 6.000.000.000 / 5.700.000.000
//!   (95 %, 300.000.000 = 5 %).
//!   Programmes: 9.000.000.000 / 8.235.000.000 = 91,5 %, sisa 765.000.000 = 8,5 %.
//!   APBD: programmes 6.500.000.000 + 6.000.000.000 = 12.500.000.000; realisasi
//!   1.860 + 1.850 + 1.395 + 880 + 5.700 (juta) = 11.685.000.000 = 93,48 %; sisa 815.000.000
//!   = 6,52 %. All: 15.000.000.000 / 13.935.000.000 = 92,9 %, sisa 1.065.000.000 = 7,1 %.
//! - Fisik, weighted by alokasi (in miliar): 2.07.01 (100 × 1,2 + 95 × 0,8) ÷ 2 = 98;
//!   2.07.03 (96 × 1,5 + 100 × 0,5) ÷ 2 = 97; 2.07.04 (90 × 0,9 + 100 × 0,6) ÷ 1,5 = 94;
//!   2.07.05 (92 × 0,4 + 88 × 0,6) ÷ 1 = 89,6; 026.06.DL 92; all kegiatan
//!   (196 + 194 + 141 + 89,6 + 230) ÷ 9 = 850,6 ÷ 9 = 94,511… → 94,51.
//! - Efficiency (capaian above serapan): S1 programmes 2.07.04, 2.07.03, 026.06.DL:
//!   (93 + 92,5 + 90) ÷ 3 = 91,833…, capaian 96,5 → efisien; S2 2.07.05 88 > 77,5 → tidak
//!   efisien; S3 2.07.01 93 < 103,40 → efisien; 2 sasaran efisien.
//! - Staff 2023: PNS 6 + 28 + 5 + 11 + 2 = 52, TKK 0 + 9 + 4 + 14 + 3 = 30, all 82.

use kinerja::calc::check::{check, CheckReport, FindingKind, Issue};
use kinerja::calc::resolve::resolve;
use kinerja::calc::Settings;
use kinerja::domain::Dataset;
use kinerja::format::Lang;
use kinerja::interchange::{read_dataset, write_dataset, DirSource};
use kinerja::report::{build_table, Cell, TableOptions};
use kinerja::storage::Store;
use rust_decimal::Decimal;
use std::path::PathBuf;
use std::str::FromStr;

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/disnaker-kota")
}

fn office() -> Dataset {
    read_dataset(&DirSource(folder())).unwrap_or_else(|p| panic!("{p}"))
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The office caps capaian at 120 % (its Renstra's rule); every other setting is the default.
fn settings() -> Settings {
    Settings { capaian_cap: Some(dec("120")), ..Settings::default() }
}

#[test]
fn the_office_imports_and_round_trips_through_files_and_the_database() {
    let d = office();
    assert_eq!(d.office.code, "DISNAKER");
    // Sasaran S1 and S2 hang directly under RPJMD misi 2; S3 under tujuan T1, which serves misi 4.
    assert_eq!(d.misi.iter().map(|m| m.code.as_str()).collect::<Vec<_>>(), ["M2", "M4"]);
    let parents: Vec<(Option<&str>, Option<&str>)> =
        d.sasaran.iter().map(|s| (s.tujuan.as_deref(), s.misi.as_deref())).collect();
    assert_eq!(parents, [(None, Some("M2")), (None, Some("M2")), (Some("T1"), None)]);
    assert_eq!(d.tujuan[0].misi.as_deref(), Some("M4"));
    // Every file Kinerja writes is the file on disk, byte for byte.
    let written = write_dataset(&d);
    assert_eq!(written.len(), 31);
    for (name, bytes) in &written {
        let on_disk = std::fs::read(folder().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(on_disk == *bytes, "{name} differs:\n{}", String::from_utf8_lossy(bytes));
    }
    let mut store = Store::open_in_memory().unwrap();
    store.save_dataset(&kinerja::embedded::dataset().unwrap()).unwrap();
    let id = store.save_dataset(&d).unwrap();
    assert_eq!(store.offices().unwrap().len(), 2);
    assert_eq!(store.load_dataset(id).unwrap(), d);
}

/// Every printed figure was checked: none is unverified, and each row of printed_figures.csv
/// resolves (a category through the office's bands).
fn assert_all_checked(d: &Dataset, s: &Settings, r: &CheckReport) {
    assert!(r.unverified.is_empty(), "{:#?}", r.unverified);
    let rows = std::fs::read_to_string(folder().join("printed_figures.csv")).unwrap();
    // Each figure is one line of the file (no quoted line breaks), after the heading.
    assert_eq!(d.printed_figures.len(), rows.lines().count() - 1);
    let checked = d
        .printed_figures
        .iter()
        .filter(|p| match (p.subject.strip_prefix("indicator:"), p.field.as_str()) {
            (Some(code), "category") => kinerja::calc::bands::indicator_category(d, s, code, p.year).is_ok(),
            _ => resolve(d, s, p.year, &p.subject, &p.field).is_ok(),
        })
        .count();
    assert_eq!(checked, d.printed_figures.len());
    assert_eq!(checked, 109);
}

#[test]
fn the_checker_finds_exactly_the_five_deliberate_slips() {
    let d = office();
    let s = settings();
    let r = check(&d, &s, None);
    assert_all_checked(&d, &s, &r);
    let found: Vec<(i32, &str, &str, &str)> =
        r.findings.iter().map(|f| (f.year, f.table.as_str(), f.subject.as_str(), f.field.as_str())).collect();
    // In the office's own tables: capaian is its Tabel 3.3, the budget its Tabel 3.12.
    assert_eq!(
        found,
        [
            (2023, "3.3", "indicator:IKU1", "capaian_pct"),
            (2023, "3.3", "indicator:IKU4", "category"),
            (2023, "3.12", "source:apbd", "sisa_pct"),
            (2023, "3.12", "budget:all", "realisasi"),
            (2023, "3.12", "budget:2.07.05.2.02", "sisa"),
        ],
        "{:#?}",
        r.findings
    );
    let f = &r.findings;
    // 1. TPT as if higher were better: 8,16 ÷ 8,00 × 100 = 102; by its rule (2 − 1,02) × 100 = 98.
    assert_eq!((f[0].issue.clone(), f[0].kind), (Issue::Printed, FindingKind::Mismatch));
    assert_eq!((f[0].reported, f[0].computed), (Some(dec("102.00")), Some(dec("98"))));
    // 2. IKU4's capaian 45 ÷ 60 × 100 = 75 lies in 50–80, Cukup (code C); printed Baik.
    assert_eq!(
        f[1].issue,
        Issue::PrintedCategory { printed: "Baik".into(), computed: Some("C".into()), computed_name: "Cukup".into() }
    );
    assert_eq!(f[1].computed, Some(dec("75")));
    // 3. The APBD sisa in percent of the realisasi (815.000.000 ÷ 11.685.000.000 = 6,97) instead
    //    of the alokasi: 815.000.000 ÷ 12.500.000.000 × 100 = 6,52.
    assert_eq!(f[2].issue, Issue::Printed);
    assert_eq!((f[2].reported, f[2].computed), (Some(dec("6.97")), Some(dec("6.52"))));
    // 4. The grand total's realisasi with two digits swapped: 8.235.000.000 + 5.700.000.000 =
    //    13.935.000.000, printed 13.395.000.000.
    assert_eq!((f[3].reported, f[3].computed), (Some(dec("13395000000")), Some(dec("13935000000"))));
    // 5. Kegiatan 2.07.05.2.02's sisa: 600.000.000 − 528.000.000 = 72.000.000, printed 27.000.000.
    assert_eq!(f[4].issue, Issue::BudgetSisa);
    assert_eq!((f[4].reported, f[4].computed), (Some(dec("27000000")), Some(dec("72000000"))));
    // The findings name the office's tables in its words, in both languages.
    let id = kinerja::text::finding(&f[1], Lang::Id);
    assert!(id.starts_with("Tabel 3.3:") && id.contains("dicetak 'Baik'"), "{id}");
    let en = kinerja::text::finding(&f[4], Lang::En);
    assert!(en.starts_with("Table 3.12:"), "{en}");

    // Without the office's cap, IKU3's 2022 capaian is 26 ÷ 20 × 100 = 130 and the printed 120
    // is a finding, and so is the 2022 average (105 + 96 + 130 + 80 + 102) ÷ 5 = 102,6.
    let uncapped = check(&d, &Settings::default(), None);
    let extra: Vec<(&str, &str, Option<Decimal>)> = uncapped
        .findings
        .iter()
        .filter(|f| f.year == 2022)
        .map(|f| (f.subject.as_str(), f.field.as_str(), f.computed))
        .collect();
    assert_eq!(
        extra,
        [("sasaran:*", "avg_capaian", Some(dec("102.6"))), ("indicator:IKU3", "capaian_pct", Some(dec("130")))]
    );
    assert_eq!(uncapped.findings.len(), 7);

    // The Perjanjian Kinerja prints one anggaran per programme, the alokasi: a PK amount of
    // 1.100.000.000 for programme 2.07.05 (alokasi 1.000.000.000) is found in its Tabel 2.3.
    let mut pk = d.clone();
    pk.agreement_programs.iter_mut().find(|a| a.program == "2.07.05").unwrap().pagu_murni =
        Some(kinerja::domain::Money::from_rupiah(1_100_000_000));
    let r = check(&pk, &s, None);
    let f = r.findings.iter().find(|f| f.issue == Issue::AgreementBudget).expect("the PK slip is found");
    assert_eq!((f.table.as_str(), f.subject.as_str(), f.field.as_str()), ("2.3", "budget:2.07.05", "pagu"));
    assert_eq!((f.reported, f.computed), (Some(dec("1100000000")), Some(dec("1000000000"))));
    // The PK's printed total 9.000.000.000 then no longer adds up either: 2.000.000.000 +
    // 2.000.000.000 + 1.500.000.000 + 1.100.000.000 + 2.500.000.000 = 9.100.000.000.
    let total = r.findings.iter().find(|f| f.subject == "agreement:*").expect("the PK total");
    assert_eq!((total.reported, total.computed), (Some(dec("9000000000")), Some(dec("9100000000"))));
    assert_eq!(r.findings.len(), 7);
}

#[test]
fn key_figures_recomputed_by_hand() {
    let d = office();
    let s = settings();
    let v = |year, subject: &str, field: &str| {
        resolve(&d, &s, year, subject, field)
            .unwrap_or_else(|e| panic!("{subject} {field}: {}", e.message(Lang::En)))
            .value
            .number()
            .unwrap()
    };
    // TPT, lower-is-better range: above it (2 − 8,16 ÷ 8,00) × 100 = 98, under it in 2022
    // (2 − 7,60 ÷ 8,00) × 100 = 105; against the end range 6,50–7,00: 83,428…
    assert_eq!(v(2023, "indicator:IKU1", "capaian_pct"), dec("98"));
    assert_eq!(v(2022, "indicator:IKU1", "capaian_pct"), dec("105"));
    assert_eq!(v(2023, "indicator:IKU1", "capaian_end_pct").round_dp(2), dec("83.43"));
    // Inverse: 24 ÷ 30 × 100 = 80; 2022 26 ÷ 20 × 100 = 130, capped at 120.
    assert_eq!(v(2023, "indicator:IKU3", "capaian_pct"), dec("80"));
    assert_eq!(v(2022, "indicator:IKU3", "capaian_pct"), dec("120"));
    // The IKM's 84,79 ÷ 82 × 100 = 103,4024…, printed 103.
    assert_eq!(v(2023, "indicator:IKU5", "capaian_pct").round_dp(4), dec("103.4024"));
    // Averages: all IKU 451,4024… ÷ 5 = 90,2804…; S1 96,5; 2022 with the cap 100,6.
    assert_eq!(v(2023, "sasaran:*", "avg_capaian").round_dp(2), dec("90.28"));
    assert_eq!(v(2023, "sasaran:S1", "avg_capaian"), dec("96.5"));
    assert_eq!(v(2022, "sasaran:*", "avg_capaian"), dec("100.6"));
    // Per source: APBN tugas pembantuan 2.250.000.000 ÷ 2.500.000.000 = 90 %; APBD 93,48 %.
    assert_eq!(v(2023, "source:apbn-tp", "serapan_pct"), dec("90"));
    assert_eq!(v(2023, "source:apbd", "serapan_pct"), dec("93.48"));
    assert_eq!(v(2023, "spending:tidak-langsung", "sisa"), dec("300000000"));
    // Fisik: programme 2.07.05 (92 × 0,4 + 88 × 0,6) ÷ 1 = 89,6; all kegiatan 850,6 ÷ 9.
    assert_eq!(v(2023, "budget:2.07.05", "fisik_pct"), dec("89.6"));
    assert_eq!(v(2023, "budget:*", "fisik_pct").round_dp(2), dec("94.51"));
    // Efficiency of S2: capaian 77,5 against serapan 88.
    let verdict = resolve(&d, &s, 2023, "sasaran:S2", "efficiency").unwrap().value;
    assert!(format!("{verdict:?}").contains("TidakEfisien"), "{verdict:?}");
}

fn text_of(c: &Cell) -> String {
    text_in(c, Lang::Id)
}

/// A text cell, or a range as the window shows it in `lang`.
fn text_in(c: &Cell, lang: Lang) -> String {
    match c {
        Cell::Text(t) => t.clone(),
        Cell::Range { .. } => kinerja::report::cell_text(c, kinerja::report::ColumnKind::Number, lang),
        other => format!("{other:?}"),
    }
}

/// A figure as printed and as recomputed.
type Printed = (Option<Decimal>, Option<Decimal>);

fn figure(c: &Cell) -> Printed {
    match c {
        Cell::Figure { reported, computed } => (*reported, *computed),
        other => panic!("not a figure: {other:?}"),
    }
}

#[test]
fn the_tables_exist_under_the_office_numbers() {
    let d = office();
    let s = settings();
    let list = kinerja::report::table_list(&d, 2023, Lang::Id);
    let number = |name: &str| list.iter().find(|t| t.name == name).map(|t| t.id.as_str());
    assert_eq!(number("capaian"), Some("3.3"));
    assert_eq!(number("anggaran-program"), Some("3.12"));
    assert_eq!(number("iku-analisis:IKU1"), Some("3.4"));
    assert_eq!(number("efisiensi"), Some("3.10"));
    assert_eq!(number("pagu-program"), None, "a single alokasi: no table of pagu murni");

    // Tabel 2.1, the Renstra under the RPJMD misi the office serves: misi 2 with sasaran S1 and
    // S2 directly under it (no tujuan of the office's own), misi 4 with tujuan T1 and its S3.
    let t = build_table(&d, &s, "2.1", 2023, TableOptions::default()).unwrap();
    let subjects: Vec<&str> = t.rows.iter().map(|r| r.subject.as_str()).collect();
    assert_eq!(
        subjects,
        [
            "misi:M2",
            "indicator:IKU1",
            "indicator:IKU2",
            "indicator:IKU3",
            "indicator:IKU4",
            "misi:M4",
            "indicator:IKU5"
        ]
    );
    // Each misi carries the city plan's number (misi.csv's position), not its place in the table.
    assert_eq!(text_of(&t.rows[0].cells[0]), "MISI 2: Mewujudkan Sumber Daya Manusia yang Produktif dan Berdaya Saing");
    assert!(text_of(&t.rows[5].cells[0]).starts_with("MISI 4: Mewujudkan Tata Kelola"), "{:?}", t.rows[5]);
    // TPT's Renstra targets are ranges, 2021–2025 (targets.csv).
    let tpt: Vec<String> = t.rows[1].cells[4..].iter().map(text_of).collect();
    assert_eq!(tpt, ["8,50–9,00", "8,00–8,50", "7,50–8,00", "7,00–7,50", "6,50–7,00"]);
    let en = build_table(&d, &s, "2.1", 2023, TableOptions { lang: Lang::En, ..TableOptions::default() }).unwrap();
    assert!(text_of(&en.rows[5].cells[0]).starts_with("MISSION 4: "), "{:?}", en.rows[5]);
    assert_eq!(text_in(&en.rows[1].cells[6], Lang::En), "7.50–8.00");
    assert!(matches!(t.rows[1].cells[0], Cell::Empty) && t.rows[1].level == 2, "no tujuan above S1: {:?}", t.rows[1]);
    assert_eq!(text_of(&t.rows[6].cells[0]), "Meningkatnya Kualitas Pelayanan Publik Ketenagakerjaan");

    // Tabel 3.3 with its KATEGORI column: the printed category beside the band of the
    // recomputed capaian, worded as the report words it (names): IKU4's 75 is Cukup, printed
    // Baik (the slip); the printed 102 for TPT beside the recomputed 98.
    let t = build_table(&d, &s, "3.3", 2023, TableOptions::default()).unwrap();
    let col = |key: &str| t.columns.iter().position(|c| c.key == key).unwrap();
    assert_eq!(t.columns.last().unwrap().key, "kategori");
    let row = |subject: &str| t.rows.iter().find(|r| r.subject == subject).unwrap();
    let ind = |code: &str| row(&format!("indicator:{code}"));
    let verdict = |printed: &str, computed: &str| Cell::Verdict {
        reported: Some(printed.to_string()),
        computed: Some(computed.to_string()),
    };
    let categories: Vec<&Cell> =
        ["IKU1", "IKU2", "IKU3", "IKU4", "IKU5"].iter().map(|c| &ind(c).cells[col("kategori")]).collect();
    let (baik, slip) = (verdict("Baik", "Baik"), verdict("Baik", "Cukup"));
    assert_eq!(categories, [&baik, &baik, &baik, &slip, &baik]);
    assert!(slip.disagrees() && !baik.disagrees());
    // TPT's agreed target is the range 7,50–8,00.
    assert_eq!(text_of(&ind("IKU1").cells[col("target")]), "7,50–8,00");
    // The rata-rata rows: after each sasaran's indicators its average, then all IKU's, each the
    // printed figure beside the recomputed one (derived above): S1 96,50 / 96,5; S2 77,50 /
    // 77,5; S3 103,40 / 103,4024…; all 90,28 / 90,2804…, all agreeing.
    let subjects: Vec<&str> = t.rows.iter().map(|r| r.subject.as_str()).collect();
    assert_eq!(
        subjects,
        [
            "indicator:IKU1",
            "indicator:IKU2",
            "sasaran:S1",
            "indicator:IKU3",
            "indicator:IKU4",
            "sasaran:S2",
            "indicator:IKU5",
            "sasaran:S3",
            "sasaran:*"
        ]
    );
    let average = |subject: &str| {
        let (printed, computed) = figure(&row(subject).cells[col("capaian")]);
        (printed, computed.map(|c| c.round_dp(4)))
    };
    assert_eq!(average("sasaran:S1"), (Some(dec("96.50")), Some(dec("96.5"))));
    assert_eq!(average("sasaran:S2"), (Some(dec("77.50")), Some(dec("77.5"))));
    assert_eq!(average("sasaran:S3"), (Some(dec("103.40")), Some(dec("103.4024"))));
    assert_eq!(average("sasaran:*"), (Some(dec("90.28")), Some(dec("90.2805"))));
    assert_eq!(row("sasaran:*").kind, kinerja::report::RowKind::Total);
    assert_eq!(text_of(&row("sasaran:S2").cells[col("indikator")]), "Rata-rata capaian sasaran");
    // The table's disagreeing cells are its two slips.
    let disagreeing: Vec<(&str, &str)> = t
        .rows
        .iter()
        .flat_map(|r| {
            t.columns
                .iter()
                .zip(&r.cells)
                .filter(|(_, c)| c.disagrees())
                .map(|(c, _)| (r.subject.as_str(), c.key.as_str()))
        })
        .collect();
    assert_eq!(disagreeing, [("indicator:IKU1", "capaian"), ("indicator:IKU4", "kategori")]);
    // The workbook shows the range, the printed category and, where it differs, the band.
    {
        use calamine::{Data, Reader, Xlsx};
        let bytes = kinerja::export::tables_xlsx(std::slice::from_ref(&t)).unwrap();
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let name = book.sheet_names()[0].clone();
        let range = book.worksheet_range(&name).unwrap();
        let has = |text: &str| range.rows().any(|r| r.contains(&Data::String(text.into())));
        assert!(has("7,50–8,00") && has("Baik [hitung: Cukup]") && has("Rata-rata capaian seluruh IKU"));
    }
    // In English: the range with a decimal point, the rows' own words English, the printed
    // category as printed.
    let en = build_table(&d, &s, "3.3", 2023, TableOptions { lang: Lang::En, ..TableOptions::default() }).unwrap();
    assert_eq!(text_in(&en.rows[0].cells[col("target")], Lang::En), "7.50–8.00");
    assert_eq!(text_of(&en.rows[8].cells[col("indikator")]), "Average achievement of all IKU");
    assert_eq!(en.rows[4].cells[col("kategori")], slip);
    // 2022's Tabel 3.3 prints only the average of all IKU (100,60): its rows are there, that
    // one with the printed figure beside (105 + 96 + 120 + 80 + 102) ÷ 5 = 100,6, the
    // sasaran's recomputed only: S1 (105 + 96) ÷ 2 = 100,5; S2 (120 + 80) ÷ 2 = 100; S3 102.
    let before = build_table(&d, &s, "capaian", 2022, TableOptions::default()).unwrap();
    assert_eq!(before.id, "3.3");
    let averages: Vec<(&str, Printed)> = before
        .rows
        .iter()
        .filter(|r| r.subject.starts_with("sasaran:"))
        .map(|r| (r.subject.as_str(), figure(&r.cells[col("capaian")])))
        .collect();
    assert_eq!(
        averages,
        [
            ("sasaran:S1", (None, Some(dec("100.5")))),
            ("sasaran:S2", (None, Some(dec("100")))),
            ("sasaran:S3", (None, Some(dec("102")))),
            ("sasaran:*", (Some(dec("100.60")), Some(dec("100.6")))),
        ]
    );
    assert_eq!(text_of(&before.rows[0].cells[col("target")]), "8,00–8,50");
    // Everywhere else TPT's target shows: the agreement (2.3), its analysis (3.4: 2022 and
    // 2023) and its Renstra table (3.9).
    let first = |id: &str, key: &str| {
        let t = build_table(&d, &s, id, 2023, TableOptions::default()).unwrap();
        let i = t.columns.iter().position(|c| c.key == key).unwrap();
        text_of(&t.rows.iter().find(|r| r.subject == "indicator:IKU1").unwrap().cells[i])
    };
    assert_eq!(first("2.3", "target"), "7,50–8,00");
    assert_eq!((first("3.4", "target_2022"), first("3.4", "target_2023")), ("8,00–8,50".into(), "7,50–8,00".into()));
    assert_eq!(first("3.9", "tahun_2025"), "6,50–7,00");
    assert_eq!(first("2.2", "target_2023"), "7,50–8,00");
    assert_eq!(figure(&ind("IKU1").cells[col("capaian")]), (Some(dec("102.00")), Some(dec("98"))));
    assert!(ind("IKU1").cells[col("capaian")].disagrees());
    let (printed, computed) = figure(&ind("IKU5").cells[col("capaian")]);
    assert_eq!((printed, computed.map(|c| c.round_dp(2))), (Some(dec("103")), Some(dec("103.40"))));
    assert!(!ind("IKU5").cells[col("capaian")].disagrees(), "103 agrees with 103,40");

    // Tabel 3.12: the programmes of both sources (the APBN tugas pembantuan one too), never
    // belanja tidak langsung as a row of its own; the programmes' total 9.000.000.000 /
    // 8.235.000.000, then (a budget of more than APBD programmes) the totals per source, per
    // spending type, and the grand total with belanja tidak langsung.
    let t = build_table(&d, &s, "3.12", 2023, TableOptions::default()).unwrap();
    let subjects: Vec<&str> = t.rows.iter().map(|r| r.subject.as_str()).collect();
    assert_eq!(
        subjects,
        [
            "budget:2.07.01",
            "budget:2.07.03",
            "budget:2.07.04",
            "budget:2.07.05",
            "budget:026.06.DL",
            "budget:*",
            "source:apbd",
            "source:apbn-tp",
            "spending:program",
            "spending:tidak-langsung",
            "budget:all"
        ]
    );
    let total = t.rows.iter().find(|r| r.subject == "budget:*").unwrap();
    assert_eq!(figure(&total.cells[2]), (Some(dec("9000000000")), Some(dec("9000000000"))));
    assert_eq!(figure(&total.cells[4]).1.map(|c| c.round_dp(2)), Some(dec("91.50")));
    let apbn = &t.rows[4];
    assert_eq!(figure(&apbn.cells[4]), (Some(dec("90.00")), Some(dec("90"))));

    // The budget tree totals every line: 15.000.000.000 of which 13.935.000.000 spent.
    let tree = kinerja::report::budget_tree(&d, &s, 2023, Lang::Id);
    let all = tree.rows.last().unwrap();
    assert_eq!(all.subject, "budget:all");
    assert!(tree.rows.iter().any(|r| r.subject == "budget:5.1"));
    assert_eq!(figure(&all.cells[3]).1, Some(dec("15000000000")));
    assert_eq!(figure(&all.cells[5]).1, Some(dec("13935000000")));
}

#[test]
fn the_command_line_imports_the_office_and_lists_the_slips() {
    use std::process::Command;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.sqlite").display().to_string();
    let kinerja = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_kinerja")).args(args).output().unwrap();
    let folder = folder().display().to_string();
    let out = kinerja(&["--db", &db, "import", &folder]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    // The office's cap of 120 % is a setting of the database, not of the dataset.
    let out = kinerja(&["--db", &db, "--office", "DISNAKER", "settings", "set", "capaian_cap", "120"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let out = kinerja(&["--db", &db, "--office", "DISNAKER", "check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "findings exit 1: {}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{} {} {} {}", f["table"].as_str().unwrap(), f["subject"], f["field"], f["code"]))
        .collect();
    assert_eq!(
        found,
        [
            "3.3 \"indicator:IKU1\" \"capaian_pct\" \"printed_mismatch\"",
            "3.3 \"indicator:IKU4\" \"category\" \"printed_category_mismatch\"",
            "3.12 \"source:apbd\" \"sisa_pct\" \"printed_mismatch\"",
            "3.12 \"budget:all\" \"realisasi\" \"printed_mismatch\"",
            "3.12 \"budget:2.07.05.2.02\" \"sisa\" \"budget_sisa_mismatch\"",
        ]
    );
    assert_eq!(v["unverified"].as_array().unwrap().len(), 0);
}
