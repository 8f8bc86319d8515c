//! The administrator's commands (`kinerja server init`, `server user add|list|remove`,
//! `db check` on a server) through the real binary against a database of the test's own on a
//! real PostgreSQL server; skipped, with one line, when no server answers.

mod common;

use common::server::{server_url, TestDb};
use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};

/// The login roles a test makes (roles belong to the whole server), dropped when the test ends,
/// passing or failing. Declared after the test's database, so dropped before it.
struct Logins {
    names: Vec<String>,
}

static NEXT: AtomicU32 = AtomicU32::new(0);

impl Logins {
    fn new() -> Logins {
        Logins { names: Vec::new() }
    }

    /// A login name no other test (nor another run at the same time) uses, registered for
    /// dropping before anything can create it.
    fn fresh(&mut self, label: &str) -> String {
        let name = format!("sa{}_{}_{label}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
        self.names.push(name.clone());
        name
    }
}

impl Drop for Logins {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&server_url(), postgres::NoTls) {
            for name in &self.names {
                let _ = c.batch_execute(&format!("DROP ROLE IF EXISTS \"{name}\""));
            }
        }
    }
}

/// Runs the real binary with `args` (in English unless the arguments say otherwise), giving it
/// `stdin` (or nothing: not a terminal).
fn kinerja(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(args)
        .env_remove("KINERJA_DB")
        .env_remove("KINERJA_LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start kinerja");
    {
        let mut input = child.stdin.take().expect("stdin is piped");
        if let Some(text) = stdin {
            input.write_all(text.as_bytes()).expect("write stdin");
        }
    }
    child.wait_with_output().expect("run kinerja")
}

fn en(args: &[&str], stdin: Option<&str>) -> Output {
    let mut all = args.to_vec();
    all.extend(["--lang", "en"]);
    kinerja(&all, stdin)
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("an exit code")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn owner(test: &TestDb) -> postgres::Client {
    postgres::Client::connect(&test.url, postgres::NoTls).expect("connect as the owner")
}

fn role_exists(test: &TestDb, login: &str) -> bool {
    owner(test).query_one("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)", &[&login]).unwrap().get(0)
}

/// The groups `login` is a direct member of.
fn groups_of(test: &TestDb, login: &str) -> Vec<String> {
    owner(test)
        .query(
            "SELECT g.rolname::text FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
             JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = $1 ORDER BY 1",
            &[&login],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect()
}

/// The schema version this build's migrations reach: the number of migration files, counted
/// here rather than asked of the program.
fn migrations() -> i64 {
    std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src/storage/migrations"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.ends_with(".sql") && name.len() > 4 && name[..3].chars().all(|c| c.is_ascii_digit())
        })
        .count() as i64
}

