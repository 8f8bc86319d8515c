//! More *Sunting* forms: budget lines (add, rename, remove, quarterly realisation), raw figures
//! of computed indicators, constraints and plans, staff counts and asset lines.

use super::edit_forms::Form;
use super::strings::T;
use super::widgets::{number_field_ui, FieldKind, NumberField};
use super::{Command, KinerjaApp};
use crate::calc::input;
use crate::domain::*;
use crate::format::{self, Lang};

fn error_label(ui: &mut egui::Ui, e: &Option<String>) {
    if let Some(e) = e {
        ui.label(egui::RichText::new(e).color(ui.visuals().error_fg_color));
    }
}

fn money_text(m: Option<Money>, lang: Lang) -> String {
    m.map(|m| format::number(m.decimal(), if m.decimal().fract().is_zero() { 0 } else { 2 }, lang)).unwrap_or_default()
}

/// A new budget line needs a free kode and a name its siblings do not have.
fn check_new_line(
    d: &Dataset,
    year: Year,
    kode: &str,
    name: &str,
    siblings: &[String],
    lang: Lang,
) -> input::Validation {
    let mut check = input::check_name(name, &siblings.iter().map(String::as_str).collect::<Vec<_>>(), lang);
    if kode.is_empty() || d.budget_line(year, kode).is_some() {
        check.errors.push(match lang {
            Lang::Id => format!("Kode '{kode}' kosong atau sudah dipakai."),
            Lang::En => format!("Code '{kode}' is empty or already used."),
        });
    }
    check
}

