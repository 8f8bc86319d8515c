//! The window edits issue 14's data through AccessKit, as a person does: a budget line's
//! alokasi, sisa and realisasi fisik, a top-level line's funding source, an indicator's Renstra
//! baseline and end target, and a period's achievement bands. Bad input is refused beside its
//! field with the import's reason and writes nothing.

mod common;
use common::{click_row, harness_of, type_into, type_into_first};

use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use kinerja::domain::{Dataset, FundingSource, Money};
use kinerja::format::Lang;
use kinerja::ui::{KinerjaApp, Mode, Tab, UiState};
use rust_decimal::Decimal;
use std::str::FromStr;

fn harness(tab: Tab, lang: Lang) -> Harness<'static, KinerjaApp> {
    harness_of(KinerjaApp::in_memory(UiState {
        tab,
        mode: Mode::Sunting,
        lang,
        user_name: "Perencana".into(),
        ..Default::default()
    }))
}

fn data(h: &Harness<'static, KinerjaApp>) -> Dataset {
    h.state().session().unwrap().dataset.clone()
}

fn has_part(h: &Harness<'static, KinerjaApp>, part: &str) {
    assert!(h.query_all_by_label_contains(part).next().is_some(), "no node containing '{part}'");
}

fn select_budget_line(h: &mut Harness<'static, KinerjaApp>, kode: &str, filter: &str) {
    type_into_first(h, filter, kode);
    click_row(h, kode);
    assert_eq!(h.state().selection().budget_line.as_deref(), Some(kode), "the click selected the line");
}

/// Empties the text field `label` as a person does: focus, select all, delete.
fn clear(h: &mut Harness<'static, KinerjaApp>, label: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, label).focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run_steps(2);
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, label);
    assert_eq!(field.value().as_deref(), Some(""), "'{label}' is empty");
}

fn click(h: &mut Harness<'static, KinerjaApp>, label: &str) {
    h.get_by_label(label).click_accesskit();
    h.run_steps(3);
}

fn rp(rupiah: i64) -> Option<Money> {
    Some(Money::from_sen(rupiah * 100))
}

#[test]
fn an_alokasi_and_fisik_are_typed_and_saved_and_an_alokasi_beside_a_pagu_is_refused() {
    let mut h = harness(Tab::Anggaran, Lang::Id);
    // Programme 2 (2024): pagu murni and perubahan 76.355.000 (budget_lines.csv).
    select_budget_line(&mut h, "2", "Saring");
    let before = data(&h);
    type_into(&mut h, "Alokasi (Rp)", "80.000.000");
    click(&mut h, "Simpan");
    has_part(&h, "alokasi tunggal ditulis bersama pagu murni/perubahan; isi alokasi saja atau pagu saja");
    assert_eq!(data(&h), before, "refused, nothing written");
    assert!(!h.state().history().can_undo());

    clear(&mut h, "Pagu murni (Rp)");
    clear(&mut h, "Pagu perubahan (Rp)");
    type_into(&mut h, "Realisasi fisik (%)", "97,5");
    type_into(&mut h, "Sisa anggaran (Rp)", "8.750.000");
    has_part(&h, "= 97,5 %");
    click(&mut h, "Simpan");
    let line = data(&h).budget_line(2024, "2").unwrap().clone();
    assert_eq!((line.pagu_murni, line.pagu_perubahan, line.alokasi), (None, None, rp(80_000_000)));
    // 80.000.000 − 71.250.000 = 8.750.000, typed as printed.
    assert_eq!(line.sisa, rp(8_750_000));
    assert_eq!(line.fisik_pct, Some(Decimal::from_str("97.5").unwrap()));
    assert!(h.state().history().can_undo());
}

#[test]
fn a_fisik_of_120_shows_the_message_and_writes_nothing() {
    let mut h = harness(Tab::Anggaran, Lang::Id);
    select_budget_line(&mut h, "2.1.1", "Saring");
    let before = data(&h);
    type_into(&mut h, "Realisasi fisik (%)", "120");
    click(&mut h, "Simpan");
    has_part(&h, "realisasi fisik 120 % tidak sah; tulis persen 0 sampai 100 dengan paling banyak dua desimal");
    assert_eq!(data(&h), before);
    assert!(!h.state().history().can_undo(), "nothing written");
}

