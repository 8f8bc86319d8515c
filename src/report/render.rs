//! Machine renderings of a table: CSV (RFC 4180, plain numbers) and JSON.

use super::*;

/// A text that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+…`, `-…`, `@…`, or
/// behind a tab or carriage return) gets a leading `'`, which shows it as text (OWASP CSV
/// injection). A plain number such as `-5` is not a formula and stays as it is.
pub fn neutralise(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if crate::interchange::parse_plain_decimal(text).is_none() => {
            format!("'{text}")
        }
        _ => text.to_string(),
    }
}

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
                    Cell::Text(s) => (neutralise(s), String::new()),
                    Cell::Figure { reported, computed } => (
                        reported.map(|v| plain(v, c.kind)).unwrap_or_default(),
                        computed.map(|v| computed_plain(v, c.kind)).unwrap_or_default(),
                    ),
                    Cell::Verdict { reported, computed } => (
                        reported.as_deref().map(neutralise).unwrap_or_default(),
                        computed.as_deref().map(neutralise).unwrap_or_default(),
                    ),
                    Cell::Range { low, high } => (plain_range(*low, *high), String::new()),
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

/// A range in a machine file: both bounds as plain numbers at the precision of the more precise
/// one (`7.50–8.00`), as the report prints it.
pub fn plain_range(low: Decimal, high: Decimal) -> String {
    let decimals = low.scale().max(high.scale());
    let at = |v: Decimal| {
        let mut v = v;
        v.rescale(decimals);
        v.to_string()
    };
    format!("{}–{}", at(low), at(high))
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
                    Cell::Text(s) => serde_json::Value::String(neutralise(s)),
                    Cell::Figure { reported, computed } if c.derived => serde_json::json!({
                        "reported": reported.map(|v| num(plain(v, c.kind))),
                        "computed": computed.map(|v| num(computed_plain(v, c.kind))),
                    }),
                    Cell::Figure { reported, computed } => {
                        reported.or(*computed).map(|v| num(plain(v, c.kind))).unwrap_or(serde_json::Value::Null)
                    }
                    Cell::Verdict { reported, computed } => serde_json::json!({
                        "reported": reported.as_deref().map(neutralise),
                        "computed": computed.as_deref().map(neutralise),
                    }),
                    Cell::Range { low, high } => serde_json::json!({
                        "low": num(plain(*low, c.kind)),
                        "high": num(plain(*high, c.kind)),
                    }),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_are_not() {
        for bad in ["=1+1", "=HYPERLINK(\"http://x\")", "+62 812", "-x", "@SUM(A1)", "\tx", "\rx", "-"] {
            assert_eq!(neutralise(bad), format!("'{bad}"), "{bad:?}");
        }
        for plain in ["Program", "-5", "-2.125", "12", ""] {
            assert_eq!(neutralise(plain), plain);
        }
    }

    #[test]
    fn standard_output_neutralises_text_cells() {
        let t = TableView {
            id: "3.19".into(),
            year: 2024,
            title: "Anggaran".into(),
            source: String::new(),
            columns: vec![
                Column { key: "program".into(), label: "Program".into(), kind: ColumnKind::Text, derived: false },
                Column { key: "pagu".into(), label: "Pagu".into(), kind: ColumnKind::Money, derived: false },
            ],
            rows: vec![TableRow {
                kind: RowKind::Normal,
                level: 0,
                subject: "budget:1".into(),
                cells: vec![Cell::text("=HYPERLINK(\"http://x\",\"klik\")"), Cell::value(Some(Decimal::from(-5)))],
            }],
            lang: crate::format::Lang::Id,
        };
        let csv = to_csv(&t);
        assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\",-5,baris"), "{csv}");
        let json: serde_json::Value = serde_json::from_str(&to_json(&t)).unwrap();
        assert_eq!(json["rows"][0]["cells"]["program"], "'=HYPERLINK(\"http://x\",\"klik\")");
        assert_eq!(json["rows"][0]["cells"]["pagu"], -5);
    }
}
