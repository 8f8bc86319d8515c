//! A budget realisation spreadsheet against the office's budget lines of a year: the preview
//! (plan) of what would change, every problem, and the change that writes it.
//!
//! Lines are matched by kode. A kode not in the database is a new line; its parent is the
//! longest kode among the year's lines and the file's rows that is a dotted prefix of it
//! (`1.4` for `1.4.5`), its level the one below its parent's (a program when it has none).
//! Lines of the database that the file does not mention are listed and left alone: an import
//! never deletes. An empty amount cell is no value and leaves the stored amount as it is.

use super::amount::{money_from_cell, AmountError};
use super::mapping::{find_header, HeaderFit, Mapping, Target};
use super::problem::{ColumnRef, SheetProblem, SheetProblemKind, SheetProblems};
use super::sheet::{display_name, read_bytes, read_path, Cell, Sheet, SheetSource};
use crate::domain::{BudgetColumn, BudgetLevel, BudgetLine, Change, Dataset, Money, Op, Year};
use crate::format::Lang;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

/// A budget spreadsheet read and its header found, ready to be planned against a year.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetSheet {
    /// The file's name (without its folder), for messages and the change's description.
    pub file: String,
    pub sheet: Sheet,
    /// 0-based index of the header row.
    pub header_row: usize,
    /// 0-based index of the first data row.
    pub data_start: usize,
    /// One heading per column (empty where a column has none).
    pub headings: Vec<String>,
}

impl BudgetSheet {
    /// Reads a file (XLSX or CSV) and finds its header.
    pub fn open(path: &Path) -> Result<BudgetSheet, SheetProblems> {
        let sheets = read_path(path)?;
        Ok(Self::choose(display_name(path), sheets))
    }

    /// Like [`BudgetSheet::open`], from the file's bytes.
    pub fn from_bytes(file: &str, bytes: &[u8]) -> Result<BudgetSheet, SheetProblems> {
        let sheets = read_bytes(file, bytes)?;
        Ok(Self::choose(file.to_string(), sheets))
    }

    /// The first sheet whose header has a kode and an amount column; failing that the first with
    /// any known heading; failing that the first that holds anything.
    fn choose(file: String, sheets: Vec<Sheet>) -> BudgetSheet {
        let mut best: Option<(HeaderFit, Sheet, super::mapping::Header)> = None;
        for sheet in sheets {
            if (0..sheet.rows.len()).all(|r| sheet.row_is_empty(r)) {
                continue;
            }
            let header = find_header(&sheet);
            let better = best.as_ref().is_none_or(|(f, _, _)| header.fit > *f);
            let full = header.fit == HeaderFit::Full;
            if better {
                best = Some((header.fit, sheet, header));
            }
            if full {
                break;
            }
        }
        match best {
            Some((_, sheet, header)) => BudgetSheet {
                file,
                headings: widen(header.headings, &sheet),
                header_row: header.row,
                data_start: header.data_start,
                sheet,
            },
            // `read_bytes` refuses files without data, so this is a sheet-less workbook only.
            None => BudgetSheet {
                file,
                sheet: Sheet { source: SheetSource::Csv { delimiter: ',' }, rows: Vec::new() },
                header_row: 0,
                data_start: 0,
                headings: Vec::new(),
            },
        }
    }

    /// The mapping the headings suggest for `year` of the dataset.
    pub fn detect_mapping(&self, dataset: &Dataset, year: Year) -> Mapping {
        let perubahan = dataset.budget_lines.iter().any(|b| b.year == year && b.pagu_perubahan.is_some());
        Mapping::detect(&self.headings, perubahan)
    }

    /// A column as the user sees it: `E · Realisasi (Rp)`.
    pub fn column_label(&self, index: usize) -> String {
        let letter = super::problem::column_letter(index);
        match self.headings.get(index).map(|h| h.trim()).filter(|h| !h.is_empty()) {
            Some(h) => format!("{letter} · {h}"),
            None => letter,
        }
    }

    /// The column of `heading` (as written, ignoring case, spacing and punctuation) or of a
    /// column letter (`E`).
    pub fn find_column(&self, heading: &str) -> Option<usize> {
        let wanted = super::mapping::normalize_heading(heading);
        let exact = heading.trim().to_lowercase();
        self.headings
            .iter()
            .position(|h| h.trim().to_lowercase() == exact)
            .or_else(|| {
                (!wanted.is_empty())
                    .then(|| self.headings.iter().position(|h| super::mapping::normalize_heading(h) == wanted))
                    .flatten()
            })
            .or_else(|| letter_index(heading.trim()).filter(|i| *i < self.headings.len().max(1)))
    }

