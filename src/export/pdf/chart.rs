//! Charts drawn into the PDF as vector graphics and text: the same drawing as the PNG and SVG
//! files (`export::chart::draw`), through a plotters backend that records shapes and text in
//! the document's font. A chart is drawn at the size it is placed, so its smallest text (12
//! chart units) is at least 8 pt on paper.

use super::font::{FontId, Fonts};
use super::layout::{Layout, Op, Rgb, Style, Turn};
use super::PdfError;
use crate::format::Lang;
use crate::report::charts::ChartSpec;
use plotters::prelude::IntoDrawingArea;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle,
    FontTransform,
};

/// Points per chart unit on paper: the charts' smallest text, 12 units, becomes 12 × 0.859
/// (plotters' size is the font's whole height; DejaVu's em is 0.859 of it) × 0.8 = 8.2 pt.
pub const POINT_PER_UNIT: f32 = 0.8;
/// Backend units per chart unit: coordinates are whole numbers, so the chart is drawn finer
/// (a quarter of a chart unit, 0.2 pt) than its units.
const FINE: f64 = 4.0;

#[derive(Debug)]
pub struct Never;

impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("recording cannot fail")
    }
}

impl std::error::Error for Never {}

/// Records what plotters draws, in its own units.
struct Recorder<'f, 'o> {
    fonts: &'f Fonts,
    size: (u32, u32),
    ops: &'o mut Vec<Op>,
}

/// A colour drawn with `alpha` over the white page.
fn rgb(c: BackendColor) -> Rgb {
    let mix = |v: u8| (f64::from(v) * c.alpha + 255.0 * (1.0 - c.alpha)).round().clamp(0.0, 255.0) as u8;
    [mix(c.rgb.0), mix(c.rgb.1), mix(c.rgb.2)]
}

fn point(p: BackendCoord) -> (f32, f32) {
    (p.0 as f32, p.1 as f32)
}

fn stroke<S: BackendStyle>(style: &S) -> Option<(Rgb, f32)> {
    (style.color().alpha > 0.0).then(|| (rgb(style.color()), style.stroke_width().max(1) as f32))
}

impl Recorder<'_, '_> {
    fn font(style: &impl BackendTextStyle) -> FontId {
        match style.style() {
            FontStyle::Bold => FontId::Bold,
            _ => FontId::Regular,
        }
    }

    /// The em size of plotters' text size, which is the font's height from descender to
    /// ascender (as ab_glyph scales it).
    fn em(&self, size: f64) -> f32 {
        let f = &self.fonts.regular;
        size as f32 / (f.ascent() + f.descent())
    }
}

