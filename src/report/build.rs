//! Builds each standard table from the dataset.

use super::*;
use crate::calc::budget::{programs_total, rolled_up, Amounts};
use crate::calc::resolve::{self, resolve, sasaran_indicators, Value};
use crate::calc::Settings;
use crate::domain::*;
use crate::format::Lang;
use crate::text::tr;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// Why a table cannot be shown.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum TableError {
    #[error("unknown table '{id}'; valid tables: {valid} (or their names: kinerja table --list)")]
    UnknownTable { id: String, valid: String },
    #[error("table {id} has no data for {year}; years with data: {years}")]
    NoData { id: String, year: Year, years: String },
}

impl TableError {
    pub fn message_id(&self) -> String {
        match self {
            TableError::UnknownTable { id, valid } => {
                format!("Tabel '{id}' tidak dikenal; tabel yang ada: {valid} (atau namanya: kinerja table --list)")
            }
            TableError::NoData { id, year, years } => {
                format!("Tabel {id} tidak memiliki data untuk tahun {year}; tahun yang berisi data: {years}")
            }
        }
    }
}

/// Options for building tables.
#[derive(Clone, Copy, Debug, Default)]
pub struct TableOptions {
    /// Show telephone numbers in full instead of masked.
    pub show_phone: bool,
    /// The language of Kinerja's own words in the table (column titles, `JUMLAH`, polarity,
    /// verdicts, generated titles); the office's data stays as entered. Files are built in the
    /// default, Indonesian; the window in its language.
    pub lang: Lang,
}

/// Masks a telephone number so that it shows at most four digits: the first two and the last
/// two of a number of ten digits or more (`081212011963` → `08********63`, enough to tell two
/// numbers apart when talking to their owner), the last two of one with six to nine digits, none
/// of a shorter one. Everything else (`+`, spaces, dashes) stays where it is.
pub fn mask_phone(phone: &str) -> String {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let (head, tail) = match digits {
        10.. => (2, 2),
        6..=9 => (0, 2),
        _ => (0, 0),
    };
    let mut seen = 0;
    phone
        .chars()
        .map(|c| {
            if !c.is_ascii_digit() {
                return c;
            }
            seen += 1;
            if seen <= head || seen > digits - tail {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// The dataset with every UMKM telephone number masked by [`mask_phone`], for an export that
/// leaves the office.
pub fn mask_phones(d: &Dataset) -> Dataset {
    let mut masked = d.clone();
    for u in &mut masked.umkm_upgrades {
        u.phone = mask_phone(&u.phone);
    }
    masked
}

fn col(key: &str, label: impl Into<String>, kind: ColumnKind, derived: bool) -> Column {
    Column { key: key.into(), label: label.into(), kind, derived }
}
fn text(key: &str, label: impl Into<String>) -> Column {
    col(key, label, ColumnKind::Text, false)
}
fn row(kind: RowKind, level: u8, subject: impl Into<String>, cells: Vec<Cell>) -> TableRow {
    TableRow { kind, level, cells, subject: subject.into() }
}
fn m(v: Option<Money>) -> Option<Decimal> {
    v.map(Money::decimal)
}
fn round2(v: Decimal) -> Decimal {
    v.round_dp(2)
}
/// The recomputed figure with every decimal it has: whether a printed figure agrees with it is
/// the checker's rule (`calc::tolerance`, within the printed precision), and a figure rounded
/// first would turn a truncated print (108,58 for 108,5857) into a difference. Everything that
/// shows the figure rounds it.
fn resolved(d: &Dataset, s: &Settings, year: Year, subject: &str, field: &str) -> Option<Decimal> {
    resolve(d, s, year, subject, field).ok().and_then(|r| r.value.number())
}
/// A printed figure of a table or its narrative (table first).
fn printed(d: &Dataset, year: Year, table: &str, subject: &str, field: &str) -> Option<Decimal> {
    printed_figure(d, year, table, subject, field, Some(Place::Table))
        .and_then(|p| p.value)
        .or_else(|| printed_figure(d, year, table, subject, field, None).and_then(|p| p.value))
}
/// The printed figure of `table` (the office's number) at `place` (any place for `None`),
/// whether its row names the table by number or by stable name.
fn printed_figure<'a>(
    d: &'a Dataset,
    year: Year,
    table: &str,
    subject: &str,
    field: &str,
    place: Option<Place>,
) -> Option<&'a PrintedFigure> {
    d.printed_figures.iter().find(|p| {
        p.year == year
            && place.is_none_or(|x| p.place == x)
            && p.subject == subject
            && p.field == field
            && (p.table == table || crate::calc::layout::printed_table_or_text(d, year, &p.table) == table)
    })
}
fn derived(d: &Dataset, s: &Settings, year: Year, table: &str, subject: &str, field: &str) -> Cell {
    Cell::figure(printed(d, year, table, subject, field), resolved(d, s, year, subject, field))
}
/// A target as the report prints it: a figure, or a range (`40–45`), which each file shows in its
/// own number format (`7,50–8,00` on screen in Indonesian); a range is no one number to align,
/// sum or compare.
pub(crate) fn target_cell(v: Option<&TargetValue>) -> Cell {
    match v {
        Some(TargetValue { target, target_high: Some(high) }) => Cell::Range { low: *target, high: *high },
        Some(v) => Cell::value(Some(v.target)),
        None => Cell::Empty,
    }
}
fn no(n: usize) -> Cell {
    Cell::text(format!("{n}"))
}

fn years_list(years: impl IntoIterator<Item = Year>) -> String {
    let v: Vec<String> = years.into_iter().map(|y| y.to_string()).collect();
    if v.is_empty() {
        "-".into()
    } else {
        v.join(", ")
    }
}

/// The table `id` of `year`.
pub fn build_table(
    d: &Dataset,
    s: &Settings,
    id: &str,
    year: Year,
    opts: TableOptions,
) -> Result<TableView, TableError> {
    let layout = layout(d, year);
    let Some(t) = find(&layout, id) else {
        return Err(TableError::UnknownTable {
            id: id.into(),
            valid: layout.iter().map(|t| t.id.as_str()).collect::<Vec<_>>().join(", "),
        });
    };
    // Asked by its name or its number, the table is the office's number from here on.
    let id = t.id.as_str();
    let lang = opts.lang;
    let (columns, rows) = match t.kind {
        TableKind::Staff => staff(d, year, id, lang),
        TableKind::Assets => assets(d, year, lang),
        TableKind::RenstraGoals => renstra_goals(d, year, &t.subject, lang),
        TableKind::IkuDictionary => iku_dictionary(d, year, &t.subject, lang),
        TableKind::Agreement => agreement(d, s, year, id, lang),
        TableKind::Capaian => capaian(d, s, year, id, lang),
        TableKind::IkuAnalysis => iku_analysis(d, s, year, id, &t.subject, lang),
        TableKind::IkuRenstra => iku_renstra(d, year, &t.subject, lang),
        TableKind::AkipRecommendations => akip_recommendations(d, year, lang),
        TableKind::ProgramIndicators => program_indicators(d, s, year, id, &t.subject, lang),
        TableKind::IkuBudget => iku_budget(d, s, year, id, &t.subject, lang),
        TableKind::Benchmarks => benchmarks(d, s, year, id, &t.subject, lang),
        TableKind::UmkmUpgrades => umkm_upgrades(d, year, opts),
        TableKind::Efficiency => efficiency(d, s, year, id, lang),
        TableKind::BudgetMurni => budget_murni(d, s, year, id, lang),
        TableKind::BudgetRealisation => budget_realisation(d, s, year, id, lang),
        TableKind::BudgetComparison => budget_comparison(d, s, year, id, lang),
    };
    if rows.is_empty() {
        let years = (d.all_years().into_iter()).filter(|y| *y != year).filter(|y| {
            let (_, r) = match t.kind {
                TableKind::Staff => staff(d, *y, id, lang),
                TableKind::Assets => assets(d, *y, lang),
                TableKind::Capaian => capaian(d, s, *y, id, lang),
                TableKind::UmkmUpgrades => umkm_upgrades(d, *y, opts),
                TableKind::AkipRecommendations => akip_recommendations(d, *y, lang),
                TableKind::BudgetRealisation
                | TableKind::BudgetMurni
                | TableKind::BudgetComparison
                | TableKind::Efficiency => budget_realisation(d, s, *y, id, lang),
                TableKind::Agreement => agreement(d, s, *y, id, lang),
                _ => (Vec::new(), vec![row(RowKind::Normal, 0, "", vec![])]),
            };
            !r.is_empty()
        });
        return Err(TableError::NoData { id: id.into(), year, years: years_list(years) });
    }
    let title = table_title(d, t, lang);
    let mut view = TableView { id: id.into(), year, title, source: t.source.clone(), columns, rows, lang };
    view.align_values();
    Ok(view)
}

/// The title of a table of `layout(d, year)`: a year whose tables the report numbered and
/// titled keeps its printed titles (data); the titles of another year are Kinerja's own, in
/// `lang`.
pub fn table_title(d: &Dataset, t: &ReportTable, lang: Lang) -> String {
    let printed_layout = d.report_tables.iter().any(|r| r.year == t.year);
    if printed_layout {
        t.title.clone()
    } else {
        crate::text::table_title(d, t.kind, &t.subject, t.year, lang)
    }
}

/// One line of `kinerja table --list`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableEntry {
    /// The stable name (`anggaran-program`, `iku-analisis:IKU1`).
    pub name: String,
    /// The office's number for the year (`3.19`).
    pub id: String,
    pub title: String,
}

/// The tables of a year's report in its order: stable name, the office's number and title.
pub fn table_list(d: &Dataset, year: Year, lang: Lang) -> Vec<TableEntry> {
    let tables = layout(d, year);
    names(&tables)
        .into_iter()
        .zip(&tables)
        .map(|(name, t)| TableEntry { name, id: t.id.clone(), title: table_title(d, t, lang) })
        .collect()
}

type Built = (Vec<Column>, Vec<TableRow>);

fn staff(d: &Dataset, year: Year, id: &str, lang: Lang) -> Built {
    let cols = vec![
        text("no", "NO"),
        text("jenjang_pendidikan", lang.pick("JENJANG PENDIDIKAN", "EDUCATION")),
        col("pns", "PNS", ColumnKind::Count, true),
        col("tkk", "TKK", ColumnKind::Count, true),
        text("ket", lang.pick("KET", "NOTE")),
    ];
    let mut levels: Vec<(i64, &str)> =
        d.staff.iter().filter(|s| s.year == year).map(|s| (s.position, s.education.as_str())).collect();
    levels.sort();
    levels.dedup();
    if levels.is_empty() {
        return (cols, Vec::new());
    }
    let count = |edu: &str, st: StaffStatus| {
        d.staff.iter().find(|s| s.year == year && s.education == edu && s.status == st).map(|s| Decimal::from(s.count))
    };
    let mut rows: Vec<TableRow> = levels
        .iter()
        .enumerate()
        .map(|(i, (_, edu))| {
            let cell = |st| match count(edu, st) {
                Some(c) if !c.is_zero() => Cell::value(Some(c)),
                _ => Cell::Empty,
            };
            row(
                RowKind::Normal,
                0,
                format!("staff:{edu}"),
                vec![no(i + 1), Cell::text(*edu), cell(StaffStatus::Pns), cell(StaffStatus::Tkk), Cell::Empty],
            )
        })
        .collect();
    let total = |st: StaffStatus| {
        let sum: i64 = d.staff.iter().filter(|s| s.year == year && s.status == st).map(|s| s.count).sum();
        Cell::figure(printed(d, year, id, &format!("staff:{}", st.code()), "count"), Some(Decimal::from(sum)))
    };
    rows.push(row(
        RowKind::Total,
        0,
        "staff:all",
        vec![
            Cell::Empty,
            Cell::text(lang.pick("JUMLAH", "TOTAL")),
            total(StaffStatus::Pns),
            total(StaffStatus::Tkk),
            Cell::Empty,
        ],
    ));
    (cols, rows)
}

fn assets(d: &Dataset, year: Year, lang: Lang) -> Built {
    let cols = vec![
        text("uraian", lang.pick("DAFTAR ASET", "ASSETS")),
        col("jumlah", lang.pick("JUMLAH", "COUNT"), ColumnKind::Count, true),
        col("nilai", lang.pick("NILAI", "VALUE"), ColumnKind::Money, true),
    ];
    let items: Vec<&AssetItem> = d.assets.iter().filter(|a| a.year == year).collect();
    let tree = Tree::new(&items, |a| &a.code, |a| a.parent.as_deref());
    let mut rows = Vec::new();
    for (i, depth) in crate::calc::tree::preorder(&tree.parent, |i| items[i].position) {
        let item = items[i];
        let children: Vec<&AssetItem> = tree.children(i).map(|c| items[c]).collect();
        let (count, value) = if children.is_empty() {
            (item.count, item.value)
        } else {
            let count = children.iter().map(|c| c.count).sum::<Option<i64>>();
            let value = children.iter().filter_map(|c| c.value).try_fold(Money::ZERO, |a, v| a.checked_add(v));
            (count, value)
        };
        let kind = match (depth, children.is_empty()) {
            (0, _) => RowKind::Total,
            (_, false) => RowKind::Subtotal,
            _ => RowKind::Normal,
        };
        let label = if item.label.is_empty() { item.name.clone() } else { format!("{} {}", item.label, item.name) };
        rows.push(row(
            kind,
            level(depth),
            format!("asset:{}", item.code),
            vec![
                Cell::text(label),
                Cell::figure(item.count.map(Decimal::from), count.map(Decimal::from)),
                Cell::figure(m(item.value), m(value)),
            ],
        ));
    }
    (cols, rows)
}

/// A depth as a row's indentation level.
fn level(depth: usize) -> u8 {
    u8::try_from(depth).unwrap_or(u8::MAX)
}

/// Parent links among a list of rows found by code, safe to walk: a parent that is not in the
/// list makes a root (the row is shown, not lost), and a cycle stored by an older or foreign
/// database is cut at its first row, so that every row is shown once and a walk ends.
struct Tree {
    parent: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
}

impl Tree {
    fn new<T>(items: &[T], code: impl Fn(&T) -> &str, parent: impl Fn(&T) -> Option<&str>) -> Tree {
        let mut index: HashMap<&str, usize> = HashMap::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            index.entry(code(item)).or_insert(i);
        }
        let links: Vec<Option<usize>> =
            items.iter().map(|item| parent(item).and_then(|p| index.get(p).copied())).collect();
        let parent = crate::calc::tree::cut_cycles(&links);
        let mut children = vec![Vec::new(); items.len()];
        for (i, p) in parent.iter().enumerate() {
            if let Some(p) = p {
                children[*p].push(i);
            }
        }
        Tree { parent, children }
    }

    fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.children[i].iter().copied()
    }
}

