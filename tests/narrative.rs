//! The report's text as data: `narrative.csv` in and out (CSV folder and workbook), its
//! references refused with their place when they are wrong, edits with undo, the corrections the
//! document makes to the printed report, and a new year started from the previous one.

use kinerja::app::narrative::{copy_change, edit_change, NarrativeEditError};
use kinerja::app::{History, Session};
use kinerja::calc::narrative::{corrections, CopyRefusal, Shown};
use kinerja::calc::Settings;
use kinerja::domain::*;
use kinerja::entity::Entity;
use kinerja::format::Lang;
use kinerja::interchange::{
    read_dataset, write_dataset, write_workbook, DirSource, Problem, ProblemKind, WorkbookSource,
};
use kinerja::text::narrative::{correction, render_section, render_text};
use std::path::Path;

/// Tabel 3.10 of the reference report, as its narrative says it, with the figures as references.
const IKU2_SUPPORT: &str =
    "Berdasarkan tabel di atas dapat diketahui bahwa terdapat {{support:IKU2 count_program}} program \
dan {{support:IKU2 count_kegiatan}} kegiatan dan {{support:IKU2 count_subkegiatan}} sub kegiatan yang mendukung\n\
pencapaian indikator sasaran Persentase Peningkatan Volume Usaha Koperasi, dimana pagu anggaran sebesar \
{{support:IKU2 pagu}} ({{support:IKU2 pagu terbilang}}) dengan realisasi sebesar {{support:IKU2 realisasi}} \
({{support:IKU2 realisasi terbilang}}) dengan demikian serapan anggaran mencapai {{support:IKU2 serapan_pct}}.";

/// Tabel 3.16 likewise, with a list and a quoted, comma-holding line.
const IKU3_SUPPORT: &str =
    "Terdapat {{support:IKU3 count_program}} ({{support:IKU3 count_program terbilang}}) program \
yang mendukung \"Peningkatan Volume Usaha UMKM\", dimana:\n\n\
1. pagu anggaran sebesar {{support:IKU3 pagu}};\n\
2. realisasi sebesar {{support:IKU3 realisasi}};\n\
3. serapan anggaran mencapai {{support:IKU3 serapan_pct}}.";

const BUDGET: &str =
    "Total pagu {{budget:* pagu}} dengan realisasi {{budget:* realisasi}}, serapan {{budget:* serapan_pct}} \
pada tahun {{tahun}}; {{office}}.";

fn section(year: Year, key: &str, text: &str) -> NarrativeSection {
    NarrativeSection { year, section: key.into(), text: text.into() }
}

/// The embedded dataset with a 2024 text that refers to the figures of 3.10, 3.16 and 3.19.
fn dataset() -> Dataset {
    let mut d = kinerja::embedded::dataset().unwrap_or_else(|p| panic!("embedded dataset invalid:\n{p}"));
    d.narrative.retain(|n| n.year != 2024 && n.year != 2025);
    d.narrative.extend([
        section(2024, "iku:IKU2:pendukung", IKU2_SUPPORT),
        section(2024, "iku:IKU3:pendukung", IKU3_SUPPORT),
        section(2024, "akuntabilitas-anggaran", BUDGET),
    ]);
    d
}

