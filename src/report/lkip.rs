//! The whole LKIP of a year as data, in reading order: chapters, the office's text, the report's
//! tables and charts where the report puts them, and the appendix. The document writers (DOCX,
//! PDF) render this one model; nothing here knows a file format.
//!
//! The structure is that of PermenPAN-RB 53/2014 as the reference report follows it: cover,
//! Kata Pengantar, Ikhtisar Eksekutif, Daftar Isi, Bab I Pendahuluan, Bab II Perencanaan Kinerja,
//! Bab III Akuntabilitas Kinerja (capaian organisasi; per IKU the comparisons of *Sistematika
//! Penyajian*; efisiensi; prestasi; akuntabilitas anggaran), Bab IV Penutup and the lampiran
//! (the Perjanjian Kinerja with its signatures, the Rencana Aksi by quarter). The document is
//! Indonesian whatever the window's language, like every LKIP file.

use super::charts::{all_charts, iku_chain, ChartSpec};
use super::{
    build_table, cell_text, figure_text, Cell, Column, ColumnKind, RowKind, TableOptions, TableRow, TableView,
};
use crate::calc::layout::layout;
use crate::calc::resolve::effective_realisasi;
use crate::calc::Settings;
use crate::domain::{Block, Dataset, IkuPart, Indicator, SectionKey, TableKind, UnitKind, Year};
use crate::format::Lang;
use std::collections::{BTreeMap, HashMap};

/// The whole LKIP of a year, in reading order, as data (no file format).
#[derive(Clone, Debug, PartialEq)]
pub struct LkipDocument {
    /// The office's name.
    pub office: String,
    /// The region the office serves (`Kota Bekasi`), from its government; empty when unknown.
    pub city: String,
    pub year: Year,
    pub elements: Vec<Element>,
}

/// One element of the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Element {
    /// The cover page (title, office, year).
    Cover {
        title: String,
        subtitle: String,
    },
    /// level 1 = chapter ("BAB I PENDAHULUAN", "KATA PENGANTAR", "LAMPIRAN"),
    /// 2 = section ("A. Latar Belakang"), 3 = subsection (one IKU, "Prestasi dan Penghargaan"),
    /// 4 = a part of one IKU's analysis ("a. Kendala dan Penyebab"; not in the table of contents).
    Heading {
        level: u8,
        text: String,
    },
    /// The office's text, already resolved (figures in place), as `domain::Block`s.
    Text(Vec<Block>),
    /// A report table with its number and title (`TableView::label()`, `.title`); a table of the
    /// appendix has an id that is not a number, and its heading is its title alone.
    Table(TableView),
    /// A chart, drawn by the writer (PNG at print resolution in DOCX; image in PDF), with its
    /// caption ("Grafik 3.1 …").
    Chart {
        caption: String,
        spec: ChartSpec,
    },
    /// Where the table of contents goes (DOCX: a real TOC field; PDF: a list of headings with
    /// pages when feasible, else headings only).
    TableOfContents,
    /// Signatures of the Perjanjian Kinerja (place, date, the two signatories' titles, names,
    /// NIP), each side's lines top to bottom.
    Signatures {
        place_date: String,
        left: Vec<String>,
        right: Vec<String>,
    },
    PageBreak,
}

impl LkipDocument {
    /// The tables of the document, in order.
    pub fn tables(&self) -> impl Iterator<Item = &TableView> {
        self.elements.iter().filter_map(|e| match e {
            Element::Table(t) => Some(t),
            _ => None,
        })
    }

    /// The charts of the document with their captions, in order.
    pub fn charts(&self) -> impl Iterator<Item = (&str, &ChartSpec)> {
        self.elements.iter().filter_map(|e| match e {
            Element::Chart { caption, spec } => Some((caption.as_str(), spec)),
            _ => None,
        })
    }
}

/// The figure a cell states in the document: the printed one where it agrees with what Kinerja
/// computes from the data (within the printed precision, the checker's rule) or where nothing
/// is computed, and the computed one where they disagree, so that the office's own report is
/// right by construction: a table's total is the sum of its rows, never a slip copied from the
/// text. The tables export (PDF, workbook) shows both; the LKIP states one.
pub fn document_cell_text(cell: &Cell, kind: ColumnKind) -> String {
    match cell {
        Cell::Figure { computed: Some(v), .. } if cell.disagrees() => figure_text(v.round_dp(2), kind, Lang::Id),
        Cell::Verdict { computed: Some(v), .. } if cell.disagrees() => v.clone(),
        _ => cell_text(cell, kind, Lang::Id),
    }
}

