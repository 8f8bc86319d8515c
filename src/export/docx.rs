//! The LKIP as a Word document (DOCX), written with docx-rs from the one document model
//! (`report::lkip`): real Heading 1–4 styles (Word's navigation pane and table of contents
//! follow them), a TOC field, the report's tables as Word tables, the charts as PNG at print
//! resolution, the office's text as editable paragraphs and lists, A4 portrait with the margins
//! of Indonesian official documents and the page number in the footer.
//!
//! docx-rs has no switch for two table properties the report needs, so they are added to the
//! document part between docx-rs building it and packing it ([`finish_tables`]): the header row
//! repeated on every page (`w:tblHeader`) and no wrapping in a cell that holds an amount in
//! rupiah (`w:noWrap`).

use super::chart::ChartError;
use crate::domain::Block;
use crate::format::Lang;
use crate::report::charts::ChartSpec;
use crate::report::lkip::{document_cell_text, Element, LkipDocument};
use crate::report::{ColumnKind, RowKind, TableView};
use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, FieldCharType, Footer, Hyperlink, HyperlinkType, IndentLevel,
    InstrPAGEREF, InstrText, InstrToC, Level, LevelJc, LevelOverride, LevelText, LineSpacing, LineSpacingType,
    NumberFormat, Numbering, NumberingId, PageMargin, PageNum, PageOrientationType, PageSize, Paragraph, Pic, Run,
    RunFonts, Section, Shading, ShdType, SpecialIndentType, Start, Style, StyleType, Tab, TabLeaderType, TabValueType,
    Table, TableCell, TableCellMargins, TableLayoutType, TableRow, VAlignType, WidthType,
};
use quick_xml::events::{BytesStart, Event};

/// Why the document could not be made.
#[derive(Debug, thiserror::Error)]
#[error("the Word document could not be made: {0}")]
pub struct DocxError(String);

fn err<E: std::fmt::Display>(e: E) -> DocxError {
    DocxError(e.to_string())
}

impl From<ChartError> for DocxError {
    fn from(e: ChartError) -> Self {
        err(e)
    }
}

/// Twips (1/20 pt) in a centimetre.
const CM: f64 = 566.93;
/// Centimetres in whole twips.
fn twips(cm: f64) -> i32 {
    (cm * CM).round() as i32
}

/// A4 portrait.
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
/// The margins of Indonesian official documents (tata naskah dinas): 3 cm on the left for the
/// binding, 2 cm on the right, 2,5 cm at the top and bottom.
const MARGIN_LEFT: f64 = 3.0;
const MARGIN_RIGHT: f64 = 2.0;
const MARGIN_TOP: f64 = 2.5;
const MARGIN_BOTTOM: f64 = 2.5;
/// The width between the margins: 16 cm.
const TEXT_WIDTH: usize = ((21.0 - MARGIN_LEFT - MARGIN_RIGHT) * CM + 0.5) as usize;
/// A table too wide for a portrait page even in small print (Tabel 2.2, eleven columns of
/// text) gets landscape pages of its own, 2,5 cm at the sides: 24,7 cm for the table.
const LANDSCAPE_SIDE: f64 = 2.5;
const LANDSCAPE_WIDTH: usize = ((29.7 - 2.0 * LANDSCAPE_SIDE) * CM + 0.5) as usize;

/// Body text: Arial 12 pt, 1,5 lines, as LKIPs are written.
const FONT: &str = "Arial";
const BODY_SIZE: usize = 24;
/// Table text in half-points: 9 pt, 8 pt in a table of more than eight columns (smaller when a
/// column's longest word does not fit, see [`table_layout`]).
const TABLE_SIZE: usize = 18;
const WIDE_TABLE_SIZE: usize = 16;
/// The smallest table text read comfortably, 8 pt; 7 pt only where a landscape page does not
/// fit either.
const READABLE_TABLE_SIZE: usize = 16;
const SMALLEST_TABLE_SIZE: usize = 14;
/// Space inside a table cell, left and right, in twips.
const CELL_PAD: usize = 85;

/// Charts are drawn at 640 × 360 points, twice over, and placed 16 cm wide: 1280 × 720 pixels
/// is 203 dpi, and the charts' 13-point labels come out at 9 pt on paper.
const CHART_WIDTH: u32 = 640;
const CHART_HEIGHT: u32 = 360;
const CHART_SCALE: f64 = 2.0;
/// EMU (English Metric Units) per centimetre.
const EMU_PER_CM: f64 = 360_000.0;

/// A no-break space: `Rp` stays with its amount, a figure with its `%`.
const NBSP: char = '\u{a0}';

/// Numbering definitions of the lists (abstract ids); docx-rs reserves 1 for its default.
const LIST_DECIMAL_DOT: usize = 10;
const LIST_DECIMAL_PAREN: usize = 11;
const LIST_LETTER_DOT: usize = 12;
const LIST_LETTER_PAREN: usize = 13;
const LIST_BULLET: usize = 14;

/// Space before and after a paragraph (twips) and its line height (240ths of a line, so that a
/// picture in the line makes it taller).
fn spacing(before: u32, after: u32, line: i32) -> LineSpacing {
    LineSpacing::new().before(before).after(after).line(line).line_rule(LineSpacingType::Auto)
}

