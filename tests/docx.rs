//! The LKIP as a Word document, read back from its parts: the chapters as Heading styles, the
//! TOC field, the report's tables as Word tables with repeated header rows and whole amounts,
//! the charts as images, the office's text as paragraphs and lists, the page set-up and numbers.

use kinerja::calc::layout::layout;
use kinerja::calc::Settings;
use kinerja::domain::{Block, IkuPart, SectionKey};
use kinerja::export::{lkip_docx, lkip_files_with};
use kinerja::report::lkip::build_lkip;
use kinerja::report::TableOptions;
use quick_xml::events::Event;
use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

const NBSP: char = '\u{a0}';

/// The office's text used here: a paragraph, a numbered list counting from 1, a list written
/// with marks that do not count and bullets.
fn narrative(key: &SectionKey) -> Vec<Block> {
    match key {
        SectionKey::KataPengantar => vec![
            Block::Paragraph("Puji syukur kami panjatkan atas tersusunnya laporan ini.".into()),
            Block::Numbered(vec![("1.".into(), "Pertama;".into()), ("2.".into(), "Kedua.".into())]),
        ],
        SectionKey::Iku { indicator, part: IkuPart::Kendala } if indicator == "IKU2" => vec![
            Block::Numbered(vec![("1.".into(), "Data terlambat;".into()), ("3.".into(), "Data kurang.".into())]),
            Block::Bullets(vec!["satu".into(), "dua".into()]),
        ],
        _ => Vec::new(),
    }
}

/// The parts of the 2024 document, by name.
fn parts() -> &'static HashMap<String, Vec<u8>> {
    static PARTS: OnceLock<HashMap<String, Vec<u8>>> = OnceLock::new();
    PARTS.get_or_init(|| {
        let d = kinerja::embedded::dataset().unwrap();
        let doc = build_lkip(&d, &Settings::default(), 2024, TableOptions::default(), &narrative);
        let bytes = lkip_docx(&doc).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut out = HashMap::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            out.insert(f.name().to_string(), data);
        }
        out
    })
}

fn part(name: &str) -> String {
    String::from_utf8(parts().get(name).unwrap_or_else(|| panic!("no part {name}")).clone()).unwrap()
}

/// A paragraph of the body: its style and text.
#[derive(Debug, Default, Clone)]
struct Para {
    style: String,
    text: String,
    numbered: bool,
}

/// A cell: its text, whether it is bold and whether it may wrap.
#[derive(Debug, Default, Clone)]
struct CellXml {
    text: String,
    bold: bool,
    no_wrap: bool,
    right: bool,
}

#[derive(Debug, Default, Clone)]
struct RowXml {
    header: bool,
    cells: Vec<CellXml>,
}

/// The body read in order: paragraphs outside tables, and tables with the paragraph before each
/// (its caption).
#[derive(Debug, Default)]
struct Body {
    paras: Vec<Para>,
    tables: Vec<(String, Vec<RowXml>)>,
    instr: Vec<String>,
    drawings: usize,
}

