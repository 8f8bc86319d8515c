//! The command line: `kinerja [--db FILE] [COMMAND]`.

use crate::app::{default_db_path, Integrity, Location, Session};
use crate::calc::check::check;
use crate::domain::Year;
use crate::format::Lang;
use crate::report::{build_table, to_csv, to_json, TableOptions};
use crate::text::{error_message, tr};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

mod server;
pub use server::{ServerCommand, UserCommand};

/// Exit code for errors: bad arguments or input, an unknown table, a file that is not a Kinerja
/// database (not SQLite, another program's, a newer schema).
pub const EXIT_ERROR: u8 = 2;
/// Exit code when the database is damaged (`kinerja db check` says so with 1).
pub const EXIT_DAMAGED: u8 = 3;
/// Exit code when the database is busy: another program holds a lock on it, or another Kinerja
/// has it open for editing and the command would write.
pub const EXIT_BUSY: u8 = 4;
/// Exit code when the command must write but the file, its disk or its folder is read-only.
pub const EXIT_READ_ONLY: u8 = 5;
/// Exit code when there is no permission to open the file or to write in its folder.
pub const EXIT_NO_ACCESS: u8 = 6;
/// Exit code when `--db` names a folder.
pub const EXIT_IS_DIRECTORY: u8 = 7;

/// The exit code of a database that could not be opened.
pub fn open_exit_code(e: &crate::app::OpenError) -> u8 {
    use crate::app::OpenError;
    match e {
        OpenError::Damaged { .. } => EXIT_DAMAGED,
        OpenError::Storage(s) => storage_exit_code(s),
        OpenError::Folder { source, .. } if source.kind() == std::io::ErrorKind::PermissionDenied => EXIT_NO_ACCESS,
        OpenError::Folder { source, .. } if source.kind() == std::io::ErrorKind::ReadOnlyFilesystem => EXIT_READ_ONLY,
        _ => EXIT_ERROR,
    }
}

/// The exit code of a store error.
pub fn storage_exit_code(e: &crate::storage::StorageError) -> u8 {
    use crate::storage::StorageError as S;
    match e {
        S::Damaged { .. } => EXIT_DAMAGED,
        S::Busy { .. } => EXIT_BUSY,
        S::ReadOnly { .. } | S::NeedsUpgrade { .. } => EXIT_READ_ONLY,
        S::NoAccess { .. } => EXIT_NO_ACCESS,
        S::IsDirectory { .. } => EXIT_IS_DIRECTORY,
        _ => EXIT_ERROR,
    }
}

/// Why a writing command cannot write to a session opened read-only, and its exit code.
fn read_only_failure(ro: &crate::app::ReadOnly, lang: Lang) -> ExitCode {
    use crate::app::ReadOnly;
    let code = match ro {
        ReadOnly::Locked => EXIT_BUSY,
        // Refused by who is signed in, not by the file: an error like any refusal.
        ReadOnly::NotPermitted { .. } => EXIT_ERROR,
        _ => EXIT_READ_ONLY,
    };
    eprintln!("kinerja: {} {}", ro.message(lang), lang.pick("Tidak ada yang ditulis.", "Nothing was written."));
    ExitCode::from(code)
}

