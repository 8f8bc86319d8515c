//! Axis ticks a head of office can read, shared by the window and the file renderer so that both
//! show the same values: 4 to 8 "nice" ticks (steps of 1, 2 or 5 times a power of ten), labels in
//! the language's number format with a compact unit (`Rp 1,2 M` / `Rp 1.2 B`, `86,06 %`), never a
//! single tick and never two equal labels; year axes with every year (or every other); category
//! names wrapped instead of cut.

use super::charts::Unit;
use crate::format::{compact, compact_scale, number, percent, rupiah_decimal, value, Lang};
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;

/// The fewest ticks an axis gets.
pub const MIN_TICKS: usize = 4;
/// The most ticks an axis gets.
pub const MAX_TICKS: usize = 8;

/// One labelled position on an axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub value: f64,
    pub label: String,
}

/// An axis: its shown range and its ticks (the first and last tick are the range's ends for value
/// axes).
#[derive(Clone, Debug, PartialEq)]
pub struct AxisTicks {
    pub min: f64,
    pub max: f64,
    /// The distance between two ticks.
    pub step: f64,
    pub ticks: Vec<Tick>,
    /// The compact unit of the labels (`M`, `jt`, `B`…), empty when the numbers are whole.
    pub suffix: &'static str,
}

impl AxisTicks {
    /// The label of the tick at `value` (within a thousandth of a step), if there is one.
    pub fn label_at(&self, value: f64) -> Option<&str> {
        let tolerance = self.step.abs() * 1e-3;
        self.ticks.iter().find(|t| (t.value - value).abs() <= tolerance).map(|t| t.label.as_str())
    }
}

/// The y range a chart shows before it is rounded out to whole ticks. The rule:
/// - amounts (Rp), counts and percentages start at 0 (a negative value extends the axis below
///   0), so that a height is proportional to its value: a one-point series of 1,05 % sits near the
///   top of 0–1,2 % and a 5 % rise over 1,00 % is a small step, not the whole chart;
/// - bars always start at 0, whatever their unit;
/// - other values (an AKIP score, an indicator in its own satuan) keep their own range, but it
///   spans at least a fifth of their magnitude around the data, so a flat or one-point series sits
///   in the middle of a sensible range and a 5 % rise fills at most a quarter of the axis (the
///   range does not go below 0 when no value does);
/// - the top gets 5 % headroom so that the highest point is not cut by the frame;
/// - no values at all: 0 to 1.
pub fn value_range(values: &[f64], unit: &Unit, bars: bool) -> (f64, f64) {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let Some(mut lo) = finite.iter().copied().reduce(f64::min) else {
        return (0.0, 1.0);
    };
    let Some(mut hi) = finite.iter().copied().reduce(f64::max) else {
        return (0.0, 1.0);
    };
    let zero_based = bars || unit.is_percent() || matches!(unit, Unit::Rupiah | Unit::Count);
    if zero_based {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    } else {
        let magnitude = lo.abs().max(hi.abs());
        let need = magnitude * 0.2;
        if hi - lo < need {
            let centre = (lo + hi) / 2.0;
            let non_negative = lo >= 0.0;
            lo = centre - need / 2.0;
            hi = centre + need / 2.0;
            if non_negative && lo < 0.0 {
                hi -= lo;
                lo = 0.0;
            }
        }
    }
    if hi - lo <= 0.0 {
        // Only zeros.
        return (0.0, 1.0);
    }
    if hi > 0.0 {
        hi += (hi - lo) * 0.05;
    }
    (lo, hi)
}

/// Nice ticks covering `lo..=hi`, labelled in `unit` and `lang`. The range is widened to whole
/// steps; an empty or zero-width range is widened around its value so that there are always at
/// least [`MIN_TICKS`] distinct labels.
pub fn value_ticks(lo: f64, hi: f64, unit: &Unit, lang: Lang) -> AxisTicks {
    let (mut lo, mut hi) = match (lo.is_finite(), hi.is_finite()) {
        (true, true) if lo <= hi => (lo, hi),
        (true, true) => (hi, lo),
        _ => (0.0, 1.0),
    };
    if hi - lo <= f64::EPSILON * lo.abs().max(hi.abs()).max(1.0) {
        let widen = if lo.abs() > 0.0 { lo.abs() * 0.1 } else { 1.0 };
        let non_negative = lo >= 0.0;
        lo -= widen;
        hi += widen;
        if non_negative && lo < 0.0 {
            lo = 0.0;
        }
    }
    // People come whole.
    let min_step = if matches!(unit, Unit::Count) { 1.0 } else { 0.0 };
    let (step, first, last) = pick_step(lo, hi, min_step);
    let values: Vec<f64> = (first..=last).map(|n| n as f64 * step).collect();
    let (labels, suffix) = labels(&values, step, unit, lang);
    AxisTicks {
        min: first as f64 * step,
        max: last as f64 * step,
        step,
        ticks: values.into_iter().zip(labels).map(|(value, label)| Tick { value, label }).collect(),
        suffix,
    }
}

