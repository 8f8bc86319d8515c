//! Changes of the report's text, as the window and the command line make them: a section's new
//! text (checked like an import checks it) and a new year's text copied from an earlier one. Each
//! is one `domain::Change` of [`Op::SetNarrative`] operations, written and undone like any other
//! change (`Session::apply`).

use crate::calc::narrative::{copy_plan, text_problems, CopyPlan, CopyRefusal, TextProblem};
use crate::domain::{Change, Dataset, Op, SectionKey, Year};
use crate::format::Lang;
use crate::interchange::{cell_text_len, MAX_CELL_TEXT};
use crate::text::tr;

/// Why a section's text is not saved (nothing is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NarrativeEditError {
    /// A year outside 1900–2200.
    YearOutOfRange(Year),
    /// An IKU section of an indicator the data does not have.
    UnknownIndicator(String),
    /// Longer than a spreadsheet cell holds (the dataset workbook could not carry it).
    TooLong { length: usize, limit: usize },
    /// References that cannot be read or name no figure of the data.
    References(Vec<TextProblem>),
}

impl NarrativeEditError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            NarrativeEditError::YearOutOfRange(y) => {
                tr!(lang, "tahun {y} di luar 1900–2200", "the year {y} is outside 1900–2200")
            }
            NarrativeEditError::UnknownIndicator(code) => tr!(
                lang,
                "indikator {code} tidak ada di data; analisisnya tidak dapat ditulis",
                "the indicator {code} is not in the data; its analysis cannot be written"
            ),
            NarrativeEditError::TooLong { length, limit } => tr!(
                lang,
                "teks {length} karakter, paling banyak {limit}; bagi menjadi beberapa bagian atau persingkat",
                "a text of {length} characters, at most {limit}; split it over several sections or shorten it"
            ),
            NarrativeEditError::References(problems) => {
                let list: Vec<String> =
                    problems.iter().map(|p| crate::text::narrative::text_problem(p, lang)).collect();
                tr!(
                    lang,
                    "teks tidak disimpan; {} rujukan bermasalah:\n{}",
                    "the text was not saved; {} reference(s) with problems:\n{}",
                    problems.len(),
                    list.join("\n")
                )
            }
        }
    }
}

/// The change that gives section `key` of `year` the text `text` (leading and trailing blanks
/// removed; an empty text removes the section), after the checks the import makes: every
/// reference readable and naming a figure of the data. A text equal to the stored one gives a
/// change without operations.
pub fn edit_change(d: &Dataset, year: Year, key: &SectionKey, text: &str) -> Result<Change, NarrativeEditError> {
    if !(1900..=2200).contains(&year) {
        return Err(NarrativeEditError::YearOutOfRange(year));
    }
    if let SectionKey::Iku { indicator, .. } = key {
        if d.indicator(indicator).is_none() {
            return Err(NarrativeEditError::UnknownIndicator(indicator.clone()));
        }
    }
    let text = text.trim();
    let length = cell_text_len(text);
    if length > MAX_CELL_TEXT {
        return Err(NarrativeEditError::TooLong { length, limit: MAX_CELL_TEXT });
    }
    let problems = text_problems(d, text);
    if !problems.is_empty() {
        return Err(NarrativeEditError::References(problems));
    }
    let old = d.narrative_section(year, key).map(|n| n.text.clone());
    let new = (!text.is_empty()).then(|| text.to_string());
    let ops = if old == new { Vec::new() } else { vec![Op::SetNarrative { year, section: key.clone(), old, new }] };
    let mut change = Change { description: String::new(), ops };
    // The office's record is Indonesian, whatever the window's language.
    change.description = crate::text::change_summary(&change, Lang::Id);
    Ok(change)
}

/// The change that writes every section of `from` that `to` does not have yet into `to`, and
/// the plan it follows (the sections kept, the references with an absolute year). Existing text
/// is never overwritten; a copy with nothing to write is refused.
pub fn copy_change(d: &Dataset, from: Year, to: Year) -> Result<(Change, CopyPlan), CopyRefusal> {
    let plan = copy_plan(d, from, to)?;
    let ops = plan
        .copied
        .iter()
        .map(|(key, text)| Op::SetNarrative { year: to, section: key.clone(), old: None, new: Some(text.clone()) })
        .collect();
    let description = format!("Salin narasi {from} ke {to} ({} bagian)", plan.copied.len());
    Ok((Change { description, ops }, plan))
}
