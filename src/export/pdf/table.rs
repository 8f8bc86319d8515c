//! A report table on pages: column widths from the measured content (a figure column never
//! narrower than its widest figure), the header row repeated at the top of every page the table
//! continues on, rows kept whole where they fit on a page, and the orientation (portrait, or
//! landscape for a table that would otherwise run much longer) chosen by what it costs.

use super::font::FontId;
use super::layout::{Align, Layout, Op, Rgb, Style, Turn, BLACK, GREY};
use super::wrap::{is_figure, pieces};
use crate::format::Lang;
use crate::report::{cell_text, figure_text, Cell, ColumnKind, RowKind, TableView};

const PAD_X: f32 = 2.5;
const PAD_Y: f32 = 2.0;
const LINE: f32 = 1.22;
const RULE: f32 = 0.5;
const HEADER_FILL: Rgb = [222, 226, 232];
const TOTAL_FILL: Rgb = [242, 242, 242];
const DIFFERENCE: Rgb = [170, 0, 0];
/// A text column's narrowest width, as a share of the table: longer words are cut there.
const WORD_SHARE: f32 = 0.3;

/// A cell's content before it is sized: paragraphs, each in a font and a colour.
struct Content {
    paras: Vec<(String, FontId, Rgb)>,
    align: Align,
    indent: f32,
    /// A figure column: its paragraphs are never broken.
    figure: bool,
}

struct Grid {
    header: Vec<String>,
    rows: Vec<(RowKind, Vec<Content>)>,
}

/// The text of a cell in the document: the printed figure, and below it the recomputation
/// where the two disagree beyond the printed precision (the checker's rule, `Cell::disagrees`).
fn contents(cell: &Cell, kind: ColumnKind, bold: bool) -> Vec<(String, FontId, Rgb)> {
    let font = if bold { FontId::Bold } else { FontId::Regular };
    let shown = cell_text(cell, kind, Lang::Id);
    let mut out = Vec::new();
    if !shown.is_empty() {
        out.push((shown, font, BLACK));
    }
    let computed = match cell {
        Cell::Figure { computed: Some(c), .. } if cell.disagrees() => {
            let c = if matches!(kind, ColumnKind::Percent | ColumnKind::Number) { c.round_dp(2) } else { *c };
            Some(figure_text(c, kind, Lang::Id))
        }
        Cell::Verdict { computed: Some(c), .. } if cell.disagrees() => Some(c.clone()),
        _ => None,
    };
    if let Some(c) = computed {
        out.push((format!("[hitung: {c}]"), FontId::Regular, DIFFERENCE));
    }
    out
}

fn grid(t: &TableView) -> Grid {
    let indent_column = t.columns.iter().position(|c| c.kind == ColumnKind::Text && c.key != "no" && c.key != "kode");
    let rows = t
        .rows
        .iter()
        .map(|r| {
            let bold = r.kind != RowKind::Normal;
            let cells = t
                .columns
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let cell = r.cells.get(i).unwrap_or(&Cell::Empty);
                    let figure = c.kind != ColumnKind::Text;
                    Content {
                        paras: contents(cell, c.kind, bold),
                        align: if figure { Align::Right } else { Align::Left },
                        // Six points a level, up to six levels (a budget tree is four deep).
                        indent: if Some(i) == indent_column { (f32::from(r.level) * 6.0).min(36.0) } else { 0.0 },
                        figure,
                    }
                })
                .collect();
            (r.kind, cells)
        })
        .collect();
    Grid { header: t.columns.iter().map(|c| c.label.clone()).collect(), rows }
}

/// A line of a sized cell.
type Line = (String, FontId, Rgb);

struct SizedRow {
    cells: Vec<Vec<Line>>,
    aligns: Vec<Align>,
    indents: Vec<f32>,
    lines: usize,
    fill: Option<Rgb>,
}

/// The table at one text size and width.
struct Sized {
    size: f32,
    widths: Vec<f32>,
    header: Vec<Vec<String>>,
    header_lines: usize,
    rows: Vec<SizedRow>,
}

