//! A load test on a server database: planners, each on a connection of their own, saving
//! Renstra target edits to their office as fast as they can, two planners to an office so that
//! they overwrite each other's values (conflicts); afterwards every save reported as written is
//! looked for in the final values and in the audit trail. Shared by `tests/server_load.rs` (a
//! few seconds) and `benches/server.rs` (a minute, `KINERJA_LOAD_SECS`).

use kinerja::domain::{Change, IndicatorValue, Op};
use kinerja::storage::{EditError, ServerAddress, StorageError, Store};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Barrier;
use std::time::{Duration, Instant};

/// The cells each office's planners edit: its first Renstra targets by indicator and year. Few,
/// so that the two planners of an office keep meeting on the same values.
const CELLS_PER_OFFICE: usize = 3;

/// A serialization failure retried more often than this is reported as an error.
const MAX_RETRIES: usize = 100;

/// A Renstra target of an office: indicator code and year.
type Cell = (String, i32);

/// One save a planner was told was written.
struct Saved {
    office: i64,
    cell: Cell,
    old: Decimal,
    new: Decimal,
}

/// What one planner did.
#[derive(Default)]
struct PlannerRun {
    saved: Vec<Saved>,
    latencies: Vec<Duration>,
    conflicts: usize,
    retries: usize,
    gave_up: usize,
    errors: Vec<String>,
}

/// What the planners did, and what was found afterwards.
pub struct LoadReport {
    pub planners: usize,
    pub offices: usize,
    pub elapsed: Duration,
    pub saves: usize,
    /// Saves refused because the other planner of the office had changed the value first.
    pub conflicts: usize,
    /// Serialization failures (and deadlocks) run again.
    pub retries: usize,
    /// Saves still stopped by other writers after `MAX_RETRIES` retries (reported to the planner
    /// as not saved).
    pub gave_up: usize,
    /// Failures other than conflicts, with their messages.
    pub errors: Vec<String>,
    /// Time of each save reported as written, retries included, ascending.
    pub latencies: Vec<Duration>,
    /// Saves reported as written but not found afterwards (final values or audit trail).
    pub lost: Vec<String>,
    used: Vec<i64>,
    before: HashMap<(i64, Cell), Decimal>,
    saved: Vec<Saved>,
    users: Vec<String>,
}

impl LoadReport {
    /// The latency below which `p` percent of the saves fall (nearest rank).
    pub fn percentile(&self, p: f64) -> Duration {
        if self.latencies.is_empty() {
            return Duration::ZERO;
        }
        let rank = ((p / 100.0) * self.latencies.len() as f64).ceil() as usize;
        self.latencies[rank.clamp(1, self.latencies.len()) - 1]
    }

    /// What of the saves reported as written is not in `store` now (see [`verify`]).
    pub fn check(&self, store: &Store) -> Vec<String> {
        verify(store, &self.used, &self.before, &self.saved, &self.users)
    }

    pub fn summary(&self) -> String {
        let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
        format!(
            "{} planners on {} offices for {:.1} s: {} saves ({:.0}/s), latency p50 {}, p95 {}, p99 {}, max {}; \
             {} conflicts, {} retries, {} given up after {MAX_RETRIES} retries, {} errors, {} lost",
            self.planners,
            self.offices,
            self.elapsed.as_secs_f64(),
            self.saves,
            self.saves as f64 / self.elapsed.as_secs_f64(),
            ms(self.percentile(50.0)),
            ms(self.percentile(95.0)),
            ms(self.percentile(99.0)),
            ms(self.latencies.last().copied().unwrap_or_default()),
            self.conflicts,
            self.retries,
            self.gave_up,
            self.errors.len(),
            self.lost.len(),
        )
    }
}

fn retryable(e: &EditError) -> bool {
    matches!(e, EditError::Storage(StorageError::Db(db)) if db.is_retryable())
}

/// The cells the planners of `office` edit, with their values now.
fn cells_of(store: &Store, office: i64) -> Result<Vec<(Cell, Decimal)>, String> {
    let d = store.load_dataset(office).map_err(|e| e.to_string())?;
    let mut cells: Vec<(Cell, Decimal)> =
        d.targets.iter().map(|t| ((t.indicator.clone(), t.year), t.value.target.normalize())).collect();
    cells.sort();
    cells.truncate(CELLS_PER_OFFICE);
    if cells.len() < CELLS_PER_OFFICE {
        return Err(format!(
            "office {office} has {} Renstra targets; the load test needs {CELLS_PER_OFFICE}",
            cells.len()
        ));
    }
    Ok(cells)
}

