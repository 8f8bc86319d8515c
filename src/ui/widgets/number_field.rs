//! A number field of a form: label, text field, and beside it what Kinerja reads from the
//! text in the user's language (`= 1.500`, `= Rp 1.500.000`, `= 1,5 %`), the other reading of
//! an ambiguous text, or why it cannot be read — before anything is saved.

use crate::calc::input::{self, NumberError, Reading};
use crate::format::{self, Lang};
use rust_decimal::Decimal;

/// What a number field holds; decides how its reading is checked and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// A decimal (targets, realisations, raw figures).
    Value,
    /// Rupiah to the sen.
    Money,
    /// A whole number of 0 or more (staff, asset counts).
    Count,
}

/// How a number field is labelled and what it shows beside itself.
#[derive(Clone, Debug)]
pub struct NumberField<'a> {
    kind: FieldKind,
    label: &'a str,
    labelled_by: Vec<egui::Id>,
    satuan: Option<&'a str>,
    error: Option<&'a str>,
    label_width: f32,
    field_width: f32,
}

impl<'a> NumberField<'a> {
    /// A field with its own label drawn before it.
    pub fn new(kind: FieldKind, label: &'a str) -> NumberField<'a> {
        NumberField {
            kind,
            label,
            labelled_by: Vec::new(),
            satuan: None,
            error: None,
            label_width: 150.0,
            field_width: 180.0,
        }
    }

    /// A field in a grid, named by labels drawn elsewhere (row and column headers); the
    /// accessible name joins them in order ("Triwulan I Target").
    pub fn in_grid(kind: FieldKind, labelled_by: Vec<egui::Id>) -> NumberField<'a> {
        NumberField { labelled_by, field_width: 110.0, ..NumberField::new(kind, "") }
    }

    /// The satuan of the indicator, shown after the reading.
    pub fn satuan(mut self, satuan: &'a str) -> Self {
        self.satuan = Some(satuan).filter(|s| !s.trim().is_empty());
        self
    }

    /// What validating the form said about this field (shown when it says more than the
    /// reading does).
    pub fn error(mut self, error: Option<&'a str>) -> Self {
        self.error = error;
        self
    }

    pub fn label_width(mut self, width: f32) -> Self {
        self.label_width = width;
        self
    }

    pub fn field_width(mut self, width: f32) -> Self {
        self.field_width = width;
        self
    }
}

/// What the field shows beside the text: the reading and the other reading of an ambiguous
/// text, or the message of a text that cannot be read; `None` for an empty field.
pub fn reading_text(text: &str, kind: FieldKind, satuan: Option<&str>, lang: Lang) -> Option<Result<Shown, String>> {
    if text.trim().is_empty() {
        return None;
    }
    let read: Result<(String, Reading), NumberError> = match kind {
        FieldKind::Value => input::read_number(text, lang).map(|r| (format::decimal(r.value.normalize(), lang), r)),
        FieldKind::Money => input::read_money(text, lang).map(|(m, r)| (format::rupiah(m, lang), r)),
        FieldKind::Count => input::read_count(text, lang).map(|(n, r)| (format::number(Decimal::from(n), 0, lang), r)),
    };
    Some(match read {
        Ok((value, reading)) => {
            let unit = satuan.map(|s| format!(" {s}")).unwrap_or_default();
            let other = reading.other.map(|o| {
                let o = format::decimal(o.normalize(), lang);
                let o = if kind == FieldKind::Money { format!("Rp {o}") } else { o };
                format!("({} {o}{unit})", lang.pick("bukan", "not"))
            });
            Ok(Shown { reading: format!("= {value}{unit}"), other })
        }
        Err(e) => Err(e.message(lang)),
    })
}

/// The reading of a field as shown: `= 1.500 Nilai`, and for an ambiguous text the other
/// reading, `(bukan 1,5 Nilai)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub reading: String,
    pub other: Option<String>,
}

/// Draws the field; the response is the text field's.
pub fn number_field_ui(ui: &mut egui::Ui, field: NumberField<'_>, text: &mut String, lang: Lang) -> egui::Response {
    ui.horizontal(|ui| {
        let mut labels = Vec::with_capacity(field.labelled_by.len() + 1);
        if !field.label.is_empty() {
            labels.push(ui.add_sized([field.label_width, 20.0], egui::Label::new(field.label)).id);
        }
        labels.extend(field.labelled_by.iter().copied());
        let mut response = ui.add(egui::TextEdit::singleline(text).desired_width(field.field_width));
        for id in labels {
            response = response.labelled_by(id);
        }
        let error_color = ui.visuals().error_fg_color;
        let live = reading_text(text, field.kind, field.satuan, lang);
        match &live {
            Some(Ok(shown)) => {
                ui.label(&shown.reading);
                if let Some(other) = &shown.other {
                    ui.label(egui::RichText::new(other).weak());
                }
            }
            Some(Err(message)) => {
                ui.label(egui::RichText::new(message).color(error_color));
            }
            None => {}
        }
        // A reading error is already shown; the form's own (negative pagu, a year outside the
        // period) is not.
        if let Some(e) = field.error {
            if !matches!(&live, Some(Err(m)) if m == e) {
                ui.label(egui::RichText::new(e).color(error_color));
            }
        }
        response
    })
    .inner
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, kind: FieldKind, satuan: Option<&str>, lang: Lang) -> Shown {
        reading_text(text, kind, satuan, lang).expect("not empty").expect("readable")
    }

    #[test]
    fn readings_in_the_users_language() {
        let one_and_a_half_thousand = shown("1.500", FieldKind::Value, None, Lang::Id);
        assert_eq!(one_and_a_half_thousand.reading, "= 1.500");
        assert_eq!(one_and_a_half_thousand.other.as_deref(), Some("(bukan 1,5)"));
        let one_and_a_half = shown("1.500", FieldKind::Value, Some("%"), Lang::En);
        assert_eq!(one_and_a_half.reading, "= 1.5 %");
        assert_eq!(one_and_a_half.other.as_deref(), Some("(not 1,500 %)"));
        let pagu = shown("1.500.000", FieldKind::Money, None, Lang::Id);
        assert_eq!((pagu.reading.as_str(), pagu.other), ("= Rp 1.500.000", None));
        assert_eq!(shown("75,80", FieldKind::Value, Some("Nilai"), Lang::Id).reading, "= 75,8 Nilai");
        assert_eq!(shown("1,500", FieldKind::Count, None, Lang::En).reading, "= 1,500");
        assert_eq!(reading_text("  ", FieldKind::Money, None, Lang::Id), None);
        let big = reading_text("1234567890123456789012345678", FieldKind::Money, None, Lang::Id);
        assert!(matches!(big, Some(Err(m)) if m.contains("terlalu besar")));
    }
}
