//! A report table on screen: sticky header, right-aligned numbers, bold subtotals and totals,
//! a filter box, sorting, collapsible trees, and rows drawn only when visible.

use super::figure::{cell_text, figure_text};
use crate::format::Lang;
use crate::report::{Cell, ColumnKind, RowKind, TableView};
use crate::ui::strings::T;
use egui_extras::{Column, TableBuilder};
use std::collections::HashSet;

/// Per-table state kept by the window.
#[derive(Clone, Debug, Default)]
pub struct TableUiState {
    pub filter: String,
    /// Column index and ascending.
    pub sort: Option<(usize, bool)>,
    /// Subjects of collapsed tree rows.
    pub collapsed: HashSet<String>,
    /// Row to scroll to and highlight once.
    pub scroll_to: Option<String>,
    pub selected: Option<String>,
    /// Estimated row heights, kept while the visible rows and column widths stay the same
    /// (measuring thousands of rows' text every frame would cost more than drawing them).
    heights: Option<(u64, Vec<f32>)>,
    /// Column widths measured from the content, kept while the table stays the same.
    widths: Option<(u64, Vec<f32>)>,
}

const ROW_HEIGHT: f32 = 20.0;

fn sort_key(cell: &Cell) -> (u8, rust_decimal::Decimal, String) {
    match cell {
        Cell::Figure { reported, computed } => (0, reported.or(*computed).unwrap_or_default(), String::new()),
        Cell::Range { low, .. } => (0, *low, String::new()),
        Cell::Text(s) => (1, Default::default(), s.to_lowercase()),
        Cell::Verdict { reported, computed } => {
            (1, Default::default(), reported.clone().or(computed.clone()).unwrap_or_default())
        }
        Cell::Empty => (2, Default::default(), String::new()),
    }
}

