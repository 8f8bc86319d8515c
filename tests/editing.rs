//! Edits as domain operations with undo, redo, conflicts and the audit trail, through the real
//! store; removals with what depends on them; the window's explicit removal.

mod common;

use egui_kittest::kittest::Queryable;
use kinerja::app::{History, Session};
use kinerja::domain::*;
use kinerja::storage::EditError;
use rust_decimal::Decimal;
use std::str::FromStr;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn change(description: &str, ops: Vec<Op>) -> Change {
    Change { description: description.into(), ops }
}

fn target(indicator: &str, year: i32, old: &str, new: &str) -> Change {
    change(
        &format!("Target {indicator} {year}"),
        vec![Op::SetValue {
            value: IndicatorValue::RenstraTarget,
            indicator: indicator.into(),
            year,
            old: Some(dec(old)),
            new: dec(new),
        }],
    )
}

/// The audit rows of the session's office, oldest first, as (action, record, field, old, new).
fn audit(s: &Session) -> Vec<(String, String, String, String, String)> {
    let mut log = s.store.audit_log(s.office_id, None, 10_000).unwrap();
    log.reverse();
    log.into_iter().map(|e| (e.action, e.record, e.field, e.old, e.new)).collect()
}

/// `a == b`, or a panic naming the first lines of their difference (a dataset prints long).
#[track_caller]
fn same_data(a: &Dataset, b: &Dataset, what: &str) {
    if a == b {
        return;
    }
    let (x, y) = (format!("{a:#?}"), format!("{b:#?}"));
    let diff: Vec<String> = x
        .lines()
        .zip(y.lines())
        .enumerate()
        .filter(|(_, (l, r))| l != r)
        .take(6)
        .map(|(i, (l, r))| format!("line {i}: {l}  ≠  {r}"))
        .collect();
    panic!("{what}:\n{}", diff.join("\n"));
}

/// Ops that empty every section of the report's text that shows a figure of indicator `code`
/// (a removal is refused while the text refers to it), found by reading the texts as a person
/// would: a reference names `indicator:CODE`, `support:CODE` or `program_indicators:CODE`.
fn unmention(d: &Dataset, code: &str) -> Vec<Op> {
    let names =
        [format!("{{{{indicator:{code} "), format!("{{{{support:{code} "), format!("{{{{program_indicators:{code} ")];
    let own = format!("iku:{code}:");
    d.narrative
        .iter()
        .filter(|n| !n.section.starts_with(&own) && names.iter().any(|m| n.text.contains(m.as_str())))
        .map(|n| Op::SetNarrative {
            year: n.year,
            section: kinerja::domain::SectionKey::parse(&n.section).unwrap(),
            old: Some(n.text.clone()),
            new: None,
        })
        .collect()
}

