//! *Sunting* mode of the Renstra tab: add, rename, reorder and remove tujuan, sasaran and
//! indicators; edit an indicator's satuan, polarity and formula; start a new period from a copy
//! of the current one. Every action is one change (one transaction, one undo step).

use super::strings::T;
use super::{Command, KinerjaApp};
use crate::app::Change;
use crate::calc::input;
use crate::domain::*;
use crate::storage::{Field, FieldEdit, Sql, Table, Value};

fn text(s: &str) -> Sql {
    Sql::Text(s.to_string())
}

fn col_edit(table: Table, code: &str, column: &'static str, old: Sql, new: Sql) -> FieldEdit {
    FieldEdit {
        field: Field::Column { table, key: vec![text(code)], column },
        old: Value::Sql(old),
        new: Value::Sql(new),
    }
}

fn indicator_row(i: &Indicator) -> Vec<(String, Sql)> {
    let o = |v: &Option<String>| v.clone().map_or(Sql::Null, Sql::Text);
    vec![
        ("code".into(), text(&i.code)),
        ("period_code".into(), text(&i.period)),
        ("level".into(), text(i.level.code())),
        ("parent_code".into(), o(&i.parent)),
        ("position".into(), Sql::Integer(i.position)),
        ("name".into(), text(&i.name)),
        ("satuan".into(), text(&i.satuan)),
        ("polarity".into(), text(i.polarity.code())),
        ("capaian_rule".into(), text(i.capaian_rule.code())),
        ("formula".into(), text(i.formula.code())),
        ("formula_text".into(), text(&i.formula_text)),
        ("definition".into(), text(&i.definition)),
        ("alasan".into(), text(&i.alasan)),
        ("data_source".into(), text(&i.data_source)),
        ("responsible".into(), text(&i.responsible)),
        ("iku".into(), Sql::Integer(i.iku as i64)),
        ("predecessor_code".into(), o(&i.predecessor)),
        ("comparable".into(), Sql::Integer(i.comparable as i64)),
        ("note".into(), text(&i.note)),
        ("quarter_rule".into(), text(i.quarter_rule.code())),
    ]
}

fn value_row(indicator: &str, year: Year, v: &TargetValue, note: &str) -> Vec<(String, Sql)> {
    vec![
        ("indicator_code".into(), text(indicator)),
        ("year".into(), Sql::Integer(year as i64)),
        ("target".into(), text(&v.target.to_string())),
        ("target_high".into(), v.target_high.map_or(Sql::Null, |h| text(&h.to_string()))),
        ("note".into(), text(note)),
    ]
}

fn insert(table: Table, key: Vec<Sql>, row: Vec<(String, Sql)>) -> FieldEdit {
    FieldEdit { field: Field::Row { table, key }, old: Value::Null, new: Value::Row(row) }
}

fn delete(table: Table, key: Vec<Sql>, row: Vec<(String, Sql)>) -> FieldEdit {
    FieldEdit { field: Field::Row { table, key }, old: Value::Row(row), new: Value::Null }
}

/// A code not used yet: `prefix` followed by the lowest free number.
fn free_code(d: &Dataset, prefix: &str) -> String {
    let used = |c: &str| {
        d.indicators.iter().any(|i| i.code == c)
            || d.tujuan.iter().any(|t| t.code == c)
            || d.sasaran.iter().any(|s| s.code == c)
    };
    (1..).map(|n| format!("{prefix}{n}")).find(|c| !used(c)).unwrap_or_else(|| prefix.to_string())
}