/// Shows `table`; returns the subject of a row the user clicked.
///
/// With `max_height` the table scrolls inside that height (long tables); without, it is laid
/// out in the surrounding scroll area. Either way only visible rows are drawn.
pub fn table_view_ui(
    ui: &mut egui::Ui,
    table: &TableView,
    lang: Lang,
    state: &mut TableUiState,
    max_height: Option<f32>,
) -> Option<String> {
    let mut clicked = None;
    ui.horizontal(|ui| {
        let label = ui.label(T::Filter.get(lang));
        ui.add(egui::TextEdit::singleline(&mut state.filter).hint_text(T::FilterHint.get(lang)).desired_width(220.0))
            .labelled_by(label.id);
    });
    let is_tree = table.rows.iter().any(|r| r.level > 0);
    let filter = state.filter.to_lowercase();

    // Which rows are visible: collapsed subtrees hidden, then the filter.
    let mut visible: Vec<usize> = Vec::with_capacity(table.rows.len());
    let mut hide_below: Option<u8> = None;
    for (i, row) in table.rows.iter().enumerate() {
        if let Some(level) = hide_below {
            if row.level > level {
                continue;
            }
            hide_below = None;
        }
        if is_tree && state.collapsed.contains(&row.subject) {
            hide_below = Some(row.level);
        }
        if !filter.is_empty() && row.kind != RowKind::Total {
            let hit = row.cells.iter().any(|c| matches!(c, Cell::Text(s) if s.to_lowercase().contains(&filter)));
            if !hit {
                continue;
            }
        }
        visible.push(i);
    }
    if let (Some((col, asc)), false) = (state.sort, is_tree) {
        let (mut body, totals): (Vec<usize>, Vec<usize>) =
            visible.iter().partition(|i| table.rows[**i].kind != RowKind::Total);
        body.sort_by(|a, b| {
            let o = sort_key(&table.rows[*a].cells[col]).cmp(&sort_key(&table.rows[*b].cells[col]));
            if asc {
                o
            } else {
                o.reverse()
            }
        });
        body.extend(totals);
        visible = body;
    }

    // Column widths from the content: a figure column as wide as its widest value, the name
    // column the rest (at least a readable width; beyond the page the table scrolls sideways).
    let content_key = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (&table.id, table.year, &table.title, table.rows.len(), lang == Lang::En).hash(&mut h);
        // A table can gain a column (the city check's) under the same id.
        table.columns.iter().for_each(|c| (&c.key, &c.label).hash(&mut h));
        h.finish()
    };
    if state.widths.as_ref().is_none_or(|(k, _)| *k != content_key) {
        state.widths = Some((content_key, content_widths(table, lang)));
    }
    let content: Vec<f32> = state.widths.as_ref().map_or_else(Vec::new, |(_, w)| w.clone());
    // Solid bars: egui's floating ones are hidden until hovered, and a user who does not see
    // one does not know the last columns can be reached.
    let page_scroll_style = ui.spacing().scroll;
    let mut scroll_style = page_scroll_style;
    scroll_style.floating = false;
    scroll_style.bar_width = scroll_style.bar_width.max(8.0);
    ui.spacing_mut().scroll = scroll_style;
    // The table takes the page's width: the text columns share what the figure columns leave,
    // each at least a readable width; only below that does the table scroll sideways. Exact
    // widths (not egui's remembered ones, which keep the first frame's width) so that a wider
    // window widens the names and a narrower one shows the scroll bar.
    let spacing = ui.spacing().item_spacing.x;
    let scroll_bar = if max_height.is_some() { ui.spacing().scroll.allocated_width() } else { 0.0 };
    let page = ui.available_width() - scroll_bar;
    let fixed: f32 = content.iter().filter(|w| **w > 0.0).sum::<f32>() + spacing * content.len() as f32;
    let text_cols = content.iter().filter(|w| **w == 0.0).count().max(1) as f32;
    // Several text columns share the minimum so that the figures stay on screen.
    let text_min = if text_cols > 1.0 { (TEXT_MIN_WIDTH / text_cols).max(140.0) } else { TEXT_MIN_WIDTH };
    let share = ((page - fixed) / text_cols).max(text_min).floor();
    let widths: Vec<f32> = content.iter().map(|w| if *w == 0.0 { share } else { *w }).collect();
    let key = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (&table.id, table.year, &table.title, table.rows.len(), &visible).hash(&mut h);
        widths.iter().for_each(|w| (w.round() as i64).hash(&mut h));
        // Text lengths stand for the content: an edited name may wrap differently.
        for i in &visible {
            for c in &table.rows[*i].cells {
                if let Cell::Text(t) = c {
                    t.len().hash(&mut h);
                }
            }
        }
        h.finish()
    };
    if state.heights.as_ref().is_none_or(|(k, _)| *k != key) {
        state.heights = Some((key, row_heights(ui, table, &visible, &widths, lang)));
    }
    let heights: Vec<f32> = state.heights.as_ref().map_or_else(Vec::new, |(_, h)| h.clone());

    // Scroll to a requested row once the table itself is on screen (the tab scrolls to it first).
    let top = ui.cursor().top();
    let on_screen = ui.clip_rect().y_range().contains(top);
    let scroll_row = if state.scroll_to.is_some() && !on_screen {
        ui.scroll_to_cursor(Some(egui::Align::TOP));
        ui.ctx().request_repaint();
        None
    } else {
        state.scroll_to.take().and_then(|s| visible.iter().position(|i| table.rows[*i].subject == s))
    };
    let header_height = header_height(ui, table, &widths);
    if let (Some(r), None) = (scroll_row, max_height) {
        // The surrounding scroll area scrolls to where the row will be.
        let y = ui.cursor().top() + header_height + heights[..r].iter().sum::<f32>();
        let rect = egui::Rect::from_min_size(egui::pos2(ui.cursor().left(), y), egui::vec2(10.0, heights[r]));
        ui.scroll_to_rect(rect, Some(egui::Align::Center));
    }
    // Wider than the page: the table scrolls sideways (a vertical wheel still scrolls the page
    // or the table's own rows; egui passes the wheel on where a scroll area is at its end).
    egui::ScrollArea::horizontal().id_salt(("table_hscroll", &table.id)).auto_shrink([false, true]).show(ui, |ui| {
        let mut builder = TableBuilder::new(ui)
            .id_salt(&table.id)
            .striped(true)
            .resizable(false)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
        builder = match max_height {
            Some(h) => builder.min_scrolled_height(h.min(200.0)).max_scroll_height(h),
            None => builder.vscroll(false),
        };
        if let (Some(r), Some(_)) = (scroll_row, max_height) {
            builder = builder.scroll_to_row(r, Some(egui::Align::Center));
        }
        for w in &widths {
            builder = builder.column(Column::exact(*w).clip(true));
        }
        builder
            .header(header_height, |mut header| {
                for (i, c) in table.columns.iter().enumerate() {
                    header.col(|ui| {
                        let arrow = match state.sort {
                            Some((col, true)) if col == i => " ▲",
                            Some((col, false)) if col == i => " ▼",
                            _ => "",
                        };
                        let text = egui::RichText::new(format!("{}{arrow}", c.label)).strong();
                        if is_tree {
                            ui.add(egui::Label::new(text).wrap());
                        } else if ui.add(egui::Label::new(text).wrap().sense(egui::Sense::click())).clicked() {
                            state.sort = match state.sort {
                                Some((col, true)) if col == i => Some((i, false)),
                                Some((col, false)) if col == i => None,
                                _ => Some((i, true)),
                            };
                        }
                    });
                }
            })
            .body(|body| {
                let mut draw_row = |mut row: egui_extras::TableRow<'_, '_>, index: usize| {
                    let r = &table.rows[visible[index]];
                    let selected = state.selected.as_deref() == Some(r.subject.as_str()) && !r.subject.is_empty();
                    row.set_selected(selected);
                    let has_children =
                        is_tree && table.rows.get(visible[index] + 1).is_some_and(|next| next.level > r.level);
                    for (ci, (cell, col)) in r.cells.iter().zip(&table.columns).enumerate() {
                        // A click on a cell's text selects the row as a click beside it does: the
                        // text senses the click itself so that AccessKit, which names the row by
                        // its text, can click it too.
                        let mut text_clicked = false;
                        let (_, resp) = row.col(|ui| {
                            if col.kind != ColumnKind::Text {
                                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                                    text_clicked = figure_cell_ui(ui, cell, col.kind, r.kind, lang)
                                });
                            } else {
                                if ci == first_text_col(table) && is_tree {
                                    ui.add_space(14.0 * r.level as f32);
                                    if has_children {
                                        let open = !state.collapsed.contains(&r.subject);
                                        if ui.small_button(if open { "▾" } else { "▸" }).clicked() {
                                            if open {
                                                state.collapsed.insert(r.subject.clone());
                                            } else {
                                                state.collapsed.remove(&r.subject);
                                            }
                                        }
                                    }
                                }
                                let mut text = egui::RichText::new(cell_text(cell, col.kind, lang));
                                if r.kind != RowKind::Normal {
                                    text = text.strong();
                                }
                                text_clicked = cell_label(ui, text, true).clicked();
                            }
                        });
                        if (resp.clicked() || text_clicked) && !r.subject.is_empty() {
                            state.selected = Some(r.subject.clone());
                            clicked = Some(r.subject.clone());
                        }
                    }
                };
                if max_height.is_some() {
                    // Long tables scroll inside their own area: only visible rows are drawn.
                    body.heterogeneous_rows(heights.iter().copied(), |row| {
                        let index = row.index();
                        draw_row(row, index)
                    });
                } else {
                    // Inside the tab's scroll area every row is laid out, so the table keeps its
                    // height wherever it is scrolled (report tables are short).
                    let mut body = body;
                    for (index, h) in heights.iter().enumerate() {
                        body.row(*h, |row| draw_row(row, index));
                    }
                }
            });
    });
    ui.spacing_mut().scroll = page_scroll_style;
    if !table.source.is_empty() {
        ui.label(egui::RichText::new(format!("{}: {}", T::Source.get(lang), table.source)).small().italics());
    }
    clicked
}

