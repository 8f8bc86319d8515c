//! The real window, driven without a display: open every tab on the embedded dataset and find
//! its key figures by label.

mod common;
use common::{click_row, harness_of, text_field, type_into, type_into_field, type_into_first, wait_for_job};

use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use kinerja::format::Lang;
use kinerja::ui::{KinerjaApp, Mode, Tab, UiState};

fn harness(state: UiState) -> Harness<'static, KinerjaApp> {
    harness_of(KinerjaApp::in_memory(state))
}

/// At least one node shows `label`.
fn has(h: &Harness<'static, KinerjaApp>, label: &str) {
    assert!(h.query_all_by_label(label).next().is_some(), "no node labelled '{label}'");
}

fn has_part(h: &Harness<'static, KinerjaApp>, part: &str) {
    assert!(h.query_all_by_label_contains(part).next().is_some(), "no node containing '{part}'");
}

/// Selects the budget line `kode` in the Anggaran tree as a user does: narrows the tree with
/// its filter (the first table of the tab) to the code, then clicks the row.
fn select_budget_line(h: &mut Harness<'static, KinerjaApp>, kode: &str) {
    type_into_first(h, "Saring", kode);
    click_row(h, kode);
    assert_eq!(h.state().selection().budget_line.as_deref(), Some(kode), "the click selected the line");
}

fn open_tab(h: &mut Harness<'static, KinerjaApp>, label: &str) {
    // The tab's button: Tabel 2.3 has a cell "Anggaran" too.
    h.get_by_role_and_label(egui::accesskit::Role::Button, label).click_accesskit();
    h.run_steps(3);
}

#[test]
fn ringkasan_shows_akip_budget_and_findings() {
    let mut h = harness(UiState::default());
    assert_eq!(h.state().ui_state().tab, Tab::Ringkasan);
    assert_eq!(h.state().ui_state().year, Some(2024));
    has(&h, "Dinas Koperasi, Usaha Kecil dan Menengah Kota Bekasi");
    has(&h, "78,19");
    has_part(&h, "Predikat BB");
    has(&h, "Pagu: Rp 12.785.258.830");
    has(&h, "Serapan: 86,06 %");
    has(&h, "103,15 %");
    has(&h, "105,00 %");
    has(&h, "Meningkatnya Daya Saing Koperasi dan UMKM");
    assert!(!h.get_all_by_label("efisien").collect::<Vec<_>>().is_empty());
    // Clicking an indicator opens its detail.
    h.get_by_role_and_label(egui::accesskit::Role::Link, "Persentase Peningkatan Volume Usaha Koperasi")
        .click_accesskit();
    h.run_steps(3);
    assert_eq!(h.state().ui_state().tab, Tab::Kinerja);
}

#[test]
fn every_tab_shows_its_key_figures() {
    let mut h = harness(UiState::default());
    open_tab(&mut h, "Organisasi & Aset");
    has(&h, "Kepala Dinas");
    has_part(&h, "Tabel 1.1");
    has(&h, "JUMLAH");
    has_part(&h, "Tabel 1.2");
    has(&h, "Rp 4.939.925.171,19");

    open_tab(&mut h, "Renstra");
    has_part(&h, "Tujuan: Meningkatnya Kualitas Manajemen");
    has_part(&h, "2026: 76,50");

    open_tab(&mut h, "Perjanjian Kinerja & Capaian");
    has_part(&h, "Tabel 2.3");
    has(&h, "Rp 12.611.751.848");
    has_part(&h, "Tabel 3.1 ");
    has_part(&h, "Capaian: 105,00 %");

    open_tab(&mut h, "Anggaran");
    has(&h, "Program, kegiatan dan sub-kegiatan");
    assert!(h.get_all_by_label("Rp 12.785.258.830").count() >= 1, "total pagu 2024");
    has_part(&h, "Tabel 3.20");
    has_part(&h, "Tabel 3.17");

    open_tab(&mut h, "Tren");
    has(&h, "Nilai AKIP dan predikatnya");
    has_part(&h, "Serapan anggaran per program");

    open_tab(&mut h, "Pemeriksaan (21)");
    has(&h, "Temuan pemeriksaan (21)");
    has_part(&h, "dicetak 7,39, hasil hitung 79,39");
}

