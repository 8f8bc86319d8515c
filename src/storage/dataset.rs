//! Saving and loading a whole office dataset.

use super::{Result, StorageError, Store};
use crate::domain::*;
use rusqlite::{params, OptionalExtension, Row, Transaction};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::str::FromStr;

/// An office in the database.
#[derive(Clone, Debug, PartialEq)]
pub struct OfficeRef {
    pub id: i64,
    pub code: String,
    pub name: String,
}

fn sen(m: Option<Money>) -> Option<i64> {
    m.map(Money::to_sen)
}
fn dtext(d: Decimal) -> String {
    d.to_string()
}
fn odtext(d: Option<Decimal>) -> Option<String> {
    d.map(dtext)
}
fn corrupt(what: impl Into<String>) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        Box::new(StorageError::Corrupt(what.into())),
    )
}
fn dec(row: &Row, i: usize) -> rusqlite::Result<Decimal> {
    let s: String = row.get(i)?;
    Decimal::from_str(&s).map_err(|_| corrupt(format!("'{s}' is not a decimal")))
}
fn odec(row: &Row, i: usize) -> rusqlite::Result<Option<Decimal>> {
    let s: Option<String> = row.get(i)?;
    s.map(|s| Decimal::from_str(&s).map_err(|_| corrupt(format!("'{s}' is not a decimal")))).transpose()
}
pub(super) fn money(row: &Row, i: usize) -> rusqlite::Result<Option<Money>> {
    Ok(row.get::<_, Option<i64>>(i)?.map(Money::from_sen))
}
fn coded<T: Coded>(row: &Row, i: usize) -> rusqlite::Result<T> {
    let s: String = row.get(i)?;
    T::from_code(&s).ok_or_else(|| corrupt(format!("unknown code '{s}'")))
}

fn unwrap_corrupt(e: rusqlite::Error) -> StorageError {
    match e {
        rusqlite::Error::FromSqlConversionFailure(_, _, inner) => match inner.downcast::<StorageError>() {
            Ok(se) => *se,
            Err(other) => StorageError::Corrupt(other.to_string()),
        },
        other => StorageError::Sqlite(other),
    }
}