/// The 1-2-5 step giving a tick count within [`MIN_TICKS`]..=[`MAX_TICKS`], closest to six; the
/// first and last tick as multiples of the step.
fn pick_step(lo: f64, hi: f64, min_step: f64) -> (f64, i64, i64) {
    let span = hi - lo;
    let exp = span.log10().floor() as i32;
    let mut best: Option<(usize, f64, i64, i64)> = None;
    for e in (exp - 2)..=(exp + 1) {
        for m in [1.0, 2.0, 5.0] {
            let step = m * 10f64.powi(e);
            if step < min_step {
                continue;
            }
            // A tolerance so that float noise (0.30000000000000004) does not add a tick.
            let first = (lo / step + 1e-9).floor() as i64;
            let last = (hi / step - 1e-9).ceil() as i64;
            let count = (last - first + 1).max(0) as usize;
            let fits = (MIN_TICKS..=MAX_TICKS).contains(&count);
            let score = if fits { count.abs_diff(6) } else { 100 + count.abs_diff(6) };
            if best.is_none_or(|(s, ..)| score < s) {
                best = Some((score, step, first, last));
            }
        }
    }
    match best {
        Some((score, step, first, last)) if score < 100 => (step, first, last),
        // Only a narrow count range: whole steps from the bottom, MIN_TICKS of them.
        _ => {
            let step = min_step.max(1.0);
            let first = (lo / step).floor() as i64;
            (step, first, first + MIN_TICKS as i64 - 1)
        }
    }
}

/// Labels with as many decimals as the step needs, and more while two of them read the same.
fn labels(values: &[f64], step: f64, unit: &Unit, lang: Lang) -> (Vec<String>, &'static str) {
    let magnitude = values.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    let scale = match unit {
        Unit::Rupiah => compact_scale(magnitude, lang),
        _ if unit.is_percent() => compact_scale(1.0, lang),
        // Counts and plain values read whole up to a million (`1.500` people), compact beyond.
        Unit::Count | Unit::Value { .. } if magnitude >= 1e6 => compact_scale(magnitude, lang),
        _ => compact_scale(1.0, lang),
    };
    let scaled_step = step / scale.divisor;
    let mut decimals = if scaled_step >= 1.0 { 0 } else { (-scaled_step.log10() - 1e-6).ceil().max(0.0) as u32 };
    loop {
        let out: Vec<String> = values.iter().map(|v| one_label(*v, scale, decimals, unit, lang)).collect();
        let mut sorted = out.clone();
        sorted.sort();
        sorted.dedup();
        if sorted.len() == out.len() || decimals >= 12 {
            return (out, scale.suffix);
        }
        decimals += 1;
    }
}

fn one_label(v: f64, scale: crate::format::CompactScale, decimals: u32, unit: &Unit, lang: Lang) -> String {
    // Zero reads as zero, not `0,0 M`.
    let zero = v.abs() < 1e-12 * scale.divisor.max(1.0);
    let n = if zero { "0".to_string() } else { compact(v, scale, decimals, lang) };
    match unit {
        Unit::Rupiah => format!("Rp {n}"),
        _ if unit.is_percent() => format!("{n} %"),
        Unit::Percent | Unit::Count | Unit::Value { .. } => n,
    }
}