/// The units under `parent` (`None`: the top units), in order of position, as the organisation
/// shows them. A unit whose parent is unknown is a top unit, and a cycle of parents is cut at
/// its first unit, so that no unit is hidden and walking down from the top ends.
pub fn unit_children<'a>(d: &'a Dataset, parent: Option<&str>) -> Vec<&'a Unit> {
    let units: Vec<&Unit> = d.units.iter().collect();
    let tree = Tree::new(&units, |u| &u.code, |u| u.parent.as_deref());
    let mut out: Vec<&Unit> = match parent {
        None => (0..units.len()).filter(|i| tree.parent[*i].is_none()).map(|i| units[i]).collect(),
        Some(code) => match units.iter().position(|u| u.code == code) {
            Some(p) => tree.children(p).map(|i| units[i]).collect(),
            None => Vec::new(),
        },
    };
    out.sort_by_key(|u| u.position);
    out
}

fn period_for(d: &Dataset, year: Year, subject: &str) -> Option<RenstraPeriod> {
    d.period(subject).or_else(|| d.period_of_year(year)).cloned()
}

fn renstra_goals(d: &Dataset, year: Year, subject: &str, lang: Lang) -> Built {
    let Some(p) = period_for(d, year, subject) else { return (vec![], vec![]) };
    let mut cols = vec![
        text("tujuan", lang.pick("Tujuan", "Objective")),
        text("sasaran", lang.pick("Sasaran", "Goal")),
        text("indikator", lang.pick("Indikator Tujuan/Sasaran", "Objective / goal indicator")),
        text("satuan", lang.pick("Satuan", "Unit")),
    ];
    for y in p.years() {
        cols.push(col(&format!("target_{y}"), y.to_string(), ColumnKind::Number, false));
    }
    let mut rows = Vec::new();
    let target_cells = |code: &str| p.years().map(|y| target_cell(d.renstra_target(code, y))).collect::<Vec<_>>();
    // The rows of a sasaran's indicators, under the tujuan named `tujuan` (empty for a sasaran
    // directly under a misi), `level` deep.
    let sasaran_rows = |rows: &mut Vec<TableRow>, tujuan: &str, s: &Sasaran, level: u8| {
        for ind in sasaran_indicators(d, &s.code) {
            let tujuan = if tujuan.is_empty() { Cell::Empty } else { Cell::text(tujuan) };
            let mut cells = vec![tujuan, Cell::text(&s.name), Cell::text(&ind.name), Cell::text(&ind.satuan)];
            cells.extend(target_cells(&ind.code));
            rows.push(row(RowKind::Normal, level, format!("indicator:{}", ind.code), cells));
        }
    };
    let tujuan_rows = |rows: &mut Vec<TableRow>, t: &Tujuan, level: u8| {
        for ind in
            d.indicators.iter().filter(|i| i.level == IndicatorLevel::Tujuan && i.parent.as_deref() == Some(&t.code))
        {
            let mut cells = vec![Cell::text(&t.name), Cell::Empty, Cell::text(&ind.name), Cell::text(&ind.satuan)];
            cells.extend(target_cells(&ind.code));
            rows.push(row(RowKind::Normal, level, format!("indicator:{}", ind.code), cells));
        }
        for s in d.sasaran_of_tujuan(&t.code) {
            sasaran_rows(rows, &t.name, s, level + 1);
        }
    };
    let tujuan = d.tujuan_of_period(&p.code);
    // The city plan's misi, when the period names them, each on a row of its own above what
    // serves it: its tujuan, then the sasaran that hang directly under it.
    // A misi carries the city plan's number (`position`): an office serving RPJMD misi 2 and 4
    // prints MISI 2 and MISI 4, not 1 and 2.
    for m in d.misi_of_period(&p.code) {
        let mut cells = vec![Cell::text(format!("{} {}: {}", lang.pick("MISI", "MISSION"), m.position, m.name))];
        cells.resize(cols.len(), Cell::Empty);
        rows.push(row(RowKind::Normal, 0, format!("misi:{}", m.code), cells));
        for t in tujuan.iter().filter(|t| t.misi.as_deref() == Some(&m.code)) {
            tujuan_rows(&mut rows, t, 1);
        }
        for s in d.sasaran_of_misi(&m.code) {
            sasaran_rows(&mut rows, "", s, 2);
        }
    }
    // Tujuan serving no misi of the period (every tujuan of a period without misi).
    let known = |m: &str| d.misi(m).is_some_and(|m| m.period == p.code);
    for t in tujuan.iter().filter(|t| !t.misi.as_deref().is_some_and(known)) {
        tujuan_rows(&mut rows, t, 0);
    }
    (cols, rows)
}