#[test]
fn a_finding_opens_its_table_at_the_row() {
    let mut h = harness(UiState { tab: Tab::Pemeriksaan, ..Default::default() });
    // The finding of Tabel 3.6 is the only one in its group: its "Buka" button is the one
    // after the Tabel 3.6 header.
    let buttons: Vec<_> = h.get_all_by_label("Buka").collect();
    assert_eq!(buttons.len(), 21);
    let index = h.state().data().as_ref().unwrap().check.findings.iter().position(|f| f.table == "3.6").unwrap();
    buttons[index].click_accesskit();
    h.run_steps(4);

    assert_eq!(h.state().ui_state().tab, Tab::Kinerja);
    assert_eq!(h.state().widgets().tables.get("3.6").and_then(|t| t.selected.clone()).as_deref(), Some("budget:1.4.5"));
    let row = h.get_by_label("Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD");
    let y = row.rect().center().y;
    assert!((0.0..900.0).contains(&y), "the row is scrolled into view (y = {y})");
}

#[test]
fn english_changes_the_tab_names() {
    let mut h = harness(UiState::default());
    h.get_by_label("English").click_accesskit();
    h.run_steps(3);
    assert_eq!(h.state().ui_state().lang, Lang::En);
    has(&h, "Overview");
    has(&h, "Budget");
    has(&h, "Trends");
    assert!(h.query_by_label("Ringkasan").is_none());
}

#[test]
fn review_mode_offers_no_editing_control() {
    let mut h = harness(UiState { tab: Tab::Pemeriksaan, ..Default::default() });
    assert_eq!(h.state().ui_state().mode, Mode::Tinjau);
    assert!(h.query_by_label("Simpan pengaturan").is_none());
    // Only filter boxes take text in review mode; Pemeriksaan has none.
    assert!(h.query_by_role(egui::accesskit::Role::TextInput).is_none());
    h.get_by_label("Sunting").click_accesskit();
    h.run_steps(3);
    has(&h, "Simpan pengaturan");
}

#[test]
fn settings_edit_validates_and_saves() {
    let mut h = harness(UiState {
        tab: Tab::Pemeriksaan,
        mode: Mode::Sunting,
        user_name: "Kepala".into(),
        ..Default::default()
    });
    has(&h, "Simpan pengaturan");
    type_into(&mut h, "Batas atas capaian (%)", "abc");
    h.get_by_label("Simpan pengaturan").click_accesskit();
    h.run_steps(3);
    has_part(&h, "Batas atas capaian harus angka");
    assert_eq!(h.state().session().unwrap().settings.capaian_cap, None, "nothing saved");
    type_into(&mut h, "Batas atas capaian (%)", "120");
    h.get_by_label("Simpan pengaturan").click_accesskit();
    h.run_steps(3);
    let cap = h.state().session().unwrap().settings.capaian_cap;
    assert_eq!(cap, Some(rust_decimal::Decimal::from(120)));
    has(&h, "Tersimpan: Pengaturan perhitungan");
    let log = h
        .state()
        .session()
        .unwrap()
        .store
        .audit_log(h.state().session().unwrap().office_id, Some("office_setting:capaian_cap"), 5)
        .unwrap();
    assert_eq!(
        (log[0].old.as_str(), log[0].new.as_str()),
        ("", "key=capaian_cap; value=120"),
        "settings changes are audited"
    );
}

