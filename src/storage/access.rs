//! Who may do what on a shared PostgreSQL server, enforced by the server itself.
//!
//! Kinerja's users on a server are PostgreSQL login roles, each a member of one of three group
//! roles: `kinerja_admin` (Bappeda: every office, the offices themselves, the users),
//! `kinerja_planner` (reads every office, writes the offices listed for it in
//! `kinerja_user_office`) and `kinerja_reviewer` (reads everything, writes nothing). Grants and
//! row-level security say the same on the server, so a login cannot do through `psql` what
//! Kinerja would refuse.
//!
//! Roles are cluster-wide: the groups and the logins are shared by every database of the
//! server, while the offices of a planner are rows of the database. One city's Kinerja database
//! per server is what this is made for; [`list_users`] shows every Kinerja login of the server.
//!
//! Tables the migrations add later get their grants and policies when [`init_access`] runs
//! again; [`check_access`] says which are missing.

use super::sql::{args, Db, DbError, Engine, Tx};
use crate::format::Lang;

/// What a Kinerja user may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Bappeda: every office, imports offices, manages users.
    Admin,
    /// Reads every office, writes only its own.
    Planner,
    /// Inspektorat, the head, the mayor's office: reads every office, writes nothing.
    Reviewer,
}

impl Role {
    /// Strongest first: a login in several groups is the first it belongs to.
    pub const ALL: [Role; 3] = [Role::Admin, Role::Planner, Role::Reviewer];

    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Planner => "planner",
            Role::Reviewer => "reviewer",
        }
    }

    pub fn parse(text: &str) -> Result<Role, AccessError> {
        let wanted = text.trim().to_ascii_lowercase();
        Role::ALL.into_iter().find(|r| r.code() == wanted).ok_or_else(|| AccessError::UnknownRole(text.to_string()))
    }

    /// The group role on the server.
    pub fn group(self) -> &'static str {
        match self {
            Role::Admin => "kinerja_admin",
            Role::Planner => "kinerja_planner",
            Role::Reviewer => "kinerja_reviewer",
        }
    }
}

/// One Kinerja login of the server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserInfo {
    pub login: String,
    pub role: Role,
    /// The codes of the offices a planner writes, in code order (empty for the others).
    pub offices: Vec<String>,
}

/// The login a connection runs as, and what it may write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedIn {
    pub login: String,
    /// `None`: not a Kinerja user (a superuser owner, or a role outside the three groups).
    pub role: Option<Role>,
    pub writable: Writable,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Writable {
    All,
    /// The ids of the offices, ascending.
    Offices(Vec<i64>),
    None,
}

/// Something the server lacks for its own enforcement of office boundaries.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AccessProblem {
    #[error("the group role {0} does not exist")]
    GroupMissing(String),
    #[error("the function kinerja_may_write does not exist")]
    FunctionMissing,
    #[error("the table kinerja_user_office (the offices of each planner) does not exist")]
    UserOfficeTableMissing,
    #[error("table {0}: row-level security is not enabled")]
    RlsNotEnabled(String),
    #[error("table {0}: row-level security is not forced on its owner")]
    RlsNotForced(String),
    #[error("table {table}: the policy {policy} is missing")]
    PolicyMissing { table: String, policy: String },
    #[error("table {table}: {group} lacks the {privilege} grant")]
    GrantMissing { table: String, group: String, privilege: String },
    #[error("table {table}: {group} holds a {privilege} grant it must not have")]
    GrantTooWide { table: String, group: String, privilege: String },
}

impl AccessProblem {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Id => self.message_id(),
            Lang::En => self.to_string(),
        }
    }

    pub fn message_id(&self) -> String {
        match self {
            AccessProblem::GroupMissing(g) => format!("Peran kelompok {g} tidak ada."),
            AccessProblem::FunctionMissing => "Fungsi kinerja_may_write tidak ada.".into(),
            AccessProblem::UserOfficeTableMissing => {
                "Tabel kinerja_user_office (kantor setiap perencana) tidak ada.".into()
            }
            AccessProblem::RlsNotEnabled(t) => format!("Tabel {t}: keamanan tingkat baris tidak aktif."),
            AccessProblem::RlsNotForced(t) => {
                format!("Tabel {t}: keamanan tingkat baris tidak dipaksakan pada pemiliknya.")
            }
            AccessProblem::PolicyMissing { table, policy } => format!("Tabel {table}: kebijakan {policy} tidak ada."),
            AccessProblem::GrantMissing { table, group, privilege } => {
                format!("Tabel {table}: {group} tidak memiliki hak {privilege}.")
            }
            AccessProblem::GrantTooWide { table, group, privilege } => {
                format!("Tabel {table}: {group} memiliki hak {privilege} yang tidak boleh dimilikinya.")
            }
        }
    }
}

