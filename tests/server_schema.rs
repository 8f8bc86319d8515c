//! A server store: reaching the server (its address, its refusals worded for the user) and
//! bringing its database to the schema a new SQLite file has.

mod common;

use common::server::TestDb;
use kinerja::format::Lang;
use kinerja::storage::{Location, ServerAddress, StorageError, Store, SCHEMA_VERSION};
use std::collections::BTreeMap;

/// A plain connection to the test database, to look at it and to prepare it.
fn client(test: &TestDb) -> postgres::Client {
    postgres::Client::connect(&test.url, postgres::NoTls).expect("connect to the test database")
}

fn address(url: &str) -> ServerAddress {
    ServerAddress::parse(url).unwrap_or_else(|e| panic!("{url}: {e}"))
}

fn open(test: &TestDb) -> Result<Store, StorageError> {
    Store::open_server(&address(&test.url))
}

/// Each table's columns in order, with whether they are NOT NULL.
type Columns = BTreeMap<String, Vec<(String, bool)>>;

fn sqlite_columns(store: &Store) -> Columns {
    let conn = store.connection();
    let mut stmt = conn
        .prepare(
            // An INTEGER PRIMARY KEY is the rowid, never NULL, though pragma_table_info reports it
            // without NOT NULL; on the server it is an identity column, NOT NULL.
            "SELECT m.name, p.name, p.\"notnull\" OR p.pk > 0 FROM sqlite_master m JOIN pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid",
        )
        .unwrap();
    let mut out = Columns::new();
    let rows =
        stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, bool>(2)?))).unwrap();
    for row in rows {
        let (table, column, not_null) = row.unwrap();
        out.entry(table).or_default().push((column, not_null));
    }
    out
}

fn server_columns(c: &mut postgres::Client) -> Columns {
    let mut out = Columns::new();
    for r in c
        .query(
            "SELECT table_name::text, column_name::text, is_nullable = 'NO' FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name <> 'kinerja_schema'
             ORDER BY table_name, ordinal_position",
            &[],
        )
        .unwrap()
    {
        out.entry(r.get(0)).or_default().push((r.get(1), r.get(2)));
    }
    out
}

/// Every foreign key as `table(columns) -> table(columns) on delete …`, sorted.
fn sqlite_foreign_keys(store: &Store) -> Vec<String> {
    let conn = store.connection();
    let mut stmt = conn
        .prepare(
            "SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_delete FROM sqlite_master m
             JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq",
        )
        .unwrap();
    // By (table, key id): the referenced table, the columns from and to, the action on delete.
    type ForeignKey = (String, Vec<String>, Vec<String>, String);
    let mut keys: BTreeMap<(String, i64), ForeignKey> = BTreeMap::new();
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })
        .unwrap();
    for row in rows {
        let (table, id, target, from, to, on_delete) = row.unwrap();
        let key = keys.entry((table, id)).or_insert_with(|| (target, vec![], vec![], on_delete));
        key.1.push(from);
        key.2.push(to);
    }
    let mut out: Vec<String> = keys
        .into_iter()
        .map(|((table, _), (target, from, to, on_delete))| {
            format!("{table}({}) -> {target}({}) on delete {}", from.join(","), to.join(","), on_delete.to_lowercase())
        })
        .collect();
    out.sort();
    out
}

fn server_foreign_keys(c: &mut postgres::Client) -> Vec<String> {
    let columns = |key: &str, rel: &str| {
        format!(
            "(SELECT string_agg(a.attname::text, ',' ORDER BY k.i) FROM unnest(c.{key}) WITH ORDINALITY k(n, i)
              JOIN pg_attribute a ON a.attrelid = c.{rel} AND a.attnum = k.n)"
        )
    };
    let sql = format!(
        "SELECT c.conrelid::regclass::text, {}, c.confrelid::regclass::text, {},
                CASE c.confdeltype WHEN 'c' THEN 'cascade' WHEN 'n' THEN 'set null' WHEN 'a' THEN 'no action' ELSE c.confdeltype::text END
         FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace",
        columns("conkey", "conrelid"),
        columns("confkey", "confrelid")
    );
    let mut out: Vec<String> = c
        .query(&sql, &[])
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{}({}) -> {}({}) on delete {}",
                r.get::<_, String>(0),
                r.get::<_, String>(1),
                r.get::<_, String>(2),
                r.get::<_, String>(3),
                r.get::<_, String>(4)
            )
        })
        .collect();
    out.sort();
    out
}

fn tables(c: &mut postgres::Client) -> Vec<String> {
    c.query(
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1",
        &[],
    )
    .unwrap()
    .iter()
    .map(|r| r.get(0))
    .collect()
}

