//! The LKIP tables of a year as one printable A4 PDF: every standard table in the report's order
//! and numbering with its title and source, the consistency findings as an appendix, and the
//! main charts, with page numbers. Built with genpdf (pure Rust, on printpdf), with the embedded
//! DejaVu Sans so that the result does not depend on installed fonts.

use crate::calc::check::CheckReport;
use crate::format::Lang;
use crate::report::{cell_text, figure_text};
use crate::report::{Cell, ColumnKind, RowKind, TableView};
use genpdf::elements::{Break, FrameCellDecorator, Image, LinearLayout, PageBreak, Paragraph, TableLayout};
use genpdf::fonts::{FontData, FontFamily};
use genpdf::style::Style;
use genpdf::{Alignment, Document, Element, SimplePageDecorator};

/// Why the PDF could not be made.
#[derive(Debug, thiserror::Error)]
#[error("the PDF could not be made: {0}")]
pub struct PdfError(String);

fn err<E: std::fmt::Display>(e: E) -> PdfError {
    PdfError(e.to_string())
}

const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

fn fonts() -> Result<FontFamily<FontData>, PdfError> {
    let regular = FontData::new(crate::embedded::FONT_TTF.to_vec(), None).map_err(err)?;
    let bold = FontData::new(BOLD_TTF.to_vec(), None).map_err(err)?;
    Ok(FontFamily { regular: regular.clone(), bold: bold.clone(), italic: regular, bold_italic: bold })
}

fn weight(c: &crate::report::Column) -> usize {
    match c.kind {
        ColumnKind::Text if c.key == "no" || c.key == "kode" || c.key == "tahun" => 1,
        ColumnKind::Text => 4,
        ColumnKind::Money => 3,
        _ => 2,
    }
}

/// The text of a cell in the document: the printed figure, and the recomputation beside it
/// where the two disagree.
fn pdf_cell(cell: &Cell, kind: ColumnKind) -> String {
    let shown = cell_text(cell, kind, Lang::Id);
    match cell {
        Cell::Figure { computed: Some(c), .. } if cell.disagrees() => {
            format!("{shown} [hitung: {}]", figure_text(c.round_dp(2), kind, Lang::Id))
        }
        Cell::Verdict { computed: Some(c), .. } if cell.disagrees() => format!("{shown} [hitung: {c}]"),
        _ => shown,
    }
}

fn table_element(t: &TableView) -> Result<TableLayout, PdfError> {
    let mut table = TableLayout::new(t.columns.iter().map(weight).collect());
    table.set_cell_decorator(FrameCellDecorator::new(true, true, false));
    let header = Style::new().bold().with_font_size(7);
    let mut row = table.row();
    for c in &t.columns {
        row.push_element(Paragraph::new(c.label.clone()).styled(header).padded(1));
    }
    row.push().map_err(err)?;
    for r in &t.rows {
        let style = if r.kind == RowKind::Normal {
            Style::new().with_font_size(7)
        } else {
            Style::new().bold().with_font_size(7)
        };
        let mut row = table.row();
        for (cell, c) in r.cells.iter().zip(&t.columns) {
            let mut text = pdf_cell(cell, c.kind);
            if c.kind == ColumnKind::Text && r.level > 0 && c.key != "no" && c.key != "kode" {
                text = format!("{}{text}", "  ".repeat(r.level as usize));
            }
            let align = if c.kind == ColumnKind::Text { Alignment::Left } else { Alignment::Right };
            row.push_element(Paragraph::new(text).aligned(align).styled(style).padded(1));
        }
        row.push().map_err(err)?;
    }
    Ok(table)
}

/// The document's bytes.
pub fn lkip_pdf(
    office: &str,
    year: crate::domain::Year,
    tables: &[TableView],
    check: &CheckReport,
    charts: &[(String, Vec<u8>)],
) -> Result<Vec<u8>, PdfError> {
    let mut doc = Document::new(fonts()?);
    doc.set_title(format!("Tabel LKIP {year} — {office}"));
    doc.set_paper_size(genpdf::PaperSize::A4);
    doc.set_font_size(9);
    let mut decorator = SimplePageDecorator::new();
    decorator.set_margins(12);
    let header_office = office.to_string();
    decorator.set_header(move |page| {
        Paragraph::new(format!("{header_office} — LKIP {year} — Halaman {page}"))
            .aligned(Alignment::Right)
            .styled(Style::new().with_font_size(7))
    });
    doc.set_page_decorator(decorator);

    doc.push(
        Paragraph::new(format!("Tabel-tabel Laporan Kinerja Tahun {year}"))
            .styled(Style::new().bold().with_font_size(16)),
    );
    doc.push(Paragraph::new(office.to_string()).styled(Style::new().with_font_size(12)));
    doc.push(Paragraph::new(
        "Setiap angka ditulis sebagaimana dicetak dalam laporan; bila hasil hitung ulang Kinerja berbeda, hasil hitung ditulis di sampingnya dalam tanda [hitung: …]. Daftar perbedaan ada di Lampiran.",
    ).styled(Style::new().with_font_size(8)));
    doc.push(Break::new(1));
    for t in tables {
        let mut block = LinearLayout::vertical();
        block.push(Paragraph::new(t.heading()).styled(Style::new().bold().with_font_size(10)));
        block.push(Break::new(0.3));
        doc.push(block);
        doc.push(table_element(t)?);
        if !t.source.is_empty() {
            doc.push(Paragraph::new(format!("Sumber: {}", t.source)).styled(Style::new().italic().with_font_size(7)));
        }
        doc.push(Break::new(1.2));
    }
    doc.push(PageBreak::new());
    doc.push(Paragraph::new("Lampiran: Temuan pemeriksaan konsistensi").styled(Style::new().bold().with_font_size(12)));
    if check.findings.is_empty() {
        doc.push(Paragraph::new("Tidak ada temuan: setiap angka tercetak sesuai dengan hasil hitung ulang."));
    }
    for (i, f) in check.findings.iter().enumerate() {
        // The LKIP is an Indonesian document: its appendix is Indonesian whatever the window shows.
        let lang = crate::format::Lang::Id;
        doc.push(
            Paragraph::new(format!("{}. {}", i + 1, crate::text::finding(f, lang)))
                .styled(Style::new().with_font_size(8)),
        );
        doc.push(
            Paragraph::new(format!("    Cara hitung: {}", crate::text::formula(&f.formula, lang)))
                .styled(Style::new().italic().with_font_size(7)),
        );
    }
    if !charts.is_empty() {
        doc.push(PageBreak::new());
        doc.push(Paragraph::new("Grafik").styled(Style::new().bold().with_font_size(12)));
        for (title, png) in charts {
            doc.push(Paragraph::new(title.clone()).styled(Style::new().bold().with_font_size(9)));
            let image = Image::from_reader(std::io::Cursor::new(png.clone())).map_err(err)?;
            doc.push(image.with_alignment(Alignment::Center));
            doc.push(Break::new(1));
        }
    }
    let mut out = Vec::new();
    doc.render(&mut out).map_err(err)?;
    Ok(out)
}