/// Why a user could not be added, listed or removed, or access could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    #[error("users and access rights exist only on a PostgreSQL server, not in a database file")]
    NotAServer,
    #[error("the Kinerja tables are not on this server yet (no table office); run the migrations first")]
    NoSchema,
    #[error("access rights are not set up on this server yet; run the access setup (as the database owner) first")]
    NotInitialised,
    #[error("'{0}' is not a valid login: use 1 to 63 characters, lowercase letters a-z, digits and _, starting with a letter or _")]
    BadLogin(String),
    #[error("'{0}' is not a valid login: names starting with pg_ or kinerja_ are reserved")]
    ReservedLogin(String),
    #[error("'{0}' is not a role: expected admin, planner or reviewer")]
    UnknownRole(String),
    #[error("office {0} not found in the database; nothing was changed")]
    UnknownOffice(String),
    #[error("a planner needs at least one office to write; nothing was changed")]
    PlannerWithoutOffice,
    #[error("only a planner is given offices (an admin writes every office, a reviewer none); nothing was changed")]
    OfficesNotForRole(Role),
    #[error("the password is empty; give a password or none at all")]
    EmptyPassword,
    #[error("the login {0} already exists on the server; nothing was changed — remove it first to give it another role or other offices")]
    LoginExists(String),
    #[error("there is no login {0} on the server")]
    NoSuchUser(String),
    #[error("the login {0} is not a Kinerja user; it was not removed")]
    NotAKinerjaUser(String),
    #[error("the login {0} is the one signed in; another admin must remove it")]
    RemoveSelf(String),
    #[error("not allowed: the server refused it for this login ({0}); nothing was changed")]
    NotAllowed(String),
    #[error(transparent)]
    Db(DbError),
}

impl From<DbError> for AccessError {
    /// A refusal by the server (a grant or a policy) is "not allowed", not a database fault.
    fn from(e: DbError) -> AccessError {
        if e.is_permission_denied() {
            AccessError::NotAllowed(e.to_string())
        } else {
            AccessError::Db(e)
        }
    }
}

impl AccessError {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Id => self.message_id(),
            Lang::En => self.to_string(),
        }
    }

    pub fn message_id(&self) -> String {
        match self {
            AccessError::NotAServer => {
                "Pengguna dan hak akses hanya ada pada server PostgreSQL, bukan pada berkas basis data.".into()
            }
            AccessError::NoSchema => {
                "Tabel Kinerja belum ada di server ini (tidak ada tabel office); jalankan migrasi lebih dahulu.".into()
            }
            AccessError::NotInitialised => {
                "Hak akses belum disiapkan di server ini; jalankan penyiapan akses (sebagai pemilik basis data) lebih dahulu."
                    .into()
            }
            AccessError::BadLogin(l) => format!(
                "'{l}' bukan nama login yang sah: gunakan 1 sampai 63 karakter, huruf kecil a-z, angka dan _, diawali huruf atau _."
            ),
            AccessError::ReservedLogin(l) => {
                format!("'{l}' bukan nama login yang sah: nama yang diawali pg_ atau kinerja_ sudah dicadangkan.")
            }
            AccessError::UnknownRole(r) => format!("'{r}' bukan peran: pilih admin, planner atau reviewer."),
            AccessError::UnknownOffice(c) => {
                format!("Kantor {c} tidak ada di basis data; tidak ada yang diubah.")
            }
            AccessError::PlannerWithoutOffice => {
                "Perencana (planner) memerlukan paling sedikit satu kantor untuk ditulis; tidak ada yang diubah.".into()
            }
            AccessError::OfficesNotForRole(_) => {
                "Hanya perencana (planner) yang diberi kantor (admin menulis semua kantor, reviewer tidak menulis); tidak ada yang diubah."
                    .into()
            }
            AccessError::EmptyPassword => "Kata sandi kosong; berikan kata sandi atau tanpa kata sandi sama sekali.".into(),
            AccessError::LoginExists(l) => format!(
                "Login {l} sudah ada di server; tidak ada yang diubah — hapus dahulu untuk memberinya peran atau kantor lain."
            ),
            AccessError::NoSuchUser(l) => format!("Tidak ada login {l} di server."),
            AccessError::NotAKinerjaUser(l) => format!("Login {l} bukan pengguna Kinerja; login itu tidak dihapus."),
            AccessError::RemoveSelf(l) => {
                format!("Login {l} adalah login yang sedang dipakai; admin lain harus menghapusnya.")
            }
            AccessError::NotAllowed(detail) => {
                format!("Tidak diizinkan: server menolaknya untuk login ini ({detail}); tidak ada yang diubah.")
            }
            AccessError::Db(e) => format!("Kesalahan basis data: {e}"),
        }
    }
}

