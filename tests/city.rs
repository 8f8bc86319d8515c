//! Several offices in one database: the office selector, the city view, and long work in the
//! background with cancel.

mod common;
use common::*;

use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use kinerja::app::city::{check_city, city_view};
use kinerja::app::Session;
use kinerja::calc::budget::year_total;
use kinerja::storage::{StorageError, Store};
use kinerja::ui::jobs::{Job, JobKind, Outcome};
use kinerja::ui::{KinerjaApp, Tab, UiState};
use std::path::{Path, PathBuf};

fn contoh() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dinas-contoh")
}

/// A database file with the embedded office and the made-up second office.
fn two_offices(dir: &Path) -> PathBuf {
    let db = dir.join("kota.sqlite");
    let mut s = Session::open(&db).unwrap();
    let d = kinerja::interchange::read_path(&contoh()).unwrap();
    s.store.save_dataset(&d).unwrap();
    db
}

#[test]
fn city_view_sums_every_office_and_keeps_them_apart() {
    let dir = tempfile::tempdir().unwrap();
    let db = two_offices(dir.path());
    let store = Store::open(&db).unwrap();
    let offices = store.offices().unwrap();
    assert_eq!(offices.len(), 2);
    let datasets: Vec<_> = offices.iter().map(|o| store.load_dataset(o.id).unwrap()).collect();
    // No office sees the other's rows.
    assert!(
        datasets[0].budget_lines.iter().all(|b| b.year == 2025)
            != datasets[1].budget_lines.iter().all(|b| b.year == 2025)
    );
    for year in [2024, 2025] {
        let v = city_view(&store, year).unwrap();
        assert_eq!(v.rows.len(), 2);
        let mut pagu = 0i64;
        let mut real = 0i64;
        for (row, d) in v.rows.iter().zip(&datasets) {
            assert_eq!(row.name, d.office.name);
            let t = year_total(d, year);
            assert_eq!(row.pagu, t.pagu, "{} {year}", row.name);
            assert_eq!(row.realisasi, t.realisasi, "{} {year}", row.name);
            pagu += t.pagu.map_or(0, |m| m.to_sen());
            real += t.realisasi.map_or(0, |m| m.to_sen());
        }
        assert_eq!(v.pagu.map_or(0, |m| m.to_sen()), pagu);
        assert_eq!(v.realisasi.map_or(0, |m| m.to_sen()), real);
    }
    // The embedded office's 2024 results, as its own tabs show them.
    let v = city_view(&store, 2024).unwrap();
    let bekasi = v.rows.iter().find(|r| r.name.contains("Bekasi")).unwrap();
    assert_eq!(bekasi.akip_predicate.as_deref(), Some("BB"));
    assert_eq!(bekasi.iku.len(), 3);
    assert!(bekasi.iku.iter().all(|i| i.capaian.is_some()));
    assert_eq!(bekasi.pagu.map(|m| m.to_sen()), Some(1_278_525_883_000));
    // The per-year aggregate is the plain GROUP BY over top-level lines.
    let by_year = &v.by_year;
    assert!(by_year.iter().any(|y| y.year == 2024 && y.offices == 1));
    assert!(by_year.iter().any(|y| y.year == 2025));
}

#[test]
fn the_city_check_reports_each_office_and_can_be_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let db = two_offices(dir.path());
    let seen = std::cell::Cell::new(0);
    let r = check_city(&db, &|done, total| {
        assert_eq!(total, 2);
        seen.set(done);
        true
    })
    .unwrap();
    assert_eq!(seen.get(), 2);
    let bekasi = r.iter().find(|o| o.name.contains("Bekasi")).unwrap();
    assert_eq!(bekasi.findings, 21, "the reference report's 21 slips");
    assert!(matches!(check_city(&db, &|done, _| done < 1), Err(StorageError::Cancelled)));
}

#[test]
fn a_cancelled_import_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.sqlite");
    drop(Session::open(&db).unwrap());
    let d = kinerja::interchange::read_path(&contoh()).unwrap();
    let mut store = Store::open(&db).unwrap();
    let calls = std::cell::Cell::new(0);
    let r = store.save_dataset_cancellable(&d, &|| {
        calls.set(calls.get() + 1);
        calls.get() < 5
    });
    assert!(matches!(r, Err(StorageError::Cancelled)));
    assert_eq!(store.offices().unwrap().len(), 1, "nothing of the second office was kept");
}

