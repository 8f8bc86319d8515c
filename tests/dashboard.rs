//! The head's dashboard (*Ringkasan*, *Tren*): a grid that fills the window at any size without
//! overlap, clicks from a chart to the row behind it, and a chart per IKU across periods.

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::Harness;
use kinerja::report::charts::{iku_chain, iku_trend};
use kinerja::report::ticks::distinct_categories;
use kinerja::ui::{KinerjaApp, Tab, UiState};

fn harness_sized(state: UiState, w: f32, h: f32) -> Harness<'static, KinerjaApp> {
    common::harness_of_size(KinerjaApp::in_memory(state), w, h)
}

/// The Ringkasan chart titles of the embedded office (from `report::charts`' titles).
const TITLES: [&str; 4] = [
    "Nilai AKIP dan predikatnya",
    "Pagu dan realisasi per program",
    "Serapan anggaran per program", // followed by its years
    "Capaian IKU",                  // followed by the year
];

/// The rectangles of the chart titles and *Simpan sebagai…* buttons on screen.
fn chart_rects(h: &Harness<'static, KinerjaApp>) -> Vec<(String, egui::Rect)> {
    let mut out: Vec<(String, egui::Rect)> =
        h.get_all_by_label("Simpan sebagai…").map(|n| ("Simpan sebagai…".to_string(), n.rect())).collect();
    for t in TITLES {
        for n in h.query_all_by_label_contains(t).filter(|n| n.accesskit_node().role() == Role::Label) {
            out.push((t.to_string(), n.rect()));
        }
    }
    out
}

fn assert_no_overlap_inside(h: &Harness<'static, KinerjaApp>, w: f32, what: &str) -> Vec<(String, egui::Rect)> {
    let rects = chart_rects(h);
    assert!(rects.len() >= 4, "{what}: titles and buttons found: {rects:?}");
    for (i, (a, ra)) in rects.iter().enumerate() {
        assert!(ra.min.x >= 0.0 && ra.max.x <= w, "{what}: '{a}' {ra:?} lies inside the window's width {w}");
        for (b, rb) in &rects[i + 1..] {
            assert!(!ra.intersects(*rb), "{what}: '{a}' {ra:?} overlaps '{b}' {rb:?}");
        }
    }
    rects
}

/// The y of each *Simpan sebagai…* button: one per chart on screen, the same y for a grid row.
fn button_rows(h: &Harness<'static, KinerjaApp>) -> Vec<Vec<f32>> {
    let mut rows: Vec<Vec<f32>> = Vec::new();
    for r in h.get_all_by_label("Simpan sebagai…").map(|n| n.rect()) {
        match rows.iter_mut().find(|row| (row[0] - r.min.y).abs() < 1.0) {
            Some(row) => row.push(r.min.x),
            None => rows.push(vec![r.min.y, r.min.x]),
        }
    }
    rows
}

#[test]
fn ringkasan_at_1024x700_in_english_nothing_overlaps_or_is_cut() {
    for year in [2023, 2024] {
        let state = UiState { year: Some(year), lang: kinerja::format::Lang::En, ..Default::default() };
        let h = harness_sized(state, 1024.0, 700.0);
        let mut rects: Vec<(String, egui::Rect)> =
            h.get_all_by_label("Save as…").map(|n| ("Save as…".to_string(), n.rect())).collect();
        for t in ["AKIP score and predicate", "Budget and spending per programme", "IKU achievement"] {
            for n in h.query_all_by_label_contains(t).filter(|n| n.accesskit_node().role() == Role::Label) {
                rects.push((t.to_string(), n.rect()));
            }
        }
        assert!(rects.len() >= 4, "{year}: titles and buttons found: {rects:?}");
        for (i, (a, ra)) in rects.iter().enumerate() {
            assert!(ra.min.x >= 0.0 && ra.max.x <= 1024.0, "{year}: '{a}' {ra:?} lies inside the window's width");
            for (b, rb) in &rects[i + 1..] {
                assert!(!ra.intersects(*rb), "{year}: '{a}' {ra:?} overlaps '{b}' {rb:?}");
            }
        }
    }
}

#[test]
fn ringkasan_at_1024x700_has_two_columns_nothing_overlaps_or_is_cut() {
    for year in [2023, 2024] {
        let h = harness_sized(UiState { year: Some(year), ..Default::default() }, 1024.0, 700.0);
        assert_no_overlap_inside(&h, 1024.0, &format!("1024×700, {year}"));
        // 1024 points: two charts a row (one under 900, three from 1500).
        let rows = button_rows(&h);
        assert!(!rows.is_empty(), "a chart row is on screen at {year}");
        assert!(rows.iter().all(|r| r.len() - 1 <= 2), "at most two charts a row: {rows:?}");
        assert!(rows.iter().any(|r| r.len() - 1 == 2), "two charts in a row: {rows:?}");
    }
}

