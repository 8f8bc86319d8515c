//! The narrative's figure references (`docs/dataset-format.md`, *narrative.csv*): a section's
//! text parsed into literal text and references (`{{support:IKU2 realisasi @-1 terbilang}}`),
//! each checked against the dataset and resolved through [`super::resolve`] for the document's
//! year; the corrections the document makes to the printed report; and the plan of a new year's
//! text copied from an earlier one. Pure: structured results, no words (`crate::text::narrative`
//! words and formats them).

use super::check::{check, FindingKind, Issue};
use super::efficiency::Verdict;
use super::how::Item;
use super::resolve::{self, Value};
use super::subject;
use super::{CannotCompute, Settings};
use crate::domain::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

pub use super::subject::{figure_kind, FigureKind, RefError, SUBJECT_KINDS};

/// Where something is in a text: the byte offset, and the line (from 1) and the character on it
/// (from 1), as an editor counts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub offset: usize,
    pub line: usize,
    pub column: usize,
}

impl Position {
    fn of(text: &str, offset: usize) -> Position {
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
        Position { offset, line, column }
    }
}

/// What a reference stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A figure of the data: `SUBJECT FIELD`.
    Figure { subject: String, field: String },
    /// The year itself: `tahun`.
    Year,
    /// The office's name: `office`.
    Office,
}

/// Which year a reference reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearRef {
    /// The document's year (no `@`).
    Document,
    /// `@2023`.
    Absolute(Year),
    /// `@-1`: relative to the document's year, so that a text copied to a new year follows it.
    Relative(i32),
}

impl YearRef {
    /// The year read in a document of `year`; `None` beyond the calendar's range.
    pub fn year_in(self, year: Year) -> Option<Year> {
        match self {
            YearRef::Document => Some(year),
            YearRef::Absolute(y) => Some(y),
            YearRef::Relative(n) => year.checked_add(n),
        }
    }
}

/// One `{{…}}` of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// Where its `{{` is.
    pub at: Position,
    /// What is between the braces, trimmed (`support:IKU2 realisasi @-1`).
    pub source: String,
    pub target: Target,
    pub year: YearRef,
    /// `terbilang`: the figure in Indonesian words.
    pub words: bool,
}

/// A text as literal pieces and references, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    Ref(Reference),
}

/// What is wrong with the writing of a reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxKind {
    /// `{{` without `}}` on the same line.
    Unclosed,
    /// `{{}}`.
    Empty,
    /// `{{` inside a reference.
    Nested,
    /// A first word that is neither `SUBJECT:KEY`, `tahun` nor `office`.
    NotASubject(String),
    /// A subject without its field.
    MissingField,
    /// A word after the field that is no modifier (`@2023`, `@-1`, `terbilang`).
    UnknownModifier(String),
    /// A modifier given twice (`@…` or `terbilang`).
    RepeatedModifier(String),
    /// `@…` with a year outside 1900–2200, or an offset beyond a hundred years.
    YearOutOfRange(String),
    /// A modifier that does not apply to what is referred to (`{{office @-1}}`,
    /// `{{tahun terbilang}}`).
    ModifierNotAllowed { modifier: String, on: &'static str },
}

/// A reference that cannot be read, where it is in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub at: Position,
    /// The reference as written (up to its `}}` or the end of its line).
    pub source: String,
    pub kind: SyntaxKind,
}

/// The longest offset `@±N` accepted: a century either way.
const MAX_OFFSET: i32 = 100;

/// Reads the words between the braces.
fn parse_inner(inner: &str) -> Result<(Target, YearRef, bool), SyntaxKind> {
    let mut words = inner.split_whitespace();
    let first = words.next().ok_or(SyntaxKind::Empty)?;
    let target = match first {
        "tahun" => Target::Year,
        "office" => Target::Office,
        s if s.contains(':') && !s.starts_with('@') => {
            let field = words.next().filter(|f| !f.starts_with('@') && *f != "terbilang");
            let field = field.ok_or(SyntaxKind::MissingField)?;
            Target::Figure { subject: s.to_string(), field: field.to_string() }
        }
        other => return Err(SyntaxKind::NotASubject(other.to_string())),
    };
    let on = match target {
        Target::Figure { .. } => "",
        Target::Year => "tahun",
        Target::Office => "office",
    };
    let (mut year, mut terbilang) = (None, false);
    for w in words {
        if w == "terbilang" {
            if terbilang {
                return Err(SyntaxKind::RepeatedModifier(w.into()));
            }
            if !on.is_empty() {
                return Err(SyntaxKind::ModifierNotAllowed { modifier: w.into(), on });
            }
            terbilang = true;
        } else if let Some(rest) = w.strip_prefix('@') {
            if year.is_some() {
                return Err(SyntaxKind::RepeatedModifier(w.into()));
            }
            if on == "office" {
                return Err(SyntaxKind::ModifierNotAllowed { modifier: w.into(), on });
            }
            year = Some(year_modifier(w, rest)?);
        } else {
            return Err(SyntaxKind::UnknownModifier(w.into()));
        }
    }
    Ok((target, year.unwrap_or(YearRef::Document), terbilang))
}