/// Removing an indicator removes its targets, agreement targets, realisations and raw figures in
/// the same change, so that undo brings all of them back.
fn remove_indicator(d: &Dataset, ind: &Indicator) -> Vec<FieldEdit> {
    let mut edits = Vec::new();
    for t in d.targets.iter().filter(|t| t.indicator == ind.code) {
        edits.push(delete(
            Table::Target,
            vec![text(&ind.code), Sql::Integer(t.year as i64)],
            value_row(&ind.code, t.year, &t.value, &t.note),
        ));
    }
    for a in d.agreements.iter().filter(|a| a.indicator == ind.code) {
        edits.push(delete(
            Table::Agreement,
            vec![text(&ind.code), Sql::Integer(a.year as i64)],
            value_row(&ind.code, a.year, &a.value, &a.note),
        ));
    }
    for r in d.realisations.iter().filter(|r| r.indicator == ind.code) {
        edits.push(FieldEdit {
            field: Field::Realisation { indicator: ind.code.clone(), year: r.year },
            old: Value::Dec(r.realisasi),
            new: Value::Null,
        });
    }
    for q in d.quarters.iter().filter(|q| q.indicator == ind.code) {
        edits.push(delete(
            Table::Quarter,
            vec![text(&ind.code), Sql::Integer(q.year as i64), Sql::Integer(q.quarter)],
            vec![
                ("indicator_code".into(), text(&ind.code)),
                ("year".into(), Sql::Integer(q.year as i64)),
                ("quarter".into(), Sql::Integer(q.quarter)),
                ("target".into(), q.target.map_or(Sql::Null, |v| text(&v.to_string()))),
                ("realisasi".into(), q.realisasi.map_or(Sql::Null, |v| text(&v.to_string()))),
            ],
        ));
    }
    for r in d.raw_figures.iter().filter(|r| r.indicator == ind.code) {
        edits.push(delete(
            Table::RawFigure,
            vec![text(&ind.code), Sql::Integer(r.year as i64), text(r.role.code())],
            vec![
                ("indicator_code".into(), text(&ind.code)),
                ("year".into(), Sql::Integer(r.year as i64)),
                ("role".into(), text(r.role.code())),
                ("value".into(), text(&r.value.to_string())),
                ("label".into(), text(&r.label)),
                ("note".into(), text(&r.note)),
            ],
        ));
    }
    for s in d.program_support.iter().filter(|s| s.indicator == ind.code) {
        edits.push(delete(
            Table::ProgramSupport,
            vec![text(&s.program), text(&ind.code)],
            vec![("program_kode".into(), text(&s.program)), ("indicator_code".into(), text(&ind.code))],
        ));
    }
    edits.push(delete(Table::Indicator, vec![text(&ind.code)], indicator_row(ind)));
    edits
}

/// Swaps the positions of two siblings.
fn swap_positions(table: Table, a: (&str, i64), b: (&str, i64)) -> Vec<FieldEdit> {
    vec![
        col_edit(table, a.0, "position", Sql::Integer(a.1), Sql::Integer(b.1)),
        col_edit(table, b.0, "position", Sql::Integer(b.1), Sql::Integer(a.1)),
    ]
}

