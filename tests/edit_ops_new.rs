//! The operations on the budget's and the Renstra's newer data (issue 14) through the real store:
//! alokasi, sisa and realisasi fisik of a budget line, a top-level line's funding source and
//! spending type, an indicator's Renstra baseline and end target, a period's achievement scale.
//! Each applies, refuses a stale old value, undoes and redoes; what the import refuses is
//! refused with the import's reason, in both languages, and writes nothing.

use kinerja::app::{History, Session};
use kinerja::domain::*;
use kinerja::format::Lang;
use kinerja::storage::EditError;
use rust_decimal::Decimal;
use std::str::FromStr;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn rp(rupiah: i64) -> Money {
    Money::from_sen(rupiah * 100)
}

fn change(ops: Vec<Op>) -> Change {
    Change { description: "uji".into(), ops }
}

/// Applies `op`, checks `after` on the data, undoes (the data as before), redoes (as after), and
/// checks that the same op again is refused as stale (its old value is gone) without writing.
#[track_caller]
fn applies_undoes_redoes(s: &mut Session, op: Op, after: impl Fn(&Dataset)) {
    let mut h = History::default();
    let before = s.dataset.clone();
    s.apply(&mut h, change(vec![op.clone()]), "Perencana").unwrap();
    after(&s.dataset);
    let edited = s.dataset.clone();
    assert_ne!(edited, before, "the op changed something");
    assert!(s.undo(&mut h, "Perencana").unwrap());
    assert_eq!(s.dataset, before, "undo gives back the data");
    assert!(s.redo(&mut h, "Perencana").unwrap());
    assert_eq!(s.dataset, edited, "redo writes it again");
    let log = s.store.audit_log(s.office_id, None, 100_000).unwrap().len();
    let stale = s.apply(&mut h, change(vec![op]), "Perencana").unwrap_err();
    assert!(matches!(stale, EditError::Conflict { .. }), "stale: {stale}");
    s.reload().unwrap();
    assert_eq!(s.dataset, edited, "a stale op writes nothing");
    assert_eq!(s.store.audit_log(s.office_id, None, 100_000).unwrap().len(), log);
}

/// `change` is refused with a message containing `id` and `en`, and nothing is written.
#[track_caller]
fn refused(s: &mut Session, ops: Vec<Op>, id: &str, en: &str) {
    let mut h = History::default();
    let before = s.dataset.clone();
    let e = s.apply(&mut h, change(ops), "Perencana").unwrap_err();
    assert!(matches!(e, EditError::Refused { .. }), "{e}");
    assert!(e.message(Lang::Id).contains(id), "{}", e.message(Lang::Id));
    assert!(e.message(Lang::En).contains(en), "{}", e.message(Lang::En));
    s.reload().unwrap();
    assert_eq!(s.dataset, before);
    assert!(!h.can_undo());
}

#[test]
fn alokasi_sisa_and_fisik_apply_undo_and_redo() {
    let mut s = Session::in_memory().unwrap();
    // Line 2 (2024): pagu murni and perubahan 76.355.000, realisasi 71.250.000
    // (budget_lines.csv). Its split pagu is emptied first, then the single alokasi written.
    let amount = |column, old: Option<Money>, new: Option<Money>| Op::SetBudgetAmount {
        year: 2024,
        kode: "2".into(),
        column,
        old,
        new,
    };
    let ops = vec![
        amount(BudgetColumn::PaguMurni, Some(rp(76_355_000)), None),
        amount(BudgetColumn::PaguPerubahan, Some(rp(76_355_000)), None),
        amount(BudgetColumn::Alokasi, None, Some(rp(80_000_000))),
    ];
    let mut h = History::default();
    s.apply(&mut h, change(ops), "Perencana").unwrap();
    let line = s.dataset.budget_line(2024, "2").unwrap().clone();
    assert_eq!((line.pagu_murni, line.pagu_perubahan, line.alokasi), (None, None, Some(rp(80_000_000))));
    // The final pagu is the alokasi now.
    assert_eq!(line.pagu(), Some(rp(80_000_000)));
    assert!(s.undo(&mut h, "Perencana").unwrap());
    assert_eq!(s.dataset.budget_line(2024, "2").unwrap().pagu_murni, Some(rp(76_355_000)));

    // Sisa as printed: 76.355.000 − 71.250.000 = 5.105.000.
    applies_undoes_redoes(&mut s, amount(BudgetColumn::Sisa, None, Some(rp(5_105_000))), |d| {
        assert_eq!(d.budget_line(2024, "2").unwrap().sisa, Some(rp(5_105_000)))
    });
    let fisik = |old: Option<&str>, new: Option<&str>| Op::SetBudgetFisik {
        year: 2024,
        kode: "2.1.1".into(),
        old: old.map(dec),
        new: new.map(dec),
    };
    applies_undoes_redoes(&mut s, fisik(None, Some("97.5")), |d| {
        assert_eq!(d.budget_line(2024, "2.1.1").unwrap().fisik_pct, Some(dec("97.5")))
    });
    let log = s.store.audit_log(s.office_id, Some("budget:2024:2.1.1"), 10).unwrap();
    assert!(log.iter().any(|e| e.field == "fisik_pct" && e.old.is_empty() && e.new == "97.5"), "{log:?}");
}

