//! Which column feeds which field: headings matched by name (case, spacing and punctuation
//! ignored) against lists of synonyms, and the header row found below any title rows.

use super::sheet::{Cell, Sheet};
use crate::domain::BudgetColumn;
use crate::format::Lang;

/// A field the file can feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Kode,
    Uraian,
    PaguMurni,
    PaguPerubahan,
    Realisasi,
}

impl Target {
    pub const ALL: [Target; 5] =
        [Target::Kode, Target::Uraian, Target::PaguMurni, Target::PaguPerubahan, Target::Realisasi];

    /// The amount targets, in the order of the budget's columns.
    pub const AMOUNTS: [Target; 3] = [Target::PaguMurni, Target::PaguPerubahan, Target::Realisasi];

    /// The name used on the command line (`--map realisasi=…`).
    pub fn code(self) -> &'static str {
        match self {
            Target::Kode => "kode",
            Target::Uraian => "uraian",
            Target::PaguMurni => "pagu_murni",
            Target::PaguPerubahan => "pagu_perubahan",
            Target::Realisasi => "realisasi",
        }
    }

    /// From its code; `-` and `_` are interchangeable (`pagu-murni`).
    pub fn from_code(code: &str) -> Option<Target> {
        let code = code.trim().to_lowercase().replace('-', "_");
        Target::ALL.into_iter().find(|t| t.code() == code)
    }

    /// The name shown to the user.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Target::Kode => "Kode",
            Target::Uraian => lang.pick("Uraian", "Uraian (name)"),
            Target::PaguMurni => lang.pick("Pagu murni", "Pagu murni (original)"),
            Target::PaguPerubahan => lang.pick("Pagu perubahan", "Pagu perubahan (revised)"),
            Target::Realisasi => lang.pick("Realisasi", "Realisasi (spent)"),
        }
    }

    fn index(self) -> usize {
        match self {
            Target::Kode => 0,
            Target::Uraian => 1,
            Target::PaguMurni => 2,
            Target::PaguPerubahan => 3,
            Target::Realisasi => 4,
        }
    }

    /// The budget line's money column an amount target writes.
    pub fn budget_column(self) -> Option<BudgetColumn> {
        match self {
            Target::PaguMurni => Some(BudgetColumn::PaguMurni),
            Target::PaguPerubahan => Some(BudgetColumn::PaguPerubahan),
            Target::Realisasi => Some(BudgetColumn::Realisasi),
            Target::Kode | Target::Uraian => None,
        }
    }
}

/// What a heading says it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadingKind {
    Target(Target),
    /// "Pagu", "Anggaran": the pagu, without saying which.
    GenericPagu,
}

const KODE: &[&str] = &[
    "kode",
    "kd",
    "code",
    "koderekening",
    "koderek",
    "kdrek",
    "kodeakun",
    "kodeanggaran",
    "norekening",
    "nomorrekening",
    "norek",
    "kodeprogram",
    "kodekegiatan",
    "kodesubkegiatan",
    "kodeprogramkegiatan",
    "kodeprogramkegiatansubkegiatan",
    "kodeurusanprogramkegiatansubkegiatan",
];
const URAIAN: &[&str] = &[
    "uraian",
    "nama",
    "name",
    "description",
    "nomenklatur",
    "programkegiatan",
    "programkegiatansubkegiatan",
    "uraianprogramkegiatansubkegiatan",
    "namaprogramkegiatansubkegiatan",
    "nomenklaturprogramkegiatansubkegiatan",
    "uraianprogram",
    "uraiankegiatan",
    "namaprogram",
    "namakegiatan",
    "uraianrekening",
    "namarekening",
];
const PAGU_MURNI: &[&str] = &[
    "pagumurni",
    "anggaranmurni",
    "apbdmurni",
    "paguinduk",
    "anggaraninduk",
    "apbdinduk",
    "paguawal",
    "anggaranawal",
    "pagusebelumperubahan",
    "anggaransebelumperubahan",
    "apbdsebelumperubahan",
];
const PAGU_PERUBAHAN: &[&str] = &[
    "paguperubahan",
    "anggaranperubahan",
    "apbdperubahan",
    "apbdp",
    "papbd",
    "pagusetelahperubahan",
    "anggaransetelahperubahan",
    "apbdsetelahperubahan",
];
const PAGU: &[&str] = &[
    "pagu",
    "anggaran",
    "budget",
    "paguanggaran",
    "jumlahanggaran",
    "nilaianggaran",
    "totalanggaran",
    "jumlahpagu",
    "paguakhir",
    "anggaranakhir",
];
const REALISASI: &[&str] = &[
    "realisasi",
    "realisasianggaran",
    "realisasikeuangan",
    "realisasibelanja",
    "jumlahrealisasi",
    "totalrealisasi",
    "realisation",
    "realization",
    "spending",
];

