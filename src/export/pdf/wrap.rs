//! Breaking text into lines of a width. A line breaks only at a space, and never inside an
//! amount: `Rp` stays with the figure after it and `%` with the figure before it, so that
//! `Rp 12.785.258.830` and `86,06 %` always stand whole on one line.

/// The pieces of `text` between which a line may break, in order. Each piece is a word, or an
/// amount with its `Rp` and `%` joined to it by a space.
pub fn pieces(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut glue_next = false;
    for word in text.split([' ', '\t', '\n', '\r']).filter(|w| !w.is_empty()) {
        let joins_previous = glue_next || starts_with_percent(word);
        match out.last_mut() {
            Some(last) if joins_previous && starts_figure_or_percent(word) => {
                last.push(' ');
                last.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
        glue_next = is_currency(word);
    }
    out
}

/// `Rp`, `Rp.`, `(Rp`, `[hitung: Rp` …: a currency mark that belongs to the figure after it.
fn is_currency(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '[']);
    w.eq_ignore_ascii_case("rp") || w.eq_ignore_ascii_case("rp.")
}

fn starts_with_percent(word: &str) -> bool {
    word.starts_with('%')
}

fn starts_figure_or_percent(word: &str) -> bool {
    let w = word.trim_start_matches(['-', '−', '(']);
    w.starts_with(|c: char| c.is_ascii_digit()) || word.starts_with('%')
}

/// Whether a piece is a figure (an amount, a number, a percentage) that must never be cut.
pub fn is_figure(piece: &str) -> bool {
    piece.chars().any(|c| c.is_ascii_digit())
        && piece.split(' ').all(|w| is_currency(w) || w.chars().all(|c| c.is_ascii_digit() || ".,-−%()[]".contains(c)))
}

/// The lines of `text` at most `width` wide as `measure` measures them; explicit line breaks
/// are kept. A word wider than the line is cut after a `/` or `-` where it has one, else between
/// characters; a figure is never cut (its column is made wide enough for it).
pub fn wrap(text: &str, width: f32, measure: &dyn Fn(&str) -> f32) -> Vec<String> {
    let mut lines = Vec::new();
    let space = measure(" ");
    for para in text.split('\n') {
        let start = lines.len();
        let mut line = String::new();
        let mut line_width = 0.0;
        for piece in pieces(para) {
            let w = measure(&piece);
            if !line.is_empty() && line_width + space + w <= width {
                line.push(' ');
                line.push_str(&piece);
                line_width += space + w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if w <= width || is_figure(&piece) {
                line = piece;
                line_width = w;
            } else {
                let mut parts = cut(&piece, width, measure);
                let last = parts.pop().unwrap_or_default();
                lines.extend(parts);
                line_width = measure(&last);
                line = last;
            }
        }
        if !line.is_empty() || lines.len() == start {
            lines.push(line);
        }
    }
    lines
}

/// A word cut into parts of at most `width`: after `/` or `-` where possible.
fn cut(word: &str, width: f32, measure: &dyn Fn(&str) -> f32) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    // The last place in `current` after a `/` or `-`, where the word prefers to break.
    let mut soft: Option<usize> = None;
    for c in word.chars() {
        current.push(c);
        if measure(&current) > width && current.chars().count() > 1 {
            let at = soft.unwrap_or(current.len() - c.len_utf8());
            let rest = current.split_off(at);
            parts.push(std::mem::replace(&mut current, rest));
            soft = None;
        }
        if c == '/' || c == '-' {
            soft = Some(current.len());
        }
    }
    parts.push(current);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character 1 wide: widths are character counts.
    fn chars(s: &str) -> f32 {
        s.chars().count() as f32
    }

    #[test]
    fn amounts_are_single_pieces() {
        assert_eq!(
            pieces("TOTAL Rp 12.785.258.830 Rp 11.002.960.494"),
            ["TOTAL", "Rp 12.785.258.830", "Rp 11.002.960.494"]
        );
        assert_eq!(pieces("sebesar 86,06 % dari pagu"), ["sebesar", "86,06 %", "dari", "pagu"]);
        assert_eq!(pieces("[hitung: Rp 824.166.800]"), ["[hitung:", "Rp 824.166.800]"]);
        assert_eq!(pieces("(Rp. -5.000,50)"), ["(Rp. -5.000,50)"]);
        // `Rp` before a word is an ordinary word.
        assert_eq!(pieces("Rp dan"), ["Rp", "dan"]);
    }

    #[test]
    fn lines_break_between_pieces_only() {
        let text = "Realisasi anggaran Rp 824.166.800 atau 92,61 % dari pagu";
        for width in 10..60 {
            let lines = wrap(text, width as f32, &chars);
            let joined = lines.join("\n");
            assert!(joined.contains("Rp 824.166.800"), "width {width}: {joined}");
            assert!(joined.contains("92,61 %"), "width {width}: {joined}");
            for l in &lines {
                assert!(chars(l) <= width as f32 || is_figure(l), "width {width}: {l:?}");
            }
        }
        assert_eq!(wrap(text, 20.0, &chars), ["Realisasi anggaran", "Rp 824.166.800 atau", "92,61 % dari pagu"]);
    }

    #[test]
    fn a_figure_wider_than_the_line_stays_whole() {
        assert_eq!(wrap("Rp 12.785.258.830", 8.0, &chars), ["Rp 12.785.258.830"]);
    }

    #[test]
    fn long_words_break_after_a_slash_then_anywhere() {
        assert_eq!(wrap("Kabupaten/Kota", 11.0, &chars), ["Kabupaten/", "Kota"]);
        assert_eq!(wrap("abcdefghij", 4.0, &chars), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn explicit_breaks_and_empty_text() {
        assert_eq!(wrap("satu\ndua", 100.0, &chars), ["satu", "dua"]);
        assert_eq!(wrap("", 100.0, &chars), [""]);
    }
}
