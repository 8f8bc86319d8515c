//! Every standard table of the embedded dataset, checked against figures printed in the
//! reference report (LKIP 2024, Dinas Koperasi UKM Kota Bekasi).

use kinerja::calc::Settings;
use kinerja::domain::Dataset;
use kinerja::format::Lang;
use kinerja::report::{
    budget_tree, build_table, cell_text, to_csv, Cell, ColumnKind, RowKind, TableOptions, TableView,
};
use rust_decimal::Decimal;
use std::collections::{BTreeSet, HashSet};
use std::str::FromStr;

fn dataset() -> Dataset {
    kinerja::embedded::dataset().expect("embedded dataset is valid")
}

fn table(d: &Dataset, id: &str) -> TableView {
    build_table(d, &Settings::default(), id, 2024, TableOptions::default()).unwrap_or_else(|e| panic!("{id}: {e}"))
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The cell in the first row whose text cells contain `row_text`, column `key`.
fn cell<'a>(t: &'a TableView, row_text: &str, key: &str) -> &'a Cell {
    let col = t.columns.iter().position(|c| c.key == key).unwrap_or_else(|| panic!("{}: no column {key}", t.id));
    let row = t
        .rows
        .iter()
        .find(|r| r.cells.iter().any(|c| matches!(c, Cell::Text(s) if s.contains(row_text))))
        .unwrap_or_else(|| panic!("{}: no row with '{row_text}'", t.id));
    &row.cells[col]
}

fn reported(t: &TableView, row_text: &str, key: &str) -> Decimal {
    match cell(t, row_text, key) {
        Cell::Figure { reported: Some(v), .. } => *v,
        other => panic!("{} {row_text}/{key}: {other:?}", t.id),
    }
}

/// The recomputed figure as the documents show it, to two decimals (the cell keeps every
/// decimal, so that the printed figure is compared with it by the checker's rule).
fn computed(t: &TableView, row_text: &str, key: &str) -> Decimal {
    match cell(t, row_text, key) {
        Cell::Figure { computed: Some(v), .. } => v.round_dp(2),
        other => panic!("{} {row_text}/{key}: {other:?}", t.id),
    }
}

fn total_row(t: &TableView) -> &kinerja::report::TableRow {
    t.rows.iter().find(|r| r.kind == RowKind::Total).unwrap_or_else(|| panic!("{}: no total row", t.id))
}

#[test]
fn every_listed_table_renders() {
    let d = dataset();
    let ids = [
        "1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "3.10",
        "3.11", "3.12", "3.13", "3.14", "3.15", "3.16", "3.17", "3.18", "3.19", "3.20",
    ];
    for id in ids {
        let t = table(&d, id);
        assert!(!t.rows.is_empty(), "{id} has rows");
        assert!(!t.title.is_empty(), "{id} has a title");
        let csv = to_csv(&t);
        assert!(csv.lines().count() > t.rows.len(), "{id} CSV has a header and every row");
    }
}

#[test]
fn table_1_1_staff() {
    let t = table(&dataset(), "1.1");
    assert_eq!(reported(&t, "SLTA", "pns"), dec("6"));
    assert_eq!(reported(&t, "Strata I", "tkk"), dec("15"));
    assert_eq!(reported(&t, "JUMLAH", "pns"), dec("22"));
    assert_eq!(computed(&t, "JUMLAH", "tkk"), dec("19"));
}

#[test]
fn table_1_2_assets() {
    let t = table(&dataset(), "1.2");
    assert_eq!(reported(&t, "Aset Tetap", "jumlah"), dec("549"));
    assert_eq!(reported(&t, "Aset Tetap", "nilai"), dec("4939925171.19"));
    assert_eq!(computed(&t, "Aset Tetap", "nilai"), dec("4939925171.19"));
    assert_eq!(reported(&t, "Tanah Bangunan", "nilai"), dec("57000000"));
    assert_eq!(reported(&t, "Kursi Kerja Pejabat eselon II", "nilai"), dec("11330680.50"));
    // A printed subtotal that is not the sum of its rows keeps its printed value.
    assert_eq!(reported(&t, "Alat Angkutan", "nilai"), dec("3178955174.19"));
    assert_eq!(computed(&t, "Alat Angkutan", "nilai"), dec("1807298324.20"));
    assert_eq!(t.rows.len(), 121, "one row per printed line of Tabel 1.2");
}