#[test]
fn a_top_level_lines_source_is_set_to_apbn_for_the_lines_under_it() {
    let mut h = harness(Tab::Anggaran, Lang::En);
    select_budget_line(&mut h, "2", "Filter");
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Funding source").click_accesskit();
    h.run_steps(2);
    h.get_by_label("APBN deconcentration funds").click_accesskit();
    h.run_steps(2);
    click(&mut h, "Save funding source and spending type");
    let d = data(&h);
    for kode in ["2", "2.1", "2.1.1"] {
        assert_eq!(d.budget_line(2024, kode).unwrap().source, FundingSource::ApbnDekon, "{kode}");
    }
    assert_eq!(d.budget_line(2024, "1").unwrap().source, FundingSource::Apbd);
    // A line under it shows its programme's source and has nothing to choose.
    select_budget_line(&mut h, "2.1", "Filter");
    assert!(h.query_by_role_and_label(egui::accesskit::Role::ComboBox, "Funding source").is_none());
    has_part(
        &h,
        "Funding source: APBN deconcentration funds · Spending type: programme spending (set on the top-level line 2)",
    );
}

#[test]
fn an_indicators_baseline_and_end_target_are_edited() {
    let mut h = harness(Tab::Renstra, Lang::Id);
    // The second "Nilai AKIP Diskopukm" is IKU1 (the first is the tujuan's indicator IT1).
    h.get_all_by_role_and_label(egui::accesskit::Role::DisclosureTriangle, "Nilai AKIP Diskopukm")
        .nth(1)
        .unwrap()
        .click_accesskit();
    h.run_steps(3);
    type_into(&mut h, "Tahun kondisi awal", "2023");
    type_into(&mut h, "Kondisi awal", "70,5");
    type_into(&mut h, "Target akhir Renstra", "77");
    click(&mut h, "Simpan kondisi awal");
    let d = data(&h);
    let b = d.baselines.iter().find(|b| b.indicator == "IKU1").expect("IKU1's baseline");
    assert_eq!(
        (b.baseline_year, b.baseline, b.end_target, b.end_target_high),
        (Some(2023), Some(Decimal::new(705, 1)), Some(Decimal::from(77)), None)
    );
    // Shown on the card.
    has_part(&h, "70,5 (2023)");
}

#[test]
fn a_band_scale_with_a_reversed_bound_is_refused_and_a_good_one_saved() {
    let mut h = harness(Tab::Renstra, Lang::Id);
    h.get_by_role_and_label(egui::accesskit::Role::DisclosureTriangle, "Sunting kategori capaian").click_accesskit();
    h.run_steps(3);
    click(&mut h, "Tambah kategori");
    click(&mut h, "Tambah kategori");
    type_into(&mut h, "Kategori 1 Kode", "B");
    type_into(&mut h, "Kategori 1 Nama", "Baik");
    type_into(&mut h, "Kategori 1 Batas bawah (%)", "80");
    type_into(&mut h, "Kategori 2 Kode", "SB");
    type_into(&mut h, "Kategori 2 Nama", "Sangat Baik");
    // Above the band over it: the scale is written upside down.
    type_into(&mut h, "Kategori 2 Batas bawah (%)", "100");
    click(&mut h, "Simpan kategori capaian");
    has_part(&h, "Kategori 2: batas bawah harus lebih rendah daripada batas bawah kategori di atasnya ('B')");
    assert!(data(&h).achievement_bands.is_empty(), "nothing written");
    assert!(!h.state().history().can_undo());

    type_into(&mut h, "Kategori 2 Kode", "C");
    type_into(&mut h, "Kategori 2 Nama", "Cukup");
    type_into(&mut h, "Kategori 2 Batas bawah (%)", "60");
    click(&mut h, "Simpan kategori capaian");
    let d = data(&h);
    let bands: Vec<(i64, &str, Option<Decimal>)> =
        d.achievement_bands.iter().map(|b| (b.position, b.code.as_str(), b.lower)).collect();
    assert_eq!(bands, [(1, "B", Some(Decimal::from(80))), (2, "C", Some(Decimal::from(60)))]);
    // The table shows the scale.
    has_part(&h, "≥ 80 %");
}
