//! *Sunting* mode of the Renstra tab: add, rename, reorder and remove tujuan, sasaran and
//! indicators; edit an indicator's satuan, polarity and formula; start a new period from a copy
//! of the current one. Every action is one change (one transaction, one undo step).

use super::FormField;
use crate::calc::input;
use crate::domain::*;
use crate::ui::strings::T;
use crate::ui::TabContext;

/// A code not used yet: `prefix` followed by the lowest free number.
fn free_code(d: &Dataset, prefix: &str) -> String {
    let used = |c: &str| {
        d.indicators.iter().any(|i| i.code == c)
            || d.tujuan.iter().any(|t| t.code == c)
            || d.sasaran.iter().any(|s| s.code == c)
            || d.misi.iter().any(|m| m.code == c)
    };
    (1..).map(|n| format!("{prefix}{n}")).find(|c| !used(c)).unwrap_or_else(|| prefix.to_string())
}

/// Swaps the positions of two siblings: `a` and `b` as they are, each with the other's position.
fn swapped<T: Clone>(a: &T, b: &T, position: impl Fn(&mut T) -> &mut i64) -> (T, T) {
    let (mut a2, mut b2) = (a.clone(), b.clone());
    std::mem::swap(position(&mut a2), position(&mut b2));
    (a2, b2)
}

fn swap_tujuan(a: &Tujuan, b: &Tujuan) -> Vec<Op> {
    let (a2, b2) = swapped(a, b, |t| &mut t.position);
    vec![Op::UpdateTujuan { old: a.clone(), new: a2 }, Op::UpdateTujuan { old: b.clone(), new: b2 }]
}

fn swap_indicators(a: &Indicator, b: &Indicator) -> Vec<Op> {
    let (a2, b2) = swapped(a, b, |i| &mut i.position);
    vec![
        Op::UpdateIndicator { old: Box::new(a.clone()), new: Box::new(a2) },
        Op::UpdateIndicator { old: Box::new(b.clone()), new: Box::new(b2) },
    ]
}

