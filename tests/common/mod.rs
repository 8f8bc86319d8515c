//! What several GUI test files share: the real window in a harness, and waiting for its
//! background work.
#![allow(dead_code)]

use egui_kittest::Harness;
use kinerja::ui::KinerjaApp;

/// The real application drawn without a display, after its first frames.
pub fn harness_of(app: KinerjaApp) -> Harness<'static, KinerjaApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(16)
        .with_context_setup(kinerja::ui::setup_context)
        .build_ui_state(|ui, app: &mut KinerjaApp| app.ui_main(ui), app);
    h.run_steps(3);
    h
}

/// Runs frames until `done` holds (at most ten seconds).
pub fn wait_until(h: &mut Harness<'static, KinerjaApp>, what: &str, done: impl Fn(&KinerjaApp) -> bool) {
    for _ in 0..400 {
        h.run_steps(1);
        if done(h.state()) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    panic!("{what} did not finish");
}

/// Runs frames until the background job has finished.
pub fn wait_for_job(h: &mut Harness<'static, KinerjaApp>) {
    wait_until(h, "the background job", |app| app.job.is_none());
}

/// Runs frames until the integrity check of the open file has finished.
pub fn wait_for_integrity_check(h: &mut Harness<'static, KinerjaApp>) {
    wait_until(h, "the integrity check", |app| app.integrity_job.is_none());
}