pub type AccessResult<T> = Result<T, AccessError>;

/// The table a planner's offices are kept in.
const USER_OFFICE: &str = "kinerja_user_office";
/// The audit trail: written by every writer, changed by nobody.
const AUDIT_LOG: &str = "audit_log";
const FUNCTION: &str = "kinerja_may_write";
const POLICIES: [&str; 4] = ["kinerja_read", "kinerja_insert", "kinerja_update", "kinerja_delete"];
const PRIVILEGES: [&str; 4] = ["SELECT", "INSERT", "UPDATE", "DELETE"];
/// `pg_advisory_xact_lock` key of the setup: two setups of one database run one after the other.
const SETUP_LOCK: i64 = 0x4B4E_524A_0000_0015;

/// What a table is, for its grants and policies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TableKind {
    /// `office`: rows keyed by `id`; made and removed by admins, its details updated by an
    /// admin or a planner of that office (importing its dataset again rewrites them).
    Office,
    UserOffice,
    /// A table with `office_id`.
    OfficeData,
    AuditLog,
    /// A table of the whole city (no `office_id`): written by admins only.
    CityWide,
}

impl TableKind {
    /// The column naming the office of a row, where rows belong to an office.
    fn office_column(self) -> Option<&'static str> {
        match self {
            TableKind::Office => Some("id"),
            TableKind::OfficeData | TableKind::AuditLog => Some("office_id"),
            TableKind::UserOffice | TableKind::CityWide => None,
        }
    }

    /// Whether `role`'s group holds `privilege` on a table of this kind: the one rule both the
    /// setup and the check follow.
    fn grants(self, role: Role, privilege: &str) -> bool {
        if privilege == "SELECT" {
            return true;
        }
        match (role, self) {
            (Role::Reviewer, _) => false,
            (_, TableKind::AuditLog) => privilege == "INSERT",
            (Role::Admin, _) => true,
            (Role::Planner, TableKind::Office) => privilege == "UPDATE",
            (Role::Planner, kind) => kind == TableKind::OfficeData,
        }
    }
}

/// The tables of the schema with what each is.
fn tables(db: &Db) -> AccessResult<Vec<(String, TableKind)>> {
    let with_office: Vec<String> = db.tables_with_column("office_id")?;
    let all: Vec<String> = db.query_map(
        "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1",
        &[],
        |r| r.get(0),
    )?;
    Ok(all
        .into_iter()
        .map(|t| {
            let kind = match t.as_str() {
                "office" => TableKind::Office,
                USER_OFFICE => TableKind::UserOffice,
                AUDIT_LOG => TableKind::AuditLog,
                _ if with_office.contains(&t) => TableKind::OfficeData,
                _ => TableKind::CityWide,
            };
            (t, kind)
        })
        .collect())
}

fn server_tx(db: &Db) -> AccessResult<Tx<'_>> {
    if db.engine() != Engine::Postgres {
        return Err(AccessError::NotAServer);
    }
    Ok(db.transaction()?)
}