#[test]
fn tables_2_x_plan_and_agreement() {
    let d = dataset();
    let t = table(&d, "2.1");
    assert_eq!(reported(&t, "Persentase peningkatan Nilai tambah", "target_2026"), dec("0.16"));
    assert_eq!(reported(&t, "Meningkatnya Akuntabilitas", "target_2024"), dec("75.80"));
    assert_eq!(reported(&t, "Meningkatnya Akuntabilitas", "target_2026"), dec("76.50"));
    let t = table(&d, "2.2");
    assert_eq!(t.rows.len(), 3);
    assert!(matches!(cell(&t, "Volume Usaha Koperasi", "rumus"), Cell::Text(s) if s.contains("n1")));
    let t = table(&d, "2.3");
    assert_eq!(reported(&t, "Nilai AKIP", "target"), dec("75.8"));
    assert_eq!(reported(&t, "Program Penunjang", "anggaran_apbd"), dec("9271302348"));
    assert_eq!(reported(&t, "Program Pengembangan (UMKM)", "anggaran_perubahan"), dec("1884454300"));
    assert_eq!(reported(&t, "Total", "anggaran_apbd"), dec("12611751848"));
    assert_eq!(computed(&t, "Total", "anggaran_perubahan"), dec("12785258830"));
}

#[test]
fn table_3_1_capaian_printed_and_recomputed() {
    let t = table(&dataset(), "3.1");
    assert_eq!(reported(&t, "Nilai AKIP", "realisasi"), dec("78.19"));
    assert_eq!(reported(&t, "Nilai AKIP", "capaian"), dec("103.15"));
    assert_eq!(computed(&t, "Nilai AKIP", "capaian"), dec("103.15"));
    assert_eq!(reported(&t, "Volume Usaha Koperasi", "capaian"), dec("104"));
    assert_eq!(computed(&t, "Volume Usaha Koperasi", "capaian"), dec("105"));
    assert_eq!(reported(&t, "Volume Usaha UMKM", "capaian"), dec("101"));
}

#[test]
fn tables_3_2_to_3_5_akip() {
    let d = dataset();
    let t = table(&d, "3.2");
    assert_eq!(reported(&t, "Nilai AKIP", "target_2023"), dec("70"));
    assert_eq!(reported(&t, "Nilai AKIP", "realisasi_2023"), dec("76.01"));
    assert_eq!(reported(&t, "Nilai AKIP", "capaian_2023"), dec("108.58"));
    assert_eq!(computed(&t, "Nilai AKIP", "capaian_2023"), dec("108.59"));
    // 76,01 ÷ 70 × 100 = 108,5857…: the printed 108,58 is truncated, within its two decimals,
    // which the checker accepts; so does the table.
    assert!(!cell(&t, "Nilai AKIP", "capaian_2023").disagrees());
    assert_eq!(reported(&t, "Nilai AKIP", "capaian_2024"), dec("103.15"));
    let t = table(&d, "3.3");
    assert_eq!(t.rows.len(), 2);
    assert_eq!(reported(&t, "Target", "tahun_2026"), dec("76.50"));
    assert_eq!(reported(&t, "Realisasi", "tahun_2024"), dec("78.19"));
    assert_eq!(table(&d, "3.4").rows.len(), 3);
    let t = table(&d, "3.5");
    assert_eq!(t.rows.len(), 3);
    assert_eq!(reported(&t, "Sarana dan Prasarana", "capaian"), dec("100"));
}

