use super::row::{dec_text, Row};
use super::{Problem, ProblemKind, Problems, Ref, Source, Unchecked};
use crate::domain::*;
use crate::entity::{each_part, Cell, Column, Entity, Kind, Part, PartVisitor};
use std::collections::{HashMap, HashSet};

/// An entity as the interchange format reads and writes it: its declaration
/// ([`crate::entity`]) and the checks of a record that go beyond its cells.
pub trait Record: Entity {
    /// Problems of a record whose every cell is valid (`end_year` before `start_year`, …),
    /// reported on `r`.
    fn check(&self, _r: &Row) {}
}

impl Record for Office {}
impl Record for Unit {}
impl Record for UnitDuty {}
impl Record for AssetItem {}
impl Record for Strategy {}
impl Record for Misi {}
impl Record for Tujuan {}
impl Record for Sasaran {
    fn check(&self, r: &Row) {
        match (&self.tujuan, &self.misi) {
            (Some(_), Some(_)) => r.problem("misi", ProblemKind::SasaranParent { both: true }),
            (None, None) => r.problem("tujuan", ProblemKind::SasaranParent { both: false }),
            _ => {}
        }
    }
}
impl Record for AgreementProgram {}
impl Record for Realisation {}
impl Record for RawFigure {}
impl Record for BudgetLine {
    fn check(&self, r: &Row) {
        for (column, rule) in crate::calc::rules::budget_line_rules(self) {
            if let Some(p) = rule_problem(rule) {
                r.problem(column, p);
            }
        }
    }
}
impl Record for ProgramSupport {}
impl Record for PrintedFigure {}
impl Record for Note {}
impl Record for Award {}
impl Record for AkipEvaluation {}
impl Record for AkipRecommendation {}
impl Record for Benchmark {}
impl Record for UmkmUpgrade {}
impl Record for ReportTable {}
impl Record for AchievementBand {}

impl Record for RenstraBaseline {
    fn check(&self, r: &Row) {
        for (column, rule) in crate::calc::rules::baseline_rules(self) {
            if let Some(p) = rule_problem(rule) {
                r.problem(column, p);
            }
        }
    }
}

/// A broken rule of `calc::rules` as the import's problem. The checks the import runs
/// (`budget_line_rules`, `baseline_rules`, `scale_rules`) produce only the rules named here;
/// the others belong to the window's whole-record checks and have no place in a file.
fn rule_problem(rule: crate::calc::rules::Rule) -> Option<ProblemKind> {
    use crate::calc::rules::Rule;
    Some(match rule {
        Rule::AlokasiWithPagu => ProblemKind::AlokasiWithPagu,
        Rule::RangeReversed { low, high } => ProblemKind::RangeReversed { target: low, high },
        Rule::HighWithoutLow => ProblemKind::Required,
        Rule::BandOrder { above } => ProblemKind::BandOrder { above },
        Rule::BandOpenNotLast => ProblemKind::BandOpenNotLast,
        Rule::FisikOutOfRange(_) | Rule::ClassOnChild { .. } | Rule::BandCodeTwice(_) | Rule::BandWithoutCode => {
            return None
        }
    })
}

impl Record for NarrativeSection {
    fn check(&self, r: &Row) {
        if SectionKey::parse(&self.section).is_none() {
            r.problem("section", ProblemKind::UnknownSection(self.section.clone()));
        }
    }
}

impl Record for StaffCount {
    fn check(&self, r: &Row) {
        if self.count < 0 {
            r.problem("count", ProblemKind::NotWholeNumber(self.count.to_string()));
        }
    }
}

impl Record for RenstraPeriod {
    fn check(&self, r: &Row) {
        if self.end_year < self.start_year {
            r.problem("end_year", ProblemKind::EndBeforeStart { start: self.start_year, end: self.end_year });
        }
    }
}

impl Record for Indicator {}

fn check_target(v: &TargetValue, r: &Row) {
    if let Some(high) = v.target_high.filter(|h| *h < v.target) {
        r.problem("target_high", ProblemKind::RangeReversed { target: v.target, high });
    }
}

impl Record for Target {
    fn check(&self, r: &Row) {
        check_target(&self.value, r);
    }
}

impl Record for AgreementTarget {
    fn check(&self, r: &Row) {
        check_target(&self.value, r);
    }
}

fn check_quarter(quarter: i64, r: &Row) {
    if !(1..=4).contains(&quarter) {
        r.problem("quarter", ProblemKind::NotQuarter(quarter));
    }
}

impl Record for QuarterProgress {
    fn check(&self, r: &Row) {
        check_quarter(self.quarter, r);
    }
}

impl Record for BudgetQuarter {
    fn check(&self, r: &Row) {
        check_quarter(self.quarter, r);
    }
}

