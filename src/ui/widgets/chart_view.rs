//! A chart description drawn with egui_plot; hover shows exact values in the user's format.

use crate::format::Lang;
use crate::report::charts::{ChartSpec, SeriesKind};
use egui_plot::{Bar, BarChart, HLine, Legend, Line, Plot, PlotPoints, Points, Polygon};

use crate::report::charts::{axis_text, value_text};

fn color(c: [u8; 3]) -> egui::Color32 {
    egui::Color32::from_rgb(c[0], c[1], c[2])
}

/// Draws `chart` at `height` points; returns whether *Simpan sebagai…* was clicked.
pub fn chart_view_ui(ui: &mut egui::Ui, chart: &ChartSpec, lang: Lang, height: f32) -> bool {
    // A chart scrolled out of sight only keeps its place: plots are costly to lay out, and a tab
    // with several of them would otherwise pay for all of them every frame.
    let title_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    let footprint =
        egui::Rect::from_min_size(ui.cursor().min, egui::vec2(ui.available_width(), title_height + height + 40.0));
    if !ui.is_rect_visible(footprint) {
        ui.allocate_space(footprint.size());
        return false;
    }
    let mut save = false;
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(&chart.title).strong());
        save = ui.small_button(lang.pick("Simpan sebagai…", "Save as…")).clicked();
    });
    let categories = chart.categories.clone();
    let cats_for_hover = chart.categories.clone();
    let unit = chart.unit.clone();
    let unit_axis = chart.unit.clone();
    let is_year_axis = categories.is_empty();
    let bar_series: Vec<usize> =
        chart.series.iter().enumerate().filter(|(_, s)| s.kind == SeriesKind::Bar).map(|(i, _)| i).collect();
    let n_bars = bar_series.len().max(1) as f64;
    let width = 0.8 / n_bars;
    let y_min = chart.series.iter().flat_map(|s| s.points.iter().map(|p| p[1])).fold(f64::INFINITY, f64::min);
    let mut plot = Plot::new(&chart.id)
        .height(height)
        .legend(Legend::default())
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .x_axis_label(chart.x_label.clone())
        .y_axis_min_width(60.0)
        .y_axis_formatter(move |mark, _| axis_text(mark.value, mark.step_size, &unit_axis, lang))
        .x_axis_formatter(move |mark, _| {
            if mark.value.fract().abs() > 1e-9 || mark.value < 0.0 {
                return String::new();
            }
            if is_year_axis {
                format!("{}", mark.value as i64)
            } else {
                categories.get(mark.value as usize).map(|c| c.chars().take(18).collect()).unwrap_or_default()
            }
        })
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint { plot_name, position, .. } => {
                let x = if cats_for_hover.is_empty() {
                    format!("{}", position.x.round() as i64)
                } else {
                    cats_for_hover.get(position.x.round().max(0.0) as usize).cloned().unwrap_or_default()
                };
                Some(format!("{plot_name}\n{x}\n{}", value_text(position.y, &unit, lang)))
            }
            _ => None,
        });
    // Bars start at zero; lines keep their own range so that small movements stay visible.
    let has_bars = chart.series.iter().any(|s| s.kind == SeriesKind::Bar);
    if has_bars && y_min.is_finite() && y_min >= 0.0 {
        plot = plot.include_y(0.0);
    }
    for band in &chart.bands {
        plot = plot.include_y(band.from).include_y(band.to);
    }
    if !is_year_axis {
        plot = plot.include_x(-0.6).include_x(chart.categories.len() as f64 - 0.4);
    }
    plot.show(ui, |plot_ui| {
        for band in &chart.bands {
            let (x0, x1) = chart
                .series
                .iter()
                .flat_map(|s| s.points.iter().map(|p| p[0]))
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| (a.min(x), b.max(x)));
            let (x0, x1) = if x0.is_finite() { (x0 - 0.5, x1 + 0.5) } else { (0.0, 1.0) };
            let fill = color(band.color);
            // Unnamed items stay out of the legend; the band's label is written inside it.
            plot_ui.polygon(
                Polygon::new(
                    "",
                    PlotPoints::from(vec![[x0, band.from], [x1, band.from], [x1, band.to], [x0, band.to]]),
                )
                .fill_color(fill)
                .stroke(egui::Stroke::NONE)
                .allow_hover(false),
            );
            plot_ui.hline(HLine::new("", band.from).color(egui::Color32::from_gray(200)).allow_hover(false));
            plot_ui.text(egui_plot::Text::new(
                "",
                egui_plot::PlotPoint::new(x0 + 0.1, (band.from + band.to) / 2.0),
                band.label.clone(),
            ));
        }
        for (si, s) in chart.series.iter().enumerate() {
            match s.kind {
                SeriesKind::Line => {
                    plot_ui.line(
                        Line::new(s.name.clone(), PlotPoints::from(s.points.clone())).color(color(s.color)).width(2.0),
                    );
                    plot_ui.points(
                        Points::new(s.name.clone(), PlotPoints::from(s.points.clone()))
                            .color(color(s.color))
                            .radius(4.0),
                    );
                }
                SeriesKind::Points => {
                    plot_ui.points(
                        Points::new(s.name.clone(), PlotPoints::from(s.points.clone()))
                            .color(color(s.color))
                            .radius(5.0),
                    );
                }
                SeriesKind::Bar => {
                    let slot = bar_series.iter().position(|i| *i == si).unwrap_or(0) as f64;
                    let offset = -0.4 + width * (slot + 0.5);
                    let bars = s.points.iter().map(|p| Bar::new(p[0] + offset, p[1]).width(width * 0.95)).collect();
                    plot_ui.bar_chart(BarChart::new(s.name.clone(), bars).color(color(s.color)));
                }
            }
        }
    });
    save
}