/// The job's outcome once it has one (at most two seconds).
fn outcome_of(job: &Job) -> Option<Outcome> {
    for _ in 0..200 {
        if let Some(outcome) = job.take_outcome() {
            return Some(outcome);
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    None
}

#[test]
fn a_job_stops_when_cancelled() {
    let job = Job::spawn(JobKind::Demo, |p| {
        for i in 0..10_000 {
            if !p.report(i as f32 / 10_000.0, "langkah") {
                return Outcome::Cancelled;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        Outcome::Failed(kinerja::ui::Status::new(|_| "not cancelled".into()))
    });
    job.cancel();
    let outcome = outcome_of(&job);
    assert_eq!(outcome, Some(Outcome::Cancelled));
}

/// A mouse click where a user would click (a row, not a widget of its own).
fn click_at(h: &mut Harness<'static, KinerjaApp>, pos: egui::Pos2) {
    h.event(egui::Event::PointerMoved(pos));
    h.run_steps(1);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Default::default(),
        });
        h.run_steps(1);
    }
}

/// *Impor dataset…* from the top bar: type the path into the dialog's field, click *Impor*, and
/// wait for the background import.
fn import_from_the_menu(h: &mut Harness<'static, KinerjaApp>, path: &Path) {
    common::open_menu(h);
    h.get_by_label("Impor dataset…").click_accesskit();
    // The click is carried out after its frame; a new window is laid out unseen in its first.
    h.run_steps(3);
    type_into(h, "Berkas", &path.display().to_string());
    h.get_by_label("Impor").click_accesskit();
    h.run_steps(1);
    wait_for_job(h);
}

/// Chooses `year` in the top bar's year selector: open it, click the year.
fn choose_year(h: &mut Harness<'static, KinerjaApp>, year: i32) {
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Tahun").click_accesskit();
    h.run_steps(2);
    h.get_by_role_and_label(egui::accesskit::Role::Button, &year.to_string()).click_accesskit();
    h.run_steps(3);
    assert_eq!(h.state().ui_state().year, Some(year), "the year chosen");
}

#[test]
fn import_a_second_office_then_use_the_city_view_and_the_office_selector() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kota.sqlite");
    let mut h = harness_of(KinerjaApp::new(db.clone(), UiState::default()));
    assert!(h.query_by_label("Kota").is_none(), "one office: no city tab");

    // Import from the menu; it runs in the background.
    import_from_the_menu(&mut h, &contoh());
    assert!(
        h.query_all_by_label_contains("Dataset diimpor: Dinas Lingkungan Hidup Kota Contoh").next().is_some(),
        "{:?}",
        h.state().message()
    );
    assert_eq!(h.state().ui_state().office.as_deref(), Some("DLH-CONTOH"));
    assert_eq!(h.state().data().as_ref().unwrap().offices.len(), 2);
    // Importing the same office again replaces it.
    import_from_the_menu(&mut h, &contoh());
    assert_eq!(h.state().data().as_ref().unwrap().offices.len(), 2);

    // The city view lists both; the city check runs in the background and adds a column.
    h.get_by_label("Kota").click_accesskit();
    h.run_steps(3);
    choose_year(&mut h, 2024);
    assert!(h.query_all_by_label("Dinas Koperasi, Usaha Kecil dan Menengah Kota Bekasi").next().is_some());
    assert!(h.query_all_by_label("Rp 12.785.258.830").next().is_some(), "the city total of 2024");
    h.get_by_label("Periksa semua perangkat daerah").click_accesskit();
    h.run_steps(1);
    wait_for_job(&mut h);
    assert!(h.query_by_label("Temuan Pemeriksaan").is_some());
    assert!(h.query_all_by_label_contains("perangkat daerah dengan temuan").next().is_some());

    // Clicking an office's row opens it.
    let name = h.get_all_by_label("Dinas Koperasi, Usaha Kecil dan Menengah Kota Bekasi").last().unwrap().rect();
    click_at(&mut h, name.center());
    h.run_steps(3);
    assert_eq!(h.state().ui_state().tab, Tab::Ringkasan);
    assert_eq!(h.state().ui_state().office.as_deref(), Some(h.state().session().unwrap().dataset.office.code.as_str()));
    assert!(h.state().session().unwrap().dataset.office.name.contains("Bekasi"));
    assert!(h.query_all_by_label("78,19").next().is_some());

    // The office selector in the top bar switches back; undo steps do not cross offices.
    h.get_all_by_role(egui::accesskit::Role::ComboBox).next().unwrap().click_accesskit();
    h.run_steps(2);
    h.get_by_label("Dinas Lingkungan Hidup Kota Contoh").click_accesskit();
    h.run_steps(3);
    assert_eq!(h.state().ui_state().office.as_deref(), Some("DLH-CONTOH"));
    assert!(!h.state().history().can_undo());
    assert!(h.state().session().unwrap().dataset.budget_lines.iter().all(|b| b.year == 2025));
    // Its year is its own, 2025 (its only report year: budget_lines.csv of dinas-contoh).
    assert_eq!(h.state().ui_state().year, Some(2025));

    // Kota offers the other office's 2024; leaving Kota for this office's tabs brings back
    // this office's year.
    h.get_by_label("Kota").click_accesskit();
    h.run_steps(3);
    choose_year(&mut h, 2024);
    assert!(h.query_all_by_label("Rp 12.785.258.830").next().is_some(), "the city total of 2024");
    h.get_by_label("Ringkasan").click_accesskit();
    h.run_steps(3);
    assert_eq!(h.state().ui_state().year, Some(2025));
}