#[derive(Parser, Debug)]
#[command(
    name = "kinerja",
    version = crate::build_info::VERSION,
    long_version = crate::build_info::long_version(),
    about = "Kinerja — data SAKIP dan LKIP perangkat daerah (SAKIP performance data and LKIP reports)",
    after_help = after_help(),
)]
pub struct Cli {
    /// Database file (created from the embedded dataset when it does not exist) or a database on
    /// a PostgreSQL server: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE. Also from the
    /// environment variable KINERJA_DB (`--db` wins).
    #[arg(long, global = true, value_name = "FILE|URL")]
    pub db: Option<PathBuf>,
    /// The office to work on, by its code (`kinerja offices` lists them); without it, the first
    /// office by name (the window remembers the last one chosen). `db copy` takes it several
    /// times: the offices to copy.
    #[arg(long, global = true, value_name = "CODE", action = clap::ArgAction::Append)]
    pub office: Vec<String>,
    /// Language of every message and of `check`'s findings: id (Indonesian, the default) or en;
    /// also from the environment variable KINERJA_LANG. The PDF and XLSX stay Indonesian.
    #[arg(long, global = true, value_enum, value_name = "id|en")]
    pub lang: Option<OutputLang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

fn after_help() -> String {
    format!(
        "Without a command, the application window opens.\nDatabase: {} (unless --db FILE is given).",
        default_db_path().display()
    )
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print one of the report's standard tables, recomputed, by the office's number or its
    /// stable name (`--list` names them).
    Table {
        /// The office's table number, e.g. 3.19, or the table's name, e.g. anggaran-program or
        /// iku-analisis:IKU1.
        #[arg(required_unless_present = "list")]
        id: Option<String>,
        /// List the year's tables: name, the office's number and title.
        #[arg(long, conflicts_with_all = ["id", "format", "show_phone", "out", "force", "excel_id"])]
        list: bool,
        /// Year; defaults to the latest year with reported results.
        #[arg(long)]
        year: Option<Year>,
        #[arg(long, value_enum, default_value = "csv")]
        format: TableFormat,
        /// Show telephone numbers of Tabel 3.15 in full (masked by default).
        #[arg(long)]
        show_phone: bool,
        /// Write to this file instead of the screen (CSV files get a byte-order mark for Excel).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
        /// CSV for Indonesian Excel: `;` between fields and `,` in numbers.
        #[arg(long)]
        excel_id: bool,
    },
    /// Draw a chart to a PNG or SVG file (`--list` names them).
    Chart {
        /// The chart's name (see --list).
        name: Option<String>,
        /// List the charts.
        #[arg(long)]
        list: bool,
        /// FILE.png or FILE.svg.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[arg(long)]
        year: Option<Year>,
        #[arg(long, default_value_t = 1600)]
        width: u32,
        #[arg(long, default_value_t = 900)]
        height: u32,
        /// PNG pixels per point (2 for print).
        #[arg(long, default_value_t = 1.0)]
        scale: f64,
        #[arg(long)]
        force: bool,
    },
    /// Write the year's LKIP tables as a PDF and a workbook with every chart as PNG and SVG
    /// (`--out DIR`), or the whole dataset in the interchange format (`--dataset DIR`).
    #[command(group(clap::ArgGroup::new("target").required(true).args(["out", "dataset"])))]
    Export {
        /// Folder for the PDF, the workbook and the charts.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Folder for the dataset's CSV files, or FILE.xlsx for one workbook.
        #[arg(long, value_name = "DIR|FILE.xlsx")]
        dataset: Option<PathBuf>,
        /// Year of the LKIP; defaults to the latest year with results.
        #[arg(long)]
        year: Option<Year>,
        /// Show telephone numbers in full, in Tabel 3.15 and in the dataset's umkm_upgrades
        /// (masked by default; a masked number imported back keeps the stored one).
        #[arg(long)]
        show_phone: bool,
        /// Overwrite files that already exist.
        #[arg(long)]
        force: bool,
    },
    /// Import a dataset (a folder of CSV files or one XLSX workbook); it is validated
    /// completely first. An office with the same code has its data replaced, never duplicated,
    /// after a backup of the database; its audit trail and settings are kept.
    Import {
        /// The folder holding the dataset's CSV files, or the workbook.
        path: PathBuf,
    },
    /// Write an empty dataset workbook (every sheet with its header row, and instructions) for an
    /// office starting from nothing.
    Template {
        #[arg(long, value_name = "FILE.xlsx")]
        out: PathBuf,
        #[arg(long)]
        force: bool,
    },
    /// List the offices in the database: code and name.
    Offices,
    /// The administrator's commands for a city's shared PostgreSQL server (--db postgres://…):
    /// its schema and access policies, and the staff's logins.
    Server {
        #[command(subcommand)]
        action: ServerCommand,
    },
    /// Database maintenance.
    Db {
        #[command(subcommand)]
        action: DbCommand,
    },
    /// Recompute every derived figure and list where the printed figures disagree.
    /// Exit code 0: no findings; 1: findings; 2: error.
    Check {
        /// Only this year.
        #[arg(long)]
        year: Option<Year>,
        #[arg(long, value_enum, default_value = "text")]
        format: CheckFormat,
    },
    /// Import a budget realisation spreadsheet (XLSX or CSV) of the finance system into a year's
    /// budget lines, matched by kode: prints the column mapping and the preview, and writes only
    /// with --apply (one transaction, audited). Exit code 0: previewed or written; 2: problems,
    /// nothing written.
    ImportBudget(ImportBudgetArgs),
    /// The report's text: show a year's sections with their figures from the data, or start a
    /// new year from an earlier year's text.
    Narrative {
        #[command(subcommand)]
        action: NarrativeCommand,
    },
    /// The office's computation settings (capaian cap and floor, efficiency rule, status
    /// bands): without an action, each with its value and whether it is the default.
    Settings {
        #[command(subcommand)]
        action: Option<SettingsCommand>,
    },
    /// Generate a synthetic city for tests and benchmarks into a new database (--db FILE): the
    /// embedded office plus synthetic offices, each with its plan, results, AKIP evaluations and
    /// budget lines for every year.
    Demo {
        /// Offices in all (1–200); the first is the embedded reference office.
        #[arg(long, default_value_t = 50)]
        offices: u32,
        /// Years of each synthetic office (1–30), ending in 2024.
        #[arg(long, default_value_t = 10)]
        years: u32,
        /// Budget lines of each synthetic office in each year (3–100000).
        #[arg(long, default_value_t = 2000)]
        lines: u32,
        /// Seed of the generator: the same seed gives the same city.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
}

/// The arguments of `kinerja import-budget`.
#[derive(clap::Args, Debug)]
pub struct ImportBudgetArgs {
    /// The spreadsheet (.xlsx or .csv).
    pub file: PathBuf,
    /// The budget year the file belongs to.
    #[arg(long)]
    pub year: Year,
    /// Choose a column yourself: TARGET=HEADING, the heading as written in the file or the
    /// column letter (E); empty for none. Targets: kode, uraian, pagu_murni, pagu_perubahan,
    /// realisasi.
    #[arg(long = "map", value_name = "TARGET=HEADING")]
    pub map: Vec<String>,
    /// Also rename existing lines whose uraian in the file differs.
    #[arg(long)]
    pub names: bool,
    /// Write the changes (without it only the preview is printed).
    #[arg(long)]
    pub apply: bool,
}

/// The language of the command line's output (`--lang`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputLang {
    Id,
    En,
}

impl From<OutputLang> for Lang {
    fn from(l: OutputLang) -> Lang {
        match l {
            OutputLang::Id => Lang::Id,
            OutputLang::En => Lang::En,
        }
    }
}

/// The language of the output: `--lang`, otherwise `KINERJA_LANG`, otherwise Indonesian. A
/// `KINERJA_LANG` that is neither `id` nor `en` is refused (in both languages, since which one
/// is meant is unknown).
pub fn output_lang(flag: Option<OutputLang>, env: Option<&str>) -> Result<Lang, String> {
    if let Some(l) = flag {
        return Ok(l.into());
    }
    match env.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
        None | Some("") | Some("id") => Ok(Lang::Id),
        Some("en") => Ok(Lang::En),
        Some(_) => Err(format!("KINERJA_LANG='{}': tulis id atau en / write id or en", env.unwrap_or_default())),
    }
}

