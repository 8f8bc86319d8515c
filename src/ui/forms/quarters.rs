//! Rencana Aksi of an indicator: target and realisation per quarter, and how the quarters make
//! the year.

use super::{dec_text, field_ui, FormField};
use crate::calc::input;
use crate::domain::{Change, Op, QuarterFigures, QuarterRule};
use crate::ui::strings::T;
use crate::ui::widgets::{FieldKind, NumberField};
use crate::ui::{Status, TabContext};
use rust_decimal::Decimal;

/// One quarter's target and realisation, as typed.
#[derive(Clone, Debug, Default)]
pub struct QuarterFields {
    pub target: FormField,
    pub realisasi: FormField,
}

/// The four quarters and the rule that makes the year's realisation of them.
#[derive(Clone, Debug)]
pub struct QuartersForm {
    pub quarters: [QuarterFields; 4],
    pub rule: QuarterRule,
}

pub fn quarters_form_ui(cx: &mut TabContext, ui: &mut egui::Ui, indicator: &str) {
    let (lang, year) = (cx.lang, cx.year);
    let d = cx.data.dataset();
    let Some(ind) = d.indicator(indicator).cloned() else { return };
    let existing: Vec<Option<QuarterFigures>> = (1..=4)
        .map(|q| {
            d.quarters
                .iter()
                .find(|x| x.indicator == indicator && x.year == year && x.quarter == q)
                .map(|o| QuarterFigures { target: o.target, realisasi: o.realisasi })
        })
        .collect();
    let form = cx.widgets.forms.quarters.entry((indicator.to_string(), year)).or_insert_with(|| QuartersForm {
        quarters: std::array::from_fn(|q| QuarterFields {
            target: FormField::new(dec_text(existing[q].and_then(|x| x.target), lang)),
            realisasi: FormField::new(dec_text(existing[q].and_then(|x| x.realisasi), lang)),
        }),
        rule: ind.quarter_rule,
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
            let fields = [&mut form.quarters[q].target, &mut form.quarters[q].realisasi];
            for (field, header) in fields.into_iter().zip(headers) {
                let number = NumberField::in_grid(FieldKind::Value, vec![l.id, header]).satuan(&ind.satuan);
                field_ui(ui, number, field, lang);
            }
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        ui.label(lang.pick("Realisasi tahunan =", "Year's realisation ="));
        ui.radio_value(
            &mut form.rule,
            QuarterRule::Cumulative,
            lang.pick("triwulan terakhir (kumulatif)", "last quarter (cumulative)"),
        );
        ui.radio_value(&mut form.rule, QuarterRule::Sum, lang.pick("jumlah triwulan", "sum of quarters"));
    });
    if !ui.button(T::Save.get(lang)).clicked() {
        return;
    }
    let read = |field: &mut FormField| -> Option<Decimal> {
        field.error = None;
        if field.trimmed().is_empty() {
            return None;
        }
        match input::read_number(field.trimmed(), lang) {
            Ok(r) => Some(r.value),
            Err(e) => {
                field.error = Some(e.message(lang));
                None
            }
        }
    };
    let new: Vec<QuarterFigures> = form
        .quarters
        .iter_mut()
        .map(|q| QuarterFigures { target: read(&mut q.target), realisasi: read(&mut q.realisasi) })
        .collect();
    if form.quarters.iter().any(|q| q.target.error.is_some() || q.realisasi.error.is_some()) {
        return;
    }
    let mut ops = Vec::new();
    for (qi, (old, new)) in existing.iter().zip(new).enumerate() {
        let old = old.unwrap_or_default();
        if old != new {
            ops.push(Op::SetQuarter { indicator: indicator.into(), year, quarter: qi as i64 + 1, old, new });
        }
    }
    if form.rule != ind.quarter_rule {
        let new = crate::domain::Indicator { quarter_rule: form.rule, ..ind.clone() };
        ops.push(Op::UpdateIndicator { old: Box::new(ind.clone()), new: Box::new(new) });
    }
    if ops.is_empty() {
        cx.status(Status::new(|lang| T::NothingChanged.get(lang).into()));
        return;
    }
    cx.apply(Change { description: format!("Rencana Aksi {year}: {}", ind.name), ops });
}
