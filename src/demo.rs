//! `kinerja demo`: a synthetic city for tests and benchmarks.
//!
//! Office 1 is the embedded reference dataset; offices 2… are synthetic offices of Kota Bekasi
//! (dinas, badan, kecamatan, kelurahan, UPTD — names from [`catalog`]) with invented figures:
//! units, staff per year, a small asset tree per year, Renstra periods of five years ending in
//! the last year, 2–3 tujuan with their sasaran, 4–10 IKU (mostly higher-is-better, at least one
//! lower-is-better) with targets, agreement targets and realisations for every year, an AKIP
//! evaluation per year (components, weighted score, predicate per [`crate::calc::akip`]; the AKIP
//! IKU's realisation is the score), and per year exactly [`DemoSpec::lines`] budget lines
//! (8–15 programs, kegiatan, sub-kegiatan) whose parents are the sums of their children.
//!
//! Everything is a pure function of the seed and the office's number (a splitmix64 stream per
//! office, purpose and year), so the same seed gives the same city, and any office can be built
//! in memory on its own ([`synthetic_office`]) exactly as [`generate`] stores it.
//!
//! **The deliberate slip.** Each synthetic office prints the serapan of every program in its
//! budget-realisation table (like Tabel 3.19 of the reference report). In the last year the
//! serapan of the program with the largest pagu is printed without its tens digit (87,45 →
//! 7,45), the kind of slip the reference report has in Tabel 3.6 (7,39 for 79,39). The
//! consistency checker finds exactly this one figure in each synthetic office, and nothing else.
//!
//! [`generate`] writes into a temporary file beside the target (`.NAME.demo-PID.tmp`) with
//! `synchronous=OFF` and an in-memory journal, and renames it into place only when it is
//! complete; on an error or a cancel the temporary file is deleted and an existing file at the
//! target is untouched. Office records go through [`Store::save_dataset`]; the budget lines,
//! which are nearly all of the rows, are generated year by year and streamed into the store
//! ([`Store::append_rows`]), so that memory stays small and a cancel is noticed within one
//! office-year.

mod catalog;

use crate::calc::{akip, layout::layout, percent_of};
use crate::domain::*;
use crate::format::Lang;
use crate::storage::{StorageError, Store};
use catalog::{Entry, IkuTemplate, Kind, Sector};
use rust_decimal::Decimal;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Allowed number of offices (the reference office included).
pub const OFFICES: RangeInclusive<u32> = 1..=200;
/// Allowed number of years.
pub const YEARS: RangeInclusive<u32> = 1..=30;
/// Allowed number of budget lines per synthetic office and year (a program, a kegiatan and a
/// sub-kegiatan at least).
pub const LINES: RangeInclusive<u32> = 3..=100_000;
/// Allowed last year.
pub const LAST_YEARS: RangeInclusive<Year> = 2000..=2100;

/// What city to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoSpec {
    /// Offices in all, the embedded reference office (number 1) included.
    pub offices: u32,
    /// Years of each synthetic office, ending in `last_year`.
    pub years: u32,
    /// Budget lines of each synthetic office in each year.
    pub lines: u32,
    pub seed: u64,
    /// The last year (default 2024, the reference report's year).
    pub last_year: Year,
}

impl Default for DemoSpec {
    fn default() -> Self {
        DemoSpec { offices: 50, years: 10, lines: 2000, seed: 1, last_year: 2024 }
    }
}

/// A setting of [`DemoSpec`], for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecField {
    Offices,
    Years,
    Lines,
    LastYear,
}

impl SpecField {
    /// The command-line option.
    pub fn option(self) -> &'static str {
        match self {
            SpecField::Offices => "--offices",
            SpecField::Years => "--years",
            SpecField::Lines => "--lines",
            SpecField::LastYear => "tahun terakhir",
        }
    }
    fn what(self, lang: Lang) -> &'static str {
        match self {
            SpecField::Offices => lang.pick("jumlah kantor", "the number of offices"),
            SpecField::Years => lang.pick("jumlah tahun", "the number of years"),
            SpecField::Lines => {
                lang.pick("jumlah baris anggaran per kantor per tahun", "budget lines per office and year")
            }
            SpecField::LastYear => lang.pick("tahun terakhir", "the last year"),
        }
    }
}

impl DemoSpec {
    /// Checks every setting against its allowed range.
    pub fn validate(&self) -> Result<(), DemoError> {
        let check = |field, value: i64, range: (i64, i64)| {
            if value < range.0 || value > range.1 {
                Err(DemoError::OutOfRange { field, value, min: range.0, max: range.1 })
            } else {
                Ok(())
            }
        };
        let r = |r: &RangeInclusive<u32>| (i64::from(*r.start()), i64::from(*r.end()));
        check(SpecField::Offices, self.offices.into(), r(&OFFICES))?;
        check(SpecField::Years, self.years.into(), r(&YEARS))?;
        check(SpecField::Lines, self.lines.into(), r(&LINES))?;
        check(SpecField::LastYear, self.last_year.into(), ((*LAST_YEARS.start()).into(), (*LAST_YEARS.end()).into()))
    }

    pub fn first_year(&self) -> Year {
        self.last_year - self.years as Year + 1
    }

    /// Budget lines of the synthetic offices (the reference office's come on top).
    pub fn synthetic_lines(&self) -> u64 {
        u64::from(self.offices.saturating_sub(1)) * u64::from(self.years) * u64::from(self.lines)
    }
}

/// Why no city was generated. Nothing is left behind in any case.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("{} {value}: {} must be from {min} to {max}", .field.option(), .field.what(Lang::En))]
    OutOfRange { field: SpecField, value: i64, min: i64, max: i64 },
    #[error("{0} already exists; use --force to overwrite it")]
    Exists(String),
    #[error("{0} is open for editing in another Kinerja; close it first")]
    InUse(String),
    #[error("cancelled; nothing was written")]
    Cancelled,
    #[error("the embedded dataset is invalid: {0}")]
    Embedded(#[from] crate::interchange::Problems),
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("cannot write {path}: {source}")]
    Io { path: String, source: std::io::Error },
}

impl From<rusqlite::Error> for DemoError {
    fn from(e: rusqlite::Error) -> Self {
        DemoError::Storage(StorageError::Sqlite(e))
    }
}

impl DemoError {
    /// The message in Indonesian.
    pub fn message_id(&self) -> String {
        match self {
            DemoError::OutOfRange { field, value, min, max } => format!(
                "{} {value}: {} harus bilangan bulat dari {min} sampai {max}",
                field.option(),
                field.what(Lang::Id)
            ),
            DemoError::Exists(p) => format!("{p} sudah ada; gunakan --force untuk menimpanya"),
            DemoError::InUse(p) => format!("{p} sedang dibuka untuk disunting oleh Kinerja lain; tutup dahulu"),
            DemoError::Cancelled => "dibatalkan; tidak ada berkas yang ditulis".into(),
            DemoError::Embedded(p) => format!("Dataset bawaan tidak valid:\n{p}"),
            DemoError::Storage(e) => e.message_id(),
            DemoError::Io { path, source } => format!("tidak dapat menulis {path}: {source}"),
        }
    }
}