fn styles(docx: Docx) -> Docx {
    let heading = |id: &str, name: &str, level: usize, size: usize| {
        let mut s = Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(size)
            .outline_lvl(level)
            .line_spacing(spacing(240, 120, 276));
        s.paragraph_property = s.paragraph_property.keep_next(true).keep_lines(true);
        s
    };
    let toc = |level: usize| {
        let mut s = Style::new(format!("ToC{level}"), StyleType::Paragraph)
            .name(format!("toc {level}"))
            .based_on("Normal")
            .next("Normal")
            .align(AlignmentType::Left)
            .indent(Some(((level - 1) * 400) as i32), None, None, None)
            .line_spacing(spacing(0, 60, 276));
        if level == 1 {
            s = s.bold();
        }
        s.paragraph_property = s
            .paragraph_property
            .add_tab(Tab::new().val(TabValueType::Right).leader(TabLeaderType::Dot).pos(TEXT_WIDTH));
        s
    };
    let mut caption = Style::new("Caption", StyleType::Paragraph)
        .name("caption")
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .bold()
        .size(20)
        .align(AlignmentType::Center)
        .line_spacing(spacing(200, 80, 240));
    caption.paragraph_property = caption.paragraph_property.keep_next(true);
    docx.add_style(
        Style::new("Normal", StyleType::Paragraph)
            .name("Normal")
            .q_format(true)
            .align(AlignmentType::Both)
            .line_spacing(spacing(0, 120, 360)),
    )
    .add_style(heading("Heading1", "heading 1", 0, 28).align(AlignmentType::Center))
    .add_style(heading("Heading2", "heading 2", 1, 24))
    .add_style(heading("Heading3", "heading 3", 2, 24))
    .add_style(heading("Heading4", "heading 4", 3, 24).italic())
    .add_style(caption)
    .add_style(
        Style::new("Sumber", StyleType::Paragraph)
            .name("Sumber Tabel")
            .based_on("Normal")
            .next("Normal")
            .italic()
            .size(16)
            .align(AlignmentType::Left)
            .line_spacing(spacing(40, 200, 240)),
    )
    .add_style(
        Style::new("IsiTabel", StyleType::Paragraph)
            .name("Isi Tabel")
            .based_on("Normal")
            .align(AlignmentType::Left)
            .line_spacing(spacing(0, 0, 240)),
    )
    .add_style(
        Style::new("Judul", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .bold()
            .size(36)
            .align(AlignmentType::Center)
            .line_spacing(spacing(0, 240, 300)),
    )
    .add_style(toc(1))
    .add_style(toc(2))
    .add_style(toc(3))
}

fn list_definitions(docx: Docx) -> Docx {
    let level = |format: &str, text: &str| {
        Level::new(0, Start::new(1), NumberFormat::new(format), LevelText::new(text), LevelJc::new("left")).indent(
            Some(567),
            Some(SpecialIndentType::Hanging(425)),
            None,
            None,
        )
    };
    docx.add_abstract_numbering(AbstractNumbering::new(LIST_DECIMAL_DOT).add_level(level("decimal", "%1.")))
        .add_abstract_numbering(AbstractNumbering::new(LIST_DECIMAL_PAREN).add_level(level("decimal", "%1)")))
        .add_abstract_numbering(AbstractNumbering::new(LIST_LETTER_DOT).add_level(level("lowerLetter", "%1.")))
        .add_abstract_numbering(AbstractNumbering::new(LIST_LETTER_PAREN).add_level(level("lowerLetter", "%1)")))
        .add_abstract_numbering(AbstractNumbering::new(LIST_BULLET).add_level(level("bullet", "\u{2022}")))
        .add_numbering(Numbering::new(LIST_BULLET, LIST_BULLET))
}

/// A list mark as written (`3.`, `b)`): which list definition numbers it that way, and its value.
fn list_mark(mark: &str) -> Option<(usize, usize)> {
    let (body, dot) = match mark.strip_suffix('.') {
        Some(b) => (b, true),
        None => (mark.strip_suffix(')')?, false),
    };
    if let Ok(n) = body.parse::<usize>() {
        return Some((if dot { LIST_DECIMAL_DOT } else { LIST_DECIMAL_PAREN }, n));
    }
    let mut chars = body.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_lowercase() => {
            Some((if dot { LIST_LETTER_DOT } else { LIST_LETTER_PAREN }, (c as u8 - b'a') as usize + 1))
        }
        _ => None,
    }
}

/// Arial's advance widths (thousandths of an em) for the printable ASCII characters, from
/// space to `~`; regular and bold. Liberation Sans, which LibreOffice uses for Arial, has the
/// same metrics.
const ARIAL: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
    556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
    260, 334, 584,
];
const ARIAL_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611,
    556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
    280, 389, 584,
];

/// The width of `text` in twips at `half_points`, from Arial's glyph widths, with a small
/// margin for what the estimate misses (kerning is ignored; it only narrows).
fn text_twips(text: &str, half_points: usize, bold: bool) -> usize {
    let table = if bold { &ARIAL_BOLD } else { &ARIAL };
    let em: u32 = text
        .chars()
        .map(|c| match c {
            ' '..='~' => u32::from(table[c as usize - 32]),
            NBSP => 278,
            _ => 600,
        })
        .sum();
    (em as f64 / 1000.0 * half_points as f64 * 10.0 * 1.04).ceil() as usize
}

/// The longest piece of `text` that a line cannot break (words split at spaces and after `-`
/// and `/`; a no-break space holds its two sides together).
fn longest_piece(text: &str, half_points: usize, bold: bool) -> usize {
    text.split([' ', '\n', '-', '/']).map(|w| text_twips(w, half_points, bold)).max().unwrap_or(0)
}

