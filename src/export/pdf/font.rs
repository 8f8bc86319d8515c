//! The document's two faces (DejaVu Sans and its bold, embedded in the binary): text measured
//! with their advance widths, and each face written into the PDF once, subset to the glyphs the
//! pages use, as a CID font whose CIDs are the subset's glyph ids.

use super::PdfError;
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use std::collections::BTreeMap;
use subsetter::GlyphRemapper;

const BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// Which face a text is set in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FontId {
    Regular,
    Bold,
}

/// Characters below this are looked up once, when the face is loaded (all of Latin-1 and
/// Latin Extended: every letter of Indonesian text); others each time they are measured.
const TABLE: usize = 0x250;

/// One face: its metrics for layout and, once pages are written, the glyphs they used.
pub struct Face {
    data: &'static [u8],
    face: ttf_parser::Face<'static>,
    /// The PostScript name, for the PDF's `BaseFont`.
    name: &'static str,
    units_per_em: f32,
    /// (glyph id, advance in font units) by character, for the first [`TABLE`] characters.
    table: Vec<(u16, u16)>,
    /// Glyphs used, in the order of first use; the subset's glyph ids are their positions.
    used: GlyphRemapper,
    /// The text of each subset glyph, for copying text out of the PDF.
    unicode: BTreeMap<u16, char>,
}

impl Face {
    fn load(data: &'static [u8], name: &'static str) -> Result<Face, PdfError> {
        let face = ttf_parser::Face::parse(data, 0).map_err(|e| PdfError::new(format!("font {name}: {e}")))?;
        let mut f = Face {
            data,
            units_per_em: f32::from(face.units_per_em().max(1)),
            face,
            name,
            table: Vec::new(),
            used: GlyphRemapper::new(),
            unicode: BTreeMap::new(),
        };
        f.table = (0..TABLE as u32).map(|c| char::from_u32(c).map(|c| f.lookup(c)).unwrap_or((0, 0))).collect();
        Ok(f)
    }

    fn lookup(&self, c: char) -> (u16, u16) {
        let gid = self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        (gid.0, self.face.glyph_hor_advance(gid).unwrap_or(0))
    }

    fn glyph(&self, c: char) -> (u16, u16) {
        match self.table.get(c as usize) {
            Some(g) => *g,
            None => self.lookup(c),
        }
    }

    /// The width of `text` at `size` points, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text.chars().map(|c| u32::from(self.glyph(c).1)).sum();
        units as f32 * size / self.units_per_em
    }

    /// The height above the baseline, as a fraction of the size.
    pub fn ascent(&self) -> f32 {
        f32::from(self.face.ascender()) / self.units_per_em
    }

    /// The depth below the baseline, as a positive fraction of the size.
    pub fn descent(&self) -> f32 {
        -f32::from(self.face.descender()) / self.units_per_em
    }

    /// The codes of `text` in the written font: two bytes per character, the subset glyph id.
    pub(super) fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let new = self.used.remap(self.glyph(c).0);
            self.unicode.entry(new).or_insert(c);
            out.extend_from_slice(&new.to_be_bytes());
        }
        out
    }

    /// Writes the face (font dictionaries, widths, the text map and the subset font program)
    /// as `font`, allocating further ids from `next`. Nothing is written for a face no page used.
    pub(super) fn write(&self, pdf: &mut Pdf, font: Ref, next: &mut impl FnMut() -> Ref) -> Result<(), PdfError> {
        let subset = subsetter::subset(self.data, 0, &self.used)
            .map_err(|e| PdfError::new(format!("font {}: subset: {e}", self.name)))?;
        // The six-letter tag names this subset: readers keep subsets of one font apart by it.
        let tag = subset_tag(self.used.remapped_gids());
        let base = format!("{tag}+{}", self.name);
        let (cid_id, descriptor_id, cmap_id, file_id) = (next(), next(), next(), next());
        let scale = 1000.0 / self.units_per_em;
        let system = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };

        pdf.type0_font(font)
            .base_font(Name(base.as_bytes()))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_id)
            .to_unicode(cmap_id);

        let widths: Vec<f32> = self
            .used
            .remapped_gids()
            .map(|old| f32::from(self.face.glyph_hor_advance(ttf_parser::GlyphId(old)).unwrap_or(0)) * scale)
            .collect();
        let mut cid = pdf.cid_font(cid_id);
        cid.subtype(CidFontType::Type2)
            .base_font(Name(base.as_bytes()))
            .system_info(system)
            .font_descriptor(descriptor_id)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        cid.widths().consecutive(0, widths);
        cid.finish();

        let bbox = self.face.global_bounding_box();
        let mut flags = FontFlags::NON_SYMBOLIC;
        if self.face.is_monospaced() {
            flags |= FontFlags::FIXED_PITCH;
        }
        pdf.font_descriptor(descriptor_id)
            .name(Name(base.as_bytes()))
            .flags(flags)
            .bbox(Rect::new(
                f32::from(bbox.x_min) * scale,
                f32::from(bbox.y_min) * scale,
                f32::from(bbox.x_max) * scale,
                f32::from(bbox.y_max) * scale,
            ))
            .italic_angle(0.0)
            .ascent(f32::from(self.face.ascender()) * scale)
            .descent(f32::from(self.face.descender()) * scale)
            .cap_height(f32::from(self.face.capital_height().unwrap_or(self.face.ascender())) * scale)
            .stem_v(if self.face.is_bold() { 120.0 } else { 80.0 })
            .font_file2(file_id);

        let mut cmap = UnicodeCmap::new(Name(b"Custom"), system);
        for (gid, c) in &self.unicode {
            cmap.pair(*gid, *c);
        }
        pdf.cmap(cmap_id, &cmap.finish());

        let packed = super::write::deflate(&subset);
        pdf.stream(file_id, &packed).filter(Filter::FlateDecode).pair(Name(b"Length1"), subset.len() as i32);
        Ok(())
    }

    /// Whether any page set text in this face.
    pub(super) fn is_used(&self) -> bool {
        self.used.num_gids() > 1
    }
}