#[derive(Subcommand, Debug)]
pub enum DbCommand {
    /// Run SQLite's integrity check on the database without changing it; on a server
    /// (--db postgres://…), check its schema version and access policies.
    /// Exit code 0: sound; 1: damaged, or the server needs `kinerja server init` (an older
    /// schema, missing roles or policies); 2: the file does not exist or is not a Kinerja
    /// database, or a newer schema; 4: busy; 6: no permission; 7: a folder.
    Check,
    /// Copy offices with their whole dataset, audit trail and settings from another database
    /// (--from) into this one (--db; a file that does not exist is created), in one
    /// transaction. Every office of the source, or those named with --office CODE (repeated).
    /// An office the target holds already is refused unless --force, which replaces it.
    /// Exit code 0: copied; 2: refused or failed, nothing written.
    Copy {
        /// The database to copy from: a file or a server (postgres://USER@HOST/DATABASE).
        #[arg(long, value_name = "FILE|URL")]
        from: std::ffi::OsString,
        /// Replace offices the target holds already (their data, audit trail and settings).
        #[arg(long)]
        force: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum NarrativeCommand {
    /// Print the text of a year's report with every reference filled in from the data (as the
    /// LKIP document shows it). Exit code 0: shown; 1: a reference cannot be read or shows no
    /// figure; 2: error.
    Show {
        /// Year; defaults to the latest year with reported results.
        #[arg(long)]
        year: Option<Year>,
        /// Only this section, by its key (kata-pengantar, iku:IKU1:kendala, …).
        #[arg(long, value_name = "KEY")]
        section: Option<String>,
    },
    /// Copy every section of one year's text that another year does not have yet (one change,
    /// audited, after the day's backup); references relative to the document's year (@-1, or
    /// none) then read the new year. Existing text is never overwritten.
    Copy {
        #[arg(long)]
        from: Year,
        #[arg(long)]
        to: Year,
    },
}

#[derive(Subcommand, Debug)]
pub enum SettingsCommand {
    /// Set one setting (validated as the window's settings form validates it; one change,
    /// audited, after the day's backup). Exit code 0: saved or already so; 2: refused, nothing
    /// written.
    Set {
        /// capaian_cap, capaian_floor, efficiency_rule or status_bands.
        key: String,
        /// capaian_cap: a number ≥ 100, or "" for none; capaian_floor: zero or none;
        /// efficiency_rule: capaian_above_serapan or margin:N; status_bands: four falling
        /// numbers, e.g. 91,76,66,51.
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
    /// Remove the office's own value of a setting, so that the default applies again.
    Reset { key: String },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum TableFormat {
    Csv,
    Json,
    Xlsx,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

/// Parses the arguments and runs; the window opens when no command is given.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let env = std::env::var("KINERJA_LANG").ok();
    let lang = match output_lang(cli.lang, env.as_deref()) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    // `--db` wins over the environment, as `--lang` does over KINERJA_LANG.
    let given = cli
        .db
        .clone()
        .map(std::ffi::OsString::from)
        .or_else(|| std::env::var_os("KINERJA_DB").filter(|v| !v.is_empty()));
    // The administrator's commands work on a server only: there is no default one.
    if given.is_none() && matches!(cli.command, Some(Command::Server { .. })) {
        return fail(server::no_server(lang));
    }
    let db = given.map_or_else(|| Ok(Location::File(default_db_path())), |text| Location::parse(&text));
    let db = match db {
        Ok(l) => l,
        Err(e) => return fail(e.message(lang)),
    };
    match cli.command {
        None if cli.office.len() > 1 => fail(once_only(lang)),
        None => match crate::ui::run(db, cli.office.into_iter().next()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("kinerja: {e}");
                ExitCode::from(EXIT_ERROR)
            }
        },
        Some(command) => {
            let mut out = std::io::stdout().lock();
            let code = run(command, &db, &cli.office, lang, &mut out);
            let _ = out.flush();
            code
        }
    }
}

/// The file of `db`, for what only a database file has (`what`: the command, in `lang`); on a
/// server, a message saying so and the exit code.
fn file_only<'a>(db: &'a Location, what: &str, lang: Lang) -> Result<&'a std::path::Path, ExitCode> {
    db.file().ok_or_else(|| {
        fail(tr!(
            lang,
            "{what} hanya untuk berkas basis data; {} adalah basis data di server. Tidak ada yang ditulis.",
            "{what} is for a database file; {} is a database on a server. Nothing was written.",
            db.shown()
        ))
    })
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("kinerja: {message}");
    ExitCode::from(EXIT_ERROR)
}

/// `--office` given more than once to a command about one office.
fn once_only(lang: Lang) -> String {
    lang.pick(
        "--office hanya sekali, kecuali untuk kinerja db copy; tidak ada yang ditulis.",
        "--office only once, except for kinerja db copy; nothing was written.",
    )
    .to_string()
}

/// Runs a command against the database at `db` (on the office of `offices`, by code, when given;
/// `db copy` takes several), writing its output to `out` and its messages in `lang`.
pub fn run(command: Command, db: &Location, offices: &[String], lang: Lang, out: &mut dyn Write) -> ExitCode {
    if let Command::Server { action } = command {
        return server::run(action, db, offices, lang, out);
    }
    if let Command::Db { action: DbCommand::Copy { from, force } } = &command {
        return match Location::parse(from) {
            Ok(from) => db_copy(&from, db, offices, *force, lang, out),
            Err(e) => fail(format!("--from: {}", e.message(lang))),
        };
    }
    let office = match offices {
        [] => None,
        [one] => Some(one.as_str()),
        _ => return fail(once_only(lang)),
    };
    let write_error = |e: &crate::export::WriteError| error_message(lang, || e.message_id(), e);
    if let Command::Template { out: file, force } = &command {
        let empty = crate::interchange::write_dataset(&crate::domain::Dataset::default());
        // The empty dataset's office row is not a real office: the template keeps headers only.
        let headers: Vec<(&'static str, Vec<u8>)> = empty
            .into_iter()
            .map(|(name, bytes)| {
                let header = bytes.split(|b| *b == b'\n').next().unwrap_or_default().to_vec();
                (name, [header, b"\n".to_vec()].concat())
            })
            .collect();
        return match crate::interchange::write_workbook(&headers, true) {
            Ok(bytes) => match crate::export::write_file(file, &bytes, *force) {
                Ok(()) => {
                    eprintln!(
                        "kinerja: {}",
                        tr!(lang, "templat ditulis ke {}", "template written to {}", file.display())
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(write_error(&e)),
            },
            Err(e) => fail(tr!(lang, "XLSX tidak dapat dibuat: {e}", "the XLSX could not be made: {e}")),
        };
    }
    if let Command::Demo { offices, years, lines, seed, force } = command {
        let spec = crate::demo::DemoSpec { offices, years, lines, seed, ..Default::default() };
        return match file_only(db, "kinerja demo", lang) {
            Ok(path) => demo(path, &spec, force, lang, out),
            Err(code) => code,
        };
    }
    if let Command::Db { action: DbCommand::Check } = command {
        if let Location::Server(address) = db {
            return server::db_check(address, lang, out);
        }
        let db = match file_only(db, "kinerja db check", lang) {
            Ok(path) => path,
            Err(code) => return code,
        };
        if !db.exists() {
            return fail(tr!(lang, "{} tidak ada", "{} does not exist", db.display()));
        }
        let verdict = crate::storage::inspect(db).and_then(|()| crate::storage::verify_file(db));
        return match verdict {
            Ok(()) => {
                let _ = writeln!(out, "{}: {} (integrity_check ok)", db.display(), lang.pick("baik", "sound"));
                ExitCode::SUCCESS
            }
            Err(crate::storage::StorageError::Damaged { detail, .. }) => {
                let _ = writeln!(out, "{}: {} — {detail}", db.display(), lang.pick("RUSAK", "DAMAGED"));
                ExitCode::from(1)
            }
            Err(e) => {
                eprintln!("kinerja: {}", e.message(lang));
                ExitCode::from(storage_exit_code(&e))
            }
        };
    }
    // Commands that only read skip the full integrity check (a city's database spends most of a
    // read in it); those that write keep it, so that a damaged file is never written.
    let writes = match &command {
        Command::Import { .. } => true,
        Command::ImportBudget(args) => args.apply,
        Command::Narrative { action: NarrativeCommand::Copy { .. } } => true,
        Command::Settings { action: Some(_) } => true,
        _ => false,
    };
    // A dataset may be imported into a server database that holds no office yet: no session
    // (which needs an office) is opened for it.
    if let (Command::Import { path }, Location::Server(address)) = (&command, db) {
        let store = match crate::storage::Store::open_server(address) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("kinerja: {}", e.message(lang));
                return ExitCode::from(storage_exit_code(&e));
            }
        };
        let user = match crate::storage::access::whoami(store.db()) {
            Ok(s) => s.login,
            Err(e) => return fail(e.message(lang)),
        };
        return import(store, &user, path, db, lang);
    }
    let integrity = if writes { Integrity::Now } else { Integrity::Skip };
    let session = match Session::open_location(db, office, integrity) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("kinerja: {}", e.message(lang));
            return ExitCode::from(open_exit_code(&e));
        }
    };
    if let Some(ro) = session.read_only.clone().filter(|_| writes) {
        return read_only_failure(&ro, lang);
    }
    if let Some(code) = office.filter(|c| *c != session.dataset.office.code) {
        let known: Vec<String> = session.store.offices().unwrap_or_default().into_iter().map(|o| o.code).collect();
        return fail(tr!(
            lang,
            "kantor '{code}' tidak ada di basis data; kode yang ada: {}",
            "office '{code}' is not in the database; the codes there: {}",
            known.join(", ")
        ));
    }