/// A database with the schema and access set up by `server init`, holding offices `codes`.
fn initialised(label: &str, codes: &[&str]) -> Option<TestDb> {
    let test = TestDb::create(label)?;
    let o = en(&["server", "init", "--db", &test.url], None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let mut c = owner(&test);
    for code in codes {
        c.execute(
            "INSERT INTO office (code, name, short_name, government, address, legal_basis) VALUES ($1, $2, $1, 'Kota Contoh', '-', '-')",
            &[code, &format!("Dinas {code}")],
        )
        .unwrap();
    }
    Some(test)
}

#[test]
fn init_twice_then_users_are_added_listed_and_removed() {
    let Some(test) = TestDb::create("admin_users") else { return };
    let mut logins = Logins::new();
    let version = migrations();

    let first = en(&["server", "init", "--db", &test.url], None);
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    let out = stdout(&first);
    assert!(out.contains(&format!("schema {version} created")), "{out}");
    let policies = out.lines().find(|l| l.contains("access policies on")).expect("the tables under policy");
    for table in ["office", "budget_line", "audit_log", "indicator"] {
        assert!(policies.split([':', ',']).any(|t| t.trim() == table), "{table} in {policies}");
    }
    assert!(out.contains("kinerja_admin, kinerja_planner, kinerja_reviewer"), "{out}");

    // Again: nothing to do for the schema, the policies made again, the same tables.
    let second = en(&["server", "init", "--db", &test.url], None);
    assert_eq!(code(&second), 0, "{}", stderr(&second));
    let again = stdout(&second);
    assert!(again.contains(&format!("schema {version} (up to date already)")), "{again}");
    assert!(again.contains(policies), "{again}");
    let sound = en(&["db", "check", "--db", &test.url], None);
    assert_eq!(code(&sound), 0, "{}{}", stdout(&sound), stderr(&sound));

    let mut c = owner(&test);
    for code in ["DKS", "BPD"] {
        c.execute(
            "INSERT INTO office (code, name, short_name, government, address, legal_basis) VALUES ($1, $1, $1, 'Kota', '-', '-')",
            &[&code],
        )
        .unwrap();
    }
    let (planner, reviewer, admin) = (logins.fresh("p"), logins.fresh("r"), logins.fresh("a"));
    let o = en(
        &[
            "server",
            "user",
            "add",
            &planner,
            "--role",
            "planner",
            "--office",
            "DKS",
            "--office",
            "BPD",
            "--password-stdin",
            "--db",
            &test.url,
        ],
        Some("rahasia-1\n"),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains(&format!("login {planner} created: role planner, writes: DKS, BPD")), "{}", stderr(&o));
    let o = en(
        &["server", "user", "add", &reviewer, "--role", "reviewer", "--password-stdin", "--db", &test.url],
        Some("rahasia-2"),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = en(
        &["server", "user", "add", &admin, "--role", "admin", "--password-stdin", "--db", &test.url],
        Some("rahasia-3\r\n"),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));

    // An admin manages users too (the owner made this one).
    let by_admin = logins.fresh("b");
    let o = en(
        &[
            "server",
            "user",
            "add",
            &by_admin,
            "--role",
            "reviewer",
            "--password-stdin",
            "--db",
            &test.url_as(&admin, "rahasia-3"),
        ],
        Some("rahasia-4"),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(groups_of(&test, &by_admin), ["kinerja_reviewer"]);
    let o = en(&["server", "user", "remove", &by_admin, "--db", &test.url_as(&admin, "rahasia-3")], None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!role_exists(&test, &by_admin));

    assert_eq!(groups_of(&test, &planner), ["kinerja_planner"]);
    assert_eq!(groups_of(&test, &reviewer), ["kinerja_reviewer"]);
    assert_eq!(groups_of(&test, &admin), ["kinerja_admin"]);
    // The password reached the server as a verifier, never as itself.
    for login in [&planner, &reviewer, &admin] {
        let stored: String =
            c.query_one("SELECT rolpassword FROM pg_authid WHERE rolname = $1", &[login]).unwrap().get(0);
        assert!(stored.starts_with("SCRAM-SHA-256$") && !stored.contains("rahasia"), "{login}: {stored}");
    }

    let o = en(&["server", "user", "list", "--db", &test.url], None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let listed = stdout(&o);
    assert_eq!(listed.lines().next(), Some("login\trole\toffices"));
    // Offices by code, in code order; other tests' logins of the same server may be listed too.
    for line in
        [format!("{planner}\tplanner\tBPD,DKS"), format!("{reviewer}\treviewer\t-"), format!("{admin}\tadmin\t(all)")]
    {
        assert!(listed.lines().any(|l| l == line), "{line} in\n{listed}");
    }
    let o = kinerja(&["server", "user", "list", "--db", &test.url], None);
    assert_eq!(stdout(&o).lines().next(), Some("login\tperan\tkantor"));

    let o = en(&["server", "user", "remove", &reviewer, "--db", &test.url], None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains(&format!("login {reviewer} removed")));
    assert!(!role_exists(&test, &reviewer));
    let o = en(&["server", "user", "remove", &planner, "--db", &test.url], None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let planner_offices: i64 =
        c.query_one("SELECT count(*) FROM kinerja_user_office WHERE login = $1", &[&planner]).unwrap().get(0);
    assert_eq!(planner_offices, 0);
    let listed = stdout(&en(&["server", "user", "list", "--db", &test.url], None));
    assert!(!listed.contains(&reviewer) && !listed.contains(&planner) && listed.contains(&admin), "{listed}");
    let o = en(&["server", "user", "remove", &reviewer, "--db", &test.url], None);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains(&format!("there is no login {reviewer}")), "{}", stderr(&o));
}

#[test]
fn bad_input_is_refused_and_nothing_is_created() {
    let Some(test) = initialised("admin_bad", &["DKS"]) else { return };
    let mut logins = Logins::new();
    let url = test.url.as_str();
    let login = logins.fresh("x");
    let refused = |args: &[&str], stdin: Option<&str>, expected: &str| {
        let o = en(args, stdin);
        assert_eq!(code(&o), 2, "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(expected), "{args:?}: {}", stderr(&o));
        assert!(!role_exists(&test, &login), "{args:?} created {login}");
    };
    let add = ["server", "user", "add", login.as_str()];
    let with = |more: &[&'static str]| -> Vec<&str> {
        let mut v = add.to_vec();
        v.extend_from_slice(more);
        v.extend(["--db", url]);
        v
    };
    refused(&with(&["--role", "boss", "--password-stdin"]), Some("pw"), "expected admin, planner or reviewer");
    refused(&with(&["--role", "planner", "--office", "ZZ", "--password-stdin"]), Some("pw"), "office ZZ not found");
    refused(&with(&["--role", "planner", "--password-stdin"]), Some("pw"), "a planner needs at least one office");
    refused(
        &with(&["--role", "reviewer", "--office", "DKS", "--password-stdin"]),
        Some("pw"),
        "only a planner is given offices",
    );
    refused(&with(&["--role", "reviewer", "--password-stdin"]), Some("\n"), "the password is empty");
    // Standard input that is not a terminal, and no --password-stdin: no password to be had.
    refused(&with(&["--role", "reviewer"]), None, "--password-stdin");
    for bad in ["Budi", "budi-s", "pg_budi", "kinerja_budi"] {
        let o = en(&["server", "user", "add", bad, "--role", "reviewer", "--password-stdin", "--db", url], Some("pw"));
        assert_eq!(code(&o), 2, "{bad}");
        assert!(stderr(&o).contains("is not a valid login"), "{bad}: {}", stderr(&o));
        assert!(!role_exists(&test, bad), "{bad}");
    }

    // A command for a server needs one.
    let o = en(&["server", "init"], None);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("give its address with --db postgres://"), "{}", stderr(&o));
    let o = kinerja(&["server", "user", "list"], None);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("sebutkan alamatnya dengan --db postgres://"), "{}", stderr(&o));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kinerja.sqlite");
    let o = en(&["server", "init", "--db", file.to_str().unwrap()], None);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("is not a server address"), "{}", stderr(&o));
    assert!(!file.exists(), "no file is made for a server command");
    let o = en(&["server", "init", "--db", "mysql://u:rahasia@127.0.0.1/kota"], None);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("'mysql://u:***@127.0.0.1/kota' is the address of a database server Kinerja cannot use"),
        "{}",
        stderr(&o)
    );
    let o = en(&["server", "user", "list", "--office", "DKS", "--db", url], None);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--office here is only for kinerja server user add"), "{}", stderr(&o));
    let o = en(&["server", "user", "list", "--db", "postgres://u:rahasia@127.0.0.1"], None);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("database name is missing") && !stderr(&o).contains("rahasia"), "{}", stderr(&o));
}

