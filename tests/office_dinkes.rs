//! A test office written for issue 14: the LKIP 2024 of Dinas Kesehatan Provinsi Contoh
//! (`tests/data/dinkes-prov`), a provincial health office with a four-year Renstra (2023–2026),
//! its own achievement bands and table numbering, a lower-is-better range target, a negative
//! capaian printed as such, a capped capaian, and a budget of APBD, APBN dekonsentrasi, APBN
//! tugas pembantuan and DAK next to belanja pegawai. Every printed figure of its
//! `printed_figures.csv` is derived by hand below; four of them are deliberate slips (their rows'
//! notes begin "SENGAJA"), and the checker must find exactly those.
//!
//! The office prints a capaian cap of 120 % and keeps negative capaian: those are its settings
//! (`capaian_cap` 120, `capaian_floor` none), which the window's *Pemeriksaan* form stores per
//! office; a dataset folder does not carry them.

use kinerja::calc::check::{check, CheckReport, Finding, FindingKind, Issue};
use kinerja::calc::resolve::resolve;
use kinerja::calc::Settings;
use kinerja::domain::Dataset;
use kinerja::interchange::{read_dataset, write_dataset, DirSource};
use kinerja::report::{build_table, Cell, RowKind, TableOptions, TableView};
use kinerja::storage::Store;
use rust_decimal::Decimal;
use std::path::PathBuf;
use std::str::FromStr;

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/dinkes-prov")
}

fn dataset() -> Dataset {
    read_dataset(&DirSource(folder())).unwrap_or_else(|p| panic!("{p}"))
}