fn iku_dictionary(d: &Dataset, year: Year, subject: &str, lang: Lang) -> Built {
    let Some(p) = period_for(d, year, subject) else { return (vec![], vec![]) };
    let ty = if p.contains(year) { year } else { p.start_year };
    let cols = vec![
        text("no", "NO"),
        text("sasaran", lang.pick("Sasaran", "Goal")),
        text("indikator", lang.pick("Indikator Kinerja Sasaran", "Goal performance indicator")),
        text("alasan", lang.pick("Alasan", "Reason")),
        text("rumus", lang.pick("Penjelasan/Rumus", "Explanation / formula")),
        text("satuan", lang.pick("Satuan", "Unit")),
        col(&format!("target_{ty}"), format!("Target {ty}"), ColumnKind::Number, false),
        text("definisi", lang.pick("Definisi", "Definition")),
        text("polaritas", lang.pick("Polaritas", "Polarity")),
        text("sumber_data", lang.pick("Sumber Data", "Data source")),
        text("penanggung_jawab", lang.pick("Penanggung Jawab", "Responsible")),
    ];
    let rows = d
        .ikus_of_period(&p.code)
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            let sasaran = ind
                .parent
                .as_deref()
                .and_then(|c| d.sasaran.iter().find(|s| s.code == c))
                .map_or("", |s| s.name.as_str());
            let polarity = crate::text::polarity(ind.polarity, lang);
            row(
                RowKind::Normal,
                0,
                format!("indicator:{}", ind.code),
                vec![
                    no(i + 1),
                    Cell::text(sasaran),
                    Cell::text(&ind.name),
                    Cell::text(&ind.alasan),
                    Cell::text(&ind.formula_text),
                    Cell::text(&ind.satuan),
                    target_cell(d.renstra_target(&ind.code, ty)),
                    Cell::text(&ind.definition),
                    Cell::text(polarity),
                    Cell::text(&ind.data_source),
                    Cell::text(&ind.responsible),
                ],
            )
        })
        .collect();
    (cols, rows)
}

/// IKU with an agreement target in `year`, in plan order.
fn year_ikus(d: &Dataset, year: Year) -> Vec<&Indicator> {
    let Some(p) = d.period_of_year(year) else { return Vec::new() };
    d.ikus_of_period(&p.code).into_iter().filter(|i| d.target(&i.code, year).is_some()).collect()
}

fn sasaran_name<'a>(d: &'a Dataset, ind: &Indicator) -> &'a str {
    ind.parent.as_deref().and_then(|c| d.sasaran.iter().find(|s| s.code == c)).map_or("", |s| s.name.as_str())
}

fn agreement(d: &Dataset, s: &Settings, year: Year, id: &str, lang: Lang) -> Built {
    let cols = vec![
        text("bagian", lang.pick("Bagian", "Part")),
        text("no", "No."),
        text("uraian", lang.pick("Sasaran Strategis / Program", "Strategic goal / programme")),
        text("indikator", lang.pick("Indikator Kinerja", "Performance indicator")),
        col("target", lang.pick("Target Tahunan", "Annual target"), ColumnKind::Number, false),
        text("satuan", lang.pick("Satuan", "Unit")),
        col("anggaran_apbd", lang.pick("Anggaran APBD", "APBD budget"), ColumnKind::Money, true),
        col("anggaran_perubahan", lang.pick("Anggaran Perubahan APBD", "Revised APBD budget"), ColumnKind::Money, true),
    ];
    let (performance, budget) = (lang.pick("Kinerja", "Performance"), lang.pick("Anggaran", "Budget"));
    let mut rows = Vec::new();
    let agreed: Vec<&AgreementTarget> = d.agreements.iter().filter(|a| a.year == year).collect();
    let mut n = 0;
    let mut last_sasaran = "";
    for ind in year_ikus(d, year) {
        let Some(a) = agreed.iter().find(|a| a.indicator == ind.code) else { continue };
        let sas = sasaran_name(d, ind);
        let first = sas != last_sasaran;
        if first {
            n += 1;
            last_sasaran = sas;
        }
        rows.push(row(
            RowKind::Normal,
            0,
            format!("indicator:{}", ind.code),
            vec![
                Cell::text(performance),
                if first { no(n) } else { Cell::Empty },
                Cell::text(if first { sas } else { "" }),
                Cell::text(&ind.name),
                target_cell(Some(&a.value)),
                Cell::text(&ind.satuan),
                Cell::Empty,
                Cell::Empty,
            ],
        ));
    }
    let mut programs: Vec<&AgreementProgram> = d.agreement_programs.iter().filter(|a| a.year == year).collect();
    programs.sort_by_key(|p| p.position);
    for (i, p) in programs.iter().enumerate() {
        rows.push(row(
            RowKind::Normal,
            0,
            format!("budget:{}", p.program),
            vec![
                Cell::text(budget),
                no(i + 1),
                Cell::text(&p.name),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::value(m(p.pagu_murni)),
                Cell::value(m(p.pagu_perubahan)),
            ],
        ));
    }
    if !programs.is_empty() {
        rows.push(row(
            RowKind::Total,
            0,
            "agreement:*",
            vec![
                Cell::text(budget),
                Cell::Empty,
                Cell::text("Total"),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                derived(d, s, year, id, "agreement:*", "pagu_murni"),
                derived(d, s, year, id, "agreement:*", "pagu"),
            ],
        ));
    }
    (cols, rows)
}