/// Where a table goes in the document. The order of the variants is the order of the document,
/// so that the report's tables keep their order whatever the layout says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Slot {
    /// Bab I B: staff and assets.
    Organisation,
    /// Bab II A.
    Renstra,
    /// Bab II B.
    Agreement,
    /// Bab III A.
    Capaian,
    /// Bab III B: the IKU (its index among the year's IKU) and the part of its analysis (index
    /// in [`IkuPart::ALL`]).
    Iku(usize, usize),
    /// Bab III B, after the IKU: efficiency per sasaran.
    Efficiency,
    /// Bab III C.
    Budget,
}

fn part_index(part: IkuPart) -> usize {
    IkuPart::ALL.iter().position(|p| *p == part).unwrap_or(0)
}

/// The slot a table of `kind` about `subject` asks for; `iku` is the index of the IKU whose
/// analysis the tables before it belong to, and a table about an earlier IKU (or about none)
/// stays in that analysis, in the part its kind belongs to.
fn natural_slot(kind: TableKind, subject: &str, ikus: &[&Indicator], iku: usize) -> Slot {
    let about = ikus.iter().position(|i| i.code == subject).map_or(iku, |i| i.max(iku));
    let part = |p| Slot::Iku(about, part_index(p));
    match kind {
        TableKind::Staff | TableKind::Assets => Slot::Organisation,
        TableKind::RenstraGoals | TableKind::IkuDictionary => Slot::Renstra,
        TableKind::Agreement => Slot::Agreement,
        TableKind::Capaian => Slot::Capaian,
        TableKind::IkuAnalysis | TableKind::IkuRenstra => part(IkuPart::Capaian),
        TableKind::Benchmarks => part(IkuPart::StandarNasional),
        TableKind::AkipRecommendations => part(IkuPart::Upaya),
        TableKind::ProgramIndicators | TableKind::IkuBudget | TableKind::UmkmUpgrades => part(IkuPart::Pendukung),
        TableKind::Efficiency => Slot::Efficiency,
        TableKind::BudgetMurni | TableKind::BudgetRealisation | TableKind::BudgetComparison => Slot::Budget,
    }
}

/// The year's tables by slot, each slot's tables in the layout's order. A table whose natural
/// slot comes before the slot of the table printed before it stays with that one (the reference
/// prints Tabel 3.13, IKU2's national comparison, within IKU3's analysis): the report's order
/// and numbering are kept.
fn placed_tables(
    d: &Dataset,
    s: &Settings,
    year: Year,
    opts: TableOptions,
    ikus: &[&Indicator],
) -> BTreeMap<Slot, Vec<TableView>> {
    let mut out: BTreeMap<Slot, Vec<TableView>> = BTreeMap::new();
    let mut last = Slot::Organisation;
    for t in layout(d, year) {
        let iku = match last {
            Slot::Iku(i, _) => i,
            _ => 0,
        };
        let slot = natural_slot(t.kind, &t.subject, ikus, iku).max(last);
        last = slot;
        // A table without data for the year is left out of the document, as in the tables export.
        if let Ok(view) = build_table(d, s, &t.id, year, opts) {
            out.entry(slot).or_default().push(view);
        }
    }
    out
}

/// The IKU of the year's report: the Renstra period's IKU with a target this year, in plan order.
fn year_ikus(d: &Dataset, year: Year) -> Vec<&Indicator> {
    let Some(p) = d.period_of_year(year) else { return Vec::new() };
    d.ikus_of_period(&p.code).into_iter().filter(|i| d.target(&i.code, year).is_some()).collect()
}

/// The region of the office's government: `Pemerintah Kota Bekasi` → `Kota Bekasi`.
fn region(d: &Dataset) -> String {
    let g = d.office.government.trim();
    g.strip_prefix("Pemerintah ").unwrap_or(g).trim().to_string()
}

/// The head of the region, who signs the agreement with the office's head: `Wali Kota Bekasi`,
/// `Bupati …`, `Gubernur …`; the government's name when its kind is not one of these.
fn region_head(d: &Dataset) -> String {
    let r = region(d);
    for (kind, head) in [("Kota ", "Wali Kota "), ("Kabupaten ", "Bupati "), ("Provinsi ", "Gubernur ")] {
        if let Some(name) = r.strip_prefix(kind) {
            return format!("{head}{name}");
        }
    }
    r
}

