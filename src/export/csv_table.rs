//! A table as CSV for Excel: UTF-8 with a byte-order mark, a header row, and text cells that
//! could be read as formulas neutralised (OWASP CSV injection).

use crate::report::{csv_header, neutralise, Cell, ColumnKind, TableView};

/// Separator and decimal mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CsvDialect {
    /// `,` between fields, `.` in numbers.
    #[default]
    Plain,
    /// Indonesian Excel: `;` between fields, `,` in numbers.
    Indonesian,
}

/// The table as CSV bytes (with BOM).
pub fn table_csv(t: &TableView, dialect: CsvDialect) -> Vec<u8> {
    let delimiter = match dialect {
        CsvDialect::Plain => b',',
        CsvDialect::Indonesian => b';',
    };
    let number = |s: String| match dialect {
        CsvDialect::Plain => s,
        CsvDialect::Indonesian => s.replace('.', ","),
    };
    let mut w =
        csv::WriterBuilder::new().delimiter(delimiter).terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    // Writing into a Vec cannot fail.
    let _ = w.write_record(csv_header(t));
    for r in &t.rows {
        let mut record = Vec::new();
        for (c, cell) in t.columns.iter().zip(&r.cells) {
            let (rep, comp) = match cell {
                Cell::Empty => (String::new(), String::new()),
                Cell::Text(s) => (neutralise(s), String::new()),
                Cell::Figure { reported, computed } => {
                    let computed = computed.map(|v| match c.kind {
                        ColumnKind::Percent | ColumnKind::Number => v.round_dp(2),
                        _ => v,
                    });
                    (
                        reported.map(|v| number(v.to_string())).unwrap_or_default(),
                        computed.map(|v| number(v.to_string())).unwrap_or_default(),
                    )
                }
                Cell::Verdict { reported, computed } => (
                    reported.as_deref().map(neutralise).unwrap_or_default(),
                    computed.as_deref().map(neutralise).unwrap_or_default(),
                ),
                Cell::Range { low, high } => (number(crate::report::plain_range(*low, *high)), String::new()),
            };
            record.push(rep);
            if c.derived {
                record.push(comp);
            }
        }
        record.push(r.kind.code().into());
        let _ = w.write_record(record);
    }
    let mut out = b"\xEF\xBB\xBF".to_vec();
    out.extend(w.into_inner().unwrap_or_default());
    out
}
