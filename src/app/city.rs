//! The city view (for Bappeda): every office's budget totals and IKU capaian side by side, and
//! the consistency check run over every office.

use crate::calc::akip::predicate;
use crate::calc::budget::Amounts;
use crate::calc::check::check;
use crate::calc::resolve::indicator_capaian;
use crate::calc::{mean, Settings};
use crate::domain::{Dataset, FundingSource, Money, SpendingType, Year};
use crate::format::Lang;
use crate::storage::{BudgetPart, StorageError, Store, YearBudget};
use crate::text::tr;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::Path;

/// One IKU's capaian in the city view.
#[derive(Clone, Debug, PartialEq)]
pub struct IkuCapaian {
    pub code: String,
    pub name: String,
    /// `None` when it cannot be computed (no target, no realisation yet, …).
    pub capaian: Option<Decimal>,
}

/// One office's line in the city view.
#[derive(Clone, Debug, PartialEq)]
pub struct CityRow {
    pub office_id: i64,
    pub code: String,
    pub name: String,
    pub pagu: Option<Money>,
    pub realisasi: Option<Money>,
    pub serapan: Option<Decimal>,
    pub iku: Vec<IkuCapaian>,
    /// Mean capaian of the IKU that could be computed.
    pub mean_capaian: Option<Decimal>,
    pub akip_score: Option<Decimal>,
    /// The predicate as recorded, or computed from the score where none was recorded.
    pub akip_predicate: Option<String>,
}

/// Every office in one year, with the city's totals and its budget over the years.
#[derive(Clone, Debug, PartialEq)]
pub struct CityView {
    pub year: Year,
    pub rows: Vec<CityRow>,
    pub pagu: Option<Money>,
    pub realisasi: Option<Money>,
    pub serapan: Option<Decimal>,
    pub by_year: Vec<YearBudget>,
    /// Every top-level line of every office, programmes and non-programme spending
    /// (`budget:all` summed over the offices).
    pub all: Amounts,
    /// Offices with any top-level line that year.
    pub all_offices: usize,
    /// The year's totals per funding source, in the order of [`FundingSource::ALL`]; only the
    /// sources some office has lines of.
    pub sources: Vec<CityPart<FundingSource>>,
    /// The year's totals per spending type, in the order of [`SpendingType::ALL`]; only the
    /// types some office has lines of.
    pub spending: Vec<CityPart<SpendingType>>,
}

/// The city's total of one funding source or spending type in a year.
#[derive(Clone, Debug, PartialEq)]
pub struct CityPart<K> {
    pub key: K,
    pub amounts: Amounts,
    /// Offices with top-level lines of this source or type.
    pub offices: usize,
}

/// The city's totals per key (`key` picks a part's source or type), each the sum of the offices'
/// parts, in the order of `all`.
fn parts_by<K: Copy + PartialEq>(parts: &[BudgetPart], all: &[K], key: impl Fn(&BudgetPart) -> K) -> Vec<CityPart<K>> {
    all.iter()
        .filter_map(|k| {
            let mine: Vec<&BudgetPart> = parts.iter().filter(|p| key(p) == *k).collect();
            if mine.is_empty() {
                return None;
            }
            // The parts come ordered by office, so an office's parts are next to each other.
            let mut offices: Vec<i64> = mine.iter().map(|p| p.office_id).collect();
            offices.dedup();
            let amounts = mine.iter().fold(Amounts::default(), |acc, p| acc.plus(p.amounts));
            Some(CityPart { key: *k, amounts, offices: offices.len() })
        })
        .collect()
}

fn settings_from(pairs: Option<&Vec<(String, String)>>) -> Settings {
    Settings::from_stored(pairs.into_iter().flatten().map(|(k, v)| (k, v)))
}

