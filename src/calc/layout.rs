use crate::domain::{Dataset, ReportTable, TableKind, Year};

/// The numbered tables of a year's report.
///
/// A year with a stored layout (the report's own numbering and titles) uses it. Another year
/// takes the numbering of the nearest year that has one, with generated titles, so that
/// `3.19` means the same table in every year. Without any stored layout Kinerja numbers the
/// tables itself (`generated`). Whatever the numbering, each table also has a stable name
/// ([`ReportTable::name`], [`names`]) by which [`find`] finds it.
pub fn layout(d: &Dataset, year: Year) -> Vec<ReportTable> {
    let stored: Vec<ReportTable> = d.report_tables.iter().filter(|t| t.year == year).cloned().collect();
    if !stored.is_empty() {
        return stored;
    }
    let nearest = d.report_tables.iter().map(|t| t.year).min_by_key(|y| ((y - year).abs(), -y));
    if let Some(ny) = nearest {
        return d
            .report_tables
            .iter()
            .filter(|t| t.year == ny)
            .map(|t| ReportTable {
                year,
                title: default_title(d, t.kind, &t.subject, year),
                source: String::new(),
                note: String::new(),
                ..t.clone()
            })
            .collect();
    }
    generated(d, year)
}

/// Kinerja's own numbering, for an office whose report gives none. The tables every office has
/// keep fixed numbers — 1.1 and 1.2 (chapter I), 2.1 to 2.3 (chapter II), 3.1 to 3.5
/// (capaian, efficiency and the three budget tables) — and the tables about one indicator
/// follow them from 3.6, indicator by indicator in the order of the Renstra period's IKU, each
/// indicator's tables in a fixed order (analysis, Renstra, national comparison where the year
/// has one, programmes, budget). So `anggaran-program` is 3.4 whatever the number of
/// indicators (`docs/dataset-format.md`, *report_tables.csv*).
fn generated(d: &Dataset, year: Year) -> Vec<ReportTable> {
    let mut out = Vec::new();
    let mut push = |id: String, kind: TableKind, subject: String| {
        out.push(ReportTable {
            year,
            title: default_title(d, kind, &subject, year),
            id,
            kind,
            subject,
            source: String::new(),
            note: String::new(),
        })
    };
    let period = d.period_of_year(year).map(|p| p.code.clone()).unwrap_or_default();
    for (id, kind, subject) in [
        ("1.1", TableKind::Staff, ""),
        ("1.2", TableKind::Assets, ""),
        ("2.1", TableKind::RenstraGoals, period.as_str()),
        ("2.2", TableKind::IkuDictionary, period.as_str()),
        ("2.3", TableKind::Agreement, ""),
        ("3.1", TableKind::Capaian, ""),
        ("3.2", TableKind::Efficiency, ""),
        ("3.3", TableKind::BudgetMurni, ""),
        ("3.4", TableKind::BudgetRealisation, ""),
        ("3.5", TableKind::BudgetComparison, ""),
    ] {
        push(id.into(), kind, subject.into());
    }
    let mut n = FIRST_INDICATOR_TABLE;
    let ikus: Vec<String> = d.ikus_of_period(&period).iter().map(|i| i.code.clone()).collect();
    for code in ikus {
        let mut kinds =
            vec![TableKind::IkuAnalysis, TableKind::IkuRenstra, TableKind::ProgramIndicators, TableKind::IkuBudget];
        if d.benchmarks.iter().any(|b| b.year == year && b.indicator == code) {
            kinds.insert(2, TableKind::Benchmarks);
        }
        for kind in kinds {
            push(format!("3.{n}"), kind, code.clone());
            n += 1;
        }
    }
    out
}

/// The minor number of the first table about one indicator in Kinerja's own numbering (3.6).
pub const FIRST_INDICATOR_TABLE: u32 = 6;

/// The stable names of a year's tables, in the layout's order: [`ReportTable::name`], made
/// unique where a report prints two tables of one name (two Renstra periods' goals in a year of
/// transition) by adding the later one's number: `tujuan-sasaran@2.4`.
pub fn names(tables: &[ReportTable]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tables.len());
    for t in tables {
        let name = t.name();
        if out.contains(&name) {
            out.push(format!("{name}@{}", t.id));
        } else {
            out.push(name);
        }
    }
    out
}

/// The table a user names, by the office's number (`3.19`) or by its stable name
/// (`anggaran-program`, `iku-analisis:IKU1`; the name's letters in any case).
pub fn find<'a>(tables: &'a [ReportTable], key: &str) -> Option<&'a ReportTable> {
    let key = key.trim();
    if let Some(t) = tables.iter().find(|t| t.id == key) {
        return Some(t);
    }
    names(tables).iter().position(|n| n.eq_ignore_ascii_case(key)).and_then(|i| tables.get(i))
}

/// Whether a printed figure's `table` cell is written as a table's stable name rather than as
/// the office's own number (`3.19`) or chapter (`IV`, `BAB IV`): its part before `:` or `@` is
/// a kind's name in any case (`anggaran-program`, `Iku-Analisis:IKU1`), or has a name's shape,
/// letters joined by hyphens (`angaran-program`, a name misspelt, which must not pass as a
/// chapter).
pub fn is_table_name(text: &str) -> bool {
    let base = text.trim().split([':', '@']).next().unwrap_or_default();
    TableKind::ALL.iter().any(|k| k.name().eq_ignore_ascii_case(base))
        || (base.contains('-') && base.split('-').all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphabetic())))
}

