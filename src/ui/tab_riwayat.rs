//! Riwayat: the audit trail of the whole database, newest first.

use super::forms::history::history_table_ui;
use super::strings::T;
use super::{Command, TabContext};

/// Draws the trail and the backups as read when the data last changed (`Loaded`): a frame
/// never reads the database or the backup folder.
pub fn riwayat_ui(cx: &mut TabContext, ui: &mut egui::Ui) {
    let lang = cx.lang;
    backups_ui(cx, ui);
    let l = &*cx.data;
    ui.add_space(8.0);
    ui.heading(T::TabRiwayat.get(lang));
    ui.label(T::HistoryIntro.get(lang));
    match l.audit() {
        Ok([]) => {
            ui.label(T::NoHistory.get(lang));
        }
        Ok(entries) => history_table_ui(ui, entries, l.dataset(), lang, "riwayat_table"),
        Err(e) => {
            ui.label(egui::RichText::new(e.message(lang)).color(ui.visuals().error_fg_color));
        }
    }
}

/// The backup copies of the database file, with *Pulihkan* in Sunting mode; on a server, who
/// keeps its backups.
fn backups_ui(cx: &mut TabContext, ui: &mut egui::Ui) {
    let lang = cx.lang;
    let l = &*cx.data;
    if l.is_server() {
        ui.label(T::ServerBackups.get(lang));
        return;
    }
    if !l.is_file() {
        return;
    }
    let backups = l.backups();
    let editing = cx.editing();
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
                    if editing && ui.button(lang.pick("Pulihkan", "Restore")).clicked() {
                        restore = Some(b.clone());
                    }
                    ui.label(b.display().to_string());
                });
            }
        });
    if let Some(b) = restore {
        cx.send(Command::Restore(b));
    }
}
