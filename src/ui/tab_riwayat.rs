//! Riwayat: the audit trail of the whole database, newest first.

use super::edit_forms::history_table_ui;
use super::strings::T;
use super::{Command, KinerjaApp, Mode};

/// Draws the trail and the backups as read when the data last changed (`Loaded`): a frame
/// never reads the database or the backup folder.
pub fn riwayat_ui(app: &mut KinerjaApp, ui: &mut egui::Ui) {
    let lang = app.state.lang;
    backups_ui(app, ui);
    let Ok(l) = &app.data else { return };
    ui.add_space(8.0);
    ui.heading(T::TabRiwayat.get(lang));
    ui.label(T::HistoryIntro.get(lang));
    match l.audit() {
        Ok([]) => {
            ui.label(T::NoHistory.get(lang));
        }
        Ok(entries) => history_table_ui(ui, entries, &l.session.dataset, lang, "riwayat_table"),
        Err(e) => {
            ui.label(egui::RichText::new(e.message(lang)).color(ui.visuals().error_fg_color));
        }
    }
}

/// The backup copies of the database, with *Pulihkan* in Sunting mode.
fn backups_ui(app: &mut KinerjaApp, ui: &mut egui::Ui) {
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    if l.session.store.path().is_none() {
        return;
    }
    let backups = l.backups();
    let mut restore = None;
    egui::CollapsingHeader::new(format!("{} ({})", lang.pick("Cadangan basis data", "Database backups"), backups.len()))
        .id_salt("backups")
        .show(ui, |ui| {
            ui.label(lang.pick(
                "Salinan dibuat otomatis sebelum setiap migrasi skema dan sekali sehari saat menyunting; tujuh yang terbaru disimpan.",
                "Copies are made before every schema migration and once a day when editing; the latest seven are kept.",
            ));
            for b in backups {
                ui.horizontal(|ui| {
                    if app.state.mode == Mode::Sunting && ui.button(lang.pick("Pulihkan", "Restore")).clicked() {
                        restore = Some(b.clone());
                    }
                    ui.label(b.display().to_string());
                });
            }
        });
    if let Some(b) = restore {
        app.commands.push(Command::Restore(b));
    }
}
