//! Someone else saves the record a form is editing, between the form's opening and its saving:
//! the window says what it was, what it is now and what the user entered, and lets the user keep
//! theirs (nothing written) or write their own over it (one undo step).

mod common;
use common::{harness_of, type_into};

use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use kinerja::domain::{Change, IndicatorValue, Op};
use kinerja::storage::Store;
use kinerja::ui::{KinerjaApp, Mode, Tab, UiState};
use rust_decimal::Decimal;
use std::path::Path;

fn has(h: &Harness<'static, KinerjaApp>, label: &str) {
    assert!(h.query_all_by_label(label).next().is_some(), "no node labelled '{label}'");
}

fn has_part(h: &Harness<'static, KinerjaApp>, part: &str) {
    assert!(h.query_all_by_label_contains(part).next().is_some(), "no node containing '{part}'");
}

fn target(h: &Harness<'static, KinerjaApp>) -> Decimal {
    h.state().session().unwrap().dataset.renstra_target("IKU1", 2025).unwrap().target
}

/// Another planner (`Budi`, through a store of their own on the same file) sets IKU1's 2025
/// Renstra target from `old` to `new`.
fn another_planner_saves(path: &Path, office: i64, old: i64, new: i64) {
    let mut store = Store::open(path).unwrap();
    let change = Change {
        description: "target IKU1 2025".into(),
        ops: vec![Op::SetValue {
            value: IndicatorValue::RenstraTarget,
            indicator: "IKU1".into(),
            year: 2025,
            old: Some(Decimal::from(old)),
            new: Decimal::from(new),
        }],
    };
    store.apply_change(office, &change, "Budi").unwrap();
}

/// IKU1's target form (the second "Nilai AKIP Diskopukm": the first is the tujuan's), 76,25
/// typed into its 2025 target and saved.
fn save_76_25(h: &mut Harness<'static, KinerjaApp>) {
    type_into(h, "Target 2025 (Nilai)", "76,25");
    h.get_by_label("Simpan").click_accesskit();
    h.run_steps(3);
}

#[test]
fn a_record_changed_by_someone_else_is_kept_or_written_over_as_the_user_chooses() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.sqlite");
    let state = UiState { tab: Tab::Renstra, mode: Mode::Sunting, user_name: "Perencana".into(), ..Default::default() };
    let mut h = harness_of(KinerjaApp::new(path.clone(), state));
    let office = h.state().session().unwrap().office_id;
    let headers: Vec<_> =
        h.get_all_by_role_and_label(egui::accesskit::Role::DisclosureTriangle, "Nilai AKIP Diskopukm").collect();
    headers[1].click_accesskit();
    h.run_steps(3);
    // The embedded office's IKU1 target for 2025 is 76 (as printed in its Renstra).
    assert_eq!(target(&h), Decimal::from(76));

    // Keep theirs: the window shows Budi's 80, nothing of the user's is written.
    another_planner_saves(&path, office, 76, 80);
    save_76_25(&mut h);
    has(&h, "Data diubah orang lain");
    has(&h, "'76'");
    has(&h, "'80'");
    has(&h, "'76.25'");
    has_part(&h, "Budi");
    assert!(h.query_by_label("Tulis nilai saya").is_some(), "the user's value can be written over theirs");
    h.get_by_label("Pakai nilai mereka").click_accesskit();
    h.run_steps(3);
    assert!(h.query_by_label("Data diubah orang lain").is_none(), "the dialog closed");
    assert_eq!(target(&h), Decimal::from(80), "the window shows theirs");
    assert!(!h.state().history().can_undo(), "nothing was written");
    has_part(&h, "Nilai mereka dipakai");
    let on_file = |path: &Path| Store::open(path).unwrap().load_dataset(office).unwrap();
    assert_eq!(on_file(&path).renstra_target("IKU1", 2025).unwrap().target, Decimal::from(80));

    // Write mine: Budi saves 81 while the form (now from 80) is open; the user's 76,25 goes
    // over it, recorded in the trail and undoable back to Budi's 81.
    another_planner_saves(&path, office, 80, 81);
    save_76_25(&mut h);
    has(&h, "'80'");
    has(&h, "'81'");
    h.get_by_label("Tulis nilai saya").click_accesskit();
    h.run_steps(3);
    assert!(h.query_by_label("Data diubah orang lain").is_none(), "the dialog closed");
    assert_eq!(target(&h), Decimal::new(7625, 2));
    assert_eq!(on_file(&path).renstra_target("IKU1", 2025).unwrap().target, Decimal::new(7625, 2));
    has_part(&h, "Tersimpan");
    let trail = Store::open(&path).unwrap().audit_log(office, Some("target:IKU1:2025"), 10).unwrap();
    assert_eq!(
        (trail[0].user.as_str(), trail[0].old.as_str(), trail[0].new.as_str()),
        ("Perencana", "81", "76.25"),
        "written over theirs, as theirs"
    );
    h.get_by_label("↶ Urungkan").click_accesskit();
    h.run_steps(3);
    assert_eq!(target(&h), Decimal::from(81), "undo gives Budi's value back");
}
