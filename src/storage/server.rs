//! Reaching a PostgreSQL server: its address as the user writes it
//! (`postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…]`) and the connection, with every
//! failure worded for the user and the password never shown.

use super::StorageError;
use std::time::Duration;

/// How long a connection attempt may take before the server counts as unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The port PostgreSQL listens on unless told otherwise.
const DEFAULT_PORT: u16 = 5432;

/// Whether the connection is encrypted, as libpq's `sslmode` of the same names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SslMode {
    /// Never TLS.
    Disable,
    /// TLS when the server offers it, plain otherwise.
    Prefer,
    /// TLS or no connection.
    Require,
}

/// A server store's address.
#[derive(Clone, PartialEq, Eq)]
pub struct ServerAddress {
    pub user: String,
    pub password: Option<String>,
    /// A host name or an IP address (an IPv6 address without its brackets).
    pub host: String,
    pub port: u16,
    pub database: String,
    pub sslmode: SslMode,
}

// The password must not reach a log through `{:?}`.
impl std::fmt::Debug for ServerAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown())
    }
}

/// What a server address looks like, for the messages about a bad one.
const EXPECTED_EN: &str = "expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE, optionally ending in ?sslmode=disable, prefer or require";
const EXPECTED_ID: &str = "yang diharapkan postgres://PENGGUNA[:SANDI]@HOST[:PORT]/BASISDATA, boleh diakhiri ?sslmode=disable, prefer atau require";

/// Whether `text` names a server rather than a file: it starts with `postgres://` or
/// `postgresql://` (in any case).
pub fn is_server_address(text: &str) -> bool {
    scheme_rest(text.trim()).is_some()
}

/// What follows `postgres://` or `postgresql://`.
fn scheme_rest(text: &str) -> Option<&str> {
    let (scheme, rest) = text.split_once("://")?;
    (scheme.eq_ignore_ascii_case("postgres") || scheme.eq_ignore_ascii_case("postgresql")).then_some(rest)
}

/// `text` with whatever stands between the user name and the last `@` replaced by `***`: what a
/// message may repeat of an address, even of one that could not be read.
fn mask(text: &str) -> String {
    let Some((scheme, rest)) = text.split_once("://") else { return text.to_string() };
    let Some(at) = rest.rfind('@') else { return text.to_string() };
    let (credentials, host) = rest.split_at(at);
    match credentials.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***{host}"),
        None => text.to_string(),
    }
}

impl ServerAddress {
    /// Reads an address; a bad one is an error saying what is expected.
    pub fn parse(text: &str) -> Result<ServerAddress, StorageError> {
        let text = text.trim();
        let bad = |en: &str, id: &str| StorageError::BadAddress {
            given: mask(text),
            why_en: format!("{en}; {EXPECTED_EN}"),
            why_id: format!("{id}; {EXPECTED_ID}"),
        };
        let rest = scheme_rest(text)
            .ok_or_else(|| bad("it does not start with postgres://", "alamat tidak diawali postgres://"))?;
        let (rest, query) = match rest.split_once('?') {
            Some((r, q)) => (r, Some(q)),
            None => (rest, None),
        };
        let (authority, database) =
            rest.split_once('/').ok_or_else(|| bad("the database name is missing", "nama basis data tidak ada"))?;
        let database = decode(database)
            .ok_or_else(|| bad("the database name is not readable", "nama basis data tidak terbaca"))?;
        if database.is_empty() {
            return Err(bad("the database name is missing", "nama basis data tidak ada"));
        }
        if database.contains('/') {
            return Err(bad("the database name contains '/'", "nama basis data berisi '/'"));
        }
        // The last `@`: a password written without percent-encoding may contain one.
        let at = authority
            .rfind('@')
            .ok_or_else(|| bad("the user name is missing (USER@HOST)", "nama pengguna tidak ada (PENGGUNA@HOST)"))?;
        let (credentials, hostport) = (&authority[..at], &authority[at + 1..]);
        let (user, password) = match credentials.split_once(':') {
            Some((u, p)) => (u, Some(p)),
            None => (credentials, None),
        };
        let user = decode(user).ok_or_else(|| bad("the user name is not readable", "nama pengguna tidak terbaca"))?;
        if user.is_empty() {
            return Err(bad("the user name is missing (USER@HOST)", "nama pengguna tidak ada (PENGGUNA@HOST)"));
        }
        let password = password
            .map(|p| decode(p).ok_or_else(|| bad("the password is not readable", "kata sandi tidak terbaca")))
            .transpose()?;
        let (host, port) = split_host_port(hostport).map_err(|(en, id)| bad(en, id))?;
        let mut sslmode = SslMode::Prefer;
        for pair in query.into_iter().flat_map(|q| q.split('&')).filter(|p| !p.is_empty()) {
            match pair.split_once('=') {
                Some(("sslmode", "disable")) => sslmode = SslMode::Disable,
                Some(("sslmode", "prefer")) => sslmode = SslMode::Prefer,
                Some(("sslmode", "require")) => sslmode = SslMode::Require,
                Some(("sslmode", _)) => {
                    return Err(bad(
                        "sslmode must be disable, prefer or require",
                        "sslmode harus disable, prefer atau require",
                    ))
                }
                _ => {
                    return Err(bad(
                        "the only setting after '?' is sslmode",
                        "satu-satunya pengaturan setelah '?' adalah sslmode",
                    ))
                }
            }
        }
        Ok(ServerAddress { user, password, host, port, database, sslmode })
    }