impl Sized {
    fn line_height(&self) -> f32 {
        self.size * LINE
    }
    fn header_height(&self) -> f32 {
        self.header_lines as f32 * self.size * LINE + 2.0 * PAD_Y
    }
    fn row_height(&self, lines: usize) -> f32 {
        lines as f32 * self.line_height() + 2.0 * PAD_Y
    }
    fn height(&self) -> f32 {
        self.header_height() + self.rows.iter().map(|r| self.row_height(r.lines)).sum::<f32>()
    }
}

/// Column widths and wrapped cells for `avail` points at `size`; `None` when the columns'
/// narrowest widths do not fit, unless `force`, which narrows the text columns (cutting long
/// words) but never a figure column.
fn size(l: &Layout, g: &Grid, avail: f32, size: f32, force: bool) -> Option<Sized> {
    let fonts = l.fonts;
    let header_size = size;
    let n = g.header.len();
    let cap = avail * WORD_SHARE;
    let mut min = vec![0.0_f32; n];
    let mut max = vec![0.0_f32; n];
    let mut figure_min = vec![0.0_f32; n];
    for (i, label) in g.header.iter().enumerate() {
        let widest =
            pieces(label).iter().map(|p| fonts.width(FontId::Bold, p, header_size)).fold(0.0_f32, f32::max).min(cap);
        min[i] = widest;
        max[i] = widest.max(fonts.width(FontId::Bold, label, header_size) / 2.0);
    }
    for (_, cells) in &g.rows {
        for (i, c) in cells.iter().enumerate().take(n) {
            for (text, font, _) in &c.paras {
                let full = c.indent + fonts.width(*font, text, size);
                max[i] = max[i].max(full);
                if c.figure {
                    figure_min[i] = figure_min[i].max(full);
                } else {
                    for p in pieces(text) {
                        let w = c.indent + fonts.width(*font, &p, size);
                        if is_figure(&p) {
                            figure_min[i] = figure_min[i].max(w);
                        } else {
                            min[i] = min[i].max(w.min(cap));
                        }
                    }
                }
            }
        }
    }
    let pad = 2.0 * PAD_X;
    let min: Vec<f32> = min.iter().zip(&figure_min).map(|(m, f)| m.max(*f) + pad).collect();
    let max: Vec<f32> = max.iter().zip(&min).map(|(m, lo)| (m + pad).max(*lo)).collect();
    let (sum_min, sum_max): (f32, f32) = (min.iter().sum(), max.iter().sum());
    let widths: Vec<f32> = if sum_max <= avail {
        // Room to spare: it goes to the text columns (to all if there are none).
        let text: Vec<bool> = g.rows.first().map(|(_, c)| c.iter().map(|c| !c.figure).collect()).unwrap_or_default();
        let any_text = text.iter().any(|t| *t);
        let share: f32 =
            max.iter().enumerate().filter(|(i, _)| !any_text || text.get(*i) == Some(&true)).map(|(_, m)| m).sum();
        max.iter()
            .enumerate()
            .map(|(i, m)| {
                if (!any_text || text.get(i) == Some(&true)) && share > 0.0 {
                    m + (avail - sum_max) * m / share
                } else {
                    *m
                }
            })
            .collect()
    } else if sum_min <= avail {
        let spread = sum_max - sum_min;
        min.iter().zip(&max).map(|(lo, hi)| lo + (avail - sum_min) * (hi - lo) / spread).collect()
    } else if force {
        let fixed: f32 = figure_min.iter().map(|f| f + pad).sum();
        let flexible: f32 = min.iter().zip(&figure_min).map(|(m, f)| m - (f + pad)).sum();
        let room = (avail - fixed).max(0.0);
        min.iter()
            .zip(&figure_min)
            .map(|(m, f)| f + pad + if flexible > 0.0 { (m - f - pad) * room / flexible } else { 0.0 })
            .collect()
    } else {
        return None;
    };

    let wrap_in = |text: &str, width: f32, font: FontId| l.wrap(text, width, font, size);
    let header: Vec<Vec<String>> =
        g.header.iter().zip(&widths).map(|(h, w)| wrap_in(h, w - pad, FontId::Bold)).collect();
    let header_lines = header.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let rows = g
        .rows
        .iter()
        .map(|(kind, cells)| {
            let wrapped: Vec<Vec<Line>> = cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| {
                    let mut lines = Vec::new();
                    for (text, font, color) in &c.paras {
                        if c.figure {
                            lines.push((text.clone(), *font, *color));
                        } else {
                            for line in wrap_in(text, w - pad - c.indent, *font) {
                                lines.push((line, *font, *color));
                            }
                        }
                    }
                    lines
                })
                .collect();
            SizedRow {
                lines: wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1),
                cells: wrapped,
                aligns: cells.iter().map(|c| c.align).collect(),
                indents: cells.iter().map(|c| c.indent).collect(),
                fill: (*kind != RowKind::Normal).then_some(TOTAL_FILL),
            }
        })
        .collect();
    Some(Sized { size, widths, header, header_lines, rows })
}