/// Column widths from content, filling the text width: every column at least as wide as its
/// longest unbreakable piece (a whole amount in rupiah), the room left shared by how much each
/// column's longest line would need. `false` with widths in proportion to the longest pieces
/// when even those do not fit.
fn column_widths(
    cells: &[Vec<(String, bool)>],
    columns: usize,
    half_points: usize,
    indents: &[usize],
    width: usize,
) -> (Vec<usize>, bool) {
    let pad = 2 * CELL_PAD + 20;
    let mut min = vec![pad; columns];
    let mut max = vec![pad; columns];
    for row in cells {
        for (i, (text, bold)) in row.iter().enumerate().take(columns) {
            let indent = indents.get(i).copied().unwrap_or(0);
            min[i] = min[i].max(longest_piece(text, half_points, *bold) + pad + indent);
            let longest_line = text.lines().map(|l| text_twips(l, half_points, *bold)).max().unwrap_or(0);
            max[i] = max[i].max(longest_line + pad + indent);
        }
    }
    let (sum_min, sum_max): (usize, usize) = (min.iter().sum(), max.iter().sum());
    if sum_max <= width {
        // Everything fits on one line: the spare room goes to the columns by their width.
        let spare = width - sum_max;
        return (max.iter().map(|m| m + spare * m / sum_max.max(1)).collect(), true);
    }
    if sum_min <= width {
        let spare = width - sum_min;
        let want: usize = sum_max - sum_min;
        return (min.iter().zip(&max).map(|(lo, hi)| lo + spare * (hi - lo) / want.max(1)).collect(), true);
    }
    (min.iter().map(|m| m * width / sum_min.max(1)).collect(), false)
}

/// How a table is laid out: its text size, its column widths and whether it needs a
/// landscape page.
struct TableLayout {
    size: usize,
    widths: Vec<usize>,
    landscape: bool,
}

/// The table's text size and column widths: 9 pt (8 pt for more than eight columns), smaller
/// while a column's longest word or amount would not fit whole, down to 8 pt; then the same on
/// a landscape page; then 7,5 and 7 pt, portrait first.
fn table_layout(cells: &[Vec<(String, bool)>], columns: usize, indents: &[usize]) -> TableLayout {
    let first = if columns > 8 { WIDE_TABLE_SIZE } else { TABLE_SIZE };
    let readable = (READABLE_TABLE_SIZE..=first).rev();
    let small = (SMALLEST_TABLE_SIZE..READABLE_TABLE_SIZE.min(first + 1)).rev();
    let tries = readable
        .clone()
        .map(|s| (s, false))
        .chain(readable.map(|s| (s, true)))
        .chain(small.clone().map(|s| (s, false)))
        .chain(small.map(|s| (s, true)));
    let mut last = None;
    for (size, landscape) in tries {
        let width = if landscape { LANDSCAPE_WIDTH } else { TEXT_WIDTH };
        let (widths, fits) = column_widths(cells, columns, size, indents, width);
        if fits {
            return TableLayout { size, widths, landscape };
        }
        last = Some(TableLayout { size, widths, landscape });
    }
    // Nothing fits: `last` is the landscape page at the smallest size, its columns in
    // proportion to their longest words.
    last.unwrap_or(TableLayout {
        size: SMALLEST_TABLE_SIZE,
        widths: vec![LANDSCAPE_WIDTH / columns.max(1); columns],
        landscape: true,
    })
}

/// A cell's text as the document prints it: amounts and percentages never broken from their
/// unit.
fn printed(text: String, kind: ColumnKind) -> String {
    match kind {
        ColumnKind::Money => text.replacen("Rp ", &format!("Rp{NBSP}"), 1),
        ColumnKind::Percent => text.replace(" %", &format!("{NBSP}%")),
        _ => text,
    }
}

/// `text` without the characters XML 1.0 cannot hold (control characters pasted into a text
/// would make the whole document unreadable to Word); a tab becomes a space.
fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' | '\r' => Some(c),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => None,
            c => Some(c),
        })
        .collect()
}

/// A run of `text` in the paragraph's style.
fn text_run(text: &str) -> Run {
    Run::new().add_text(clean(text))
}

fn run(text: &str, size: usize, bold: bool) -> Run {
    let mut r = Run::new().size(size);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        r = r.add_text(clean(line));
    }
    if bold {
        r = r.bold();
    }
    r
}