/// The structure editor of a period.
pub fn renstra_structure_ui(cx: &mut TabContext, ui: &mut egui::Ui, period: &RenstraPeriod) {
    let lang = cx.lang;
    let d = cx.data.dataset().clone();
    let mut changes: Vec<Change> = Vec::new();
    ui.heading(lang.pick("Struktur Renstra", "Renstra structure"));
    let misi = d.misi_of_period(&period.code);
    for m in &misi {
        egui::CollapsingHeader::new(format!("{}: {}", T::Misi.get(lang), m.name))
            .id_salt(("struct_misi", &m.code))
            .show(ui, |ui| {
                name_row(
                    cx,
                    ui,
                    &format!("misi:{}", m.code),
                    &m.name,
                    |new| Change {
                        description: format!("Ganti nama misi {}", m.code),
                        ops: vec![Op::UpdateMisi { old: (*m).clone(), new: Misi { name: new.into(), ..(*m).clone() } }],
                    },
                    &mut changes,
                );
                let under_misi = d.sasaran_of_misi(&m.code);
                ui.horizontal(|ui| {
                    if ui.small_button(lang.pick("+ Sasaran", "+ Goal")).clicked() {
                        let code = free_code(&d, "S");
                        let sasaran = Sasaran {
                            tujuan: None,
                            code: code.clone(),
                            position: under_misi.last().map_or(0, |s| s.position) + 1,
                            name: lang.pick("Sasaran baru", "New goal").into(),
                            misi: Some(m.code.clone()),
                        };
                        changes.push(Change {
                            description: format!("Tambah sasaran {code} di bawah misi {}", m.code),
                            ops: vec![Op::AddSasaran(sasaran)],
                        });
                    }
                    let empty = under_misi.is_empty() && !d.tujuan.iter().any(|t| t.misi.as_deref() == Some(&m.code));
                    if ui
                        .add_enabled(empty, egui::Button::new(T::RemoveMisi.get(lang)))
                        .on_disabled_hover_text(T::RemoveMisiFirst.get(lang))
                        .clicked()
                    {
                        changes.push(Change {
                            description: format!("Hapus misi {}", m.code),
                            ops: vec![Op::RemoveMisi((*m).clone())],
                        });
                    }
                });
                for s in under_misi {
                    sasaran_editor_ui(cx, ui, &d, period, s, &mut changes);
                }
            });
    }
    let tujuan = d.tujuan_of_period(&period.code);
    for (ti, t) in tujuan.iter().enumerate() {
        egui::CollapsingHeader::new(format!("{}: {}", lang.pick("Tujuan", "Objective"), t.name))
            .id_salt(("struct_tujuan", &t.code))
            .show(ui, |ui| {
                name_row(
                    cx,
                    ui,
                    &format!("tujuan:{}", t.code),
                    &t.name,
                    |new| Change {
                        description: format!("Ganti nama tujuan {}", t.code),
                        ops: vec![Op::UpdateTujuan {
                            old: (*t).clone(),
                            new: Tujuan { name: new.into(), ..(*t).clone() },
                        }],
                    },
                    &mut changes,
                );
                ui.horizontal(|ui| {
                    if ti > 0 && ui.small_button(lang.pick("▲ Naik", "▲ Up")).clicked() {
                        let p = tujuan[ti - 1];
                        changes
                            .push(Change { description: format!("Urutan tujuan {}", t.code), ops: swap_tujuan(t, p) });
                    }
                    if ti + 1 < tujuan.len() && ui.small_button(lang.pick("▼ Turun", "▼ Down")).clicked() {
                        let n = tujuan[ti + 1];
                        changes
                            .push(Change { description: format!("Urutan tujuan {}", t.code), ops: swap_tujuan(t, n) });
                    }
                    if ui.small_button(lang.pick("+ Sasaran", "+ Goal")).clicked() {
                        let code = free_code(&d, "S");
                        let pos = d.sasaran_of_tujuan(&t.code).last().map_or(0, |s| s.position) + 1;
                        let sasaran = Sasaran {
                            tujuan: Some(t.code.clone()),
                            code: code.clone(),
                            position: pos,
                            name: lang.pick("Sasaran baru", "New goal").into(),
                            misi: None,
                        };
                        changes.push(Change {
                            description: format!("Tambah sasaran {code}"),
                            ops: vec![Op::AddSasaran(sasaran)],
                        });
                    }
                    if !misi.is_empty() {
                        misi_choice_ui(ui, lang, t, &misi, &mut changes);
                    }
                    let empty = d.sasaran_of_tujuan(&t.code).is_empty()
                        && !d.indicators.iter().any(|i| i.parent.as_deref() == Some(&t.code));
                    if ui
                        .add_enabled(empty, egui::Button::new(lang.pick("Hapus tujuan", "Remove")))
                        .on_disabled_hover_text(lang.pick(
                            "Hapus sasaran dan indikatornya lebih dulu.",
                            "Remove its goals and indicators first.",
                        ))
                        .clicked()
                    {
                        changes.push(Change {
                            description: format!("Hapus tujuan {}", t.code),
                            ops: vec![Op::RemoveTujuan((*t).clone())],
                        });
                    }
                });
                for s in d.sasaran_of_tujuan(&t.code) {
                    sasaran_editor_ui(cx, ui, &d, period, s, &mut changes);
                }
            });
    }
    ui.horizontal(|ui| {
        if ui.button(T::AddMisi.get(lang)).clicked() {
            let code = free_code(&d, "M");
            let misi = Misi {
                period: period.code.clone(),
                code: code.clone(),
                position: misi.last().map_or(0, |m| m.position) + 1,
                name: T::NewMisi.get(lang).into(),
            };
            changes.push(Change { description: format!("Tambah misi {code}"), ops: vec![Op::AddMisi(misi)] });
        }
        if ui.button(lang.pick("+ Tujuan", "+ Objective")).clicked() {
            let code = free_code(&d, "T");
            let pos = d.tujuan.iter().filter(|t| t.period == period.code).map(|t| t.position).max().unwrap_or(0) + 1;
            let tujuan = Tujuan {
                period: period.code.clone(),
                code: code.clone(),
                position: pos,
                name: lang.pick("Tujuan baru", "New aim").into(),
                misi: None,
            };
            changes.push(Change { description: format!("Tambah tujuan {code}"), ops: vec![Op::AddTujuan(tujuan)] });
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
            changes.push(copy_period(&d, period, next_start));
        }
    });
    for c in changes {
        cx.apply(c);
    }
}

