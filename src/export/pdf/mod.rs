//! PDF documents of our own layout: pages and flow (`layout`), text wrapped without ever
//! cutting an amount (`wrap`), report tables with their header row on every page (`table`),
//! charts drawn as vector graphics at the size they are placed (`chart`), the two faces of
//! DejaVu Sans measured and embedded once each, subset (`font`), and the bytes (`write`).
//!
//! What a document holds is a list of [`Part`]s, the shapes of the LKIP document model
//! (cover, headings, the office's text, tables, charts, table of contents, signatures, page
//! breaks); [`render`] lays any such list out. [`lkip_pdf`] is the export's table document.

mod chart;
mod font;
mod layout;
mod table;
mod tables;
mod wrap;
mod write;

pub use tables::lkip_pdf;

use crate::domain::Block;
use crate::report::charts::ChartSpec;
use crate::report::TableView;

/// Why the PDF could not be made.
#[derive(Debug, thiserror::Error)]
#[error("the PDF could not be made: {0}")]
pub struct PdfError(String);

impl PdfError {
    fn new(message: impl Into<String>) -> PdfError {
        PdfError(message.into())
    }
}

/// One part of a document, in reading order.
#[derive(Clone, Debug)]
pub enum Part<'a> {
    /// A cover page: the title and, below it, the subtitle (its lines split at `\n`).
    Cover {
        title: String,
        subtitle: String,
    },
    /// Level 1 is a chapter (it starts a page), 2 a section, 3 a subsection.
    Heading {
        level: u8,
        text: String,
    },
    /// Paragraphs and lists.
    Text(Vec<Block>),
    /// A report table with its number and title above it and its source below.
    Table(&'a TableView),
    /// A chart across the page with its caption below.
    Chart {
        caption: String,
        spec: &'a ChartSpec,
    },
    /// The headings of level 1 and 2 that follow, with their page numbers.
    TableOfContents,
    /// Signatures side by side: the place and date above the right one.
    Signatures {
        place_date: String,
        left: Vec<String>,
        right: Vec<String>,
    },
    PageBreak,
}

/// The bytes of a document of `parts`: A4, with `header` at the top and the page number at the
/// foot of every page but the cover; `title` is the document's title for viewers.
pub fn render(parts: &[Part], title: &str, header: &str) -> Result<Vec<u8>, PdfError> {
    let mut fonts = font::Fonts::load()?;
    let (pages, headings) = {
        let mut l = layout::Layout::new(&fonts, header.to_string());
        for (i, part) in parts.iter().enumerate() {
            match part {
                Part::Cover { title, subtitle } => l.cover(title, subtitle),
                Part::Heading { level, text } => l.heading(*level, text),
                Part::Text(blocks) => {
                    l.orientation(false);
                    for b in blocks {
                        match b {
                            Block::Paragraph(p) => l.paragraph(p),
                            Block::Numbered(items) => l.list(items),
                            Block::Bullets(items) => {
                                let items: Vec<(String, String)> =
                                    items.iter().map(|t| ("•".to_string(), t.clone())).collect();
                                l.list(&items);
                            }
                        }
                    }
                }
                Part::Table(t) => table::table(&mut l, t),
                Part::Chart { caption, spec } => {
                    l.orientation(false);
                    let height = l.width() * 0.56;
                    chart::chart(&mut l, caption, spec, height)?;
                }
                Part::TableOfContents => {
                    l.orientation(false);
                    let entries: Vec<(u8, String)> = parts[i + 1..]
                        .iter()
                        .filter_map(|p| match p {
                            Part::Heading { level, text } => Some((*level, text.clone())),
                            _ => None,
                        })
                        .collect();
                    let first = l.headings.len();
                    l.table_of_contents(&entries, first);
                }
                Part::Signatures { place_date, left, right } => {
                    l.orientation(false);
                    l.signatures(place_date, left, right);
                }
                Part::PageBreak => l.page_break(),
            }
        }
        l.finish()
    };
    write::write(&pages, &headings, &mut fonts, title)
}