#[test]
fn ringkasan_at_1920x1080_has_three_columns_nothing_overlaps_or_is_cut() {
    let h = harness_sized(UiState::default(), 1920.0, 1080.0);
    assert_no_overlap_inside(&h, 1920.0, "1920×1080");
    let rows = button_rows(&h);
    assert_eq!(rows.first().map(|r| r.len() - 1), Some(3), "three charts in the first row: {rows:?}");
}

#[test]
fn a_capaian_bar_opens_its_indicator_row() {
    let mut h = harness_sized(UiState::default(), 1400.0, 900.0);
    let d = kinerja::embedded::dataset().unwrap();
    let period = d.period_of_year(2024).unwrap();
    let ikus = d.ikus_of_period(&period.code);
    let names: Vec<String> = ikus.iter().map(|i| i.name.clone()).collect();
    let short = distinct_categories(&names);
    let arrow = format!("→ {}", short[1]);
    // The second IKU: its link under the capaian chart (the table's link carries the full name).
    let link = h
        .get_all_by_role_and_label(Role::Link, &arrow)
        .next()
        .unwrap_or_else(|| panic!("no link '{}' under the capaian chart", short[1]));
    link.click_accesskit();
    h.run_steps(6);
    let subject = format!("indicator:{}", ikus[1].code);
    assert_eq!(h.state().ui_state().tab, Tab::Kinerja);
    let selected: Vec<_> =
        h.state().widgets().tables.iter().filter(|(_, t)| t.selected.as_deref() == Some(subject.as_str())).collect();
    assert!(!selected.is_empty(), "a table of Perjanjian Kinerja & Capaian has {subject} selected");
    // The row is on screen, not at the top of the tab.
    let on_screen = h.query_all_by_label(&ikus[1].name).any(|n| n.rect().min.y > 40.0 && n.rect().max.y < 900.0);
    assert!(on_screen, "a row naming '{}' is in the window", ikus[1].name);
}

#[test]
fn a_programme_bar_opens_its_budget_row() {
    let mut h = harness_sized(UiState::default(), 1400.0, 900.0);
    let d = kinerja::embedded::dataset().unwrap();
    // Ringkasan's budget chart is the selected year's (2024): its programmes, in kode order.
    let kodes = kinerja::report::charts::program_kodes_of_year(&d, 2024);
    let programmes: Vec<(String, String)> =
        kodes.iter().map(|k| (k.clone(), d.budget_line(2024, k).unwrap().name.clone())).collect();
    let cats: Vec<String> = programmes.iter().map(|(k, n)| format!("{k}. {n}")).collect();
    let short = distinct_categories(&cats);
    let arrow = format!("→ {}", short[1]);
    let (kode, name) = &programmes[1];
    // The budget chart is the third of the grid; scroll it into view as a reader does.
    let link = h.get_all_by_role_and_label(Role::Link, &arrow).next().expect("a programme link");
    link.scroll_to_me();
    h.run_steps(3);
    h.get_all_by_role_and_label(Role::Link, &arrow).next().expect("a programme link").click_accesskit();
    h.run_steps(6);
    assert_eq!(h.state().ui_state().tab, Tab::Anggaran);
    assert_eq!(h.state().selection().budget_line.as_deref(), Some(kode.as_str()));
    assert_eq!(
        h.state().widgets().tables.get("anggaran").and_then(|t| t.selected.clone()),
        Some(format!("budget:{kode}"))
    );
    let row = h.query_all_by_label(name).find(|n| n.rect().min.y > 40.0 && n.rect().max.y < 900.0);
    assert!(row.is_some(), "the row of programme '{name}' is in the window");
}

#[test]
fn tren_shows_one_chart_per_iku_with_its_predecessors_years() {
    // Tall enough for every chart to be drawn (charts out of sight keep only their place).
    let h = harness_sized(UiState { tab: Tab::Tren, ..Default::default() }, 1920.0, 6000.0);
    let d = kinerja::embedded::dataset().unwrap();
    let period = d.period_of_year(2024).unwrap();
    let ikus = d.ikus_of_period(&period.code);
    assert!(ikus.len() >= 2);
    for ind in &ikus {
        let titles = h.query_all_by_label(&ind.name).count();
        assert_eq!(titles, 1, "one chart titled '{}'", ind.name);
    }
    // IKU1 (2024–2026) follows IKU1-2018 (2018–2023, see tests/editing.rs): its chart begins
    // in that period, and its year links include 2023.
    assert_eq!(iku_chain(&d, "IKU1"), vec!["IKU1-2018".to_string(), "IKU1".to_string()]);
    let chart = iku_trend(&d, "IKU1", kinerja::format::Lang::Id);
    let first_year = chart.series.iter().flat_map(|s| s.points.iter().map(|p| p[0])).fold(f64::MAX, f64::min);
    assert!(first_year <= 2023.0, "the trend begins in the predecessor's period ({first_year})");
}

