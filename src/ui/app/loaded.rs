//! The data of an open database and everything derived from it (tables, charts, the audit
//! trail, the city view), built once and kept until the data changes. Tabs read it; only the
//! command handler (this module's parent) writes through its session.

use crate::app::city::{city_view, CityView, OfficeCheck};
use crate::app::{ReadOnly, Session};
use crate::calc::check::{check, CheckReport};
use crate::domain::{TableKind, Year};
use crate::format::Lang;
use crate::report::{build_table, TableOptions, TableView};
use std::collections::HashMap;
use std::path::PathBuf;

/// The data of an open database, with what is derived from it.
pub struct Loaded {
    /// Written only by the application's command handler; tabs read it through the methods
    /// below.
    pub(super) session: Session,
    /// Every office in the database, by name.
    pub offices: Vec<crate::storage::OfficeRef>,
    pub years: Vec<Year>,
    pub check: CheckReport,
    pub(super) tables: HashMap<(String, Year, Lang), Result<TableView, String>>,
    /// The budget tree of a year (thousands of rows: built once, not every frame).
    pub(super) trees: HashMap<(Year, Lang), TableView>,
    /// Charts built from the office's data, by id, year and language.
    pub(super) charts: HashMap<(String, Year, Lang), crate::report::charts::ChartSpec>,
    /// The city view of a year, built when first shown.
    pub(super) city: Option<Result<CityView, String>>,
    /// The last city-wide check.
    pub city_check: Option<Vec<OfficeCheck>>,
    /// The city view as a table, with the check's column when there is one (Indonesian, for
    /// files).
    pub(super) city_table: Option<TableView>,
    /// The same table as the window shows it, in its language.
    pub(super) city_table_shown: Option<TableView>,
    /// The office's audit trail, newest first, at most [`AUDIT_ROWS`] entries: read when the
    /// data is loaded and after every change, never while drawing.
    pub(super) audit: Result<Vec<crate::storage::AuditEntry>, crate::storage::StorageError>,
    /// Histories of single records, read once each, when the cached trail is cut at
    /// [`AUDIT_ROWS`] and may not reach back to all of a record's entries.
    pub(super) record_histories: HashMap<String, Vec<crate::storage::AuditEntry>>,
    /// The backup copies of the database file, listed with the trail.
    pub(super) backups: Vec<PathBuf>,
    /// The schema version of the open file (it changes only when a file is opened).
    pub schema_version: Option<i64>,
    /// The report's text of a year as *Laporan* shows it, by year and language.
    pub(super) narratives: HashMap<(Year, Lang), std::sync::Arc<NarrativeView>>,
}

/// The report's text of a year as the window shows it: every section of the document in its
/// order, rendered with its figures, and what the document corrects of the printed report.
#[derive(Clone, Debug)]
pub struct NarrativeView {
    pub sections: Vec<ShownSection>,
    /// The appendix's rows: printed → computed, with the table.
    pub corrections: Vec<crate::text::narrative::CorrectionRow>,
    /// Whether the year before has text (a year without text offers to copy it).
    pub previous_has_text: bool,
}

/// One section of a year's report in the window.
#[derive(Clone, Debug)]
pub struct ShownSection {
    pub key: crate::domain::SectionKey,
    /// Its place in the report, in the window's language.
    pub label: String,
    /// The text as stored; `None` when the section has none yet.
    pub text: Option<String>,
    /// The text with its figures, or what is wrong with its references (worded).
    pub rendered: Result<Vec<crate::text::narrative::SpanBlock>, Vec<String>>,
}

impl NarrativeView {
    fn build(d: &crate::domain::Dataset, s: &crate::calc::Settings, year: Year, lang: Lang) -> NarrativeView {
        use crate::text::narrative as words;
        let corrections = crate::calc::narrative::corrections(d, s, year);
        let sections = crate::domain::document_order(d, year)
            .into_iter()
            .map(|key| {
                let text = d.narrative_section(year, &key).map(|n| n.text.clone());
                let rendered = match &text {
                    Some(t) => words::render_spans(d, s, year, t, &corrections, lang)
                        .map_err(|es| es.iter().map(|e| words::syntax_error(e, lang)).collect()),
                    None => Ok(Vec::new()),
                };
                ShownSection { label: words::section_label(&key, lang), key, text, rendered }
            })
            .collect();
        NarrativeView {
            sections,
            corrections: corrections.iter().map(|c| words::correction(c, year, lang)).collect(),
            previous_has_text: year.checked_sub(1).is_some_and(|p| d.narrative.iter().any(|n| n.year == p)),
        }
    }