fn capaian(d: &Dataset, s: &Settings, year: Year, id: &str, lang: Lang) -> Built {
    // An office with its own achievement scale for the year's period gets its category column.
    let has_bands = d.period_of_year(year).is_some_and(|p| !crate::calc::bands::period_bands(d, &p.code).is_empty());
    let mut cols = vec![
        text("no", "NO"),
        text("sasaran", lang.pick("SASARAN STRATEGIS", "STRATEGIC GOAL")),
        text("indikator", lang.pick("INDIKATOR KINERJA", "PERFORMANCE INDICATOR")),
        text("satuan", lang.pick("SATUAN", "UNIT")),
        col("target", "TARGET", ColumnKind::Number, false),
        col("realisasi", lang.pick("REALISASI", "ACTUAL"), ColumnKind::Number, false),
        col("capaian", lang.pick("CAPAIAN KINERJA (%)", "ACHIEVEMENT (%)"), ColumnKind::Percent, true),
    ];
    if has_bands {
        // Derived: the printed category beside the band of the recomputed capaian.
        cols.push(col("kategori", lang.pick("KATEGORI", "CATEGORY"), ColumnKind::Text, true));
    }
    // An office whose table prints the average capaian (per sasaran, of all IKU) gets its rows.
    let averages = d
        .printed_figures
        .iter()
        .any(|p| p.year == year && p.table == id && p.field == "avg_capaian" && p.subject.starts_with("sasaran:"));
    let average_row = |subject: String, label: String, kind: RowKind| {
        let mut cells = vec![Cell::Empty, Cell::Empty, Cell::text(label), Cell::Empty, Cell::Empty, Cell::Empty];
        cells.push(derived(d, s, year, id, &subject, "avg_capaian"));
        if has_bands {
            cells.push(Cell::Empty);
        }
        row(kind, 0, subject, cells)
    };
    let sasaran_average = |code: &str| {
        average_row(
            format!("sasaran:{code}"),
            lang.pick("Rata-rata capaian sasaran", "Average achievement of the goal").to_string(),
            RowKind::Subtotal,
        )
    };
    let mut rows = Vec::new();
    let mut n = 0;
    let mut last = "";
    // The sasaran whose indicators the last rows show, closed by its average row.
    let mut open: Option<&str> = None;
    for ind in year_ikus(d, year) {
        let sas = sasaran_name(d, ind);
        let first = sas != last;
        if first {
            n += 1;
            last = sas;
        }
        let parent = ind.parent.as_deref().unwrap_or_default();
        if let Some(o) = open.filter(|o| averages && *o != parent) {
            rows.push(sasaran_average(o));
        }
        open = Some(parent);
        let subject = format!("indicator:{}", ind.code);
        let mut cells = vec![
            if first { no(n) } else { Cell::Empty },
            Cell::text(if first { sas } else { "" }),
            Cell::text(&ind.name),
            Cell::text(&ind.satuan),
            target_cell(d.target(&ind.code, year)),
            Cell::value(resolve::effective_realisasi(d, ind, year).ok()),
            derived(d, s, year, id, &subject, "capaian_pct"),
        ];
        if has_bands {
            cells.push(category_cell(d, s, year, id, &ind.code));
        }
        rows.push(row(RowKind::Normal, 0, subject.clone(), cells));
    }
    if averages {
        if let Some(o) = open {
            rows.push(sasaran_average(o));
            rows.push(average_row(
                "sasaran:*".into(),
                lang.pick("Rata-rata capaian seluruh IKU", "Average achievement of all IKU").to_string(),
                RowKind::Total,
            ));
        }
    }
    (cols, rows)
}

/// An indicator's KATEGORI: the category the report printed beside the band of the recomputed
/// capaian, worded as the report words it (the band's code, or its name where the report
/// printed names), so that the two compare as texts; a printed text naming that band is that
/// band, whatever its case.
fn category_cell(d: &Dataset, s: &Settings, year: Year, id: &str, code: &str) -> Cell {
    use crate::calc::bands;
    let band = bands::indicator_category(d, s, code, year).ok().and_then(|(b, _)| b);
    let scale = d.period_of_year(year).map(|p| bands::period_bands(d, &p.code)).unwrap_or_default();
    let printed = d.printed(year, id, &format!("indicator:{code}"), "category").map(|p| p.printed.trim().to_string());
    let computed = band.map(|b| match &printed {
        Some(p) if bands::names_band(p, b) => p.clone(),
        Some(p) if scale.iter().any(|x| x.name.trim().eq_ignore_ascii_case(p)) => b.name.clone(),
        _ => b.code.clone(),
    });
    if printed.is_none() && computed.is_none() {
        return Cell::Empty;
    }
    Cell::Verdict { reported: printed, computed }
}

fn iku_analysis(d: &Dataset, s: &Settings, year: Year, id: &str, code: &str, lang: Lang) -> Built {
    let prev = year - 1;
    let target = |y: Year| format!("Target {y}");
    let actual = |y: Year| tr!(lang, "Realisasi {y}", "Actual {y}");
    let achievement = |y: Year| tr!(lang, "Capaian {y}", "Achievement {y}");
    let cols = vec![
        text("no", lang.pick("No", "No.")),
        text("indikator", lang.pick("Indikator Kinerja Sasaran", "Goal performance indicator")),
        text("satuan", lang.pick("Satuan", "Unit")),
        col(&format!("target_{prev}"), target(prev), ColumnKind::Number, false),
        col(&format!("realisasi_{prev}"), actual(prev), ColumnKind::Number, false),
        col(&format!("target_{year}"), target(year), ColumnKind::Number, false),
        col(&format!("realisasi_{year}"), actual(year), ColumnKind::Number, false),
        col(&format!("capaian_{prev}"), achievement(prev), ColumnKind::Percent, true),
        col(&format!("capaian_{year}"), achievement(year), ColumnKind::Percent, true),
    ];
    let Some(ind) = d.indicator(code) else { return (cols, vec![]) };
    if d.target(code, year).is_none() && d.realisation(code, year).is_none() {
        return (cols, vec![]);
    }
    let t = |c: &str, y| target_cell(d.target(c, y));
    let r = |c: &str, y| Cell::value(d.indicator(c).and_then(|i| resolve::effective_realisasi(d, i, y).ok()));
    let cap = |c: &str, y| derived(d, s, y, id, &format!("indicator:{c}"), "capaian_pct");
    let pred = ind.predecessor.as_deref().and_then(|p| d.indicator(p));
    let mut rows = Vec::new();
    match pred {
        Some(p) if ind.comparable => rows.push(row(
            RowKind::Normal,
            0,
            format!("indicator:{code}"),
            vec![
                no(1),
                Cell::text(&ind.name),
                Cell::text(&ind.satuan),
                t(&p.code, prev),
                r(&p.code, prev),
                t(code, year),
                r(code, year),
                cap(&p.code, prev),
                cap(code, year),
            ],
        )),
        _ => {
            rows.push(row(
                RowKind::Normal,
                0,
                format!("indicator:{code}"),
                vec![
                    no(1),
                    Cell::text(&ind.name),
                    Cell::text(&ind.satuan),
                    t(code, prev),
                    r(code, prev),
                    t(code, year),
                    r(code, year),
                    cap(code, prev),
                    cap(code, year),
                ],
            ));
            if let Some(p) = pred {
                rows.push(row(
                    RowKind::Normal,
                    0,
                    format!("indicator:{}", p.code),
                    vec![
                        no(2),
                        Cell::text(&p.name),
                        Cell::text(&p.satuan),
                        t(&p.code, prev),
                        r(&p.code, prev),
                        t(&p.code, year),
                        r(&p.code, year),
                        cap(&p.code, prev),
                        cap(&p.code, year),
                    ],
                ));
            }
        }
    }
    (cols, rows)
}

fn iku_renstra(d: &Dataset, year: Year, code: &str, lang: Lang) -> Built {
    let Some(ind) = d.indicator(code) else { return (vec![], vec![]) };
    let Some(p) = d.period(&ind.period).cloned() else { return (vec![], vec![]) };
    let mut cols = vec![
        text("uraian", lang.pick("Capaian Indikator Kinerja Sasaran", "Goal performance indicator")),
        text("satuan", lang.pick("Satuan", "Unit")),
    ];
    for y in p.years() {
        cols.push(col(&format!("tahun_{y}"), y.to_string(), ColumnKind::Number, false));
    }
    let targets: Vec<Cell> = p.years().map(|y| target_cell(d.renstra_target(code, y))).collect();
    let reals: Vec<Cell> = p
        .years()
        .map(|y| if y <= year { Cell::value(resolve::effective_realisasi(d, ind, y).ok()) } else { Cell::Empty })
        .collect();
    let mut t = vec![Cell::text("Target"), Cell::text(&ind.satuan)];
    t.extend(targets);
    let mut r = vec![Cell::text(lang.pick("Realisasi", "Actual")), Cell::text(&ind.satuan)];
    r.extend(reals);
    (
        cols,
        vec![
            row(RowKind::Normal, 0, format!("indicator:{code}"), t),
            row(RowKind::Normal, 0, format!("indicator:{code}"), r),
        ],
    )
}

fn akip_recommendations(d: &Dataset, year: Year, lang: Lang) -> Built {
    let cols = vec![
        text("no", "NO"),
        text("rekomendasi", lang.pick("Rekomendasi Hasil Evaluasi SAKIP", "SAKIP evaluation recommendation")),
        text("tindak_lanjut", lang.pick("Tindak Lanjut", "Follow-up")),
    ];
    let mut recs: Vec<&AkipRecommendation> =
        d.akip_recommendations.iter().filter(|r| r.followup_year == year).collect();
    recs.sort_by_key(|r| r.position);
    let rows = recs
        .iter()
        .enumerate()
        .map(|(i, r)| {
            row(RowKind::Normal, 0, "", vec![no(i + 1), Cell::text(&r.recommendation), Cell::text(&r.follow_up)])
        })
        .collect();
    (cols, rows)
}