fn write_folder(dir: &Path, d: &Dataset) {
    for (name, bytes) in write_dataset(d) {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

/// The problems of the dataset folder after `edit`.
fn problems_after(edit: impl FnOnce(&Path)) -> Vec<Problem> {
    let dir = tempfile::tempdir().unwrap();
    write_folder(dir.path(), &dataset());
    edit(dir.path());
    read_dataset(&DirSource(dir.path().to_path_buf())).expect_err("refused").0
}

/// `narrative.csv` holding exactly these rows (the header first).
fn write_narrative(dir: &Path, rows: &[[&str; 3]]) {
    let mut w = csv::Writer::from_path(dir.join(NarrativeSection::FILE)).unwrap();
    w.write_record(["year", "section", "text"]).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
}

#[test]
fn the_text_goes_out_and_comes_back_through_csv_and_the_workbook() {
    let d = dataset();
    let files = write_dataset(&d);
    let (_, bytes) = files.iter().find(|(n, _)| *n == "narrative.csv").expect("written");
    let written = String::from_utf8(bytes.clone()).unwrap();
    // A text with line breaks, commas and quotes is one quoted field; its quotes doubled.
    assert!(written.starts_with("year,section,text\n"), "{written}");
    assert!(written.contains("\n2024,iku:IKU2:pendukung,\"Berdasarkan"), "{written}");
    assert!(written.contains("\"\"Peningkatan Volume Usaha UMKM\"\""), "{written}");

    let dir = tempfile::tempdir().unwrap();
    write_folder(dir.path(), &d);
    let back = read_dataset(&DirSource(dir.path().to_path_buf())).unwrap_or_else(|p| panic!("{p}"));
    assert_eq!(back, d);

    let book = write_workbook(&files, false).unwrap();
    let source = WorkbookSource::from_bytes("dataset.xlsx", book).unwrap_or_else(|p| panic!("{p}"));
    let back = read_dataset(&source).unwrap_or_else(|p| panic!("{p}"));
    assert_eq!(back.narrative, d.narrative);
    assert_eq!(back, d);
}

#[test]
fn a_dataset_without_the_file_still_imports_and_the_store_keeps_the_text() {
    let dir = tempfile::tempdir().unwrap();
    write_folder(dir.path(), &dataset());
    std::fs::remove_file(dir.path().join("narrative.csv")).unwrap();
    let without = read_dataset(&DirSource(dir.path().to_path_buf())).unwrap_or_else(|p| panic!("{p}"));
    assert!(without.narrative.is_empty());

    let mut store = kinerja::storage::Store::open_in_memory().unwrap();
    let id = store.save_dataset(&dataset()).unwrap();
    assert_eq!(store.load_dataset(id).unwrap(), dataset());
}

#[test]
fn wrong_sections_and_references_are_refused_with_their_place_in_both_languages() {
    let p = problems_after(|dir| {
        write_narrative(
            dir,
            &[
                ["2024", "kata-pengantar", "Puji syukur."],
                ["2024", "bab-v", "Tidak ada bab ini."],
                ["2024", "kata-pengantar", "Kedua kalinya."],
                ["2024", "iku:IKU9:kendala", "Indikator yang tidak ada."],
                ["2024", "penutup", "Baris satu.\nCapaian {{indicator:IKU9 capaian_pct}} dan {{budget:* pagu"],
                ["2024", "prestasi", "Serapan {{budget:* serapan_persen}}."],
            ],
        )
    });
    let at = |line: usize| -> Vec<&Problem> { p.iter().filter(|x| x.line == Some(line)).collect() };
    assert!(p.iter().all(|x| x.file == "narrative.csv"), "{p:?}");

    let unknown = at(3);
    assert_eq!(unknown.len(), 1, "{p:?}");
    assert_eq!(unknown[0].column.as_deref(), Some("section"));
    assert_eq!(unknown[0].kind, ProblemKind::UnknownSection("bab-v".into()));
    let id = unknown[0].message(Lang::Id);
    assert!(id.starts_with("narrative.csv, baris 3, kolom 'section': 'bab-v' bukan bagian laporan;"), "{id}");
    assert!(id.contains("kata-pengantar") && id.contains("iku:KODE:BAGIAN"), "{id}");
    assert!(unknown[0].message(Lang::En).contains("line 3, column 'section': 'bab-v' is no section of the report"));

    assert!(matches!(at(4)[0].kind, ProblemKind::Duplicate(_)), "{p:?}");
    assert!(
        matches!(&at(5)[0].kind, ProblemKind::UnknownReference { value, .. } if value == "IKU9"),
        "an IKU section of an unknown indicator: {p:?}"
    );

    // Line 6: two problems in one text, each with its place in the text.
    let penutup: Vec<String> = at(6).iter().map(|x| x.message(Lang::Id)).collect();
    assert_eq!(penutup.len(), 2, "both, in the order of the text: {penutup:?}");
    assert_eq!(
        penutup[0],
        "narrative.csv, baris 6, kolom 'text': Bab IV. Penutup (penutup): baris 2 teks, karakter 9, \
         {{indicator:IKU9 capaian_pct}}: 'indicator:IKU9' tidak ada di data (periksa kodenya)"
    );
    assert_eq!(
        penutup[1],
        "narrative.csv, baris 6, kolom 'text': Bab IV. Penutup (penutup): baris 2 teks, karakter 44, {{budget:* pagu: \
         {{ tanpa }} penutup pada baris yang sama; tutup rujukan dengan }}"
    );
    let en = at(6)[1].message(Lang::En);
    assert!(
        en.starts_with(
            "narrative.csv, line 6, column 'text': Chapter IV. Conclusion (penutup): line 2 of the text, character 44"
        ),
        "{en}"
    );

    let prestasi = at(7);
    assert_eq!(prestasi.len(), 1, "{p:?}");
    assert_eq!(
        prestasi[0].message(Lang::En),
        "narrative.csv, line 7, column 'text': Chapter III. Achievements and awards (prestasi): line 1 of the text, \
         character 9, {{budget:* serapan_persen}}: 'budget:*' has no field 'serapan_persen'; its fields: pagu, \
         pagu_murni, realisasi, serapan_pct, sisa, sisa_pct, fisik_pct, count_program"
    );

    // A readable text naming an indicator the data lacks.
    let p =
        problems_after(|dir| write_narrative(dir, &[["2024", "penutup", "Capaian {{indicator:IKU9 capaian_pct}}."]]));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].message(Lang::Id).ends_with("'indicator:IKU9' tidak ada di data (periksa kodenya)"),
        "{}",
        p[0].message(Lang::Id)
    );
}