/// The narrowest a name column gets before the table scrolls sideways.
const TEXT_MIN_WIDTH: f32 = 260.0;

/// The width of each column from its content; 0 for a text column that takes the remaining
/// width. A figure column fits its widest formatted value (and the longest word of its header,
/// which wraps), a numbering or code column its longest text.
fn content_widths(table: &TableView, lang: Lang) -> Vec<f32> {
    // About the width of a digit of the body font; the cell's margins and a warning sign beside
    // a disputed figure come on top.
    const CHAR_WIDTH: f32 = 7.5;
    const PADDING: f32 = 28.0;
    table
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if c.kind == ColumnKind::Text && c.key != "no" && c.key != "kode" {
                return 0.0;
            }
            let widest_value = table
                .rows
                .iter()
                .filter_map(|r| r.cells.get(i))
                .map(|cell| cell_text(cell, c.kind, lang).chars().count())
                .max()
                .unwrap_or(0);
            let widest_word = c.label.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0);
            (widest_value.max(widest_word) as f32 * CHAR_WIDTH + PADDING).clamp(36.0, 260.0)
        })
        .collect()
}

/// Heights of the visible rows for the given column widths: the tallest wrapped text, laid
/// out as the cell lays it out, decides.
fn row_heights(ui: &egui::Ui, table: &TableView, visible: &[usize], widths: &[f32], lang: Lang) -> Vec<f32> {
    let tree_col = table.rows.iter().any(|r| r.level > 0).then(|| first_text_col(table));
    visible
        .iter()
        .map(|i| {
            let row = &table.rows[*i];
            let tallest = row
                .cells
                .iter()
                .zip(&table.columns)
                .zip(widths)
                .enumerate()
                .filter(|(_, ((_, c), _))| c.kind == ColumnKind::Text)
                .map(|(ci, ((cell, c), w))| {
                    // The tree's indent and its open/close button come before the name.
                    let has_children = table.rows.get(*i + 1).is_some_and(|next| next.level > row.level);
                    let indent = match tree_col {
                        Some(t) if t == ci => {
                            14.0 * row.level as f32 + if has_children { TREE_BUTTON_WIDTH } else { 0.0 }
                        }
                        _ => 0.0,
                    };
                    let mut text = egui::RichText::new(cell_text(cell, c.kind, lang));
                    if row.kind != RowKind::Normal {
                        text = text.strong();
                    }
                    text_height(ui, text, (w - indent - CELL_MARGIN).max(40.0))
                })
                .fold(0.0_f32, f32::max);
            (tallest + ROW_PADDING).max(ROW_HEIGHT)
        })
        .collect()
}

