//! A PostgreSQL database of one test's own on the server the tests are given, dropped when the
//! test ends (passing or failing). Without a server the test is skipped, saying so.

use std::sync::atomic::{AtomicU32, Ordering};

/// The server the tests use: `KINERJA_TEST_PG`, or the one `.ci/run` starts.
pub fn server_url() -> String {
    std::env::var("KINERJA_TEST_PG").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string())
}

/// A database created for one test; dropped (with every connection to it) on drop.
pub struct TestDb {
    /// `postgres://…/kinerja_test_…`, owned by the server URL's user.
    pub url: String,
    pub name: String,
    maintenance: String,
}

static NEXT: AtomicU32 = AtomicU32::new(0);

impl TestDb {
    /// A new empty database, or `None` (with one line on stderr) when no server answers.
    pub fn create(label: &str) -> Option<TestDb> {
        let maintenance = server_url();
        let mut client = match postgres::Client::connect(&maintenance, postgres::NoTls) {
            Ok(c) => c,
            Err(e) => {
                eprintln!(
                    "skipped {label}: no PostgreSQL server at {maintenance} ({e}); set KINERJA_TEST_PG=postgres://USER@HOST:PORT/DB to run it"
                );
                return None;
            }
        };
        let name = format!(
            "kinerja_test_{}_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed),
            label.chars().filter(|c| c.is_ascii_alphanumeric()).take(20).collect::<String>().to_lowercase()
        );
        client.batch_execute(&format!("CREATE DATABASE {name}")).expect("create the test database");
        let url = match maintenance.rfind('/') {
            Some(i) if maintenance[..i].contains("://") && i > maintenance.find("://").unwrap() + 2 => {
                format!("{}/{name}", &maintenance[..i])
            }
            _ => format!("{maintenance}/{name}"),
        };
        Some(TestDb { url, name, maintenance })
    }

    /// The database's URL with another login (`postgres://LOGIN:PASSWORD@host:port/db`).
    pub fn url_as(&self, login: &str, password: &str) -> String {
        let rest = self.url.split_once('@').map(|(_, r)| r).expect("the test URL names a host");
        format!("postgres://{login}:{password}@{rest}")
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&self.maintenance, postgres::NoTls) {
            let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
        }
    }
}

/// A login role made by a test, dropped (with what it owns) when the test ends.
pub struct TestLogin(pub String);

impl TestLogin {
    /// A name no other test run uses: `kt_<label>_<pid>_<n>`.
    pub fn new(label: &str) -> TestLogin {
        TestLogin(format!("kt_{label}_{}_{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed)))
    }
}

impl Drop for TestLogin {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&server_url(), postgres::NoTls) {
            let _ = c.batch_execute(&format!("DROP ROLE IF EXISTS {}", self.0));
        }
    }
}