/// The misi a tujuan serves, chosen among the period's (or none).
fn misi_choice_ui(ui: &mut egui::Ui, lang: crate::format::Lang, t: &Tujuan, misi: &[&Misi], changes: &mut Vec<Change>) {
    let name = |code: Option<&str>| match code.and_then(|c| misi.iter().find(|m| m.code == c)) {
        Some(m) => format!("{}: {}", m.code, m.name),
        None => T::NoMisi.get(lang).to_string(),
    };
    let mut chosen = t.misi.clone();
    let label = ui.label(T::Misi.get(lang));
    egui::ComboBox::from_id_salt(("tujuan_misi", &t.code))
        .selected_text(name(chosen.as_deref()))
        .width(220.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, name(None));
            for m in misi {
                ui.selectable_value(&mut chosen, Some(m.code.clone()), name(Some(&m.code)));
            }
        })
        .response
        .labelled_by(label.id);
    if chosen != t.misi {
        changes.push(Change {
            description: format!("Misi tujuan {}", t.code),
            ops: vec![Op::UpdateTujuan { old: t.clone(), new: Tujuan { misi: chosen, ..t.clone() } }],
        });
    }
}

/// Where a sasaran hangs: one of the period's tujuan, or directly one of its misi. Moving it
/// keeps its code, position and indicators.
fn sasaran_parent_ui(
    ui: &mut egui::Ui,
    lang: crate::format::Lang,
    d: &Dataset,
    period: &RenstraPeriod,
    s: &Sasaran,
    changes: &mut Vec<Change>,
) {
    let mut parents: Vec<(Option<String>, Option<String>, String)> = Vec::new();
    for m in d.misi_of_period(&period.code) {
        parents.push((None, Some(m.code.clone()), format!("{}: {}", T::Misi.get(lang), m.name)));
    }
    for t in d.tujuan.iter().filter(|t| t.period == period.code) {
        parents.push((Some(t.code.clone()), None, format!("{}: {}", lang.pick("Tujuan", "Objective"), t.name)));
    }
    if parents.len() < 2 {
        return;
    }
    let current = (s.tujuan.clone(), s.misi.clone());
    let mut chosen = current.clone();
    let shown = |c: &(Option<String>, Option<String>)| {
        parents.iter().find(|p| (&p.0, &p.1) == (&c.0, &c.1)).map_or_else(String::new, |p| p.2.clone())
    };
    ui.horizontal(|ui| {
        let label = ui.label(lang.pick("Berada di bawah", "Hangs under"));
        egui::ComboBox::from_id_salt(("sasaran_parent", &s.code))
            .selected_text(shown(&chosen))
            .width(320.0)
            .show_ui(ui, |ui| {
                for p in &parents {
                    ui.selectable_value(&mut chosen, (p.0.clone(), p.1.clone()), &p.2);
                }
            })
            .response
            .labelled_by(label.id);
    });
    if chosen != current {
        let (tujuan, misi) = chosen;
        changes.push(Change {
            description: format!("Pindahkan sasaran {}", s.code),
            ops: vec![Op::UpdateSasaran { old: s.clone(), new: Sasaran { tujuan, misi, ..s.clone() } }],
        });
    }
}