/// An SQL identifier, quoted.
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// An SQL string literal (standard-conforming: only `'` is special).
fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn current_schema(db: &Db) -> AccessResult<String> {
    Ok(db.query_row("SELECT current_schema()::text", &[], |r| r.get(0))?)
}

/// Whether a relation of this name exists in the current schema.
fn relation_exists(db: &Db, name: &str) -> AccessResult<bool> {
    Ok(db.query_row(
        "SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = ?1)",
        &args![name],
        |r| r.get(0),
    )?)
}

fn role_exists(db: &Db, name: &str) -> AccessResult<bool> {
    Ok(db.query_row("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?1)", &args![name], |r| r.get(0))?)
}

fn groups_exist(db: &Db) -> AccessResult<bool> {
    for role in Role::ALL {
        if !role_exists(db, role.group())? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Sets up (or brings up to date) the server's enforcement of office boundaries: the three
/// group roles, `kinerja_user_office`, the function `kinerja_may_write`, row-level security and
/// policies on `office` and every table with `office_id`, and the grants of every table.
/// Idempotent; run it again after migrations add tables. Needs the tables' owner with
/// CREATEROLE (or a superuser).
///
/// The policies are dropped and made again, and every grant to the three groups is revoked and
/// given again, so that a newer version's rules replace an older one's.
pub fn init_access(db: &Db) -> AccessResult<()> {
    let tx = server_tx(db)?;
    tx.execute("SELECT pg_advisory_xact_lock(?1)", &args![SETUP_LOCK])?;
    if !relation_exists(&tx, "office")? {
        return Err(AccessError::NoSchema);
    }
    create_groups(&tx)?;
    let schema = ident(&current_schema(&tx)?);
    tx.batch(&format!(
        "CREATE TABLE IF NOT EXISTS {schema}.{USER_OFFICE} (
             login TEXT NOT NULL,
             office_id BIGINT NOT NULL REFERENCES {schema}.office(id) ON DELETE CASCADE,
             PRIMARY KEY (login, office_id)
         )"
    ))?;
    // session_user, not current_user: the login that signed in, whatever role it SET ROLE to
    // and inside SECURITY DEFINER functions (where current_user is the function's owner — an
    // owner's function would otherwise write any office for any caller). Every name is
    // qualified, so that a temporary table of the caller's named kinerja_user_office (temporary
    // tables come first on the search path) cannot stand in for the real one.
    tx.batch(&format!(
        "CREATE OR REPLACE FUNCTION {schema}.{FUNCTION}(office BIGINT) RETURNS BOOLEAN
         LANGUAGE sql STABLE AS $fn$
             SELECT pg_catalog.pg_has_role(session_user, 'kinerja_admin', 'MEMBER')
                 OR (pg_catalog.pg_has_role(session_user, 'kinerja_planner', 'MEMBER')
                     AND EXISTS (SELECT 1 FROM {schema}.{USER_OFFICE} u
                                 WHERE u.login = session_user::text AND u.office_id = $1))
         $fn$;
         REVOKE ALL ON FUNCTION {schema}.{FUNCTION}(BIGINT) FROM PUBLIC;
         GRANT EXECUTE ON FUNCTION {schema}.{FUNCTION}(BIGINT) TO kinerja_admin, kinerja_planner, kinerja_reviewer;
         GRANT USAGE ON SCHEMA {schema} TO kinerja_admin, kinerja_planner, kinerja_reviewer;
         GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO kinerja_admin, kinerja_planner;"
    ))?;
    for (table, kind) in tables(&tx)? {
        let t = format!("{schema}.{}", ident(&table));
        let mut sql = format!("REVOKE ALL ON {t} FROM kinerja_admin, kinerja_planner, kinerja_reviewer;\n");
        for role in Role::ALL {
            let granted: Vec<&str> = PRIVILEGES.into_iter().filter(|p| kind.grants(role, p)).collect();
            sql.push_str(&format!("GRANT {} ON {t} TO {};\n", granted.join(", "), role.group()));
        }
        if let Some(column) = kind.office_column() {
            let old: Vec<String> = tx.query_map(
                "SELECT policyname::text FROM pg_policies
                 WHERE schemaname = current_schema() AND tablename = ?1 AND policyname LIKE 'kinerja\\_%'",
                &args![table],
                |r| r.get(0),
            )?;
            for policy in old {
                sql.push_str(&format!("DROP POLICY {} ON {t};\n", ident(&policy)));
            }
            let may = format!("{schema}.{FUNCTION}({column})");
            sql.push_str(&format!(
                "ALTER TABLE {t} ENABLE ROW LEVEL SECURITY;
                 ALTER TABLE {t} FORCE ROW LEVEL SECURITY;
                 CREATE POLICY kinerja_read ON {t} FOR SELECT TO kinerja_admin, kinerja_planner, kinerja_reviewer USING (true);
                 CREATE POLICY kinerja_insert ON {t} FOR INSERT TO kinerja_admin, kinerja_planner WITH CHECK ({may});
                 CREATE POLICY kinerja_update ON {t} FOR UPDATE TO kinerja_admin, kinerja_planner USING ({may}) WITH CHECK ({may});
                 CREATE POLICY kinerja_delete ON {t} FOR DELETE TO kinerja_admin, kinerja_planner USING ({may});\n"
            ));
        }
        tx.batch(&sql)?;
    }
    tx.commit()?;
    Ok(())
}

/// The three groups, made when missing. Roles belong to the whole server, so another
/// database's setup may be making them at the same moment (the advisory lock is per database):
/// a role that appeared meanwhile is taken as made.
fn create_groups(db: &Db) -> AccessResult<()> {
    let mut sql = String::from("DO $do$ BEGIN\n");
    for role in Role::ALL {
        let g = role.group();
        sql.push_str(&format!(
            "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{g}') THEN
                 BEGIN CREATE ROLE {g} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
             END IF;\n"
        ));
    }
    // Admins grant the other two groups to the logins they add: on PostgreSQL 16 and later that
    // takes ADMIN OPTION on them, which the admin group holds for its members.
    for g in ["kinerja_planner", "kinerja_reviewer"] {
        sql.push_str(&format!(
            "IF NOT EXISTS (SELECT 1 FROM pg_auth_members m
                            WHERE m.roleid = '{g}'::regrole AND m.member = 'kinerja_admin'::regrole AND m.admin_option) THEN
                 BEGIN GRANT {g} TO kinerja_admin WITH ADMIN OPTION; EXCEPTION WHEN unique_violation THEN NULL; END;
             END IF;\n"
        ));
    }
    sql.push_str("END $do$;");
    Ok(db.batch(&sql)?)
}

