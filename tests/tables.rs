//! Every standard table of the embedded dataset, checked against figures printed in the
//! reference report (LKIP 2024, Dinas Koperasi UKM Kota Bekasi).

use kinerja::calc::Settings;
use kinerja::domain::Dataset;
use kinerja::report::{build_table, to_csv, Cell, RowKind, TableOptions, TableView};
use rust_decimal::Decimal;
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
    let full = build_table(&d, &Settings::default(), "3.15", 2024, TableOptions { show_phone: true }).unwrap();
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
