//! Riwayat: the audit trail of the whole database, newest first.

use super::edit_forms::history_table_ui;
use super::strings::T;
use super::KinerjaApp;

pub fn riwayat_ui(app: &mut KinerjaApp, ui: &mut egui::Ui) {
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    ui.heading(T::TabRiwayat.get(lang));
    ui.label(T::HistoryIntro.get(lang));
    match l.session.store.audit_log(l.session.office_id, None, 2000) {
        Ok(entries) if entries.is_empty() => {
            ui.label(T::NoHistory.get(lang));
        }
        Ok(entries) => history_table_ui(ui, &entries, lang, "riwayat_table"),
        Err(e) => {
            ui.label(egui::RichText::new(e.message_id()).color(ui.visuals().error_fg_color));
        }
    }
}