impl DrawingBackend for Recorder<'_, '_> {
    type ErrorType = Never;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }

    fn draw_pixel(&mut self, p: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<Never>> {
        if color.alpha > 0.0 {
            let (x, y) = point(p);
            self.ops.push(Op::Rect { x, y, w: 1.0, h: 1.0, fill: Some(rgb(color)), stroke: None });
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        if let Some((color, width)) = stroke(style) {
            self.ops.push(Op::Line { from: point(from), to: point(to), width, color });
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Never>> {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
        let (x0, y0) = point(upper_left);
        let (x1, y1) = point(bottom_right);
        let (x, y, w, h) = (x0.min(x1), y0.min(y1), (x1 - x0).abs(), (y1 - y0).abs());
        let op = if fill {
            Op::Rect { x, y, w, h, fill: Some(rgb(style.color())), stroke: None }
        } else {
            Op::Rect { x, y, w, h, fill: None, stroke: stroke(style) }
        };
        self.ops.push(op);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        if let Some(s) = stroke(style) {
            let points: Vec<(f32, f32)> = path.into_iter().map(point).collect();
            if points.len() > 1 {
                self.ops.push(Op::Path { points, closed: false, fill: None, stroke: Some(s) });
            }
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Never>> {
        if style.color().alpha > 0.0 {
            let (fill, stroke) = if fill { (Some(rgb(style.color())), None) } else { (None, stroke(style)) };
            self.ops.push(Op::Circle { center: point(center), r: radius as f32, fill, stroke });
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        if style.color().alpha > 0.0 {
            let points: Vec<(f32, f32)> = vert.into_iter().map(point).collect();
            if points.len() > 2 {
                self.ops.push(Op::Path { points, closed: true, fill: Some(rgb(style.color())), stroke: None });
            }
        }
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Never>> {
        if style.color().alpha <= 0.0 || text.trim().is_empty() {
            return Ok(());
        }
        let font = Self::font(style);
        let em = self.em(style.size());
        let f = self.fonts.get(font);
        let width = f.width(text, em);
        let (ascent, descent) = (f.ascent() * em, f.descent() * em);
        let anchor = style.anchor();
        let dx = match anchor.h_pos {
            HPos::Left => 0.0,
            HPos::Center => -width / 2.0,
            HPos::Right => -width,
        };
        let dy = match anchor.v_pos {
            VPos::Top => ascent,
            VPos::Center => (ascent - descent) / 2.0,
            VPos::Bottom => -descent,
        };
        // The offsets are in the text's own direction, turned with it about `pos`.
        let (ox, oy, turn) = match style.transform() {
            FontTransform::None | FontTransform::Rotate180 => (dx, dy, Turn::None),
            FontTransform::Rotate90 => (-dy, dx, Turn::Down),
            FontTransform::Rotate270 => (dy, -dx, Turn::Up),
        };
        let (x, y) = point(pos);
        self.ops.push(Op::Text {
            x: x + ox,
            y: y + oy,
            font,
            size: em,
            color: rgb(style.color()),
            turn,
            text: text.to_string(),
        });
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Never>> {
        let em = self.em(style.size());
        let width = self.fonts.get(Self::font(style)).width(text, em);
        Ok((width.ceil() as u32, style.size().ceil() as u32))
    }
}

/// The chart `spec`, `height` points tall across the body, with its caption below; kept on one
/// page.
pub fn chart(l: &mut Layout, caption: &str, spec: &ChartSpec, height: f32) -> Result<(), PdfError> {
    let width = l.width();
    let caption_style = Style::bold(9.0).centered();
    let caption_lines = l.wrap(caption, width, caption_style.font, caption_style.size);
    let height = height.min(l.body_height() - caption_lines.len() as f32 * caption_style.line_height() - 8.0);
    l.space(6.0);
    l.ensure(height + 4.0 + caption_lines.len() as f32 * caption_style.line_height());
    let units = |pt: f32| (f64::from(pt / POINT_PER_UNIT) * FINE).round() as u32;
    let mut ops = Vec::new();
    let root = Recorder { fonts: l.fonts, size: (units(width), units(height)), ops: &mut ops }.into_drawing_area();
    super::super::chart::draw(root, spec, Lang::Id, FINE).map_err(|e| PdfError::new(e.to_string()))?;
    let k = POINT_PER_UNIT / FINE as f32;
    let (x0, y0) = (l.left(), l.y);
    let at = |(x, y): (f32, f32)| (x0 + x * k, y0 + y * k);
    let line = |w: f32| (w * k).max(0.35);
    for op in ops {
        l.push(match op {
            Op::Text { x, y, font, size, color, turn, text } => {
                let (x, y) = at((x, y));
                Op::Text { x, y, font, size: size * k, color, turn, text }
            }
            Op::Line { from, to, width, color } => Op::Line { from: at(from), to: at(to), width: line(width), color },
            Op::Rect { x, y, w, h, fill, stroke } => {
                let (x, y) = at((x, y));
                Op::Rect { x, y, w: w * k, h: h * k, fill, stroke: stroke.map(|(c, w)| (c, line(w))) }
            }
            Op::Path { points, closed, fill, stroke } => Op::Path {
                points: points.into_iter().map(at).collect(),
                closed,
                fill,
                stroke: stroke.map(|(c, w)| (c, line(w))),
            },
            Op::Circle { center, r, fill, stroke } => {
                Op::Circle { center: at(center), r: r * k, fill, stroke: stroke.map(|(c, w)| (c, line(w))) }
            }
        });
    }
    l.y += height + 4.0;
    for line in caption_lines {
        l.line_at(&line, l.left(), width, caption_style);
        l.y += caption_style.line_height();
    }
    l.space(8.0);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::Settings;
    use crate::report::charts::all_charts;

    #[test]
    fn chart_text_is_at_least_8_points_and_inside_the_chart() {
        let d = crate::embedded::dataset().unwrap();
        let fonts = Fonts::load().unwrap();
        for spec in all_charts(&d, &Settings::default(), 2024, Lang::Id) {
            let mut l = Layout::new(&fonts, String::new());
            let top = l.y;
            chart(&mut l, &spec.title, &spec, 270.0).unwrap();
            let page = &l.pages[0];
            let texts: Vec<(f32, f32, f32, &str)> = page
                .ops
                .iter()
                .filter_map(|o| {
                    if let Op::Text { x, y, size, text, .. } = o {
                        Some((*x, *y, *size, text.as_str()))
                    } else {
                        None
                    }
                })
                .collect();
            assert!(texts.len() > 3, "{}: {texts:?}", spec.id);
            for (x, y, size, text) in &texts {
                assert!(*size >= 8.0, "{}: '{text}' is {size} pt", spec.id);
                assert!(*x >= l.left() - 0.5 && *y >= top && *y <= l.y, "{}: '{text}' at ({x}, {y})", spec.id);
            }
            assert!(texts.iter().any(|t| t.3 == spec.title), "{}: the title", spec.id);
        }
    }
}
