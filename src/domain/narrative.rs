//! The LKIP's own text: each section of the report is written by the office, per year, and kept
//! with its data. The document writers ask for a section's text by its [`SectionKey`]; the text
//! is plain paragraphs (see [`blocks`]) with references to figures of the data, which
//! `calc::narrative` resolves before the text is shown.

use super::Year;

/// One section of the report's text, for one office and year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NarrativeSection {
    pub year: Year,
    /// Where the text goes in the report: one of [`SectionKey`]'s keys.
    pub section: String,
    /// The text as the office wrote it: paragraphs separated by a blank line, with figure
    /// references.
    pub text: String,
}

/// The places of the report that hold the office's text, in the order of PermenPAN-RB 53/2014
/// as the reference report follows it. Sections about one indicator carry its code.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SectionKey {
    KataPengantar,
    IkhtisarEksekutif,
    /// Bab I A. Latar belakang.
    LatarBelakang,
    /// Bab I B. Tugas, fungsi, wewenang and resources (the staff and asset tables follow it).
    TugasFungsi,
    /// Bab I: aspek strategis / isu strategis of the organisation.
    AspekStrategis,
    /// Bab I C. Kegiatan dan layanan produk organisasi.
    KegiatanLayanan,
    /// Bab I D. Sistematika penyajian.
    Sistematika,
    /// Bab II A. Rencana strategis (before the Renstra tables).
    RencanaStrategis,
    /// Bab II B. Perjanjian kinerja (before the agreement table).
    PerjanjianKinerja,
    /// Bab III A. Capaian kinerja organisasi (before the capaian table).
    CapaianOrganisasi,
    /// Bab III B. analysis of one IKU, one part of it.
    Iku {
        indicator: String,
        part: IkuPart,
    },
    /// Bab III: prestasi dan penghargaan.
    Prestasi,
    /// Bab III C. Akuntabilitas anggaran (around the budget tables).
    AkuntabilitasAnggaran,
    /// Bab IV Penutup.
    Penutup,
}

/// The parts of an IKU's analysis in Bab III B (the comparisons of *Sistematika Penyajian*
/// that are prose; the tables and charts between them come from the data).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IkuPart {
    /// Capaian: target against realisation, against earlier years and the Renstra end target.
    Capaian,
    /// Comparison with national standards.
    StandarNasional,
    /// Obstacles (*kendala*) and causes of success or failure.
    Kendala,
    /// What was done about them (*upaya*, alternative solutions).
    Upaya,
    /// Supporting factors and programmes (*faktor pendukung*, programme analysis).
    Pendukung,
    /// Efficiency of the resources used.
    Efisiensi,
    /// Follow-up plan (*rencana tindak lanjut*).
    TindakLanjut,
}

impl IkuPart {
    pub const ALL: [IkuPart; 7] = [
        IkuPart::Capaian,
        IkuPart::StandarNasional,
        IkuPart::Kendala,
        IkuPart::Upaya,
        IkuPart::Pendukung,
        IkuPart::Efisiensi,
        IkuPart::TindakLanjut,
    ];

    pub fn code(self) -> &'static str {
        match self {
            IkuPart::Capaian => "capaian",
            IkuPart::StandarNasional => "standar-nasional",
            IkuPart::Kendala => "kendala",
            IkuPart::Upaya => "upaya",
            IkuPart::Pendukung => "pendukung",
            IkuPart::Efisiensi => "efisiensi",
            IkuPart::TindakLanjut => "tindak-lanjut",
        }
    }
}

impl SectionKey {
    /// The sections that do not belong to one indicator, in the report's order.
    pub const GENERAL: [SectionKey; 13] = [
        SectionKey::KataPengantar,
        SectionKey::IkhtisarEksekutif,
        SectionKey::LatarBelakang,
        SectionKey::TugasFungsi,
        SectionKey::AspekStrategis,
        SectionKey::KegiatanLayanan,
        SectionKey::Sistematika,
        SectionKey::RencanaStrategis,
        SectionKey::PerjanjianKinerja,
        SectionKey::CapaianOrganisasi,
        SectionKey::Prestasi,
        SectionKey::AkuntabilitasAnggaran,
        SectionKey::Penutup,
    ];

    /// The stable key stored and written to files: `kata-pengantar`, `iku:IKU1:kendala`.
    pub fn key(&self) -> String {
        let general = match self {
            SectionKey::KataPengantar => "kata-pengantar",
            SectionKey::IkhtisarEksekutif => "ikhtisar-eksekutif",
            SectionKey::LatarBelakang => "latar-belakang",
            SectionKey::TugasFungsi => "tugas-fungsi",
            SectionKey::AspekStrategis => "aspek-strategis",
            SectionKey::KegiatanLayanan => "kegiatan-layanan",
            SectionKey::Sistematika => "sistematika",
            SectionKey::RencanaStrategis => "rencana-strategis",
            SectionKey::PerjanjianKinerja => "perjanjian-kinerja",
            SectionKey::CapaianOrganisasi => "capaian-organisasi",
            SectionKey::Prestasi => "prestasi",
            SectionKey::AkuntabilitasAnggaran => "akuntabilitas-anggaran",
            SectionKey::Penutup => "penutup",
            SectionKey::Iku { indicator, part } => return format!("iku:{indicator}:{}", part.code()),
        };
        general.to_string()
    }

