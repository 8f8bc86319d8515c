//! Tren: multi-year charts.

use super::strings::T;
use super::widgets::chart_view_ui;
use super::KinerjaApp;
use crate::domain::Year;
use crate::report::charts::trend_charts;

pub fn tren_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, year: Year) {
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    let charts = trend_charts(&l.session.dataset, year, lang);
    ui.label(egui::RichText::new(T::TrendIntro.get(lang)).italics());
    let mut save = None;
    for pair in charts.chunks(2) {
        ui.columns(2, |cols| {
            for (i, c) in pair.iter().enumerate() {
                if chart_view_ui(&mut cols[i], c, lang, 240.0) {
                    save = Some(c.id.clone());
                }
            }
        });
        ui.add_space(12.0);
    }
    if let Some(id) = save {
        app.save_dialog =
            Some(super::save_dialog::SaveDialog::new(super::save_dialog::SaveRequest::Chart { id, year }));
    }
}
