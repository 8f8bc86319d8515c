//! An asset line: its count and value, an item under it, or its removal.

use super::{error_label, field_ui, money_text, FormField};
use crate::calc::input;
use crate::domain::*;
use crate::ui::widgets::{FieldKind, NumberField};
use crate::ui::{Command, TabContext};

/// The line's count and value, and the name of a new item under it, as typed.
#[derive(Clone, Debug, Default)]
pub struct AssetForm {
    pub count: FormField,
    pub value: FormField,
    pub new_item: FormField,
}

pub fn asset_form_ui(cx: &mut TabContext, ui: &mut egui::Ui, code: &str) {
    let (lang, year) = (cx.lang, cx.year);
    let d = cx.data.dataset();
    let Some(item) = d.assets.iter().find(|a| a.year == year && a.code == code).cloned() else {
        return;
    };
    let children = d.asset_children(year, Some(&item.code));
    let names: Vec<String> = children.iter().map(|c| c.name.clone()).collect();
    let new_code = (1..)
        .map(|n| format!("{}.{n}", item.code))
        .find(|c| !d.assets.iter().any(|a| a.year == year && &a.code == c))
        .unwrap_or_default();
    let position = children.len() as i64 + 1;
    let is_leaf = children.is_empty();
    let form = cx.widgets.forms.asset.entry((year, code.to_string())).or_insert_with(|| AssetForm {
        count: FormField::new(item.count.map(|c| c.to_string()).unwrap_or_default()),
        value: FormField::new(money_text(item.value, lang)),
        new_item: FormField::default(),
    });
    ui.label(egui::RichText::new(format!("{} — {}", lang.pick("Sunting aset", "Edit asset"), item.name)).strong());
    field_ui(
        ui,
        NumberField::new(FieldKind::Count, lang.pick("Jumlah", "Count")).label_width(120.0),
        &mut form.count,
        lang,
    );
    field_ui(
        ui,
        NumberField::new(FieldKind::Money, lang.pick("Nilai (Rp)", "Value (Rp)")).label_width(120.0),
        &mut form.value,
        lang,
    );
    let mut changes = Vec::new();
    ui.horizontal(|ui| {
        let l = ui.label(lang.pick("Rincian baru", "New item"));
        ui.add(egui::TextEdit::singleline(&mut form.new_item.text).desired_width(300.0)).labelled_by(l.id);
        if ui.button(lang.pick("Tambahkan rincian", "Add the item")).clicked() {
            let check =
                input::check_name(&form.new_item.text, &names.iter().map(String::as_str).collect::<Vec<_>>(), lang);
            form.new_item.error = check.errors.first().cloned();
            if check.ok() {
                let a = AssetItem {
                    year,
                    code: new_code.clone(),
                    parent: Some(item.code.clone()),
                    position,
                    label: String::new(),
                    name: form.new_item.trimmed().into(),
                    count: None,
                    value: None,
                    note: String::new(),
                };
                changes.push(Change {
                    description: format!("Tambah aset {new_code}"),
                    ops: vec![Op::AddAsset(Box::new(a))],
                });
            }
        }
        error_label(ui, &form.new_item.error);
        if ui
            .add_enabled(is_leaf, egui::Button::new(lang.pick("Hapus baris aset", "Remove asset line")))
            .on_disabled_hover_text(lang.pick("Hapus rinciannya lebih dulu.", "Remove its items first."))
            .clicked()
        {
            changes.push(Change {
                description: format!("Hapus aset {}", item.code),
                ops: vec![Op::RemoveAsset(Box::new(item.clone()))],
            });
        }
    });
    if ui.button(lang.pick("Simpan aset", "Save asset")).clicked() {
        form.count.error = None;
        form.value.error = None;
        let count = match form.count.trimmed() {
            "" => Ok(None),
            t => input::read_count(t, lang).map(|(n, _)| Some(n)).map_err(|e| e.message(lang)),
        };
        let value = match form.value.trimmed() {
            "" => Ok(None),
            t => match input::read_money(t, lang).map(|(m, _)| m) {
                Ok(m) if m.is_negative() => {
                    Err(lang.pick("Nilai tidak boleh negatif.", "The value cannot be negative.").to_string())
                }
                Ok(m) => Ok(Some(m)),
                Err(e) => Err(e.message(lang)),
            },
        };
        form.count.error = count.as_ref().err().cloned();
        form.value.error = value.as_ref().err().cloned();
        if let (Ok(count), Ok(value)) = (count, value) {
            if count != item.count || value != item.value {
                let new = AssetItem { count, value, ..item.clone() };
                changes.push(Change {
                    description: format!("Aset {}: {}", item.code, item.name),
                    ops: vec![Op::UpdateAsset { old: Box::new(item.clone()), new: Box::new(new) }],
                });
            }
        }
    }
    for c in changes {
        if matches!(c.ops[..], [Op::RemoveAsset(_)]) {
            cx.send(Command::SelectAsset(None));
        }
        cx.apply(c);
    }
}