#[test]
fn a_database_that_cannot_be_opened_is_explained_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.sqlite");
    std::fs::write(&path, vec![7u8; 4096]).unwrap();
    let app = KinerjaApp::new(path, UiState::default());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .build_ui_state(|ui, app: &mut KinerjaApp| app.ui_main(ui), app);
    h.run_steps(2);
    has(&h, "Basis data tidak dapat dibuka");
    // Bytes that are not SQLite are not a Kinerja database, not a damaged one.
    has_part(&h, "bukan basis data SQLite");
    has(&h, "Buka berkas atau server ini");
}

fn file_app(path: &std::path::Path, state: UiState) -> Harness<'static, KinerjaApp> {
    harness_of(KinerjaApp::new(path.to_path_buf(), state))
}

#[test]
fn editing_a_renstra_target_is_saved_audited_and_undoable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.sqlite");
    let mut h = file_app(&path, UiState { tab: Tab::Renstra, ..Default::default() });
    h.get_by_label("Sunting").click_accesskit();
    h.run_steps(3);
    // Open the form of the IKU "Nilai AKIP Diskopukm" (the second of that name: the first is
    // the tujuan's indicator).
    let headers: Vec<_> =
        h.get_all_by_role_and_label(egui::accesskit::Role::DisclosureTriangle, "Nilai AKIP Diskopukm").collect();
    headers[1].click_accesskit();
    h.run_steps(3);
    // The form opens in the indicator's card with one heading.
    assert_eq!(h.query_all_by_label("Sunting target").count(), 1, "one 'Sunting target' heading");
    has(&h, "Target 2025 (Nilai)");
    type_into(&mut h, "Target 2025 (Nilai)", "76,25");
    has(&h, "= 76,25 Nilai");
    h.get_by_label("Simpan").click_accesskit();
    h.run_steps(3);
    // The user's name is asked once.
    has(&h, "Siapa yang menyunting?");
    type_into(&mut h, "Nama Anda (dicatat di riwayat setiap perubahan)", "Perencana");
    h.get_by_label("Lanjutkan").click_accesskit();
    h.run_steps(3);
    let target = |h: &Harness<'static, KinerjaApp>| {
        h.state().session().unwrap().dataset.renstra_target("IKU1", 2025).unwrap().target.to_string()
    };
    assert_eq!(target(&h), "76.25");
    has_part(&h, "Tersimpan");
    assert_eq!(h.state().ui_state().user_name, "Perencana");

    // Undo and redo from the top bar.
    h.get_by_label("↶ Urungkan").click_accesskit();
    h.run_steps(3);
    assert_eq!(target(&h), "76");
    h.get_by_label("↷ Ulangi").click_accesskit();
    h.run_steps(3);
    assert_eq!(target(&h), "76.25");

    // The Renstra table and the Tren chart show it; Riwayat shows old and new.
    h.get_by_label("Renstra").click_accesskit();
    h.run_steps(3);
    has_part(&h, "2025: 76,25");
    let chart = kinerja::report::charts::iku_trend(&h.state().session().unwrap().dataset, "IKU1", Lang::Id);
    assert!(chart.series[0].points.contains(&[2025.0, 76.25]));
    // The record's own history, in its form (still open).
    has(&h, "Riwayat data ini (3)");
    h.get_by_label("Riwayat").click_accesskit();
    h.run_steps(3);
    // In words and in the window's number format (see tests/saving.rs).
    has(&h, "Target Renstra IKU1 2025 — Nilai AKIP Diskopukm");
    has(&h, "76,25 Nilai");
    let state = h.state().ui_state().clone();
    drop(h);

    // Closed and opened again: the new target is there.
    let h = file_app(&path, state);
    assert_eq!(h.state().session().unwrap().dataset.renstra_target("IKU1", 2025).unwrap().target.to_string(), "76.25");
}