    fn column_ref(&self, index: usize) -> ColumnRef {
        ColumnRef { index, heading: self.headings.get(index).cloned().unwrap_or_default() }
    }

    /// The 1-based header row, as Excel shows it.
    pub fn header_row_number(&self) -> usize {
        self.header_row + 1
    }

    /// Plans the import into `year` with `mapping`; nothing is written.
    pub fn plan(&self, mapping: &Mapping, options: PlanOptions, dataset: &Dataset, year: Year) -> Plan {
        Planner::new(self, mapping, options, dataset, year).run()
    }
}

/// Headings for every column that holds data, so that any of them can be chosen.
fn widen(mut headings: Vec<String>, sheet: &Sheet) -> Vec<String> {
    let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    if headings.len() < width {
        headings.resize(width, String::new());
    }
    headings
}

/// `A` → 0, `AB` → 27; `None` for anything but one to three letters.
fn letter_index(s: &str) -> Option<usize> {
    if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    Some(s.bytes().fold(0usize, |n, b| n * 26 + (b.to_ascii_uppercase() - b'A') as usize + 1) - 1)
}

/// Choices that change what the plan writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct PlanOptions {
    /// Also rename existing lines whose uraian in the file differs (beyond case and spacing).
    /// Off by default: the names are the office's record, and finance systems often abbreviate.
    pub update_names: bool,
}

/// What the file does to a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowStatus {
    /// Every value in the file equals the stored one (or is empty).
    Unchanged,
    /// At least one field changes; see [`PlanRow::changes`].
    Changed,
    /// The kode is not in the database: a new line.
    New,
    /// The row has a problem (see [`Plan::problems`]).
    Invalid,
}

/// One field going from its stored value to the file's.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldChange {
    Name { old: String, new: String },
    Amount { column: BudgetColumn, old: Option<Money>, new: Money },
}

impl FieldChange {
    /// The field that changes, as the user sees it.
    pub fn label(&self, lang: Lang) -> &'static str {
        let target = match self {
            FieldChange::Name { .. } => Target::Uraian,
            FieldChange::Amount { column: BudgetColumn::PaguMurni, .. } => Target::PaguMurni,
            FieldChange::Amount { column: BudgetColumn::PaguPerubahan, .. } => Target::PaguPerubahan,
            FieldChange::Amount { column: BudgetColumn::Realisasi, .. } => Target::Realisasi,
            FieldChange::Amount { column: BudgetColumn::Alokasi, .. } => {
                return lang.pick("Alokasi", "Alokasi (single allocation)")
            }
            FieldChange::Amount { column: BudgetColumn::Sisa, .. } => {
                return lang.pick("Sisa anggaran", "Remaining budget")
            }
        };
        target.label(lang)
    }

    /// The stored value as shown to the user (`—` for none).
    pub fn old_text(&self, lang: Lang) -> String {
        match self {
            FieldChange::Name { old, .. } if !old.is_empty() => old.clone(),
            FieldChange::Amount { old: Some(m), .. } => crate::format::rupiah(*m, lang),
            _ => "—".into(),
        }
    }

    /// The file's value as shown to the user.
    pub fn new_text(&self, lang: Lang) -> String {
        match self {
            FieldChange::Name { new, .. } => new.clone(),
            FieldChange::Amount { new, .. } => crate::format::rupiah(*new, lang),
        }
    }

    /// `Realisasi: Rp 7.327.081.454 → Rp 7.400.000.000`.
    pub fn describe(&self, lang: Lang) -> String {
        format!("{}: {} → {}", self.label(lang), self.old_text(lang), self.new_text(lang))
    }
}

/// A level as people write it: program, kegiatan, sub-kegiatan.
pub fn level_label(level: BudgetLevel) -> &'static str {
    match level {
        BudgetLevel::Program => "program",
        BudgetLevel::Kegiatan => "kegiatan",
        BudgetLevel::SubKegiatan => "sub-kegiatan",
    }
}