#[test]
fn a_new_server_database_gets_the_tables_and_columns_of_a_new_file() {
    let Some(test) = TestDb::create("schema") else { return };
    let store = open(&test).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let file = Store::open_in_memory().unwrap();
    let mut c = client(&test);
    let (server, sqlite) = (server_columns(&mut c), sqlite_columns(&file));
    assert_eq!(server.keys().collect::<Vec<_>>(), sqlite.keys().collect::<Vec<_>>());
    for (table, columns) in &sqlite {
        assert_eq!(&server[table], columns, "table {table}");
    }
    // Migrations 7 and 11 change foreign keys; the server's forms give the same ones.
    assert_eq!(server_foreign_keys(&mut c), sqlite_foreign_keys(&file));
    let version: i64 = c.query_one("SELECT version FROM kinerja_schema", &[]).unwrap().get(0);
    assert_eq!(version, SCHEMA_VERSION);
    // Money in sen takes 64 bits, text compares bytewise as in SQLite, ids are generated.
    let mut types = |table: &str, column: &str| -> (String, Option<String>, String) {
        let r = c
            .query_one(
                "SELECT data_type::text, collation_name::text, is_identity::text FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2",
                &[&table, &column],
            )
            .unwrap();
        (r.get(0), r.get(1), r.get(2))
    };
    assert_eq!(types("budget_line", "realisasi_sen"), ("bigint".into(), None, "NO".into()));
    assert_eq!(types("budget_line", "kode"), ("text".into(), Some("C".into()), "NO".into()));
    assert_eq!(types("misi", "id"), ("bigint".into(), None, "YES".into()));
    assert_eq!(store.location(), Location::Server(address(&test.url).shown()));
}

#[test]
fn opening_again_changes_nothing() {
    let Some(test) = TestDb::create("twice") else { return };
    drop(open(&test).unwrap());
    let mut c = client(&test);
    // The transaction that last wrote the version row: an UPDATE would change it.
    let stamp = || "SELECT xmin::text FROM kinerja_schema";
    let before: String = c.query_one(stamp(), &[]).unwrap().get(0);
    let columns = server_columns(&mut c);
    let store = open(&test).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let after: String = c.query_one(stamp(), &[]).unwrap().get(0);
    assert_eq!(after, before);
    assert_eq!(server_columns(&mut c), columns);
    let rows: i64 = c.query_one("SELECT count(*) FROM kinerja_schema", &[]).unwrap().get(0);
    assert_eq!(rows, 1);
}

#[test]
fn openings_at_the_same_time_migrate_once() {
    let Some(test) = TestDb::create("together") else { return };
    let url = test.url.clone();
    let openers: Vec<_> = (0..4)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || Store::open_server(&address(&url)).map(|s| s.schema_version().unwrap()))
        })
        .collect();
    for o in openers {
        assert_eq!(o.join().unwrap().unwrap(), SCHEMA_VERSION);
    }
    let mut c = client(&test);
    let rows: i64 = c.query_one("SELECT count(*) FROM kinerja_schema", &[]).unwrap().get(0);
    assert_eq!(rows, 1);
    assert_eq!(server_columns(&mut c), sqlite_columns(&Store::open_in_memory().unwrap()));
}

#[test]
fn a_newer_schema_is_refused_and_nothing_written() {
    let Some(test) = TestDb::create("newer") else { return };
    let mut c = client(&test);
    let newer = SCHEMA_VERSION + 1;
    c.batch_execute(&format!(
        "CREATE TABLE kinerja_schema (version BIGINT NOT NULL); INSERT INTO kinerja_schema VALUES ({newer})"
    ))
    .unwrap();
    let secret = test.url_as("postgres", "rahasia");
    let e = Store::open_server(&address(&secret)).err().expect("a newer schema is refused");
    match &e {
        StorageError::NewerSchema { path, found, known } => {
            assert_eq!((*found, *known), (newer, SCHEMA_VERSION));
            assert_eq!(path, &address(&secret).shown());
            assert!(path.contains(":***@") && !path.contains("rahasia"), "{path}");
        }
        other => panic!("expected NewerSchema, got {other}"),
    }
    assert!(e.message(Lang::Id).contains("lebih baru"), "{}", e.message(Lang::Id));
    assert_eq!(tables(&mut c), ["kinerja_schema"]);
    let version: i64 = c.query_one("SELECT version FROM kinerja_schema", &[]).unwrap().get(0);
    assert_eq!(version, newer);
}

#[test]
fn a_database_of_another_program_is_refused_and_nothing_written() {
    let Some(test) = TestDb::create("foreign") else { return };
    let mut c = client(&test);
    c.batch_execute("CREATE TABLE invoices (id BIGINT PRIMARY KEY, total NUMERIC)").unwrap();
    let e = open(&test).err().expect("another program's database is refused");
    assert!(matches!(&e, StorageError::ForeignServer { address } if address.contains(&test.name)), "{e}");
    assert!(e.to_string().contains("not a Kinerja database"), "{e}");
    assert!(e.message(Lang::Id).contains("bukan basis data Kinerja"), "{}", e.message(Lang::Id));
    assert_eq!(tables(&mut c), ["invoices"]);
}

