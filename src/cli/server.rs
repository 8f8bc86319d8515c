//! The administrator's commands for a city's shared PostgreSQL server: `kinerja server init`,
//! `kinerja server user add|list|remove`, and `kinerja db check` on a server address.
//!
//! What a login may do is the server's to enforce (group roles and row-level security, see
//! `storage::access`); these commands ask, and word the server's answer for the administrator.

use super::{fail, storage_exit_code, EXIT_ERROR};
use crate::app::Location;
use crate::format::Lang;
use crate::storage::access::{self, Role};
use crate::storage::sql::Db;
use crate::storage::{ServerAddress, StorageError, SCHEMA_VERSION};
use crate::text::tr;
use clap::Subcommand;
use std::io::Write;
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum ServerCommand {
    /// Run by the database's owner: bring the server's schema to this version of Kinerja and
    /// create the group roles and the access policies. Running it again is safe: it upgrades
    /// an older schema and makes the policies again as this version words them. Exit code 0:
    /// done; 2: refused or failed.
    Init,
    /// The logins of the city's staff (PostgreSQL login roles) and what each may do.
    User {
        #[command(subcommand)]
        action: UserCommand,
    },
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create a login: admin (every office, manages users), planner (reads every office,
    /// writes its own offices) or reviewer (reads every office, writes nothing). The password
    /// is read from standard input (--password-stdin) or asked on the terminal, never taken
    /// from the command line. A planner's offices are given with --office CODE (repeated).
    /// Exit code 0: created; 2: refused, nothing created.
    Add {
        /// The login name: lowercase letters, digits and _, starting with a letter or _.
        login: String,
        /// admin, planner or reviewer.
        #[arg(long, value_name = "admin|planner|reviewer")]
        role: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List the logins: login, role and the offices a planner writes.
    List,
    /// Remove a login (its office rights go with it; the audit trail keeps its name).
    Remove { login: String },
}

/// Runs a `kinerja server` command against the server database `db`; `offices` are the codes
/// given with `--office`, the offices of a planner being added.
pub fn run(command: ServerCommand, db: &Location, offices: &[String], lang: Lang, out: &mut dyn Write) -> ExitCode {
    let address = match db {
        Location::Server(a) => a,
        Location::File(path) => {
            return fail(tr!(
                lang,
                "'{}' bukan alamat server; perintah ini bekerja pada server basis data, bukan berkas: sebutkan \
                 --db postgres://PENGGUNA@HOST/BASISDATA. Tidak ada yang ditulis.",
                "'{}' is not a server address; this command works on a database server, not a file: give \
                 --db postgres://USER@HOST/DATABASE. Nothing was written.",
                path.display()
            ))
        }
    };
    let adding = matches!(command, ServerCommand::User { action: UserCommand::Add { .. } });
    if !adding && !offices.is_empty() {
        return fail(lang.pick(
            "--office di sini hanya untuk kinerja server user add (kantor seorang planner). Tidak ada yang ditulis.",
            "--office here is only for kinerja server user add (a planner's offices). Nothing was written.",
        ));
    }
    // The password is asked before connecting, once what can be refused without the server is
    // refused: the prompt does not wait behind the network.
    let password = match &command {
        ServerCommand::User { action: UserCommand::Add { login, role, password_stdin } } => {
            if let Err(message) = validate_role(role, lang) {
                return fail(message);
            }
            if let Err(e) = access::validate_login(login) {
                return fail(e.message(lang));
            }
            match read_password(login, *password_stdin, lang) {
                Ok(p) => Some(p),
                Err(message) => return fail(message),
            }
        }
        _ => None,
    };
    let db = match connect(address, lang) {
        Ok(db) => db,
        Err(code) => return code,
    };
    let shown = address.shown();
    match command {
        ServerCommand::Init => init(&db, &shown, lang, out),
        ServerCommand::User { action: UserCommand::Add { login, role, .. } } => {
            add(&db, &login, &role, offices, password.as_deref(), lang)
        }
        ServerCommand::User { action: UserCommand::List } => list(&db, lang, out),
        ServerCommand::User { action: UserCommand::Remove { login } } => remove(&db, &login, lang),
    }
}

/// Why a server command without `--db` (nor `KINERJA_DB`) does nothing.
pub fn no_server(lang: Lang) -> &'static str {
    lang.pick(
        "perintah ini bekerja pada server basis data: sebutkan alamatnya dengan --db postgres://PENGGUNA@HOST/BASISDATA \
         (atau KINERJA_DB). Tidak ada yang ditulis.",
        "this command works on a database server: give its address with --db postgres://USER@HOST/DATABASE \
         (or KINERJA_DB). Nothing was written.",
    )
}

fn connect(address: &ServerAddress, lang: Lang) -> Result<Db, ExitCode> {
    match crate::storage::server::connect(address) {
        Ok(client) => Ok(Db::postgres(client)),
        Err(e) => Err(storage_failure(&e, lang)),
    }
}

fn storage_failure(e: &StorageError, lang: Lang) -> ExitCode {
    eprintln!("kinerja: {}", e.message(lang));
    ExitCode::from(storage_exit_code(e))
}

/// `kinerja server init`: the schema first (the policies cover its tables), then the access.
fn init(db: &Db, shown: &str, lang: Lang, out: &mut dyn Write) -> ExitCode {
    let before = match crate::storage::server_schema_version(db) {
        Ok(v) => v,
        Err(e) => return storage_failure(&e, lang),
    };
    let now = match crate::storage::pg_schema::migrate_server_as(db, shown) {
        Ok(v) => v,
        Err(e) => return storage_failure(&e, lang),
    };
    let schema = if before == now {
        tr!(lang, "skema {now} (sudah terbaru)", "schema {now} (up to date already)")
    } else if before == 0 {
        tr!(lang, "skema {now} dibuat", "schema {now} created")
    } else {
        tr!(lang, "skema ditingkatkan dari {before} ke {now}", "schema upgraded from {before} to {now}")
    };
    let _ = writeln!(out, "{shown}: {schema}");
    if let Err(e) = access::init_access(db) {
        return fail(access_refusal(db, &e, lang));
    }
    let tables = match access::policed_tables(db) {
        Ok(t) => t,
        Err(e) => return fail(access_refusal(db, &e, lang)),
    };
    let groups: Vec<String> = Role::ALL.iter().map(|r| r.group().to_string()).collect();
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "peran kelompok: {}; kebijakan akses pada {} tabel: {}",
            "group roles: {}; access policies on {} tables: {}",
            groups.join(", "),
            tables.len(),
            tables.join(", ")
        )
    );
    ExitCode::SUCCESS
}