/// A heading reduced to its words, lower case, without spaces or punctuation, and without the
/// words that only qualify it: a currency (`Rp`) or a year (`Pagu 2024`).
pub fn normalize_heading(heading: &str) -> String {
    heading
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "rp" | "rupiah" | "idr") && !w.bytes().all(|b| b.is_ascii_digit()))
        .collect()
}

/// What a heading holds, if it is one Kinerja knows.
pub fn classify_heading(heading: &str) -> Option<HeadingKind> {
    // "Realisasi (%)" is a percentage, not an amount.
    if heading.contains('%') {
        return None;
    }
    let n = normalize_heading(heading);
    if n.is_empty() {
        return None;
    }
    let is = |list: &[&str]| list.contains(&n.as_str());
    Some(if is(KODE) {
        HeadingKind::Target(Target::Kode)
    } else if is(URAIAN) {
        HeadingKind::Target(Target::Uraian)
    } else if is(PAGU_MURNI) {
        HeadingKind::Target(Target::PaguMurni)
    } else if is(PAGU_PERUBAHAN) {
        HeadingKind::Target(Target::PaguPerubahan)
    } else if is(REALISASI) {
        HeadingKind::Target(Target::Realisasi)
    } else if is(PAGU) {
        HeadingKind::GenericPagu
    } else {
        return None;
    })
}

/// Each target's column (0 = A), or none. A plain value: the window and the command line show
/// it and let the user change it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Mapping {
    columns: [Option<usize>; 5],
}

impl Mapping {
    pub fn get(&self, target: Target) -> Option<usize> {
        self.columns[target.index()]
    }

    pub fn set(&mut self, target: Target, column: Option<usize>) {
        self.columns[target.index()] = column;
    }

    /// Whether any amount target has a column.
    pub fn has_amount(&self) -> bool {
        Target::AMOUNTS.iter().any(|t| self.get(*t).is_some())
    }

    /// The mapping the headings suggest; the first column wins when two say the same. A generic
    /// pagu ("Pagu", "Anggaran") feeds pagu perubahan when `generic_is_perubahan` (the year's
    /// lines have perubahan amounts) or pagu murni has its own column, otherwise pagu murni.
    pub fn detect(headings: &[String], generic_is_perubahan: bool) -> Mapping {
        let mut m = Mapping::default();
        let mut generic = None;
        for (i, h) in headings.iter().enumerate() {
            match classify_heading(h) {
                Some(HeadingKind::Target(t)) if m.get(t).is_none() => m.set(t, Some(i)),
                Some(HeadingKind::GenericPagu) if generic.is_none() => generic = Some(i),
                _ => {}
            }
        }
        if let Some(col) = generic {
            let murni_free = m.get(Target::PaguMurni).is_none();
            let perubahan_free = m.get(Target::PaguPerubahan).is_none();
            if perubahan_free && (generic_is_perubahan || !murni_free) {
                m.set(Target::PaguPerubahan, Some(col));
            } else if murni_free {
                m.set(Target::PaguMurni, Some(col));
            }
        }
        m
    }
}