/// `@2023`, `@-1`, `@+2`.
fn year_modifier(word: &str, rest: &str) -> Result<YearRef, SyntaxKind> {
    let digits = rest.strip_prefix(['-', '+']).unwrap_or(rest);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(SyntaxKind::UnknownModifier(word.into()));
    }
    let out_of_range = || SyntaxKind::YearOutOfRange(word.into());
    if rest.starts_with(['-', '+']) {
        let n: i32 = digits.parse().map_err(|_| out_of_range())?;
        if n > MAX_OFFSET {
            return Err(out_of_range());
        }
        Ok(YearRef::Relative(if rest.starts_with('-') { -n } else { n }))
    } else {
        let y: Year = digits.parse().map_err(|_| out_of_range())?;
        if digits.len() != 4 || !(1900..=2200).contains(&y) {
            return Err(out_of_range());
        }
        Ok(YearRef::Absolute(y))
    }
}

/// The text split into literal text and references, or every reference that cannot be read.
pub fn parse(text: &str) -> Result<Vec<Segment>, Vec<SyntaxError>> {
    let (segments, errors) = scan(text);
    if errors.is_empty() {
        Ok(segments)
    } else {
        Err(errors)
    }
}

/// The text's literal pieces and readable references, and the references that cannot be read
/// (their text is in no segment).
fn scan(text: &str) -> (Vec<Segment>, Vec<SyntaxError>) {
    let mut segments = Vec::new();
    let mut errors = Vec::new();
    let (mut i, mut literal) = (0, 0);
    while let Some(found) = text.get(i..).and_then(|rest| rest.find("{{")) {
        let open = i + found;
        let after = open + 2;
        let line_end = text[after..].find('\n').map_or(text.len(), |p| after + p);
        let line = &text[after..line_end];
        let close = line.find("}}").map(|p| after + p);
        let nested = line.find("{{").map(|p| after + p);
        let error = |end: usize, kind| SyntaxError {
            at: Position::of(text, open),
            source: text[open..end].trim_end().to_string(),
            kind,
        };
        match close {
            None => {
                errors.push(error(line_end, SyntaxKind::Unclosed));
                i = line_end;
            }
            Some(c) if nested.is_some_and(|n| n < c) => {
                errors.push(error(c + 2, SyntaxKind::Nested));
                i = c + 2;
            }
            Some(c) => {
                let inner = &text[after..c];
                match parse_inner(inner) {
                    Ok((target, year, words)) => {
                        if literal < open {
                            segments.push(Segment::Text(text[literal..open].to_string()));
                        }
                        segments.push(Segment::Ref(Reference {
                            at: Position::of(text, open),
                            source: inner.trim().to_string(),
                            target,
                            year,
                            words,
                        }));
                    }
                    Err(kind) => errors.push(error(c + 2, kind)),
                }
                i = c + 2;
                literal = i;
            }
        }
    }
    if literal < text.len() {
        segments.push(Segment::Text(text[literal..].to_string()));
    }
    (segments, errors)
}

/// How the figure `subject field` is shown, when it is a figure of the data (`words`: asked for
/// in words). The subject may name something of any year: a relative reference may read another
/// year than the one it was written for.
fn figure_of(d: &Dataset, subject: &str, field: &str, words: bool) -> Result<FigureKind, RefError> {
    subject::check_subject(d, subject, None)?;
    let figure = subject::check_field(subject, field)?;
    if words && !figure.has_words() {
        return Err(RefError::NoWords { subject: subject.to_string(), field: field.to_string() });
    }
    Ok(figure)
}

/// How a reference's figure is shown, when the reference names a figure of the data; `None` for
/// `tahun` and `office`.
pub fn validate(d: &Dataset, r: &Reference) -> Result<Option<FigureKind>, RefError> {
    match &r.target {
        Target::Figure { subject, field } => figure_of(d, subject, field, r.words).map(Some),
        Target::Year | Target::Office => Ok(None),
    }
}

