//! The LKIP PDF of the reference 2024 data read back as a reader sees it: every table's total
//! row with its amounts on one line (`pdftotext -layout`), the notes and awards where the report
//! has them, a compact file, and each face of the font embedded once and subset.

use kinerja::calc::Settings;
use kinerja::report::{build_table, cell_text, layout, RowKind, TableOptions};
use std::process::Command;

fn pdf_2024() -> Vec<u8> {
    let d = kinerja::embedded::dataset().unwrap();
    let files =
        kinerja::export::lkip_files(&d, &Settings::default(), 2024, TableOptions::default(), &mut |_, _| true).unwrap();
    files.into_iter().find(|(name, _)| name == "LKIP-2024-tabel.pdf").expect("the export writes the PDF").1
}

/// The text of the PDF as `pdftotext` lays it out, or `None` (with a message) where poppler's
/// tools are not installed (CI installs poppler-utils).
fn pdftotext(pdf: &[u8], layout: bool) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lkip.pdf");
    std::fs::write(&path, pdf).unwrap();
    let mut cmd = Command::new("pdftotext");
    if layout {
        cmd.arg("-layout");
    }
    match cmd.arg(&path).arg("-").output() {
        Ok(out) => {
            assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
            Some(String::from_utf8(out.stdout).unwrap())
        }
        Err(e) => {
            eprintln!("SKIPPED: pdftotext (poppler-utils) is not installed ({e}); the PDF's text is not read back");
            None
        }
    }
}

#[test]
fn every_total_row_stands_on_one_line_with_its_amounts() {
    let pdf = pdf_2024();
    let Some(text) = pdftotext(&pdf, true) else { return };
    let lines: Vec<&str> = text.lines().collect();
    let d = kinerja::embedded::dataset().unwrap();
    let mut checked = 0;
    for plan in layout(&d, 2024) {
        let t = build_table(&d, &Settings::default(), &plan.id, 2024, TableOptions::default()).unwrap();
        let heading = format!("Tabel {} ", t.id);
        let start = lines
            .iter()
            .position(|l| l.contains(&heading))
            .unwrap_or_else(|| panic!("the PDF has the heading of Tabel {}", t.id));
        for row in t.rows.iter().filter(|r| r.kind == RowKind::Total) {
            let texts: Vec<String> = row
                .cells
                .iter()
                .zip(&t.columns)
                .map(|(c, col)| cell_text(c, col.kind, kinerja::format::Lang::Id))
                .collect();
            let label = texts.iter().find(|s| !s.is_empty() && !s.chars().any(|c| c.is_ascii_digit())).unwrap();
            let figures: Vec<&String> = texts.iter().filter(|s| s.chars().any(|c| c.is_ascii_digit())).collect();
            let line = lines[start..]
                .iter()
                .find(|l| l.contains(label.as_str()) && figures.first().is_some_and(|f| l.contains(f.as_str())))
                .unwrap_or_else(|| panic!("Tabel {}: no line with '{label}' and {:?}", t.id, figures.first()));
            for f in &figures {
                assert!(line.contains(f.as_str()), "Tabel {}: '{f}' on the line of '{label}': {line:?}", t.id);
            }
            checked += 1;
        }
    }
    assert!(checked >= 8, "{checked} total rows");

    // The totals as the reference report prints them (Tabel 2.3 and 3.19 of the LKIP 2024).
    let line_with = |a: &str, b: &str| lines.iter().any(|l| l.contains(a) && l.contains(b));
    assert!(line_with("Rp 12.611.751.848", "Rp 12.785.258.830"), "Tabel 2.3 Total");
    let total_3_19 = lines.iter().any(|l| {
        l.contains("TOTAL")
            && l.contains("Rp 12.785.258.830")
            && l.contains("Rp 11.002.960.494")
            && l.contains("86,06 %")
    });
    assert!(total_3_19, "Tabel 3.19 TOTAL");
    // No `Rp` without its amount anywhere (the defect of the genpdf document: `Rp   Rp`): a
    // table's `Rp` is followed by its figure on the same line.
    for l in &lines {
        let words: Vec<&str> = l.split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            if *w == "Rp" {
                let next = words.get(i + 1).copied().unwrap_or("");
                assert!(!next.is_empty() && next != "Rp", "'Rp' without its amount: {l:?}");
            }
        }
    }
}

