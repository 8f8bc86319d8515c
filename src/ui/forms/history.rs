//! The history of the records a form edits, from the audit trail, in words: the record by
//! name, values in the language's format with their satuan, times in local time.

use crate::domain::Dataset;
use crate::format::Lang;
use crate::storage::AuditEntry;
use crate::text::record::{self, Record};
use crate::ui::strings::T;

/// The history of the record(s) a form edits, when there is any.
pub fn record_history_ui(ui: &mut egui::Ui, history: &[AuditEntry], data: &Dataset, lang: Lang, id: &str) {
    if history.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(format!("{} ({})", T::RecordHistory.get(lang), history.len())).id_salt(id).show(
        ui,
        |ui| {
            history_table_ui(ui, history, data, lang, &format!("{id}_table"));
        },
    );
}

/// The indicator or budget line a record of the trail is about, by its name in `data`.
fn record_name(data: &Dataset, r: &Record) -> Option<String> {
    match r {
        Record::Target { indicator, .. }
        | Record::Agreement { indicator, .. }
        | Record::Realisation { indicator, .. } => data.indicator(indicator).map(|i| i.name.clone()),
        Record::Budget { year, kode } => data.budget_line(*year, kode).map(|b| b.name.clone()),
        Record::Row { table, key } if table == "indicator" => {
            key.first().and_then(|c| data.indicator(c)).map(|i| i.name.clone())
        }
        _ => None,
    }
}

/// The satuan of the indicator a record is about.
fn record_satuan<'a>(data: &'a Dataset, r: &Record) -> Option<&'a str> {
    match r {
        Record::Target { indicator, .. }
        | Record::Agreement { indicator, .. }
        | Record::Realisation { indicator, .. } => data.indicator(indicator).map(|i| i.satuan.as_str()),
        _ => None,
    }
}

/// Audit entries as a grid, in words: the record by name, values in the language's format with
/// their satuan, times in local time.
pub fn history_table_ui(ui: &mut egui::Ui, entries: &[AuditEntry], data: &Dataset, lang: Lang, id: &str) {
    egui::Grid::new(id).striped(true).num_columns(7).spacing([12.0, 4.0]).show(ui, |ui| {
        for h in [T::When, T::Who, T::Action, T::Record, T::Field, T::OldValue, T::NewValue] {
            ui.label(egui::RichText::new(h.get(lang)).strong());
        }
        ui.end_row();
        for e in entries {
            let parsed = record::parse_record(&e.record);
            let satuan = record_satuan(data, &parsed);
            ui.label(record::local_time(&e.at)).on_hover_text(&e.at);
            ui.label(&e.user);
            ui.label(record::audit_change(&e.action, &e.description, lang));
            ui.label(record::record(&e.record, &|r| record_name(data, r), lang)).on_hover_text(&e.record);
            ui.label(record::audit_field(&e.field, lang));
            ui.label(record::audit_value(&e.record, &e.field, &e.old, satuan, lang));
            ui.label(record::audit_value(&e.record, &e.field, &e.new, satuan, lang));
            ui.end_row();
        }
    });
}