/// Refuses a login name Kinerja would not make: `[a-z_][a-z0-9_]{0,62}`, not `pg_…` (the
/// server's own) nor `kinerja_…` (the groups').
pub fn validate_login(login: &str) -> AccessResult<()> {
    let mut chars = login.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_lowercase() || c == '_');
    let rest_ok = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !first_ok || !rest_ok || login.len() > 63 {
        return Err(AccessError::BadLogin(login.to_string()));
    }
    if login.starts_with("pg_") || login.starts_with("kinerja_") {
        return Err(AccessError::ReservedLogin(login.to_string()));
    }
    Ok(())
}

/// Adds a login with its role (and, for a planner, the codes of the offices it writes).
///
/// An existing login is refused, not changed: the name may be a role of the server's that is no
/// Kinerja user, and giving a user another role or other offices is a removal and an addition,
/// said as such. The password is sent as a SCRAM-SHA-256 verifier computed here, so that the
/// plain password never reaches the server (nor its logs); without one the login signs in only
/// by another method the server allows (a certificate, peer). An admin login also gets
/// CREATEROLE (and ADMIN OPTION on the admin group) so that it can add and remove users.
pub fn add_user(db: &Db, login: &str, role: Role, offices: &[String], password: Option<&str>) -> AccessResult<()> {
    validate_login(login)?;
    match role {
        Role::Planner if offices.is_empty() => return Err(AccessError::PlannerWithoutOffice),
        Role::Admin | Role::Reviewer if !offices.is_empty() => return Err(AccessError::OfficesNotForRole(role)),
        _ => {}
    }
    if password == Some("") {
        return Err(AccessError::EmptyPassword);
    }
    let tx = server_tx(db)?;
    if !groups_exist(&tx)? || !relation_exists(&tx, USER_OFFICE)? {
        return Err(AccessError::NotInitialised);
    }
    let mut ids = Vec::with_capacity(offices.len());
    for code in offices {
        let id: Option<i64> = tx.query_opt("SELECT id FROM office WHERE code = ?1", &args![code], |r| r.get(0))?;
        let id = id.ok_or_else(|| AccessError::UnknownOffice(code.clone()))?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if role_exists(&tx, login)? {
        return Err(AccessError::LoginExists(login.to_string()));
    }
    let name = ident(login);
    let mut sql = format!("CREATE ROLE {name} LOGIN");
    if role == Role::Admin {
        sql.push_str(" CREATEROLE");
    }
    if let Some(password) = password {
        let verifier = postgres_protocol::password::scram_sha_256(password.as_bytes());
        sql.push_str(&format!(" PASSWORD {}", literal(&verifier)));
    }
    sql.push_str(&format!(";\nGRANT {} TO {name}", role.group()));
    if role == Role::Admin {
        sql.push_str(" WITH ADMIN OPTION");
    }
    tx.batch(&sql)?;
    for id in ids {
        tx.execute(&format!("INSERT INTO {USER_OFFICE} (login, office_id) VALUES (?1, ?2)"), &args![login, id])?;
    }
    tx.commit()?;
    Ok(())
}

/// Every Kinerja login of the server (a direct member of one of the three groups), by login.
pub fn list_users(db: &Db) -> AccessResult<Vec<UserInfo>> {
    let tx = server_tx(db)?;
    let members: Vec<(String, String)> = tx.query_map(
        "SELECT m.rolname::text, g.rolname::text
         FROM pg_auth_members am
         JOIN pg_roles g ON g.oid = am.roleid
         JOIN pg_roles m ON m.oid = am.member
         WHERE g.rolname IN ('kinerja_admin', 'kinerja_planner', 'kinerja_reviewer')
           AND m.rolname NOT IN ('kinerja_admin', 'kinerja_planner', 'kinerja_reviewer')
         ORDER BY 1, 2",
        &[],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let offices: Vec<(String, String)> = if relation_exists(&tx, USER_OFFICE)? {
        tx.query_map(
            &format!(
                "SELECT u.login, o.code FROM {USER_OFFICE} u JOIN office o ON o.id = u.office_id ORDER BY u.login, o.code"
            ),
            &[],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?
    } else {
        Vec::new()
    };
    let mut users: Vec<UserInfo> = Vec::new();
    for (login, group) in members {
        let Some(role) = Role::ALL.into_iter().find(|r| r.group() == group) else { continue };
        match users.last_mut() {
            Some(last) if last.login == login => {
                if Role::ALL.iter().position(|r| *r == role) < Role::ALL.iter().position(|r| *r == last.role) {
                    last.role = role;
                }
            }
            _ => users.push(UserInfo { login, role, offices: Vec::new() }),
        }
    }
    for user in users.iter_mut().filter(|u| u.role == Role::Planner) {
        user.offices = offices.iter().filter(|(l, _)| *l == user.login).map(|(_, c)| c.clone()).collect();
    }
    tx.commit()?;
    Ok(users)
}

/// Removes a Kinerja login: its offices and the role itself. A role that is no Kinerja user
/// (the owner, the server's own) is refused, and so is the login signed in.
pub fn remove_user(db: &Db, login: &str) -> AccessResult<()> {
    validate_login(login)?;
    let tx = server_tx(db)?;
    if !role_exists(&tx, login)? {
        return Err(AccessError::NoSuchUser(login.to_string()));
    }
    let kinerja: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM pg_auth_members am
                        JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member
                        WHERE m.rolname = ?1 AND g.rolname IN ('kinerja_admin', 'kinerja_planner', 'kinerja_reviewer'))",
        &args![login],
        |r| r.get(0),
    )?;
    if !kinerja {
        return Err(AccessError::NotAKinerjaUser(login.to_string()));
    }
    let me: String = tx.query_row("SELECT session_user::text", &[], |r| r.get(0))?;
    if me == login {
        return Err(AccessError::RemoveSelf(login.to_string()));
    }
    if relation_exists(&tx, USER_OFFICE)? {
        tx.execute(&format!("DELETE FROM {USER_OFFICE} WHERE login = ?1"), &args![login])?;
    }
    tx.batch(&format!("DROP ROLE {}", ident(login)))?;
    tx.commit()?;
    Ok(())
}

/// The login of this connection (the one that signed in, as `kinerja_may_write` sees it), its
/// role and what it may write.
pub fn whoami(db: &Db) -> AccessResult<SignedIn> {
    let tx = server_tx(db)?;
    let (login, bypass): (String, bool) = tx.query_row(
        "SELECT r.rolname::text, r.rolsuper OR r.rolbypassrls FROM pg_roles r WHERE r.rolname = session_user",
        &[],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    // A superuser is a member of every role for pg_has_role: it is no Kinerja user, it is above.
    let mut role = None;
    if !bypass {
        for candidate in Role::ALL {
            let member: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = ?1 AND pg_has_role(session_user, g.oid, 'MEMBER'))",
                &args![candidate.group()],
                |r| r.get(0),
            )?;
            if member {
                role = Some(candidate);
                break;
            }
        }
    }
    let writable = match role {
        _ if bypass => Writable::All,
        Some(Role::Admin) => Writable::All,
        Some(Role::Planner) if relation_exists(&tx, USER_OFFICE)? => Writable::Offices(tx.query_map(
            &format!("SELECT office_id FROM {USER_OFFICE} WHERE login = session_user::text ORDER BY office_id"),
            &[],
            |r| r.get(0),
        )?),
        _ => Writable::None,
    };
    tx.commit()?;
    Ok(SignedIn { login, role, writable })
}