/// Something wrong with a text: a reference that cannot be read, or one that names no figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextProblem {
    Syntax(SyntaxError),
    Reference { at: Position, source: String, error: RefError },
}

/// Every problem of a text against the data, in the order of the text: what the import refuses
/// and a form must not save. The readable references are checked even where others cannot be
/// read, so that one pass shows everything to correct.
pub fn text_problems(d: &Dataset, text: &str) -> Vec<TextProblem> {
    let (segments, errors) = scan(text);
    let mut problems: Vec<TextProblem> = errors.into_iter().map(TextProblem::Syntax).collect();
    for s in &segments {
        if let Segment::Ref(r) = s {
            if let Err(error) = validate(d, r) {
                problems.push(TextProblem::Reference { at: r.at, source: r.source.clone(), error });
            }
        }
    }
    problems.sort_by_key(|p| match p {
        TextProblem::Syntax(e) => e.at.offset,
        TextProblem::Reference { at, .. } => at.offset,
    });
    problems
}

/// What a reference shows, ready to be formatted.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// An amount, in words when `words`.
    Money {
        amount: Money,
        words: bool,
    },
    Percent(Decimal),
    /// A whole number, in words when `words`.
    Count {
        count: i64,
        words: bool,
    },
    /// An indicator's value.
    Value(Decimal),
    Verdict(Verdict),
    /// An indicator's achievement category: the name of its band (its code when the band has no
    /// name), as the office's scale writes it.
    Category(String),
    Year(Year),
    Office(String),
}

/// Why a reference shows no figure.
#[derive(Clone, Debug, PartialEq)]
pub enum Unresolved {
    /// It names no figure of the data (the data changed since the text was written).
    Invalid(RefError),
    /// Its year is beyond the calendar (`@-100` in the year 1950).
    NoYear,
    /// The figure cannot be computed from the data of that year.
    Cannot(CannotCompute),
    /// The indicator's capaian lies below every band of the period's scale, which has no band
    /// open below.
    BelowBands { capaian: Decimal },
}

/// A computed value as its kind shows it; `None` when it does not fit (an amount beyond the
/// range of money or with fractions of a sen, a count that is not whole).
pub fn shown(kind: FigureKind, value: &Value, words: bool) -> Option<Shown> {
    Some(match (kind, value) {
        (_, Value::Verdict(v)) => Shown::Verdict(*v),
        (FigureKind::Money, Value::Number(n)) => Shown::Money { amount: Money::from_decimal(*n).ok()?, words },
        (FigureKind::Percent, Value::Number(n)) => Shown::Percent(*n),
        (FigureKind::Count, Value::Number(n)) => {
            if !n.fract().is_zero() {
                return None;
            }
            Shown::Count { count: n.to_i64()?, words }
        }
        (FigureKind::Value | FigureKind::Verdict | FigureKind::Category, Value::Number(n)) => Shown::Value(*n),
    })
}

/// What a reference shows in a document of `year`.
pub fn resolve_reference(d: &Dataset, s: &Settings, year: Year, r: &Reference) -> Result<Shown, Unresolved> {
    let at = || r.year.year_in(year).filter(|y| (1..=9999).contains(y)).ok_or(Unresolved::NoYear);
    match &r.target {
        Target::Year => Ok(Shown::Year(at()?)),
        Target::Office => Ok(Shown::Office(d.office.name.clone())),
        Target::Figure { subject, field } => {
            let kind = figure_of(d, subject, field, r.words).map_err(Unresolved::Invalid)?;
            if kind == FigureKind::Category {
                return category(d, s, at()?, subject);
            }
            let computed = resolve::resolve(d, s, at()?, subject, field).map_err(Unresolved::Cannot)?;
            shown(kind, &computed.value, r.words).ok_or(Unresolved::Cannot(CannotCompute::Overflow))
        }
    }
}

/// The achievement category of `indicator:CODE` in `year`: the band of the year's Renstra period
/// its capaian falls in, as the checker finds it for a printed category.
fn category(d: &Dataset, s: &Settings, year: Year, subject: &str) -> Result<Shown, Unresolved> {
    let (_, code) = subject::split(subject);
    let (band, capaian) = super::bands::indicator_category(d, s, code, year).map_err(Unresolved::Cannot)?;
    match band {
        Some(b) if !b.name.trim().is_empty() => Ok(Shown::Category(b.name.clone())),
        Some(b) => Ok(Shown::Category(b.code.clone())),
        None => Err(Unresolved::BelowBands { capaian: capaian.value.number().unwrap_or_default() }),
    }
}

