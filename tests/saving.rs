//! Saving that never fights, and the audit trail as people read it (issue 12): the window is
//! driven through its widgets (AccessKit), never through form state.

mod common;
use common::{harness_of, text_field, type_into, wait_for_job};

use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use kinerja::ui::{KinerjaApp, Mode, Tab, UiState, STORAGE_KEY};

fn harness(state: UiState) -> Harness<'static, KinerjaApp> {
    harness_of(KinerjaApp::in_memory(state))
}

fn has(h: &Harness<'static, KinerjaApp>, label: &str) {
    assert!(h.query_all_by_label(label).next().is_some(), "no node labelled '{label}'");
}

fn has_part(h: &Harness<'static, KinerjaApp>, part: &str) {
    assert!(h.query_all_by_label_contains(part).next().is_some(), "no node containing '{part}'");
}

fn has_no_part(h: &Harness<'static, KinerjaApp>, part: &str) {
    let found: Vec<String> = h.query_all_by_label_contains(part).map(|n| format!("{n:?}")).collect();
    assert!(found.is_empty(), "nodes containing '{part}': {found:?}");
}

/// eframe's storage, kept in memory: what the window remembers between runs.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

/// Closes the window as eframe does (its state saved) and opens it again as `ui::run` does.
fn restart(h: Harness<'static, KinerjaApp>) -> Harness<'static, KinerjaApp> {
    let mut storage = MemoryStorage::default();
    let mut app = h.into_state();
    eframe::App::save(&mut app, &mut storage);
    drop(app);
    let state: UiState = eframe::get_value(&storage, STORAGE_KEY).expect("the state was saved");
    harness(state)
}

/// Edits IKU1's 2025 Renstra target from 76 to 76,25 through its form.
fn edit_iku1_target(h: &mut Harness<'static, KinerjaApp>) {
    let headers: Vec<_> =
        h.get_all_by_role_and_label(egui::accesskit::Role::DisclosureTriangle, "Nilai AKIP Diskopukm").collect();
    // The second of that name is the IKU (the first is the tujuan's indicator).
    headers[1].click_accesskit();
    h.run_steps(3);
    type_into(h, "Target 2025 (Nilai)", "76,25");
    h.get_by_label("Simpan").click_accesskit();
    h.run_steps(3);
    assert_eq!(h.state().session().unwrap().dataset.renstra_target("IKU1", 2025).unwrap().target.to_string(), "76.25");
}

/// `2025-05-12 03:04:05 UTC` seven hours on, by hand: the local time of WIB.
fn plus_seven_hours(at: &str) -> String {
    let bare = at.strip_suffix(" UTC").expect("stored in UTC");
    let (date, time) = bare.split_once(' ').unwrap();
    let mut parts = time.split(':').map(|p| p.parse::<u32>().unwrap());
    let (hh, mm, ss) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
    let mut ymd = date.split('-').map(|p| p.parse::<u32>().unwrap());
    let (y, m, d) = (ymd.next().unwrap(), ymd.next().unwrap(), ymd.next().unwrap());
    let days_in = |y: u32, m: u32| match m {
        2 if y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let (mut y, mut m, mut d, mut hh) = (y, m, d, hh + 7);
    if hh >= 24 {
        hh -= 24;
        d += 1;
        if d > days_in(y, m) {
            d = 1;
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
    }
    format!("{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}:{ss:02} (+07:00)")
}

/// Riwayat after an edit: the record in words with the indicator's name, the old and new values
/// in the window's number format with the satuan, and the time in the computer's local time.
#[test]
fn riwayat_after_an_edit_shows_the_record_in_words_and_a_local_time() {
    // The computer's zone is Jakarta's (UTC+7, POSIX form: no zone files needed). No other test
    // of this file reads the time.
    std::env::set_var("TZ", "WIB-7");
    let mut h = harness(UiState {
        tab: Tab::Renstra,
        mode: Mode::Sunting,
        user_name: "Perencana".into(),
        ..Default::default()
    });
    edit_iku1_target(&mut h);
    h.get_by_label("Riwayat").click_accesskit();
    h.run_steps(3);
    has(&h, "Target Renstra IKU1 2025 — Nilai AKIP Diskopukm");
    // IKU1's satuan is "Nilai"; 76 → 76,25.
    has(&h, "76 Nilai");
    has(&h, "76,25 Nilai");
    has_no_part(&h, "target:IKU1");
    has_no_part(&h, "76.25");
    let at = {
        let s = h.state().session().unwrap();
        s.store.audit_log(s.office_id, Some("target:IKU1:2025"), 1).unwrap()[0].at.clone()
    };
    has(&h, &plus_seven_hours(&at));
    has_no_part(&h, " UTC");

    // The same trail in English.
    h.get_by_label("English").click_accesskit();
    h.run_steps(3);
    has(&h, "Renstra target IKU1 2025 — Nilai AKIP Diskopukm");
    has(&h, "76.25 Nilai");
}

/// The save dialog opened a second time offers the folder of the first save, after a restart
/// too.
#[test]
fn the_save_dialog_opened_twice_keeps_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("laporan");
    std::fs::create_dir(&folder).unwrap();
    let mut h = harness(UiState { tab: Tab::Anggaran, ..Default::default() });
    h.get_all_by_label("Simpan sebagai…").next().unwrap().click_accesskit();
    h.run_steps(3);
    let first = folder.join("Tabel-3.18-2024.xlsx");
    type_into(&mut h, "Berkas", &first.display().to_string());
    h.get_by_label("Simpan").click_accesskit();
    wait_for_job(&mut h);
    h.run_steps(2);
    assert!(first.exists());
    has_part(&h, "Tersimpan di");

    // Another table: its default name, in the same folder.
    let buttons: Vec<_> = h.get_all_by_label("Simpan sebagai…").collect();
    buttons[1].click_accesskit();
    h.run_steps(3);
    let offered = text_field(&h, "Berkas", None).value().unwrap_or_default();
    let offered = std::path::PathBuf::from(offered);
    assert_eq!(offered.parent(), Some(folder.as_path()), "{}", offered.display());

    // Closed and opened again: still that folder.
    let mut h = restart(h);
    h.get_by_label("Anggaran").click_accesskit();
    h.run_steps(3);
    h.get_all_by_label("Simpan sebagai…").next().unwrap().click_accesskit();
    h.run_steps(3);
    let offered = std::path::PathBuf::from(text_field(&h, "Berkas", None).value().unwrap_or_default());
    assert_eq!(offered, first, "the first table's name in the folder used last");
}

/// Saving over an existing file without *Timpa* says so in the window's words and writes
/// nothing; with *Timpa* ticked the file is replaced.
#[test]
fn overwrite_without_timpa_says_so_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("ada.csv");
    std::fs::write(&target, b"lama").unwrap();
    let mut h = harness(UiState { tab: Tab::Anggaran, ..Default::default() });
    h.get_all_by_label("Simpan sebagai…").next().unwrap().click_accesskit();
    h.run_steps(3);
    h.get_by_label("CSV").click_accesskit();
    h.run_steps(2);
    type_into(&mut h, "Berkas", &target.display().to_string());
    h.get_by_label("Simpan").click_accesskit();
    h.run_steps(3);
    has_part(&h, "Berkas sudah ada; centang Timpa untuk menggantinya");
    has_no_part(&h, "--force");
    assert!(h.state().work().job.is_none(), "nothing started");
    assert_eq!(std::fs::read(&target).unwrap(), b"lama");

    h.get_by_label("Timpa").click_accesskit();
    h.run_steps(2);
    h.get_by_label("Simpan").click_accesskit();
    wait_for_job(&mut h);
    h.run_steps(2);
    let written = std::fs::read_to_string(&target).unwrap();
    assert_ne!(written, "lama");
    // Table 3.18 of 2024 is the budget tree; its CSV names programme 1.
    assert!(written.contains("Program"), "{written}");
    has_part(&h, "Tersimpan di");
}

#[test]
fn overwrite_message_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("there.xlsx");
    std::fs::write(&target, b"old").unwrap();
    let mut h = harness(UiState { tab: Tab::Anggaran, lang: kinerja::format::Lang::En, ..Default::default() });
    h.get_all_by_label("Save as…").next().unwrap().click_accesskit();
    h.run_steps(3);
    type_into(&mut h, "File", &target.display().to_string());
    h.get_by_label("Save").click_accesskit();
    h.run_steps(3);
    has_part(&h, "The file already exists; tick Overwrite to replace it");
    has(&h, "Overwrite");
    assert_eq!(std::fs::read(&target).unwrap(), b"old");
}