/// The value of one column of a row as its kind reads it; problems go to `r`.
fn read_cell(r: &Row, c: &Column) -> Cell {
    let name = c.csv;
    let opt = |v: Option<Cell>| v.unwrap_or(Cell::Null);
    match c.kind {
        Kind::Text => Cell::Text(r.text(name)),
        Kind::Required => Cell::Text(r.req_text(name)),
        Kind::OptText => opt(r.opt_text(name).map(Cell::Text)),
        Kind::Int => Cell::Int(r.int(name)),
        Kind::IntOrZero => Cell::Int(r.opt_int(name).unwrap_or(0)),
        Kind::OptInt => opt(r.opt_int(name).map(Cell::Int)),
        Kind::Year => Cell::Int(i64::from(r.year(name))),
        Kind::Dec => Cell::Dec(r.dec(name)),
        Kind::OptDec => opt(r.opt_dec(name).map(Cell::Dec)),
        Kind::Money => {
            let m = r.opt_money(name);
            if m.is_none() && r.text(name).is_empty() {
                r.problem(name, ProblemKind::Required);
            }
            Cell::Money(m.unwrap_or_default())
        }
        Kind::OptMoney => opt(r.opt_money(name).map(Cell::Money)),
        Kind::Code(codes) | Kind::CodeOr(codes, _) => {
            let s = r.text(name);
            match c.kind {
                Kind::CodeOr(_, default) if s.is_empty() => return Cell::Text(default.to_string()),
                _ if s.is_empty() => r.problem(name, ProblemKind::Required),
                _ if !(codes.accepts)(&s) => {
                    r.problem(name, ProblemKind::UnknownCode { value: s.clone(), expected: (codes.list)() })
                }
                _ => {}
            }
            Cell::Text(s)
        }
        Kind::Bool => Cell::Bool(r.bool(name)),
    }
}

/// How a cell is written in a file.
fn write_cell(cell: Cell) -> String {
    match cell {
        Cell::Null => String::new(),
        Cell::Text(t) => t,
        Cell::Int(i) => i.to_string(),
        Cell::Dec(d) => dec_text(&d),
        Cell::Money(m) => m.to_string(),
        Cell::Bool(b) => b.to_string(),
    }
}

/// Rows of one file with their line numbers.
type Lines<T> = Vec<(usize, T)>;

/// What the reading found: the problems, and the rows it refused, so that a row referring to a
/// refused one is not reported as referring to nothing (one bad cell, one problem).
#[derive(Default)]
struct Reading {
    problems: Vec<Problem>,
    /// Files not read at all (missing, unreadable, a required column missing).
    unread: HashSet<&'static str>,
    /// Per file, the trimmed cells of each refused row by column heading.
    refused: HashMap<&'static str, Vec<HashMap<&'static str, String>>>,
}

impl Reading {
    /// Whether `value` in `column` of `file` may be a row that was refused.
    fn refused(&self, file: &str, column: &str, value: &str) -> bool {
        self.unread.contains(file)
            || self
                .refused
                .get(file)
                .is_some_and(|rows| rows.iter().any(|r| r.get(column).map(String::as_str) == Some(value)))
    }

    /// Whether a reference to `what` named `value` may name a refused row.
    fn refers_to_refused(&self, what: Ref, value: &str) -> bool {
        match what {
            Ref::Unit => self.refused(Unit::FILE, "code", value),
            Ref::Asset => self.refused(AssetItem::FILE, "code", value),
            Ref::Period => self.refused(RenstraPeriod::FILE, "code", value),
            Ref::Tujuan => self.refused(Tujuan::FILE, "code", value),
            Ref::Sasaran => self.refused(Sasaran::FILE, "code", value),
            Ref::Misi => self.refused(Misi::FILE, "code", value),
            Ref::Indicator => self.refused(Indicator::FILE, "code", value),
            Ref::Program | Ref::BudgetLine | Ref::ParentLine => self.refused(BudgetLine::FILE, "kode", value),
        }
    }
}

/// The delimiter of a file, from its header line: the one of `,`, `;` and tab that splits it
/// into the most known column names (a comma on a tie). `Err` with the delimiter when no known
/// name is found and the line is split by `;` or a tab, which is then named as the likely cause.
fn delimiter(header: &str, columns: &[Column]) -> Result<u8, char> {
    let known = |sep: char| {
        header.split(sep).filter(|h| columns.iter().any(|c| c.csv == h.trim().trim_matches('"').trim())).count()
    };
    let mut best = (known(','), b',');
    for sep in [';', '\t'] {
        let n = known(sep);
        if n > best.0 {
            best = (n, sep as u8);
        }
    }
    if best.0 == 0 {
        if let Some(sep) = [';', '\t'].into_iter().find(|s| header.contains(*s) && !header.contains(',')) {
            return Err(sep);
        }
    }
    Ok(best.1)
}