/// The place of signing: the region's name without its kind (`Bekasi`).
fn place(d: &Dataset) -> String {
    let r = region(d);
    ["Kota ", "Kabupaten ", "Provinsi "].iter().find_map(|k| r.strip_prefix(k)).unwrap_or(&r).to_string()
}

/// The office head's title: the head unit's name joined with the office's name where they share
/// a word (`Kepala Dinas` + `Dinas Koperasi …` → `Kepala Dinas Koperasi …`).
fn head_title(d: &Dataset) -> String {
    let office = d.office.name.trim();
    let Some(head) = d.units.iter().find(|u| u.kind == UnitKind::Head).map(|u| u.name.trim()) else {
        return format!("Kepala {office}");
    };
    if let Some((first, _)) = head.rsplit_once(' ') {
        let last = &head[first.len() + 1..];
        if office.split_whitespace().next() == Some(last) {
            return format!("{first} {office}");
        }
    }
    format!("{head} {office}")
}

/// What the builder adds to the document, one chapter after another.
struct Builder<'a> {
    narrative: &'a dyn Fn(&SectionKey) -> Vec<Block>,
    charts: HashMap<String, ChartSpec>,
    elements: Vec<Element>,
    /// Charts numbered per chapter: the chapter's number and the last chart's.
    chart_chapter: u8,
    chart_number: u32,
}

impl Builder<'_> {
    fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.elements.push(Element::Heading { level, text: text.into() });
    }

    /// The office's text of `key`, when it wrote any.
    fn text(&mut self, key: &SectionKey) {
        let blocks = (self.narrative)(key);
        if !blocks.is_empty() {
            self.elements.push(Element::Text(blocks));
        }
    }

    fn tables(&mut self, tables: Vec<TableView>) {
        self.elements.extend(tables.into_iter().map(Element::Table));
    }

    /// The chart `id` when it has something to show, numbered in chapter `chapter`.
    fn chart(&mut self, chapter: u8, id: &str) {
        let Some(spec) = self.charts.remove(id).filter(|c| !c.is_empty()) else { return };
        if self.chart_chapter != chapter {
            self.chart_chapter = chapter;
            self.chart_number = 0;
        }
        self.chart_number += 1;
        let caption = format!("Grafik {chapter}.{} {}", self.chart_number, spec.title);
        self.elements.push(Element::Chart { caption, spec });
    }

    fn page_break(&mut self) {
        self.elements.push(Element::PageBreak);
    }
}

/// Headings of the parts of an IKU's analysis: the comparisons of *Sistematika Penyajian*.
fn part_title(part: IkuPart) -> &'static str {
    match part {
        IkuPart::Capaian => "Capaian Kinerja: Target dan Realisasi, Tahun-tahun Sebelumnya dan Target Akhir Renstra",
        IkuPart::StandarNasional => "Perbandingan dengan Standar Nasional",
        IkuPart::Kendala => "Kendala dan Penyebab Keberhasilan atau Kegagalan",
        IkuPart::Upaya => "Upaya dan Alternatif Solusi",
        IkuPart::Pendukung => "Faktor Pendukung dan Program Penunjang",
        IkuPart::Efisiensi => "Efisiensi Penggunaan Sumber Daya",
        IkuPart::TindakLanjut => "Rencana Tindak Lanjut",
    }
}

