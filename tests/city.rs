//! Several offices in one database: the office selector, the city view, and long work in the
//! background with cancel.

mod common;
use common::*;

use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use kinerja::app::city::{check_city, city_view};
use kinerja::app::{Location, Session};
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
    assert_eq!(h.state().location(), &Location::File(target));
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
    app.send(kinerja::ui::Command::OpenDatabase(Location::File(second.clone())));
    app.handle();
    assert_eq!(app.location(), &Location::File(second.clone()));
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

/// A line of 2025 with amounts in whole rupiah.
fn line25(
    kode: &str,
    parent: Option<&str>,
    [murni, perubahan, alokasi, realisasi]: [Option<i64>; 4],
) -> kinerja::domain::BudgetLine {
    use kinerja::domain::{BudgetLevel, BudgetLine, Money};
    let level = match kode.split('.').count() {
        1 => BudgetLevel::Program,
        2 => BudgetLevel::Kegiatan,
        _ => BudgetLevel::SubKegiatan,
    };
    BudgetLine {
        pagu_murni: murni.map(Money::from_rupiah),
        pagu_perubahan: perubahan.map(Money::from_rupiah),
        alokasi: alokasi.map(Money::from_rupiah),
        realisasi: realisasi.map(Money::from_rupiah),
        ..BudgetLine::new(2025, kode, parent, level, 1, &format!("Uraian {kode}"))
    }
}

/// Three offices whose 2025 budgets are printed in three ways (whole rupiah):
/// - KOTA-A: programme 1 (APBD) murni 1.000.000, perubahan 1.200.000, realisasi 1.000.000 (its
///   kegiatan 1.1 the same); programme 2 (APBN tugas pembantuan) murni 500.000, realisasi 300.000.
/// - KOTA-B, single alokasi: programme 1 (APBD) alokasi 2.000.000, realisasi 1.500.000 (its
///   kegiatan the same); programme 2 (DAK) alokasi 800.000 and no realisasi printed.
/// - KOTA-C: programme 1 (APBD) printed without amounts; kegiatan 1.1 murni 600.000, realisasi
///   450.000; kegiatan 1.2 without amounts, its sub-kegiatan 1.2.1 murni 400.000 (no realisasi)
///   and 1.2.2 murni 100.000, realisasi 50.000; belanja pegawai 5.1 (APBD) murni 3.000.000,
///   perubahan 2.900.000, realisasi 2.800.000.
fn three_offices_2025() -> Vec<kinerja::domain::Dataset> {
    use kinerja::domain::{Dataset, FundingSource, Office, SpendingType};
    let office = |code: &str, lines| Dataset {
        office: Office { code: code.into(), name: format!("Dinas {code}"), ..Office::default() },
        budget_lines: lines,
        ..Dataset::default()
    };
    let source = |mut l: kinerja::domain::BudgetLine, s| {
        l.source = s;
        l
    };
    let mut pegawai = line25("5.1", None, [Some(3_000_000), Some(2_900_000), None, Some(2_800_000)]);
    pegawai.spending = SpendingType::Pegawai;
    pegawai.position = 2;
    vec![
        office(
            "KOTA-A",
            vec![
                line25("1", None, [Some(1_000_000), Some(1_200_000), None, Some(1_000_000)]),
                line25("1.1", Some("1"), [Some(1_000_000), Some(1_200_000), None, Some(1_000_000)]),
                source(line25("2", None, [Some(500_000), None, None, Some(300_000)]), FundingSource::ApbnTp),
            ],
        ),
        office(
            "KOTA-B",
            vec![
                line25("1", None, [None, None, Some(2_000_000), Some(1_500_000)]),
                line25("1.1", Some("1"), [None, None, Some(2_000_000), Some(1_500_000)]),
                source(line25("2", None, [None, None, Some(800_000), None]), FundingSource::Dak),
            ],
        ),
        office(
            "KOTA-C",
            vec![
                line25("1", None, [None; 4]),
                line25("1.1", Some("1"), [Some(600_000), None, None, Some(450_000)]),
                line25("1.2", Some("1"), [None; 4]),
                line25("1.2.1", Some("1.2"), [Some(400_000), None, None, None]),
                line25("1.2.2", Some("1.2"), [Some(100_000), None, None, Some(50_000)]),
                pegawai,
            ],
        ),
    ]
}