fn read_file<T: Record>(source: &dyn Source, reading: &mut Reading) -> Lines<T> {
    let file = T::FILE;
    let problems = &mut reading.problems;
    let whole = |kind| Problem { file: file.to_string(), line: None, column: None, kind };
    let bytes = match source.read(file) {
        Ok(Some(b)) => b,
        Ok(None) if T::OPTIONAL_FILE => return Vec::new(),
        Ok(None) => {
            problems.push(whole(ProblemKind::MissingFile));
            reading.unread.insert(file);
            return Vec::new();
        }
        Err(e) => {
            problems.push(whole(super::io_problem(&e)));
            reading.unread.insert(file);
            return Vec::new();
        }
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        problems.push(whole(ProblemKind::NotUtf8));
        reading.unread.insert(file);
        return Vec::new();
    };
    // Excel may write a first line `sep=;` naming the delimiter; the header follows it. Lines
    // are still counted in the file as it is.
    let first = text.lines().next().unwrap_or("");
    let (named, text, skipped) = match first.trim().strip_prefix("sep=").map(|s| s.as_bytes()) {
        Some([sep]) => (Some(*sep), text.split_once('\n').map_or("", |(_, rest)| rest), 1),
        _ => (None, text, 0),
    };
    let header_line = 1 + skipped;
    let sep = match named {
        Some(sep) => sep,
        None => match delimiter(text.lines().next().unwrap_or(""), T::COLUMNS) {
            Ok(sep) => sep,
            Err(sep) => {
                problems.push(Problem {
                    file: file.into(),
                    line: Some(header_line),
                    column: None,
                    kind: ProblemKind::Delimiter(sep),
                });
                reading.unread.insert(file);
                return Vec::new();
            }
        },
    };
    let mut reader = csv::ReaderBuilder::new().flexible(true).delimiter(sep).from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            problems.push(whole(ProblemKind::Unreadable(e.to_string())));
            reading.unread.insert(file);
            return Vec::new();
        }
    };
    let index: HashMap<String, usize> = headers.iter().enumerate().map(|(i, h)| (h.trim().to_string(), i)).collect();
    let mut header_ok = true;
    // The file's format version is that of the newest column it holds: every column up to it
    // must be there, later ones are read as empty (an older file upgraded on reading).
    let version = T::COLUMNS.iter().filter(|c| index.contains_key(c.csv)).map(|c| c.since).max().unwrap_or(1);
    for col in T::COLUMNS.iter().filter(|c| c.since <= version).map(|c| c.csv) {
        if !index.contains_key(col) {
            header_ok = false;
            problems.push(Problem {
                file: file.into(),
                line: Some(header_line),
                column: Some(col.to_string()),
                kind: ProblemKind::MissingColumn,
            });
        }
    }
    // An unknown column is reported, but the known ones are still read so that one misspelt
    // heading does not hide every other problem behind a cascade of missing references.
    for h in headers.iter() {
        if !h.trim().is_empty() && !T::COLUMNS.iter().any(|c| c.csv == h.trim()) {
            problems.push(Problem {
                file: file.into(),
                line: Some(header_line),
                column: Some(h.to_string()),
                kind: ProblemKind::UnknownColumn,
            });
        }
    }
    if !header_ok {
        reading.unread.insert(file);
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut refused = Vec::new();
    let raw = |record: &csv::StringRecord| -> HashMap<&'static str, String> {
        T::COLUMNS
            .iter()
            .map(|c| (c.csv, index.get(c.csv).and_then(|&i| record.get(i)).unwrap_or("").trim().to_string()))
            .collect()
    };
    for (i, record) in reader.records().enumerate() {
        // Counted in records, as a spreadsheet counts its rows (a cell's line breaks stay in it).
        let line = i + 2 + skipped;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(Problem {
                    file: file.into(),
                    line: Some(line),
                    column: None,
                    kind: ProblemKind::Unreadable(e.to_string()),
                });
                continue;
            }
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let row = Row::new(file, line, &index, &record);
        let cells: Vec<Cell> = T::COLUMNS.iter().map(|c| read_cell(&row, c)).collect();
        let cell_problems = row.into_problems();
        if !cell_problems.is_empty() {
            problems.extend(cell_problems);
            refused.push(raw(&record));
            continue;
        }
        // A record is made only of valid cells, so that its own checks see real values.
        let row = Row::new(file, line, &index, &record);
        match T::decode(cells) {
            Ok(value) => {
                value.check(&row);
                let row_problems = row.into_problems();
                if row_problems.is_empty() {
                    out.push((line, value));
                } else {
                    problems.extend(row_problems);
                    refused.push(raw(&record));
                }
            }
            // Only a declaration out of step with its conversions gets here; the tests read
            // every entity.
            Err(e) => {
                problems.push(Problem {
                    file: file.into(),
                    line: Some(line),
                    column: Some(T::COLUMNS.iter().find(|c| c.sql == e.column).map_or(e.column, |c| c.csv).into()),
                    kind: ProblemKind::Decode(e.to_string()),
                });
                refused.push(raw(&record));
            }
        }
    }
    if !refused.is_empty() {
        reading.refused.insert(file, refused);
    }
    out
}

fn write_file<T: Entity>(rows: &[T]) -> (&'static str, Vec<u8>) {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(T::COLUMNS.iter().map(|c| c.csv));
    for r in rows {
        let _ = w.write_record(r.file_cells().into_iter().map(write_cell));
    }
    (T::FILE, w.into_inner().unwrap_or_default())
}

/// Every file of a dataset, in order.
struct Writer<'a> {
    dataset: &'a Dataset,
    files: Vec<(&'static str, Vec<u8>)>,
}

impl PartVisitor for Writer<'_> {
    type Error = std::convert::Infallible;
    fn visit<P: Part>(&mut self) -> Result<(), Self::Error> {
        self.files.push(write_file(P::rows(self.dataset)));
        Ok(())
    }
}

pub(super) fn write_all(d: &Dataset) -> Vec<(&'static str, Vec<u8>)> {
    let mut w = Writer { dataset: d, files: vec![write_file(std::slice::from_ref(&d.office))] };
    let Ok(()) = each_part(&mut w);
    w.files
}

/// The parts' file names.
struct Names(Vec<&'static str>);

impl PartVisitor for Names {
    type Error = std::convert::Infallible;
    fn visit<P: Part>(&mut self) -> Result<(), Self::Error> {
        self.0.push(P::FILE);
        Ok(())
    }
}

/// All interchange file names, in reading order.
pub fn file_names() -> Vec<&'static str> {
    let mut names = Names(vec![Office::FILE]);
    let Ok(()) = each_part(&mut names);
    names.0
}

struct Checker<'a> {
    problems: &'a mut Vec<Problem>,
    reading: &'a Reading,
    /// Rows referring to a refused row, by file and line: not checked further, counted once.
    unchecked: Vec<(&'static str, usize)>,
}

