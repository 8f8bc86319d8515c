//! *Laporan*: the report's text in the window, through AccessKit as a person uses it — the
//! 2024 text with its computed figures, a section edited and undone, a bad reference refused
//! beside the field, a section emptied only after the question, and the 2024 text copied to
//! 2025, which has none.

mod common;
use common::harness_of;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use kinerja::domain::SectionKey;
use kinerja::format::Lang;
use kinerja::ui::{KinerjaApp, Mode, Tab, UiState};

fn harness(state: UiState) -> Harness<'static, KinerjaApp> {
    harness_of(KinerjaApp::in_memory(state))
}

fn laporan(year: i32, mode: Mode, lang: Lang) -> UiState {
    UiState { tab: Tab::Laporan, year: Some(year), mode, lang, user_name: "Staf".into(), ..Default::default() }
}

fn has(h: &Harness<'static, KinerjaApp>, label: &str) {
    assert!(h.query_all_by_label(label).next().is_some(), "no node labelled '{label}'");
}

fn has_part(h: &Harness<'static, KinerjaApp>, part: &str) {
    assert!(h.query_all_by_label_contains(part).next().is_some(), "no node containing '{part}'");
}

fn click(h: &mut Harness<'static, KinerjaApp>, label: &str) {
    h.get_all_by_role_and_label(Role::Button, label)
        .next()
        .unwrap_or_else(|| panic!("no button '{label}'"))
        .click_accesskit();
    h.run_steps(3);
}

/// The section's editor (a multi-line field) named `label`.
fn editor<'h>(h: &'h Harness<'static, KinerjaApp>, label: &'h str) -> egui_kittest::Node<'h> {
    h.get_by_role_and_label(Role::MultilineTextInput, label)
}

/// Replaces what the editor holds with `text`, as a person does: focus, select all, type (or
/// delete, for an empty text).
fn type_into_editor(h: &mut Harness<'static, KinerjaApp>, label: &str, text: &str) {
    editor(h, label).focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    if text.is_empty() {
        h.key_press(egui::Key::Backspace);
    } else {
        editor(h, label).type_text(text);
    }
    h.run_steps(2);
    assert_eq!(editor(h, label).value().as_deref(), Some(text), "the editor holds what was typed");
}

fn stored(h: &Harness<'static, KinerjaApp>, year: i32, key: &SectionKey) -> Option<String> {
    let session = h.state().session().expect("an open database");
    session.dataset.narrative_section(year, key).map(|n| n.text.clone())
}

fn sections_of(h: &Harness<'static, KinerjaApp>, year: i32) -> usize {
    h.state().session().expect("an open database").dataset.narrative.iter().filter(|n| n.year == year).count()
}

#[test]
fn the_2024_text_shows_the_computed_figures_and_the_corrections() {
    let mut h = harness(laporan(2024, Mode::Tinjau, Lang::Id));
    common::click_tab(&mut h, Tab::Laporan, Lang::Id);
    has(&h, "Teks laporan 2024");
    has(&h, "Bab I A. Latar Belakang");
    has(&h, "Bab III B. IKU2: faktor dan program pendukung");
    // Tabel 3.10 of the reference report: the programmes supporting IKU2 spent Rp 824.166.800,
    // where its text printed Rp 752.916.800; Tabel 3.16: serapan 2.851.712.240 ÷ 3.079.221.482
    // = 92,61 %, where the text printed 98,46 %.
    has(&h, "Rp 824.166.800");
    has(&h, "92,61 %");
    // The corrections box: printed → computed, with the table.
    has(&h, "Koreksi atas laporan tercetak");
    has(&h, "Rp. 752.916.800,-");
    has_part(&h, "Tabel 3.10");

    let mut en = harness(laporan(2024, Mode::Tinjau, Lang::En));
    has(&en, "Report text 2024");
    has(&en, "Chapter I A. Background");
    has(&en, "Rp 824,166,800");
    has(&en, "Corrections to the printed report");
    en.run_steps(1);
}