    if session.created {
        eprintln!(
            "kinerja: {}",
            tr!(
                lang,
                "basis data baru dibuat dari dataset bawaan: {}",
                "new database created from the embedded dataset: {}",
                db.shown()
            )
        );
    }
    let d = &session.dataset;
    let latest = d.latest_report_year();
    let no_years = || fail(lang.pick("basis data belum berisi data tahunan", "the database holds no yearly data yet"));
    let unknown_year = |year: Year| {
        let years: Vec<String> = d.all_years().iter().map(|y| y.to_string()).collect();
        fail(tr!(
            lang,
            "tidak ada data untuk tahun {year}; tahun yang ada: {}",
            "no data for {year}; the years with data: {}",
            years.join(", ")
        ))
    };
    match command {
        Command::Table { id, list, year, format, show_phone, out: file, force, excel_id } => {
            let Some(year) = year.or(latest) else {
                return no_years();
            };
            if !d.all_years().contains(&year) {
                return unknown_year(year);
            }
            let id = match (list, id) {
                (false, Some(id)) => id,
                _ => {
                    let mut text = lang.pick("nama\tnomor\tjudul\n", "name\tnumber\ttitle\n").to_string();
                    for e in crate::report::table_list(d, year, lang) {
                        text.push_str(&format!("{}\t{}\t{}\n", e.name, e.id, e.title));
                    }
                    if out.write_all(text.as_bytes()).is_err() {
                        return ExitCode::from(EXIT_ERROR);
                    }
                    return ExitCode::SUCCESS;
                }
            };
            let t = match build_table(
                d,
                &session.settings,
                &id,
                year,
                TableOptions { show_phone, ..TableOptions::default() },
            ) {
                Ok(t) => t,
                Err(e) => return fail(error_message(lang, || e.message_id(), &e)),
            };
            let bytes = match (format, &file) {
                (TableFormat::Csv, None) => to_csv(&t).into_bytes(),
                (TableFormat::Csv, Some(_)) => crate::export::table_csv(
                    &t,
                    if excel_id { crate::export::CsvDialect::Indonesian } else { crate::export::CsvDialect::Plain },
                ),
                (TableFormat::Json, _) => (to_json(&t) + "\n").into_bytes(),
                (TableFormat::Xlsx, None) => {
                    return fail(lang.pick("XLSX perlu --out FILE.xlsx", "XLSX needs --out FILE.xlsx"))
                }
                (TableFormat::Xlsx, Some(_)) => match crate::export::tables_xlsx(std::slice::from_ref(&t)) {
                    Ok(b) => b,
                    Err(e) => {
                        return fail(tr!(lang, "XLSX tidak dapat dibuat: {e}", "the XLSX could not be made: {e}"))
                    }
                },
            };
            match file {
                Some(path) => match crate::export::write_file(&path, &bytes, force) {
                    Ok(()) => {
                        eprintln!(
                            "kinerja: {}",
                            tr!(
                                lang,
                                "Tabel {} {year} ditulis ke {}",
                                "Table {} {year} written to {}",
                                t.id,
                                path.display()
                            )
                        );
                        ExitCode::SUCCESS
                    }
                    Err(e) => fail(write_error(&e)),
                },
                None => {
                    if out.write_all(&bytes).is_err() {
                        return ExitCode::from(EXIT_ERROR);
                    }
                    ExitCode::SUCCESS
                }
            }
        }
        Command::Chart { name, list, out: file, year, width, height, scale, force } => {
            let Some(year) = year.or(latest) else {
                return no_years();
            };
            if list {
                // The list is a message: in the output's language.
                for c in &crate::report::charts::all_charts(d, &session.settings, year, lang) {
                    let _ = writeln!(out, "{}\t{}", c.id, c.title);
                }
                return ExitCode::SUCCESS;
            }
            // The drawn charts belong with the LKIP documents, which are Indonesian.
            let doc_lang = Lang::Id;
            let charts = crate::report::charts::all_charts(d, &session.settings, year, doc_lang);
            let names = charts.iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join(", ");
            let Some(name) = name else {
                return fail(tr!(lang, "sebutkan nama grafik: {names}", "name a chart: {names}"));
            };
            let Some(chart) = charts.iter().find(|c| c.id == name) else {
                return fail(tr!(
                    lang,
                    "grafik '{name}' tidak dikenal; grafik yang ada: {names}",
                    "unknown chart '{name}'; the charts: {names}"
                ));
            };
            let Some(path) = file else {
                return fail(lang.pick(
                    "sebutkan berkas tujuan: --out FILE.png atau FILE.svg",
                    "name the file to write: --out FILE.png or FILE.svg",
                ));
            };
            let ext = path.extension().and_then(|e| e.to_str()).map(str::to_lowercase);
            let bytes = match ext.as_deref() {
                Some("png") => {
                    crate::export::chart_png(chart, width, height, scale, doc_lang).map_err(|e| e.to_string())
                }
                Some("svg") => crate::export::chart_svg(chart, width, height, doc_lang)
                    .map(String::into_bytes)
                    .map_err(|e| e.to_string()),
                _ => Err(tr!(
                    lang,
                    "{}: akhiran berkas harus .png atau .svg",
                    "{}: the file must end in .png or .svg",
                    path.display()
                )),
            };
            match bytes.map(|b| crate::export::write_file(&path, &b, force).map_err(|e| write_error(&e))) {
                Ok(Ok(())) => {
                    eprintln!(
                        "kinerja: {}",
                        tr!(lang, "grafik {name} ditulis ke {}", "chart {name} written to {}", path.display())
                    );
                    ExitCode::SUCCESS
                }
                Ok(Err(e)) | Err(e) => fail(e),
            }
        }
        Command::Export { dataset: Some(dataset), force, show_phone, .. }
            if dataset.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) =>
        {
            let files = crate::interchange::write_dataset(&leaving(d, show_phone));
            let too_long = crate::interchange::too_long_for_workbook(&files);
            if !too_long.is_empty() {
                let problems = crate::interchange::Problems::new(too_long);
                return fail(tr!(
                    lang,
                    "{} tidak ditulis:\n{}",
                    "{} not written:\n{}",
                    dataset.display(),
                    problems.render(lang)
                ));
            }
            match crate::interchange::write_workbook(&files, false) {
                Ok(bytes) => match crate::export::write_file(&dataset, &bytes, force) {
                    Ok(()) => {
                        eprintln!(
                            "kinerja: {}",
                            tr!(lang, "dataset ditulis ke {}", "dataset written to {}", dataset.display())
                        );
                        ExitCode::SUCCESS
                    }
                    Err(e) => fail(write_error(&e)),
                },
                Err(e) => fail(tr!(lang, "XLSX tidak dapat dibuat: {e}", "the XLSX could not be made: {e}")),
            }
        }
        Command::Export { dataset: Some(dataset), force, show_phone, .. } => {
            match export_dataset(&leaving(d, show_phone), &dataset, force, lang) {
                Ok(n) => {
                    eprintln!(
                        "kinerja: {}",
                        tr!(lang, "{n} berkas ditulis ke {}", "{n} files written to {}", dataset.display())
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            }
        }
        Command::Export { out: Some(dir), year, show_phone, force, .. } => {
            let Some(year) = year.or(latest) else {
                return no_years();
            };
            let files = match crate::export::lkip_files(
                d,
                &session.settings,
                year,
                TableOptions { show_phone, ..TableOptions::default() },
                &mut |_, _| true,
            ) {
                Ok(f) => f,
                Err(e) => return fail(e),
            };
            if !force {
                let existing: Vec<&str> =
                    files.iter().map(|(n, _)| n.as_str()).filter(|n| dir.join(n).exists()).collect();
                if !existing.is_empty() {
                    return fail(already_there(dir.display(), &existing, lang));
                }
            }
            for (name, bytes) in &files {
                if let Err(e) = crate::export::write_file(&dir.join(name), bytes, true) {
                    return fail(write_error(&e));
                }
            }
            eprintln!(
                "kinerja: {}",
                tr!(
                    lang,
                    "{} berkas LKIP {year} ditulis ke {}",
                    "{} LKIP {year} files written to {}",
                    files.len(),
                    dir.display()
                )
            );
            ExitCode::SUCCESS
        }
        Command::Export { .. } => {
            fail(lang.pick("sebutkan --out DIR atau --dataset DIR", "name --out DIR or --dataset DIR"))
        }
        // Handled before the database is opened.
        Command::Template { .. } => ExitCode::SUCCESS,
        Command::Import { path } => {
            let user = session.user_name();
            import(session.store, &user, &path, db, lang)
        }
        // Handled before the database is opened.
        Command::Db { action: DbCommand::Check | DbCommand::Copy { .. } } => ExitCode::SUCCESS,
        // Handled before the database is opened.
        Command::Demo { .. } | Command::Server { .. } => ExitCode::SUCCESS,
        Command::Offices => match session.store.offices() {
            Ok(offices) => {
                for o in offices {
                    let _ = writeln!(out, "{}\t{}", o.code, o.name);
                }
                ExitCode::SUCCESS
            }
            Err(e) => fail(e.message(lang)),
        },
        Command::ImportBudget(args) => import_budget(session, &args, lang, out),
        Command::Narrative { action: NarrativeCommand::Show { year, section } } => {
            let Some(year) = year.or(latest) else {
                return no_years();
            };
            narrative_show(&session, year, section.as_deref(), lang, out)
        }
        Command::Narrative { action: NarrativeCommand::Copy { from, to } } => narrative_copy(session, from, to, lang),
        Command::Settings { action: None } => settings_list(&session, lang, out),
        Command::Settings { action: Some(action) } => settings_change(session, action, lang),
        Command::Check { year, format } => {
            if let Some(y) = year.filter(|y| !d.all_years().contains(y)) {
                return unknown_year(y);
            }
            let report = check(d, &session.settings, year);
            let text = match format {
                CheckFormat::Json => crate::text::check_json(&report, lang),
                CheckFormat::Text => crate::text::check_text(&report, lang),
            };
            if out.write_all(text.as_bytes()).is_err() {
                return ExitCode::from(EXIT_ERROR);
            }
            if report.findings.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
    }
}

/// `kinerja db copy`: a line on stderr as each office starts, one line per office copied on
/// `out` (code, rows, copied or replaced) and the sum on stderr.
fn db_copy(
    from: &Location,
    to: &Location,
    offices: &[String],
    force: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> ExitCode {
    use crate::format::number;
    let started = std::time::Instant::now();
    let int = |n: u64| number(n.into(), 0, lang);
    let mut progress = |p: crate::storage::copy::CopyProgress<'_>| {
        if let Some(o) = p.office {
            eprintln!(
                "kinerja: {}",
                tr!(
                    lang,
                    "[{}/{}] menyalin {} ({}); {} baris tertulis",
                    "[{}/{}] copying {} ({}); {} rows written",
                    p.index + 1,
                    p.total,
                    o.code,
                    o.name,
                    int(p.rows)
                )
            );
        }
    };
    let copied = match crate::app::copy::copy(from, to, offices, force, &mut progress) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("kinerja: {}", e.message(lang));
            return ExitCode::from(e.open_error().map_or(EXIT_ERROR, open_exit_code));
        }
    };
    if copied.created {
        eprintln!(
            "kinerja: {}",
            tr!(
                lang,
                "basis data baru dibuat (tanpa dataset bawaan): {}",
                "new database created (without the embedded dataset): {}",
                to.shown()
            )
        );
    }
    if let Some(b) = &copied.backup {
        eprintln!("kinerja: {}", tr!(lang, "cadangan dibuat: {}", "backup made: {}", b.display()));
    }
    let mut text = String::new();
    for o in &copied.offices {
        let how = match (o.replaced, lang) {
            (true, Lang::Id) => "diganti",
            (true, Lang::En) => "replaced",
            (false, Lang::Id) => "disalin",
            (false, Lang::En) => "copied",
        };
        text.push_str(&format!("{}\t{}\t{}\n", o.code, tr!(lang, "{} baris", "{} rows", int(o.rows)), how));
    }
    if out.write_all(text.as_bytes()).is_err() {
        return ExitCode::from(EXIT_ERROR);
    }
    let rows: u64 = copied.offices.iter().map(|o| o.rows).sum();
    let seconds = rust_decimal::Decimal::from(started.elapsed().as_millis() as u64) / rust_decimal::Decimal::from(1000);
    eprintln!(
        "kinerja: {}",
        tr!(
            lang,
            "{} kantor ({} baris) disalin dari {} ke {} dalam {} detik",
            "{} offices ({} rows) copied from {} to {} in {} seconds",
            copied.offices.len(),
            int(rows),
            from.shown(),
            to.shown(),
            number(seconds, 1, lang)
        )
    );
    ExitCode::SUCCESS
}