impl Checker<'_> {
    fn push(&mut self, file: &str, line: usize, column: &str, kind: ProblemKind) {
        self.problems.push(Problem { file: file.into(), line: Some(line), column: Some(column.into()), kind });
    }
    fn unique<T, K: std::hash::Hash + Eq + std::fmt::Debug>(
        &mut self,
        file: &str,
        column: &str,
        rows: &Lines<T>,
        key: impl Fn(&T) -> K,
    ) -> HashSet<K> {
        let mut seen = HashSet::new();
        for (line, r) in rows {
            let k = key(r);
            if seen.contains(&k) {
                self.push(file, *line, column, ProblemKind::Duplicate(format!("{k:?}")));
            } else {
                seen.insert(k);
            }
        }
        seen
    }
    /// A reference that names nothing is a problem, unless what it names may be a row that was
    /// refused: that row's own problem says what to correct, and this row is left unchecked.
    fn exists(&mut self, file: &'static str, line: usize, column: &str, what: Ref, value: &str, ok: bool) {
        if ok {
            return;
        }
        if self.reading.refers_to_refused(what, value) {
            self.unchecked.push((file, line));
        } else {
            self.push(file, line, column, ProblemKind::UnknownReference { what, value: value.to_string() });
        }
    }
    /// One problem per cycle of references among `rows` (a unit that is its own grand-parent,
    /// …), at the line of the cycle's first row, naming the codes on it: `A → B → A`. Rows are
    /// found by `key` (the first of duplicates; those are reported on their own), `link` is the
    /// key a row refers to. Linear in the rows, without recursion.
    fn cycles<T, K: std::hash::Hash + Eq>(
        &mut self,
        file: &str,
        column: &str,
        rows: &Lines<T>,
        key: impl Fn(&T) -> K,
        link: impl Fn(&T) -> Option<K>,
        code: impl Fn(&T) -> String,
    ) {
        let mut index: HashMap<K, usize> = HashMap::with_capacity(rows.len());
        for (i, (_, r)) in rows.iter().enumerate() {
            index.entry(key(r)).or_insert(i);
        }
        let parent: Vec<Option<usize>> =
            rows.iter().map(|(_, r)| link(r).and_then(|k| index.get(&k).copied())).collect();
        for cycle in crate::calc::tree::find_cycles(&parent) {
            let mut codes: Vec<String> = cycle.iter().map(|i| code(&rows[*i].1)).collect();
            codes.push(codes[0].clone());
            self.push(file, rows[cycle[0]].0, column, ProblemKind::Cycle(codes));
        }
    }
}

