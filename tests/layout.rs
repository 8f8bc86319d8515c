//! The window's layout and the planner's forms: a top bar on one line, a click on an indicator
//! that lands at its section, the Renstra target form opened from the indicator, the old → new
//! summary before *Simpan*, and tables wider than the page reachable by scrolling.

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use kinerja::format::Lang;
use kinerja::ui::strings::T;
use kinerja::ui::{Command, KinerjaApp, Mode, Tab, UiState};

fn harness_sized(state: UiState, w: f32, h: f32) -> Harness<'static, KinerjaApp> {
    common::harness_of_size(KinerjaApp::in_memory(state), w, h)
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
            "Menu",
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
    assert!(h.state().dialogs().about, "About opens from the menu");
}

/// The embedded dataset's IKUs of the period of 2024, in the report's order.
fn ikus_2024() -> Vec<(String, String)> {
    let d = kinerja::embedded::dataset().unwrap();
    let period = d.period_of_year(2024).unwrap();
    d.ikus_of_period(&period.code).iter().map(|i| (i.code.clone(), i.name.clone())).collect()
}

/// The heading of an indicator's section: the label of its name nearest the top of the page
/// area, when it lies in the top fifth of the window (a section scrolled to sits there; a
/// table row scrolled to sits in the middle).
fn heading_near_top(h: &Harness<'static, KinerjaApp>, name: &str, height: f32) -> Option<egui::Rect> {
    h.query_all_by_label(name)
        .map(|n| n.rect())
        .filter(|r| r.min.y > 40.0 && r.max.y < height / 5.0)
        .min_by(|a, b| a.min.y.total_cmp(&b.min.y))
}

#[test]
fn a_click_on_an_indicator_lands_at_its_section() {
    let ikus = ikus_2024();
    // The last IKU: its section is far below the agreement table at the top of the tab.
    let (code, name) = ikus.last().unwrap().clone();
    let mut h = harness_sized(UiState { year: Some(2024), ..Default::default() }, 1400.0, 900.0);
    let names: Vec<String> = ikus.iter().map(|(_, n)| n.clone()).collect();
    let short = kinerja::report::ticks::distinct_categories(&names);
    let arrow = format!("→ {}", short[ikus.len() - 1]);
    h.get_all_by_role_and_label(Role::Link, &arrow).next().expect("a link under the capaian chart").click_accesskit();
    h.run_steps(8);
    assert_eq!(h.state().ui_state().tab, Tab::Kinerja);
    assert!(
        heading_near_top(&h, &name, 900.0).is_some(),
        "the section of {code} '{name}' starts at the top of the page: {:?}",
        h.query_all_by_label(&name).map(|n| n.rect()).collect::<Vec<_>>()
    );
    let subject = format!("indicator:{code}");
    assert!(
        h.state().widgets().tables.values().any(|t| t.selected.as_deref() == Some(subject.as_str())),
        "its row is selected"
    );
}

/// *Perjanjian Kinerja & Capaian* in *Sunting* at IKU1's section, its Renstra target form
/// opened with the section's own button.
fn targets_form_at_iku1(lang: Lang) -> Harness<'static, KinerjaApp> {
    let mut h = harness_sized(UiState { year: Some(2024), tab: Tab::Kinerja, ..editing(lang) }, 1400.0, 900.0);
    h.state_mut().send(Command::Navigate { tab: Tab::Kinerja, subject: "indicator:IKU1".into() });
    h.run_steps(8);
    let name = &ikus_2024()[0].1;
    let heading = heading_near_top(&h, name, 900.0).expect("IKU1's section at the top");
    let button_text = lang.pick("Ubah target Renstra", "Edit Renstra targets");
    // The section's button is on its heading's line.
    let button = h
        .get_all_by_label(button_text)
        .find(|b| (b.rect().center().y - heading.center().y).abs() < heading.height())
        .expect("an Ubah target Renstra button beside the heading");
    button.click_accesskit();
    h.run_steps(4);
    h
}