fn attr(e: &quick_xml::events::BytesStart, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.as_ref() == name).map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// Reads the document part; quick-xml refuses a part whose end tags do not match their start.
fn body() -> &'static Body {
    static BODY: OnceLock<Body> = OnceLock::new();
    BODY.get_or_init(|| {
        let xml = part("word/document.xml");
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut b = Body::default();
        let (mut depth_tbl, mut in_instr, mut in_t) = (0, false, false);
        let mut para = Para::default();
        let mut rows: Vec<RowXml> = Vec::new();
        let mut row = RowXml::default();
        let mut cell = CellXml::default();
        let mut last_caption = String::new();
        let mut depth = 0i32;
        loop {
            let event = reader.read_event().unwrap_or_else(|e| panic!("document.xml is not well-formed: {e}"));
            match &event {
                Event::Start(e) => {
                    depth += 1;
                    match e.name().as_ref() {
                        b"w:tbl" => {
                            depth_tbl += 1;
                            rows.clear();
                        }
                        b"w:tr" => row = RowXml::default(),
                        b"w:tc" => cell = CellXml::default(),
                        b"w:p" => para = Para::default(),
                        b"w:t" => in_t = true,
                        b"w:instrText" => {
                            in_instr = true;
                            b.instr.push(String::new());
                        }
                        b"w:drawing" => b.drawings += 1,
                        _ => {}
                    }
                }
                Event::Empty(e) => match e.name().as_ref() {
                    b"w:pStyle" => para.style = attr(e, b"w:val").unwrap_or_default(),
                    b"w:numPr" => para.numbered = true,
                    b"w:tblHeader" => row.header = true,
                    b"w:noWrap" => cell.no_wrap = true,
                    b"w:b" if depth_tbl > 0 => cell.bold = true,
                    b"w:jc" if depth_tbl > 0 && attr(e, b"w:val").as_deref() == Some("right") => cell.right = true,
                    b"w:numId" => para.numbered = true,
                    // A tab in a run (a tab stop of the paragraph's properties has attributes).
                    b"w:tab" if e.attributes().next().is_none() => para.text.push('\t'),
                    _ => {}
                },
                Event::Text(t) => {
                    let text = t.decode().unwrap().into_owned();
                    if in_t {
                        para.text.push_str(&text);
                        if depth_tbl > 0 {
                            cell.text.push_str(&text);
                        }
                    }
                    if in_instr {
                        b.instr.last_mut().unwrap().push_str(&text);
                    }
                }
                Event::GeneralRef(r) => {
                    let raw: &[u8] = r;
                    let c = match raw {
                        _ if r.is_char_ref() => r.resolve_char_ref().unwrap().unwrap(),
                        b"amp" => '&',
                        b"lt" => '<',
                        b"gt" => '>',
                        b"quot" => '"',
                        b"apos" => '\'',
                        other => panic!("unknown entity {}", String::from_utf8_lossy(other)),
                    };
                    if in_t {
                        para.text.push(c);
                        if depth_tbl > 0 {
                            cell.text.push(c);
                        }
                    }
                    if in_instr {
                        b.instr.last_mut().unwrap().push(c);
                    }
                }
                Event::End(e) => {
                    depth -= 1;
                    match e.name().as_ref() {
                        b"w:t" => in_t = false,
                        b"w:instrText" => in_instr = false,
                        b"w:p" if depth_tbl == 0 => {
                            if para.style == "Caption" {
                                last_caption = para.text.clone();
                            }
                            b.paras.push(para.clone());
                        }
                        b"w:tc" => row.cells.push(cell.clone()),
                        b"w:tr" => rows.push(row.clone()),
                        b"w:tbl" => {
                            depth_tbl -= 1;
                            b.tables.push((last_caption.clone(), rows.clone()));
                            last_caption.clear();
                        }
                        _ => {}
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(depth, 0, "every element of document.xml is closed");
        b
    })
}

#[test]
fn chapters_are_word_headings_and_the_toc_is_a_field() {
    let b = body();
    for chapter in [
        "KATA PENGANTAR",
        "IKHTISAR EKSEKUTIF",
        "DAFTAR ISI",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
        "LAMPIRAN",
    ] {
        assert!(
            b.paras.iter().any(|p| p.style == "Heading1" && p.text == chapter),
            "{chapter} is a Heading 1 paragraph"
        );
    }
    for section in [
        "A. Latar Belakang",
        "B. Tugas, Fungsi, Wewenang dan Sumber Daya Organisasi",
        "C. Kegiatan dan Layanan Produk Organisasi",
        "D. Sistematika Penyajian",
        "A. Rencana Strategis",
        "B. Perjanjian Kinerja Tahun 2024",
        "A. Capaian Kinerja Organisasi",
        "B. Analisis Capaian Indikator Kinerja Utama",
        "C. Akuntabilitas Anggaran",
    ] {
        assert!(b.paras.iter().any(|p| p.style == "Heading2" && p.text == section), "{section} is a Heading 2");
    }
    // One analysis per IKU of 2024 (indicators.csv), with the report's names.
    for iku in [
        "IKU 1: Nilai AKIP Diskopukm",
        "IKU 2: Persentase Peningkatan Volume Usaha Koperasi",
        "IKU 3: Persentase Peningkatan Volume Usaha UMKM",
        "Prestasi dan Penghargaan",
    ] {
        assert!(b.paras.iter().any(|p| p.style == "Heading3" && p.text == iku), "{iku} is a Heading 3");
    }
    // The styles are Word's headings: named so, with their outline level for the navigation pane.
    let styles = part("word/styles.xml");
    for (id, name, level) in [("Heading1", "heading 1", 0), ("Heading2", "heading 2", 1), ("Heading3", "heading 3", 2)]
    {
        let start = styles.find(&format!("w:styleId=\"{id}\"")).unwrap_or_else(|| panic!("style {id}"));
        let style = &styles[start..start + styles[start..].find("</w:style>").unwrap()];
        assert!(style.contains(&format!("<w:name w:val=\"{name}\"")), "{style}");
        assert!(style.contains(&format!("<w:outlineLvl w:val=\"{level}\"")), "{style}");
    }
    let toc: Vec<&String> = b.instr.iter().filter(|i| i.trim_start().starts_with("TOC")).collect();
    assert_eq!(toc.len(), 1, "{:?}", b.instr);
    assert!(toc[0].contains("\\o \"1-3\""), "{}", toc[0]);
    // The field comes after the DAFTAR ISI heading and before Bab I.
    let xml = part("word/document.xml");
    let (toc_at, daftar, bab1) =
        (xml.find("TOC \\o").unwrap(), xml.find(">DAFTAR ISI<").unwrap(), xml.rfind(">BAB I PENDAHULUAN<").unwrap());
    assert!(daftar < toc_at && toc_at < bab1);
    // Its entries are written in, linked to their headings, for a reader that does not update
    // fields; Word fills in the pages when the document opens (the field is dirty).
    assert!(b.paras.iter().any(|p| p.style == "ToC1" && p.text.starts_with("BAB III AKUNTABILITAS KINERJA")));
    assert!(b.paras.iter().any(|p| p.style == "ToC3" && p.text.starts_with("IKU 2: ")));
    assert!(!b.paras.iter().any(|p| p.style.starts_with("ToC") && p.text.contains("Kendala")), "no Heading 4");
    assert!(xml.contains("w:fldCharType=\"begin\" w:dirty=\"true\""));
    assert!(xml.contains("PAGEREF _Toc00000003 \\h") && xml.contains("w:name=\"_Toc00000003\""));
}

#[test]
fn every_table_of_the_layout_in_order_with_its_caption_and_a_repeated_header() {
    let d = kinerja::embedded::dataset().unwrap();
    let b = body();
    let captions: Vec<&str> = b.tables.iter().map(|(c, _)| c.as_str()).filter(|c| c.starts_with("Tabel ")).collect();
    let expected: Vec<String> = layout(&d, 2024).iter().map(|t| format!("Tabel {} {}", t.id, t.title)).collect();
    assert_eq!(captions, expected);
    assert_eq!(expected.len(), 25, "tables 1.1–1.2, 2.1–2.3, 3.1–3.20 of the reference");
    for (caption, rows) in &b.tables {
        if caption.is_empty() {
            // The signatures: the place and date, then a row per line of the two sides.
            assert_eq!(rows[0].cells[1].text, "Bekasi, ........................ 2024");
            assert!(rows.iter().any(|r| r.cells[0].text == "Wali Kota Bekasi"));
            continue;
        }
        assert!(rows[0].header, "{caption}: the header row repeats on each page");
        assert!(rows.iter().skip(1).all(|r| !r.header), "{caption}: one header row");
    }
    // The appendix: the agreement again, and the Rencana Aksi of the three IKU (target and
    // realisation rows each).
    let aksi = b.tables.iter().find(|(c, _)| c.starts_with("Rencana Aksi")).unwrap();
    assert_eq!(aksi.1.len(), 1 + 3 * 2);
    assert_eq!(aksi.1[1].cells[1].text, "Nilai AKIP Diskopukm");
    // Target 2024 75,80 and realisasi 78,19 (Tabel 3.1 of the reference).
    let number = |t: &str| t.replace('.', "").replace(',', ".").parse::<f64>().unwrap();
    assert_eq!(number(&aksi.1[1].cells.last().unwrap().text), 75.8);
    assert_eq!(number(&aksi.1[2].cells.last().unwrap().text), 78.19);
    assert!(b.tables.iter().any(|(c, _)| c.starts_with("Perjanjian Kinerja Dinas Koperasi")));
}

/// The row of `table` whose cell `label` is there.
fn row_of<'a>(table: &str, label: &str) -> &'a RowXml {
    let (_, rows) = body().tables.iter().find(|(c, _)| c.starts_with(&format!("{table} "))).unwrap();
    rows.iter().find(|r| r.cells.iter().any(|c| c.text == label)).unwrap_or_else(|| panic!("{table}: no {label}"))
}

#[test]
fn totals_are_bold_whole_and_right_aligned() {
    // Tabel 3.10: the five programmes supporting IKU2 in the reference, pagu 76.355.000 +
    // 343.380.000 + 200.000.000 + 275.000.000 + 40.000.000 = 934.735.000, realisasi 71.250.000 +
    // 295.840.000 + 182.135.800 + 238.932.000 + 36.009.000 = 824.166.800 (the figure issue 13
    // quotes from the table, where the text printed 752.916.800); 824.166.800 / 934.735.000 =
    // 88,17 %.
    let total = row_of("Tabel 3.10", "Jumlah");
    let texts: Vec<String> = total.cells.iter().map(|c| c.text.clone()).collect();
    assert_eq!(
        texts[3..],
        [format!("Rp{NBSP}934.735.000"), format!("Rp{NBSP}824.166.800"), format!("88,17{NBSP}%")],
        "{texts:?}"
    );
    // Tabel 3.16: the two programmes of IKU3, pagu 1.884.454.300 + 1.194.767.182 = 3.079.221.482,
    // realisasi 1.707.401.740 + 1.144.310.500 = 2.851.712.240, serapan 92,61 % (the text printed
    // 98,46 %).
    let total = row_of("Tabel 3.16", "Jumlah");
    let texts: Vec<String> = total.cells.iter().map(|c| c.text.clone()).collect();
    assert_eq!(
        texts[3..],
        [format!("Rp{NBSP}3.079.221.482"), format!("Rp{NBSP}2.851.712.240"), format!("92,61{NBSP}%")],
        "{texts:?}"
    );
    for c in &total.cells[3..] {
        assert!(c.bold && c.right, "{c:?}");
    }
    assert!(total.cells[3].no_wrap && total.cells[4].no_wrap);
    // Tabel 3.19's TOTAL as the reference prints it: 12.785.258.830 and 11.002.960.494 (86,06 %).
    let total = row_of("Tabel 3.19", "TOTAL");
    assert!(total.cells.iter().any(|c| c.text == format!("Rp{NBSP}12.785.258.830") && c.bold && c.no_wrap));
    assert!(total.cells.iter().any(|c| c.text == format!("Rp{NBSP}11.002.960.494")));
}

#[test]
fn no_amount_can_be_split_from_its_currency() {
    for (caption, rows) in &body().tables {
        for cell in rows.iter().skip(1).flat_map(|r| &r.cells) {
            let t = &cell.text;
            if cell.right {
                assert!(!t.contains("Rp ") && !t.contains(" %"), "{caption}: {t:?} can break");
            }
            if t.contains(&format!("Rp{NBSP}")) {
                assert!(cell.no_wrap && cell.right, "{caption}: {t:?} wraps or is not right-aligned");
            }
        }
    }
}

#[test]
fn charts_are_images_at_print_resolution() {
    let media: Vec<(&String, &Vec<u8>)> =
        parts().iter().filter(|(n, _)| n.starts_with("word/media/") && !n.ends_with('/')).collect();
    assert!(media.len() >= 4, "{} charts", media.len());
    for (name, png) in &media {
        let img = image::load_from_memory(png).unwrap_or_else(|e| panic!("{name}: {e}"));
        // 16 cm wide at 1280 pixels: 203 dpi.
        assert_eq!((img.width(), img.height()), (1280, 720), "{name}");
    }
    let b = body();
    assert_eq!(b.drawings, media.len());
    let captions: Vec<&str> = b
        .paras
        .iter()
        .filter(|p| p.style == "Caption" && p.text.starts_with("Grafik"))
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(captions.len(), media.len());
    assert!(captions.iter().any(|c| c.starts_with("Grafik 3.1 ")), "{captions:?}");
    // Drawn 16 cm wide: 16 × 360 000 EMU.
    assert!(part("word/document.xml").contains("cx=\"5760000\""));
}

#[test]
fn the_office_text_is_paragraphs_and_lists() {
    let b = body();
    let at = b.paras.iter().position(|p| p.style == "Heading1" && p.text == "KATA PENGANTAR").unwrap();
    assert_eq!(b.paras[at + 1].text, "Puji syukur kami panjatkan atas tersusunnya laporan ini.");
    assert!(!b.paras[at + 1].numbered);
    // A list counting from 1 is Word's numbering; one whose marks skip keeps them as written.
    assert!(b.paras[at + 2].numbered && b.paras[at + 2].text == "Pertama;");
    assert!(b.paras[at + 3].numbered && b.paras[at + 3].text == "Kedua.");
    let kendala = b.paras.iter().position(|p| p.text == "3.\tData kurang.").unwrap();
    assert!(!b.paras[kendala].numbered);
    assert_eq!(b.paras[kendala - 1].text, "1.\tData terlambat;");
    assert!(b.paras[kendala + 1].numbered && b.paras[kendala + 1].text == "satu");
    // The part's heading is there because the office wrote it; IKU1 has no Kendala text here.
    let headings: Vec<&str> = b.paras.iter().filter(|p| p.style == "Heading4").map(|p| p.text.as_str()).collect();
    assert!(headings.contains(&"b. Kendala dan Penyebab Keberhasilan atau Kegagalan"), "{headings:?}");
    let numbering = part("word/numbering.xml");
    assert!(numbering.contains("w:val=\"lowerLetter\"") && numbering.contains("w:val=\"bullet\""));
}

#[test]
fn a4_portrait_with_margins_and_page_numbers() {
    let xml = part("word/document.xml");
    assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\""), "A4 portrait");
    // 3 cm left, 2 cm right, 2,5 cm top and bottom (in twips, 567 a centimetre).
    for margin in ["w:left=\"1701\"", "w:right=\"1134\"", "w:top=\"1417\"", "w:bottom=\"1417\""] {
        assert!(xml.contains(margin), "{margin}");
    }
    let footers: Vec<String> = parts().keys().filter(|n| n.starts_with("word/footer")).map(|n| part(n)).collect();
    assert!(footers.iter().any(|f| f.contains("PAGE")), "a page number in the footer");
    // The cover page has its own, empty footer.
    assert!(xml.contains("<w:titlePg"));
    // Tabel 2.2 (eleven columns of text) and Tabel 3.20 (four amounts and two percentages
    // beside the programme's name, too wide for the portrait page at 8 pt) have landscape pages
    // of their own: the sections that end after them are landscape, the others portrait.
    let landscape: Vec<usize> = xml.match_indices("w:orient=\"landscape\"").map(|(i, _)| i).collect();
    assert_eq!(landscape.len(), 2);
    let (t22, t23) = (xml.find(">Tabel 2.2 ").unwrap(), xml.find(">Tabel 2.3 ").unwrap());
    assert!(t22 < landscape[0] && landscape[0] < t23);
    // The heading, not its entry in the table of contents.
    let (t320, bab4) = (xml.find(">Tabel 3.20 ").unwrap(), xml.rfind(">BAB IV PENUTUP<").unwrap());
    assert!(t320 < landscape[1] && landscape[1] < bab4 && !xml[t320..landscape[1]].contains(">Grafik"));
}

#[test]
fn the_export_writes_the_docx() {
    let d = kinerja::embedded::dataset().unwrap();
    let text =
        |k: &SectionKey| if *k == SectionKey::Penutup { vec![Block::Paragraph("Demikian.".into())] } else { vec![] };
    let files =
        lkip_files_with(&d, &Settings::default(), 2024, TableOptions::default(), &text, &mut |_, _| true).unwrap();
    let (_, docx) = files.iter().find(|(n, _)| n == "LKIP-2024.docx").expect("LKIP-2024.docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx.clone())).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    // The heading (the last of the text; the first is the table of contents' entry), then the
    // text.
    let penutup = xml.rfind(">BAB IV PENUTUP<").unwrap();
    let lampiran = xml.rfind(">LAMPIRAN<").unwrap();
    assert!(xml[penutup..lampiran].contains(">Demikian.<"));
}

/// The export of the embedded 2024 dataset: the reference report's own text, its figures from
/// the data. The reference printed Rp 752.916.800 for the realisation of the programmes behind
/// IKU2 (Tabel 3.10: their rows add up to Rp 824.166.800) and a serapan of 98,46 % for IKU3
/// (Tabel 3.16: Rp 2.851.712.240 of Rp 3.079.221.482 is 92,61 %). The Word document and the
/// LKIP's PDF state the computed figures in the text and list both corrections in the appendix.
#[test]
fn the_reference_text_states_the_computed_figures_and_the_appendix_lists_the_corrections() {
    let d = kinerja::embedded::dataset().unwrap();
    let files =
        kinerja::export::lkip_files(&d, &Settings::default(), 2024, TableOptions::default(), &mut |_, _| true).unwrap();
    let (_, docx) = files.iter().find(|(n, _)| n == "LKIP-2024.docx").expect("LKIP-2024.docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx.clone())).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    // Text runs only: the words of the document without its markup.
    let text: String = xml.split('<').filter_map(|p| p.split_once('>').map(|(_, t)| t)).collect();
    let text = text.replace(NBSP, " ");
    let appendix = text.rfind("Lampiran 3. Koreksi atas Angka dalam Laporan Tahun 2024").expect("the appendix");
    let (body, appendix) = text.split_at(appendix);
    assert!(
        body.contains(
            "Rp 824.166.800 (delapan ratus dua puluh empat juta seratus enam puluh enam ribu delapan ratus rupiah)"
        ),
        "3.10's text"
    );
    assert!(body.contains("92,61 %"), "3.16's text");
    assert!(!body.contains("98,46"), "the printed serapan is not stated");
    assert!(appendix.contains("tercetak Rp. 752.916.800,-, dalam dokumen ini Rp 824.166.800."), "{appendix}");
    assert!(appendix.contains("tercetak 98.46%, dalam dokumen ini 92,61 %."), "{appendix}");

    // The same in the LKIP's PDF, read back as a person would copy it.
    let (_, pdf) = files.iter().find(|(n, _)| n == "LKIP-2024.pdf").expect("LKIP-2024.pdf");
    assert!(pdf.len() <= 1_500_000, "{} bytes", pdf.len());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("LKIP-2024.pdf");
    std::fs::write(&path, pdf).unwrap();
    let Ok(out) = std::process::Command::new("pdftotext").arg(&path).arg("-").output() else {
        eprintln!("pdftotext is not installed (poppler-utils): the PDF's text is not read back");
        return;
    };
    let words = String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("BAB III AKUNTABILITAS KINERJA"), "the chapters");
    assert!(words.contains("Rp 824.166.800 (delapan ratus dua puluh empat juta"), "3.10's text");
    assert!(words.contains("Koreksi atas Angka dalam Laporan Tahun 2024"), "the appendix");
}