/// Add a child line, rename or remove a budget line, and its quarterly realisation.
pub fn budget_line_actions_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, year: Year, kode: &str) {
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    let d = &l.session.dataset;
    let Some(line) = d.budget_line(year, kode).cloned() else { return };
    let children = d.budget_children(year, Some(kode));
    let siblings: Vec<String> = d
        .budget_children(year, line.parent.as_deref())
        .iter()
        .filter(|b| b.kode != kode)
        .map(|b| b.name.clone())
        .collect();
    let child_names: Vec<String> = children.iter().map(|c| c.name.clone()).collect();
    let next_child = format!("{kode}.{}", children.len() + 1);
    let has_children = !children.is_empty();
    let quarters: Vec<Option<Money>> = (1..=4)
        .map(|q| {
            d.budget_quarters.iter().find(|x| x.year == year && x.kode == kode && x.quarter == q).map(|x| x.realisasi)
        })
        .collect();
    let mut changes = Vec::new();
    let form = app.forms.entry(format!("budget-actions:{year}:{kode}")).or_insert_with(|| {
        let mut texts = vec![line.name.clone(), next_child.clone(), String::new()];
        texts.extend(quarters.iter().map(|q| money_text(*q, lang)));
        Form { errors: vec![None; texts.len()], texts, warnings: vec![], confirm: None }
    });
    ui.horizontal(|ui| {
        let l = ui.label(lang.pick("Nama", "Name"));
        ui.add(egui::TextEdit::singleline(&mut form.texts[0]).desired_width(420.0)).labelled_by(l.id);
        if ui.button(lang.pick("Ganti nama", "Rename")).clicked() {
            let check =
                input::check_name(&form.texts[0], &siblings.iter().map(String::as_str).collect::<Vec<_>>(), lang);
            form.errors[0] = check.errors.first().cloned();
            if check.ok() && form.texts[0].trim() != line.name {
                changes.push(Change {
                    description: format!("Ganti nama {}", line.kode),
                    ops: vec![Op::RenameBudgetLine {
                        year,
                        kode: kode.into(),
                        old: line.name.clone(),
                        new: form.texts[0].trim().into(),
                    }],
                });
            }
        }
        error_label(ui, &form.errors[0]);
    });
    if let Some(child_level) = line.level.child() {
        ui.horizontal(|ui| {
            let l = ui.label(format!("{} {}", lang.pick("Tambah", "Add"), child_level.code()));
            ui.add(egui::TextEdit::singleline(&mut form.texts[1]).desired_width(90.0)).labelled_by(l.id);
            // Named apart from the kode field ("Tambah kegiatan nama"), so that a screen reader
            // (and a test) can tell the two fields apart.
            let n = ui.label(lang.pick("nama", "name"));
            ui.add(egui::TextEdit::singleline(&mut form.texts[2]).desired_width(320.0))
                .labelled_by(l.id)
                .labelled_by(n.id);
            if ui.button(format!("{} {}", lang.pick("Tambahkan", "Add the"), child_level.code())).clicked() {
                let new_kode = form.texts[1].trim().to_string();
                let check = check_new_line(d, year, &new_kode, &form.texts[2], &child_names, lang);
                form.errors[2] = check.errors.first().cloned();
                if check.ok() {
                    let new_line = BudgetLine {
                        year,
                        kode: new_kode.clone(),
                        parent: Some(kode.to_string()),
                        level: child_level,
                        position: children.len() as i64 + 1,
                        name: form.texts[2].trim().to_string(),
                        pagu_murni: None,
                        pagu_perubahan: None,
                        realisasi: None,
                        note: String::new(),
                    };
                    changes.push(Change {
                        description: format!("Tambah {} {new_kode}", child_level.code()),
                        ops: vec![Op::AddBudgetLine(Box::new(new_line))],
                    });
                }
            }
            error_label(ui, &form.errors[2]);
        });
    }
    ui.label(lang.pick("Realisasi per triwulan (Rp)", "Spending per quarter (Rp)"));
    for i in 0..4 {
        let label = format!("{} {}", lang.pick("Realisasi triwulan", "Spending, quarter"), ["I", "II", "III", "IV"][i]);
        let field = NumberField::new(FieldKind::Money, &label).label_width(170.0).error(form.errors[3 + i].as_deref());
        number_field_ui(ui, field, &mut form.texts[3 + i], lang);
    }
    ui.horizontal(|ui| {
        if ui.button(lang.pick("Simpan triwulan", "Save quarters")).clicked() {
            let mut ops = Vec::new();
            for (i, old) in quarters.iter().enumerate() {
                let t = form.texts[3 + i].trim().to_string();
                let new = if t.is_empty() {
                    None
                } else {
                    match input::read_money(&t, lang).map(|(m, _)| m) {
                        Ok(m) if m.is_negative() => {
                            form.errors[3 + i] = Some(
                                lang.pick("Realisasi tidak boleh negatif.", "Spending cannot be negative.").into(),
                            );
                            continue;
                        }
                        Ok(m) => Some(m),
                        Err(e) => {
                            form.errors[3 + i] = Some(e.message(lang));
                            continue;
                        }
                    }
                };
                form.errors[3 + i] = None;
                if new != *old {
                    ops.push(Op::SetBudgetQuarter { year, kode: kode.into(), quarter: i as i64 + 1, old: *old, new });
                }
            }
            if form.errors[3..].iter().all(Option::is_none) && !ops.is_empty() {
                changes.push(Change { description: format!("Realisasi triwulan {}", line.kode), ops });
            }
        }
    });
    let removable = !has_children;
    if ui
        .add_enabled(removable, egui::Button::new(lang.pick("Hapus baris ini", "Remove this line")))
        .on_disabled_hover_text(lang.pick("Hapus rinciannya lebih dulu.", "Remove its sub-lines first."))
        .clicked()
    {
        // The store removes the line's quarterly realisation with it.
        changes.push(Change {
            description: format!("Hapus {}", line.kode),
            ops: vec![Op::RemoveBudgetLine(Box::new(line.clone()))],
        });
        app.budget_selected = None;
    }
    app.commands.extend(changes.into_iter().map(Command::Apply));
}

