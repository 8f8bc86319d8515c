//! The report's text in words: sections by name, the problems of a reference, the figures it
//! shows (formatted as the report prints them: `Rp 824.166.800`, `92,61 %`, `41`, terbilang)
//! and a section rendered for a document.

use super::{field_label, item, tr, verdict};
use crate::calc::narrative::{
    self, CopyRefusal, Correction, Piece, RefError, Shown, SyntaxError, SyntaxKind, TextProblem, Unresolved,
    SUBJECT_KINDS,
};
use crate::calc::Settings;
use crate::domain::{blocks, Block, Dataset, IkuPart, SectionKey, Year};
use crate::format::{self, Lang};

/// A part of an IKU's analysis in words.
pub fn iku_part(part: IkuPart, lang: Lang) -> &'static str {
    match part {
        IkuPart::Capaian => lang.pick("capaian kinerja", "performance achieved"),
        IkuPart::StandarNasional => {
            lang.pick("perbandingan dengan standar nasional", "comparison with national standards")
        }
        IkuPart::Kendala => lang.pick("kendala", "obstacles"),
        IkuPart::Upaya => lang.pick("upaya yang dilakukan", "what was done"),
        IkuPart::Pendukung => lang.pick("faktor dan program pendukung", "supporting factors and programmes"),
        IkuPart::Efisiensi => lang.pick("efisiensi sumber daya", "efficiency of resources"),
        IkuPart::TindakLanjut => lang.pick("rencana tindak lanjut", "follow-up plan"),
    }
}

/// A section of the report by its place in it: `Bab III C. Akuntabilitas Anggaran`,
/// `Bab III B. IKU2: kendala`.
pub fn section_label(key: &SectionKey, lang: Lang) -> String {
    let (id, en) = match key {
        SectionKey::KataPengantar => ("Kata Pengantar", "Foreword"),
        SectionKey::IkhtisarEksekutif => ("Ikhtisar Eksekutif", "Executive summary"),
        SectionKey::LatarBelakang => ("Bab I A. Latar Belakang", "Chapter I A. Background"),
        SectionKey::TugasFungsi => {
            ("Bab I B. Tugas, Fungsi dan Sumber Daya", "Chapter I B. Duties, functions and resources")
        }
        SectionKey::AspekStrategis => ("Bab I. Aspek Strategis", "Chapter I. Strategic issues"),
        SectionKey::KegiatanLayanan => ("Bab I C. Kegiatan dan Layanan", "Chapter I C. Activities and services"),
        SectionKey::Sistematika => ("Bab I D. Sistematika Penyajian", "Chapter I D. Structure of the report"),
        SectionKey::RencanaStrategis => ("Bab II A. Rencana Strategis", "Chapter II A. Strategic plan"),
        SectionKey::PerjanjianKinerja => ("Bab II B. Perjanjian Kinerja", "Chapter II B. Performance agreement"),
        SectionKey::CapaianOrganisasi => {
            ("Bab III A. Capaian Kinerja Organisasi", "Chapter III A. Performance of the organisation")
        }
        SectionKey::Iku { indicator, part } => {
            let p = iku_part(*part, lang);
            return tr!(lang, "Bab III B. {indicator}: {p}", "Chapter III B. {indicator}: {p}");
        }
        SectionKey::AnalisisEfisiensi => ("Bab III B. Analisis Efisiensi", "Chapter III B. Efficiency analysis"),
        SectionKey::Prestasi => ("Bab III. Prestasi dan Penghargaan", "Chapter III. Achievements and awards"),
        SectionKey::AkuntabilitasAnggaran => {
            ("Bab III C. Akuntabilitas Anggaran", "Chapter III C. Budget accountability")
        }
        SectionKey::Penutup => ("Bab IV. Penutup", "Chapter IV. Conclusion"),
    };
    lang.pick(id, en).to_string()
}

/// A stored section key in words; a key that names no section as it is stored.
pub fn section_name(key: &str, lang: Lang) -> String {
    SectionKey::parse(key).map_or_else(|| key.to_string(), |k| section_label(&k, lang))
}