fn program_indicators(d: &Dataset, s: &Settings, year: Year, id: &str, code: &str, lang: Lang) -> Built {
    let cols = vec![
        text("no", lang.pick("No", "No.")),
        text("indikator_program", lang.pick("Indikator Program", "Programme indicator")),
        text("satuan", lang.pick("Satuan", "Unit")),
        col("target", tr!(lang, "Target Tahun {year}", "Target {year}"), ColumnKind::Number, false),
        col("realisasi", tr!(lang, "Realisasi Tahun {year}", "Actual {year}"), ColumnKind::Number, false),
        col("capaian", tr!(lang, "Capaian Kinerja Tahun {year}", "Achievement {year}"), ColumnKind::Percent, true),
    ];
    let programs = d.supporting_programs(code);
    let rows = d
        .indicators
        .iter()
        .filter(|i| i.level == IndicatorLevel::Program && i.parent.as_deref().is_some_and(|p| programs.contains(&p)))
        .filter(|i| d.target(&i.code, year).is_some() || d.realisation(&i.code, year).is_some())
        .enumerate()
        .map(|(n, i)| {
            let subject = format!("indicator:{}", i.code);
            row(
                RowKind::Normal,
                0,
                subject.clone(),
                vec![
                    no(n + 1),
                    Cell::text(&i.name),
                    Cell::text(&i.satuan),
                    target_cell(d.target(&i.code, year)),
                    Cell::value(resolve::effective_realisasi(d, i, year).ok()),
                    derived(d, s, year, id, &subject, "capaian_pct"),
                ],
            )
        })
        .collect();
    (cols, rows)
}

fn budget_amount_cells(d: &Dataset, s: &Settings, year: Year, id: &str, line: &BudgetLine) -> [Cell; 3] {
    let own = Amounts::own(line);
    let rolled = rolled_up(d, line);
    let subject = format!("budget:{}", line.kode);
    [
        Cell::figure(m(own.pagu), m(rolled.pagu)),
        Cell::figure(m(own.realisasi), m(rolled.realisasi)),
        derived(d, s, year, id, &subject, "serapan_pct"),
    ]
}

/// Walks a program's budget tree into rows, skipping lines without any figure.
struct BudgetWalk<'a> {
    d: &'a Dataset,
    s: &'a Settings,
    year: Year,
    id: &'a str,
    ind_name: &'a str,
    rows: Vec<TableRow>,
    first: bool,
    /// Lines already shown: a cycle of parents stored by an older or foreign database ends here.
    seen: HashSet<(Year, String)>,
}

impl BudgetWalk<'_> {
    fn line(&mut self, line: &BudgetLine, depth: u8) {
        let d = self.d;
        if !self.seen.insert((line.year, line.kode.clone())) {
            return;
        }
        let funded = line.pagu().is_some() || line.realisasi.is_some() || rolled_up(d, line).pagu.is_some();
        if !funded {
            return;
        }
        let kind = if depth == 0 { RowKind::Subtotal } else { RowKind::Normal };
        let [p, r, pct] = budget_amount_cells(d, self.s, self.year, self.id, line);
        let first = std::mem::replace(&mut self.first, false);
        self.rows.push(row(
            kind,
            depth,
            format!("budget:{}", line.kode),
            vec![
                if first { no(1) } else { Cell::Empty },
                Cell::text(if first { self.ind_name } else { "" }),
                Cell::text(&line.name),
                p,
                r,
                pct,
            ],
        ));
        for c in d.budget_children(self.year, Some(&line.kode)) {
            self.line(c, depth + 1);
        }
    }
}

fn iku_budget(d: &Dataset, s: &Settings, year: Year, id: &str, code: &str, lang: Lang) -> Built {
    let cols = vec![
        text("no", lang.pick("No", "No.")),
        text("indikator_sasaran", lang.pick("Indikator Sasaran", "Goal indicator")),
        text("program_kegiatan", lang.pick("Program/ Kegiatan", "Programme / activity")),
        col("pagu", lang.pick("Pagu Anggaran (Rp.)", "Budget (Rp)"), ColumnKind::Money, true),
        col("realisasi", lang.pick("Realisasi Anggaran (Rp.)", "Spent (Rp)"), ColumnKind::Money, true),
        col("persen", "%", ColumnKind::Percent, true),
    ];
    let ind_name = d.indicator(code).map_or(code.to_string(), |i| i.name.clone());
    let programs = d.supporting_programs(code);
    let mut walk =
        BudgetWalk { d, s, year, id, ind_name: &ind_name, rows: Vec::new(), first: true, seen: HashSet::new() };
    for k in &programs {
        if let Some(line) = d.budget_line(year, k) {
            walk.line(line, 0);
        }
    }
    let mut rows = walk.rows;
    if !rows.is_empty() {
        let subject = format!("support:{code}");
        let total = programs_total(d, year, &programs);
        rows.push(row(
            RowKind::Total,
            0,
            subject.clone(),
            vec![
                Cell::Empty,
                Cell::Empty,
                Cell::text(lang.pick("Jumlah", "Total")),
                Cell::figure(printed(d, year, id, &subject, "pagu"), m(total.pagu)),
                Cell::figure(printed(d, year, id, &subject, "realisasi"), m(total.realisasi)),
                Cell::figure(printed(d, year, id, &subject, "serapan_pct"), total.serapan().ok()),
            ],
        ));
    }
    (cols, rows)
}

fn benchmarks(d: &Dataset, s: &Settings, year: Year, id: &str, code: &str, lang: Lang) -> Built {
    let cols = vec![
        text("indikator", lang.pick("Indikator Kinerja", "Performance indicator")),
        text("tahun", lang.pick("Tahun", "Year")),
        col("target", "Target", ColumnKind::Number, false),
        col("realisasi", lang.pick("Realisasi", "Actual"), ColumnKind::Number, false),
        col("capaian", lang.pick("Capaian", "Achievement"), ColumnKind::Percent, true),
        text("sumber", lang.pick("Sumber", "Source")),
    ];
    let mut rows: Vec<TableRow> = d
        .benchmarks
        .iter()
        .filter(|b| b.year == year && b.indicator == code)
        .map(|b| {
            let subject = format!("benchmark:{}", b.position);
            row(
                RowKind::Normal,
                0,
                subject.clone(),
                vec![
                    Cell::text(&b.name),
                    Cell::text(b.benchmark_year.to_string()),
                    Cell::value(b.target),
                    Cell::value(b.realisasi),
                    derived(d, s, year, id, &subject, "capaian_pct"),
                    Cell::text(&b.source),
                ],
            )
        })
        .collect();
    if rows.is_empty() {
        return (cols, rows);
    }
    if let Some(ind) = d.indicator(code) {
        let subject = format!("indicator:{code}");
        rows.push(row(
            RowKind::Normal,
            0,
            subject.clone(),
            vec![
                Cell::text(&ind.name),
                Cell::text(year.to_string()),
                target_cell(d.target(code, year)),
                Cell::value(resolve::effective_realisasi(d, ind, year).ok()),
                derived(d, s, year, id, &subject, "capaian_pct"),
                Cell::text(&d.office.short_name),
            ],
        ));
    }
    (cols, rows)
}

fn umkm_upgrades(d: &Dataset, year: Year, opts: TableOptions) -> Built {
    let lang = opts.lang;
    let cols = vec![
        text("no", "NO"),
        text("nama", lang.pick("NAMA", "NAME")),
        text("alamat", lang.pick("ALAMAT", "ADDRESS")),
        text("jenis_usaha", lang.pick("JENIS USAHA", "BUSINESS")),
        text("no_telepon", lang.pick("NO TELEPON", "TELEPHONE")),
    ];
    let mut list: Vec<&UmkmUpgrade> = d.umkm_upgrades.iter().filter(|u| u.year == year).collect();
    list.sort_by_key(|u| u.position);
    let rows = list
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let phone = if opts.show_phone { u.phone.clone() } else { mask_phone(&u.phone) };
            row(
                RowKind::Normal,
                0,
                "",
                vec![
                    no(i + 1),
                    Cell::text(&u.owner),
                    Cell::text(&u.address),
                    Cell::text(&u.business),
                    Cell::text(phone),
                ],
            )
        })
        .collect();
    (cols, rows)
}