/// A sasaran's editor (rename, add an indicator, remove it, its indicators), under a tujuan or
/// directly under a misi.
fn sasaran_editor_ui(
    cx: &mut TabContext,
    ui: &mut egui::Ui,
    d: &Dataset,
    period: &RenstraPeriod,
    s: &Sasaran,
    changes: &mut Vec<Change>,
) {
    let lang = cx.lang;
    egui::CollapsingHeader::new(format!("Sasaran: {}", s.name)).id_salt(("struct_sasaran", &s.code)).show(ui, |ui| {
        name_row(
            cx,
            ui,
            &format!("sasaran:{}", s.code),
            &s.name,
            |new| Change {
                description: format!("Ganti nama sasaran {}", s.code),
                ops: vec![Op::UpdateSasaran { old: s.clone(), new: Sasaran { name: new.into(), ..s.clone() } }],
            },
            changes,
        );
        sasaran_parent_ui(ui, lang, d, period, s, changes);
        ui.horizontal(|ui| {
            if ui.small_button(lang.pick("+ Indikator", "+ Indicator")).clicked() {
                let code = free_code(d, "IKU");
                let pos = d
                    .indicators
                    .iter()
                    .filter(|i| i.parent.as_deref() == Some(&s.code))
                    .map(|i| i.position)
                    .max()
                    .unwrap_or(0)
                    + 1;
                let ind = Indicator::new(
                    &code,
                    &period.code,
                    IndicatorLevel::Sasaran,
                    Some(&s.code),
                    pos,
                    lang.pick("Indikator baru", "New indicator"),
                );
                changes.push(Change {
                    description: format!("Tambah indikator {code}"),
                    ops: vec![Op::AddIndicator(Box::new(ind))],
                });
            }
            let empty = !d.indicators.iter().any(|i| i.parent.as_deref() == Some(&s.code));
            if ui
                .add_enabled(empty, egui::Button::new(lang.pick("Hapus sasaran", "Remove")))
                .on_disabled_hover_text(lang.pick("Hapus indikatornya lebih dulu.", "Remove its indicators first."))
                .clicked()
            {
                changes.push(Change {
                    description: format!("Hapus sasaran {}", s.code),
                    ops: vec![Op::RemoveSasaran(s.clone())],
                });
            }
        });
        let mut inds: Vec<&Indicator> = d.indicators.iter().filter(|i| i.parent.as_deref() == Some(&s.code)).collect();
        inds.sort_by_key(|i| i.position);
        for (ii, ind) in inds.iter().enumerate() {
            indicator_editor_ui(cx, ui, ind, ii, &inds, changes);
        }
    });
}

/// A new period after `period` with the same tujuan, sasaran and indicators under new codes;
/// every year's target starts from the previous period's final-year target.
fn copy_period(d: &Dataset, period: &RenstraPeriod, start: Year) -> Change {
    let end = start + (period.end_year - period.start_year);
    let code = format!("{start}-{end}");
    let suffix = format!("-{start}");
    let name = period.name.replace(&format!("{}–{}", period.start_year, period.end_year), &format!("{start}–{end}"));
    let mut ops = vec![Op::AddPeriod(RenstraPeriod {
        code: code.clone(),
        start_year: start,
        end_year: end,
        name,
        basis: period.basis.clone(),
    })];
    let new_code = |c: &str| format!("{c}{suffix}");
    let new_link = |c: &Option<String>| c.as_deref().map(new_code);
    for m in d.misi_of_period(&period.code) {
        ops.push(Op::AddMisi(Misi { period: code.clone(), code: new_code(&m.code), ..m.clone() }));
    }
    for s in d.sasaran_of_period(&period.code) {
        if s.tujuan.is_none() {
            ops.push(Op::AddSasaran(Sasaran { misi: new_link(&s.misi), code: new_code(&s.code), ..s.clone() }));
        }
    }
    for t in d.tujuan_of_period(&period.code) {
        ops.push(Op::AddTujuan(Tujuan {
            period: code.clone(),
            code: new_code(&t.code),
            misi: new_link(&t.misi),
            ..t.clone()
        }));
        for s in d.sasaran_of_tujuan(&t.code) {
            ops.push(Op::AddSasaran(Sasaran { tujuan: new_link(&s.tujuan), code: new_code(&s.code), ..s.clone() }));
        }
    }
    for ind in d.indicators.iter().filter(|i| i.period == period.code && i.level != IndicatorLevel::Program) {
        let mut copy = ind.clone();
        copy.code = new_code(&ind.code);
        copy.period = code.clone();
        copy.parent = ind.parent.as_deref().map(new_code);
        copy.predecessor = Some(ind.code.clone());
        copy.comparable = true;
        let copy_code = copy.code.clone();
        ops.push(Op::AddIndicator(Box::new(copy)));
        if let Some(last) = d.renstra_target(&ind.code, period.end_year) {
            for y in start..=end {
                ops.push(Op::AddRenstraTarget(Target {
                    indicator: copy_code.clone(),
                    year: y,
                    value: last.clone(),
                    note: String::new(),
                }));
            }
        }
    }
    // The office's record, in Indonesian whatever the window's language.
    Change { description: format!("Periode Renstra baru {code}"), ops }
}

