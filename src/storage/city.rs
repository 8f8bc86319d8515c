//! City-wide budget figures (for Bappeda): sums over every office, computed in SQL with one
//! query each, never one query per office.
//!
//! Each top-level line counts as `calc::budget::effective` counts it for its office: its final
//! pagu is its single alokasi, else its pagu perubahan, else its pagu murni; a figure it does not
//! print is the sum of its kegiatan's (each kegiatan's own, else the sum of its sub-kegiatan's);
//! serapan's pagu is the pagu of the lines that have a realisasi. The city's sums therefore equal
//! the sums of the offices' own totals (`budget:*`, `budget:all`, `source:CODE`,
//! `spending:CODE`).

use super::dataset::{corrupt, money};
use super::sql::{args, DbResult, Row};
use super::{Result, Store};
use crate::calc::budget::Amounts;
use crate::domain::{Coded, FundingSource, Money, SpendingType, Year};
use std::sync::LazyLock;

/// One office's programme totals in a year (the report's program tables: top-level lines of
/// spending type `program`, rolled up from their kegiatan where they print no amounts).
#[derive(Clone, Debug, PartialEq)]
pub struct OfficeBudget {
    pub office_id: i64,
    pub code: String,
    pub name: String,
    pub pagu_murni: Option<Money>,
    pub pagu: Option<Money>,
    pub realisasi: Option<Money>,
    /// The pagu of the lines with a realisasi (serapan's denominator).
    pub pagu_serapan: Option<Money>,
}

/// The programme totals of all offices together in one year.
#[derive(Clone, Debug, PartialEq)]
pub struct YearBudget {
    pub year: Year,
    pub pagu_murni: Option<Money>,
    pub pagu: Option<Money>,
    pub realisasi: Option<Money>,
    /// The pagu of the lines with a realisasi (serapan's denominator).
    pub pagu_serapan: Option<Money>,
    /// Offices with a programme that year.
    pub offices: i64,
}

/// The top-level lines of one office in a year that share a funding source and a spending type.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetPart {
    pub office_id: i64,
    pub source: FundingSource,
    pub spending: SpendingType,
    pub amounts: Amounts,
}

impl OfficeBudget {
    pub fn amounts(&self) -> Amounts {
        amounts(self.pagu_murni, self.pagu, self.realisasi, self.pagu_serapan)
    }
}

impl YearBudget {
    pub fn amounts(&self) -> Amounts {
        amounts(self.pagu_murni, self.pagu, self.realisasi, self.pagu_serapan)
    }
}

fn amounts(
    pagu_murni: Option<Money>,
    pagu: Option<Money>,
    realisasi: Option<Money>,
    pagu_serapan: Option<Money>,
) -> Amounts {
    Amounts { pagu_murni, pagu, realisasi, pagu_serapan, overflow: false }
}

/// A figure of a budget line, as `calc::budget::Amounts` holds it.
#[derive(Clone, Copy, PartialEq)]
enum Figure {
    PaguMurni,
    Pagu,
    Realisasi,
    PaguSerapan,
}

/// The figure as the line `a` prints it at its own level (`Amounts::own`).
fn own(figure: Figure, a: &str) -> String {
    let pagu = format!("COALESCE({a}.alokasi_sen, {a}.pagu_perubahan_sen, {a}.pagu_murni_sen)");
    match figure {
        Figure::PaguMurni => format!("{a}.pagu_murni_sen"),
        Figure::Pagu => pagu,
        Figure::Realisasi => format!("{a}.realisasi_sen"),
        Figure::PaguSerapan => format!("CASE WHEN {a}.realisasi_sen IS NOT NULL THEN {pagu} END"),
    }
}

/// The sum of the figure over the children of line `a`, each rolled up `depth − 1` levels.
fn children(figure: Figure, a: &str, depth: u8) -> String {
    let c = format!("c{depth}");
    format!(
        "(SELECT SUM({}) FROM budget_line {c} WHERE {c}.office_id = {a}.office_id AND {c}.year = {a}.year \
         AND {c}.parent_kode = {a}.kode)",
        rolled(figure, &c, depth - 1)
    )
}

/// The figure of line `a` rolled up `depth` levels (`calc::budget::rolled_up`): its own where
/// it prints it, its children's sum otherwise; serapan's pagu follows the realisasi it is taken
/// with. COALESCE and CASE are evaluated lazily by SQLite, so a line that prints its figures
/// never looks at its children.
fn rolled(figure: Figure, a: &str, depth: u8) -> String {
    if depth == 0 {
        return own(figure, a);
    }
    match figure {
        Figure::PaguSerapan => format!(
            "CASE WHEN {a}.realisasi_sen IS NOT NULL THEN {} ELSE {} END",
            rolled(Figure::Pagu, a, depth),
            children(Figure::PaguSerapan, a, depth)
        ),
        _ => format!("COALESCE({}, {})", own(figure, a), children(figure, a, depth)),
    }
}