    /// Whether the year has any text.
    pub fn has_text(&self) -> bool {
        self.sections.iter().any(|s| s.text.is_some())
    }
}

/// How many entries of the audit trail *Riwayat* shows (and the window keeps).
const AUDIT_ROWS: usize = 2000;
/// How many entries a record's history shows in its form.
const RECORD_HISTORY_ROWS: usize = 20;

impl Loaded {
    pub(super) fn new(session: Session) -> Loaded {
        let years = session.dataset.all_years().into_iter().collect();
        let check = check(&session.dataset, &session.settings, None);
        // Listing offices reads one small table; an error here shows as a single office.
        let offices = session.store.offices().unwrap_or_default();
        let schema_version = session.store.schema_version().ok();
        let mut loaded = Loaded {
            session,
            offices,
            years,
            check,
            tables: HashMap::new(),
            trees: HashMap::new(),
            charts: HashMap::new(),
            city: None,
            city_check: None,
            city_table: None,
            city_table_shown: None,
            audit: Ok(Vec::new()),
            record_histories: HashMap::new(),
            backups: Vec::new(),
            schema_version,
            narratives: HashMap::new(),
        };
        loaded.read_trail();
        loaded
    }

    /// The office's data.
    pub fn dataset(&self) -> &crate::domain::Dataset {
        &self.session.dataset
    }

    /// The office's computation settings.
    pub fn settings(&self) -> &crate::calc::Settings {
        &self.session.settings
    }

    /// Why the open file cannot be edited, if it cannot.
    pub fn read_only(&self) -> Option<ReadOnly> {
        self.session.read_only.clone()
    }

    /// The database id of the open office.
    pub fn office_id(&self) -> i64 {
        self.session.office_id
    }

    /// Whether the database is a file (not the in-memory copy of tests and demos).
    pub fn is_file(&self) -> bool {
        self.session.store.path().is_some()
    }

    /// Whether the database is on a server.
    pub fn is_server(&self) -> bool {
        matches!(self.session.store.location(), crate::storage::Location::Server(_))
    }

    /// Reads the audit trail and the list of backups again: after the data changed (an edit,
    /// an undo, another office), since a change writes the trail and may make the day's backup.
    pub(super) fn read_trail(&mut self) {
        let store = &self.session.store;
        self.audit = store.audit_log(self.session.office_id, None, AUDIT_ROWS);
        self.record_histories.clear();
        self.backups = store.path().map(crate::storage::list_backups).unwrap_or_default();
    }

    /// The office's audit trail, newest first (cached; see [`Loaded::read_trail`]).
    pub fn audit(&self) -> Result<&[crate::storage::AuditEntry], &crate::storage::StorageError> {
        self.audit.as_deref()
    }

    /// The backup copies of the open database file, newest first (cached).
    pub fn backups(&self) -> &[PathBuf] {
        &self.backups
    }

    /// The latest entries of each of `records` (`target:IKU1:2025`), in that order: taken from
    /// the cached trail when it holds the whole trail, else read once per record and kept until
    /// the data changes.
    pub fn record_history(&mut self, records: &[String]) -> Vec<crate::storage::AuditEntry> {
        let mut out = Vec::new();
        for r in records {
            match &self.audit {
                Ok(all) if all.len() < AUDIT_ROWS => {
                    out.extend(all.iter().filter(|e| &e.record == r).take(RECORD_HISTORY_ROWS).cloned())
                }
                _ => {
                    let (store, office) = (&self.session.store, self.session.office_id);
                    let h = self
                        .record_histories
                        .entry(r.clone())
                        .or_insert_with(|| store.audit_log(office, Some(r), RECORD_HISTORY_ROWS).unwrap_or_default());
                    out.extend(h.iter().cloned());
                }
            }
        }
        out
    }

