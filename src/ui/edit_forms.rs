//! Side forms of *Sunting* mode: typed values are validated next to their field before anything
//! is written; a valid form becomes one [`Change`] (one transaction, one undo step).

use super::strings::T;
use super::widgets::{number_field_ui, FieldKind, NumberField};
use super::{Command, KinerjaApp};
use crate::app::Change;
use crate::calc::input::{self, Validation};
use crate::domain::{Money, Year};
use crate::format::{self, Lang};
use crate::storage::{AuditEntry, BudgetColumn, Field, FieldEdit, Value};
use rust_decimal::Decimal;

/// The typed texts of a form and what validation said.
#[derive(Clone, Debug, Default)]
pub struct Form {
    pub texts: Vec<String>,
    pub errors: Vec<Option<String>>,
    pub warnings: Vec<String>,
}

impl Form {
    fn new(texts: Vec<String>) -> Form {
        let n = texts.len();
        Form { texts, errors: vec![None; n], warnings: Vec::new() }
    }
}

fn dec_text(v: Option<Decimal>, lang: Lang) -> String {
    v.map(|v| format::decimal(v, lang)).unwrap_or_default()
}

fn money_text(v: Option<Money>, lang: Lang) -> String {
    v.map(|m| format::number(m.decimal(), if m.decimal().fract().is_zero() { 0 } else { 2 }, lang)).unwrap_or_default()
}

fn field_row(ui: &mut egui::Ui, field: NumberField<'_>, text: &mut String, error: &Option<String>, lang: Lang) {
    number_field_ui(ui, field.error(error.as_deref()), text, lang);
}

fn warnings_ui(ui: &mut egui::Ui, form: &Form, lang: Lang) {
    for w in &form.warnings {
        ui.label(egui::RichText::new(format!("{}: {w}", T::Warning.get(lang))).color(ui.visuals().warn_fg_color));
    }
}

/// The Renstra targets of an indicator for every year of its period.
pub fn targets_form_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, indicator: &str) {
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    let d = &l.session.dataset;
    let Some(ind) = d.indicator(indicator).cloned() else { return };
    let Some(period) = d.period(&ind.period).cloned() else { return };
    let years: Vec<Year> = period.years().collect();
    let current: Vec<Option<Decimal>> =
        years.iter().map(|y| d.renstra_target(indicator, *y).map(|t| t.target)).collect();
    let key = format!("targets:{indicator}");
    let form = app.forms.entry(key).or_insert_with(|| Form::new(current.iter().map(|v| dec_text(*v, lang)).collect()));
    ui.label(egui::RichText::new(T::EditTargets.get(lang)).strong());
    let history: Vec<AuditEntry> = years
        .iter()
        .flat_map(|y| {
            l.session
                .store
                .audit_log(l.session.office_id, Some(&format!("target:{indicator}:{y}")), 20)
                .unwrap_or_default()
        })
        .collect();
    for (i, y) in years.iter().enumerate() {
        let label = format!("{} {y} ({})", T::Target.get(lang), ind.satuan);
        let field = NumberField::new(FieldKind::Value, &label).satuan(&ind.satuan);
        field_row(ui, field, &mut form.texts[i], &form.errors[i], lang);
    }
    warnings_ui(ui, form, lang);
    let save = ui.button(T::Save.get(lang)).clicked();
    record_history_ui(ui, &history, lang, &format!("targets_history_{indicator}"));
    if !save {
        return;
    }
    let mut edits = Vec::new();
    let mut validation = Validation::default();
    form.errors = vec![None; years.len()];
    let mut previous: Option<Decimal> = None;
    for (i, y) in years.iter().enumerate() {
        let text = form.texts[i].trim();
        let new = if text.is_empty() {
            None
        } else {
            match input::read_number(text, lang) {
                Ok(r) => Some(r.value),
                Err(e) => {
                    form.errors[i] = Some(e.message(lang));
                    validation.errors.push(e.message(lang));
                    None
                }
            }
        };
        if let Some(v) = new {
            let mut check = input::check_year_in_period(*y, period.start_year, period.end_year, lang);
            check.merge(input::check_target(v, previous, ind.polarity, &ind.satuan, lang));
            if let Some(e) = check.errors.first() {
                form.errors[i] = Some(e.clone());
            }
            validation.merge(check);
        }
        if form.errors[i].is_none() && new != current[i] {
            edits.push(FieldEdit {
                field: Field::Target { indicator: indicator.to_string(), year: *y },
                old: current[i].map_or(Value::Null, Value::Dec),
                new: new.map_or(Value::Null, Value::Dec),
            });
        }
        previous = new.or(current[i]);
    }
    form.warnings = validation.warnings.clone();
    if !validation.ok() {
        return;
    }
    if edits.is_empty() {
        app.message = Some(T::NothingChanged.get(lang).into());
        return;
    }
    let description = format!("{}: {}", T::EditTargets.get(lang), ind.name);
    app.commands.push(Command::Apply(Change { description, edits }));
}