#[test]
fn a_bad_pagu_shows_a_message_and_changes_nothing() {
    let mut h =
        harness(UiState { tab: Tab::Anggaran, mode: Mode::Sunting, user_name: "Staf".into(), ..Default::default() });
    select_budget_line(&mut h, "1.4.5");
    has_part(&h, "Sunting baris anggaran");
    let before = h.state().session().unwrap().dataset.budget_line(2024, "1.4.5").cloned();
    for bad in ["12,5,3", "abc", "-5"] {
        type_into(&mut h, "Pagu perubahan (Rp)", bad);
        h.get_by_label("Simpan").click_accesskit();
        h.run_steps(3);
        let expected = if bad == "-5" { "Pagu tidak boleh negatif." } else { "bukan angka" };
        has_part(&h, expected);
        assert_eq!(h.state().session().unwrap().dataset.budget_line(2024, "1.4.5").cloned(), before, "{bad}");
        assert!(!h.state().history().can_undo(), "{bad}: nothing written");
    }
}

/// The Renstra tab in Sunting mode with the targets form of `indicator` (the disclosure of
/// that name after the first, `skip` of them).
fn renstra_targets_form(lang: Lang, indicator: &str, skip: usize) -> Harness<'static, KinerjaApp> {
    let mut h = harness(UiState {
        tab: Tab::Renstra,
        mode: Mode::Sunting,
        lang,
        user_name: "Perencana".into(),
        ..Default::default()
    });
    let header = h
        .get_all_by_role_and_label(egui::accesskit::Role::DisclosureTriangle, indicator)
        .nth(skip)
        .unwrap_or_else(|| panic!("no disclosure '{indicator}'"));
    header.click_accesskit();
    h.run_steps(3);
    h
}

fn renstra_target(h: &Harness<'static, KinerjaApp>, code: &str, year: i32) -> rust_decimal::Decimal {
    h.state().session().unwrap().dataset.renstra_target(code, year).unwrap().target
}

#[test]
fn the_indonesian_window_reads_1_500_as_one_thousand_five_hundred() {
    // The second "Nilai AKIP Diskopukm" is IKU1 (the first is the tujuan's indicator IT1).
    let mut h = renstra_targets_form(Lang::Id, "Nilai AKIP Diskopukm", 1);
    type_into(&mut h, "Target 2025 (Nilai)", "1.500");
    // Shown before Simpan, with the other convention's reading beside it.
    has(&h, "= 1.500 Nilai");
    has(&h, "(bukan 1,5 Nilai)");
    assert_eq!(renstra_target(&h, "IKU1", 2025), rust_decimal::Decimal::from(76), "nothing saved yet");
    h.get_by_label("Simpan").click_accesskit();
    h.run_steps(3);
    assert_eq!(renstra_target(&h, "IKU1", 2025), rust_decimal::Decimal::from(1500));
}

#[test]
fn the_english_window_reads_1_500_as_one_and_a_half() {
    let mut h = renstra_targets_form(Lang::En, "Nilai AKIP Diskopukm", 1);
    type_into(&mut h, "Target 2025 (Nilai)", "1.500");
    has(&h, "= 1.5 Nilai");
    has(&h, "(not 1,500 Nilai)");
    assert!(h.query_by_label("= 1.500 Nilai").is_none());
    h.get_by_label("Save").click_accesskit();
    h.run_steps(3);
    assert_eq!(renstra_target(&h, "IKU1", 2025), rust_decimal::Decimal::new(15, 1));
    // And 1,500 is one thousand five hundred there.
    type_into(&mut h, "Target 2025 (Nilai)", "1,500");
    has(&h, "= 1,500 Nilai");
}

#[test]
fn a_negative_percentage_target_is_refused() {
    let mut h = renstra_targets_form(Lang::Id, "Persentase Peningkatan Volume Usaha Koperasi", 0);
    // IKU2's satuan is % (indicators.csv); its 2025 target is 1 (targets.csv).
    type_into(&mut h, "Target 2025 (%)", "-5");
    has(&h, "= -5 %");
    h.get_by_label("Simpan").click_accesskit();
    h.run_steps(3);
    has(&h, "Target persen tidak boleh di bawah 0; tulis 0 atau lebih.");
    assert_eq!(renstra_target(&h, "IKU2", 2025), rust_decimal::Decimal::ONE, "nothing written");
    assert!(!h.state().history().can_undo());
}

