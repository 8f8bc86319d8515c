//! The whole LKIP export of a year: the LKIP itself as a Word document, the tables as one PDF and
//! one workbook, and every chart as PNG and SVG.

use crate::calc::check::check;
use crate::calc::layout::layout;
use crate::calc::Settings;
use crate::domain::{Block, Dataset, SectionKey, Year};
use crate::format::Lang;
use crate::report::charts::{all_charts, ChartSpec};
use crate::report::lkip::build_lkip;
use crate::report::{build_table, TableOptions};

/// The charts the PDF shows.
const PDF_CHARTS: [&str; 4] = ["capaian-iku", "akip", "anggaran-program", "serapan-program"];

/// One file of the export: its path inside the export folder and its bytes.
pub type ExportFile = (String, Vec<u8>);

/// Why [`lkip_files`] stopped when its `progress` asked it to.
pub const CANCELLED: &str = "dibatalkan";

/// The office's text of a section of the LKIP (empty: none written).
pub type Narrative<'a> = &'a dyn Fn(&SectionKey) -> Vec<Block>;

/// Builds every file; `progress` hears the fraction done and what is being made, and answers
/// whether to go on (`false` stops the work with [`CANCELLED`]).
pub fn lkip_files(
    d: &Dataset,
    s: &Settings,
    year: Year,
    opts: TableOptions,
    progress: &mut dyn FnMut(f32, &str) -> bool,
) -> Result<Vec<ExportFile>, String> {
    // The office's text of each section, its figures from the data. A stored text whose
    // references cannot be read (the import and the window refuse such a text; the checker
    // reports one) is not left out silently: the section says so.
    let narrative = |key: &SectionKey| match crate::text::narrative::render_section(d, s, year, key, Lang::Id) {
        Ok(blocks) => blocks,
        Err(errors) => vec![Block::Paragraph(format!(
            "[Teks bagian ini tidak dapat ditampilkan: {}]",
            errors.iter().map(|e| crate::text::narrative::syntax_error(e, Lang::Id)).collect::<Vec<_>>().join("; ")
        ))],
    };
    lkip_files_with(d, s, year, opts, &narrative, progress)
}

/// [`lkip_files`] with the office's text of each section from `narrative`.
pub fn lkip_files_with(
    d: &Dataset,
    s: &Settings,
    year: Year,
    opts: TableOptions,
    narrative: Narrative,
    progress: &mut dyn FnMut(f32, &str) -> bool,
) -> Result<Vec<ExportFile>, String> {
    // The Word document's charts are drawn on a thread of their own meanwhile (the machine has
    // two cores); a cancelled export leaves the thread to finish its few charts and drops them.
    let document = build_lkip(d, s, year, opts, narrative);
    let specs: Vec<ChartSpec> = document.charts().map(|(_, spec)| spec.clone()).collect();
    let docx_charts = std::thread::spawn(move || super::docx_chart_pngs(&specs));
    let mut files = Vec::new();
    let mut tables = Vec::new();
    let ids: Vec<String> = layout(d, year).into_iter().map(|t| t.id).collect();
    for (i, id) in ids.iter().enumerate() {
        if !progress(0.3 * i as f32 / ids.len().max(1) as f32, &format!("Tabel {id}")) {
            return Err(CANCELLED.into());
        }
        // A table without data for the year is left out of the document, not an error.
        if let Ok(t) = build_table(d, s, id, year, opts) {
            tables.push(t);
        }
    }
    if tables.is_empty() {
        return Err(format!("tidak ada tabel yang berisi data untuk tahun {year}"));
    }
    if !progress(0.35, "grafik") {
        return Err(CANCELLED.into());
    }
    let charts = all_charts(d, s, year, Lang::Id);
    for (i, c) in charts.iter().enumerate() {
        if !progress(0.35 + 0.35 * i as f32 / charts.len().max(1) as f32, &c.title) {
            return Err(CANCELLED.into());
        }
        if c.is_empty() {
            continue;
        }
        let png = super::chart_png(c, 1600, 900, 1.0, Lang::Id).map_err(|e| e.to_string())?;
        let svg = super::chart_svg(c, 1600, 900, Lang::Id).map_err(|e| e.to_string())?;
        files.push((format!("grafik/{}.svg", c.id), svg.into_bytes()));
        files.push((format!("grafik/{}.png", c.id), png));
    }
    // The document draws the main charts itself, as vector graphics at the size they stand.
    let pdf_charts: Vec<&crate::report::charts::ChartSpec> =
        charts.iter().filter(|c| !c.is_empty() && PDF_CHARTS.contains(&c.id.as_str())).collect();
    if !progress(0.75, "XLSX") {
        return Err(CANCELLED.into());
    }
    let book = super::lkip_xlsx(d, year, &tables).map_err(|e| e.to_string())?;
    files.push((format!("LKIP-{year}-tabel.xlsx"), book));
    if !progress(0.85, "PDF") {
        return Err(CANCELLED.into());
    }
    let report = check(d, s, Some(year));
    let pdf = super::lkip_pdf(d, year, &tables, &report, &pdf_charts).map_err(|e| e.to_string())?;
    files.push((format!("LKIP-{year}-tabel.pdf"), pdf));
    if !progress(0.92, "DOCX") {
        return Err(CANCELLED.into());
    }
    let pngs = docx_charts
        .join()
        .map_err(|_| "grafik dokumen Word tidak dapat digambar".to_string())?
        .map_err(|e| e.to_string())?;
    let docx = super::lkip_docx_with_charts(&document, pngs).map_err(|e| e.to_string())?;
    files.push((format!("LKIP-{year}.docx"), docx));
    if !progress(0.96, "PDF LKIP") {
        return Err(CANCELLED.into());
    }
    files.push((format!("LKIP-{year}.pdf"), lkip_document_pdf(&document)?));
    if !progress(1.0, "selesai") {
        return Err(CANCELLED.into());
    }
    Ok(files)
}

/// The whole LKIP (the Word document's model) as a PDF, drawn by the same layout as the table
/// document.
pub fn lkip_document_pdf(document: &crate::report::lkip::LkipDocument) -> Result<Vec<u8>, String> {
    use super::PdfPart;
    use crate::report::lkip::Element;
    let parts: Vec<PdfPart> = document
        .elements
        .iter()
        .map(|e| match e {
            Element::Cover { title, subtitle } => PdfPart::Cover { title: title.clone(), subtitle: subtitle.clone() },
            // The PDF's layout has three heading levels; the IKU's parts (level 4) are its third.
            Element::Heading { level, text } => PdfPart::Heading { level: (*level).min(3), text: text.clone() },
            Element::Text(blocks) => PdfPart::Text(blocks.clone()),
            Element::Table(t) => PdfPart::Table(t),
            Element::Chart { caption, spec } => PdfPart::Chart { caption: caption.clone(), spec },
            Element::TableOfContents => PdfPart::TableOfContents,
            Element::Signatures { place_date, left, right } => {
                PdfPart::Signatures { place_date: place_date.clone(), left: left.clone(), right: right.clone() }
            }
            Element::PageBreak => PdfPart::PageBreak,
        })
        .collect();
    let title = format!("LKIP {} {}", document.office, document.year);
    super::render_pdf(&parts, &title, &title).map_err(|e| e.to_string())
}