#[test]
fn table_3_6_budget_with_the_7_39_slip() {
    let t = table(&dataset(), "3.6");
    assert_eq!(reported(&t, "Program Penunjang", "pagu"), dec("8771302348"));
    assert_eq!(reported(&t, "Program Penunjang", "realisasi"), dec("7327081454"));
    assert_eq!(computed(&t, "Program Penunjang", "realisasi"), dec("7327081454"));
    assert_eq!(reported(&t, "Program Penunjang", "persen"), dec("83.53"));
    assert_eq!(reported(&t, "Penyelenggaraan Rapat", "persen"), dec("7.39"));
    assert_eq!(computed(&t, "Penyelenggaraan Rapat", "persen"), dec("79.39"));
    assert!(cell(&t, "Penyelenggaraan Rapat", "persen").disagrees());
    assert_eq!(reported(&t, "Pemeliharaan Peralatan dan Mesin", "realisasi"), dec("69040000"));
    assert_eq!(reported(&t, "Pemeliharaan Peralatan dan Mesin", "persen"), dec("98.63"));
    // Kegiatan without a budget (Administrasi Kepegawaian) is not a row of a budget table.
    assert!(!t.rows.iter().any(|r| r.cells.iter().any(|c| matches!(c, Cell::Text(s) if s.contains("Kepegawaian")))));
}

#[test]
fn tables_3_7_to_3_10_koperasi() {
    let d = dataset();
    let t = table(&d, "3.7");
    assert_eq!(reported(&t, "Realisasi", "tahun_2024"), dec("1.05"));
    let t = table(&d, "3.8");
    assert_eq!(reported(&t, "Volume Usaha Koperasi", "capaian_2024"), dec("105"));
    assert_eq!(reported(&t, "Kontribusi Sektor Koperasi", "realisasi_2023"), dec("0.296"));
    assert_eq!(reported(&t, "Kontribusi Sektor Koperasi", "capaian_2023"), dec("290"));
    let t = table(&d, "3.9");
    assert_eq!(t.rows.len(), 5);
    assert_eq!(reported(&t, "Izin Simpan Pinjam", "capaian"), dec("21.5"));
    assert_eq!(reported(&t, "Pendidikan Perkoperasian", "capaian"), dec("144.7"));
    assert_eq!(computed(&t, "Pendidikan Perkoperasian", "capaian"), dec("144.67"));
    let t = table(&d, "3.10");
    assert_eq!(reported(&t, "Program Pelayanan Izin", "persen"), dec("93.31"));
    let total = total_row(&t);
    assert_eq!(total.cells[3], Cell::Figure { reported: Some(dec("934735000")), computed: Some(dec("934735000")) });
    assert_eq!(total.cells[4], Cell::Figure { reported: Some(dec("752916800")), computed: Some(dec("824166800")) });
}

