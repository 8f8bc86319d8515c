//! Where the data is: a database file, or a database on a PostgreSQL server. Read once from
//! `--db` or `KINERJA_DB`, so that an address is never taken for a file name.

use crate::format::Lang;
use std::ffi::OsStr;
use std::path::PathBuf;

/// A database file or a server database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    File(PathBuf),
}

/// Why `--db` names no database Kinerja can open.
#[derive(Debug, thiserror::Error)]
pub enum LocationError {
    /// `scheme://…` of a kind Kinerja does not speak (the address with its password masked).
    #[error(
        "'{0}' is the address of a database server, not a file; this version of Kinerja keeps its data in a database file: give --db a file path (for example kinerja.sqlite). Nothing was written."
    )]
    OtherServer(String),
}

impl LocationError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LocationError::OtherServer(address), Lang::Id) => format!(
                "'{address}' adalah alamat server basis data, bukan berkas; versi Kinerja ini menyimpan data dalam berkas basis data: beri --db jalur berkas (misalnya kinerja.sqlite). Tidak ada yang ditulis."
            ),
            (e, Lang::En) => e.to_string(),
        }
    }
}

impl Location {
    /// Reads `--db` (or `KINERJA_DB`): `file://PATH` and anything without a scheme is a file.
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
        Err(LocationError::OtherServer(format!("{scheme}://{}", masked(rest))))
    }

    /// The location for messages (a server's password masked).
    pub fn shown(&self) -> String {
        match self {
            Location::File(p) => p.display().to_string(),
        }
    }

    /// The file, for what only a file has.
    pub fn file(&self) -> Option<&std::path::Path> {
        match self {
            Location::File(p) => Some(p),
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
    }
}