/// A new program for the year.
pub fn add_program_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, year: Year) {
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    let d = &l.session.dataset;
    let programs = d.budget_children(year, None);
    let names: Vec<String> = programs.iter().map(|p| p.name.clone()).collect();
    let next = (1..).map(|n| n.to_string()).find(|k| d.budget_line(year, k).is_none()).unwrap_or_default();
    let form = app.forms.entry(format!("add-program:{year}")).or_insert_with(|| Form {
        texts: vec![next.clone(), String::new()],
        errors: vec![None, None],
        warnings: vec![],
        confirm: None,
    });
    let mut change = None;
    ui.horizontal(|ui| {
        let l = ui.label(format!("{} {year}", lang.pick("Tambah program", "Add programme")));
        ui.add(egui::TextEdit::singleline(&mut form.texts[0]).desired_width(70.0)).labelled_by(l.id);
        ui.add(
            egui::TextEdit::singleline(&mut form.texts[1])
                .hint_text(lang.pick("nama program", "programme name"))
                .desired_width(360.0),
        )
        .labelled_by(l.id);
        if ui.button(lang.pick("Tambahkan program", "Add the programme")).clicked() {
            let kode = form.texts[0].trim().to_string();
            let check = check_new_line(d, year, &kode, &form.texts[1], &names, lang);
            form.errors[1] = check.errors.first().cloned();
            if check.ok() {
                let line = BudgetLine {
                    year,
                    kode: kode.clone(),
                    parent: None,
                    level: BudgetLevel::Program,
                    position: programs.len() as i64 + 1,
                    name: form.texts[1].trim().into(),
                    pagu_murni: None,
                    pagu_perubahan: None,
                    realisasi: None,
                    note: String::new(),
                };
                change = Some(Change {
                    description: format!("Tambah program {kode} ({year})"),
                    ops: vec![Op::AddBudgetLine(Box::new(line))],
                });
            }
        }
        error_label(ui, &form.errors[1]);
    });
    if let Some(c) = change {
        app.commands.push(Command::Apply(c));
    }
}

/// Raw figures of an indicator computed from them (Vn and Vn−1, or part and whole).
pub fn raw_figures_form_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, indicator: &str, year: Year) {
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    let d = &l.session.dataset;
    let Some(ind) = d.indicator(indicator).cloned() else { return };
    let roles = match ind.formula {
        FormulaKind::Value => return,
        FormulaKind::SharePct => [RawRole::Part, RawRole::Whole],
        FormulaKind::GrowthPct | FormulaKind::RatioPct => [RawRole::Current, RawRole::Previous],
    };
    let current: Vec<Option<RawFigure>> = roles.iter().map(|r| d.raw_figure(indicator, year, *r).cloned()).collect();
    let form = app.forms.entry(format!("raw:{indicator}:{year}")).or_insert_with(|| Form {
        texts: current.iter().map(|c| c.as_ref().map(|c| format::decimal(c.value, lang)).unwrap_or_default()).collect(),
        errors: vec![None, None],
        warnings: vec![],
        confirm: None,
    });
    let labels = match ind.formula {
        FormulaKind::SharePct => [lang.pick("Bagian", "Part"), lang.pick("Keseluruhan", "Whole")],
        _ => [
            lang.pick("Nilai tahun ini (Vn)", "This year (Vn)"),
            lang.pick("Nilai tahun lalu (Vn−1)", "Last year (Vn−1)"),
        ],
    };
    ui.label(
        egui::RichText::new(format!(
            "{} — {}",
            lang.pick("Data dasar", "Raw figures"),
            crate::text::raw_formula(ind.formula, lang)
        ))
        .strong(),
    );
    for (i, label) in labels.iter().enumerate() {
        let field = NumberField::new(FieldKind::Value, label).label_width(180.0).error(form.errors[i].as_deref());
        number_field_ui(ui, field, &mut form.texts[i], lang);
    }
    if !ui.button(lang.pick("Simpan data dasar", "Save raw figures")).clicked() {
        return;
    }
    let mut ops = Vec::new();
    for i in 0..2 {
        let t = form.texts[i].trim().to_string();
        let new = if t.is_empty() {
            None
        } else {
            match input::read_number(&t, lang) {
                Ok(r) => Some(r.value),
                Err(e) => {
                    form.errors[i] = Some(e.message(lang));
                    continue;
                }
            }
        };
        form.errors[i] = None;
        let old = current[i].as_ref();
        if new == old.map(|o| o.value) {
            continue;
        }
        let new = new.map(|value| match old {
            Some(o) => RawFigure { value, ..o.clone() },
            None => RawFigure {
                indicator: indicator.into(),
                year,
                role: roles[i],
                value,
                label: labels[i].to_string(),
                note: String::new(),
            },
        });
        ops.push(Op::SetRawFigure { old: old.cloned(), new });
    }
    if form.errors.iter().all(Option::is_none) && !ops.is_empty() {
        app.commands.push(Command::Apply(Change { description: format!("Data dasar {year}: {}", ind.name), ops }));
    }
}