#[test]
fn tables_3_11_to_3_16_umkm() {
    let d = dataset();
    let t = table(&d, "3.11");
    assert_eq!(reported(&t, "Volume Usaha UMKM", "realisasi_2024"), dec("1.01"));
    assert_eq!(reported(&t, "Kontribusi Sektor UMKM", "capaian_2023"), dec("114.28"));
    let t = table(&d, "3.12");
    assert_eq!(reported(&t, "Target", "tahun_2025"), dec("1"));
    let t = table(&d, "3.13");
    assert_eq!(reported(&t, "Mitra BLU", "capaian"), dec("16.4"));
    assert_eq!(reported(&t, "Persentase Peningkatan Volume Usaha Koperasi", "capaian"), dec("105"));
    let t = table(&d, "3.14");
    assert_eq!(reported(&t, "PKL", "capaian"), dec("123.8"));
    let t = table(&d, "3.15");
    assert_eq!(t.rows.len(), 9);
    assert!(matches!(cell(&t, "ADE NURHAYATI", "no_telepon"), Cell::Text(s) if s == "08********63"));
    let full = build_table(
        &d,
        &Settings::default(),
        "3.15",
        2024,
        TableOptions { show_phone: true, ..TableOptions::default() },
    )
    .unwrap();
    assert!(matches!(cell(&full, "ADE NURHAYATI", "no_telepon"), Cell::Text(s) if s == "081212011963"));
    let t = table(&d, "3.16");
    assert_eq!(reported(&t, "Pemberdayaan melalui Kemitraan", "persen"), dec("98.73"));
    let total = total_row(&t);
    match &total.cells[5] {
        Cell::Figure { reported: Some(r), computed: Some(c) } => {
            assert_eq!((*r, c.round_dp(2)), (dec("98.46"), dec("92.61")))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn tables_3_17_to_3_20_efficiency_and_budget() {
    let d = dataset();
    let t = table(&d, "3.17");
    assert_eq!(reported(&t, "Nilai AKIP", "rata_rata_realisasi_anggaran"), dec("83.53"));
    assert_eq!(reported(&t, "Volume Usaha Koperasi", "rata_rata_realisasi_anggaran"), dec("89.49"));
    assert_eq!(computed(&t, "Volume Usaha Koperasi", "rata_rata_realisasi_anggaran"), dec("89.49"));
    assert_eq!(computed(&t, "Volume Usaha UMKM", "rata_rata_realisasi_anggaran"), dec("93.19"));
    assert_eq!(reported(&t, "Daya Saing", "rata_rata_capaian"), dec("103"));
    assert_eq!(
        cell(&t, "Daya Saing", "efisiensi"),
        &Cell::Verdict { reported: Some("efisien".into()), computed: Some("efisien".into()) }
    );
    let t = table(&d, "3.18");
    assert_eq!(reported(&t, "Program Pengembangan UMKM", "pagu_sebelum_perubahan"), dec("1500187000"));
    assert_eq!(reported(&t, "TOTAL", "pagu_sebelum_perubahan"), dec("12611751848"));
    assert_eq!(computed(&t, "TOTAL", "pagu_setelah_perubahan"), dec("12785258830"));
    let t = table(&d, "3.19");
    assert_eq!(t.rows.len(), 9);
    assert_eq!(reported(&t, "TOTAL", "pagu"), dec("12785258830"));
    assert_eq!(reported(&t, "TOTAL", "realisasi"), dec("11002960494"));
    assert_eq!(reported(&t, "TOTAL", "persen"), dec("86.06"));
    assert_eq!(computed(&t, "TOTAL", "persen"), dec("86.06"));
    let t = table(&d, "3.20");
    assert_eq!(reported(&t, "Program Pengawasan", "persen_2023"), dec("43.95"));
    assert_eq!(reported(&t, "TOTAL", "pagu_2023"), dec("13900511220"));
    assert_eq!(computed(&t, "TOTAL", "realisasi_2023"), dec("12010576199"));
    assert_eq!(reported(&t, "TOTAL", "persen_2023"), dec("86.40"));
}

#[test]
fn table_3_19_csv_matches_the_report() {
    let t = table(&dataset(), "3.19");
    let csv = to_csv(&t);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "no,program,pagu,pagu_hitung,realisasi,realisasi_hitung,persen,persen_hitung,jenis_baris");
    assert_eq!(
        lines[1],
        "1,Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota,8771302348,8771302348,7327081454,7327081454,83.53,83.53,baris"
    );
    assert_eq!(lines[9], ",TOTAL,12785258830,12785258830,11002960494,11002960494,86.06,86.06,total");
    assert!(csv.contains("\r\n"), "RFC 4180 line ends");
}

#[test]
fn other_years_and_unknown_tables() {
    let d = dataset();
    let s = Settings::default();
    // 2023 has program budgets (from Tabel 3.20), so its 3.19 can be shown, recomputed.
    let t = build_table(&d, &s, "3.19", 2023, TableOptions::default()).unwrap();
    assert_eq!(t.rows.len(), 9);
    assert_eq!(computed(&t, "TOTAL", "persen"), dec("86.40"));
    let err = build_table(&d, &s, "9.9", 2024, TableOptions::default()).unwrap_err();
    assert!(err.to_string().contains("3.19"), "names the valid tables: {err}");
    let err = build_table(&d, &s, "1.1", 2023, TableOptions::default()).unwrap_err();
    assert!(err.to_string().contains("2024"), "names the years with data: {err}");
}

#[test]
fn indonesian_tables_keep_the_printed_column_titles() {
    let d = dataset();
    let titles = |id: &str| table(&d, id).columns.into_iter().map(|c| c.label).collect::<Vec<_>>();
    // The reference report's Tabel 1.1: NO JENJANG PENDIDIKAN PNS TKK KET, total row JUMLAH.
    assert_eq!(titles("1.1"), ["NO", "JENJANG PENDIDIKAN", "PNS", "TKK", "KET"]);
    assert_eq!(total_row(&table(&d, "1.1")).cells[1], Cell::text("JUMLAH"));
    // Tabel 3.1: NO, SASARAN STRATEGIS, INDIKATOR KINERJA, SATUAN, TARGET, REALISASI, CAPAIAN KINERJA (%).
    assert_eq!(
        titles("3.1"),
        ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", "TARGET", "REALISASI", "CAPAIAN KINERJA (%)"]
    );
    // Tabel 3.6: No, Indikator Sasaran, Program/ Kegiatan, Pagu Anggaran (Rp.), Realisasi Anggaran (Rp.), %.
    assert_eq!(
        titles("3.6"),
        ["No", "Indikator Sasaran", "Program/ Kegiatan", "Pagu Anggaran (Rp.)", "Realisasi Anggaran (Rp.)", "%"]
    );
    // Tabel 3.19: NO, URUSAN/ BIDANG URUSAN PEMERINTAH DAERAH DAN PROGRAM KEGIATAN, PAGU ANGGARAN,
    // REALISASI, %.
    assert_eq!(
        titles("3.19"),
        ["NO", "URUSAN/ BIDANG URUSAN PEMERINTAH DAERAH DAN PROGRAM KEGIATAN", "PAGU ANGGARAN", "REALISASI", "%"]
    );
    assert_eq!(table(&d, "3.19").heading(), format!("Tabel 3.19 {}", table(&d, "3.19").title));
}

/// Words of at least three letters, in lower case.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 3).map(str::to_lowercase)
}

/// Words the English tables keep on purpose, as in the Indonesian ones: the statuses and
/// documents of the Indonesian administration (PNS, TKK, APBD, SAKIP, AKIP, IKU, Renstra), and
/// words that are the same in both languages (target, total, data, per, the `sub` of
/// sub-kegiatan / sub-activity).
const KEPT: &[&str] =
    &["pns", "tkk", "apbd", "sakip", "akip", "iku", "renstra", "target", "total", "data", "per", "sub"];

/// Every text of the embedded dataset's files, trimmed: the office's data.
fn data_texts() -> HashSet<String> {
    let mut out = HashSet::new();
    for (name, bytes) in kinerja::embedded::files() {
        if !name.ends_with(".csv") {
            continue;
        }
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(*bytes);
        for record in reader.records() {
            for cell in record.expect("the embedded dataset is valid CSV").iter() {
                if !cell.trim().is_empty() {
                    out.insert(cell.trim().to_string());
                }
            }
        }
    }
    out
}

/// Whether a text cell holds the office's data: a text of its files, an asset's label before
/// its name (`1. Tanah`), or no word at all (a number, a masked telephone number).
fn is_data(text: &str, data: &HashSet<String>) -> bool {
    let t = text.trim();
    !t.chars().any(char::is_alphabetic)
        || data.contains(t)
        || t.split_once(' ').is_some_and(|(label, name)| data.contains(label) && data.contains(name.trim()))
}

/// `text` without the office's names that Kinerja's own titles quote (the office, an
/// indicator), longest first, and without the application's own name, which the city table
/// gives as its source (`Kinerja: …`).
fn without_names(text: &str, names: &[String]) -> String {
    let mut rest = text.replace("Kinerja:", " ");
    for n in names {
        rest = rest.replace(n.as_str(), " ");
    }
    rest
}

/// Kinerja's own texts in a table: column titles, `Tabel`/`Table`, the title and source where
/// Kinerja wrote them, every text cell that is not data, and the efficiency verdicts.
fn own_texts(t: &TableView, data: &HashSet<String>, names: &[String], titled_by_kinerja: bool) -> Vec<String> {
    let mut out: Vec<String> = t.columns.iter().map(|c| c.label.clone()).collect();
    if t.is_numbered() {
        out.push(t.label());
    }
    if titled_by_kinerja {
        out.push(without_names(&t.title, names));
        out.push(without_names(&t.source, names));
    }
    for r in &t.rows {
        for c in &r.cells {
            match c {
                Cell::Text(s) if !is_data(s, data) => out.push(s.clone()),
                Cell::Verdict { reported, computed } => {
                    // A printed verdict is one of the rule's words; other printed text is data.
                    let printed = reported.iter().filter(|r| kinerja::calc::efficiency::Verdict::parse(r).is_some());
                    out.extend(printed.chain(computed).cloned());
                }
                _ => {}
            }
        }
    }
    out
}

/// The same table in Indonesian and in English: the same rows and figures, the data cells as
/// entered.
fn assert_same_data(id: &TableView, en: &TableView, data: &HashSet<String>) {
    let what = format!("{} {}", id.id, id.year);
    assert_eq!(id.rows.len(), en.rows.len(), "{what}");
    assert_eq!(id.columns.len(), en.columns.len(), "{what}");
    for (a, b) in id.columns.iter().zip(&en.columns) {
        assert_eq!((&a.key, a.kind, a.derived), (&b.key, b.kind, b.derived), "{what}");
    }
    for (a, b) in id.rows.iter().zip(&en.rows) {
        assert_eq!((a.kind, a.level, &a.subject), (b.kind, b.level, &b.subject), "{what}");
        for (x, y) in a.cells.iter().zip(&b.cells) {
            match (x, y) {
                (Cell::Text(s), _) if is_data(s, data) => assert_eq!(x, y, "{what}: data stays as entered"),
                (Cell::Figure { .. } | Cell::Empty, _) => assert_eq!(x, y, "{what}: the same figures"),
                _ => {}
            }
        }
    }
}

/// Every table of the reference 2024 (titled by the report) and of 2023 (titled by Kinerja), the
/// budget trees and the demo city's table, built in English: no word of Kinerja's own Indonesian
/// vocabulary is left in their titles, headings and own texts. The vocabulary is derived, not
/// typed: the words of the Indonesian builds' own texts, less the [`KEPT`] words. The
/// office's data (names, satuan, printed titles) is not searched.
#[test]
fn tables_built_in_english_hold_no_indonesian_word_of_kinerja() {
    let d = dataset();
    let s = Settings::default();
    let mut data = data_texts();
    let mut pairs: Vec<(TableView, TableView, bool)> = Vec::new();
    for year in [2024, 2023] {
        let titled_by_report = d.report_tables.iter().any(|t| t.year == year);
        for t in kinerja::calc::layout::layout(&d, year) {
            let build = |lang| build_table(&d, &s, &t.id, year, TableOptions { lang, ..TableOptions::default() });
            match (build(Lang::Id), build(Lang::En)) {
                (Ok(id), Ok(en)) => pairs.push((id, en, !titled_by_report)),
                (Err(a), Err(b)) => assert_eq!(a, b, "{} {year}: the same error in both languages", t.id),
                (a, b) => panic!("{} {year}: {:?} / {:?}", t.id, a.err(), b.err()),
            }
        }
        pairs.push((budget_tree(&d, &s, year, Lang::Id), budget_tree(&d, &s, year, Lang::En), true));
    }
    assert!(pairs.len() >= 25 + 2, "every table of 2024, and the trees: {}", pairs.len());

    // The demo city: a small synthetic city beside the embedded office.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("kota.sqlite");
    let spec = kinerja::demo::DemoSpec { offices: 3, years: 2, lines: 12, seed: 5, ..Default::default() };
    kinerja::demo::generate(&path, &spec, false, &mut |_| true).unwrap_or_else(|e| panic!("{}", e.message_id()));
    let store = kinerja::storage::Store::open(&path).expect("the demo city opens");
    let view = kinerja::app::city::city_view(&store, 2024).expect("the city view of 2024");
    data.extend(view.rows.iter().map(|r| r.name.clone()));
    data.extend(view.rows.iter().filter_map(|r| r.akip_predicate.clone()));
    let checks: Vec<kinerja::app::city::OfficeCheck> = view
        .rows
        .iter()
        .map(|r| kinerja::app::city::OfficeCheck { office_id: r.office_id, name: r.name.clone(), findings: 2 })
        .collect();
    for checks in [None, Some(checks.as_slice())] {
        pairs.push((
            kinerja::app::city::city_table(&view, checks, Lang::Id),
            kinerja::app::city::city_table(&view, checks, Lang::En),
            true,
        ));
    }

    pairs.push((
        kinerja::app::city::city_parts_table(&view, Lang::Id),
        kinerja::app::city::city_parts_table(&view, Lang::En),
        true,
    ));

    // The office's names that Kinerja's titles quote, longest first.
    let mut names: Vec<String> = data.iter().filter(|t| t.contains(' ')).cloned().collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));

    let mut vocabulary = BTreeSet::new();
    for (id, en, titled_by_kinerja) in &pairs {
        assert_eq!((id.lang, en.lang), (Lang::Id, Lang::En));
        assert_same_data(id, en, &data);
        vocabulary
            .extend(own_texts(id, &data, &names, *titled_by_kinerja).iter().flat_map(|t| words(t).collect::<Vec<_>>()));
    }
    vocabulary.retain(|w| !KEPT.contains(&w.as_str()));
    // The derivation sees the builders' words: a few of them, by hand, from the reference
    // report's headers and Kinerja's own rows.
    for w in [
        "jumlah",
        "jenjang",
        "pendidikan",
        "satuan",
        "realisasi",
        "capaian",
        "anggaran",
        "tahun",
        "sasaran",
        "indikator",
        "kinerja",
        "semakin",
        "efisien",
        "serapan",
        "selisih",
        "perangkat",
        "tabel",
        "bagian",
    ] {
        assert!(vocabulary.contains(w), "'{w}' is a word of the Indonesian tables: {vocabulary:?}");
    }
    let mut left = Vec::new();
    for (_, en, titled_by_kinerja) in &pairs {
        for text in own_texts(en, &data, &names, *titled_by_kinerja) {
            let indonesian: Vec<String> = words(&text).filter(|w| vocabulary.contains(w)).collect();
            if !indonesian.is_empty() {
                left.push(format!("{} {}: {indonesian:?} in '{text}'", en.id, en.year));
            }
        }
    }
    assert!(left.is_empty(), "Indonesian left in the English tables:\n{}", left.join("\n"));
}