/// The year's agreement target and realisation of an indicator.
pub fn indicator_year_form_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, indicator: &str, year: Year) {
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    let d = &l.session.dataset;
    let Some(ind) = d.indicator(indicator).cloned() else { return };
    let pk = d.agreements.iter().find(|a| a.indicator == indicator && a.year == year).map(|a| a.value.target);
    let real = d.realisation(indicator, year).map(|r| r.realisasi);
    let history: Vec<AuditEntry> = [format!("agreement:{indicator}:{year}"), format!("realisation:{indicator}:{year}")]
        .iter()
        .flat_map(|r| l.session.store.audit_log(l.session.office_id, Some(r), 20).unwrap_or_default())
        .collect();
    let key = format!("year:{indicator}:{year}");
    let form = app.forms.entry(key).or_insert_with(|| Form::new(vec![dec_text(pk, lang), dec_text(real, lang)]));
    ui.horizontal_wrapped(|ui| {
        ui.vertical(|ui| {
            let labels = [format!("Target PK {year}"), format!("{} {year}", T::Realisasi.get(lang))];
            for (i, label) in labels.iter().enumerate() {
                let field = NumberField::new(FieldKind::Value, label).satuan(&ind.satuan);
                field_row(ui, field, &mut form.texts[i], &form.errors[i], lang);
            }
        });
    });
    warnings_ui(ui, form, lang);
    let save = ui.button(T::Save.get(lang)).clicked();
    record_history_ui(ui, &history, lang, &format!("year_history_{indicator}_{year}"));
    if !save {
        return;
    }
    form.errors = vec![None, None];
    let mut validation = Validation::default();
    let mut values = [None, None];
    for (i, value) in values.iter_mut().enumerate() {
        let text = form.texts[i].trim();
        if text.is_empty() {
            continue;
        }
        match input::read_number(text, lang) {
            Ok(r) => {
                // The agreement's target is a target: a percentage below 0 is refused.
                let check = if i == 0 {
                    input::check_target(r.value, None, ind.polarity, &ind.satuan, lang)
                } else {
                    input::check_percent(r.value, &ind.satuan, lang)
                };
                if let Some(e) = check.errors.first() {
                    form.errors[i] = Some(e.clone());
                }
                validation.merge(check);
                *value = Some(r.value);
            }
            Err(e) => {
                form.errors[i] = Some(e.message(lang));
                validation.errors.push(e.message(lang));
            }
        }
    }
    form.warnings = validation.warnings.clone();
    if !validation.ok() {
        return;
    }
    let mut edits = Vec::new();
    if values[0] != pk {
        edits.push(FieldEdit {
            field: Field::AgreementTarget { indicator: indicator.into(), year },
            old: pk.map_or(Value::Null, Value::Dec),
            new: values[0].map_or(Value::Null, Value::Dec),
        });
    }
    if values[1] != real {
        edits.push(FieldEdit {
            field: Field::Realisation { indicator: indicator.into(), year },
            old: real.map_or(Value::Null, Value::Dec),
            new: values[1].map_or(Value::Null, Value::Dec),
        });
    }
    if edits.is_empty() {
        app.message = Some(T::NothingChanged.get(lang).into());
        return;
    }
    app.commands.push(Command::Apply(Change {
        description: format!("{} {year}: {}", T::Realisasi.get(lang), ind.name),
        edits,
    }));
}