fn efficiency(d: &Dataset, s: &Settings, year: Year, id: &str, lang: Lang) -> Built {
    let cols = vec![
        text("no", lang.pick("No", "No.")),
        text("sasaran", lang.pick("Sasaran Strategis", "Strategic goal")),
        text("indikator", lang.pick("Indikator Kinerja", "Performance indicator")),
        col("capaian", lang.pick("Capaian Kinerja (%)", "Achievement (%)"), ColumnKind::Percent, true),
        col(
            "rata_rata_capaian",
            lang.pick("Rata-rata Capaian Kinerja", "Average achievement"),
            ColumnKind::Percent,
            true,
        ),
        text("program", lang.pick("Program", "Programme")),
        col(
            "realisasi_anggaran",
            lang.pick("Realisasi Anggaran (%)", "Budget absorption (%)"),
            ColumnKind::Percent,
            true,
        ),
        col(
            "rata_rata_realisasi_anggaran",
            lang.pick("Rata-rata Realisasi Anggaran (%)", "Average budget absorption (%)"),
            ColumnKind::Percent,
            true,
        ),
        col("efisiensi", lang.pick("Efisiensi", "Efficiency"), ColumnKind::Text, true),
    ];
    let Some(p) = d.period_of_year(year) else { return (cols, vec![]) };
    let mut rows = Vec::new();
    for (n, sas) in d.sasaran_of_period(&p.code).iter().enumerate() {
        let inds: Vec<&Indicator> =
            sasaran_indicators(d, &sas.code).into_iter().filter(|i| d.target(&i.code, year).is_some()).collect();
        let sas_subject = format!("sasaran:{}", sas.code);
        let mut first_of_sasaran = true;
        for ind in inds {
            let ind_subject = format!("indicator:{}", ind.code);
            let programs = d.supporting_programs(&ind.code);
            let program_rows =
                if programs.is_empty() { vec![None] } else { programs.iter().map(|p| Some(*p)).collect() };
            for (j, prog) in program_rows.into_iter().enumerate() {
                let first_of_ind = j == 0;
                let verdict = if first_of_sasaran {
                    let computed = resolve(d, s, year, &sas_subject, "efficiency").ok().and_then(|r| match r.value {
                        Value::Verdict(v) => Some(crate::text::verdict(v, lang).to_string()),
                        Value::Number(_) => None,
                    });
                    // A printed verdict is one of the three words of the rule, worded in the
                    // table's language like the recomputed one beside it (so that the two are
                    // compared as verdicts); a printed text that is no verdict stays as printed.
                    let printed = printed_figure(d, year, id, &sas_subject, "efficiency", Some(Place::Table));
                    let reported = printed.map(|p| {
                        crate::calc::efficiency::Verdict::parse(&p.printed)
                            .map_or_else(|| p.printed.clone(), |v| crate::text::verdict(v, lang).to_string())
                    });
                    Cell::Verdict { reported, computed }
                } else {
                    Cell::Empty
                };
                let prog_cells = match prog.and_then(|k| d.budget_line(year, k)) {
                    Some(line) => vec![
                        Cell::text(&line.name),
                        derived(d, s, year, id, &format!("budget:{}", line.kode), "serapan_pct"),
                    ],
                    None => vec![Cell::Empty, Cell::Empty],
                };
                let mut cells = vec![
                    if first_of_sasaran { no(n + 1) } else { Cell::Empty },
                    Cell::text(if first_of_sasaran { sas.name.as_str() } else { "" }),
                    Cell::text(if first_of_ind { ind.name.as_str() } else { "" }),
                    if first_of_ind { derived(d, s, year, id, &ind_subject, "capaian_pct") } else { Cell::Empty },
                    if first_of_sasaran { derived(d, s, year, id, &sas_subject, "avg_capaian") } else { Cell::Empty },
                ];
                cells.extend(prog_cells);
                cells.push(if first_of_ind {
                    derived(d, s, year, id, &ind_subject, "avg_serapan")
                } else {
                    Cell::Empty
                });
                cells.push(verdict);
                rows.push(row(
                    RowKind::Normal,
                    0,
                    if first_of_ind { ind_subject.clone() } else { sas_subject.clone() },
                    cells,
                ));
                first_of_sasaran = false;
            }
        }
    }
    (cols, rows)
}

fn programs_of_year(d: &Dataset, year: Year) -> Vec<&BudgetLine> {
    d.budget_programs(year)
}

/// The programme column of the budget tables (3.18–3.20).
fn programme_column(lang: Lang) -> Column {
    text(
        "program",
        lang.pick(
            "URUSAN/ BIDANG URUSAN PEMERINTAH DAERAH DAN PROGRAM KEGIATAN",
            "GOVERNMENT AFFAIR / FIELD AND PROGRAMME",
        ),
    )
}

fn budget_murni(d: &Dataset, s: &Settings, year: Year, id: &str, lang: Lang) -> Built {
    let cols = vec![
        text("no", "NO"),
        programme_column(lang),
        col(
            "pagu_sebelum_perubahan",
            lang.pick("PAGU ANGGARAN SEBELUM PERUBAHAN (Rp)", "BUDGET BEFORE REVISION (Rp)"),
            ColumnKind::Money,
            true,
        ),
        col(
            "pagu_setelah_perubahan",
            lang.pick("PAGU ANGGARAN SETELAH PERUBAHAN (Rp)", "BUDGET AFTER REVISION (Rp)"),
            ColumnKind::Money,
            true,
        ),
    ];
    let programs = programs_of_year(d, year);
    if programs.iter().all(|p| p.pagu_murni.is_none()) {
        return (cols, vec![]);
    }
    let mut rows: Vec<TableRow> = programs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            row(
                RowKind::Normal,
                0,
                format!("budget:{}", p.kode),
                vec![no(i + 1), Cell::text(&p.name), Cell::value(m(p.pagu_murni)), Cell::value(m(p.pagu_perubahan))],
            )
        })
        .collect();
    rows.push(row(
        RowKind::Total,
        0,
        "budget:*",
        vec![
            Cell::Empty,
            Cell::text("TOTAL"),
            derived(d, s, year, id, "budget:*", "pagu_murni"),
            derived(d, s, year, id, "budget:*", "pagu"),
        ],
    ));
    (cols, rows)
}

/// Whether a year's budget is more than APBD programmes with a murni/perubahan pagu: another
/// funding source, non-programme spending, a single alokasi, a realisasi fisik or a printed sisa.
/// Its budget table then shows sisa and fisik and the totals per source and type (issue 14).
fn budget_beyond_apbd_programmes(d: &Dataset, year: Year) -> bool {
    d.budget_lines.iter().filter(|b| b.year == year).any(|b| {
        b.source != FundingSource::Apbd
            || b.spending != SpendingType::Program
            || b.alokasi.is_some()
            || b.fisik_pct.is_some()
            || b.sisa.is_some()
    })
}

fn budget_realisation(d: &Dataset, s: &Settings, year: Year, id: &str, lang: Lang) -> Built {
    let extended = budget_beyond_apbd_programmes(d, year);
    let mut cols = vec![
        text("no", "NO"),
        programme_column(lang),
        col("pagu", lang.pick("PAGU ANGGARAN", "BUDGET"), ColumnKind::Money, true),
        col("realisasi", lang.pick("REALISASI", "ACTUAL"), ColumnKind::Money, true),
        col("persen", "%", ColumnKind::Percent, true),
    ];
    if extended {
        cols.push(col("sisa", lang.pick("SISA ANGGARAN", "REMAINING BUDGET"), ColumnKind::Money, true));
        cols.push(col("sisa_persen", lang.pick("% SISA", "% REMAINING"), ColumnKind::Percent, true));
        cols.push(col("fisik", lang.pick("REALISASI FISIK (%)", "PHYSICAL PROGRESS (%)"), ColumnKind::Percent, true));
    }
    let programs = programs_of_year(d, year);
    if programs.is_empty() {
        return (cols, vec![]);
    }
    // A line's printed amounts, then the figures derived from them in the extended columns.
    let cells = |subject: &str, first: Vec<Cell>, amounts: Option<&BudgetLine>, fisik: bool| {
        let mut cells = first;
        match amounts {
            Some(line) => cells.extend([Cell::value(m(line.pagu())), Cell::value(m(line.realisasi))]),
            None => {
                cells.extend([derived(d, s, year, id, subject, "pagu"), derived(d, s, year, id, subject, "realisasi")])
            }
        }
        cells.push(derived(d, s, year, id, subject, "serapan_pct"));
        if extended {
            // A line's sisa is printed on the line itself (`budget_lines.csv`), a total's in
            // printed_figures.csv.
            let sisa = printed(d, year, id, subject, "sisa").or(amounts.and_then(|l| m(l.sisa)));
            cells.push(Cell::figure(sisa, resolved(d, s, year, subject, "sisa")));
            cells.push(derived(d, s, year, id, subject, "sisa_pct"));
            cells.push(if fisik { derived(d, s, year, id, subject, "fisik_pct") } else { Cell::Empty });
        }
        cells
    };
    let mut rows: Vec<TableRow> = programs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let subject = format!("budget:{}", p.kode);
            row(
                RowKind::Normal,
                0,
                subject.clone(),
                cells(&subject, vec![no(i + 1), Cell::text(&p.name)], Some(p), true),
            )
        })
        .collect();
    rows.push(row(
        RowKind::Total,
        0,
        "budget:*",
        cells("budget:*", vec![Cell::Empty, Cell::text("TOTAL")], None, true),
    ));
    if !extended {
        return (cols, rows);
    }
    // Non-programme spending is no row of a programme table; it shows in its type's total.
    let top = d.budget_children(year, None);
    for source in FundingSource::ALL.into_iter().filter(|x| top.iter().any(|b| b.source == *x)) {
        let name = crate::text::funding_source(source, lang);
        let label = tr!(lang, "Jumlah {name}", "Total {name}");
        let subject = format!("source:{}", source.code());
        rows.push(row(
            RowKind::Subtotal,
            0,
            subject.clone(),
            cells(&subject, vec![Cell::Empty, Cell::text(label)], None, false),
        ));
    }
    for spending in SpendingType::ALL.into_iter().filter(|x| top.iter().any(|b| b.spending == *x)) {
        let name = crate::text::spending_type(spending, lang);
        let label = tr!(lang, "Jumlah {name}", "Total {name}");
        let subject = format!("spending:{}", spending.code());
        rows.push(row(
            RowKind::Subtotal,
            0,
            subject.clone(),
            cells(&subject, vec![Cell::Empty, Cell::text(label)], None, false),
        ));
    }
    rows.push(row(
        RowKind::Total,
        0,
        "budget:all",
        cells(
            "budget:all",
            vec![Cell::Empty, Cell::text(lang.pick("JUMLAH SELURUH BELANJA", "GRAND TOTAL"))],
            None,
            false,
        ),
    ));
    (cols, rows)
}

