//! Edits with undo, redo, conflicts and the audit trail, through the real store.

use kinerja::app::{Change, History, Session};
use kinerja::domain::{BudgetLevel, BudgetLine, Money};
use kinerja::storage::{BudgetColumn, EditError, Field, FieldEdit, Value};
use rust_decimal::Decimal;
use std::str::FromStr;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn target(indicator: &str, year: i32, old: &str, new: &str) -> Change {
    Change {
        description: format!("Target {indicator} {year}"),
        edits: vec![FieldEdit {
            field: Field::Target { indicator: indicator.into(), year },
            old: Value::Dec(dec(old)),
            new: Value::Dec(dec(new)),
        }],
    }
}

#[test]
fn target_edit_undo_redo_and_audit_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.sqlite");
    let mut s = Session::open(&path).unwrap();
    let mut h = History::default();
    s.apply(&mut h, target("IKU1", 2025, "76", "76.25"), "Perencana").unwrap();
    assert_eq!(s.dataset.renstra_target("IKU1", 2025).unwrap().target, dec("76.25"));
    assert!(h.can_undo() && !h.can_redo());
    assert!(s.undo(&mut h, "Perencana").unwrap());
    assert_eq!(s.dataset.renstra_target("IKU1", 2025).unwrap().target, dec("76"));
    assert!(s.redo(&mut h, "Perencana").unwrap());
    assert_eq!(s.dataset.renstra_target("IKU1", 2025).unwrap().target, dec("76.25"));
    drop(s);

    let s = Session::open(&path).unwrap();
    assert_eq!(s.dataset.renstra_target("IKU1", 2025).unwrap().target, dec("76.25"));
    let log = s.store.audit_log(s.office_id, Some("target:IKU1:2025"), 10).unwrap();
    let actions: Vec<(&str, &str, &str)> =
        log.iter().map(|e| (e.action.as_str(), e.old.as_str(), e.new.as_str())).collect();
    assert_eq!(actions, vec![("ulang", "76", "76.25"), ("batal", "76.25", "76"), ("ubah", "76", "76.25")]);
    assert!(log.iter().all(|e| e.user == "Perencana" && e.at.ends_with("UTC") && e.field == "target"));
}

#[test]
fn a_stale_edit_is_refused_and_writes_nothing() {
    let mut s = Session::in_memory().unwrap();
    let mut h = History::default();
    let err = s.apply(&mut h, target("IKU1", 2025, "80", "81"), "x").unwrap_err();
    assert!(matches!(err, EditError::Conflict { .. }), "{err}");
    assert_eq!(s.dataset.renstra_target("IKU1", 2025).unwrap().target, dec("76"));
    assert!(s.store.audit_log(s.office_id, None, 10).unwrap().is_empty());
    assert!(!h.can_undo());
}

#[test]
fn a_new_years_realisation_budget_line_and_their_undo() {
    let mut s = Session::in_memory().unwrap();
    let mut h = History::default();
    let line = BudgetLine {
        year: 2025,
        kode: "9".into(),
        parent: None,
        level: BudgetLevel::Program,
        position: 9,
        name: "Program Baru".into(),
        pagu_murni: Some(Money::from_rupiah(100_000_000)),
        pagu_perubahan: None,
        realisasi: Some(Money::from_sen(5_000_000_050)),
        note: String::new(),
    };
    let change = Change {
        description: "Realisasi 2025 dan program baru".into(),
        edits: vec![
            FieldEdit {
                field: Field::Realisation { indicator: "IKU1".into(), year: 2025 },
                old: Value::Null,
                new: Value::Dec(dec("77.5")),
            },
            FieldEdit {
                field: Field::BudgetLine { year: 2025, kode: "9".into() },
                old: Value::Null,
                new: Value::Line(Box::new(line.clone())),
            },
            FieldEdit {
                field: Field::BudgetAmount { year: 2025, kode: "9".into(), column: BudgetColumn::PaguPerubahan },
                old: Value::Null,
                new: Value::Money(Money::from_rupiah(120_000_000)),
            },
        ],
    };
    s.apply(&mut h, change, "Staf").unwrap();
    assert_eq!(s.dataset.realisation("IKU1", 2025).unwrap().realisasi, dec("77.5"));
    let stored = s.dataset.budget_line(2025, "9").unwrap();
    assert_eq!(stored.pagu_perubahan, Some(Money::from_rupiah(120_000_000)));
    assert_eq!(stored.realisasi, Some(Money::from_sen(5_000_000_050)));
    assert!(s.dataset.report_years().contains(&2025));
    s.undo(&mut h, "Staf").unwrap();
    assert!(s.dataset.realisation("IKU1", 2025).is_none());
    assert!(s.dataset.budget_line(2025, "9").is_none());
    s.redo(&mut h, "Staf").unwrap();
    assert_eq!(s.dataset.budget_line(2025, "9").unwrap().name, "Program Baru");

    // Removing an existing line and undoing brings it back exactly.
    let before = s.dataset.budget_line(2024, "1.4.5").unwrap().clone();
    let remove = Change {
        description: "Hapus sub-kegiatan".into(),
        edits: vec![FieldEdit {
            field: Field::BudgetLine { year: 2024, kode: "1.4.5".into() },
            old: Value::Line(Box::new(before.clone())),
            new: Value::Null,
        }],
    };
    s.apply(&mut h, remove, "Staf").unwrap();
    assert!(s.dataset.budget_line(2024, "1.4.5").is_none());
    s.undo(&mut h, "Staf").unwrap();
    assert_eq!(s.dataset.budget_line(2024, "1.4.5"), Some(&before));
}

