//! Laid-out pages into PDF bytes: one compressed content stream per page, each face written
//! once and subset, the document's title and language, and bookmarks for the headings.

use super::font::{FontId, Fonts};
use super::layout::{Op, Page, Placed, Rgb, Turn};
use super::PdfError;
use pdf_writer::types::PageMode;
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

/// zlib at a middle level: content streams and subset fonts are small, and this is fast.
pub fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

fn font_name(id: FontId) -> Name<'static> {
    match id {
        FontId::Regular => Name(b"F1"),
        FontId::Bold => Name(b"F2"),
    }
}

fn unit(c: Rgb) -> (f32, f32, f32) {
    (f32::from(c[0]) / 255.0, f32::from(c[1]) / 255.0, f32::from(c[2]) / 255.0)
}

/// A content stream with the colours and line width it has set, so that each is set only when
/// it changes.
struct Painter {
    c: Content,
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    width: Option<f32>,
}

impl Painter {
    fn fill(&mut self, color: Rgb) {
        if self.fill != Some(color) {
            let (r, g, b) = unit(color);
            self.c.set_fill_rgb(r, g, b);
            self.fill = Some(color);
        }
    }

    fn stroke(&mut self, color: Rgb, width: f32) {
        if self.stroke != Some(color) {
            let (r, g, b) = unit(color);
            self.c.set_stroke_rgb(r, g, b);
            self.stroke = Some(color);
        }
        if self.width != Some(width) {
            self.c.set_line_width(width);
            self.width = Some(width);
        }
    }

    /// Fills and/or strokes the current path.
    fn paint(&mut self, fill: Option<Rgb>, stroke: Option<(Rgb, f32)>) {
        if let Some(color) = fill {
            self.fill(color);
        }
        if let Some((color, width)) = stroke {
            self.stroke(color, width);
        }
        match (fill, stroke) {
            (Some(_), Some(_)) => self.c.fill_nonzero_and_stroke(),
            (Some(_), None) => self.c.fill_nonzero(),
            (None, Some(_)) => self.c.stroke(),
            (None, None) => self.c.end_path(),
        };
    }
}

/// A page's drawing, in PDF's coordinates (from the bottom left).
fn content(page: &Page, fonts: &mut Fonts) -> Vec<u8> {
    let h = page.height;
    let mut p = Painter { c: Content::new(), fill: None, stroke: None, width: None };
    for op in &page.ops {
        match op {
            Op::Text { x, y, font, size, color, turn, text } => {
                p.fill(*color);
                let codes = fonts.get_mut(*font).encode(text);
                let (x, y) = (*x, h - *y);
                let matrix = match turn {
                    Turn::None => [1.0, 0.0, 0.0, 1.0, x, y],
                    Turn::Up => [0.0, 1.0, -1.0, 0.0, x, y],
                    Turn::Down => [0.0, -1.0, 1.0, 0.0, x, y],
                };
                p.c.begin_text();
                p.c.set_font(font_name(*font), *size);
                p.c.set_text_matrix(matrix);
                p.c.show(Str(&codes));
                p.c.end_text();
            }
            Op::Line { from, to, width, color } => {
                p.stroke(*color, *width);
                p.c.move_to(from.0, h - from.1);
                p.c.line_to(to.0, h - to.1);
                p.c.stroke();
            }
            Op::Rect { x, y, w, h: rh, fill, stroke } => {
                p.c.rect(*x, h - *y - *rh, *w, *rh);
                p.paint(*fill, *stroke);
            }
            Op::Path { points, closed, fill, stroke } => {
                let mut it = points.iter();
                if let Some(first) = it.next() {
                    p.c.move_to(first.0, h - first.1);
                    for q in it {
                        p.c.line_to(q.0, h - q.1);
                    }
                    if *closed {
                        p.c.close_path();
                    }
                    p.paint(*fill, *stroke);
                }
            }
            Op::Circle { center, r, fill, stroke } => {
                // Four Bézier quarters; 0.5523 is the control distance that best fits a circle.
                let (cx, cy, r) = (center.0, h - center.1, *r);
                let k = 0.5523 * r;
                p.c.move_to(cx + r, cy);
                p.c.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
                p.c.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
                p.c.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
                p.c.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
                p.c.close_path();
                p.paint(*fill, *stroke);
            }
        }
    }
    p.c.finish().into_vec()
}