/// A text resolved for a document: literal text and each reference with what it shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Text(String),
    Figure { reference: Reference, outcome: Result<Shown, Unresolved> },
}

/// The text of a document of `year` resolved, or the references that cannot be read.
pub fn resolve_text(d: &Dataset, s: &Settings, year: Year, text: &str) -> Result<Vec<Piece>, Vec<SyntaxError>> {
    Ok(parse(text)?
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(t) => Piece::Text(t),
            Segment::Ref(r) => {
                let outcome = resolve_reference(d, s, year, &r);
                Piece::Figure { reference: r, outcome }
            }
        })
        .collect())
}

/// A figure the printed report's narrative got wrong, which the document shows computed.
#[derive(Clone, Debug, PartialEq)]
pub struct Correction {
    /// The figure's year.
    pub year: Year,
    /// Where the report printed it: its table (or chapter).
    pub table: String,
    pub subject: String,
    pub field: String,
    pub item: Item,
    /// As the report printed it.
    pub printed: String,
    /// What the data gives (what a reference to it shows).
    pub computed: Shown,
    /// The sections of the document's year whose text refers to this figure, in the document's
    /// order: where the document shows the computed value. Empty when no text refers to it (the
    /// slip is then the printed report's alone).
    pub sections: Vec<String>,
}

/// The sections of `year` with a reference to `subject field` that reads `figure_year`, in the
/// document's order.
fn sections_referring(d: &Dataset, year: Year, subject: &str, field: &str, figure_year: Year) -> Vec<String> {
    let mut out = Vec::new();
    for key in document_order(d, year) {
        let Some(n) = d.narrative_section(year, &key) else { continue };
        let Ok(segments) = parse(&n.text) else { continue };
        let refers = segments.iter().any(|s| match s {
            Segment::Ref(Reference { target: Target::Figure { subject: s, field: f }, year: y, .. }) => {
                s == subject && f == field && y.year_in(year) == Some(figure_year)
            }
            _ => false,
        });
        if refers {
            out.push(n.section.clone());
        }
    }
    out
}

/// The narrative's printed figures that disagree with the data, for the appendix of the
/// document of `year`: every such figure of `year`, and those of other years that a section of
/// `year` refers to (a comparison with the year before), by year, then in the checker's order.
pub fn corrections(d: &Dataset, s: &Settings, year: Year) -> Vec<Correction> {
    // The years to check: the document's and those its references read (not every year of the
    // data, which for a large office is most of the checker's work).
    let mut years = vec![year];
    for n in d.narrative.iter().filter(|n| n.year == year) {
        for segment in parse(&n.text).unwrap_or_default() {
            if let Segment::Ref(Reference { target: Target::Figure { .. }, year: y, .. }) = segment {
                if let Some(y) = y.year_in(year).filter(|y| !years.contains(y)) {
                    years.push(y);
                }
            }
        }
    }
    years.sort_unstable();
    let findings = years.into_iter().flat_map(|y| check(d, s, Some(y)).findings);
    let mut out = Vec::new();
    for f in findings {
        let printed_mismatch = matches!(f.issue, Issue::Printed | Issue::PrintedVerdict { .. });
        if f.place != Place::Narrative || f.kind != FindingKind::Mismatch || !printed_mismatch {
            continue;
        }
        let sections = sections_referring(d, year, &f.subject, &f.field, f.year);
        if f.year != year && sections.is_empty() {
            continue;
        }
        let printed = d.printed_figures.iter().find(|p| {
            p.year == f.year
                && p.place == Place::Narrative
                && p.subject == f.subject
                && p.field == f.field
                && super::layout::printed_table_or_text(d, p.year, &p.table) == f.table
        });
        let Some(printed) = printed else { continue };
        let kind = figure_kind(&f.subject, &f.field).unwrap_or(FigureKind::Value);
        let computed =
            resolve::resolve(d, s, f.year, &f.subject, &f.field).ok().and_then(|r| shown(kind, &r.value, false));
        let Some(computed) = computed else { continue };
        out.push(Correction {
            year: f.year,
            table: f.table,
            subject: f.subject,
            field: f.field,
            item: f.item,
            printed: printed.printed.clone(),
            computed,
            sections,
        });
    }
    out
}