/// The office's settings as its report states them: capaian at most 120 %, a negative capaian
/// printed as computed.
fn settings() -> Settings {
    let mut s = Settings::default();
    s.apply("capaian_cap", "120").unwrap();
    s.apply("capaian_floor", "none").unwrap();
    s
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn value(d: &Dataset, year: i32, subject: &str, field: &str) -> Decimal {
    let r = resolve(d, &settings(), year, subject, field).unwrap_or_else(|e| panic!("{subject} {field}: {e:?}"));
    r.value.number().unwrap()
}

#[test]
fn imports_round_trips_and_survives_the_database_next_to_the_reference() {
    let d = dataset();
    assert_eq!(d.office.code, "DINKES-PROV");
    // Written back byte for byte: every file, as it is in the folder, and no other.
    let written = write_dataset(&d);
    let mut on_disk: Vec<String> =
        std::fs::read_dir(folder()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    on_disk.sort();
    let mut names: Vec<String> = written.iter().map(|(n, _)| n.to_string()).collect();
    names.sort();
    assert_eq!(names, on_disk);
    for (name, bytes) in &written {
        let on_disk = std::fs::read(folder().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(on_disk == *bytes, "{name} is not written back as it is:\n{}", String::from_utf8_lossy(bytes));
    }
    let mut store = Store::open_in_memory().unwrap();
    let reference = kinerja::embedded::dataset().unwrap();
    let ref_id = store.save_dataset(&reference).unwrap();
    let id = store.save_dataset(&d).unwrap();
    assert_eq!(store.offices().unwrap().len(), 2);
    assert_eq!(store.load_dataset(id).unwrap(), d);
    assert_eq!(store.load_dataset(ref_id).unwrap(), reference);
    // The reference office keeps its 21 findings next to this one.
    assert_eq!(check(&reference, &Settings::default(), None).findings.len(), 21);
}

/// A finding as (year, table, subject, field, reported, computed).
type Row<'a> = (i32, &'a str, &'a str, &'a str, Option<Decimal>, Option<Decimal>);

fn rows(r: &CheckReport) -> Vec<Row<'_>> {
    r.findings
        .iter()
        .map(|f| (f.year, f.table.as_str(), f.subject.as_str(), f.field.as_str(), f.reported, f.computed))
        .collect()
}

fn printed_rows() -> usize {
    let text = std::fs::read_to_string(folder().join("printed_figures.csv")).unwrap();
    text.lines().skip(1).filter(|l| !l.trim().is_empty()).count()
}

#[test]
fn the_checker_finds_exactly_the_four_deliberate_slips() {
    let d = dataset();
    let r = check(&d, &settings(), None);
    // Every printed figure is checked: none is left unverified, so all of the rows of
    // printed_figures.csv were recomputed (categories through the bands, the rest by resolve).
    assert!(r.unverified.is_empty(), "{:#?}", r.unverified);
    assert_eq!(d.printed_figures.len(), printed_rows());
    assert_eq!(d.printed_figures.len(), 106);
    for p in d.printed_figures.iter().filter(|p| p.field != "category") {
        assert!(resolve(&d, &settings(), p.year, &p.subject, &p.field).is_ok(), "{} {}", p.subject, p.field);
    }

    // The 102 other printed figures agree with these hand derivations (amounts in billions of
    // rupiah; capaian, averages, end targets, source and type totals, fisik, staff and the
    // agreement's pagu are derived in the tests below):
    // - Tabel 3.12 per programme, serapan / sisa / sisa %: 1.02.01 11,875 / 12,5 = 95 %, sisa
    //   0,625 = 5 %; 1.02.02 25,2 / 28 = 90 %, sisa 2,8 = 10 %; DAK 5,7 / 6 = 95 %, sisa 0,3 = 5 %;
    //   APBN dekon 2,85 / 3 = 95 %, sisa 0,15 = 5 %; APBN TP 4,5 / 5 = 90 %, sisa 0,5 = 10 %;
    //   belanja pegawai 19,95 / 21 = 95 %, sisa 1,05 = 5 %. Fisik: 1.02.02 (92,5 × 16 + 96 × 12)
    //   / 28 = 2632 / 28 = 94; DAK 97,5 (one kegiatan); APBN TP 88 (one kegiatan).
    // - Sisa per source: APBN dekon 3 − 2,85 = 0,15 (5 %), TP 0,5 (10 %), DAK 0,3 (5 %);
    //   belanja program 56,5 / 51,565 / 91,92 % as the programmes; pegawai 21 / 19,95 / 95 %.
    // - budget:* count_program: the six programme lines of 2024, 1.02.03 with its rolled-up pagu.
    // - Tabel 3.9, the programmes supporting IKU5 (024.05.WA and 1.02.02): 2 programmes, pagu
    //   3 + 28 = 31, realisasi 2,85 + 25,2 = 28,05.
    // - Tabel 3.10: pagu murni 12 + 30 + 2,4 + 6 = 50,4 (APBN lines print an alokasi only);
    //   pagu 56,5.
    // - The sisa printed on the lines themselves (budget_lines.csv): 4249 1,2 − 1,17 = 0,03;
    //   5832 1,8 − 1,68 = 0,12; 024.05.WA 0,15; 024.04.DR and its kegiatan 0,5; 5.1.01 1,05.
    // - Tabel 3.5: baseline 52,3 and end target 35–40 as the Renstra prints them.
    //
    // 1. IKU1 (Angka Kematian Ibu, lower is better, standard): 2 − 85,5 / 90 = 2 − 0,95 = 1,05
    //    → 105 %, above 100: SB; printed B.
    // 2. Rata-rata of all IKU 2024: (105 + 93,75 + (−20) + 120 + 80) / 5 = 378,75 / 5 = 75,75;
    //    printed 76,75 (with UHC's 125 before the cap: 383,75 / 5).
    // 3. Total APBN dekonsentrasi: the one programme 024.05.WA, alokasi 3.000.000.000; printed
    //    1.800.000.000 (the kegiatan 5832 alone, 4249's 1.200.000.000 left out).
    // 4. Sisa % of everything: sisa 77.500.000.000 − 71.515.000.000 = 5.985.000.000, ÷ pagu
    //    77.500.000.000 × 100 = 7,7226 (printed 8,37 = ÷ realisasi).
    assert_eq!(
        rows(&r),
        vec![
            (2024, "3.3", "indicator:IKU1", "category", None, Some(dec("105"))),
            (2024, "3.3", "sasaran:*", "avg_capaian", Some(dec("76.75")), Some(dec("75.75"))),
            (2024, "3.12", "source:apbn-dekon", "pagu", Some(dec("1800000000")), Some(dec("3000000000"))),
            (2024, "3.12", "budget:all", "sisa_pct", Some(dec("8.37")), Some(dec("7.7226"))),
        ],
        "{:#?}",
        r.findings
    );
    let category: &Finding = &r.findings[0];
    assert_eq!(
        category.issue,
        Issue::PrintedCategory {
            printed: "B".into(),
            computed: Some("SB".into()),
            computed_name: "Sangat Baik".into()
        }
    );
    assert!(r.findings.iter().all(|f| f.kind == FindingKind::Mismatch));
    // Each slip is marked as deliberate in its row, and no other row is.
    let deliberate: Vec<(&str, &str)> = d
        .printed_figures
        .iter()
        .filter(|p| p.note.starts_with("SENGAJA"))
        .map(|p| (p.subject.as_str(), p.field.as_str()))
        .collect();
    assert_eq!(
        deliberate,
        [
            ("indicator:IKU1", "category"),
            ("sasaran:*", "avg_capaian"),
            ("source:apbn-dekon", "pagu"),
            ("budget:all", "sisa_pct")
        ]
    );
    // The findings name the office's own tables: its capaian table is 3.3 and its budget table
    // 3.12 (Kinerja's own numbers would be 3.1 and 3.4).
    let names = kinerja::calc::layout::layout(&d, 2024);
    let id_of = |name: &str| names.iter().find(|t| t.name() == name).map(|t| t.id.as_str());
    assert_eq!((id_of("capaian"), id_of("anggaran-program")), (Some("3.3"), Some("3.12")));
    let id = kinerja::text::finding(&r.findings[2], kinerja::format::Lang::Id);
    assert!(id.starts_with("Tabel 3.12: pagu 'Total sumber dana APBN Dekonsentrasi' dicetak 1.800.000.000"), "{id}");
    let en = kinerja::text::finding(&r.findings[2], kinerja::format::Lang::En);
    assert!(en.contains("3.12") && en.contains("APBN deconcentration funds"), "{en}");
}

#[test]
fn capaian_of_every_iku_averages_and_end_targets_derived_by_hand() {
    let d = dataset();
    let v = |year, subject: &str, field: &str| value(&d, year, subject, field);
    // IKU1 lower is better, standard: 2023 2 − 97,85 / 95 = 2 − 1,03 = 0,97 → 97;
    // 2024 2 − 85,5 / 90 = 1,05 → 105.
    assert_eq!(v(2023, "indicator:IKU1", "capaian_pct"), dec("97"));
    assert_eq!(v(2024, "indicator:IKU1", "capaian_pct"), dec("105"));
    // IKU2 lower is better, inverse T / R: 2023 17,0 / 17,0 = 100; 2024 15,0 / 16,0 = 93,75.
    assert_eq!(v(2023, "indicator:IKU2", "capaian_pct"), dec("100"));
    assert_eq!(v(2024, "indicator:IKU2", "capaian_pct"), dec("93.75"));
    // IKU3 range_lower 40–45: 2023 42 inside → 100; 2024 99 above the range, against the upper
    // bound: 2 − 99 / 45 = 2 − 2,2 = −0,2 → −20, kept negative (capaian_floor none).
    assert_eq!(v(2023, "indicator:IKU3", "capaian_pct"), dec("100"));
    assert_eq!(v(2024, "indicator:IKU3", "capaian_pct"), dec("-20"));
    // With the default floor it would be 0.
    let floor = resolve(&d, &Settings::default(), 2024, "indicator:IKU3", "capaian_pct").unwrap();
    assert_eq!(floor.value.number(), Some(Decimal::ZERO));
    // IKU4 higher, from raw figures: 2023 15 / 20 × 100 = 75 %, 75 / 70 = 1,071428… → 107,14;
    // 2024 20 / 20 = 100 %, 100 / 80 = 1,25 → 125, capped at 120.
    assert_eq!(v(2024, "indicator:IKU4", "realisasi"), dec("100"));
    assert_eq!(v(2023, "indicator:IKU4", "capaian_pct").round_dp(2), dec("107.14"));
    assert_eq!(v(2024, "indicator:IKU4", "capaian_pct"), dec("120"));
    // IKU5 higher: 2023 93 / 93 = 100; 2024 76 / 95 = 0,8 → 80.
    assert_eq!(v(2023, "indicator:IKU5", "capaian_pct"), dec("100"));
    assert_eq!(v(2024, "indicator:IKU5", "capaian_pct"), dec("80"));

    // Rata-rata 2024: S1 (105 + 93,75 − 20) / 3 = 178,75 / 3 = 59,5833…; S2 (120 + 80) / 2 = 100;
    // all IKU 378,75 / 5 = 75,75.
    assert_eq!(v(2024, "sasaran:S1", "avg_capaian").round_dp(2), dec("59.58"));
    assert_eq!(v(2024, "sasaran:S2", "avg_capaian"), dec("100"));
    assert_eq!(v(2024, "sasaran:*", "avg_capaian"), dec("75.75"));
    // 2023: (97 + 100 + 100 + 750/7 + 100) / 5 = (397 + 107,142857…) / 5 = 100,828571… → 100,83.
    assert_eq!(v(2023, "sasaran:*", "avg_capaian").round_dp(2), dec("100.83"));

    // Against the Renstra's end target (2026): IKU1 2 − 85,5 / 80 = 2 − 1,06875 = 0,93125 →
    // 93,125 (printed 93,13); IKU2 12,0 / 16,0 = 75; IKU3 99 above 35–40: 2 − 99 / 40 = 2 − 2,475
    // = −0,475 → −47,5; IKU4 100 / 100 = 100; IKU5 76 / 98 = 0,775510… → 77,55.
    assert_eq!(v(2024, "indicator:IKU1", "capaian_end_pct"), dec("93.125"));
    assert_eq!(v(2024, "indicator:IKU2", "capaian_end_pct"), dec("75"));
    assert_eq!(v(2024, "indicator:IKU3", "capaian_end_pct"), dec("-47.5"));
    assert_eq!(v(2024, "indicator:IKU4", "capaian_end_pct"), dec("100"));
    assert_eq!(v(2024, "indicator:IKU5", "capaian_end_pct").round_dp(2), dec("77.55"));
    assert_eq!(v(2024, "indicator:IKU3", "baseline"), dec("52.3"));
    assert_eq!(v(2024, "indicator:IKU3", "end_target"), dec("35"));

    // Categories by the office's bands (SB > 100, B > 80, C > 55, K below): IKU2 93,75 → B;
    // IKU3 −20 → K; IKU4 120 → SB; IKU5 exactly 80 is not above 80 → C.
    for (code, band) in [("IKU1", "SB"), ("IKU2", "B"), ("IKU3", "K"), ("IKU4", "SB"), ("IKU5", "C")] {
        let (b, _) = kinerja::calc::bands::indicator_category(&d, &settings(), code, 2024).unwrap();
        assert_eq!(b.map(|b| b.code.as_str()), Some(band), "{code}");
    }

    // The national comparison: stunting 14 % target against 21,5 % (SKI 2023), inverse:
    // 14 / 21,5 = 0,651162… → 65,12.
    assert_eq!(v(2024, "benchmark:1", "capaian_pct").round_dp(2), dec("65.12"));
}

#[test]
fn budget_totals_per_source_and_type_sisa_and_fisik_derived_by_hand() {
    let d = dataset();
    let v = |year, subject: &str, field: &str| value(&d, year, subject, field);
    // Programmes 2024 (final pagu / realisasi, in billions): 1.02.01 12,5 / 11,875;
    // 1.02.02 28 / 25,2; 1.02.03 printed without amounts, from its kegiatan 1,6 / 1,44 and
    // 0,4 / none; DAK 6 / 5,7; APBN dekon 3 / 2,85; APBN TP 5 / 4,5. Belanja pegawai 21 / 19,95.
    // 1.02.03 rolled up: pagu 1,6 + 0,4 = 2,0, pagu murni 1,5 + 0,9 = 2,4, realisasi 1,44.
    let b = |n: &str| dec(n) * dec("1000000000");
    assert_eq!(v(2024, "budget:*", "pagu"), b("56.5"));
    assert_eq!(v(2024, "budget:*", "pagu_murni"), b("50.4"));
    assert_eq!(v(2024, "budget:*", "realisasi"), b("51.565"));
    // Serapan over the pagu of the lines with a realisasi: 56,5 − 0,4 = 56,1;
    // 51,565 / 56,1 = 0,919162… → 91,92.
    assert_eq!(v(2024, "budget:*", "serapan_pct").round_dp(2), dec("91.92"));
    // Sisa 56,5 − 51,565 = 4,935; 4,935 / 56,5 = 0,087345… → 8,73.
    assert_eq!(v(2024, "budget:*", "sisa"), b("4.935"));
    assert_eq!(v(2024, "budget:*", "sisa_pct").round_dp(2), dec("8.73"));
    // Fisik weighted by pagu over the kegiatan that print one (in billions):
    // 100 × 8,4 + 95 × 4,1 + 92,5 × 16 + 96 × 12 + 90 × 1,6 + 100 × 1,2 + 95 × 1,8 + 88 × 5
    // + 97,5 × 6 = 840 + 389,5 + 1480 + 1152 + 144 + 120 + 171 + 440 + 585 = 5321,5;
    // weights 8,4 + 4,1 + 16 + 12 + 1,6 + 1,2 + 1,8 + 5 + 6 = 56,1; 5321,5 / 56,1 = 94,857… → 94,86.
    assert_eq!(v(2024, "budget:*", "fisik_pct").round_dp(2), dec("94.86"));
    // Programme 1.02.01: (100 × 8,4 + 95 × 4,1) / 12,5 = 1229,5 / 12,5 = 98,36.
    assert_eq!(v(2024, "budget:1.02.01", "fisik_pct"), dec("98.36"));
    // APBN dekon: (100 × 1,2 + 95 × 1,8) / 3 = 291 / 3 = 97.
    assert_eq!(v(2024, "budget:024.05.WA", "fisik_pct"), dec("97"));

    // Per source. APBD: pagu 12,5 + 28 + 2,0 + 21 = 63,5; realisasi 11,875 + 25,2 + 1,44 + 19,95 =
    // 58,465; serapan 58,465 / (63,5 − 0,4) = 58,465 / 63,1 = 0,926545… → 92,65; sisa 5,035,
    // 5,035 / 63,5 = 0,079291… → 7,93.
    assert_eq!(v(2024, "source:apbd", "pagu"), b("63.5"));
    assert_eq!(v(2024, "source:apbd", "realisasi"), b("58.465"));
    assert_eq!(v(2024, "source:apbd", "serapan_pct").round_dp(2), dec("92.65"));
    assert_eq!(v(2024, "source:apbd", "sisa_pct").round_dp(2), dec("7.93"));
    // APBN dekonsentrasi 2,85 / 3 = 95 %; tugas pembantuan 4,5 / 5 = 90 %, sisa 0,5 = 10 %;
    // DAK 5,7 / 6 = 95 %.
    assert_eq!(v(2024, "source:apbn-dekon", "serapan_pct"), dec("95"));
    assert_eq!(v(2024, "source:apbn-tp", "serapan_pct"), dec("90"));
    assert_eq!(v(2024, "source:apbn-tp", "sisa"), b("0.5"));
    assert_eq!(v(2024, "source:apbn-tp", "sisa_pct"), dec("10"));
    assert_eq!(v(2024, "source:dak", "serapan_pct"), dec("95"));
    // Per spending type: belanja pegawai 19,95 / 21 = 95 %; programmes as budget:*.
    assert_eq!(v(2024, "spending:pegawai", "serapan_pct"), dec("95"));
    assert_eq!(v(2024, "spending:program", "pagu"), b("56.5"));
    // Grand total: pagu 56,5 + 21 = 77,5; realisasi 51,565 + 19,95 = 71,515; serapan
    // 71,515 / (77,5 − 0,4) = 71,515 / 77,1 = 0,927561… → 92,76; sisa 5,985, 5,985 / 77,5 =
    // 0,077225… → 7,72.
    assert_eq!(v(2024, "budget:all", "pagu"), b("77.5"));
    assert_eq!(v(2024, "budget:all", "realisasi"), b("71.515"));
    assert_eq!(v(2024, "budget:all", "serapan_pct").round_dp(2), dec("92.76"));
    assert_eq!(v(2024, "budget:all", "sisa"), b("5.985"));
    assert_eq!(v(2024, "budget:all", "sisa_pct").round_dp(2), dec("7.72"));
    // 2023 programmes: 11,5 + 27 + 2 + 5 + 2,5 + 4 = 52; realisasi 10,925 + 24,3 + 1,7 + 4,6 +
    // 2,25 + 3,8 = 47,575; 47,575 / 52 = 0,914903… → 91,49.
    assert_eq!(v(2023, "budget:*", "pagu"), b("52"));
    assert_eq!(v(2023, "budget:*", "realisasi"), b("47.575"));
    assert_eq!(v(2023, "budget:*", "serapan_pct").round_dp(2), dec("91.49"));
    // The programmes supporting imunisasi (IKU5): 024.05.WA 3 / 2,85 and 1.02.02 28 / 25,2:
    // 28,05 / 31 = 0,904838… → 90,48.
    assert_eq!(v(2024, "support:IKU5", "serapan_pct").round_dp(2), dec("90.48"));
    // Perjanjian Kinerja: pagu murni 12 + 30 + 2,4 = 44,4; perubahan 12,5 + 28 + 2 = 42,5.
    assert_eq!(v(2024, "agreement:*", "pagu_murni"), b("44.4"));
    assert_eq!(v(2024, "agreement:*", "pagu"), b("42.5"));
    // Staff: PNS 25 + 60 + 30 + 15 = 130, TKK 10 + 8 + 12 = 30, all 160.
    assert_eq!(v(2024, "staff:PNS", "count"), dec("130"));
    assert_eq!(v(2024, "staff:TKK", "count"), dec("30"));
    assert_eq!(v(2024, "staff:all", "count"), dec("160"));
}

fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.clone(),
        Cell::Figure { computed: Some(v), .. } => v.normalize().to_string(),
        Cell::Figure { reported: Some(v), .. } => v.normalize().to_string(),
        Cell::Figure { .. } => String::new(),
        Cell::Verdict { computed, reported } => computed.clone().or(reported.clone()).unwrap_or_default(),
        Cell::Range { .. } => {
            kinerja::report::cell_text(c, kinerja::report::ColumnKind::Number, kinerja::format::Lang::Id)
        }
    }
}