    /// The budget tree of `year` with its titles in `lang`, built once and kept until the data
    /// changes.
    pub fn budget_tree(&mut self, year: Year, lang: Lang) -> &TableView {
        let (d, s) = (&self.session.dataset, &self.session.settings);
        self.trees.entry((year, lang)).or_insert_with(|| crate::report::budget_tree(d, s, year, lang))
    }

    /// A chart of the office, built by `build` once and kept until the data changes.
    pub fn chart(
        &mut self,
        id: &str,
        year: Year,
        lang: Lang,
        build: impl FnOnce(&crate::domain::Dataset, &crate::calc::Settings) -> crate::report::charts::ChartSpec,
    ) -> &crate::report::charts::ChartSpec {
        let (d, s) = (&self.session.dataset, &self.session.settings);
        self.charts.entry((id.to_string(), year, lang)).or_insert_with(|| build(d, s))
    }

    /// The city view of `year`, built once and kept until the data changes.
    pub fn city(&mut self, year: Year) -> &Result<CityView, String> {
        if !matches!(&self.city, Some(Ok(v)) if v.year == year) {
            self.city = Some(city_view(&self.session.store, year).map_err(|e| e.message_id()));
            self.city_table = None;
            self.city_table_shown = None;
        }
        self.city.get_or_insert_with(|| Err(String::new()))
    }

    /// The city view of `year` as a table, built once and kept until the data or the city check
    /// changes.
    pub fn city_table(&mut self, year: Year) -> Result<&TableView, String> {
        if let Err(e) = self.city(year) {
            return Err(e.clone());
        }
        if let (None, Some(Ok(view))) = (&self.city_table, &self.city) {
            self.city_table = Some(crate::app::city::city_table(view, self.city_check.as_deref(), Lang::Id));
        }
        self.city_table.as_ref().ok_or_else(String::new)
    }

    /// The city table as the window shows it, with its titles in `lang`.
    pub fn city_table_shown(&mut self, year: Year, lang: Lang) -> Result<&TableView, String> {
        if self.city_table_shown.as_ref().is_some_and(|t| t.lang != lang) {
            self.city_table_shown = None;
        }
        if let Err(e) = self.city(year) {
            return Err(e.clone());
        }
        if let (None, Some(Ok(view))) = (&self.city_table_shown, &self.city) {
            self.city_table_shown = Some(crate::app::city::city_table(view, self.city_check.as_deref(), lang));
        }
        self.city_table_shown.as_ref().ok_or_else(String::new)
    }

    /// Sets the result of the city-wide check (a new column of the city table).
    pub fn set_city_check(&mut self, result: Vec<OfficeCheck>) {
        self.city_check = Some(result);
        self.city_table = None;
        self.city_table_shown = None;
    }

    /// Whether the database holds more than one office (the city view is offered then).
    pub fn is_city(&self) -> bool {
        self.offices.len() > 1
    }

    /// A report table of a year with Kinerja's own words in `lang`, built once and kept.
    pub fn table(&mut self, id: &str, year: Year, lang: Lang) -> &Result<TableView, String> {
        let (d, s) = (&self.session.dataset, &self.session.settings);
        self.tables.entry((id.to_string(), year, lang)).or_insert_with(|| {
            build_table(d, s, id, year, TableOptions { lang, ..TableOptions::default() })
                .map_err(|e| crate::text::error_message(lang, || e.message_id(), &e))
        })
    }

    /// The report's text of `year` as *Laporan* shows it in `lang`, rendered once and kept until
    /// the data changes.
    pub fn narrative(&mut self, year: Year, lang: Lang) -> std::sync::Arc<NarrativeView> {
        let (d, s) = (&self.session.dataset, &self.session.settings);
        self.narratives
            .entry((year, lang))
            .or_insert_with(|| std::sync::Arc::new(NarrativeView::build(d, s, year, lang)))
            .clone()
    }

    /// The id of the year's table of `kind` (about `subject`).
    pub fn table_id(&self, year: Year, kind: TableKind, subject: &str) -> Option<String> {
        crate::calc::layout::layout(&self.session.dataset, year)
            .into_iter()
            .find(|t| t.kind == kind && (subject.is_empty() || t.subject == subject))
            .map(|t| t.id)
    }
}
