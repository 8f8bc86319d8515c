//! Laporan: the year's report text, section by section in the report's order, with the figures
//! computed from the data marked and their references on hover; the corrections the document
//! makes to the printed report; in *Sunting* an editor per section and the copy of the previous
//! year's text to a year that has none.

use super::forms::narrative as form;
use super::strings::T;
use super::{ShownSection, Status, TabContext};
use crate::domain::SectionKey;
use crate::text::narrative::{figure_hover, Span, SpanBlock};
use crate::text::tr;

/// A figure computed from the data: the colour of a link, so that it reads as something to point
/// at; a figure whose reference gives none is in the error colour.
const FIGURE: egui::Color32 = egui::Color32::from_rgb(0x0b, 0x4f, 0x8c);
/// The tint behind a figure of the text, so that the figures stand out of a page of words.
const FIGURE_TINT: egui::Color32 = egui::Color32::from_rgb(0xe4, 0xee, 0xf8);
/// Paragraphs wider than this are hard to read.
const TEXT_WIDTH: f32 = 900.0;
/// The columns of the corrections' box: where, which figure, printed and shown.
const CORRECTION_PLACE: f32 = 420.0;
const CORRECTION_FIGURE: f32 = 340.0;
const CORRECTION_AMOUNT: f32 = 130.0;
/// The corrections' box scrolls beyond this height, so that the text follows close below.
const CORRECTIONS_HEIGHT: f32 = 240.0;

pub fn laporan_ui(cx: &mut TabContext, ui: &mut egui::Ui) {
    let (lang, year) = (cx.lang, cx.year);
    let view = cx.data.narrative(year, lang);
    ui.heading(tr!(lang, "Teks laporan {year}", "Report text {year}"));
    if !view.has_text() {
        ui.label(T::NarrativeNone.get(lang));
    }
    if cx.editing() && !view.has_text() && view.previous_has_text {
        copy_button_ui(cx, ui);
    }
    if view.has_text() {
        ui.label(egui::RichText::new(T::NarrativeLegend.get(lang)).small());
        ui.add_space(4.0);
        corrections_ui(ui, &view, lang);
    }
    if cx.editing() {
        ui.add_space(4.0);
        ui.label(egui::RichText::new(T::NarrativeHelp.get(lang)).small().italics());
    }
    ui.add_space(6.0);
    let mut indicator: Option<String> = None;
    for section in &view.sections {
        if section.text.is_none() && !cx.editing() {
            continue;
        }
        if let SectionKey::Iku { indicator: code, .. } = &section.key {
            if indicator.as_deref() != Some(code.as_str()) {
                let name = cx.data.dataset().indicator(code).map(|i| i.name.clone()).unwrap_or_default();
                ui.add_space(6.0);
                ui.label(egui::RichText::new(format!("{code} — {name}")).heading().size(16.0));
                indicator = Some(code.clone());
            }
        } else {
            indicator = None;
        }
        section_ui(cx, ui, section);
    }
}

/// *Salin dari tahun {Y-1}*: the previous year's text into this year, which has none.
fn copy_button_ui(cx: &mut TabContext, ui: &mut egui::Ui) {
    let (lang, year) = (cx.lang, cx.year);
    let Some(from) = year.checked_sub(1) else { return };
    if ui.button(tr!(lang, "Salin dari tahun {from}", "Copy from {from}")).clicked() {
        match crate::app::narrative::copy_change(cx.data.dataset(), from, year) {
            Ok((change, _)) => cx.apply(change),
            Err(r) => cx.status(Status::new(|lang| {
                format!("{}: {}", T::NotSaved.get(lang), crate::text::narrative::copy_refusal(&r, lang))
            })),
        }
    }
}

