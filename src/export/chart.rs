//! Charts drawn to PNG and SVG with plotters from the same description as the screen, on a
//! white background, with the embedded font.

use crate::format::Lang;
use crate::report::charts::{darker, ChartSpec, SeriesKind};
use image::ImageEncoder;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{register_font, FontStyle};
use std::sync::Once;

static FONT: Once = Once::new();

fn ensure_font() {
    FONT.call_once(|| {
        // The embedded TTF is valid (it is also the window's font); a failure would only mean
        // plotters' own fallback.
        let _ = register_font("sans-serif", FontStyle::Normal, crate::embedded::FONT_TTF);
        let _ = register_font("sans-serif", FontStyle::Bold, crate::embedded::FONT_TTF);
    });
}

fn rgb(c: [u8; 3]) -> RGBColor {
    RGBColor(c[0], c[1], c[2])
}

/// Why a chart could not be drawn.
#[derive(Debug, thiserror::Error)]
#[error("the chart could not be drawn: {0}")]
pub struct ChartError(String);

fn err<E: std::fmt::Display>(e: E) -> ChartError {
    ChartError(e.to_string())
}

/// Text size in pixels; a backend that cannot measure (never the case for the bitmap and SVG
/// backends with the registered font) falls back to an average glyph width.
fn text_size<DB: DrawingBackend>(area: &DrawingArea<DB, plotters::coord::Shift>, text: &str, px: f64) -> (i32, i32) {
    let style = TextStyle::from(("sans-serif", px).into_font());
    let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    let lines = text.lines().count().max(1) as i32;
    let width = text
        .lines()
        .map(|l| {
            area.estimate_text_size(l, &style).map(|(w, _)| w as i32).unwrap_or((longest as f64 * px * 0.55) as i32)
        })
        .max()
        .unwrap_or(0);
    (width, (px * 1.25).round() as i32 * lines)
}