/// The tables under row-level security (`office` and every table with `office_id`), by name:
/// those [`init_access`] gives policies.
pub fn policed_tables(db: &Db) -> AccessResult<Vec<String>> {
    if db.engine() != Engine::Postgres {
        return Err(AccessError::NotAServer);
    }
    Ok(tables(db)?.into_iter().filter(|(_, kind)| kind.office_column().is_some()).map(|(t, _)| t).collect())
}

/// What the server lacks for its enforcement of office boundaries (nothing: an empty list).
pub fn check_access(db: &Db) -> AccessResult<Vec<AccessProblem>> {
    let tx = server_tx(db)?;
    let mut problems = Vec::new();
    for role in Role::ALL {
        if !role_exists(&tx, role.group())? {
            problems.push(AccessProblem::GroupMissing(role.group().to_string()));
        }
    }
    let function: bool = tx.query_row(
        "SELECT to_regprocedure(quote_ident(current_schema()) || '.kinerja_may_write(bigint)') IS NOT NULL",
        &[],
        |r| r.get(0),
    )?;
    if !function {
        problems.push(AccessProblem::FunctionMissing);
    }
    if !relation_exists(&tx, USER_OFFICE)? {
        problems.push(AccessProblem::UserOfficeTableMissing);
    }
    let groups = problems.iter().all(|p| !matches!(p, AccessProblem::GroupMissing(_)));
    for (table, kind) in tables(&tx)? {
        if kind.office_column().is_some() {
            let (enabled, forced): (bool, bool) = tx.query_row(
                "SELECT c.relrowsecurity, c.relforcerowsecurity FROM pg_class c
                 WHERE c.oid = (quote_ident(current_schema()) || '.' || quote_ident(?1))::regclass",
                &args![table],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if !enabled {
                problems.push(AccessProblem::RlsNotEnabled(table.clone()));
            }
            if !forced {
                problems.push(AccessProblem::RlsNotForced(table.clone()));
            }
            let present: Vec<String> = tx.query_map(
                "SELECT policyname::text FROM pg_policies WHERE schemaname = current_schema() AND tablename = ?1",
                &args![table],
                |r| r.get(0),
            )?;
            for policy in POLICIES.into_iter().filter(|p| !present.iter().any(|q| q == p)) {
                problems.push(AccessProblem::PolicyMissing { table: table.clone(), policy: policy.to_string() });
            }
        }
        if !groups {
            continue;
        }
        for role in Role::ALL {
            for privilege in PRIVILEGES {
                let held: bool = tx.query_row(
                    "SELECT has_table_privilege(CAST(?1 AS name), quote_ident(current_schema()) || '.' || quote_ident(?2), CAST(?3 AS text))",
                    &args![role.group(), table, privilege],
                    |r| r.get(0),
                )?;
                let (table, group, privilege) = (table.clone(), role.group().to_string(), privilege.to_string());
                match (kind.grants(role, &privilege), held) {
                    (true, false) => problems.push(AccessProblem::GrantMissing { table, group, privilege }),
                    (false, true) => problems.push(AccessProblem::GrantTooWide { table, group, privilege }),
                    _ => {}
                }
            }
        }
    }
    tx.commit()?;
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_follow_the_server_s_plain_names_and_reserved_prefixes_are_refused() {
        for good in ["a", "_x", "planner_dinkes2", &"a".repeat(63)] {
            assert!(validate_login(good).is_ok(), "{good}");
        }
        for bad in ["", "1abc", "Budi", "budi-s", "budi s", "x\"; DROP ROLE y; --", "é", &"a".repeat(64)] {
            assert!(matches!(validate_login(bad), Err(AccessError::BadLogin(_))), "{bad}");
        }
        for reserved in ["pg_monitor", "kinerja_admin", "kinerja_x"] {
            assert!(matches!(validate_login(reserved), Err(AccessError::ReservedLogin(_))), "{reserved}");
        }
        let e = validate_login("Budi").unwrap_err();
        assert!(e.message(Lang::Id).contains("huruf kecil"));
        assert!(e.message(Lang::En).contains("lowercase"));
    }

    #[test]
    fn roles_read_their_own_codes_and_nothing_else() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.code()).unwrap(), role);
        }
        assert_eq!(Role::parse(" Planner ").unwrap(), Role::Planner);
        let e = Role::parse("superuser").unwrap_err();
        assert!(e.to_string().contains("admin, planner or reviewer"));
        assert!(e.message(Lang::Id).contains("bukan peran"));
    }

    #[test]
    fn the_audit_trail_is_insert_only_and_planners_write_only_office_data() {
        assert!(TableKind::AuditLog.grants(Role::Planner, "INSERT"));
        assert!(TableKind::AuditLog.grants(Role::Admin, "INSERT"));
        for role in [Role::Admin, Role::Planner] {
            assert!(!TableKind::AuditLog.grants(role, "UPDATE"));
            assert!(!TableKind::AuditLog.grants(role, "DELETE"));
        }
        for kind in [TableKind::Office, TableKind::UserOffice, TableKind::CityWide] {
            assert!(!kind.grants(Role::Planner, "INSERT") && kind.grants(Role::Admin, "DELETE"));
        }
        assert!(TableKind::OfficeData.grants(Role::Planner, "UPDATE"));
        // Its own office's details, through the policy on `id`; never a new or removed office.
        assert!(TableKind::Office.grants(Role::Planner, "UPDATE"));
        assert!(!TableKind::Office.grants(Role::Planner, "DELETE"));
        for p in ["INSERT", "UPDATE", "DELETE"] {
            assert!(!TableKind::OfficeData.grants(Role::Reviewer, p));
        }
        assert!(TableKind::CityWide.grants(Role::Reviewer, "SELECT"));
    }

    #[test]
    fn names_and_texts_are_quoted_for_the_server() {
        assert_eq!(ident("a\"b"), "\"a\"\"b\"");
        assert_eq!(literal("it's"), "'it''s'");
    }

    #[test]
    fn a_database_file_has_no_users() {
        let db = Db::sqlite(rusqlite::Connection::open_in_memory().unwrap());
        assert!(matches!(init_access(&db), Err(AccessError::NotAServer)));
        assert!(matches!(list_users(&db), Err(AccessError::NotAServer)));
        assert!(matches!(whoami(&db), Err(AccessError::NotAServer)));
        assert!(matches!(check_access(&db), Err(AccessError::NotAServer)));
    }
}
