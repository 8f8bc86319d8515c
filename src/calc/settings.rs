//! Per-office settings of the achievement engine, with documented defaults.

use super::efficiency::EfficiencyRule;
use rust_decimal::Decimal;
use std::str::FromStr;

/// A status band of capaian, used for colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    SangatRendah,
    Rendah,
    Sedang,
    Tinggi,
    SangatTinggi,
}

impl Status {
    pub fn text(self) -> &'static str {
        match self {
            Status::SangatTinggi => "sangat tinggi",
            Status::Tinggi => "tinggi",
            Status::Sedang => "sedang",
            Status::Rendah => "rendah",
            Status::SangatRendah => "sangat rendah",
        }
    }
    pub fn text_en(self) -> &'static str {
        match self {
            Status::SangatTinggi => "very high",
            Status::Tinggi => "high",
            Status::Sedang => "medium",
            Status::Rendah => "low",
            Status::SangatRendah => "very low",
        }
    }
}

/// Lower bounds (inclusive, in % capaian) of the bands sangat tinggi, tinggi, sedang, rendah;
/// below the last is sangat rendah. Default: the scale of Permendagri 86/2017
/// (≥ 91, 76–90, 66–75, 51–65, ≤ 50).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusBands(pub [Decimal; 4]);

impl Default for StatusBands {
    fn default() -> Self {
        StatusBands([Decimal::from(91), Decimal::from(76), Decimal::from(66), Decimal::from(51)])
    }
}

impl StatusBands {
    pub fn status(&self, capaian: Decimal) -> Status {
        let [st, t, s, r] = self.0;
        if capaian >= st {
            Status::SangatTinggi
        } else if capaian >= t {
            Status::Tinggi
        } else if capaian >= s {
            Status::Sedang
        } else if capaian >= r {
            Status::Rendah
        } else {
            Status::SangatRendah
        }
    }
}

/// The engine's settings for one office.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Settings {
    /// Upper limit of capaian in %, off by default.
    pub capaian_cap: Option<Decimal>,
    /// Whether a negative capaian is kept (the office's report prints it) instead of 0.
    pub negative_capaian: bool,
    pub efficiency: EfficiencyRule,
    pub bands: StatusBands,
}

/// A setting value that could not be read.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("setting '{key}': '{value}' — {expected}")]
pub struct SettingError {
    pub key: String,
    pub value: String,
    pub expected: String,
}

pub const KEY_CAP: &str = "capaian_cap";
pub const KEY_EFFICIENCY: &str = "efficiency_rule";
pub const KEY_BANDS: &str = "status_bands";
pub const KEY_FLOOR: &str = "capaian_floor";
/// Every setting, in the order the settings screen and `kinerja settings` show them.
pub const KEYS: [&str; 4] = [KEY_CAP, KEY_FLOOR, KEY_EFFICIENCY, KEY_BANDS];

/// A number as a person types it (the window's form, the command line): a decimal comma is
/// read as the stored decimal point.
pub fn typed_number(value: &str) -> String {
    value.trim().replace(',', ".")
}

impl Settings {
    /// The limits on a computed capaian.
    pub fn limits(&self) -> super::capaian::Limits {
        super::capaian::Limits { negative_allowed: self.negative_capaian, cap: self.capaian_cap }
    }

