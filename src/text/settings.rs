//! The office's computation settings in words: what each is set to, and why a value is refused
//! (the window's settings form and `kinerja settings` say the same).

use super::tr;
use crate::calc::settings::{SettingError, Settings, KEYS, KEY_BANDS, KEY_CAP, KEY_EFFICIENCY, KEY_FLOOR};
use crate::format::{self, Lang};
use rust_decimal::Decimal;

/// The name of a setting; an unknown key is shown as written.
pub fn setting_label(key: &str, lang: Lang) -> String {
    match key {
        KEY_CAP => lang.pick("Batas atas capaian", "Capaian cap"),
        KEY_FLOOR => lang.pick("Capaian negatif", "Negative capaian"),
        KEY_EFFICIENCY => lang.pick("Efisiensi", "Efficiency"),
        KEY_BANDS => lang.pick("Pita status capaian", "Capaian status bands"),
        other => other,
    }
    .to_string()
}

/// What a setting is set to, in words; empty for an unknown key.
pub fn setting_value(s: &Settings, key: &str, lang: Lang) -> String {
    match key {
        KEY_CAP => {
            s.capaian_cap.map(|c| format::percent(c, lang)).unwrap_or_else(|| lang.pick("tidak ada", "none").into())
        }
        KEY_FLOOR => floor_text(s.negative_capaian, lang).into(),
        KEY_EFFICIENCY => super::efficiency_rule(s.efficiency, lang),
        KEY_BANDS => bands_text(&s.bands.0, lang),
        _ => String::new(),
    }
}

/// Whether a negative capaian is kept, in words.
pub fn floor_text(negative: bool, lang: Lang) -> &'static str {
    if negative {
        lang.pick("dicetak apa adanya (tanpa batas bawah 0)", "printed as such (no floor at 0)")
    } else {
        lang.pick("dihitung 0 (tidak pernah di bawah 0)", "counted as 0 (never below 0)")
    }
}

fn bands_text(b: &[Decimal; 4], lang: Lang) -> String {
    let names: [&str; 4] = if lang == Lang::Id {
        ["sangat tinggi", "tinggi", "sedang", "rendah"]
    } else {
        ["very high", "high", "medium", "low"]
    };
    let mut parts: Vec<String> =
        names.iter().zip(b).map(|(n, v)| format!("{n} ≥ {}", format::decimal(*v, lang))).collect();
    parts.push(format!("{} < {}", lang.pick("sangat rendah", "very low"), format::decimal(b[3], lang)));
    parts.join("; ")
}

/// Why a value was refused, as the window's form says it.
pub fn setting_error(e: &SettingError, lang: Lang) -> String {
    let what = match e.key.as_str() {
        KEY_CAP => {
            lang.pick("Batas atas capaian harus angka ≥ 100 atau kosong", "The cap must be a number ≥ 100, or empty")
        }
        KEY_EFFICIENCY => lang.pick("Margin harus angka ≥ 0", "The margin must be a number ≥ 0"),
        KEY_FLOOR => lang.pick(
            "Batas bawah capaian harus zero (tidak pernah di bawah 0) atau none (capaian negatif dicetak)",
            "The capaian floor must be zero (never below 0) or none (a negative capaian is printed)",
        ),
        KEY_BANDS => lang.pick(
            "Pita status harus empat angka yang menurun, mis. 91, 76, 66, 51",
            "Bands must be four falling numbers, e.g. 91, 76, 66, 51",
        ),
        key => {
            return tr!(
                lang,
                "Pengaturan '{key}' tidak dikenal; pengaturan yang ada: {}.",
                "Unknown setting '{key}'; the settings: {}.",
                KEYS.join(", ")
            )
        }
    };
    format!("{what} ('{}').", e.value)
}

/// How a setting's value is written where it is typed as one text (the command line, the
/// stored form); empty for an unknown key.
pub fn setting_syntax(key: &str, lang: Lang) -> &'static str {
    match key {
        KEY_CAP => lang.pick(
            "angka ≥ 100 (koma atau titik desimal), mis. 120, atau \"\" untuk tanpa batas",
            "a number ≥ 100 (decimal comma or point), e.g. 120, or \"\" for no cap",
        ),
        KEY_FLOOR => lang.pick("zero atau none", "zero or none"),
        KEY_EFFICIENCY => lang.pick(
            "capaian_above_serapan, atau margin:N dengan N angka ≥ 0, mis. margin:5",
            "capaian_above_serapan, or margin:N with N a number ≥ 0, e.g. margin:5",
        ),
        KEY_BANDS => lang.pick(
            "empat angka menurun dipisah koma (titik desimal), mis. 91,76,66,51",
            "four falling numbers separated by commas (decimal point), e.g. 91,76,66,51",
        ),
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_is_worded_in_both_languages() {
        let s = Settings::default();
        for key in KEYS {
            for lang in [Lang::Id, Lang::En] {
                assert_ne!(setting_label(key, lang), key, "{key}");
                assert!(!setting_value(&s, key, lang).is_empty(), "{key}");
                assert!(!setting_syntax(key, lang).is_empty(), "{key}");
            }
            assert_ne!(setting_syntax(key, Lang::Id), setting_syntax(key, Lang::En), "{key}");
        }
        assert_eq!(setting_value(&s, KEY_CAP, Lang::En), "none");
    }

    #[test]
    fn an_unknown_key_names_the_known_ones() {
        let e = Settings::default().apply("capaian_max", "5").unwrap_err();
        let id = setting_error(&e, Lang::Id);
        let en = setting_error(&e, Lang::En);
        assert_eq!(
            id,
            "Pengaturan 'capaian_max' tidak dikenal; pengaturan yang ada: capaian_cap, capaian_floor, efficiency_rule, status_bands."
        );
        assert!(en.starts_with("Unknown setting 'capaian_max'; the settings: capaian_cap,"), "{en}");
        let e = Settings::default().apply(KEY_CAP, "90").unwrap_err();
        assert_eq!(setting_error(&e, Lang::En), "The cap must be a number ≥ 100, or empty ('90').");
    }
}