#[test]
fn a_section_is_edited_saved_and_undone() {
    let mut h = harness(laporan(2024, Mode::Sunting, Lang::Id));
    let key = SectionKey::LatarBelakang;
    let before = stored(&h, 2024, &key).expect("the reference report has a Latar Belakang");
    // The first section with text in the report's order is the Latar Belakang (the reference report has no Kata Pengantar).
    click(&mut h, "Ubah");
    let text = "Laporan tahun {{tahun}} disusun oleh {{office}}.\n\nRealisasi {{support:IKU2 realisasi}}.";
    type_into_editor(&mut h, "Teks bagian", text);
    // What Simpan changes, before it is pressed.
    has(&h, "Yang berubah saat Simpan:");
    has_part(&h, "paragraf →");
    click(&mut h, "Simpan");
    assert_eq!(stored(&h, 2024, &key).as_deref(), Some(text));
    // The tab shows the new text with its figures.
    has(&h, "Rp 824.166.800");
    has_part(&h, "Dinas Koperasi, Usaha Kecil dan Menengah Kota Bekasi");
    click(&mut h, "↶ Urungkan");
    assert_eq!(stored(&h, 2024, &key), Some(before));
}

#[test]
fn a_bad_reference_is_named_beside_the_field_and_nothing_is_written() {
    let mut h = harness(laporan(2024, Mode::Sunting, Lang::Id));
    let key = SectionKey::LatarBelakang;
    let before = stored(&h, 2024, &key);
    click(&mut h, "Ubah");
    type_into_editor(&mut h, "Teks bagian", "Capaian {{indicator:XX capaian_pct}} tahun ini.");
    has_part(&h, "'indicator:XX' tidak ada di data");
    click(&mut h, "Simpan");
    assert_eq!(stored(&h, 2024, &key), before);
    assert!(h.state().history().next_undo().is_none(), "nothing was written");

    let mut en = harness(laporan(2024, Mode::Sunting, Lang::En));
    click(&mut en, "Edit text");
    type_into_editor(&mut en, "Section text", "Capaian {{indicator:XX capaian_pct}}.");
    has_part(&en, "'indicator:XX' is not in the data");
}

#[test]
fn an_emptied_section_is_removed_only_after_the_question() {
    let mut h = harness(laporan(2024, Mode::Sunting, Lang::Id));
    let key = SectionKey::LatarBelakang;
    click(&mut h, "Ubah");
    type_into_editor(&mut h, "Teks bagian", "");
    click(&mut h, "Simpan");
    has(&h, "Hapus teks bagian ini?");
    assert!(stored(&h, 2024, &key).is_some(), "nothing removed before the answer");
    click(&mut h, "Ya, hapus");
    assert_eq!(stored(&h, 2024, &key), None);
    // The section can be written again.
    h.get_all_by_role_and_label(Role::Button, "Tulis").next().expect("Tulis on the emptied section");
}

#[test]
fn the_2024_text_is_copied_to_2025_from_the_window() {
    let mut h = harness(laporan(2025, Mode::Sunting, Lang::Id));
    assert_eq!(h.state().ui_state().year, Some(2025), "the data has 2025 (its targets)");
    let in_2024 = sections_of(&h, 2024);
    assert!(in_2024 > 0);
    assert_eq!(sections_of(&h, 2025), 0, "2025 has no text");
    has(&h, "Tahun ini belum punya teks laporan.");
    click(&mut h, "Salin dari tahun 2024");
    assert_eq!(sections_of(&h, 2025), in_2024);
    // Every reference now reads 2025: the Latar Belakang's text is the same as 2024's.
    assert_eq!(stored(&h, 2025, &SectionKey::LatarBelakang), stored(&h, 2024, &SectionKey::LatarBelakang));
    has(&h, "Teks laporan 2025");
    assert!(h.query_by_label("Tahun ini belum punya teks laporan.").is_none());
    // One step: undo removes the whole copy.
    click(&mut h, "↶ Urungkan");
    assert_eq!(sections_of(&h, 2025), 0);

    let mut en = harness(laporan(2025, Mode::Sunting, Lang::En));
    has(&en, "This year has no report text yet.");
    click(&mut en, "Copy from 2024");
    assert_eq!(sections_of(&en, 2025), in_2024);
}
