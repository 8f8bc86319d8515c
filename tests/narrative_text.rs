//! The embedded 2024 narrative (`narrative.csv`): the reference report's own text, whole, with
//! every figure of the data it states written as a reference, so that the document shows the
//! computed figure while the printed literal stays a printed figure for the checker.
//!
//! The file is read here as plain CSV, apart from the dataset reader, so that these checks hold
//! whatever the narrative's storage does with it.

use kinerja::calc::resolve::{resolve, Value};
use kinerja::calc::Settings;
use kinerja::domain::{blocks, Block, IkuPart, Place, SectionKey};
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use std::str::FromStr;

const YEAR: i32 = 2024;

/// (year, section, text) of the embedded `narrative.csv`, in file order.
fn sections() -> Vec<(i32, String, String)> {
    let (_, bytes) = kinerja::embedded::files()
        .iter()
        .find(|(name, _)| *name == "narrative.csv")
        .expect("the embedded dataset has narrative.csv");
    let mut reader = csv::Reader::from_reader(*bytes);
    assert_eq!(reader.headers().unwrap(), vec!["year", "section", "text"]);
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].parse().unwrap(), r[1].to_string(), r[2].to_string())
        })
        .collect()
}

fn text_of(key: &str) -> String {
    sections().into_iter().find(|(_, k, _)| k == key).unwrap_or_else(|| panic!("no section {key}")).2
}

/// A `{{…}}` of a text: the figure's subject and field (none for `tahun`), the year it reads
/// in a document of `YEAR`, and whether it is written out in words.
#[derive(Debug)]
struct Reference {
    figure: Option<(String, String)>,
    year: i32,
    words: bool,
}

/// The references of a text, read by the contract's syntax: `{{SUBJECT FIELD [@YEAR|@±N]
/// [terbilang]}}`, `{{tahun [@±N]}}`, `{{office}}`.
fn references(text: &str) -> Vec<Reference> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let end = after.find("}}").unwrap_or_else(|| panic!("unclosed reference in {text:?}"));
        let inner = &after[..end];
        assert!(!inner.contains("{{") && !inner.contains('\n'), "a reference is one line: {inner:?}");
        let mut words = inner.split_whitespace();
        let first = words.next().expect("an empty reference");
        let figure = match first {
            "tahun" | "office" => None,
            subject => {
                assert!(subject.contains(':'), "{inner:?} names no subject");
                Some((subject.to_string(), words.next().expect("a field").to_string()))
            }
        };
        let (mut year, mut in_words) = (YEAR, false);
        for w in words {
            match w.strip_prefix('@') {
                Some(r) if r.starts_with(['-', '+']) => year = YEAR + r.parse::<i32>().unwrap(),
                Some(r) => year = r.parse().unwrap(),
                None if w == "terbilang" => in_words = true,
                None => panic!("unknown modifier {w:?} in {inner:?}"),
            }
        }
        out.push(Reference { figure, year, words: in_words });
        rest = &after[end + 2..];
    }
    out
}

#[test]
fn the_narrative_holds_the_reports_sections_and_each_iku_part_it_writes() {
    let all = sections();
    let keys: Vec<SectionKey> = all
        .iter()
        .map(|(year, key, _)| {
            assert_eq!(*year, YEAR, "{key}");
            SectionKey::parse(key).unwrap_or_else(|| panic!("{key} is no section key"))
        })
        .collect();
    let unique: BTreeSet<&str> = all.iter().map(|(_, k, _)| k.as_str()).collect();
    assert_eq!(unique.len(), all.len(), "one text per section");

    // Every general section of the reference except the two it has no text for: the extracted
    // report (the seed) begins at Bab I, without Kata Pengantar and Ikhtisar Eksekutif.
    for s in SectionKey::GENERAL {
        let expected = !matches!(s, SectionKey::KataPengantar | SectionKey::IkhtisarEksekutif);
        assert_eq!(keys.contains(&s), expected, "{}", s.key());
    }

    // The parts of each IKU's analysis as the report writes them: IK.1 has no national
    // comparison and no budget paragraph; the national comparison (Tabel 3.13) is IK2's.
    use IkuPart::*;
    let written = [
        ("IKU1", vec![Capaian, Kendala, Upaya, Pendukung, TindakLanjut]),
        ("IKU2", vec![Capaian, StandarNasional, Kendala, Upaya, Pendukung, Efisiensi, TindakLanjut]),
        ("IKU3", vec![Capaian, Kendala, Upaya, Pendukung, Efisiensi, TindakLanjut]),
    ];
    for (iku, parts) in written {
        let have: Vec<IkuPart> = keys
            .iter()
            .filter_map(|k| match k {
                SectionKey::Iku { indicator, part } if indicator == iku => Some(*part),
                _ => None,
            })
            .collect();
        assert_eq!(have, parts, "{iku}");
    }
}

