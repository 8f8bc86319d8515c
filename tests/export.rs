//! Files out: CSV (BOM, dialects, formula injection), XLSX read back with a standard reader,
//! charts that decode, telephone numbers masked, files never half-written.

use calamine::{Data, Reader, Xlsx};
use kinerja::calc::Settings;
use kinerja::export::{chart_png, chart_svg, table_csv, tables_xlsx, write_file, CsvDialect};
use kinerja::format::Lang;
use kinerja::report::charts::all_charts;
use kinerja::report::{build_table, TableOptions, TableView};

fn table(d: &kinerja::domain::Dataset, id: &str, show_phone: bool) -> TableView {
    build_table(d, &Settings::default(), id, 2024, TableOptions { show_phone, ..TableOptions::default() }).unwrap()
}

#[test]
fn csv_has_bom_dialects_and_neutralised_formulas() {
    let mut d = kinerja::embedded::dataset().unwrap();
    d.budget_lines.iter_mut().find(|b| b.year == 2024 && b.kode == "2").unwrap().name =
        "=HYPERLINK(\"http://x\")".into();
    let t = table(&d, "3.19", false);
    let plain = String::from_utf8(table_csv(&t, CsvDialect::Plain)).unwrap();
    assert!(plain.starts_with('\u{feff}'), "UTF-8 BOM for Excel");
    assert!(plain.contains("2,\"'=HYPERLINK(\"\"http://x\"\")\",76355000"), "{plain}");
    assert!(plain.contains(",TOTAL,12785258830,12785258830,11002960494,11002960494,86.06,86.06,total"));
    let id = String::from_utf8(table_csv(&t, CsvDialect::Indonesian)).unwrap();
    assert!(id.contains(";TOTAL;12785258830;12785258830;11002960494;11002960494;86,06;86,06;total"), "{id}");
}

#[test]
fn telephone_numbers_are_masked_unless_asked() {
    let d = kinerja::embedded::dataset().unwrap();
    let masked = table(&d, "3.15", false);
    let csv = String::from_utf8(table_csv(&masked, CsvDialect::Plain)).unwrap();
    assert!(csv.contains("08********63") && !csv.contains("081212011963"));
    let xlsx = tables_xlsx(std::slice::from_ref(&masked)).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    let range = book.worksheet_range("Tabel 3.15").unwrap();
    let cells: Vec<String> = range.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect();
    assert!(cells.iter().any(|c| c == "08********63"));
    assert!(!cells.iter().any(|c| c.contains("081212011963")));
    let full = table(&d, "3.15", true);
    assert!(String::from_utf8(table_csv(&full, CsvDialect::Plain)).unwrap().contains("081212011963"));
}

#[test]
fn workbook_cells_are_numbers_equal_to_the_database() {
    let d = kinerja::embedded::dataset().unwrap();
    let bytes = tables_xlsx(&[table(&d, "3.19", false), table(&d, "1.2", false)]).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), vec!["Tabel 3.19".to_string(), "Tabel 1.2".to_string()]);
    let range = book.worksheet_range("Tabel 3.19").unwrap();
    let row_of = |label: &str| {
        range.rows().find(|r| r.iter().any(|c| matches!(c, Data::String(s) if s.starts_with(label)))).unwrap().to_vec()
    };
    let program1 = row_of("Program Penunjang");
    let numbers: Vec<f64> =
        program1.iter().filter_map(|c| if let Data::Float(f) = c { Some(*f) } else { None }).collect();
    assert_eq!(numbers[0], 8_771_302_348.0);
    assert_eq!(numbers[2], 7_327_081_454.0);
    assert_eq!(numbers[4], 83.53);
    let total = row_of("TOTAL");
    assert!(total.contains(&Data::Float(12_785_258_830.0)));
    let title = range.get_value((0, 0)).unwrap().to_string();
    assert!(title.starts_with("Tabel 3.19 Pagu Dan Realisasi Anggaran"), "{title}");
}