/// Numbers as a person reads them (docs/computation.md, Numbers as shown), by hand from the
/// reference report.
#[test]
fn an_indicator_reads_with_one_precision_and_percentages_with_two_decimals() {
    let d = dataset();
    let shown = |t: &TableView, row_text: &str, key: &str| {
        let c = t.columns.iter().find(|c| c.key == key).unwrap();
        cell_text(cell(t, row_text, key), c.kind, Lang::Id)
    };
    // Tabel 3.2 prints Nilai AKIP 70 · 76.01 · 75.80 · 78.19 and capaian 108.58 % · 103.15 %.
    let t = table(&d, "3.2");
    let row: Vec<String> =
        ["target_2023", "realisasi_2023", "target_2024", "realisasi_2024", "capaian_2023", "capaian_2024"]
            .iter()
            .map(|k| shown(&t, "Nilai AKIP", k))
            .collect();
    assert_eq!(row, ["70,00", "76,01", "75,80", "78,19", "108,58 %", "103,15 %"]);
    // Tabel 3.3: the target row (75.80, 76.50) and the realisation row (78.19) of one indicator.
    let t = table(&d, "3.3");
    assert_eq!(shown(&t, "Realisasi", "tahun_2024"), "78,19");
    assert_eq!(shown(&t, "Target", "tahun_2024"), "75,80");
    // Tabel 3.7: targets 1 % each year and a realisation of 1.05 % read 1,00 and 1,05.
    let t = table(&d, "3.7");
    assert_eq!(shown(&t, "Target", "tahun_2025"), "1,00");
    assert_eq!(shown(&t, "Realisasi", "tahun_2024"), "1,05");
    // Tabel 3.5 prints a capaian of 100 for Sarana dan Prasarana: 100,00 %.
    assert_eq!(shown(&table(&d, "3.5"), "Sarana dan Prasarana", "capaian"), "100,00 %");
    // Tabel 3.19: pagu Rp 12.785.258.830 (no sen), serapan 86,06 %; Tabel 1.2 with sen.
    let t = table(&d, "3.19");
    assert_eq!(shown(&t, "TOTAL", "pagu"), "Rp 12.785.258.830");
    assert_eq!(shown(&t, "TOTAL", "persen"), "86,06 %");
    assert_eq!(shown(&table(&d, "1.2"), "Aset Tetap", "nilai"), "Rp 4.939.925.171,19");
    // The figure is the recorded one; only its shown precision is shared.
    assert_eq!(reported(&table(&d, "3.2"), "Nilai AKIP", "target_2023"), dec("70"));
    assert_eq!(table(&d, "3.2").columns.iter().filter(|c| c.kind == ColumnKind::Number).count(), 4);
}