fn budget_comparison(d: &Dataset, s: &Settings, year: Year, id: &str, lang: Lang) -> Built {
    let prev = year - 1;
    let pagu = |y: Year| tr!(lang, "PAGU {y}", "BUDGET {y}");
    let actual = |y: Year| tr!(lang, "REALISASI {y}", "ACTUAL {y}");
    let cols = vec![
        text("no", "NO"),
        programme_column(lang),
        col(&format!("pagu_{year}"), pagu(year), ColumnKind::Money, true),
        col(&format!("realisasi_{year}"), actual(year), ColumnKind::Money, true),
        col(&format!("persen_{year}"), format!("% {year}"), ColumnKind::Percent, true),
        col(&format!("pagu_{prev}"), pagu(prev), ColumnKind::Money, true),
        col(&format!("realisasi_{prev}"), actual(prev), ColumnKind::Money, true),
        col(&format!("persen_{prev}"), format!("% {prev}"), ColumnKind::Percent, true),
    ];
    let programs = programs_of_year(d, year);
    if programs.is_empty() || programs_of_year(d, prev).is_empty() {
        return (cols, vec![]);
    }
    let mut rows: Vec<TableRow> = programs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let subject = format!("budget:{}", p.kode);
            let before = d.budget_line(prev, &p.kode);
            let cells = vec![
                no(i + 1),
                Cell::text(&p.name),
                Cell::value(m(p.pagu())),
                Cell::value(m(p.realisasi)),
                derived(d, s, year, id, &subject, "serapan_pct"),
                Cell::value(m(before.and_then(|b| b.pagu()))),
                Cell::value(m(before.and_then(|b| b.realisasi))),
                if before.is_some() { derived(d, s, prev, id, &subject, "serapan_pct") } else { Cell::Empty },
            ];
            row(RowKind::Normal, 0, subject, cells)
        })
        .collect();
    // Programs of the previous year that no longer exist.
    for p in programs_of_year(d, prev).into_iter().filter(|p| d.budget_line(year, &p.kode).is_none()) {
        let subject = format!("budget:{}", p.kode);
        rows.push(row(
            RowKind::Normal,
            0,
            subject.clone(),
            vec![
                no(rows.len() + 1),
                Cell::text(&p.name),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::value(m(p.pagu())),
                Cell::value(m(p.realisasi)),
                derived(d, s, prev, id, &subject, "serapan_pct"),
            ],
        ));
    }
    rows.push(row(
        RowKind::Total,
        0,
        "budget:*",
        vec![
            Cell::Empty,
            Cell::text("TOTAL"),
            derived(d, s, year, id, "budget:*", "pagu"),
            derived(d, s, year, id, "budget:*", "realisasi"),
            derived(d, s, year, id, "budget:*", "serapan_pct"),
            derived(d, s, prev, id, "budget:*", "pagu"),
            derived(d, s, prev, id, "budget:*", "realisasi"),
            derived(d, s, prev, id, "budget:*", "serapan_pct"),
        ],
    ));
    (cols, rows)
}