/// The table and whether it needs a landscape page.
fn table(t: &TableView) -> (Table, bool) {
    // The first text column that names things carries a tree's indentation.
    let tree_column = t
        .columns
        .iter()
        .position(|c| c.kind == ColumnKind::Text && !matches!(c.key.as_str(), "no" | "kode" | "bagian"));
    let indent_of = |level: u8, i: usize| if Some(i) == tree_column { level as usize * 170 } else { 0 };
    let header: Vec<(String, bool)> = t.columns.iter().map(|c| (c.label.clone(), true)).collect();
    let body: Vec<Vec<(String, bool)>> = t
        .rows
        .iter()
        .map(|r| {
            let bold = r.kind != RowKind::Normal;
            t.columns
                .iter()
                .zip(&r.cells)
                .map(|(c, cell)| (printed(document_cell_text(cell, c.kind), c.kind), bold))
                .collect()
        })
        .collect();
    let max_level = t.rows.iter().map(|r| r.level).max().unwrap_or(0);
    let indents: Vec<usize> = (0..t.columns.len()).map(|i| indent_of(max_level, i)).collect();
    let mut all = vec![header.clone()];
    all.extend(body.iter().cloned());
    let TableLayout { size, widths, landscape } = table_layout(&all, t.columns.len(), &indents);

    let mut rows = Vec::with_capacity(t.rows.len() + 1);
    let head_cells = header
        .iter()
        .zip(&widths)
        .map(|((text, _), w)| {
            TableCell::new()
                .width(*w, WidthType::Dxa)
                .vertical_align(VAlignType::Center)
                .shading(Shading::new().shd_type(ShdType::Clear).color("auto").fill("D9D9D9"))
                .add_paragraph(
                    Paragraph::new().style("IsiTabel").align(AlignmentType::Center).add_run(run(text, size, true)),
                )
        })
        .collect();
    rows.push(TableRow::new(head_cells).cant_split());
    for (r, texts) in t.rows.iter().zip(body) {
        let cells = t
            .columns
            .iter()
            .zip(texts)
            .zip(&widths)
            .enumerate()
            .map(|(i, ((c, (text, bold)), w))| {
                let align = match c.kind {
                    ColumnKind::Text if c.key == "no" => AlignmentType::Center,
                    ColumnKind::Text => AlignmentType::Left,
                    _ => AlignmentType::Right,
                };
                let mut p = Paragraph::new().style("IsiTabel").align(align);
                let indent = indent_of(r.level, i);
                if indent > 0 {
                    p = p.indent(Some(indent as i32), None, None, None);
                }
                if !text.is_empty() {
                    p = p.add_run(run(&text, size, bold));
                }
                TableCell::new().width(*w, WidthType::Dxa).add_paragraph(p)
            })
            .collect();
        rows.push(TableRow::new(cells).cant_split());
    }
    let table = Table::new(rows)
        .set_grid(widths.clone())
        .layout(TableLayoutType::Fixed)
        .width(widths.iter().sum(), WidthType::Dxa)
        .margins(TableCellMargins::new().margin(30, CELL_PAD, 30, CELL_PAD));
    (table, landscape)
}

/// The paragraphs of the office's text.
struct Lists {
    next_id: usize,
}

impl Lists {
    fn blocks(&mut self, mut docx: Docx, blocks: &[Block]) -> Docx {
        for block in blocks {
            match block {
                Block::Paragraph(text) => {
                    docx = docx.add_paragraph(Paragraph::new().style("Normal").add_run(run(text, BODY_SIZE, false)));
                }
                Block::Bullets(items) => {
                    for item in items {
                        docx = docx.add_paragraph(
                            Paragraph::new()
                                .style("Normal")
                                .numbering(NumberingId::new(LIST_BULLET), IndentLevel::new(0))
                                .add_run(run(item, BODY_SIZE, false)),
                        );
                    }
                }
                Block::Numbered(items) => docx = self.numbered(docx, items),
            }
        }
        docx
    }

    /// A numbered list: Word's own numbering when the marks count up in one style from where
    /// they start (so that an item added in Word is numbered), the marks as written otherwise.
    fn numbered(&mut self, mut docx: Docx, items: &[(String, String)]) -> Docx {
        let marks: Vec<Option<(usize, usize)>> = items.iter().map(|(m, _)| list_mark(m)).collect();
        let counted = match marks.first().copied().flatten() {
            Some((def, start)) => {
                marks.iter().enumerate().all(|(i, m)| *m == Some((def, start + i))).then_some((def, start))
            }
            None => None,
        };
        if let Some((def, start)) = counted {
            let id = self.next_id;
            self.next_id += 1;
            docx = docx.add_numbering(Numbering::new(id, def).add_override(LevelOverride::new(0).start(start)));
            for (_, text) in items {
                docx = docx.add_paragraph(
                    Paragraph::new()
                        .style("Normal")
                        .numbering(NumberingId::new(id), IndentLevel::new(0))
                        .add_run(run(text, BODY_SIZE, false)),
                );
            }
            return docx;
        }
        for (mark, text) in items {
            docx = docx.add_paragraph(
                Paragraph::new()
                    .style("Normal")
                    .indent(Some(567), Some(SpecialIndentType::Hanging(425)), None, None)
                    .add_run(Run::new().size(BODY_SIZE).add_text(clean(mark)).add_tab())
                    .add_run(run(text, BODY_SIZE, false)),
            );
        }
        docx
    }
}

fn cover(mut docx: Docx, doc: &LkipDocument, title: &str, subtitle: &str) -> Docx {
    let line = |text: &str, size: usize, before: u32| {
        Paragraph::new().style("Judul").line_spacing(spacing(before, 120, 300)).add_run(run(text, size, true))
    };
    docx = docx.add_paragraph(line(title, 36, 2400));
    docx = docx.add_paragraph(line("(LKIP)", 32, 0));
    docx = docx.add_paragraph(line(subtitle, 32, 480));
    docx = docx.add_paragraph(line(&doc.office.to_uppercase(), 28, 3600));
    if !doc.city.is_empty() {
        docx = docx.add_paragraph(line(&format!("PEMERINTAH {}", doc.city.to_uppercase()), 28, 240));
    }
    docx.add_paragraph(line(&doc.year.to_string(), 28, 240))
}

