//! The window on a database on a PostgreSQL server, through its real widgets (AccessKit): who is
//! signed in and which offices they may change, the offices they may not change read-only with
//! the reason, and the open-database page taking a server's address with its password masked.

mod common;

use common::server::{server_url, TestDb};
use egui::accesskit::Role as Widget;
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::Harness;
use kinerja::app::Location;
use kinerja::storage::access::{add_user, init_access, Role};
use kinerja::storage::sql::{Db, Value};
use kinerja::storage::{ServerAddress, Store};
use kinerja::ui::{KinerjaApp, Mode, Tab, UiState};
use std::sync::atomic::{AtomicU32, Ordering};

const PASSWORD: &str = "rahasia-uji 1";

/// A login role of one test, dropped when the test ends (passing or failing): roles belong to
/// the whole server, not to the test's database.
struct Login(String);

static NEXT: AtomicU32 = AtomicU32::new(0);

impl Login {
    fn new(label: &str) -> Login {
        Login(format!("kg{}_{}_{label}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed)))
    }
}

impl Drop for Login {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&server_url(), postgres::NoTls) {
            let _ = c.batch_execute(&format!("DROP ROLE IF EXISTS {}", self.0));
        }
    }
}

/// The city on the server: the embedded office (A) and the made-up second office (B), with
/// Kinerja's users set up; its owner's connection and the two offices' codes and names.
struct City {
    test: TestDb,
    owner: Db,
    a: (String, String),
    b: (String, String),
}

/// The made-up second office's dataset folder.
fn contoh() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dinas-contoh")
}

fn city_on_server(label: &str) -> Option<City> {
    let test = TestDb::create(label)?;
    let a = kinerja::embedded::dataset().expect("the embedded dataset");
    let b = kinerja::interchange::read_path(&contoh()).expect("the second office");
    assert_ne!(a.office.code, b.office.code);
    let mut store = Store::open_server(&ServerAddress::parse(&test.url).unwrap()).expect("open as the owner");
    store.save_dataset(&a).unwrap();
    store.save_dataset(&b).unwrap();
    drop(store);
    let owner = Db::postgres(postgres::Client::connect(&test.url, postgres::NoTls).expect("connect as owner"));
    init_access(&owner).unwrap();
    Some(City {
        a: (a.office.code.clone(), a.office.name.clone()),
        b: (b.office.code.clone(), b.office.name.clone()),
        test,
        owner,
    })
}

impl City {
    /// The window as `login`, on the office `code`, showing `tab`.
    fn window_as(&self, login: &Login, code: &str, tab: Tab) -> Harness<'static, KinerjaApp> {
        let location = Location::parse(std::ffi::OsStr::new(&self.test.url_as(&login.0, PASSWORD))).unwrap();
        let state = UiState { office: Some(code.to_string()), tab, ..Default::default() };
        common::harness_of(KinerjaApp::open(location, state))
    }

    /// The value of `key` among office `code`'s settings, as the owner reads it.
    fn setting(&self, code: &str, key: &str) -> Option<String> {
        self.owner
            .query_opt(
                "SELECT s.value FROM office_setting s JOIN office o ON o.id = s.office_id WHERE o.code = ?1 AND s.key = ?2",
                &[Value::Text(code.into()), Value::Text(key.into())],
                |r| r.get(0),
            )
            .unwrap()
    }
}

fn has_part(h: &Harness<'static, KinerjaApp>, part: &str) {
    assert!(h.query_all_by_label_contains(part).next().is_some(), "no node containing '{part}'");
}

fn sunting_disabled(h: &Harness<'static, KinerjaApp>) -> bool {
    h.get_by_role_and_label(Widget::Button, "Sunting").accesskit_node().is_disabled()
}

/// Opens the office selector of the top bar and returns the labels of its entries.
fn open_office_list(h: &mut Harness<'static, KinerjaApp>) -> Vec<String> {
    h.get_all_by_role(Widget::ComboBox).next().expect("the office selector").click_accesskit();
    h.run_steps(2);
    h.get_all_by_role(Widget::Button)
        .chain(h.get_all_by_role(Widget::Label))
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.starts_with("Dinas"))
        .collect()
}

