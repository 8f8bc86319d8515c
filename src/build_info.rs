//! Version and commit stamped by `build.rs`.

pub const VERSION: &str = env!("CARGO_PKG_VERSION");
pub const COMMIT: &str = env!("KINERJA_COMMIT");
pub const COMMIT_DATE: &str = env!("KINERJA_COMMIT_DATE");

/// `0.1.0 (abc1234567, 2026-11-27)`.
pub fn long_version() -> String {
    if COMMIT_DATE.is_empty() {
        format!("{VERSION} ({COMMIT})")
    } else {
        format!("{VERSION} ({COMMIT}, {COMMIT_DATE})")
    }
}
