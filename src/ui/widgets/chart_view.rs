//! A chart description drawn with egui_plot; hover shows exact values and full names in the
//! user's format. Ticks, ranges and legend entries come from the chart description (the same as
//! the file renderer's); the legend is a row of coloured labels under the plot, so that it never
//! covers a point.

use crate::format::Lang;
use crate::report::charts::{darker, value_text, ChartSpec, SeriesKind};
use crate::report::ticks::{self, wrap_label};
use egui_plot::{AxisHints, Bar, BarChart, GridMark, HLine, Line, Plot, PlotBounds, PlotPoints, Points, Polygon};

fn color(c: [u8; 3]) -> egui::Color32 {
    egui::Color32::from_rgb(c[0], c[1], c[2])
}

/// Room for the y axis' tick labels and title, for fitting the x labels.
const Y_AXIS_WIDTH: f32 = 96.0;

/// What the user did with a chart during the frame.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ChartResponse {
    /// *Simpan sebagai…* was clicked.
    pub save: bool,
    /// A point, a bar or its link under the chart was clicked: the x of what is behind it (the
    /// category's index, or the year).
    pub open: Option<f64>,
}

/// Draws `chart` at `height` points; returns whether *Simpan sebagai…* was clicked.
pub fn chart_view_ui(ui: &mut egui::Ui, chart: &ChartSpec, lang: Lang, height: f32) -> bool {
    chart_view(ui, chart, lang, height, false).save
}

/// The x values a click can open: every category, or every year with a point.
fn openable(chart: &ChartSpec) -> Vec<f64> {
    if !chart.categories.is_empty() {
        return (0..chart.categories.len()).map(|i| i as f64).collect();
    }
    let mut xs: Vec<f64> = chart.series.iter().flat_map(|s| s.points.iter().map(|p| p[0].round())).collect();
    xs.sort_by(f64::total_cmp);
    xs.dedup();
    xs
}

/// Draws `chart` at `height` points. With `links`, a click on a point or bar opens what is behind
/// it, and a row of links under the legend does the same for keyboard and screen reader users
/// (plot items are not AccessKit nodes).
pub fn chart_view(ui: &mut egui::Ui, chart: &ChartSpec, lang: Lang, height: f32, links: bool) -> ChartResponse {
    let mut out = ChartResponse::default();
    out.save = chart_plot_ui(ui, chart, lang, height, links.then_some(&mut out.open));
    out
}