/// What the generator is doing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Creating the schema and storing the reference office.
    Preparing,
    /// Generating and storing office `number` of `of`.
    Office { number: u32, of: u32, name: String },
    /// Writing the file out and moving it into place.
    Finishing,
}

impl Phase {
    /// A short text for a progress bar or a log line.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Phase::Preparing => lang.pick("menyiapkan basis data", "preparing the database").into(),
            Phase::Office { number, of, name } => format!("{} {number}/{of}: {name}", lang.pick("kantor", "office")),
            Phase::Finishing => lang.pick("menyelesaikan berkas", "finishing the file").into(),
        }
    }
}

/// Progress of [`generate`]: `done` of `total` budget lines stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
    pub phase: Phase,
}

impl Progress {
    /// 0.0 to 1.0.
    pub fn fraction(&self) -> f32 {
        if self.total == 0 {
            1.0
        } else {
            (self.done as f64 / self.total as f64) as f32
        }
    }
    /// 0 to 100, rounded down.
    pub fn percent(&self) -> u32 {
        (self.done.saturating_mul(100).checked_div(self.total).unwrap_or(100)).min(100) as u32
    }
}

/// What [`generate`] wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct DemoSummary {
    pub path: PathBuf,
    pub offices: u32,
    pub first_year: Year,
    pub last_year: Year,
    /// Budget lines in the file, the reference office's included.
    pub budget_lines: u64,
    /// Size of the file.
    pub bytes: u64,
    pub elapsed: Duration,
}

/// Generates the city described by `spec` into a new database at `path`.
///
/// An existing file is replaced only with `overwrite` (and never while another Kinerja has it
/// open for editing). `progress` is called often (at least once per office-year); returning
/// `false` cancels: the temporary file is deleted and `path` is left as it was. Meant to run on
/// a background thread.
pub fn generate(
    path: &Path,
    spec: &DemoSpec,
    overwrite: bool,
    progress: &mut dyn FnMut(&Progress) -> bool,
) -> Result<DemoSummary, DemoError> {
    let started = Instant::now();
    spec.validate()?;
    let shown = path.display().to_string();
    let io = |source| DemoError::Io { path: shown.clone(), source };
    if path.exists() && !overwrite {
        return Err(DemoError::Exists(shown.clone()));
    }
    let lock = if path.exists() { lock_existing(path, &shown)? } else { None };
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    let name = path.file_name().map_or_else(|| "kinerja".into(), |n| n.to_string_lossy().into_owned());
    let mut tmp = TempFile { path: dir.join(format!(".{name}.demo-{}.tmp", std::process::id())), keep: false };
    tmp.remove();

    let lines = write_city(&tmp.path, spec, progress)?;
    if !progress(&Progress { done: lines, total: lines, phase: Phase::Finishing }) {
        return Err(DemoError::Cancelled);
    }
    std::fs::File::open(&tmp.path).and_then(|f| f.sync_all()).map_err(io)?;
    if !overwrite && path.exists() {
        return Err(DemoError::Exists(shown.clone()));
    }
    // Leftovers of the replaced database would be replayed into the new one.
    for suffix in ["-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(with_suffix(path, suffix));
    }
    std::fs::rename(&tmp.path, path).map_err(io)?;
    tmp.keep = true;
    drop(lock);
    let bytes = std::fs::metadata(path).map_err(io)?.len();
    Ok(DemoSummary {
        path: path.to_path_buf(),
        offices: spec.offices,
        first_year: spec.first_year(),
        last_year: spec.last_year,
        budget_lines: lines,
        bytes,
        elapsed: started.elapsed(),
    })
}

/// Synthetic office `number` (2 to `spec.offices`; 1 is the reference office) as
/// [`generate`] stores it.
pub fn synthetic_office(spec: &DemoSpec, number: u32) -> Result<Dataset, DemoError> {
    spec.validate()?;
    if number < 2 || number > spec.offices {
        return Err(DemoError::OutOfRange {
            field: SpecField::Offices,
            value: number.into(),
            min: 2,
            max: spec.offices.into(),
        });
    }
    let plan = Plan::new(spec, number, &catalog::offices());
    let mut d = plan.core();
    for year in spec.first_year()..=spec.last_year {
        let amounts = plan.amounts(year);
        d.budget_lines.extend(plan.lines.iter().zip(&amounts).map(|(l, a)| l.budget_line(year, a)));
    }
    Ok(d)
}

fn write_city(tmp: &Path, spec: &DemoSpec, progress: &mut dyn FnMut(&Progress) -> bool) -> Result<u64, DemoError> {
    let mut store = Store::open(tmp)?;
    // A new file that is thrown away on any failure: no need to survive a power cut midway.
    // `Store::open` makes a file, so the store is on SQLite; its tuning is SQLite's own.
    if let Some(conn) = store.db().as_sqlite() {
        conn.pragma_update(None, "journal_mode", "MEMORY")?;
        conn.pragma_update(None, "synchronous", "OFF")?;
        conn.pragma_update(None, "cache_size", -65536)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
    }

    let reference = crate::embedded::dataset()?;
    let total = reference.budget_lines.len() as u64 + spec.synthetic_lines();
    let mut done = 0;
    let mut report = |done: u64, phase: Phase| {
        if progress(&Progress { done, total, phase }) {
            Ok(())
        } else {
            Err(DemoError::Cancelled)
        }
    };
    report(done, Phase::Preparing)?;
    store.save_dataset(&reference)?;
    done += reference.budget_lines.len() as u64;

    let entries = catalog::offices();
    for number in 2..=spec.offices {
        let plan = Plan::new(spec, number, &entries);
        let phase = || Phase::Office { number, of: spec.offices, name: plan.entry.name.clone() };
        report(done, phase())?;
        let office_id = store.save_dataset(&plan.core())?;
        store.append_rows::<BudgetLine, DemoError>(office_id, |store_line| {
            for year in spec.first_year()..=spec.last_year {
                for (l, a) in plan.lines.iter().zip(plan.amounts(year)) {
                    store_line(&l.budget_line(year, &a))?;
                }
                done += plan.lines.len() as u64;
                report(done, phase())?;
            }
            Ok(())
        })?;
    }
    // Leave the file as Kinerja itself makes it.
    if let Some(conn) = store.db().as_sqlite() {
        conn.pragma_update(None, "journal_mode", "WAL")?;
    }
    drop(store);
    Ok(done)
}