#[test]
fn a_28_digit_pagu_is_refused_beside_the_field_and_nothing_is_written() {
    let mut h =
        harness(UiState { tab: Tab::Anggaran, mode: Mode::Sunting, user_name: "Staf".into(), ..Default::default() });
    select_budget_line(&mut h, "1.4.5");
    let before = h.state().session().unwrap().dataset.budget_line(2024, "1.4.5").cloned();
    let digits = "1234567890123456789012345678";
    assert_eq!(digits.len(), 28);
    type_into(&mut h, "Pagu perubahan (Rp)", digits);
    h.get_by_label("Simpan").click_accesskit();
    h.run_steps(3);
    let message = format!("'{digits}' terlalu besar");
    let shown = h.get_by_label_contains(&message);
    // Beside the field: on its line, to its right.
    let field = text_field(&h, "Pagu perubahan (Rp)", None).rect();
    let m = shown.rect();
    assert!(m.left() > field.right() && (field.top()..=field.bottom()).contains(&m.center().y), "{m:?} {field:?}");
    assert_eq!(h.state().session().unwrap().dataset.budget_line(2024, "1.4.5").cloned(), before);
    assert!(!h.state().history().can_undo(), "nothing written");
    // The same in a realisation, an asset's value: too large, not a closed window.
    type_into(&mut h, "Realisasi (Rp)", digits);
    has_part(&h, &message);
}

#[test]
fn renstra_structure_edits_and_their_undo() {
    let mut h = harness(UiState {
        tab: Tab::Renstra,
        mode: Mode::Sunting,
        user_name: "Perencana".into(),
        ..Default::default()
    });
    let original = h.state().session().unwrap().dataset.clone();
    has(&h, "Struktur Renstra");
    // Remove an indicator the report's text shows figures of: refused, with the sections named,
    // and nothing written (its removal with everything of its own is in tests/editing.rs).
    // The structure editor's headers come after the read-only tree's headers of the same name.
    for label in [
        "Tujuan: Meningkatnya Pertumbuhan Ekonomi Sektor Perdagangan dan Jasa (Koperasi dan UMKM)",
        "Sasaran: Meningkatnya Daya Saing Koperasi dan UMKM",
    ] {
        let last = h.get_all_by_role_and_label(egui::accesskit::Role::DisclosureTriangle, label).last().unwrap();
        last.click_accesskit();
        h.run_steps(3);
    }
    h.get_by_role_and_label(
        egui::accesskit::Role::DisclosureTriangle,
        "Persentase Peningkatan Volume Usaha UMKM (IKU3)",
    )
    .click_accesskit();
    h.run_steps(3);
    h.get_by_label("Hapus indikator").click_accesskit();
    h.run_steps(3);
    has_part(&h, "Indikator IKU3 disebut dalam teks laporan: perjanjian-kinerja (2024)");
    assert_eq!(h.state().session().unwrap().dataset, original, "nothing written");
    assert!(!h.state().history().can_undo());

    // A new period from a copy: same structure, targets starting from the final year's.
    h.get_by_label_contains("Periode baru dari salinan").click_accesskit();
    h.run_steps(3);
    let d = &h.state().session().unwrap().dataset;
    let p = d.period("2027-2029").expect("new period");
    assert_eq!((p.start_year, p.end_year), (2027, 2029));
    let copy = d.indicator("IKU1-2027").expect("copied IKU");
    assert_eq!(copy.predecessor.as_deref(), Some("IKU1"));
    assert_eq!(d.renstra_target("IKU1-2027", 2028).unwrap().target.to_string(), "76.50");
}