#[test]
fn a_planner_sees_its_login_and_role_edits_its_office_and_another_office_is_read_only() {
    let Some(city) = city_on_server("gui_planner") else { return };
    let planner = Login::new("perencana");
    add_user(&city.owner, &planner.0, Role::Planner, std::slice::from_ref(&city.a.0), Some(PASSWORD)).unwrap();
    let mut h = city.window_as(&planner, &city.a.0, Tab::Pemeriksaan);

    // Who is signed in, the role and the office it may change; the database with the password
    // masked, nowhere in the window in clear.
    has_part(&h, &format!("Masuk sebagai {} — Perencana (boleh mengubah {})", planner.0, city.a.0));
    has_part(&h, &format!("postgres://{}:***@", planner.0));
    assert!(h.query_all_by_label_contains("rahasia").next().is_none(), "the password is not shown");
    assert!(h.query_all_by_label_contains("hanya dapat dibaca").next().is_none(), "its office is not read-only");

    // Its own office is edited as on a file; the audit trail names the login (no name asked).
    assert!(!sunting_disabled(&h));
    h.get_by_role_and_label(Widget::Button, "Sunting").click_accesskit();
    h.run_steps(3);
    assert_eq!(h.state().ui_state().mode, Mode::Sunting);
    common::type_into(&mut h, "Batas atas capaian (%)", "120");
    h.get_by_label("Simpan pengaturan").click_accesskit();
    h.run_steps(3);
    has_part(&h, "Tersimpan: Pengaturan perhitungan");
    assert_eq!(city.setting(&city.a.0, "capaian_cap").as_deref(), Some("120"), "written on the server");
    let user: String =
        city.owner.query_row("SELECT user_name FROM audit_log ORDER BY id DESC LIMIT 1", &[], |r| r.get(0)).unwrap();
    assert_eq!(user, planner.0);

    // The other office is marked read-only before it is chosen, and is read-only once chosen,
    // with the reason; its edit controls are disabled.
    let entries = open_office_list(&mut h);
    assert!(entries.contains(&city.a.1), "{entries:?}");
    let b_entry = format!("{} (hanya baca)", city.b.1);
    assert!(entries.contains(&b_entry), "{entries:?}");
    h.get_by_label(&b_entry).click_accesskit();
    h.run_steps(3);
    assert_eq!(h.state().ui_state().office.as_deref(), Some(city.b.0.as_str()));
    assert_eq!(h.state().ui_state().mode, Mode::Tinjau, "editing stops on an office it may not change");
    has_part(&h, &format!("Anda masuk sebagai {}, perencana kantor lain", planner.0));
    assert!(sunting_disabled(&h));
    h.get_by_role_and_label(Widget::Button, "Sunting").click_accesskit();
    h.run_steps(3);
    assert_eq!(h.state().ui_state().mode, Mode::Tinjau);
    assert!(h.query_by_label("Simpan pengaturan").is_none(), "no settings form on a read-only office");
    assert_eq!(city.setting(&city.b.0, "capaian_cap"), None);
}

#[test]
fn a_reviewer_sees_every_office_read_only_and_the_backups_are_the_servers() {
    let Some(city) = city_on_server("gui_reviewer") else { return };
    let reviewer = Login::new("peninjau");
    add_user(&city.owner, &reviewer.0, Role::Reviewer, &[], Some(PASSWORD)).unwrap();
    let mut h = city.window_as(&reviewer, &city.a.0, Tab::Pemeriksaan);

    has_part(&h, &format!("Masuk sebagai {} — Peninjau", reviewer.0));
    assert!(h.query_all_by_label_contains("boleh mengubah").next().is_none(), "a reviewer changes no office");
    has_part(&h, &format!("Anda masuk sebagai {}, peninjau", reviewer.0));
    assert!(sunting_disabled(&h));
    assert!(h.query_by_label("Simpan pengaturan").is_none());

    let entries = open_office_list(&mut h);
    for name in [&city.a.1, &city.b.1] {
        assert!(entries.contains(&format!("{name} (hanya baca)")), "{name}: {entries:?}");
    }
    h.get_by_label(&format!("{} (hanya baca)", city.b.1)).click_accesskit();
    h.run_steps(3);
    assert_eq!(h.state().ui_state().office.as_deref(), Some(city.b.0.as_str()));
    has_part(&h, &format!("Anda masuk sebagai {}, peninjau", reviewer.0));
    assert!(sunting_disabled(&h));

    // The city-wide check runs beside the window on a connection of its own to the server.
    common::click_tab(&mut h, Tab::Kota, kinerja::format::Lang::Id);
    h.get_by_label("Periksa semua perangkat daerah").click_accesskit();
    h.run_steps(1);
    common::wait_for_job(&mut h);
    has_part(&h, "Pemeriksaan kota selesai; perangkat daerah dengan temuan:");
    let checked = h.state().data().as_ref().unwrap().city_check.clone().expect("the check's result");
    let names: Vec<&str> = checked.iter().map(|o| o.name.as_str()).collect();
    assert!(names.contains(&city.a.1.as_str()) && names.contains(&city.b.1.as_str()) && names.len() == 2, "{names:?}");

    // In English, too.
    h.get_by_label("English").click_accesskit();
    h.run_steps(3);
    has_part(&h, &format!("Signed in as {} — Reviewer", reviewer.0));
    has_part(&h, &format!("You are signed in as {}, a reviewer", reviewer.0));

    // A file's backups are listed on Riwayat; a server's are its administrator's.
    common::click_tab(&mut h, Tab::Riwayat, kinerja::format::Lang::En);
    has_part(&h, "The server's backups are the administrator's business (pg_dump)");
    assert!(h.query_all_by_label_contains("Database backups").next().is_none());
}

