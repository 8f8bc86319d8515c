//! Pages and the flow of content down them: A4 pages (portrait, or landscape for a wide
//! table), a running header and a footer with the page number that content never enters,
//! headings (kept with what follows, listed for the table of contents and the bookmarks),
//! paragraphs and lists wrapped by [`super::wrap`], and vertical space. Coordinates are points
//! from the top left corner of the page; the writer turns them into PDF's.

use super::font::{FontId, Fonts};
use super::wrap::wrap;

pub type Rgb = [u8; 3];
pub const BLACK: Rgb = [0, 0, 0];
pub const GREY: Rgb = [90, 90, 90];

/// How a text runs: left to right, or turned a quarter (bottom to top, or top to bottom).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Turn {
    None,
    Up,
    Down,
}

/// One thing drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// A line of text whose baseline starts at (`x`, `y`).
    Text {
        x: f32,
        y: f32,
        font: FontId,
        size: f32,
        color: Rgb,
        turn: Turn,
        text: String,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Rgb,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
    /// A polygon (`closed`) or a polyline.
    Path {
        points: Vec<(f32, f32)>,
        closed: bool,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
    Circle {
        center: (f32, f32),
        r: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
}

/// A page: its size and what is drawn on it. A cover page has no header and footer.
#[derive(Clone, Debug)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub ops: Vec<Op>,
    pub cover: bool,
}

/// A heading as placed: for the table of contents and the bookmarks.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub level: u8,
    pub text: String,
    /// Index of its page.
    pub page: usize,
    /// Where its top is on the page.
    pub y: f32,
}

/// A place in the table of contents waiting for a heading's page number.
struct TocSlot {
    page: usize,
    right: f32,
    baseline: f32,
    heading: usize,
    size: f32,
}

const A4: (f32, f32) = (595.28, 841.89);
/// Margins: 25 mm at the binding (left), 20 mm elsewhere.
const MARGIN_LEFT: f32 = 70.87;
const MARGIN: f32 = 56.69;

/// Text sizes and spacing.
pub const BODY: f32 = 10.0;
pub const LEADING: f32 = 1.35;
const FOOTER: f32 = 8.0;

/// A style of running text.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub font: FontId,
    pub size: f32,
    pub color: Rgb,
    pub align: Align,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Align {
    Left,
    Center,
    Right,
}

impl Style {
    pub const fn body() -> Style {
        Style { font: FontId::Regular, size: BODY, color: BLACK, align: Align::Left }
    }
    pub const fn bold(size: f32) -> Style {
        Style { font: FontId::Bold, size, color: BLACK, align: Align::Left }
    }
    pub const fn small(size: f32, color: Rgb) -> Style {
        Style { font: FontId::Regular, size, color, align: Align::Left }
    }
    pub const fn centered(self) -> Style {
        Style { align: Align::Center, ..self }
    }
    pub fn line_height(&self) -> f32 {
        self.size * LEADING
    }
}

/// The document being laid out.
pub struct Layout<'f> {
    pub fonts: &'f Fonts,
    pub pages: Vec<Page>,
    /// Where the next thing goes on the last page.
    pub y: f32,
    landscape: bool,
    pub headings: Vec<Placed>,
    toc: Vec<TocSlot>,
    /// The running header's text (office and report).
    header: String,
}