/// The IKU capaian and AKIP result of one office in `year`.
fn performance(d: &Dataset, s: &Settings, year: Year) -> (Vec<IkuCapaian>, Option<Decimal>, Option<String>) {
    let iku: Vec<IkuCapaian> = d
        .period_of_year(year)
        .map(|p| d.ikus_of_period(&p.code))
        .unwrap_or_default()
        .into_iter()
        .map(|i| IkuCapaian {
            code: i.code.clone(),
            name: i.name.clone(),
            capaian: indicator_capaian(d, s, &i.code, year).ok().and_then(|r| r.value.number()),
        })
        .collect();
    let akip = d.akip_evaluations.iter().find(|a| a.year == year);
    let score = akip.map(|a| a.score);
    let pred = akip.and_then(|a| {
        if a.predicate.trim().is_empty() {
            predicate(a.score).ok().map(|p| p.code().to_string())
        } else {
            Some(a.predicate.clone())
        }
    });
    (iku, score, pred)
}

/// Builds the city view of `year`: a handful of queries whatever the number of offices.
pub fn city_view(store: &Store, year: Year) -> Result<CityView, StorageError> {
    let budgets = store.city_budget(year)?;
    let performance_data = store.load_performance_all()?;
    let settings = store.settings_all()?;
    let by_year = store.city_budget_by_year()?;
    let parts = store.city_budget_parts(year)?;
    let mut rows = Vec::with_capacity(budgets.len());
    let mut total = Amounts::default();
    for budget in budgets {
        let amounts = budget.amounts();
        let office_id = budget.office_id;
        let (iku, akip_score, akip_predicate) = match performance_data.get(&office_id) {
            Some(d) => performance(d, &settings_from(settings.get(&office_id)), year),
            None => (Vec::new(), None, None),
        };
        let values: Vec<Decimal> = iku.iter().filter_map(|i| i.capaian).collect();
        total = total.plus(amounts);
        rows.push(CityRow {
            office_id,
            code: budget.code,
            name: budget.name,
            pagu: amounts.pagu,
            realisasi: amounts.realisasi,
            serapan: amounts.serapan().ok(),
            mean_capaian: mean(&values),
            iku,
            akip_score,
            akip_predicate,
        });
    }
    let all = parts.iter().fold(Amounts::default(), |acc, p| acc.plus(p.amounts));
    let mut all_offices: Vec<i64> = parts.iter().map(|p| p.office_id).collect();
    all_offices.dedup();
    Ok(CityView {
        year,
        rows,
        pagu: total.pagu,
        realisasi: total.realisasi,
        serapan: total.serapan().ok(),
        by_year,
        all,
        all_offices: all_offices.len(),
        sources: parts_by(&parts, &FundingSource::ALL, |p| p.source),
        spending: parts_by(&parts, &SpendingType::ALL, |p| p.spending),
    })
}

/// One office's result of the city-wide check.
#[derive(Clone, Debug, PartialEq)]
pub struct OfficeCheck {
    pub office_id: i64,
    pub name: String,
    pub findings: usize,
}

/// Runs the consistency check on every office of the database at `path`, on a connection of its
/// own (so it can run beside the window). `progress(done, total)` is called before each office
/// and after the last; when it returns `false` the work stops with [`StorageError::Cancelled`].
pub fn check_city(path: &Path, progress: &dyn Fn(usize, usize) -> bool) -> Result<Vec<OfficeCheck>, StorageError> {
    check_city_in(&Store::open_read_only(path)?, progress)
}

/// [`check_city`] on an open store (a server database's connection of its own).
pub fn check_city_in(store: &Store, progress: &dyn Fn(usize, usize) -> bool) -> Result<Vec<OfficeCheck>, StorageError> {
    let offices = store.offices()?;
    let settings: HashMap<i64, Vec<(String, String)>> = store.settings_all()?;
    let mut out = Vec::with_capacity(offices.len());
    for (i, office) in offices.iter().enumerate() {
        if !progress(i, offices.len()) {
            return Err(StorageError::Cancelled);
        }
        let d = store.load_dataset(office.id)?;
        let report = check(&d, &settings_from(settings.get(&office.id)), None);
        out.push(OfficeCheck { office_id: office.id, name: office.name.clone(), findings: report.findings.len() });
    }
    if !progress(offices.len(), offices.len()) {
        return Err(StorageError::Cancelled);
    }
    Ok(out)
}

