//! What both benchmarks share: the demo city's file, its largest office, and the window in a
//! harness on a tab.
#![allow(dead_code)]

use egui_kittest::Harness;
use kinerja::demo::{generate, DemoSpec};
use kinerja::storage::Store;
use kinerja::ui::{KinerjaApp, Tab, UiState};
use std::path::{Path, PathBuf};

/// A row of the plain query: year, pagu murni, pagu, realisasi, serapan's pagu (sen), offices.
pub type YearRow = (i64, Option<i64>, Option<i64>, Option<i64>, Option<i64>, i64);

/// The demo city (`KINERJA_BENCH_DB`, or `target/bench-city.sqlite`, generated once).
pub fn city_db() -> PathBuf {
    if let Some(p) = std::env::var_os("KINERJA_BENCH_DB") {
        return p.into();
    }
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-city.sqlite");
    if !p.exists() {
        eprintln!("generating the demo city into {} (once; about a minute)…", p.display());
        generate(&p, &DemoSpec::default(), false, &mut |_| true).expect("the demo city is generated");
    }
    p
}

/// The office with the most budget lines: a synthetic one (the embedded office has a single
/// budget year).
pub fn big_office(db: &Path) -> String {
    let store = Store::open_read_only(db).expect("the demo city opens");
    let mut best = (0usize, String::new());
    for o in store.offices().expect("offices") {
        let n = store.load_dataset(o.id).expect("office").budget_lines.len();
        if n > best.0 {
            best = (n, o.code);
        }
    }
    best.1
}

pub fn state(tab: Tab, office: &str, year: i32) -> UiState {
    UiState { tab, year: Some(year), office: Some(office.to_string()), ..UiState::default() }
}

pub fn harness(app: KinerjaApp) -> Harness<'static, KinerjaApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .with_max_steps(4)
        .with_context_setup(kinerja::ui::setup_context)
        .build_ui_state(|ui, app: &mut KinerjaApp| app.ui_main(ui), app)
}