/// Planner `index`, saving to `office` for `duration` once every planner is ready (`start`).
fn planner(
    address: &ServerAddress,
    index: usize,
    office: i64,
    user: &str,
    start: &Barrier,
    duration: Duration,
) -> PlannerRun {
    let mut run = PlannerRun::default();
    let opened = Store::open_server(address).map_err(|e| e.to_string()).and_then(|s| Ok((cells_of(&s, office)?, s)));
    // Every planner passes the barrier, ready or not, so that the others are not kept waiting.
    start.wait();
    let until = Instant::now() + duration;
    // What this planner last saw of each cell, as a window shows it until told otherwise.
    let (mut known, mut store) = match opened {
        Ok(o) => o,
        Err(e) => {
            run.errors.push(format!("{user}: {e}"));
            return run;
        }
    };
    // Values of earlier runs stay in the database: this run's differ from them by a nonce.
    let nonce = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
        % 1_000_000;
    let mut n: i64 = 0;
    while Instant::now() < until {
        n += 1;
        // Cells in turn, starting apart, so that the two planners of an office both meet and miss.
        let slot = (index + n as usize) % known.len();
        let ((indicator, year), old) = known[slot].clone();
        // Unique among all planners' values, so that each save is told apart afterwards.
        let new = Decimal::new(nonce * 1_000_000_000 + (index as i64 + 1) * 1_000_000 + n, 2);
        let change = Change {
            description: format!("beban {user} {n}"),
            ops: vec![Op::SetValue {
                value: IndicatorValue::RenstraTarget,
                indicator: indicator.clone(),
                year,
                old: Some(old),
                new,
            }],
        };
        let started = Instant::now();
        let mut retries = 0;
        loop {
            match store.apply_change(office, &change, user) {
                Ok(_) => {
                    run.latencies.push(started.elapsed());
                    run.saved.push(Saved { office, cell: (indicator.clone(), year), old, new: new.normalize() });
                    known[slot].1 = new.normalize();
                    break;
                }
                Err(EditError::Conflict(c)) => {
                    run.conflicts += 1;
                    match Decimal::from_str(&c.theirs) {
                        Ok(v) => known[slot].1 = v.normalize(),
                        Err(_) => run.errors.push(format!("{user}: a conflict named the value '{}'", c.theirs)),
                    }
                    break;
                }
                Err(e) if retryable(&e) && retries < MAX_RETRIES => {
                    retries += 1;
                    run.retries += 1;
                    // A short wait, different for each planner, so that the same writers do not
                    // collide again at once.
                    std::thread::sleep(Duration::from_micros(((index * 7919 + retries * 104_729) % 5_000) as u64));
                }
                Err(e) if retryable(&e) => {
                    run.gave_up += 1;
                    break;
                }
                Err(e) => {
                    run.errors.push(format!("{user}: {e}"));
                    break;
                }
            }
        }
    }
    run
}

/// Runs `planners` planners (two to an office) on the first `planners / 2` of `offices` for
/// `duration`, then checks that every save reported as written is in the final values and the
/// audit trail. `tag` makes this run's planner names unique in the audit trail.
pub fn run(address: &ServerAddress, offices: &[i64], planners: usize, duration: Duration, tag: &str) -> LoadReport {
    let used: Vec<i64> = offices.iter().copied().take(planners.div_ceil(2).max(1)).collect();
    let store = Store::open_server(address).expect("the load test's server database opens");
    let mut before: HashMap<(i64, Cell), Decimal> = HashMap::new();
    for &office in &used {
        for (cell, value) in cells_of(&store, office).expect("the office has Renstra targets") {
            before.insert((office, cell), value);
        }
    }
    let users: Vec<String> = (0..planners).map(|i| format!("beban-{tag}-{i}")).collect();
    // The planners connect and read their office first; the clock starts when all are ready.
    let start = Barrier::new(planners + 1);
    let (runs, elapsed) = std::thread::scope(|s| {
        let handles: Vec<_> = users
            .iter()
            .enumerate()
            .map(|(i, user)| {
                let office = used[i % used.len()];
                let start = &start;
                s.spawn(move || planner(address, i, office, user, start, duration))
            })
            .collect();
        start.wait();
        let started = Instant::now();
        let runs: Vec<PlannerRun> =
            handles.into_iter().map(|h| h.join().expect("a planner thread does not panic")).collect();
        (runs, started.elapsed())
    });

    let mut report = LoadReport {
        planners,
        offices: used.len(),
        elapsed,
        saves: 0,
        conflicts: 0,
        retries: 0,
        gave_up: 0,
        errors: Vec::new(),
        latencies: Vec::new(),
        lost: Vec::new(),
        used,
        before,
        saved: Vec::new(),
        users,
    };
    for r in runs {
        report.conflicts += r.conflicts;
        report.retries += r.retries;
        report.gave_up += r.gave_up;
        report.errors.extend(r.errors);
        report.latencies.extend(r.latencies);
        report.saved.extend(r.saved);
    }
    report.saves = report.saved.len();
    report.latencies.sort();
    report.lost = report.check(&store);
    report
}

