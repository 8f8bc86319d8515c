//! The export's table document: every report table of the year in the report's order and
//! numbering, grouped by chapter, with the office's notes where the report has them (an
//! indicator's constraints, efforts, supporting factors and plans after its last table, the
//! office's main functions in Bab I, the driving factors after the goals, the budget's
//! explanation after the budget tables) and its awards before the budget; then the findings of
//! the consistency check and the main charts.

use super::{render, Part, PdfError};
use crate::calc::check::CheckReport;
use crate::calc::layout::layout;
use crate::domain::{Block, Dataset, Note, TableKind, Year};
use crate::format::Lang;
use crate::report::charts::ChartSpec;
use crate::report::TableView;

/// What a table of the layout is about, for placing the notes: the note subject it closes.
fn closes(kind: TableKind, subject: &str) -> Option<String> {
    match kind {
        TableKind::IkuAnalysis | TableKind::IkuRenstra | TableKind::ProgramIndicators | TableKind::IkuBudget => {
            Some(format!("indicator:{subject}"))
        }
        TableKind::Staff | TableKind::Assets => Some("office".into()),
        TableKind::RenstraGoals => Some("tujuan:*".into()),
        TableKind::BudgetMurni | TableKind::BudgetRealisation | TableKind::BudgetComparison => Some("budget:*".into()),
        _ => None,
    }
}

/// The group a note's subject belongs to (`tujuan:T2` goes with the goals table).
fn group(subject: &str) -> String {
    if subject.starts_with("tujuan:") || subject.starts_with("sasaran:") {
        "tujuan:*".into()
    } else if subject.starts_with("budget:") {
        "budget:*".into()
    } else {
        subject.to_string()
    }
}

fn is_budget(kind: TableKind) -> bool {
    matches!(kind, TableKind::BudgetMurni | TableKind::BudgetRealisation | TableKind::BudgetComparison)
}

/// The title of a kind of note, as the report heads it.
fn kind_title(kind: &str) -> String {
    match kind {
        "kendala" => "Kendala".into(),
        "upaya" => "Upaya yang telah dilakukan".into(),
        "faktor_pendukung" => "Faktor pendukung".into(),
        "rencana" => "Rencana tindak lanjut".into(),
        "faktor_pendorong" => "Faktor pendorong".into(),
        "fungsi_utama" => "Fungsi utama".into(),
        "penjelasan" => "Penjelasan".into(),
        other => {
            let words = crate::text::note_kind(other, Lang::Id);
            let mut c = words.chars();
            c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
        }
    }
}

/// The order the report gives the kinds of an indicator's notes; other kinds after them.
const KIND_ORDER: [&str; 4] = ["kendala", "upaya", "faktor_pendukung", "rencana"];

/// The notes of one group as sections of numbered lists, one per kind.
fn notes_parts<'a>(notes: &[&Note], level: u8) -> Vec<Part<'a>> {
    let mut kinds: Vec<&str> = Vec::new();
    for n in notes {
        if !kinds.contains(&n.kind.as_str()) {
            kinds.push(&n.kind);
        }
    }
    kinds.sort_by_key(|k| KIND_ORDER.iter().position(|o| o == k).unwrap_or(KIND_ORDER.len()));
    let mut parts = Vec::new();
    for kind in kinds {
        let mut items: Vec<&&Note> = notes.iter().filter(|n| n.kind == kind).collect();
        items.sort_by_key(|n| (n.subject.clone(), n.position));
        parts.push(Part::Heading { level, text: kind_title(kind) });
        parts.push(Part::Text(vec![Block::Numbered(
            items.iter().map(|n| (format!("{}.", n.position), n.text.clone())).collect(),
        )]));
    }
    parts
}

fn chapter(id: &str) -> &'static str {
    match id.split('.').next() {
        Some("1") => "BAB I PENDAHULUAN",
        Some("2") => "BAB II PERENCANAAN KINERJA",
        Some("3") => "BAB III AKUNTABILITAS KINERJA",
        Some("4") => "BAB IV PENUTUP",
        _ => "TABEL LAIN",
    }
}

