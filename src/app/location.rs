//! Where the data is: a database file, or a database on a PostgreSQL server. Read once from
//! `--db` or `KINERJA_DB`, so that an address is never taken for a file name.

use crate::format::Lang;
use crate::storage::{ServerAddress, StorageError};
use std::ffi::OsStr;
use std::path::PathBuf;

/// A database file or a server database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    File(PathBuf),
    Server(ServerAddress),
}

/// Why `--db` names no database Kinerja can open.
#[derive(Debug, thiserror::Error)]
pub enum LocationError {
    /// `scheme://…` of a kind Kinerja does not speak (the address with its password masked).
    #[error(
        "'{0}' is the address of a database server Kinerja cannot use, not a file; Kinerja keeps its data in a database file or on a PostgreSQL server: give --db a file path (for example kinerja.sqlite) or postgres://USER@HOST/DATABASE. Nothing was written."
    )]
    OtherServer(String),
    /// A `postgres://` address that cannot be read.
    #[error("{0}")]
    BadAddress(StorageError),
}

impl LocationError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LocationError::OtherServer(address), Lang::Id) => format!(
                "'{address}' adalah alamat server basis data yang tidak dapat dipakai Kinerja, bukan berkas; Kinerja menyimpan data dalam berkas basis data atau di server PostgreSQL: beri --db jalur berkas (misalnya kinerja.sqlite) atau postgres://PENGGUNA@HOST/BASISDATA. Tidak ada yang ditulis."
            ),
            (LocationError::BadAddress(e), lang) => e.message(lang),
            (e, Lang::En) => e.to_string(),
        }
    }
}

impl Location {
    /// Reads `--db` (or `KINERJA_DB`): `postgres://` and `postgresql://` name a server,
    /// `file://PATH` and anything without a scheme a file.
    pub fn parse(text: &OsStr) -> Result<Location, LocationError> {
        let Some(s) = text.to_str() else { return Ok(Location::File(PathBuf::from(text))) };
        let Some((scheme, rest)) = s.split_once("://") else { return Ok(Location::File(PathBuf::from(text))) };
        // One letter is a drive (`C://…`), not a scheme.
        let is_scheme = scheme.len() > 1
            && scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if !is_scheme {
            return Ok(Location::File(PathBuf::from(text)));
        }
        if scheme.eq_ignore_ascii_case("file") {
            return Ok(Location::File(PathBuf::from(rest)));
        }
        if crate::storage::is_server_address(s) {
            return ServerAddress::parse(s).map(Location::Server).map_err(LocationError::BadAddress);
        }
        Err(LocationError::OtherServer(format!("{scheme}://{}", masked(rest))))
    }

    /// The location for messages (a server's password masked).
    pub fn shown(&self) -> String {
        match self {
            Location::File(p) => p.display().to_string(),
            Location::Server(a) => a.shown(),
        }
    }

    /// The file, for what only a file has.
    pub fn file(&self) -> Option<&std::path::Path> {
        match self {
            Location::File(p) => Some(p),
            Location::Server(_) => None,
        }
    }
}

/// `user:password@host…` with the password as `***`: what a message may repeat of an address.
fn masked(rest: &str) -> String {
    match rest.rsplit_once('@') {
        Some((credentials, host)) if credentials.contains(':') => {
            format!("{}:***@{host}", credentials.split_once(':').map_or(credentials, |(u, _)| u))
        }
        _ => rest.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_file_urls_are_files_other_schemes_are_refused_masked() {
        let parse = |t: &str| Location::parse(OsStr::new(t));
        assert_eq!(parse("kota.sqlite").unwrap(), Location::File("kota.sqlite".into()));
        assert_eq!(parse("/data/kota.sqlite").unwrap(), Location::File("/data/kota.sqlite".into()));
        assert_eq!(parse("file:///data/kota.sqlite").unwrap(), Location::File("/data/kota.sqlite".into()));
        // A colon and slashes that are no scheme: a drive letter, a name starting with a digit.
        assert_eq!(parse("C://data/k.sqlite").unwrap(), Location::File("C://data/k.sqlite".into()));
        assert_eq!(parse("1a://x").unwrap(), Location::File("1a://x".into()));
        let e = parse("mysql://kota:p@ss:w0rd@db.kota.go.id/sakip").unwrap_err();
        assert_eq!(e.to_string().split('\'').nth(1), Some("mysql://kota:***@db.kota.go.id/sakip"));
        assert!(e.message(Lang::Id).contains("adalah alamat server basis data"));
        let server = parse("postgresql://perencana:rahasia@db.kota.go.id:6543/sakip").unwrap();
        assert_eq!(server.shown(), "postgres://perencana:***@db.kota.go.id:6543/sakip");
        assert_eq!(server.file(), None);
        assert!(matches!(parse("POSTGRES://kota@localhost/sakip"), Ok(Location::Server(_))));
        let bad = parse("postgres://kota:rahasia@localhost").unwrap_err();
        assert!(matches!(bad, LocationError::BadAddress(_)));
        assert!(!bad.message(Lang::En).contains("rahasia") && bad.message(Lang::En).contains("database name"));
    }
}