#[test]
fn the_document_shows_the_computed_figures_and_lists_what_it_corrected() {
    let d = dataset();
    let s = Settings::default();
    let iku2 = SectionKey::Iku { indicator: "IKU2".into(), part: IkuPart::Pendukung };
    let blocks = render_section(&d, &s, 2024, &iku2, Lang::Id).unwrap();
    let [Block::Paragraph(text)] = blocks.as_slice() else { panic!("{blocks:?}") };
    // Tabel 3.10: five programmes, pagu 76.355.000 + 343.380.000 + 200.000.000 + 275.000.000 +
    // 40.000.000 = 934.735.000, realisasi 71.250.000 + 295.840.000 + 182.135.800 + 238.932.000 +
    // 36.009.000 = 824.166.800, serapan 824.166.800 ÷ 934.735.000 × 100 = 88,17 %.
    assert_eq!(
        text,
        "Berdasarkan tabel di atas dapat diketahui bahwa terdapat 5 program dan 5 kegiatan dan 5 sub kegiatan yang \
         mendukung pencapaian indikator sasaran Persentase Peningkatan Volume Usaha Koperasi, dimana pagu anggaran \
         sebesar Rp 934.735.000 (sembilan ratus tiga puluh empat juta tujuh ratus tiga puluh lima ribu rupiah) dengan \
         realisasi sebesar Rp 824.166.800 (delapan ratus dua puluh empat juta seratus enam puluh enam ribu delapan ratus \
         rupiah) dengan demikian serapan anggaran mencapai 88,17 %."
    );
    let iku3 = SectionKey::Iku { indicator: "IKU3".into(), part: IkuPart::Pendukung };
    // Tabel 3.16: 2.851.712.240 ÷ 3.079.221.482 × 100 = 92,61 %, not the 98,46 % printed.
    assert_eq!(
        render_section(&d, &s, 2024, &iku3, Lang::Id).unwrap(),
        vec![
            Block::Paragraph(
                "Terdapat 2 (dua) program yang mendukung \"Peningkatan Volume Usaha UMKM\", dimana:".into()
            ),
            Block::Numbered(vec![
                ("1.".into(), "pagu anggaran sebesar Rp 3.079.221.482;".into()),
                ("2.".into(), "realisasi sebesar Rp 2.851.712.240;".into()),
                ("3.".into(), "serapan anggaran mencapai 92,61 %.".into()),
            ]),
        ]
    );
    // Tabel 3.19: 11.002.960.494 ÷ 12.785.258.830 × 100 = 86,06 %.
    assert_eq!(
        render_section(&d, &s, 2024, &SectionKey::AkuntabilitasAnggaran, Lang::Id).unwrap(),
        vec![Block::Paragraph(
            "Total pagu Rp 12.785.258.830 dengan realisasi Rp 11.002.960.494, serapan 86,06 % pada tahun 2024; Dinas \
             Koperasi, Usaha Kecil dan Menengah Kota Bekasi."
                .into()
        )]
    );
    assert!(render_section(&d, &s, 2024, &SectionKey::KataPengantar, Lang::Id).unwrap().is_empty());

    let fixed = corrections(&d, &s, 2024);
    let find = |table: &str, field: &str| {
        fixed
            .iter()
            .find(|c| c.table == table && c.field == field)
            .unwrap_or_else(|| panic!("{table} {field}: {fixed:#?}"))
    };
    let realisasi = find("3.10", "realisasi");
    assert_eq!(realisasi.subject, "support:IKU2");
    assert_eq!(realisasi.printed, "Rp. 752.916.800,-");
    assert_eq!(realisasi.computed, Shown::Money { amount: Money::from_rupiah(824_166_800), words: false });
    assert_eq!(realisasi.sections, ["iku:IKU2:pendukung"]);
    let row = correction(realisasi, 2024, Lang::Id);
    assert_eq!(row.place, "Tabel 3.10; Bab III B. IKU2: faktor dan program pendukung");
    assert_eq!((row.printed.as_str(), row.shown.as_str()), ("Rp. 752.916.800,-", "Rp 824.166.800"));
    assert!(row.figure.ends_with("— realisasi"), "{}", row.figure);

    let serapan = correction(find("3.16", "serapan_pct"), 2024, Lang::Id);
    assert_eq!((serapan.printed.as_str(), serapan.shown.as_str()), ("98.46%", "92,61 %"));
    assert_eq!(serapan.place, "Tabel 3.16; Bab III B. IKU3: faktor dan program pendukung");
    // Figures the narrative printed right are no corrections (3.19: 86,06 %).
    assert!(!fixed.iter().any(|c| c.table == "3.19"), "{fixed:#?}");
    // A slip about another year is the document's correction only where its text refers to it:
    // the 2023 serapan of Tabel 3.20 (86,40 %) misprinted, then referred to with `@-1`.
    let mut other = d.clone();
    let p = other
        .printed_figures
        .iter_mut()
        .find(|p| {
            (p.year, p.table.as_str(), p.place, p.subject.as_str(), p.field.as_str())
                == (2023, "3.20", Place::Narrative, "budget:*", "serapan_pct")
        })
        .expect("the 2023 serapan of Tabel 3.20");
    (p.printed, p.value) = ("90.40%".into(), Some(rust_decimal::Decimal::new(9040, 2)));
    assert!(!corrections(&other, &s, 2024).iter().any(|c| c.year == 2023), "no 2024 text refers to it");
    other.narrative.push(section(2024, "penutup", "Tahun lalu {{budget:* serapan_pct @-1}}."));
    let last_year = corrections(&other, &s, 2024);
    let c = last_year.iter().find(|c| c.year == 2023).unwrap_or_else(|| panic!("{last_year:#?}"));
    let row = correction(c, 2024, Lang::Id);
    assert_eq!((row.printed.as_str(), row.shown.as_str()), ("90.40%", "86,40 %"));
    assert_eq!(row.place, "Tabel 3.20; Bab IV. Penutup");
    assert!(row.figure.ends_with("(2023)"), "{}", row.figure);

    // Every reference of the text gives a figure: the checker finds nothing in it.
    let report = kinerja::calc::check::check(&d, &s, Some(2024));
    assert!(report.findings.iter().all(|f| !f.issue.code().starts_with("narrative")), "{:#?}", report.findings);
}