pub(super) fn read_all(source: &dyn Source) -> Result<Dataset, Problems> {
    let mut reading = Reading::default();
    let office: Lines<Office> = read_file(source, &mut reading);
    let units: Lines<Unit> = read_file(source, &mut reading);
    let unit_duties: Lines<UnitDuty> = read_file(source, &mut reading);
    let staff: Lines<StaffCount> = read_file(source, &mut reading);
    let assets: Lines<AssetItem> = read_file(source, &mut reading);
    let periods: Lines<RenstraPeriod> = read_file(source, &mut reading);
    let strategies: Lines<Strategy> = read_file(source, &mut reading);
    let misi: Lines<Misi> = read_file(source, &mut reading);
    let tujuan: Lines<Tujuan> = read_file(source, &mut reading);
    let sasaran: Lines<Sasaran> = read_file(source, &mut reading);
    let indicators: Lines<Indicator> = read_file(source, &mut reading);
    let targets: Lines<Target> = read_file(source, &mut reading);
    let agreements: Lines<AgreementTarget> = read_file(source, &mut reading);
    let agreement_programs: Lines<AgreementProgram> = read_file(source, &mut reading);
    let realisations: Lines<Realisation> = read_file(source, &mut reading);
    let raw_figures: Lines<RawFigure> = read_file(source, &mut reading);
    let budget_lines: Lines<BudgetLine> = read_file(source, &mut reading);
    let program_support: Lines<ProgramSupport> = read_file(source, &mut reading);
    let printed_figures: Lines<PrintedFigure> = read_file(source, &mut reading);
    let notes: Lines<Note> = read_file(source, &mut reading);
    let awards: Lines<Award> = read_file(source, &mut reading);
    let akip_evaluations: Lines<AkipEvaluation> = read_file(source, &mut reading);
    let akip_recommendations: Lines<AkipRecommendation> = read_file(source, &mut reading);
    let benchmarks: Lines<Benchmark> = read_file(source, &mut reading);
    let umkm_upgrades: Lines<UmkmUpgrade> = read_file(source, &mut reading);
    let report_tables: Lines<ReportTable> = read_file(source, &mut reading);
    let quarters: Lines<QuarterProgress> = read_file(source, &mut reading);
    let budget_quarters: Lines<BudgetQuarter> = read_file(source, &mut reading);
    let narrative: Lines<NarrativeSection> = read_file(source, &mut reading);
    let achievement_bands: Lines<AchievementBand> = read_file(source, &mut reading);
    let baselines: Lines<RenstraBaseline> = read_file(source, &mut reading);

    // A folder holding none of the files is one problem, not one per file.
    let optional = [
        Misi::OPTIONAL_FILE,
        NarrativeSection::OPTIONAL_FILE,
        AchievementBand::OPTIONAL_FILE,
        RenstraBaseline::OPTIONAL_FILE,
    ];
    let required = file_names().len() - optional.into_iter().filter(|o| *o).count();
    let missing = reading.problems.iter().filter(|x| x.kind == ProblemKind::MissingFile).count();
    if missing == required {
        let folder = Problem { file: source.describe(), line: None, column: None, kind: ProblemKind::NoDatasetFiles };
        return Err(Problems::new(vec![folder]));
    }
    let mut p = std::mem::take(&mut reading.problems);
    if office.len() != 1 && !p.iter().any(|x| x.file == Office::FILE) {
        p.push(Problem {
            file: Office::FILE.into(),
            line: None,
            column: None,
            kind: ProblemKind::OfficeRows(office.len()),
        });
    }

    let mut c = Checker { problems: &mut p, reading: &reading, unchecked: Vec::new() };
    let unit_codes = c.unique(Unit::FILE, "code", &units, |u| u.code.clone());
    for (line, u) in &units {
        if let Some(par) = &u.parent {
            c.exists(Unit::FILE, *line, "parent", Ref::Unit, par, unit_codes.contains(par));
        }
    }
    c.cycles(Unit::FILE, "parent", &units, |u| u.code.clone(), |u| u.parent.clone(), |u| u.code.clone());
    for (line, d) in &unit_duties {
        c.exists(UnitDuty::FILE, *line, "unit", Ref::Unit, &d.unit, unit_codes.contains(&d.unit));
    }
    c.unique(StaffCount::FILE, "education", &staff, |s| (s.year, s.education.clone(), s.status.code()));
    let asset_keys = c.unique(AssetItem::FILE, "code", &assets, |a| (a.year, a.code.clone()));
    for (line, a) in &assets {
        if let Some(par) = &a.parent {
            c.exists(AssetItem::FILE, *line, "parent", Ref::Asset, par, asset_keys.contains(&(a.year, par.clone())));
        }
    }
    c.cycles(
        AssetItem::FILE,
        "parent",
        &assets,
        |a| (a.year, a.code.clone()),
        |a| a.parent.clone().map(|p| (a.year, p)),
        |a| a.code.clone(),
    );
    let period_codes = c.unique(RenstraPeriod::FILE, "code", &periods, |x| x.code.clone());
    for (line, x) in &strategies {
        c.exists(Strategy::FILE, *line, "period", Ref::Period, &x.period, period_codes.contains(&x.period));
    }
    c.unique(Misi::FILE, "code", &misi, |x| x.code.clone());
    for (line, x) in &misi {
        c.exists(Misi::FILE, *line, "period", Ref::Period, &x.period, period_codes.contains(&x.period));
    }
    // The first of duplicate codes, as the other references find them.
    let misi_period: HashMap<&str, &str> =
        misi.iter().rev().map(|(_, m)| (m.code.as_str(), m.period.as_str())).collect();
    let tujuan_codes = c.unique(Tujuan::FILE, "code", &tujuan, |x| x.code.clone());
    for (line, x) in &tujuan {
        c.exists(Tujuan::FILE, *line, "period", Ref::Period, &x.period, period_codes.contains(&x.period));
        if let Some(m) = &x.misi {
            match misi_period.get(m.as_str()) {
                None => c.exists(Tujuan::FILE, *line, "misi", Ref::Misi, m, false),
                Some(p) if *p != x.period => c.push(
                    Tujuan::FILE,
                    *line,
                    "misi",
                    ProblemKind::MisiOfOtherPeriod {
                        misi: m.clone(),
                        misi_period: p.to_string(),
                        period: x.period.clone(),
                    },
                ),
                Some(_) => {}
            }
        }
    }
    let sasaran_codes = c.unique(Sasaran::FILE, "code", &sasaran, |x| x.code.clone());
    for (line, x) in &sasaran {
        if let Some(t) = &x.tujuan {
            c.exists(Sasaran::FILE, *line, "tujuan", Ref::Tujuan, t, tujuan_codes.contains(t));
        }
        if let Some(m) = &x.misi {
            c.exists(Sasaran::FILE, *line, "misi", Ref::Misi, m, misi_period.contains_key(m.as_str()));
        }
    }
    let budget_keys = c.unique(BudgetLine::FILE, "kode", &budget_lines, |b| (b.year, b.kode.clone()));
    let program_kodes: HashSet<String> =
        budget_lines.iter().filter(|(_, b)| b.level == BudgetLevel::Program).map(|(_, b)| b.kode.clone()).collect();
    // By key, so that finding each line's parent stays linear in a city's hundred thousand lines.
    let budget_by_key: HashMap<(Year, &str), &BudgetLine> =
        budget_lines.iter().rev().map(|(_, b)| ((b.year, b.kode.as_str()), b)).collect();
    for (line, b) in &budget_lines {
        match &b.parent {
            Some(par) => {
                let parent_line = budget_by_key.get(&(b.year, par.as_str()));
                c.exists(
                    BudgetLine::FILE,
                    *line,
                    "parent",
                    Ref::ParentLine,
                    par,
                    budget_keys.contains(&(b.year, par.clone())),
                );
                if let Some(pl) = parent_line {
                    if pl.level.child() != Some(b.level) {
                        c.push(
                            BudgetLine::FILE,
                            *line,
                            "level",
                            ProblemKind::LevelUnder { level: b.level, parent: pl.level },
                        );
                    }
                    // A programme's money has one source and one spending type, so that totals
                    // per source and per type never split a programme.
                    if pl.source != b.source {
                        c.push(
                            BudgetLine::FILE,
                            *line,
                            "source",
                            ProblemKind::DiffersFromParent {
                                what: super::problem::ParentField::Source,
                                value: b.source.code().into(),
                                parent: pl.kode.clone(),
                                parent_value: pl.source.code().into(),
                            },
                        );
                    }
                    if pl.spending != b.spending {
                        c.push(
                            BudgetLine::FILE,
                            *line,
                            "spending",
                            ProblemKind::DiffersFromParent {
                                what: super::problem::ParentField::Spending,
                                value: b.spending.code().into(),
                                parent: pl.kode.clone(),
                                parent_value: pl.spending.code().into(),
                            },
                        );
                    }
                }
            }
            None if b.level != BudgetLevel::Program => {
                c.push(BudgetLine::FILE, *line, "parent", ProblemKind::NeedsParent(b.level))
            }
            None => {}
        }
    }
    c.cycles(
        BudgetLine::FILE,
        "parent",
        &budget_lines,
        |b| (b.year, b.kode.clone()),
        |b| b.parent.clone().map(|p| (b.year, p)),
        |b| b.kode.clone(),
    );
    let indicator_codes = c.unique(Indicator::FILE, "code", &indicators, |x| x.code.clone());
    for (line, x) in &indicators {
        c.exists(Indicator::FILE, *line, "period", Ref::Period, &x.period, period_codes.contains(&x.period));
        if let Some(par) = &x.parent {
            let (what, ok) = match x.level {
                IndicatorLevel::Tujuan => (Ref::Tujuan, tujuan_codes.contains(par)),
                IndicatorLevel::Sasaran => (Ref::Sasaran, sasaran_codes.contains(par)),
                IndicatorLevel::Program => (Ref::Program, program_kodes.contains(par)),
            };
            c.exists(Indicator::FILE, *line, "parent", what, par, ok);
        }
        if let Some(pre) = &x.predecessor {
            c.exists(Indicator::FILE, *line, "predecessor", Ref::Indicator, pre, indicator_codes.contains(pre));
        }
    }
    // An indicator's `parent` names a tujuan, a sasaran or a program, never another indicator,
    // so only `predecessor` can lead back to where it started.
    c.cycles(
        Indicator::FILE,
        "predecessor",
        &indicators,
        |x| x.code.clone(),
        |x| x.predecessor.clone(),
        |x| x.code.clone(),
    );
    let period_of: HashMap<&str, &str> = indicators.iter().map(|(_, i)| (i.code.as_str(), i.period.as_str())).collect();
    let polarity_of: HashMap<&str, Polarity> = indicators.iter().map(|(_, i)| (i.code.as_str(), i.polarity)).collect();
    // A high end only means something for a range.
    let high_without_range =
        |c: &mut Checker, file: &'static str, line: usize, indicator: &str, v: &TargetValue| match polarity_of
            .get(indicator)
        {
            Some(&polarity) if v.target_high.is_some() && !polarity.is_range() => c.push(
                file,
                line,
                "target_high",
                ProblemKind::HighWithoutRange { indicator: indicator.to_string(), polarity: polarity.code() },
            ),
            _ => {}
        };
    let period_span: HashMap<&str, (Year, Year)> =
        periods.iter().map(|(_, x)| (x.code.as_str(), (x.start_year, x.end_year))).collect();
    for (line, t) in &targets {
        c.exists(
            Target::FILE,
            *line,
            "indicator",
            Ref::Indicator,
            &t.indicator,
            indicator_codes.contains(&t.indicator),
        );
        high_without_range(&mut c, Target::FILE, *line, &t.indicator, &t.value);
        if let Some((a, b)) = period_of.get(t.indicator.as_str()).and_then(|p| period_span.get(p)) {
            if t.year < *a || t.year > *b {
                c.push(
                    Target::FILE,
                    *line,
                    "year",
                    ProblemKind::YearOutsidePeriod { year: t.year, start: *a, end: *b },
                );
            }
        }
    }
    c.unique(Target::FILE, "year", &targets, |t| (t.indicator.clone(), t.year));
    for (line, t) in &agreements {
        c.exists(
            AgreementTarget::FILE,
            *line,
            "indicator",
            Ref::Indicator,
            &t.indicator,
            indicator_codes.contains(&t.indicator),
        );
        high_without_range(&mut c, AgreementTarget::FILE, *line, &t.indicator, &t.value);
    }
    c.unique(AgreementTarget::FILE, "indicator", &agreements, |t| (t.indicator.clone(), t.year));
    for (line, x) in &agreement_programs {
        c.exists(
            AgreementProgram::FILE,
            *line,
            "program",
            Ref::Program,
            &x.program,
            program_kodes.contains(&x.program),
        );
    }
    for (line, x) in &realisations {
        c.exists(
            Realisation::FILE,
            *line,
            "indicator",
            Ref::Indicator,
            &x.indicator,
            indicator_codes.contains(&x.indicator),
        );
    }
    c.unique(Realisation::FILE, "year", &realisations, |t| (t.indicator.clone(), t.year));
    for (line, x) in &raw_figures {
        c.exists(
            RawFigure::FILE,
            *line,
            "indicator",
            Ref::Indicator,
            &x.indicator,
            indicator_codes.contains(&x.indicator),
        );
    }
    c.unique(RawFigure::FILE, "role", &raw_figures, |t| (t.indicator.clone(), t.year, t.role.code()));
    for (line, x) in &program_support {
        c.exists(ProgramSupport::FILE, *line, "program", Ref::Program, &x.program, program_kodes.contains(&x.program));
        c.exists(
            ProgramSupport::FILE,
            *line,
            "indicator",
            Ref::Indicator,
            &x.indicator,
            indicator_codes.contains(&x.indicator),
        );
    }
    c.unique(ProgramSupport::FILE, "indicator", &program_support, |t| (t.program.clone(), t.indicator.clone()));
    for (line, x) in &akip_evaluations {
        if let Some(i) = &x.indicator {
            c.exists(AkipEvaluation::FILE, *line, "indicator", Ref::Indicator, i, indicator_codes.contains(i));
        }
    }
    c.unique(AkipEvaluation::FILE, "year", &akip_evaluations, |t| t.year);
    for (line, x) in &benchmarks {
        c.exists(
            Benchmark::FILE,
            *line,
            "indicator",
            Ref::Indicator,
            &x.indicator,
            indicator_codes.contains(&x.indicator),
        );
    }
    c.unique(ReportTable::FILE, "id", &report_tables, |t| (t.year, t.id.clone()));
    for (line, q) in &quarters {
        c.exists(
            QuarterProgress::FILE,
            *line,
            "indicator",
            Ref::Indicator,
            &q.indicator,
            indicator_codes.contains(&q.indicator),
        );
    }
    c.unique(QuarterProgress::FILE, "quarter", &quarters, |q| (q.indicator.clone(), q.year, q.quarter));
    for (line, q) in &budget_quarters {
        c.exists(
            BudgetQuarter::FILE,
            *line,
            "kode",
            Ref::BudgetLine,
            &q.kode,
            budget_keys.contains(&(q.year, q.kode.clone())),
        );
    }
    c.unique(BudgetQuarter::FILE, "quarter", &budget_quarters, |q| (q.year, q.kode.clone(), q.quarter));
    for (line, t) in &report_tables {
        if t.kind.needs_indicator() {
            c.exists(
                ReportTable::FILE,
                *line,
                "subject",
                Ref::Indicator,
                &t.subject,
                indicator_codes.contains(&t.subject),
            );
        }
    }

    c.unique(NarrativeSection::FILE, "section", &narrative, |n| (n.year, n.section.clone()));
    for (line, n) in &narrative {
        if let Some(SectionKey::Iku { indicator, .. }) = SectionKey::parse(&n.section) {
            c.exists(
                NarrativeSection::FILE,
                *line,
                "section",
                Ref::Indicator,
                &indicator,
                indicator_codes.contains(&indicator),
            );
        }
    }

    c.unique(RenstraBaseline::FILE, "indicator", &baselines, |b| b.indicator.clone());
    for (line, b) in &baselines {
        let known = indicator_codes.contains(&b.indicator);
        c.exists(RenstraBaseline::FILE, *line, "indicator", Ref::Indicator, &b.indicator, known);
    }
    let band_file = AchievementBand::FILE;
    c.unique(band_file, "position", &achievement_bands, |b| (b.period.clone(), b.position));
    c.unique(band_file, "code", &achievement_bands, |b| (b.period.clone(), b.code.clone()));
    for (line, b) in &achievement_bands {
        c.exists(band_file, *line, "period", Ref::Period, &b.period, period_codes.contains(&b.period));
    }
    let mut by_period: Vec<&(usize, AchievementBand)> = achievement_bands.iter().collect();
    by_period.sort_by(|a, b| (&a.1.period, a.1.position).cmp(&(&b.1.period, b.1.position)));
    for scale in by_period.chunk_by(|a, b| a.1.period == b.1.period) {
        let bands: Vec<&AchievementBand> = scale.iter().map(|(_, b)| b).collect();
        for (i, rule) in crate::calc::rules::scale_rules(&bands) {
            if let Some(p) = rule_problem(rule) {
                c.push(band_file, scale[i].0, "lower", p);
            }
        }
    }

    fn strip<T>(v: Lines<T>) -> Vec<T> {
        v.into_iter().map(|(_, t)| t).collect()
    }
    // The narrative's references are checked against the data they name, so after it is read.
    let narrative_lines: Vec<usize> = narrative.iter().map(|(line, _)| *line).collect();
    // So are the printed figures' subjects, and their tables' names against the layout.
    let printed_lines: Vec<usize> = printed_figures.iter().map(|(line, _)| *line).collect();
    let d = Dataset {
        office: office.into_iter().next().map(|(_, o)| o).unwrap_or_default(),
        units: strip(units),
        unit_duties: strip(unit_duties),
        staff: strip(staff),
        assets: strip(assets),
        periods: strip(periods),
        strategies: strip(strategies),
        misi: strip(misi),
        tujuan: strip(tujuan),
        sasaran: strip(sasaran),
        indicators: strip(indicators),
        targets: strip(targets),
        agreements: strip(agreements),
        agreement_programs: strip(agreement_programs),
        realisations: strip(realisations),
        raw_figures: strip(raw_figures),
        budget_lines: strip(budget_lines),
        program_support: strip(program_support),
        printed_figures: strip(printed_figures),
        notes: strip(notes),
        awards: strip(awards),
        akip_evaluations: strip(akip_evaluations),
        akip_recommendations: strip(akip_recommendations),
        benchmarks: strip(benchmarks),
        umkm_upgrades: strip(umkm_upgrades),
        report_tables: strip(report_tables),
        quarters: strip(quarters),
        budget_quarters: strip(budget_quarters),
        narrative: strip(narrative),
        achievement_bands: strip(achievement_bands),
        baselines: strip(baselines),
        budget_index: Default::default(),
    };
    let mut unchecked = c.unchecked;
    printed_figure_checks(&d, &printed_lines, &reading, &mut p, &mut unchecked);
    for (n, line) in d.narrative.iter().zip(narrative_lines) {
        for problem in crate::calc::narrative::text_problems(&d, &n.text) {
            if names_refused(&reading, &problem) {
                unchecked.push((NarrativeSection::FILE, line));
                continue;
            }
            p.push(Problem {
                file: NarrativeSection::FILE.into(),
                line: Some(line),
                column: Some("text".into()),
                kind: ProblemKind::NarrativeText { section: n.section.clone(), problem },
            });
        }
    }
    if !p.is_empty() {
        return Err(Problems(p, unchecked_rows(unchecked)));
    }
    Ok(d)
}