fn chart_plot_ui(
    ui: &mut egui::Ui,
    chart: &ChartSpec,
    lang: Lang,
    height: f32,
    open: Option<&mut Option<f64>>,
) -> bool {
    let mut save = false;
    // The button keeps its place at the right; a long title is cut with … and shown whole on hover.
    egui::Sides::new().shrink_left().truncate().show(
        ui,
        |ui| {
            ui.label(egui::RichText::new(&chart.title).strong()).on_hover_text(&chart.title);
        },
        |ui| {
            save = ui.small_button(lang.pick("Simpan sebagai…", "Save as…")).clicked();
        },
    );
    // A chart scrolled out of sight keeps only its title (to be found) and its place: plots are
    // costly to lay out, and a tab with several of them would otherwise pay for all every frame.
    let legend_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    let footprint =
        egui::Rect::from_min_size(ui.cursor().min, egui::vec2(ui.available_width(), height + legend_height + 40.0));
    if !ui.is_rect_visible(footprint) {
        ui.allocate_space(footprint.size());
        return save;
    }
    if chart.is_empty() {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(ui.available_width(), height), egui::Sense::hover());
        ui.painter().rect_stroke(
            rect,
            4.0,
            egui::Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color),
            egui::StrokeKind::Inside,
        );
        ui.put(rect, egui::Label::new(egui::RichText::new(&chart.no_data).italics()));
        return save;
    }

    let y_axis = chart.y_axis(lang);
    let y_title = chart.y_title(&y_axis, lang);
    let plot_width = (ui.available_width() - Y_AXIS_WIDTH).max(120.0);
    let categorical = !chart.categories.is_empty();
    let x_axis = chart.x_axis((plot_width / 55.0).max(2.0) as usize);
    let x_labels: Vec<(f64, String)> = if categorical {
        let slot = plot_width / chart.categories.len().max(1) as f32;
        // The average letter of the axis font, measured, so that wrapped names fit their slot.
        let sample = "Program Pelayanan Perizinan Usaha";
        let font = egui::TextStyle::Body.resolve(ui.style());
        let char_width = ui.fonts_mut(|f| f.layout_no_wrap(sample.into(), font, egui::Color32::BLACK).size().x)
            / sample.chars().count() as f32;
        // A fifth more for names with many wide letters (Pemberdayaan): a label wider than its
        // slot is not drawn at all.
        let chars = ((slot - 6.0) / (char_width.max(1.0) * 1.2)).floor().max(4.0) as usize;
        let wrapped: Vec<(f64, String)> =
            x_axis.ticks.iter().map(|t| (t.value, wrap_label(&t.label, chars, 4))).collect();
        // Names that would be cut (`Penunja…`) give way to their kode (`1.`) where every category
        // has one: the links under the chart and the hover give each kode its name.
        let kodes: Option<Vec<String>> = x_axis
            .ticks
            .iter()
            .map(|t| t.label.split_once(". ").map(|(k, _)| format!("{k}.")).filter(|k| k.len() <= 8))
            .collect();
        match kodes {
            Some(kodes) if wrapped.iter().any(|(_, l)| l.contains('…')) => {
                x_axis.ticks.iter().zip(kodes).map(|(t, k)| (t.value, k)).collect()
            }
            _ => wrapped,
        }
    } else {
        x_axis.ticks.iter().map(|t| (t.value, t.label.clone())).collect()
    };
    let x_marks: Vec<GridMark> =
        x_axis.ticks.iter().map(|t| GridMark { value: t.value, step_size: x_axis.step }).collect();
    let y_marks: Vec<GridMark> =
        y_axis.ticks.iter().map(|t| GridMark { value: t.value, step_size: y_axis.step }).collect();
    let y_for_labels = y_axis.clone();
    let full_names = chart.categories.clone();
    let unit = chart.unit.clone();
    let x_hints =
        AxisHints::new_x().label(chart.x_label.clone()).label_spacing(10.0..=12.0).formatter(move |mark, _| {
            x_labels.iter().find(|(v, _)| (v - mark.value).abs() < 1e-6).map(|(_, l)| l.clone()).unwrap_or_default()
        });
    let y_hints = AxisHints::new_y()
        .label(y_title)
        .label_spacing(10.0..=12.0)
        .formatter(move |mark, _| y_for_labels.label_at(mark.value).unwrap_or("").to_string());
    let bar_series: Vec<usize> =
        chart.series.iter().enumerate().filter(|(_, s)| s.kind == SeriesKind::Bar).map(|(i, _)| i).collect();
    let n_bars = bar_series.len().max(1) as f64;
    let width = 0.8 / n_bars;
    let plot = Plot::new(&chart.id)
        .height(height)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .custom_x_axes(vec![x_hints])
        .custom_y_axes(vec![y_hints])
        // Vertical grid lines would cut through bars and add nothing to years; the marks still
        // place the x labels.
        .show_grid(egui::Vec2b::new(false, true))
        .x_grid_spacer(move |_| x_marks.clone())
        .y_grid_spacer(move |_| y_marks.clone())
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint { plot_name, position, .. } => {
                let x = if full_names.is_empty() {
                    format!("{}", position.x.round() as i64)
                } else {
                    full_names.get(position.x.round().max(0.0) as usize).cloned().unwrap_or_default()
                };
                Some(format!("{plot_name}\n{x}\n{}", value_text(position.y, &unit, lang)))
            }
            _ => None,
        });
    let (x0, x1, y0, y1) = (x_axis.min, x_axis.max, y_axis.min, y_axis.max);
    let shown = plot.show(ui, |plot_ui| {
        // Every frame: the remembered bounds of another year or language must not stay.
        plot_ui.set_plot_bounds(PlotBounds::from_min_max([x0, y0], [x1, y1]));
        for band in &chart.bands {
            let fill = color(band.color);
            let (from, to) = (band.from.max(y0), band.to.min(y1));
            // Unnamed items stay out of the hover; the band's label is written inside it.
            plot_ui.polygon(
                Polygon::new("", PlotPoints::from(vec![[x0, from], [x1, from], [x1, to], [x0, to]]))
                    .fill_color(fill)
                    .stroke(egui::Stroke::NONE)
                    .allow_hover(false),
            );
            plot_ui.hline(HLine::new("", band.from).color(egui::Color32::from_gray(200)).allow_hover(false));
            // A band named in the legend is not named here, where bars would cover its name.
            if band.legend.is_none() {
                plot_ui.text(
                    egui_plot::Text::new(
                        "",
                        egui_plot::PlotPoint::new(x0 + 0.05, (from + to) / 2.0),
                        band.label.clone(),
                    )
                    .anchor(egui::Align2::LEFT_CENTER),
                );
            }
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
                    let bars = s
                        .points
                        .iter()
                        .enumerate()
                        .map(|(i, p)| {
                            let name = chart.categories.get(p[0] as usize).cloned().unwrap_or_default();
                            // Opaque over the bands, with a darker outline: a bar reads as its
                            // colour, not as a mix with the band behind it.
                            let c = ChartSpec::point_color(s, i);
                            Bar::new(p[0] + offset, p[1])
                                .width(width * 0.95)
                                .name(name)
                                .fill(color(c))
                                .stroke(egui::Stroke::new(1.0, color(darker(c))))
                        })
                        .collect();
                    plot_ui.bar_chart(BarChart::new(s.name.clone(), bars).color(color(s.color)).element_formatter(
                        Box::new({
                            let unit = chart.unit.clone();
                            let series = s.name.clone();
                            move |bar, _| format!("{series}\n{}\n{}", bar.name, value_text(bar.value, &unit, lang))
                        }),
                    ));
                }
            }
        }
        if let Some(target) = &chart.target {
            plot_ui.hline(
                HLine::new(target.label.clone(), target.value)
                    .color(color(target.color))
                    .width(1.5)
                    .style(egui_plot::LineStyle::dashed_loose()),
            );
        }
    });
    legend_ui(ui, chart, lang);
    if let Some(open) = open {
        let xs = openable(chart);
        if shown.response.clicked() {
            // The nearest category or year under the pointer; a click beside every item opens nothing.
            let x = shown.response.interact_pointer_pos().map(|pos| shown.transform.value_from_position(pos).x.round());
            *open = x.filter(|x| xs.contains(x));
        }
        if shown.response.hovered() && !xs.is_empty() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        links_ui(ui, chart, lang, &xs, open);
    }
    save
}