/// The dataset survives the interchange files' complete validation (as `export` then `import`).
fn exports_and_imports_back(d: &Dataset) {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in kinerja::interchange::write_dataset(d) {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    if let Err(p) = kinerja::interchange::read_path(dir.path()) {
        panic!("the edited dataset does not import back:\n{p}");
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
fn a_stale_op_is_refused_and_writes_nothing() {
    let mut s = Session::in_memory().unwrap();
    let mut h = History::default();
    let original = s.dataset.clone();
    // The stored target of IKU1 in 2025 is 76, not 80.
    let err = s.apply(&mut h, target("IKU1", 2025, "80", "81"), "x").unwrap_err();
    assert!(matches!(err, EditError::Conflict { .. }), "{err}");
    assert!(err.message(kinerja::format::Lang::Id).contains("diubah orang lain"), "{}", err.message(Lang::Id));

    // A valid first operation is not written either when a later one is stale.
    let mut ind = s.dataset.indicator("IKU2").unwrap().clone();
    ind.name = "Nama yang sudah tidak ada".into();
    let mixed = change(
        "campuran",
        vec![target("IKU1", 2025, "76", "77").ops.remove(0), Op::RemoveIndicator(Box::new(ind.clone()))],
    );
    assert!(matches!(s.apply(&mut h, mixed, "x"), Err(EditError::Conflict { .. })));
    let stale_update = change(
        "ubah",
        vec![Op::UpdateIndicator {
            old: Box::new(ind.clone()),
            new: Box::new(Indicator { satuan: "x".into(), ..ind }),
        }],
    );
    assert!(matches!(s.apply(&mut h, stale_update, "x"), Err(EditError::Conflict { .. })));
    let stale_removal = change(
        "hapus",
        vec![Op::RemoveValue {
            value: IndicatorValue::Realisation,
            indicator: "IKU1".into(),
            year: 2024,
            old: dec("1"),
        }],
    );
    assert!(matches!(s.apply(&mut h, stale_removal, "x"), Err(EditError::Conflict { .. })));

    s.reload().unwrap();
    same_data(&s.dataset, &original, "original");
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
        ..BudgetLine::new(2025, "9", None, BudgetLevel::Program, 9, "")
    };
    let c = change(
        "Realisasi 2025 dan program baru",
        vec![
            Op::SetValue {
                value: IndicatorValue::Realisation,
                indicator: "IKU1".into(),
                year: 2025,
                old: None,
                new: dec("77.5"),
            },
            Op::AddBudgetLine(Box::new(line.clone())),
            Op::SetBudgetAmount {
                year: 2025,
                kode: "9".into(),
                column: BudgetColumn::PaguPerubahan,
                old: None,
                new: Some(Money::from_rupiah(120_000_000)),
            },
        ],
    );
    s.apply(&mut h, c, "Staf").unwrap();
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
}

#[test]
fn removing_a_budget_line_takes_its_quarters_and_undo_brings_them_back() {
    let mut s = Session::in_memory().unwrap();
    let mut h = History::default();
    let original = s.dataset.clone();
    let before = s.dataset.budget_line(2024, "1.4.5").unwrap().clone();
    let quarter = |q: i64, rupiah: i64| Op::SetBudgetQuarter {
        year: 2024,
        kode: "1.4.5".into(),
        quarter: q,
        old: None,
        new: Some(Money::from_rupiah(rupiah)),
    };
    s.apply(&mut h, change("Triwulan", vec![quarter(1, 10_000_000), quarter(2, 25_000_000)]), "Staf").unwrap();
    let with_quarters = s.dataset.clone();
    assert_eq!(with_quarters.budget_quarters.iter().filter(|q| q.kode == "1.4.5").count(), 2);

    s.apply(&mut h, change("Hapus sub-kegiatan", vec![Op::RemoveBudgetLine(Box::new(before.clone()))]), "Staf")
        .unwrap();
    assert!(s.dataset.budget_line(2024, "1.4.5").is_none());
    assert!(!s.dataset.budget_quarters.iter().any(|q| q.kode == "1.4.5"));
    let removed: Vec<_> = audit(&s).into_iter().filter(|r| r.0 == "ubah" && r.4.is_empty()).map(|r| r.1).collect();
    // The serapan Tabel 3.6 prints for the line (7,39) goes with it: a figure about a line its
    // year does not have would not import.
    assert_eq!(
        removed,
        vec![
            "budget_quarter:2024:1.4.5:1",
            "budget_quarter:2024:1.4.5:2",
            "printed_figure:2024:3.6:table:budget:1.4.5:serapan_pct",
            "budget:2024:1.4.5"
        ]
    );
    assert!(!s.dataset.printed_figures.iter().any(|p| p.subject == "budget:1.4.5"));

    s.undo(&mut h, "Staf").unwrap();
    same_data(&s.dataset, &with_quarters, "the line and both quarters are back");
    s.undo(&mut h, "Staf").unwrap();
    same_data(&s.dataset, &original, "original");
}

#[test]
fn a_budget_amount_edit_is_audited_with_old_and_new() {
    let mut s = Session::in_memory().unwrap();
    let mut h = History::default();
    let c = change(
        "Realisasi rapat koordinasi",
        vec![Op::SetBudgetAmount {
            year: 2024,
            kode: "1.4.5".into(),
            column: BudgetColumn::Realisasi,
            old: Some(Money::from_rupiah(127_019_891)),
            new: Some(Money::from_rupiah(127_019_900)),
        }],
    );
    s.apply(&mut h, c, "Bendahara").unwrap();
    let log = s.store.audit_log(s.office_id, Some("budget:2024:1.4.5"), 5).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].field.as_str(), log[0].old.as_str(), log[0].new.as_str()),
        ("realisasi", "127019891", "127019900")
    );
    assert_eq!(log[0].description, "Realisasi rapat koordinasi");
}