#[test]
fn every_reference_resolves_and_keeps_its_printed_figure() {
    let d = kinerja::embedded::dataset().unwrap();
    let s = Settings::default();
    let mut figures = 0;
    for (_, key, text) in sections() {
        for r in references(&text) {
            let Some((subject, field)) = r.figure else {
                assert!(!r.words, "{key}: a year in words");
                continue;
            };
            figures += 1;
            let v = resolve(&d, &s, r.year, &subject, &field)
                .unwrap_or_else(|e| panic!("{key}: {subject} {field} @{} does not resolve: {e:?}", r.year));
            assert!(matches!(v.value, Value::Number(_)), "{key}: {subject} {field} is a number");
            let printed = d
                .printed_figures
                .iter()
                .any(|p| p.year == r.year && p.place == Place::Narrative && p.subject == subject && p.field == field);
            assert!(printed, "{key}: the printed literal of {subject} {field} ({}) is a printed figure", r.year);
        }
    }
    assert!(figures > 0, "the narrative refers to the data");
}

#[test]
fn the_narratives_slips_become_the_computed_figures() {
    let d = kinerja::embedded::dataset().unwrap();
    let s = Settings::default();
    let number = |subject: &str, field: &str| resolve(&d, &s, YEAR, subject, field).unwrap().value.number().unwrap();
    let printed = |table: &str, subject: &str, field: &str| {
        d.printed_figures
            .iter()
            .find(|p| p.year == YEAR && p.table == table && p.subject == subject && p.field == field)
            .and_then(|p| p.value)
            .unwrap()
    };
    let dec = |s: &str| Decimal::from_str(s).unwrap();

    // Under Tabel 3.10 the report prints Rp 752.916.800 for the programs supporting IK2; the
    // table's programs sum to 71.250.000 + 295.840.000 + 182.135.800 + 238.932.000 + 36.009.000.
    let text = text_of("iku:IKU2:efisiensi");
    assert!(text.contains("realisasi sebesar {{support:IKU2 realisasi}} ({{support:IKU2 realisasi terbilang}})"));
    assert!(!text.contains("752.916.800") && !text.contains("Tujuh ratus lima puuh"));
    assert_eq!(printed("3.10", "support:IKU2", "realisasi"), dec("752916800"));
    assert_eq!(number("support:IKU2", "realisasi"), dec("824166800"));

    // Under Tabel 3.16 it prints a serapan of 98.46 %: 2.851.712.240 ÷ 3.079.221.482 × 100 = 92,61.
    let text = text_of("iku:IKU3:efisiensi");
    assert!(text.contains("mencapai {{support:IKU3 serapan_pct}}."));
    assert!(!text.contains("98.46"));
    assert_eq!(printed("3.16", "support:IKU3", "serapan_pct"), dec("98.46"));
    assert_eq!(number("support:IKU3", "serapan_pct").round_dp(2), dec("92.61"));
}

#[test]
fn the_text_is_clean_paragraphs_without_page_furniture_or_table_rows() {
    for (_, key, text) in sections() {
        assert_eq!(text.trim(), text, "{key}");
        assert!(!text.contains('\r') && !text.contains("\n\n\n") && !text.contains("  "), "{key}: stray whitespace");
        // The running header, table captions and sources, and the tables' amounts stay out.
        for furniture in ["LKIP DINAS", "Sumber :", "Sumber:", "Tabel 1.", "Tabel 2.", "Tabel 3.", "Rp.", "Rp  "] {
            assert!(!text.contains(furniture), "{key}: {furniture:?}");
        }
        let bare = strip_references(&text);
        assert!(!has_grouped_number(&bare), "{key}: an amount of the data left as a literal: {bare}");
        // Lines joined: a line of a paragraph is a whole paragraph; a list is one item a line.
        for block in text.split("\n\n") {
            let lines: Vec<&str> = block.lines().collect();
            if lines.len() > 1 {
                let listed = matches!(blocks(block).as_slice(), [Block::Numbered(items)] if items.len() == lines.len());
                assert!(listed, "{key}: a broken line in {block:?}");
            }
        }
    }
}

fn strip_references(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        rest = rest[start..].split_once("}}").map_or("", |(_, r)| r);
    }
    out.push_str(rest);
    out
}

/// `12.785.258.830` or `1.352.468`: digits grouped by thousands, as the report prints amounts.
fn has_grouped_number(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(4)).any(|i| {
        b[i].is_ascii_digit()
            && b[i + 1] == b'.'
            && b[i + 2..i + 5].iter().all(u8::is_ascii_digit)
            && b.get(i + 5).is_none_or(|c| !c.is_ascii_digit())
    })
}