/// Constraints, efforts, plans and supporting factors of an indicator in a year.
pub fn notes_form_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, indicator: &str, year: Year) {
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    let subject = format!("indicator:{indicator}");
    let notes: Vec<Note> =
        l.session.dataset.notes.iter().filter(|n| n.subject == subject && n.year == year).cloned().collect();
    let kinds = [
        ("kendala", T::Kendala),
        ("upaya", T::Upaya),
        ("rencana", T::Rencana),
        ("faktor_pendukung", T::FaktorPendukung),
    ];
    let form = app.forms.entry(format!("notes:{indicator}:{year}")).or_insert_with(|| Form {
        texts: vec!["kendala".into(), String::new()],
        errors: vec![None, None],
        warnings: vec![],
        confirm: None,
    });
    let mut changes = Vec::new();
    for n in &notes {
        ui.horizontal_wrapped(|ui| {
            if ui.small_button("✖").on_hover_text(lang.pick("Hapus", "Remove")).clicked() {
                changes.push(Change {
                    description: format!("Hapus {} {}", n.kind, n.position),
                    ops: vec![Op::RemoveNote(n.clone())],
                });
            }
            let kind = kinds.iter().find(|(k, _)| *k == n.kind).map_or(n.kind.as_str(), |(_, t)| t.get(lang));
            ui.label(format!("{kind} {}:", n.position));
            ui.add(egui::Label::new(&n.text).wrap());
        });
    }
    ui.horizontal(|ui| {
        let shown =
            kinds.iter().find(|(k, _)| *k == form.texts[0]).map_or(form.texts[0].as_str(), |(_, t)| t.get(lang));
        egui::ComboBox::from_id_salt(("note_kind", indicator, year)).selected_text(shown).show_ui(ui, |ui| {
            for (k, label) in kinds {
                ui.selectable_value(&mut form.texts[0], k.to_string(), label.get(lang));
            }
        });
        let l = ui.label(lang.pick("Teks", "Text"));
        ui.add(egui::TextEdit::multiline(&mut form.texts[1]).desired_rows(2).desired_width(420.0)).labelled_by(l.id);
        if ui.button(lang.pick("Tambahkan catatan", "Add the note")).clicked() {
            if form.texts[1].trim().is_empty() {
                form.errors[1] = Some(lang.pick("Teks wajib diisi.", "The text is required.").into());
            } else {
                form.errors[1] = None;
                let kind = form.texts[0].clone();
                let position = notes.iter().filter(|n| n.kind == kind).map(|n| n.position).max().unwrap_or(0) + 1;
                let n = Note {
                    year,
                    subject: subject.clone(),
                    kind: kind.clone(),
                    position,
                    text: form.texts[1].trim().into(),
                };
                changes.push(Change { description: format!("Tambah {kind}"), ops: vec![Op::AddNote(n)] });
            }
        }
        error_label(ui, &form.errors[1]);
    });
    app.commands.extend(changes.into_iter().map(Command::Apply));
}