fn signatures(docx: Docx, place_date: &str, left: &[String], right: &[String]) -> Docx {
    let half = TEXT_WIDTH / 2;
    // Every line but the last keeps with the next: the signatures stay on one page.
    let cell = |text: &str, keep: bool| {
        let mut p =
            Paragraph::new().style("IsiTabel").align(AlignmentType::Center).add_run(run(text, BODY_SIZE, false));
        p.property = p.property.keep_next(keep);
        TableCell::new().width(half, WidthType::Dxa).add_paragraph(p)
    };
    // One row per line, so that the two sides' titles, blanks and names stand level.
    let lines = left.len().max(right.len());
    let line = |side: &[String], i: usize| side.get(i).map_or("", String::as_str).to_string();
    let rows = std::iter::once((String::new(), place_date.to_string()))
        .chain((0..lines).map(|i| (line(left, i), line(right, i))))
        .enumerate()
        .map(|(i, (l, r))| TableRow::new(vec![cell(&l, i < lines), cell(&r, i < lines)]).cant_split())
        .collect();
    let mut gap = Paragraph::new().style("Normal");
    gap.property = gap.property.keep_next(true);
    docx.add_paragraph(gap).add_table(
        Table::without_borders(rows)
            .set_grid(vec![half, half])
            .layout(TableLayoutType::Fixed)
            .width(TEXT_WIDTH, WidthType::Dxa),
    )
}

/// The page number, centred in the footer.
fn page_footer() -> Footer {
    Footer::new()
        .add_paragraph(Paragraph::new().style("IsiTabel").align(AlignmentType::Center).add_page_num(PageNum::new()))
}

fn portrait_margins() -> PageMargin {
    PageMargin::new()
        .top(twips(MARGIN_TOP))
        .bottom(twips(MARGIN_BOTTOM))
        .left(twips(MARGIN_LEFT))
        .right(twips(MARGIN_RIGHT))
        .header(twips(1.25))
        .footer(twips(1.25))
}

fn landscape_margins() -> PageMargin {
    PageMargin::new()
        .top(twips(MARGIN_LEFT))
        .bottom(twips(MARGIN_RIGHT))
        .left(twips(LANDSCAPE_SIDE))
        .right(twips(LANDSCAPE_SIDE))
        .header(twips(1.25))
        .footer(twips(1.25))
}

/// The document's sections: portrait A4, with landscape pages for the tables that need them.
/// A section is closed by a paragraph carrying its properties (docx-rs's `Section` without
/// children); the last one is the document's own. The first section carries the footer with
/// the page number and a blank first-page footer for the cover; the others inherit them.
struct Pages {
    landscape: bool,
    sections: usize,
}

impl Pages {
    /// Closes the current section and turns the page.
    fn turn(&mut self, docx: Docx) -> Docx {
        let mut section = if self.landscape {
            Section::new()
                .page_size(PageSize::new().size(PAGE_HEIGHT, PAGE_WIDTH).orient(PageOrientationType::Landscape))
                .page_margin(landscape_margins())
        } else {
            Section::new().page_size(PageSize::new().size(PAGE_WIDTH, PAGE_HEIGHT)).page_margin(portrait_margins())
        };
        if self.sections == 0 {
            section = section.footer(page_footer()).first_footer(Footer::new()).title_pg();
        }
        self.sections += 1;
        self.landscape = !self.landscape;
        docx.add_section(section)
    }

    /// The document's own (last) section.
    fn finish(&self, docx: Docx) -> Docx {
        let docx = if self.landscape {
            docx.page_size(PAGE_HEIGHT, PAGE_WIDTH)
                .page_orient(PageOrientationType::Landscape)
                .page_margin(landscape_margins())
        } else {
            docx.page_size(PAGE_WIDTH, PAGE_HEIGHT).page_margin(portrait_margins())
        };
        if self.sections == 0 {
            // The cover has no page number.
            docx.footer(page_footer()).first_footer(Footer::new()).title_pg()
        } else {
            docx
        }
    }
}

/// Heading levels in the table of contents.
const TOC_LEVELS: u8 = 3;

/// The bookmark of the `i`-th heading of the table of contents (hidden, as Word names its own).
fn toc_bookmark(i: usize) -> String {
    format!("_Toc{i:08}")
}

/// The table of contents: a TOC field over Heading 1–3 with hyperlinks, its entries written in
/// (each a link to its heading's bookmark, with a PAGEREF field for its page). The page numbers
/// are left for the word processor to fill in (the field is marked dirty, so Word updates it
/// when the document opens; LibreOffice: *Perbarui indeks*): nothing here knows where pages
/// break. Written with docx-rs's fields rather than its `TableOfContents`, whose content control
/// LibreOffice shows as field code.
fn table_of_contents(mut docx: Docx, entries: &[(u8, &str)]) -> Docx {
    let begin = [
        Run::new().add_field_char(FieldCharType::Begin, true),
        Run::new()
            .add_instr_text(InstrText::TOC(InstrToC::new().heading_styles_range(1, TOC_LEVELS as usize).hyperlink())),
        Run::new().add_field_char(FieldCharType::Separate, false),
    ];
    let end = Run::new().add_field_char(FieldCharType::End, false);
    if entries.is_empty() {
        let mut p = Paragraph::new().style("ToC1");
        for r in begin {
            p = p.add_run(r);
        }
        return docx.add_paragraph(p.add_run(end));
    }
    let mut begin = Some(begin);
    for (i, (level, text)) in entries.iter().enumerate() {
        let mut p = Paragraph::new().style(&format!("ToC{level}"));
        for r in begin.take().into_iter().flatten() {
            p = p.add_run(r);
        }
        let page = Run::new()
            .add_field_char(FieldCharType::Begin, false)
            .add_instr_text(InstrText::PAGEREF(InstrPAGEREF::new(toc_bookmark(i)).hyperlink()))
            .add_field_char(FieldCharType::Separate, false)
            .add_field_char(FieldCharType::End, false);
        p = p.add_hyperlink(
            Hyperlink::new(toc_bookmark(i), HyperlinkType::Anchor)
                .add_run(text_run(text))
                .add_run(Run::new().add_tab())
                .add_run(page),
        );
        if i + 1 == entries.len() {
            p = p.add_run(end.clone());
        }
        docx = docx.add_paragraph(p);
    }
    docx
}