/// What of `saved` is missing: each cell's saves must form one chain from its value before the
/// run (each save replacing the one before it, none replacing the same value twice) ending in
/// its value now, and each save must be in the audit trail once, by its planner.
fn verify(
    store: &Store,
    offices: &[i64],
    before: &HashMap<(i64, Cell), Decimal>,
    saved: &[Saved],
    users: &[String],
) -> Vec<String> {
    let mut lost = Vec::new();
    for &office in offices {
        let now = match cells_of(store, office) {
            Ok(c) => c,
            Err(e) => {
                lost.push(e);
                continue;
            }
        };
        for (cell, final_value) in now {
            let mut next: HashMap<Decimal, Decimal> = HashMap::new();
            let mut count = 0;
            for s in saved.iter().filter(|s| s.office == office && s.cell == cell) {
                count += 1;
                if let Some(other) = next.insert(s.old, s.new) {
                    lost.push(format!("{cell:?} of office {office}: {} and {other} both replaced {}", s.new, s.old));
                }
            }
            let mut value = before[&(office, cell.clone())];
            let mut steps = 0;
            while let Some(&v) = next.get(&value) {
                value = v;
                steps += 1;
                if steps > count {
                    break;
                }
            }
            if steps != count || value != final_value {
                lost.push(format!(
                    "{cell:?} of office {office}: {count} saves, {steps} found in order, last {value}, now {final_value}"
                ));
            }
        }
        let audit = match store.audit_log(office, None, usize::MAX) {
            Ok(a) => a,
            Err(e) => {
                lost.push(format!("audit trail of office {office}: {e}"));
                continue;
            }
        };
        let mut logged: HashMap<(String, Decimal, Decimal), usize> = HashMap::new();
        for e in audit.iter().filter(|e| e.action == "ubah" && users.contains(&e.user)) {
            match (Decimal::from_str(&e.old), Decimal::from_str(&e.new)) {
                (Ok(old), Ok(new)) => {
                    *logged.entry((e.record.clone(), old.normalize(), new.normalize())).or_default() += 1
                }
                _ => {
                    lost.push(format!("audit entry {} of office {office} holds '{}' → '{}'", e.change_id, e.old, e.new))
                }
            }
        }
        let mut found = 0;
        for s in saved.iter().filter(|s| s.office == office) {
            let record = format!("target:{}:{}", s.cell.0, s.cell.1);
            match logged.get(&(record.clone(), s.old, s.new)) {
                Some(1) => found += 1,
                Some(n) => lost.push(format!("{record} {} → {} is in the audit trail {n} times", s.old, s.new)),
                None => lost.push(format!("{record} {} → {} is not in the audit trail", s.old, s.new)),
            }
        }
        let entries: usize = logged.values().sum();
        if entries != found {
            lost.push(format!("office {office}: {entries} audit entries by the planners, {found} saves"));
        }
    }
    lost
}

/// Copies the offices of the database file `file` that the server database at `address` does
/// not hold yet (each with `load_dataset` and `save_dataset`, `threads` offices at a time),
/// returning the server's ids of all the file's offices in the file's order.
pub fn copy_offices(file: &std::path::Path, address: &ServerAddress, threads: usize) -> Result<Vec<i64>, String> {
    let text = |e: StorageError| e.to_string();
    let codes: Vec<String> =
        Store::open_read_only(file).map_err(text)?.offices().map_err(text)?.into_iter().map(|o| o.code).collect();
    let server = Store::open_server(address).map_err(text)?;
    let there: Vec<String> = server.offices().map_err(text)?.into_iter().map(|o| o.code).collect();
    let missing: std::sync::Mutex<Vec<String>> =
        std::sync::Mutex::new(codes.iter().filter(|c| !there.contains(c)).cloned().collect());
    let copy = || -> Result<(), String> {
        let from = Store::open_read_only(file).map_err(text)?;
        let mut to = Store::open_server(address).map_err(text)?;
        loop {
            let next = missing.lock().map_err(|_| "another copying thread failed".to_string())?.pop();
            let Some(code) = next else { return Ok(()) };
            let id = from.office_id(&code).map_err(text)?.ok_or_else(|| format!("office {code} vanished"))?;
            to.save_dataset(&from.load_dataset(id).map_err(text)?).map_err(text)?;
        }
    };
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads.max(1)).map(|_| s.spawn(copy)).collect();
        handles.into_iter().try_for_each(|h| h.join().map_err(|_| "a copying thread panicked".to_string())?)
    })?;
    codes
        .iter()
        .map(|c| server.office_id(c).map_err(text)?.ok_or_else(|| format!("office {c} was not copied")))
        .collect()
}