/// Pagu murni, pagu perubahan and realisasi of one budget line.
pub fn budget_form_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, year: Year, kode: &str) {
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    let Some(line) = l.session.dataset.budget_line(year, kode).cloned() else { return };
    let history =
        l.session.store.audit_log(l.session.office_id, Some(&format!("budget:{year}:{kode}")), 20).unwrap_or_default();
    let key = format!("budget:{year}:{kode}");
    let form = app.forms.entry(key).or_insert_with(|| {
        Form::new(vec![
            money_text(line.pagu_murni, lang),
            money_text(line.pagu_perubahan, lang),
            money_text(line.realisasi, lang),
        ])
    });
    ui.label(egui::RichText::new(format!("{} — {} {}", T::EditBudgetLine.get(lang), line.kode, line.name)).strong());
    let labels = ["Pagu murni (Rp)", "Pagu perubahan (Rp)", "Realisasi (Rp)"];
    for (i, label) in labels.iter().enumerate() {
        field_row(ui, NumberField::new(FieldKind::Money, label), &mut form.texts[i], &form.errors[i], lang);
    }
    warnings_ui(ui, form, lang);
    let save = ui.button(T::Save.get(lang)).clicked();
    if !history.is_empty() {
        egui::CollapsingHeader::new(T::RecordHistory.get(lang)).id_salt(("record_history", year, kode)).show(
            ui,
            |ui| {
                history_table_ui(ui, &history, lang, "record_history_table");
            },
        );
    }
    if !save {
        return;
    }
    form.errors = vec![None, None, None];
    let mut validation = Validation::default();
    let mut values: [Option<Money>; 3] = [None, None, None];
    for (i, value) in values.iter_mut().enumerate() {
        let text = form.texts[i].trim();
        if text.is_empty() {
            continue;
        }
        match input::read_money(text, lang) {
            Ok((m, _)) => {
                let check = if i < 2 { input::check_pagu(m, lang) } else { Validation::default() };
                if let Some(e) = check.errors.first() {
                    form.errors[i] = Some(e.clone());
                }
                validation.merge(check);
                *value = Some(m);
            }
            Err(e) => {
                form.errors[i] = Some(e.message(lang));
                validation.errors.push(e.message(lang));
            }
        }
    }
    if let Some(r) = values[2] {
        let check = input::check_realisasi(r, values[1].or(values[0]), lang);
        if let Some(e) = check.errors.first() {
            form.errors[2] = Some(e.clone());
        }
        validation.merge(check);
    }
    form.warnings = validation.warnings.clone();
    if !validation.ok() {
        return;
    }
    let columns = [BudgetColumn::PaguMurni, BudgetColumn::PaguPerubahan, BudgetColumn::Realisasi];
    let olds = [line.pagu_murni, line.pagu_perubahan, line.realisasi];
    let edits: Vec<FieldEdit> = columns
        .iter()
        .zip(olds)
        .zip(values)
        .filter(|((_, old), new)| old != new)
        .map(|((column, old), new)| FieldEdit {
            field: Field::BudgetAmount { year, kode: kode.into(), column: *column },
            old: old.map_or(Value::Null, Value::Money),
            new: new.map_or(Value::Null, Value::Money),
        })
        .collect();
    if edits.is_empty() {
        app.message = Some(T::NothingChanged.get(lang).into());
        return;
    }
    app.commands.push(Command::Apply(Change {
        description: format!("{}: {} {}", T::EditBudgetLine.get(lang), line.kode, line.name),
        edits,
    }));
}

/// The history of the record(s) a form edits, when there is any.
fn record_history_ui(ui: &mut egui::Ui, history: &[AuditEntry], lang: Lang, id: &str) {
    if history.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(format!("{} ({})", T::RecordHistory.get(lang), history.len())).id_salt(id).show(
        ui,
        |ui| {
            history_table_ui(ui, history, lang, &format!("{id}_table"));
        },
    );
}

/// Audit entries as a grid.
pub fn history_table_ui(ui: &mut egui::Ui, entries: &[AuditEntry], lang: Lang, id: &str) {
    egui::Grid::new(id).striped(true).num_columns(7).spacing([12.0, 4.0]).show(ui, |ui| {
        for h in [T::When, T::Who, T::Action, T::Record, T::Field, T::OldValue, T::NewValue] {
            ui.label(egui::RichText::new(h.get(lang)).strong());
        }
        ui.end_row();
        for e in entries {
            ui.label(&e.at);
            ui.label(&e.user);
            ui.label(format!("{} — {}", e.action, e.description));
            ui.label(&e.record);
            ui.label(&e.field);
            ui.label(&e.old);
            ui.label(&e.new);
            ui.end_row();
        }
    });
}

fn sql_text_value(v: Option<Decimal>) -> crate::storage::Sql {
    v.map_or(crate::storage::Sql::Null, |d| crate::storage::Sql::Text(d.to_string()))
}