fn chart_paragraph(png: Vec<u8>) -> Paragraph {
    let width_emu = (16.0 * EMU_PER_CM) as u32;
    let height_emu = (width_emu as u64 * CHART_HEIGHT as u64 / CHART_WIDTH as u64) as u32;
    let (w_px, h_px) = ((CHART_WIDTH as f64 * CHART_SCALE) as u32, (CHART_HEIGHT as f64 * CHART_SCALE) as u32);
    let mut p = Paragraph::new()
        .style("Normal")
        .align(AlignmentType::Center)
        .line_spacing(spacing(160, 0, 240))
        .add_run(Run::new().add_image(Pic::new_with_dimensions(png, w_px, h_px).size(width_emu, height_emu)));
    p.property = p.property.keep_next(true);
    p
}

/// The images of `charts` (a document's, in order, `LkipDocument::charts`) as the Word
/// document shows them: PNG at print resolution.
pub fn docx_chart_pngs(charts: &[ChartSpec]) -> Result<Vec<Vec<u8>>, DocxError> {
    charts.iter().map(|spec| Ok(super::chart_png(spec, CHART_WIDTH, CHART_HEIGHT, CHART_SCALE, Lang::Id)?)).collect()
}

/// The document's bytes, with the charts drawn here.
pub fn lkip_docx(doc: &LkipDocument) -> Result<Vec<u8>, DocxError> {
    let specs: Vec<ChartSpec> = doc.charts().map(|(_, spec)| spec.clone()).collect();
    let pngs = docx_chart_pngs(&specs)?;
    lkip_docx_with_charts(doc, pngs)
}

/// The document's bytes, with the charts already drawn (`pngs`: one per chart of the document,
/// in order, as [`docx_chart_pngs`] draws them).
pub fn lkip_docx_with_charts(doc: &LkipDocument, pngs: Vec<Vec<u8>>) -> Result<Vec<u8>, DocxError> {
    let charts = doc.charts().count();
    if pngs.len() != charts {
        return Err(DocxError(format!("{} chart images for {charts} charts", pngs.len())));
    }
    let mut pngs = pngs.into_iter();
    let mut docx = Docx::new()
        .default_fonts(RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT))
        .default_size(BODY_SIZE);
    docx = list_definitions(styles(docx));
    let mut lists = Lists { next_id: 100 };
    let contents: Vec<(u8, &str)> = doc
        .elements
        .iter()
        .filter_map(|e| match e {
            Element::Heading { level, text } if (1..=TOC_LEVELS).contains(level) => Some((*level, text.as_str())),
            _ => None,
        })
        .collect();
    // Headings of the table of contents met so far.
    let mut heading = 0;
    // A page break is carried by the next heading (no empty paragraph at the top of a page).
    let mut break_pending = false;
    let mut pages = Pages { landscape: false, sections: 0 };
    for e in &doc.elements {
        // A landscape table's pages end where something else comes.
        if pages.landscape && !matches!(e, Element::Table(_)) {
            docx = pages.turn(docx);
            // The new section starts on a new page.
            break_pending = false;
        }
        if break_pending && !matches!(e, Element::Heading { .. } | Element::PageBreak) {
            docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
            break_pending = false;
        }
        match e {
            Element::Cover { title, subtitle } => docx = cover(docx, doc, title, subtitle),
            Element::Heading { level, text } => {
                let level = (*level).clamp(1, 4);
                let mut p = Paragraph::new().style(&format!("Heading{level}"));
                if level <= TOC_LEVELS {
                    // The table of contents' entry links here.
                    p = p
                        .add_bookmark_start(heading, toc_bookmark(heading))
                        .add_run(text_run(text))
                        .add_bookmark_end(heading);
                    heading += 1;
                } else {
                    p = p.add_run(text_run(text));
                }
                if break_pending {
                    p = p.page_break_before(true);
                    break_pending = false;
                }
                docx = docx.add_paragraph(p);
            }
            Element::Text(blocks) => docx = lists.blocks(docx, blocks),
            Element::Table(t) => {
                let (table, wide) = table(t);
                if wide != pages.landscape {
                    docx = pages.turn(docx);
                }
                docx = docx.add_paragraph(Paragraph::new().style("Caption").add_run(text_run(&t.heading())));
                docx = docx.add_table(table);
                if t.source.is_empty() {
                    docx = docx.add_paragraph(Paragraph::new().style("Sumber"));
                } else {
                    docx = docx.add_paragraph(
                        Paragraph::new().style("Sumber").add_run(text_run(&format!("Sumber: {}", t.source))),
                    );
                }
            }
            Element::Chart { caption, .. } => {
                // The count was checked above.
                let Some(png) = pngs.next() else { break };
                docx = docx.add_paragraph(chart_paragraph(png));
                let mut p = Paragraph::new().style("Caption").add_run(text_run(caption));
                p.property = p.property.keep_next(false);
                docx = docx.add_paragraph(p);
            }
            Element::TableOfContents => docx = table_of_contents(docx, &contents),
            Element::Signatures { place_date, left, right } => docx = signatures(docx, place_date, left, right),
            Element::PageBreak => break_pending = true,
        }
    }
    docx = pages.finish(docx);
    let mut xml = docx.build();
    xml.document = finish_tables(&xml.document)?;
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(err)?;
    Ok(out.into_inner())
}