#[test]
fn a_reference_without_a_figure_is_shown_and_reported_never_left_out() {
    let mut d = dataset();
    d.narrative.push(section(2024, "penutup", "Pagu {{budget:* pagu @-3}} dan {{indicator:IKU1 capaian_pct}}."));
    let s = Settings::default();
    let text = render_text(&d, &s, 2024, &d.narrative_section(2024, &SectionKey::Penutup).unwrap().text, Lang::Id);
    // 2021 has no budget lines.
    let text = text.unwrap();
    assert!(text.starts_with("Pagu [budget:* pagu @-3?: angka tidak tersedia: "), "{text}");
    assert!(!text.contains("{{"), "{text}");
    let en = render_text(&d, &s, 2024, "{{budget:* pagu @-3}}", Lang::En).unwrap();
    assert!(en.starts_with("[budget:* pagu @-3?: a figure is missing: "), "{en}");

    let report = kinerja::calc::check::check(&d, &s, Some(2024));
    let gaps: Vec<_> = report.findings.iter().filter(|f| f.issue.code() == "narrative_reference_unresolved").collect();
    assert_eq!(gaps.len(), 1, "{gaps:#?}");
    assert_eq!((gaps[0].table.as_str(), gaps[0].field.as_str(), gaps[0].place), ("penutup", "pagu", Place::Narrative));
    assert_eq!(gaps[0].subject, "narrative:2024:penutup");
    let id = kinerja::text::finding(gaps[0], Lang::Id);
    assert!(id.starts_with("Narasi Bab IV. Penutup 2024 merujuk {{budget:* pagu @-3}} yang tidak menghasilkan angka: angka tidak tersedia"), "{id}");
    let en = kinerja::text::finding(gaps[0], Lang::En);
    assert!(en.starts_with("The text of Chapter IV. Conclusion 2024 refers to {{budget:* pagu @-3}}, which shows no figure: a figure is missing"), "{en}");
    let json = kinerja::text::check_json(&report, Lang::En);
    assert!(json.contains("\"code\": \"narrative_reference_unresolved\""), "{json}");

    // A stored text that cannot be read (written around the import) is a finding too.
    d.narrative.push(section(2024, "prestasi", "Prestasi {{budget:* pagu"));
    let report = kinerja::calc::check::check(&d, &s, Some(2024));
    assert!(report.findings.iter().any(|f| f.issue.code() == "narrative_syntax" && f.table == "prestasi"));
    assert!(render_section(&d, &s, 2024, &SectionKey::Prestasi, Lang::Id).is_err());
}