#[test]
fn an_alokasi_beside_a_pagu_and_a_bad_fisik_are_refused() {
    let mut s = Session::in_memory().unwrap();
    // Line 2 still holds its pagu murni and perubahan.
    let alokasi = Op::SetBudgetAmount {
        year: 2024,
        kode: "2".into(),
        column: BudgetColumn::Alokasi,
        old: None,
        new: Some(rp(1)),
    };
    refused(&mut s, vec![alokasi], "isi alokasi saja atau pagu saja", "fill in either the alokasi or the pagu");
    for bad in ["120", "-1", "45.125"] {
        let op = Op::SetBudgetFisik { year: 2024, kode: "2.1.1".into(), old: None, new: Some(dec(bad)) };
        refused(&mut s, vec![op], "tulis persen 0 sampai 100", "write a percentage from 0 to 100");
    }
}

#[test]
fn a_top_level_lines_class_goes_to_every_line_under_it_and_not_from_a_child() {
    let mut s = Session::in_memory().unwrap();
    let apbd = BudgetClass { source: FundingSource::Apbd, spending: SpendingType::Program };
    let apbn = BudgetClass { source: FundingSource::ApbnDekon, spending: SpendingType::Program };
    let op = Op::SetBudgetClass { year: 2024, kode: "2".into(), old: apbd, new: apbn };
    // Programme 2 has kegiatan 2.1 with sub-kegiatan 2.1.1: all three are APBN afterwards.
    applies_undoes_redoes(&mut s, op, |d| {
        for kode in ["2", "2.1", "2.1.1"] {
            assert_eq!(d.budget_line(2024, kode).unwrap().source, FundingSource::ApbnDekon, "{kode}");
        }
        assert_eq!(d.budget_line(2024, "3").unwrap().source, FundingSource::Apbd, "another programme");
    });
    // The data still imports: every child shares its parent's class.
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in kinerja::interchange::write_dataset(&s.dataset) {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    if let Err(p) = kinerja::interchange::read_path(dir.path()) {
        panic!("the edited dataset does not import back:\n{p}");
    }

    let child = Op::SetBudgetClass { year: 2024, kode: "3.1".into(), old: apbd, new: apbn };
    refused(&mut s, vec![child], "diatur pada baris teratasnya (3)", "set on its top-level line (3)");
}

#[test]
fn a_baseline_is_added_changed_removed_and_a_reversed_range_refused() {
    let mut s = Session::in_memory().unwrap();
    let base = RenstraBaseline {
        indicator: "IKU1".into(),
        baseline_year: Some(2023),
        baseline: Some(dec("70")),
        end_target: Some(dec("77")),
        end_target_high: None,
        note: String::new(),
    };
    let added = Op::SetBaseline { old: None, new: Some(base.clone()) };
    applies_undoes_redoes(&mut s, added, |d| {
        assert_eq!(d.baselines.iter().find(|b| b.indicator == "IKU1"), Some(&base))
    });
    let range = RenstraBaseline { end_target_high: Some(dec("80")), ..base.clone() };
    applies_undoes_redoes(&mut s, Op::SetBaseline { old: Some(base.clone()), new: Some(range.clone()) }, |d| {
        assert_eq!(d.baselines.iter().find(|b| b.indicator == "IKU1"), Some(&range))
    });
    applies_undoes_redoes(&mut s, Op::SetBaseline { old: Some(range.clone()), new: None }, |d| {
        assert!(d.baselines.iter().all(|b| b.indicator != "IKU1"))
    });
    let reversed = RenstraBaseline { end_target: Some(dec("80")), end_target_high: Some(dec("77")), ..base };
    refused(
        &mut s,
        vec![Op::SetBaseline { old: None, new: Some(reversed) }],
        "batas atas 77 lebih kecil dari batas bawah 80",
        "the upper bound 77 is below the lower bound 80",
    );
}

fn band(position: i64, code: &str, name: &str, lower: Option<&str>, inclusive: bool) -> AchievementBand {
    AchievementBand {
        period: "2024-2026".into(),
        position,
        code: code.into(),
        name: name.into(),
        lower: lower.map(dec),
        lower_inclusive: inclusive,
    }
}

#[test]
fn a_periods_scale_is_replaced_whole_and_a_bad_one_refused() {
    let mut s = Session::in_memory().unwrap();
    let first = vec![band(1, "B", "Baik", Some("80"), true), band(2, "K", "Kurang", None, false)];
    let op = Op::SetBands { period: "2024-2026".into(), old: vec![], new: first.clone() };
    applies_undoes_redoes(&mut s, op, |d| assert_eq!(d.achievement_bands, first));
    let second = vec![
        band(1, "SB", "Sangat Baik", Some("100"), false),
        band(2, "B", "Baik", Some("80"), true),
        band(3, "K", "Kurang", None, false),
    ];
    let op = Op::SetBands { period: "2024-2026".into(), old: first.clone(), new: second.clone() };
    applies_undoes_redoes(&mut s, op, |d| assert_eq!(d.achievement_bands, second));
    // The scale is `second` now; one made from `first` is stale even though `first`'s bands
    // B and K are still there under other positions.
    let mut h = History::default();
    let stale = Op::SetBands { period: "2024-2026".into(), old: first, new: vec![] };
    assert!(matches!(s.apply(&mut h, change(vec![stale]), "x"), Err(EditError::Conflict { .. })));

    // 90 below SB's 100 would be right; 120 above it is reversed.
    let reversed = vec![band(1, "SB", "Sangat Baik", Some("100"), false), band(2, "B", "Baik", Some("120"), true)];
    refused(
        &mut s,
        vec![Op::SetBands { period: "2024-2026".into(), old: second.clone(), new: reversed }],
        "urutkan kategori dari yang tertinggi",
        "order the bands from the highest",
    );
    let open_first = vec![band(1, "K", "Kurang", None, false), band(2, "B", "Baik", Some("80"), true)];
    refused(
        &mut s,
        vec![Op::SetBands { period: "2024-2026".into(), old: second, new: open_first }],
        "hanya kategori terendah yang boleh tanpa batas bawah",
        "only the lowest band may have no lower bound",
    );
}

#[test]
fn the_new_ops_are_worded_in_both_languages() {
    let c = change(vec![Op::SetBudgetFisik { year: 2024, kode: "2.1.1".into(), old: None, new: Some(dec("50")) }]);
    assert_eq!(kinerja::text::change_summary(&c, Lang::En), "Add physical progress of budget line 2.1.1 (2024)");
    assert_eq!(kinerja::text::change_summary(&c, Lang::Id), "Tambah realisasi fisik baris anggaran 2.1.1 (2024)");
    let c = change(vec![Op::SetBands { period: "P".into(), old: vec![], new: vec![] }]);
    assert_eq!(kinerja::text::change_summary(&c, Lang::En), "Change achievement bands of period P");
}