/// What is wrong with the writing of a reference.
pub fn syntax_kind(kind: &SyntaxKind, lang: Lang) -> String {
    match kind {
        SyntaxKind::Unclosed => lang
            .pick(
                "{{ tanpa }} penutup pada baris yang sama; tutup rujukan dengan }}",
                "{{ without a closing }} on the same line; close the reference with }}",
            )
            .into(),
        SyntaxKind::Empty => lang
            .pick(
                "rujukan kosong; tulis {{SUBJEK FIELD}}, {{tahun}} atau {{office}}",
                "an empty reference; write {{SUBJECT FIELD}}, {{tahun}} or {{office}}",
            )
            .into(),
        SyntaxKind::Nested => lang
            .pick(
                "{{ di dalam rujukan; sebuah rujukan tidak dapat memuat rujukan lain",
                "{{ inside a reference; a reference cannot hold another one",
            )
            .into(),
        SyntaxKind::NotASubject(w) => tr!(
            lang,
            "'{w}' bukan subjek; tulis SUBJEK:KODE FIELD (mis. {{{{support:IKU2 realisasi}}}}), {{{{tahun}}}} atau {{{{office}}}}",
            "'{w}' is no subject; write SUBJECT:CODE FIELD (e.g. {{{{support:IKU2 realisasi}}}}), {{{{tahun}}}} or {{{{office}}}}"
        ),
        SyntaxKind::MissingField => lang
            .pick(
                "subjek tanpa field; tulis SUBJEK:KODE FIELD, mis. {{budget:* serapan_pct}}",
                "a subject without its field; write SUBJECT:CODE FIELD, e.g. {{budget:* serapan_pct}}",
            )
            .into(),
        SyntaxKind::UnknownModifier(w) => tr!(
            lang,
            "'{w}' tidak dikenal; setelah field boleh ditulis @TAHUN (@2023), @-N (N tahun sebelum tahun dokumen) dan terbilang",
            "'{w}' is not recognised; after the field you may write @YEAR (@2023), @-N (N years before the document's year) and terbilang"
        ),
        SyntaxKind::RepeatedModifier(w) => tr!(
            lang,
            "'{w}' ditulis dua kali; tahun (@…) dan terbilang masing-masing paling banyak sekali",
            "'{w}' is written twice; the year (@…) and terbilang are each given at most once"
        ),
        SyntaxKind::YearOutOfRange(w) => tr!(
            lang,
            "'{w}': tahun ditulis empat angka antara 1900 dan 2200, selisih (@-N, @+N) paling banyak 100 tahun",
            "'{w}': a year has four digits between 1900 and 2200, an offset (@-N, @+N) at most 100 years"
        ),
        SyntaxKind::ModifierNotAllowed { modifier, on } => match *on {
            "office" => tr!(
                lang,
                "'{modifier}' tidak berlaku untuk {{{{office}}}}, yang tidak menerima tambahan apa pun",
                "'{modifier}' does not apply to {{{{office}}}}, which takes nothing after it"
            ),
            _ => tr!(
                lang,
                "'{modifier}' tidak berlaku untuk {{{{{on}}}}}; yang berlaku hanya @TAHUN atau @-N",
                "'{modifier}' does not apply to {{{{{on}}}}}; only @YEAR or @-N does"
            ),
        },
    }
}

/// Where in a text: `baris 2, karakter 6` / `line 2, character 6`.
fn position(p: narrative::Position, lang: Lang) -> String {
    tr!(lang, "baris {} teks, karakter {}", "line {} of the text, character {}", p.line, p.column)
}

/// A reference that cannot be read, with its place: `baris 2 teks, karakter 6, {{support:IKU2
/// pagu: {{ tanpa }} …`.
pub fn syntax_error(e: &SyntaxError, lang: Lang) -> String {
    format!("{}, {}: {}", position(e.at, lang), e.source, syntax_kind(&e.kind, lang))
}

/// Why a reference names no figure of the data.
pub fn ref_error(e: &RefError, lang: Lang) -> String {
    match e {
        RefError::UnknownSubjectKind { subject } => tr!(
            lang,
            "subjek '{subject}' tidak dikenal; jenis subjek: {}",
            "unknown subject '{subject}'; the kinds of subject: {}",
            SUBJECT_KINDS.join(", ")
        ),
        RefError::NoKey { subject } => tr!(
            lang,
            "subjek '{subject}' tanpa kode; tulis JENIS:KODE, misalnya indicator:IKU1 atau budget:*",
            "the subject '{subject}' has no code; write KIND:CODE, e.g. indicator:IKU1 or budget:*"
        ),
        RefError::UnknownSubject { subject } => tr!(
            lang,
            "'{subject}' tidak ada di data (periksa kodenya)",
            "'{subject}' is not in the data (check its code)"
        ),
        RefError::UnknownCode { subject, expected } => tr!(
            lang,
            "kode '{subject}' tidak dikenal; kode yang ada: {}",
            "unknown code in '{subject}'; the codes: {}",
            expected.join(", ")
        ),
        RefError::NotInYear { subject, year } => tr!(
            lang,
            "'{subject}' tidak ada di data tahun {year} (periksa kode dan tahunnya)",
            "'{subject}' is not in the data of {year} (check its code and year)"
        ),
        RefError::UnknownField { subject, field, expected } => tr!(
            lang,
            "'{subject}' tidak punya field '{field}'; field yang ada: {}",
            "'{subject}' has no field '{field}'; its fields: {}",
            expected.join(", ")
        ),
        RefError::NoWords { subject, field } => tr!(
            lang,
            "terbilang hanya untuk jumlah rupiah dan bilangan, bukan untuk '{subject} {field}'",
            "terbilang is only for amounts of rupiah and counts, not for '{subject} {field}'"
        ),
    }
}