/// Rencana Aksi of an indicator: target and realisation per quarter, and how the quarters make
/// the year.
pub fn quarters_form_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, indicator: &str, year: Year) {
    use crate::domain::QuarterRule;
    use crate::storage::{Sql, Table};
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    let d = &l.session.dataset;
    let Some(ind) = d.indicator(indicator).cloned() else { return };
    let existing: Vec<Option<&crate::domain::QuarterProgress>> = (1..=4)
        .map(|q| d.quarters.iter().find(|x| x.indicator == indicator && x.year == year && x.quarter == q))
        .collect();
    let key = format!("quarters:{indicator}:{year}");
    let form = app.forms.entry(key).or_insert_with(|| {
        let mut texts = Vec::new();
        for q in &existing {
            texts.push(dec_text(q.and_then(|q| q.target), lang));
            texts.push(dec_text(q.and_then(|q| q.realisasi), lang));
        }
        texts.push(ind.quarter_rule.code().to_string());
        Form::new(texts)
    });
    egui::Grid::new(("quarters_form", indicator, year)).num_columns(3).spacing([10.0, 4.0]).show(ui, |ui| {
        ui.label("");
        let headers = [
            ui.label(egui::RichText::new(T::Target.get(lang)).strong()).id,
            ui.label(egui::RichText::new(T::Realisasi.get(lang)).strong()).id,
        ];
        ui.end_row();
        for (q, roman) in ["I", "II", "III", "IV"].iter().enumerate() {
            let l = ui.label(format!("{} {roman}", lang.pick("Triwulan", "Quarter")));
            for (k, header) in headers.iter().enumerate() {
                let i = q * 2 + k;
                let field = NumberField::in_grid(FieldKind::Value, vec![l.id, *header]).satuan(&ind.satuan);
                field_row(ui, field, &mut form.texts[i], &form.errors[i], lang);
            }
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        ui.label(lang.pick("Realisasi tahunan =", "Year's realisation ="));
        ui.radio_value(
            &mut form.texts[8],
            "cumulative".to_string(),
            lang.pick("triwulan terakhir (kumulatif)", "last quarter (cumulative)"),
        );
        ui.radio_value(&mut form.texts[8], "sum".to_string(), lang.pick("jumlah triwulan", "sum of quarters"));
    });
    if !ui.button(T::Save.get(lang)).clicked() {
        return;
    }
    form.errors = vec![None; form.texts.len()];
    let mut parsed: Vec<Option<Decimal>> = Vec::new();
    for i in 0..8 {
        let text = form.texts[i].trim().to_string();
        if text.is_empty() {
            parsed.push(None);
            continue;
        }
        match input::read_number(&text, lang) {
            Ok(r) => parsed.push(Some(r.value)),
            Err(e) => {
                form.errors[i] = Some(e.message(lang));
                parsed.push(None);
            }
        }
    }
    if form.errors.iter().any(Option::is_some) {
        return;
    }
    let mut edits = Vec::new();
    for (qi, old) in existing.iter().enumerate() {
        let (t, r) = (parsed[qi * 2], parsed[qi * 2 + 1]);
        let key = vec![Sql::Text(indicator.to_string()), Sql::Integer(year as i64), Sql::Integer(qi as i64 + 1)];
        let row = |t: Option<Decimal>, r: Option<Decimal>| {
            vec![
                ("indicator_code".to_string(), Sql::Text(indicator.to_string())),
                ("year".to_string(), Sql::Integer(year as i64)),
                ("quarter".to_string(), Sql::Integer(qi as i64 + 1)),
                ("target".to_string(), sql_text_value(t)),
                ("realisasi".to_string(), sql_text_value(r)),
            ]
        };
        let old_vals = old.map(|o| (o.target, o.realisasi));
        let new_vals = if t.is_none() && r.is_none() { None } else { Some((t, r)) };
        if old_vals != new_vals {
            edits.push(FieldEdit {
                field: Field::Row { table: Table::Quarter, key },
                old: old_vals.map_or(Value::Null, |(t, r)| Value::Row(row(t, r))),
                new: new_vals.map_or(Value::Null, |(t, r)| Value::Row(row(t, r))),
            });
        }
    }
    let rule = if form.texts[8] == "sum" { QuarterRule::Sum } else { QuarterRule::Cumulative };
    if rule != ind.quarter_rule {
        edits.push(FieldEdit {
            field: Field::Column {
                table: Table::Indicator,
                key: vec![Sql::Text(indicator.to_string())],
                column: "quarter_rule",
            },
            old: Value::Sql(Sql::Text(ind.quarter_rule.code().into())),
            new: Value::Sql(Sql::Text(rule.code().into())),
        });
    }
    if edits.is_empty() {
        app.message = Some(T::NothingChanged.get(lang).into());
        return;
    }
    app.commands.push(Command::Apply(Change { description: format!("Rencana Aksi {year}: {}", ind.name), edits }));
}