impl<'f> Layout<'f> {
    pub fn new(fonts: &'f Fonts, header: String) -> Layout<'f> {
        let mut l = Layout {
            fonts,
            pages: Vec::new(),
            y: 0.0,
            landscape: false,
            headings: Vec::new(),
            toc: Vec::new(),
            header,
        };
        l.add_page(false, false);
        l
    }

    fn add_page(&mut self, landscape: bool, cover: bool) {
        let (w, h) = if landscape { (A4.1, A4.0) } else { A4 };
        self.pages.push(Page { width: w, height: h, ops: Vec::new(), cover });
        self.landscape = landscape;
        self.y = self.top();
    }

    fn page(&self) -> &Page {
        // `new` adds the first page and pages are never removed.
        &self.pages[self.pages.len() - 1]
    }

    pub fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    pub fn is_landscape(&self) -> bool {
        self.landscape
    }

    pub fn left(&self) -> f32 {
        MARGIN_LEFT
    }
    pub fn width(&self) -> f32 {
        self.page().width - MARGIN_LEFT - MARGIN
    }
    /// The body's width on a page of the other orientation.
    pub fn width_turned(&self) -> f32 {
        let w = if self.landscape { A4.0 } else { A4.1 };
        w - MARGIN_LEFT - MARGIN
    }
    pub fn top(&self) -> f32 {
        MARGIN
    }
    pub fn bottom(&self) -> f32 {
        self.page().height - MARGIN
    }
    /// The height of the body of a page, landscape or portrait.
    pub fn body_height_for(landscape: bool) -> f32 {
        (if landscape { A4.0 } else { A4.1 }) - 2.0 * MARGIN
    }
    /// The height of the body of an empty page of this orientation.
    pub fn body_height(&self) -> f32 {
        self.bottom() - self.top()
    }

    /// Whether nothing has been placed on the last page yet.
    pub fn at_top(&self) -> bool {
        self.y <= self.top() + 0.01 && !self.page().cover
    }

    pub fn push(&mut self, op: Op) {
        let last = self.pages.len() - 1;
        self.pages[last].ops.push(op);
    }

    /// Starts a new page unless the last one is still empty.
    pub fn page_break(&mut self) {
        if !self.at_top() {
            self.add_page(self.landscape, false);
        }
    }

    /// Continues on a page of the given orientation (a new one unless the last page is empty
    /// and already so).
    pub fn orientation(&mut self, landscape: bool) {
        if landscape == self.landscape {
            return;
        }
        if self.at_top() {
            // An empty page of the other orientation is turned instead of left blank.
            let last = self.pages.len() - 1;
            let (w, h) = if landscape { (A4.1, A4.0) } else { A4 };
            self.pages[last].width = w;
            self.pages[last].height = h;
            self.landscape = landscape;
            self.y = self.top();
        } else {
            self.add_page(landscape, false);
        }
    }

    /// Makes sure `h` points fit below the cursor, starting a new page if not.
    pub fn ensure(&mut self, h: f32) {
        if self.y + h > self.bottom() && !self.at_top() {
            self.add_page(self.landscape, false);
        }
    }

    /// Vertical space; none at the top of a page.
    pub fn space(&mut self, h: f32) {
        if !self.at_top() {
            self.y += h;
        }
    }

    /// A text line at `x` (its left, centre or right by `align`) with its top at the cursor.
    pub fn line_at(&mut self, text: &str, x: f32, width: f32, style: Style) {
        let w = self.fonts.width(style.font, text, style.size);
        let x = match style.align {
            Align::Left => x,
            Align::Center => x + (width - w) / 2.0,
            Align::Right => x + width - w,
        };
        let baseline = self.y + self.baseline_offset(style.size);
        self.push(Op::Text {
            x,
            y: baseline,
            font: style.font,
            size: style.size,
            color: style.color,
            turn: Turn::None,
            text: text.to_string(),
        });
    }

    /// From the top of a line to its baseline.
    pub fn baseline_offset(&self, size: f32) -> f32 {
        let f = &self.fonts.regular;
        let line = size * LEADING;
        // The glyphs' box centred in the line.
        (line - size * (f.ascent() + f.descent())) / 2.0 + size * f.ascent()
    }

    pub fn wrap(&self, text: &str, width: f32, font: FontId, size: f32) -> Vec<String> {
        wrap(text, width, &|s: &str| self.fonts.width(font, s, size))
    }

    /// Text wrapped into the body from `indent` on; lines go on to the next page where the
    /// page ends.
    pub fn text(&mut self, text: &str, indent: f32, style: Style) {
        let width = self.width() - indent;
        let lines = self.wrap(text, width, style.font, style.size);
        let lh = style.line_height();
        for line in lines {
            self.ensure(lh);
            self.line_at(&line, self.left() + indent, width, style);
            self.y += lh;
        }
    }

    /// A paragraph of body text, with space after it.
    pub fn paragraph(&mut self, text: &str) {
        self.text(text, 0.0, Style::body());
        self.space(BODY * 0.6);
    }

    /// A list: each item's mark (`1.`, `a)`, `•`) hangs before its text.
    pub fn list(&mut self, items: &[(String, String)]) {
        let style = Style::body();
        let hang = items.iter().map(|(mark, _)| self.fonts.width(style.font, mark, style.size)).fold(0.0_f32, f32::max)
            + style.size * 0.6;
        let indent = BODY * 1.2;
        for (mark, text) in items {
            let width = self.width() - indent - hang;
            let lines = self.wrap(text, width, style.font, style.size);
            let lh = style.line_height();
            for (i, line) in lines.iter().enumerate() {
                self.ensure(lh);
                if i == 0 {
                    self.line_at(mark, self.left() + indent, hang, style);
                }
                self.line_at(line, self.left() + indent + hang, width, style);
                self.y += lh;
            }
            self.space(BODY * 0.2);
        }
        self.space(BODY * 0.4);
    }

    /// A heading: level 1 (a chapter) starts a page; every heading stays with at least a few
    /// lines of what follows.
    pub fn heading(&mut self, level: u8, text: &str) {
        let style = match level {
            0 | 1 => Style::bold(14.0),
            2 => Style::bold(11.5),
            _ => Style::bold(10.5),
        };
        // Text reads in portrait: a heading after a landscape table turns back.
        self.orientation(false);
        if level <= 1 {
            self.page_break();
        } else {
            self.space(style.size * 0.6);
        }
        let lines = self.wrap(text, self.width(), style.font, style.size);
        let h = lines.len() as f32 * style.line_height();
        self.ensure(h + 4.0 * Style::body().line_height());
        self.headings.push(Placed { level, text: text.to_string(), page: self.page_index(), y: self.y });
        let style = if level <= 1 { style.centered() } else { style };
        for line in lines {
            self.line_at(&line, self.left(), self.width(), style);
            self.y += style.line_height();
        }
        self.space(style.size * if level <= 1 { 0.9 } else { 0.4 });
    }

    /// The table of contents: one line per heading of level 1 or 2 in `entries`, which are the
    /// headings that will follow, with dotted leaders and the page number filled in by
    /// [`Layout::finish`]. `first` is the index the first of them will have in
    /// [`Layout::headings`].
    pub fn table_of_contents(&mut self, entries: &[(u8, String)], first: usize) {
        let size = BODY;
        let number_room = self.fonts.width(FontId::Regular, "0000", size);
        for (i, (level, text)) in entries.iter().enumerate() {
            if *level > 2 {
                continue;
            }
            let font = if *level <= 1 { FontId::Bold } else { FontId::Regular };
            let indent = if *level <= 1 { 0.0 } else { size * 1.5 };
            let width = self.width() - indent - number_room - size;
            let lines = self.wrap(text, width, font, size);
            let lh = size * LEADING;
            if *level <= 1 {
                self.space(size * 0.4);
            }
            self.ensure(lh * lines.len() as f32);
            let count = lines.len();
            for (j, line) in lines.iter().enumerate() {
                let style = Style { font, size, color: BLACK, align: Align::Left };
                self.line_at(line, self.left() + indent, width, style);
                if j + 1 == count {
                    // Dotted leaders from the end of the text to the number.
                    let end = self.left() + indent + self.fonts.width(font, line, size) + size * 0.4;
                    let stop = self.left() + self.width() - number_room - size * 0.4;
                    let dot = self.fonts.width(FontId::Regular, ". ", size);
                    if stop > end + dot {
                        let n = ((stop - end) / dot).floor() as usize;
                        let dots = ". ".repeat(n);
                        let x = stop - self.fonts.width(FontId::Regular, dots.trim_end(), size);
                        let baseline = self.y + self.baseline_offset(size);
                        self.push(Op::Text {
                            x,
                            y: baseline,
                            font: FontId::Regular,
                            size,
                            color: GREY,
                            turn: Turn::None,
                            text: dots.trim_end().to_string(),
                        });
                    }
                    self.toc.push(TocSlot {
                        page: self.page_index(),
                        right: self.left() + self.width(),
                        baseline: self.y + self.baseline_offset(size),
                        heading: first + i,
                        size,
                    });
                }
                self.y += lh;
            }
        }
        self.space(BODY);
    }

    /// A cover page: the title and the subtitle in the upper half, centred.
    pub fn cover(&mut self, title: &str, subtitle: &str) {
        if self.at_top() {
            let last = self.pages.len() - 1;
            self.pages[last].cover = true;
            self.orientation_of_cover();
        } else {
            self.add_page(false, true);
        }
        self.y = self.page().height * 0.3;
        let title_style = Style::bold(20.0).centered();
        for line in self.wrap(title, self.width(), title_style.font, title_style.size) {
            self.line_at(&line, self.left(), self.width(), title_style);
            self.y += title_style.line_height();
        }
        self.y += 18.0;
        let sub = Style { font: FontId::Regular, size: 13.0, color: BLACK, align: Align::Center };
        for part in subtitle.split('\n') {
            for line in self.wrap(part, self.width(), sub.font, sub.size) {
                self.line_at(&line, self.left(), self.width(), sub);
                self.y += sub.line_height();
            }
        }
        // What follows the cover starts on a page of its own.
        self.add_page(false, false);
    }

    fn orientation_of_cover(&mut self) {
        let last = self.pages.len() - 1;
        self.pages[last].width = A4.0;
        self.pages[last].height = A4.1;
        self.landscape = false;
    }

    /// Signatures side by side: the place and date above the right one; each side's lines as
    /// given (an empty line leaves room to sign).
    pub fn signatures(&mut self, place_date: &str, left: &[String], right: &[String]) {
        let style = Style::body().centered();
        let lh = style.line_height();
        let rows = left.len().max(right.len() + 1);
        self.space(BODY);
        self.ensure(lh * rows as f32);
        let half = self.width() / 2.0;
        let top = self.y;
        for (i, line) in left.iter().enumerate() {
            self.y = top + lh * (i + 1) as f32;
            self.line_at(line, self.left(), half, style);
        }
        self.y = top;
        self.line_at(place_date, self.left() + half, half, style);
        for (i, line) in right.iter().enumerate() {
            self.y = top + lh * (i + 1) as f32;
            self.line_at(line, self.left() + half, half, style);
        }
        self.y = top + lh * (rows + 1) as f32;
    }

    /// Adds the running header and the footer with the page number to every page but the
    /// cover, fills in the table of contents, and hands the pages over.
    pub fn finish(mut self) -> (Vec<Page>, Vec<Placed>) {
        // A last page left empty by a closing page break is dropped.
        if self.pages.len() > 1 && self.page().ops.is_empty() {
            self.pages.pop();
        }
        let total = self.pages.len();
        for slot in &self.toc {
            let Some(h) = self.headings.get(slot.heading) else { continue };
            let number = (h.page + 1).to_string();
            let w = self.fonts.width(FontId::Regular, &number, slot.size);
            if let Some(page) = self.pages.get_mut(slot.page) {
                page.ops.push(Op::Text {
                    x: slot.right - w,
                    y: slot.baseline,
                    font: FontId::Regular,
                    size: slot.size,
                    color: BLACK,
                    turn: Turn::None,
                    text: number,
                });
            }
        }
        for (i, page) in self.pages.iter_mut().enumerate() {
            if page.cover {
                continue;
            }
            let right = page.width - MARGIN;
            let header_size = 7.5;
            let header_w = self.fonts.width(FontId::Regular, &self.header, header_size);
            let header_base = MARGIN - 14.0;
            page.ops.push(Op::Text {
                x: right - header_w,
                y: header_base,
                font: FontId::Regular,
                size: header_size,
                color: GREY,
                turn: Turn::None,
                text: self.header.clone(),
            });
            page.ops.push(Op::Line {
                from: (MARGIN_LEFT, header_base + 4.0),
                to: (right, header_base + 4.0),
                width: 0.4,
                color: GREY,
            });
            let footer = format!("Halaman {} dari {total}", i + 1);
            let w = self.fonts.width(FontId::Regular, &footer, FOOTER);
            page.ops.push(Op::Text {
                x: (MARGIN_LEFT + right - w) / 2.0,
                y: page.height - MARGIN + 24.0,
                font: FontId::Regular,
                size: FOOTER,
                color: GREY,
                turn: Turn::None,
                text: footer,
            });
        }
        (self.pages, self.headings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &Page) -> Vec<&str> {
        p.ops.iter().filter_map(|o| if let Op::Text { text, .. } = o { Some(text.as_str()) } else { None }).collect()
    }

    #[test]
    fn text_flows_onto_new_pages_inside_the_body() {
        let fonts = Fonts::load().unwrap();
        let mut l = Layout::new(&fonts, "Kantor — LKIP 2024".into());
        for i in 0..200 {
            l.paragraph(&format!("Paragraf {i}: perencanaan kinerja merupakan proses penyusunan rencana kinerja."));
        }
        let (pages, _) = l.finish();
        assert!(pages.len() > 3);
        for (i, p) in pages.iter().enumerate() {
            let t = texts(p);
            assert!(t.contains(&format!("Halaman {} dari {}", i + 1, pages.len()).as_str()), "{t:?}");
            for op in &p.ops {
                if let Op::Text { y, text, .. } = op {
                    if text.starts_with("Paragraf") || text.starts_with("rencana") {
                        assert!(*y > MARGIN && *y < p.height - MARGIN, "{text} at {y}");
                    }
                }
            }
        }
    }

    #[test]
    fn table_of_contents_gets_the_pages_of_the_headings() {
        let fonts = Fonts::load().unwrap();
        let mut l = Layout::new(&fonts, String::new());
        l.cover("LAPORAN KINERJA", "2024");
        let entries = vec![(1, "BAB I PENDAHULUAN".to_string()), (2, "A. Latar Belakang".to_string())];
        l.table_of_contents(&entries, 0);
        l.heading(1, "BAB I PENDAHULUAN");
        l.heading(2, "A. Latar Belakang");
        let (pages, headings) = l.finish();
        assert!(pages[0].cover && texts(&pages[0]).contains(&"LAPORAN KINERJA"));
        assert_eq!(headings.len(), 2);
        assert_eq!(headings[0].page, 2, "cover, contents, then the chapter");
        let toc = texts(&pages[1]);
        assert!(toc.contains(&"BAB I PENDAHULUAN") && toc.iter().filter(|t| **t == "3").count() == 2, "{toc:?}");
        assert!(!texts(&pages[0]).iter().any(|t| t.starts_with("Halaman")), "no footer on the cover");
    }
}
