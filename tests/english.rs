//! The English window shows no Indonesian: every tab, in both modes, with every collapsed
//! section opened, is read through AccessKit, and each text is searched for Indonesian words.
//!
//! The Indonesian words are derived, not typed: a word of an Indonesian text of the window
//! (`ui::strings`, the column names of `text::field_label`) that no English text of the window
//! uses. Glossary terms the English texts keep on purpose (pagu, realisasi, sasaran, kode …)
//! are therefore not markers. Data is not UI text: the office's own names, indicators,
//! programmes and the printed titles of the report's tables come from the dataset, and every
//! text of the embedded dataset's files is taken out of a label before it is searched.
//!
//! *Ringkasan*, *Tren* and *Riwayat* and the save dialog belong to other work in progress
//! (issue 12: dashboard, saving); this test leaves those tabs out.

mod common;
use common::{harness_of, wait_for_integrity_check};

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::Harness;
use kinerja::app::Session;
use kinerja::format::Lang;
use kinerja::ui::strings::T;
use kinerja::ui::{KinerjaApp, Mode, Tab, UiState};

/// The column codes whose names `text::field_label` words in both languages.
const FIELD_CODES: &[&str] = &[
    "serapan_pct",
    "capaian_pct",
    "pagu_murni",
    "pagu_perubahan",
    "realisasi_quarters",
    "count",
    "value",
    "avg_capaian",
    "avg_serapan",
    "efficiency",
    "raw_current",
    "raw_previous",
    "count_program",
    "count_kegiatan",
    "count_subkegiatan",
    "count_achieved",
    "count_exceeded",
    "count_efficient",
    "umkm_class",
    "predicate",
];

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 3).map(str::to_lowercase)
}

/// Indonesian words that no English text of the window uses.
fn markers() -> BTreeSet<String> {
    let pairs: Vec<(String, String)> = T::ALL
        .iter()
        .map(|t| (t.get(Lang::Id).to_string(), t.get(Lang::En).to_string()))
        .chain(
            FIELD_CODES
                .iter()
                .map(|c| (kinerja::text::field_label(c, Lang::Id), kinerja::text::field_label(c, Lang::En))),
        )
        .collect();
    let english: BTreeSet<String> = pairs.iter().flat_map(|(_, en)| words(en).collect::<Vec<_>>()).collect();
    pairs.iter().flat_map(|(id, _)| words(id).collect::<Vec<_>>()).filter(|w| !english.contains(w)).collect()
}

/// The second office of the test database (its city tab shows only with two offices).
fn contoh() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dinas-contoh")
}

/// Every text of the two datasets' files: names, titles, notes — data, shown as it is.
fn data_texts() -> Vec<String> {
    let mut files: Vec<(String, Vec<u8>)> =
        kinerja::embedded::files().iter().map(|(n, b)| (n.to_string(), b.to_vec())).collect();
    for entry in std::fs::read_dir(contoh()).expect("the second office's dataset") {
        let path = entry.expect("a file of the dataset").path();
        files.push((path.display().to_string(), std::fs::read(&path).expect("a readable file")));
    }
    let mut texts = BTreeSet::new();
    for (name, bytes) in &files {
        if !name.ends_with(".csv") {
            continue;
        }
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes.as_slice());
        for record in reader.records() {
            for cell in record.expect("the embedded dataset is valid CSV").iter() {
                let cell = cell.trim();
                if !cell.is_empty() {
                    texts.insert(cell.to_string());
                }
            }
        }
    }
    // Longest first, so that a name is taken out whole before a shorter name inside it.
    let mut texts: Vec<String> = texts.into_iter().collect();
    texts.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
    texts
}