/// The embedded dataset's IKU1 (2024–2026) follows IKU1-2018 (2018–2023), which has an
/// agreement target and a realisation for 2023 and is the indicator of the AKIP evaluation 2023.
#[test]
fn removing_an_indicator_that_has_a_successor_clears_the_link_and_undo_restores_it() {
    let mut s = Session::in_memory().unwrap();
    let mut h = History::default();
    let original = s.dataset.clone();
    assert_eq!(original.indicator("IKU1").unwrap().predecessor.as_deref(), Some("IKU1-2018"));
    let old = original.indicator("IKU1-2018").unwrap().clone();
    // The closing chapter shows its 2023 capaian: that text goes first (see the refusal test).
    let mut ops = unmention(&original, "IKU1-2018");
    assert!(!ops.is_empty(), "the embedded Penutup refers to IKU1-2018");
    ops.push(Op::RemoveIndicator(Box::new(old)));
    s.apply(&mut h, change("Hapus indikator IKU1-2018", ops), "Perencana").unwrap();

    let d = &s.dataset;
    assert!(d.indicator("IKU1-2018").is_none());
    let successor = d.indicator("IKU1").expect("the successor stays");
    assert_eq!(successor.predecessor, None);
    assert_eq!(successor.name, original.indicator("IKU1").unwrap().name);
    assert!(!d.agreements.iter().any(|a| a.indicator == "IKU1-2018"));
    assert!(!d.realisations.iter().any(|r| r.indicator == "IKU1-2018"));
    let akip_2023 = d.akip_evaluations.iter().find(|e| e.year == 2023).unwrap();
    assert_eq!(akip_2023.indicator, None, "the evaluation stays, its reference goes");
    exports_and_imports_back(d);

    // One audit row per written field or row, the cleared links first.
    let rows = audit(&s);
    // The emptied text of the closing chapter first, as the change asked.
    let written: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r.1.as_str(), r.2.as_str(), r.3.as_str()))
        .filter(|w| !w.0.starts_with("narrative:"))
        .collect();
    assert_eq!(written[0], ("indicator:IKU1", "predecessor_code", "IKU1-2018"));
    assert_eq!(written[1], ("akip_evaluation:2023", "indicator_code", "IKU1-2018"));
    assert!(written.iter().any(|w| w.0 == "agreement:IKU1-2018:2023" && w.1 == "baris"));
    assert!(written.iter().any(|w| w.0 == "realisation:IKU1-2018:2023" && w.1 == "baris"));
    assert_eq!(written.last().unwrap().0, "indicator:IKU1-2018");
    assert!(rows.iter().all(|r| r.0 == "ubah" && r.4.is_empty()));

    s.undo(&mut h, "Perencana").unwrap();
    same_data(&s.dataset, &original, "the indicator, its records and the successor's link are back");
    s.redo(&mut h, "Perencana").unwrap();
    assert!(s.dataset.indicator("IKU1-2018").is_none());
    assert_eq!(s.dataset.indicator("IKU1").unwrap().predecessor, None);
    s.undo(&mut h, "Perencana").unwrap();
    same_data(&s.dataset, &original, "original");
}

#[test]
fn removing_an_indicator_removes_what_is_its_own() {
    let mut s = Session::in_memory().unwrap();
    let mut h = History::default();
    let original = s.dataset.clone();
    let count = |d: &Dataset| {
        (
            d.targets.iter().filter(|t| t.indicator == "IKU3").count(),
            d.raw_figures.iter().filter(|t| t.indicator == "IKU3").count(),
            d.program_support.iter().filter(|t| t.indicator == "IKU3").count(),
            d.report_tables.iter().filter(|t| t.subject == "IKU3").count(),
            d.notes.iter().filter(|n| n.subject == "indicator:IKU3").count(),
            // The figures the report prints about it (indicator:IKU3, support:IKU3, …).
            d.printed_figures.iter().filter(|p| p.subject.ends_with(":IKU3")).count(),
        )
    };
    let (targets, raw, support, tables, _, printed) = count(&original);
    assert!(
        targets > 0 && raw > 0 && support > 0 && tables > 0 && printed > 0,
        "the embedded IKU3 has records of its own"
    );
    // A note about IKU3, and a Rencana Aksi quarter.
    let note = Note {
        year: 2024,
        subject: "indicator:IKU3".into(),
        kind: "kendala".into(),
        position: 9,
        text: "Data terlambat".into(),
    };
    let quarter = Op::SetQuarter {
        indicator: "IKU3".into(),
        year: 2024,
        quarter: 1,
        old: QuarterFigures::default(),
        new: QuarterFigures { target: Some(dec("1")), realisasi: Some(dec("0.5")) },
    };
    s.apply(&mut h, change("Catatan", vec![Op::AddNote(note), quarter]), "Perencana").unwrap();
    let before = s.dataset.clone();

    let ind = before.indicator("IKU3").unwrap().clone();
    let mut ops = unmention(&before, "IKU3");
    ops.push(Op::RemoveIndicator(Box::new(ind)));
    s.apply(&mut h, change("Hapus IKU3", ops), "Perencana").unwrap();
    assert_eq!(count(&s.dataset), (0, 0, 0, 0, 0, 0));
    assert!(!s.dataset.quarters.iter().any(|q| q.indicator == "IKU3"));
    exports_and_imports_back(&s.dataset);

    s.undo(&mut h, "Perencana").unwrap();
    same_data(&s.dataset, &before, "before");
    s.undo(&mut h, "Perencana").unwrap();
    same_data(&s.dataset, &original, "original");
}

