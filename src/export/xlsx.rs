//! Tables as an Excel workbook: real numbers with Indonesian-looking formats, title and source,
//! bold subtotals and totals, fitted columns, a frozen header, and a native chart where the
//! table has a natural one (program budgets). The export's workbook adds the year's notes and
//! awards, which the report prints as text beside its tables.

use crate::domain::{Dataset, Year};
use crate::format::Lang;
use crate::report::{cell_text, Cell, ColumnKind, RowKind, TableView};
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Chart, ChartType, Format, FormatAlign, Workbook, Worksheet};

/// Why a workbook could not be made.
pub type XlsxError = rust_xlsxwriter::XlsxError;

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(t: &TableView, used: &mut Vec<String>) -> String {
    let base: String = t.label().chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    let mut name = base.clone();
    let mut n = 2;
    while used.contains(&name) {
        name = format!("{} ({n})", base.chars().take(26).collect::<String>());
        n += 1;
    }
    used.push(name.clone());
    name
}

/// A text that fits one cell: a longer one (a note pasted whole into an older database) is cut
/// and says so in the cell, instead of failing the whole workbook without naming its record.
fn fit(text: &str) -> std::borrow::Cow<'_, str> {
    use crate::interchange::{cell_text_len, MAX_CELL_TEXT};
    let length = cell_text_len(text);
    if length <= MAX_CELL_TEXT {
        return std::borrow::Cow::Borrowed(text);
    }
    let count = |n: usize, lang| crate::format::number(rust_decimal::Decimal::from(n as u64), 0, lang);
    let (id, en) = (crate::format::Lang::Id, crate::format::Lang::En);
    let note = format!(
        " … [terpotong: teks {} karakter, satu sel memuat {}; lengkapnya di ekspor dataset CSV / truncated: the text \
         has {} characters, a cell holds {}; in full in the CSV dataset export]",
        count(length, id),
        count(MAX_CELL_TEXT, id),
        count(length, en),
        count(MAX_CELL_TEXT, en)
    );
    let room = MAX_CELL_TEXT - cell_text_len(&note);
    let mut kept = String::new();
    let mut used = 0;
    for c in text.chars() {
        if used + c.len_utf16() > room {
            break;
        }
        used += c.len_utf16();
        kept.push(c);
    }
    std::borrow::Cow::Owned(kept + &note)
}

/// The cell format of a figure, by the one rule for numbers a person reads
/// (`docs/computation.md`, Numbers as shown): money with sen only where it has them,
/// percentages with two decimals, counts whole, an indicator's value with the decimals its
/// table gives it (`value`'s scale, at most four).
fn number_format(kind: ColumnKind, value: rust_decimal::Decimal) -> String {
    match kind {
        ColumnKind::Money if !value.fract().is_zero() => "\"Rp\" #,##0.00".into(),
        ColumnKind::Money => "\"Rp\" #,##0".into(),
        ColumnKind::Percent => "0.00\" %\"".into(),
        ColumnKind::Count => "#,##0".into(),
        ColumnKind::Number | ColumnKind::Text => match value.scale().min(crate::format::VALUE_DECIMALS_MAX) {
            0 => "#,##0".into(),
            n => format!("#,##0.{}", "0".repeat(n as usize)),
        },
    }
}

/// A number as its cell's format shows it, for the column width.
fn shown_text(v: rust_decimal::Decimal, kind: ColumnKind) -> String {
    crate::report::figure_text(v, kind, crate::format::Lang::Id)
}