/// *Buka baris*: one link per category or year, each opening the row behind it.
fn links_ui(ui: &mut egui::Ui, chart: &ChartSpec, lang: Lang, xs: &[f64], open: &mut Option<f64>) {
    if xs.is_empty() {
        return;
    }
    let short = ticks::distinct_categories(&chart.categories);
    ui.horizontal_wrapped(|ui| {
        ui.label(lang.pick("Buka baris:", "Open row:"));
        for x in xs {
            let i = *x as usize;
            let (text, full) = match (short.get(i), chart.categories.get(i)) {
                (Some(s), Some(f)) => (s.clone(), f.clone()),
                _ => (format!("{x}"), format!("{} {x}", chart.title)),
            };
            // The arrow tells the chart's link from the same name's link in a table beside it.
            if ui.link(format!("→ {text}")).on_hover_text(full).clicked() {
                *open = Some(*x);
            }
        }
    });
}

/// The legend under the plot: a coloured square and the series' name, wrapped over lines between
/// entries, never inside one (`rendah (≥` / `51 %)`).
fn legend_ui(ui: &mut egui::Ui, chart: &ChartSpec, lang: Lang) {
    ui.horizontal_wrapped(|ui| {
        let font = egui::TextStyle::Body.resolve(ui.style());
        for (name, c) in chart.legend(lang) {
            // Measured before it is placed: a wrapped layout decides the line of each widget by
            // its own size, so the square and the name would otherwise part.
            let text_width =
                ui.fonts_mut(|f| f.layout_no_wrap(name.clone(), font.clone(), egui::Color32::BLACK).size().x);
            let entry = 12.0 + ui.spacing().item_spacing.x + text_width;
            if entry > ui.available_size_before_wrap().x && ui.cursor().min.x > ui.max_rect().min.x + 1.0 {
                ui.end_row();
            }
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, color(c));
            // A name longer than the whole row is cut with … and shown whole on hover.
            ui.add(egui::Label::new(name).truncate());
            ui.add_space(10.0);
        }
    });
}