/// The structure editor of a period.
pub fn renstra_structure_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, period: &RenstraPeriod) {
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    let d = l.session.dataset.clone();
    let mut changes: Vec<Change> = Vec::new();
    ui.heading(lang.pick("Struktur Renstra", "Renstra structure"));
    let mut tujuan: Vec<&Tujuan> = d.tujuan.iter().filter(|t| t.period == period.code).collect();
    tujuan.sort_by_key(|t| t.position);
    for (ti, t) in tujuan.iter().enumerate() {
        egui::CollapsingHeader::new(format!("Tujuan: {}", t.name)).id_salt(("struct_tujuan", &t.code)).show(ui, |ui| {
            name_row(
                app,
                ui,
                &format!("tujuan:{}", t.code),
                &t.name,
                |new| Change {
                    description: format!("Ganti nama tujuan {}", t.code),
                    edits: vec![col_edit(Table::Tujuan, &t.code, "name", text(&t.name), text(new))],
                },
                &mut changes,
            );
            ui.horizontal(|ui| {
                if ti > 0 && ui.small_button(lang.pick("▲ Naik", "▲ Up")).clicked() {
                    let p = tujuan[ti - 1];
                    changes.push(Change {
                        description: format!("Urutan tujuan {}", t.code),
                        edits: swap_positions(Table::Tujuan, (&t.code, t.position), (&p.code, p.position)),
                    });
                }
                if ti + 1 < tujuan.len() && ui.small_button(lang.pick("▼ Turun", "▼ Down")).clicked() {
                    let n = tujuan[ti + 1];
                    changes.push(Change {
                        description: format!("Urutan tujuan {}", t.code),
                        edits: swap_positions(Table::Tujuan, (&t.code, t.position), (&n.code, n.position)),
                    });
                }
                if ui.small_button(lang.pick("+ Sasaran", "+ Goal")).clicked() {
                    let code = free_code(&d, "S");
                    let pos =
                        d.sasaran.iter().filter(|s| s.tujuan == t.code).map(|s| s.position).max().unwrap_or(0) + 1;
                    changes.push(Change {
                        description: format!("Tambah sasaran {code}"),
                        edits: vec![insert(
                            Table::Sasaran,
                            vec![text(&code)],
                            vec![
                                ("code".into(), text(&code)),
                                ("tujuan_code".into(), text(&t.code)),
                                ("position".into(), Sql::Integer(pos)),
                                ("name".into(), text(lang.pick("Sasaran baru", "New goal"))),
                            ],
                        )],
                    });
                }
                let empty = !d.sasaran.iter().any(|s| s.tujuan == t.code)
                    && !d.indicators.iter().any(|i| i.parent.as_deref() == Some(&t.code));
                if ui
                    .add_enabled(empty, egui::Button::new(lang.pick("Hapus tujuan", "Remove")))
                    .on_disabled_hover_text(
                        lang.pick(
                            "Hapus sasaran dan indikatornya lebih dulu.",
                            "Remove its goals and indicators first.",
                        ),
                    )
                    .clicked()
                {
                    changes.push(Change {
                        description: format!("Hapus tujuan {}", t.code),
                        edits: vec![delete(
                            Table::Tujuan,
                            vec![text(&t.code)],
                            vec![
                                ("code".into(), text(&t.code)),
                                ("period_code".into(), text(&t.period)),
                                ("position".into(), Sql::Integer(t.position)),
                                ("name".into(), text(&t.name)),
                            ],
                        )],
                    });
                }
            });
            let mut sasaran: Vec<&Sasaran> = d.sasaran.iter().filter(|s| s.tujuan == t.code).collect();
            sasaran.sort_by_key(|s| s.position);
            for s in sasaran {
                egui::CollapsingHeader::new(format!("Sasaran: {}", s.name)).id_salt(("struct_sasaran", &s.code)).show(
                    ui,
                    |ui| {
                        name_row(
                            app,
                            ui,
                            &format!("sasaran:{}", s.code),
                            &s.name,
                            |new| Change {
                                description: format!("Ganti nama sasaran {}", s.code),
                                edits: vec![col_edit(Table::Sasaran, &s.code, "name", text(&s.name), text(new))],
                            },
                            &mut changes,
                        );
                        ui.horizontal(|ui| {
                            if ui.small_button(lang.pick("+ Indikator", "+ Indicator")).clicked() {
                                let code = free_code(&d, "IKU");
                                let pos = d
                                    .indicators
                                    .iter()
                                    .filter(|i| i.parent.as_deref() == Some(&s.code))
                                    .map(|i| i.position)
                                    .max()
                                    .unwrap_or(0)
                                    + 1;
                                let ind = Indicator {
                                    code: code.clone(),
                                    period: period.code.clone(),
                                    level: IndicatorLevel::Sasaran,
                                    parent: Some(s.code.clone()),
                                    position: pos,
                                    name: lang.pick("Indikator baru", "New indicator").into(),
                                    satuan: "%".into(),
                                    polarity: Polarity::HigherIsBetter,
                                    capaian_rule: CapaianRule::Standard,
                                    formula: FormulaKind::Value,
                                    formula_text: String::new(),
                                    definition: String::new(),
                                    alasan: String::new(),
                                    data_source: String::new(),
                                    responsible: String::new(),
                                    iku: true,
                                    predecessor: None,
                                    comparable: false,
                                    quarter_rule: QuarterRule::Cumulative,
                                    note: String::new(),
                                };
                                changes.push(Change {
                                    description: format!("Tambah indikator {code}"),
                                    edits: vec![insert(Table::Indicator, vec![text(&code)], indicator_row(&ind))],
                                });
                            }
                            let empty = !d.indicators.iter().any(|i| i.parent.as_deref() == Some(&s.code));
                            if ui
                                .add_enabled(empty, egui::Button::new(lang.pick("Hapus sasaran", "Remove")))
                                .on_disabled_hover_text(
                                    lang.pick("Hapus indikatornya lebih dulu.", "Remove its indicators first."),
                                )
                                .clicked()
                            {
                                changes.push(Change {
                                    description: format!("Hapus sasaran {}", s.code),
                                    edits: vec![delete(
                                        Table::Sasaran,
                                        vec![text(&s.code)],
                                        vec![
                                            ("code".into(), text(&s.code)),
                                            ("tujuan_code".into(), text(&s.tujuan)),
                                            ("position".into(), Sql::Integer(s.position)),
                                            ("name".into(), text(&s.name)),
                                        ],
                                    )],
                                });
                            }
                        });
                        let mut inds: Vec<&Indicator> =
                            d.indicators.iter().filter(|i| i.parent.as_deref() == Some(&s.code)).collect();
                        inds.sort_by_key(|i| i.position);
                        for (ii, ind) in inds.iter().enumerate() {
                            indicator_editor_ui(app, ui, &d, ind, ii, &inds, &mut changes);
                        }
                    },
                );
            }
        });
    }
    ui.horizontal(|ui| {
        if ui.button(lang.pick("+ Tujuan", "+ Aim")).clicked() {
            let code = free_code(&d, "T");
            let pos = d.tujuan.iter().filter(|t| t.period == period.code).map(|t| t.position).max().unwrap_or(0) + 1;
            changes.push(Change {
                description: format!("Tambah tujuan {code}"),
                edits: vec![insert(
                    Table::Tujuan,
                    vec![text(&code)],
                    vec![
                        ("code".into(), text(&code)),
                        ("period_code".into(), text(&period.code)),
                        ("position".into(), Sql::Integer(pos)),
                        ("name".into(), text(lang.pick("Tujuan baru", "New aim"))),
                    ],
                )],
            });
        }
        let next_start = period.end_year + 1;
        let len = period.end_year - period.start_year;
        let exists = d.periods.iter().any(|p| p.start_year <= next_start + len && p.end_year >= next_start);
        let label = format!(
            "{} {}–{}",
            lang.pick("Periode baru dari salinan:", "New period from a copy:"),
            next_start,
            next_start + len
        );
        if ui.add_enabled(!exists, egui::Button::new(label)).clicked() {
            changes.push(copy_period(&d, period, next_start, lang));
        }
    });
    app.commands.extend(changes.into_iter().map(Command::Apply));
}