/// A single-file save runs as a background job: the progress bar shows while it works and the
/// window goes on.
#[test]
fn a_single_file_save_is_a_background_job() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(UiState { tab: Tab::Anggaran, ..Default::default() });
    h.get_all_by_label("Simpan sebagai…").next().unwrap().click_accesskit();
    h.run_steps(3);
    let target = dir.path().join("pohon.xlsx");
    type_into(&mut h, "Berkas", &target.display().to_string());
    h.get_by_label("Simpan").click_accesskit();
    // The click's own frame starts the job; its outcome is taken in a later frame, so right
    // after this one the job is there (run_steps would let it finish meanwhile).
    h.step();
    let kind = h.state().work().job.as_ref().map(|j| j.kind);
    assert_eq!(kind, Some(kinerja::ui::jobs::JobKind::Save), "a Save job was started");
    wait_for_job(&mut h);
    h.run_steps(2);
    assert!(target.exists());
    assert!(h.state().dialogs().save.is_none(), "the dialog closed when the save started");
}

/// *Buka folder* reports in the status line; here the folder is gone (and this machine may have
/// no file manager at all), so it reports the failure.
#[test]
fn buka_folder_reports_its_result() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("hilang");
    std::fs::create_dir(&folder).unwrap();
    let mut h = harness(UiState { tab: Tab::Anggaran, ..Default::default() });
    h.get_all_by_label("Simpan sebagai…").next().unwrap().click_accesskit();
    h.run_steps(3);
    type_into(&mut h, "Berkas", &folder.join("t.csv").display().to_string());
    h.get_by_label("CSV").click_accesskit();
    h.run_steps(1);
    type_into(&mut h, "Berkas", &folder.join("t.csv").display().to_string());
    h.get_by_label("Simpan").click_accesskit();
    wait_for_job(&mut h);
    h.run_steps(2);
    std::fs::remove_dir_all(&folder).unwrap();
    h.get_by_label("Buka folder").click_accesskit();
    common::wait_until(&mut h, "the file manager's answer", |app| {
        app.message().is_some_and(|m| !m.starts_with("Tersimpan di"))
    });
    h.run_steps(2);
    has_part(&h, &format!("Folder {} tidak dapat dibuka", folder.display()));
}

