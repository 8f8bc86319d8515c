//! No frame touches the disk: the audit trail, a record's history, the backups and the schema
//! version are read when the data is loaded and after a change, never while the window is
//! drawn. `Store::queries` counts every statement the window's connection runs.
//!
//! And a change's description is the office's record: Indonesian in the English window too.

mod common;
use common::{harness_of, type_into};

use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::Harness;
use kinerja::format::Lang;
use kinerja::ui::{Command, KinerjaApp, Mode, Tab, UiState};

fn queries(h: &Harness<'static, KinerjaApp>) -> u64 {
    h.state().session().expect("the database is open").store.queries()
}

/// Runs 20 frames and says how many statements they ran.
fn queries_in_20_frames(h: &mut Harness<'static, KinerjaApp>) -> u64 {
    let before = queries(h);
    for _ in 0..20 {
        h.run_steps(1);
    }
    queries(h) - before
}

fn has(h: &Harness<'static, KinerjaApp>, label: &str) {
    assert!(h.query_all_by_label(label).next().is_some(), "no node labelled '{label}'");
}

/// The window on a database file (so that it has backups), in *Sunting* with a user's name.
fn file_window(dir: &std::path::Path, tab: Tab, lang: Lang) -> Harness<'static, KinerjaApp> {
    let state = UiState { tab, mode: Mode::Sunting, lang, user_name: "Perencana".into(), ..Default::default() };
    let mut h = harness_of(KinerjaApp::new(dir.join("k.sqlite"), state));
    common::wait_for_integrity_check(&mut h);
    h.run_steps(2);
    h
}

/// Opens the Renstra targets form of IKU1 (the second disclosure named "Nilai AKIP Diskopukm":
/// the first is the tujuan's indicator).
fn open_iku1_targets(h: &mut Harness<'static, KinerjaApp>) {
    h.get_all_by_role_and_label(egui::accesskit::Role::DisclosureTriangle, "Nilai AKIP Diskopukm")
        .nth(1)
        .expect("IKU1's disclosure on Renstra")
        .click_accesskit();
    h.run_steps(3);
}

#[test]
fn no_tab_reads_the_database_while_it_is_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = file_window(dir.path(), Tab::Ringkasan, Lang::Id);
    // Kota shows only with more than one office.
    for tab in Tab::ALL.into_iter().filter(|t| *t != Tab::Kota) {
        common::click_tab(&mut h, tab, Lang::Id);
        assert_eq!(h.state().ui_state().tab, tab);
        assert_eq!(queries_in_20_frames(&mut h), 0, "{tab:?} read the database while drawn");
    }
    // *Tentang* shows the schema version, read when the file was opened.
    common::open_menu(&mut h);
    h.get_by_label("Tentang").click_accesskit();
    h.run_steps(3);
    assert!(h.state().dialogs().about);
    assert_eq!(queries_in_20_frames(&mut h), 0, "Tentang read the database while drawn");
}

#[test]
fn riwayat_and_an_open_form_read_the_trail_once_after_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = file_window(dir.path(), Tab::Renstra, Lang::Id);
    open_iku1_targets(&mut h);
    has(&h, "Target 2025 (Nilai)");
    // A fresh database has no history: the form shows none, Riwayat says so.
    assert!(h.query_all_by_label_contains("Riwayat data ini").next().is_none());
    assert_eq!(queries_in_20_frames(&mut h), 0, "the open targets form read the database while drawn");

    type_into(&mut h, "Target 2025 (Nilai)", "76,25");
    let before = queries(&h);
    h.get_by_label("Simpan").click_accesskit();
    h.run_steps(3);
    assert!(queries(&h) > before, "the change was written and the trail read again");
    // One change, one field: the form's history has one entry, read after the change.
    has(&h, "Riwayat data ini (1)");
    assert_eq!(queries_in_20_frames(&mut h), 0, "the form with its history read the database while drawn");

    common::click_tab(&mut h, Tab::Riwayat, Lang::Id);
    h.run_steps(3);
    has(&h, "Target Renstra IKU1 2025 — Nilai AKIP Diskopukm");
    assert_eq!(queries_in_20_frames(&mut h), 0, "Riwayat read the database while drawn");
}

#[test]
fn the_backup_list_is_read_after_a_change_not_in_frames() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = file_window(dir.path(), Tab::Riwayat, Lang::Id);
    let shown = |h: &Harness<'static, KinerjaApp>| {
        h.query_all_by_label_contains("Cadangan basis data (")
            .next()
            .and_then(|n| n.accesskit_node().label())
            .expect("the backups header on Riwayat")
    };
    let at_start = shown(&h);
    let listed = kinerja::storage::list_backups(&dir.path().join("k.sqlite")).len();
    assert_eq!(at_start, format!("Cadangan basis data ({listed})"));
    // A copy made behind the window's back is not looked for while drawing …
    h.state().session().unwrap().store.backup("uji").unwrap();
    h.run_steps(20);
    assert_eq!(shown(&h), at_start, "a frame listed the backup folder");
    // … and is there once the command handler has carried out a change (here an undo with
    // nothing to undo): the list is read again with the trail.
    h.state_mut().send(Command::Undo);
    h.run_steps(3);
    assert_eq!(shown(&h), format!("Cadangan basis data ({})", listed + 1));
}

#[test]
fn an_edit_in_the_english_window_is_recorded_in_indonesian() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = file_window(dir.path(), Tab::Renstra, Lang::En);
    open_iku1_targets(&mut h);
    type_into(&mut h, "Target 2025 (Nilai)", "76.25");
    h.get_by_label("Save").click_accesskit();
    h.run_steps(3);
    // Removing the 2026 target (stored: 77 in the embedded dataset) through its Remove button.
    let removes: Vec<_> = h.get_all_by_role_and_label(egui::accesskit::Role::Button, "Remove").collect();
    assert_eq!(removes.len(), 3, "one Remove per stored target of 2024–2026");
    removes[2].click_accesskit();
    h.run_steps(3);
    h.get_by_label("Yes, remove").click_accesskit();
    h.run_steps(3);

    let s = h.state().session().unwrap();
    let log = s.store.audit_log(s.office_id, None, 10).unwrap();
    let descriptions: Vec<&str> = log.iter().map(|e| e.description.as_str()).collect();
    // Newest first: the removal, then the edit; the words of `T::EditTargets` in Indonesian and
    // the indicator's name as the dataset has it.
    assert_eq!(
        descriptions,
        ["Hapus target 2026 IKU1: Nilai AKIP Diskopukm", "Sunting target: Nilai AKIP Diskopukm"],
        "{log:#?}"
    );
}