fn column(t: &TableView, key: &str) -> Vec<String> {
    let i = t.columns.iter().position(|c| c.key == key).unwrap_or_else(|| panic!("no column {key} in {}", t.id));
    t.rows.iter().map(|r| cell_text(&r.cells[i])).collect()
}

#[test]
fn the_tables_of_2024_under_the_office_numbers() {
    let d = dataset();
    let s = settings();
    // Its capaian table is 3.3, found by its number and by its stable name, with the KATEGORI
    // column (the hand-derived bands above).
    let t = build_table(&d, &s, "3.3", 2024, TableOptions::default()).unwrap();
    assert_eq!(t, build_table(&d, &s, "capaian", 2024, TableOptions::default()).unwrap());
    assert_eq!(t.title, "Capaian Indikator Kinerja Utama Dinas Kesehatan Provinsi Contoh Tahun 2024");
    // The report prints the rata-rata under the table: a row per sasaran after its indicators
    // and one of all IKU at the end.
    let subjects: Vec<&str> = t.rows.iter().map(|r| r.subject.as_str()).collect();
    assert_eq!(
        subjects,
        [
            "indicator:IKU1",
            "indicator:IKU2",
            "indicator:IKU3",
            "sasaran:S1",
            "indicator:IKU4",
            "indicator:IKU5",
            "sasaran:S2",
            "sasaran:*"
        ]
    );
    let kinds: Vec<RowKind> = t.rows.iter().map(|r| r.kind).collect();
    assert_eq!(kinds[3], RowKind::Subtotal);
    assert_eq!(kinds[6], RowKind::Subtotal);
    assert_eq!(kinds[7], RowKind::Total);
    assert_eq!(column(&t, "indikator")[3], "Rata-rata capaian sasaran");
    assert_eq!(column(&t, "indikator")[7], "Rata-rata capaian seluruh IKU");
    // KATEGORI: the band of the recomputed capaian (derived above: SB, B, K, SB, C), none on
    // the average rows.
    assert_eq!(column(&t, "kategori"), ["SB", "B", "K", "", "SB", "C", "", ""]);
    let c = column(&t, "capaian");
    assert_eq!([&c[..3], &c[4..]].concat(), ["105", "93.75", "-20", "120", "80", "100", "75.75"]);
    let at = |key: &str| t.columns.iter().position(|c| c.key == key).unwrap();
    let (capaian, kategori, target) = (at("capaian"), at("kategori"), at("target"));
    // The printed averages beside the recomputed ones: S1 (105 + 93,75 − 20) / 3 = 59,5833…
    // printed 59,58; S2 (120 + 80) / 2 = 100 printed 100,00; all IKU 378,75 / 5 = 75,75,
    // printed 76,75 (the slip: UHC's 125 before the cap).
    let s1 = &t.rows[3].cells[capaian];
    assert!(
        matches!(s1, Cell::Figure { reported: Some(r), computed: Some(c) } if *r == dec("59.58") && c.round_dp(2) == dec("59.58"))
    );
    assert!(!s1.disagrees());
    assert_eq!(t.rows[6].cells[capaian], Cell::Figure { reported: Some(dec("100.00")), computed: Some(dec("100")) });
    assert_eq!(t.rows[7].cells[capaian], Cell::Figure { reported: Some(dec("76.75")), computed: Some(dec("75.75")) });
    assert!(t.rows[7].cells[capaian].disagrees());
    // The printed category beside the band: IKU1's 105 is SB, printed B (the slip); the others
    // print their band (B, K, SB, C).
    assert_eq!(t.rows[0].cells[kategori], Cell::Verdict { reported: Some("B".into()), computed: Some("SB".into()) });
    assert!(t.rows[0].cells[kategori].disagrees());
    assert_eq!(t.rows[4].cells[kategori], Cell::Verdict { reported: Some("SB".into()), computed: Some("SB".into()) });
    // The two slips of the table are its only disagreeing cells.
    let disagreeing: Vec<(&str, usize)> = t
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().enumerate().filter(|(_, c)| c.disagrees()).map(|(i, _)| (r.subject.as_str(), i)))
        .collect();
    assert_eq!(disagreeing, [("indicator:IKU1", kategori), ("sasaran:*", capaian)]);
    // The DBD target is the range 40–45, not its lower bound.
    assert_eq!(t.rows[2].cells[target], Cell::Range { low: dec("40"), high: dec("45") });
    assert_eq!(column(&t, "target")[..3], ["90", "15", "40–45"]);
    // The files show the same: the range as plain numbers, the printed category and the band.
    let csv = kinerja::report::to_csv(&t);
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(",kategori,kategori_hitung,jenis_baris"), "{header}");
    assert!(csv.contains(",40–45,99,"), "{csv}");
    assert!(csv.contains(",B,SB,baris"), "{csv}");
    assert!(csv.contains(",76.75,75.75,,,total"), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&kinerja::report::to_json(&t)).unwrap();
    assert_eq!(json["rows"][2]["cells"]["target"], serde_json::json!({"low": 40, "high": 45}));
    assert_eq!(json["rows"][0]["cells"]["kategori"], serde_json::json!({"reported": "B", "computed": "SB"}));

    // Everywhere else a target is shown, the range too: the Renstra's targets 2023–2026
    // (Tabel 2.1), the IKU dictionary's 2024 target (2.2), the Perjanjian Kinerja (2.3), the
    // analysis (3.4: 2023 and 2024) and the Renstra table of the indicator (3.5).
    let row_of = |t: &TableView, code: &str| -> Vec<String> {
        t.rows.iter().find(|r| r.subject == format!("indicator:{code}")).unwrap().cells.iter().map(cell_text).collect()
    };
    let t = build_table(&d, &s, "2.1", 2024, TableOptions::default()).unwrap();
    assert_eq!(row_of(&t, "IKU3")[4..], ["40–45", "40–45", "38–42", "35–40"]);
    let t = build_table(&d, &s, "2.2", 2024, TableOptions::default()).unwrap();
    assert_eq!(column(&t, "target_2024")[2], "40–45");
    let t = build_table(&d, &s, "2.3", 2024, TableOptions::default()).unwrap();
    assert_eq!(row_of(&t, "IKU3")[4], "40–45");
    let t = build_table(&d, &s, "3.4", 2024, TableOptions::default()).unwrap();
    assert_eq!((column(&t, "target_2023"), column(&t, "target_2024")), (vec!["40–45".into()], vec!["40–45".into()]));
    let t = build_table(&d, &s, "3.5", 2024, TableOptions::default()).unwrap();
    assert_eq!(row_of(&t, "IKU3")[2..], ["40–45", "40–45", "38–42", "35–40"]);
    // Its analysis table of the DBD indicator, 3.4: 100 in 2023 (inside the range), −20 in 2024.
    let t = build_table(&d, &s, "3.4", 2024, TableOptions::default()).unwrap();
    assert_eq!((column(&t, "capaian_2023"), column(&t, "capaian_2024")), (vec!["100".into()], vec!["-20".into()]));
    // Its budget table, 3.12: the programmes of every source, their total, the totals per
    // source and per spending type and the grand total, with sisa, sisa % and fisik
    // (the figures derived by hand in the budget test above).
    let t = build_table(&d, &s, "anggaran-program", 2024, TableOptions::default()).unwrap();
    assert_eq!(t.id, "3.12");
    let subjects: Vec<&str> = t.rows.iter().map(|r| r.subject.as_str()).collect();
    assert_eq!(
        subjects,
        [
            "budget:1.02.01",
            "budget:1.02.02",
            "budget:1.02.03",
            "budget:1.02.02.DAK",
            "budget:024.05.WA",
            "budget:024.04.DR",
            "budget:*",
            "source:apbd",
            "source:apbn-dekon",
            "source:apbn-tp",
            "source:dak",
            "spending:program",
            "spending:pegawai",
            "budget:all",
        ]
    );
    let names = column(&t, "program");
    assert_eq!(
        names[7..],
        [
            "Jumlah APBD",
            "Jumlah APBN Dekonsentrasi",
            "Jumlah APBN Tugas Pembantuan",
            "Jumlah DAK",
            "Jumlah Belanja Program",
            "Jumlah Belanja Pegawai",
            "JUMLAH SELURUH BELANJA"
        ]
    );
    assert_eq!(column(&t, "pagu")[7..11], ["63500000000", "3000000000", "5000000000", "6000000000"]);
    assert_eq!(column(&t, "sisa")[4..7], ["150000000", "500000000", "4935000000"]);
    assert_eq!(column(&t, "sisa")[12], "1050000000", "belanja pegawai in its type's total");
    // Fisik per programme: 1.02.03 from its one kegiatan that prints one (90 × 1,6 / 1,6).
    assert_eq!(column(&t, "fisik")[..6], ["98.36", "94", "90", "97.5", "97", "88"]);
    // The slips are the table's disagreeing cells: the APBN dekonsentrasi pagu printed
    // 1.800.000.000, the grand total's sisa % printed 8,37.
    let pagu = t.columns.iter().position(|c| c.key == "pagu").unwrap();
    let sisa_pct = t.columns.iter().position(|c| c.key == "sisa_persen").unwrap();
    assert_eq!(
        t.rows[8].cells[pagu],
        Cell::Figure { reported: Some(dec("1800000000")), computed: Some(dec("3000000000")) }
    );
    assert!(t.rows[8].cells[pagu].disagrees() && t.rows[13].cells[sisa_pct].disagrees());
    let disagreeing = t.rows.iter().flat_map(|r| &r.cells).filter(|c| c.disagrees()).count();
    assert_eq!(disagreeing, 2);
    // In English, the table's own words are English.
    let en = TableOptions { lang: kinerja::format::Lang::En, ..TableOptions::default() };
    let t = build_table(&d, &s, "3.12", 2024, en).unwrap();
    assert_eq!(column(&t, "program")[8], "Total APBN deconcentration funds");
    assert_eq!(column(&t, "program")[13], "GRAND TOTAL");
    assert!(t.columns.iter().all(|c| !c.label.contains("SISA") && !c.label.contains("FISIK")));
    // The pagu table, 3.10.
    let t = build_table(&d, &s, "3.10", 2024, TableOptions::default()).unwrap();
    assert_eq!(column(&t, "pagu_sebelum_perubahan").last().map(String::as_str), Some("50400000000"));
    // Kinerja's own numbers name other tables here: 3.1 is the office's analysis of IKU1.
    let t = build_table(&d, &s, "3.1", 2024, TableOptions::default()).unwrap();
    assert_eq!(t.rows.len(), 1);
    assert_eq!(cell_text(&t.rows[0].cells[1]), "Angka Kematian Ibu");
}