/// The city view as a table (shown, sorted, filtered and saved like the report's tables); each
/// row's subject is `office:ID`. With `checks`, a column gives each office's findings. Kinerja's
/// own words in it (titles, `Jumlah`) are in `lang`; the window builds it in its language, files
/// in Indonesian.
pub fn city_table(v: &CityView, checks: Option<&[OfficeCheck]>, lang: Lang) -> crate::report::TableView {
    use crate::report::{Cell, Column, ColumnKind, RowKind, TableRow, TableView};
    let col = |key: &str, id: &str, en: &str, kind| Column {
        key: key.into(),
        label: lang.pick(id, en).into(),
        kind,
        derived: false,
    };
    let mut columns = vec![
        col("perangkat_daerah", "Perangkat Daerah", "Office", ColumnKind::Text),
        col("pagu", "Pagu (Rp)", "Budget (Rp)", ColumnKind::Money),
        col("realisasi", "Realisasi (Rp)", "Actual (Rp)", ColumnKind::Money),
        col("serapan", "Serapan (%)", "Absorption (%)", ColumnKind::Percent),
        col("iku", "Jumlah IKU", "IKU count", ColumnKind::Count),
        col("capaian_rata_rata", "Rata-rata Capaian IKU (%)", "Average IKU achievement (%)", ColumnKind::Percent),
        col("nilai_akip", "Nilai AKIP", "AKIP score", ColumnKind::Number),
        col("predikat", "Predikat", "Predicate", ColumnKind::Text),
    ];
    if checks.is_some() {
        columns.push(col("temuan", "Temuan Pemeriksaan", "Check findings", ColumnKind::Count));
    }
    let money = |m: Option<Money>| Cell::value(m.map(|m| m.decimal()));
    let mut rows: Vec<TableRow> = v
        .rows
        .iter()
        .map(|r| {
            let mut cells = vec![
                Cell::text(&r.name),
                money(r.pagu),
                money(r.realisasi),
                Cell::value(r.serapan.map(|v| v.round_dp(2))),
                Cell::value(Some(Decimal::from(r.iku.len()))),
                Cell::value(r.mean_capaian.map(|v| v.round_dp(2))),
                Cell::value(r.akip_score),
                r.akip_predicate.clone().map_or(Cell::Empty, Cell::Text),
            ];
            if let Some(checks) = checks {
                let n = checks.iter().find(|c| c.office_id == r.office_id).map(|c| Decimal::from(c.findings));
                cells.push(Cell::value(n));
            }
            TableRow { kind: RowKind::Normal, level: 0, cells, subject: format!("office:{}", r.office_id) }
        })
        .collect();
    let mut total = vec![
        Cell::text(lang.pick("Jumlah", "Total")),
        money(v.pagu),
        money(v.realisasi),
        Cell::value(v.serapan.map(|v| v.round_dp(2))),
        Cell::value(Some(Decimal::from(v.rows.iter().map(|r| r.iku.len()).sum::<usize>()))),
        Cell::value(mean(&v.rows.iter().filter_map(|r| r.mean_capaian).collect::<Vec<_>>()).map(|v| v.round_dp(2))),
        Cell::Empty,
        Cell::Empty,
    ];
    if let Some(checks) = checks {
        total.push(Cell::value(Some(Decimal::from(checks.iter().map(|c| c.findings).sum::<usize>()))));
    }
    rows.push(TableRow { kind: RowKind::Total, level: 0, cells: total, subject: String::new() });
    let mut table = TableView {
        id: "Kota".into(),
        year: v.year,
        title: tr!(
            lang,
            "Kinerja dan anggaran seluruh perangkat daerah tahun {}",
            "Performance and budget of every office in {}",
            v.year
        ),
        source: lang
            .pick(
                "Kinerja: jumlah pagu dan realisasi program setiap perangkat daerah; capaian IKU dihitung dari target dan realisasi",
                "Kinerja: each office's programme totals of budget and spending; IKU achievement computed from target and actual",
            )
            .into(),
        columns,
        rows,
        lang,
    };
    table.align_values();
    table
}

