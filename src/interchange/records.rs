use super::row::{dec_text, Row};
use super::{Problem, ProblemKind, Problems, Source};
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
impl Record for Tujuan {}
impl Record for Sasaran {}
impl Record for AgreementProgram {}
impl Record for Realisation {}
impl Record for RawFigure {}
impl Record for BudgetLine {}
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
        if let (Some(lo), Some(hi)) = (self.end_target, self.end_target_high) {
            if hi < lo {
                r.problem("end_target_high", ProblemKind::Invalid("end_target_high < end_target".into()));
            }
        }
        if self.end_target_high.is_some() && self.end_target.is_none() {
            r.problem("end_target", ProblemKind::Required);
        }
    }
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
            r.problem(
                "end_year",
                ProblemKind::Invalid(format!("end_year {} < start_year {}", self.end_year, self.start_year)),
            );
        }
    }
}

impl Record for Indicator {}

fn check_target(v: &TargetValue, r: &Row) {
    if v.target_high.is_some_and(|h| h < v.target) {
        r.problem("target_high", ProblemKind::Invalid("target_high < target".into()));
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
        r.problem(
            "quarter",
            ProblemKind::Invalid(format!("triwulan {quarter}: tulis 1, 2, 3 atau 4 / quarter {quarter}: write 1 to 4")),
        );
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

fn read_file<T: Record>(source: &dyn Source, problems: &mut Vec<Problem>) -> Lines<T> {
    let file = T::FILE;
    let whole = |kind| Problem { file: file.to_string(), line: None, column: None, kind };
    let bytes = match source.read(file) {
        Ok(Some(b)) => b,
        Ok(None) if T::OPTIONAL_FILE => return Vec::new(),
        Ok(None) => {
            problems.push(whole(ProblemKind::MissingFile));
            return Vec::new();
        }
        Err(e) => {
            problems.push(whole(ProblemKind::Unreadable(e.to_string())));
            return Vec::new();
        }
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if std::str::from_utf8(bytes).is_err() {
        problems.push(whole(ProblemKind::NotUtf8));
        return Vec::new();
    }
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            problems.push(whole(ProblemKind::Unreadable(e.to_string())));
            return Vec::new();
        }
    };
    let index: HashMap<String, usize> = headers.iter().enumerate().map(|(i, h)| (h.trim().to_string(), i)).collect();
    let mut header_ok = true;
    for col in T::COLUMNS.iter().map(|c| c.csv) {
        if !index.contains_key(col) {
            header_ok = false;
            problems.push(Problem {
                file: file.into(),
                line: Some(1),
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
                line: Some(1),
                column: Some(h.to_string()),
                kind: ProblemKind::UnknownColumn,
            });
        }
    }
    if !header_ok {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
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
                }
            }
            // Only a declaration out of step with its conversions gets here; the tests read
            // every entity.
            Err(e) => problems.push(Problem {
                file: file.into(),
                line: Some(line),
                column: Some(T::COLUMNS.iter().find(|c| c.sql == e.column).map_or(e.column, |c| c.csv).into()),
                kind: ProblemKind::Invalid(e.to_string()),
            }),
        }
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
    fn exists(&mut self, file: &str, line: usize, column: &str, what: &'static str, value: &str, ok: bool) {
        if !ok {
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
    let mut p = Vec::new();
    let office: Lines<Office> = read_file(source, &mut p);
    let units: Lines<Unit> = read_file(source, &mut p);
    let unit_duties: Lines<UnitDuty> = read_file(source, &mut p);
    let staff: Lines<StaffCount> = read_file(source, &mut p);
    let assets: Lines<AssetItem> = read_file(source, &mut p);
    let periods: Lines<RenstraPeriod> = read_file(source, &mut p);
    let strategies: Lines<Strategy> = read_file(source, &mut p);
    let tujuan: Lines<Tujuan> = read_file(source, &mut p);
    let sasaran: Lines<Sasaran> = read_file(source, &mut p);
    let indicators: Lines<Indicator> = read_file(source, &mut p);
    let targets: Lines<Target> = read_file(source, &mut p);
    let agreements: Lines<AgreementTarget> = read_file(source, &mut p);
    let agreement_programs: Lines<AgreementProgram> = read_file(source, &mut p);
    let realisations: Lines<Realisation> = read_file(source, &mut p);
    let raw_figures: Lines<RawFigure> = read_file(source, &mut p);
    let budget_lines: Lines<BudgetLine> = read_file(source, &mut p);
    let program_support: Lines<ProgramSupport> = read_file(source, &mut p);
    let printed_figures: Lines<PrintedFigure> = read_file(source, &mut p);
    let notes: Lines<Note> = read_file(source, &mut p);
    let awards: Lines<Award> = read_file(source, &mut p);
    let akip_evaluations: Lines<AkipEvaluation> = read_file(source, &mut p);
    let akip_recommendations: Lines<AkipRecommendation> = read_file(source, &mut p);
    let benchmarks: Lines<Benchmark> = read_file(source, &mut p);
    let umkm_upgrades: Lines<UmkmUpgrade> = read_file(source, &mut p);
    let report_tables: Lines<ReportTable> = read_file(source, &mut p);
    let quarters: Lines<QuarterProgress> = read_file(source, &mut p);
    let budget_quarters: Lines<BudgetQuarter> = read_file(source, &mut p);
    let narrative: Lines<NarrativeSection> = read_file(source, &mut p);
    let achievement_bands: Lines<AchievementBand> = read_file(source, &mut p);
    let baselines: Lines<RenstraBaseline> = read_file(source, &mut p);

    if office.len() != 1 && !p.iter().any(|x| x.file == Office::FILE) {
        p.push(Problem {
            file: Office::FILE.into(),
            line: None,
            column: None,
            kind: ProblemKind::Invalid(format!(
                "harus berisi tepat satu baris kantor, ada {} / must hold exactly one office row, found {}",
                office.len(),
                office.len()
            )),
        });
    }

    let mut c = Checker { problems: &mut p };
    let unit_codes = c.unique(Unit::FILE, "code", &units, |u| u.code.clone());
    for (line, u) in &units {
        if let Some(par) = &u.parent {
            c.exists(Unit::FILE, *line, "parent", "unit", par, unit_codes.contains(par));
        }
    }
    c.cycles(Unit::FILE, "parent", &units, |u| u.code.clone(), |u| u.parent.clone(), |u| u.code.clone());
    for (line, d) in &unit_duties {
        c.exists(UnitDuty::FILE, *line, "unit", "unit", &d.unit, unit_codes.contains(&d.unit));
    }
    c.unique(StaffCount::FILE, "education", &staff, |s| (s.year, s.education.clone(), s.status.code()));
    let asset_keys = c.unique(AssetItem::FILE, "code", &assets, |a| (a.year, a.code.clone()));
    for (line, a) in &assets {
        if let Some(par) = &a.parent {
            c.exists(AssetItem::FILE, *line, "parent", "aset", par, asset_keys.contains(&(a.year, par.clone())));
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
        c.exists(Strategy::FILE, *line, "period", "periode Renstra", &x.period, period_codes.contains(&x.period));
    }
    let tujuan_codes = c.unique(Tujuan::FILE, "code", &tujuan, |x| x.code.clone());
    for (line, x) in &tujuan {
        c.exists(Tujuan::FILE, *line, "period", "periode Renstra", &x.period, period_codes.contains(&x.period));
    }
    let sasaran_codes = c.unique(Sasaran::FILE, "code", &sasaran, |x| x.code.clone());
    for (line, x) in &sasaran {
        c.exists(Sasaran::FILE, *line, "tujuan", "tujuan", &x.tujuan, tujuan_codes.contains(&x.tujuan));
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
                    "kode induk",
                    par,
                    budget_keys.contains(&(b.year, par.clone())),
                );
                if let Some(pl) = parent_line {
                    if pl.level.child() != Some(b.level) {
                        c.push(
                            BudgetLine::FILE,
                            *line,
                            "level",
                            ProblemKind::Invalid(format!(
                                "tingkat '{}' tidak boleh berada di bawah '{}' / level '{}' cannot sit under '{}'",
                                b.level.code(),
                                pl.level.code(),
                                b.level.code(),
                                pl.level.code()
                            )),
                        );
                    }
                }
            }
            None if b.level != BudgetLevel::Program => c.push(
                BudgetLine::FILE,
                *line,
                "parent",
                ProblemKind::Invalid(
                    "kegiatan dan sub-kegiatan wajib punya induk / kegiatan and sub-kegiatan need a parent".into(),
                ),
            ),
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
        c.exists(Indicator::FILE, *line, "period", "periode Renstra", &x.period, period_codes.contains(&x.period));
        if let Some(par) = &x.parent {
            let ok = match x.level {
                IndicatorLevel::Tujuan => tujuan_codes.contains(par),
                IndicatorLevel::Sasaran => sasaran_codes.contains(par),
                IndicatorLevel::Program => program_kodes.contains(par),
            };
            c.exists(Indicator::FILE, *line, "parent", "induk indikator", par, ok);
        }
        if let Some(pre) = &x.predecessor {
            c.exists(Indicator::FILE, *line, "predecessor", "indikator", pre, indicator_codes.contains(pre));
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
    let period_span: HashMap<&str, (Year, Year)> =
        periods.iter().map(|(_, x)| (x.code.as_str(), (x.start_year, x.end_year))).collect();
    for (line, t) in &targets {
        c.exists(Target::FILE, *line, "indicator", "indikator", &t.indicator, indicator_codes.contains(&t.indicator));
        if let Some((a, b)) = period_of.get(t.indicator.as_str()).and_then(|p| period_span.get(p)) {
            if t.year < *a || t.year > *b {
                c.push(
                    Target::FILE,
                    *line,
                    "year",
                    ProblemKind::Invalid(format!(
                        "tahun {} di luar periode Renstra {a}–{b} / year {} is outside the Renstra period {a}–{b}",
                        t.year, t.year
                    )),
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
            "indikator",
            &t.indicator,
            indicator_codes.contains(&t.indicator),
        );
    }
    c.unique(AgreementTarget::FILE, "indicator", &agreements, |t| (t.indicator.clone(), t.year));
    for (line, x) in &agreement_programs {
        c.exists(AgreementProgram::FILE, *line, "program", "program", &x.program, program_kodes.contains(&x.program));
    }
    for (line, x) in &realisations {
        c.exists(
            Realisation::FILE,
            *line,
            "indicator",
            "indikator",
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
            "indikator",
            &x.indicator,
            indicator_codes.contains(&x.indicator),
        );
    }
    c.unique(RawFigure::FILE, "role", &raw_figures, |t| (t.indicator.clone(), t.year, t.role.code()));
    for (line, x) in &program_support {
        c.exists(ProgramSupport::FILE, *line, "program", "program", &x.program, program_kodes.contains(&x.program));
        c.exists(
            ProgramSupport::FILE,
            *line,
            "indicator",
            "indikator",
            &x.indicator,
            indicator_codes.contains(&x.indicator),
        );
    }
    c.unique(ProgramSupport::FILE, "indicator", &program_support, |t| (t.program.clone(), t.indicator.clone()));
    c.unique(PrintedFigure::FILE, "field", &printed_figures, |t| {
        (t.year, t.table.clone(), t.place.code(), t.subject.clone(), t.field.clone())
    });
    for (line, x) in &akip_evaluations {
        if let Some(i) = &x.indicator {
            c.exists(AkipEvaluation::FILE, *line, "indicator", "indikator", i, indicator_codes.contains(i));
        }
    }
    c.unique(AkipEvaluation::FILE, "year", &akip_evaluations, |t| t.year);
    for (line, x) in &benchmarks {
        c.exists(
            Benchmark::FILE,
            *line,
            "indicator",
            "indikator",
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
            "indikator",
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
            "baris anggaran",
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
                "indikator",
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
                "indikator",
                &indicator,
                indicator_codes.contains(&indicator),
            );
        }
    }

    c.unique(RenstraBaseline::FILE, "indicator", &baselines, |b| b.indicator.clone());
    for (line, b) in &baselines {
        let known = indicator_codes.contains(&b.indicator);
        c.exists(RenstraBaseline::FILE, *line, "indicator", "indikator", &b.indicator, known);
    }
    let band_file = AchievementBand::FILE;
    c.unique(band_file, "position", &achievement_bands, |b| (b.period.clone(), b.position));
    c.unique(band_file, "code", &achievement_bands, |b| (b.period.clone(), b.code.clone()));
    for (line, b) in &achievement_bands {
        c.exists(band_file, *line, "period", "periode Renstra", &b.period, period_codes.contains(&b.period));
    }
    let mut by_period: Vec<&(usize, AchievementBand)> = achievement_bands.iter().collect();
    by_period.sort_by(|a, b| (&a.1.period, a.1.position).cmp(&(&b.1.period, b.1.position)));
    for pair in by_period.windows(2) {
        let ((above_line, above), (line, band)) = (pair[0], pair[1]);
        if above.period != band.period {
            continue;
        }
        match (above.lower, band.lower) {
            (None, _) => c.push(band_file, *above_line, "lower", ProblemKind::BandOpenNotLast),
            (Some(a), Some(b)) if b >= a => {
                c.push(band_file, *line, "lower", ProblemKind::BandOrder { above: above.code.clone() })
            }
            _ => {}
        }
    }

    fn strip<T>(v: Lines<T>) -> Vec<T> {
        v.into_iter().map(|(_, t)| t).collect()
    }
    // The narrative's references are checked against the data they name, so after it is read.
    let narrative_lines: Vec<usize> = narrative.iter().map(|(line, _)| *line).collect();
    let d = Dataset {
        office: office.into_iter().next().map(|(_, o)| o).unwrap_or_default(),
        units: strip(units),
        unit_duties: strip(unit_duties),
        staff: strip(staff),
        assets: strip(assets),
        periods: strip(periods),
        strategies: strip(strategies),
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
    for (n, line) in d.narrative.iter().zip(narrative_lines) {
        for problem in crate::calc::narrative::text_problems(&d, &n.text) {
            p.push(Problem {
                file: NarrativeSection::FILE.into(),
                line: Some(line),
                column: Some("text".into()),
                kind: ProblemKind::NarrativeText { section: n.section.clone(), problem },
            });
        }
    }
    if !p.is_empty() {
        return Err(Problems(p));
    }
    Ok(d)
}