fn validate_role(role: &str, lang: Lang) -> Result<Role, String> {
    Role::parse(role).map_err(|e| format!("--role: {} {}", e.message(lang), nothing_created(lang)))
}

/// `kinerja server user add`.
fn add(db: &Db, login: &str, role: &str, offices: &[String], password: Option<&str>, lang: Lang) -> ExitCode {
    let role = match validate_role(role, lang) {
        Ok(r) => r,
        Err(message) => return fail(message),
    };
    match access::add_user(db, login, role, offices, password) {
        Ok(()) => {
            let writes = match role {
                Role::Admin => lang.pick("semua kantor", "every office").to_string(),
                Role::Planner => offices.join(", "),
                Role::Reviewer => lang.pick("tidak ada (hanya membaca)", "none (reads only)").to_string(),
            };
            eprintln!(
                "kinerja: {}",
                tr!(
                    lang,
                    "login {login} dibuat: peran {}, menulis: {writes}",
                    "login {login} created: role {}, writes: {writes}",
                    role.code()
                )
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(access_refusal(db, &e, lang)),
    }
}

/// `kinerja server user list`: one line per login, tab separated.
fn list(db: &Db, lang: Lang, out: &mut dyn Write) -> ExitCode {
    let users = match access::list_users(db) {
        Ok(u) => u,
        Err(e) => return fail(access_refusal(db, &e, lang)),
    };
    let mut text = lang.pick("login\tperan\tkantor\n", "login\trole\toffices\n").to_string();
    for u in &users {
        let offices = match u.role {
            Role::Admin => lang.pick("(semua)", "(all)").to_string(),
            _ if u.offices.is_empty() => "-".to_string(),
            _ => u.offices.join(","),
        };
        text.push_str(&format!("{}\t{}\t{offices}\n", u.login, u.role.code()));
    }
    if out.write_all(text.as_bytes()).is_err() {
        return ExitCode::from(EXIT_ERROR);
    }
    ExitCode::SUCCESS
}

/// `kinerja server user remove`.
fn remove(db: &Db, login: &str, lang: Lang) -> ExitCode {
    match access::remove_user(db, login) {
        Ok(()) => {
            eprintln!("kinerja: {}", tr!(lang, "login {login} dihapus", "login {login} removed"));
            ExitCode::SUCCESS
        }
        Err(e) => fail(access_refusal(db, &e, lang)),
    }
}

/// Two sentences, the first ended with a full stop where its message has none.
fn sentences(first: &str, second: &str) -> String {
    if first.ends_with('.') {
        format!("{first} {second}")
    } else {
        format!("{first}. {second}")
    }
}

fn nothing_created(lang: Lang) -> &'static str {
    lang.pick("Tidak ada yang dibuat.", "Nothing was created.")
}

/// An access error for the administrator: a refusal by the server says who is signed in and
/// who may do it; a server not set up yet says how to set it up.
fn access_refusal(db: &Db, e: &access::AccessError, lang: Lang) -> String {
    use access::AccessError as A;
    match e {
        A::NotAllowed(_) => {
            let who = match access::whoami(db) {
                Ok(s) => match s.role {
                    Some(role) => format!(" {} ({})", s.login, role.code()),
                    None => format!(" {}", s.login),
                },
                Err(_) => String::new(),
            };
            sentences(
                &e.message(lang),
                &tr!(
                    lang,
                    "Login{who} tidak boleh melakukannya: pengguna dikelola oleh admin Kinerja atau pemilik basis \
                     data, server disiapkan (server init) oleh pemilik basis data.",
                    "The login{who} may not do this: users are managed by a Kinerja admin or the database's owner, \
                     the server is set up (server init) by the database's owner."
                ),
            )
        }
        A::NoSchema | A::NotInitialised => sentences(
            &e.message(lang),
            lang.pick(
                "Pemilik basis data menyiapkannya dengan: kinerja server init --db postgres://…",
                "The database's owner sets it up with: kinerja server init --db postgres://…",
            ),
        ),
        _ => e.message(lang),
    }
}

/// `kinerja db check` on a server: the schema version and the access policies, read without
/// writing. Exit code 0: sound; 1: `kinerja server init` is needed (an older schema, missing
/// policies or roles); 2: not a Kinerja database, a newer schema, or the server cannot be asked.
pub fn db_check(address: &ServerAddress, lang: Lang, out: &mut dyn Write) -> ExitCode {
    let db = match connect(address, lang) {
        Ok(db) => db,
        Err(code) => return code,
    };
    let shown = address.shown();
    let version = match crate::storage::server_schema_version(&db) {
        Ok(v) => v,
        Err(e) => return storage_failure(&e, lang),
    };
    if version == 0 {
        return fail(tr!(
            lang,
            "{shown} belum berisi skema Kinerja (kosong, atau milik program lain); pada basis data kosong, \
             pemiliknya menyiapkannya dengan kinerja server init",
            "{shown} holds no Kinerja schema (it is empty, or another program's); the owner of an empty \
             database sets it up with kinerja server init"
        ));
    }
    if version > SCHEMA_VERSION {
        return storage_failure(
            &StorageError::NewerSchema { path: shown, found: version, known: SCHEMA_VERSION },
            lang,
        );
    }
    let mut sound = true;
    if version < SCHEMA_VERSION {
        sound = false;
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "{shown}: skema {version}, versi ini memakai {SCHEMA_VERSION} — kinerja server init (oleh pemilik \
                 basis data) meningkatkannya",
                "{shown}: schema {version}, this version uses {SCHEMA_VERSION} — kinerja server init (run by the \
                 database's owner) upgrades it"
            )
        );
    }
    let problems = match access::check_access(&db) {
        Ok(p) => p,
        Err(e) => return fail(access_refusal(&db, &e, lang)),
    };
    for p in &problems {
        let _ = writeln!(out, "{shown}: {}", p.message(lang));
    }
    if !problems.is_empty() {
        sound = false;
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "kinerja server init (oleh pemilik basis data) memasang kembali peran dan kebijakan akses",
                "kinerja server init (run by the database's owner) puts the roles and access policies back"
            )
        );
    }
    if !sound {
        return ExitCode::from(1);
    }
    let _ = writeln!(
        out,
        "{shown}: {}",
        tr!(
            lang,
            "baik (skema {version}, peran dan kebijakan akses lengkap)",
            "sound (schema {version}, roles and access policies complete)"
        )
    );
    ExitCode::SUCCESS
}

