//! Charts a head of office can read: every chart of the reference data, in files and on screen,
//! with readable ticks in the user's language, legends outside the plot, and a message where there
//! is no data.

use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use kinerja::calc::Settings;
use kinerja::export::{chart_png, chart_svg};
use kinerja::format::Lang;
use kinerja::report::charts::{all_charts, budget_by_program, staff_by_education, ChartSpec};
use kinerja::ui::widgets::chart_view_ui;

fn svg_text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn distinct(labels: &[&str]) -> bool {
    let mut l = labels.to_vec();
    l.sort();
    l.dedup();
    l.len() == labels.len()
}

#[test]
fn every_reference_chart_renders_with_distinct_readable_ticks() {
    let d = kinerja::embedded::dataset().unwrap();
    let mut drawn = 0;
    let mut empty = Vec::new();
    for year in [2023, 2024] {
        for lang in [Lang::Id, Lang::En] {
            for chart in all_charts(&d, &Settings::default(), year, lang) {
                let png = chart_png(&chart, 800, 450, 1.0, lang).unwrap_or_else(|e| panic!("{}: {e}", chart.id));
                assert_eq!(image::load_from_memory(&png).unwrap().to_rgb8().dimensions(), (800, 450));
                let svg = chart_svg(&chart, 800, 450, lang).unwrap();
                if chart.is_empty() {
                    assert!(svg.contains(&svg_text(&chart.no_data)), "{} {year}: no message", chart.id);
                    empty.push(format!("{} {year} {}", chart.id, lang.code()));
                    continue;
                }
                let y = chart.y_axis(lang);
                let y_labels: Vec<&str> = y.ticks.iter().map(|t| t.label.as_str()).collect();
                assert!((4..=8).contains(&y_labels.len()), "{} {year}: y ticks {y_labels:?}", chart.id);
                assert!(distinct(&y_labels), "{} {year}: repeated y labels {y_labels:?}", chart.id);
                let x = chart.x_axis(12);
                let x_labels: Vec<&str> = x.ticks.iter().map(|t| t.label.as_str()).collect();
                assert!(distinct(&x_labels), "{} {year}: repeated x labels {x_labels:?}", chart.id);
                if chart.categories.is_empty() {
                    // Never only one year: a single year shows its neighbours.
                    assert!(x_labels.len() >= 2, "{} {year}: a year axis with {x_labels:?}", chart.id);
                    assert!(x_labels.iter().all(|l| l.parse::<i32>().is_ok()), "{x_labels:?}");
                }
                // The file shows exactly the shared ticks, and every series in its legend.
                for label in &y_labels {
                    assert!(
                        svg.contains(&format!("\n{}\n", svg_text(label))),
                        "{} {year}: {label} not drawn",
                        chart.id
                    );
                }
                for (name, _) in chart.legend(lang) {
                    assert!(svg.contains(&svg_text(&name)), "{} {year}: legend {name} not drawn", chart.id);
                }
                drawn += 1;
            }
        }
    }
    // 2024: capaian, education, IKU1–3, AKIP, two budget charts, staff, assets = 10 charts; 2023:
    // the same with the four IKU of the 2018 period = 11, of which two have nothing to draw: the
    // reference data has no staff for 2023 and neither target nor realisation for IKU4 of 2018.
    assert_eq!(drawn, 2 * (10 + 9));
    assert_eq!(
        empty,
        ["pegawai-pendidikan 2023 id", "iku-iku4-2018 2023 id", "pegawai-pendidikan 2023 en", "iku-iku4-2018 2023 en"]
    );
}

