//! City-wide budget figures (for Bappeda): sums over every office, computed in SQL with one
//! query each, never one query per office.

use super::dataset::money;
use super::{Result, Store};
use crate::domain::{Money, Year};

/// One office's programme totals in a year (the report's program tables: top-level lines,
/// their own amounts).
#[derive(Clone, Debug, PartialEq)]
pub struct OfficeBudget {
    pub office_id: i64,
    pub code: String,
    pub name: String,
    pub pagu_murni: Option<Money>,
    pub pagu: Option<Money>,
    pub realisasi: Option<Money>,
}

/// The programme totals of all offices together in one year.
#[derive(Clone, Debug, PartialEq)]
pub struct YearBudget {
    pub year: Year,
    pub pagu_murni: Option<Money>,
    pub pagu: Option<Money>,
    pub realisasi: Option<Money>,
    /// Offices with a budget that year.
    pub offices: i64,
}

/// The aggregate behind [`Store::city_budget_by_year`]; public so that the benchmark can time
/// the plain query beside the function.
pub const CITY_BUDGET_BY_YEAR_SQL: &str = "SELECT year, SUM(pagu_murni_sen), \
     SUM(COALESCE(pagu_perubahan_sen, pagu_murni_sen)), SUM(realisasi_sen), COUNT(DISTINCT office_id) \
     FROM budget_line WHERE parent_kode IS NULL GROUP BY year ORDER BY year";

impl Store {
    /// Every office's programme totals in `year`, by office name; an office without a budget
    /// that year is listed with no amounts.
    pub fn city_budget(&self, year: Year) -> Result<Vec<OfficeBudget>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.id, o.code, o.name, SUM(b.pagu_murni_sen), \
             SUM(COALESCE(b.pagu_perubahan_sen, b.pagu_murni_sen)), SUM(b.realisasi_sen) \
             FROM office o LEFT JOIN budget_line b \
               ON b.office_id = o.id AND b.year = ?1 AND b.parent_kode IS NULL \
             GROUP BY o.id, o.code, o.name ORDER BY o.name, o.id",
        )?;
        let rows = stmt.query_map([year], |r| {
            Ok(OfficeBudget {
                office_id: r.get(0)?,
                code: r.get(1)?,
                name: r.get(2)?,
                pagu_murni: money(r, 3)?,
                pagu: money(r, 4)?,
                realisasi: money(r, 5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The city's programme totals per year, over all offices.
    pub fn city_budget_by_year(&self) -> Result<Vec<YearBudget>> {
        let mut stmt = self.conn.prepare_cached(CITY_BUDGET_BY_YEAR_SQL)?;
        let rows = stmt.query_map([], |r| {
            Ok(YearBudget {
                year: r.get(0)?,
                pagu_murni: money(r, 1)?,
                pagu: money(r, 2)?,
                realisasi: money(r, 3)?,
                offices: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every office's stored settings as key/value pairs, by office id.
    pub fn settings_all(&self) -> Result<std::collections::HashMap<i64, Vec<(String, String)>>> {
        let mut stmt =
            self.conn.prepare_cached("SELECT office_id, key, value FROM office_setting ORDER BY office_id")?;
        let mut out: std::collections::HashMap<i64, Vec<(String, String)>> = Default::default();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            out.entry(r.get(0)?).or_default().push((r.get(1)?, r.get(2)?));
        }
        Ok(out)
    }
}