/// The sizes tried, largest first.
const SIZES: [f32; 4] = [7.5, 7.0, 6.5, 6.0];

/// Sizes the table for the body of a page of the orientation `landscape`.
fn best(l: &Layout, g: &Grid, avail: f32, landscape_sizes: bool) -> Option<Sized> {
    let sizes: &[f32] = if landscape_sizes { &SIZES } else { &SIZES[..2] };
    sizes.iter().find_map(|s| size(l, g, avail, *s, false))
}

/// Lays out `t` with its heading above and its source below.
pub fn table(l: &mut Layout, t: &TableView) {
    let g = grid(t);
    if g.header.is_empty() {
        return;
    }
    let (portrait_width, landscape_width) =
        if l.is_landscape() { (l.width_turned(), l.width()) } else { (l.width(), l.width_turned()) };
    let portrait = best(l, &g, portrait_width, false);
    let landscape = best(l, &g, landscape_width, true);
    // A landscape table starts on a page of its own, so it must save at least half a page.
    let (body, turned_body) = (Layout::body_height_for(false), Layout::body_height_for(true));
    let (sized, turn) = match (portrait, landscape) {
        (Some(p), Some(ls)) if ls.height() / turned_body + 0.5 < p.height() / body => (ls, true),
        (Some(p), _) => (p, false),
        (None, Some(ls)) => (ls, true),
        (None, None) => match size(l, &g, landscape_width, 6.0, true) {
            Some(s) => (s, true),
            None => return,
        },
    };
    l.orientation(turn);
    let table_width: f32 = sized.widths.iter().sum();

    // The heading stays with the header row and the first rows.
    let title = Style::bold(9.0).centered();
    let title_lines = l.wrap(&t.heading(), l.width(), title.font, title.size);
    let first_rows: f32 = sized.rows.iter().take(2).map(|r| sized.row_height(r.lines)).sum();
    l.space(6.0);
    l.ensure(
        (title_lines.len() as f32 * title.line_height() + 3.0 + sized.header_height() + first_rows)
            .min(l.body_height()),
    );
    for line in &title_lines {
        l.line_at(line, l.left(), l.width(), title);
        l.y += title.line_height();
    }
    l.y += 3.0;
    draw_header(l, &sized);

    let caption = Style::small(7.0, GREY);
    let continuation = caption.line_height() + sized.header_height();
    let source = Style::small(7.5, GREY);
    let source_lines = if t.source.is_empty() {
        Vec::new()
    } else {
        l.wrap(&format!("Sumber: {}", t.source), table_width, source.font, source.size)
    };
    // The source stays with the last row.
    let source_height = 2.0 + source_lines.len() as f32 * source.line_height();
    let count = sized.rows.len();
    for (r, row) in sized.rows.iter().enumerate() {
        let mut from = 0;
        let mut fresh_page = false;
        while from < row.lines {
            let tail = if r + 1 == count { source_height } else { 0.0 };
            let room = l.bottom() - l.y - tail;
            let left = row.lines - from;
            let fits = ((room - 2.0 * PAD_Y) / sized.line_height()).floor().max(0.0) as usize;
            let whole_page = ((l.body_height() - continuation - 2.0 * PAD_Y) / sized.line_height()).floor() as usize;
            // A row is kept whole unless it is longer than a whole page; on a new page at least
            // one line is placed, so that nothing waits for a page it can never fit.
            let take = if fits >= left {
                left
            } else if (left > whole_page && fits >= 2) || fresh_page {
                fits.max(1)
            } else {
                l.page_break();
                l.line_at(&format!("{} (lanjutan)", t.label()), l.left(), l.width(), caption);
                l.y += caption.line_height();
                draw_header(l, &sized);
                fresh_page = true;
                continue;
            };
            fresh_page = false;
            draw_row(l, &sized, row, from, from + take);
            from += take;
        }
    }
    if !source_lines.is_empty() {
        l.y += 2.0;
        for line in source_lines {
            l.ensure(source.line_height());
            l.line_at(&line, l.left(), table_width, source);
            l.y += source.line_height();
        }
    }
    l.space(10.0);
}