/// A new period after `period` with the same tujuan, sasaran and indicators under new codes;
/// every year's target starts from the previous period's final-year target.
fn copy_period(d: &Dataset, period: &RenstraPeriod, start: Year, lang: crate::format::Lang) -> Change {
    let end = start + (period.end_year - period.start_year);
    let code = format!("{start}-{end}");
    let suffix = format!("-{start}");
    let mut edits = vec![insert(
        Table::Period,
        vec![text(&code)],
        vec![
            ("code".into(), text(&code)),
            ("start_year".into(), Sql::Integer(start as i64)),
            ("end_year".into(), Sql::Integer(end as i64)),
            (
                "name".into(),
                text(
                    &period
                        .name
                        .replace(&format!("{}–{}", period.start_year, period.end_year), &format!("{start}–{end}")),
                ),
            ),
            ("basis".into(), text(&period.basis)),
        ],
    )];
    let new_code = |c: &str| format!("{c}{suffix}");
    for t in d.tujuan.iter().filter(|t| t.period == period.code) {
        edits.push(insert(
            Table::Tujuan,
            vec![text(&new_code(&t.code))],
            vec![
                ("code".into(), text(&new_code(&t.code))),
                ("period_code".into(), text(&code)),
                ("position".into(), Sql::Integer(t.position)),
                ("name".into(), text(&t.name)),
            ],
        ));
        for s in d.sasaran.iter().filter(|s| s.tujuan == t.code) {
            edits.push(insert(
                Table::Sasaran,
                vec![text(&new_code(&s.code))],
                vec![
                    ("code".into(), text(&new_code(&s.code))),
                    ("tujuan_code".into(), text(&new_code(&t.code))),
                    ("position".into(), Sql::Integer(s.position)),
                    ("name".into(), text(&s.name)),
                ],
            ));
        }
    }
    for ind in d.indicators.iter().filter(|i| i.period == period.code && i.level != IndicatorLevel::Program) {
        let mut copy = ind.clone();
        copy.code = new_code(&ind.code);
        copy.period = code.clone();
        copy.parent = ind.parent.as_deref().map(new_code);
        copy.predecessor = Some(ind.code.clone());
        copy.comparable = true;
        edits.push(insert(Table::Indicator, vec![text(&copy.code)], indicator_row(&copy)));
        if let Some(last) = d.renstra_target(&ind.code, period.end_year) {
            for y in start..=end {
                edits.push(insert(
                    Table::Target,
                    vec![text(&copy.code), Sql::Integer(y as i64)],
                    value_row(&copy.code, y, last, ""),
                ));
            }
        }
    }
    Change { description: format!("{} {code}", lang.pick("Periode Renstra baru", "New Renstra period")), edits }
}

