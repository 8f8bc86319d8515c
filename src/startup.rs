//! Start-up timing: with `KINERJA_STARTUP_TRACE=1` the window prints the time from process start
//! to the end of its first drawn frame (see `docs/performance.md`); with
//! `KINERJA_STARTUP_TRACE=exit` it also closes right after that frame, for repeated measurement.

use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Instant> = OnceLock::new();

/// Records the process start; call first thing in `main`.
pub fn mark_process_start() {
    let _ = START.set(Instant::now());
}

/// What the trace variable asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trace {
    Off,
    Print,
    PrintAndExit,
}

pub fn trace() -> Trace {
    match std::env::var("KINERJA_STARTUP_TRACE").as_deref() {
        Ok("exit") => Trace::PrintAndExit,
        Ok(v) if !v.is_empty() && v != "0" => Trace::Print,
        _ => Trace::Off,
    }
}

/// Milliseconds since [`mark_process_start`].
pub fn elapsed_ms() -> Option<f64> {
    START.get().map(|s| s.elapsed().as_secs_f64() * 1000.0)
}