/// One data row of the file and what it does.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanRow {
    /// 1-based row, as Excel shows it.
    pub row: usize,
    pub kode: String,
    /// The uraian in the file, or the stored name when the file has none.
    pub name: String,
    pub status: RowStatus,
    /// The fields that change (for a new line: its name and every amount it gets).
    pub changes: Vec<FieldChange>,
    /// The line's level: stored, or derived for a new line (`None` when it cannot be).
    pub level: Option<BudgetLevel>,
    /// The parent's kode: stored, or derived for a new line.
    pub parent: Option<String>,
    /// The file names the line differently and names are not updated.
    pub name_differs: bool,
}

/// Why a row is not read.
#[derive(Clone, Debug, PartialEq)]
pub enum SkipReason {
    Empty,
    /// A subtotal or total row ("Jumlah", "Total") without a kode.
    Subtotal(String),
    /// Text without kode and without amounts: a section title.
    Heading(String),
    /// The header again (exports repeat it on every printed page).
    RepeatedHeader,
    /// The row of column numbers (1, 2, 3, …) under the header of government tables.
    ColumnNumbers,
}

impl SkipReason {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SkipReason::Empty, Lang::Id) => "baris kosong".into(),
            (SkipReason::Empty, Lang::En) => "empty row".into(),
            (SkipReason::Subtotal(t), Lang::Id) => format!("baris jumlah tanpa kode ('{t}')"),
            (SkipReason::Subtotal(t), Lang::En) => format!("subtotal row without kode ('{t}')"),
            (SkipReason::Heading(t), Lang::Id) => format!("judul tanpa kode dan tanpa jumlah ('{t}')"),
            (SkipReason::Heading(t), Lang::En) => format!("title without kode or amounts ('{t}')"),
            (SkipReason::RepeatedHeader, Lang::Id) => "judul kolom diulang".into(),
            (SkipReason::RepeatedHeader, Lang::En) => "repeated header".into(),
            (SkipReason::ColumnNumbers, Lang::Id) => "nomor kolom (1, 2, 3, …)".into(),
            (SkipReason::ColumnNumbers, Lang::En) => "column numbers (1, 2, 3, …)".into(),
        }
    }
}

/// A row that was not read.
#[derive(Clone, Debug, PartialEq)]
pub struct Skipped {
    /// 1-based row.
    pub row: usize,
    pub reason: SkipReason,
}

/// A stored line of the year that the file does not mention (left as it is).
#[derive(Clone, Debug, PartialEq)]
pub struct AbsentLine {
    pub kode: String,
    pub name: String,
    pub level: BudgetLevel,
}

/// How many rows fall in each group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Counts {
    pub unchanged: usize,
    pub changed: usize,
    pub new: usize,
    pub invalid: usize,
    pub absent: usize,
    pub skipped: usize,
    pub problems: usize,
}

impl Counts {
    /// `12 diubah, 3 baru, 30 tetap, 5 tidak ada di berkas, 2 dilewati, 0 masalah`.
    pub fn summary(&self, lang: Lang) -> String {
        match lang {
            Lang::Id => format!(
                "{} diubah, {} baru, {} tetap, {} tidak ada di berkas (dibiarkan), {} baris dilewati, {} masalah",
                self.changed, self.new, self.unchanged, self.absent, self.skipped, self.problems
            ),
            Lang::En => format!(
                "{} changed, {} new, {} unchanged, {} not in the file (left as they are), {} rows skipped, {} problems",
                self.changed, self.new, self.unchanged, self.absent, self.skipped, self.problems
            ),
        }
    }
}

/// Why a plan cannot be turned into a change.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NotApplicable {
    #[error("the file has {0} problem(s); nothing is written")]
    Problems(usize),
    #[error("nothing to change")]
    NothingToChange,
}

impl NotApplicable {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (NotApplicable::Problems(n), Lang::Id) => format!("Berkas memiliki {n} masalah; tidak ada yang ditulis."),
            (NotApplicable::Problems(n), Lang::En) => format!("The file has {n} problem(s); nothing is written."),
            (NotApplicable::NothingToChange, Lang::Id) => "Tidak ada yang berubah.".into(),
            (NotApplicable::NothingToChange, Lang::En) => "Nothing changes.".into(),
        }
    }
}

/// The preview of an import: every row's outcome, the lines the file leaves out, the skipped
/// rows and every problem. Only a plan without problems can be applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub file: String,
    pub year: Year,
    pub mapping: Mapping,
    pub options: PlanOptions,
    /// The data rows in file order.
    pub rows: Vec<PlanRow>,
    pub skipped: Vec<Skipped>,
    pub absent: Vec<AbsentLine>,
    pub problems: Vec<SheetProblem>,
    /// The new lines, parents before children.
    new_lines: Vec<BudgetLine>,
}

