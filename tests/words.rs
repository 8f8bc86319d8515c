//! Words the screenshots caught (issue 12): the status line follows a change of language, and
//! the English window keeps the labels the Indonesian one shows.

mod common;
use common::{harness_of, wait_for_integrity_check};

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use kinerja::format::Lang;
use kinerja::ui::{KinerjaApp, Tab, UiState};

#[test]
fn the_new_database_message_follows_a_change_of_language() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // A path with no database yet: Kinerja creates it from the embedded dataset and says so.
    let db = dir.path().join("baru.sqlite");
    let mut h = harness_of(KinerjaApp::new(db, UiState { lang: Lang::Id, ..Default::default() }));
    wait_for_integrity_check(&mut h);
    assert!(
        h.query_all_by_label_contains("Basis data baru dibuat dari dataset bawaan:").next().is_some(),
        "{:?}",
        h.state().message()
    );
    h.get_by_role_and_label(Role::Button, "English").click_accesskit();
    h.run_steps(3);
    assert!(
        h.query_all_by_label_contains("A new database was created from the embedded dataset:").next().is_some(),
        "{:?}",
        h.state().message()
    );
    assert!(h.query_all_by_label_contains("Basis data baru").next().is_none(), "{:?}", h.state().message());
    h.get_by_role_and_label(Role::Button, "Bahasa Indonesia").click_accesskit();
    h.run_steps(3);
    assert!(h.query_all_by_label_contains("Basis data baru dibuat dari dataset bawaan:").next().is_some());
}

#[test]
fn the_english_indicator_section_labels_its_definition() {
    let state = UiState { lang: Lang::En, tab: Tab::Kinerja, ..Default::default() };
    let h = harness_of(KinerjaApp::in_memory(state));
    // Nilai AKIP's definition in the embedded dataset begins "Nilai hasil evaluasi AKIP".
    assert!(
        h.query_all_by_label_contains("Definition: Nilai hasil evaluasi AKIP").next().is_some(),
        "the definition has its label in English as it has in Indonesian"
    );
}

#[test]
fn a_saved_change_and_its_undo_follow_a_change_of_language() {
    use kinerja::ui::Mode;
    let state = UiState {
        lang: Lang::Id,
        tab: Tab::Pemeriksaan,
        mode: Mode::Sunting,
        user_name: "Kepala".into(),
        ..Default::default()
    };
    let mut h = harness_of(KinerjaApp::in_memory(state));
    common::type_into(&mut h, "Batas atas capaian (%)", "120");
    h.get_by_label("Simpan pengaturan").click_accesskit();
    h.run_steps(3);
    // strings.rs: Saved = "Tersimpan" / "Saved"; the change's words come from change.rs: the
    // Indonesian record "Pengaturan perhitungan", in English "Change setting capaian_cap".
    let shown = |h: &egui_kittest::Harness<'static, KinerjaApp>, text: &str| {
        h.query_all_by_label_contains(text).next().is_some()
    };
    assert!(shown(&h, "Tersimpan: Pengaturan perhitungan"), "{:?}", h.state().message());
    h.get_by_role_and_label(Role::Button, "English").click_accesskit();
    h.run_steps(3);
    assert!(shown(&h, "Saved: Change setting capaian_cap"), "{:?}", h.state().message());
    assert!(!shown(&h, "Tersimpan"), "{:?}", h.state().message());

    // Undo = "↶ Urungkan" / "↶ Undo", made in English and read in Indonesian.
    h.get_by_label("↶ Undo").click_accesskit();
    h.run_steps(3);
    assert!(shown(&h, "↶ Undo: Change setting capaian_cap"), "{:?}", h.state().message());
    h.get_by_role_and_label(Role::Button, "Bahasa Indonesia").click_accesskit();
    h.run_steps(3);
    assert!(shown(&h, "↶ Urungkan: Pengaturan perhitungan"), "{:?}", h.state().message());
    assert!(!shown(&h, "Change setting"), "{:?}", h.state().message());
}
