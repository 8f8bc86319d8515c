//! Shared widgets: one per file.

mod chart_view;
mod figure;
mod number_field;
mod table_view;

pub use chart_view::{chart_view, chart_view_ui, ChartResponse};
pub use figure::{cell_text, figure_text, status_color};
pub use number_field::{number_field_ui, reading_text, FieldKind, NumberField, Shown};
pub use table_view::{table_view_ui, TableUiState};