/// Staff counts of a year by education and status.
pub fn staff_form_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, year: Year) {
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    let d = &l.session.dataset;
    let mut levels: Vec<(i64, String)> = d.staff.iter().map(|s| (s.position, s.education.clone())).collect();
    levels.sort();
    levels.dedup_by(|a, b| a.1 == b.1);
    let current: Vec<Option<StaffCount>> = levels
        .iter()
        .flat_map(|(_, e)| StaffStatus::ALL.iter().map(move |st| (e.clone(), *st)))
        .map(|(e, st)| d.staff.iter().find(|s| s.year == year && s.education == e && s.status == st).cloned())
        .collect();
    let form = app.forms.entry(format!("staff:{year}")).or_insert_with(|| Form {
        texts: current.iter().map(|c| c.as_ref().map(|c| c.count.to_string()).unwrap_or_default()).collect(),
        errors: vec![None; levels.len() * 2],
        warnings: vec![],
        confirm: None,
    });
    ui.label(
        egui::RichText::new(format!("{} {year}", lang.pick("Sunting jumlah pegawai", "Edit staff counts"))).strong(),
    );
    egui::Grid::new(("staff_form", year)).num_columns(3).show(ui, |ui| {
        ui.label("");
        let headers = [ui.label("PNS").id, ui.label("TKK").id];
        ui.end_row();
        for (i, (_, e)) in levels.iter().enumerate() {
            let l = ui.label(e);
            for (k, header) in headers.iter().enumerate() {
                let field = NumberField::in_grid(FieldKind::Count, vec![l.id, *header])
                    .field_width(60.0)
                    .error(form.errors[i * 2 + k].as_deref());
                number_field_ui(ui, field, &mut form.texts[i * 2 + k], lang);
            }
            ui.end_row();
        }
    });
    if !ui.button(lang.pick("Simpan jumlah pegawai", "Save staff counts")).clicked() {
        return;
    }
    let mut ops = Vec::new();
    for (idx, old) in current.iter().enumerate() {
        let (pos, edu) = &levels[idx / 2];
        let status = StaffStatus::ALL[idx % 2];
        let t = form.texts[idx].trim();
        let new = if t.is_empty() {
            None
        } else {
            match input::read_count(t, lang) {
                Ok((n, _)) => Some(n),
                Err(e) => {
                    form.errors[idx] = Some(e.message(lang));
                    continue;
                }
            }
        };
        form.errors[idx] = None;
        if new == old.as_ref().map(|o| o.count) {
            continue;
        }
        let count = |count: i64| StaffCount { year, position: *pos, education: edu.clone(), status, count };
        ops.push(Op::SetStaffCount { old: old.clone(), new: new.map(count) });
    }
    if form.errors.iter().all(Option::is_none) && !ops.is_empty() {
        app.commands.push(Command::Apply(Change { description: format!("Jumlah pegawai {year}"), ops }));
    }
}