#[test]
fn a_bad_address_says_what_is_expected() {
    let e = ServerAddress::parse("postgres://budi:rahasia@kota.go.id").expect_err("no database name");
    let (en, id) = (e.message(Lang::En), e.message(Lang::Id));
    assert!(en.contains("postgres://budi:***@kota.go.id") && en.contains("database name is missing"), "{en}");
    assert!(en.contains("expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"), "{en}");
    assert!(id.contains("nama basis data tidak ada") && id.contains("yang diharapkan"), "{id}");
    assert!(!en.contains("rahasia") && !id.contains("rahasia"));
}

/// A login role of this test's own, dropped at the end.
struct Role {
    name: String,
    admin: String,
}

impl Role {
    fn create(test: &TestDb, options: &str) -> Role {
        let name = format!("{}_role", test.name);
        let mut c = client(test);
        c.batch_execute(&format!("CREATE ROLE {name} {options}")).unwrap();
        Role { name, admin: test.url.clone() }
    }
}

impl Drop for Role {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = c.batch_execute(&format!("DROP ROLE IF EXISTS {}", self.name));
        }
    }
}

#[test]
fn refused_logins_are_told_as_such() {
    let Some(test) = TestDb::create("login") else { return };
    // No such role: the server refuses the login (28000) whatever its authentication method.
    let unknown = test.url_as(&format!("{}_nobody", test.name), "rahasia");
    let e = Store::open_server(&address(&unknown)).err().expect("an unknown user is refused");
    assert!(matches!(&e, StorageError::ServerLogin { address } if address.contains(":***@")), "{e}");
    assert!(e.to_string().contains("refused the login") && !e.to_string().contains("rahasia"), "{e}");
    assert!(e.message(Lang::Id).contains("menolak login"), "{}", e.message(Lang::Id));
    // A role that may not log in.
    let nologin = Role::create(&test, "NOLOGIN");
    let e = Store::open_server(&address(&test.url_as(&nologin.name, "x"))).err().expect("a NOLOGIN role is refused");
    assert!(matches!(e, StorageError::ServerLogin { .. }), "{e}");
    drop(nologin);
    // A wrong password: refused where the server checks passwords; this machine's server trusts
    // every connection from 127.0.0.1 and lets any password in, which the test then says.
    let role = Role::create(&test, "LOGIN PASSWORD 'benar'");
    match postgres::Client::connect(&test.url_as(&role.name, "salah"), postgres::NoTls) {
        Ok(_) => eprintln!(
            "note: the server at {} accepts any password (trust); the wrong-password path was not exercised",
            common::server::server_url()
        ),
        Err(_) => {
            let e = Store::open_server(&address(&test.url_as(&role.name, "salah")))
                .err()
                .expect("a wrong password is refused");
            assert!(matches!(e, StorageError::ServerLogin { .. }), "{e}");
        }
    }
}

#[test]
fn a_missing_database_and_an_unreachable_server_are_told_as_such() {
    let Some(test) = TestDb::create("reach") else { return };
    let missing = format!("{}_missing", test.url_as("postgres", "rahasia"));
    let e = Store::open_server(&address(&missing)).err().expect("a missing database is refused");
    assert!(matches!(&e, StorageError::NoServerDatabase { address } if address.ends_with("_missing")), "{e}");
    assert!(e.to_string().contains("does not exist on the server") && !e.to_string().contains("rahasia"), "{e}");
    assert!(e.message(Lang::Id).contains("tidak ada di server"), "{}", e.message(Lang::Id));

    // Port 1 on this machine: nothing listens, the connection is refused at once.
    let closed = ServerAddress { port: 1, ..address(&test.url_as("postgres", "rahasia")) };
    let e = Store::open_server(&closed).err().expect("nothing listens on port 1");
    match &e {
        StorageError::ServerUnreachable { address, detail } => {
            assert!(address.contains(":1/") && address.contains(":***@"), "{address}");
            assert!(!detail.is_empty());
        }
        other => panic!("expected ServerUnreachable, got {other}"),
    }
    assert!(!e.to_string().contains("rahasia") && e.to_string().contains("cannot be reached"), "{e}");
    assert!(e.message(Lang::Id).contains("tidak dapat dihubungi"), "{}", e.message(Lang::Id));
}

#[test]
fn sslmode_decides_whether_the_connection_is_encrypted() {
    let Some(test) = TestDb::create("tls") else { return };
    let mut c = client(&test);
    let offered: String = c.query_one("SHOW ssl", &[]).unwrap().get(0);
    let encrypted = |mode: &str| -> Result<bool, StorageError> {
        let a = address(&format!("{}?sslmode={mode}", test.url));
        let mut client = kinerja::storage::server::connect(&a)?;
        Ok(client.query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[]).unwrap().get(0))
    };
    assert!(!encrypted("disable").unwrap());
    assert_eq!(encrypted("prefer").unwrap(), offered == "on");
    match encrypted("require") {
        Ok(on) => assert!(on && offered == "on"),
        Err(e) => assert!(offered == "off" && matches!(e, StorageError::ServerTls { .. }), "{e}"),
    }
}