fn cell_frame(l: &mut Layout, s: &Sized, height: f32, fill: Option<Rgb>) {
    let x0 = l.left();
    let w: f32 = s.widths.iter().sum();
    l.push(Op::Rect { x: x0, y: l.y, w, h: height, fill, stroke: Some((BLACK, RULE)) });
    let mut x = x0;
    for cw in &s.widths[..s.widths.len().saturating_sub(1)] {
        x += cw;
        l.push(Op::Line { from: (x, l.y), to: (x, l.y + height), width: RULE, color: BLACK });
    }
}

fn draw_header(l: &mut Layout, s: &Sized) {
    let h = s.header_height();
    cell_frame(l, s, h, Some(HEADER_FILL));
    let top = l.y;
    let mut x = l.left();
    for (lines, w) in s.header.iter().zip(&s.widths) {
        // Centred across the column, and down the row when it has fewer lines than the others.
        l.y = top + PAD_Y + (s.header_lines - lines.len()) as f32 * s.line_height() / 2.0;
        for line in lines {
            let style = Style { font: FontId::Bold, size: s.size, color: BLACK, align: Align::Center };
            text_line(l, line, x + PAD_X, w - 2.0 * PAD_X, style, s);
            l.y += s.line_height();
        }
        x += w;
    }
    l.y = top + h;
}

fn draw_row(l: &mut Layout, s: &Sized, row: &SizedRow, from: usize, to: usize) {
    let h = s.row_height(to - from);
    cell_frame(l, s, h, row.fill);
    let top = l.y;
    let mut x = l.left();
    for (i, (lines, w)) in row.cells.iter().zip(&s.widths).enumerate() {
        let indent = row.indents.get(i).copied().unwrap_or(0.0);
        let align = row.aligns.get(i).copied().unwrap_or(Align::Left);
        l.y = top + PAD_Y;
        for (text, font, color) in lines.iter().skip(from).take(to - from) {
            let style = Style { font: *font, size: s.size, color: *color, align };
            text_line(l, text, x + PAD_X + indent, w - 2.0 * PAD_X - indent, style, s);
            l.y += s.line_height();
        }
        x += w;
    }
    l.y = top + h;
}

fn text_line(l: &mut Layout, text: &str, x: f32, width: f32, style: Style, s: &Sized) {
    let w = l.fonts.width(style.font, text, style.size);
    let x = match style.align {
        Align::Left => x,
        Align::Center => x + (width - w) / 2.0,
        Align::Right => x + width - w,
    };
    let f = &l.fonts.regular;
    let baseline = l.y + (s.line_height() - s.size * (f.ascent() + f.descent())) / 2.0 + s.size * f.ascent();
    l.push(Op::Text {
        x,
        y: baseline,
        font: style.font,
        size: style.size,
        color: style.color,
        turn: Turn::None,
        text: text.to_string(),
    });
}