impl Plan {
    pub fn counts(&self) -> Counts {
        let n = |s: RowStatus| self.rows.iter().filter(|r| r.status == s).count();
        Counts {
            unchanged: n(RowStatus::Unchanged),
            changed: n(RowStatus::Changed),
            new: n(RowStatus::New),
            invalid: n(RowStatus::Invalid),
            absent: self.absent.len(),
            skipped: self.skipped.len(),
            problems: self.problems.len(),
        }
    }

    /// Whether the plan can be written: no problem, and something to write.
    pub fn can_apply(&self) -> bool {
        self.problems.is_empty() && self.rows.iter().any(|r| matches!(r.status, RowStatus::Changed | RowStatus::New))
    }

    /// The problems in `lang`, one per line.
    pub fn render_problems(&self, lang: Lang) -> String {
        SheetProblems(self.problems.clone()).render(lang)
    }

    /// The operations: new lines first (parents before children, so that undo removes children
    /// first), then the changed fields in file order.
    pub fn ops(&self) -> Vec<Op> {
        let year = self.year;
        let mut ops: Vec<Op> = self.new_lines.iter().map(|l| Op::AddBudgetLine(Box::new(l.clone()))).collect();
        for row in self.rows.iter().filter(|r| r.status == RowStatus::Changed) {
            for c in &row.changes {
                ops.push(match c {
                    FieldChange::Name { old, new } => {
                        Op::RenameBudgetLine { year, kode: row.kode.clone(), old: old.clone(), new: new.clone() }
                    }
                    FieldChange::Amount { column, old, new } => Op::SetBudgetAmount {
                        year,
                        kode: row.kode.clone(),
                        column: *column,
                        old: *old,
                        new: Some(*new),
                    },
                });
            }
        }
        ops
    }

    /// What the change is called in the history: "Impor realisasi anggaran 2024 dari
    /// realisasi.xlsx: 12 diubah, 3 baru".
    pub fn description(&self, lang: Lang) -> String {
        let c = self.counts();
        match lang {
            Lang::Id => format!(
                "Impor realisasi anggaran {} dari {}: {} diubah, {} baru",
                self.year, self.file, c.changed, c.new
            ),
            Lang::En => format!(
                "Budget realisation import {} from {}: {} changed, {} new",
                self.year, self.file, c.changed, c.new
            ),
        }
    }

    /// The whole import as one change: one transaction, audited, one undo step.
    pub fn change(&self, lang: Lang) -> Result<Change, NotApplicable> {
        if !self.problems.is_empty() {
            return Err(NotApplicable::Problems(self.problems.len()));
        }
        let ops = self.ops();
        if ops.is_empty() {
            return Err(NotApplicable::NothingToChange);
        }
        Ok(Change { description: self.description(lang), ops })
    }
}

/// A data row as read, before it is compared with the database.
struct FileRow {
    row: usize,
    kode: String,
    name: String,
    /// Pagu murni, pagu perubahan, realisasi.
    amounts: [Option<Money>; 3],
    invalid: bool,
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A kode as written, without spaces and without a trailing dot (`1.4.5.`).
fn normalize_kode(cell: &Cell) -> String {
    let t: String = cell.text().chars().filter(|c| !c.is_whitespace()).collect();
    t.trim_end_matches('.').to_string()
}

fn parts(kode: &str) -> usize {
    kode.split('.').count()
}

/// Whether a text names a subtotal or total row.
fn is_total(text: &str) -> bool {
    let words: Vec<String> =
        text.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(String::from).collect();
    match words.first().map(String::as_str) {
        Some("jumlah" | "total" | "subtotal" | "grandtotal" | "sum") => true,
        Some("sub" | "grand") => words.get(1).is_some_and(|w| w == "total" || w == "jumlah"),
        _ => false,
    }
}

/// 1, 2, 3, … (at least three) in the non-empty cells of the row.
fn is_column_numbers(cells: &[Cell]) -> bool {
    let numbers: Vec<Option<i64>> = cells
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| match c {
            Cell::Int(i) => Some(*i),
            Cell::Number(f) if f.fract() == 0.0 && f.abs() < 1e6 => Some(*f as i64),
            _ => c.text().trim_start_matches('(').trim_end_matches(')').parse().ok(),
        })
        .collect();
    numbers.len() >= 3
        && numbers.iter().all(Option::is_some)
        && numbers.windows(2).all(|w| matches!((w[0], w[1]), (Some(a), Some(b)) if a.checked_add(1) == Some(b)))
}