/// Whether a cell's text holds an amount in rupiah (`Rp` and a no-break space, as [`printed`]
/// writes it), raw or as a character reference.
fn holds_rupiah(text: &[u8]) -> bool {
    let nbsp = NBSP.to_string();
    [format!("Rp{nbsp}"), "Rp&#160;".to_string(), "Rp&#xa0;".to_string(), "Rp&#xA0;".to_string()]
        .iter()
        .any(|p| text.windows(p.len()).any(|w| w == p.as_bytes()))
}

/// Children of `w:tcPr` that come after `w:noWrap` in the schema's order.
fn after_no_wrap(name: &[u8]) -> bool {
    matches!(
        name,
        b"w:tcMar"
            | b"w:textDirection"
            | b"w:tcFitText"
            | b"w:vAlign"
            | b"w:hideMark"
            | b"w:headers"
            | b"w:cellIns"
            | b"w:cellDel"
            | b"w:cellMerge"
            | b"w:tcPrChange"
    )
}

/// Adds what docx-rs cannot say to the document part: the first row of every table repeats on
/// each page (`w:tblHeader`; every table of the document opens with its header row, the
/// signatures' one row is on one page), and a cell holding an amount in rupiah never wraps
/// (`w:noWrap`, in its place in `w:tcPr`).
fn finish_tables(document: &[u8]) -> Result<Vec<u8>, DocxError> {
    let mut reader = quick_xml::Reader::from_reader(document);
    reader.config_mut().trim_text(false);
    let mut writer = quick_xml::Writer::new(Vec::with_capacity(document.len() + document.len() / 16));
    // The row number within the innermost table; the events of the cell being read.
    let mut rows: Vec<usize> = Vec::new();
    let mut cell: Option<Vec<Event<'static>>> = None;
    loop {
        let event = reader.read_event().map_err(err)?;
        let name = match &event {
            Event::Start(e) | Event::Empty(e) => Some(e.name().as_ref().to_vec()),
            Event::End(e) => Some(e.name().as_ref().to_vec()),
            _ => None,
        };
        let name = name.as_deref().unwrap_or(b"");
        match &event {
            Event::Eof => break,
            Event::Start(_) if name == b"w:tbl" => rows.push(0),
            Event::End(_) if name == b"w:tbl" => {
                rows.pop();
            }
            Event::Start(_) if name == b"w:tr" => {
                if let Some(n) = rows.last_mut() {
                    *n += 1;
                }
            }
            _ => {}
        }
        let header_row = rows.last() == Some(&1);
        if cell.is_none() && matches!(event, Event::Start(_)) && name == b"w:tc" {
            cell = Some(Vec::new());
        }
        if let Some(buffer) = cell.as_mut() {
            let end = matches!(event, Event::End(_)) && name == b"w:tc";
            buffer.push(event.into_owned());
            if end {
                let events = cell.take().unwrap_or_default();
                write_cell(&mut writer, events)?;
            }
            continue;
        }
        match event {
            Event::Empty(e) if header_row && name == b"w:trPr" => {
                writer.write_event(Event::Start(e.borrow())).map_err(err)?;
                writer.write_event(Event::Empty(BytesStart::new("w:tblHeader"))).map_err(err)?;
                writer.write_event(Event::End(e.to_end())).map_err(err)?;
            }
            Event::End(e) if header_row && name == b"w:trPr" => {
                writer.write_event(Event::Empty(BytesStart::new("w:tblHeader"))).map_err(err)?;
                writer.write_event(Event::End(e)).map_err(err)?;
            }
            other => writer.write_event(other).map_err(err)?,
        }
    }
    Ok(writer.into_inner())
}