#[test]
fn removing_an_indicator_takes_the_figures_printed_about_its_benchmarks_and_in_its_named_tables() {
    let mut s = Session::in_memory().unwrap();
    let mut h = History::default();
    // IKU2's benchmark is position 1 of 2024, whose capaian Tabel 3.13 prints (16.4%). Another
    // figure is recorded in IKU2's analysis table by its stable name.
    let named = PrintedFigure {
        year: 2024,
        table: "Iku-Analisis:IKU2".into(),
        place: Place::Narrative,
        subject: "budget:*".into(),
        field: "pagu".into(),
        printed: "1".into(),
        value: Some(dec("1")),
        note: String::new(),
    };
    let mut with_named = s.dataset.clone();
    with_named.printed_figures.push(named.clone());
    let id = s.store.save_dataset(&with_named).unwrap();
    assert_eq!(id, s.office_id);
    s.reload().unwrap();
    let before = s.dataset.clone();
    assert!(before.printed_figures.contains(&named));
    assert!(before.printed_figures.iter().any(|p| p.subject == "benchmark:1" && p.year == 2024));

    let mut ops = unmention(&before, "IKU2");
    ops.push(Op::RemoveIndicator(Box::new(before.indicator("IKU2").unwrap().clone())));
    s.apply(&mut h, change("Hapus IKU2", ops), "Perencana").unwrap();
    assert!(!s.dataset.printed_figures.iter().any(|p| p.subject == "benchmark:1" || p.subject.ends_with(":IKU2")));
    assert!(!s.dataset.printed_figures.contains(&named));
    exports_and_imports_back(&s.dataset);
    s.undo(&mut h, "Perencana").unwrap();
    same_data(&s.dataset, &before, "before");
}

#[test]
fn a_removed_target_comes_back_with_its_range_and_note() {
    let mut s = Session::in_memory().unwrap();
    let mut h = History::default();
    let t = Target {
        indicator: "IKU2".into(),
        year: 2026,
        value: TargetValue { target: dec("1"), target_high: Some(dec("1.5")) },
        note: "rentang".into(),
    };
    // IKU2 has a 2026 target in the embedded data; take it out first, then add the range.
    let stored = s.dataset.renstra_target("IKU2", 2026).unwrap().target;
    let remove =
        |old| Op::RemoveValue { value: IndicatorValue::RenstraTarget, indicator: "IKU2".into(), year: 2026, old };
    s.apply(&mut h, change("keluar", vec![remove(stored), Op::AddRenstraTarget(t.clone())]), "x").unwrap();
    let with_range = s.dataset.clone();
    s.apply(&mut h, change("hapus", vec![remove(dec("1"))]), "x").unwrap();
    assert!(s.dataset.renstra_target("IKU2", 2026).is_none());
    s.undo(&mut h, "x").unwrap();
    same_data(&s.dataset, &with_range, "with range");
    let back = s.dataset.targets.iter().find(|x| x.indicator == "IKU2" && x.year == 2026).unwrap();
    assert_eq!(back, &t);
}