fn write_table(sheet: &mut Worksheet, t: &TableView) -> Result<(), XlsxError> {
    let title = Format::new().set_bold().set_font_size(12);
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let source = Format::new().set_italic().set_font_size(9);
    // Header: each column, and its recomputation after each derived one.
    let mut col = 0u16;
    let mut columns = Vec::new();
    for c in &t.columns {
        sheet.write_string_with_format(2, col, fit(&c.label), &header)?;
        columns.push((col, c, false));
        col += 1;
        if c.derived && c.kind != ColumnKind::Text {
            sheet.write_string_with_format(2, col, fit(&format!("{} (hitung ulang)", c.label)), &header)?;
            columns.push((col, c, true));
            col += 1;
        }
    }
    // The widest number of each column as Excel shows it (`Rp 1.098.897.516.000`): autofit
    // measures the bare value, which leaves a formatted amount as ###.
    let mut shown_width = vec![0usize; col as usize];
    let mut row = 3u32;
    for r in &t.rows {
        let bold = r.kind != RowKind::Normal;
        for (cell, c) in r.cells.iter().zip(&t.columns) {
            for (x, _, computed) in columns.iter().filter(|(_, cc, _)| std::ptr::eq(*cc, c)) {
                let value = match cell {
                    Cell::Figure { reported, computed: comp } => {
                        if *computed {
                            // Recomputed ratios carry every decimal; the sheet shows two.
                            comp.map(|v| {
                                if matches!(c.kind, ColumnKind::Percent | ColumnKind::Number) {
                                    v.round_dp(2)
                                } else {
                                    v
                                }
                            })
                        } else {
                            *reported
                        }
                    }
                    _ => None,
                };
                match (cell, value) {
                    (Cell::Figure { .. }, Some(v)) => {
                        let mut f = Format::new().set_num_format(number_format(c.kind, v));
                        if bold {
                            f = f.set_bold();
                        }
                        sheet.write_number_with_format(row, *x, v.to_f64().unwrap_or_default(), &f)?;
                        let shown = shown_text(v, c.kind);
                        let w = &mut shown_width[*x as usize];
                        *w = (*w).max(shown.chars().count());
                    }
                    (Cell::Text(s), _) if !*computed => {
                        let mut f = Format::new().set_text_wrap().set_indent(r.level);
                        if bold {
                            f = f.set_bold();
                        }
                        sheet.write_string_with_format(row, *x, fit(s), &f)?;
                    }
                    (Cell::Range { .. }, _) if !*computed => {
                        // A workbook is a human file: the range as the report prints it.
                        let mut f = Format::new().set_align(FormatAlign::Right);
                        if bold {
                            f = f.set_bold();
                        }
                        sheet.write_string_with_format(row, *x, cell_text(cell, c.kind, Lang::Id), &f)?;
                    }
                    (Cell::Verdict { reported, computed: comp }, _) => {
                        // A verdict's column has no recomputed column beside it: the printed
                        // text, else the recomputed one, and where they differ the recomputed
                        // one after it in red, as the PDF marks it.
                        let text = if *computed { comp.clone() } else { reported.clone().or(comp.clone()) };
                        match (text, comp) {
                            (Some(text), Some(c)) if !*computed && cell.disagrees() => {
                                let red = Format::new().set_font_color(rust_xlsxwriter::Color::RGB(0xAA0000));
                                sheet.write_string_with_format(row, *x, fit(&format!("{text} [hitung: {c}]")), &red)?;
                            }
                            (Some(text), _) => {
                                sheet.write_string(row, *x, fit(&text))?;
                            }
                            (None, _) => {}
                        }
                    }
                    _ => {}
                }
            }
        }
        row += 1;
    }
    sheet.set_freeze_panes(3, 0)?;
    // Fitted to the header and the body only: the title and the source, written after, run
    // across the columns instead of widening the first one.
    sheet.autofit();
    for (x, c, _) in &columns {
        if c.kind == ColumnKind::Text && c.key != "no" {
            sheet.set_column_width(*x, 48)?;
        } else if shown_width[*x as usize] > 0 {
            sheet.set_column_width(*x, (shown_width[*x as usize] + 2).max(10) as f64)?;
        }
    }
    sheet.write_string_with_format(0, 0, fit(&t.heading()), &title)?;
    if !t.source.is_empty() {
        sheet.write_string_with_format(row + 1, 0, fit(&format!("Sumber: {}", t.source)), &source)?;
    }
    // Program budget tables get a native column chart of pagu and realisasi.
    let pagu = columns.iter().find(|(_, c, comp)| !comp && c.kind == ColumnKind::Money && c.key.starts_with("pagu"));
    let real =
        columns.iter().find(|(_, c, comp)| !comp && c.kind == ColumnKind::Money && c.key.starts_with("realisasi"));
    let label = columns.iter().find(|(_, c, _)| c.key == "program");
    if let (Some(p), Some(rl), Some(lb)) = (pagu, real, label) {
        let last = 3 + t.rows.iter().filter(|r| r.kind == RowKind::Normal).count() as u32 - 1;
        let name = sheet.name();
        let mut chart = Chart::new(ChartType::Column);
        chart.title().set_name(&t.label());
        for (x, title) in [(p.0, p.1.label.as_str()), (rl.0, rl.1.label.as_str())] {
            chart.add_series().set_name(title).set_categories((name.as_str(), 3, lb.0, last, lb.0)).set_values((
                name.as_str(),
                3,
                x,
                last,
                x,
            ));
        }
        sheet.insert_chart(1, col + 1, &chart)?;
    }
    Ok(())
}

/// A workbook with one sheet per table.
pub fn tables_xlsx(tables: &[TableView]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    add_tables(&mut book, tables)?;
    book.save_to_buffer()
}

fn add_tables(book: &mut Workbook, tables: &[TableView]) -> Result<Vec<String>, XlsxError> {
    let mut used = Vec::new();
    for t in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(t, &mut used))?;
        write_table(sheet, t)?;
    }
    Ok(used)
}

/// Where a note belongs, in words: the indicator, goal or target it is about, the office, or
/// the budget.
fn note_place(d: &Dataset, subject: &str) -> String {
    match subject.split_once(':') {
        Some(("indicator", code)) => match d.indicator(code) {
            Some(i) => format!("{code} {}", i.name),
            None => code.to_string(),
        },
        Some(("tujuan", code)) => match d.tujuan.iter().find(|t| t.code == code) {
            Some(t) => format!("Tujuan {code}: {}", t.name),
            None => format!("Tujuan {code}"),
        },
        Some(("sasaran", code)) => match d.sasaran.iter().find(|t| t.code == code) {
            Some(t) => format!("Sasaran {code}: {}", t.name),
            None => format!("Sasaran {code}"),
        },
        Some(("budget", "*")) => "Anggaran".to_string(),
        Some(("budget", kode)) => format!("Anggaran {kode}"),
        _ if subject == "office" => "Organisasi".to_string(),
        _ => subject.to_string(),
    }
}