fn three_offices_db(dir: &Path) -> PathBuf {
    let db = dir.join("kota.sqlite");
    let mut store = Store::open(&db).unwrap();
    for d in three_offices_2025() {
        store.save_dataset(&d).unwrap();
    }
    db
}

#[test]
fn the_city_totals_count_alokasi_rolled_up_programmes_and_spending_types_as_each_office_does() {
    use kinerja::calc::resolve::resolve;
    use kinerja::domain::{FundingSource, Money, SpendingType};
    use rust_decimal::Decimal;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&three_offices_db(dir.path())).unwrap();
    let v = city_view(&store, 2025).unwrap();
    let rp = |r: i64| Some(Money::from_rupiah(r));

    // Programmes, office by office (the Kota table's rows):
    // A: pagu 1.200.000 + 500.000 = 1.700.000, realisasi 1.000.000 + 300.000 = 1.300.000.
    // B: pagu 2.000.000 + 800.000 = 2.800.000 (alokasi), realisasi 1.500.000; serapan over the
    //    realised pagu 2.000.000 alone: 75 %.
    // C: programme 1 from its kegiatan: 1.1 600.000 + 1.2 (400.000 + 100.000) = 1.100.000,
    //    realisasi 450.000 + 50.000 = 500.000 over the realised pagu 600.000 + 100.000 = 700.000;
    //    belanja pegawai is no programme.
    let row = |code: &str| v.rows.iter().find(|r| r.code == code).unwrap();
    assert_eq!((row("KOTA-A").pagu, row("KOTA-A").realisasi), (rp(1_700_000), rp(1_300_000)));
    assert_eq!((row("KOTA-B").pagu, row("KOTA-B").realisasi), (rp(2_800_000), rp(1_500_000)));
    assert_eq!(row("KOTA-B").serapan, Some(Decimal::from(75)));
    assert_eq!((row("KOTA-C").pagu, row("KOTA-C").realisasi), (rp(1_100_000), rp(500_000)));
    // The city's programmes: pagu 1.700.000 + 2.800.000 + 1.100.000 = 5.600.000, realisasi
    // 1.300.000 + 1.500.000 + 500.000 = 3.300.000 over the realised pagu 1.700.000 + 2.000.000 +
    // 700.000 = 4.400.000: 75 %.
    assert_eq!((v.pagu, v.realisasi, v.serapan), (rp(5_600_000), rp(3_300_000), Some(Decimal::from(75))));
    let y = v.by_year.iter().find(|y| y.year == 2025).unwrap();
    assert_eq!((y.pagu, y.realisasi, y.pagu_serapan, y.offices), (rp(5_600_000), rp(3_300_000), rp(4_400_000), 3));
    // Pagu murni: A 1.000.000 + 500.000, B none (an alokasi is no murni), C 600.000 + 500.000.
    assert_eq!(y.pagu_murni, rp(2_600_000));

    // Everything: the programmes and belanja pegawai 2.900.000; realisasi 3.300.000 + 2.800.000 =
    // 6.100.000 over 4.400.000 + 2.900.000 = 7.300.000: 83,56 %.
    assert_eq!((v.all.pagu, v.all.realisasi, v.all_offices), (rp(8_500_000), rp(6_100_000), 3));
    assert_eq!(v.all.serapan().map(|s| s.round_dp(2)), Ok(Decimal::new(8356, 2)));
    // Per source: APBD 1.200.000 + 2.000.000 + 1.100.000 + 2.900.000 = 7.200.000, realisasi
    // 1.000.000 + 1.500.000 + 500.000 + 2.800.000 = 5.800.000 over 6.800.000 (85,29 %), three
    // offices; APBN-TP 300.000 ÷ 500.000 = 60 %, one office; DAK 800.000 with no realisasi.
    let sources: Vec<(FundingSource, Option<Money>, Option<Money>, usize)> =
        v.sources.iter().map(|p| (p.key, p.amounts.pagu, p.amounts.realisasi, p.offices)).collect();
    assert_eq!(
        sources,
        vec![
            (FundingSource::Apbd, rp(7_200_000), rp(5_800_000), 3),
            (FundingSource::ApbnTp, rp(500_000), rp(300_000), 1),
            (FundingSource::Dak, rp(800_000), None, 1),
        ]
    );
    assert_eq!(v.sources[0].amounts.serapan().map(|s| s.round_dp(2)), Ok(Decimal::new(8529, 2)));
    assert_eq!(v.sources[1].amounts.serapan(), Ok(Decimal::from(60)));
    assert!(v.sources[2].amounts.serapan().is_err());
    // Per spending type: the programmes as above; belanja pegawai 2.800.000 ÷ 2.900.000 = 96,55 %.
    let spending: Vec<(SpendingType, Option<Money>, Option<Money>, usize)> =
        v.spending.iter().map(|p| (p.key, p.amounts.pagu, p.amounts.realisasi, p.offices)).collect();
    assert_eq!(
        spending,
        vec![
            (SpendingType::Program, rp(5_600_000), rp(3_300_000), 3),
            (SpendingType::Pegawai, rp(2_900_000), rp(2_800_000), 1),
        ]
    );
    assert_eq!(v.spending[1].amounts.serapan().map(|s| s.round_dp(2)), Ok(Decimal::new(9655, 2)));

    // Each city figure is the sum of the offices' own figures (calc::resolve on each office).
    let offices: Vec<_> = store.offices().unwrap().iter().map(|o| store.load_dataset(o.id).unwrap()).collect();
    let settings = kinerja::calc::Settings::default();
    let sum = |subject: &str, field: &str| -> Option<Decimal> {
        let values: Vec<Decimal> = offices
            .iter()
            .filter_map(|d| resolve(d, &settings, 2025, subject, field).ok().and_then(|r| r.value.number()))
            .collect();
        (!values.is_empty()).then(|| values.iter().sum())
    };
    let dec = |m: Option<Money>| m.map(|m| m.decimal());
    let city: Vec<(String, Option<Money>, Option<Money>)> = [("budget:*".to_string(), v.pagu, v.realisasi)]
        .into_iter()
        .chain([("budget:all".to_string(), v.all.pagu, v.all.realisasi)])
        .chain(v.sources.iter().map(|p| (format!("source:{}", p.key.code()), p.amounts.pagu, p.amounts.realisasi)))
        .chain(v.spending.iter().map(|p| (format!("spending:{}", p.key.code()), p.amounts.pagu, p.amounts.realisasi)))
        .collect();
    assert_eq!(city.len(), 7);
    for (subject, pagu, realisasi) in city {
        assert_eq!(dec(pagu), sum(&subject, "pagu"), "{subject} pagu");
        assert_eq!(dec(realisasi), sum(&subject, "realisasi"), "{subject} realisasi");
    }

    // The table of the Kota tab and of the exported workbook, in both languages.
    let t = kinerja::app::city::city_parts_table(&v, kinerja::format::Lang::Id);
    let names: Vec<String> = t
        .rows
        .iter()
        .map(|r| kinerja::report::cell_text(&r.cells[1], t.columns[1].kind, kinerja::format::Lang::Id))
        .collect();
    assert_eq!(
        names,
        [
            "APBD",
            "APBN Tugas Pembantuan",
            "DAK",
            "Belanja Program",
            "Belanja Pegawai",
            "Seluruh belanja (program dan di luar program)"
        ]
    );
    let subjects: Vec<&str> = t.rows.iter().map(|r| r.subject.as_str()).collect();
    assert_eq!(
        subjects,
        ["source:apbd", "source:apbn-tp", "source:dak", "spending:program", "spending:pegawai", "budget:all"]
    );
    let en = kinerja::app::city::city_parts_table(&v, kinerja::format::Lang::En);
    assert_eq!(en.columns[1].label, "Funding source / spending type");
    assert!(en.rows.iter().any(|r| r.cells[1] == kinerja::report::Cell::text("APBN co-administration funds")));
}

