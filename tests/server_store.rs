//! The store on a PostgreSQL server holds an office exactly as a file does: saved, loaded,
//! edited with undo and redo, and the audit trail.

mod common;

use common::server::TestDb;
use kinerja::domain::{Change, IndicatorValue, Op};
use kinerja::storage::{ServerAddress, Store};
use rust_decimal::Decimal;

#[test]
fn an_office_saved_on_a_server_loads_and_edits_as_on_a_file() {
    let Some(test) = TestDb::create("store") else { return };
    let reference = kinerja::embedded::dataset().unwrap();
    let mut server = Store::open_server(&ServerAddress::parse(&test.url).unwrap()).unwrap();
    let mut file = Store::open_in_memory().unwrap();
    let on_server = server.save_dataset(&reference).unwrap();
    let on_file = file.save_dataset(&reference).unwrap();
    assert_eq!(server.load_dataset(on_server).unwrap(), file.load_dataset(on_file).unwrap());
    // Saved again: replaced, not doubled, on both.
    server.save_dataset(&reference).unwrap();
    file.save_dataset(&reference).unwrap();
    assert_eq!(server.load_dataset(on_server).unwrap(), reference_as_loaded(&file, on_file));

    // IKU1's 2026 Renstra target, as printed in the reference, becomes 99,99.
    let old = reference.renstra_target("IKU1", 2026).map(|t| t.target).expect("IKU1 has a 2026 target");
    let change = Change {
        description: "target IKU1 2026".into(),
        ops: vec![Op::SetValue {
            value: IndicatorValue::RenstraTarget,
            indicator: "IKU1".into(),
            year: 2026,
            old: Some(old),
            new: Decimal::new(9999, 2),
        }],
    };
    let applied = server.apply_change(on_server, &change, "Siti").unwrap();
    file.apply_change(on_file, &change, "Siti").unwrap();
    let edited = server.load_dataset(on_server).unwrap();
    assert_eq!(edited.renstra_target("IKU1", 2026).map(|t| t.target), Some(Decimal::new(9999, 2)));
    assert_eq!(edited, file.load_dataset(on_file).unwrap());
    // The same change again expects the old value, which is gone: refused, nothing written.
    assert!(server.apply_change(on_server, &change, "Siti").is_err());
    server.undo_change(on_server, &applied, "Siti", &change.description).unwrap();
    assert_eq!(server.load_dataset(on_server).unwrap().renstra_target("IKU1", 2026).map(|t| t.target), Some(old));
    server.redo_change(on_server, &applied, "Siti", &change.description).unwrap();
    let log = server.audit_log(on_server, None, 10).unwrap();
    // Two imports replaced nothing the first time and the office the second; then edit, undo, redo.
    let records: Vec<&str> = log.iter().map(|e| e.record.as_str()).collect();
    assert_eq!(records[..3], ["target:IKU1:2026", "target:IKU1:2026", "target:IKU1:2026"]);
    assert_eq!(log.iter().filter(|e| e.action == "impor").count(), 1);
}

fn reference_as_loaded(file: &Store, office: i64) -> kinerja::domain::Dataset {
    file.load_dataset(office).unwrap()
}

#[test]
fn a_planner_imports_its_own_office_again_and_keeps_its_right_to_change_it() {
    use kinerja::storage::access::{whoami, Writable};
    let Some(test) = TestDb::create("reimport") else { return };
    let reference = kinerja::embedded::dataset().unwrap();
    let (offices, planner) = planner_of_first(&test, &[&reference], "reimport");
    let office = offices[0];
    let mut as_planner =
        Store::open_server(&ServerAddress::parse(&test.url_as(&planner.0, "s3cret")).unwrap()).unwrap();
    let imported = as_planner.import_dataset(&reference, &planner.0, &|| true).unwrap();
    assert_eq!(imported.office_id, office);
    assert!(imported.replaced_rows.is_some(), "the office's data was replaced");
    // Replacing the data did not take the planner's office away from it.
    let signed_in = whoami(&connect(&test.url_as(&planner.0, "s3cret"))).unwrap();
    assert_eq!(signed_in.writable, Writable::Offices(vec![office]));
    as_planner.import_dataset(&reference, &planner.0, &|| true).unwrap();
}