#[test]
fn a_planner_is_refused_by_the_server_when_it_manages_users() {
    let Some(test) = initialised("admin_planner", &["DKS"]) else { return };
    let mut logins = Logins::new();
    let (planner, reviewer, wanted) = (logins.fresh("p"), logins.fresh("r"), logins.fresh("w"));
    for (login, role) in [(&planner, "planner"), (&reviewer, "reviewer")] {
        let mut args =
            vec!["server", "user", "add", login.as_str(), "--role", role, "--password-stdin", "--db", &test.url];
        if role == "planner" {
            args.extend(["--office", "DKS"]);
        }
        let o = en(&args, Some("sandi-planner"));
        assert_eq!(code(&o), 0, "{}", stderr(&o));
    }
    let as_planner = test.url_as(&planner, "sandi-planner");
    let o = en(
        &["server", "user", "add", &wanted, "--role", "reviewer", "--password-stdin", "--db", &as_planner],
        Some("pw"),
    );
    assert_eq!(code(&o), 2);
    let message = stderr(&o);
    assert!(
        message.contains("not allowed") && message.contains(&format!("The login {planner} (planner) may not do this")),
        "{message}"
    );
    assert!(!message.contains("sandi-planner"), "{message}");
    assert!(!role_exists(&test, &wanted));

    let o = en(&["server", "user", "remove", &reviewer, "--db", &as_planner], None);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("not allowed"), "{}", stderr(&o));
    assert!(role_exists(&test, &reviewer));

    // The planner may set nothing up either; it reads the server's state as everyone may.
    let o = en(&["server", "init", "--db", &as_planner], None);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("not allowed"), "{}", stderr(&o));
    let o = en(&["db", "check", "--db", &as_planner], None);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
}