    /// Key/value form for storage.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        vec![
            (KEY_CAP, self.capaian_cap.map(|c| c.to_string()).unwrap_or_default()),
            (
                KEY_EFFICIENCY,
                match self.efficiency {
                    EfficiencyRule::CapaianAboveSerapan => "capaian_above_serapan".into(),
                    EfficiencyRule::Margin(m) => format!("margin:{m}"),
                },
            ),
            (KEY_BANDS, self.bands.0.iter().map(|b| b.to_string()).collect::<Vec<_>>().join(",")),
            (KEY_FLOOR, if self.negative_capaian { "none" } else { "zero" }.into()),
        ]
    }

    /// The stored form of one setting's value, or `None` for an unknown key.
    pub fn value_of(&self, key: &str) -> Option<String> {
        self.to_pairs().into_iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// Settings from stored key/value pairs; a pair that cannot be read keeps its default (the
    /// settings screen shows the value in use).
    pub fn from_stored<K: AsRef<str>, V: AsRef<str>>(pairs: impl IntoIterator<Item = (K, V)>) -> Settings {
        let mut s = Settings::default();
        for (k, v) in pairs {
            let _ = s.apply(k.as_ref(), v.as_ref());
        }
        s
    }

    /// Applies one stored key/value pair.
    pub fn apply(&mut self, key: &str, value: &str) -> Result<(), SettingError> {
        let err = |expected: &str| SettingError { key: key.into(), value: value.into(), expected: expected.into() };
        match key {
            KEY_CAP => {
                self.capaian_cap = if value.trim().is_empty() {
                    None
                } else {
                    let c = Decimal::from_str(value.trim()).map_err(|_| err("a number such as 120, or empty"))?;
                    if c < Decimal::ONE_HUNDRED {
                        return Err(err("a cap of at least 100"));
                    }
                    Some(c)
                }
            }
            KEY_EFFICIENCY => {
                self.efficiency = match value.trim() {
                    "capaian_above_serapan" => EfficiencyRule::CapaianAboveSerapan,
                    other => {
                        let m = other
                            .strip_prefix("margin:")
                            .and_then(|m| Decimal::from_str(m.trim()).ok())
                            .filter(|m| *m >= Decimal::ZERO)
                            .ok_or_else(|| err("capaian_above_serapan or margin:N (N ≥ 0)"))?;
                        EfficiencyRule::Margin(m)
                    }
                }
            }
            KEY_BANDS => {
                let parts: Vec<Decimal> = value
                    .split(',')
                    .map(|p| Decimal::from_str(p.trim()))
                    .collect::<Result<_, _>>()
                    .map_err(|_| err("four numbers, highest first, e.g. 91,76,66,51"))?;
                let arr: [Decimal; 4] =
                    parts.try_into().map_err(|_| err("four numbers, highest first, e.g. 91,76,66,51"))?;
                if arr.windows(2).any(|w| w[0] <= w[1]) {
                    return Err(err("four numbers in falling order"));
                }
                self.bands = StatusBands(arr);
            }
            KEY_FLOOR => {
                self.negative_capaian = match value.trim() {
                    "zero" | "" => false,
                    "none" => true,
                    _ => return Err(err("zero (capaian never below 0) or none (a negative capaian is kept)")),
                }
            }
            _ => return Err(err("a known setting")),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_default() {
        let b = StatusBands::default();
        assert_eq!(b.status(Decimal::from(91)), Status::SangatTinggi);
        assert_eq!(b.status(Decimal::from(90)), Status::Tinggi);
        assert_eq!(b.status(Decimal::from(76)), Status::Tinggi);
        assert_eq!(b.status(Decimal::from(75)), Status::Sedang);
        assert_eq!(b.status(Decimal::from(51)), Status::Rendah);
        assert_eq!(b.status(Decimal::from(50)), Status::SangatRendah);
    }

    #[test]
    fn round_trip_and_errors() {
        let mut s = Settings::default();
        s.apply(KEY_CAP, "120").unwrap();
        s.apply(KEY_EFFICIENCY, "margin:5").unwrap();
        s.apply(KEY_BANDS, "100,85,70,50").unwrap();
        s.apply(KEY_FLOOR, "none").unwrap();
        assert!(s.negative_capaian);
        let mut t = Settings::default();
        for (k, v) in s.to_pairs() {
            t.apply(k, &v).unwrap();
        }
        assert_eq!(s, t);
        assert_eq!(t.value_of(KEY_CAP).as_deref(), Some("120"));
        assert_eq!(t.value_of("capaian_max"), None);
        assert_eq!(typed_number(" 120,5 "), "120.5");
        let mut keys = t.to_pairs().into_iter().map(|(k, _)| k).collect::<Vec<_>>();
        keys.sort_unstable();
        let mut listed = KEYS.to_vec();
        listed.sort_unstable();
        assert_eq!(keys, listed, "KEYS names every stored setting");
        assert!(t.apply(KEY_CAP, "abc").is_err());
        assert!(t.apply(KEY_CAP, "90").is_err());
        assert!(t.apply(KEY_BANDS, "1,2,3,4").is_err());
        assert!(t.apply(KEY_EFFICIENCY, "margin:-1").is_err());
        assert!(t.apply(KEY_FLOOR, "0").is_err());
        t.apply(KEY_FLOOR, "zero").unwrap();
        assert!(!t.negative_capaian);
    }
}