#[test]
fn a_budget_amount_edit_is_audited_with_old_and_new() {
    let mut s = Session::in_memory().unwrap();
    let mut h = History::default();
    let field = Field::BudgetAmount { year: 2024, kode: "1.4.5".into(), column: BudgetColumn::Realisasi };
    let change = Change {
        description: "Realisasi rapat koordinasi".into(),
        edits: vec![FieldEdit {
            field: field.clone(),
            old: Value::Money(Money::from_rupiah(127_019_891)),
            new: Value::Money(Money::from_rupiah(127_019_900)),
        }],
    };
    s.apply(&mut h, change, "Bendahara").unwrap();
    let log = s.store.audit_log(s.office_id, Some("budget:2024:1.4.5"), 5).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].field.as_str(), log[0].old.as_str(), log[0].new.as_str()),
        ("realisasi", "127019891", "127019900")
    );
    assert_eq!(log[0].description, "Realisasi rapat koordinasi");
}

#[test]
fn every_kind_of_edit_is_audited_and_undone_exactly() {
    use kinerja::storage::{Sql, Table};
    let mut s = Session::in_memory().unwrap();
    let mut h = History::default();
    let original = s.dataset.clone();
    let kinds = vec![
        // A column of a plan row.
        FieldEdit {
            field: Field::Column { table: Table::Indicator, key: vec![Sql::Text("IKU2".into())], column: "satuan" },
            old: Value::Sql(Sql::Text("%".into())),
            new: Value::Sql(Sql::Text("Persen".into())),
        },
        // A new row.
        FieldEdit {
            field: Field::Row {
                table: Table::Note,
                key: vec![
                    Sql::Integer(2025),
                    Sql::Text("indicator:IKU1".into()),
                    Sql::Text("kendala".into()),
                    Sql::Integer(1),
                ],
            },
            old: Value::Null,
            new: Value::Row(vec![
                ("year".into(), Sql::Integer(2025)),
                ("subject".into(), Sql::Text("indicator:IKU1".into())),
                ("kind".into(), Sql::Text("kendala".into())),
                ("position".into(), Sql::Integer(1)),
                ("text".into(), Sql::Text("Data terlambat".into())),
            ]),
        },
        // A value record.
        FieldEdit {
            field: Field::AgreementTarget { indicator: "IKU1".into(), year: 2025 },
            old: Value::Null,
            new: Value::Dec(dec("76")),
        },
        // A budget name.
        FieldEdit {
            field: Field::BudgetName { year: 2024, kode: "6".into() },
            old: Value::Text("Program Pengawasan dan Pemeriksaan Koperasi".into()),
            new: Value::Text("Program Pengawasan Koperasi".into()),
        },
    ];
    for (i, e) in kinds.into_iter().enumerate() {
        s.apply(&mut h, Change { description: format!("langkah {i}"), edits: vec![e] }, "Auditor").unwrap();
    }
    let log = s.store.audit_log(s.office_id, None, 20).unwrap();
    let rows: Vec<(&str, &str, &str, &str)> =
        log.iter().rev().map(|e| (e.record.as_str(), e.field.as_str(), e.old.as_str(), e.new.as_str())).collect();
    assert_eq!(
        rows,
        vec![
            ("indicator:IKU2", "satuan", "%", "Persen"),
            (
                "note:2025:indicator:IKU1:kendala:1",
                "baris",
                "",
                "year=2025; subject=indicator:IKU1; kind=kendala; position=1; text=Data terlambat"
            ),
            ("agreement:IKU1:2025", "target", "", "76"),
            ("budget:2024:6", "name", "Program Pengawasan dan Pemeriksaan Koperasi", "Program Pengawasan Koperasi"),
        ]
    );
    assert_eq!(s.dataset.indicator("IKU2").unwrap().satuan, "Persen");
    for _ in 0..4 {
        s.undo(&mut h, "Auditor").unwrap();
    }
    assert_eq!(s.dataset, original, "four undos give back the original data exactly");
    assert_eq!(s.store.audit_log(s.office_id, None, 20).unwrap().len(), 8);
}
