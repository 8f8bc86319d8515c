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

/// A schema-6 file whose indicator follows another: migration 7 rebuilds the indicator table
/// keeping the link (and every column and row id), after which removing the predecessor no
/// longer breaks the follower, and replacing the whole office works.
#[test]
fn migration_7_keeps_the_predecessor_link_and_fixes_its_foreign_key() {
    use kinerja::domain::{Change, Op};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("six.sqlite");
    Store::create_at_version(&path, 6).unwrap();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA foreign_keys = ON;
             INSERT INTO office (id, code, name, short_name, government, address, legal_basis)
                 VALUES (1, 'OLD', 'Dinas Lama', '', '', '', '');
             INSERT INTO renstra_period (office_id, code, start_year, end_year, name, basis)
                 VALUES (1, 'P1', 2018, 2023, 'Renstra 2018–2023', ''), (1, 'P2', 2024, 2026, 'Renstra 2024–2026', '');
             INSERT INTO indicator (id, office_id, code, period_code, level, position, name, satuan, polarity,
                 capaian_rule, formula, formula_text, definition, alasan, data_source, responsible, iku,
                 predecessor_code, comparable, note, quarter_rule)
             VALUES (7, 1, 'A-2018', 'P1', 'sasaran', 1, 'Lama', '%', 'higher', 'standard', 'value', '', '', '', '', '', 1, NULL, 0, '', 'sum'),
                    (9, 1, 'A', 'P2', 'sasaran', 1, 'Baru', '%', 'higher', 'standard', 'value', '', '', '', '', '', 1, 'A-2018', 1, '', 'cumulative');
             INSERT INTO indicator_target (office_id, indicator_code, year, target, note) VALUES (1, 'A', 2025, '5', '');",
        )
        .unwrap();
        // Schema 6 nulls the follower's office too: the very failure of the issue.
        let err = conn.execute("DELETE FROM indicator WHERE code = 'A-2018'", []).unwrap_err();
        assert!(err.to_string().contains("NOT NULL constraint failed: indicator.office_id"), "{err}");
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let ids: Vec<(i64, String, Option<String>, String)> = store
        .connection()
        .prepare("SELECT id, code, predecessor_code, quarter_rule FROM indicator ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        ids,
        vec![(7, "A-2018".into(), None, "sum".into()), (9, "A".into(), Some("A-2018".into()), "cumulative".into())]
    );
    let fk: i64 = store.connection().query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 1, "foreign keys are on again after the rebuild");
    let violations: i64 =
        store.connection().query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(violations, 0);

    let office = store.offices().unwrap()[0].id;
    let d = store.load_dataset(office).unwrap();
    assert_eq!(d.indicator("A").unwrap().predecessor.as_deref(), Some("A-2018"));
    assert_eq!(d.renstra_target("A", 2025).unwrap().target.to_string(), "5");
    // Removing the predecessor without clearing the link is refused at the commit (the store's
    // operation clears it first); with the operation it works.
    let raw = store.connection().execute_batch("BEGIN; DELETE FROM indicator WHERE code = 'A-2018'; COMMIT;");
    let err = raw.expect_err("a dangling link is not committed");
    assert!(err.to_string().contains("FOREIGN KEY constraint failed"), "{err}");
    store.connection().execute_batch("ROLLBACK").ok();
    let old = d.indicator("A-2018").unwrap().clone();
    let change = Change { description: "hapus".into(), ops: vec![Op::RemoveIndicator(Box::new(old))] };
    store.apply_change(office, &change, "uji").unwrap();
    let after = store.load_dataset(office).unwrap();
    assert_eq!(after.indicator("A").unwrap().predecessor, None);
    assert_eq!(after.indicators.len(), 1);
    // The whole office (with a follower and its predecessor) can be replaced, also when the
    // stored office holds the link.
    store.save_dataset(&d).unwrap();
    store.save_dataset(&d).unwrap();
    assert_eq!(store.load_dataset(store.offices().unwrap()[0].id).unwrap().indicators.len(), 2);
}