#[test]
fn the_kota_tab_shows_the_city_budget_per_funding_source_and_spending_type() {
    use egui_kittest::kittest::NodeT;
    let dir = tempfile::tempdir().unwrap();
    let db = three_offices_db(dir.path());
    let state = UiState { tab: Tab::Kota, year: Some(2025), office: Some("KOTA-A".into()), ..UiState::default() };
    let mut h = harness_of(KinerjaApp::new(db.clone(), state));
    wait_for_integrity_check(&mut h);
    h.run_steps(3);
    assert_eq!(h.state().ui_state().tab, Tab::Kota);
    // Each row's label, then its pagu, realisasi and serapan (see the test above for the figures).
    let row_texts = |h: &Harness<'static, KinerjaApp>, name: &str| -> Vec<String> {
        let label = h.get_by_label(name);
        let y = label.rect().center().y;

        let mut cells: Vec<(f32, String)> = h
            .get_all_by_role(egui::accesskit::Role::Label)
            .filter(|n| (n.rect().center().y - y).abs() < 2.0 && n.rect().left() > label.rect().left())
            .filter_map(|n| n.accesskit_node().value().map(|l| (n.rect().left(), l.to_string())))
            .collect();
        cells.sort_by(|a, b| a.0.total_cmp(&b.0));
        cells.into_iter().map(|(_, t)| t).collect()
    };
    assert_eq!(row_texts(&h, "APBN Tugas Pembantuan"), ["Rp 500.000", "Rp 300.000", "60,00 %", "1"]);
    assert_eq!(row_texts(&h, "DAK"), ["Rp 800.000", "", "", "1"]);
    assert_eq!(row_texts(&h, "Belanja Pegawai"), ["Rp 2.900.000", "Rp 2.800.000", "96,55 %", "1"]);
    assert_eq!(row_texts(&h, "APBD")[..3], ["Rp 7.200.000", "Rp 5.800.000", "85,29 %"]);

    // In English.
    let state = UiState { tab: Tab::Kota, year: Some(2025), lang: kinerja::format::Lang::En, ..UiState::default() };
    let mut h = harness_of(KinerjaApp::new(db, state));
    wait_for_integrity_check(&mut h);
    h.run_steps(3);
    assert_eq!(row_texts(&h, "APBN co-administration funds"), ["Rp 500,000", "Rp 300,000", "60.00 %", "1"]);
    assert!(h.query_by_label("personnel spending").is_some());
}

