//! The command line: `kinerja [--db FILE] [COMMAND]`.

use crate::app::{default_db_path, Session};
use crate::calc::check::{check, CheckReport};
use crate::domain::Year;
use crate::report::{build_table, to_csv, to_json, TableOptions};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit code for errors (bad arguments, unknown table, unreadable database).
pub const EXIT_ERROR: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "kinerja",
    version = crate::build_info::VERSION,
    long_version = crate::build_info::long_version(),
    about = "Kinerja — data SAKIP dan LKIP perangkat daerah (SAKIP performance data and LKIP reports)",
    after_help = after_help(),
)]
pub struct Cli {
    /// Database file; created from the embedded dataset when it does not exist.
    #[arg(long, global = true, value_name = "FILE")]
    pub db: Option<PathBuf>,
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
    /// Print one of the report's standard tables (1.1, 1.2, 2.1–2.3, 3.1–3.20), recomputed.
    Table {
        /// Table number as in the report, e.g. 3.19.
        id: String,
        /// Year; defaults to the latest year with reported results.
        #[arg(long)]
        year: Option<Year>,
        #[arg(long, value_enum, default_value = "csv")]
        format: TableFormat,
        /// Show telephone numbers of Tabel 3.15 in full (masked by default).
        #[arg(long)]
        show_phone: bool,
    },
    /// Write the office's whole dataset in the interchange format (one CSV per entity).
    Export {
        /// Folder to write the dataset files into (created if missing).
        #[arg(long, value_name = "DIR")]
        dataset: PathBuf,
        /// Overwrite files that already exist.
        #[arg(long)]
        force: bool,
    },
    /// Import a dataset folder (interchange format); it is validated completely first, and an
    /// office with the same code is replaced, never duplicated.
    Import {
        /// The folder holding the dataset's CSV files.
        path: PathBuf,
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
}

#[derive(Subcommand, Debug)]
pub enum DbCommand {
    /// Run SQLite's integrity check on the database without changing it.
    /// Exit code 0: sound; 1: damaged; 2: the file does not exist.
    Check,
    /// Write a long series of small edits, printing `committed N` after each commit
    /// (used by the crash test).
    #[command(hide = true)]
    Stress {
        #[arg(long, default_value_t = 1000)]
        count: u32,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum TableFormat {
    Csv,
    Json,
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
    let db = cli.db.clone().unwrap_or_else(default_db_path);
    match cli.command {
        None => match crate::ui::run(db) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("kinerja: {e}");
                ExitCode::from(EXIT_ERROR)
            }
        },
        Some(command) => {
            let mut out = std::io::stdout().lock();
            let code = run(command, &db, &mut out);
            let _ = out.flush();
            code
        }
    }
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("kinerja: {message}");
    ExitCode::from(EXIT_ERROR)
}

/// Runs a command against the database at `db`, writing its output to `out`.
pub fn run(command: Command, db: &std::path::Path, out: &mut dyn Write) -> ExitCode {
    if let Command::Db { action: DbCommand::Check } = command {
        if !db.exists() {
            return fail(format!("{} tidak ada", db.display()));
        }
        return match crate::storage::check_file(db) {
            Ok(()) => {
                let _ = writeln!(out, "{}: baik (integrity_check ok)", db.display());
                ExitCode::SUCCESS
            }
            Err(detail) => {
                let _ = writeln!(out, "{}: RUSAK — {detail}", db.display());
                ExitCode::from(1)
            }
        };
    }
    let session = match Session::open(db) {
        Ok(s) => s,
        Err(e) => return fail(e.message_id()),
    };
    if session.created {
        eprintln!("kinerja: basis data baru dibuat dari dataset bawaan: {}", db.display());
    }
    let d = &session.dataset;
    let latest = d.latest_report_year();
    match command {
        Command::Table { id, year, format, show_phone } => {
            let Some(year) = year.or(latest) else {
                return fail("basis data belum berisi data tahunan");
            };
            if !d.all_years().contains(&year) {
                let years: Vec<String> = d.all_years().iter().map(|y| y.to_string()).collect();
                return fail(format!("tidak ada data untuk tahun {year}; tahun yang ada: {}", years.join(", ")));
            }
            match build_table(d, &session.settings, &id, year, TableOptions { show_phone }) {
                Ok(t) => {
                    let text = match format {
                        TableFormat::Csv => to_csv(&t),
                        TableFormat::Json => to_json(&t) + "\n",
                    };
                    if out.write_all(text.as_bytes()).is_err() {
                        return ExitCode::from(EXIT_ERROR);
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e.message_id()),
            }
        }
        Command::Export { dataset, force } => match export_dataset(d, &dataset, force) {
            Ok(n) => {
                eprintln!("kinerja: {n} berkas ditulis ke {}", dataset.display());
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        },
        Command::Import { path } => {
            let imported = match crate::interchange::read_dataset(&crate::interchange::DirSource(path.clone())) {
                Ok(d) => d,
                Err(problems) => {
                    return fail(format!(
                        "{} tidak diimpor; tidak ada yang ditulis. {} masalah:\n{}",
                        path.display(),
                        problems.0.len(),
                        problems.render(crate::format::Lang::Id)
                    ))
                }
            };
            let mut store = session.store;
            match store.save_dataset(&imported) {
                Ok(_) => {
                    eprintln!(
                        "kinerja: {} ({}) diimpor ke {}",
                        imported.office.name,
                        imported.office.code,
                        db.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e.message_id()),
            }
        }
        Command::Db { action: DbCommand::Check } => ExitCode::SUCCESS,
        Command::Db { action: DbCommand::Stress { count } } => stress(session, count, out),
        Command::Check { year, format } => {
            if let Some(y) = year {
                if !d.all_years().contains(&y) {
                    let years: Vec<String> = d.all_years().iter().map(|y| y.to_string()).collect();
                    return fail(format!("tidak ada data untuk tahun {y}; tahun yang ada: {}", years.join(", ")));
                }
            }
            let report = check(d, &session.settings, year);
            let text = match format {
                CheckFormat::Json => check_json(&report),
                CheckFormat::Text => check_text(&report),
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

/// Writes `count` realisations (indicator IKU1, years 3000 + i) one change at a time.
fn stress(mut session: Session, count: u32, out: &mut dyn Write) -> ExitCode {
    use crate::app::{Change, History};
    use crate::storage::{Field, FieldEdit, Value};
    let mut history = History::default();
    for i in 0..count {
        let change = Change {
            description: format!("uji {i}"),
            edits: vec![FieldEdit {
                field: Field::Realisation { indicator: "IKU1".into(), year: 3000 + i as i32 },
                old: Value::Null,
                new: Value::Dec(rust_decimal::Decimal::from(i)),
            }],
        };
        if let Err(e) = session.apply(&mut history, change, "uji") {
            return fail(e);
        }
        let _ = writeln!(out, "committed {i}");
        let _ = out.flush();
    }
    ExitCode::SUCCESS
}

/// Writes the interchange files into `dir`; nothing is overwritten without `force`, and each
/// file is written to a temporary name first, then renamed.
fn export_dataset(d: &crate::domain::Dataset, dir: &std::path::Path, force: bool) -> Result<usize, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("tidak dapat membuat folder {}: {e}", dir.display()))?;
    let files = crate::interchange::write_dataset(d);
    if !force {
        let existing: Vec<&str> = files.iter().map(|(n, _)| *n).filter(|n| dir.join(n).exists()).collect();
        if !existing.is_empty() {
            return Err(format!(
                "{} sudah berisi {}; gunakan --force untuk menimpa",
                dir.display(),
                existing.join(", ")
            ));
        }
    }
    for (name, bytes) in &files {
        let tmp = dir.join(format!(".{name}.tmp"));
        std::fs::write(&tmp, bytes)
            .and_then(|_| std::fs::rename(&tmp, dir.join(name)))
            .map_err(|e| format!("tidak dapat menulis {}: {e}", dir.join(name).display()))?;
    }
    Ok(files.len())
}

/// `{"findings": [...], "unverified": [...]}`.
pub fn check_json(r: &CheckReport) -> String {
    serde_json::to_string_pretty(r).unwrap_or_default() + "\n"
}

/// One finding per paragraph, then the figures that could not be verified.
pub fn check_text(r: &CheckReport) -> String {
    let mut s = String::new();
    if r.findings.is_empty() {
        s.push_str("Tidak ada temuan: setiap angka tercetak sesuai dengan hasil hitung ulang.\n");
    } else {
        s.push_str(&format!("{} temuan:\n\n", r.findings.len()));
        for f in &r.findings {
            s.push_str(&format!("[{} / {}] {}\n    cara hitung: {}\n", f.table, f.year, f.message, f.formula));
        }
    }
    if !r.unverified.is_empty() {
        s.push_str(&format!(
            "\n{} angka tercetak tidak dapat diperiksa karena datanya tidak ada:\n",
            r.unverified.len()
        ));
        for u in &r.unverified {
            s.push_str(&format!(
                "[{} / {}] {} — {}: '{}' ({})\n",
                u.table, u.year, u.item, u.field, u.printed, u.reason
            ));
        }
    }
    s
}