/// Takes the editing lock of an existing database, so that a running Kinerja is not pulled
/// from under; `None` when there is no lock file (nobody has it open) or locks are unsupported.
fn lock_existing(path: &Path, shown: &str) -> Result<Option<std::fs::File>, DemoError> {
    let Ok(file) = std::fs::OpenOptions::new().write(true).open(with_suffix(path, ".lock")) else {
        return Ok(None);
    };
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => Err(DemoError::InUse(shown.to_string())),
        Err(std::fs::TryLockError::Error(_)) => Ok(None),
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// A temporary database file, deleted (with its journals) unless kept.
struct TempFile {
    path: PathBuf,
    keep: bool,
}

impl TempFile {
    fn remove(&self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(with_suffix(&self.path, suffix));
        }
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.keep {
            self.remove();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The generator.

/// splitmix64: tiny, fast, and the same on every platform. Only integer arithmetic is used on
/// its output, so the figures do not depend on floating-point libraries.
#[derive(Clone, Debug)]
struct Rng(u64);

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Purposes of the random streams of an office.
const STRUCTURE: u64 = 1;
const CORE: u64 = 2;
const YEAR: u64 = 3;

impl Rng {
    /// An independent stream for `parts` (office, purpose, year) of the seed.
    fn stream(seed: u64, parts: &[u64]) -> Rng {
        let mut s = mix(seed.wrapping_add(GOLDEN));
        for p in parts {
            s = mix(s ^ mix(p.wrapping_add(GOLDEN)));
        }
        Rng(s)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        mix(self.0)
    }
    /// Uniform in `lo..=hi`; `lo` when the range is empty.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = (hi as i128 - lo as i128 + 1) as u128;
        lo + ((u128::from(self.next()) * span) >> 64) as i64
    }
    fn index(&mut self, len: usize) -> usize {
        self.range(0, len as i64 - 1).max(0) as usize
    }
    fn percent(&mut self, p: i64) -> bool {
        self.range(0, 99) < p
    }
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.index(i + 1);
            items.swap(i, j);
        }
    }
}

/// `a × b / c` without overflow, rounded down.
fn muldiv(a: i64, b: i64, c: i64) -> i64 {
    let v = i128::from(a) * i128::from(b) / i128::from(c.max(1));
    v.clamp(i64::MIN.into(), i64::MAX.into()) as i64
}

fn round_thousand(rupiah: i64) -> i64 {
    (rupiah + 500) / 1000 * 1000
}

/// Hundredths as a decimal with two places.
fn hundredths(v: i64) -> Decimal {
    Decimal::new(v, 2)
}

/// `n` items over `buckets` buckets, each at least one (when `n >= buckets`), in uneven shares.
fn distribute(n: usize, buckets: usize, rng: &mut Rng) -> Vec<usize> {
    if buckets == 0 {
        return Vec::new();
    }
    let mut out = vec![1usize.min(n / buckets.max(1)); buckets];
    let base: usize = out.iter().sum();
    let rest = n - base;
    let weights: Vec<usize> = (0..buckets).map(|_| rng.range(1, 10) as usize).collect();
    let sum: usize = weights.iter().sum();
    let mut given = 0;
    for (o, w) in out.iter_mut().zip(&weights) {
        let share = rest * w / sum;
        *o += share;
        given += share;
    }
    let start = rng.index(buckets);
    for i in 0..rest - given {
        out[(start + i) % buckets] += 1;
    }
    out
}

/// The largest amount of one sub-kegiatan in a year (Rp 200 miliar), so that even 100 000 lines
/// over 30 years stay far inside the range of the store's integer sen.
const MAX_LINE: i64 = 200_000_000_000;

/// One budget line of an office (the same in every year).
#[derive(Clone, Debug)]
struct PlanLine {
    kode: String,
    parent: Option<usize>,
    parent_kode: Option<String>,
    level: BudgetLevel,
    position: i64,
    name: String,
    /// Pagu murni of a sub-kegiatan in the first year, whole rupiah.
    base: i64,
}

impl PlanLine {
    /// The line in `year` with its amounts.
    fn budget_line(&self, year: Year, a: &Amount) -> BudgetLine {
        BudgetLine {
            pagu_murni: Some(Money::from_rupiah(a.murni)),
            pagu_perubahan: a.perubahan().map(Money::from_rupiah),
            realisasi: Some(Money::from_rupiah(a.realisasi)),
            ..BudgetLine::new(year, &self.kode, self.parent_kode.as_deref(), self.level, self.position, &self.name)
        }
    }
}

/// A line's amounts in one year, whole rupiah.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Amount {
    murni: i64,
    /// The final pagu: after perubahan when `revised`, otherwise murni.
    pagu: i64,
    realisasi: i64,
    revised: bool,
}

impl Amount {
    fn perubahan(&self) -> Option<i64> {
        self.revised.then_some(self.pagu)
    }
}

/// An office's structure: everything that does not change from year to year.
struct Plan {
    number: u32,
    seed: u64,
    first_year: Year,
    last_year: Year,
    entry: Entry,
    lines: Vec<PlanLine>,
    /// Budget level of each year in millionths of the first year's.
    level_ppm: Vec<i64>,
}

fn entry_for(entries: &[Entry], number: u32) -> Entry {
    let i = (number as usize).saturating_sub(2);
    match entries.get(i) {
        Some(e) => e.clone(),
        // Only past 200 offices, which `validate` refuses; kept distinct all the same. The
        // catalogue is a non-empty constant, so the index is in range.
        None => {
            let mut e = entries[i % entries.len().max(1)].clone();
            e.code = format!("{}-{number}", e.code);
            e.name = format!("{} ({number})", e.name);
            e
        }
    }
}

impl Plan {
    fn new(spec: &DemoSpec, number: u32, entries: &[Entry]) -> Plan {
        let entry = entry_for(entries, number);
        let seed = spec.seed;
        let mut rng = Rng::stream(seed, &[u64::from(number), STRUCTURE]);
        let lines = budget_structure(&entry, spec.lines.max(3) as usize, &mut rng);
        let mut level_ppm = Vec::new();
        let mut level = 1_000_000i64;
        for year in spec.first_year()..=spec.last_year {
            if year > spec.first_year() {
                let growth = match year {
                    // Refocusing of the budgets in the pandemic.
                    2020 => rng.range(-180, -60),
                    2021 => rng.range(-50, 30),
                    _ => rng.range(-20, 90),
                };
                level = muldiv(level, 1000 + growth, 1000);
            }
            level_ppm.push(level);
        }
        Plan { number, seed, first_year: spec.first_year(), last_year: spec.last_year, entry, lines, level_ppm }
    }

    /// The budget of `year`: every line's amounts, parents the sums of their children.
    fn amounts(&self, year: Year) -> Vec<Amount> {
        let mut rng = Rng::stream(self.seed, &[u64::from(self.number), YEAR, year as u64]);
        let level = self.level_ppm.get((year - self.first_year) as usize).copied().unwrap_or(1_000_000);
        let mut out = vec![Amount::default(); self.lines.len()];
        for (line, a) in self.lines.iter().zip(out.iter_mut()) {
            if line.level != BudgetLevel::SubKegiatan {
                continue;
            }
            let noise = rng.range(900, 1100);
            let murni = round_thousand(muldiv(muldiv(line.base, level, 1_000_000), noise, 1000)).clamp(1000, MAX_LINE);
            let revised = rng.percent(25);
            let pagu =
                if revised { round_thousand(muldiv(murni, rng.range(800, 1200), 1000)).max(1000) } else { murni };
            // Serapan: mostly 80–100 %, sometimes full, sometimes low.
            let ratio = match rng.range(0, 99) {
                0..=5 => 100_000,
                6..=83 => rng.range(80_000, 99_999),
                84..=95 => rng.range(50_000, 79_999),
                _ => rng.range(0, 49_999),
            };
            *a = Amount { murni, pagu, realisasi: muldiv(pagu, ratio, 100_000), revised };
        }
        // Children come after their parent: adding up from the end completes every parent
        // before it is added to its own parent.
        for i in (0..self.lines.len()).rev() {
            if let Some(p) = self.lines[i].parent {
                let c = out[i];
                let parent = &mut out[p];
                parent.murni += c.murni;
                parent.pagu += c.pagu;
                parent.realisasi += c.realisasi;
                parent.revised |= c.revised;
            }
        }
        out
    }