/// A name being edited, as typed.
#[derive(Clone, Debug, Default)]
pub struct NameForm {
    pub name: FormField,
}

/// An indicator's own fields, as typed or chosen.
#[derive(Clone, Debug)]
pub struct IndicatorForm {
    pub name: FormField,
    pub satuan: FormField,
    pub polarity: Polarity,
    pub capaian_rule: CapaianRule,
    pub period_rule: PeriodRule,
    pub formula: FormulaKind,
    pub formula_text: String,
}

fn name_row(
    cx: &mut TabContext,
    ui: &mut egui::Ui,
    key: &str,
    current: &str,
    change: impl FnOnce(&str) -> Change,
    changes: &mut Vec<Change>,
) {
    let lang = cx.lang;
    let form =
        cx.widgets.forms.names.entry(key.to_string()).or_insert_with(|| NameForm { name: FormField::new(current) });
    ui.horizontal(|ui| {
        let l = ui.label(lang.pick("Nama", "Name"));
        ui.add(egui::TextEdit::singleline(&mut form.name.text).desired_width(420.0)).labelled_by(l.id);
        if ui.button(T::Save.get(lang)).clicked() {
            let check = input::check_name(&form.name.text, &[], lang);
            form.name.error = check.errors.first().cloned();
            if check.ok() && form.name.trimmed() != current {
                changes.push(change(form.name.trimmed()));
            }
        }
        if let Some(e) = &form.name.error {
            ui.label(egui::RichText::new(e).color(ui.visuals().error_fg_color));
        }
    });
}