    /// The key read back from its stored text; `None` for a text that names no section.
    pub fn parse(key: &str) -> Option<SectionKey> {
        if let Some(rest) = key.strip_prefix("iku:") {
            let (indicator, part) = rest.rsplit_once(':')?;
            let part = IkuPart::ALL.into_iter().find(|p| p.code() == part)?;
            if indicator.is_empty() {
                return None;
            }
            return Some(SectionKey::Iku { indicator: indicator.to_string(), part });
        }
        SectionKey::GENERAL.into_iter().find(|s| s.key() == key)
    }
}

/// A block of a section's text as the documents lay it out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    /// Lines that start `1.` / `1)` / `a.`: a numbered list (the numbers as written).
    Numbered(Vec<(String, String)>),
    /// Lines that start `-` or `•`.
    Bullets(Vec<String>),
}

/// The blocks of a text: paragraphs are separated by blank lines; the lines of a paragraph are
/// joined with a space; a paragraph whose lines start with a list mark is a list, one item per
/// mark (a line without a mark continues the item before it).
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    for para in text.replace("\r\n", "\n").split("\n\n") {
        let lines: Vec<&str> = para.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        let Some(first) = lines.first() else { continue };
        if number_mark(first).is_some() {
            let mut items: Vec<(String, String)> = Vec::new();
            for line in &lines {
                match (number_mark(line), items.last_mut()) {
                    (Some((mark, rest)), _) => items.push((mark.to_string(), rest.to_string())),
                    (None, Some((_, item))) => {
                        item.push(' ');
                        item.push_str(line);
                    }
                    (None, None) => {}
                }
            }
            out.push(Block::Numbered(items));
        } else if bullet(first).is_some() {
            let mut items: Vec<String> = Vec::new();
            for line in &lines {
                match (bullet(line), items.last_mut()) {
                    (Some(rest), _) => items.push(rest.to_string()),
                    (None, Some(item)) => {
                        item.push(' ');
                        item.push_str(line);
                    }
                    (None, None) => {}
                }
            }
            out.push(Block::Bullets(items));
        } else {
            out.push(Block::Paragraph(lines.join(" ")));
        }
    }
    out
}

/// `1.`, `12)`, `a.` at the start of a line, followed by a space: the mark and the rest.
fn number_mark(line: &str) -> Option<(&str, &str)> {
    let end = line.find(['.', ')'])?;
    let (mark, rest) = line.split_at(end + 1);
    let digits = &mark[..end];
    let is_mark = (!digits.is_empty() && digits.len() <= 3 && digits.chars().all(|c| c.is_ascii_digit()))
        || (digits.len() == 1 && digits.chars().all(|c| c.is_ascii_lowercase()));
    let rest = rest.strip_prefix(' ')?;
    is_mark.then_some((mark, rest.trim_start()))
}

fn bullet(line: &str) -> Option<&str> {
    line.strip_prefix("- ").or_else(|| line.strip_prefix("• ")).map(str::trim_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back() {
        for s in SectionKey::GENERAL {
            assert_eq!(SectionKey::parse(&s.key()), Some(s.clone()));
        }
        let iku = SectionKey::Iku { indicator: "IKU1".into(), part: IkuPart::Kendala };
        assert_eq!(iku.key(), "iku:IKU1:kendala");
        assert_eq!(SectionKey::parse("iku:IKU1:kendala"), Some(iku));
        assert_eq!(SectionKey::parse("iku::kendala"), None);
        assert_eq!(SectionKey::parse("iku:IKU1:other"), None);
        assert_eq!(SectionKey::parse("bab-v"), None);
    }

    #[test]
    fn paragraphs_and_lists() {
        let text = "Perencanaan kinerja merupakan\nproses penyusunan.\n\n1. Kurangnya SDM yang menyusun\nDokumen SAKIP;\n2. Belum optimalnya pemeriksaan.\n\n- satu\n- dua\n\nAkhir.";
        assert_eq!(
            blocks(text),
            vec![
                Block::Paragraph("Perencanaan kinerja merupakan proses penyusunan.".into()),
                Block::Numbered(vec![
                    ("1.".into(), "Kurangnya SDM yang menyusun Dokumen SAKIP;".into()),
                    ("2.".into(), "Belum optimalnya pemeriksaan.".into()),
                ]),
                Block::Bullets(vec!["satu".into(), "dua".into()]),
                Block::Paragraph("Akhir.".into()),
            ]
        );
        // A year at the start of a sentence is no list mark.
        assert_eq!(blocks("2024. Tahun"), vec![Block::Paragraph("2024. Tahun".into())]);
        assert_eq!(blocks("a) butir"), vec![Block::Numbered(vec![("a)".into(), "butir".into())])]);
    }
}