    /// The address for messages: the password as `***`, the default port and sslmode left out.
    pub fn shown(&self) -> String {
        let password = if self.password.is_some() { ":***" } else { "" };
        let host = if self.host.contains(':') { format!("[{}]", self.host) } else { self.host.clone() };
        let port = if self.port == DEFAULT_PORT { String::new() } else { format!(":{}", self.port) };
        let ssl = match self.sslmode {
            SslMode::Prefer => "",
            SslMode::Disable => "?sslmode=disable",
            SslMode::Require => "?sslmode=require",
        };
        format!("postgres://{}{password}@{host}{port}/{}{ssl}", self.user, self.database)
    }
}

/// `HOST[:PORT]` or `[IPv6][:PORT]`; the messages (English, Indonesian) when it is neither.
fn split_host_port(text: &str) -> Result<(String, u16), (&'static str, &'static str)> {
    const NO_HOST: (&str, &str) = ("the server's host is missing", "host server tidak ada");
    const BAD_PORT: (&str, &str) =
        ("the port must be a number from 1 to 65535", "port harus berupa angka dari 1 sampai 65535");
    let (host, port) = if let Some(bracketed) = text.strip_prefix('[') {
        let (host, after) = bracketed
            .split_once(']')
            .ok_or(("an IPv6 address must be closed with ']'", "alamat IPv6 harus ditutup dengan ']'"))?;
        if host.parse::<std::net::Ipv6Addr>().is_err() {
            return Err((
                "the address between '[' and ']' is not an IPv6 address",
                "alamat di antara '[' dan ']' bukan alamat IPv6",
            ));
        }
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':').ok_or(BAD_PORT)?),
        };
        (host.to_string(), port)
    } else {
        match text.split_once(':') {
            Some((h, p)) => (h.to_string(), Some(p)),
            None => (text.to_string(), None),
        }
    };
    if host.is_empty() {
        return Err(NO_HOST);
    }
    let port = match port {
        None => DEFAULT_PORT,
        Some(p) => p.parse::<u16>().ok().filter(|p| *p > 0).ok_or(BAD_PORT)?,
    };
    Ok((host, port))
}

