//! Shared widgets: one per file.

mod chart_view;
mod figure;
mod table_view;

pub use chart_view::chart_view_ui;
pub use figure::{cell_text, figure_text, status_color};
pub use table_view::{table_view_ui, TableUiState};
