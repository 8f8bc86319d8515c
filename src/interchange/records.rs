use super::row::{dec_text, opt, Row};
use super::{Problem, ProblemKind, Problems, Source};
use crate::domain::*;
use std::collections::{HashMap, HashSet};

/// One entity of the interchange format: its file, its columns, and how a row maps to it.
pub trait Record: Sized {
    const FILE: &'static str;
    const COLUMNS: &'static [&'static str];
    fn parse(row: &Row) -> Self;
    fn write(&self) -> Vec<String>;
}

fn s(v: &str) -> String {
    v.to_string()
}
fn n<T: ToString>(v: T) -> String {
    v.to_string()
}
fn parent(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

impl Record for Office {
    const FILE: &'static str = "office.csv";
    const COLUMNS: &'static [&'static str] = &["code", "name", "short_name", "government", "address", "legal_basis"];
    fn parse(r: &Row) -> Self {
        Office {
            code: r.req_text("code"),
            name: r.req_text("name"),
            short_name: r.text("short_name"),
            government: r.text("government"),
            address: r.text("address"),
            legal_basis: r.text("legal_basis"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![
            s(&self.code),
            s(&self.name),
            s(&self.short_name),
            s(&self.government),
            s(&self.address),
            s(&self.legal_basis),
        ]
    }
}

impl Record for Unit {
    const FILE: &'static str = "units.csv";
    const COLUMNS: &'static [&'static str] = &["code", "parent", "position", "kind", "name"];
    fn parse(r: &Row) -> Self {
        Unit {
            code: r.req_text("code"),
            parent: r.opt_text("parent"),
            position: r.int("position"),
            kind: r.coded("kind", UnitKind::Division),
            name: r.req_text("name"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![s(&self.code), parent(&self.parent), n(self.position), s(self.kind.code()), s(&self.name)]
    }
}

impl Record for UnitDuty {
    const FILE: &'static str = "unit_duties.csv";
    const COLUMNS: &'static [&'static str] = &["unit", "position", "level", "label", "kind", "text"];
    fn parse(r: &Row) -> Self {
        UnitDuty {
            unit: r.req_text("unit"),
            position: r.int("position"),
            level: r.opt_int("level").unwrap_or(0),
            label: r.text("label"),
            kind: r.coded("kind", DutyKind::Fungsi),
            text: r.req_text("text"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![s(&self.unit), n(self.position), n(self.level), s(&self.label), s(self.kind.code()), s(&self.text)]
    }
}

impl Record for StaffCount {
    const FILE: &'static str = "staff.csv";
    const COLUMNS: &'static [&'static str] = &["year", "position", "education", "status", "count"];
    fn parse(r: &Row) -> Self {
        let count = r.int("count");
        if count < 0 {
            r.problem("count", ProblemKind::NotWholeNumber(count.to_string()));
        }
        StaffCount {
            year: r.year("year"),
            position: r.int("position"),
            education: r.req_text("education"),
            status: r.coded("status", StaffStatus::Pns),
            count,
        }
    }
    fn write(&self) -> Vec<String> {
        vec![n(self.year), n(self.position), s(&self.education), s(self.status.code()), n(self.count)]
    }
}

impl Record for AssetItem {
    const FILE: &'static str = "assets.csv";
    const COLUMNS: &'static [&'static str] =
        &["year", "code", "parent", "position", "label", "name", "count", "value", "note"];
    fn parse(r: &Row) -> Self {
        AssetItem {
            year: r.year("year"),
            code: r.req_text("code"),
            parent: r.opt_text("parent"),
            position: r.int("position"),
            label: r.text("label"),
            name: r.req_text("name"),
            count: r.opt_int("count"),
            value: r.opt_money("value"),
            note: r.text("note"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![
            n(self.year),
            s(&self.code),
            parent(&self.parent),
            n(self.position),
            s(&self.label),
            s(&self.name),
            opt(&self.count),
            opt(&self.value),
            s(&self.note),
        ]
    }
}

impl Record for RenstraPeriod {
    const FILE: &'static str = "periods.csv";
    const COLUMNS: &'static [&'static str] = &["code", "start_year", "end_year", "name", "basis"];
    fn parse(r: &Row) -> Self {
        let p = RenstraPeriod {
            code: r.req_text("code"),
            start_year: r.year("start_year"),
            end_year: r.year("end_year"),
            name: r.text("name"),
            basis: r.text("basis"),
        };
        if p.end_year < p.start_year {
            r.problem(
                "end_year",
                ProblemKind::Invalid(format!("end_year {} < start_year {}", p.end_year, p.start_year)),
            );
        }
        p
    }
    fn write(&self) -> Vec<String> {
        vec![s(&self.code), n(self.start_year), n(self.end_year), s(&self.name), s(&self.basis)]
    }
}

impl Record for Strategy {
    const FILE: &'static str = "strategies.csv";
    const COLUMNS: &'static [&'static str] = &["period", "position", "text"];
    fn parse(r: &Row) -> Self {
        Strategy { period: r.req_text("period"), position: r.int("position"), text: r.req_text("text") }
    }
    fn write(&self) -> Vec<String> {
        vec![s(&self.period), n(self.position), s(&self.text)]
    }
}

impl Record for Tujuan {
    const FILE: &'static str = "tujuan.csv";
    const COLUMNS: &'static [&'static str] = &["period", "code", "position", "name"];
    fn parse(r: &Row) -> Self {
        Tujuan {
            period: r.req_text("period"),
            code: r.req_text("code"),
            position: r.int("position"),
            name: r.req_text("name"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![s(&self.period), s(&self.code), n(self.position), s(&self.name)]
    }
}

impl Record for Sasaran {
    const FILE: &'static str = "sasaran.csv";
    const COLUMNS: &'static [&'static str] = &["tujuan", "code", "position", "name"];
    fn parse(r: &Row) -> Self {
        Sasaran {
            tujuan: r.req_text("tujuan"),
            code: r.req_text("code"),
            position: r.int("position"),
            name: r.req_text("name"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![s(&self.tujuan), s(&self.code), n(self.position), s(&self.name)]
    }
}

impl Record for Indicator {
    const FILE: &'static str = "indicators.csv";
    const COLUMNS: &'static [&'static str] = &[
        "code",
        "period",
        "level",
        "parent",
        "position",
        "name",
        "satuan",
        "polarity",
        "capaian_rule",
        "formula",
        "formula_text",
        "definition",
        "alasan",
        "data_source",
        "responsible",
        "iku",
        "predecessor",
        "comparable",
        "quarter_rule",
        "note",
    ];
    fn parse(r: &Row) -> Self {
        Indicator {
            code: r.req_text("code"),
            period: r.req_text("period"),
            level: r.coded("level", IndicatorLevel::Sasaran),
            parent: r.opt_text("parent"),
            position: r.int("position"),
            name: r.req_text("name"),
            satuan: r.text("satuan"),
            polarity: r.coded("polarity", Polarity::HigherIsBetter),
            capaian_rule: r.opt_coded("capaian_rule").unwrap_or_default(),
            formula: r.opt_coded("formula").unwrap_or(FormulaKind::Value),
            formula_text: r.text("formula_text"),
            definition: r.text("definition"),
            alasan: r.text("alasan"),
            data_source: r.text("data_source"),
            responsible: r.text("responsible"),
            iku: r.bool("iku"),
            predecessor: r.opt_text("predecessor"),
            comparable: r.bool("comparable"),
            quarter_rule: r.opt_coded("quarter_rule").unwrap_or_default(),
            note: r.text("note"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![
            s(&self.code),
            s(&self.period),
            s(self.level.code()),
            parent(&self.parent),
            n(self.position),
            s(&self.name),
            s(&self.satuan),
            s(self.polarity.code()),
            s(self.capaian_rule.code()),
            s(self.formula.code()),
            s(&self.formula_text),
            s(&self.definition),
            s(&self.alasan),
            s(&self.data_source),
            s(&self.responsible),
            n(self.iku),
            parent(&self.predecessor),
            if self.predecessor.is_some() { n(self.comparable) } else { String::new() },
            s(self.quarter_rule.code()),
            s(&self.note),
        ]
    }
}

fn target_value(r: &Row) -> TargetValue {
    let v = TargetValue { target: r.dec("target"), target_high: r.opt_dec("target_high") };
    if v.target_high.is_some_and(|h| h < v.target) {
        r.problem("target_high", ProblemKind::Invalid("target_high < target".into()));
    }
    v
}

impl Record for Target {
    const FILE: &'static str = "targets.csv";
    const COLUMNS: &'static [&'static str] = &["indicator", "year", "target", "target_high", "note"];
    fn parse(r: &Row) -> Self {
        Target {
            indicator: r.req_text("indicator"),
            year: r.year("year"),
            value: target_value(r),
            note: r.text("note"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![
            s(&self.indicator),
            n(self.year),
            dec_text(&self.value.target),
            opt(&self.value.target_high),
            s(&self.note),
        ]
    }
}

impl Record for AgreementTarget {
    const FILE: &'static str = "agreements.csv";
    const COLUMNS: &'static [&'static str] = &["year", "indicator", "target", "target_high", "note"];
    fn parse(r: &Row) -> Self {
        AgreementTarget {
            year: r.year("year"),
            indicator: r.req_text("indicator"),
            value: target_value(r),
            note: r.text("note"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![
            n(self.year),
            s(&self.indicator),
            dec_text(&self.value.target),
            opt(&self.value.target_high),
            s(&self.note),
        ]
    }
}

impl Record for AgreementProgram {
    const FILE: &'static str = "agreement_programs.csv";
    const COLUMNS: &'static [&'static str] =
        &["year", "program", "position", "name", "pagu_murni", "pagu_perubahan", "note"];
    fn parse(r: &Row) -> Self {
        AgreementProgram {
            year: r.year("year"),
            program: r.req_text("program"),
            position: r.int("position"),
            name: r.req_text("name"),
            pagu_murni: r.opt_money("pagu_murni"),
            pagu_perubahan: r.opt_money("pagu_perubahan"),
            note: r.text("note"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![
            n(self.year),
            s(&self.program),
            n(self.position),
            s(&self.name),
            opt(&self.pagu_murni),
            opt(&self.pagu_perubahan),
            s(&self.note),
        ]
    }
}

impl Record for Realisation {
    const FILE: &'static str = "realisations.csv";
    const COLUMNS: &'static [&'static str] = &["indicator", "year", "realisasi", "note"];
    fn parse(r: &Row) -> Self {
        Realisation {
            indicator: r.req_text("indicator"),
            year: r.year("year"),
            realisasi: r.dec("realisasi"),
            note: r.text("note"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![s(&self.indicator), n(self.year), dec_text(&self.realisasi), s(&self.note)]
    }
}

impl Record for RawFigure {
    const FILE: &'static str = "raw_figures.csv";
    const COLUMNS: &'static [&'static str] = &["indicator", "year", "role", "value", "label", "note"];
    fn parse(r: &Row) -> Self {
        RawFigure {
            indicator: r.req_text("indicator"),
            year: r.year("year"),
            role: r.coded("role", RawRole::Current),
            value: r.dec("value"),
            label: r.text("label"),
            note: r.text("note"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![
            s(&self.indicator),
            n(self.year),
            s(self.role.code()),
            dec_text(&self.value),
            s(&self.label),
            s(&self.note),
        ]
    }
}

impl Record for BudgetLine {
    const FILE: &'static str = "budget_lines.csv";
    const COLUMNS: &'static [&'static str] =
        &["year", "kode", "parent", "level", "position", "name", "pagu_murni", "pagu_perubahan", "realisasi", "note"];
    fn parse(r: &Row) -> Self {
        BudgetLine {
            year: r.year("year"),
            kode: r.req_text("kode"),
            parent: r.opt_text("parent"),
            level: r.coded("level", BudgetLevel::Program),
            position: r.int("position"),
            name: r.req_text("name"),
            pagu_murni: r.opt_money("pagu_murni"),
            pagu_perubahan: r.opt_money("pagu_perubahan"),
            realisasi: r.opt_money("realisasi"),
            note: r.text("note"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![
            n(self.year),
            s(&self.kode),
            parent(&self.parent),
            s(self.level.code()),
            n(self.position),
            s(&self.name),
            opt(&self.pagu_murni),
            opt(&self.pagu_perubahan),
            opt(&self.realisasi),
            s(&self.note),
        ]
    }
}

impl Record for ProgramSupport {
    const FILE: &'static str = "program_support.csv";
    const COLUMNS: &'static [&'static str] = &["program", "indicator"];
    fn parse(r: &Row) -> Self {
        ProgramSupport { program: r.req_text("program"), indicator: r.req_text("indicator") }
    }
    fn write(&self) -> Vec<String> {
        vec![s(&self.program), s(&self.indicator)]
    }
}

impl Record for PrintedFigure {
    const FILE: &'static str = "printed_figures.csv";
    const COLUMNS: &'static [&'static str] =
        &["year", "table", "place", "subject", "field", "printed", "value", "note"];
    fn parse(r: &Row) -> Self {
        PrintedFigure {
            year: r.year("year"),
            table: r.req_text("table"),
            place: r.coded("place", Place::Table),
            subject: r.req_text("subject"),
            field: r.req_text("field"),
            printed: r.req_text("printed"),
            value: r.opt_dec("value"),
            note: r.text("note"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![
            n(self.year),
            s(&self.table),
            s(self.place.code()),
            s(&self.subject),
            s(&self.field),
            s(&self.printed),
            opt(&self.value),
            s(&self.note),
        ]
    }
}

impl Record for Note {
    const FILE: &'static str = "notes.csv";
    const COLUMNS: &'static [&'static str] = &["year", "subject", "kind", "position", "text"];
    fn parse(r: &Row) -> Self {
        Note {
            year: r.year("year"),
            subject: r.req_text("subject"),
            kind: r.req_text("kind"),
            position: r.int("position"),
            text: r.req_text("text"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![n(self.year), s(&self.subject), s(&self.kind), n(self.position), s(&self.text)]
    }
}

impl Record for Award {
    const FILE: &'static str = "awards.csv";
    const COLUMNS: &'static [&'static str] = &["year", "position", "giver", "description"];
    fn parse(r: &Row) -> Self {
        Award {
            year: r.year("year"),
            position: r.int("position"),
            giver: r.text("giver"),
            description: r.req_text("description"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![n(self.year), n(self.position), s(&self.giver), s(&self.description)]
    }
}

impl Record for AkipEvaluation {
    const FILE: &'static str = "akip_evaluations.csv";
    const COLUMNS: &'static [&'static str] = &[
        "year",
        "score",
        "predicate",
        "perencanaan",
        "pengukuran",
        "pelaporan",
        "evaluasi",
        "evaluator",
        "indicator",
        "note",
    ];
    fn parse(r: &Row) -> Self {
        AkipEvaluation {
            year: r.year("year"),
            score: r.dec("score"),
            predicate: r.text("predicate"),
            perencanaan: r.opt_dec("perencanaan"),
            pengukuran: r.opt_dec("pengukuran"),
            pelaporan: r.opt_dec("pelaporan"),
            evaluasi: r.opt_dec("evaluasi"),
            evaluator: r.text("evaluator"),
            indicator: r.opt_text("indicator"),
            note: r.text("note"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![
            n(self.year),
            dec_text(&self.score),
            s(&self.predicate),
            opt(&self.perencanaan),
            opt(&self.pengukuran),
            opt(&self.pelaporan),
            opt(&self.evaluasi),
            s(&self.evaluator),
            parent(&self.indicator),
            s(&self.note),
        ]
    }
}

impl Record for AkipRecommendation {
    const FILE: &'static str = "akip_recommendations.csv";
    const COLUMNS: &'static [&'static str] =
        &["evaluation_year", "followup_year", "position", "recommendation", "follow_up"];
    fn parse(r: &Row) -> Self {
        AkipRecommendation {
            evaluation_year: r.year("evaluation_year"),
            followup_year: r.year("followup_year"),
            position: r.int("position"),
            recommendation: r.req_text("recommendation"),
            follow_up: r.text("follow_up"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![
            n(self.evaluation_year),
            n(self.followup_year),
            n(self.position),
            s(&self.recommendation),
            s(&self.follow_up),
        ]
    }
}

impl Record for Benchmark {
    const FILE: &'static str = "benchmarks.csv";
    const COLUMNS: &'static [&'static str] =
        &["year", "indicator", "position", "name", "source", "benchmark_year", "satuan", "target", "realisasi", "note"];
    fn parse(r: &Row) -> Self {
        Benchmark {
            year: r.year("year"),
            indicator: r.req_text("indicator"),
            position: r.int("position"),
            name: r.req_text("name"),
            source: r.text("source"),
            benchmark_year: r.year("benchmark_year"),
            satuan: r.text("satuan"),
            target: r.opt_dec("target"),
            realisasi: r.opt_dec("realisasi"),
            note: r.text("note"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![
            n(self.year),
            s(&self.indicator),
            n(self.position),
            s(&self.name),
            s(&self.source),
            n(self.benchmark_year),
            s(&self.satuan),
            opt(&self.target),
            opt(&self.realisasi),
            s(&self.note),
        ]
    }
}

impl Record for UmkmUpgrade {
    const FILE: &'static str = "umkm_upgrades.csv";
    const COLUMNS: &'static [&'static str] = &[
        "year",
        "position",
        "owner",
        "address",
        "business",
        "phone",
        "from_class",
        "to_class",
        "annual_sales",
        "capital",
    ];
    fn parse(r: &Row) -> Self {
        UmkmUpgrade {
            year: r.year("year"),
            position: r.int("position"),
            owner: r.req_text("owner"),
            address: r.text("address"),
            business: r.text("business"),
            phone: r.text("phone"),
            from_class: r.coded("from_class", UmkmClass::Mikro),
            to_class: r.coded("to_class", UmkmClass::Kecil),
            annual_sales: r.opt_money("annual_sales"),
            capital: r.opt_money("capital"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![
            n(self.year),
            n(self.position),
            s(&self.owner),
            s(&self.address),
            s(&self.business),
            s(&self.phone),
            s(self.from_class.code()),
            s(self.to_class.code()),
            opt(&self.annual_sales),
            opt(&self.capital),
        ]
    }
}

impl Record for ReportTable {
    const FILE: &'static str = "report_tables.csv";
    const COLUMNS: &'static [&'static str] = &["year", "id", "kind", "subject", "title", "source", "note"];
    fn parse(r: &Row) -> Self {
        ReportTable {
            year: r.year("year"),
            id: r.req_text("id"),
            kind: r.coded("kind", TableKind::Staff),
            subject: r.text("subject"),
            title: r.req_text("title"),
            source: r.text("source"),
            note: r.text("note"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![
            n(self.year),
            s(&self.id),
            s(self.kind.code()),
            s(&self.subject),
            s(&self.title),
            s(&self.source),
            s(&self.note),
        ]
    }
}

impl Record for QuarterProgress {
    const FILE: &'static str = "quarters.csv";
    const COLUMNS: &'static [&'static str] = &["indicator", "year", "quarter", "target", "realisasi"];
    fn parse(r: &Row) -> Self {
        let quarter = r.int("quarter");
        if !(1..=4).contains(&quarter) {
            r.problem(
                "quarter",
                ProblemKind::Invalid(format!(
                    "triwulan {quarter}: tulis 1, 2, 3 atau 4 / quarter {quarter}: write 1 to 4"
                )),
            );
        }
        QuarterProgress {
            indicator: r.req_text("indicator"),
            year: r.year("year"),
            quarter,
            target: r.opt_dec("target"),
            realisasi: r.opt_dec("realisasi"),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![s(&self.indicator), n(self.year), n(self.quarter), opt(&self.target), opt(&self.realisasi)]
    }
}

impl Record for BudgetQuarter {
    const FILE: &'static str = "budget_quarters.csv";
    const COLUMNS: &'static [&'static str] = &["year", "kode", "quarter", "realisasi"];
    fn parse(r: &Row) -> Self {
        let quarter = r.int("quarter");
        if !(1..=4).contains(&quarter) {
            r.problem(
                "quarter",
                ProblemKind::Invalid(format!(
                    "triwulan {quarter}: tulis 1, 2, 3 atau 4 / quarter {quarter}: write 1 to 4"
                )),
            );
        }
        let realisasi = r.opt_money("realisasi");
        if realisasi.is_none() && r.text("realisasi").is_empty() {
            r.problem("realisasi", ProblemKind::Required);
        }
        BudgetQuarter {
            year: r.year("year"),
            kode: r.req_text("kode"),
            quarter,
            realisasi: realisasi.unwrap_or_default(),
        }
    }
    fn write(&self) -> Vec<String> {
        vec![n(self.year), s(&self.kode), n(self.quarter), n(self.realisasi)]
    }
}

/// Rows of one file with their line numbers.
type Lines<T> = Vec<(usize, T)>;

fn read_file<T: Record>(source: &dyn Source, problems: &mut Vec<Problem>) -> Lines<T> {
    let file = T::FILE;
    let whole = |kind| Problem { file: file.to_string(), line: None, column: None, kind };
    let bytes = match source.read(file) {
        Ok(Some(b)) => b,
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
    for col in T::COLUMNS {
        if !index.contains_key(*col) {
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
        if !h.trim().is_empty() && !T::COLUMNS.contains(&h.trim()) {
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
        let value = T::parse(&row);
        let row_problems = row.into_problems();
        if row_problems.is_empty() {
            out.push((line, value));
        } else {
            problems.extend(row_problems);
        }
    }
    out
}

fn write_file<T: Record>(rows: &[T]) -> (&'static str, Vec<u8>) {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(T::COLUMNS);
    for r in rows {
        let _ = w.write_record(r.write());
    }
    (T::FILE, w.into_inner().unwrap_or_default())
}

pub(super) fn write_all(d: &Dataset) -> Vec<(&'static str, Vec<u8>)> {
    vec![
        write_file(std::slice::from_ref(&d.office)),
        write_file(&d.units),
        write_file(&d.unit_duties),
        write_file(&d.staff),
        write_file(&d.assets),
        write_file(&d.periods),
        write_file(&d.strategies),
        write_file(&d.tujuan),
        write_file(&d.sasaran),
        write_file(&d.indicators),
        write_file(&d.targets),
        write_file(&d.agreements),
        write_file(&d.agreement_programs),
        write_file(&d.realisations),
        write_file(&d.raw_figures),
        write_file(&d.budget_lines),
        write_file(&d.program_support),
        write_file(&d.printed_figures),
        write_file(&d.notes),
        write_file(&d.awards),
        write_file(&d.akip_evaluations),
        write_file(&d.akip_recommendations),
        write_file(&d.benchmarks),
        write_file(&d.umkm_upgrades),
        write_file(&d.report_tables),
        write_file(&d.quarters),
        write_file(&d.budget_quarters),
    ]
}

/// All interchange file names, in reading order.
pub fn file_names() -> Vec<&'static str> {
    write_all(&Dataset::default()).into_iter().map(|(f, _)| f).collect()
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
            let shown = format!("{k:?}");
            if !seen.insert(k) {
                self.push(file, *line, column, ProblemKind::Duplicate(shown));
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

    if !p.is_empty() {
        return Err(Problems(p));
    }
    fn strip<T>(v: Lines<T>) -> Vec<T> {
        v.into_iter().map(|(_, t)| t).collect()
    }
    Ok(Dataset {
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
        budget_index: Default::default(),
    })
}