/// Year ticks from `first` to `last`: every year, or every other (every fifth…) when more than
/// `max_labels` would not fit. A single year shows its neighbours too, so that the axis still
/// reads as years. The range reaches half a year beyond the ends so that points are not on the
/// frame.
pub fn year_ticks(first: i64, last: i64, max_labels: usize) -> AxisTicks {
    let (first, last) = if first <= last { (first, last) } else { (last, first) };
    let (first, last) = if first == last { (first - 1, last + 1) } else { (first, last) };
    let count = (last - first + 1) as usize;
    let max_labels = max_labels.max(2);
    let step = [1, 2, 5, 10, 20, 50, 100].into_iter().find(|s| count.div_ceil(*s) <= max_labels).unwrap_or(100);
    let ticks = (first..=last).step_by(step).map(|y| Tick { value: y as f64, label: y.to_string() }).collect();
    AxisTicks { min: first as f64 - 0.5, max: last as f64 + 0.5, step: step as f64, ticks, suffix: "" }
}

/// What the compact unit of an axis means, for its title: `M = miliar` / `B = billion`.
pub fn scale_note(axis: &AxisTicks, lang: Lang) -> Option<String> {
    let word = match (lang, axis.suffix) {
        (Lang::Id, "rb") => "ribu",
        (Lang::Id, "jt") => "juta",
        (Lang::Id, "M") => "miliar",
        (Lang::Id, "T") => "triliun",
        (Lang::En, "K") => "thousand",
        (Lang::En, "M") => "million",
        (Lang::En, "B") => "billion",
        (Lang::En, "T") => "trillion",
        _ => return None,
    };
    Some(format!("{} = {word}", axis.suffix))
}