/// The office's number of the table a printed figure of `year` names in its `table` cell: a
/// stable name resolved through the year's layout as [`find`] resolves it for `kinerja table`;
/// a number or chapter as written. `Err` with the year's table names when a name names no table.
pub fn printed_table(d: &Dataset, year: Year, table: &str) -> Result<String, Vec<String>> {
    if !is_table_name(table) {
        return Ok(table.to_string());
    }
    let tables = layout(d, year);
    find(&tables, table).map(|t| t.id.clone()).ok_or_else(|| names(&tables))
}

/// [`printed_table`] for a dataset that was imported (where every name names a table); a name
/// that names none (the layout changed since) stays as written.
pub fn printed_table_or_text(d: &Dataset, year: Year, table: &str) -> String {
    printed_table(d, year, table).unwrap_or_else(|_| table.to_string())
}

/// A standard title for a table kind.
pub fn default_title(d: &Dataset, kind: TableKind, subject: &str, year: Year) -> String {
    let office = &d.office.name;
    let ind = d.indicator(subject).map_or(subject.to_string(), |i| i.name.clone());
    match kind {
        TableKind::Staff => format!("Data Sumber Daya Manusia {year}"),
        TableKind::Assets => format!("Daftar Aset Tetap {office} {year}"),
        TableKind::RenstraGoals => format!("Tujuan dan Sasaran {office}"),
        TableKind::IkuDictionary => format!("Indikator Kinerja Utama {office}"),
        TableKind::Agreement => format!("Perjanjian Kinerja {office} Tahun {year}"),
        TableKind::Capaian => format!("Capaian Kinerja {office} {year}"),
        TableKind::IkuAnalysis => format!("Analisis Pencapaian Indikator Kinerja Utama {ind}"),
        TableKind::IkuRenstra => format!("Perbandingan Realisasi {ind} dengan Target Renstra"),
        TableKind::AkipRecommendations => format!("Upaya Pencapaian Nilai AKIP Tahun {year}"),
        TableKind::ProgramIndicators => format!("Indikator Capaian Program Pendukung {ind}"),
        TableKind::IkuBudget => format!("Alokasi dan Realisasi Anggaran untuk {ind}"),
        TableKind::Benchmarks => format!("Perbandingan Realisasi {ind} dengan Tingkat Nasional"),
        TableKind::UmkmUpgrades => format!("Data Usaha Mikro yang Menjadi Usaha Kecil {year}"),
        TableKind::Efficiency => format!("Tingkat Efisiensi per Sasaran Strategis Tahun {year}"),
        TableKind::BudgetMurni => format!("Pagu Anggaran per Program Tahun {year}"),
        TableKind::BudgetRealisation => format!("Pagu dan Realisasi Anggaran per Program Tahun {year}"),
        TableKind::BudgetComparison => {
            format!("Perbandingan Pagu dan Realisasi Anggaran Tahun {year} dengan {}", year - 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(id: &str, kind: TableKind, subject: &str) -> ReportTable {
        ReportTable {
            year: 2024,
            id: id.into(),
            kind,
            subject: subject.into(),
            title: String::new(),
            source: String::new(),
            note: String::new(),
        }
    }

    #[test]
    fn names_are_unique_and_find_takes_a_number_or_a_name() {
        let tables = vec![
            table("2.1", TableKind::RenstraGoals, "2019-2023"),
            table("2.2", TableKind::RenstraGoals, "2024-2026"),
            table("3.8", TableKind::IkuAnalysis, "IKU2"),
            table("3.19", TableKind::BudgetRealisation, ""),
        ];
        assert_eq!(names(&tables), ["tujuan-sasaran", "tujuan-sasaran@2.2", "iku-analisis:IKU2", "anggaran-program"]);
        assert_eq!(find(&tables, "3.19").map(|t| t.kind), Some(TableKind::BudgetRealisation));
        assert_eq!(find(&tables, "anggaran-program").map(|t| t.id.as_str()), Some("3.19"));
        assert_eq!(find(&tables, " Iku-Analisis:iku2 ").map(|t| t.id.as_str()), Some("3.8"));
        assert_eq!(find(&tables, "tujuan-sasaran@2.2").map(|t| t.subject.as_str()), Some("2024-2026"));
        assert_eq!(find(&tables, "iku-analisis:IKU9"), None);
        assert_eq!(find(&tables, "iku-analisis"), None);
        assert_eq!(find(&tables, "3.20"), None);
    }

    #[test]
    fn a_name_is_told_from_a_number_or_a_chapter() {
        for name in [
            "anggaran-program",
            "ANGGARAN-PROGRAM",
            "iku-analisis:IKU1",
            "tujuan-sasaran@2.2",
            "sdm",
            "angaran-program",
        ] {
            assert!(is_table_name(name), "{name}");
        }
        for other in ["3.19", "IV", "BAB IV", "Lampiran", "2.3a", "", "-", "a--b", "3-19"] {
            assert!(!is_table_name(other), "{other}");
        }
    }

    #[test]
    fn every_kind_has_its_own_name() {
        let mut seen: Vec<&str> = TableKind::ALL.iter().map(|k| k.name()).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), TableKind::ALL.len());
        // A name is what a user types: lower-case words joined by hyphens, no number, no colon.
        for k in TableKind::ALL {
            assert!(k.name().chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", k.name());
        }
    }
}