pub(super) fn draw<DB: DrawingBackend>(
    root: DrawingArea<DB, plotters::coord::Shift>,
    spec: &ChartSpec,
    lang: Lang,
    scale: f64,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    ensure_font();
    root.fill(&WHITE).map_err(err)?;
    let px = |v: f64| (v * scale).round() as i32;
    let (width, height) = root.dim_in_pixel();
    let (width, height) = (width as i32, height as i32);
    let grey = RGBColor(90, 90, 90);

    // The title above, centred; the plot never reaches it.
    let title_font = ("sans-serif", px(20.0) as f64).into_font();
    let title_style = TextStyle::from(title_font).pos(Pos::new(HPos::Center, VPos::Top));
    root.draw(&Text::new(spec.title.clone(), (width / 2, px(10.0)), title_style)).map_err(err)?;
    let (_, body) = root.split_vertically(px(42.0));
    let body_height = height - px(42.0);

    // An empty chart says why instead of showing an empty frame.
    if spec.is_empty() {
        body.draw(&Rectangle::new(
            [(px(14.0), px(4.0)), (width - px(14.0), body_height - px(14.0))],
            RGBColor(200, 200, 200).stroke_width(1),
        ))
        .map_err(err)?;
        let style = TextStyle::from(("sans-serif", px(18.0) as f64).into_font())
            .color(&grey)
            .pos(Pos::new(HPos::Center, VPos::Center));
        body.draw(&Text::new(spec.no_data.clone(), (width / 2, body_height / 2), style)).map_err(err)?;
        root.present().map_err(err)?;
        return Ok(());
    }

    // The legend below the plot, in as many rows as it needs, so that it never covers a point.
    let legend_px = px(13.0) as f64;
    let entries: Vec<(String, [u8; 3], i32)> = spec
        .legend(lang)
        .into_iter()
        .map(|(name, color)| {
            let w = text_size(&body, &name, legend_px).0 + px(14.0 + 6.0 + 22.0);
            (name, color, w)
        })
        .collect();
    let mut rows: Vec<Vec<(String, [u8; 3], i32)>> = vec![Vec::new()];
    let mut row_width = 0;
    let usable = width - px(28.0);
    for e in entries {
        if row_width + e.2 > usable && rows.last().is_some_and(|r| !r.is_empty()) {
            rows.push(Vec::new());
            row_width = 0;
        }
        row_width += e.2;
        if let Some(r) = rows.last_mut() {
            r.push(e);
        }
    }
    let row_height = px(22.0);
    let legend_height = rows.len() as i32 * row_height + px(8.0);
    let (plot_area, legend_area) = body.split_vertically(body_height - legend_height);
    for (i, row) in rows.iter().enumerate() {
        let total: i32 = row.iter().map(|e| e.2).sum();
        let mut x = (width - total) / 2;
        let y = px(4.0) + i as i32 * row_height + row_height / 2;
        for (name, color, w) in row {
            legend_area
                .draw(&Rectangle::new([(x, y - px(5.0)), (x + px(14.0), y + px(5.0))], rgb(*color).filled()))
                .map_err(err)?;
            let style = TextStyle::from(("sans-serif", legend_px).into_font()).pos(Pos::new(HPos::Left, VPos::Center));
            legend_area.draw(&Text::new(name.clone(), (x + px(20.0), y), style)).map_err(err)?;
            x += w;
        }
    }

    let y_axis = spec.y_axis(lang);
    let y_title = spec.y_title(&y_axis, lang);
    let label_px = px(13.0) as f64;
    let y_label_width = y_axis.ticks.iter().map(|t| text_size(&plot_area, &t.label, label_px).0).max().unwrap_or(0);
    let y_area = y_label_width + px(14.0 + 8.0 + 10.0);
    let plot_width = width - y_area - px(28.0);
    let categorical = !spec.categories.is_empty();
    // Years: a label needs about 60 px; categories: names wrapped into the width of their slot.
    let x_axis = spec.x_axis(((plot_width / px(60.0)).max(2)) as usize);
    let x_labels: Vec<(f64, String)> = if categorical {
        let slot = plot_width as f64 / spec.categories.len().max(1) as f64;
        // The names' own mean character width, measured in the font, and one character kept for
        // the `…` of a cut word (a guess of half the size let wide names run into each other on
        // a narrow chart, as in the PDF).
        let names: String = x_axis.ticks.iter().map(|t| t.label.as_str()).collect();
        let count = names.chars().count().max(1) as f64;
        let char_width = (text_size(&plot_area, &names, label_px).0 as f64 / count).max(label_px * 0.3);
        let chars = ((slot - px(8.0) as f64) / char_width - 1.0).floor().max(4.0) as usize;
        x_axis.ticks.iter().map(|t| (t.value, crate::report::ticks::wrap_label(&t.label, chars, 3))).collect()
    } else {
        x_axis.ticks.iter().map(|t| (t.value, t.label.clone())).collect()
    };
    let label_lines = x_labels.iter().map(|(_, l)| l.lines().count()).max().unwrap_or(1).max(1) as i32;
    let line_height = (label_px * 1.25).round() as i32;
    // Room for the wrapped names and, under them, the axis title if the chart has one.
    let title_room = if spec.x_label.is_empty() { 0 } else { px(22.0) };
    let x_area = label_lines * line_height + px(12.0) + title_room;
    let mut chart = ChartBuilder::on(&plot_area)
        .margin(px(14.0))
        .margin_top(px(6.0))
        .x_label_area_size(x_area)
        .y_label_area_size(y_area)
        .build_cartesian_2d(x_axis.min..x_axis.max, y_axis.min..y_axis.max)
        .map_err(err)?;
    // Plotters would pick its own tick positions; the shared ticks are drawn here instead, so
    // that the file shows the same values as the window.
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(0)
        .y_labels(0)
        .x_desc(spec.x_label.clone())
        .y_desc(y_title)
        .axis_desc_style(("sans-serif", px(14.0)))
        .draw()
        .map_err(err)?;
    let grid = RGBColor(225, 225, 225);
    chart
        .draw_series(
            y_axis.ticks.iter().map(|t| PathElement::new(vec![(x_axis.min, t.value), (x_axis.max, t.value)], grid)),
        )
        .map_err(err)?;
    let y_style = TextStyle::from(("sans-serif", label_px).into_font()).pos(Pos::new(HPos::Right, VPos::Center));
    for t in &y_axis.ticks {
        let (cx, cy) = chart.backend_coord(&(x_axis.min, t.value));
        root.draw(&Text::new(t.label.clone(), (cx - px(6.0), cy), y_style.clone())).map_err(err)?;
    }
    let x_style = TextStyle::from(("sans-serif", label_px).into_font()).pos(Pos::new(HPos::Center, VPos::Top));
    for (x, label) in &x_labels {
        let (cx, cy) = chart.backend_coord(&(*x, y_axis.min));
        root.draw(&PathElement::new(vec![(cx, cy), (cx, cy + px(4.0))], BLACK)).map_err(err)?;
        for (i, line) in label.lines().enumerate() {
            root.draw(&Text::new(line.to_string(), (cx, cy + px(7.0) + i as i32 * line_height), x_style.clone()))
                .map_err(err)?;
        }
    }
    for band in &spec.bands {
        let c = rgb(band.color);
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(x_axis.min, band.from.max(y_axis.min)), (x_axis.max, band.to.min(y_axis.max))],
                c.filled(),
            )))
            .map_err(err)?;
        // A band named in the legend is not named here, where bars would cover its name.
        if band.legend.is_none() {
            chart
                .draw_series(std::iter::once(Text::new(
                    band.label.clone(),
                    (x_axis.min + 0.05, (band.from + band.to) / 2.0),
                    ("sans-serif", px(12.0)),
                )))
                .map_err(err)?;
        }
    }
    let bars: Vec<usize> =
        spec.series.iter().enumerate().filter(|(_, s)| s.kind == SeriesKind::Bar).map(|(i, _)| i).collect();
    let width = 0.8 / bars.len().max(1) as f64;
    let base = 0.0_f64.clamp(y_axis.min, y_axis.max);
    for (i, s) in spec.series.iter().enumerate() {
        let color = rgb(s.color);
        match s.kind {
            SeriesKind::Line => {
                chart
                    .draw_series(LineSeries::new(
                        s.points.iter().map(|p| (p[0], p[1])),
                        color.stroke_width(px(2.5) as u32),
                    ))
                    .map_err(err)?;
                chart
                    .draw_series(s.points.iter().map(|p| Circle::new((p[0], p[1]), px(4.0), color.filled())))
                    .map_err(err)?;
            }
            SeriesKind::Points => {
                chart
                    .draw_series(s.points.iter().map(|p| Circle::new((p[0], p[1]), px(5.0), color.filled())))
                    .map_err(err)?;
            }
            SeriesKind::Bar => {
                let slot = bars.iter().position(|b| *b == i).unwrap_or(0) as f64;
                let off = -0.4 + width * slot;
                // Each bar in its own colour (a status), with a darker outline.
                for (j, p) in s.points.iter().enumerate() {
                    let c = ChartSpec::point_color(s, j);
                    let corners = [(p[0] + off, base), (p[0] + off + width * 0.95, p[1])];
                    chart.draw_series(std::iter::once(Rectangle::new(corners, rgb(c).filled()))).map_err(err)?;
                    chart
                        .draw_series(std::iter::once(Rectangle::new(corners, rgb(darker(c)).stroke_width(1))))
                        .map_err(err)?;
                }
            }
        }
    }
    if let Some(target) = &spec.target {
        // Dashed, so that it reads as a reference and not as a series.
        let (x0, x1) = (x_axis.min, x_axis.max);
        let dash = (x1 - x0) / 60.0;
        let segments = (0..60).step_by(2).map(|k| {
            let a = x0 + dash * k as f64;
            PathElement::new(
                vec![(a, target.value), ((a + dash).min(x1), target.value)],
                rgb(target.color).stroke_width(px(2.0) as u32),
            )
        });
        chart.draw_series(segments).map_err(err)?;
    }
    root.present().map_err(err)?;
    Ok(())
}

/// PNG bytes at `width` × `height` points, multiplied by `scale` for print (2 → 3200×1800 for
/// 1600×900).
pub fn chart_png(spec: &ChartSpec, width: u32, height: u32, scale: f64, lang: Lang) -> Result<Vec<u8>, ChartError> {
    let (w, h) = (((width as f64) * scale).round() as u32, ((height as f64) * scale).round() as u32);
    if w == 0 || h == 0 || w > 20_000 || h > 20_000 {
        return Err(ChartError(format!("ukuran {w}×{h} piksel tidak masuk akal")));
    }
    let mut buffer = vec![0u8; (w * h * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buffer, (w, h)).into_drawing_area();
        draw(root, spec, lang, scale)?;
    }
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png).write_image(&buffer, w, h, image::ColorType::Rgb8).map_err(err)?;
    Ok(png)
}

/// SVG text at `width` × `height`.
pub fn chart_svg(spec: &ChartSpec, width: u32, height: u32, lang: Lang) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        draw(root, spec, lang, 1.0)?;
    }
    Ok(svg)
}