/// Percent-decoding (`%40` is `@`); `None` for a broken escape or bytes that are not UTF-8.
fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Connects to the server at `address`, through TLS as its sslmode says, giving up after ten
/// seconds.
pub fn connect(address: &ServerAddress) -> Result<postgres::Client, StorageError> {
    let shown = address.shown();
    let mut config = postgres::Config::new();
    config
        .user(&address.user)
        .host(&address.host)
        .port(address.port)
        .dbname(&address.database)
        .connect_timeout(CONNECT_TIMEOUT)
        .application_name("kinerja")
        // Kinerja's statements are small and many; PostgreSQL's JIT compiler, on by default,
        // judges the city's roll-up sums expensive by their correlated subqueries and spends a
        // second compiling a query that runs in 6 ms (docs/performance.md).
        .options("-c jit=off")
        .ssl_mode(match address.sslmode {
            SslMode::Disable => postgres::config::SslMode::Disable,
            SslMode::Prefer => postgres::config::SslMode::Prefer,
            SslMode::Require => postgres::config::SslMode::Require,
        });
    // As libpq does: without a password in the address, `PGPASSWORD` gives it, so that a password
    // need not be written into an address that shells and process lists show.
    match (&address.password, std::env::var("PGPASSWORD")) {
        (Some(p), _) => {
            config.password(p);
        }
        (None, Ok(p)) if !p.is_empty() => {
            config.password(p);
        }
        _ => {}
    }
    let connected = match address.sslmode {
        SslMode::Disable => config.connect(postgres::NoTls),
        SslMode::Prefer | SslMode::Require => {
            // As libpq's prefer and require: the connection is encrypted, the certificate is not
            // checked (a city's server commonly has a certificate of its own making).
            let tls = native_tls::TlsConnector::builder()
                .danger_accept_invalid_certs(true)
                .danger_accept_invalid_hostnames(true)
                .build();
            match tls {
                Ok(tls) => config.connect(postgres_native_tls::MakeTlsConnector::new(tls)),
                // Without the platform's TLS library, prefer still connects in the clear.
                Err(_) if address.sslmode == SslMode::Prefer => config.connect(postgres::NoTls),
                Err(e) => return Err(StorageError::ServerTls { address: shown, detail: e.to_string() }),
            }
        }
    };
    connected.map_err(|e| classify_connect(&e, &shown))
}