struct Planner<'a> {
    sheet: &'a BudgetSheet,
    mapping: Mapping,
    options: PlanOptions,
    dataset: &'a Dataset,
    year: Year,
    problems: Vec<SheetProblem>,
}

impl<'a> Planner<'a> {
    fn new(sheet: &'a BudgetSheet, mapping: &Mapping, options: PlanOptions, dataset: &'a Dataset, year: Year) -> Self {
        Planner { sheet, mapping: *mapping, options, dataset, year, problems: Vec::new() }
    }

    fn problem(&mut self, row: Option<usize>, column: Option<usize>, kind: SheetProblemKind) {
        let column = column.map(|c| self.sheet.column_ref(c));
        self.problems.push(SheetProblem { file: self.sheet.file.clone(), row, column, kind });
    }

    fn plan(
        self,
        rows: Vec<PlanRow>,
        skipped: Vec<Skipped>,
        absent: Vec<AbsentLine>,
        new_lines: Vec<BudgetLine>,
    ) -> Plan {
        Plan {
            file: self.sheet.file.clone(),
            year: self.year,
            mapping: self.mapping,
            options: self.options,
            rows,
            skipped,
            absent,
            problems: self.problems,
            new_lines,
        }
    }

    fn check_mapping(&mut self) -> bool {
        let header = Some(self.sheet.header_row_number());
        if self.mapping.get(Target::Kode).is_none() {
            self.problem(header, None, SheetProblemKind::NoKodeColumn);
        }
        if !self.mapping.has_amount() {
            self.problem(header, None, SheetProblemKind::NoAmountColumn);
        }
        for (i, a) in Target::ALL.iter().enumerate() {
            for b in &Target::ALL[i + 1..] {
                if let (Some(x), Some(y)) = (self.mapping.get(*a), self.mapping.get(*b)) {
                    if x == y {
                        self.problem(header, Some(x), SheetProblemKind::SameColumn(*a, *b));
                    }
                }
            }
        }
        self.problems.is_empty()
    }

    fn run(mut self) -> Plan {
        let year = self.year;
        let existing: Vec<&BudgetLine> = self.dataset.budget_lines.iter().filter(|b| b.year == year).collect();
        let absent_all = || {
            existing
                .iter()
                .map(|b| AbsentLine { kode: b.kode.clone(), name: b.name.clone(), level: b.level })
                .collect::<Vec<_>>()
        };
        if !self.check_mapping() {
            let absent = absent_all();
            return self.plan(Vec::new(), Vec::new(), absent, Vec::new());
        }
        let (file_rows, skipped) = self.read_rows();
        let stored: HashMap<&str, &BudgetLine> = existing.iter().map(|b| (b.kode.as_str(), *b)).collect();
        let in_file: HashSet<&str> = file_rows.iter().map(|r| r.kode.as_str()).collect();

        let mut rows = Vec::with_capacity(file_rows.len());
        for r in &file_rows {
            rows.push(match stored.get(r.kode.as_str()) {
                Some(line) => self.compare(r, line),
                None => PlanRow {
                    row: r.row,
                    kode: r.kode.clone(),
                    name: r.name.clone(),
                    status: if r.invalid { RowStatus::Invalid } else { RowStatus::New },
                    changes: Vec::new(),
                    level: None,
                    parent: None,
                    name_differs: false,
                },
            });
        }
        let new_lines = self.structure(&file_rows, &mut rows, &stored);
        let absent = existing
            .iter()
            .filter(|b| !in_file.contains(b.kode.as_str()))
            .map(|b| AbsentLine { kode: b.kode.clone(), name: b.name.clone(), level: b.level })
            .collect();
        // Problems in the order of the file, those of the whole file first.
        self.problems.sort_by_key(|p| p.row.unwrap_or(0));
        self.plan(rows, skipped, absent, new_lines)
    }

