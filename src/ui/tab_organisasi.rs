//! Organisasi & Aset: office profile, units and their tasks, staff, fixed assets.

use super::strings::T;
use super::widgets::chart_view_ui;
use super::{Command, SaveRequest, TabContext};
use crate::domain::TableKind;
use crate::report::charts::staff_by_education;

pub fn organisasi_ui(cx: &mut TabContext, ui: &mut egui::Ui) {
    let (lang, year) = (cx.lang, cx.year);
    let l = &*cx.data;
    let d = &l.dataset();
    let staff_id = l.table_id(year, TableKind::Staff, "");
    let asset_id = l.table_id(year, TableKind::Assets, "");
    let chart = staff_by_education(d, year, lang);

    ui.heading(T::OfficeInfo.get(lang));
    egui::Grid::new("office").num_columns(2).spacing([12.0, 4.0]).show(ui, |ui| {
        ui.label(T::Address.get(lang));
        ui.label(&d.office.address);
        ui.end_row();
        ui.label(T::LegalBasis.get(lang));
        ui.add(egui::Label::new(&d.office.legal_basis).wrap());
        ui.end_row();
    });
    ui.add_space(6.0);
    ui.heading(T::Units.get(lang));
    for unit in crate::report::unit_children(d, None) {
        unit_ui(ui, d, unit);
    }
    ui.add_space(6.0);
    ui.heading(T::Staff.get(lang));
    let ids: Vec<String> = staff_id.into_iter().collect();
    ui.columns(2, |cols| {
        for id in &ids {
            cx.report_table_ui(&mut cols[0], id, year, true);
        }
        if cx.editing() {
            super::forms::staff::staff_form_ui(cx, &mut cols[0]);
        }
        if chart_view_ui(&mut cols[1], &chart, lang, 220.0) {
            cx.save_as(SaveRequest::Chart { id: chart.id.clone(), year });
        }
    });
    ui.add_space(6.0);
    ui.heading(T::Assets.get(lang));
    if let Some(id) = asset_id {
        if let Some(subject) = cx.report_table_ui(ui, &id, year, true) {
            cx.send(Command::SelectAsset(subject.strip_prefix("asset:").map(str::to_string)));
        }
        if cx.editing() {
            match cx.selection.asset.clone() {
                Some(code) => super::forms::asset::asset_form_ui(cx, ui, &code),
                None => {
                    ui.label(
                        lang.pick(
                            "Pilih baris aset pada tabel untuk menyuntingnya.",
                            "Select an asset row to edit it.",
                        ),
                    );
                }
            }
        }
    }
}

fn unit_ui(ui: &mut egui::Ui, d: &crate::domain::Dataset, unit: &crate::domain::Unit) {
    egui::CollapsingHeader::new(egui::RichText::new(&unit.name).strong())
        .id_salt(("unit", &unit.code))
        .default_open(false)
        .show(ui, |ui| {
            let mut duties: Vec<_> = d.unit_duties.iter().filter(|x| x.unit == unit.code).collect();
            duties.sort_by_key(|x| x.position);
            for duty in duties {
                ui.horizontal_wrapped(|ui| {
                    ui.add_space(16.0 * duty.level as f32);
                    if !duty.label.is_empty() {
                        ui.label(&duty.label);
                    }
                    ui.add(egui::Label::new(&duty.text).wrap());
                });
            }
            for c in crate::report::unit_children(d, Some(&unit.code)) {
                unit_ui(ui, d, c);
            }
        });
}