/// The window always opens in Tinjau, whatever mode it was closed in; the rest of what it
/// remembers (tab, language) comes back.
#[test]
fn a_restart_opens_in_tinjau() {
    let mut h = harness(UiState { tab: Tab::Renstra, user_name: "Perencana".into(), ..Default::default() });
    h.get_by_label("Sunting").click_accesskit();
    h.run_steps(3);
    has(&h, "↶ Urungkan");
    assert_eq!(h.state().ui_state().mode, Mode::Sunting);
    let h = restart(h);
    assert_eq!(h.state().ui_state().mode, Mode::Tinjau);
    assert_eq!(h.state().ui_state().tab, Tab::Renstra, "the tab is remembered");
    assert_eq!(h.state().ui_state().user_name, "Perencana", "the name is remembered");
    // Tinjau offers no undo and no editing field.
    assert!(h.query_by_label("↶ Urungkan").is_none());
    assert!(h.query_by_role(egui::accesskit::Role::TextInput).is_none());
}

/// The Pemeriksaan tab's count is the selected year's, as the checker counts for that year.
#[test]
fn the_pemeriksaan_count_follows_the_year() {
    let mut h = harness(UiState::default());
    let (years, expected): (Vec<i32>, Vec<usize>) = {
        let l = h.state().data().as_ref().unwrap();
        l.years
            .iter()
            .map(|y| {
                let n = kinerja::calc::check::check(l.dataset(), l.settings(), Some(*y)).findings.len();
                (*y, n)
            })
            .unzip()
    };
    assert!(
        expected.iter().any(|n| *n != expected[0]),
        "the years differ in findings ({expected:?}), so the test can tell them apart"
    );
    for (year, n) in years.iter().zip(&expected) {
        // The selector's list may still be open from the last choice.
        if h.query_by_role_and_label(egui::accesskit::Role::Button, &year.to_string()).is_none() {
            h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Tahun").click_accesskit();
            h.run_steps(2);
        }
        h.get_by_role_and_label(egui::accesskit::Role::Button, &year.to_string()).click_accesskit();
        h.run_steps(3);
        assert_eq!(h.state().ui_state().year, Some(*year));
        let title = if *n == 0 { "Pemeriksaan".to_string() } else { format!("Pemeriksaan ({n})") };
        has(&h, &title);
        for other in expected.iter().filter(|o| *o != n && **o > 0) {
            assert!(h.query_by_label(&format!("Pemeriksaan ({other})")).is_none(), "{year} shows another year's count");
        }
    }
}