/// A session on a new database holding [`dataset`].
fn session(dir: &Path) -> Session {
    let mut s = Session::open(&dir.join("k.sqlite")).unwrap();
    s.store.save_dataset(&dataset()).unwrap();
    s.reload().unwrap();
    assert_eq!(s.dataset, dataset());
    s
}

#[test]
fn a_sections_text_is_edited_undone_and_redone_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    let mut h = History::default();
    let before = s.dataset.clone();

    // Added, changed, removed: one section each time.
    let add =
        edit_change(&s.dataset, 2024, &SectionKey::KataPengantar, "  Puji syukur pada tahun {{tahun}}.  ").unwrap();
    assert_eq!(add.description, "Tambah narasi 2024 Kata Pengantar");
    assert_eq!(kinerja::text::change_words(&add, Lang::En), "Add the text of Foreword 2024");
    s.apply(&mut h, add, "Siti").unwrap();
    let stored = |s: &Session| s.dataset.narrative_section(2024, &SectionKey::KataPengantar).map(|n| n.text.clone());
    assert_eq!(stored(&s).as_deref(), Some("Puji syukur pada tahun {{tahun}}."));
    let after_add = s.dataset.clone();

    let change = edit_change(&s.dataset, 2024, &SectionKey::KataPengantar, "Puji syukur {{office}}.").unwrap();
    s.apply(&mut h, change, "Siti").unwrap();
    let log = s.store.audit_log(s.office_id, None, 1).unwrap();
    assert_eq!(
        (log[0].record.as_str(), log[0].field.as_str(), log[0].old.as_str(), log[0].new.as_str()),
        ("narrative:2024:kata-pengantar", "text", "Puji syukur pada tahun {{tahun}}.", "Puji syukur {{office}}.")
    );
    let none = |_: &kinerja::text::record::Record| None;
    assert_eq!(kinerja::text::record::record(&log[0].record, &none, Lang::Id), "Narasi 2024 Kata Pengantar");
    let iku = "narrative:2024:iku:IKU2:kendala";
    assert_eq!(kinerja::text::record::record(iku, &none, Lang::En), "Text 2024 Chapter III B. IKU2: obstacles");

    let same = edit_change(&s.dataset, 2024, &SectionKey::KataPengantar, "Puji syukur {{office}}.").unwrap();
    assert!(same.ops.is_empty(), "the same text again changes nothing");
    let remove = edit_change(&s.dataset, 2024, &SectionKey::KataPengantar, " \n ").unwrap();
    s.apply(&mut h, remove, "Siti").unwrap();
    assert_eq!(stored(&s), None);

    assert!(s.undo(&mut h, "Siti").unwrap());
    assert_eq!(stored(&s).as_deref(), Some("Puji syukur {{office}}."));
    assert!(s.undo(&mut h, "Siti").unwrap());
    assert_eq!(s.dataset, after_add);
    assert!(s.undo(&mut h, "Siti").unwrap());
    assert_eq!(s.dataset, before);
    assert!(s.redo(&mut h, "Siti").unwrap());
    assert_eq!(s.dataset, after_add);

    // Bad text writes nothing and says why.
    let e = edit_change(&s.dataset, 2024, &SectionKey::Penutup, "Capaian {{indicator:IKU9 capaian_pct}}").unwrap_err();
    assert!(matches!(&e, NarrativeEditError::References(p) if p.len() == 1));
    assert!(e.message(Lang::En).contains("'indicator:IKU9' is not in the data"), "{}", e.message(Lang::En));
    let iku9 = SectionKey::Iku { indicator: "IKU9".into(), part: IkuPart::Kendala };
    assert_eq!(edit_change(&s.dataset, 2024, &iku9, "x"), Err(NarrativeEditError::UnknownIndicator("IKU9".into())));
    assert_eq!(s.dataset, after_add);
}