#[allow(clippy::too_many_arguments)]
fn indicator_editor_ui(
    cx: &mut TabContext,
    ui: &mut egui::Ui,
    ind: &Indicator,
    index: usize,
    siblings: &[&Indicator],
    changes: &mut Vec<Change>,
) {
    let lang = cx.lang;
    egui::CollapsingHeader::new(format!("{} ({})", ind.name, ind.code)).id_salt(("struct_ind", &ind.code)).show(
        ui,
        |ui| {
            let form = cx.widgets.forms.indicators.entry(ind.code.clone()).or_insert_with(|| IndicatorForm {
                name: FormField::new(ind.name.clone()),
                satuan: FormField::new(ind.satuan.clone()),
                polarity: ind.polarity,
                capaian_rule: ind.capaian_rule,
                period_rule: ind.period_rule,
                formula: ind.formula,
                formula_text: ind.formula_text.clone(),
            });
            egui::Grid::new(("ind_form", &ind.code)).num_columns(2).spacing([10.0, 4.0]).show(ui, |ui| {
                for (label, field) in [(lang.pick("Nama", "Name"), &mut form.name), (T::Satuan.get(lang), &mut form.satuan)]
                {
                    let l = ui.label(label);
                    ui.add(egui::TextEdit::singleline(&mut field.text).desired_width(420.0)).labelled_by(l.id);
                    ui.end_row();
                }
                ui.label(T::Polarity.get(lang));
                egui::ComboBox::from_id_salt(("pol", &ind.code)).selected_text(form.polarity.code()).show_ui(
                    ui,
                    |ui| {
                        for p in Polarity::ALL {
                            ui.selectable_value(&mut form.polarity, p, p.code());
                        }
                    },
                );
                ui.end_row();
                ui.label(lang.pick("Aturan capaian (polaritas rendah)", "Capaian rule (lower is better)"));
                egui::ComboBox::from_id_salt(("rule", &ind.code)).selected_text(form.capaian_rule.code()).show_ui(
                    ui,
                    |ui| {
                        for r in CapaianRule::ALL {
                            ui.selectable_value(&mut form.capaian_rule, r, r.code());
                        }
                    },
                );
                ui.end_row();
                ui.label(lang.pick("Angka periode s.d. tahun N", "Period figure to year N"));
                ui.horizontal(|ui| {
                    for r in PeriodRule::ALL {
                        ui.radio_value(&mut form.period_rule, r, crate::text::period_rule(r, lang));
                    }
                });
                ui.end_row();
                ui.label(lang.pick("Rumus dari data dasar", "Formula from raw figures"));
                egui::ComboBox::from_id_salt(("formula", &ind.code)).selected_text(form.formula.code()).show_ui(
                    ui,
                    |ui| {
                        for f in FormulaKind::ALL {
                            ui.selectable_value(&mut form.formula, f, f.code());
                        }
                    },
                );
                ui.end_row();
                let l = ui.label(T::Formula.get(lang));
                ui.add(egui::TextEdit::multiline(&mut form.formula_text).desired_width(420.0).desired_rows(2))
                    .labelled_by(l.id);
                ui.end_row();
            });
            if let Some(e) = &form.name.error {
                ui.label(egui::RichText::new(e).color(ui.visuals().error_fg_color));
            }
            ui.horizontal(|ui| {
                if ui.button(T::Save.get(lang)).clicked() {
                    let others: Vec<&str> =
                        siblings.iter().filter(|s| s.code != ind.code).map(|s| s.name.as_str()).collect();
                    let check = input::check_name(&form.name.text, &others, lang);
                    form.name.error = check.errors.first().cloned();
                    if check.ok() {
                        let new = Indicator {
                            name: form.name.trimmed().into(),
                            satuan: form.satuan.trimmed().into(),
                            polarity: form.polarity,
                            capaian_rule: form.capaian_rule,
                            period_rule: form.period_rule,
                            formula: form.formula,
                            formula_text: form.formula_text.trim().into(),
                            ..ind.clone()
                        };
                        if &new != ind {
                            changes.push(Change {
                                description: format!("Ubah indikator {}", ind.code),
                                ops: vec![Op::UpdateIndicator { old: Box::new(ind.clone()), new: Box::new(new) }],
                            });
                        }
                    }
                }
                if index > 0 && ui.small_button(lang.pick("▲ Naik", "▲ Up")).clicked() {
                    let p = siblings[index - 1];
                    changes.push(Change {
                        description: format!("Urutan indikator {}", ind.code),
                        ops: swap_indicators(ind, p),
                    });
                }
                if index + 1 < siblings.len() && ui.small_button(lang.pick("▼ Turun", "▼ Down")).clicked() {
                    let n = siblings[index + 1];
                    changes.push(Change {
                        description: format!("Urutan indikator {}", ind.code),
                        ops: swap_indicators(ind, n),
                    });
                }
                if ui
                    .button(lang.pick("Hapus indikator", "Remove indicator"))
                    .on_hover_text(lang.pick(
                        "Target, realisasi dan data dasarnya ikut terhapus, tautan indikator penerusnya dilepas; dapat diurungkan.",
                        "Its targets, realisations and raw figures go too, a successor's link is cleared; can be undone.",
                    ))
                    .clicked()
                {
                    changes.push(Change {
                        description: format!("Hapus indikator {}", ind.code),
                        ops: vec![Op::RemoveIndicator(Box::new(ind.clone()))],
                    });
                }
            });
        },
    );
}