/// The four sums (pagu murni, pagu, realisasi, serapan's pagu) over the top-level lines `t`.
/// Budget lines have three levels (program, kegiatan, sub-kegiatan: the reader and the edits
/// refuse a line under a sub-kegiatan), so rolling up two levels reaches every line. A sum of
/// BIGINT sen is NUMERIC on PostgreSQL; the cast reads it back as the integer SQLite gives (and
/// fails on both engines rather than round where it would not fit).
fn top_sums() -> String {
    [Figure::PaguMurni, Figure::Pagu, Figure::Realisasi, Figure::PaguSerapan]
        .iter()
        .map(|f| format!("CAST(SUM({}) AS BIGINT)", rolled(*f, "t", 2)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The aggregate behind [`Store::city_budget_by_year`]: year, the four sums of the programmes,
/// offices; public so that the benchmark can time the plain query beside the function.
pub static CITY_BUDGET_BY_YEAR_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT t.year, {}, COUNT(DISTINCT t.office_id) FROM budget_line t \
         WHERE t.parent_kode IS NULL AND t.spending = 'program' GROUP BY t.year ORDER BY t.year",
        top_sums()
    )
});

static CITY_BUDGET_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT o.id, o.code, o.name, {} \
         FROM office o LEFT JOIN budget_line t \
           ON t.office_id = o.id AND t.year = ?1 AND t.parent_kode IS NULL AND t.spending = 'program' \
         GROUP BY o.id, o.code, o.name ORDER BY o.name, o.id",
        top_sums()
    )
});

static CITY_BUDGET_PARTS_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT t.office_id, t.source, t.spending, {} FROM budget_line t \
         WHERE t.year = ?1 AND t.parent_kode IS NULL \
         GROUP BY t.office_id, t.source, t.spending ORDER BY t.office_id, t.source, t.spending",
        top_sums()
    )
});

fn coded<T: Coded>(row: &Row, i: usize) -> DbResult<T> {
    let code: String = row.get(i)?;
    T::from_code(&code).ok_or_else(|| corrupt(format!("'{code}' is not one of {}", T::codes())))
}

impl Store {
    /// Every office's programme totals in `year`, by office name; an office without a budget
    /// that year is listed with no amounts.
    pub fn city_budget(&self, year: Year) -> Result<Vec<OfficeBudget>> {
        Ok(self.db().query_map(&CITY_BUDGET_SQL, &args![year], |r| {
            Ok(OfficeBudget {
                office_id: r.get(0)?,
                code: r.get(1)?,
                name: r.get(2)?,
                pagu_murni: money(r, 3)?,
                pagu: money(r, 4)?,
                realisasi: money(r, 5)?,
                pagu_serapan: money(r, 6)?,
            })
        })?)
    }

    /// The city's programme totals per year, over all offices.
    pub fn city_budget_by_year(&self) -> Result<Vec<YearBudget>> {
        Ok(self.db().query_map(&CITY_BUDGET_BY_YEAR_SQL, &[], |r| {
            Ok(YearBudget {
                year: r.get(0)?,
                pagu_murni: money(r, 1)?,
                pagu: money(r, 2)?,
                realisasi: money(r, 3)?,
                pagu_serapan: money(r, 4)?,
                offices: r.get(5)?,
            })
        })?)
    }

    /// Every office's totals in `year` per funding source and spending type: one row for each
    /// office, source and type that has top-level lines. The city's totals per source, per type
    /// and overall are sums of these rows.
    pub fn city_budget_parts(&self, year: Year) -> Result<Vec<BudgetPart>> {
        Ok(self.db().query_map(&CITY_BUDGET_PARTS_SQL, &args![year], |r| {
            Ok(BudgetPart {
                office_id: r.get(0)?,
                source: coded(r, 1)?,
                spending: coded(r, 2)?,
                amounts: amounts(money(r, 3)?, money(r, 4)?, money(r, 5)?, money(r, 6)?),
            })
        })?)
    }

    /// Every office's stored settings as key/value pairs, by office id.
    pub fn settings_all(&self) -> Result<std::collections::HashMap<i64, Vec<(String, String)>>> {
        let rows = self.db().query_map(
            "SELECT office_id, key, value FROM office_setting ORDER BY office_id, key",
            &[],
            |r| Ok((r.get::<i64>(0)?, r.get::<String>(1)?, r.get::<String>(2)?)),
        )?;
        let mut out: std::collections::HashMap<i64, Vec<(String, String)>> = Default::default();
        for (office, key, value) in rows {
            out.entry(office).or_default().push((key, value));
        }
        Ok(out)
    }
}