/// The header row as tall as its most wrapped label.
fn header_height(ui: &egui::Ui, table: &TableView, widths: &[f32]) -> f32 {
    let tallest = table
        .columns
        .iter()
        .zip(widths)
        // Room for a sort arrow after the label.
        .map(|(c, w)| text_height(ui, egui::RichText::new(format!("{} ▼", c.label)).strong(), *w - CELL_MARGIN))
        .fold(0.0_f32, f32::max);
    (tallest + ROW_PADDING).max(ROW_HEIGHT)
}

fn text_height(ui: &egui::Ui, text: egui::RichText, width: f32) -> f32 {
    egui::WidgetText::from(text).into_galley(ui, Some(egui::TextWrapMode::Wrap), width, egui::TextStyle::Body).size().y
}

/// Space above and below a row's text.
const ROW_PADDING: f32 = 6.0;
/// The tree's open/close button and the space after it.
const TREE_BUTTON_WIDTH: f32 = 32.0;
/// What a cell keeps free beside its text.
const CELL_MARGIN: f32 = 8.0;

fn first_text_col(table: &TableView) -> usize {
    // The tree's labels are in the first text column after any numbering column.
    table.columns.iter().position(|c| c.kind == ColumnKind::Text && c.key != "no" && c.key != "kode").unwrap_or(0)
}

/// A cell's text: not selectable, sensing a click that selects the row.
fn cell_label(ui: &mut egui::Ui, text: egui::RichText, wrap: bool) -> egui::Response {
    let label = egui::Label::new(text).selectable(false).sense(egui::Sense::click());
    ui.add(if wrap { label.wrap() } else { label })
}

/// A number cell: the printed figure, red with the recomputation on hover where they disagree;
/// a recomputed figure where nothing was printed.
/// Returns whether its text was clicked.
fn figure_cell_ui(ui: &mut egui::Ui, cell: &Cell, kind: ColumnKind, row: RowKind, lang: Lang) -> bool {
    let mut text = egui::RichText::new(cell_text(cell, kind, lang));
    if row != RowKind::Normal {
        text = text.strong();
    }
    match cell {
        Cell::Figure { reported: Some(r), computed: Some(c) } if cell.disagrees() => {
            let hover = T::ReportedVsComputed
                .get(lang)
                .replace("{r}", &figure_text(*r, kind, lang))
                .replace("{c}", &figure_text(c.round_dp(2), kind, lang));
            let figure = cell_label(ui, text.color(ui.visuals().error_fg_color), false).on_hover_text(hover);
            let warning = cell_label(ui, egui::RichText::new("⚠").color(ui.visuals().error_fg_color), false);
            figure.clicked() || warning.clicked()
        }
        Cell::Verdict { reported: Some(r), computed: Some(c) } if r != c => {
            let hover = T::ReportedVsComputed.get(lang).replace("{r}", r).replace("{c}", c);
            cell_label(ui, text.color(ui.visuals().error_fg_color), false).on_hover_text(hover).clicked()
        }
        Cell::Figure { reported: None, computed: Some(_) } => {
            cell_label(ui, text.italics().weak(), false).on_hover_text(T::ComputedOnly.get(lang)).clicked()
        }
        _ => cell_label(ui, text, false).clicked(),
    }
}
