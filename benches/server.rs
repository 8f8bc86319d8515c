//! The window and the Kota tab's aggregates on a PostgreSQL server beside the same on the demo
//! city's SQLite file, and a load test of planners saving at once (`docs/performance.md`, "Di
//! server PostgreSQL").
//!
//! `KINERJA_BENCH_PG=postgres://USER@HOST/DATABASE cargo bench --bench server`: the database is
//! created when missing and given the demo city's offices it does not hold yet (from the file of
//! `benches/city.rs`, `target/bench-city.sqlite` or `KINERJA_BENCH_DB`, four offices at a time);
//! a database holding other offices is refused. `KINERJA_BENCH_RUNS` (default 10) timed runs of each case, after one
//! untimed; `KINERJA_LOAD_SECS` (default 60, 0 to skip) and `KINERJA_LOAD_PLANNERS` (default 20)
//! for the load test, which edits Renstra targets of the city's offices on the server.

mod common;
#[path = "../tests/common/load.rs"]
mod load;

use common::{big_office, city_db, harness, state, YearRow};

use kinerja::app::city::city_view;
use kinerja::app::{Integrity, Location, Session};
use kinerja::storage::{ServerAddress, Store, CITY_BUDGET_BY_YEAR_SQL};
use kinerja::ui::{KinerjaApp, Tab};
use std::path::Path;
use std::time::{Duration, Instant};

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v.trim().parse().unwrap_or_else(|_| panic!("{name} must be a whole number, not '{v}'")),
        Err(_) => default,
    }
}

/// The server database of `url`, created when missing, with the offices of `file` it lacks.
fn server_city(url: &str, file: &Path) -> ServerAddress {
    let address = ServerAddress::parse(url).expect("KINERJA_BENCH_PG is a postgres:// address");
    let (base, name) = url.rsplit_once('/').expect("KINERJA_BENCH_PG names a database");
    let name = name.split('?').next().unwrap_or(name);
    let mut admin = postgres::Client::connect(&format!("{base}/postgres"), postgres::NoTls)
        .expect("the server's postgres database answers");
    let exists = admin.query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&name]).expect("pg_database");
    if exists.is_none() {
        admin.batch_execute(&format!("CREATE DATABASE \"{}\"", name.replace('"', "\"\""))).expect("database created");
    }
    let server = Store::open_server(&address).expect("the server database opens");
    let in_file: Vec<String> =
        Store::open_read_only(file).expect("file").offices().expect("offices").into_iter().map(|o| o.code).collect();
    let others: Vec<String> =
        server.offices().expect("offices").into_iter().map(|o| o.code).filter(|c| !in_file.contains(c)).collect();
    assert!(
        others.is_empty(),
        "{} holds offices the demo city has not ({others:?}); drop it or name another database",
        address.shown()
    );
    let started = Instant::now();
    load::copy_offices(file, &address, 4).expect("the city is copied to the server");
    eprintln!(
        "the demo city's offices are on {} ({:.1} s to copy those missing)",
        address.shown(),
        started.elapsed().as_secs_f64()
    );
    // As the server's autovacuum does some time after a bulk load: statistics for the planner and
    // the visibility map that lets an index-only scan (`budget_line_top`) skip the table.
    let started = Instant::now();
    postgres::Client::connect(url, postgres::NoTls)
        .and_then(|mut c| c.batch_execute("VACUUM ANALYZE"))
        .expect("VACUUM ANALYZE on the server database");
    eprintln!("VACUUM ANALYZE: {:.1} s", started.elapsed().as_secs_f64());
    address
}