/// The whole budget of a year as a tree: program → kegiatan → sub-kegiatan, with pagu murni,
/// pagu perubahan, their difference, realisasi, serapan, and the change of pagu against the
/// previous year.
pub fn budget_tree(d: &Dataset, s: &Settings, year: Year, lang: Lang) -> TableView {
    let last_year = year - 1;
    let columns = vec![
        text("kode", lang.pick("Kode", "Code")),
        text("uraian", lang.pick("Program / Kegiatan / Sub-kegiatan", "Programme / activity / sub-activity")),
        col("pagu_murni", lang.pick("Pagu murni", "Original budget"), ColumnKind::Money, true),
        col("pagu_perubahan", lang.pick("Pagu perubahan", "Revised budget"), ColumnKind::Money, true),
        col("selisih", lang.pick("Selisih perubahan", "Revision difference"), ColumnKind::Money, false),
        col("realisasi", lang.pick("Realisasi", "Actual"), ColumnKind::Money, true),
        col("serapan", lang.pick("Serapan (%)", "Absorption (%)"), ColumnKind::Percent, true),
        col(
            "perubahan_tahunan",
            tr!(lang, "Pagu vs {last_year} (%)", "Budget vs {last_year} (%)"),
            ColumnKind::Percent,
            false,
        ),
    ];
    let lines: Vec<&BudgetLine> = d.budget_lines.iter().filter(|b| b.year == year).collect();
    let tree = Tree::new(&lines, |b| &b.kode, |b| b.parent.as_deref());
    let mut rows = Vec::new();
    for (i, depth) in crate::calc::tree::preorder(&tree.parent, |i| lines[i].position) {
        let line = lines[i];
        let own = Amounts::own(line);
        let rolled = rolled_up(d, line);
        let subject = format!("budget:{}", line.kode);
        let serapan = resolve(d, s, year, &subject, "serapan_pct").ok().and_then(|r| r.value.number());
        let rolled_serapan = rolled.serapan().ok();
        let yoy = d
            .budget_line(year - 1, &line.kode)
            .and_then(|b| b.pagu())
            .zip(rolled.pagu)
            .and_then(|(before, now)| crate::calc::budget::change_pct(before, now).ok());
        rows.push(row(
            if depth == 0 { RowKind::Subtotal } else { RowKind::Normal },
            level(depth),
            subject,
            vec![
                Cell::text(&line.kode),
                Cell::text(&line.name),
                Cell::figure(m(line.pagu_murni), m(rolled.pagu_murni)),
                Cell::figure(m(line.alokasi.or(line.pagu_perubahan)), m(rolled.pagu)),
                Cell::value(crate::calc::budget::revision(line)),
                Cell::figure(m(own.realisasi), m(rolled.realisasi)),
                Cell::figure(serapan.map(round2), rolled_serapan.map(round2)),
                Cell::value(yoy.map(round2)),
            ],
        ));
    }
    if !rows.is_empty() {
        // The tree shows every top-level line, non-programme spending too: its total is the
        // grand total (the same as the programmes' where there is none).
        let total = crate::calc::budget::grand_total(d, year);
        let before = crate::calc::budget::grand_total(d, year - 1);
        let yoy = before.pagu.zip(total.pagu).and_then(|(b, n)| crate::calc::budget::change_pct(b, n).ok());
        rows.push(row(
            RowKind::Total,
            0,
            "budget:all",
            vec![
                Cell::Empty,
                Cell::text("TOTAL"),
                Cell::value(m(total.pagu_murni)),
                Cell::value(m(total.pagu)),
                Cell::value(total.pagu_murni.zip(total.pagu).map(|(a, b)| b.decimal() - a.decimal())),
                Cell::value(m(total.realisasi)),
                Cell::value(total.serapan().ok().map(round2)),
                Cell::value(yoy.map(round2)),
            ],
        ));
    }
    TableView {
        id: "anggaran".into(),
        year,
        title: tr!(
            lang,
            "Anggaran {year}: program, kegiatan dan sub-kegiatan",
            "Budget {year}: programmes, activities and sub-activities"
        ),
        source: String::new(),
        columns,
        rows,
        lang,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> Dataset {
        crate::embedded::dataset().unwrap()
    }

    fn set_parent<T>(
        rows: &mut [T],
        find: impl Fn(&T) -> bool,
        parent: &str,
        link: impl Fn(&mut T) -> &mut Option<String>,
    ) {
        let row = rows.iter_mut().find(|r| find(r)).unwrap();
        *link(row) = Some(parent.to_string());
    }

    #[test]
    fn a_masked_phone_shows_at_most_four_digits() {
        let shown = |s: &str| s.chars().filter(char::is_ascii_digit).count();
        assert_eq!(mask_phone("081212011963"), "08********63");
        assert_eq!(mask_phone("0818917566"), "08******66");
        assert_eq!(mask_phone("+62 812-1201-1963"), "+62 ***-****-**63");
        assert_eq!(mask_phone("8765432"), "*****32");
        assert_eq!(mask_phone("12345"), "*****");
        assert_eq!(mask_phone(""), "");
        for phone in ["081212011963", "0818917566", "+62 812-1201-1963", "021 8765432", "08123456789012345"] {
            assert!(shown(&mask_phone(phone)) <= 4, "{phone}: {}", mask_phone(phone));
        }
    }

    #[test]
    fn an_asset_cycle_keeps_table_1_2_and_every_row() {
        let mut d = embedded();
        let before = build_table(&d, &Settings::default(), "1.2", 2024, TableOptions::default()).unwrap();
        // Aset Tetap (1) under Tanah (1.1), which is under Aset Tetap: no root is left.
        set_parent(&mut d.assets, |a| a.year == 2024 && a.code == "1", "1.1", |a| &mut a.parent);
        let t = build_table(&d, &Settings::default(), "1.2", 2024, TableOptions::default()).unwrap();
        let assets_2024 = d.assets.iter().filter(|a| a.year == 2024).count();
        assert_eq!(t.rows.len(), assets_2024, "every asset of 2024 is a row");
        // The cycle is cut at its first row in the file (Aset Tetap), so the table reads as before.
        assert_eq!(t.rows, before.rows);
        assert_eq!(t.rows[0].subject, "asset:1");
        assert_eq!(t.rows[0].kind, RowKind::Total);
    }

    #[test]
    fn a_unit_cycle_hides_no_unit() {
        let mut d = embedded();
        // Sekretariat under its own Sub Bagian Keuangan.
        set_parent(&mut d.units, |u| u.code == "SEKRE", "KEU", |u| &mut u.parent);
        let mut shown = Vec::new();
        let mut todo: Vec<&Unit> = unit_children(&d, None);
        while let Some(u) = todo.pop() {
            assert!(shown.len() <= d.units.len(), "the walk ends");
            shown.push(u.code.clone());
            todo.extend(unit_children(&d, Some(&u.code)));
        }
        shown.sort();
        let mut all: Vec<String> = d.units.iter().map(|u| u.code.clone()).collect();
        all.sort();
        assert_eq!(shown, all);
        let top: Vec<&str> = unit_children(&d, None).iter().map(|u| u.code.as_str()).collect();
        assert_eq!(top, ["KADIS", "SEKRE", "KOP", "UMKM", "INF", "JF"], "cut at Sekretariat, the first in the file");
    }

    #[test]
    fn a_budget_cycle_ends_every_walk_and_keeps_its_lines() {
        let mut d = embedded();
        // Program 1 under its own kegiatan 1.1 (possible only in a database written without
        // the dataset checks).
        set_parent(&mut d.budget_lines, |b| b.year == 2024 && b.kode == "1", "1.1", |b| &mut b.parent);
        let tree = budget_tree(&d, &Settings::default(), 2024, Lang::Id);
        let lines_2024 = d.budget_lines.iter().filter(|b| b.year == 2024).count();
        assert_eq!(tree.rows.len(), lines_2024 + 1, "every line and the total");
        assert_eq!(tree.rows[0].subject, "budget:1");
        // Tabel 3.6 walks down from program 1, which now sits on the cycle.
        let t = build_table(&d, &Settings::default(), "3.6", 2024, TableOptions::default()).unwrap();
        let subjects: Vec<&str> = t.rows.iter().map(|r| r.subject.as_str()).collect();
        assert_eq!(subjects.iter().filter(|s| **s == "budget:1").count(), 1, "program 1 shown once");
        assert!(subjects.contains(&"budget:1.1.1"));
    }

    #[test]
    fn the_part_column_of_table_2_3_shows_words_not_codes() {
        let d = embedded();
        let t = build_table(&d, &Settings::default(), "2.3", 2024, TableOptions::default()).unwrap();
        assert_eq!(t.columns[0].key, "bagian");
        let parts = |t: &TableView| -> std::collections::BTreeSet<String> {
            t.rows
                .iter()
                .map(|r| match &r.cells[0] {
                    Cell::Text(s) => s.clone(),
                    other => panic!("a part is a text: {other:?}"),
                })
                .collect()
        };
        // Tabel 2.3 holds both the performance indicators and the programmes of the budget.
        assert_eq!(parts(&t), ["Anggaran", "Kinerja"].map(String::from).into());
        let en =
            build_table(&d, &Settings::default(), "2.3", 2024, TableOptions { lang: Lang::En, ..Default::default() })
                .unwrap();
        assert_eq!(parts(&en), ["Budget", "Performance"].map(String::from).into());
    }

    #[test]
    fn kinerja_own_titles_follow_the_language_and_the_printed_title_stays() {
        let d = embedded();
        let s = Settings::default();
        let id = build_table(&d, &s, "1.1", 2024, TableOptions::default()).unwrap();
        // Files are built like this: Indonesian.
        assert_eq!(id.label(), "Tabel 1.1");
        assert_eq!(id.columns[1].label, "JENJANG PENDIDIKAN");
        assert!(id.rows.iter().any(|r| r.cells.get(1) == Some(&Cell::text("JUMLAH"))));
        let en = build_table(&d, &s, "1.1", 2024, TableOptions { lang: Lang::En, ..Default::default() }).unwrap();
        assert_eq!(en.lang, Lang::En);
        assert_eq!(en.label(), "Table 1.1");
        assert_eq!(en.columns[1].label, "EDUCATION");
        assert!(en.rows.iter().any(|r| r.cells.get(1) == Some(&Cell::text("TOTAL"))));
        assert_eq!(en.title, id.title, "the printed title is data");
        assert_eq!(en.rows.len(), id.rows.len());
        // A year the report did not number has Kinerja's own titles, in the language.
        let id = build_table(&d, &s, "3.19", 2023, TableOptions::default()).unwrap();
        assert_eq!(id.title, "Pagu dan Realisasi Anggaran per Program Tahun 2023");
        let en = build_table(&d, &s, "3.19", 2023, TableOptions { lang: Lang::En, ..Default::default() }).unwrap();
        assert_eq!(en.title, "Budget and spending per programme, 2023");
        assert_eq!(en.columns[3].label, "ACTUAL");
        let tree = budget_tree(&d, &s, 2024, Lang::En);
        assert_eq!(tree.title, "Budget 2024: programmes, activities and sub-activities");
        assert_eq!(tree.columns[7].label, "Budget vs 2023 (%)");
        assert_eq!(budget_tree(&d, &s, 2024, Lang::Id).columns[7].label, "Pagu vs 2023 (%)");
    }

    #[test]
    fn a_printed_verdict_is_worded_in_the_table_language_and_compared_as_a_verdict() {
        let d = embedded();
        let s = Settings::default();
        let en = build_table(&d, &s, "3.17", 2024, TableOptions { lang: Lang::En, ..Default::default() }).unwrap();
        let verdicts: Vec<&Cell> =
            en.rows.iter().filter_map(|r| r.cells.last()).filter(|c| **c != Cell::Empty).collect();
        assert!(!verdicts.is_empty());
        // Tabel 3.17 prints `efisien` for every sasaran and Kinerja agrees (tests/tables.rs).
        for v in verdicts {
            assert_eq!(v, &Cell::Verdict { reported: Some("efficient".into()), computed: Some("efficient".into()) });
            assert!(!v.disagrees());
        }
    }

    #[test]
    fn an_indicator_reads_its_values_with_one_precision() {
        let d = embedded();
        let t = build_table(&d, &Settings::default(), "3.2", 2024, TableOptions::default()).unwrap();
        let row = t.rows.iter().find(|r| r.subject == "indicator:IKU1").unwrap();
        let shown: Vec<String> = t
            .columns
            .iter()
            .zip(&row.cells)
            .filter(|(c, _)| c.kind == ColumnKind::Number)
            .map(|(c, cell)| crate::report::cell_text(cell, c.kind, Lang::Id))
            .collect();
        // Tabel 3.2 prints 70 / 76.01 / 75.80 / 78.19 for Nilai AKIP; the window reads them alike.
        assert_eq!(shown, ["70,00", "76,01", "75,80", "78,19"]);
        // The figure itself is unchanged: 70 is 70.
        let first = t.columns.iter().position(|c| c.kind == ColumnKind::Number).unwrap();
        assert_eq!(row.cells[first], Cell::value(Some(Decimal::from(70))));
    }
}