/// Whether a problem of a narrative text is only that its reference names a refused row.
fn names_refused(reading: &Reading, problem: &crate::calc::narrative::TextProblem) -> bool {
    use crate::calc::narrative::TextProblem;
    match problem {
        TextProblem::Reference { error, .. } => subject_refused(reading, error),
        TextProblem::Syntax(_) => false,
    }
}

/// Whether a subject that names nothing may name a row that was refused (whose own problem says
/// what to correct).
fn subject_refused(reading: &Reading, error: &crate::calc::subject::RefError) -> bool {
    use crate::calc::subject::RefError;
    let (RefError::UnknownSubject { subject } | RefError::NotInYear { subject, .. }) = error else {
        return false;
    };
    let (kind, key) = crate::calc::subject::split(subject);
    let what = match kind {
        "indicator" | "support" | "program_indicators" => Ref::Indicator,
        "sasaran" => Ref::Sasaran,
        "budget" => Ref::BudgetLine,
        "benchmark" => return reading.refused(Benchmark::FILE, "position", key),
        _ => return false,
    };
    reading.refers_to_refused(what, key)
}

/// Whether a table name that names no table may name one of a refused row: a row of
/// `report_tables.csv`, or the indicator a table is about (`iku-analisis:IKU1`).
fn table_refused(reading: &Reading, name: &str) -> bool {
    let indicator = name.split_once(':').map(|(_, code)| code.split('@').next().unwrap_or(code));
    reading.unread.contains(ReportTable::FILE)
        || reading.refused.contains_key(ReportTable::FILE)
        || indicator.is_some_and(|code| reading.refers_to_refused(Ref::Indicator, code))
}