/// How well a row reads as the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum HeaderFit {
    /// No heading recognised.
    None,
    /// Some headings, but not a kode column together with an amount column.
    Partial,
    /// A kode column and at least one amount column.
    Full,
}

/// The header found in a sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    /// 0-based index of the header row.
    pub row: usize,
    /// 0-based index of the first row after the header (two rows when a second header row
    /// splits a merged heading, e.g. "Anggaran" over "Murni" and "Perubahan").
    pub data_start: usize,
    /// One heading per column (empty where the column has none).
    pub headings: Vec<String>,
    pub fit: HeaderFit,
}

/// Rows searched for the header: title rows above it are common, but not this many.
const HEADER_SEARCH_ROWS: usize = 20;

fn row_headings(sheet: &Sheet, row: usize) -> Vec<String> {
    sheet.rows.get(row).map(|r| r.iter().map(heading_text).collect()).unwrap_or_default()
}

fn heading_text(c: &Cell) -> String {
    match c {
        Cell::Text(t) => t.split_whitespace().collect::<Vec<_>>().join(" "),
        // Numbers are data, never headings.
        _ => String::new(),
    }
}

fn fit(headings: &[String]) -> (HeaderFit, usize) {
    let kinds: Vec<HeadingKind> = headings.iter().filter_map(|h| classify_heading(h)).collect();
    let specific = kinds.iter().filter(|k| matches!(k, HeadingKind::Target(_))).count();
    let kode = kinds.contains(&HeadingKind::Target(Target::Kode));
    let amount = kinds.iter().any(|k| match k {
        HeadingKind::Target(t) => Target::AMOUNTS.contains(t),
        HeadingKind::GenericPagu => true,
    });
    let f = if kode && amount {
        HeaderFit::Full
    } else if kinds.is_empty() {
        HeaderFit::None
    } else {
        HeaderFit::Partial
    };
    (f, specific)
}

/// The headings of `row` combined with a second header row below it: a heading merged across
/// columns sits in its first column only, so a sub-heading takes the nearest heading to its left.
fn combined_headings(sheet: &Sheet, row: usize) -> Vec<String> {
    let top = row_headings(sheet, row);
    let sub = row_headings(sheet, row + 1);
    let width = top.len().max(sub.len());
    let mut out = Vec::with_capacity(width);
    let mut last = String::new();
    for i in 0..width {
        let t = top.get(i).cloned().unwrap_or_default();
        if !t.is_empty() {
            last = t.clone();
        }
        let s = sub.get(i).cloned().unwrap_or_default();
        out.push(match (t.is_empty(), s.is_empty()) {
            (_, true) => t,
            (true, false) => format!("{last} {s}"),
            (false, false) => format!("{t} {s}"),
        });
    }
    out
}