/// A problem of a text with its place.
pub fn text_problem(p: &TextProblem, lang: Lang) -> String {
    match p {
        TextProblem::Syntax(e) => syntax_error(e, lang),
        TextProblem::Reference { at, source, error } => {
            format!("{}, {{{{{source}}}}}: {}", position(*at, lang), ref_error(error, lang))
        }
    }
}

/// Why a reference shows no figure.
pub fn unresolved(u: &Unresolved, lang: Lang) -> String {
    match u {
        Unresolved::Invalid(e) => ref_error(e, lang),
        Unresolved::NoYear => lang.pick("tahunnya di luar kalender", "its year lies beyond the calendar").to_string(),
        Unresolved::Cannot(c) => c.message(lang),
        Unresolved::BelowBands { capaian } => {
            let c = format::percent(*capaian, lang);
            tr!(
                lang,
                "capaian {c} di bawah setiap kategori capaian periodenya (achievement_bands.csv tanpa kategori terbuka ke bawah)",
                "the capaian {c} lies below every achievement band of its period (achievement_bands.csv has no band open below)"
            )
        }
    }
}

/// A figure as the report prints it: `Rp 824.166.800`, `92,61 %`, `41`, `78,19`, `efisien`;
/// `terbilang` in Indonesian words whatever the language (they belong to the Indonesian
/// document).
pub fn shown(s: &Shown, lang: Lang) -> String {
    match s {
        Shown::Money { amount, words: false } => format::rupiah(*amount, lang),
        Shown::Money { amount, words: true } => format::terbilang_rupiah(*amount),
        Shown::Percent(p) => format::percent(*p, lang),
        Shown::Count { count, words: false } => format::number((*count).into(), 0, lang),
        Shown::Count { count, words: true } => format::terbilang_signed(*count),
        Shown::Value(v) => format::number(*v, v.scale().min(2), lang),
        Shown::Verdict(v) => verdict(*v, lang).to_string(),
        Shown::Category(name) => name.clone(),
        Shown::Year(y) => y.to_string(),
        Shown::Office(name) => name.clone(),
    }
}

/// Resolved pieces as one text; a reference without a figure shows itself and why, in
/// brackets (`[support:IKU2 realisasi @-1?: angka tidak tersedia: …]`), never an empty gap.
pub fn pieces(pieces: &[Piece], lang: Lang) -> String {
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Figure { outcome: Ok(s), .. } => out.push_str(&shown(s, lang)),
            Piece::Figure { reference, outcome: Err(why) } => {
                out.push_str(&format!("[{}?: {}]", reference.source, unresolved(why, lang)))
            }
        }
    }
    out
}

/// A text with its references filled in for a document of `year`, or the references that
/// cannot be read.
pub fn render_text(d: &Dataset, s: &Settings, year: Year, text: &str, lang: Lang) -> Result<String, Vec<SyntaxError>> {
    narrative::resolve_text(d, s, year, text).map(|p| pieces(&p, lang))
}

/// A text laid out in blocks with its references filled in. The blocks are read from the text
/// as written, so that a figure at the start of a line (`41. …`) never turns it into a list.
pub fn render_blocks(
    d: &Dataset,
    s: &Settings,
    year: Year,
    text: &str,
    lang: Lang,
) -> Result<Vec<Block>, Vec<SyntaxError>> {
    // Every problem is reported with its place in the whole text, before the text is cut up.
    narrative::parse(text)?;
    // A reference never spans a line, so each block's texts hold whole references and read
    // as the whole text did; `render_text` cannot fail on them.
    let fill = |t: &str| render_text(d, s, year, t, lang).unwrap_or_else(|_| t.to_string());
    Ok(blocks(text)
        .into_iter()
        .map(|b| match b {
            Block::Paragraph(p) => Block::Paragraph(fill(&p)),
            Block::Numbered(items) => Block::Numbered(items.into_iter().map(|(m, t)| (m, fill(&t))).collect()),
            Block::Bullets(items) => Block::Bullets(items.iter().map(|t| fill(t)).collect()),
        })
        .collect())
}

