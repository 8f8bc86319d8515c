//! A top-level budget line's funding source and spending type, which every line under it shares
//! (the store writes them to the whole subtree); a line under another shows its top-level line's.

use crate::domain::{BudgetClass, Change, FundingSource, Op, SpendingType};
use crate::format::Lang;
use crate::text::{funding_source, spending_type};
use crate::ui::strings::T;
use crate::ui::{Status, TabContext};

/// The class chosen for a top-level line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BudgetClassForm {
    pub class: BudgetClass,
}

pub(crate) fn source_label(lang: Lang) -> &'static str {
    lang.pick("Sumber dana", "Funding source")
}

pub(crate) fn spending_label(lang: Lang) -> &'static str {
    lang.pick("Jenis belanja", "Spending type")
}

pub fn budget_class_form_ui(cx: &mut TabContext, ui: &mut egui::Ui, kode: &str) {
    let (lang, year) = (cx.lang, cx.year);
    let d = cx.data.dataset();
    let Some(line) = d.budget_line(year, kode).cloned() else { return };
    if line.parent.is_some() {
        // Set on the top-level line: shown here, not chosen.
        let top = d.budget_top(year, kode).map_or_else(|| line.clone(), Clone::clone);
        ui.label(crate::text::tr!(
            lang,
            "{}: {} · {}: {} (diatur pada baris teratas {})",
            "{}: {} · {}: {} (set on the top-level line {})",
            source_label(lang),
            funding_source(top.source, lang),
            spending_label(lang),
            spending_type(top.spending, lang),
            top.kode
        ));
        return;
    }
    let stored = BudgetClass::of(&line);
    let form = cx
        .widgets
        .forms
        .budget_class
        .entry((year, kode.to_string()))
        .or_insert_with(|| BudgetClassForm { class: stored });
    ui.horizontal(|ui| {
        let l = ui.label(source_label(lang));
        egui::ComboBox::from_id_salt(("budget_source", year, kode))
            .selected_text(funding_source(form.class.source, lang))
            .show_ui(ui, |ui| {
                for s in FundingSource::ALL {
                    ui.selectable_value(&mut form.class.source, s, funding_source(s, lang));
                }
            })
            .response
            .labelled_by(l.id);
        let l = ui.label(spending_label(lang));
        egui::ComboBox::from_id_salt(("budget_spending", year, kode))
            .selected_text(spending_type(form.class.spending, lang))
            .show_ui(ui, |ui| {
                for s in SpendingType::ALL {
                    ui.selectable_value(&mut form.class.spending, s, spending_type(s, lang));
                }
            })
            .response
            .labelled_by(l.id);
    });
    let new = form.class;
    if !ui.button(lang.pick("Simpan sumber dana dan jenis belanja", "Save funding source and spending type")).clicked()
    {
        return;
    }
    if new == stored {
        cx.status(Status::new(|lang| T::NothingChanged.get(lang).into()));
        return;
    }
    cx.apply(Change {
        description: format!(
            "Sumber dana {} dan jenis belanja {} baris {} {}",
            new.source.code(),
            new.spending.code(),
            line.kode,
            line.name
        ),
        ops: vec![Op::SetBudgetClass { year, kode: kode.into(), old: stored, new }],
    });
}
