//! Two planners of one office saving at the same moment, many times over, each through its own
//! store: on a PostgreSQL server and on one SQLite file. Writers of different records both
//! succeed; writers of the same record either succeed or are told the record changed under them
//! (what they expected → what is there → what they wanted); nothing reported saved is lost.

mod common;

use common::server::TestDb;
use kinerja::domain::{Change, IndicatorValue, Op};
use kinerja::storage::{Conflict, EditError, ServerAddress, Store};
use rust_decimal::Decimal;
use std::collections::HashSet;
use std::sync::Barrier;

const ROUNDS: i64 = 50;

/// How each attempt of one writer ended.
#[derive(Debug)]
enum Outcome {
    /// Reported saved: the value written.
    Saved(Decimal),
    /// Reported as a conflict: what the writer expected, what it was told is there, what it
    /// wanted (as the message shows them).
    Conflict { old: String, theirs: String, new: String },
    /// Anything else (the writer goes on, so that the other is not left waiting for it).
    Failed(String),
}

/// Two Renstra targets of the embedded office (indicator, year, value), on different indicators.
fn two_targets() -> [(String, i32, Decimal); 2] {
    let d = kinerja::embedded::dataset().unwrap();
    let first = d.targets.first().expect("the embedded office has Renstra targets");
    let second = d.targets.iter().find(|t| t.indicator != first.indicator).expect("a second indicator's target");
    [first, second].map(|t| (t.indicator.clone(), t.year, t.value.target))
}

fn set_target(indicator: &str, year: i32, old: Decimal, new: Decimal) -> Change {
    Change {
        description: format!("target {indicator} {year}"),
        ops: vec![Op::SetValue {
            value: IndicatorValue::RenstraTarget,
            indicator: indicator.into(),
            year,
            old: Some(old),
            new,
        }],
    }
}

/// A value no other attempt writes: the writer in the thousands, the round below.
fn value_of(writer: i64, round: i64) -> Decimal {
    Decimal::from(writer * 1000 + round)
}

/// The target as the store holds it now.
fn stored_target(store: &Store, office: i64, indicator: &str, year: i32) -> Option<Decimal> {
    store.load_dataset(office).unwrap().renstra_target(indicator, year).map(|t| t.target)
}

/// Both writers, each with its own store from `open`, write `rounds` times at the same moment
/// (a barrier before each round): writer `w` writes target `records[w]`, starting from what it
/// believes it holds and believing afterwards what it wrote or what a conflict said is there.
/// On a conflict in an odd round the writer writes its value over theirs on purpose.
fn run_writers(
    open: &(dyn Fn() -> Store + Sync),
    office: i64,
    records: [(String, i32, Decimal); 2],
) -> [Vec<Outcome>; 2] {
    let barrier = Barrier::new(2);
    let results = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..2)
            .map(|w| {
                let (barrier, (indicator, year, start)) = (&barrier, records[w].clone());
                scope.spawn(move || {
                    let mut store = open();
                    let mut believed = start;
                    let mut outcomes = Vec::new();
                    for round in 0..ROUNDS {
                        let mine = value_of(w as i64 + 1, round);
                        let user = format!("Perencana {}", w + 1);
                        barrier.wait();
                        let mut result =
                            store.apply_change(office, &set_target(&indicator, year, believed, mine), &user);
                        if round % 2 == 1 {
                            if let Err(EditError::Conflict(c)) = &result {
                                if let Some(rebased) = &c.rebased {
                                    result = store.write_over(office, rebased, &user, "tulis nilai saya");
                                }
                            }
                        }
                        // No assertion here: a writer that stopped would leave the other
                        // waiting at the barrier.
                        outcomes.push(match result {
                            Ok(applied) if applied.len() == 1 => {
                                believed = mine;
                                Outcome::Saved(mine)
                            }
                            Ok(applied) => Outcome::Failed(format!("{} fields written", applied.len())),
                            Err(EditError::Conflict(c)) if c.rebased.is_some() => {
                                let Conflict { old, theirs, new, .. } = *c;
                                match theirs.parse() {
                                    Ok(t) => {
                                        believed = t;
                                        Outcome::Conflict { old, theirs, new }
                                    }
                                    Err(_) => Outcome::Failed(format!("theirs is no number: {theirs}")),
                                }
                            }
                            Err(e) => Outcome::Failed(format!("writer {w}, round {round}: {e}")),
                        });
                    }
                    outcomes
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("the writer finished")).collect::<Vec<_>>()
    });
    let failed: Vec<&str> = results
        .iter()
        .flatten()
        .filter_map(|o| match o {
            Outcome::Failed(why) => Some(why.as_str()),
            _ => None,
        })
        .collect();
    assert!(failed.is_empty(), "every attempt is saved or a conflict offering mine over theirs: {failed:?}");
    let mut results = results.into_iter();
    [results.next().unwrap(), results.next().unwrap()]
}

fn saved(outcomes: &[Outcome]) -> Vec<Decimal> {
    outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Saved(v) => Some(*v),
            Outcome::Conflict { .. } | Outcome::Failed(_) => None,
        })
        .collect()
}