/// The new login's password: the first line of standard input with `--password-stdin`, else
/// asked twice on the terminal without echo. Never from the command line, where other users of
/// the machine could read it in the process list.
fn read_password(login: &str, from_stdin: bool, lang: Lang) -> Result<String, String> {
    use std::io::IsTerminal;
    let password = if from_stdin {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).map_err(|e| {
            tr!(
                lang,
                "kata sandi tidak terbaca dari masukan standar: {e}",
                "the password cannot be read from standard input: {e}"
            )
        })?;
        line.trim_end_matches(['\n', '\r']).to_string()
    } else if std::io::stdin().is_terminal() {
        let first = ask_hidden(&tr!(lang, "Kata sandi untuk {login}: ", "Password for {login}: "), lang)?;
        let again = ask_hidden(lang.pick("Ulangi kata sandi: ", "Repeat the password: "), lang)?;
        if first != again {
            return Err(format!(
                "{} {}",
                lang.pick("kedua kata sandi berbeda.", "the two passwords differ."),
                nothing_created(lang)
            ));
        }
        first
    } else {
        return Err(lang
            .pick(
                "kata sandi tidak diberikan: jalankan di terminal untuk mengetiknya, atau berikan satu baris lewat \
                 masukan standar dengan --password-stdin (kata sandi tidak pernah ditulis di baris perintah). \
                 Tidak ada yang dibuat.",
                "no password given: run it in a terminal to type it, or give one line on standard input with \
                 --password-stdin (a password is never written on the command line). Nothing was created.",
            )
            .to_string());
    };
    if password.is_empty() {
        return Err(format!("{} {}", lang.pick("kata sandi kosong.", "the password is empty."), nothing_created(lang)));
    }
    Ok(password)
}