    /// Reads the data rows: kode, uraian and amounts, skipping empty, total and title rows.
    fn read_rows(&mut self) -> (Vec<FileRow>, Vec<Skipped>) {
        let kode_col = self.mapping.get(Target::Kode).unwrap_or(0);
        let uraian_col = self.mapping.get(Target::Uraian);
        let amount_cols: Vec<(usize, Option<usize>)> =
            Target::AMOUNTS.iter().enumerate().map(|(i, t)| (i, self.mapping.get(*t))).collect();
        let sheet = &self.sheet.sheet;
        let mut rows = Vec::new();
        let mut skipped = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for r in self.sheet.data_start..sheet.rows.len() {
            let row = r + 1;
            let skip = |reason| Skipped { row, reason };
            if sheet.row_is_empty(r) {
                skipped.push(skip(SkipReason::Empty));
                continue;
            }
            if r == self.sheet.data_start && is_column_numbers(&sheet.rows[r]) {
                skipped.push(skip(SkipReason::ColumnNumbers));
                continue;
            }
            let kode_cell = sheet.cell(r, kode_col);
            let kode = normalize_kode(kode_cell);
            let name = uraian_col.map(|c| collapse(&sheet.cell(r, c).text())).unwrap_or_default();
            if matches!(kode_cell, Cell::Text(t) if super::mapping::classify_heading(t) == Some(super::mapping::HeadingKind::Target(Target::Kode)))
            {
                skipped.push(skip(SkipReason::RepeatedHeader));
                continue;
            }
            // The first text of the row: "JUMLAH" is often written across the kode and uraian.
            let first_text = sheet.rows[r].iter().map(Cell::text).find(|t| !t.is_empty()).unwrap_or_default();
            if kode.is_empty() || is_total(&kode) {
                let label = if name.is_empty() { collapse(&first_text) } else { name.clone() };
                let has_amount = amount_cols.iter().any(|(_, c)| c.is_some_and(|c| !sheet.cell(r, c).is_empty()));
                if is_total(&kode) || is_total(&label) || is_total(&first_text) {
                    skipped.push(skip(SkipReason::Subtotal(label)));
                } else if has_amount {
                    self.problem(Some(row), Some(kode_col), SheetProblemKind::KodeMissing);
                } else {
                    skipped.push(skip(SkipReason::Heading(label)));
                }
                continue;
            }
            let mut amounts = [None; 3];
            let mut invalid = false;
            for (i, col) in &amount_cols {
                let Some(col) = col else { continue };
                match money_from_cell(sheet.cell(r, *col)) {
                    Ok(m) => amounts[*i] = m,
                    Err(e) => {
                        invalid = true;
                        let kind = match e {
                            AmountError::NotAmount(v) => SheetProblemKind::NotAmount(v),
                            AmountError::Negative(v) => SheetProblemKind::Negative(v),
                            AmountError::TooPrecise(v) => SheetProblemKind::TooPrecise(v),
                            AmountError::TooLarge(v) => SheetProblemKind::AmountTooLarge(v),
                        };
                        self.problem(Some(row), Some(*col), kind);
                    }
                }
            }
            if let Some(first_row) = seen.get(&kode) {
                let kind = SheetProblemKind::Duplicate { kode: kode.clone(), first_row: *first_row };
                self.problem(Some(row), Some(kode_col), kind);
                continue;
            }
            seen.insert(kode.clone(), row);
            rows.push(FileRow { row, kode, name, amounts, invalid });
        }
        (rows, skipped)
    }

    /// An existing line against its row of the file.
    fn compare(&mut self, r: &FileRow, line: &BudgetLine) -> PlanRow {
        let mut changes = Vec::new();
        let mut name_differs = false;
        if !r.name.is_empty() && r.name.to_lowercase() != collapse(&line.name).to_lowercase() {
            if self.options.update_names {
                changes.push(FieldChange::Name { old: line.name.clone(), new: r.name.clone() });
            } else {
                name_differs = true;
            }
        }
        let mut invalid = r.invalid;
        let stored = [line.pagu_murni, line.pagu_perubahan, line.realisasi];
        // A line printed with one alokasi keeps it: the file's one pagu (murni or perubahan,
        // whichever it gives) goes onto the alokasi; a pagu murni or perubahan beside an alokasi
        // is what the dataset's own rules refuse.
        let alokasi_line = line.alokasi.is_some() && line.pagu_murni.is_none() && line.pagu_perubahan.is_none();
        if alokasi_line {
            match (r.amounts[0], r.amounts[1]) {
                (Some(_), Some(_)) => {
                    invalid = true;
                    let column = self.mapping.get(Target::PaguPerubahan);
                    self.problem(Some(r.row), column, SheetProblemKind::AlokasiTwoPagu(r.kode.clone()));
                }
                (Some(new), None) | (None, Some(new)) if line.alokasi != Some(new) => {
                    changes.push(FieldChange::Amount { column: BudgetColumn::Alokasi, old: line.alokasi, new });
                }
                _ => {}
            }
        }
        for (i, target) in Target::AMOUNTS.iter().enumerate() {
            if alokasi_line && *target != Target::Realisasi {
                continue;
            }
            if let (Some(new), Some(column)) = (r.amounts[i], target.budget_column()) {
                if stored[i] != Some(new) {
                    changes.push(FieldChange::Amount { column, old: stored[i], new });
                }
            }
        }
        let status = if invalid {
            RowStatus::Invalid
        } else if changes.is_empty() {
            RowStatus::Unchanged
        } else {
            RowStatus::Changed
        };
        PlanRow {
            row: r.row,
            kode: r.kode.clone(),
            name: if r.name.is_empty() { line.name.clone() } else { r.name.clone() },
            status,
            changes,
            level: Some(line.level),
            parent: line.parent.clone(),
            name_differs,
        }
    }

