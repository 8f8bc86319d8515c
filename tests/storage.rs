//! The SQLite store: migrations, refusal of newer schemas and damaged files, exact money.

use kinerja::domain::{Dataset, Money};
use kinerja::storage::{StorageError, Store, SCHEMA_VERSION};
use rusqlite::Connection;

fn dataset() -> Dataset {
    kinerja::embedded::dataset().expect("embedded dataset is valid")
}

#[test]
fn creates_schema_in_an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let mode: String = store.connection().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = store.connection().query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 1);
}

#[test]
fn upgrades_from_every_earlier_schema_version_keeping_data() {
    for from in 1..SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        Store::create_at_version(&path, from).unwrap();
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute(
                "INSERT INTO office (code, name, short_name, government, address, legal_basis) VALUES ('OLD', 'Dinas Lama', '', '', '', '')",
                [],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO budget_line (office_id, year, kode, parent_kode, level, position, name, pagu_perubahan_sen, realisasi_sen, note)
                 VALUES (1, 2020, '1', NULL, 'program', 1, 'Program Lama', 123456789, 100, '')",
                [],
            )
            .unwrap();
            let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
            assert_eq!(v, from);
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION, "from {from}");
        let offices = store.offices().unwrap();
        assert_eq!(offices.len(), 1);
        let d = store.load_dataset(offices[0].id).unwrap();
        assert_eq!(d.budget_lines[0].pagu_perubahan, Some(Money::from_sen(123_456_789)));
    }
}

#[test]
fn refuses_a_newer_schema_without_touching_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future_thing (x INTEGER); PRAGMA user_version = 99;").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("newer schema refused");
    assert!(matches!(err, StorageError::NewerSchema { found: 99, .. }), "{err}");
    assert!(err.message_id().contains("lebih baru"));
    assert_eq!(std::fs::read(&path).unwrap(), before, "file unchanged");
    assert!(!dir.path().join("future.sqlite-wal").exists());
}

#[test]
fn refuses_a_file_that_is_not_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("noise.sqlite");
    let noise: Vec<u8> = (0..8192u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    std::fs::write(&path, &noise).unwrap();
    let err = Store::open(&path).err().expect("random bytes refused");
    assert!(matches!(err, StorageError::NotADatabase { .. }), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), noise, "file unchanged");
}

#[test]
fn money_round_trips_exactly_through_sqlite() {
    let mut d = dataset();
    let amounts = [0i64, 1, 19, 493_992_517_119, 1_133_068_050, i64::MAX / 2];
    for (line, sen) in d.budget_lines.iter_mut().zip(amounts) {
        line.realisasi = Some(Money::from_sen(sen));
    }
    let mut store = Store::open_in_memory().unwrap();
    let id = store.save_dataset(&d).unwrap();
    let back = store.load_dataset(id).unwrap();
    for (line, sen) in back.budget_lines.iter().zip(amounts) {
        assert_eq!(line.realisasi.map(Money::to_sen), Some(sen));
    }
    let stored: i64 = store
        .connection()
        .query_row("SELECT value_sen FROM asset_item WHERE code = '1' AND year = 2024", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, 493_992_517_119, "Rp 4.939.925.171,19 is stored as integer sen");
    let kind: String = store
        .connection()
        .query_row("SELECT typeof(value_sen) FROM asset_item WHERE code = '1'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kind, "integer");
}

#[test]
fn whole_dataset_round_trips_and_saving_twice_does_not_duplicate() {
    let d = dataset();
    let mut store = Store::open_in_memory().unwrap();
    let first = store.save_dataset(&d).unwrap();
    assert_eq!(store.load_dataset(first).unwrap(), d);
    let second = store.save_dataset(&d).unwrap();
    assert_eq!(store.offices().unwrap().len(), 1);
    assert_eq!(store.load_dataset(second).unwrap(), d);
    let lines: i64 = store.connection().query_row("SELECT count(*) FROM budget_line", [], |r| r.get(0)).unwrap();
    assert_eq!(lines as usize, d.budget_lines.len());
}

#[test]
fn settings_are_stored_per_office() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.save_dataset(&dataset()).unwrap();
    assert_eq!(store.setting(id, "capaian_cap").unwrap(), None);
    store.set_setting(id, "capaian_cap", "120").unwrap();
    store.set_setting(id, "capaian_cap", "150").unwrap();
    assert_eq!(store.setting(id, "capaian_cap").unwrap().as_deref(), Some("150"));
}