#[test]
fn the_renstra_target_form_opens_from_the_indicator() {
    for lang in [Lang::Id, Lang::En] {
        let h = targets_form_at_iku1(lang);
        // IKU1's period is 2020–2026 in the embedded dataset; its satuan is "Nilai".
        let label = format!("{} 2025 (Nilai)", T::Target.get(lang));
        let field = common::text_field(&h, &label, None);
        let r = field.rect();
        assert!(r.min.y > 40.0 && r.max.y < 900.0, "{lang:?}: '{label}' {r:?} is on screen without scrolling");
        assert!(h.state().selection().renstra_targets_open.contains("IKU1"));
    }
}

#[test]
fn the_old_to_new_summary_shows_before_simpan_and_saving_keeps_the_place() {
    let mut h = targets_form_at_iku1(Lang::Id);
    // The embedded IKU1 Renstra target for 2025 is 76 (tests/editing.rs reads it back).
    common::type_into(&mut h, "Target 2025 (Nilai)", "76,25");
    let summary = "Target 2025: 76 → 76,25";
    let line = h.get_by_label(summary).rect();
    assert!(line.max.y < 900.0, "the summary {line:?} is on screen");
    let data = |h: &Harness<'static, KinerjaApp>| {
        h.state().session().unwrap().dataset.renstra_target("IKU1", 2025).unwrap().target.to_string()
    };
    assert_eq!(data(&h), "76", "nothing is written before Simpan");
    // Simpan: the button right under the summary.
    let save = h
        .get_all_by_role_and_label(Role::Button, "Simpan")
        .filter(|b| b.rect().min.y >= line.max.y)
        .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .expect("Simpan under the summary");
    save.click_accesskit();
    h.run_steps(4);
    assert_eq!(data(&h), "76.25");
    // The planner is where they were: the section still at the top, its form still open, the
    // summary gone (nothing left to change).
    let name = &ikus_2024()[0].1;
    assert!(heading_near_top(&h, name, 900.0).is_some(), "IKU1's section stays at the top after saving");
    let field = common::text_field(&h, "Target 2025 (Nilai)", Some("76,25"));
    assert!(field.rect().max.y < 900.0, "the form stays open and on screen");
    assert!(h.query_by_label(summary).is_none(), "after saving nothing is pending");
}

#[test]
fn horizontal_scroll_reaches_the_last_column_of_the_budget_tree_at_1024() {
    let mut h = harness_sized(UiState { year: Some(2024), tab: Tab::Anggaran, ..Default::default() }, 1024.0, 700.0);
    let tree = {
        let s = h.state().session().unwrap();
        kinerja::report::budget_tree(&s.dataset, &s.settings, 2024, Lang::Id)
    };
    let last = tree.columns.last().expect("the tree has columns").label.clone();
    let first = tree.columns.first().unwrap().label.clone();
    // The name column stays readable: it is not squeezed to let every column fit.
    let name_col = tree.columns.iter().position(|c| c.key != "no" && c.key != "kode").unwrap();
    let name_label = tree.columns[name_col].label.clone();
    let name_rect = h.get_all_by_label(&name_label).next().expect("the name column's header").rect();
    let next_rect = h.get_all_by_label(&tree.columns[name_col + 1].label).next().unwrap().rect();
    assert!(next_rect.min.x - name_rect.min.x >= 250.0, "the name column is at least 250 px wide");
    h.get_all_by_label(&last).next().expect("the last column's header").scroll_to_me();
    h.run_steps(4);
    let r = h.get_all_by_label(&last).next().unwrap().rect();
    assert!(r.min.x >= 0.0 && r.max.x <= 1024.0, "the last column '{last}' {r:?} is reached inside the window");
    // Scrolled sideways: the first column went off to the left (the table is wider than the page).
    let f = h.get_all_by_label(&first).next().map(|n| n.rect());
    assert!(f.is_none_or(|f| f.max.x < 20.0), "the table scrolled sideways: first column at {f:?}");
}