/// One line typed on the terminal with its echo turned off through `stty` (no crate needed);
/// the echo comes back when the line is read, or when reading fails.
#[cfg(unix)]
fn ask_hidden(prompt: &str, lang: Lang) -> Result<String, String> {
    use std::process::{Command, Stdio};
    struct Echo;
    impl Drop for Echo {
        fn drop(&mut self) {
            let _ = Command::new("stty").arg("echo").stdin(Stdio::inherit()).status();
        }
    }
    let cannot = || {
        lang.pick(
            "gema terminal tidak dapat dimatikan (stty); berikan kata sandi dengan --password-stdin. Tidak ada yang dibuat.",
            "the terminal's echo cannot be turned off (stty); give the password with --password-stdin. Nothing was created.",
        )
        .to_string()
    };
    eprint!("{prompt}");
    let _ = std::io::stderr().flush();
    match Command::new("stty").arg("-echo").stdin(Stdio::inherit()).status() {
        Ok(s) if s.success() => {}
        _ => return Err(cannot()),
    }
    let echo = Echo;
    let mut line = String::new();
    let read = std::io::stdin().read_line(&mut line);
    drop(echo);
    eprintln!();
    read.map_err(|e| tr!(lang, "kata sandi tidak terbaca: {e}", "the password cannot be read: {e}"))?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

/// Without `stty` the echo cannot be turned off without a new dependency: the password comes
/// through `--password-stdin` instead.
#[cfg(not(unix))]
fn ask_hidden(_prompt: &str, lang: Lang) -> Result<String, String> {
    Err(lang
        .pick(
            "pada sistem ini kata sandi tidak dapat diketik tanpa terlihat; berikan lewat masukan standar dengan \
             --password-stdin (misalnya dari berkas: < sandi.txt). Tidak ada yang dibuat.",
            "on this system a password cannot be typed unseen; give it on standard input with --password-stdin \
             (for example from a file: < password.txt). Nothing was created.",
        )
        .to_string())
}
