//! The window in English: the checker's findings come through the same renderer as the command
//! line's, in the language chosen in the window.

mod common;
use common::harness_of;

use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use kinerja::format::Lang;
use kinerja::ui::{KinerjaApp, UiState};

fn harness(state: UiState) -> Harness<'static, KinerjaApp> {
    harness_of(KinerjaApp::in_memory(state))
}

fn has_part(h: &Harness<'static, KinerjaApp>, part: &str) {
    assert!(h.query_all_by_label_contains(part).next().is_some(), "no node containing '{part}'");
}

fn has_no_part(h: &Harness<'static, KinerjaApp>, part: &str) {
    assert!(h.query_all_by_label_contains(part).next().is_none(), "a node contains '{part}'");
}

#[test]
fn checks_tab_shows_english_findings() {
    let mut h = harness(UiState::default());
    // Switch the window to English, then open the checks tab, as a person does.
    h.get_by_label("English").click_accesskit();
    h.run_steps(3);
    assert_eq!(h.state().ui_state().lang, Lang::En);
    h.get_by_label("Checks (21)").click_accesskit();
    h.run_steps(3);

    h.get_by_label("Check findings (21)");
    // Tabel 3.6 prints a serapan of 7,39 %; 127.019.891 ÷ 160.000.000 × 100 = 79,39 %.
    has_part(
        &h,
        "Table 3.6: absorption (%) of 'Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD' is printed as 7.39; \
         recomputed it is 79.39.",
    );
    has_part(&h, "How computed: actual ÷ pagu × 100 = 127,019,891 ÷ 160,000,000 × 100");
    // Tabel 3.16's narrative: 98,46 printed, 2.851.712.240 ÷ 3.079.221.482 × 100 = 92,61.
    has_part(&h, "is printed as 98.46; recomputed it is 92.61.");
    // Each group is headed by its table, in English, with the title the office's report
    // prints over it (the office's words, as entered).
    h.get_by_label(
        "Table 3.6 Alokasi dan Realisasi Anggaran untuk Indikator Kinerja Utama Nilai AKIP Diskopukm di Dinas \
         Koperasi, Usaha Kecil dan Menengah (1)",
    );
    for indonesian in ["dicetak", "hasil hitung", "Cara hitung", "Tabel 3.6"] {
        has_no_part(&h, indonesian);
    }

    // Back to Indonesian: the same finding in Indonesian.
    h.get_by_label("Bahasa Indonesia").click_accesskit();
    h.run_steps(3);
    has_part(
        &h,
        "Tabel 3.6: % serapan 'Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD' dicetak 7,39, hasil hitung 79,39.",
    );
    has_no_part(&h, "is printed as");
}