/// Writes one cell's events, with `w:noWrap` in its properties when it holds an amount.
fn write_cell(writer: &mut quick_xml::Writer<Vec<u8>>, events: Vec<Event<'static>>) -> Result<(), DocxError> {
    // The cell's characters, a reference (`&#160;`) as written.
    let mut content = Vec::new();
    for e in &events {
        match e {
            Event::Text(t) => content.extend_from_slice(t.as_ref()),
            Event::GeneralRef(r) => {
                content.push(b'&');
                content.extend_from_slice(r.as_ref());
                content.push(b';');
            }
            _ => {}
        }
    }
    let money = holds_rupiah(&content);
    let mut in_props = false;
    let mut done = !money;
    for event in events {
        if !done {
            let name = match &event {
                Event::Start(e) | Event::Empty(e) => Some(e.name().as_ref().to_vec()),
                Event::End(e) => Some(e.name().as_ref().to_vec()),
                _ => None,
            };
            let name = name.as_deref().unwrap_or(b"");
            match &event {
                Event::Start(_) if name == b"w:tcPr" => in_props = true,
                Event::Start(_) | Event::Empty(_) if in_props && after_no_wrap(name) => {
                    writer.write_event(Event::Empty(BytesStart::new("w:noWrap"))).map_err(err)?;
                    done = true;
                }
                Event::End(_) if in_props && name == b"w:tcPr" => {
                    writer.write_event(Event::Empty(BytesStart::new("w:noWrap"))).map_err(err)?;
                    done = true;
                }
                _ => {}
            }
        }
        writer.write_event(event).map_err(err)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_marks_are_read() {
        assert_eq!(list_mark("3."), Some((LIST_DECIMAL_DOT, 3)));
        assert_eq!(list_mark("12)"), Some((LIST_DECIMAL_PAREN, 12)));
        assert_eq!(list_mark("b."), Some((LIST_LETTER_DOT, 2)));
        assert_eq!(list_mark("a)"), Some((LIST_LETTER_PAREN, 1)));
        assert_eq!(list_mark("ab."), None);
        assert_eq!(list_mark("-"), None);
    }

    #[test]
    fn amounts_stay_whole() {
        assert_eq!(printed("Rp 824.166.800".into(), ColumnKind::Money), "Rp\u{a0}824.166.800");
        assert_eq!(printed("-Rp 5".into(), ColumnKind::Money), "-Rp\u{a0}5");
        assert_eq!(printed("92,61 %".into(), ColumnKind::Percent), "92,61\u{a0}%");
        // An amount is one piece: as wide as the whole of it.
        let whole = text_twips("Rp\u{a0}12.785.258.830", 18, false);
        assert_eq!(longest_piece("Rp\u{a0}12.785.258.830", 18, false), whole);
        assert!(longest_piece("Program Pengembangan UMKM", 18, false) < text_twips("Program Pengembangan", 18, false));
    }

    #[test]
    fn widths_fill_the_page_and_keep_amounts_whole() {
        let rows = vec![
            vec![("No".to_string(), true), ("Program".to_string(), true), ("Pagu".to_string(), true)],
            vec![
                ("1".to_string(), false),
                (
                    "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota yang sangat panjang namanya"
                        .to_string(),
                    false,
                ),
                ("Rp\u{a0}12.785.258.830".to_string(), false),
            ],
        ];
        let (w, fits) = column_widths(&rows, 3, 18, &[0, 0, 0], TEXT_WIDTH);
        assert!(fits);
        assert!(w.iter().sum::<usize>() <= TEXT_WIDTH && w.iter().sum::<usize>() + 3 >= TEXT_WIDTH, "{w:?}");
        assert!(w[2] >= text_twips("Rp\u{a0}12.785.258.830", 18, false), "{w:?}");
        // An amount in bold is 8 561/1000 em (Rp 1 333, a no-break space 278, 11 digits of
        // 556, 3 points of 278); with the 4 % margin and 190 twips of padding a column takes
        // 1 793 twips at 9 pt, 1 704 at 8,5 pt, 1 615 at 8 pt and 1 526 at 7,5 pt. The page is
        // 9 071 twips wide, a landscape page 14 003.
        let amounts = |n: usize| vec![vec![("Rp\u{a0}12.785.258.830".to_string(), true); n]];
        // Five: 8 965 at 9 pt.
        let layout = table_layout(&amounts(5), 5, &[0; 5]);
        assert_eq!((layout.size, layout.landscape), (18, false), "{:?}", layout.widths);
        // Six: 9 690 at 8 pt does not fit the page; 10 758 at 9 pt fits a landscape page.
        let layout = table_layout(&amounts(6), 6, &[0; 6]);
        assert_eq!((layout.size, layout.landscape), (18, true), "{:?}", layout.widths);
        // Nine: 14 535 at 8 pt; 13 734 at 7,5 pt on a landscape page.
        let layout = table_layout(&amounts(9), 9, &[0; 9]);
        assert_eq!((layout.size, layout.landscape), (15, true), "{:?}", layout.widths);
    }

    #[test]
    fn characters_xml_cannot_hold_are_left_out() {
        use crate::report::lkip::{Element, LkipDocument};
        let doc = LkipDocument {
            office: "Dinas \u{1}Uji".into(),
            city: String::new(),
            year: 2024,
            elements: vec![
                Element::Cover { title: "LKIP\u{0}".into(), subtitle: "TAHUN 2024".into() },
                Element::Heading { level: 1, text: "BAB\u{b} I".into() },
                Element::Text(vec![Block::Paragraph("a\u{1f}b\tc & <d>".into())]),
                Element::TableOfContents,
            ],
        };
        let bytes = lkip_docx(&doc).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
        assert!(xml.contains(">BAB I<") && xml.contains(">ab c &amp; &lt;d&gt;<"), "{xml}");
        let mut reader = quick_xml::Reader::from_str(&xml);
        while !matches!(reader.read_event().unwrap(), Event::Eof) {}
    }

    #[test]
    fn header_rows_repeat_and_amount_cells_do_not_wrap() {
        let doc = br#"<w:document><w:body><w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr><w:tc><w:tcPr><w:tcW w:w="100" w:type="dxa" /></w:tcPr><w:p><w:r><w:t>Pagu</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr /><w:tc><w:tcPr><w:tcW w:w="100" w:type="dxa" /><w:vAlign w:val="top" /></w:tcPr><w:p><w:r><w:t>Rp&#160;5</w:t></w:r></w:p></w:tc><w:tc><w:tcPr /><w:p><w:r><w:t>Rp</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"#;
        let out = String::from_utf8(finish_tables(doc).unwrap()).unwrap();
        assert_eq!(out.matches("<w:tblHeader/>").count(), 1, "{out}");
        assert!(out.contains("<w:trPr><w:cantSplit /><w:tblHeader/></w:trPr>"), "{out}");
        assert!(out.contains(r#"<w:tcW w:w="100" w:type="dxa" /><w:noWrap/><w:vAlign w:val="top" />"#), "{out}");
        // Only the amount's cell.
        assert_eq!(out.matches("<w:noWrap/>").count(), 1, "{out}");
    }
}