/// A category name for an axis: wrapped at word boundaries into at most `max_lines` lines of
/// `max_chars`, the last line ending in `…` only when the name does not fit. The full name belongs
/// in the hover text.
pub fn wrap_label(text: &str, max_chars: usize, max_lines: usize) -> String {
    let max_chars = max_chars.max(4);
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut cut = false;
    // A leading kode (`1.`, `1.4.`) stays with the word after it: alone on a line it says nothing.
    let mut words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
    if words.len() > 1
        && words[0].ends_with('.')
        && words[0].chars().all(|c| c.is_ascii_digit() || c == '.')
        && words[0].chars().count() + 1 + words[1].chars().count() <= max_chars
    {
        let first = words.remove(0);
        words[0] = format!("{first} {}", words[0]);
    }
    for word in &words {
        let word = word.as_str();
        let fits = current.chars().count() + usize::from(!current.is_empty()) + word.chars().count() <= max_chars;
        if fits {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if lines.len() == max_lines {
            cut = true;
            break;
        }
        if word.chars().count() > max_chars {
            // A single overlong word is cut within its line.
            current = word.chars().take(max_chars - 1).collect::<String>() + "…";
        } else {
            current = word.to_string();
        }
    }
    if !current.is_empty() {
        if lines.len() == max_lines {
            cut = true;
        } else {
            lines.push(current);
        }
    }
    if cut {
        if let Some(last) = lines.last_mut() {
            let mut kept: String = last.chars().take(max_chars - 1).collect();
            kept = kept.trim_end().to_string();
            if !kept.ends_with('…') {
                kept.push('…');
            }
            *last = kept;
        }
    }
    lines.join("\n")
}

/// Category names without a first word that all of them share after their kode (`1. Program
/// Penunjang…`, `2. Program Pelayanan…` → `1. Penunjang…`, `2. Pelayanan…`): the axis title says it
/// once, and the words that tell the categories apart get the room.
pub fn distinct_categories(categories: &[String]) -> Vec<String> {
    fn split(c: &str) -> (&str, &str) {
        match c.split_once(". ") {
            Some((head, rest)) if !head.is_empty() && head.chars().all(|ch| ch.is_ascii_digit() || ch == '.') => {
                (&c[..head.len() + 2], rest)
            }
            _ => ("", c),
        }
    }
    let parts: Vec<(&str, &str)> = categories.iter().map(|c| split(c)).collect();
    let first_word = |rest: &str| rest.split_whitespace().next().map(str::to_lowercase);
    let shared = parts.first().and_then(|(_, r)| first_word(r));
    let all_share = categories.len() > 1
        && shared.is_some()
        && parts.iter().all(|(_, r)| first_word(r) == shared && r.split_whitespace().count() > 1);
    if !all_share {
        return categories.to_vec();
    }
    parts
        .iter()
        .map(|(head, rest)| {
            let tail = rest.trim_start().split_once(char::is_whitespace).map_or("", |(_, t)| t.trim_start());
            format!("{head}{tail}")
        })
        .collect()
}

/// A value in full for hover text, in the chart's unit, by the one rule for numbers a person
/// reads (`docs/computation.md`, Numbers as shown): `Rp 12.785.258.830` (sen only where the
/// amount has them), `86,06 %`, `41`, `75,80 Nilai`.
pub fn value_text(v: f64, unit: &Unit, lang: Lang) -> String {
    let d = Decimal::from_f64(v).unwrap_or_default();
    match unit {
        // The f64 of an amount is exact to the sen only: what lies below is the conversion's.
        Unit::Rupiah => rupiah_decimal(d.round_dp(2), lang),
        Unit::Percent => percent(d, lang),
        Unit::Count => number(d, 0, lang),
        Unit::Value { satuan, decimals } => format!("{} {satuan}", value(d, *decimals, lang)).trim_end().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels_of(a: &AxisTicks) -> Vec<&str> {
        a.ticks.iter().map(|t| t.label.as_str()).collect()
    }

    /// Between 4 and 8 ticks, all labels distinct, covering the range, evenly spaced.
    fn assert_readable(a: &AxisTicks, lo: f64, hi: f64) {
        let n = a.ticks.len();
        assert!((MIN_TICKS..=MAX_TICKS).contains(&n), "{n} ticks: {:?}", labels_of(a));
        let mut l = labels_of(a);
        l.sort();
        l.dedup();
        assert_eq!(l.len(), n, "repeated labels: {:?}", labels_of(a));
        // Within float noise of a millionth of a step.
        let eps = a.step * 1e-6;
        assert!(a.min <= lo + eps && a.max >= hi - eps, "{}..{} does not cover {lo}..{hi}", a.min, a.max);
        for w in a.ticks.windows(2) {
            assert!((w[1].value - w[0].value - a.step).abs() < a.step * 1e-6);
        }
    }

    #[test]
    fn a_small_percentage_gets_decimals_not_one_repeated_label() {
        // 0–1,05 %: step 0,2 → 0, 0,2 … 1,2 (seven ticks, one decimal).
        let a = value_ticks(0.0, 1.05, &Unit::Percent, Lang::Id);
        assert_readable(&a, 0.0, 1.05);
        assert_eq!(labels_of(&a), ["0 %", "0,2 %", "0,4 %", "0,6 %", "0,8 %", "1,0 %", "1,2 %"]);
        let a = value_ticks(0.0, 1.05, &Unit::Percent, Lang::En);
        assert_eq!(labels_of(&a)[1], "0.2 %");
        // A narrow band of 1,00–1,05 % needs two decimals: 1,00 1,01 … 1,05.
        let a = value_ticks(1.0, 1.05, &Unit::Percent, Lang::Id);
        assert_readable(&a, 1.0, 1.05);
        assert_eq!(labels_of(&a), ["1,00 %", "1,01 %", "1,02 %", "1,03 %", "1,04 %", "1,05 %"]);
        // Achievement up to 105 %: steps of 20.
        let a = value_ticks(0.0, 105.0, &Unit::Percent, Lang::Id);
        assert_eq!(labels_of(&a), ["0 %", "20 %", "40 %", "60 %", "80 %", "100 %", "120 %"]);
    }

    #[test]
    fn miliar_in_indonesian_is_billion_in_english() {
        // 0–12,8 miliar: step 2 miliar → 0 … 14 (eight ticks).
        let a = value_ticks(0.0, 12.8e9, &Unit::Rupiah, Lang::Id);
        assert_readable(&a, 0.0, 12.8e9);
        assert_eq!(labels_of(&a), ["Rp 0", "Rp 2 M", "Rp 4 M", "Rp 6 M", "Rp 8 M", "Rp 10 M", "Rp 12 M", "Rp 14 M"]);
        assert_eq!(scale_note(&a, Lang::Id).as_deref(), Some("M = miliar"));
        let a = value_ticks(0.0, 12.8e9, &Unit::Rupiah, Lang::En);
        assert_eq!(labels_of(&a)[1], "Rp 2 B");
        assert_eq!(scale_note(&a, Lang::En).as_deref(), Some("B = billion"));
        assert!(labels_of(&a).iter().all(|l| !l.ends_with(" M")), "{:?}", labels_of(&a));
        // 0–1,2 miliar: step 0,2 miliar with one decimal.
        let a = value_ticks(0.0, 1.2e9, &Unit::Rupiah, Lang::Id);
        assert_eq!(labels_of(&a), ["Rp 0", "Rp 0,2 M", "Rp 0,4 M", "Rp 0,6 M", "Rp 0,8 M", "Rp 1,0 M", "Rp 1,2 M"]);
        let a = value_ticks(0.0, 1.2e9, &Unit::Rupiah, Lang::En);
        assert_eq!(labels_of(&a)[6], "Rp 1.2 B");
        // Juta: the Indonesian `jt` is the English million `M`.
        let a = value_ticks(0.0, 45e6, &Unit::Rupiah, Lang::Id);
        assert_readable(&a, 0.0, 45e6);
        assert_eq!(labels_of(&a)[1], "Rp 10 jt");
        let a = value_ticks(0.0, 45e6, &Unit::Rupiah, Lang::En);
        assert_eq!(labels_of(&a)[1], "Rp 10 M");
        assert_eq!(scale_note(&a, Lang::En).as_deref(), Some("M = million"));
    }

    #[test]
    fn a_single_value_never_gets_a_single_tick() {
        for (v, unit) in [
            (4.9e9, Unit::Rupiah),
            (1.05, Unit::Percent),
            (0.0, Unit::Percent),
            (41.0, Unit::Count),
            (76.0, Unit::Value { satuan: "Nilai".into(), decimals: 2 }),
            (-3.0, Unit::Value { satuan: String::new(), decimals: 0 }),
        ] {
            for lang in [Lang::Id, Lang::En] {
                let a = value_ticks(v, v, &unit, lang);
                assert_readable(&a, v, v);
            }
        }
        // The old axis of the asset chart: one value of 4,94 miliar read `4,9 M` nine times.
        let a = value_ticks(4.90e9, 4.95e9, &Unit::Rupiah, Lang::Id);
        assert_readable(&a, 4.90e9, 4.95e9);
        assert_eq!(labels_of(&a)[0], "Rp 4,90 M");
    }

    #[test]
    fn counts_step_in_whole_people() {
        let a = value_ticks(0.0, 2.0, &Unit::Count, Lang::Id);
        assert_readable(&a, 0.0, 2.0);
        assert_eq!(labels_of(&a), ["0", "1", "2", "3"]);
        let a = value_ticks(0.0, 43.0, &Unit::Count, Lang::Id);
        assert_eq!(labels_of(&a), ["0", "10", "20", "30", "40", "50"]);
    }

    #[test]
    fn many_ranges_stay_readable() {
        let units = [Unit::Rupiah, Unit::Percent, Unit::Count, Unit::Value { satuan: "x".into(), decimals: 0 }];
        let mut checked = 0;
        for lo_exp in -3..13 {
            for m in [1.0, 1.3, 2.7, 4.9, 9.99] {
                let hi = m * 10f64.powi(lo_exp);
                for lo in [0.0, hi * 0.5, hi * 0.95, -hi] {
                    for unit in &units {
                        for lang in [Lang::Id, Lang::En] {
                            let a = value_ticks(lo, hi, unit, lang);
                            assert_readable(&a, lo, hi);
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert_eq!(checked, 16 * 5 * 4 * 4 * 2);
    }

    #[test]
    fn ranges_start_at_zero_for_amounts_and_stay_sensible_for_flat_values() {
        // A one-point percentage: 0 to 1,05 plus 5 % headroom.
        let (lo, hi) = value_range(&[1.05], &Unit::Percent, false);
        assert_eq!(lo, 0.0);
        assert!((hi - 1.1025).abs() < 1e-9);
        // Target 1,00 and realisation 1,05 on their own scale would fill the chart; from 0 the
        // rise is 5 % of the height.
        let (lo, hi) = value_range(&[1.0, 1.0, 1.05], &Unit::Percent, false);
        assert!((1.05 - 1.0) / (hi - lo) < 0.05);
        // A score of 76 alone: at least a fifth of 76 around it.
        let (lo, hi) = value_range(&[76.0], &Unit::Value { satuan: "Nilai".into(), decimals: 2 }, false);
        assert!(lo <= 76.0 - 7.6 + 1e-9 && hi >= 76.0 + 7.6 - 1e-9, "{lo}..{hi}");
        // A 5 % rise of a score fills at most about a quarter.
        let (lo, hi) = value_range(&[70.0, 73.5], &Unit::Value { satuan: "Nilai".into(), decimals: 2 }, false);
        assert!(3.5 / (hi - lo) <= 0.25, "{lo}..{hi}");
        // A wide score range keeps its own bounds (plus headroom).
        let (lo, _) = value_range(&[50.0, 100.0], &Unit::Value { satuan: "Nilai".into(), decimals: 2 }, false);
        assert_eq!(lo, 50.0);
        // Bars start at zero whatever the unit; a negative value extends below zero.
        assert_eq!(value_range(&[40.0, 60.0], &Unit::Value { satuan: "x".into(), decimals: 0 }, true).0, 0.0);
        assert_eq!(value_range(&[-5.0, 60.0], &Unit::Rupiah, false).0, -5.0);
        assert_eq!(value_range(&[], &Unit::Rupiah, false), (0.0, 1.0));
        assert_eq!(value_range(&[0.0, 0.0], &Unit::Count, false), (0.0, 1.0));
    }

    #[test]
    fn hovers_follow_the_one_rule_for_numbers() {
        // The hovers showed `43.9` and `9234188720`.
        assert_eq!(value_text(9_234_188_720.0, &Unit::Rupiah, Lang::Id), "Rp 9.234.188.720");
        assert_eq!(value_text(9_234_188_720.0, &Unit::Rupiah, Lang::En), "Rp 9,234,188,720");
        assert_eq!(value_text(4_939_925_171.19, &Unit::Rupiah, Lang::Id), "Rp 4.939.925.171,19");
        assert_eq!(value_text(43.9, &Unit::Percent, Lang::Id), "43,90 %");
        assert_eq!(value_text(100.0, &Unit::Percent, Lang::En), "100.00 %");
        assert_eq!(value_text(41.0, &Unit::Count, Lang::Id), "41");
        // Nilai AKIP: 70 beside 76,01 and 75,8 reads with two decimals, like its table.
        let score = Unit::Value { satuan: "Nilai".into(), decimals: 2 };
        assert_eq!(value_text(70.0, &score, Lang::Id), "70,00 Nilai");
        assert_eq!(value_text(75.8, &score, Lang::Id), "75,80 Nilai");
        let share = Unit::Value { satuan: "%".into(), decimals: 3 };
        assert_eq!(value_text(0.296, &share, Lang::Id), "0,296 %");
        assert_eq!(value_text(1.0, &share, Lang::En), "1.000 %");
        assert!(share.is_percent() && Unit::Percent.is_percent() && !score.is_percent());
    }

    #[test]
    fn every_year_is_labelled_or_every_other() {
        let a = year_ticks(2020, 2029, 12);
        assert_eq!(a.ticks.len(), 10);
        assert_eq!(a.ticks[0].label, "2020");
        assert_eq!(a.ticks[9].label, "2029");
        let a = year_ticks(2020, 2029, 6);
        assert_eq!(labels_of(&a), ["2020", "2022", "2024", "2026", "2028"]);
        // One year shows its neighbours.
        let a = year_ticks(2024, 2024, 10);
        assert_eq!(labels_of(&a), ["2023", "2024", "2025"]);
        assert!(a.min < 2023.0 && a.max > 2025.0);
    }

    #[test]
    fn long_names_wrap_and_are_cut_only_when_needed() {
        assert_eq!(wrap_label("Strata I", 12, 2), "Strata I");
        assert_eq!(
            wrap_label("Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 20, 3),
            "Penunjang Urusan\nPemerintahan Daerah\nKabupaten/Kota"
        );
        assert_eq!(
            wrap_label("Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 20, 2),
            "Penunjang Urusan\nPemerintahan Daerah…"
        );
        assert_eq!(wrap_label("Supercalifragilistic", 8, 2), "Superca…");
        // The kode stays with the first word.
        assert_eq!(wrap_label("1. Penunjang Urusan", 12, 3), "1. Penunjang\nUrusan");
    }

    #[test]
    fn a_first_word_every_category_shares_is_dropped() {
        let c = vec!["1. Program Penunjang Urusan".to_string(), "2. Program Pelayanan Izin".to_string()];
        assert_eq!(distinct_categories(&c), ["1. Penunjang Urusan", "2. Pelayanan Izin"]);
        let c = vec!["Nilai AKIP".to_string(), "Persentase Peningkatan".to_string()];
        assert_eq!(distinct_categories(&c), c);
        let c = vec!["1. Program".to_string(), "2. Program".to_string()];
        assert_eq!(distinct_categories(&c), c);
    }
}