    fn programs(&self) -> impl Iterator<Item = (usize, &PlanLine)> {
        self.lines.iter().enumerate().filter(|(_, l)| l.level == BudgetLevel::Program)
    }

    /// Everything of the office but its budget lines.
    fn core(&self) -> Dataset {
        let e = &self.entry;
        let mut rng = Rng::stream(self.seed, &[u64::from(self.number), CORE]);
        let street = catalog::STREETS[rng.index(catalog::STREETS.len())];
        let mut d = Dataset {
            office: Office {
                code: e.code.clone(),
                name: e.name.clone(),
                short_name: e.short_name.clone(),
                government: "Pemerintah Kota Bekasi".into(),
                address: format!("{street} No. {}, Kota Bekasi", rng.range(1, 250)),
                legal_basis: format!(
                    "Data sintetis untuk uji dan peragaan (kinerja demo, benih {}); bukan data resmi.",
                    self.seed
                ),
            },
            ..Dataset::default()
        };
        let years: Vec<Year> = (self.first_year..=self.last_year).collect();
        organisation(&mut d, e, &years, &mut rng);
        d.akip_evaluations = renstra(&mut d, e, &years, &mut rng);
        self.budget_records(&mut d, &years);
        d
    }

    /// The agreement's program budget, program support and the printed serapan of the programs.
    fn budget_records(&self, d: &mut Dataset, years: &[Year]) {
        let latest = d.periods.last().map(|p| p.code.clone()).unwrap_or_default();
        let ikus: Vec<String> = d.ikus_of_period(&latest).iter().map(|i| i.code.clone()).collect();
        for (n, (_, p)) in self.programs().enumerate() {
            // The support program serves the AKIP indicator (IKU1); the others the field's.
            let indicator =
                if n == 0 || ikus.len() < 2 { ikus.first() } else { ikus.get(1 + (n - 1) % (ikus.len() - 1)) };
            if let Some(i) = indicator {
                d.program_support.push(ProgramSupport { program: p.kode.clone(), indicator: i.clone() });
            }
        }
        for &year in years {
            let amounts = self.amounts(year);
            let table = layout(d, year)
                .into_iter()
                .find(|t| t.kind == TableKind::BudgetRealisation)
                .map_or_else(|| "3.19".to_string(), |t| t.id);
            let largest =
                self.programs().max_by_key(|(i, _)| (amounts[*i].pagu, std::cmp::Reverse(*i))).map(|(i, _)| i);
            for (i, p) in self.programs() {
                let a = amounts[i];
                d.agreement_programs.push(AgreementProgram {
                    year,
                    program: p.kode.clone(),
                    position: p.position,
                    name: p.name.clone(),
                    pagu_murni: Some(Money::from_rupiah(a.murni)),
                    pagu_perubahan: a.perubahan().map(Money::from_rupiah),
                    note: String::new(),
                });
                let Ok(serapan) = percent_of(Decimal::from(a.realisasi), Decimal::from(a.pagu)) else { continue };
                let serapan = serapan.round_dp(2);
                let slip = year == self.last_year && Some(i) == largest;
                let printed = if slip { dropped_tens_digit(serapan) } else { serapan };
                let text = format!("{printed:.2}");
                d.printed_figures.push(PrintedFigure {
                    year,
                    table: table.clone(),
                    place: Place::Table,
                    subject: format!("budget:{}", p.kode),
                    field: "serapan_pct".into(),
                    value: text.parse().ok(),
                    printed: text,
                    note: if slip {
                        "Kesalahan cetak yang disengaja (data sintetis): digit puluhan hilang, seperti 7,39 untuk 79,39 pada Tabel 3.6 laporan rujukan.".into()
                    } else {
                        String::new()
                    },
                });
            }
        }
    }
}

/// 87,45 → 7,45; a figure without a tens digit (5,20 or 100,00) gets one too many instead.
fn dropped_tens_digit(v: Decimal) -> Decimal {
    let tens = (v / Decimal::TEN).trunc() % Decimal::TEN;
    if tens.is_zero() {
        v + Decimal::TEN
    } else {
        v - tens * Decimal::TEN
    }
}

/// Program → kegiatan → sub-kegiatan with exactly `total` lines, in tree order.
fn budget_structure(entry: &Entry, total: usize, rng: &mut Rng) -> Vec<PlanLine> {
    let programs = ((rng.range(8, 15) as usize).min(total / 3)).max(1);
    let rest = total - programs;
    let per_kegiatan = rng.range(4, 8) as usize;
    let kegiatan = (rest / (1 + per_kegiatan)).max(programs).min(rest / 2);
    let subs = rest - kegiatan;
    let kegiatan_of = distribute(kegiatan, programs, rng);
    let subs_of = distribute(subs, kegiatan, rng);

    let mut names: Vec<(&str, &str)> = entry.sector.programs.to_vec();
    let mut common = catalog::COMMON_PROGRAMS.to_vec();
    rng.shuffle(&mut common);
    names.extend(common);
    let staff_mid = (entry.staff.0 + entry.staff.1) / 2;

    let mut lines = Vec::with_capacity(total);
    let mut k_index = 0;
    for (p, &kegiatan_count) in kegiatan_of.iter().enumerate() {
        let (program_name, object) = match p {
            0 => (catalog::PENUNJANG, "Urusan Penunjang Perangkat Daerah"),
            _ => names.get(p - 1).copied().unwrap_or(("Program Pendukung Lainnya", "Urusan Pendukung")),
        };
        let pkode = (p + 1).to_string();
        let pi = lines.len();
        lines.push(PlanLine {
            kode: pkode.clone(),
            parent: None,
            parent_kode: None,
            level: BudgetLevel::Program,
            position: p as i64 + 1,
            name: program_name.to_string(),
            base: 0,
        });
        for k in 0..kegiatan_count {
            let real = if p == 0 { catalog::PENUNJANG_KEGIATAN.get(k) } else { None };
            let kname = match real {
                Some((name, _)) => name.to_string(),
                None => generic_kegiatan(object, if p == 0 { k - catalog::PENUNJANG_KEGIATAN.len() } else { k }),
            };
            let kkode = format!("{pkode}.{}", k + 1);
            let ki = lines.len();
            lines.push(PlanLine {
                kode: kkode.clone(),
                parent: Some(pi),
                parent_kode: Some(pkode.clone()),
                level: BudgetLevel::Kegiatan,
                position: k as i64 + 1,
                name: kname,
                base: 0,
            });
            let real_subs: &[&str] = real.map_or(&[], |(_, subs)| subs);
            for s in 0..subs_of.get(k_index).copied().unwrap_or(1) {
                let name = match real_subs.get(s) {
                    Some(n) => n.to_string(),
                    None => generic_sub(object, s - real_subs.len().min(s), k),
                };
                let base = if name == catalog::GAJI {
                    staff_mid * rng.range(90, 130) * 1_000_000
                } else {
                    let magnitude = match rng.range(0, 99) {
                        0..=44 => 100_000,
                        45..=91 => 1_000_000,
                        _ => 10_000_000,
                    };
                    round_thousand(muldiv(rng.range(100, 999) * magnitude, entry.scale, 1000)).max(1_000_000)
                };
                lines.push(PlanLine {
                    kode: format!("{kkode}.{}", s + 1),
                    parent: Some(ki),
                    parent_kode: Some(kkode.clone()),
                    level: BudgetLevel::SubKegiatan,
                    position: s as i64 + 1,
                    name,
                    base,
                });
            }
            k_index += 1;
        }
    }
    lines
}

