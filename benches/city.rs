//! City-scale benchmarks (`cargo bench`): the demo city of 50 offices × 10 years × 2 000 budget
//! lines (about a million lines), generated once into `target/bench-city.sqlite` (or the file
//! named by `KINERJA_BENCH_DB`). `docs/performance.md` records the figures.

mod common;

use common::{big_office, city_db, harness, state, YearRow};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use egui_kittest::Harness;
use kinerja::app::city::{check_city, city_view};
use kinerja::app::{Integrity, Session};
use kinerja::storage::{Store, CITY_BUDGET_BY_YEAR_SQL};
use kinerja::ui::{KinerjaApp, Tab};
use std::time::{Duration, Instant};

fn scroll(h: &mut Harness<'static, KinerjaApp>, pos: egui::Pos2, down: bool) {
    h.event(egui::Event::PointerMoved(pos));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, if down { -120.0 } else { 120.0 }),
        modifiers: egui::Modifiers::default(),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
}

fn benches(c: &mut Criterion) {
    let db = city_db();
    let office = big_office(&db);
    let year = 2024;

    let mut g = c.benchmark_group("open");
    g.sample_size(10);
    // What the user waits for: the database opened, the office loaded and checked, and the
    // Anggaran tab's first frame laid out.
    g.bench_function("open_and_show_anggaran", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let started = Instant::now();
                let app = KinerjaApp::new(db.clone(), state(Tab::Anggaran, &office, year));
                let mut h = harness(app);
                h.step();
                total += started.elapsed();
                // Untimed: the integrity check the window started goes on in the background;
                // it finishes before the next open so that the opens do not pile up.
                while h.state().work().integrity.is_some() {
                    std::thread::sleep(Duration::from_millis(20));
                    h.step();
                }
            }
            total
        })
    });
    g.bench_function("open_and_load_office", |b| {
        b.iter(|| Session::open_office_with(&db, Some(&office), Integrity::Later).expect("opens"))
    });
    g.finish();

    let store = Store::open_read_only(&db).expect("opens");
    let mut g = c.benchmark_group("city_aggregates");
    g.bench_function("plain_group_by", |b| {
        b.iter(|| {
            let mut stmt = store.connection().prepare_cached(&CITY_BUDGET_BY_YEAR_SQL).expect("sql");
            let rows: Vec<YearRow> = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
                .expect("query")
                .collect::<Result<_, _>>()
                .expect("rows");
            rows
        })
    });
    g.bench_function("city_budget_by_year", |b| b.iter(|| store.city_budget_by_year().expect("aggregate")));
    g.bench_function("city_view_of_a_year", |b| b.iter(|| city_view(&store, year).expect("city view")));
    g.finish();

    let mut g = c.benchmark_group("check");
    g.sample_size(10).measurement_time(Duration::from_secs(40));
    g.bench_function("check_whole_city", |b| b.iter(|| check_city(&db, &|_, _| true).expect("checked")));
    g.finish();

    let mut g = c.benchmark_group("frame");
    // One frame of the Anggaran tab (2 000 lines of the year, a million in the file) while the
    // budget tree scrolls, CPU only (egui_kittest lays out and tessellates; nothing is painted).
    let mut h = harness(KinerjaApp::new(db.clone(), state(Tab::Anggaran, &office, year)));
    h.run_steps(4);
    let mut down = true;
    let mut n = 0u32;
    g.bench_function("anggaran_scrolling", |b| {
        b.iter(|| {
            n += 1;
            if n.is_multiple_of(200) {
                down = !down;
            }
            scroll(&mut h, egui::pos2(640.0, 300.0), down);
            h.step();
        })
    });
    // The same frame as the window draws it without a screen reader: the app's ui and the
    // tessellation of its shapes, no AccessKit tree (which egui_kittest always builds).
    let ctx = egui::Context::default();
    kinerja::ui::setup_context(&ctx);
    let mut app = KinerjaApp::new(db.clone(), state(Tab::Anggaran, &office, year));
    let mut frame = |events: Vec<egui::Event>| {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 820.0))),
            events,
            ..Default::default()
        };
        let out = ctx.run_ui(input, |ui| app.ui_main(ui));
        ctx.tessellate(out.shapes, out.pixels_per_point)
    };
    for _ in 0..4 {
        frame(Vec::new());
    }
    g.bench_function("anggaran_scrolling_app_cpu", |b| {
        b.iter(|| {
            n += 1;
            if n.is_multiple_of(200) {
                down = !down;
            }
            let at = egui::pos2(640.0, 300.0);
            frame(vec![
                egui::Event::PointerMoved(at),
                egui::Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Point,
                    delta: egui::vec2(0.0, if down { -120.0 } else { 120.0 }),
                    modifiers: egui::Modifiers::default(),
                    phase: egui::TouchPhase::Move,
                    source: egui::MouseWheelSource::Wheel,
                },
            ])
        })
    });
    let mut h = harness(KinerjaApp::new(db.clone(), state(Tab::Kota, &office, year)));
    h.run_steps(4);
    g.bench_function("kota_scrolling", |b| {
        b.iter(|| {
            n += 1;
            if n.is_multiple_of(100) {
                down = !down;
            }
            scroll(&mut h, egui::pos2(640.0, 600.0), down);
            h.step();
        })
    });
    // The dashboard tabs of the same office while the tab scrolls up and down over its charts
    // and tables (Ringkasan: cards, four charts, the IKU and efficiency tables; Tren: a chart per
    // IKU and the office's other trends), in `egui_kittest`.
    for (name, tab, every) in [("ringkasan_scrolling", Tab::Ringkasan, 8), ("tren_scrolling", Tab::Tren, 30)] {
        let mut h = harness(KinerjaApp::new(db.clone(), state(tab, &office, year)));
        h.run_steps(4);
        g.bench_function(name, |b| {
            b.iter(|| {
                n += 1;
                if n.is_multiple_of(every) {
                    down = !down;
                }
                scroll(&mut h, egui::pos2(640.0, 500.0), down);
                h.step();
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("export");
    g.sample_size(20);
    let session = Session::open_office_with(&db, Some(&office), Integrity::Later).expect("opens");
    let tree = kinerja::report::budget_tree(&session.dataset, &session.settings, year, kinerja::format::Lang::Id);
    g.bench_function("xlsx_budget_tree_2000_rows", |b| {
        b.iter_batched(
            || tree.clone(),
            |t| kinerja::export::tables_xlsx(std::slice::from_ref(&t)).expect("xlsx"),
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

criterion_group!(city, benches);
criterion_main!(city);