fn kinerja(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kinerja")).args(args).output().expect("kinerja runs")
}

#[test]
fn the_command_line_imports_the_office_and_lists_its_slips() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.sqlite");
    let db = db.to_str().unwrap();
    let out = kinerja(&["--db", db, "import", folder().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let check_json = || {
        let out = kinerja(&["--db", db, "--office", "DINKES-PROV", "check", "--format", "json"]);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (out.status.code(), v)
    };
    // Before the office's settings are stored, capaian is floored at 0 and never capped, so
    // besides the four slips: IKU3 −20 → 0 (tables 3.3 and 3.4) and against the end target
    // −47,5 → 0 (3.3 and 3.5); IKU4 125 against the printed 120 (3.3 and 3.6); S1 (105 + 93,75
    // + 0) / 3 = 66,25 against 59,58 and S2 (125 + 80) / 2 = 102,5 against 100: 4 + 8 = 12.
    let (code, v) = check_json();
    assert_eq!(code, Some(1));
    assert_eq!(v["findings"].as_array().unwrap().len(), 12);

    // The office's settings, through the command line as the window's Pemeriksaan form would.
    for (key, value) in [("capaian_cap", "120"), ("capaian_floor", "none")] {
        let out = kinerja(&["--db", db, "--office", "DINKES-PROV", "settings", "set", key, value]);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let (code, v) = check_json();
    assert_eq!(code, Some(1), "findings exit with 1");
    let found: Vec<(String, String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["table"].as_str().unwrap().into(),
                f["subject"].as_str().unwrap().into(),
                f["code"].as_str().unwrap().into(),
            )
        })
        .collect();
    let expected = [
        ("3.3", "indicator:IKU1", "printed_category_mismatch"),
        ("3.3", "sasaran:*", "printed_mismatch"),
        ("3.12", "source:apbn-dekon", "printed_mismatch"),
        ("3.12", "budget:all", "printed_mismatch"),
    ];
    assert_eq!(found, expected.map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())));
    assert_eq!(v["unverified"].as_array().unwrap().len(), 0);
    assert_eq!(v["findings"][2]["reported"].to_string(), "1800000000");
    assert_eq!(v["findings"][2]["computed"].to_string(), "3000000000");
}
