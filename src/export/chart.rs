//! Charts drawn to PNG and SVG with plotters from the same description as the screen, on a
//! white background, with the embedded font.

use crate::format::Lang;
use crate::report::charts::{axis_text, ChartSpec, SeriesKind};
use image::ImageEncoder;
use plotters::prelude::*;
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

fn draw<DB: DrawingBackend>(
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
    let points: Vec<[f64; 2]> = spec.series.iter().flat_map(|s| s.points.iter().copied()).collect();
    let categorical = !spec.categories.is_empty();
    let (x0, x1) = if categorical {
        (-0.6, spec.categories.len() as f64 - 0.4)
    } else {
        let lo = points.iter().map(|p| p[0]).fold(f64::INFINITY, f64::min);
        let hi = points.iter().map(|p| p[0]).fold(f64::NEG_INFINITY, f64::max);
        if lo.is_finite() {
            (lo - 0.5, hi + 0.5)
        } else {
            (0.0, 1.0)
        }
    };
    let has_bars = spec.series.iter().any(|s| s.kind == SeriesKind::Bar);
    let mut y_lo = points.iter().map(|p| p[1]).fold(f64::INFINITY, f64::min);
    let mut y_hi = points.iter().map(|p| p[1]).fold(f64::NEG_INFINITY, f64::max);
    for b in &spec.bands {
        y_lo = y_lo.min(b.from);
        y_hi = y_hi.max(b.to);
    }
    if !y_lo.is_finite() {
        (y_lo, y_hi) = (0.0, 1.0);
    }
    if has_bars && y_lo > 0.0 {
        y_lo = 0.0;
    }
    let pad = ((y_hi - y_lo) * 0.08).max(if y_hi.abs() > 0.0 { y_hi.abs() * 0.01 } else { 1.0 });
    let (y0, y1) = (if has_bars && y_lo >= 0.0 { 0.0 } else { y_lo - pad }, y_hi + pad);
    let step = (y1 - y0) / 6.0;
    let mut chart = ChartBuilder::on(&root)
        .caption(&spec.title, ("sans-serif", px(20.0)).into_font())
        .margin(px(14.0))
        .x_label_area_size(px(if categorical { 70.0 } else { 40.0 }))
        .y_label_area_size(px(90.0))
        .build_cartesian_2d(x0..x1, y0..y1)
        .map_err(err)?;
    let unit = spec.unit.clone();
    let categories = spec.categories.clone();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(if categorical { categories.len().max(1) } else { ((x1 - x0) as usize).max(2) })
        .x_label_formatter(&|x| {
            let r = x.round();
            if (x - r).abs() > 1e-6 {
                return String::new();
            }
            if categorical {
                categories.get(r as usize).map(|c| c.chars().take(22).collect()).unwrap_or_default()
            } else {
                format!("{}", r as i64)
            }
        })
        .y_label_formatter(&|y| axis_text(*y, step, &unit, lang))
        .x_desc(spec.x_label.clone())
        .y_desc(spec.y_label.clone())
        .label_style(("sans-serif", px(13.0)))
        .axis_desc_style(("sans-serif", px(14.0)))
        .draw()
        .map_err(err)?;
    for band in &spec.bands {
        let c = rgb(band.color);
        chart
            .draw_series(std::iter::once(Rectangle::new([(x0, band.from), (x1, band.to)], c.filled())))
            .map_err(err)?;
        chart
            .draw_series(std::iter::once(Text::new(
                band.label.clone(),
                (x0 + 0.05, (band.from + band.to) / 2.0),
                ("sans-serif", px(12.0)),
            )))
            .map_err(err)?;
    }
    let bars: Vec<usize> =
        spec.series.iter().enumerate().filter(|(_, s)| s.kind == SeriesKind::Bar).map(|(i, _)| i).collect();
    let width = 0.8 / bars.len().max(1) as f64;
    for (i, s) in spec.series.iter().enumerate() {
        let color = rgb(s.color);
        let legend = move |(x, y): (i32, i32)| Rectangle::new([(x, y - 5), (x + 14, y + 5)], color.filled());
        match s.kind {
            SeriesKind::Line => {
                chart
                    .draw_series(LineSeries::new(
                        s.points.iter().map(|p| (p[0], p[1])),
                        color.stroke_width(px(2.5) as u32),
                    ))
                    .map_err(err)?
                    .label(s.name.clone())
                    .legend(legend);
                chart
                    .draw_series(s.points.iter().map(|p| Circle::new((p[0], p[1]), px(4.0), color.filled())))
                    .map_err(err)?;
            }
            SeriesKind::Points => {
                chart
                    .draw_series(s.points.iter().map(|p| Circle::new((p[0], p[1]), px(5.0), color.filled())))
                    .map_err(err)?
                    .label(s.name.clone())
                    .legend(legend);
            }
            SeriesKind::Bar => {
                let slot = bars.iter().position(|b| *b == i).unwrap_or(0) as f64;
                let off = -0.4 + width * slot;
                chart
                    .draw_series(s.points.iter().map(|p| {
                        Rectangle::new(
                            [(p[0] + off, 0.0_f64.max(y0)), (p[0] + off + width * 0.95, p[1])],
                            color.filled(),
                        )
                    }))
                    .map_err(err)?
                    .label(s.name.clone())
                    .legend(legend);
            }
        }
    }
    chart
        .configure_series_labels()
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK.mix(0.3))
        .label_font(("sans-serif", px(13.0)))
        .position(SeriesLabelPosition::UpperRight)
        .draw()
        .map_err(err)?;
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