#[test]
fn removals_that_would_orphan_something_are_refused_and_write_nothing() {
    let mut s = Session::in_memory().unwrap();
    let mut h = History::default();
    let original = s.dataset.clone();
    let d = &original;
    let refused = [
        (Op::RemoveTujuan(d.tujuan.iter().find(|t| t.code == "T1").unwrap().clone()), "Tujuan T1 masih punya"),
        (Op::RemoveSasaran(d.sasaran.iter().find(|x| x.code == "S1").unwrap().clone()), "Sasaran S1 masih punya"),
        (Op::RemoveBudgetLine(Box::new(d.budget_line(2024, "1.4").unwrap().clone())), "masih punya"),
        (
            Op::RemoveAsset(Box::new(d.assets.iter().find(|a| a.year == 2024 && a.code == "1").unwrap().clone())),
            "rinciannya lebih dulu",
        ),
    ];
    // The report's text shows IKU3's figures (Bab II B, Bab III A): it is edited first.
    let refused = refused.into_iter().chain([(
        Op::RemoveIndicator(Box::new(d.indicator("IKU3").unwrap().clone())),
        "Indikator IKU3 disebut dalam teks laporan: perjanjian-kinerja (2024)",
    )]);
    for (op, message) in refused {
        let err = s.apply(&mut h, change("hapus", vec![op.clone()]), "x").expect_err(message);
        assert!(matches!(err, EditError::Refused { .. }), "{op:?}: {err}");
        assert!(err.message(Lang::Id).contains(message), "{}", err.message(Lang::Id));
        assert!(!err.message(Lang::En).is_empty());
    }
    // A misi that a tujuan serves, even one added in the same change; a sasaran under both a
    // tujuan and a misi.
    let misi = Misi { period: "2024-2026".into(), code: "M1".into(), position: 1, name: "Misi".into() };
    let t1 = d.tujuan.iter().find(|t| t.code == "T1").unwrap().clone();
    let serving = vec![
        Op::AddMisi(misi.clone()),
        Op::UpdateTujuan { old: t1.clone(), new: Tujuan { misi: Some("M1".into()), ..t1 } },
        Op::RemoveMisi(misi.clone()),
    ];
    let both = Sasaran { code: "S8".into(), misi: Some("M1".into()), ..d.sasaran[0].clone() };
    for (ops, id, en) in [
        (serving, "Misi M1 masih punya 1 tujuan atau sasaran", "Misi M1 still has 1 tujuan or sasaran"),
        (
            vec![Op::AddMisi(misi), Op::AddSasaran(both)],
            "Sasaran S8 harus berada di bawah satu tujuan atau satu misi",
            "Sasaran S8 must hang under one tujuan or one misi",
        ),
    ] {
        let err = s.apply(&mut h, change("misi", ops), "x").expect_err(id);
        assert!(err.message(Lang::Id).contains(id), "{}", err.message(Lang::Id));
        assert!(err.message(Lang::En).contains(en), "{}", err.message(Lang::En));
    }
    s.reload().unwrap();
    same_data(&s.dataset, &original, "nothing written");
    assert!(s.store.audit_log(s.office_id, None, 10).unwrap().is_empty());

    // Program 8 has a line in 2023 and in 2024; PI10 hangs under it and IKU3 is supported by
    // it. The 2023 line can go (the program stays in 2024), the last one cannot, even with its
    // sub-lines removed first in the same change.
    let p2023 = d.budget_line(2023, "8").unwrap().clone();
    s.apply(&mut h, change("hapus 2023", vec![Op::RemoveBudgetLine(Box::new(p2023))]), "x").unwrap();
    let mut lines: Vec<&BudgetLine> =
        d.budget_lines.iter().filter(|b| b.year == 2024 && b.kode.starts_with("8.")).collect();
    lines.sort_by_key(|b| std::cmp::Reverse(b.kode.len()));
    let mut ops: Vec<Op> = lines.into_iter().map(|b| Op::RemoveBudgetLine(Box::new(b.clone()))).collect();
    ops.push(Op::RemoveBudgetLine(Box::new(d.budget_line(2024, "8").unwrap().clone())));
    let err = s.apply(&mut h, change("hapus program 8", ops), "x").unwrap_err();
    assert!(err.message(Lang::Id).contains("Program 8 masih dirujuk"), "{}", err.message(Lang::Id));
    assert!(err.message(Lang::En).contains("Programme 8 is still referred to"), "{}", err.message(Lang::En));
    assert!(s.dataset.budget_line(2024, "8.1.1").is_some(), "nothing of the refused change was written");
    s.undo(&mut h, "x").unwrap();
    same_data(&s.dataset, &original, "the 2023 line is back");
    // The 2023 line went with the serapan Tabel 3.20 prints for it in 2023: two rows removed,
    // two restored.
    let log = s.store.audit_log(s.office_id, None, 10).unwrap();
    assert_eq!(log.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), vec!["batal", "batal", "ubah", "ubah"]);
    assert!(log.iter().any(|e| e.record == "printed_figure:2023:3.20:table:budget:8:serapan_pct"), "{log:?}");
}