#[test]
fn a_broken_import_from_the_window_says_why_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kota.sqlite");
    let broken = dir.path().join("rusak.xlsx");
    std::fs::write(&broken, b"bukan buku kerja").unwrap();
    let mut h = harness_of(KinerjaApp::new(db.clone(), UiState::default()));
    import_from_the_menu(&mut h, &broken);
    let msg = h.state().message().map(str::to_string).unwrap_or_default();
    assert!(msg.starts_with("Impor gagal; tidak ada yang diubah"), "{msg}");
    assert_eq!(Store::open(&db).unwrap().offices().unwrap().len(), 1);
}

/// The window opens a large database at once and checks its integrity in the background:
/// editing waits for the verdict, and a damaged file is reported and never written.
#[test]
fn the_window_checks_integrity_in_the_background_before_editing() {
    use kinerja::app::ReadOnly;
    let dir = tempfile::tempdir().unwrap();
    let db = two_offices(dir.path());
    let state = UiState { mode: kinerja::ui::Mode::Sunting, ..Default::default() };
    let app = KinerjaApp::new(db.clone(), state.clone());
    assert_eq!(app.session().unwrap().read_only, Some(ReadOnly::Checking));
    assert_eq!(app.ui_state().mode, kinerja::ui::Mode::Tinjau, "no editing before the check");
    let mut h = harness_of(app);
    wait_for_integrity_check(&mut h);
    assert_eq!(h.state().session().unwrap().read_only, None);
    assert_eq!(h.state().ui_state().mode, kinerja::ui::Mode::Sunting, "the user's mode comes back");
    drop(h);

    // Damage a page in the middle of the file: it may still open, but the check finds it.
    let mut bytes = std::fs::read(&db).unwrap();
    let page = 4096;
    let middle = (bytes.len() / page / 2) * page;
    for b in &mut bytes[middle..middle + page] {
        *b = 0x5a;
    }
    std::fs::write(&db, &bytes).unwrap();
    let mut h = harness_of(KinerjaApp::new(db.clone(), state));
    wait_for_integrity_check(&mut h);
    h.run_steps(2);
    let err = h.state().data().as_ref().err().cloned().expect("the damage is reported");
    assert!(err.contains("rusak"), "{err}");
    drop(h);
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "the damaged file was not written");
}