#[test]
fn every_chart_draws_to_png_and_svg() {
    let d = kinerja::embedded::dataset().unwrap();
    for chart in all_charts(&d, &Settings::default(), 2024, Lang::Id) {
        let png = chart_png(&chart, 800, 450, 1.0, Lang::Id).unwrap_or_else(|e| panic!("{}: {e}", chart.id));
        let img = image::load_from_memory(&png).unwrap().to_rgb8();
        assert_eq!(img.dimensions(), (800, 450));
        let white = img.pixels().filter(|p| p.0 == [255, 255, 255]).count();
        let total = (800 * 450) as usize;
        assert!(white < total * 99 / 100, "{} is not blank", chart.id);
        assert!(white > total / 3, "{} has a white background", chart.id);
        let svg = chart_svg(&chart, 800, 450, Lang::Id).unwrap();
        assert!(svg.contains("<svg") && svg.contains(&chart.title.replace('&', "&amp;")), "{}", chart.id);
    }
    let print = chart_png(&all_charts(&d, &Settings::default(), 2024, Lang::Id)[0], 1600, 900, 2.0, Lang::Id).unwrap();
    assert_eq!(image::load_from_memory(&print).unwrap().width(), 3200);
}

#[test]
fn files_are_not_overwritten_without_force_and_never_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/t.csv");
    write_file(&path, b"one", false).unwrap();
    assert!(write_file(&path, b"two", false).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), b"one");
    write_file(&path, b"two", true).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"two");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("sub")).unwrap().filter_map(|e| e.ok()).collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left");
    // A folder that cannot be a file's parent is a clear error.
    let blocked = dir.path().join("sub/t.csv/x.csv");
    let err = write_file(&blocked, b"x", false).unwrap_err();
    assert!(err.message_id().contains("tidak dapat menulis"), "{}", err.message_id());
}

#[test]
fn export_out_writes_the_pdf_the_workbook_and_every_chart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.sqlite").display().to_string();
    let out = dir.path().join("lkip");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["export", "--out", &out.display().to_string(), "--db", &db])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));

    // The PDF's text holds every table title and the total pagu of 2024.
    let text = std::process::Command::new("pdftotext")
        .args([out.join("LKIP-2024-tabel.pdf").display().to_string(), "-".into()])
        .output()
        .expect("pdftotext (poppler-utils) is installed; .ci/run installs it");
    let text = String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    let d = kinerja::embedded::dataset().unwrap();
    for t in d.report_tables.iter().filter(|t| t.year == 2024) {
        let words: String = format!("Tabel {} {}", t.id, t.title).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&words), "the PDF holds '{words}'");
    }
    assert!(text.contains("12.785.258.830"), "total pagu 2024");
    assert!(text.contains("Lampiran"), "findings appendix");
    assert!(text.contains("08********63") && !text.contains("081212011963"), "telephone numbers masked in the PDF");

    // The workbook, one sheet per table and the year's notes and awards, opens with a standard
    // reader.
    let mut book: Xlsx<_> = calamine::open_workbook(out.join("LKIP-2024-tabel.xlsx")).unwrap();
    assert_eq!(book.sheet_names().len(), 25 + 2);
    let range = book.worksheet_range("Tabel 3.19").unwrap();
    assert!(range.rows().any(|r| r.contains(&Data::Float(12_785_258_830.0))));
    // The reference report, Bab III B (Nilai AKIP), "B. Kendala" item 2, and its award.
    let notes = book.worksheet_range("Catatan").unwrap();
    let kendala = notes
        .rows()
        .find(|r| {
            r.iter().any(|c| {
                *c == Data::String(
                    "Belum optimalnya pemeriksaan berkala pada dokumen-dokumen SAKIP dari pimpinan.".into(),
                )
            })
        })
        .expect("the IKU1 constraint");
    assert!(kendala[0].to_string().starts_with("IKU1 ") && kendala[1] == Data::String("kendala".into()), "{kendala:?}");
    assert_eq!(kendala[2], Data::Float(2.0));
    let awards = book.worksheet_range("Penghargaan").unwrap();
    assert!(awards.rows().any(|r| r.contains(&Data::String("PT Bintang Professional Indonesia".into()))));

    // A PNG and an SVG per chart; each PNG decodes and is not blank.
    let charts = all_charts(&d, &Settings::default(), 2024, Lang::Id);
    for c in charts {
        let img = image::open(out.join(format!("grafik/{}.png", c.id))).unwrap().to_rgb8();
        assert!(img.pixels().any(|p| p.0 != [255, 255, 255]), "{} is not blank", c.id);
        assert!(out.join(format!("grafik/{}.svg", c.id)).exists());
    }

    // Running again without --force changes nothing and says so.
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["export", "--out", &out.display().to_string(), "--db", &db])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
}
