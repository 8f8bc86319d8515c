//! A write the edit path expects to change a row and that changes none is not reported as
//! written: on a server a row-level policy can hide a row from an UPDATE or DELETE (which then
//! changes nothing, without an error), or another writer can remove it. Here SQLite triggers
//! that skip the row (`RAISE(IGNORE)`) stand for such a policy: the change is refused in both
//! languages, nothing of it is written, and no audit row claims it.

use kinerja::domain::*;
use kinerja::format::Lang;
use kinerja::storage::{EditError, Store};

fn store_with_office() -> (Store, i64, Dataset) {
    let mut store = Store::open_in_memory().expect("a new database");
    let d = kinerja::embedded::dataset().expect("the embedded dataset is valid");
    let office = store.save_dataset(&d).expect("saved");
    (store, office, d)
}

fn rename(line: &BudgetLine) -> Change {
    Change {
        description: "ganti nama".into(),
        ops: vec![Op::RenameBudgetLine {
            year: line.year,
            kode: line.kode.clone(),
            old: line.name.clone(),
            new: format!("{} (baru)", line.name),
        }],
    }
}

fn remove_realisation(r: &Realisation) -> Change {
    Change {
        description: "hapus realisasi".into(),
        ops: vec![Op::RemoveValue {
            value: IndicatorValue::Realisation,
            indicator: r.indicator.clone(),
            year: r.year,
            old: r.realisasi,
        }],
    }
}

#[track_caller]
fn refused_unwritten(store: &mut Store, office: i64, before: &Dataset, change: &Change, record: &str) {
    let err = store.apply_change(office, change, "Siti").unwrap_err();
    assert!(matches!(err, EditError::Refused { .. }), "{err}");
    let (id, en) = (err.message(Lang::Id), err.message(Lang::En));
    assert!(id.contains(record) && id.contains("tidak ada yang disimpan"), "{id}");
    assert!(en.contains(record) && en.contains("nothing was saved"), "{en}");
    assert_eq!(&store.load_dataset(office).expect("loaded"), before, "nothing was written");
    assert!(store.audit_log(office, None, 100).expect("read").is_empty(), "no audit row");
}

#[test]
fn an_update_that_changes_no_row_is_refused_and_writes_nothing() {
    let (mut store, office, d) = store_with_office();
    let line = d.budget_lines.first().expect("the embedded budget").clone();
    store
        .connection()
        .execute_batch("CREATE TEMP TRIGGER hidden_line BEFORE UPDATE ON budget_line BEGIN SELECT RAISE(IGNORE); END;")
        .expect("trigger");
    let record = format!("budget:{}:{}", line.year, line.kode);
    refused_unwritten(&mut store, office, &d, &rename(&line), &record);

    // The same change is written once the row is visible again.
    store.connection().execute_batch("DROP TRIGGER hidden_line").expect("dropped");
    store.apply_change(office, &rename(&line), "Siti").expect("written");
    let after = store.load_dataset(office).expect("loaded");
    let renamed = after.budget_lines.iter().find(|l| l.year == line.year && l.kode == line.kode).expect("the line");
    assert_eq!(renamed.name, format!("{} (baru)", line.name));
    assert_eq!(store.audit_log(office, None, 100).expect("read").len(), 1);
}

#[test]
fn a_delete_that_removes_no_row_is_refused_and_writes_nothing() {
    let (mut store, office, d) = store_with_office();
    let r = d.realisations.first().expect("the embedded realisations").clone();
    store
        .connection()
        .execute_batch("CREATE TEMP TRIGGER hidden_value BEFORE DELETE ON realisation BEGIN SELECT RAISE(IGNORE); END;")
        .expect("trigger");
    let record = format!("realisation:{}:{}", r.indicator, r.year);
    refused_unwritten(&mut store, office, &d, &remove_realisation(&r), &record);

    store.connection().execute_batch("DROP TRIGGER hidden_value").expect("dropped");
    store.apply_change(office, &remove_realisation(&r), "Siti").expect("written");
    let after = store.load_dataset(office).expect("loaded");
    assert_eq!(after.realisations.len(), d.realisations.len() - 1);
    assert!(after.realisation(&r.indicator, r.year).is_none());
}