/// Count and value of an asset line.
pub fn asset_form_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, year: Year, code: &str) {
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    let Some(item) = l.session.dataset.assets.iter().find(|a| a.year == year && a.code == code).cloned() else {
        return;
    };
    let form = app.forms.entry(format!("asset:{year}:{code}")).or_insert_with(|| Form {
        texts: vec![item.count.map(|c| c.to_string()).unwrap_or_default(), money_text(item.value, lang)],
        errors: vec![None, None],
        warnings: vec![],
        confirm: None,
    });
    ui.label(egui::RichText::new(format!("{} — {}", lang.pick("Sunting aset", "Edit asset"), item.name)).strong());
    let fields =
        [(FieldKind::Count, lang.pick("Jumlah", "Count")), (FieldKind::Money, lang.pick("Nilai (Rp)", "Value (Rp)"))];
    for (i, (kind, label)) in fields.into_iter().enumerate() {
        let field = NumberField::new(kind, label).label_width(120.0).error(form.errors[i].as_deref());
        number_field_ui(ui, field, &mut form.texts[i], lang);
    }
    asset_structure_ui(app, ui, year, &item);
    let Some(form) = app.forms.get_mut(&format!("asset:{year}:{code}")) else { return };
    if !ui.button(lang.pick("Simpan aset", "Save asset")).clicked() {
        return;
    }
    let count = match form.texts[0].trim() {
        "" => Ok(None),
        t => input::read_count(t, lang).map(|(n, _)| Some(n)).map_err(|e| e.message(lang)),
    };
    let value = match form.texts[1].trim() {
        "" => Ok(None),
        t => match input::read_money(t, lang).map(|(m, _)| m) {
            Ok(m) if m.is_negative() => {
                Err(lang.pick("Nilai tidak boleh negatif.", "The value cannot be negative.").to_string())
            }
            Ok(m) => Ok(Some(m)),
            Err(e) => Err(e.message(lang)),
        },
    };
    form.errors = vec![count.as_ref().err().cloned(), value.as_ref().err().cloned()];
    let (Ok(count), Ok(value)) = (count, value) else { return };
    if count == item.count && value == item.value {
        return;
    }
    let new = AssetItem { count, value, ..item.clone() };
    app.commands.push(Command::Apply(Change {
        description: format!("Aset {}: {}", item.code, item.name),
        ops: vec![Op::UpdateAsset { old: Box::new(item.clone()), new: Box::new(new) }],
    }));
}

/// Add an item under an asset line, or remove a line without items.
fn asset_structure_ui(app: &mut KinerjaApp, ui: &mut egui::Ui, year: Year, item: &AssetItem) {
    let lang = app.state.lang;
    let Ok(l) = &app.data else { return };
    let d = &l.session.dataset;
    let children = d.asset_children(year, Some(&item.code));
    let names: Vec<String> = children.iter().map(|c| c.name.clone()).collect();
    let new_code = (1..)
        .map(|n| format!("{}.{n}", item.code))
        .find(|c| !d.assets.iter().any(|a| a.year == year && &a.code == c))
        .unwrap_or_default();
    let position = children.len() as i64 + 1;
    let is_leaf = children.is_empty();
    let mut change = None;
    let form = app.forms.entry(format!("asset-add:{year}:{}", item.code)).or_insert_with(|| Form {
        texts: vec![String::new()],
        errors: vec![None],
        warnings: vec![],
        confirm: None,
    });
    ui.horizontal(|ui| {
        let l = ui.label(lang.pick("Rincian baru", "New item"));
        ui.add(egui::TextEdit::singleline(&mut form.texts[0]).desired_width(300.0)).labelled_by(l.id);
        if ui.button(lang.pick("Tambahkan rincian", "Add the item")).clicked() {
            let check = input::check_name(&form.texts[0], &names.iter().map(String::as_str).collect::<Vec<_>>(), lang);
            form.errors[0] = check.errors.first().cloned();
            if check.ok() {
                let a = AssetItem {
                    year,
                    code: new_code.clone(),
                    parent: Some(item.code.clone()),
                    position,
                    label: String::new(),
                    name: form.texts[0].trim().into(),
                    count: None,
                    value: None,
                    note: String::new(),
                };
                change = Some(Change {
                    description: format!("Tambah aset {new_code}"),
                    ops: vec![Op::AddAsset(Box::new(a))],
                });
            }
        }
        error_label(ui, &form.errors[0]);
        if ui
            .add_enabled(is_leaf, egui::Button::new(lang.pick("Hapus baris aset", "Remove asset line")))
            .on_disabled_hover_text(lang.pick("Hapus rinciannya lebih dulu.", "Remove its items first."))
            .clicked()
        {
            change = Some(Change {
                description: format!("Hapus aset {}", item.code),
                ops: vec![Op::RemoveAsset(Box::new(item.clone()))],
            });
        }
    });
    if let Some(c) = change {
        if matches!(c.ops[..], [Op::RemoveAsset(_)]) {
            app.asset_selected = None;
        }
        app.commands.push(Command::Apply(c));
    }
}