#[test]
fn db_check_reads_the_schema_version_and_the_policies() {
    let Some(test) = initialised("admin_check", &[]) else { return };
    let version = migrations();
    let url = test.url.as_str();
    let o = en(&["db", "check", "--db", url], None);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains(&format!("sound (schema {version}")), "{}", stdout(&o));
    let o = kinerja(&["db", "check", "--db", url], None);
    assert!(stdout(&o).contains(&format!("baik (skema {version}")), "{}", stdout(&o));

    let mut c = owner(&test);
    c.batch_execute("DROP POLICY kinerja_update ON budget_line").unwrap();
    let o = en(&["db", "check", "--db", url], None);
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("table budget_line: the policy kinerja_update is missing"), "{out}");
    assert!(out.contains("kinerja server init"), "{out}");
    assert!(!out.contains("sound"), "{out}");
    // The check wrote nothing: the policy is still missing until init puts it back.
    assert_eq!(code(&en(&["db", "check", "--db", url], None)), 1);
    assert_eq!(code(&en(&["server", "init", "--db", url], None)), 0);
    assert_eq!(code(&en(&["db", "check", "--db", url], None)), 0);

    c.execute("UPDATE kinerja_schema SET version = $1", &[&(version - 1)]).unwrap();
    let o = en(&["db", "check", "--db", url], None);
    assert_eq!(code(&o), 1);
    assert!(
        stdout(&o).contains(&format!("schema {}, this version uses {version}", version - 1))
            && stdout(&o).contains("kinerja server init (run by the database's owner) upgrades it"),
        "{}",
        stdout(&o)
    );

    let newer = version + 1;
    c.execute("UPDATE kinerja_schema SET version = $1", &[&newer]).unwrap();
    for args in [["db", "check"], ["server", "init"]] {
        let o = en(&[args[0], args[1], "--db", url], None);
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(
            stderr(&o).contains(&format!("written by a newer Kinerja (schema {newer}")),
            "{args:?}: {}",
            stderr(&o)
        );
        let now: i64 = c.query_one("SELECT version FROM kinerja_schema", &[]).unwrap().get(0);
        assert_eq!(now, newer, "{args:?} wrote the version");
    }

    // A database Kinerja has not set up is not one of its databases.
    let Some(empty) = TestDb::create("admin_empty") else { return };
    let o = en(&["db", "check", "--db", &empty.url], None);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("holds no Kinerja schema"), "{}", stderr(&o));
}