#[test]
fn budget_ticks_say_miliar_in_indonesian_and_billion_in_english() {
    let d = kinerja::embedded::dataset().unwrap();
    // The largest bar is the 2023 pagu of programme 1, Rp 9.234.188.720 (table 3.19): with 5 %
    // headroom 9,7 miliar, rounded out to steps of 2 miliar, the top tick is 10 miliar.
    let id = budget_by_program(&d, Lang::Id);
    let labels: Vec<String> = id.y_axis(Lang::Id).ticks.into_iter().map(|t| t.label).collect();
    assert_eq!(labels, ["Rp 0", "Rp 2 M", "Rp 4 M", "Rp 6 M", "Rp 8 M", "Rp 10 M"]);
    assert_eq!(id.y_title(&id.y_axis(Lang::Id), Lang::Id), "Rupiah (M = miliar)");
    let en = budget_by_program(&d, Lang::En);
    let labels: Vec<String> = en.y_axis(Lang::En).ticks.into_iter().map(|t| t.label).collect();
    assert_eq!(labels, ["Rp 0", "Rp 2 B", "Rp 4 B", "Rp 6 B", "Rp 8 B", "Rp 10 B"]);
    assert_eq!(en.y_title(&en.y_axis(Lang::En), Lang::En), "Rupiah (B = billion)");
    let svg = chart_svg(&en, 1600, 900, Lang::En).unwrap();
    // The SVG writes each text on its own line.
    assert!(svg.contains("\nRp 10 B\n") && !svg.contains("Rp 10 M"));
    // Programme names are not cut to `1. Program Penunja`: the shared word goes, the rest wraps.
    assert!(svg.contains("\n1. Penunjang Urusan"), "the first programme's name is written in words");
}

#[test]
fn an_empty_chart_says_why_in_files() {
    let d = kinerja::embedded::dataset().unwrap();
    // The reference data has no staff for 2023.
    let chart = staff_by_education(&d, 2023, Lang::Id);
    assert!(chart.is_empty());
    let svg = chart_svg(&chart, 800, 450, Lang::Id).unwrap();
    assert!(svg.contains("Tidak ada data untuk 2023"), "{svg}");
    let en = staff_by_education(&d, 2023, Lang::En);
    assert!(chart_svg(&en, 800, 450, Lang::En).unwrap().contains("No data for 2023"));
    let png = chart_png(&chart, 800, 450, 1.0, Lang::Id).unwrap();
    let img = image::load_from_memory(&png).unwrap().to_rgb8();
    let dark = img.pixels().filter(|p| p.0.iter().all(|c| *c < 160)).count();
    assert!(dark > 200, "the message and the title are drawn ({dark} dark pixels)");
}

fn chart_harness(chart: ChartSpec, lang: Lang) -> Harness<'static, bool> {
    let mut h = Harness::builder().with_size(egui::vec2(700.0, 420.0)).build_ui_state(
        move |ui, saved: &mut bool| {
            if chart_view_ui(ui, &chart, lang, 240.0) {
                *saved = true;
            }
        },
        false,
    );
    h.run_steps(2);
    h
}

#[test]
fn an_empty_chart_says_why_on_screen() {
    let d = kinerja::embedded::dataset().unwrap();
    let h = chart_harness(staff_by_education(&d, 2023, Lang::Id), Lang::Id);
    assert!(h.query_by_label("Tidak ada data untuk 2023").is_some());
    let h = chart_harness(staff_by_education(&d, 2023, Lang::En), Lang::En);
    assert!(h.query_by_label("No data for 2023").is_some());
}

#[test]
fn the_legend_is_a_row_of_labels_under_the_plot_and_the_title_keeps_its_button() {
    let d = kinerja::embedded::dataset().unwrap();
    let mut h = chart_harness(budget_by_program(&d, Lang::Id), Lang::Id);
    let plot_bottom = h.query_by_label("Pagu dan realisasi per program").map(|n| n.rect().bottom());
    assert!(plot_bottom.is_some(), "the title is shown");
    for name in ["Pagu 2023", "Realisasi 2023", "Pagu 2024", "Realisasi 2024"] {
        let label = h.get_by_label(name);
        // Below the title, the 240-point plot and its axis: outside the plot area.
        assert!(label.rect().top() > plot_bottom.unwrap_or_default() + 240.0, "{name} is under the plot");
    }
    h.get_by_label("Simpan sebagai…").click();
    h.run_steps(2);
    assert!(*h.state(), "the save button of the chart answers");
}