/// `kinerja import`: the dataset at `path` validated completely, then stored in `store` (an
/// office already there replaced, after a backup of a database file); `user` is who the audit
/// trail names.
fn import(store: crate::storage::Store, user: &str, path: &std::path::Path, db: &Location, lang: Lang) -> ExitCode {
    let mut imported = match crate::interchange::read_path(path) {
        Ok(d) => d,
        Err(problems) => {
            return fail(tr!(
                lang,
                "{} tidak diimpor; tidak ada yang ditulis. {} masalah:\n{}",
                "{} not imported; nothing was written. {} problem(s):\n{}",
                path.display(),
                problems.0.len(),
                problems.render(lang)
            ))
        }
    };
    let mut store = store;
    if let Err(e) = crate::interchange::keep_stored_phones(&store, &mut imported) {
        return fail(tr!(
            lang,
            "{} tidak diimpor; tidak ada yang ditulis. {}",
            "{} not imported; nothing was written. {}",
            path.display(),
            e.message(lang)
        ));
    }
    // Replacing an office's data: a database file is copied first, so that the data as it
    // was can be restored (a server's copies are its administrator's).
    match store.office_id(&imported.office.code) {
        Ok(Some(_)) if db.file().is_some() => match store.backup("sebelum-impor") {
            Ok(copy) => {
                eprintln!("kinerja: {}", tr!(lang, "cadangan dibuat: {}", "backup made: {}", copy.display()))
            }
            Err(e) => {
                return fail(tr!(
                    lang,
                    "cadangan sebelum impor tidak dapat dibuat; tidak ada yang ditulis: {}",
                    "the backup before the import could not be made; nothing was written: {}",
                    e.message(lang)
                ))
            }
        },
        Ok(_) => {}
        Err(e) => return fail(e.message(lang)),
    }
    match store.import_dataset(&imported, user, &|| true) {
        Ok(done) => {
            let replaced = match done.replaced_rows {
                Some(n) => tr!(
                    lang,
                    "; {n} baris data lama diganti dengan {} baris, jejak audit dan pengaturan kantor tetap",
                    "; {n} old rows replaced with {} rows, the audit trail and the office's settings kept",
                    done.rows
                ),
                None => String::new(),
            };
            eprintln!(
                "kinerja: {}",
                tr!(
                    lang,
                    "{} ({}) diimpor ke {}{replaced}",
                    "{} ({}) imported into {}{replaced}",
                    imported.office.name,
                    imported.office.code,
                    db.shown()
                )
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(e.message(lang)),
    }
}

/// `kinerja narrative show`: each section with text, in the document's order, under its name;
/// the text as the document shows it (Indonesian figures), the messages in `lang`.
fn narrative_show(session: &Session, year: Year, section: Option<&str>, lang: Lang, out: &mut dyn Write) -> ExitCode {
    use crate::domain::{Block, SectionKey};
    use crate::text::narrative::{render_blocks, section_label, syntax_error};
    let d = &session.dataset;
    let keys = match section {
        Some(k) => match SectionKey::parse(k.trim()) {
            Some(key) if d.narrative_section(year, &key).is_some() => vec![key],
            Some(key) => {
                return fail(tr!(
                    lang,
                    "{} ({}) belum punya teks untuk tahun {year}",
                    "{} ({}) has no text for {year}",
                    section_label(&key, lang),
                    key.key()
                ))
            }
            None => return fail(crate::interchange::ProblemKind::UnknownSection(k.to_string()).message(lang)),
        },
        None => crate::domain::document_order(d, year)
            .into_iter()
            .filter(|k| d.narrative_section(year, k).is_some())
            .collect(),
    };
    if keys.is_empty() {
        eprintln!("kinerja: {}", tr!(lang, "tahun {year} belum punya narasi", "the year {year} has no text yet"));
        return ExitCode::SUCCESS;
    }
    let mut text = String::new();
    let mut unreadable = 0;
    for key in &keys {
        let Some(n) = d.narrative_section(year, key) else { continue };
        text.push_str(&format!("== {} ({}) ==\n\n", section_label(key, lang), key.key()));
        // The text is the Indonesian document's: its figures in the Indonesian format.
        match render_blocks(d, &session.settings, year, &n.text, Lang::Id) {
            Ok(blocks) => {
                for b in blocks {
                    match b {
                        Block::Paragraph(p) => text.push_str(&p),
                        Block::Numbered(items) => {
                            let lines: Vec<String> = items.iter().map(|(m, t)| format!("{m} {t}")).collect();
                            text.push_str(&lines.join("\n"));
                        }
                        Block::Bullets(items) => {
                            let lines: Vec<String> = items.iter().map(|t| format!("- {t}")).collect();
                            text.push_str(&lines.join("\n"));
                        }
                    }
                    text.push_str("\n\n");
                }
            }
            Err(errors) => {
                unreadable += errors.len();
                for e in &errors {
                    eprintln!("kinerja: {} ({}): {}", section_label(key, lang), key.key(), syntax_error(e, lang));
                }
            }
        }
    }
    if out.write_all(text.as_bytes()).is_err() {
        return ExitCode::from(EXIT_ERROR);
    }
    // A figure the document cannot show is a finding of the checker, and this command's too.
    let gaps = check(d, &session.settings, Some(year))
        .findings
        .iter()
        .filter(|f| matches!(f.issue, crate::calc::check::Issue::NarrativeReference { .. }))
        .filter(|f| keys.iter().any(|k| k.key() == f.table))
        .count();
    if unreadable + gaps > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `kinerja narrative copy`: one change of the new year's sections, after the day's backup.
fn narrative_copy(mut session: Session, from: Year, to: Year, lang: Lang) -> ExitCode {
    use crate::text::narrative::{copy_refusal, section_label};
    let (change, plan) = match crate::app::narrative::copy_change(&session.dataset, from, to) {
        Ok(c) => c,
        Err(r) => {
            // The refusal is a clause; the sentence ends with what it means.
            return fail(format!(
                "{}; {}",
                copy_refusal(&r, lang),
                lang.pick("tidak ada yang ditulis.", "nothing was written.")
            ));
        }
    };
    let user = session.user_name();
    if let Err(e) = session.apply(&mut crate::app::History::default(), change, &user) {
        return fail(format!("{}: {}", lang.pick("tidak disimpan", "not saved"), e.message(lang)));
    }
    eprintln!(
        "kinerja: {}",
        tr!(
            lang,
            "{} bagian narasi {from} disalin ke {to}",
            "{} sections of the {from} text copied to {to}",
            plan.copied.len()
        )
    );
    if !plan.kept.is_empty() {
        let kept: Vec<String> = plan.kept.iter().map(|k| section_label(k, lang)).collect();
        eprintln!(
            "kinerja: {}",
            tr!(
                lang,
                "sudah ada di {to}, tidak ditimpa: {}",
                "already written in {to}, not overwritten: {}",
                kept.join("; ")
            )
        );
    }
    for (key, reference) in &plan.absolute {
        eprintln!(
            "kinerja: {}",
            tr!(
                lang,
                "{}: {{{{{reference}}}}} tetap membaca tahun yang ditulis; tulis @-N agar mengikuti tahun dokumen",
                "{}: {{{{{reference}}}}} keeps reading the year written in it; write @-N for it to follow the document's year",
                section_label(key, lang)
            )
        );
    }
    ExitCode::SUCCESS
}

/// `kinerja settings`: one line per setting, tab separated: its key, its value as `settings set`
/// takes it, whether it is the default, and what it means in `lang`.
fn settings_list(session: &Session, lang: Lang, out: &mut dyn Write) -> ExitCode {
    use crate::text::settings::{setting_label, setting_value};
    let states = match crate::app::settings::states(session) {
        Ok(s) => s,
        Err(e) => return fail(e.message(lang)),
    };
    let mut text = lang.pick("kunci\tnilai\tasal\tarti\n", "key\tvalue\tsource\tmeaning\n").to_string();
    for s in &states {
        let source = match (&s.stored, s.is_default) {
            (None, _) => lang.pick("bawaan", "default").to_string(),
            (Some(v), _) if *v != s.value => tr!(
                lang,
                "bawaan (nilai tersimpan '{v}' tidak terbaca)",
                "default (the stored value '{v}' cannot be read)"
            ),
            (Some(_), true) => {
                lang.pick("diatur kantor, sama dengan bawaan", "set by the office, same as the default").into()
            }
            (Some(_), false) => lang.pick("diatur kantor", "set by the office").into(),
        };
        let meaning = format!("{}: {}", setting_label(s.key, lang), setting_value(&session.settings, s.key, lang));
        text.push_str(&format!("{}\t{}\t{source}\t{meaning}\n", s.key, s.value));
    }
    if out.write_all(text.as_bytes()).is_err() {
        return ExitCode::from(EXIT_ERROR);
    }
    ExitCode::SUCCESS
}

/// `kinerja settings set|reset`: one change through the session (audited, after the day's
/// backup); a refused key or value writes nothing.
fn settings_change(mut session: Session, action: SettingsCommand, lang: Lang) -> ExitCode {
    use crate::app::settings::{reset_change, set_change};
    use crate::calc::settings::typed_number;
    use crate::text::settings::{setting_error, setting_syntax};
    let (key, change) = match &action {
        SettingsCommand::Set { key, value } => {
            // Numbers as typed in the form: a decimal comma is a point; bands keep their commas.
            let value = match key.as_str() {
                crate::calc::settings::KEY_CAP => typed_number(value),
                crate::calc::settings::KEY_EFFICIENCY => match value.trim().strip_prefix("margin:") {
                    Some(m) => format!("margin:{}", typed_number(m)),
                    None => value.clone(),
                },
                _ => value.clone(),
            };
            (key, set_change(&session, &[(key.as_str(), value)]))
        }
        SettingsCommand::Reset { key } => (key, reset_change(&session, key)),
    };
    let change = match change {
        Ok(Some(c)) => c,
        Ok(None) => {
            let already = match action {
                SettingsCommand::Set { .. } => {
                    tr!(lang, "{key} sudah bernilai itu", "{key} has that value already")
                }
                SettingsCommand::Reset { .. } => tr!(
                    lang,
                    "{key} sudah bawaan (kantor tidak menyimpan nilainya sendiri)",
                    "{key} is the default already (the office stores no value of its own)"
                ),
            };
            eprintln!("kinerja: {already}; {}", lang.pick("tidak ada yang berubah", "nothing changes"));
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let syntax = setting_syntax(&e.key, lang);
            let expected = if syntax.is_empty() {
                String::new()
            } else {
                tr!(lang, " Nilai {key} ditulis: {syntax}.", " A value of {key} is written: {syntax}.")
            };
            return fail(format!(
                "{}{expected} {}",
                setting_error(&e, lang),
                lang.pick("Tidak ada yang ditulis.", "Nothing was written.")
            ));
        }
    };
    let user = session.user_name();
    if let Err(e) = session.apply(&mut crate::app::History::default(), change, &user) {
        return fail(format!("{}: {}", lang.pick("tidak disimpan", "not saved"), e.message(lang)));
    }
    session.reload_settings();
    let value = session.settings.value_of(key).unwrap_or_default();
    let words = crate::text::settings::setting_value(&session.settings, key, lang);
    eprintln!("kinerja: {}", tr!(lang, "tersimpan: {key} = '{value}' ({words})", "saved: {key} = '{value}' ({words})"));
    ExitCode::SUCCESS
}

/// `kinerja demo`: progress on stderr every five percent, the summary on `out`.
fn demo(db: &std::path::Path, spec: &crate::demo::DemoSpec, force: bool, lang: Lang, out: &mut dyn Write) -> ExitCode {
    use crate::format::number;
    if db == default_db_path() {
        return fail(tr!(
            lang,
            "kinerja demo menulis kota sintetis dan tidak memakai basis data utama ({}); sebutkan berkas tujuan dengan --db FILE",
            "kinerja demo writes a synthetic city and does not use the main database ({}); name the file to write with --db FILE",
            db.display()
        ));
    }
    if let Err(e) = spec.validate() {
        return fail(error_message(lang, || e.message_id(), &e));
    }
    let int = |n: u64| number(n.into(), 0, lang);
    eprintln!(
        "kinerja: {}",
        tr!(
            lang,
            "membuat kota demo di {}: {} kantor ({} sintetis × {} tahun × {} baris anggaran), benih {}",
            "generating a demo city in {}: {} offices ({} synthetic × {} years × {} budget lines), seed {}",
            db.display(),
            spec.offices,
            spec.offices - 1,
            spec.years,
            int(spec.lines.into()),
            spec.seed
        )
    );
    let mut shown = None;
    let mut progress = |p: &crate::demo::Progress| {
        let step = p.percent() / 5 * 5;
        if shown.is_none_or(|s| step > s) || p.phase == crate::demo::Phase::Finishing {
            shown = Some(step);
            eprintln!("kinerja: {step:>3} % — {}", p.phase.text(lang));
        }
        true
    };
    match crate::demo::generate(db, spec, force, &mut progress) {
        Ok(s) => {
            let mb = rust_decimal::Decimal::from(s.bytes) / rust_decimal::Decimal::from(1_000_000);
            let seconds = rust_decimal::Decimal::from(s.elapsed.as_millis() as u64) / rust_decimal::Decimal::from(1000);
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    lang,
                    "Kota demo ditulis ke {}: {} kantor, {} tahun ({}–{}), {} baris anggaran, {} MB, {} detik.",
                    "Demo city written to {}: {} offices, {} years ({}–{}), {} budget lines, {} MB, {} seconds.",
                    s.path.display(),
                    s.offices,
                    spec.years,
                    s.first_year,
                    s.last_year,
                    int(s.budget_lines),
                    number(mb, 1, lang),
                    number(seconds, 1, lang)
                )
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(error_message(lang, || e.message_id(), &e)),
    }
}

/// The dataset as it leaves the office: telephone numbers masked unless `show_phone`.
fn leaving(d: &crate::domain::Dataset, show_phone: bool) -> std::borrow::Cow<'_, crate::domain::Dataset> {
    if show_phone {
        std::borrow::Cow::Borrowed(d)
    } else {
        std::borrow::Cow::Owned(crate::report::mask_phones(d))
    }
}

/// Writes the interchange files into `dir`; nothing is overwritten without `force`, and each
/// file is written to a temporary name first, then renamed.
fn export_dataset(d: &crate::domain::Dataset, dir: &std::path::Path, force: bool, lang: Lang) -> Result<usize, String> {
    std::fs::create_dir_all(dir).map_err(|e| {
        tr!(lang, "tidak dapat membuat folder {}: {e}", "cannot create the folder {}: {e}", dir.display())
    })?;
    let files = crate::interchange::write_dataset(d);
    if !force {
        let existing: Vec<&str> = files.iter().map(|(n, _)| *n).filter(|n| dir.join(n).exists()).collect();
        if !existing.is_empty() {
            return Err(already_there(dir.display(), &existing, lang));
        }
    }
    for (name, bytes) in &files {
        let tmp = dir.join(format!(".{name}.tmp"));
        std::fs::write(&tmp, bytes)
            .and_then(|_| std::fs::rename(&tmp, dir.join(name)))
            .map_err(|e| tr!(lang, "tidak dapat menulis {}: {e}", "cannot write {}: {e}", dir.join(name).display()))?;
    }
    Ok(files.len())
}

/// Files of that name are in the folder already.
fn already_there(dir: std::path::Display<'_>, existing: &[&str], lang: Lang) -> String {
    tr!(
        lang,
        "{dir} sudah berisi {}; gunakan --force untuk menimpa",
        "{dir} already holds {}; use --force to overwrite them",
        existing.join(", ")
    )
}

/// `kinerja import-budget`: the mapping and the preview on `out`, problems on stderr; writes only
/// with `apply`.
fn import_budget(mut session: Session, args: &ImportBudgetArgs, lang: Lang, out: &mut dyn Write) -> ExitCode {
    use crate::import::{level_label, BudgetSheet, PlanOptions, RowStatus, Target};
    let (file, year, map, apply) = (&args.file, args.year, &args.map, args.apply);
    let pick = |id: &'static str, en: &'static str| lang.pick(id, en);
    if !(1900..=2200).contains(&year) {
        return fail(pick("tahun harus antara 1900 dan 2200", "the year must be between 1900 and 2200"));
    }
    let sheet = match BudgetSheet::open(file) {
        Ok(s) => s,
        Err(problems) => {
            return fail(format!(
                "{}\n{}",
                pick("berkas tidak diimpor; tidak ada yang ditulis:", "file not imported; nothing written:"),
                problems.render(lang)
            ))
        }
    };
    let mut mapping = sheet.detect_mapping(&session.dataset, year);
    for m in map {
        let Some((target, heading)) = m.split_once('=') else {
            return fail(format!("--map {m}: {}", pick("tulis TARGET=JUDUL", "write TARGET=HEADING")));
        };
        let Some(target) = Target::from_code(target) else {
            let codes: Vec<&str> = Target::ALL.iter().map(|t| t.code()).collect();
            return fail(format!("--map {m}: {} {}", pick("target dikenal:", "known targets:"), codes.join(", ")));
        };
        if heading.trim().is_empty() {
            mapping.set(target, None);
            continue;
        }
        match sheet.find_column(heading) {
            Some(c) => mapping.set(target, Some(c)),
            None => {
                let headings: Vec<String> =
                    (0..sheet.headings.len()).map(|i| format!("'{}'", sheet.column_label(i))).collect();
                return fail(format!(
                    "--map {m}: {} {}",
                    pick("judul tidak ada di berkas; judul yang ada:", "no such heading in the file; its headings:"),
                    headings.join(", ")
                ));
            }
        }
    }
    let plan = sheet.plan(&mapping, PlanOptions { update_names: args.names }, &session.dataset, year);
    let mut text = String::new();
    let place = match &sheet.sheet.source {
        crate::import::SheetSource::Worksheet(name) => format!("{} '{name}'", pick("lembar", "sheet")),
        crate::import::SheetSource::Csv { delimiter } => {
            format!("CSV, {} '{}'", pick("pemisah", "delimiter"), delimiter.escape_default())
        }
    };
    text.push_str(&format!(
        "{}: {} ({place}), {} {}\n{}:\n",
        pick("Berkas", "File"),
        sheet.file,
        pick("judul kolom di baris", "header in row"),
        sheet.header_row_number(),
        pick("Kolom", "Columns"),
    ));
    for t in Target::ALL {
        let col =
            mapping.get(t).map_or_else(|| pick("(tidak dipakai)", "(not used)").to_string(), |c| sheet.column_label(c));
        text.push_str(&format!("  {:<15} <- {col}\n", t.code()));
    }
    text.push_str(&format!("{} {year}: {}\n", pick("Pratinjau", "Preview"), plan.counts().summary(lang)));
    for r in &plan.rows {
        let changes = r.changes.iter().map(|c| c.describe(lang)).collect::<Vec<_>>().join("; ");
        match r.status {
            RowStatus::Changed => {
                text.push_str(&format!("  {} {}  {} {}: {changes}\n", pick("baris", "row"), r.row, r.kode, r.name));
            }
            RowStatus::New => {
                let level = r.level.map(level_label).unwrap_or_default();
                let parent =
                    r.parent.as_deref().map(|p| format!(" {} {p}", pick("di bawah", "under"))).unwrap_or_default();
                text.push_str(&format!(
                    "  {} {}  {} {} ({}, {level}{parent}): {changes}\n",
                    pick("baris", "row"),
                    r.row,
                    r.kode,
                    r.name,
                    pick("baru", "new")
                ));
            }
            _ => {}
        }
    }
    if !plan.skipped.is_empty() {
        let skipped: Vec<String> =
            plan.skipped.iter().map(|s| format!("{} ({})", s.row, s.reason.message(lang))).collect();
        text.push_str(&format!("{}: {}\n", pick("Baris dilewati", "Skipped rows"), skipped.join(", ")));
    }
    if out.write_all(text.as_bytes()).is_err() {
        return ExitCode::from(EXIT_ERROR);
    }
    if !plan.problems.is_empty() {
        return fail(format!(
            "{} {}\n{}",
            plan.problems.len(),
            pick("masalah; tidak ada yang ditulis:", "problem(s); nothing written:"),
            plan.render_problems(lang)
        ));
    }
    if !apply {
        eprintln!(
            "kinerja: {}",
            pick(
                "tidak ada yang ditulis; jalankan lagi dengan --apply untuk menyimpan",
                "nothing written; run again with --apply to save"
            )
        );
        return ExitCode::SUCCESS;
    }
    // The change's description is the office's record: Indonesian, whatever --lang says.
    let change = match plan.change(Lang::Id) {
        Ok(c) => c,
        Err(crate::import::NotApplicable::NothingToChange) => {
            eprintln!("kinerja: {}", pick("tidak ada yang berubah", "nothing changes"));
            return ExitCode::SUCCESS;
        }
        Err(e) => return fail(e.message(lang)),
    };
    let user = session.user_name();
    let description = plan.description(lang);
    match session.apply(&mut crate::app::History::default(), change, &user) {
        Ok(()) => {
            eprintln!("kinerja: {}: {description}", pick("tersimpan", "saved"));
            ExitCode::SUCCESS
        }
        Err(e) => fail(format!("{}: {e}", pick("tidak disimpan", "not saved"))),
    }
}