/// The header row: the first of the first 20 non-empty rows with a kode and an amount heading;
/// failing that the first with any known heading, failing that the first non-empty row (the
/// user can still choose the columns).
pub fn find_header(sheet: &Sheet) -> Header {
    let candidates: Vec<usize> =
        (0..sheet.rows.len()).filter(|r| !sheet.row_is_empty(*r)).take(HEADER_SEARCH_ROWS).collect();
    let mut best: Option<(HeaderFit, usize)> = None;
    for &r in &candidates {
        let (f, _) = fit(&row_headings(sheet, r));
        if best.is_none_or(|(bf, _)| f > bf) {
            best = Some((f, r));
        }
        if f == HeaderFit::Full {
            break;
        }
    }
    let Some((f, row)) = best else {
        return Header { row: 0, data_start: 0, headings: Vec::new(), fit: HeaderFit::None };
    };
    let single = row_headings(sheet, row);
    let combined = combined_headings(sheet, row);
    let (_, single_specific) = fit(&single);
    let (combined_fit, combined_specific) = fit(&combined);
    let (headings, data_start, f) = if combined_fit >= f && combined_specific > single_specific {
        (combined, row + 2, combined_fit)
    } else {
        (single, row + 1, f)
    };
    Header { row, data_start, headings, fit: f }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::sheet::SheetSource;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            source: SheetSource::Csv { delimiter: ';' },
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| if c.is_empty() { Cell::Empty } else { Cell::Text(c.to_string()) }).collect())
                .collect(),
        }
    }

    #[test]
    fn headings_ignore_case_spacing_punctuation_and_qualifiers() {
        use HeadingKind::*;
        for (h, k) in [
            ("Kode", Target(super::Target::Kode)),
            ("KODE REKENING", Target(super::Target::Kode)),
            ("Kode Program/Kegiatan/Sub Kegiatan", Target(super::Target::Kode)),
            ("No. Rekening", Target(super::Target::Kode)),
            ("Program / Kegiatan / Sub-Kegiatan", Target(super::Target::Uraian)),
            ("Nomenklatur", Target(super::Target::Uraian)),
            ("APBD Murni", Target(super::Target::PaguMurni)),
            ("APBD-P", Target(super::Target::PaguPerubahan)),
            ("Anggaran Setelah Perubahan", Target(super::Target::PaguPerubahan)),
            ("Pagu Anggaran 2024 (Rp)", GenericPagu),
            ("Realisasi (Rp)", Target(super::Target::Realisasi)),
            ("  realisasi   anggaran ", Target(super::Target::Realisasi)),
        ] {
            assert_eq!(classify_heading(h), Some(k), "{h}");
        }
        for h in ["No", "Realisasi (%)", "Sisa Anggaran", "Persentase Realisasi", "", "Keterangan"] {
            assert_eq!(classify_heading(h), None, "{h}");
        }
    }

    #[test]
    fn generic_pagu_follows_the_year() {
        let h = s(&["Kode", "Uraian", "Pagu", "Realisasi"]);
        assert_eq!(Mapping::detect(&h, true).get(Target::PaguPerubahan), Some(2));
        assert_eq!(Mapping::detect(&h, false).get(Target::PaguMurni), Some(2));
        let h = s(&["Kode", "Pagu Murni", "Anggaran", "Realisasi"]);
        let m = Mapping::detect(&h, false);
        assert_eq!((m.get(Target::PaguMurni), m.get(Target::PaguPerubahan)), (Some(1), Some(2)));
        let m = Mapping::detect(&s(&["Uraian", "Realisasi", "Realisasi"]), true);
        assert_eq!((m.get(Target::Kode), m.get(Target::Realisasi)), (None, Some(1)));
    }

    #[test]
    fn header_below_titles_and_split_headings() {
        let sh = sheet(&[
            &["PEMERINTAH KOTA BEKASI"],
            &["Laporan Realisasi Anggaran 2024"],
            &[],
            &["Kode", "Uraian", "Anggaran", "", "Realisasi"],
            &["", "", "Murni", "Perubahan", ""],
            &["1", "Program", "1.000", "2.000", "500"],
        ]);
        let h = find_header(&sh);
        assert_eq!((h.row, h.data_start, h.fit), (3, 5, HeaderFit::Full));
        assert_eq!(h.headings[2], "Anggaran Murni");
        assert_eq!(h.headings[3], "Anggaran Perubahan");
        let m = Mapping::detect(&h.headings, false);
        assert_eq!((m.get(Target::PaguMurni), m.get(Target::PaguPerubahan)), (Some(2), Some(3)));

        // A data row under the header is not a second header row.
        let sh = sheet(&[&["Kode", "Uraian", "Pagu"], &["1", "Program Satu", "1.000"]]);
        let h = find_header(&sh);
        assert_eq!((h.row, h.data_start), (0, 1));
    }

    #[test]
    fn partial_header_when_kode_is_missing() {
        let sh = sheet(&[&["Judul"], &["Uraian", "Pagu", "Realisasi"], &["x", "1", "2"]]);
        let h = find_header(&sh);
        assert_eq!((h.row, h.fit), (1, HeaderFit::Partial));
    }
}
