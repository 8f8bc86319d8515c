use crate::domain::{Dataset, ReportTable, TableKind, Year};

/// The numbered tables of a year's report.
///
/// A year with a stored layout (the report's own numbering and titles) uses it. Another year
/// takes the numbering of the nearest year that has one, with generated titles, so that
/// `3.19` means the same table in every year. Without any stored layout a standard numbering
/// is generated from the plan.
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
    push("1.1".into(), TableKind::Staff, String::new());
    push("1.2".into(), TableKind::Assets, String::new());
    push("2.1".into(), TableKind::RenstraGoals, period.clone());
    push("2.2".into(), TableKind::IkuDictionary, period.clone());
    push("2.3".into(), TableKind::Agreement, String::new());
    push("3.1".into(), TableKind::Capaian, String::new());
    let mut n = 2;
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
    for kind in
        [TableKind::Efficiency, TableKind::BudgetMurni, TableKind::BudgetRealisation, TableKind::BudgetComparison]
    {
        push(format!("3.{n}"), kind, String::new());
        n += 1;
    }
    out
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