impl Store {
    /// The offices in the database, by name.
    pub fn offices(&self) -> Result<Vec<OfficeRef>> {
        let mut stmt = self.conn.prepare("SELECT id, code, name FROM office ORDER BY name, id")?;
        let rows = stmt.query_map([], |r| Ok(OfficeRef { id: r.get(0)?, code: r.get(1)?, name: r.get(2)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Stores a whole dataset in one transaction, replacing the office with the same code if
    /// there is one (so importing the same data twice does not duplicate it).
    pub fn save_dataset(&mut self, d: &Dataset) -> Result<i64> {
        self.save_dataset_cancellable(d, &|| true)
    }

    /// [`Store::save_dataset`] that asks `keep_going` now and then and, when it answers `false`,
    /// rolls everything back and returns [`StorageError::Cancelled`].
    pub fn save_dataset_cancellable(&mut self, d: &Dataset, keep_going: &dyn Fn() -> bool) -> Result<i64> {
        let tx = self.conn.transaction()?;
        let id = save(&tx, d, keep_going)?;
        tx.commit()?;
        Ok(id)
    }

    /// The performance data (Renstra, targets, realisation, AKIP; no budget, organisation or
    /// printed figures) of every office, by office id, read with one query per table.
    pub fn load_performance_all(&self) -> Result<BTreeMap<i64, Dataset>> {
        load_scope(&self.conn, Scope::All, Parts::Performance).map_err(unwrap_corrupt)
    }

    /// Loads the whole dataset of an office.
    pub fn load_dataset(&self, office_id: i64) -> Result<Dataset> {
        load(&self.conn, office_id).map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => StorageError::NoOffice(office_id.to_string()),
            other => unwrap_corrupt(other),
        })
    }
}

fn save(tx: &Transaction, d: &Dataset, keep_going: &dyn Fn() -> bool) -> Result<i64> {
    let o = &d.office;
    let existing: Option<i64> =
        tx.query_row("SELECT id FROM office WHERE code = ?1", [&o.code], |r| r.get(0)).optional()?;
    if let Some(id) = existing {
        tx.execute("DELETE FROM office WHERE id = ?1", [id])?;
    }
    tx.execute(
        "INSERT INTO office (code, name, short_name, government, address, legal_basis) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![o.code, o.name, o.short_name, o.government, o.address, o.legal_basis],
    )?;
    let id = tx.last_insert_rowid();
    macro_rules! insert_all {
        ($sql:expr, $rows:expr, |$r:ident| $params:expr) => {{
            if !keep_going() {
                return Err(StorageError::Cancelled);
            }
            let mut stmt = tx.prepare($sql)?;
            for (i, $r) in $rows.iter().enumerate() {
                if i % 4096 == 4095 && !keep_going() {
                    return Err(StorageError::Cancelled);
                }
                stmt.execute($params)?;
            }
        }};
    }
    insert_all!(
        "INSERT INTO unit (office_id, code, parent_code, position, kind, name) VALUES (?1,?2,?3,?4,?5,?6)",
        &d.units,
        |u| params![id, u.code, u.parent, u.position, u.kind.code(), u.name]
    );
    insert_all!("INSERT INTO unit_duty (office_id, unit_code, position, level, label, kind, text) VALUES (?1,?2,?3,?4,?5,?6,?7)",
        &d.unit_duties, |u| params![id, u.unit, u.position, u.level, u.label, u.kind.code(), u.text]);
    insert_all!(
        "INSERT INTO staff_count (office_id, year, position, education, status, count) VALUES (?1,?2,?3,?4,?5,?6)",
        &d.staff,
        |s| params![id, s.year, s.position, s.education, s.status.code(), s.count]
    );
    insert_all!("INSERT INTO asset_item (office_id, year, code, parent_code, position, label, name, count, value_sen, note) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
        &d.assets, |a| params![id, a.year, a.code, a.parent, a.position, a.label, a.name, a.count, sen(a.value), a.note]);
    insert_all!(
        "INSERT INTO renstra_period (office_id, code, start_year, end_year, name, basis) VALUES (?1,?2,?3,?4,?5,?6)",
        &d.periods,
        |p| params![id, p.code, p.start_year, p.end_year, p.name, p.basis]
    );
    insert_all!(
        "INSERT INTO strategy (office_id, period_code, position, text) VALUES (?1,?2,?3,?4)",
        &d.strategies,
        |s| params![id, s.period, s.position, s.text]
    );
    insert_all!(
        "INSERT INTO tujuan (office_id, period_code, code, position, name) VALUES (?1,?2,?3,?4,?5)",
        &d.tujuan,
        |t| params![id, t.period, t.code, t.position, t.name]
    );
    insert_all!(
        "INSERT INTO sasaran (office_id, tujuan_code, code, position, name) VALUES (?1,?2,?3,?4,?5)",
        &d.sasaran,
        |s| params![id, s.tujuan, s.code, s.position, s.name]
    );
    insert_all!("INSERT INTO indicator (office_id, code, period_code, level, parent_code, position, name, satuan, polarity, capaian_rule, formula, formula_text, definition, alasan, data_source, responsible, iku, predecessor_code, comparable, note, quarter_rule) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21)",
        &d.indicators, |i| params![id, i.code, i.period, i.level.code(), i.parent, i.position, i.name, i.satuan, i.polarity.code(),
            i.capaian_rule.code(), i.formula.code(), i.formula_text, i.definition, i.alasan, i.data_source, i.responsible, i.iku,
            i.predecessor, i.comparable, i.note, i.quarter_rule.code()]);
    insert_all!("INSERT INTO indicator_target (office_id, indicator_code, year, target, target_high, note) VALUES (?1,?2,?3,?4,?5,?6)",
        &d.targets, |t| params![id, t.indicator, t.year, dtext(t.value.target), odtext(t.value.target_high), t.note]);
    insert_all!("INSERT INTO agreement_target (office_id, year, indicator_code, target, target_high, note) VALUES (?1,?2,?3,?4,?5,?6)",
        &d.agreements, |t| params![id, t.year, t.indicator, dtext(t.value.target), odtext(t.value.target_high), t.note]);
    insert_all!("INSERT INTO agreement_program (office_id, year, program_kode, position, name, pagu_murni_sen, pagu_perubahan_sen, note) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
        &d.agreement_programs, |a| params![id, a.year, a.program, a.position, a.name, sen(a.pagu_murni), sen(a.pagu_perubahan), a.note]);
    insert_all!(
        "INSERT INTO realisation (office_id, indicator_code, year, realisasi, note) VALUES (?1,?2,?3,?4,?5)",
        &d.realisations,
        |r| params![id, r.indicator, r.year, dtext(r.realisasi), r.note]
    );
    insert_all!("INSERT INTO raw_figure (office_id, indicator_code, year, role, value, label, note) VALUES (?1,?2,?3,?4,?5,?6,?7)",
        &d.raw_figures, |r| params![id, r.indicator, r.year, r.role.code(), dtext(r.value), r.label, r.note]);
    insert_all!("INSERT INTO budget_line (office_id, year, kode, parent_kode, level, position, name, pagu_murni_sen, pagu_perubahan_sen, realisasi_sen, note) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)",
        &d.budget_lines, |b| params![id, b.year, b.kode, b.parent, b.level.code(), b.position, b.name, sen(b.pagu_murni), sen(b.pagu_perubahan), sen(b.realisasi), b.note]);
    insert_all!(
        "INSERT INTO program_support (office_id, program_kode, indicator_code) VALUES (?1,?2,?3)",
        &d.program_support,
        |s| params![id, s.program, s.indicator]
    );
    insert_all!("INSERT INTO printed_figure (office_id, year, table_id, place, subject, field, printed, value, note) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)",
        &d.printed_figures, |p| params![id, p.year, p.table, p.place.code(), p.subject, p.field, p.printed, odtext(p.value), p.note]);
    insert_all!(
        "INSERT INTO note (office_id, year, subject, kind, position, text) VALUES (?1,?2,?3,?4,?5,?6)",
        &d.notes,
        |n| params![id, n.year, n.subject, n.kind, n.position, n.text]
    );
    insert_all!(
        "INSERT INTO award (office_id, year, position, giver, description) VALUES (?1,?2,?3,?4,?5)",
        &d.awards,
        |a| params![id, a.year, a.position, a.giver, a.description]
    );
    insert_all!("INSERT INTO akip_evaluation (office_id, year, score, predicate, perencanaan, pengukuran, pelaporan, evaluasi, evaluator, indicator_code, note) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)",
        &d.akip_evaluations, |a| params![id, a.year, dtext(a.score), a.predicate, odtext(a.perencanaan), odtext(a.pengukuran),
            odtext(a.pelaporan), odtext(a.evaluasi), a.evaluator, a.indicator, a.note]);
    insert_all!("INSERT INTO akip_recommendation (office_id, evaluation_year, followup_year, position, recommendation, follow_up) VALUES (?1,?2,?3,?4,?5,?6)",
        &d.akip_recommendations, |a| params![id, a.evaluation_year, a.followup_year, a.position, a.recommendation, a.follow_up]);
    insert_all!("INSERT INTO benchmark (office_id, year, indicator_code, position, name, source, benchmark_year, satuan, target, realisasi, note) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)",
        &d.benchmarks, |b| params![id, b.year, b.indicator, b.position, b.name, b.source, b.benchmark_year, b.satuan, odtext(b.target), odtext(b.realisasi), b.note]);
    insert_all!("INSERT INTO umkm_upgrade (office_id, year, position, owner, address, business, phone, from_class, to_class, annual_sales_sen, capital_sen) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)",
        &d.umkm_upgrades, |u| params![id, u.year, u.position, u.owner, u.address, u.business, u.phone, u.from_class.code(), u.to_class.code(), sen(u.annual_sales), sen(u.capital)]);
    insert_all!("INSERT INTO report_table (office_id, year, table_id, kind, subject, title, source, note) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
        &d.report_tables, |t| params![id, t.year, t.id, t.kind.code(), t.subject, t.title, t.source, t.note]);
    insert_all!("INSERT INTO quarter_progress (office_id, indicator_code, year, quarter, target, realisasi) VALUES (?1,?2,?3,?4,?5,?6)",
        &d.quarters, |q| params![id, q.indicator, q.year, q.quarter, odtext(q.target), odtext(q.realisasi)]);
    insert_all!(
        "INSERT INTO budget_quarter (office_id, year, kode, quarter, realisasi_sen) VALUES (?1,?2,?3,?4,?5)",
        &d.budget_quarters,
        |q| params![id, q.year, q.kode, q.quarter, q.realisasi.to_sen()]
    );
    Ok(id)
}

/// Which offices a load reads.
#[derive(Clone, Copy, Debug)]
enum Scope {
    One(i64),
    All,
}

/// Which tables a load reads: everything, or only what capaian and the AKIP predicate need (the
/// city view), which leaves out the budget, the organisation and the report's printed figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Parts {
    Everything,
    Performance,
}

/// The rows of `table` in scope, each with its office. One query per table whatever the number
/// of offices (no query per office).
fn all<T>(
    conn: &rusqlite::Connection,
    scope: Scope,
    columns: &str,
    table: &str,
    mut f: impl FnMut(&Row) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<(i64, T)>> {
    // `office_id` comes last so that the row mappers read their columns from 0.
    let office_column = columns.split(',').count();
    let map = |r: &Row| Ok((r.get::<_, i64>(office_column)?, f(r)?));
    match scope {
        Scope::One(id) => {
            let sql = format!("SELECT {columns}, office_id FROM {table} WHERE office_id = ?1 ORDER BY id");
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt.query_map([id], map)?;
            rows.collect()
        }
        Scope::All => {
            let sql = format!("SELECT {columns}, office_id FROM {table} ORDER BY office_id, id");
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt.query_map([], map)?;
            rows.collect()
        }
    }
}

fn load(conn: &rusqlite::Connection, id: i64) -> rusqlite::Result<Dataset> {
    load_scope(conn, Scope::One(id), Parts::Everything)?.remove(&id).ok_or(rusqlite::Error::QueryReturnedNoRows)
}

/// The datasets of the offices in scope, by office id.
fn load_scope(conn: &rusqlite::Connection, scope: Scope, parts: Parts) -> rusqlite::Result<BTreeMap<i64, Dataset>> {
    let mut out = BTreeMap::new();
    let office_row = |r: &Row| {
        Ok((
            r.get::<_, i64>(6)?,
            Office {
                code: r.get(0)?,
                name: r.get(1)?,
                short_name: r.get(2)?,
                government: r.get(3)?,
                address: r.get(4)?,
                legal_basis: r.get(5)?,
            },
        ))
    };
    let office_sql = "SELECT code, name, short_name, government, address, legal_basis, id FROM office";
    let offices: rusqlite::Result<Vec<(i64, Office)>> = match scope {
        Scope::One(id) => conn.prepare(&format!("{office_sql} WHERE id = ?1"))?.query_map([id], office_row)?.collect(),
        Scope::All => conn.prepare(office_sql)?.query_map([], office_row)?.collect(),
    };
    for (id, office) in offices? {
        out.insert(id, Dataset { office, ..Dataset::default() });
    }
    macro_rules! table {
        ($field:ident, $columns:expr, $table:expr, $f:expr) => {
            for (office, item) in all(conn, scope, $columns, $table, $f)? {
                if let Some(d) = out.get_mut(&office) {
                    d.$field.push(item);
                }
            }
        };
    }
    let everything = parts == Parts::Everything;
    if everything {
        table!(units, "code, parent_code, position, kind, name", "unit", |r| Ok(Unit {
            code: r.get(0)?,
            parent: r.get(1)?,
            position: r.get(2)?,
            kind: coded(r, 3)?,
            name: r.get(4)?
        }));
    }
    if everything {
        table!(unit_duties, "unit_code, position, level, label, kind, text", "unit_duty", |r| Ok(UnitDuty {
            unit: r.get(0)?,
            position: r.get(1)?,
            level: r.get(2)?,
            label: r.get(3)?,
            kind: coded(r, 4)?,
            text: r.get(5)?
        }));
    }
    if everything {
        table!(staff, "year, position, education, status, count", "staff_count", |r| Ok(StaffCount {
            year: r.get(0)?,
            position: r.get(1)?,
            education: r.get(2)?,
            status: coded(r, 3)?,
            count: r.get(4)?
        }));
    }
    if everything {
        table!(assets, "year, code, parent_code, position, label, name, count, value_sen, note", "asset_item", |r| Ok(
            AssetItem {
                year: r.get(0)?,
                code: r.get(1)?,
                parent: r.get(2)?,
                position: r.get(3)?,
                label: r.get(4)?,
                name: r.get(5)?,
                count: r.get(6)?,
                value: money(r, 7)?,
                note: r.get(8)?
            }
        ));
    }
    table!(periods, "code, start_year, end_year, name, basis", "renstra_period", |r| Ok(RenstraPeriod {
        code: r.get(0)?,
        start_year: r.get(1)?,
        end_year: r.get(2)?,
        name: r.get(3)?,
        basis: r.get(4)?
    }));
    if everything {
        table!(strategies, "period_code, position, text", "strategy", |r| Ok(Strategy {
            period: r.get(0)?,
            position: r.get(1)?,
            text: r.get(2)?
        }));
    }
    table!(tujuan, "period_code, code, position, name", "tujuan", |r| Ok(Tujuan {
        period: r.get(0)?,
        code: r.get(1)?,
        position: r.get(2)?,
        name: r.get(3)?
    }));
    table!(sasaran, "tujuan_code, code, position, name", "sasaran", |r| Ok(Sasaran {
        tujuan: r.get(0)?,
        code: r.get(1)?,
        position: r.get(2)?,
        name: r.get(3)?
    }));
    table!(indicators, "code, period_code, level, parent_code, position, name, satuan, polarity, capaian_rule, formula, formula_text, definition, alasan, data_source, responsible, iku, predecessor_code, comparable, note, quarter_rule", "indicator", |r| Ok(Indicator { code: r.get(0)?, period: r.get(1)?, level: coded(r, 2)?, parent: r.get(3)?, position: r.get(4)?, name: r.get(5)?, satuan: r.get(6)?,
                polarity: coded(r, 7)?, capaian_rule: coded(r, 8)?, formula: coded(r, 9)?, formula_text: r.get(10)?, definition: r.get(11)?, alasan: r.get(12)?,
                data_source: r.get(13)?, responsible: r.get(14)?, iku: r.get(15)?, predecessor: r.get(16)?, comparable: r.get(17)?, note: r.get(18)?, quarter_rule: coded(r, 19)? }));
    table!(targets, "indicator_code, year, target, target_high, note", "indicator_target", |r| Ok(Target {
        indicator: r.get(0)?,
        year: r.get(1)?,
        value: TargetValue { target: dec(r, 2)?, target_high: odec(r, 3)? },
        note: r.get(4)?
    }));
    table!(agreements, "year, indicator_code, target, target_high, note", "agreement_target", |r| Ok(
        AgreementTarget {
            year: r.get(0)?,
            indicator: r.get(1)?,
            value: TargetValue { target: dec(r, 2)?, target_high: odec(r, 3)? },
            note: r.get(4)?
        }
    ));
    if everything {
        table!(
            agreement_programs,
            "year, program_kode, position, name, pagu_murni_sen, pagu_perubahan_sen, note",
            "agreement_program",
            |r| Ok(AgreementProgram {
                year: r.get(0)?,
                program: r.get(1)?,
                position: r.get(2)?,
                name: r.get(3)?,
                pagu_murni: money(r, 4)?,
                pagu_perubahan: money(r, 5)?,
                note: r.get(6)?
            })
        );
    }
    table!(realisations, "indicator_code, year, realisasi, note", "realisation", |r| Ok(Realisation {
        indicator: r.get(0)?,
        year: r.get(1)?,
        realisasi: dec(r, 2)?,
        note: r.get(3)?
    }));
    table!(raw_figures, "indicator_code, year, role, value, label, note", "raw_figure", |r| Ok(RawFigure {
        indicator: r.get(0)?,
        year: r.get(1)?,
        role: coded(r, 2)?,
        value: dec(r, 3)?,
        label: r.get(4)?,
        note: r.get(5)?
    }));
    if everything {
        table!(
            budget_lines,
            "year, kode, parent_kode, level, position, name, pagu_murni_sen, pagu_perubahan_sen, realisasi_sen, note",
            "budget_line",
            |r| Ok(BudgetLine {
                year: r.get(0)?,
                kode: r.get(1)?,
                parent: r.get(2)?,
                level: coded(r, 3)?,
                position: r.get(4)?,
                name: r.get(5)?,
                pagu_murni: money(r, 6)?,
                pagu_perubahan: money(r, 7)?,
                realisasi: money(r, 8)?,
                note: r.get(9)?
            })
        );
    }
    if everything {
        table!(program_support, "program_kode, indicator_code", "program_support", |r| Ok(ProgramSupport {
            program: r.get(0)?,
            indicator: r.get(1)?
        }));
    }
    if everything {
        table!(printed_figures, "year, table_id, place, subject, field, printed, value, note", "printed_figure", |r| {
            Ok(PrintedFigure {
                year: r.get(0)?,
                table: r.get(1)?,
                place: coded(r, 2)?,
                subject: r.get(3)?,
                field: r.get(4)?,
                printed: r.get(5)?,
                value: odec(r, 6)?,
                note: r.get(7)?,
            })
        });
    }
    if everything {
        table!(notes, "year, subject, kind, position, text", "note", |r| Ok(Note {
            year: r.get(0)?,
            subject: r.get(1)?,
            kind: r.get(2)?,
            position: r.get(3)?,
            text: r.get(4)?
        }));
    }
    if everything {
        table!(awards, "year, position, giver, description", "award", |r| Ok(Award {
            year: r.get(0)?,
            position: r.get(1)?,
            giver: r.get(2)?,
            description: r.get(3)?
        }));
    }
    table!(
        akip_evaluations,
        "year, score, predicate, perencanaan, pengukuran, pelaporan, evaluasi, evaluator, indicator_code, note",
        "akip_evaluation",
        |r| Ok(AkipEvaluation {
            year: r.get(0)?,
            score: dec(r, 1)?,
            predicate: r.get(2)?,
            perencanaan: odec(r, 3)?,
            pengukuran: odec(r, 4)?,
            pelaporan: odec(r, 5)?,
            evaluasi: odec(r, 6)?,
            evaluator: r.get(7)?,
            indicator: r.get(8)?,
            note: r.get(9)?
        })
    );
    if everything {
        table!(
            akip_recommendations,
            "evaluation_year, followup_year, position, recommendation, follow_up",
            "akip_recommendation",
            |r| Ok(AkipRecommendation {
                evaluation_year: r.get(0)?,
                followup_year: r.get(1)?,
                position: r.get(2)?,
                recommendation: r.get(3)?,
                follow_up: r.get(4)?
            })
        );
    }
    if everything {
        table!(
            benchmarks,
            "year, indicator_code, position, name, source, benchmark_year, satuan, target, realisasi, note",
            "benchmark",
            |r| Ok(Benchmark {
                year: r.get(0)?,
                indicator: r.get(1)?,
                position: r.get(2)?,
                name: r.get(3)?,
                source: r.get(4)?,
                benchmark_year: r.get(5)?,
                satuan: r.get(6)?,
                target: odec(r, 7)?,
                realisasi: odec(r, 8)?,
                note: r.get(9)?
            })
        );
    }
    if everything {
        table!(
            umkm_upgrades,
            "year, position, owner, address, business, phone, from_class, to_class, annual_sales_sen, capital_sen",
            "umkm_upgrade",
            |r| Ok(UmkmUpgrade {
                year: r.get(0)?,
                position: r.get(1)?,
                owner: r.get(2)?,
                address: r.get(3)?,
                business: r.get(4)?,
                phone: r.get(5)?,
                from_class: coded(r, 6)?,
                to_class: coded(r, 7)?,
                annual_sales: money(r, 8)?,
                capital: money(r, 9)?
            })
        );
    }
    if everything {
        table!(report_tables, "year, table_id, kind, subject, title, source, note", "report_table", |r| Ok(
            ReportTable {
                year: r.get(0)?,
                id: r.get(1)?,
                kind: coded(r, 2)?,
                subject: r.get(3)?,
                title: r.get(4)?,
                source: r.get(5)?,
                note: r.get(6)?
            }
        ));
    }
    table!(quarters, "indicator_code, year, quarter, target, realisasi", "quarter_progress", |r| Ok(QuarterProgress {
        indicator: r.get(0)?,
        year: r.get(1)?,
        quarter: r.get(2)?,
        target: odec(r, 3)?,
        realisasi: odec(r, 4)?
    }));
    if everything {
        table!(budget_quarters, "year, kode, quarter, realisasi_sen", "budget_quarter", |r| Ok(BudgetQuarter {
            year: r.get(0)?,
            kode: r.get(1)?,
            quarter: r.get(2)?,
            realisasi: Money::from_sen(r.get(3)?)
        }));
    }
    Ok(out)
}