#[test]
fn notes_awards_and_follow_ups_are_in_the_document() {
    let pdf = pdf_2024();
    let Some(text) = pdftotext(&pdf, false) else { return };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // The reference report, Bab III B (Nilai AKIP), "B. Kendala" item 1, and its award.
    assert!(text
        .contains("Kurangnya SDM yang menyusun Dokumen SAKIP, Diskopukm belum memiliki Jabatan fungsional Perencana"));
    assert!(text.contains("Prestasi dan Penghargaan"));
    assert!(text.contains("PT Bintang Professional Indonesia"));
    // Tabel 3.4: the follow-up of the LHE's first recommendation.
    assert!(text.contains("Melakukan perbaikan dan penyelarasan pada dokumen Renstra terutama pada bab VI tabel 6.1"));
    // The kendala come after Tabel 3.6, the last table of IKU1, and before Tabel 3.7.
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s}"));
    assert!(at("Tabel 3.6 ") < at("Kurangnya SDM") && at("Kurangnya SDM") < at("Tabel 3.7 "));
}

#[test]
fn the_file_is_compact_and_each_face_is_embedded_once_and_subset() {
    let pdf = pdf_2024();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.len() <= 1_500_000, "{} bytes", pdf.len());
    let raw = String::from_utf8_lossy(&pdf);
    // Two faces (regular and bold), each one font program.
    assert_eq!(raw.matches("/FontFile2").count(), 2, "one font program per face");
    let names: std::collections::BTreeSet<&str> = raw
        .match_indices("/BaseFont /")
        .map(|(i, _)| raw[i + 11..].split([' ', '\n', '/', '>']).next().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    for name in &names {
        let (tag, family) = name.split_once('+').unwrap_or_else(|| panic!("{name} has a subset tag"));
        assert!(tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()), "{name}");
        assert!(family.starts_with("DejaVuSans"), "{name}");
    }
    // poppler agrees: embedded, subset, with a text map.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lkip.pdf");
    std::fs::write(&path, &pdf).unwrap();
    match Command::new("pdffonts").arg(&path).output() {
        Ok(out) => {
            let listing = String::from_utf8_lossy(&out.stdout);
            let fonts: Vec<&str> = listing.lines().skip(2).collect();
            assert_eq!(fonts.len(), 2, "{listing}");
            for f in fonts {
                assert!(f.contains("CID TrueType") && f.contains("yes yes yes"), "{f}");
            }
        }
        Err(e) => eprintln!("SKIPPED: pdffonts (poppler-utils) is not installed ({e})"),
    }
}

#[test]
fn the_document_marks_only_what_the_checker_reports() {
    use kinerja::report::Cell;
    let d = kinerja::embedded::dataset().unwrap();
    let report = kinerja::calc::check::check(&d, &Settings::default(), Some(2024));
    let mut marked = 0;
    for plan in layout(&d, 2024) {
        let t = build_table(&d, &Settings::default(), &plan.id, 2024, TableOptions::default()).unwrap();
        for row in &t.rows {
            for cell in &row.cells {
                if let Cell::Figure { reported: Some(r), .. } = cell {
                    if cell.disagrees() {
                        marked += 1;
                        let found = report.findings.iter().any(|f| f.table == t.id && f.reported == Some(*r));
                        assert!(found, "Tabel {} marks {r} ({}), which the checker accepts", t.id, row.subject);
                    }
                }
            }
        }
    }
    assert!(marked > 0);
    // Tabel 3.2 of the reference prints the 2023 capaian of Nilai AKIP as 108,58 %; the
    // recomputation (76,01 ÷ 70 × 100 = 108,5857…) agrees within the printed two decimals (the figure
    // is truncated), so neither the checker nor the document calls it a difference.
    let t = build_table(&d, &Settings::default(), "3.2", 2024, TableOptions::default()).unwrap();
    let cell = t
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .find(|c| matches!(c, Cell::Figure { reported: Some(r), .. } if r.to_string() == "108.58"))
        .expect("Tabel 3.2 holds 108,58");
    assert!(!cell.disagrees(), "{cell:?}");
    let Some(text) = pdftotext(&pdf_2024(), false) else { return };
    assert!(text.contains("108,58 %") && !text.contains("[hitung: 108,59 %]"));
}