#[test]
fn the_saved_city_workbook_holds_the_budget_per_funding_source_as_a_second_sheet() {
    use calamine::{Data, Reader, Xlsx};
    use egui_kittest::kittest::NodeT;
    let dir = tempfile::tempdir().unwrap();
    let db = three_offices_db(dir.path());
    let state = UiState { tab: Tab::Kota, year: Some(2025), office: Some("KOTA-A".into()), ..UiState::default() };
    let mut h = harness_of(KinerjaApp::new(db, state));
    wait_for_integrity_check(&mut h);
    h.run_steps(3);
    // The city table's button is the first Simpan sebagai… of the tab (the charts have theirs).
    h.get_all_by_role(egui::accesskit::Role::Button)
        .find(|b| b.accesskit_node().label().is_some_and(|l| l.starts_with("Simpan sebagai")))
        .unwrap()
        .click_accesskit();
    h.run_steps(3);
    let path = dir.path().join("Kota-2025.xlsx");
    type_into(&mut h, "Berkas", &path.display().to_string());
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Simpan").click_accesskit();
    h.run_steps(3);
    wait_for_job(&mut h);
    let mut book: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    assert_eq!(book.sheet_names().len(), 2, "{:?}", book.sheet_names());
    let second = book.sheet_names()[1].clone();
    let range = book.worksheet_range(&second).unwrap();
    // APBN tugas pembantuan: pagu 500.000, realisasi 300.000 (the derivation is in
    // the_city_totals_count_alokasi_…).
    let row =
        range.rows().find(|r| r.contains(&Data::String("APBN Tugas Pembantuan".into()))).expect("the APBN-TP row");
    assert!(row.contains(&Data::Float(500_000.0)) && row.contains(&Data::Float(300_000.0)), "{row:?}");
}