/// The `k`-th generated kegiatan of a program about `object`; distinct for every `k`.
fn generic_kegiatan(object: &str, k: usize) -> String {
    let pattern = catalog::KEGIATAN_PATTERNS[k % catalog::KEGIATAN_PATTERNS.len()];
    let block = k / catalog::KEGIATAN_PATTERNS.len();
    let mut name = format!("{pattern} {object}");
    if block >= 1 {
        let n = catalog::KECAMATAN.len();
        name.push_str(&format!(" Wilayah Kecamatan {}", catalog::KECAMATAN[(block - 1) % n].0));
        if block > n {
            name.push_str(&format!(" Tahap {}", (block - 1) / n + 1));
        }
    }
    name
}

/// The `s`-th generated sub-kegiatan of kegiatan `k` about `object`; distinct for every `s`.
fn generic_sub(object: &str, s: usize, k: usize) -> String {
    let patterns = catalog::SUB_PATTERNS;
    let pattern = patterns[(s + k) % patterns.len()];
    let block = s / patterns.len();
    let mut name = format!("{pattern} {object}");
    if block >= 1 {
        let kelurahan: Vec<&str> = catalog::kelurahan().collect();
        let n = kelurahan.len();
        name.push_str(&format!(" di Kelurahan {}", kelurahan[(block - 1) % n]));
        if block > n {
            name.push_str(&format!(" Paket {}", (block - 1) / n + 1));
        }
    }
    name
}

const EDUCATION: [(&str, i64); 7] = [
    ("SD", 20),
    ("SLTP", 30),
    ("SLTA", 250),
    ("Diploma III", 100),
    ("Strata I", 430),
    ("Strata II", 160),
    ("Strata III", 10),
];

