//! Twenty planners saving at once on a PostgreSQL server, a few seconds (the minute-long run is
//! `benches/server.rs`): conflicts are reported as conflicts, and nothing reported saved is lost.

mod common;
#[path = "common/load.rs"]
mod load;

use common::server::TestDb;
use kinerja::demo::{generate, DemoSpec};
use kinerja::domain::{Change, IndicatorValue, Op};
use kinerja::storage::{ServerAddress, Store};
use rust_decimal::Decimal;
use std::time::Duration;

#[test]
fn twenty_planners_saving_at_once_lose_nothing() {
    let Some(test) = TestDb::create("load") else { return };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kota.sqlite");
    // A small city: the embedded office and ten synthetic ones, two planners to each synthetic one.
    let spec = DemoSpec { offices: 11, years: 2, lines: 20, ..DemoSpec::default() };
    generate(&file, &spec, false, &mut |_| true).unwrap();
    let address = ServerAddress::parse(&test.url).unwrap();
    let mut offices = load::copy_offices(&file, &address, 3).unwrap();
    let mut server = Store::open_server(&address).unwrap();
    assert_eq!(offices.len(), 11);
    // The planners work on the synthetic offices.
    let embedded = server.office_id(&kinerja::embedded::dataset().unwrap().office.code).unwrap();
    offices.retain(|id| Some(*id) != embedded);
    assert_eq!(offices.len(), 10);

    let report = load::run(&address, &offices, 20, Duration::from_secs(3), "test");
    eprintln!("{}", report.summary());
    assert_eq!(report.errors, Vec::<String>::new());
    assert_eq!(report.lost, Vec::<String>::new());
    assert_eq!(report.offices, 10);
    assert!(report.saves >= 20, "at least a save per planner in 3 s: {}", report.summary());
    // Two planners edit the same three values of an office, each from what it last saw.
    assert!(report.conflicts > 0, "{}", report.summary());
    assert_eq!(report.latencies.len(), report.saves);

    // The check sees a save overwritten behind the planners' backs: someone else changes the
    // first value the planners of the first office edit.
    let d = server.load_dataset(offices[0]).unwrap();
    let first = d.targets.iter().min_by_key(|t| (t.indicator.clone(), t.year)).unwrap();
    let record = format!("target:{}:{}", first.indicator, first.year);
    let change = Change {
        description: "dari luar".into(),
        ops: vec![Op::SetValue {
            value: IndicatorValue::RenstraTarget,
            indicator: first.indicator.clone(),
            year: first.year,
            old: Some(first.value.target),
            new: Decimal::new(-1, 0),
        }],
    };
    server.apply_change(offices[0], &change, "luar").unwrap();
    let lost = report.check(&server);
    assert_eq!(lost.len(), 1, "{lost:?}");
    assert!(lost[0].contains(&first.indicator) && lost[0].contains("now -1"), "{lost:?} ({record})");
}