/// The printed figures checked against the data read (`lines`: their line numbers, in order):
/// a table written as a stable name must name a table of the figure's year; the subject must be
/// a kind of subject whose code names something of the data (of the figure's year for a budget
/// line or a benchmark, see `calc::subject`); the field must be one the subject has. Unique by
/// the table the row names (so `3.19` and `anggaran-program` are the same table), place,
/// subject and field.
fn printed_figure_checks(
    d: &Dataset,
    lines: &[usize],
    reading: &Reading,
    p: &mut Vec<Problem>,
    unchecked: &mut Vec<(&'static str, usize)>,
) {
    use crate::calc::subject::{check_field, check_subject, fields_of, split};
    let file = PrintedFigure::FILE;
    let mut push = |line: usize, column: &str, kind| {
        p.push(Problem { file: file.into(), line: Some(line), column: Some(column.into()), kind });
    };
    let mut seen = HashSet::new();
    for (f, &line) in d.printed_figures.iter().zip(lines) {
        let table = match crate::calc::layout::printed_table(d, f.year, &f.table) {
            Ok(id) => id,
            Err(_) if table_refused(reading, &f.table) => {
                unchecked.push((file, line));
                continue;
            }
            Err(names) => {
                let base = |n: &str| n.trim().split([':', '@']).next().unwrap_or_default().to_ascii_lowercase();
                let kind = base(&f.table);
                let same_kind: Vec<String> = names.iter().filter(|n| base(n) == kind).cloned().collect();
                let names = if same_kind.is_empty() { names } else { same_kind };
                push(line, "table", ProblemKind::UnknownTable { name: f.table.clone(), year: f.year, names });
                f.table.clone()
            }
        };
        let key = (f.year, table, f.place.code(), f.subject.clone(), f.field.clone());
        if seen.contains(&key) {
            push(line, "field", ProblemKind::Duplicate(format!("{key:?}")));
        } else {
            seen.insert(key);
        }
        let subject = check_subject(d, &f.subject, Some(f.year));
        match &subject {
            Err(e) if subject_refused(reading, e) => {
                unchecked.push((file, line));
                continue;
            }
            Err(e) => push(line, "subject", ProblemKind::PrintedFigure(e.clone())),
            Ok(()) => {}
        }
        // The fields are known once the kind and the key's shape are (`budget:*` or a kode).
        let (kind, key) = split(&f.subject);
        if !fields_of(kind, key).is_empty() {
            if let Err(e) = check_field(&f.subject, &f.field) {
                push(line, "field", ProblemKind::PrintedFigure(e));
            }
        }
    }
}

/// The rows left unchecked, each counted once, with their files in reading order.
fn unchecked_rows(mut rows: Vec<(&'static str, usize)>) -> Unchecked {
    let order = file_names();
    rows.sort_by_key(|(file, line)| (order.iter().position(|f| f == file), *line));
    rows.dedup();
    let mut files: Vec<String> = Vec::new();
    for (file, _) in &rows {
        if files.last().map(String::as_str) != Some(*file) {
            files.push(file.to_string());
        }
    }
    Unchecked { rows: rows.len(), files }
}
