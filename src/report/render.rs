//! Machine renderings of a table: CSV (RFC 4180, plain numbers) and JSON.

use super::*;

/// A recorded or printed figure keeps the precision it was written with (`90.60`, `75.80`).
fn plain(v: Decimal, _kind: ColumnKind) -> String {
    v.to_string()
}

/// A recomputed figure: percentages and ratios to two decimals, money and counts exact.
fn computed_plain(v: Decimal, kind: ColumnKind) -> String {
    match kind {
        ColumnKind::Percent | ColumnKind::Number => v.round_dp(2).to_string(),
        _ => v.normalize().to_string(),
    }
}

/// Header keys of the CSV form: every column, a `_hitung` (recomputed) column after each
/// derived one, and the row kind last.
pub fn csv_header(t: &TableView) -> Vec<String> {
    let mut h = Vec::new();
    for c in &t.columns {
        h.push(c.key.clone());
        if c.derived {
            h.push(format!("{}_hitung", c.key));
        }
    }
    h.push("jenis_baris".into());
    h
}

/// The CSV records of the rows, matching [`csv_header`].
pub fn csv_records(t: &TableView) -> Vec<Vec<String>> {
    t.rows
        .iter()
        .map(|r| {
            let mut out = Vec::new();
            for (c, cell) in t.columns.iter().zip(&r.cells) {
                let (rep, comp) = match cell {
                    Cell::Empty => (String::new(), String::new()),
                    Cell::Text(s) => (s.clone(), String::new()),
                    Cell::Figure { reported, computed } => (
                        reported.map(|v| plain(v, c.kind)).unwrap_or_default(),
                        computed.map(|v| computed_plain(v, c.kind)).unwrap_or_default(),
                    ),
                    Cell::Verdict { reported, computed } => {
                        (reported.clone().unwrap_or_default(), computed.clone().unwrap_or_default())
                    }
                };
                out.push(rep);
                if c.derived {
                    out.push(comp);
                }
            }
            out.push(r.kind.code().into());
            out
        })
        .collect()
}

/// RFC 4180 CSV, UTF-8, with a header row.
pub fn to_csv(t: &TableView) -> String {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    // Writing into a Vec cannot fail.
    let _ = w.write_record(csv_header(t));
    for r in csv_records(t) {
        let _ = w.write_record(r);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// JSON with the title, columns and rows; derived cells as `{"reported": …, "computed": …}`.
pub fn to_json(t: &TableView) -> String {
    let rows: Vec<serde_json::Value> = t
        .rows
        .iter()
        .map(|r| {
            let mut cells = serde_json::Map::new();
            for (c, cell) in t.columns.iter().zip(&r.cells) {
                let v = match cell {
                    Cell::Empty => serde_json::Value::Null,
                    Cell::Text(s) => serde_json::Value::String(s.clone()),
                    Cell::Figure { reported, computed } if c.derived => serde_json::json!({
                        "reported": reported.map(|v| num(plain(v, c.kind))),
                        "computed": computed.map(|v| num(computed_plain(v, c.kind))),
                    }),
                    Cell::Figure { reported, computed } => {
                        reported.or(*computed).map(|v| num(plain(v, c.kind))).unwrap_or(serde_json::Value::Null)
                    }
                    Cell::Verdict { reported, computed } => {
                        serde_json::json!({ "reported": reported, "computed": computed })
                    }
                };
                cells.insert(c.key.clone(), v);
            }
            serde_json::json!({ "kind": r.kind.code(), "level": r.level, "subject": r.subject, "cells": cells })
        })
        .collect();
    let doc = serde_json::json!({
        "id": t.id,
        "year": t.year,
        "title": t.title,
        "source": t.source,
        "columns": t.columns,
        "rows": rows,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

fn num(s: String) -> serde_json::Value {
    serde_json::from_str(&s).unwrap_or(serde_json::Value::String(s))
}