fn name_row(
    app: &mut KinerjaApp,
    ui: &mut egui::Ui,
    key: &str,
    current: &str,
    change: impl FnOnce(&str) -> Change,
    changes: &mut Vec<Change>,
) {
    let lang = app.state.lang;
    let form = app.forms.entry(format!("name:{key}")).or_insert_with(|| super::edit_forms::Form {
        texts: vec![current.to_string()],
        errors: vec![None],
        warnings: vec![],
    });
    ui.horizontal(|ui| {
        let l = ui.label(lang.pick("Nama", "Name"));
        ui.add(egui::TextEdit::singleline(&mut form.texts[0]).desired_width(420.0)).labelled_by(l.id);
        if ui.button(T::Save.get(lang)).clicked() {
            let check = input::check_name(&form.texts[0], &[], lang);
            form.errors[0] = check.errors.first().cloned();
            if check.ok() && form.texts[0].trim() != current {
                changes.push(change(form.texts[0].trim()));
            }
        }
        if let Some(e) = &form.errors[0] {
            ui.label(egui::RichText::new(e).color(ui.visuals().error_fg_color));
        }
    });
}

#[allow(clippy::too_many_arguments)]
fn indicator_editor_ui(
    app: &mut KinerjaApp,
    ui: &mut egui::Ui,
    d: &Dataset,
    ind: &Indicator,
    index: usize,
    siblings: &[&Indicator],
    changes: &mut Vec<Change>,
) {
    let lang = app.state.lang;
    egui::CollapsingHeader::new(format!("{} ({})", ind.name, ind.code)).id_salt(("struct_ind", &ind.code)).show(
        ui,
        |ui| {
            let key = format!("indicator:{}", ind.code);
            let form = app.forms.entry(key).or_insert_with(|| super::edit_forms::Form {
                texts: vec![
                    ind.name.clone(),
                    ind.satuan.clone(),
                    ind.polarity.code().into(),
                    ind.capaian_rule.code().into(),
                    ind.formula.code().into(),
                    ind.formula_text.clone(),
                ],
                errors: vec![None; 6],
                warnings: vec![],
            });
            egui::Grid::new(("ind_form", &ind.code)).num_columns(2).spacing([10.0, 4.0]).show(ui, |ui| {
                for (i, label) in [lang.pick("Nama", "Name"), T::Satuan.get(lang)].iter().enumerate() {
                    let l = ui.label(*label);
                    ui.add(egui::TextEdit::singleline(&mut form.texts[i]).desired_width(420.0)).labelled_by(l.id);
                    ui.end_row();
                }
                ui.label(T::Polarity.get(lang));
                egui::ComboBox::from_id_salt(("pol", &ind.code)).selected_text(form.texts[2].clone()).show_ui(
                    ui,
                    |ui| {
                        for p in Polarity::ALL {
                            ui.selectable_value(&mut form.texts[2], p.code().to_string(), p.code());
                        }
                    },
                );
                ui.end_row();
                ui.label(lang.pick("Aturan capaian (polaritas rendah)", "Capaian rule (lower is better)"));
                egui::ComboBox::from_id_salt(("rule", &ind.code)).selected_text(form.texts[3].clone()).show_ui(
                    ui,
                    |ui| {
                        for r in CapaianRule::ALL {
                            ui.selectable_value(&mut form.texts[3], r.code().to_string(), r.code());
                        }
                    },
                );
                ui.end_row();
                ui.label(lang.pick("Rumus dari data dasar", "Formula from raw figures"));
                egui::ComboBox::from_id_salt(("formula", &ind.code)).selected_text(form.texts[4].clone()).show_ui(
                    ui,
                    |ui| {
                        for f in FormulaKind::ALL {
                            ui.selectable_value(&mut form.texts[4], f.code().to_string(), f.code());
                        }
                    },
                );
                ui.end_row();
                let l = ui.label(T::Formula.get(lang));
                ui.add(egui::TextEdit::multiline(&mut form.texts[5]).desired_width(420.0).desired_rows(2))
                    .labelled_by(l.id);
                ui.end_row();
            });
            if let Some(e) = &form.errors[0] {
                ui.label(egui::RichText::new(e).color(ui.visuals().error_fg_color));
            }
            ui.horizontal(|ui| {
                if ui.button(T::Save.get(lang)).clicked() {
                    let others: Vec<&str> =
                        siblings.iter().filter(|s| s.code != ind.code).map(|s| s.name.as_str()).collect();
                    let check = input::check_name(&form.texts[0], &others, lang);
                    form.errors[0] = check.errors.first().cloned();
                    if check.ok() {
                        let cols: [(&'static str, &str); 6] = [
                            ("name", &ind.name),
                            ("satuan", &ind.satuan),
                            ("polarity", ind.polarity.code()),
                            ("capaian_rule", ind.capaian_rule.code()),
                            ("formula", ind.formula.code()),
                            ("formula_text", &ind.formula_text),
                        ];
                        let edits: Vec<FieldEdit> = cols
                            .iter()
                            .zip(&form.texts)
                            .filter(|((_, old), new)| old.trim() != new.trim())
                            .map(|((c, old), new)| {
                                col_edit(Table::Indicator, &ind.code, c, text(old), text(new.trim()))
                            })
                            .collect();
                        if !edits.is_empty() {
                            changes.push(Change { description: format!("Ubah indikator {}", ind.code), edits });
                        }
                    }
                }
                if index > 0 && ui.small_button(lang.pick("▲ Naik", "▲ Up")).clicked() {
                    let p = siblings[index - 1];
                    changes.push(Change {
                        description: format!("Urutan indikator {}", ind.code),
                        edits: swap_positions(Table::Indicator, (&ind.code, ind.position), (&p.code, p.position)),
                    });
                }
                if index + 1 < siblings.len() && ui.small_button(lang.pick("▼ Turun", "▼ Down")).clicked() {
                    let n = siblings[index + 1];
                    changes.push(Change {
                        description: format!("Urutan indikator {}", ind.code),
                        edits: swap_positions(Table::Indicator, (&ind.code, ind.position), (&n.code, n.position)),
                    });
                }
                if ui
                    .button(lang.pick("Hapus indikator", "Remove indicator"))
                    .on_hover_text(lang.pick(
                        "Target, realisasi dan data dasarnya ikut terhapus; dapat diurungkan.",
                        "Its targets, realisations and raw figures go too; can be undone.",
                    ))
                    .clicked()
                {
                    changes.push(Change {
                        description: format!("Hapus indikator {}", ind.code),
                        edits: remove_indicator(d, ind),
                    });
                }
            });
        },
    );
}
