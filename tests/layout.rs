//! The window's layout and the planner's forms: a top bar on one line, a click on an indicator
//! that lands at its section, the Renstra target form opened from the indicator, the old → new
//! summary before *Simpan*, and tables wider than the page reachable by scrolling.

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::Harness;
use kinerja::format::Lang;
use kinerja::ui::strings::T;
use kinerja::ui::{Command, KinerjaApp, Mode, Tab, UiState};

fn harness_sized(state: UiState, w: f32, h: f32) -> Harness<'static, KinerjaApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(w, h))
        .with_max_steps(16)
        .with_context_setup(kinerja::ui::setup_context)
        .build_ui_state(|ui, app: &mut KinerjaApp| app.ui_main(ui), KinerjaApp::in_memory(state));
    h.run_steps(3);
    h
}

fn editing(lang: Lang) -> UiState {
    UiState { mode: Mode::Sunting, lang, user_name: "Uji".into(), ..Default::default() }
}

#[test]
fn the_top_bar_is_one_line_at_1024_in_sunting_in_both_languages() {
    for lang in [Lang::Id, Lang::En] {
        let h = harness_sized(editing(lang), 1024.0, 700.0);
        let labels = [
            T::ModeReview.get(lang),
            T::ModeEdit.get(lang),
            T::Undo.get(lang),
            T::Redo.get(lang),
            "Bahasa Indonesia",
            "English",
            lang.pick("Ekspor LKIP…", "Export LKIP…"),
            "☰ Menu",
        ];
        let rects: Vec<(&str, egui::Rect)> = labels
            .iter()
            .map(|l| {
                let n = h.get_by_role_and_label(Role::Button, l);
                (*l, n.rect())
            })
            .collect();
        let top = rects[0].1.min.y;
        for (l, r) in &rects {
            assert!((r.min.y - top).abs() < 1.0, "{lang:?}: '{l}' {r:?} is on the first button's line (top {top})");
            assert!(r.min.x >= 0.0 && r.max.x <= 1024.0, "{lang:?}: '{l}' {r:?} lies inside the 1024 px window");
        }
        // The rarely used actions moved into the menu, not out of reach.
        assert!(h.query_by_label(T::ImportDataset.get(lang)).is_none(), "{lang:?}: the import is in the menu");
    }
}

#[test]
fn import_and_about_are_in_the_menu() {
    let mut h = harness_sized(editing(Lang::En), 1024.0, 700.0);
    common::open_menu(&mut h);
    assert!(h.query_by_label(T::ImportDataset.get(Lang::En)).is_some(), "Import dataset… is in the menu");
    h.get_by_label(T::About.get(Lang::En)).click_accesskit();
    h.run_steps(3);
    assert!(h.state().about_open, "About opens from the menu");
}