#[test]
fn a_year_link_of_an_iku_trend_opens_that_years_indicator() {
    let mut h = harness_sized(UiState { tab: Tab::Tren, ..Default::default() }, 1920.0, 1080.0);
    // The first chart is IKU1's; its "2023" link opens 2023, where IKU1-2018 holds the figures.
    h.get_all_by_role_and_label(Role::Link, "→ 2023").next().expect("a 2023 link").click_accesskit();
    h.run_steps(6);
    assert_eq!(h.state().ui_state().tab, Tab::Kinerja);
    assert_eq!(h.state().ui_state().year, Some(2023));
    assert!(h.state().widgets().tables.values().any(|t| t.selected.as_deref() == Some("indicator:IKU1-2018")));
}

#[test]
fn a_tab_opens_at_its_top_not_at_the_previous_tabs_scroll() {
    let mut h = harness_sized(UiState::default(), 1024.0, 700.0);
    // Scroll Ringkasan far down, to the last sasaran of its efficiency table.
    let d = kinerja::embedded::dataset().unwrap();
    let period = d.period_of_year(2024).unwrap();
    let last = d.sasaran_of_period(&period.code).last().unwrap().name.clone();
    h.get_all_by_role_and_label(Role::Link, &last).last().expect("the last sasaran").scroll_to_me();
    h.run_steps(3);
    let y = h.get_all_by_role_and_label(Role::Link, &last).last().unwrap().rect().min.y;
    assert!(y < 700.0, "Ringkasan is scrolled down to its last row (y = {y})");
    let title = h.query_all_by_label_contains("Capaian IKU 2024").next().map(|n| n.rect().min.y);
    assert!(title.is_none_or(|y| y < 0.0), "the charts have left the top of the window");
    h.get_by_label("Tren").click_accesskit();
    h.run_steps(3);
    let intro = h.get_by_label("Arahkan kursor ke grafik untuk melihat nilai tepat.");
    let y = intro.rect().min.y;
    assert!((0.0..200.0).contains(&y), "Tren opens at its top (intro at y = {y})");
}

#[test]
fn an_akip_year_opens_that_years_ringkasan() {
    let mut h = harness_sized(UiState::default(), 1400.0, 900.0);
    assert_eq!(h.state().ui_state().year, Some(2024));
    // The AKIP chart is the only chart of Ringkasan on a year axis: its 2023 link. The window
    // has no table of AKIP evaluations; the year's Ringkasan shows its score and predicate.
    let links: Vec<_> = h.get_all_by_role_and_label(Role::Link, "→ 2023").collect();
    assert_eq!(links.len(), 1, "one 2023 link on Ringkasan");
    links[0].click_accesskit();
    h.run_steps(6);
    assert_eq!(h.state().ui_state().tab, Tab::Ringkasan);
    assert_eq!(h.state().ui_state().year, Some(2023));
    // The card shows 2023's score: 76,01 (the LKIP's table 3.2).
    assert!(h.query_all_by_label("76,01").next().is_some(), "2023's AKIP score on its card");
    assert!(h.query_all_by_label_contains("Capaian IKU 2023").next().is_some());

    // On Tren the AKIP chart's year opens the same; it is the first chart after the IKU ones.
    let mut h = harness_sized(UiState { tab: Tab::Tren, ..Default::default() }, 1920.0, 6000.0);
    let d = kinerja::embedded::dataset().unwrap();
    let n_iku = d.ikus_of_period(&d.period_of_year(2024).unwrap().code).len();
    let akip_title = h.get_by_label("Nilai AKIP dan predikatnya").rect();
    let link = h
        .get_all_by_role_and_label(Role::Link, "→ 2023")
        .filter(|n| n.rect().min.y > akip_title.min.y)
        .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .expect("the AKIP chart's 2023 link");
    assert!(n_iku >= 1);
    link.click_accesskit();
    h.run_steps(6);
    assert_eq!(h.state().ui_state().tab, Tab::Ringkasan);
    assert_eq!(h.state().ui_state().year, Some(2023));
}

#[test]
fn ringkasan_shows_the_selected_years_programme_budget() {
    let h = harness_sized(UiState { year: Some(2023), ..Default::default() }, 1920.0, 1080.0);
    assert!(h.query_all_by_label_contains("Pagu dan realisasi per program 2023").next().is_some());
    assert!(h.query_all_by_label_contains("Pagu dan realisasi per program 2024").next().is_none());
    // The legend names one year's pair, not every year's (`Pagu 2023`, `Pagu 2024`).
    assert!(h.query_by_label("Pagu").is_some());
    assert!(h.query_by_label("Pagu 2024").is_none());
}