/// The city's budget of the year per funding source and per spending type (`source:CODE`,
/// `spending:CODE` summed over the offices), and everything together (`budget:all`): pagu,
/// realisasi, serapan and how many offices have such lines. Built in `lang` like
/// [`city_table`].
pub fn city_parts_table(v: &CityView, lang: Lang) -> crate::report::TableView {
    use crate::report::{Cell, Column, ColumnKind, RowKind, TableRow, TableView};
    let col = |key: &str, label: String, kind| Column { key: key.into(), label, kind, derived: false };
    let columns = vec![
        col("kelompok", tr!(lang, "Kelompok", "Grouped by"), ColumnKind::Text),
        col("uraian", tr!(lang, "Sumber dana / jenis belanja", "Funding source / spending type"), ColumnKind::Text),
        col("pagu", tr!(lang, "Pagu (Rp)", "Budget (Rp)"), ColumnKind::Money),
        col("realisasi", tr!(lang, "Realisasi (Rp)", "Actual (Rp)"), ColumnKind::Money),
        col("serapan", tr!(lang, "Serapan (%)", "Absorption (%)"), ColumnKind::Percent),
        col("perangkat_daerah", tr!(lang, "Jumlah perangkat daerah", "Offices"), ColumnKind::Count),
    ];
    let row = |kind, group: String, name: &str, a: &Amounts, offices: Option<usize>, subject: String| TableRow {
        kind,
        level: 0,
        cells: vec![
            Cell::text(&group),
            Cell::text(name),
            Cell::value(a.pagu.map(|m| m.decimal())),
            Cell::value(a.realisasi.map(|m| m.decimal())),
            Cell::value(a.serapan().ok().map(|v| v.round_dp(2))),
            Cell::value(offices.map(Decimal::from)),
        ],
        subject,
    };
    let by_source = tr!(lang, "Sumber dana", "Funding source");
    let by_type = tr!(lang, "Jenis belanja", "Spending type");
    let mut rows: Vec<TableRow> = v
        .sources
        .iter()
        .map(|p| {
            let name = crate::text::funding_source(p.key, lang);
            row(
                RowKind::Normal,
                by_source.clone(),
                name,
                &p.amounts,
                Some(p.offices),
                format!("source:{}", p.key.code()),
            )
        })
        .chain(v.spending.iter().map(|p| {
            let name = crate::text::spending_type(p.key, lang);
            row(
                RowKind::Normal,
                by_type.clone(),
                name,
                &p.amounts,
                Some(p.offices),
                format!("spending:{}", p.key.code()),
            )
        }))
        .collect();
    rows.push(row(
        RowKind::Total,
        tr!(lang, "Jumlah", "Total"),
        &tr!(
            lang,
            "Seluruh belanja (program dan di luar program)",
            "All spending (programmes and non-programme lines)"
        ),
        &v.all,
        Some(v.all_offices),
        "budget:all".into(),
    ));
    let mut table = TableView {
        id: "Kota-sumber-dana".into(),
        year: v.year,
        title: tr!(
            lang,
            "Anggaran seluruh perangkat daerah menurut sumber dana dan jenis belanja tahun {}",
            "Budget of every office by funding source and spending type in {}",
            v.year
        ),
        source: tr!(
            lang,
            "Kinerja: jumlah pagu dan realisasi setiap perangkat daerah menurut sumber dana dan jenis belanja",
            "Kinerja: each office's budget and spending totals by funding source and spending type"
        ),
        columns,
        rows,
        lang,
    };
    table.align_values();
    table
}

/// The city's budget per year as amounts (for the trend charts).
pub fn by_year_amounts(v: &CityView) -> Vec<(Year, crate::calc::budget::Amounts)> {
    v.by_year.iter().map(|y| (y.year, y.amounts())).collect()
}