/// The export's workbook: a sheet per table, then the year's notes (*Catatan*: constraints,
/// efforts, supporting factors, plans, functions, explanations) and awards (*Penghargaan*),
/// each where the year has any. The follow-ups of the evaluation (LHE) are a table of the
/// report's and have their sheet among the tables.
pub fn lkip_xlsx(d: &Dataset, year: Year, tables: &[TableView]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let used = add_tables(&mut book, tables)?;
    let title = Format::new().set_bold().set_font_size(12);
    let header = Format::new().set_bold().set_border(rust_xlsxwriter::FormatBorder::Thin);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let mut notes: Vec<_> = d.notes.iter().filter(|n| n.year == year).collect();
    if !notes.is_empty() {
        // In the order of the data's subjects, each kind's notes by their number.
        let order: Vec<&str> = d.notes.iter().map(|n| n.subject.as_str()).fold(Vec::new(), |mut v, s| {
            if !v.contains(&s) {
                v.push(s);
            }
            v
        });
        notes.sort_by_key(|n| (order.iter().position(|s| *s == n.subject), n.kind.clone(), n.position));
        let sheet = book.add_worksheet();
        sheet.set_name(free_name("Catatan", &used))?;
        sheet.write_string_with_format(0, 0, fit(&format!("Catatan Laporan Kinerja Tahun {year}")), &title)?;
        for (c, h) in ["Bagian", "Jenis", "No", "Catatan"].iter().enumerate() {
            sheet.write_string_with_format(2, c as u16, *h, &header)?;
        }
        for (i, n) in notes.iter().enumerate() {
            let row = 3 + i as u32;
            sheet.write_string_with_format(row, 0, fit(&note_place(d, &n.subject)), &wrap)?;
            sheet.write_string_with_format(
                row,
                1,
                fit(&crate::text::note_kind(&n.kind, crate::format::Lang::Id)),
                &wrap,
            )?;
            sheet.write_number_with_format(row, 2, n.position as f64, &wrap)?;
            sheet.write_string_with_format(row, 3, fit(&n.text), &wrap)?;
        }
        sheet.set_freeze_panes(3, 0)?;
        for (c, w) in [(0u16, 36.0), (1, 20.0), (2, 5.0), (3, 90.0)] {
            sheet.set_column_width(c, w)?;
        }
    }
    let mut awards: Vec<_> = d.awards.iter().filter(|a| a.year == year).collect();
    if !awards.is_empty() {
        awards.sort_by_key(|a| a.position);
        let sheet = book.add_worksheet();
        sheet.set_name(free_name("Penghargaan", &used))?;
        sheet.write_string_with_format(0, 0, fit(&format!("Prestasi dan Penghargaan Tahun {year}")), &title)?;
        for (c, h) in ["No", "Pemberi", "Uraian"].iter().enumerate() {
            sheet.write_string_with_format(2, c as u16, *h, &header)?;
        }
        for (i, a) in awards.iter().enumerate() {
            let row = 3 + i as u32;
            sheet.write_number_with_format(row, 0, a.position as f64, &wrap)?;
            sheet.write_string_with_format(row, 1, fit(&a.giver), &wrap)?;
            sheet.write_string_with_format(row, 2, fit(&a.description), &wrap)?;
        }
        for (c, w) in [(0u16, 5.0), (1, 36.0), (2, 90.0)] {
            sheet.set_column_width(c, w)?;
        }
    }
    book.save_to_buffer()
}

/// `name`, or `name (2)` … where a table's sheet already has it.
fn free_name(name: &str, used: &[String]) -> String {
    let mut candidate = name.to_string();
    let mut n = 2;
    while used.contains(&candidate) {
        candidate = format!("{name} ({n})");
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::{cell_text_len, MAX_CELL_TEXT};

    #[test]
    fn a_text_longer_than_a_cell_is_cut_with_a_note() {
        assert_eq!(fit("Program"), "Program");
        let exact = "a".repeat(MAX_CELL_TEXT);
        assert_eq!(fit(&exact), exact.as_str());
        let long = "é😀".repeat(20_000);
        let cut = fit(&long);
        assert!(cell_text_len(&cut) <= MAX_CELL_TEXT);
        assert!(cut.starts_with("é😀é😀"));
        assert!(cut.ends_with(
            "[terpotong: teks 60.000 karakter, satu sel memuat 32.767; lengkapnya di ekspor dataset CSV / truncated: \
             the text has 60,000 characters, a cell holds 32,767; in full in the CSV dataset export]"
        ));
    }
}