/// Median, fastest and slowest of `runs` timed runs of `f`, after one untimed.
fn time(runs: u64, mut f: impl FnMut() -> Duration) -> [Duration; 3] {
    f();
    let mut t: Vec<Duration> = (0..runs).map(|_| f()).collect();
    t.sort();
    [t[t.len() / 2], t[0], t[t.len() - 1]]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

/// The window opened on the SQLite file at `tab` and its first frame drawn; the integrity check
/// it starts runs to its end untimed, as in `benches/city.rs`.
fn file_window(db: &Path, tab: Tab, office: &str, year: i32) -> Duration {
    let started = Instant::now();
    let mut h = harness(KinerjaApp::new(db.to_path_buf(), state(tab, office, year)));
    h.step();
    let t = started.elapsed();
    while h.state().work().integrity.is_some() {
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    t
}

/// The window opened on the server at `tab`: connect, load the office, first frame.
fn server_window(address: &ServerAddress, tab: Tab, office: &str, year: i32) -> Duration {
    let started = Instant::now();
    let mut h = harness(KinerjaApp::open(Location::Server(address.clone()), state(tab, office, year)));
    h.step();
    started.elapsed()
}

/// Both engines' figures, side by side.
fn cases(db: &Path, address: &ServerAddress, url: &str, office: &str, year: i32, runs: u64, server_store: &Store) {
    let file_store = Store::open_read_only(db).expect("opens");
    let mut pg = postgres::Client::connect(url, postgres::NoTls).expect("connects");
    let plain = pg.prepare(&CITY_BUDGET_BY_YEAR_SQL).expect("the plain query prepares on the server");

    let cases: Vec<(&str, [Duration; 3], [Duration; 3])> = vec![
        (
            "open_and_show_anggaran",
            time(runs, || file_window(db, Tab::Anggaran, office, year)),
            time(runs, || server_window(address, Tab::Anggaran, office, year)),
        ),
        (
            "open_and_show_kota",
            time(runs, || file_window(db, Tab::Kota, office, year)),
            time(runs, || server_window(address, Tab::Kota, office, year)),
        ),
        (
            "open_and_load_office",
            time(runs, || {
                let started = Instant::now();
                Session::open_office_with(db, Some(office), Integrity::Later).expect("opens");
                started.elapsed()
            }),
            time(runs, || {
                let started = Instant::now();
                Session::open_server(address, Some(office)).expect("loads");
                started.elapsed()
            }),
        ),
        (
            "plain_group_by",
            time(runs * 10, || {
                let started = Instant::now();
                let mut stmt = file_store.connection().prepare_cached(&CITY_BUDGET_BY_YEAR_SQL).expect("sql");
                let rows: Vec<YearRow> = stmt
                    .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
                    .expect("query")
                    .collect::<Result<_, _>>()
                    .expect("rows");
                assert!(!rows.is_empty());
                started.elapsed()
            }),
            time(runs * 10, || {
                let started = Instant::now();
                let rows = pg.query(&plain, &[]).expect("query");
                assert!(!rows.is_empty());
                started.elapsed()
            }),
        ),
        (
            "city_budget_by_year",
            time(runs * 10, || {
                let started = Instant::now();
                file_store.city_budget_by_year().expect("aggregate");
                started.elapsed()
            }),
            time(runs * 10, || {
                let started = Instant::now();
                server_store.city_budget_by_year().expect("aggregate");
                started.elapsed()
            }),
        ),
        (
            "city_view_of_a_year",
            time(runs * 10, || {
                let started = Instant::now();
                city_view(&file_store, year).expect("city view");
                started.elapsed()
            }),
            time(runs * 10, || {
                let started = Instant::now();
                city_view(server_store, year).expect("city view");
                started.elapsed()
            }),
        ),
    ];
    assert_eq!(
        file_store.city_budget_by_year().expect("file"),
        server_store.city_budget_by_year().expect("server"),
        "both engines hold the same city"
    );

    println!("| case | SQLite file (ms) | PostgreSQL server (ms) | server ÷ file |");
    println!("|---|---|---|---|");
    for (name, file, server) in &cases {
        println!(
            "| `{name}` | {} ({}–{}) | {} ({}–{}) | {:.2} |",
            ms(file[0]),
            ms(file[1]),
            ms(file[2]),
            ms(server[0]),
            ms(server[1]),
            ms(server[2]),
            server[0].as_secs_f64() / file[0].as_secs_f64()
        );
    }
}

fn main() {
    // `cargo bench` passes `--bench`; a filter naming no case here means "not this bench".
    let Ok(url) = std::env::var("KINERJA_BENCH_PG") else {
        eprintln!("benches/server.rs: skipped; set KINERJA_BENCH_PG=postgres://USER@HOST/DATABASE to run it");
        return;
    };
    let runs = env_number("KINERJA_BENCH_RUNS", 10);
    let db = city_db();
    let office = big_office(&db);
    let address = server_city(&url, &db);
    let year = 2024;
    eprintln!("office {office}, year {year}, {runs} runs each (median, fastest–slowest, ms)");

    let server_store = Store::open_server(&address).expect("opens");
    // KINERJA_BENCH_RUNS=0: the load test alone.
    if runs > 0 {
        cases(&db, &address, &url, &office, year, runs, &server_store);
    }

    let secs = env_number("KINERJA_LOAD_SECS", 60);
    if secs == 0 {
        return;
    }
    let planners = env_number("KINERJA_LOAD_PLANNERS", 20).max(1) as usize;
    // The synthetic offices (the embedded one has a single budget year), in the file's order.
    let embedded = kinerja::embedded::dataset().expect("embedded").office.code;
    let offices: Vec<i64> =
        server_store.offices().expect("offices").into_iter().filter(|o| o.code != embedded).map(|o| o.id).collect();
    eprintln!("load test: {planners} planners for {secs} s, as fast as they can…");
    let tag = format!("{}-{}", std::process::id(), kinerja::storage::now_text().replace([' ', ':'], ""));
    let report = load::run(&address, &offices, planners, Duration::from_secs(secs), &tag);
    println!("{}", report.summary());
    for e in report.errors.iter().take(10) {
        println!("error: {e}");
    }
    for l in report.lost.iter().take(10) {
        println!("lost: {l}");
    }
    assert!(report.lost.is_empty(), "saves reported as written were lost");
}