/// `text` with every data text taken out: a text of several words wherever it stands; a single
/// word (which may also be a word of the UI) where it is the whole text, or where it stands as
/// a unit does: after a figure (`75,8 Nilai`) or in parentheses (`Target 2024 (Nilai)`).
fn without_data(text: &str, data: &[String]) -> String {
    let mut rest = text.to_string();
    for d in data {
        if d.contains(' ') {
            rest = rest.replace(d.as_str(), " ");
            continue;
        }
        if rest.trim() == d {
            return String::new();
        }
        rest = rest.replace(&format!("({d})"), " ");
        let after_figure = format!(" {d}");
        while let Some(at) = rest.match_indices(&after_figure).map(|(i, _)| i).find(|&i| {
            let followed = rest[i + after_figure.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            followed && rest[..i].chars().next_back().is_some_and(|c| c.is_ascii_digit())
        }) {
            rest.replace_range(at..at + after_figure.len(), " ");
        }
    }
    rest
}

/// Every label, value and description of every node of the window.
fn texts(h: &Harness<'static, KinerjaApp>) -> Vec<String> {
    let mut out = Vec::new();
    for node in h.root().children_recursive() {
        let n = node.accesskit_node();
        // A wrapped label's lines repeat, in pieces, the text of the label itself.
        if n.role() == Role::TextRun {
            continue;
        }
        for t in [n.label(), n.value(), n.description()].into_iter().flatten() {
            out.push(t.to_string());
        }
    }
    out
}

/// Opens every collapsed section (a section may hold others), as a person clicks down the page.
fn expand_all(h: &mut Harness<'static, KinerjaApp>) {
    let mut opened = BTreeSet::new();
    for _ in 0..200 {
        let next = h.root().children_recursive().find_map(|node| {
            let n = node.accesskit_node();
            let id = n.id();
            (n.data().is_expanded() == Some(false) && !opened.contains(&id)).then_some(id)
        });
        let Some(id) = next else { return };
        opened.insert(id);
        h.root()
            .children_recursive()
            .find(|node| node.accesskit_node().id() == id)
            .expect("the section is still there")
            .click_accesskit();
        h.run_steps(2);
    }
}

fn open_tab(h: &mut Harness<'static, KinerjaApp>, tab: Tab) {
    let label = tab.title().get(Lang::En);
    let button = h
        .get_all_by_role(Role::Button)
        .find(|b| b.accesskit_node().label().is_some_and(|l| l.starts_with(label)))
        .unwrap_or_else(|| panic!("no tab button '{label}'"));
    button.click_accesskit();
    h.run_steps(3);
    assert_eq!(h.state().state.tab, tab);
}

/// Each text of the window (outside the tabs left out) that holds an Indonesian word, with it.
fn indonesian_texts(mode: Mode) -> BTreeSet<String> {
    let markers = markers();
    let data = data_texts();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = dir.path().join("kota.sqlite");
    let mut session = Session::open(&db).expect("a new database");
    let second = kinerja::interchange::read_path(&contoh()).expect("the second office's dataset");
    session.store.save_dataset(&second).expect("the second office is stored");
    drop(session);
    let mut h = harness_of(KinerjaApp::new(db, UiState { lang: Lang::En, mode, ..Default::default() }));
    wait_for_integrity_check(&mut h);
    let mut found = BTreeSet::new();
    let mut look = |h: &Harness<'static, KinerjaApp>, place: &str| {
        for text in texts(h) {
            // The language selector names each language in that language.
            if text == "Bahasa Indonesia" {
                continue;
            }
            let rest = without_data(&text, &data);
            let hits: Vec<String> = words(&rest).filter(|w| markers.contains(w)).collect();
            if !hits.is_empty() {
                found.insert(format!("{place}: {text:?} ({})", hits.join(", ")));
            }
        }
    };
    for tab in [Tab::Organisasi, Tab::Renstra, Tab::Kinerja, Tab::Anggaran, Tab::Pemeriksaan, Tab::Kota] {
        open_tab(&mut h, tab);
        expand_all(&mut h);
        look(&h, &format!("{tab:?}"));
    }
    // The dialogs of these tabs and of the menu: the budget import (edit mode) and the dataset
    // import.
    open_tab(&mut h, Tab::Anggaran);
    let dialogs: &[T] = if mode == Mode::Sunting { &[T::ImportButton, T::ImportDataset] } else { &[T::ImportDataset] };
    for dialog in dialogs.iter().map(|t| t.get(Lang::En)) {
        if dialog == T::ImportDataset.get(Lang::En) {
            common::open_menu(&mut h);
        }
        h.get_by_role_and_label(Role::Button, dialog).click_accesskit();
        h.run_steps(3);
        expand_all(&mut h);
        look(&h, dialog);
    }
    found
}

#[test]
fn the_marker_words_are_indonesian_words_of_the_window() {
    let m = markers();
    // From the Indonesian texts of the window…
    for w in ["tabel", "tahun", "simpan", "anggaran", "jumlah", "tutup", "batal"] {
        assert!(m.contains(w), "'{w}' is a marker");
    }
    // …but not the glossary terms the English texts keep, nor English words.
    for w in ["pagu", "realisasi", "sasaran", "kode", "iku", "renstra", "akip", "status", "target"] {
        assert!(!m.contains(w), "'{w}' is not a marker");
    }
}

#[test]
fn data_texts_are_taken_out_but_the_ui_words_around_them_stay() {
    let data = data_texts();
    let office = "Dinas Koperasi, Usaha Kecil dan Menengah Kota Bekasi";
    assert!(data.iter().any(|d| d == office), "the office's name is a data text");
    assert!(!without_data(&format!("Tabel: {office}"), &data).contains("Koperasi"));
    assert!(without_data(&format!("Tabel: {office}"), &data).contains("Tabel"));
    // `Nilai` is a satuan of the dataset and a word of the window.
    assert!(data.iter().any(|d| d == "Nilai"), "a single-word satuan");
    assert!(!without_data("Target: 75.8 Nilai", &data).contains("Nilai"));
    assert!(!without_data("Target 2024 (Nilai)", &data).contains("Nilai"));
    assert!(without_data("Nilai AKIP", &data).contains("Nilai"));
}

#[test]
fn the_english_window_in_review_mode_has_no_indonesian_text() {
    let found = indonesian_texts(Mode::Tinjau);
    assert!(
        found.is_empty(),
        "Indonesian texts in the English window:\n{}",
        found.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_english_window_in_edit_mode_has_no_indonesian_text() {
    let found = indonesian_texts(Mode::Sunting);
    assert!(
        found.is_empty(),
        "Indonesian texts in the English window:\n{}",
        found.into_iter().collect::<Vec<_>>().join("\n")
    );
}