/// The whole LKIP of `year`. `narrative` gives the office's text of a section (empty: it wrote
/// nothing there, and the section keeps its heading with its tables and charts only).
pub fn build_lkip(
    d: &Dataset,
    s: &Settings,
    year: Year,
    opts: TableOptions,
    narrative: &dyn Fn(&SectionKey) -> Vec<Block>,
) -> LkipDocument {
    let ikus = year_ikus(d, year);
    let mut tables = placed_tables(d, s, year, opts, &ikus);
    let mut take = |slot: Slot| tables.remove(&slot).unwrap_or_default();
    let charts = all_charts(d, s, year, Lang::Id).into_iter().map(|c| (c.id.clone(), c)).collect();
    let mut b = Builder { narrative, charts, elements: Vec::new(), chart_chapter: 0, chart_number: 0 };

    b.elements.push(Element::Cover {
        title: "LAPORAN KINERJA INSTANSI PEMERINTAH".into(),
        subtitle: format!("TAHUN {year}"),
    });
    b.page_break();
    b.heading(1, "KATA PENGANTAR");
    b.text(&SectionKey::KataPengantar);
    b.page_break();
    b.heading(1, "IKHTISAR EKSEKUTIF");
    b.text(&SectionKey::IkhtisarEksekutif);
    b.page_break();
    b.heading(1, "DAFTAR ISI");
    b.elements.push(Element::TableOfContents);
    b.page_break();

    b.heading(1, "BAB I PENDAHULUAN");
    b.heading(2, "A. Latar Belakang");
    b.text(&SectionKey::LatarBelakang);
    b.heading(2, "B. Tugas, Fungsi, Wewenang dan Sumber Daya Organisasi");
    b.text(&SectionKey::TugasFungsi);
    b.tables(take(Slot::Organisation));
    b.chart(1, "pegawai-pendidikan");
    b.heading(3, "Aspek Strategis Organisasi");
    b.text(&SectionKey::AspekStrategis);
    b.heading(2, "C. Kegiatan dan Layanan Produk Organisasi");
    b.text(&SectionKey::KegiatanLayanan);
    b.heading(2, "D. Sistematika Penyajian");
    b.text(&SectionKey::Sistematika);
    b.page_break();

    b.heading(1, "BAB II PERENCANAAN KINERJA");
    b.heading(2, "A. Rencana Strategis");
    b.text(&SectionKey::RencanaStrategis);
    b.tables(take(Slot::Renstra));
    b.heading(2, format!("B. Perjanjian Kinerja Tahun {year}"));
    b.text(&SectionKey::PerjanjianKinerja);
    let agreement = take(Slot::Agreement);
    let agreement_view = agreement.iter().find(|t| t.id.starts_with('2')).cloned();
    b.tables(agreement);
    b.page_break();

    b.heading(1, "BAB III AKUNTABILITAS KINERJA");
    b.heading(2, "A. Capaian Kinerja Organisasi");
    b.text(&SectionKey::CapaianOrganisasi);
    b.tables(take(Slot::Capaian));
    b.chart(3, "capaian-iku");
    b.heading(2, "B. Analisis Capaian Indikator Kinerja Utama");
    let akip_indicators: Vec<&str> = d.akip_evaluations.iter().filter_map(|e| e.indicator.as_deref()).collect();
    let mut last_sasaran = None;
    for (i, ind) in ikus.iter().enumerate() {
        b.heading(3, format!("IKU {}: {}", i + 1, ind.name));
        if ind.parent != last_sasaran {
            last_sasaran = ind.parent.clone();
            if let Some(sas) = ind.parent.as_deref().and_then(|c| d.sasaran.iter().find(|s| s.code == c)) {
                b.elements.push(Element::Text(vec![Block::Paragraph(format!("Sasaran strategis: {}", sas.name))]));
            }
        }
        let chain = iku_chain(d, &ind.code);
        let mut letter = b'a';
        for part in IkuPart::ALL {
            let key = SectionKey::Iku { indicator: ind.code.clone(), part };
            let text = narrative(&key);
            let part_tables = take(Slot::Iku(i, part_index(part)));
            let mut charts = Vec::new();
            if part == IkuPart::Capaian {
                charts.push(format!("iku-{}", ind.code.to_lowercase()));
                if chain.iter().any(|c| akip_indicators.contains(&c.as_str())) {
                    charts.push("akip".to_string());
                }
            }
            let has_chart = charts.iter().any(|c| b.charts.get(c).is_some_and(|c| !c.is_empty()));
            if text.is_empty() && part_tables.is_empty() && !has_chart {
                continue;
            }
            b.heading(4, format!("{}. {}", letter as char, part_title(part)));
            letter += 1;
            if !text.is_empty() {
                b.elements.push(Element::Text(text));
            }
            b.tables(part_tables);
            for c in charts {
                b.chart(3, &c);
            }
        }
    }
    // Tables of an IKU beyond the year's IKU (a layout naming an indicator the plan no longer
    // has) stay in the document, after the last analysis.
    let rest: Vec<Slot> = tables.keys().copied().filter(|s| matches!(s, Slot::Iku(..))).collect();
    for slot in rest {
        let t = tables.remove(&slot).unwrap_or_default();
        b.tables(t);
    }
    let mut take = |slot: Slot| tables.remove(&slot).unwrap_or_default();
    let efficiency = take(Slot::Efficiency);
    if !efficiency.is_empty() {
        b.heading(3, "Analisis Efisiensi Penggunaan Sumber Daya");
        b.tables(efficiency);
    }
    let awards: Vec<(String, String)> = {
        let mut a: Vec<_> = d.awards.iter().filter(|a| a.year == year).collect();
        a.sort_by_key(|a| a.position);
        a.iter().enumerate().map(|(i, a)| (format!("{}.", i + 1), format!("{}: {}", a.giver, a.description))).collect()
    };
    let prestasi = narrative(&SectionKey::Prestasi);
    if !prestasi.is_empty() || !awards.is_empty() {
        b.heading(3, "Prestasi dan Penghargaan");
        if !prestasi.is_empty() {
            b.elements.push(Element::Text(prestasi));
        }
        if !awards.is_empty() {
            b.elements.push(Element::Text(vec![Block::Numbered(awards)]));
        }
    }
    b.heading(2, "C. Akuntabilitas Anggaran");
    b.text(&SectionKey::AkuntabilitasAnggaran);
    b.tables(take(Slot::Budget));
    b.chart(3, &format!("anggaran-program-{year}"));
    b.chart(3, "serapan-program");
    b.chart(3, "anggaran-program");
    b.page_break();

    b.heading(1, "BAB IV PENUTUP");
    b.text(&SectionKey::Penutup);
    b.page_break();

    b.heading(1, "LAMPIRAN");
    b.heading(2, format!("Lampiran 1. Perjanjian Kinerja Tahun {year}"));
    if let Some(mut pk) = agreement_view {
        pk.id = "lampiran-perjanjian-kinerja".into();
        b.tables(vec![pk]);
    }
    b.elements.push(signatures(d, year));
    b.heading(2, format!("Lampiran 2. Rencana Aksi Tahun {year}"));
    b.tables(vec![rencana_aksi(d, year, &ikus)]);
    // What this document states differently from the printed report: a figure the text refers
    // to is shown as the data gives it; the printed one is listed here.
    let corrections = crate::calc::narrative::corrections(d, s, year);
    if !corrections.is_empty() {
        b.heading(2, format!("Lampiran 3. Koreksi atas Angka dalam Laporan Tahun {year}"));
        b.elements.push(Element::Text(vec![Block::Paragraph(
            "Angka berikut tercetak berbeda dari yang dihitung dari data; dokumen ini memuat angka hasil \
             perhitungan."
                .into(),
        )]));
        let items = corrections
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let row = crate::text::narrative::correction(c, year, Lang::Id);
                (
                    format!("{}.", i + 1),
                    format!(
                        "{} ({}): tercetak {}, dalam dokumen ini {}.",
                        row.figure, row.place, row.printed, row.shown
                    ),
                )
            })
            .collect();
        b.elements.push(Element::Text(vec![Block::Numbered(items)]));
    }

    LkipDocument { office: d.office.name.clone(), city: region(d), year, elements: b.elements }
}