    /// The number of dotted parts of the kodes of each level: of the year's lines, or where the
    /// year has none of a level, of the office's other years.
    fn kode_shapes(&self) -> HashMap<BudgetLevel, (BTreeSet<usize>, String)> {
        let mut shapes: HashMap<BudgetLevel, (BTreeSet<usize>, String)> = HashMap::new();
        for level in BudgetLevel::ALL {
            let of_year: Vec<&BudgetLine> =
                self.dataset.budget_lines.iter().filter(|b| b.level == level && b.year == self.year).collect();
            let lines: Vec<&BudgetLine> = if of_year.is_empty() {
                self.dataset.budget_lines.iter().filter(|b| b.level == level).collect()
            } else {
                of_year
            };
            if let Some(first) = lines.first() {
                shapes.insert(level, (lines.iter().map(|b| parts(&b.kode)).collect(), first.kode.clone()));
            }
        }
        shapes
    }

    /// Parent, level and position of each new line, with the problems of its place.
    fn structure(
        &mut self,
        file_rows: &[FileRow],
        rows: &mut [PlanRow],
        stored: &HashMap<&str, &BudgetLine>,
    ) -> Vec<BudgetLine> {
        let kode_col = self.mapping.get(Target::Kode);
        let known: HashSet<&str> = stored.keys().copied().chain(file_rows.iter().map(|r| r.kode.as_str())).collect();
        let parent_of = |kode: &str| -> Option<String> {
            kode.char_indices()
                .filter(|(_, c)| *c == '.')
                .map(|(i, _)| &kode[..i])
                .rev()
                .find(|p| known.contains(p))
                .map(String::from)
        };
        let shapes = self.kode_shapes();
        // Without stored programs, a program's kode is as short as the shortest root of the file.
        let new_roots = file_rows
            .iter()
            .filter(|r| !stored.contains_key(r.kode.as_str()) && parent_of(&r.kode).is_none())
            .map(|r| parts(&r.kode))
            .min();
        let mut order: Vec<usize> =
            (0..file_rows.len()).filter(|i| !stored.contains_key(file_rows[*i].kode.as_str())).collect();
        // Parents are shorter than their children: placing by length places parents first.
        order.sort_by_key(|i| (parts(&file_rows[*i].kode), file_rows[*i].row));
        let mut levels: HashMap<String, Option<BudgetLevel>> =
            stored.iter().map(|(k, b)| (k.to_string(), Some(b.level))).collect();
        let mut next_position: HashMap<Option<String>, i64> = HashMap::new();
        for b in stored.values() {
            let p = next_position.entry(b.parent.clone()).or_insert(0);
            *p = (*p).max(b.position);
        }
        let mut new_lines = Vec::new();
        for i in order {
            let r = &file_rows[i];
            let parent = parent_of(&r.kode);
            let mut ok = true;
            let level = match &parent {
                None => Some(BudgetLevel::Program),
                Some(p) => match levels.get(p).copied().flatten() {
                    Some(BudgetLevel::SubKegiatan) => {
                        self.problem(
                            Some(r.row),
                            kode_col,
                            SheetProblemKind::TooDeep { kode: r.kode.clone(), parent: p.clone() },
                        );
                        ok = false;
                        None
                    }
                    Some(l) => l.child(),
                    // The parent has a problem of its own.
                    None => None,
                },
            };
            if let Some(l) = level {
                let n = parts(&r.kode);
                let expected = match shapes.get(&l) {
                    Some((set, example)) => Some((set.clone(), example.clone())),
                    None if l == BudgetLevel::Program => new_roots.map(|m| (BTreeSet::from([m]), String::new())),
                    None => None,
                };
                if let Some((set, example)) = expected.filter(|(set, _)| !set.contains(&n)) {
                    ok = false;
                    let kind = if set.last().is_some_and(|max| n > *max) {
                        let missing = r.kode.rsplit_once('.').map_or(r.kode.clone(), |(head, _)| head.to_string());
                        SheetProblemKind::ParentMissing { kode: r.kode.clone(), parent: missing }
                    } else {
                        let parts = set.first().copied().unwrap_or(0);
                        SheetProblemKind::KodeShape { kode: r.kode.clone(), level: l, parts, example }
                    };
                    self.problem(Some(r.row), kode_col, kind);
                }
            }
            if r.name.is_empty() {
                ok = false;
                self.problem(
                    Some(r.row),
                    self.mapping.get(Target::Uraian).or(kode_col),
                    SheetProblemKind::NameRequired(r.kode.clone()),
                );
            }
            let level = level.filter(|_| ok);
            levels.insert(r.kode.clone(), level);
            // `rows` was built from `file_rows` in the same order.
            let Some(plan_row) = rows.get_mut(i) else { continue };
            plan_row.level = level;
            plan_row.parent = parent.clone();
            if !ok || r.invalid {
                plan_row.status = RowStatus::Invalid;
                continue;
            }
            let Some(level) = level else { continue };
            let position = next_position.entry(parent.clone()).or_insert(0);
            *position = position.saturating_add(1);
            let mut line = BudgetLine {
                year: self.year,
                kode: r.kode.clone(),
                parent,
                level,
                position: *position,
                name: r.name.clone(),
                pagu_murni: r.amounts[0],
                pagu_perubahan: r.amounts[1],
                realisasi: r.amounts[2],
                note: String::new(),
                source: crate::domain::FundingSource::Apbd,
                spending: crate::domain::SpendingType::Program,
                alokasi: None,
                fisik_pct: None,
                sisa: None,
            };
            // A new line shares its programme's funding source and spending type, where the
            // programme is already in the budget.
            if let Some(top) = line.parent.as_deref().and_then(|p| self.dataset.budget_top(self.year, p)) {
                line.source = top.source;
                line.spending = top.spending;
            }
            plan_row.changes.push(FieldChange::Name { old: String::new(), new: line.name.clone() });
            for (i, target) in Target::AMOUNTS.iter().enumerate() {
                if let (Some(new), Some(column)) = (r.amounts[i], target.budget_column()) {
                    plan_row.changes.push(FieldChange::Amount { column, old: None, new });
                }
            }
            new_lines.push(line);
        }
        new_lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_and_column_numbers() {
        for t in ["JUMLAH", "Jumlah Belanja", "Total", "SUB TOTAL", "Grand Total", "Sub-Jumlah"] {
            assert!(is_total(t), "{t}");
        }
        for t in ["Program Jumlah", "", "Penunjang"] {
            assert!(!is_total(t), "{t}");
        }
        let t = |v: &[&str]| v.iter().map(|s| Cell::Text(s.to_string())).collect::<Vec<_>>();
        assert!(is_column_numbers(&t(&["1", "2", "3", "4"])));
        assert!(is_column_numbers(&[Cell::Number(1.0), Cell::Empty, Cell::Number(2.0), Cell::Int(3)]));
        assert!(!is_column_numbers(&t(&["1", "Program", "3"])));
        assert!(!is_column_numbers(&t(&["1", "2"])));
        assert!(!is_column_numbers(&t(&["9223372036854775806", "9223372036854775807", "1"])));
    }

    #[test]
    fn kodes_and_letters() {
        assert_eq!(normalize_kode(&Cell::Text(" 1.4. 5. ".into())), "1.4.5");
        assert_eq!(normalize_kode(&Cell::Number(1.1)), "1.1");
        assert_eq!(normalize_kode(&Cell::Int(7)), "7");
        assert_eq!(letter_index("A"), Some(0));
        assert_eq!(letter_index("e"), Some(4));
        assert_eq!(letter_index("AB"), Some(27));
        assert_eq!(letter_index("Pagu Murni"), None);
    }
}