/// A new year's text from an earlier year's.
#[derive(Clone, Debug, PartialEq)]
pub struct CopyPlan {
    pub from: Year,
    pub to: Year,
    /// The sections to write in `to`, in the document's order.
    pub copied: Vec<(SectionKey, String)>,
    /// Sections `to` already has: kept as they are, never overwritten.
    pub kept: Vec<SectionKey>,
    /// References of the copied text with an absolute year (`@2023`), which keep reading that
    /// year: the section and the reference as written.
    pub absolute: Vec<(SectionKey, String)>,
}

/// Why nothing is copied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CopyRefusal {
    /// The same year on both sides.
    SameYear(Year),
    /// A year outside 1900–2200.
    YearOutOfRange(Year),
    /// `from` has no text.
    NothingWritten(Year),
    /// Every section of `from` is already written in `to`.
    AllWritten { to: Year, sections: usize },
    /// A stored section whose key names no section of the report.
    UnknownSection(String),
}

/// The sections of `from` that `to` does not have yet, to be written in `to` unchanged: a
/// reference relative to the document's year (`@-1`, or none) then reads the new year by itself.
pub fn copy_plan(d: &Dataset, from: Year, to: Year) -> Result<CopyPlan, CopyRefusal> {
    for y in [from, to] {
        if !(1900..=2200).contains(&y) {
            return Err(CopyRefusal::YearOutOfRange(y));
        }
    }
    if from == to {
        return Err(CopyRefusal::SameYear(from));
    }
    let mut sources: Vec<(SectionKey, &NarrativeSection)> = Vec::new();
    for n in d.narrative.iter().filter(|n| n.year == from) {
        let key = SectionKey::parse(&n.section).ok_or_else(|| CopyRefusal::UnknownSection(n.section.clone()))?;
        sources.push((key, n));
    }
    if sources.is_empty() {
        return Err(CopyRefusal::NothingWritten(from));
    }
    let order = document_order(d, from);
    sources.sort_by_key(|(k, _)| order.iter().position(|o| o == k).unwrap_or(usize::MAX));
    let mut plan = CopyPlan { from, to, copied: Vec::new(), kept: Vec::new(), absolute: Vec::new() };
    for (key, n) in sources {
        if d.narrative_section(to, &key).is_some() {
            plan.kept.push(key);
            continue;
        }
        if let Ok(segments) = parse(&n.text) {
            for s in segments {
                if let Segment::Ref(r @ Reference { year: YearRef::Absolute(_), .. }) = s {
                    plan.absolute.push((key.clone(), r.source));
                }
            }
        }
        plan.copied.push((key, n.text.clone()));
    }
    if plan.copied.is_empty() {
        return Err(CopyRefusal::AllWritten { to, sections: plan.kept.len() });
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn figure(subject: &str, field: &str) -> Target {
        Target::Figure { subject: subject.into(), field: field.into() }
    }

    fn refs(text: &str) -> Vec<Reference> {
        parse(text)
            .unwrap()
            .into_iter()
            .filter_map(|s| match s {
                Segment::Ref(r) => Some(r),
                Segment::Text(_) => None,
            })
            .collect()
    }

    fn kinds(text: &str) -> Vec<SyntaxKind> {
        parse(text).expect_err("refused").into_iter().map(|e| e.kind).collect()
    }

    #[test]
    fn literal_text_and_references_in_order() {
        let text = "Realisasi {{support:IKU2 realisasi}} ({{support:IKU2 realisasi terbilang}}) pada {{tahun}}.";
        let segments = parse(text).unwrap();
        assert_eq!(segments.len(), 7);
        assert_eq!(segments[0], Segment::Text("Realisasi ".into()));
        assert_eq!(segments[6], Segment::Text(".".into()));
        let r = refs(text);
        assert_eq!(r[0].target, figure("support:IKU2", "realisasi"));
        assert_eq!((r[0].year, r[0].words), (YearRef::Document, false));
        assert!(r[1].words);
        assert_eq!(r[2].target, Target::Year);
        // `{{` of the first reference is the 11th character of line 1.
        assert_eq!(r[0].at, Position { offset: 10, line: 1, column: 11 });
        assert_eq!(parse("Tanpa rujukan.").unwrap(), vec![Segment::Text("Tanpa rujukan.".into())]);
        assert_eq!(parse("").unwrap(), vec![]);
    }

    #[test]
    fn modifiers_in_any_order_and_spacing() {
        let r = refs("{{ support:IKU2  realisasi terbilang @-1 }} {{budget:* serapan_pct @2023}} {{tahun @+1}}");
        assert_eq!(
            (r[0].year, r[0].words, r[0].source.as_str()),
            (YearRef::Relative(-1), true, "support:IKU2  realisasi terbilang @-1")
        );
        assert_eq!(r[1].year, YearRef::Absolute(2023));
        assert_eq!((r[2].target.clone(), r[2].year), (Target::Year, YearRef::Relative(1)));
        assert_eq!(refs("{{office}}")[0].target, Target::Office);
        assert_eq!(YearRef::Relative(-1).year_in(2025), Some(2024));
        assert_eq!(YearRef::Absolute(2023).year_in(2025), Some(2023));
    }

    #[test]
    fn badly_written_references_are_refused_with_their_place() {
        let errors = parse("Baris satu.\nPagu {{support:IKU2 pagu dan seterusnya").unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].kind, SyntaxKind::Unclosed);
        // `{{` is the 6th character of line 2 (after "Pagu ").
        assert_eq!((errors[0].at.line, errors[0].at.column), (2, 6));
        assert_eq!(errors[0].source, "{{support:IKU2 pagu dan seterusnya");
        assert_eq!(kinds("{{}}"), [SyntaxKind::Empty]);
        assert_eq!(kinds("{{  }}"), [SyntaxKind::Empty]);
        assert_eq!(kinds("{{IKU1 capaian_pct}}"), [SyntaxKind::NotASubject("IKU1".into())]);
        assert_eq!(kinds("{{indicator:IKU1}}"), [SyntaxKind::MissingField]);
        assert_eq!(kinds("{{indicator:IKU1 @-1}}"), [SyntaxKind::MissingField]);
        assert_eq!(kinds("{{indicator:IKU1 capaian_pct persen}}"), [SyntaxKind::UnknownModifier("persen".into())]);
        assert_eq!(kinds("{{indicator:IKU1 capaian_pct @-1 @-2}}"), [SyntaxKind::RepeatedModifier("@-2".into())]);
        assert_eq!(kinds("{{budget:* pagu terbilang terbilang}}"), [SyntaxKind::RepeatedModifier("terbilang".into())]);
        assert_eq!(kinds("{{budget:* pagu @1850}}"), [SyntaxKind::YearOutOfRange("@1850".into())]);
        assert_eq!(kinds("{{budget:* pagu @-101}}"), [SyntaxKind::YearOutOfRange("@-101".into())]);
        assert_eq!(kinds("{{budget:* pagu @99999999999}}"), [SyntaxKind::YearOutOfRange("@99999999999".into())]);
        assert_eq!(kinds("{{budget:* pagu @2023a}}"), [SyntaxKind::UnknownModifier("@2023a".into())]);
        assert_eq!(kinds("{{budget:* pagu @}}"), [SyntaxKind::UnknownModifier("@".into())]);
        assert_eq!(kinds("{{office @-1}}"), [SyntaxKind::ModifierNotAllowed { modifier: "@-1".into(), on: "office" }]);
        assert_eq!(
            kinds("{{tahun terbilang}}"),
            [SyntaxKind::ModifierNotAllowed { modifier: "terbilang".into(), on: "tahun" }]
        );
        assert_eq!(kinds("{{budget:* {{tahun}} pagu}}"), [SyntaxKind::Nested]);
        // A reference does not run over a line break.
        assert_eq!(kinds("{{budget:*\npagu}}"), [SyntaxKind::Unclosed]);
        // Every problem of a text at once.
        assert_eq!(kinds("{{}} dan {{x}} dan {{tahun}}"), [SyntaxKind::Empty, SyntaxKind::NotASubject("x".into())]);
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let errors = parse("Capaian ≥ 100 %:\n– ≥ {{}}").unwrap_err();
        assert_eq!(errors[0].at, Position { offset: "Capaian ≥ 100 %:\n– ≥ ".len(), line: 2, column: 5 });
    }

    fn data() -> Dataset {
        let mut d = Dataset::default();
        d.office.name = "Dinas Koperasi".into();
        d.indicators.push(Indicator::new("IKU2", "P", IndicatorLevel::Sasaran, None, 1, "Volume usaha koperasi"));
        d.program_support.push(ProgramSupport { program: "2".into(), indicator: "IKU2".into() });
        for (year, realisasi) in [(2023, 500_000_000), (2024, 824_166_800)] {
            d.budget_lines.push(BudgetLine {
                pagu_murni: Some(Money::from_rupiah(1_000_000_000)),
                realisasi: Some(Money::from_rupiah(realisasi)),
                ..BudgetLine::new(year, "2", None, BudgetLevel::Program, 1, "Program")
            });
        }
        d
    }

    #[test]
    fn references_are_checked_against_the_data() {
        let d = data();
        let problems = |text: &str| -> Vec<RefError> {
            text_problems(&d, text)
                .into_iter()
                .map(|p| match p {
                    TextProblem::Reference { error, .. } => error,
                    TextProblem::Syntax(e) => panic!("{e:?}"),
                })
                .collect()
        };
        assert!(problems("{{support:IKU2 realisasi terbilang}} {{budget:2 pagu}} {{tahun @-1}} {{office}}").is_empty());
        assert_eq!(problems("{{budgett:* pagu}}"), [RefError::UnknownSubjectKind { subject: "budgett:*".into() }]);
        assert_eq!(
            problems("{{indicator:IKU9 capaian_pct}}"),
            [RefError::UnknownSubject { subject: "indicator:IKU9".into() }]
        );
        assert_eq!(problems("{{budget:9.9 pagu}}"), [RefError::UnknownSubject { subject: "budget:9.9".into() }]);
        assert_eq!(
            problems("{{staff:PPPK count}}"),
            [RefError::UnknownCode { subject: "staff:PPPK".into(), expected: vec!["all", "PNS", "TKK"] }]
        );
        // A category is a figure a text shows, never in words.
        assert!(problems("{{indicator:IKU2 category}} {{indicator:IKU2 category @-1}}").is_empty());
        assert_eq!(
            problems("{{indicator:IKU2 category terbilang}}"),
            [RefError::NoWords { subject: "indicator:IKU2".into(), field: "category".into() }]
        );
        assert_eq!(figure_kind("indicator:IKU2", "category"), Some(FigureKind::Category));
        assert_eq!(
            problems("{{budget:2 count_program}}"),
            [RefError::UnknownField {
                subject: "budget:2".into(),
                field: "count_program".into(),
                expected: vec!["pagu", "pagu_murni", "realisasi", "serapan_pct", "sisa", "sisa_pct", "fisik_pct"],
            }]
        );
        assert_eq!(
            problems("{{budget:* serapan_pct terbilang}}"),
            [RefError::NoWords { subject: "budget:*".into(), field: "serapan_pct".into() }]
        );
        // A reference that cannot be read hides none of the others' problems.
        let both = text_problems(&d, "{{indicator:IKU9 target}} {{office @2020}} {{tahun}}");
        assert_eq!(both.len(), 2, "{both:?}");
        assert!(matches!(&both[0], TextProblem::Reference { error: RefError::UnknownSubject { .. }, .. }));
        assert!(matches!(
            &both[1],
            TextProblem::Syntax(SyntaxError { kind: SyntaxKind::ModifierNotAllowed { .. }, .. })
        ));
        assert_eq!(figure_kind("support:IKU2", "realisasi"), Some(FigureKind::Money));
        assert_eq!(figure_kind("sasaran:*", "count_efficient"), Some(FigureKind::Count));
        assert_eq!(figure_kind("sasaran:S1", "count_efficient"), None);
    }

    #[test]
    fn references_resolve_for_the_documents_year() {
        let d = data();
        let s = Settings::default();
        let pieces = resolve_text(&d, &s, 2024, "{{support:IKU2 realisasi}} / {{support:IKU2 realisasi @-1 terbilang}} / {{budget:2 serapan_pct}} / {{tahun @-1}} / {{office}}").unwrap();
        let shown: Vec<Result<Shown, Unresolved>> = pieces
            .into_iter()
            .filter_map(|p| match p {
                Piece::Figure { outcome, .. } => Some(outcome),
                Piece::Text(_) => None,
            })
            .collect();
        assert_eq!(
            shown,
            vec![
                Ok(Shown::Money { amount: Money::from_rupiah(824_166_800), words: false }),
                Ok(Shown::Money { amount: Money::from_rupiah(500_000_000), words: true }),
                // 824.166.800 ÷ 1.000.000.000 × 100.
                Ok(Shown::Percent(dec("82.41668"))),
                Ok(Shown::Year(2023)),
                Ok(Shown::Office("Dinas Koperasi".into())),
            ]
        );
        // The year before 2023 has no budget line: the figure cannot be computed, and says why.
        let r = &refs("{{budget:2 pagu @-1}}")[0];
        assert_eq!(
            resolve_reference(&d, &s, 2023, r),
            Err(Unresolved::Cannot(CannotCompute::Missing(super::super::how::Need::BudgetLine {
                kode: "2".into(),
                year: 2022
            })))
        );
        // A reference whose subject went away since the text was written.
        let mut without = d.clone();
        without.indicators.clear();
        let r = &refs("{{support:IKU2 pagu}}")[0];
        assert_eq!(
            resolve_reference(&without, &s, 2024, r),
            Err(Unresolved::Invalid(RefError::UnknownSubject { subject: "support:IKU2".into() }))
        );
    }

    #[test]
    fn a_category_is_the_name_of_the_band_the_capaian_falls_in() {
        use super::super::how::Need;
        let mut d = crate::embedded::dataset().unwrap();
        let s = Settings::default();
        let r = &refs("{{indicator:IKU1 category}}")[0];
        // The reference office has no scale of its own: no category, and the reason says so.
        assert_eq!(
            resolve_reference(&d, &s, 2024, r),
            Err(Unresolved::Cannot(CannotCompute::Missing(Need::Bands(2024))))
        );
        let band = |position, code: &str, name: &str, lower: Option<&str>| AchievementBand {
            period: "2024-2026".into(),
            position,
            code: code.into(),
            name: name.into(),
            lower: lower.map(dec),
            lower_inclusive: false,
        };
        // "> 100 SB, > 80–100 B, below K".
        d.achievement_bands =
            vec![band(1, "SB", "Sangat Baik", Some("100")), band(2, "B", "", Some("80")), band(3, "K", "Kurang", None)];
        // IKU1 2024: realisasi 78,19 ÷ target 75,8 × 100 = 103,15… > 100: Sangat Baik.
        assert_eq!(resolve_reference(&d, &s, 2024, r), Ok(Shown::Category("Sangat Baik".into())));
        // Under a cap of 100 the capaian is 100, not above 100: band B, which has no name, by its
        // code.
        let mut capped = Settings::default();
        capped.apply(super::super::settings::KEY_CAP, "100").unwrap();
        assert_eq!(resolve_reference(&d, &capped, 2024, r), Ok(Shown::Category("B".into())));
        // A scale without a band open below: 103,15… is below its only bound, 105.
        d.achievement_bands = vec![band(1, "SB", "Sangat Baik", Some("105"))];
        match resolve_reference(&d, &s, 2024, r) {
            Err(Unresolved::BelowBands { capaian }) => assert_eq!(capaian.round_dp(2), dec("103.15")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_count_that_is_not_whole_and_an_amount_beyond_money_are_not_shown() {
        assert_eq!(shown(FigureKind::Count, &Value::Number(dec("2.5")), true), None);
        assert_eq!(
            shown(FigureKind::Count, &Value::Number(dec("41")), true),
            Some(Shown::Count { count: 41, words: true })
        );
        assert_eq!(shown(FigureKind::Money, &Value::Number(dec("1.005")), false), None);
        assert_eq!(shown(FigureKind::Money, &Value::Number(Decimal::MAX), false), None);
    }

    #[test]
    fn a_copy_takes_only_the_sections_the_new_year_lacks() {
        let mut d = data();
        let section = |year, key: &str, text: &str| NarrativeSection { year, section: key.into(), text: text.into() };
        d.narrative = vec![
            section(2024, "penutup", "Demikian laporan {{tahun}}."),
            section(2024, "kata-pengantar", "Pagu {{budget:2 pagu @2023}} dan {{budget:2 pagu @-1}}."),
            section(2025, "penutup", "Sudah ditulis."),
        ];
        let plan = copy_plan(&d, 2024, 2025).unwrap();
        // In the document's order: the foreword first.
        assert_eq!(
            plan.copied,
            vec![(SectionKey::KataPengantar, "Pagu {{budget:2 pagu @2023}} dan {{budget:2 pagu @-1}}.".to_string())]
        );
        assert_eq!(plan.kept, vec![SectionKey::Penutup]);
        assert_eq!(plan.absolute, vec![(SectionKey::KataPengantar, "budget:2 pagu @2023".to_string())]);
        assert_eq!(copy_plan(&d, 2025, 2025), Err(CopyRefusal::SameYear(2025)));
        assert_eq!(copy_plan(&d, 2022, 2023), Err(CopyRefusal::NothingWritten(2022)));
        assert_eq!(copy_plan(&d, 2025, 2024), Err(CopyRefusal::AllWritten { to: 2024, sections: 1 }));
        assert_eq!(copy_plan(&d, 2024, 3000), Err(CopyRefusal::YearOutOfRange(3000)));
        d.narrative.push(section(2026, "bab-v", "?"));
        assert_eq!(copy_plan(&d, 2026, 2027), Err(CopyRefusal::UnknownSection("bab-v".into())));
    }
}