/// The section `key` of the report of `year` as the document lays it out, its figures from
/// the data; no blocks when the section has no text; `Err` with every reference of a stored text
/// that cannot be read (the checker reports them too).
pub fn render_section(
    d: &Dataset,
    s: &Settings,
    year: Year,
    key: &SectionKey,
    lang: Lang,
) -> Result<Vec<Block>, Vec<SyntaxError>> {
    match d.narrative_section(year, key) {
        Some(n) => render_blocks(d, s, year, &n.text, lang),
        None => Ok(Vec::new()),
    }
}

/// A piece of a section as the window shows it: the office's words, or a figure computed from
/// the data with where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Figure {
        /// The figure as the document shows it (`Rp 824.166.800`), or the reference and why it
        /// shows none (`[support:IKU2 realisasi @-1?: …]`).
        shown: String,
        /// The reference as written (`support:IKU2 realisasi`).
        reference: String,
        /// What the printed report said instead, where it said something else.
        printed: Option<String>,
        /// Whether the reference gave a figure.
        resolved: bool,
    },
}

/// A block of a section as the window shows it: [`Block`] with its texts as [`Span`]s.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpanBlock {
    Paragraph(Vec<Span>),
    Numbered(Vec<(String, Vec<Span>)>),
    Bullets(Vec<Vec<Span>>),
}

/// A section's text laid out in blocks with each figure apart from the words around it, for
/// a document of `year`; `corrections` (of that year's document) give the printed figure a
/// reference replaces. `Err` with the references that cannot be read.
pub fn render_spans(
    d: &Dataset,
    s: &Settings,
    year: Year,
    text: &str,
    corrections: &[Correction],
    lang: Lang,
) -> Result<Vec<SpanBlock>, Vec<SyntaxError>> {
    narrative::parse(text)?;
    let fill = |t: &str| -> Vec<Span> {
        let Ok(resolved_pieces) = narrative::resolve_text(d, s, year, t) else {
            // Unreachable for a text that parsed whole (see `render_blocks`); shown as written.
            return vec![Span::Text(t.to_string())];
        };
        resolved_pieces
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => Span::Text(t),
                Piece::Figure { reference, outcome } => {
                    let printed = match &reference.target {
                        narrative::Target::Figure { subject, field } => {
                            let at = reference.year.year_in(year);
                            corrections
                                .iter()
                                .find(|c| &c.subject == subject && &c.field == field && Some(c.year) == at)
                                .map(|c| c.printed.clone())
                        }
                        _ => None,
                    };
                    let resolved = outcome.is_ok();
                    let one = [Piece::Figure { reference: reference.clone(), outcome }];
                    Span::Figure { shown: pieces(&one, lang), reference: reference.source, printed, resolved }
                }
            })
            .collect()
    };
    Ok(blocks(text)
        .into_iter()
        .map(|b| match b {
            Block::Paragraph(p) => SpanBlock::Paragraph(fill(&p)),
            Block::Numbered(items) => SpanBlock::Numbered(items.into_iter().map(|(m, t)| (m, fill(&t))).collect()),
            Block::Bullets(items) => SpanBlock::Bullets(items.iter().map(|t| fill(t)).collect()),
        })
        .collect())
}

/// What a figure's hover says: where it comes from and, where the printed report said
/// something else, what it printed.
pub fn figure_hover(reference: &str, printed: Option<&str>, lang: Lang) -> String {
    let from = tr!(lang, "Dari data: {{{{{reference}}}}}", "From the data: {{{{{reference}}}}}");
    match printed {
        Some(p) => tr!(
            lang,
            "{from}\nLaporan tercetak menulis {p}; dokumen menampilkan angka hasil hitung.",
            "{from}\nThe printed report said {p}; the document shows the computed figure."
        ),
        None => from,
    }
}