/// What a failed connection means for the user.
fn classify_connect(e: &postgres::Error, shown: &str) -> StorageError {
    let address = shown.to_string();
    match e.code().map(|c| c.code()) {
        // 28P01 invalid_password, 28000 invalid_authorization_specification.
        Some("28P01" | "28000") => return StorageError::ServerLogin { address },
        // 3D000 invalid_catalog_name.
        Some("3D000") => return StorageError::NoServerDatabase { address },
        _ => {}
    }
    // The client's error kinds are private; its messages name them (tokio-postgres' Display).
    let text = e.to_string();
    let detail = std::error::Error::source(e).map(|s| s.to_string()).unwrap_or_default();
    if text.starts_with("error performing TLS handshake") {
        StorageError::ServerTls { address, detail }
    } else if text.starts_with("authentication error") {
        // The server asked for a password and none was given.
        StorageError::ServerLogin { address }
    } else if let Some(db) = e.as_db_error() {
        StorageError::ServerUnreachable { address, detail: db.message().to_string() }
    } else {
        let detail = if detail.is_empty() { text } else { format!("{text}: {detail}") };
        StorageError::ServerUnreachable { address, detail }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> ServerAddress {
        match ServerAddress::parse(text) {
            Ok(a) => a,
            Err(e) => panic!("{text}: {e}"),
        }
    }

    fn refused(text: &str) -> (String, String, String) {
        match ServerAddress::parse(text) {
            Err(StorageError::BadAddress { given, why_en, why_id }) => (given, why_en, why_id),
            other => panic!("{text}: expected a bad address, got {other:?}"),
        }
    }

    #[test]
    fn a_full_address_gives_each_part() {
        let a = parsed("postgres://budi:rahasia@db.kota.go.id:6543/kinerja?sslmode=require");
        assert_eq!(a.user, "budi");
        assert_eq!(a.password.as_deref(), Some("rahasia"));
        assert_eq!(a.host, "db.kota.go.id");
        assert_eq!(a.port, 6543);
        assert_eq!(a.database, "kinerja");
        assert_eq!(a.sslmode, SslMode::Require);
    }

    #[test]
    fn port_password_and_sslmode_are_optional() {
        let a = parsed("postgresql://budi@localhost/kinerja");
        assert_eq!((a.user.as_str(), a.password.as_deref(), a.host.as_str()), ("budi", None, "localhost"));
        assert_eq!((a.port, a.sslmode), (5432, SslMode::Prefer));
        assert_eq!(parsed("POSTGRES://u@h/d?sslmode=disable").sslmode, SslMode::Disable);
        assert_eq!(parsed("postgres://u@h/d?sslmode=prefer").sslmode, SslMode::Prefer);
    }

    #[test]
    fn user_and_password_are_percent_decoded() {
        let a = parsed("postgres://siti%20a:p%40ss%3Aw%2Fd%25@h/data%20kota");
        assert_eq!(a.user, "siti a");
        assert_eq!(a.password.as_deref(), Some("p@ss:w/d%"));
        assert_eq!(a.database, "data kota");
        // An unencoded '@' in the password: the host follows the last one.
        let b = parsed("postgres://budi:a@b@h/d");
        assert_eq!((b.password.as_deref(), b.host.as_str()), (Some("a@b"), "h"));
    }

    #[test]
    fn ipv6_hosts_are_written_in_brackets() {
        let a = parsed("postgres://u@[::1]:5433/d");
        assert_eq!((a.host.as_str(), a.port), ("::1", 5433));
        let b = parsed("postgres://u@[fe80::1]/d");
        assert_eq!((b.host.as_str(), b.port), ("fe80::1", 5432));
        assert_eq!(b.shown(), "postgres://u@[fe80::1]/d");
    }

    #[test]
    fn shown_masks_the_password() {
        assert_eq!(parsed("postgres://budi:rahasia@host/db").shown(), "postgres://budi:***@host/db");
        assert_eq!(
            parsed("postgres://budi@host:5433/db?sslmode=require").shown(),
            "postgres://budi@host:5433/db?sslmode=require"
        );
        assert!(!format!("{:?}", parsed("postgres://budi:rahasia@host/db")).contains("rahasia"));
    }

    #[test]
    fn bad_addresses_say_what_is_expected_in_both_languages_without_the_password() {
        for (text, en, id) in [
            ("mysql://u@h/d", "does not start with postgres://", "tidak diawali postgres://"),
            ("postgres://u:rahasia@h", "database name is missing", "nama basis data tidak ada"),
            ("postgres://u:rahasia@h/", "database name is missing", "nama basis data tidak ada"),
            ("postgres://h/d", "user name is missing", "nama pengguna tidak ada"),
            ("postgres://:rahasia@h/d", "user name is missing", "nama pengguna tidak ada"),
            ("postgres://u:rahasia@/d", "host is missing", "host server tidak ada"),
            ("postgres://u:rahasia@h:99999/d", "port must be a number", "port harus berupa angka"),
            ("postgres://u:rahasia@h:0/d", "port must be a number", "port harus berupa angka"),
            ("postgres://u:rahasia@h:x/d", "port must be a number", "port harus berupa angka"),
            ("postgres://u@[::1/d", "closed with ']'", "ditutup dengan ']'"),
            ("postgres://u@[kota]/d", "not an IPv6 address", "bukan alamat IPv6"),
            ("postgres://u:rahasia@h/d?sslmode=verify-full", "sslmode must be", "sslmode harus"),
            ("postgres://u@h/d?timeout=3", "only setting after '?' is sslmode", "satu-satunya pengaturan"),
            ("postgres://u:ra%zzsia@h/d", "password is not readable", "kata sandi tidak terbaca"),
            ("postgres://u%ff@h/d", "user name is not readable", "nama pengguna tidak terbaca"),
        ] {
            let (given, why_en, why_id) = refused(text);
            assert!(why_en.contains(en) && why_en.contains("expected postgres://USER"), "{text}: {why_en}");
            assert!(why_id.contains(id) && why_id.contains("yang diharapkan"), "{text}: {why_id}");
            assert!(!given.contains("rahasia") && !given.contains("ra%zzsia"), "{text}: {given}");
        }
    }

    #[test]
    fn server_addresses_are_told_from_files() {
        assert!(is_server_address("postgres://u@h/d"));
        assert!(is_server_address("PostgreSQL://u@h/d"));
        assert!(!is_server_address("kinerja.sqlite"));
        assert!(!is_server_address("C:\\data\\postgres.db"));
        assert!(!is_server_address("file://kinerja.sqlite"));
    }
}