/// Writers of different records: every change is reported saved, is in the final data and in
/// the audit trail once, under a change id of its own.
fn different_records(open: &(dyn Fn() -> Store + Sync), office: i64) {
    let records = two_targets();
    let outcomes = run_writers(open, office, records.clone());
    let store = open();
    let mut change_ids = HashSet::new();
    for (w, (indicator, year, start)) in records.iter().enumerate() {
        let saved = saved(&outcomes[w]);
        let expected: Vec<Decimal> = (0..ROUNDS).map(|r| value_of(w as i64 + 1, r)).collect();
        assert_eq!(saved, expected, "writer {w}: every change reported saved");
        assert_eq!(stored_target(&store, office, indicator, *year), expected.last().copied(), "writer {w}'s last");
        let mut trail = store.audit_log(office, Some(&format!("target:{indicator}:{year}")), 1000).unwrap();
        trail.reverse();
        let news: Vec<String> = trail.iter().map(|e| e.new.clone()).collect();
        assert_eq!(news, expected.iter().map(|d| d.to_string()).collect::<Vec<_>>(), "writer {w}'s trail");
        let olds: Vec<String> = trail.iter().map(|e| e.old.clone()).collect();
        let mut chain = vec![start.to_string()];
        chain.extend(expected[..expected.len() - 1].iter().map(|d| d.to_string()));
        assert_eq!(olds, chain, "writer {w}: each change replaced the one before it");
        assert!(trail.iter().all(|e| e.user == format!("Perencana {}", w + 1)));
        change_ids.extend(trail.iter().map(|e| e.change_id));
    }
    assert_eq!(change_ids.len(), 2 * ROUNDS as usize, "no two changes share a change id");
}

/// Writers of the same record: each attempt is saved or a conflict naming what the writer
/// expected, a value that was there, and what it wanted; the audit trail is one unbroken chain of
/// exactly the saved values, and the record holds the last of them.
fn same_record(open: &(dyn Fn() -> Store + Sync), office: i64) {
    let [(indicator, year, _), _] = two_targets();
    let store = open();
    // The record as it is now, and the changes made to it before (by `different_records`).
    let start = stored_target(&store, office, &indicator, year).expect("the target is there");
    let record = format!("target:{indicator}:{year}");
    let before = store.audit_log(office, Some(&record), 1000).unwrap().len();
    let outcomes = run_writers(open, office, [(indicator.clone(), year, start), (indicator.clone(), year, start)]);
    let mut trail = store.audit_log(office, Some(&record), 1000).unwrap();
    trail.truncate(trail.len() - before);
    trail.reverse();
    // Every value saved by either writer, once each, in the trail; no other value in it.
    let mut all_saved: Vec<String> = outcomes.iter().flat_map(|o| saved(o)).map(|d| d.to_string()).collect();
    let mut news: Vec<String> = trail.iter().map(|e| e.new.clone()).collect();
    all_saved.sort();
    news.sort();
    assert_eq!(news, all_saved, "the trail holds exactly the changes reported saved");
    assert!(!all_saved.is_empty(), "some changes were saved");
    // Each saved change replaced the one saved before it: nothing was overwritten unseen.
    let mut previous = start.to_string();
    for e in &trail {
        assert_eq!(e.old, previous, "change {} replaced what was there", e.change_id);
        previous = e.new.clone();
    }
    assert_eq!(stored_target(&store, office, &indicator, year).map(|d| d.to_string()), Some(previous));
    let ids: HashSet<i64> = trail.iter().map(|e| e.change_id).collect();
    assert_eq!(ids.len(), trail.len(), "no two changes share a change id");
    // A conflict names what the writer expected (the start or a value that was saved), a value
    // that was there (ditto) and the writer's own value of that round.
    let known: HashSet<String> = std::iter::once(start.to_string()).chain(all_saved.iter().cloned()).collect();
    let mut conflicts = 0;
    for (w, outcome) in outcomes.iter().enumerate() {
        for (round, o) in outcome.iter().enumerate() {
            if let Outcome::Conflict { old, theirs, new } = o {
                conflicts += 1;
                assert_eq!(*new, value_of(w as i64 + 1, round as i64).to_string(), "writer {w} round {round}");
                assert!(known.contains(old), "writer {w} round {round}: expected {old}");
                assert!(known.contains(theirs), "writer {w} round {round}: found {theirs}");
                assert_ne!(old, theirs, "a conflict is a value other than the expected one");
            }
        }
    }
    assert!(conflicts > 0, "two writers of one record at the same moment meet at least once in {ROUNDS} rounds");
}

#[test]
fn two_writers_on_a_server_lose_nothing() {
    let Some(test) = TestDb::create("concurrency") else { return };
    let address = ServerAddress::parse(&test.url).unwrap();
    let office = Store::open_server(&address).unwrap().save_dataset(&kinerja::embedded::dataset().unwrap()).unwrap();
    let open = || Store::open_server(&address).unwrap();
    different_records(&open, office);
    same_record(&open, office);
}

#[test]
fn two_writers_on_one_file_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kantor.db");
    let office = Store::open(&path).unwrap().save_dataset(&kinerja::embedded::dataset().unwrap()).unwrap();
    let open = || Store::open(&path).unwrap();
    different_records(&open, office);
    same_record(&open, office);
}
