//! Charts a head of office can read: every chart of the reference data, in files and on screen,
//! with readable ticks in the user's language, legends outside the plot, and a message where there
//! is no data.

use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use kinerja::calc::settings::Status;
use kinerja::calc::Settings;
use kinerja::export::{chart_png, chart_svg};
use kinerja::format::Lang;
use kinerja::report::charts::{
    all_charts, budget_by_program, budget_of_year, capaian_bars, staff_by_education, status_rgb, ChartSpec,
};
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
    // 2024: capaian, the year's programme budget and serapan, education, IKU1–3, AKIP, two budget
    // charts, staff, assets = 12 charts; 2023: the same with the four IKU of the 2018 period = 13,
    // of which two have nothing to draw: the reference data has no staff for 2023 and neither
    // target nor realisation for IKU4 of 2018.
    assert_eq!(drawn, 2 * (12 + 11));
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
    assert_eq!(id.y_title(&id.y_axis(Lang::Id), Lang::Id), "Rp (M = miliar)");
    let en = budget_by_program(&d, Lang::En);
    let labels: Vec<String> = en.y_axis(Lang::En).ticks.into_iter().map(|t| t.label).collect();
    assert_eq!(labels, ["Rp 0", "Rp 2 B", "Rp 4 B", "Rp 6 B", "Rp 8 B", "Rp 10 B"]);
    assert_eq!(en.y_title(&en.y_axis(Lang::En), Lang::En), "Rp (B = billion)");
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

/// The reference capaian of 2024 (LKIP table 3.1): 103,15 %, 105,00 % and 101,00 %.
const CAPAIAN_2024: [f64; 3] = [103.15, 105.0, 101.0];

#[test]
fn capaian_bars_take_their_status_colour_under_a_target_line() {
    let d = kinerja::embedded::dataset().unwrap();
    let chart = capaian_bars(&d, &Settings::default(), 2024, Lang::Id);
    let bars = &chart.series[0];
    let values: Vec<f64> = bars.points.iter().map(|p| p[1]).collect();
    for (v, want) in values.iter().zip(CAPAIAN_2024) {
        assert!((v - want).abs() < 0.005, "capaian {values:?}");
    }
    // Default bands (Permendagri 86/2017): sangat tinggi from 91 %, tinggi 76, sedang 66, rendah
    // 51. All three capaian are at or above 91 %: each bar is sangat tinggi's colour.
    assert_eq!(bars.colors, vec![status_rgb(Status::SangatTinggi); 3]);
    let target = chart.target.as_ref().expect("a target line");
    assert_eq!(target.value, 100.0);
    // The bands are named in the legend (bars would cover them in the plot), each with its
    // lower limit; the bar series is explained by them, not by one colour of its own.
    let legend: Vec<String> = chart.legend(Lang::Id).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        legend,
        [
            "Target (100 %)",
            "sangat tinggi (≥ 91 %)",
            "tinggi (≥ 76 %)",
            "sedang (≥ 66 %)",
            "rendah (≥ 51 %)",
            "sangat rendah (< 51 %)"
        ]
    );
    let en: Vec<String> =
        capaian_bars(&d, &Settings::default(), 2024, Lang::En).legend(Lang::En).into_iter().map(|(n, _)| n).collect();
    assert_eq!(en[1], "very high (≥ 91 %)");
    assert!(chart.bands.iter().all(|b| b.legend.is_some()));
    // The IKU names under the bars say what the axis holds: no title to overprint them.
    assert!(chart.x_label.is_empty());

    // Drawn opaque in the file: the bars' colour fills a large area (three bars of some
    // 150 × 250 pixels at 800 × 450), and the band names are not written inside the plot.
    let png = chart_png(&chart, 800, 450, 1.0, Lang::Id).unwrap();
    let img = image::load_from_memory(&png).unwrap().to_rgb8();
    let green = status_rgb(Status::SangatTinggi);
    let filled = img.pixels().filter(|p| p.0 == green).count();
    assert!(filled > 3 * 100 * 150, "the bars are filled with the status colour ({filled} pixels)");
    let svg = chart_svg(&chart, 800, 450, Lang::Id).unwrap();
    assert_eq!(svg.matches("sangat tinggi").count(), 1, "the band is named once, in the legend");
}

#[test]
fn a_lower_capaian_takes_a_lower_band_colour() {
    let d = kinerja::embedded::dataset().unwrap();
    // Bands moved up so that 103,15 % and 101,00 % fall under sangat tinggi (from 104 %) and
    // 105,00 % stays in it: the first and third bars are tinggi (from 101 %), the second
    // sangat tinggi.
    let mut s = Settings::default();
    s.bands.0 = [104.into(), 101.into(), 90.into(), 80.into()];
    let chart = capaian_bars(&d, &s, 2024, Lang::Id);
    assert_eq!(
        chart.series[0].colors,
        [status_rgb(Status::Tinggi), status_rgb(Status::SangatTinggi), status_rgb(Status::Tinggi)]
    );
}

#[test]
fn the_years_programme_chart_has_that_years_programmes_or_says_there_is_no_budget() {
    let mut d = kinerja::embedded::dataset().unwrap();
    let chart = budget_of_year(&d, 2024, Lang::Id);
    assert_eq!(chart.title, "Pagu dan realisasi per program 2024");
    let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Pagu", "Realisasi"], "one year: one pair of series, not every year's");
    // The first programme of 2024 (Penunjang Urusan) is the first category.
    assert!(chart.categories[0].starts_with("1. Program Penunjang Urusan"), "{:?}", chart.categories);

    // Without the 2023 budget there is nothing to draw, and the chart says so.
    d.budget_lines.retain(|b| b.year != 2023);
    let id = budget_of_year(&d, 2023, Lang::Id);
    assert!(id.is_empty());
    assert_eq!(id.no_data, "Tidak ada data anggaran untuk 2023");
    let svg = chart_svg(&id, 800, 450, Lang::Id).unwrap();
    assert!(svg.contains("Tidak ada data anggaran untuk 2023"));
    let en = budget_of_year(&d, 2023, Lang::En);
    let h = chart_harness(en, Lang::En);
    assert!(h.query_by_label("No budget data for 2023").is_some());
    let h = chart_harness(id, Lang::Id);
    assert!(h.query_by_label("Tidak ada data anggaran untuk 2023").is_some());
}

#[test]
fn legend_entries_never_break_inside_a_name() {
    let d = kinerja::embedded::dataset().unwrap();
    // 420 points wide: the capaian legend needs several lines.
    let chart = capaian_bars(&d, &Settings::default(), 2024, Lang::Id);
    let mut h = Harness::builder().with_size(egui::vec2(420.0, 520.0)).build_ui(move |ui| {
        chart_view_ui(ui, &chart, Lang::Id, 240.0);
    });
    h.run_steps(2);
    // A body line is about 17 points high; two lines would be over 30.
    for name in ["sedang (≥ 66 %)", "rendah (≥ 51 %)", "sangat rendah (< 51 %)"] {
        let r = h.get_by_label(name).rect();
        assert!(r.height() < 24.0, "'{name}' is on one line ({r:?})");
    }
}