/// The datasets saved on the test server by its owner, access set up, and a planner (password
/// `s3cret`) of the first one's office: the offices' ids and the login.
fn planner_of_first(
    test: &TestDb,
    datasets: &[&kinerja::domain::Dataset],
    label: &str,
) -> (Vec<i64>, common::server::TestLogin) {
    use kinerja::storage::access::{add_user, init_access, Role};
    let mut owner = Store::open_server(&ServerAddress::parse(&test.url).unwrap()).unwrap();
    let offices = datasets.iter().map(|d| owner.save_dataset(d).unwrap()).collect();
    init_access(&connect(&test.url)).unwrap();
    let planner = common::server::TestLogin::new(label);
    let code = std::slice::from_ref(&datasets[0].office.code);
    add_user(&connect(&test.url), &planner.0, Role::Planner, code, Some("s3cret")).unwrap();
    (offices, planner)
}

fn connect(url: &str) -> kinerja::storage::sql::Db {
    kinerja::storage::sql::Db::postgres(postgres::Client::connect(url, postgres::NoTls).unwrap())
}

/// `psql` itself, as a planner of the reference office would run it: another office's rows are
/// hidden from UPDATE and DELETE, a row for it is refused, its own rows change.
#[test]
fn psql_as_a_planner_writes_its_own_office_only() {
    let Some(test) = TestDb::create("psql") else { return };
    if std::process::Command::new("psql").arg("--version").output().is_err() {
        eprintln!("skipped psql_as_a_planner_writes_its_own_office_only: no psql on this machine");
        return;
    }
    let reference = kinerja::embedded::dataset().unwrap();
    let mut other = reference.clone();
    other.office.code = "LAIN".into();
    let (offices, planner) = planner_of_first(&test, &[&reference, &other], "psql");
    let (own, theirs) = (offices[0], offices[1]);
    let psql = |sql: &str| {
        let out = std::process::Command::new("psql")
            .args([test.url_as(&planner.0, "s3cret").as_str(), "-X", "-v", "ON_ERROR_STOP=1", "-c", sql])
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).trim().to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let (code, out, err) = psql(&format!("UPDATE realisation SET note = 'x' WHERE office_id = {theirs}"));
    assert_eq!((code, out.as_str()), (Some(0), "UPDATE 0"), "{err}");
    let (code, out, err) = psql(&format!("DELETE FROM budget_line WHERE office_id = {theirs}"));
    assert_eq!((code, out.as_str()), (Some(0), "DELETE 0"), "{err}");
    let (code, _, err) =
        psql(&format!("INSERT INTO office_setting (office_id, key, value) VALUES ({theirs}, 'capaian_cap', '100')"));
    assert_eq!(code, Some(1), "refused");
    assert!(err.contains("row-level security"), "{err}");
    let (code, _, err) = psql(&format!("DELETE FROM audit_log WHERE office_id = {own}"));
    assert_eq!(code, Some(1), "the audit trail is not rewritten: {err}");
    let realisations = reference.realisations.len();
    let (code, out, err) = psql(&format!("UPDATE realisation SET note = note WHERE office_id = {own}"));
    assert_eq!((code, out), (Some(0), format!("UPDATE {realisations}")), "{err}");
    // Nothing of the other office changed.
    let server = Store::open_server(&ServerAddress::parse(&test.url).unwrap()).unwrap();
    assert_eq!(server.load_dataset(theirs).unwrap(), {
        let mut file = Store::open_in_memory().unwrap();
        let id = file.save_dataset(&other).unwrap();
        file.load_dataset(id).unwrap()
    });
}