/// The signatures under the Perjanjian Kinerja: the office's head (*pihak pertama*) and the
/// region's head (*pihak kedua*). The dataset holds their titles (the head unit, the office, the
/// government) but not their names, NIP or the date of signing: those lines are left to be
/// written in by hand.
fn signatures(d: &Dataset, year: Year) -> Element {
    let blank = "(..............................................)".to_string();
    Element::Signatures {
        place_date: format!("{}, ........................ {year}", place(d)),
        left: vec!["PIHAK KEDUA,".into(), region_head(d), String::new(), String::new(), String::new(), blank.clone()],
        right: vec![
            "PIHAK PERTAMA,".into(),
            head_title(d),
            String::new(),
            String::new(),
            String::new(),
            blank,
            "NIP. ..............................".into(),
        ],
    }
}

/// The Rencana Aksi of the year's IKU: for each, its target and its realisation by quarter
/// (triwulan I–IV) as recorded, and the year's.
fn rencana_aksi(d: &Dataset, year: Year, ikus: &[&Indicator]) -> TableView {
    let col = |key: &str, label: &str, kind| Column { key: key.into(), label: label.into(), kind, derived: false };
    let mut columns = vec![
        col("no", "No", ColumnKind::Text),
        col("indikator", "Indikator Kinerja", ColumnKind::Text),
        col("satuan", "Satuan", ColumnKind::Text),
        col("uraian", "Uraian", ColumnKind::Text),
    ];
    for (q, name) in ["I", "II", "III", "IV"].iter().enumerate() {
        columns.push(col(&format!("tw{}", q + 1), &format!("TW {name}"), ColumnKind::Number));
    }
    columns.push(col("tahun", &format!("Tahun {year}"), ColumnKind::Number));
    let mut rows = Vec::new();
    for (i, ind) in ikus.iter().enumerate() {
        let quarter = |q: i64| d.quarters.iter().find(|x| x.indicator == ind.code && x.year == year && x.quarter == q);
        let subject = format!("indicator:{}", ind.code);
        let mut target = vec![
            Cell::text(format!("{}", i + 1)),
            Cell::text(&ind.name),
            Cell::text(&ind.satuan),
            Cell::text("Target"),
        ];
        let mut real = vec![Cell::Empty, Cell::Empty, Cell::Empty, Cell::text("Realisasi")];
        for q in 1..=4 {
            target.push(Cell::value(quarter(q).and_then(|x| x.target)));
            real.push(Cell::value(quarter(q).and_then(|x| x.realisasi)));
        }
        // The agreement's target, else the Renstra's (`Dataset::target`), a range as a range.
        target.push(super::build::target_cell(d.target(&ind.code, year)));
        real.push(Cell::value(effective_realisasi(d, ind, year).ok()));
        rows.push(TableRow { kind: RowKind::Normal, level: 0, cells: target, subject: subject.clone() });
        rows.push(TableRow { kind: RowKind::Normal, level: 0, cells: real, subject });
    }
    TableView {
        id: "lampiran-rencana-aksi".into(),
        year,
        title: format!("Rencana Aksi {} Tahun {year}", d.office.name),
        source: String::new(),
        columns,
        rows,
        lang: Lang::Id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn reference() -> (Dataset, LkipDocument) {
        let d = crate::embedded::dataset().unwrap();
        let text = |k: &SectionKey| match k {
            SectionKey::Penutup => vec![Block::Paragraph("Demikian laporan ini.".into())],
            _ => Vec::new(),
        };
        let doc = build_lkip(&d, &Settings::default(), 2024, TableOptions::default(), &text);
        (d, doc)
    }

    fn heading_at(doc: &LkipDocument, text: &str) -> usize {
        doc.elements
            .iter()
            .position(|e| matches!(e, Element::Heading { text: t, .. } if t == text))
            .unwrap_or_else(|| panic!("no heading {text}"))
    }

    fn table_at(doc: &LkipDocument, id: &str) -> usize {
        doc.elements.iter().position(|e| matches!(e, Element::Table(t) if t.id == id)).unwrap()
    }

    #[test]
    fn every_table_of_the_layout_in_its_order() {
        let (d, doc) = reference();
        let numbered: Vec<&str> = doc.tables().filter(|t| t.is_numbered()).map(|t| t.id.as_str()).collect();
        let layout: Vec<String> = layout(&d, 2024).into_iter().map(|t| t.id).collect();
        assert_eq!(numbered, layout);
        assert_eq!(doc.office, "Dinas Koperasi, Usaha Kecil dan Menengah Kota Bekasi");
        assert_eq!(doc.city, "Kota Bekasi");
    }

    #[test]
    fn tables_sit_in_their_chapters() {
        let (_, doc) = reference();
        let bab1 = heading_at(&doc, "BAB I PENDAHULUAN");
        let bab2 = heading_at(&doc, "BAB II PERENCANAAN KINERJA");
        let bab3 = heading_at(&doc, "BAB III AKUNTABILITAS KINERJA");
        let iku1 = heading_at(&doc, "IKU 1: Nilai AKIP Diskopukm");
        let iku3 = heading_at(&doc, "IKU 3: Persentase Peningkatan Volume Usaha UMKM");
        let budget = heading_at(&doc, "C. Akuntabilitas Anggaran");
        let bab4 = heading_at(&doc, "BAB IV PENUTUP");
        assert!(bab1 < table_at(&doc, "1.1") && table_at(&doc, "1.2") < bab2);
        assert!(bab2 < table_at(&doc, "2.1") && table_at(&doc, "2.3") < bab3);
        assert!(bab3 < table_at(&doc, "3.1") && table_at(&doc, "3.1") < iku1);
        // The reference prints IKU2's national comparison (3.13) within IKU3's analysis, under
        // its comparison with national standards.
        let t313 = table_at(&doc, "3.13");
        assert!(iku3 < t313 && t313 < table_at(&doc, "3.14"));
        let standar = doc.elements[..t313]
            .iter()
            .rev()
            .find_map(|e| match e {
                Element::Heading { level: 4, text } => Some(text.as_str()),
                _ => None,
            })
            .unwrap();
        assert_eq!(standar, "b. Perbandingan dengan Standar Nasional");
        assert!(budget < table_at(&doc, "3.18") && table_at(&doc, "3.20") < bab4);
        // The office's text follows its heading.
        assert_eq!(doc.elements[bab4 + 1], Element::Text(vec![Block::Paragraph("Demikian laporan ini.".into())]));
    }

    #[test]
    fn charts_are_numbered_in_their_chapters() {
        let (_, doc) = reference();
        let captions: Vec<&str> = doc.charts().map(|(c, _)| c).collect();
        assert!(captions.len() >= 4, "{captions:?}");
        assert!(captions[0].starts_with("Grafik 1.1 "), "{captions:?}");
        assert!(captions.iter().any(|c| c.starts_with("Grafik 3.1 ")), "{captions:?}");
        // The capaian chart follows Tabel 3.1.
        let chart =
            doc.elements.iter().position(|e| matches!(e, Element::Chart { spec, .. } if spec.id == "capaian-iku"));
        assert_eq!(chart, Some(table_at(&doc, "3.1") + 1));
    }

    #[test]
    fn the_agreement_is_signed_by_the_mayor_and_the_head_of_the_office() {
        // The reference (Bab II A): "Perjanjian Kinerja antara Pj. Wali Kota Bekasi dan Plt. Kepala
        // Dinas Koperasi, Usaha Kecil dan Menengah Kota Bekasi".
        let (_, doc) = reference();
        let Some(Element::Signatures { place_date, left, right }) =
            doc.elements.iter().find(|e| matches!(e, Element::Signatures { .. }))
        else {
            panic!("no signatures")
        };
        assert!(place_date.starts_with("Bekasi, ") && place_date.ends_with(" 2024"), "{place_date}");
        assert_eq!(left[1], "Wali Kota Bekasi");
        assert_eq!(right[1], "Kepala Dinas Koperasi, Usaha Kecil dan Menengah Kota Bekasi");
        let lampiran = heading_at(&doc, "LAMPIRAN");
        assert!(table_at(&doc, "lampiran-perjanjian-kinerja") > lampiran);
        assert!(table_at(&doc, "lampiran-rencana-aksi") > lampiran);
    }

    #[test]
    fn the_document_states_the_computed_figure() {
        let slip =
            Cell::Figure { reported: Some(Decimal::from(752_916_800)), computed: Some(Decimal::from(824_166_800)) };
        assert_eq!(document_cell_text(&slip, ColumnKind::Money), "Rp 824.166.800");
        let printed_only = Cell::Figure { reported: Some(Decimal::new(9846, 2)), computed: None };
        assert_eq!(document_cell_text(&printed_only, ColumnKind::Percent), "98,46 %");
        // A printed figure that agrees keeps its printed precision (Tabel 3.1: target 75.80).
        let agrees = Cell::Figure { reported: Some(Decimal::new(7580, 2)), computed: Some(Decimal::new(758, 1)) };
        assert_eq!(document_cell_text(&agrees, ColumnKind::Number), "75,80");
        // The reference's truncated 108,58 for 108,5899… agrees (the checker's tolerance).
        let truncated =
            Cell::Figure { reported: Some(Decimal::new(10858, 2)), computed: Some(Decimal::new(1085899, 4)) };
        assert_eq!(document_cell_text(&truncated, ColumnKind::Percent), "108,58 %");
        assert_eq!(document_cell_text(&Cell::text("Jumlah"), ColumnKind::Text), "Jumlah");
    }

    #[test]
    fn titles_of_other_regions() {
        let mut d = Dataset::default();
        d.office.name = "Badan Perencanaan Pembangunan Daerah".into();
        d.office.government = "Pemerintah Kabupaten Bogor".into();
        assert_eq!(region_head(&d), "Bupati Bogor");
        assert_eq!(place(&d), "Bogor");
        assert_eq!(head_title(&d), "Kepala Badan Perencanaan Pembangunan Daerah");
        d.office.government = "Pemerintah Provinsi Jawa Barat".into();
        assert_eq!(region_head(&d), "Gubernur Jawa Barat");
    }
}