/// The corrections of the year: printed → computed, with the table, as the document's appendix.
fn corrections_ui(ui: &mut egui::Ui, view: &super::NarrativeView, lang: crate::format::Lang) {
    egui::CollapsingHeader::new(egui::RichText::new(T::CorrectionsTitle.get(lang)).strong())
        .id_salt("narrative_corrections")
        .default_open(true)
        .show(ui, |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                if view.corrections.is_empty() {
                    ui.label(T::CorrectionsNone.get(lang));
                    return;
                }
                ui.label(egui::RichText::new(T::CorrectionsIntro.get(lang)).small());
                egui::ScrollArea::vertical()
                    .id_salt("narrative_corrections_scroll")
                    .max_height(CORRECTIONS_HEIGHT)
                    .show(ui, |ui| {
                        // The figures keep their width and never wrap; the place and the figure
                        // share what is left (up to their full width), wrapping within it, so the
                        // box fits the window from 1024 px up.
                        let gaps = 3.0 * ui.spacing().item_spacing.x;
                        let spare = (ui.available_width() - 2.0 * CORRECTION_AMOUNT - gaps).max(200.0);
                        let share = spare / (CORRECTION_PLACE + CORRECTION_FIGURE);
                        let widths = [
                            (CORRECTION_PLACE * share).min(CORRECTION_PLACE),
                            (CORRECTION_FIGURE * share).min(CORRECTION_FIGURE),
                            CORRECTION_AMOUNT,
                            CORRECTION_AMOUNT,
                        ];
                        // Rows one under the other, each as tall as its tallest cell.
                        let heads = [T::CorrectionPlace, T::CorrectionFigure, T::CorrectionPrinted, T::CorrectionShown];
                        ui.horizontal_top(|ui| {
                            for (t, w) in heads.into_iter().zip(widths) {
                                cell(ui, w, egui::RichText::new(t.get(lang)).strong());
                            }
                        });
                        for c in &view.corrections {
                            ui.separator();
                            ui.horizontal_top(|ui| {
                                cell(ui, widths[0], egui::RichText::new(&c.place));
                                cell(ui, widths[1], egui::RichText::new(&c.figure));
                                cell(ui, widths[2], egui::RichText::new(&c.printed));
                                cell(ui, widths[3], egui::RichText::new(&c.shown).color(FIGURE).strong());
                            });
                        }
                    });
            });
        });
}

/// A cell of the corrections' box, `width` wide, its text wrapped within it.
fn cell(ui: &mut egui::Ui, width: f32, text: egui::RichText) {
    ui.vertical(|ui| {
        ui.set_width(width);
        ui.add(egui::Label::new(text).wrap());
    });
}

/// One section: its title (with *Ubah* or *Tulis* in *Sunting*), then its editor or its text.
fn section_ui(cx: &mut TabContext, ui: &mut egui::Ui, section: &ShownSection) {
    let lang = cx.lang;
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(&section.label).strong().size(15.0));
        if cx.editing() {
            form::open_button_ui(cx, ui, &section.key, section.text.as_deref());
        }
    });
    if cx.editing() && form::is_open(cx, &section.key) {
        form::narrative_form_ui(cx, ui, &section.key);
        return;
    }
    if section.text.is_none() {
        ui.label(egui::RichText::new(T::NarrativeNoTextYet.get(lang)).weak());
        return;
    }
    match &section.rendered {
        Ok(blocks) => {
            ui.scope(|ui| {
                ui.set_max_width(TEXT_WIDTH.min(ui.available_width()));
                for (i, b) in blocks.iter().enumerate() {
                    block_ui(ui, b, (&section.key, i), lang);
                }
            });
        }
        Err(problems) => {
            for p in problems {
                ui.label(egui::RichText::new(p).color(ui.visuals().error_fg_color));
            }
            if let Some(t) = &section.text {
                ui.add(egui::Label::new(t).wrap());
            }
        }
    }
}

fn block_ui(ui: &mut egui::Ui, block: &SpanBlock, id: (&SectionKey, usize), lang: crate::format::Lang) {
    match block {
        SpanBlock::Paragraph(spans) => spans_ui(ui, None, spans, lang),
        SpanBlock::Numbered(items) => {
            ui.indent(("narrative_list", id.0.key(), id.1), |ui| {
                for (mark, spans) in items {
                    spans_ui(ui, Some(mark), spans, lang);
                }
            });
        }
        SpanBlock::Bullets(items) => {
            ui.indent(("narrative_list", id.0.key(), id.1), |ui| {
                for spans in items {
                    spans_ui(ui, Some("•"), spans, lang);
                }
            });
        }
    }
    ui.add_space(4.0);
}

/// A paragraph or list item: the office's words and the figures between them, flowing as one
/// text.
fn spans_ui(ui: &mut egui::Ui, mark: Option<&str>, spans: &[Span], lang: crate::format::Lang) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        if let Some(m) = mark {
            ui.label(format!("{m} "));
        }
        for s in spans {
            match s {
                Span::Text(t) => {
                    ui.label(t);
                }
                Span::Figure { shown, reference, printed, resolved } => {
                    let colour = if *resolved { FIGURE } else { ui.visuals().error_fg_color };
                    let mut text = egui::RichText::new(shown).color(colour).background_color(FIGURE_TINT).strong();
                    if printed.is_some() {
                        text = text.underline();
                    }
                    ui.label(text).on_hover_text(figure_hover(reference, printed.as_deref(), lang));
                }
            }
        }
    });
}