/// One row of the appendix that lists what the document corrected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorrectionRow {
    /// The printed report's table and, where the text refers to the figure, the sections that
    /// show it: `Tabel 3.10; Bab III B. IKU2: faktor dan program pendukung`.
    pub place: String,
    /// The figure: its row and column (`Program pendukung … — realisasi`), and its year when it
    /// is not the document's.
    pub figure: String,
    /// As the report printed it.
    pub printed: String,
    /// What the document shows.
    pub shown: String,
}

/// A correction as a row of the appendix of the document of `year`.
pub fn correction(c: &Correction, year: Year, lang: Lang) -> CorrectionRow {
    let mut place = tr!(lang, "Tabel {}", "Table {}", c.table);
    for s in &c.sections {
        place.push_str("; ");
        place.push_str(&section_name(s, lang));
    }
    let mut figure = format!("{} — {}", item(&c.item, lang), field_label(&c.field, lang));
    if c.year != year {
        figure.push_str(&format!(" ({})", c.year));
    }
    CorrectionRow { place, figure, printed: c.printed.clone(), shown: shown(&c.computed, lang) }
}

/// Why no text was copied to a new year.
pub fn copy_refusal(r: &CopyRefusal, lang: Lang) -> String {
    match r {
        CopyRefusal::SameYear(y) => tr!(
            lang,
            "tahun asal dan tujuan sama ({y}); sebutkan dua tahun yang berbeda",
            "the years to copy from and to are the same ({y}); name two different years"
        ),
        CopyRefusal::YearOutOfRange(y) => {
            tr!(lang, "tahun {y} di luar 1900–2200", "the year {y} is outside 1900–2200")
        }
        CopyRefusal::NothingWritten(y) => tr!(
            lang,
            "tahun {y} belum punya narasi; tidak ada yang disalin",
            "the year {y} has no text yet; nothing to copy"
        ),
        CopyRefusal::AllWritten { to, sections } => tr!(
            lang,
            "tahun {to} sudah punya narasi untuk {sections} bagian itu; teks yang sudah ada tidak ditimpa, tidak ada yang disalin",
            "the year {to} already has a text for those {sections} sections; existing text is never overwritten, nothing was copied"
        ),
        CopyRefusal::UnknownSection(k) => tr!(
            lang,
            "bagian '{k}' tidak dikenal; perbaiki kuncinya di narrative.csv lebih dulu",
            "unknown section '{k}'; correct its key in narrative.csv first"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    #[test]
    fn figures_as_the_report_prints_them() {
        let money = Shown::Money { amount: Money::from_rupiah(824_166_800), words: false };
        assert_eq!(shown(&money, Lang::Id), "Rp 824.166.800");
        assert_eq!(shown(&money, Lang::En), "Rp 824,166,800");
        let words = Shown::Money { amount: Money::from_rupiah(824_166_800), words: true };
        assert_eq!(
            shown(&words, Lang::En),
            "delapan ratus dua puluh empat juta seratus enam puluh enam ribu delapan ratus rupiah"
        );
        // 2.851.712.240 ÷ 3.079.221.482 × 100 = 92,6115…
        assert_eq!(shown(&Shown::Percent(Decimal::from_str("92.6115").unwrap()), Lang::Id), "92,61 %");
        assert_eq!(shown(&Shown::Count { count: 41, words: false }, Lang::Id), "41");
        assert_eq!(shown(&Shown::Count { count: 2, words: true }, Lang::Id), "dua");
        assert_eq!(shown(&Shown::Value(Decimal::from_str("78.19").unwrap()), Lang::Id), "78,19");
        assert_eq!(shown(&Shown::Value(Decimal::from_str("1.041666").unwrap()), Lang::Id), "1,04");
        assert_eq!(shown(&Shown::Value(Decimal::from(3)), Lang::Id), "3");
        assert_eq!(shown(&Shown::Year(2024), Lang::Id), "2024");
        // A category as the office's scale names it, in either language.
        assert_eq!(shown(&Shown::Category("Sangat Baik".into()), Lang::En), "Sangat Baik");
        let below = Unresolved::BelowBands { capaian: Decimal::from_str("103.153").unwrap() };
        assert_eq!(
            unresolved(&below, Lang::Id),
            "capaian 103,15 % di bawah setiap kategori capaian periodenya (achievement_bands.csv tanpa kategori terbuka ke bawah)"
        );
        assert_eq!(
            unresolved(&below, Lang::En),
            "the capaian 103.15 % lies below every achievement band of its period (achievement_bands.csv has no band open below)"
        );
    }

    #[test]
    fn figures_apart_from_the_words_with_the_printed_slip() {
        let d = crate::embedded::dataset().unwrap();
        let s = Settings::default();
        let cs = narrative::corrections(&d, &s, 2024);
        let text = "Realisasi {{support:IKU2 realisasi}} dari\npagu.\n\n1. Tahun {{tahun}}";
        let b = render_spans(&d, &s, 2024, text, &cs, Lang::Id).unwrap();
        // Tabel 3.10 of the reference report: realisasi Rp 824.166.800, where its text printed
        // Rp 752.916.800.
        let SpanBlock::Paragraph(p) = &b[0] else { panic!("a paragraph first: {b:?}") };
        assert_eq!(p[0], Span::Text("Realisasi ".into()));
        let Span::Figure { shown, reference, printed, resolved } = &p[1] else { panic!("a figure: {p:?}") };
        assert_eq!(shown, "Rp 824.166.800");
        assert_eq!(reference, "support:IKU2 realisasi");
        assert_eq!(printed.as_deref(), Some("Rp. 752.916.800,-"));
        assert!(resolved);
        assert_eq!(p[2], Span::Text(" dari pagu.".into()));
        let SpanBlock::Numbered(items) = &b[1] else { panic!("a list: {b:?}") };
        assert_eq!(items[0].0, "1.");
        assert!(matches!(&items[0].1[1], Span::Figure { shown, printed: None, .. } if shown == "2024"));
        let en = render_spans(&d, &s, 2024, text, &cs, Lang::En).unwrap();
        let SpanBlock::Paragraph(p) = &en[0] else { panic!("a paragraph") };
        assert!(matches!(&p[1], Span::Figure { shown, .. } if shown == "Rp 824,166,800"));
        assert!(render_spans(&d, &s, 2024, "{{support:IKU2", &cs, Lang::Id).is_err());
        assert_eq!(
            figure_hover("support:IKU2 realisasi", Some("Rp 1"), Lang::En),
            "From the data: {{support:IKU2 realisasi}}\nThe printed report said Rp 1; the document shows the computed figure."
        );
    }

    #[test]
    fn sections_by_their_place_in_the_report() {
        assert_eq!(section_label(&SectionKey::AkuntabilitasAnggaran, Lang::Id), "Bab III C. Akuntabilitas Anggaran");
        let iku = SectionKey::Iku { indicator: "IKU2".into(), part: IkuPart::Kendala };
        assert_eq!(section_label(&iku, Lang::Id), "Bab III B. IKU2: kendala");
        assert_eq!(section_label(&iku, Lang::En), "Chapter III B. IKU2: obstacles");
        assert_eq!(section_name("bab-v", Lang::En), "bab-v");
    }

    #[test]
    fn problems_in_both_languages_with_their_place() {
        let e = narrative::parse("Satu.\nPagu {{support:IKU2 pagu").unwrap_err();
        assert_eq!(
            syntax_error(&e[0], Lang::Id),
            "baris 2 teks, karakter 6, {{support:IKU2 pagu: {{ tanpa }} penutup pada baris yang sama; tutup rujukan dengan }}"
        );
        assert_eq!(
            syntax_error(&e[0], Lang::En),
            "line 2 of the text, character 6, {{support:IKU2 pagu: {{ without a closing }} on the same line; close the reference with }}"
        );
        let not_subject = SyntaxKind::NotASubject("IKU1".into());
        assert!(syntax_kind(&not_subject, Lang::Id).contains("(mis. {{support:IKU2 realisasi}}), {{tahun}} atau"));
        let office = SyntaxKind::ModifierNotAllowed { modifier: "@-1".into(), on: "office" };
        assert!(syntax_kind(&office, Lang::En).starts_with("'@-1' does not apply to {{office}}"));
        let tahun = SyntaxKind::ModifierNotAllowed { modifier: "terbilang".into(), on: "tahun" };
        assert!(syntax_kind(&tahun, Lang::Id).starts_with("'terbilang' tidak berlaku untuk {{tahun}};"));
        let field = RefError::UnknownField {
            subject: "budget:*".into(),
            field: "pagu_x".into(),
            expected: vec!["pagu", "realisasi"],
        };
        assert_eq!(ref_error(&field, Lang::En), "'budget:*' has no field 'pagu_x'; its fields: pagu, realisasi");
        assert_eq!(
            ref_error(&field, Lang::Id),
            "'budget:*' tidak punya field 'pagu_x'; field yang ada: pagu, realisasi"
        );
    }
}