#[test]
fn removing_an_indicator_takes_its_analysis_and_undo_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    let mut h = History::default();
    let before = s.dataset.clone();
    let ind = s.dataset.indicator("IKU2").unwrap().clone();
    let change = Change { description: "Hapus IKU2".into(), ops: vec![Op::RemoveIndicator(Box::new(ind))] };
    s.apply(&mut h, change, "Siti").unwrap();
    assert!(s.dataset.narrative.iter().all(|n| !n.section.starts_with("iku:IKU2:")), "{:?}", s.dataset.narrative);
    assert!(s.dataset.narrative.iter().any(|n| n.section == "iku:IKU3:pendukung"));
    assert!(s.undo(&mut h, "Siti").unwrap());
    assert_eq!(s.dataset, before);
}

#[test]
fn a_new_year_starts_from_the_previous_years_text_without_overwriting() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    let mut h = History::default();
    // 2025 already has its closing words, and the budget text compares with the year before.
    let closing = edit_change(&s.dataset, 2025, &SectionKey::Penutup, "Ditulis untuk 2025.").unwrap();
    s.apply(&mut h, closing, "Siti").unwrap();
    let budget = format!("{BUDGET} Tahun sebelumnya {{{{budget:* serapan_pct @-1}}}}.");
    s.apply(&mut h, edit_change(&s.dataset, 2024, &SectionKey::Penutup, &budget).unwrap(), "Siti").unwrap();
    let before = s.dataset.clone();

    // 2024's closing words stay 2024's: 2025 keeps its own.
    let (change, plan) = copy_change(&s.dataset, 2024, 2025).unwrap();
    assert_eq!(plan.kept, [SectionKey::Penutup]);
    assert_eq!(change.ops.len(), 3);
    assert_eq!(change.description, "Salin narasi 2024 ke 2025 (3 bagian)");
    s.apply(&mut h, change, "Siti").unwrap();
    let sections_2025: Vec<&str> =
        s.dataset.narrative.iter().filter(|n| n.year == 2025).map(|n| n.section.as_str()).collect();
    assert_eq!(sections_2025.len(), 4, "{sections_2025:?}");
    assert_eq!(
        s.dataset.narrative_section(2025, &SectionKey::Penutup).unwrap().text,
        "Ditulis untuk 2025.",
        "never overwritten"
    );
    // The copied budget text reads 2025; its `@-1` reads 2024 (86,06 %, Tabel 3.19).
    let settings = Settings::default();
    let text = &s.dataset.narrative_section(2025, &SectionKey::AkuntabilitasAnggaran).unwrap().text;
    assert_eq!(text, BUDGET);
    let shown = render_text(&s.dataset, &settings, 2025, "{{tahun}} / {{budget:* serapan_pct @-1}}", Lang::Id).unwrap();
    assert_eq!(shown, "2025 / 86,06 %");

    // Everything is written now: a second copy is refused and writes nothing.
    assert_eq!(copy_change(&s.dataset, 2024, 2025).unwrap_err(), CopyRefusal::AllWritten { to: 2025, sections: 4 });
    assert!(s.undo(&mut h, "Siti").unwrap());
    assert_eq!(s.dataset, before);
}