/// Every kind of operation the window, the importer and the command line build, applied one
/// change at a time, undone to the original data and redone to the edited data, exactly.
#[test]
fn every_op_kind_is_undone_and_redone_exactly() {
    let mut s = Session::in_memory().unwrap();
    let mut h = History::default();
    let original = s.dataset.clone();
    let d = &original;
    let iku2 = d.indicator("IKU2").unwrap().clone();
    let t1 = d.tujuan.iter().find(|t| t.code == "T1").unwrap().clone();
    let t2 = d.tujuan.iter().find(|t| t.code == "T2").unwrap().clone();
    let s1 = d.sasaran.iter().find(|x| x.code == "S1").unwrap().clone();
    let asset = d.assets.iter().find(|a| a.year == 2024 && a.code == "1.2.6.2").unwrap().clone();
    let raw = d.raw_figure("IKU2", 2024, RawRole::Current).unwrap().clone();
    let staff = d.staff.iter().find(|x| x.year == 2024 && x.education == "SLTA").unwrap().clone();
    let line = d.budget_line(2024, "1.4.5").unwrap().clone();
    let new_indicator = Indicator { code: "IKU9".into(), position: 9, predecessor: None, ..iku2.clone() };
    let new_asset = AssetItem { code: "1.2.6.2.1".into(), parent: Some("1.2.6.2".into()), ..asset.clone() };
    let misi = Misi { period: "2024-2026".into(), code: "M1".into(), position: 1, name: "Misi".into() };
    let under_misi = Sasaran { tujuan: None, code: "S8".into(), misi: Some("M1".into()), ..s1.clone() };
    let changes = vec![
        target("IKU1", 2025, "76", "76.5"),
        change(
            "PK dan realisasi",
            vec![
                Op::SetValue {
                    value: IndicatorValue::AgreementTarget,
                    indicator: "IKU1".into(),
                    year: 2025,
                    old: None,
                    new: dec("76"),
                },
                Op::SetValue {
                    value: IndicatorValue::Realisation,
                    indicator: "IKU1".into(),
                    year: 2024,
                    old: Some(d.realisation("IKU1", 2024).unwrap().realisasi),
                    new: dec("80"),
                },
            ],
        ),
        change(
            "Hapus realisasi",
            vec![Op::RemoveValue {
                value: IndicatorValue::Realisation,
                indicator: "IKU2".into(),
                year: 2024,
                old: d.realisation("IKU2", 2024).unwrap().realisasi,
            }],
        ),
        change(
            "PK dari Renstra",
            vec![Op::AddAgreementTarget(AgreementTarget {
                year: 2026,
                indicator: "IKU1".into(),
                value: TargetValue { target: dec("76.5"), target_high: None },
                note: String::new(),
            })],
        ),
        change(
            "Anggaran",
            vec![
                Op::SetBudgetAmount {
                    year: 2024,
                    kode: "1.4.5".into(),
                    column: BudgetColumn::PaguMurni,
                    old: line.pagu_murni,
                    new: None,
                },
                Op::RenameBudgetLine { year: 2024, kode: "1.4.5".into(), old: line.name.clone(), new: "Rapat".into() },
                Op::AddBudgetLine(Box::new(BudgetLine {
                    kode: "1.4.9".into(),
                    position: 9,
                    name: "Baru".into(),
                    ..line.clone()
                })),
                Op::SetBudgetQuarter {
                    year: 2024,
                    kode: "1.4.9".into(),
                    quarter: 3,
                    old: None,
                    new: Some(Money::from_sen(1)),
                },
            ],
        ),
        change(
            "Rencana Aksi",
            vec![
                Op::SetQuarter {
                    indicator: "IKU2".into(),
                    year: 2024,
                    quarter: 2,
                    old: QuarterFigures::default(),
                    new: QuarterFigures { target: Some(dec("0.5")), realisasi: None },
                },
                Op::UpdateIndicator {
                    old: Box::new(iku2.clone()),
                    new: Box::new(Indicator {
                        quarter_rule: QuarterRule::Sum,
                        satuan: "Persen".into(),
                        ..iku2.clone()
                    }),
                },
            ],
        ),
        change(
            "Data dasar",
            vec![Op::SetRawFigure {
                old: Some(raw.clone()),
                new: Some(RawFigure { value: dec("12.5"), ..raw.clone() }),
            }],
        ),
        change(
            "Catatan",
            vec![Op::AddNote(Note {
                year: 2025,
                subject: "indicator:IKU1".into(),
                kind: "kendala".into(),
                position: 1,
                text: "Data terlambat".into(),
            })],
        ),
        change(
            "Pegawai",
            vec![Op::SetStaffCount { old: Some(staff.clone()), new: Some(StaffCount { count: 99, ..staff.clone() }) }],
        ),
        change(
            "Aset",
            vec![
                Op::UpdateAsset {
                    old: Box::new(asset.clone()),
                    new: Box::new(AssetItem { count: Some(3), value: None, ..asset.clone() }),
                },
                Op::AddAsset(Box::new(new_asset.clone())),
            ],
        ),
        change("Hapus aset", vec![Op::RemoveAsset(Box::new(new_asset))]),
        change("Pengaturan", vec![Op::SetSetting { key: "capaian_cap".into(), old: None, new: "120".into() }]),
        change(
            "Struktur",
            vec![
                Op::UpdateTujuan { old: t1.clone(), new: Tujuan { position: t2.position, ..t1.clone() } },
                Op::UpdateTujuan { old: t2.clone(), new: Tujuan { position: t1.position, name: "T dua".into(), ..t2 } },
                Op::UpdateSasaran { old: s1.clone(), new: Sasaran { name: "Sasaran satu".into(), ..s1.clone() } },
                Op::AddTujuan(Tujuan { code: "T9".into(), position: 9, ..t1.clone() }),
                Op::AddSasaran(Sasaran { tujuan: Some("T9".into()), code: "S9".into(), ..s1.clone() }),
                Op::AddIndicator(Box::new(Indicator { parent: Some("S9".into()), ..new_indicator.clone() })),
                // Its analysis goes with it when it is removed (below).
                Op::SetNarrative {
                    year: 2025,
                    section: SectionKey::Iku { indicator: "IKU9".into(), part: IkuPart::Kendala },
                    old: None,
                    new: Some("Data belum tersedia.".into()),
                },
            ],
        ),
        change(
            "Hapus struktur",
            vec![
                Op::RemoveIndicator(Box::new(Indicator { parent: Some("S9".into()), ..new_indicator })),
                Op::RemoveSasaran(Sasaran { tujuan: Some("T9".into()), code: "S9".into(), ..s1.clone() }),
                Op::RemoveTujuan(Tujuan { code: "T9".into(), position: 9, ..t1.clone() }),
            ],
        ),
        change(
            "Misi",
            vec![
                Op::AddMisi(misi.clone()),
                Op::UpdateMisi { old: misi.clone(), new: Misi { name: "Misi baru".into(), ..misi.clone() } },
                Op::AddSasaran(under_misi.clone()),
                Op::UpdateSasaran {
                    old: under_misi.clone(),
                    new: Sasaran { name: "Sasaran misi".into(), ..under_misi.clone() },
                },
            ],
        ),
        change(
            "Hapus misi",
            vec![
                Op::RemoveSasaran(Sasaran { name: "Sasaran misi".into(), ..under_misi }),
                Op::RemoveMisi(Misi { name: "Misi baru".into(), ..misi }),
            ],
        ),
        change(
            "Periode baru",
            vec![
                Op::AddPeriod(RenstraPeriod {
                    code: "2027-2029".into(),
                    start_year: 2027,
                    end_year: 2029,
                    name: "Renstra 2027–2029".into(),
                    basis: String::new(),
                }),
                Op::AddRenstraTarget(Target {
                    indicator: "IKU1".into(),
                    year: 2027,
                    value: TargetValue { target: dec("77"), target_high: None },
                    note: String::new(),
                }),
            ],
        ),
        change("Hapus catatan", vec![Op::RemoveNote(d.notes[0].clone())]),
        change(
            "Narasi",
            vec![
                Op::SetNarrative {
                    year: 2025,
                    section: SectionKey::Penutup,
                    old: None,
                    new: Some("Demikian {{tahun}}.".into()),
                },
                Op::SetNarrative {
                    year: 2025,
                    section: SectionKey::Penutup,
                    old: Some("Demikian {{tahun}}.".into()),
                    new: Some("Demikian laporan\n\n{{office}} {{tahun}}.".into()),
                },
                Op::SetNarrative {
                    year: 2025,
                    section: SectionKey::KataPengantar,
                    old: None,
                    new: Some("Puji syukur.".into()),
                },
            ],
        ),
        change(
            "Hapus narasi",
            vec![Op::SetNarrative {
                year: 2025,
                section: SectionKey::KataPengantar,
                old: Some("Puji syukur.".into()),
                new: None,
            }],
        ),
    ];
    let n = changes.len();
    for c in changes {
        let what = c.description.clone();
        s.apply(&mut h, c, "Auditor").unwrap_or_else(|e| panic!("{what}: {e}"));
    }
    let edited = s.dataset.clone();
    assert_ne!(edited, original);
    assert_eq!(s.dataset.indicator("IKU2").unwrap().quarter_rule, QuarterRule::Sum);
    assert_eq!(s.store.setting(s.office_id, "capaian_cap").unwrap().as_deref(), Some("120"));
    let written = audit(&s).len();
    for _ in 0..n {
        assert!(s.undo(&mut h, "Auditor").unwrap());
    }
    same_data(&s.dataset, &original, "every undo gives back the original data exactly");
    assert_eq!(s.store.setting(s.office_id, "capaian_cap").unwrap(), None);
    for _ in 0..n {
        assert!(s.redo(&mut h, "Auditor").unwrap());
    }
    same_data(&s.dataset, &edited, "every redo gives back the edited data exactly");
    let rows = audit(&s);
    assert_eq!(rows.len(), 3 * written, "undo and redo write one audit row per field or row each");
    assert_eq!(rows.iter().filter(|r| r.0 == "batal").count(), written);
    assert!(rows
        .iter()
        .any(|r| r.1 == "indicator:IKU2" && r.2 == "quarter_rule" && r.3 == "cumulative" && r.4 == "sum"));
    assert!(rows.iter().any(|r| r.1 == "office_setting:capaian_cap" && r.4 == "key=capaian_cap; value=120"));
    assert!(rows.iter().any(|r| r.1 == "narrative:2025:penutup" && r.2 == "text" && r.3 == "Demikian {{tahun}}."));
    assert!(rows.iter().any(|r| r.1 == "narrative:2025:iku:IKU9:kendala" && r.2 == "baris" && r.4.is_empty()));
    assert_eq!(
        s.dataset.narrative.iter().filter(|n| n.year == 2025).map(|n| n.section.as_str()).collect::<Vec<_>>(),
        ["penutup"],
        "the removed indicator's analysis went with it"
    );
}