#[test]
fn a_new_years_agreement_from_the_renstra_targets() {
    let mut h = harness(UiState {
        tab: Tab::Kinerja,
        mode: Mode::Sunting,
        user_name: "Perencana".into(),
        year: Some(2025),
        ..Default::default()
    });
    assert_eq!(h.state().ui_state().year, Some(2025));
    h.get_by_label("Buat Perjanjian Kinerja 2025 dari target Renstra").click_accesskit();
    h.run_steps(3);
    let d = &h.state().session().unwrap().dataset;
    let pk: Vec<String> =
        d.agreements.iter().filter(|a| a.year == 2025).map(|a| format!("{} {}", a.indicator, a.value.target)).collect();
    assert_eq!(pk, vec!["IKU1 76", "IKU2 1", "IKU3 1"]);
}

#[test]
fn budget_lines_raw_figures_notes_staff_and_assets_are_editable() {
    let mut h =
        harness(UiState { tab: Tab::Anggaran, mode: Mode::Sunting, user_name: "Staf".into(), ..Default::default() });
    let data = |h: &Harness<'static, KinerjaApp>| h.state().session().unwrap().dataset.clone();

    // A new kegiatan under program 2, and the quarterly realisation of a line.
    select_budget_line(&mut h, "2");
    type_into(&mut h, "Tambah kegiatan nama", "Kegiatan Baru");
    h.get_by_label("Tambahkan kegiatan").click_accesskit();
    h.run_steps(3);
    let d = data(&h);
    let added = d.budget_line(2024, "2.2").expect("new kegiatan 2.2");
    assert_eq!((added.name.as_str(), added.level), ("Kegiatan Baru", kinerja::domain::BudgetLevel::Kegiatan));
    select_budget_line(&mut h, "2.1.1");
    type_into(&mut h, "Realisasi triwulan I", "20.000.000");
    type_into(&mut h, "Realisasi triwulan II", "51.250.000");
    has(&h, "= Rp 51.250.000");
    h.get_by_label("Simpan triwulan").click_accesskit();
    h.run_steps(3);
    assert_eq!(data(&h).budget_quarters.iter().filter(|q| q.kode == "2.1.1").count(), 2);

    // Raw figures and a constraint of IKU2.
    h.get_by_label("Perjanjian Kinerja & Capaian").click_accesskit();
    h.run_steps(3);
    // Every indicator's forms are on the tab: IKU2's Vn field is the one showing its 2024
    // volume (1.352.468.685.104, raw_figures.csv).
    type_into_field(&mut h, "Nilai tahun ini (Vn)", Some("1.352.468.685.104"), "1.400.000.000.000");
    h.get_all_by_label("Simpan data dasar").next().unwrap().click_accesskit();
    h.run_steps(3);

    assert_eq!(
        data(&h).raw_figure("IKU2", 2024, kinerja::domain::RawRole::Current).unwrap().value.to_string(),
        "1400000000000"
    );

    // Staff counts: a bad count is refused, a good one saved.
    h.get_by_label("Organisasi & Aset").click_accesskit();
    h.run_steps(3);
    let before_staff = data(&h).staff;
    type_into(&mut h, "SLTA PNS", "enam");
    has_part(&h, "'enam' bukan jumlah; tulis bilangan bulat 0 atau lebih.");
    h.get_by_label("Simpan jumlah pegawai").click_accesskit();
    h.run_steps(3);
    assert_eq!(data(&h).staff, before_staff, "a bad count writes nothing");
    type_into(&mut h, "SLTA PNS", "7");
    h.get_by_label("Simpan jumlah pegawai").click_accesskit();
    h.run_steps(3);
    let d = data(&h);
    let slta = d
        .staff
        .iter()
        .find(|s| s.year == 2024 && s.education == "SLTA" && s.status == kinerja::domain::StaffStatus::Pns)
        .unwrap();
    assert_eq!(slta.count, 7);

    // An asset line's count and value.
    // Asset 1.2.6.2 is the row "Camera Digital" (assets.csv: no label of its own).
    click_row(&mut h, "Camera Digital");
    assert_eq!(h.state().selection().asset.as_deref(), Some("1.2.6.2"));
    type_into(&mut h, "Nilai (Rp)", "17.500.000,50");
    has(&h, "= Rp 17.500.000,50");
    h.get_by_label("Simpan aset").click_accesskit();
    h.run_steps(3);
    let camera = data(&h).assets.iter().find(|a| a.code == "1.2.6.2").unwrap().value;
    assert_eq!(camera, Some(kinerja::domain::Money::from_sen(1_750_000_050)));
    // Every step can be undone.
    assert!(h.state().history().can_undo());
}