/// Units, their main tasks, staff and assets of every year.
fn organisation(d: &mut Dataset, e: &Entry, years: &[Year], rng: &mut Rng) {
    let mut unit = |code: &str, parent: Option<&str>, kind: UnitKind, name: &str, position: i64| {
        d.units.push(Unit { code: code.into(), parent: parent.map(Into::into), position, kind, name: name.into() })
    };
    unit("KEPALA", None, UnitKind::Head, e.kind.head(), 1);
    let divisions = match e.kind {
        Kind::Kelurahan => 3,
        Kind::Uptd => 0,
        _ => rng.range(2, e.sector.divisions.len() as i64) as usize,
    };
    let mut position = 2;
    match e.kind {
        Kind::Uptd => {
            unit("TU", None, UnitKind::Subdivision, "Sub Bagian Tata Usaha", position);
            position += 1;
        }
        Kind::Kelurahan => {
            unit("SEKRE", None, UnitKind::Secretariat, "Sekretariat Kelurahan", position);
            position += 1;
        }
        Kind::Kecamatan => {
            unit("SEKRE", None, UnitKind::Secretariat, "Sekretariat Kecamatan", position);
            unit("UMPEG", Some("SEKRE"), UnitKind::Subdivision, "Sub Bagian Umum dan Kepegawaian", 1);
            unit("PRGKEU", Some("SEKRE"), UnitKind::Subdivision, "Sub Bagian Perencanaan dan Keuangan", 2);
            position += 1;
        }
        _ => {
            unit("SEKRE", None, UnitKind::Secretariat, "Sekretariat", position);
            unit("UMPEG", Some("SEKRE"), UnitKind::Subdivision, "Sub Bagian Umum dan Kepegawaian", 1);
            unit("KEU", Some("SEKRE"), UnitKind::Subdivision, "Sub Bagian Keuangan", 2);
            unit("PRG", Some("SEKRE"), UnitKind::Subdivision, "Sub Bagian Perencanaan dan Pelaporan", 3);
            position += 1;
        }
    }
    for (i, name) in e.sector.divisions.iter().take(divisions).enumerate() {
        unit(&format!("BID{}", i + 1), None, UnitKind::Division, name, position);
        position += 1;
    }
    if e.kind != Kind::Kelurahan {
        unit("JF", None, UnitKind::Functional, "Kelompok Jabatan Fungsional", position);
    }
    d.unit_duties.push(UnitDuty {
        unit: "KEPALA".into(),
        position: 1,
        level: 0,
        label: String::new(),
        kind: DutyKind::Tugas,
        text: format!(
            "Memimpin, mengoordinasikan dan mengendalikan penyelenggaraan {} pada {}.",
            e.sector.noun, e.name
        ),
    });
    for (i, name) in e.sector.divisions.iter().take(divisions).enumerate() {
        d.unit_duties.push(UnitDuty {
            unit: format!("BID{}", i + 1),
            position: 1,
            level: 0,
            label: String::new(),
            kind: DutyKind::Tugas,
            text: format!("Melaksanakan perumusan kebijakan teknis, pelaksanaan, pemantauan dan evaluasi di {name}."),
        });
    }

    // Staff: a total that drifts from year to year, split by education and status.
    let mut staff = rng.range(e.staff.0, e.staff.1);
    let tkk_share = rng.range(200, 500);
    for &year in years {
        staff = (staff + muldiv(staff, rng.range(-40, 50), 1000)).max(5);
        for (position, (education, share)) in EDUCATION.iter().enumerate() {
            let n = muldiv(staff, share * rng.range(800, 1200), 1_000_000);
            let tkk = if *education == "Strata III" { 0 } else { muldiv(n, tkk_share, 1000) };
            for (status, count) in [(StaffStatus::Pns, n - tkk), (StaffStatus::Tkk, tkk)] {
                d.staff.push(StaffCount {
                    year,
                    position: position as i64 + 1,
                    education: (*education).into(),
                    status,
                    count,
                });
            }
        }
    }

    // Assets: (code, label, name, initial count range, unit price range in rupiah).
    type Leaf = (&'static str, &'static str, &'static str, (i64, i64), (i64, i64));
    const GROUPS: [(&str, &str, &str, &[Leaf]); 4] = [
        (
            "1.1",
            "1.",
            "Tanah",
            &[("1.1.1", "-", "Tanah Bangunan Kantor Pemerintah", (1, 2), (2_000_000_000, 15_000_000_000))],
        ),
        (
            "1.2",
            "2.",
            "Peralatan dan Mesin",
            &[
                ("1.2.1", "a.", "Alat Angkutan Darat Bermotor", (3, 25), (25_000_000, 450_000_000)),
                ("1.2.2", "b.", "Alat Kantor dan Rumah Tangga", (80, 400), (1_500_000, 9_000_000)),
                ("1.2.3", "c.", "Komputer", (20, 150), (7_000_000, 18_000_000)),
                ("1.2.4", "d.", "Alat Studio, Komunikasi dan Pemancar", (3, 30), (3_000_000, 25_000_000)),
            ],
        ),
        (
            "1.3",
            "3.",
            "Gedung dan Bangunan",
            &[("1.3.1", "-", "Bangunan Gedung Kantor", (1, 3), (900_000_000, 8_000_000_000))],
        ),
        ("1.4", "4.", "Aset Tetap Lainnya", &[("1.4.1", "-", "Bahan Perpustakaan", (40, 400), (60_000, 250_000))]),
    ];
    let scale = e.scale.clamp(150, 3000);
    let mut holdings: Vec<(i64, i64)> = GROUPS
        .iter()
        .flat_map(|(_, _, _, leaves)| leaves.iter())
        .map(|(_, _, _, count, price)| {
            let n = muldiv(rng.range(count.0, count.1), scale, 1000).max(1);
            let value: i64 = (0..n.min(50)).map(|_| rng.range(price.0, price.1)).sum::<i64>() * n / n.min(50);
            (n, value)
        })
        .collect();
    for &year in years {
        let mut leaf = 0;
        let mut rows = Vec::new();
        let (mut all_count, mut all_value) = (0, 0);
        for (g, (code, label, name, leaves)) in GROUPS.iter().enumerate() {
            let (mut count, mut value) = (0, 0);
            let mut children = Vec::new();
            for (l, (lcode, llabel, lname, _, price)) in leaves.iter().enumerate() {
                let (n, v) = &mut holdings[leaf];
                if year > years[0] && *code != "1.1" && rng.percent(60) {
                    let added = rng.range(1, (*n / 10).max(1));
                    *n += added;
                    *v += added * rng.range(price.0, price.1);
                }
                count += *n;
                value += *v;
                children.push(asset(year, lcode, Some(*code), l as i64 + 1, llabel, lname, *n, *v));
                leaf += 1;
            }
            rows.push(asset(year, code, Some("1"), g as i64 + 1, label, name, count, value));
            rows.extend(children);
            all_count += count;
            all_value += value;
        }
        d.assets.push(asset(year, "1", None, 1, "", "Aset Tetap", all_count, all_value));
        d.assets.extend(rows);
    }
}

#[allow(clippy::too_many_arguments)]
fn asset(
    year: Year,
    code: &str,
    parent: Option<&str>,
    position: i64,
    label: &str,
    name: &str,
    count: i64,
    value: i64,
) -> AssetItem {
    AssetItem {
        year,
        code: code.into(),
        parent: parent.map(Into::into),
        position,
        label: label.into(),
        name: name.into(),
        count: Some(count),
        value: Some(Money::from_rupiah(value)),
        note: String::new(),
    }
}

/// An AKIP evaluation from its components in hundredths (year and indicator are the caller's).
fn akip_evaluation(components: [i64; 4], evaluator: &str) -> AkipEvaluation {
    let score = hundredths(weighted_score(components));
    AkipEvaluation {
        year: 0,
        predicate: akip::predicate(score).map(|p| p.code().to_string()).unwrap_or_default(),
        score,
        perencanaan: Some(hundredths(components[0])),
        pengukuran: Some(hundredths(components[1])),
        pelaporan: Some(hundredths(components[2])),
        evaluasi: Some(hundredths(components[3])),
        evaluator: evaluator.into(),
        indicator: None,
        note: String::new(),
    }
}

/// The AKIP score in hundredths: components weighted 30/30/15/25 (in ten-thousandths),
/// rounded half up.
fn weighted_score(components: [i64; 4]) -> i64 {
    let weighted: i64 = components.iter().zip(akip::WEIGHTS).map(|(c, w)| c * i64::from(w)).sum();
    (weighted + 50) / 100
}

/// A chosen indicator: its template and where it hangs.
struct Chosen {
    template: IkuTemplate,
    name: String,
    sasaran: usize,
    /// Value in hundredths at the first year.
    start: i64,
}

/// Periods, tujuan, sasaran, IKU with targets, agreement targets and realisations; returns the
/// AKIP evaluation of every year.
fn renstra(d: &mut Dataset, e: &Entry, years: &[Year], rng: &mut Rng) -> Vec<AkipEvaluation> {
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else { return Vec::new() };
    let sector: &Sector = e.sector;

    // Tujuan and sasaran: one of accountability, one or two of the field.
    let mut tujuan: Vec<(String, Vec<String>)> = vec![(
        format!("Meningkatnya Akuntabilitas Kinerja {}", e.short_name),
        vec![format!("Meningkatnya Kualitas Perencanaan, Pengukuran dan Pelaporan Kinerja {}", e.short_name)],
    )];
    let field_tujuan = rng.range(1, sector.tujuan.len() as i64) as usize;
    for (name, sasaran) in sector.tujuan.iter().take(field_tujuan) {
        let n = rng.range(1, sasaran.len() as i64) as usize;
        tujuan.push((name.to_string(), sasaran.iter().take(n).map(|s| s.to_string()).collect()));
    }
    let field_sasaran: usize = tujuan.iter().skip(1).map(|(_, s)| s.len()).sum();

    // Indicators: the AKIP score, then the field's (at least one lower-is-better), then common.
    let count = rng.range(4, 10) as usize;
    let mut field: Vec<IkuTemplate> = sector.ikus.to_vec();
    rng.shuffle(&mut field);
    let mut common: Vec<IkuTemplate> = catalog::COMMON_IKUS.to_vec();
    rng.shuffle(&mut common);
    // The field's first (so that each of its sasaran gets one), at most a third lower-is-better.
    let max_lower = (count / 3).max(1);
    let mut picked: Vec<(IkuTemplate, bool)> = Vec::new();
    let mut lowers = 0;
    for (t, is_field) in field.iter().map(|t| (*t, true)).chain(common.iter().map(|t| (*t, false))) {
        if picked.len() + 1 >= count {
            break;
        }
        if t.lower && lowers >= max_lower {
            continue;
        }
        lowers += usize::from(t.lower);
        picked.push((t, is_field));
    }
    if lowers == 0 {
        let last_field = picked.iter().rposition(|(_, is_field)| *is_field);
        if let (Some(lower), Some(i)) = (field.iter().find(|t| t.lower), last_field) {
            picked[i] = (*lower, true);
        }
    }
    let akip_template = IkuTemplate { name: "", satuan: "Nilai", lower: false, start: (0, 0), step: 150, bound: 9500 };
    // AKIP evaluations of every year: components around a trend with ups and downs; the score
    // is their weighted total, and the AKIP indicator's realisation.
    let evaluator = if e.kind == Kind::Other("Inspektur") {
        "Inspektorat Daerah Provinsi Jawa Barat"
    } else {
        "Inspektorat Daerah Kota Bekasi"
    };
    let mut trend = rng.range(5500, 7600);
    let mut evaluations = Vec::new();
    let mut scores = Vec::new();
    for &year in years {
        trend = (trend + rng.range(-150, 400)).clamp(3500, 9500);
        let mut components = [0; 4];
        for c in components.iter_mut() {
            *c = (trend + rng.range(-900, 900)).clamp(0, 10000);
        }
        scores.push(weighted_score(components));
        evaluations.push(AkipEvaluation { year, ..akip_evaluation(components, evaluator) });
    }
    let mut chosen = vec![Chosen {
        template: akip_template,
        name: format!("Nilai AKIP {}", e.short_name),
        sasaran: 0,
        start: scores.first().copied().unwrap_or(7000) - rng.range(0, 300),
    }];
    let mut next_field = 0;
    for (t, is_field) in picked {
        let sasaran = if is_field && field_sasaran > 0 {
            next_field += 1;
            1 + (next_field - 1) % field_sasaran
        } else {
            0
        };
        chosen.push(Chosen { template: t, name: t.name.to_string(), sasaran, start: rng.range(t.start.0, t.start.1) });
    }
    chosen.sort_by_key(|c| c.sasaran);
    let responsible: Vec<String> =
        d.units.iter().filter(|u| u.kind == UnitKind::Division).map(|u| u.name.clone()).collect();

    // Five-year periods ending in the last year.
    let mut periods = Vec::new();
    let mut end = last;
    while end >= first {
        periods.push((end - 4, end));
        end -= 5;
    }
    periods.reverse();
    let mut akip_codes: Vec<(Year, Year, String)> = Vec::new();
    let mut previous: Option<Vec<String>> = None;
    for (p, &(start, end)) in periods.iter().enumerate() {
        let latest = p + 1 == periods.len();
        let suffix = if latest { String::new() } else { format!("-{start}") };
        let period = format!("{start}-{end}");
        d.periods.push(RenstraPeriod {
            code: period.clone(),
            start_year: start,
            end_year: end,
            name: format!("Renstra {} {start}–{end}", e.name),
            basis: format!("RPJMD Kota Bekasi {start}–{end}"),
        });
        for (i, text) in [
            "Meningkatkan kualitas perencanaan, penganggaran dan pelaporan kinerja berbasis data".to_string(),
            format!("Memperluas jangkauan dan meningkatkan mutu {}", sector.noun),
            "Memperkuat koordinasi lintas perangkat daerah dan kemitraan dengan masyarakat".to_string(),
        ]
        .into_iter()
        .enumerate()
        {
            d.strategies.push(Strategy { period: period.clone(), position: i as i64 + 1, text });
        }
        // The city plan's misi the Renstra follows: the office's management serves the first,
        // its field the second (the same words for every office, as one RPJMD gives them).
        for (m, name) in [
            "Mewujudkan tata kelola pemerintahan yang baik, bersih dan melayani",
            "Mewujudkan masyarakat yang sejahtera, sehat dan berdaya saing",
        ]
        .into_iter()
        .enumerate()
        {
            d.misi.push(Misi {
                period: period.clone(),
                code: format!("M{}{suffix}", m + 1),
                position: m as i64 + 1,
                name: name.into(),
            });
        }
        let mut sasaran_codes = Vec::new();
        for (t, (name, sasaran)) in tujuan.iter().enumerate() {
            let tcode = format!("T{}{suffix}", t + 1);
            d.tujuan.push(Tujuan {
                period: period.clone(),
                code: tcode.clone(),
                position: t as i64 + 1,
                name: name.clone(),
                misi: Some(format!("M{}{suffix}", t.min(1) + 1)),
            });
            for (s, sname) in sasaran.iter().enumerate() {
                let scode = format!("S{}{suffix}", sasaran_codes.len() + 1);
                d.sasaran.push(Sasaran {
                    tujuan: Some(tcode.clone()),
                    code: scode.clone(),
                    position: s as i64 + 1,
                    name: sname.clone(),
                    misi: None,
                });
                sasaran_codes.push(scode);
            }
        }
        let codes: Vec<String> = (1..=chosen.len()).map(|i| format!("IKU{i}{suffix}")).collect();
        for (i, c) in chosen.iter().enumerate() {
            let t = &c.template;
            d.indicators.push(Indicator {
                code: codes[i].clone(),
                period: period.clone(),
                level: IndicatorLevel::Sasaran,
                parent: sasaran_codes.get(c.sasaran).cloned(),
                position: i as i64 + 1,
                name: c.name.clone(),
                satuan: t.satuan.into(),
                polarity: if t.lower { Polarity::LowerIsBetter } else { Polarity::HigherIsBetter },
                capaian_rule: CapaianRule::Standard,
                formula: FormulaKind::Value,
                formula_text: String::new(),
                definition: format!("{} (data sintetis).", c.name),
                alasan: String::new(),
                data_source: format!("Data olahan {}", e.short_name),
                responsible: if i == 0 || responsible.is_empty() {
                    "Sekretariat".into()
                } else {
                    responsible[i % responsible.len()].clone()
                },
                iku: true,
                predecessor: previous.as_ref().map(|prev| prev[i].clone()),
                comparable: previous.is_some(),
                quarter_rule: QuarterRule::Cumulative,
                period_rule: PeriodRule::Level,
                note: String::new(),
            });
            for year in start.max(first)..=end.min(last) {
                let k = i64::from(year - first);
                let target =
                    if t.lower { (c.start - t.step * k).max(t.bound) } else { (c.start + t.step * k).min(t.bound) };
                // `year` is within `first..=last`, one score per year.
                let realisasi = if i == 0 {
                    scores[(year - first) as usize]
                } else if t.lower {
                    muldiv(target, rng.range(930, 1100), 1000)
                } else {
                    muldiv(target, rng.range(920, 1060), 1000).min(t.bound)
                };
                let value = TargetValue { target: hundredths(target), target_high: None };
                d.targets.push(Target { indicator: codes[i].clone(), year, value: value.clone(), note: String::new() });
                d.agreements.push(AgreementTarget { year, indicator: codes[i].clone(), value, note: String::new() });
                d.realisations.push(Realisation {
                    indicator: codes[i].clone(),
                    year,
                    realisasi: hundredths(realisasi),
                    note: String::new(),
                });
            }
        }
        akip_codes.push((start, end, codes[0].clone()));
        previous = Some(codes);
    }

    for ev in &mut evaluations {
        ev.indicator = akip_codes.iter().find(|(s, e, _)| (*s..=*e).contains(&ev.year)).map(|(_, _, c)| c.clone());
    }
    evaluations
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::check::check;
    use crate::calc::Settings;
    use std::collections::HashSet;

    fn small() -> DemoSpec {
        DemoSpec { offices: 6, years: 7, lines: 60, seed: 7, last_year: 2024 }
    }

    #[test]
    fn rng_is_splitmix64() {
        // The reference sequence of splitmix64 from seed 0.
        let mut r = Rng(0);
        assert_eq!(r.next(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next(), 0x6E78_9E6A_A1B9_65F4);
        let mut a = Rng::stream(1, &[2, 3]);
        let mut b = Rng::stream(1, &[2, 3]);
        let mut c = Rng::stream(1, &[3, 2]);
        let (x, y, z) = (a.next(), b.next(), c.next());
        assert_eq!(x, y);
        assert_ne!(x, z);
        for _ in 0..1000 {
            let v = a.range(-3, 4);
            assert!((-3..=4).contains(&v));
        }
        assert_eq!(a.range(5, 5), 5);
        assert_eq!(a.range(5, 1), 5);
    }

    #[test]
    fn distribute_is_exact_and_gives_each_at_least_one() {
        let mut rng = Rng(9);
        for (n, b) in [(1, 1), (2, 1), (248, 12), (1740, 248), (10, 10), (11, 3)] {
            let d = distribute(n, b, &mut rng);
            assert_eq!(d.iter().sum::<usize>(), n);
            assert_eq!(d.len(), b);
            assert!(d.iter().all(|x| *x >= 1), "{n} over {b}: {d:?}");
        }
    }

    #[test]
    fn structure_has_exactly_the_lines_asked_for() {
        let entries = catalog::offices();
        for total in [3, 4, 5, 9, 10, 47, 100, 2000, 100_000] {
            for e in [&entries[0], &entries[40], &entries[120]] {
                let lines = budget_structure(e, total, &mut Rng(total as u64));
                assert_eq!(lines.len(), total);
                let programs = lines.iter().filter(|l| l.level == BudgetLevel::Program).count();
                assert!((1..=15).contains(&programs));
                if total >= 24 {
                    assert!(programs >= 8, "{total}: {programs}");
                }
                // Every program has a kegiatan, every kegiatan a sub-kegiatan; kodes unique.
                let parents: HashSet<usize> = lines.iter().filter_map(|c| c.parent).collect();
                for (i, l) in lines.iter().enumerate() {
                    assert_eq!(l.level.child().is_some(), parents.contains(&i), "{}", l.kode);
                    if let Some(p) = l.parent {
                        assert_eq!(lines[p].level.child(), Some(l.level));
                    }
                }
                let kodes: HashSet<&str> = lines.iter().map(|l| l.kode.as_str()).collect();
                assert_eq!(kodes.len(), total);
                // Names are distinct among siblings.
                let mut names: HashSet<(Option<usize>, &str)> = HashSet::new();
                for l in &lines {
                    assert!(names.insert((l.parent, l.name.as_str())), "{total} {}: {} {}", e.name, l.kode, l.name);
                }
            }
        }
    }

    #[test]
    fn catalogue_has_enough_distinct_offices() {
        let entries = catalog::offices();
        assert!(entries.len() >= *OFFICES.end() as usize - 1);
        let codes: HashSet<&str> = entries.iter().map(|e| e.code.as_str()).collect();
        let names: HashSet<&str> = entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(codes.len(), entries.len());
        assert_eq!(names.len(), entries.len());
        assert!(!codes.contains("DISKOPUKM-BKS"), "the reference office's code stays its own");
        for e in &entries {
            assert!(e.sector.ikus.iter().any(|t| t.lower), "{}", e.name);
            assert!(e.sector.ikus.len() >= 3);
            assert!(e.sector.programs.len() + catalog::COMMON_PROGRAMS.len() >= 14);
        }
    }

    #[test]
    fn amounts_add_up_and_stay_plausible() {
        let spec = DemoSpec { lines: 500, ..small() };
        let plan = Plan::new(&spec, 3, &catalog::offices());
        for year in spec.first_year()..=spec.last_year {
            let a = plan.amounts(year);
            for (i, line) in plan.lines.iter().enumerate() {
                let children: Vec<&Amount> =
                    plan.lines.iter().zip(&a).filter(|(l, _)| l.parent == Some(i)).map(|(_, x)| x).collect();
                if !children.is_empty() {
                    assert_eq!(a[i].murni, children.iter().map(|c| c.murni).sum::<i64>());
                    assert_eq!(a[i].pagu, children.iter().map(|c| c.pagu).sum::<i64>());
                    assert_eq!(a[i].realisasi, children.iter().map(|c| c.realisasi).sum::<i64>());
                    assert_eq!(a[i].revised, children.iter().any(|c| c.revised));
                } else {
                    assert_eq!(line.level, BudgetLevel::SubKegiatan);
                    assert!(a[i].murni >= 1000 && a[i].murni % 1000 == 0);
                    assert!(a[i].realisasi <= a[i].pagu);
                }
            }
            // Most lines absorb 80–100 % of their pagu.
            let leaves: Vec<&Amount> = plan
                .lines
                .iter()
                .zip(&a)
                .filter(|(l, _)| l.level == BudgetLevel::SubKegiatan)
                .map(|(_, x)| x)
                .collect();
            let high = leaves.iter().filter(|x| x.realisasi * 10 >= x.pagu * 8).count();
            assert!(high * 100 >= leaves.len() * 75, "{high} of {}", leaves.len());
        }
    }

    #[test]
    fn synthetic_office_checks_clean_but_for_the_one_slip() {
        let spec = small();
        for number in 2..=spec.offices {
            let d = synthetic_office(&spec, number).unwrap();
            let report = check(&d, &Settings::default(), None);
            assert_eq!(report.findings.len(), 1, "{}: {:#?}", d.office.name, report.findings);
            let f = &report.findings[0];
            assert_eq!((f.year, f.field.as_str()), (2024, "serapan_pct"));
            assert!(f.subject.starts_with("budget:"));
            assert!(report.unverified.is_empty(), "{:#?}", report.unverified);
            // IKU: 4–10 per period, mostly higher-is-better, at least one lower-is-better.
            for p in &d.periods {
                let ikus = d.ikus_of_period(&p.code);
                assert!((4..=10).contains(&ikus.len()));
                let lower = ikus.iter().filter(|i| i.polarity == Polarity::LowerIsBetter).count();
                assert!(lower >= 1 && lower * 2 < ikus.len(), "{lower} of {}", ikus.len());
            }
            assert!((2..=3).contains(&d.tujuan.iter().filter(|t| t.period == "2020-2024").count()));
            // Every tujuan serves a misi of the city plan of its own period.
            assert!(d.tujuan.iter().all(|t| t
                .misi
                .as_deref()
                .and_then(|m| d.misi(m))
                .is_some_and(|m| m.period == t.period)));
            assert_eq!(d.akip_evaluations.len(), 7);
        }
    }

    #[test]
    fn dropped_digit() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(dropped_tens_digit(d("87.45")), d("7.45"));
        assert_eq!(dropped_tens_digit(d("79.39")), d("9.39"));
        assert_eq!(dropped_tens_digit(d("100.00")), d("110.00"));
        assert_eq!(dropped_tens_digit(d("5.20")), d("15.20"));
    }

    #[test]
    fn validation_names_what_is_expected() {
        let bad = [
            (DemoSpec { offices: 0, ..DemoSpec::default() }, "--offices 0", "1 sampai 200"),
            (DemoSpec { offices: 201, ..DemoSpec::default() }, "--offices 201", "1 sampai 200"),
            (DemoSpec { years: 31, ..DemoSpec::default() }, "--years 31", "1 sampai 30"),
            (DemoSpec { lines: 2, ..DemoSpec::default() }, "--lines 2", "3 sampai 100000"),
            (DemoSpec { lines: 100_001, ..DemoSpec::default() }, "--lines 100001", "3 sampai 100000"),
        ];
        for (spec, start, range) in bad {
            let e = spec.validate().unwrap_err();
            let m = e.message_id();
            assert!(m.starts_with(start) && m.contains(range), "{m}");
            assert!(e.to_string().starts_with(start), "{e}");
        }
        assert!(DemoSpec::default().validate().is_ok());
        assert!(DemoSpec { offices: 200, years: 30, lines: 100_000, ..DemoSpec::default() }.validate().is_ok());
    }
}