#[test]
fn a_demo_offices_own_dataset_export_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kota.sqlite");
    let out = dir.path().join("D");
    let run = |args: &[&str]| {
        let o =
            std::process::Command::new(env!("CARGO_BIN_EXE_kinerja")).arg("--db").arg(&db).args(args).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    };
    run(&["demo", "--offices", "2", "--years", "10", "--lines", "10"]);
    run(&["--office", "BAPPEDA-BKS", "export", "--dataset", out.to_str().unwrap()]);
    // The office replaces itself: its indicators that follow each other go and come back.
    run(&["import", out.to_str().unwrap()]);
    let s = Session::open_office(&db, Some("BAPPEDA-BKS")).unwrap();
    assert!(s.dataset.indicators.iter().any(|i| i.predecessor.is_some()), "the demo office has successors");
    assert_eq!(s.dataset, kinerja::interchange::read_path(&out).unwrap());
}

/// The window builds operations only: no table, column or SQL value is named under `src/ui/`.
#[test]
fn the_window_names_no_table_column_or_sql_value() {
    let forbidden = [
        "storage::Sql",
        "storage::Field",
        "storage::Table",
        "storage::Value",
        "FieldEdit",
        "rusqlite",
        "_sen\"",
        "_code\"",
        "Sql::",
        "Table::",
        "Field::",
    ];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = vec![dir.clone()];
    let mut found = Vec::new();
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            for f in forbidden.iter().filter(|f| names(line, f)) {
                found.push(format!("{}:{}: {f}", path.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

/// The tabs and forms draw from a narrow context and send commands: none of them takes the
/// application itself, nor reaches the session that writes (only the handler in `ui/app/` does).
#[test]
fn tabs_and_forms_get_a_narrow_context() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = vec![dir.clone()];
    let mut found = Vec::new();
    let mut views = 0;
    while let Some(path) = files.pop() {
        if path.is_dir() {
            // The application and its handler are the one place that holds and changes it all.
            if path.file_name().is_some_and(|n| n == "app") {
                continue;
            }
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        // The module's root wires the application to eframe.
        if path == dir.join("mod.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        views += text.matches("cx: &mut TabContext").count();
        for (n, line) in text.lines().enumerate() {
            for f in ["KinerjaApp", ".session", "&mut Loaded"].iter().filter(|f| line.contains(*f)) {
                found.push(format!("{}:{}: {f}", path.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
    // Every tab and form (9 tabs, 12 forms and their parts) draws from the context.
    assert!(views >= 21, "only {views} views take a TabContext");
}

/// `line` names `token`: a token that begins with a letter as a whole name (`NumberField::`
/// does not name `Field::`), a suffix such as `_sen"` anywhere.
fn names(line: &str, token: &str) -> bool {
    if token.starts_with('_') {
        return line.contains(token);
    }
    line.match_indices(token)
        .any(|(i, _)| !line[..i].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_'))
}

use kinerja::format::Lang;

/// Clearing the field of a stored target and pressing Simpan removes nothing; the *Hapus* button
/// next to it asks first, *Batal* keeps it, *Ya, hapus* removes it (and undo brings it back).
#[test]
fn clearing_a_target_removes_nothing_and_hapus_asks_first() {
    use egui::accesskit::Role;
    use kinerja::ui::{KinerjaApp, Mode, Tab, UiState};
    let mut h = common::harness_of(KinerjaApp::in_memory(UiState {
        tab: Tab::Renstra,
        mode: Mode::Sunting,
        user_name: "Perencana".into(),
        ..Default::default()
    }));
    let stored = |h: &egui_kittest::Harness<'static, KinerjaApp>| {
        h.state().session().unwrap().dataset.renstra_target("IKU1", 2025).map(|t| t.target.to_string())
    };
    // The IKU "Nilai AKIP Diskopukm" is the second header of that name (the first is the
    // tujuan's indicator).
    let headers: Vec<_> = h.get_all_by_role_and_label(Role::DisclosureTriangle, "Nilai AKIP Diskopukm").collect();
    headers[1].click_accesskit();
    h.run_steps(3);
    h.get_by_role_and_label(Role::TextInput, "Target 2025 (Nilai)").set_text_value_accesskit("");
    h.run_steps(2);
    h.get_by_label("Simpan").click_accesskit();
    h.run_steps(3);
    assert!(h.query_all_by_label_contains("Kolom kosong tidak menghapus nilai").next().is_some());
    assert_eq!(stored(&h).as_deref(), Some("76"), "an empty field removed nothing");
    assert!(!h.state().history().can_undo());

    // The period is 2024–2026, each year with a target: the second Hapus is 2025's.
    let removes: Vec<_> = h.get_all_by_label("Hapus").collect();
    assert_eq!(removes.len(), 3);
    removes[1].click_accesskit();
    h.run_steps(3);
    assert!(h.query_all_by_label("Hapus target 2025 IKU1?").next().is_some());
    h.get_by_label("Batal").click_accesskit();
    h.run_steps(3);
    assert!(h.query_all_by_label("Hapus target 2025 IKU1?").next().is_none());
    assert_eq!(stored(&h).as_deref(), Some("76"));

    let removes: Vec<_> = h.get_all_by_label("Hapus").collect();
    removes[1].click_accesskit();
    h.run_steps(3);
    h.get_by_label("Ya, hapus").click_accesskit();
    h.run_steps(3);
    assert_eq!(stored(&h), None, "the confirmed removal removed it");
    assert_eq!(h.state().session().unwrap().dataset.renstra_target("IKU1", 2024).unwrap().target, dec("75.80"));
    h.get_by_label("↶ Urungkan").click_accesskit();
    h.run_steps(3);
    assert_eq!(stored(&h).as_deref(), Some("76"));
}
