//! Side forms of *Sunting* mode: typed values are validated next to their field before anything
//! is written; a valid form becomes one [`Change`] (one transaction, one undo step).

use super::strings::T;
use super::widgets::{number_field_ui, FieldKind, NumberField};
use super::{Command, KinerjaApp, Status};
use crate::calc::input::{self, Validation};
use crate::domain::{BudgetColumn, Change, Dataset, IndicatorValue, Money, Op, QuarterFigures, Year};
use crate::format::{self, Lang};
use crate::storage::AuditEntry;
use crate::text::record::{self, Record};
use rust_decimal::Decimal;

/// The typed texts of a form and what validation said.
#[derive(Clone, Debug, Default)]
pub struct Form {
    pub texts: Vec<String>,
    pub errors: Vec<Option<String>>,
    pub warnings: Vec<String>,
    /// The field whose stored value the user asked to remove, awaiting confirmation.
    pub confirm: Option<usize>,
}

impl Form {
    pub(super) fn new(texts: Vec<String>) -> Form {
        let n = texts.len();
        Form { texts, errors: vec![None; n], ..Default::default() }
    }
}

/// Said when a field of a stored value is emptied and saved: emptying never removes.
fn empty_removes_nothing(lang: Lang) -> String {
    lang.pick(
        "Kolom kosong tidak menghapus nilai; tekan Hapus di sebelahnya untuk menghapusnya.",
        "An empty field removes nothing; press Remove next to it to remove the value.",
    )
    .into()
}

/// The *Hapus* button of a stored value (`stored`) next to its field, and once pressed the
/// question with *Ya, hapus* and *Batal*; `true` when the removal is confirmed.
fn removal_ui(
    ui: &mut egui::Ui,
    form: &mut Form,
    index: usize,
    stored: bool,
    question: &str,
    lang: Lang,
    field: impl FnOnce(&mut egui::Ui, &mut Form),
) -> bool {
    ui.horizontal(|ui| {
        field(ui, form);
        if stored && ui.button(lang.pick("Hapus", "Remove")).clicked() {
            form.confirm = Some(index);
        }
    });
    if form.confirm != Some(index) {
        return false;
    }
    let mut confirmed = false;
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(question).color(ui.visuals().warn_fg_color).strong());
        if ui.button(lang.pick("Ya, hapus", "Yes, remove")).clicked() {
            confirmed = true;
            form.confirm = None;
        }
        if ui.button(lang.pick("Batal", "Cancel")).clicked() {
            form.confirm = None;
        }
    });
    confirmed
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

/// A line of what *Simpan* would change: `Target 2025: 76,00 → 76,25`, when the typed text reads
/// as a number other than the stored one (an unreadable text says so beside its field instead).
fn change_line(label: &str, old: Option<Decimal>, text: &str, lang: Lang) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let new = input::read_number(text, lang).ok()?.value;
    if old == Some(new) {
        return None;
    }
    let old = old.map_or_else(|| "–".to_string(), |v| format::decimal(v, lang));
    Some(format!("{label}: {old} → {}", format::decimal(new, lang)))
}

/// Money stored as sen: shown with decimals only when it has them.
fn money_change_line(label: &str, old: Option<Money>, text: &str, lang: Lang) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let (new, _) = input::read_money(text, lang).ok()?;
    if old == Some(new) {
        return None;
    }
    let old = old.map_or_else(|| "–".to_string(), |m| money_text(Some(m), lang));
    Some(format!("{label}: {old} → {}", money_text(Some(new), lang)))
}

/// What *Simpan* will change, shown above the button before it is pressed.
pub(super) fn pending_changes_ui(ui: &mut egui::Ui, lines: &[String], lang: Lang) {
    if lines.is_empty() {
        return;
    }
    ui.label(egui::RichText::new(crate::text::tr!(lang, "Yang berubah saat Simpan:", "What Save changes:")).strong());
    for line in lines {
        ui.label(line);
    }
}

// A change's description is the office's record, in Indonesian whatever the window's language
// (docs/architecture.md, "Localisation"); the English window words it from its operations.