#[test]
fn save_as_writes_tables_charts_and_the_whole_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(UiState { tab: Tab::Anggaran, ..Default::default() });
    // A table, from its own button.
    let buttons: Vec<_> = h.get_all_by_label("Simpan sebagai…").collect();
    // Every table of the tab offers it (the charts further down do too, once scrolled to: a
    // chart out of sight is not laid out).
    assert!(buttons.len() >= 4, "tables offer Simpan sebagai…");
    buttons[0].click_accesskit();
    h.run_steps(3);
    let target = dir.path().join("Tabel-3.18-2024.xlsx");
    let default = text_field(&h, "Berkas", None).value().unwrap_or_default();
    assert!(default.ends_with("Tabel-3.18-2024.xlsx"), "sensible default name: {default}");
    type_into(&mut h, "Berkas", &target.display().to_string());
    h.get_by_label("Simpan").click_accesskit();
    // Written in the background, like the whole export.
    wait_for_job(&mut h);
    h.run_steps(2);
    assert!(target.exists());
    has_part(&h, "Tersimpan di");
    has(&h, "Buka folder");

    // The whole export runs in the background with a progress bar, then says where it went.
    h.get_by_label("Ekspor LKIP…").click_accesskit();
    h.run_steps(2);
    let out = dir.path().join("lkip");
    type_into(&mut h, "Folder", &out.display().to_string());
    h.get_by_label("Simpan").click_accesskit();
    wait_for_job(&mut h);
    assert!(out.join("LKIP-2024-tabel.pdf").exists() && out.join("LKIP-2024-tabel.xlsx").exists());
    has_part(&h, "Ekspor LKIP selesai");
}

/// A table row is selected by a mouse click on its text, by one beside its text in the cell,
/// and by an AccessKit click on any of its cells, a figure's too.
#[test]
fn a_row_is_selected_by_a_click_on_its_text_beside_it_or_through_accesskit() {
    let mut h = harness(UiState { tab: Tab::Anggaran, ..Default::default() });
    let selected = |h: &Harness<'static, KinerjaApp>| h.state().selection().budget_line.clone();
    // The tree is the tab's first table: its first cell "1" is programme 1's code.
    h.get_all_by_role_and_label(egui::accesskit::Role::Label, "1").next().expect("programme 1").click();
    h.run_steps(3);
    assert_eq!(selected(&h).as_deref(), Some("1"), "a click on the text");

    // The code column is 70 points wide and "1.1" far narrower: 15 points to the right of the
    // text is still the row's cell, not its text.
    let text = h.get_all_by_role_and_label(egui::accesskit::Role::Label, "1.1").next().expect("kegiatan 1.1").rect();
    let beside = egui::pos2(text.right() + 15.0, text.center().y);
    h.event(egui::Event::PointerMoved(beside));
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: beside,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Default::default(),
        });
    }
    h.run_steps(3);
    assert_eq!(selected(&h).as_deref(), Some("1.1"), "a click beside the text");

    // 1.4.5's realisasi is 127.019.891 (budget_lines.csv), shown in its figure cell only.
    type_into_first(&mut h, "Saring", "1.4.5");
    let figures: Vec<_> = h.get_all_by_label_contains("127.019.891").collect();
    assert_eq!(figures.len(), 1, "one cell shows 1.4.5's realisasi");
    figures[0].click_accesskit();
    h.run_steps(3);
    assert_eq!(selected(&h).as_deref(), Some("1.4.5"), "an AccessKit click on a figure");
}