#[test]
fn the_open_database_page_takes_a_server_address_and_keeps_its_password_masked() {
    let Some(city) = city_on_server("gui_open") else { return };
    let planner = Login::new("perencana");
    // The login does not exist yet: the server refuses it and the window says so.
    let mut h = city.window_as(&planner, &city.a.0, Tab::Ringkasan);
    has_part(&h, "Basis data tidak dapat dibuka");
    let field = common::text_field(&h, "Berkas atau alamat server", None).value().unwrap_or_default();
    assert!(field.starts_with(&format!("postgres://{}:***@", planner.0)), "{field}");
    assert!(h.query_all_by_label_contains("rahasia").next().is_none(), "the password is not shown");

    // A bad address says what is expected; nothing is opened.
    common::type_into(&mut h, "Berkas atau alamat server", "postgres://kota@localhost");
    h.get_by_label("Buka berkas atau server ini").click_accesskit();
    h.run_steps(3);
    has_part(&h, "nama basis data tidak ada");
    assert!(h.state().data().is_err());

    // The address as it was shown, password masked, stands for the address with its password.
    add_user(&city.owner, &planner.0, Role::Planner, std::slice::from_ref(&city.a.0), Some(PASSWORD)).unwrap();
    common::type_into(&mut h, "Berkas atau alamat server", &field);
    h.get_by_label("Buka berkas atau server ini").click_accesskit();
    h.run_steps(3);
    assert!(h.state().data().is_ok(), "{:?}", h.state().data().as_ref().err());
    has_part(&h, &format!("Masuk sebagai {} — Perencana (boleh mengubah {})", planner.0, city.a.0));
    assert_eq!(h.state().session().unwrap().dataset.office.code, city.a.0);
}

#[test]
fn a_database_file_shows_its_name_and_nobody_signed_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kota-uji.sqlite");
    let h = common::harness_of(KinerjaApp::new(path.clone(), UiState::default()));
    assert!(h.query_by_label("Basis data: kota-uji.sqlite").is_some(), "the file's name, not its folder");
    assert!(h.query_all_by_label_contains("Masuk sebagai").next().is_none(), "a file has no login");
    assert!(!sunting_disabled(&h), "a file of one's own is edited");
}

#[test]
fn an_import_from_the_window_is_written_on_the_server_as_the_login_may() {
    let Some(city) = city_on_server("gui_import") else { return };
    let count = |sql: &str| -> i64 { city.owner.query_row(sql, &[], |r| r.get(0)).unwrap() };
    let imports = "SELECT count(*) FROM audit_log WHERE action = 'impor'";
    let before = count(imports);

    // A planner of A imports B's dataset: the server refuses it, nothing is written.
    let planner = Login::new("perencana");
    add_user(&city.owner, &planner.0, Role::Planner, std::slice::from_ref(&city.a.0), Some(PASSWORD)).unwrap();
    let mut h = city.window_as(&planner, &city.a.0, Tab::Ringkasan);
    common::import_from_the_menu(&mut h, &contoh());
    has_part(&h, "Impor gagal; tidak ada yang diubah");
    assert_eq!(count(imports), before);

    // The server's owner (a superuser) may write every office: B is replaced, with no backup
    // file made (a server's backups are its administrator's).
    let owner = ServerAddress::parse(&city.test.url).unwrap().user;
    let location = Location::parse(std::ffi::OsStr::new(&city.test.url)).unwrap();
    let state = UiState { office: Some(city.a.0.clone()), ..Default::default() };
    let mut h = common::harness_of(KinerjaApp::open(location, state));
    has_part(&h, &format!("Masuk sebagai {owner} — pemilik server (semua kantor)"));
    common::import_from_the_menu(&mut h, &contoh());
    has_part(&h, &format!("Dataset diimpor: {}", city.b.1));
    assert!(h.query_all_by_label_contains("cadangan").next().is_none(), "{:?}", h.state().message());
    assert_eq!(count(imports), before + 1);
    assert_eq!(h.state().session().unwrap().dataset.office.code, city.b.0, "the office imported is shown");
    let by: String = city
        .owner
        .query_row("SELECT user_name FROM audit_log WHERE action = 'impor' ORDER BY id DESC LIMIT 1", &[], |r| r.get(0))
        .unwrap();
    assert_eq!(by, owner, "the audit trail names the login");
}