#[cfg(test)]
mod tests {
    use super::super::font::Fonts;
    use super::super::layout::Page;
    use super::*;
    use crate::report::{Column, TableRow};
    use rust_decimal::Decimal;

    fn money(key: &str) -> Column {
        Column {
            key: key.into(),
            label: "PAGU ANGGARAN SETELAH PERUBAHAN (Rp)".into(),
            kind: ColumnKind::Money,
            derived: true,
        }
    }

    fn view(rows: usize) -> TableView {
        let name = "Program Pemberdayaan Usaha Menengah, Usaha Kecil dan Usaha Mikro (UMKM) dan kegiatan lainnya";
        let mut body: Vec<TableRow> = (0..rows)
            .map(|i| TableRow {
                kind: RowKind::Normal,
                level: 0,
                subject: String::new(),
                cells: vec![
                    Cell::text(format!("{}", i + 1)),
                    Cell::text(name),
                    Cell::value(Some(Decimal::from(1_194_767_182_i64))),
                    Cell::figure(Some(Decimal::from(752_916_800_i64)), Some(Decimal::from(824_166_800_i64))),
                ],
            })
            .collect();
        body.push(TableRow {
            kind: RowKind::Total,
            level: 0,
            subject: String::new(),
            cells: vec![
                Cell::Empty,
                Cell::text("TOTAL"),
                Cell::value(Some(Decimal::from(12_785_258_830_i64))),
                Cell::value(Some(Decimal::from(11_002_960_494_i64))),
            ],
        });
        TableView {
            id: "3.19".into(),
            year: 2024,
            title: "Pagu dan Realisasi".into(),
            source: "SIPD".into(),
            columns: vec![
                Column { key: "no".into(), label: "NO".into(), kind: ColumnKind::Text, derived: false },
                Column { key: "program".into(), label: "PROGRAM".into(), kind: ColumnKind::Text, derived: false },
                money("pagu"),
                money("realisasi"),
            ],
            rows: body,
            lang: Lang::Id,
        }
    }

    fn lines_of(p: &Page) -> Vec<(f32, f32, String)> {
        p.ops
            .iter()
            .filter_map(|o| if let Op::Text { x, y, text, .. } = o { Some((*x, *y, text.clone())) } else { None })
            .collect()
    }

    #[test]
    fn amounts_stay_whole_and_the_header_repeats_inside_the_body() {
        let fonts = Fonts::load().unwrap();
        let mut l = Layout::new(&fonts, "Kantor".into());
        table(&mut l, &view(120));
        let (pages, _) = l.finish();
        assert!(pages.len() >= 3, "{} pages", pages.len());
        for (i, p) in pages.iter().enumerate() {
            let texts = lines_of(p);
            // Every page the table runs on starts with its header row.
            let header = texts.iter().filter(|t| t.2 == "NO").count();
            assert_eq!(header, 1, "page {}", i + 1);
            if i > 0 {
                assert!(texts.iter().any(|t| t.2 == "Tabel 3.19 (lanjutan)"), "page {}", i + 1);
            }
            for (_, y, text) in &texts {
                if text.starts_with("Rp") || text.starts_with("[hitung") {
                    assert!(
                        text == "Rp 1.194.767.182"
                            || text == "Rp 752.916.800"
                            || text == "[hitung: Rp 824.166.800]"
                            || text == "Rp 12.785.258.830"
                            || text == "Rp 11.002.960.494",
                        "{text}"
                    );
                }
                if !text.starts_with("Halaman") && text != "Kantor" {
                    assert!(*y > 56.69 && *y < p.height - 56.69, "page {}: {text} at {y}", i + 1);
                }
            }
        }
        // The total row: its label and both amounts on one baseline.
        let last = lines_of(pages.last().unwrap());
        let total = last.iter().find(|t| t.2 == "TOTAL").unwrap();
        for amount in ["Rp 12.785.258.830", "Rp 11.002.960.494"] {
            let a = last.iter().find(|t| t.2 == amount).unwrap();
            assert!((a.1 - total.1).abs() < 0.01, "{amount} on the total's line");
        }
    }