fn kinerja(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kinerja")).args(args).output().expect("kinerja runs")
}

#[test]
fn the_command_line_shows_a_year_and_copies_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.sqlite");
    let folder = dir.path().join("data");
    std::fs::create_dir(&folder).unwrap();
    write_folder(&folder, &dataset());
    let (db_arg, folder_arg) = (db.display().to_string(), folder.display().to_string());
    let import = kinerja(&["--db", &db_arg, "import", &folder_arg]);
    assert_eq!(import.status.code(), Some(0), "{}", String::from_utf8_lossy(&import.stderr));

    let show = kinerja(&["--db", &db_arg, "narrative", "show", "--year", "2024", "--section", "iku:IKU3:pendukung"]);
    assert_eq!(show.status.code(), Some(0), "{}", String::from_utf8_lossy(&show.stderr));
    let out = String::from_utf8_lossy(&show.stdout);
    assert!(out.starts_with("== Bab III B. IKU3: faktor dan program pendukung (iku:IKU3:pendukung) ==\n\n"), "{out}");
    assert!(out.contains("\n1. pagu anggaran sebesar Rp 3.079.221.482;\n"), "{out}");
    assert!(out.contains("3. serapan anggaran mencapai 92,61 %."), "{out}");

    let all = kinerja(&["--db", &db_arg, "--lang", "en", "narrative", "show", "--year", "2024"]);
    let out = String::from_utf8_lossy(&all.stdout);
    // In the document's order: the budget's chapter after the IKU analyses; the figures stay
    // Indonesian (the document's), the headings follow --lang.
    let (iku2, budget) = (out.find("Chapter III B. IKU2").unwrap(), out.find("Chapter III C. Budget").unwrap());
    assert!(iku2 < budget, "{out}");
    assert!(out.contains("Rp 824.166.800"), "{out}");

    let unknown = kinerja(&["--db", &db_arg, "--lang", "en", "narrative", "show", "--section", "bab-v"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("'bab-v' is no section of the report"));

    let copy = kinerja(&["--db", &db_arg, "narrative", "copy", "--from", "2024", "--to", "2025"]);
    assert_eq!(copy.status.code(), Some(0), "{}", String::from_utf8_lossy(&copy.stderr));
    assert!(String::from_utf8_lossy(&copy.stderr).contains("3 bagian narasi 2024 disalin ke 2025"));
    let again = kinerja(&["--db", &db_arg, "--lang", "en", "narrative", "copy", "--from", "2024", "--to", "2025"]);
    assert_eq!(again.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("existing text is never overwritten") && stderr.contains("; nothing was written."),
        "{stderr}"
    );
    let store = kinerja::storage::Store::open(&db).unwrap();
    let office = store.offices().unwrap()[0].id;
    let d = store.load_dataset(office).unwrap();
    assert_eq!(d.narrative.iter().filter(|n| n.year == 2025).count(), 3);
    assert_eq!(store.audit_log(office, Some("narrative:2025:akuntabilitas-anggaran"), 10).unwrap().len(), 1);
}
