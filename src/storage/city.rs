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

#[cfg(test)]
mod tests {
    use super::super::sql::{Db, Value};
    use super::super::StorageError;
    use super::*;

    /// A database of this test's own on the test server, dropped at the end (also on failure).
    struct ServerDb {
        maintenance: String,
        name: String,
    }

    impl Drop for ServerDb {
        fn drop(&mut self) {
            if let Ok(mut c) = postgres::Client::connect(&self.maintenance, postgres::NoTls) {
                let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
            }
        }
    }

    /// A connection to a new database on the test server, or `None` (saying so) without one.
    fn server_db(label: &str) -> Option<(ServerDb, Db)> {
        let maintenance = std::env::var("KINERJA_TEST_PG")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
        let mut client = match postgres::Client::connect(&maintenance, postgres::NoTls) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("skipped: no PostgreSQL server at {maintenance} ({e}); set KINERJA_TEST_PG=postgres://…");
                return None;
            }
        };
        let name = format!("kinerja_test_{}_{label}", std::process::id());
        client.batch_execute(&format!("CREATE DATABASE {name}")).expect("create the test database");
        let guard = ServerDb { maintenance: maintenance.clone(), name: name.clone() };
        let at = maintenance.rfind('/').expect("the server URL names a database");
        let url = format!("{}/{name}", &maintenance[..at]);
        let db = Db::postgres(postgres::Client::connect(&url, postgres::NoTls).expect("connect to the test database"));
        Some((guard, db))
    }

    /// The columns the city's figures read, as a server would declare them (text compared
    /// byte by byte, as SQLite compares it).
    const SERVER_TABLES: &str = r#"
        CREATE TABLE office (id BIGINT PRIMARY KEY, code TEXT COLLATE "C" NOT NULL UNIQUE, name TEXT COLLATE "C" NOT NULL);
        CREATE TABLE budget_line (id BIGINT PRIMARY KEY, office_id BIGINT NOT NULL REFERENCES office(id),
            year INTEGER NOT NULL, kode TEXT COLLATE "C" NOT NULL, parent_kode TEXT COLLATE "C",
            source TEXT COLLATE "C" NOT NULL, spending TEXT COLLATE "C" NOT NULL,
            pagu_murni_sen BIGINT, pagu_perubahan_sen BIGINT, alokasi_sen BIGINT, realisasi_sen BIGINT);
        CREATE TABLE office_setting (office_id BIGINT NOT NULL REFERENCES office(id), key TEXT COLLATE "C" NOT NULL,
            value TEXT NOT NULL, PRIMARY KEY (office_id, key));
    "#;

    /// Copies `columns` of `table` from one database to the other, row for row.
    fn copy(from: &Db, to: &Db, table: &str, columns: &str) {
        let n = columns.split(',').count();
        let marks: Vec<String> = (1..=n).map(|i| format!("?{i}")).collect();
        let insert = format!("INSERT INTO {table} ({columns}) VALUES ({})", marks.join(", "));
        let rows = from.query(&format!("SELECT {columns} FROM {table}"), &[]).expect("read");
        assert!(!rows.is_empty(), "{table} has rows to copy");
        for row in rows {
            let values: Vec<Value> = row.into_values();
            to.execute(&insert, &values).expect("copied");
        }
    }

    #[test]
    fn the_city_figures_are_the_same_on_a_server() {
        let Some((_guard, server)) = server_db("city_figures") else { return };
        let mut file = Store::open_in_memory().expect("a new database");
        let reference = crate::embedded::dataset().expect("the embedded dataset is valid");
        let first = file.save_dataset(&reference).expect("saved");
        let spec = crate::demo::DemoSpec { offices: 3, years: 3, lines: 6, ..Default::default() };
        for number in 2..=3 {
            let d = crate::demo::synthetic_office(&spec, number).expect("generated");
            file.save_dataset(&d).expect("saved");
        }
        file.set_setting(first, "capaian_cap", "120").expect("set");
        file.set_setting(first, "band", "x").expect("set");

        server.batch(SERVER_TABLES).expect("tables made");
        copy(file.db(), &server, "office", "id, code, name");
        copy(
            file.db(),
            &server,
            "budget_line",
            "id, office_id, year, kode, parent_kode, source, spending, pagu_murni_sen, pagu_perubahan_sen, alokasi_sen, realisasi_sen",
        );
        copy(file.db(), &server, "office_setting", "office_id, key, value");
        let mut on_server = Store { db: server, path: None, server: Some("test".into()) };
        // The server's upsert, as the file's: a second write of a key replaces its value.
        on_server.set_setting(first, "capaian_cap", "110").expect("set on the server");
        file.set_setting(first, "capaian_cap", "110").expect("set");

        assert_eq!(on_server.offices().expect("read"), file.offices().expect("read"));
        assert_eq!(on_server.office_id(&reference.office.code).expect("read"), Some(first));
        assert_eq!(on_server.setting(first, "capaian_cap").expect("read").as_deref(), Some("110"));
        assert_eq!(on_server.settings_all().expect("read"), file.settings_all().expect("read"));
        let by_year = file.city_budget_by_year().expect("read");
        assert!(by_year.len() >= 3, "several years: {by_year:?}");
        assert_eq!(on_server.city_budget_by_year().expect("read"), by_year);
        // A year without any line lists every office without amounts on both.
        let years: Vec<Year> = by_year.iter().map(|y| y.year).chain([1999]).collect();
        for year in years {
            let offices = file.city_budget(year).expect("read");
            assert_eq!(offices.len(), 3);
            assert_eq!(on_server.city_budget(year).expect("read"), offices, "{year}");
            assert_eq!(on_server.city_budget_parts(year).expect("read"), file.city_budget_parts(year).expect("read"));
        }
        // Sums of big amounts come back whole (a server's SUM is NUMERIC).
        on_server.db().execute("UPDATE budget_line SET realisasi_sen = 4000000000000000 WHERE realisasi_sen IS NOT NULL AND office_id = ?1 AND parent_kode IS NULL", &args![first]).expect("written");
        let big = on_server.city_budget_by_year().expect("read");
        assert!(big.iter().any(|y| y.realisasi.is_some_and(|m| m.to_sen() >= 4_000_000_000_000_000)), "{big:?}");
    }

    // Here rather than in safety.rs: it needs the test server this module already reaches.
    #[test]
    fn a_store_on_a_server_says_backups_and_integrity_checks_are_for_a_file() {
        use crate::format::Lang;
        let Some((_guard, server)) = server_db("file_only") else { return };
        let store = Store { db: server, path: None, server: Some("test".into()) };
        assert!(!store.is_read_only());
        let backup = store.backup("harian").expect_err("a server has no backup file");
        assert!(matches!(backup, StorageError::NotAFile { what: super::super::FileOnly::Backup }), "{backup:?}");
        assert_eq!(
            backup.message(Lang::En),
            "A backup copy is for a database file; this database is on a server, where the server's administrator keeps copies and checks"
        );
        assert!(
            backup.message(Lang::Id).starts_with("Salinan cadangan hanya untuk berkas basis data"),
            "{}",
            backup.message_id()
        );
        let check = store.integrity_problems().expect_err("a server has no integrity check of a file");
        assert!(matches!(check, StorageError::NotAFile { what: super::super::FileOnly::IntegrityCheck }), "{check:?}");
        assert!(
            check.message(Lang::Id).starts_with("Pemeriksaan keutuhan hanya untuk berkas"),
            "{}",
            check.message_id()
        );
    }
}