/// Six capital letters derived from the glyph set (FNV-1a), as PDF 1.7 § 9.6.4 asks of a subset's
/// name.
fn subset_tag(glyphs: impl Iterator<Item = u16>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for g in glyphs {
        for b in g.to_be_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    (0..6)
        .map(|_| {
            let c = char::from(b'A' + (h % 26) as u8);
            h /= 26;
            c
        })
        .collect()
}

/// The regular and the bold face.
pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    pub fn load() -> Result<Fonts, PdfError> {
        Ok(Fonts {
            regular: Face::load(crate::embedded::FONT_TTF, "DejaVuSans")?,
            bold: Face::load(BOLD_TTF, "DejaVuSans-Bold")?,
        })
    }

    pub fn get(&self, id: FontId) -> &Face {
        match id {
            FontId::Regular => &self.regular,
            FontId::Bold => &self.bold,
        }
    }

    pub(super) fn get_mut(&mut self, id: FontId) -> &mut Face {
        match id {
            FontId::Regular => &mut self.regular,
            FontId::Bold => &mut self.bold,
        }
    }

    /// The width of `text` in `font` at `size` points.
    pub fn width(&self, font: FontId, text: &str, size: f32) -> f32 {
        self.get(font).width(text, size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        let f = Fonts::load().unwrap();
        // DejaVu Sans: 2048 units per em; a digit advances 1303 units, a space 651.
        let digit = f.width(FontId::Regular, "0", 10.0);
        assert!((digit - 1303.0 * 10.0 / 2048.0).abs() < 1e-3, "{digit}");
        assert!((f.width(FontId::Regular, "00 0", 10.0) - (3.0 * 1303.0 + 651.0) * 10.0 / 2048.0).abs() < 1e-3);
        assert!(f.width(FontId::Bold, "Rp 1.234", 8.0) > f.width(FontId::Regular, "Rp 1.234", 8.0));
        // A character beyond the preloaded table is measured too.
        assert!(f.width(FontId::Regular, "≥", 10.0) > 0.0);
    }

    #[test]
    fn codes_are_subset_glyph_ids_in_order_of_first_use() {
        let mut f = Fonts::load().unwrap();
        assert!(!f.regular.is_used());
        assert_eq!(f.regular.encode("aba"), vec![0, 1, 0, 2, 0, 1]);
        assert!(f.regular.is_used());
        assert_eq!(f.regular.unicode.get(&2), Some(&'b'));
        let tag = subset_tag(f.regular.used.remapped_gids());
        assert!(tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()), "{tag}");
    }
}