#[test]
fn a_demo_city_is_generated_from_the_window_and_opened() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("kota-contoh.sqlite");
    let mut h = harness_of(KinerjaApp::new(dir.path().join("kerja.sqlite"), UiState::default()));
    common::open_menu(&mut h);
    h.get_by_label("Tentang").click_accesskit();
    h.run_steps(3);
    h.get_by_label("Buat kota contoh…").click_accesskit();
    h.run_steps(3);
    type_into(&mut h, "Jumlah perangkat daerah", "tiga");
    type_into(&mut h, "Berkas", &target.display().to_string());
    h.get_by_label("Buat").click_accesskit();
    h.run_steps(2);
    let err = h.state().dialogs().demo.as_ref().unwrap().error.clone().unwrap_or_default();
    assert!(err.contains("harus bilangan bulat"), "{err}");
    assert!(!target.exists(), "bad input writes nothing");
    type_into(&mut h, "Jumlah perangkat daerah", "3");
    type_into(&mut h, "Jumlah tahun", "2");
    type_into(&mut h, "Baris anggaran per perangkat daerah per tahun", "30");
    h.get_by_label("Buat").click_accesskit();
    h.run_steps(1);
    wait_for_job(&mut h);
    assert!(
        h.query_all_by_label_contains("Kota contoh dibuat: 3 kantor").next().is_some(),
        "{:?}",
        h.state().message()
    );
    h.run_steps(2);
    h.get_by_label("Buka basis data ini").click_accesskit();
    h.run_steps(3);
    assert_eq!(h.state().db_path(), target);
    assert_eq!(h.state().data().as_ref().unwrap().offices.len(), 3);
    assert!(h.query_by_label("Kota").is_some(), "several offices: the city tab");
}

#[test]
fn the_command_line_lists_offices_and_works_on_the_one_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let db = two_offices(dir.path());
    let kinerja = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kinerja")).arg("--db").arg(&db).args(args).output().unwrap()
    };
    let listed = kinerja(&["offices"]);
    assert!(listed.status.success());
    let text = String::from_utf8(listed.stdout).unwrap();
    assert!(text.contains("DLH-CONTOH\tDinas Lingkungan Hidup Kota Contoh"), "{text}");
    assert_eq!(text.lines().count(), 2);
    // The second office's own table, not the first's.
    let t = kinerja(&["--office", "DLH-CONTOH", "table", "1.1", "--year", "2025"]);
    assert!(t.status.success());
    assert!(String::from_utf8(t.stdout).unwrap().contains("1,Strata I,12,12,4,4,,baris"));
    // An unknown code is an error naming the codes there are, not another office's data.
    let bad = kinerja(&["--office", "XYZ", "check"]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8(bad.stderr).unwrap();
    assert!(err.contains("kantor 'XYZ' tidak ada") && err.contains("DLH-CONTOH"), "{err}");
}

/// Opening another database while the first one's check is still running checks the new one;
/// the old verdict never reaches it.
#[test]
fn a_new_database_gets_its_own_integrity_check() {
    let dir = tempfile::tempdir().unwrap();
    let first = two_offices(dir.path());
    let second = dir.path().join("kedua.sqlite");
    drop(Session::open(&second).unwrap());
    let mut app = KinerjaApp::new(first, UiState::default());
    assert!(app.work().integrity.is_some(), "the first file's check runs");
    // Before any frame could take the first verdict:
    app.send(kinerja::ui::Command::OpenDatabase(second.clone()));
    app.handle();
    assert_eq!(app.db_path(), second);
    assert!(app.session().unwrap().integrity_pending, "the new file waits for its own check");
    assert!(app.work().integrity.is_some(), "and its check runs");
    let mut h = harness_of(app);
    wait_for_integrity_check(&mut h);
    assert!(!h.state().session().unwrap().integrity_pending);
    assert_eq!(h.state().session().unwrap().read_only, None);
}

#[test]
fn a_job_that_fails_unexpectedly_still_ends() {
    let job = Job::spawn(JobKind::Import, |_| -> Outcome { panic!("a bug") });
    let outcome = outcome_of(&job);
    assert!(matches!(outcome, Some(Outcome::Failed(_))), "{outcome:?}");
}
