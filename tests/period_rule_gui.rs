//! A planner marks an indicator as one whose years add up (issue 14): in *Sunting* mode the
//! Renstra tab's structure editor offers the indicator's period rule beside its polarity and
//! capaian rule, by clicking through AccessKit; the indicator's card then says so, and undo
//! takes it back.
mod common;
use common::harness_of;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use kinerja::domain::PeriodRule;
use kinerja::ui::{KinerjaApp, Mode, Tab, UiState};

fn open_last(h: &mut Harness<'static, KinerjaApp>, label: &str) {
    h.get_all_by_role_and_label(Role::DisclosureTriangle, label)
        .last()
        .unwrap_or_else(|| panic!("no header '{label}'"))
        .click_accesskit();
    h.run_steps(3);
}

#[test]
fn a_planner_makes_an_indicator_add_up_over_the_period() {
    let mut h = harness_of(KinerjaApp::in_memory(UiState {
        tab: Tab::Renstra,
        mode: Mode::Sunting,
        user_name: "Perencana".into(),
        ..Default::default()
    }));
    let rule =
        |h: &Harness<'static, KinerjaApp>| h.state().session().unwrap().dataset.indicator("IKU1").unwrap().period_rule;
    assert_eq!(rule(&h), PeriodRule::Level);
    // The structure editor's headers come after the read-only tree's headers of the same name.
    open_last(&mut h, "Tujuan: Meningkatnya Kualitas Manajemen dan Kinerja DISKOPUKM");
    open_last(&mut h, "Sasaran: Meningkatnya Akuntabilitas dan Kualitas Perencanaan dan Penganggaran DISKOPUKM");
    open_last(&mut h, "Nilai AKIP Diskopukm (IKU1)");
    let radio = h.get_by_role_and_label(Role::RadioButton, "jumlah tahun-tahun periode (kumulatif)");
    let below = radio.rect().bottom();
    radio.click_accesskit();
    h.run_steps(3);
    // The editor's own Simpan is the first one under its fields.
    let save = h
        .get_all_by_role_and_label(Role::Button, "Simpan")
        .filter(|b| b.rect().top() > below)
        .min_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .expect("the editor's Simpan");
    save.click_accesskit();
    h.run_steps(3);
    assert_eq!(rule(&h), PeriodRule::Sum);
    assert!(h.query_all_by_label("Angka periode s.d. tahun N").count() >= 2, "the editor's row and the card's");

    h.get_by_role_and_label(Role::Button, "↶ Urungkan").click_accesskit();
    h.run_steps(3);
    assert_eq!(rule(&h), PeriodRule::Level);
}
