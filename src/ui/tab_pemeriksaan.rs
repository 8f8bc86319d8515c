//! Pemeriksaan: the checker's findings grouped by table, each opening its table at the row;
//! the figures that cannot be checked; and the engine's settings (editable in Sunting mode).

use super::strings::T;
use super::{Command, TabContext};
use crate::text;

pub fn pemeriksaan_ui(cx: &mut TabContext, ui: &mut egui::Ui) {
    let (lang, year) = (cx.lang, cx.year);
    let l = &*cx.data;
    let mut cmds = Vec::new();
    let findings: Vec<_> = l.check.findings.iter().collect();
    ui.heading(format!("{} ({})", T::Findings.get(lang), findings.len()));
    if findings.is_empty() {
        ui.label(T::NoFindings.get(lang));
    } else {
        ui.label(T::FindingsIntro.get(lang));
    }
    let mut tables: Vec<&str> = findings.iter().map(|f| f.table.as_str()).collect();
    tables.dedup();
    for table in tables {
        let group: Vec<_> = findings.iter().filter(|f| f.table == table).collect();
        // The office's title of the table, where its report gives one.
        let title = group.iter().find_map(|f| f.table_title.as_deref()).map(|t| format!(" {t}")).unwrap_or_default();
        egui::CollapsingHeader::new(
            egui::RichText::new(format!("{} {table}{title} ({})", T::Table.get(lang), group.len())).strong(),
        )
        .id_salt(("findings", table))
        .default_open(true)
        .show(ui, |ui| {
            for f in group {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal(|ui| {
                        if ui.button(T::Open.get(lang)).clicked() {
                            if f.year != year {
                                cmds.push(Command::SetYear(f.year));
                            }
                            cmds.push(Command::OpenTable { table: f.table.clone(), subject: f.subject.clone() });
                        }
                        ui.label(egui::RichText::new(text::item(&f.item, lang)).strong());
                        ui.label(format!("· {} · {}", text::field(&f.field, f.place, lang), f.year));
                    });
                    ui.add(egui::Label::new(text::finding(f, lang)).wrap());
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(format!(
                                "{}: {}",
                                T::HowComputed.get(lang),
                                text::formula(&f.formula, lang)
                            ))
                            .small()
                            .weak(),
                        )
                        .wrap(),
                    );
                });
            }
        });
    }
    if !l.check.unverified.is_empty() {
        ui.add_space(8.0);
        egui::CollapsingHeader::new(format!("{} ({})", T::Unverified.get(lang), l.check.unverified.len()))
            .default_open(false)
            .show(ui, |ui| {
                for u in &l.check.unverified {
                    ui.add(egui::Label::new(text::unverified(u, lang)).wrap());
                }
            });
    }

    for c in cmds {
        cx.send(c);
    }
    ui.add_space(12.0);
    ui.heading(lang.pick("Pengaturan perhitungan", "Computation settings"));
    if cx.editing() {
        super::forms::settings::settings_form_ui(cx, ui);
    } else {
        super::forms::settings::settings_view_ui(cx, ui);
    }
}