/// A schema-10 file with a tujuan and its sasaran: migration 11 rebuilds both tables (the
/// sasaran's tujuan may now be empty, both gain a misi) keeping every row, its id and its
/// links; a misi can then be added and a sasaran hung directly under it, and the office saved
/// again.
#[test]
fn migration_11_keeps_tujuan_and_sasaran_and_lets_a_sasaran_hang_under_a_misi() {
    use kinerja::domain::{Change, Misi, Op, Sasaran};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ten.sqlite");
    Store::create_at_version(&path, 10).unwrap();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA foreign_keys = ON;
             INSERT INTO office (id, code, name, short_name, government, address, legal_basis)
                 VALUES (1, 'OLD', 'Dinas Lama', '', '', '', '');
             INSERT INTO renstra_period (office_id, code, start_year, end_year, name, basis)
                 VALUES (1, 'P', 2021, 2026, 'Renstra 2021–2026', 'RPJMD 2021–2026');
             INSERT INTO tujuan (id, office_id, period_code, code, position, name) VALUES (4, 1, 'P', 'T1', 1, 'Tujuan satu');
             INSERT INTO sasaran (id, office_id, tujuan_code, code, position, name) VALUES (6, 1, 'T1', 'S1', 2, 'Sasaran satu');",
        )
        .unwrap();
        // Schema 10 requires the sasaran's tujuan.
        let err = conn
            .execute(
                "INSERT INTO sasaran (office_id, tujuan_code, code, position, name) VALUES (1, NULL, 'S9', 1, 'x')",
                [],
            )
            .unwrap_err();
        assert!(err.to_string().contains("NOT NULL constraint failed: sasaran.tujuan_code"), "{err}");
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    type SasaranRow = (i64, Option<String>, String, i64, Option<String>);
    let rows: Vec<SasaranRow> = store
        .connection()
        .prepare("SELECT id, tujuan_code, code, position, misi_code FROM sasaran ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows, vec![(6, Some("T1".into()), "S1".into(), 2, None)]);
    let tujuan_id: i64 =
        store.connection().query_row("SELECT id FROM tujuan WHERE code = 'T1'", [], |r| r.get(0)).unwrap();
    assert_eq!(tujuan_id, 4);
    let fk: i64 = store.connection().query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 1, "foreign keys are on again after the rebuild");

    let office = store.offices().unwrap()[0].id;
    let d = store.load_dataset(office).unwrap();
    assert_eq!(d.tujuan[0].misi, None);
    assert_eq!(d.sasaran[0].tujuan.as_deref(), Some("T1"));
    let misi = Misi { period: "P".into(), code: "M1".into(), position: 1, name: "Misi satu".into() };
    let sasaran =
        Sasaran { tujuan: None, code: "S2".into(), position: 1, name: "Di bawah misi".into(), misi: Some("M1".into()) };
    let change =
        Change { description: "misi".into(), ops: vec![Op::AddMisi(misi.clone()), Op::AddSasaran(sasaran.clone())] };
    store.apply_change(office, &change, "uji").unwrap();
    let after = store.load_dataset(office).unwrap();
    assert_eq!(after.misi, vec![misi]);
    assert_eq!(after.sasaran_of_misi("M1"), vec![&sasaran]);
    assert_eq!(after.period_of_sasaran(&sasaran), Some("P"));
    // A misi named by nothing is refused at the commit.
    let raw = store.connection().execute_batch("BEGIN; UPDATE tujuan SET misi_code = 'M9' WHERE code = 'T1'; COMMIT;");
    assert!(raw.expect_err("a dangling misi").to_string().contains("FOREIGN KEY constraint failed"));
    store.connection().execute_batch("ROLLBACK").ok();
    store.save_dataset(&after).unwrap();
    let office = store.offices().unwrap()[0].id;
    assert_eq!(store.load_dataset(office).unwrap(), after);
}

/// A schema-12 file's indicators are levels after migration 13 (their period figure is the
/// year's, as every figure was computed before), and a `sum` rule is stored and loaded.
#[test]
fn migration_13_reads_existing_indicators_as_levels_and_keeps_a_sum_rule() {
    use kinerja::domain::{Change, Op, PeriodRule};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("twelve.sqlite");
    Store::create_at_version(&path, 12).unwrap();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "INSERT INTO office (id, code, name, short_name, government, address, legal_basis)
                 VALUES (1, 'OLD', 'Dinas Lama', '', '', '', '');
             INSERT INTO renstra_period (office_id, code, start_year, end_year, name, basis)
                 VALUES (1, 'P', 2025, 2029, 'Renstra 2025–2029', '');
             INSERT INTO indicator (id, office_id, code, period_code, level, position, name, satuan, polarity,
                 capaian_rule, formula, formula_text, definition, alasan, data_source, responsible, iku,
                 predecessor_code, comparable, note, quarter_rule)
             VALUES (3, 1, 'A', 'P', 'sasaran', 1, 'Jumlah wirausaha baru', 'Orang', 'higher', 'standard', 'value',
                 '', '', '', '', '', 1, NULL, 0, '', 'sum');",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let office = store.offices().unwrap()[0].id;
    let d = store.load_dataset(office).unwrap();
    let old = d.indicator("A").unwrap().clone();
    assert_eq!(old.period_rule, PeriodRule::Level);
    let new = kinerja::domain::Indicator { period_rule: PeriodRule::Sum, ..old.clone() };
    let change = Change {
        description: "jumlah".into(),
        ops: vec![Op::UpdateIndicator { old: Box::new(old), new: Box::new(new) }],
    };
    store.apply_change(office, &change, "uji").unwrap();
    let stored: String =
        store.connection().query_row("SELECT period_rule FROM indicator WHERE code = 'A'", [], |r| r.get(0)).unwrap();
    assert_eq!(stored, "sum");
    assert_eq!(store.load_dataset(office).unwrap().indicator("A").unwrap().period_rule, PeriodRule::Sum);
}