/// The document's bytes.
pub fn write(pages: &[Page], headings: &[Placed], fonts: &mut Fonts, title: &str) -> Result<Vec<u8>, PdfError> {
    let mut pdf = Pdf::new();
    let mut n = 0;
    let mut next = move || {
        n += 1;
        Ref::new(n)
    };
    let catalog = next();
    let tree = next();
    let info = next();
    let outline = next();
    let regular = next();
    let bold = next();
    let page_ids: Vec<(Ref, Ref)> = pages.iter().map(|_| (next(), next())).collect();

    // The pages' drawing first: it decides which glyphs each face must carry.
    let contents: Vec<Vec<u8>> = pages.iter().map(|p| deflate(&content(p, fonts))).collect();
    let faces = [(FontId::Regular, regular), (FontId::Bold, bold)];
    for ((page, (id, content_id)), bytes) in pages.iter().zip(&page_ids).zip(&contents) {
        pdf.stream(*content_id, bytes).filter(Filter::FlateDecode);
        let mut p = pdf.page(*id);
        p.media_box(Rect::new(0.0, 0.0, page.width, page.height)).parent(tree).contents(*content_id);
        let mut resources = p.resources();
        let mut f = resources.fonts();
        for (face, font) in faces {
            if fonts.get(face).is_used() {
                f.pair(font_name(face), font);
            }
        }
        f.finish();
        resources.finish();
        p.finish();
    }
    pdf.pages(tree).kids(page_ids.iter().map(|(p, _)| *p)).count(pages.len() as i32);
    for (face, font) in faces {
        if fonts.get(face).is_used() {
            fonts.get(face).write(&mut pdf, font, &mut next)?;
        }
    }

    let has_outline = write_outline(&mut pdf, outline, headings, pages, &page_ids, &mut next);
    let mut cat = pdf.catalog(catalog);
    cat.pages(tree).lang(TextStr("id"));
    if has_outline {
        cat.outlines(outline).page_mode(PageMode::UseOutlines);
    }
    cat.finish();
    pdf.document_info(info).title(TextStr(title)).producer(TextStr("Kinerja"));
    Ok(pdf.finish())
}

/// Bookmarks: chapters (level 1) with their sections (level 2) under them. Returns whether
/// there were any.
fn write_outline(
    pdf: &mut Pdf,
    root: Ref,
    headings: &[Placed],
    pages: &[Page],
    page_ids: &[(Ref, Ref)],
    next: &mut impl FnMut() -> Ref,
) -> bool {
    // Sections before the first chapter stand at the top level.
    let mut tops: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, h) in headings.iter().enumerate() {
        match (h.level, tops.last_mut()) {
            (0 | 1, _) | (2, None) => tops.push((i, Vec::new())),
            (2, Some((top, children))) if headings[*top].level <= 1 => children.push(i),
            (2, Some(_)) => tops.push((i, Vec::new())),
            _ => {}
        }
    }
    if tops.is_empty() {
        return false;
    }
    let ids: Vec<(Ref, Vec<Ref>)> =
        tops.iter().map(|(_, children)| (next(), children.iter().map(|_| next()).collect())).collect();
    let at = |h: &Placed| pages.get(h.page).zip(page_ids.get(h.page)).map(|(p, (id, _))| (*id, p.height - h.y + 4.0));
    for (t, ((top, children), (id, child_ids))) in tops.iter().zip(&ids).enumerate() {
        let prev = t.checked_sub(1).map(|p| ids[p].0);
        let after = ids.get(t + 1).map(|n| n.0);
        let mut item = outline_item(pdf, *id, root, (prev, after), &headings[*top], at(&headings[*top]));
        if let (Some(first), Some(last)) = (child_ids.first(), child_ids.last()) {
            item.first(*first).last(*last).count(-(child_ids.len() as i32));
        }
        item.finish();
        for (c, (child, child_id)) in children.iter().zip(child_ids).enumerate() {
            let prev = c.checked_sub(1).map(|p| child_ids[p]);
            let after = child_ids.get(c + 1).copied();
            outline_item(pdf, *child_id, *id, (prev, after), &headings[*child], at(&headings[*child])).finish();
        }
    }
    let count = ids.len() as i32;
    if let (Some(first), Some(last)) = (ids.first(), ids.last()) {
        pdf.outline(root).first(first.0).last(last.0).count(count);
    }
    true
}

/// A bookmark: its title, its place among its siblings, and where it leads (a page and height).
fn outline_item<'p>(
    pdf: &'p mut Pdf,
    id: Ref,
    parent: Ref,
    (prev, next): (Option<Ref>, Option<Ref>),
    h: &Placed,
    target: Option<(Ref, f32)>,
) -> pdf_writer::writers::OutlineItem<'p> {
    let mut item = pdf.outline_item(id);
    item.title(TextStr(&h.text)).parent(parent);
    if let Some(p) = prev {
        item.prev(p);
    }
    if let Some(n) = next {
        item.next(n);
    }
    if let Some((page, top)) = target {
        item.dest().page(page).xyz(0.0, top, None);
    }
    item
}