/// The document's bytes.
pub fn lkip_pdf(
    d: &Dataset,
    year: Year,
    tables: &[TableView],
    check: &CheckReport,
    charts: &[&ChartSpec],
) -> Result<Vec<u8>, PdfError> {
    let office = d.office.name.as_str();
    let plan = layout(d, year);
    let about = |t: &TableView| plan.iter().find(|p| p.id == t.id).map(|p| (p.kind, p.subject.as_str()));

    // Each group of notes goes after the last table that closes it; what no table closes
    // comes in a section of its own.
    let notes: Vec<&Note> = d.notes.iter().filter(|n| n.year == year).collect();
    let mut last_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, t) in tables.iter().enumerate() {
        if let Some(subject) = about(t).and_then(|(k, s)| closes(k, s)) {
            last_of.insert(subject, i);
        }
    }
    let awards: Vec<_> = {
        let mut a: Vec<_> = d.awards.iter().filter(|a| a.year == year).collect();
        a.sort_by_key(|a| a.position);
        a
    };
    let awards_before = tables.iter().position(|t| about(t).is_some_and(|(k, _)| is_budget(k)));

    let mut parts: Vec<Part> = vec![
        Part::Cover {
            title: format!("LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN {year}"),
            subtitle: format!("Tabel, catatan dan grafik\n\n{office}"),
        },
        Part::Heading { level: 1, text: "DAFTAR ISI".into() },
        Part::TableOfContents,
        Part::Text(vec![Block::Paragraph(
            "Setiap angka ditulis sebagaimana dicetak dalam laporan; bila hasil hitung ulang Kinerja berbeda melebihi \
             ketelitian angka yang dicetak, hasil hitung ditulis di bawahnya dalam tanda [hitung: …]. Daftar perbedaan \
             ada di Lampiran."
                .into(),
        )]),
    ];
    let mut current_chapter = "";
    let mut opened: Vec<String> = Vec::new();
    let award_parts = |parts: &mut Vec<Part>| {
        if !awards.is_empty() {
            parts.push(Part::Heading { level: 2, text: "Prestasi dan Penghargaan".into() });
            parts.push(Part::Text(vec![Block::Numbered(
                awards
                    .iter()
                    .map(|a| (format!("{}.", a.position), format!("{}: {}", a.giver, a.description)))
                    .collect(),
            )]));
        }
    };
    for (i, t) in tables.iter().enumerate() {
        let c = chapter(&t.id);
        if c != current_chapter {
            parts.push(Part::Heading { level: 1, text: c.into() });
            current_chapter = c;
        }
        if awards_before == Some(i) {
            award_parts(&mut parts);
            parts.push(Part::Heading { level: 2, text: "Akuntabilitas Anggaran".into() });
        }
        if let Some((kind, subject)) = about(t) {
            let group = closes(kind, subject);
            if let Some(code) = group.as_deref().and_then(|g| g.strip_prefix("indicator:")) {
                if !opened.iter().any(|o| o == code) {
                    opened.push(code.to_string());
                    let name = d.indicator(code).map(|ind| ind.name.as_str()).unwrap_or(code);
                    parts.push(Part::Heading { level: 2, text: format!("Indikator Kinerja Utama {code}: {name}") });
                }
            }
        }
        parts.push(Part::Table(t));
        let mut closed: Vec<&String> = last_of.iter().filter(|(_, last)| **last == i).map(|(s, _)| s).collect();
        closed.sort();
        for subject in closed {
            let here: Vec<&Note> = notes.iter().copied().filter(|n| group(&n.subject) == *subject).collect();
            parts.extend(notes_parts(&here, 3));
        }
    }
    if awards_before.is_none() {
        award_parts(&mut parts);
    }
    let placed = |n: &&Note| last_of.contains_key(&group(&n.subject));
    let rest: Vec<&Note> = notes.iter().copied().filter(|n| !placed(n)).collect();
    if !rest.is_empty() {
        parts.push(Part::Heading { level: 1, text: "CATATAN LAIN".into() });
        let mut subjects: Vec<&str> = Vec::new();
        for n in &rest {
            if !subjects.contains(&n.subject.as_str()) {
                subjects.push(&n.subject);
            }
        }
        for s in subjects {
            parts.push(Part::Heading { level: 2, text: s.to_string() });
            let of: Vec<&Note> = rest.iter().copied().filter(|n| n.subject == s).collect();
            parts.extend(notes_parts(&of, 3));
        }
    }

    // The LKIP is an Indonesian document: its appendix is Indonesian whatever the window shows.
    parts.push(Part::Heading { level: 1, text: "LAMPIRAN: TEMUAN PEMERIKSAAN KONSISTENSI".into() });
    if check.findings.is_empty() {
        parts.push(Part::Text(vec![Block::Paragraph(
            "Tidak ada temuan: setiap angka tercetak sesuai dengan hasil hitung ulang.".into(),
        )]));
    } else {
        parts.push(Part::Text(vec![Block::Numbered(
            check
                .findings
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let text = format!(
                        "{}\nCara hitung: {}",
                        crate::text::finding(f, Lang::Id),
                        crate::text::formula(&f.formula, Lang::Id)
                    );
                    (format!("{}.", i + 1), text)
                })
                .collect(),
        )]));
    }
    if !charts.is_empty() {
        parts.push(Part::Heading { level: 1, text: "GRAFIK".into() });
        for (i, spec) in charts.iter().enumerate() {
            parts.push(Part::Chart { caption: format!("Grafik {} {}", i + 1, spec.title), spec });
        }
    }
    render(&parts, &format!("Tabel LKIP {year} — {office}"), &format!("{office} — LKIP {year}"))
}