    #[test]
    fn money_columns_are_as_wide_as_their_widest_amount() {
        let fonts = Fonts::load().unwrap();
        let l = Layout::new(&fonts, String::new());
        let g = grid(&view(3));
        let s = size(&l, &g, l.width(), 7.5, false).unwrap();
        let widest = fonts.width(FontId::Bold, "Rp 12.785.258.830", 7.5);
        assert!(s.widths[2] >= widest + 2.0 * PAD_X && s.widths[3] >= widest + 2.0 * PAD_X);
        // The long programme name has the room that is left: at most two lines.
        assert!(s.rows[0].cells[1].len() <= 2, "{:?}", s.rows[0].cells[1]);
        assert!((s.widths.iter().sum::<f32>() - l.width()).abs() < 0.5, "the table spans the body");
    }

    #[test]
    fn hostile_content_still_lays_out_inside_the_page() {
        let fonts = Fonts::load().unwrap();
        let mut l = Layout::new(&fonts, String::new());
        // Thirty columns, a word of 5 000 letters, a cell of 40 000 characters, characters the
        // font lacks, control characters and an empty table.
        let columns: Vec<Column> = (0..30)
            .map(|i| Column {
                key: format!("k{i}"),
                label: format!("Kolom {i}"),
                kind: ColumnKind::Text,
                derived: false,
            })
            .collect();
        let mut cells: Vec<Cell> = (0..30).map(|i| Cell::text(format!("isi {i}"))).collect();
        cells[0] = Cell::text("a".repeat(5000));
        cells[1] = Cell::text("kata ".repeat(8000));
        cells[2] = Cell::text("\u{0}\u{7}𝔘𝔫𝔦 ☃ \r\n\t");
        let t = TableView {
            id: "9.9".into(),
            year: 2024,
            title: "Uji".into(),
            source: String::new(),
            columns,
            rows: vec![TableRow { kind: RowKind::Normal, level: 200, subject: String::new(), cells }],
            lang: Lang::Id,
        };
        table(&mut l, &t);
        let empty = TableView { columns: Vec::new(), rows: Vec::new(), ..t.clone() };
        table(&mut l, &empty);
        let (pages, _) = l.finish();
        assert!(pages.len() > 1, "the long cell continues on further pages");
        for p in &pages {
            for op in &p.ops {
                if let Op::Text { x, y, .. } = op {
                    assert!(*x >= 0.0 && *x <= p.width && *y >= 0.0 && *y <= p.height, "({x}, {y})");
                }
            }
        }
    }

    #[test]
    fn a_wide_table_of_many_text_columns_turns_to_landscape() {
        let fonts = Fonts::load().unwrap();
        let mut l = Layout::new(&fonts, String::new());
        l.paragraph("Sebelum tabel.");
        let long = "Persentase peningkatan volume usaha koperasi dibandingkan dengan tahun sebelumnya menurut laporan";
        let columns: Vec<Column> = (0..11)
            .map(|i| Column {
                key: format!("k{i}"),
                label: format!("Kolom {i}"),
                kind: ColumnKind::Text,
                derived: false,
            })
            .collect();
        let rows = (0..12)
            .map(|_| TableRow {
                kind: RowKind::Normal,
                level: 0,
                subject: String::new(),
                cells: (0..11).map(|_| Cell::text(long)).collect(),
            })
            .collect();
        let t = TableView {
            id: "2.2".into(),
            year: 2024,
            title: "IKU".into(),
            source: String::new(),
            columns,
            rows,
            lang: Lang::Id,
        };
        table(&mut l, &t);
        let (pages, _) = l.finish();
        assert!(pages[0].height > pages[0].width);
        assert!(pages[1].width > pages[1].height, "the table is on landscape pages");
    }
}