/// The Renstra targets of an indicator for every year of its period.
pub fn targets_form_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, indicator: &str) {
    let lang = app.state.lang;
    let Ok(l) = &mut app.data else { return };
    let d = &l.session.dataset;
    let Some(ind) = d.indicator(indicator).cloned() else { return };
    let Some(period) = d.period(&ind.period).cloned() else { return };
    let years: Vec<Year> = period.years().collect();
    let current: Vec<Option<Decimal>> =
        years.iter().map(|y| d.renstra_target(indicator, *y).map(|t| t.target)).collect();
    let key = format!("targets:{indicator}");
    let form = app.forms.entry(key).or_insert_with(|| Form::new(current.iter().map(|v| dec_text(*v, lang)).collect()));
    ui.label(egui::RichText::new(T::EditTargets.get(lang)).strong());
    let records: Vec<String> = years.iter().map(|y| format!("target:{indicator}:{y}")).collect();
    let history = l.record_history(&records);
    let mut removal = None;
    for (i, y) in years.iter().enumerate() {
        let label = format!("{} {y} ({})", T::Target.get(lang), ind.satuan);
        let question = format!("{} {y} {indicator}?", lang.pick("Hapus target", "Remove target"));
        if removal_ui(ui, form, i, current[i].is_some(), &question, lang, |ui, form| {
            field_row(
                ui,
                NumberField::new(FieldKind::Value, &label).satuan(&ind.satuan),
                &mut form.texts[i],
                &form.errors[i],
                lang,
            )
        }) {
            removal = current[i].map(|old| (*y, old));
        }
    }
    warnings_ui(ui, form, lang);
    let pending: Vec<String> = years
        .iter()
        .zip(&current)
        .zip(&form.texts)
        .filter_map(|((y, old), text)| change_line(&format!("{} {y}", T::Target.get(lang)), *old, text, lang))
        .collect();
    pending_changes_ui(ui, &pending, lang);
    let save = ui.button(T::Save.get(lang)).clicked();
    record_history_ui(ui, &history, &l.session.dataset, lang, &format!("targets_history_{indicator}"));
    if let Some((year, old)) = removal {
        app.commands.push(Command::Apply(Change {
            description: format!("Hapus target {year} {indicator}: {}", ind.name),
            ops: vec![Op::RemoveValue { value: IndicatorValue::RenstraTarget, indicator: indicator.into(), year, old }],
        }));
        return;
    }
    if !save {
        return;
    }
    let mut ops = Vec::new();
    let mut validation = Validation::default();
    form.errors = vec![None; years.len()];
    let mut previous: Option<Decimal> = None;
    for (i, y) in years.iter().enumerate() {
        let text = form.texts[i].trim();
        let new = if text.is_empty() {
            if current[i].is_some() {
                form.errors[i] = Some(empty_removes_nothing(lang));
                validation.errors.push(empty_removes_nothing(lang));
            }
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
        if let (None, Some(new)) = (&form.errors[i], new) {
            if Some(new) != current[i] {
                ops.push(Op::SetValue {
                    value: IndicatorValue::RenstraTarget,
                    indicator: indicator.to_string(),
                    year: *y,
                    old: current[i],
                    new,
                });
            }
        }
        previous = new.or(current[i]);
    }
    form.warnings = validation.warnings.clone();
    if !validation.ok() {
        return;
    }
    if ops.is_empty() {
        app.set_status(Status::new(|lang| T::NothingChanged.get(lang).into()));
        return;
    }
    let description = format!("{}: {}", T::EditTargets.get(Lang::Id), ind.name);
    app.commands.push(Command::Apply(Change { description, ops }));
}

/// The year's agreement target and realisation of an indicator.
pub fn indicator_year_form_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, indicator: &str, year: Year) {
    let lang = app.state.lang;
    let Ok(l) = &mut app.data else { return };
    let d = &l.session.dataset;
    let Some(ind) = d.indicator(indicator).cloned() else { return };
    let pk = d.agreements.iter().find(|a| a.indicator == indicator && a.year == year).map(|a| a.value.target);
    let real = d.realisation(indicator, year).map(|r| r.realisasi);
    let history =
        l.record_history(&[format!("agreement:{indicator}:{year}"), format!("realisation:{indicator}:{year}")]);
    let key = format!("year:{indicator}:{year}");
    let form = app.forms.entry(key).or_insert_with(|| Form::new(vec![dec_text(pk, lang), dec_text(real, lang)]));
    let stored = [pk, real];
    let kinds = [IndicatorValue::AgreementTarget, IndicatorValue::Realisation];
    let labels = [
        format!("{} {year}", lang.pick("Target PK", "Agreement target")),
        format!("{} {year}", T::Realisasi.get(lang)),
    ];
    let questions = [
        format!("{} {year} {indicator}?", lang.pick("Hapus target PK", "Remove agreement target")),
        format!("{} {year} {indicator}?", lang.pick("Hapus realisasi", "Remove realisation")),
    ];
    let mut removal = None;
    for i in 0..2 {
        if removal_ui(ui, form, i, stored[i].is_some(), &questions[i], lang, |ui, form| {
            field_row(
                ui,
                NumberField::new(FieldKind::Value, &labels[i]).satuan(&ind.satuan),
                &mut form.texts[i],
                &form.errors[i],
                lang,
            )
        }) {
            removal = stored[i].map(|old| (i, old));
        }
    }
    warnings_ui(ui, form, lang);
    let pending: Vec<String> =
        (0..2).filter_map(|i| change_line(&labels[i], stored[i], &form.texts[i], lang)).collect();
    pending_changes_ui(ui, &pending, lang);
    let save = ui.button(T::Save.get(lang)).clicked();
    record_history_ui(ui, &history, &l.session.dataset, lang, &format!("year_history_{indicator}_{year}"));
    if let Some((i, old)) = removal {
        app.commands.push(Command::Apply(Change {
            description: format!("{} {year} {indicator}: {}", ["Hapus target PK", "Hapus realisasi"][i], ind.name),
            ops: vec![Op::RemoveValue { value: kinds[i], indicator: indicator.into(), year, old }],
        }));
        return;
    }
    if !save {
        return;
    }
    form.errors = vec![None, None];
    let mut validation = Validation::default();
    let mut values = [None, None];
    for (i, value) in values.iter_mut().enumerate() {
        let text = form.texts[i].trim();
        if text.is_empty() {
            if stored[i].is_some() {
                form.errors[i] = Some(empty_removes_nothing(lang));
                validation.errors.push(empty_removes_nothing(lang));
            }
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
    let ops: Vec<Op> = (0..2)
        .filter_map(|i| {
            let new = values[i].filter(|v| Some(*v) != stored[i])?;
            Some(Op::SetValue { value: kinds[i], indicator: indicator.into(), year, old: stored[i], new })
        })
        .collect();
    if ops.is_empty() {
        app.set_status(Status::new(|lang| T::NothingChanged.get(lang).into()));
        return;
    }
    app.commands.push(Command::Apply(Change { description: format!("Realisasi {year}: {}", ind.name), ops }));
}

/// Pagu murni, pagu perubahan and realisasi of one budget line.
pub fn budget_form_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, year: Year, kode: &str) {
    let lang = app.state.lang;
    let Ok(l) = &mut app.data else { return };
    let Some(line) = l.session.dataset.budget_line(year, kode).cloned() else { return };
    let history = l.record_history(&[format!("budget:{year}:{kode}")]);
    let key = format!("budget:{year}:{kode}");
    let form = app.forms.entry(key).or_insert_with(|| {
        Form::new(vec![
            money_text(line.pagu_murni, lang),
            money_text(line.pagu_perubahan, lang),
            money_text(line.realisasi, lang),
        ])
    });
    ui.label(egui::RichText::new(format!("{} — {} {}", T::EditBudgetLine.get(lang), line.kode, line.name)).strong());
    let labels = [
        lang.pick("Pagu murni (Rp)", "Original budget (Rp)"),
        lang.pick("Pagu perubahan (Rp)", "Revised budget (Rp)"),
        lang.pick("Realisasi (Rp)", "Actual (Rp)"),
    ];
    for (i, label) in labels.iter().enumerate() {
        field_row(ui, NumberField::new(FieldKind::Money, label), &mut form.texts[i], &form.errors[i], lang);
    }
    warnings_ui(ui, form, lang);
    let stored = [line.pagu_murni, line.pagu_perubahan, line.realisasi];
    let pending: Vec<String> =
        (0..3).filter_map(|i| money_change_line(labels[i], stored[i], &form.texts[i], lang)).collect();
    pending_changes_ui(ui, &pending, lang);
    let save = ui.button(T::Save.get(lang)).clicked();
    if !history.is_empty() {
        egui::CollapsingHeader::new(T::RecordHistory.get(lang)).id_salt(("record_history", year, kode)).show(
            ui,
            |ui| {
                history_table_ui(ui, &history, &l.session.dataset, lang, "record_history_table");
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
    let olds = [line.pagu_murni, line.pagu_perubahan, line.realisasi];
    let ops: Vec<Op> = BudgetColumn::ALL
        .iter()
        .zip(olds)
        .zip(values)
        .filter(|((_, old), new)| old != new)
        .map(|((column, old), new)| Op::SetBudgetAmount { year, kode: kode.into(), column: *column, old, new })
        .collect();
    if ops.is_empty() {
        app.set_status(Status::new(|lang| T::NothingChanged.get(lang).into()));
        return;
    }
    app.commands.push(Command::Apply(Change {
        description: format!("{}: {} {}", T::EditBudgetLine.get(Lang::Id), line.kode, line.name),
        ops,
    }));
}

/// The history of the record(s) a form edits, when there is any.
fn record_history_ui(ui: &mut egui::Ui, history: &[AuditEntry], data: &Dataset, lang: Lang, id: &str) {
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

/// Rencana Aksi of an indicator: target and realisation per quarter, and how the quarters make
/// the year.
pub fn quarters_form_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, indicator: &str, year: Year) {
    use crate::domain::QuarterRule;
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
    let mut ops = Vec::new();
    for (qi, old) in existing.iter().enumerate() {
        let old =
            old.map_or(QuarterFigures::default(), |o| QuarterFigures { target: o.target, realisasi: o.realisasi });
        let new = QuarterFigures { target: parsed[qi * 2], realisasi: parsed[qi * 2 + 1] };
        if old != new {
            ops.push(Op::SetQuarter { indicator: indicator.into(), year, quarter: qi as i64 + 1, old, new });
        }
    }
    let rule = if form.texts[8] == "sum" { QuarterRule::Sum } else { QuarterRule::Cumulative };
    if rule != ind.quarter_rule {
        let new = crate::domain::Indicator { quarter_rule: rule, ..ind.clone() };
        ops.push(Op::UpdateIndicator { old: Box::new(ind.clone()), new: Box::new(new) });
    }
    if ops.is_empty() {
        app.set_status(Status::new(|lang| T::NothingChanged.get(lang).into()));
        return;
    }
    app.commands.push(Command::Apply(Change { description: format!("Rencana Aksi {year}: {}", ind.name), ops }));
}
