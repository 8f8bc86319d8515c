//! The computation settings of the office (capaian cap, efficiency rule, status bands): shown in
//! *Tinjau*, edited in *Sunting* and saved like every other edit.

use crate::calc::efficiency::EfficiencyRule;
use crate::calc::settings::{typed_number, KEYS, KEY_BANDS, KEY_CAP, KEY_EFFICIENCY, KEY_FLOOR};
use crate::text;
use crate::text::settings::{floor_text, setting_error, setting_label, setting_value};
use crate::ui::{Command, TabContext};

/// The settings being edited, as typed.
#[derive(Clone, Debug, Default)]
pub struct SettingsForm {
    pub cap: String,
    pub negative: bool,
    pub margin_rule: bool,
    pub margin: String,
    pub bands: [String; 4],
    pub error: Option<String>,
}

/// The settings as the office has them (*Tinjau*).
pub fn settings_view_ui(cx: &TabContext, ui: &mut egui::Ui) {
    let lang = cx.lang;
    let s = cx.data.settings();
    egui::Grid::new("settings_view").num_columns(2).spacing([12.0, 4.0]).show(ui, |ui| {
        for key in KEYS {
            ui.label(setting_label(key, lang));
            ui.label(setting_value(s, key, lang));
            ui.end_row();
        }
    });
}

/// The settings form (*Sunting*).
pub fn settings_form_ui(cx: &mut TabContext, ui: &mut egui::Ui) {
    let lang = cx.lang;
    let s = cx.data.settings().clone();
    let form = cx.widgets.forms.settings.get_or_insert_with(|| SettingsForm {
        cap: s.capaian_cap.map(|c| c.to_string()).unwrap_or_default(),
        negative: s.negative_capaian,
        margin_rule: matches!(s.efficiency, EfficiencyRule::Margin(_)),
        margin: match s.efficiency {
            EfficiencyRule::Margin(m) => m.to_string(),
            EfficiencyRule::CapaianAboveSerapan => "5".into(),
        },
        bands: s.bands.0.map(|b| b.to_string()),
        error: None,
    });
    egui::Grid::new("settings_edit").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        let label = ui.label(lang.pick("Batas atas capaian (%)", "Capaian cap (%)"));
        ui.add(
            egui::TextEdit::singleline(&mut form.cap)
                .hint_text(lang.pick("kosong = tanpa batas, mis. 120", "empty = no cap, e.g. 120")),
        )
        .labelled_by(label.id);
        ui.end_row();
        ui.label(setting_label(KEY_FLOOR, lang));
        ui.checkbox(&mut form.negative, floor_text(true, lang));
        ui.end_row();
        ui.label(setting_label(KEY_EFFICIENCY, lang));
        ui.vertical(|ui| {
            ui.radio_value(
                &mut form.margin_rule,
                false,
                text::efficiency_rule(EfficiencyRule::CapaianAboveSerapan, lang),
            );
            ui.horizontal(|ui| {
                let radio = ui.radio_value(
                    &mut form.margin_rule,
                    true,
                    lang.pick("Dengan margin (poin):", "With a margin (points):"),
                );
                ui.add_enabled(form.margin_rule, egui::TextEdit::singleline(&mut form.margin).desired_width(60.0))
                    .labelled_by(radio.id);
            });
        });
        ui.end_row();
        let label = ui.label(
            lang.pick("Pita status (batas bawah, dari tertinggi)", "Status bands (lower bounds, highest first)"),
        );
        ui.horizontal(|ui| {
            for b in form.bands.iter_mut() {
                ui.add(egui::TextEdit::singleline(b).desired_width(50.0)).labelled_by(label.id);
            }
        });
        ui.end_row();
    });
    if let Some(e) = &form.error {
        ui.label(egui::RichText::new(e).color(ui.visuals().error_fg_color));
    }
    if ui.button(lang.pick("Simpan pengaturan", "Save settings")).clicked() {
        let cap = typed_number(&form.cap);
        let margin = typed_number(&form.margin);
        let pairs = vec![
            (KEY_CAP, cap),
            (
                KEY_EFFICIENCY,
                if form.margin_rule { format!("margin:{margin}") } else { "capaian_above_serapan".into() },
            ),
            (KEY_BANDS, form.bands.iter().map(|b| typed_number(b)).collect::<Vec<_>>().join(",")),
            (KEY_FLOOR, if form.negative { "none" } else { "zero" }.into()),
        ];
        let mut test = crate::calc::Settings::default();
        match pairs.iter().try_for_each(|(k, v)| test.apply(k, v)) {
            Ok(()) => cx.send(Command::SaveSettings(pairs)),
            Err(e) => form.error = Some(setting_error(&e, lang)),
        }
    }
}