#[test]
fn every_part_of_the_lkip_model_renders() {
    use kinerja::domain::Block;
    use kinerja::export::{render_pdf, PdfPart};
    let d = kinerja::embedded::dataset().unwrap();
    let t = build_table(&d, &Settings::default(), "3.19", 2024, TableOptions::default()).unwrap();
    let charts = kinerja::report::charts::all_charts(&d, &Settings::default(), 2024, kinerja::format::Lang::Id);
    let parts = vec![
        PdfPart::Cover { title: "LAPORAN KINERJA INSTANSI PEMERINTAH".into(), subtitle: "TAHUN 2024".into() },
        PdfPart::Heading { level: 1, text: "DAFTAR ISI".into() },
        PdfPart::TableOfContents,
        PdfPart::Heading { level: 1, text: "BAB I PENDAHULUAN".into() },
        PdfPart::Heading { level: 2, text: "A. Latar Belakang".into() },
        PdfPart::Text(vec![
            Block::Paragraph("Realisasi anggaran sebesar Rp 824.166.800 atau 92,61 % dari pagu.".into()),
            Block::Numbered(vec![("1.".into(), "Kurangnya SDM;".into()), ("2.".into(), "Belum optimal.".into())]),
            Block::Bullets(vec!["satu".into(), "dua".into()]),
        ]),
        PdfPart::PageBreak,
        PdfPart::Heading { level: 2, text: "C. Akuntabilitas Anggaran".into() },
        PdfPart::Table(&t),
        PdfPart::Chart { caption: "Grafik 3.1 Capaian IKU".into(), spec: &charts[0] },
        PdfPart::Heading { level: 1, text: "LAMPIRAN".into() },
        PdfPart::Signatures {
            place_date: "Bekasi, 2 Januari 2024".into(),
            left: vec!["PIHAK KEDUA".into(), String::new(), String::new(), "Nama Walikota".into()],
            right: vec!["PIHAK PERTAMA".into(), String::new(), String::new(), "Nama Kepala Dinas".into()],
        },
    ];
    let pdf = render_pdf(&parts, "LKIP 2024", "Kantor — LKIP 2024").unwrap();
    let Some(text) = pdftotext(&pdf, true) else { return };
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert!(pages[0].contains("LAPORAN KINERJA INSTANSI") && pages[0].contains("TAHUN 2024"));
    assert!(!pages[0].contains("Halaman"), "no header nor footer on the cover");
    // The contents list each heading with the page it stands on.
    let contents_line =
        |heading: &str| pages[1].lines().find(|l| l.contains(heading)).unwrap_or_else(|| panic!("{heading}"));
    let page_of = |needle: &str| pages.iter().position(|p| p.contains(needle)).unwrap() + 1;
    for heading in ["BAB I PENDAHULUAN", "A. Latar Belakang", "C. Akuntabilitas Anggaran", "LAMPIRAN"] {
        let number = page_of(&format!("{heading}\n")).to_string();
        assert!(contents_line(heading).trim_end().ends_with(&format!(" {number}")), "{heading} on page {number}");
    }
    assert!(text.contains("Rp 824.166.800") && text.contains("92,61 %"));
    assert!(text.contains("1. Kurangnya SDM;") && text.contains("• satu"));
    assert!(text.contains("Bekasi, 2 Januari 2024") && text.contains("Nama Kepala Dinas"));
    assert!(text.contains("Grafik 3.1 Capaian IKU"));
    assert!(text.contains("Halaman 2 dari"));
}
