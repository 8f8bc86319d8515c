//! Every chart described once, as data: series, labels, units and colours. The window draws
//! these with egui_plot; file exports render the same descriptions.

use super::ticks::{self, AxisTicks, Tick};
use crate::calc::akip;
use crate::calc::budget::Amounts;
use crate::calc::resolve::{effective_realisasi, indicator_capaian};
use crate::calc::settings::Status;
use crate::calc::Settings;
use crate::domain::{Dataset, Year};
use crate::format::{to_f64, value_decimals, Lang};
use serde::Serialize;

/// The unit of the y axis, for number formats (`docs/computation.md`, Numbers as shown).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Unit {
    /// Rupiah: whole, or with sen where an amount has them.
    Rupiah,
    /// A percentage Kinerja computes (capaian, serapan): two decimals.
    Percent,
    /// People, items: whole.
    Count,
    /// An indicator's values (or the AKIP score) in its satuan (`Nilai`, `%`), with the decimals
    /// of the most precise of the chart's values ([`crate::format::value_decimals`]).
    Value { satuan: String, decimals: u32 },
}

impl Unit {
    /// Whether the values read as percentages (`86,06 %`, an axis from 0): Kinerja's own, or an
    /// indicator whose satuan is `%`.
    pub fn is_percent(&self) -> bool {
        match self {
            Unit::Percent => true,
            Unit::Value { satuan, .. } => satuan.trim() == "%",
            Unit::Rupiah | Unit::Count => false,
        }
    }
}

/// How a series is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum SeriesKind {
    Line,
    Bar,
    Points,
}

/// One series of a chart.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Series {
    pub name: String,
    pub kind: SeriesKind,
    /// sRGB colour.
    pub color: [u8; 3],
    /// A colour per point (a bar's status), in the order of `points`; empty: every point in
    /// `color`. A series coloured per point is explained by its bands in the legend.
    pub colors: Vec<[u8; 3]>,
    /// (x, y) points; on a category axis x is the category index.
    pub points: Vec<[f64; 2]>,
}

/// A horizontal band behind the series (e.g. an AKIP predicate band).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Band {
    pub from: f64,
    pub to: f64,
    pub label: String,
    pub color: [u8; 3],
    /// The colour of what lies in the band (a bar of that status): the band is then named in the
    /// legend with it, not inside the plot, where bars would cover its name.
    pub legend: Option<[u8; 3]>,
}

/// A horizontal reference line across the plot (the 100 % target of capaian).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetLine {
    pub value: f64,
    pub label: String,
    pub color: [u8; 3],
}

/// A chart.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChartSpec {
    /// Stable name, used by `kinerja chart NAME` and file names.
    pub id: String,
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub unit: Unit,
    /// Category names when the x axis is categorical (bars per program); empty for years.
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    pub bands: Vec<Band>,
    /// A reference line drawn over the bars and named in the legend.
    pub target: Option<TargetLine>,
    /// What the chart says instead of an empty frame when it has no point:
    /// `Tidak ada data untuk 2023`.
    pub no_data: String,
}

impl ChartSpec {
    pub fn is_empty(&self) -> bool {
        self.series.iter().all(|s| s.points.is_empty())
    }
}

pub use super::ticks::value_text;

impl ChartSpec {
    /// Whether any series is drawn as bars (bars start at zero).
    pub fn has_bars(&self) -> bool {
        self.series.iter().any(|s| s.kind == SeriesKind::Bar)
    }

    /// The y axis: the range of [`ticks::value_range`] (bands included) rounded out to nice ticks.
    pub fn y_axis(&self, lang: Lang) -> AxisTicks {
        let values: Vec<f64> = self
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p[1]))
            .chain(self.bands.iter().flat_map(|b| [b.from, b.to]))
            .chain(self.target.iter().map(|t| t.value))
            .collect();
        let (lo, hi) = ticks::value_range(&values, &self.unit, self.has_bars());
        ticks::value_ticks(lo, hi, &self.unit, lang)
    }

    /// The y axis title with its unit, and what a compact suffix on the ticks means:
    /// `Rp (M = miliar)` / `Rp (B = billion)`: short, so that it fits beside a low plot.
    pub fn y_title(&self, axis: &AxisTicks, lang: Lang) -> String {
        let base = match &self.unit {
            Unit::Rupiah => "Rp".to_string(),
            Unit::Percent if self.y_label.trim() == "%" || self.y_label.is_empty() => "%".to_string(),
            Unit::Percent => format!("{} (%)", self.y_label),
            Unit::Count | Unit::Value { .. } => self.y_label.clone(),
        };
        match ticks::scale_note(axis, lang) {
            Some(note) => format!("{base} ({note})"),
            None => base,
        }
    }

    /// The x axis: the years of the points, labelled every year or every other when more than
    /// `max_labels` would crowd; or the categories (shortened by [`ticks::distinct_categories`]),
    /// one tick each.
    pub fn x_axis(&self, max_labels: usize) -> AxisTicks {
        if !self.categories.is_empty() {
            let names = ticks::distinct_categories(&self.categories);
            return AxisTicks {
                min: -0.5,
                max: self.categories.len() as f64 - 0.5,
                step: 1.0,
                ticks: names.into_iter().enumerate().map(|(i, label)| Tick { value: i as f64, label }).collect(),
                suffix: "",
            };
        }
        let years = self.series.iter().flat_map(|s| s.points.iter().map(|p| p[0].round() as i64));
        let (first, last) = years.fold((i64::MAX, i64::MIN), |(a, b), y| (a.min(y), b.max(y)));
        if first > last {
            return ticks::year_ticks(0, 0, max_labels);
        }
        ticks::year_ticks(first, last, max_labels)
    }

    /// The legend: each series' name, or with "tidak ada data" when it has no point, and colour;
    /// then the target line; then the bands named outside the plot, with the colour of what
    /// lies in them. A series coloured per point is left to its bands, which say what its
    /// colours mean.
    pub fn legend(&self, lang: Lang) -> Vec<(String, [u8; 3])> {
        let banded = self.bands.iter().any(|b| b.legend.is_some());
        self.series
            .iter()
            .filter(|s| !banded || s.colors.is_empty())
            .map(|s| {
                let name = if s.points.is_empty() {
                    format!("{} ({})", s.name, lang.pick("tidak ada data", "no data"))
                } else {
                    s.name.clone()
                };
                (name, s.color)
            })
            .chain(self.target.iter().map(|t| (t.label.clone(), t.color)))
            .chain(self.bands.iter().filter_map(|b| b.legend.map(|c| (b.label.clone(), c))))
            .collect()
    }

    /// The colour of point `i` of `series`.
    pub fn point_color(series: &Series, i: usize) -> [u8; 3] {
        series.colors.get(i).copied().unwrap_or(series.color)
    }
}

fn no_data_for_year(year: Year, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("Tidak ada data untuk {year}"),
        Lang::En => format!("No data for {year}"),
    }
}

/// Colours that stay apart on screen and in print.
pub const PALETTE: [[u8; 3]; 8] = [
    [31, 119, 180],
    [255, 127, 14],
    [44, 160, 44],
    [214, 39, 40],
    [148, 103, 189],
    [140, 86, 75],
    [227, 119, 194],
    [127, 127, 127],
];

fn t(lang: Lang, id: &str, en: &str) -> String {
    lang.pick(id, en).to_string()
}

/// The indicator `code` and its comparable predecessors, oldest first: one measure carried from
/// one Renstra period to the next under new codes. A loop in the data stops the walk.
pub fn iku_chain(d: &Dataset, code: &str) -> Vec<String> {
    let mut chain = vec![code.to_string()];
    let mut current = d.indicator(code);
    while let Some(p) = current.filter(|i| i.comparable).and_then(|i| i.predecessor.as_deref()) {
        if chain.iter().any(|c| c == p) {
            break;
        }
        chain.insert(0, p.to_string());
        current = d.indicator(p);
    }
    chain
}

/// The indicator of `chain` (see [`iku_chain`]) that holds the figures of `year`: the one with a
/// target, an agreement or a realisation that year.
pub fn chain_member_of_year<'c>(d: &Dataset, chain: &'c [String], year: Year) -> Option<&'c str> {
    chain
        .iter()
        .rev()
        .find(|c| {
            d.targets.iter().any(|t| &t.indicator == *c && t.year == year)
                || d.agreements.iter().any(|a| &a.indicator == *c && a.year == year)
                || d.realisations.iter().any(|r| &r.indicator == *c && r.year == year)
        })
        .map(String::as_str)
}

/// Target (all Renstra years) against realisation of an indicator, across periods: its
/// comparable predecessors' years come first.
pub fn iku_trend(d: &Dataset, code: &str, lang: Lang) -> ChartSpec {
    let ind = d.indicator(code);
    let name = ind.map_or(code.to_string(), |i| i.name.clone());
    let satuan = ind.map_or(String::new(), |i| i.satuan.clone());
    let codes = iku_chain(d, code);
    let mut targets = Vec::new();
    let mut reals = Vec::new();
    // Every value drawn, exact, for the decimals its hover shows.
    let mut values = Vec::new();
    for c in &codes {
        let Some(i) = d.indicator(c) else { continue };
        let mut years: Vec<Year> = d
            .targets
            .iter()
            .filter(|t| &t.indicator == c)
            .map(|t| t.year)
            .chain(d.agreements.iter().filter(|a| &a.indicator == c).map(|a| a.year))
            .collect();
        years.sort();
        years.dedup();
        for y in years {
            if let Some(t) = d.target(c, y) {
                targets.push([y as f64, to_f64(t.target)]);
                values.push(t.target);
            }
        }
        let mut ry: Vec<Year> = d.realisations.iter().filter(|r| &r.indicator == c).map(|r| r.year).collect();
        ry.sort();
        for y in ry {
            if let Ok(v) = effective_realisasi(d, i, y) {
                reals.push([y as f64, to_f64(v)]);
                values.push(v);
            }
        }
    }
    ChartSpec {
        id: format!("iku-{}", code.to_lowercase()),
        title: name,
        x_label: t(lang, "Tahun", "Year"),
        y_label: satuan.clone(),
        unit: Unit::Value { satuan, decimals: value_decimals(values) },
        categories: Vec::new(),
        series: vec![
            Series {
                name: t(lang, "Target", "Target"),
                kind: SeriesKind::Line,
                colors: Vec::new(),
                color: PALETTE[7],
                points: targets,
            },
            Series {
                name: t(lang, "Realisasi", "Actual"),
                kind: SeriesKind::Line,
                colors: Vec::new(),
                color: PALETTE[0],
                points: reals,
            },
        ],
        target: None,
        bands: Vec::new(),
        no_data: t(
            lang,
            "Tidak ada target atau realisasi untuk indikator ini",
            "No target or actual for this indicator",
        ),
    }
}

/// AKIP score over the years against the predicate bands.
pub fn akip_trend(d: &Dataset, lang: Lang) -> ChartSpec {
    let mut evals: Vec<_> = d.akip_evaluations.iter().map(|e| [e.year as f64, to_f64(e.score)]).collect();
    let decimals = value_decimals(d.akip_evaluations.iter().map(|e| e.score));
    evals.sort_by(|a, b| a[0].total_cmp(&b[0]));
    let colors = [
        [220, 240, 220],
        [235, 245, 225],
        [245, 248, 225],
        [250, 245, 220],
        [250, 235, 215],
        [250, 225, 215],
        [245, 215, 215],
    ];
    let bands = akip::BANDS
        .iter()
        .zip(colors)
        .filter(|((_, lo, _), _)| *lo >= 50)
        .map(|((p, lo, hi), color)| Band {
            from: *lo as f64,
            to: *hi as f64,
            label: p.code().to_string(),
            color,
            legend: None,
        })
        .collect();
    ChartSpec {
        id: "akip".into(),
        title: t(lang, "Nilai AKIP dan predikatnya", "AKIP score and predicate"),
        x_label: t(lang, "Tahun", "Year"),
        y_label: t(lang, "Nilai", "Score"),
        unit: Unit::Value { satuan: t(lang, "Nilai", "Score"), decimals },
        categories: Vec::new(),
        series: vec![Series {
            name: t(lang, "Nilai AKIP", "AKIP score"),
            kind: SeriesKind::Line,
            colors: Vec::new(),
            color: PALETTE[0],
            points: evals,
        }],
        target: None,
        bands,
        no_data: t(lang, "Belum ada nilai evaluasi AKIP", "No AKIP evaluation yet"),
    }
}

/// The programmes of every budget year, by kode and name, in the order of their kode.
pub fn program_kodes(d: &Dataset) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut years: Vec<Year> = d.budget_lines.iter().map(|b| b.year).collect();
    years.sort();
    years.dedup();
    for y in years.iter().rev() {
        for p in d.budget_programs(*y) {
            if !out.iter().any(|(k, _)| *k == p.kode) {
                out.push((p.kode.clone(), p.name.clone()));
            }
        }
    }
    out.sort_by_key(|a| natural(&a.0));
    out
}

fn natural(kode: &str) -> Vec<u64> {
    kode.split('.').map(|p| p.parse().unwrap_or(u64::MAX)).collect()
}

/// A chart of several years says which in its title: `2020–2024`, or the one year.
fn years_span(years: &[Year]) -> String {
    match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!(" {a}–{b}"),
        (Some(a), _) => format!(" {a}"),
        _ => String::new(),
    }
}

fn budget_years(d: &Dataset) -> Vec<Year> {
    let mut years: Vec<Year> =
        d.budget_lines.iter().filter(|b| b.parent.is_none() && b.pagu().is_some()).map(|b| b.year).collect();
    years.sort();
    years.dedup();
    years
}

/// Pagu and realisasi per program, for every budget year.
pub fn budget_by_program(d: &Dataset, lang: Lang) -> ChartSpec {
    let programs = program_kodes(d);
    let mut series = Vec::new();
    for (i, y) in budget_years(d).iter().enumerate() {
        let mut pagu = Vec::new();
        let mut real = Vec::new();
        for (x, (kode, _)) in programs.iter().enumerate() {
            if let Some(line) = d.budget_line(*y, kode) {
                let a = Amounts::own(line);
                if let Some(p) = a.pagu {
                    pagu.push([x as f64, to_f64(p.decimal())]);
                }
                if let Some(r) = a.realisasi {
                    real.push([x as f64, to_f64(r.decimal())]);
                }
            }
        }
        series.push(Series {
            name: format!("{} {y}", t(lang, "Pagu", "Budget")),
            kind: SeriesKind::Bar,
            colors: Vec::new(),
            color: PALETTE[(2 * i) % 8],
            points: pagu,
        });
        series.push(Series {
            name: format!("{} {y}", t(lang, "Realisasi", "Actual")),
            kind: SeriesKind::Bar,
            colors: Vec::new(),
            color: PALETTE[(2 * i + 1) % 8],
            points: real,
        });
    }
    ChartSpec {
        id: "anggaran-program".into(),
        title: t(lang, "Pagu dan realisasi per program", "Budget and spending per programme"),
        // The title says "per program"; the names under the bars say which.
        x_label: String::new(),
        y_label: "Rp".into(),
        unit: Unit::Rupiah,
        categories: programs.into_iter().map(|(k, n)| format!("{k}. {n}")).collect(),
        series,
        target: None,
        bands: Vec::new(),
        no_data: t(lang, "Tidak ada data anggaran program", "No programme budget data"),
    }
}

/// Serapan % per program, one series per year.
pub fn serapan_by_program(d: &Dataset, lang: Lang) -> ChartSpec {
    let programs = program_kodes(d);
    let series = budget_years(d)
        .iter()
        .enumerate()
        .map(|(i, y)| Series {
            name: y.to_string(),
            kind: SeriesKind::Bar,
            colors: Vec::new(),
            color: PALETTE[i % 8],
            points: programs
                .iter()
                .enumerate()
                .filter_map(|(x, (k, _))| {
                    let line = d.budget_line(*y, k)?;
                    Amounts::own(line).serapan().ok().map(|v| [x as f64, to_f64(v)])
                })
                .collect(),
        })
        .collect();
    ChartSpec {
        id: "serapan-program".into(),
        // Every budget year is drawn, so the title names them all (the per-year charts name one).
        title: format!(
            "{}{} (%)",
            t(lang, "Serapan anggaran per program", "Budget absorption per programme"),
            years_span(&budget_years(d))
        ),
        // The title says "per program"; the names under the bars say which.
        x_label: String::new(),
        y_label: "%".into(),
        unit: Unit::Percent,
        categories: programs.into_iter().map(|(k, n)| format!("{k}. {n}")).collect(),
        series,
        target: None,
        bands: Vec::new(),
        no_data: t(lang, "Tidak ada data serapan anggaran program", "No programme budget absorption data"),
    }
}

/// Staff (PNS, TKK) and asset item totals over the years.
pub fn staff_trend(d: &Dataset, lang: Lang) -> ChartSpec {
    let mut years: Vec<Year> = d.staff.iter().map(|s| s.year).collect();
    years.sort();
    years.dedup();
    let total = |st: Option<crate::domain::StaffStatus>| -> Vec<[f64; 2]> {
        years
            .iter()
            .map(|y| {
                let n: i64 =
                    d.staff.iter().filter(|s| s.year == *y && st.is_none_or(|x| x == s.status)).map(|s| s.count).sum();
                [*y as f64, n as f64]
            })
            .collect()
    };
    ChartSpec {
        id: "pegawai".into(),
        title: t(lang, "Jumlah pegawai", "Staff"),
        x_label: t(lang, "Tahun", "Year"),
        y_label: t(lang, "Orang", "People"),
        unit: Unit::Count,
        categories: Vec::new(),
        series: vec![
            Series {
                name: "PNS".into(),
                kind: SeriesKind::Line,
                colors: Vec::new(),
                color: PALETTE[0],
                points: total(Some(crate::domain::StaffStatus::Pns)),
            },
            Series {
                name: "TKK".into(),
                kind: SeriesKind::Line,
                colors: Vec::new(),
                color: PALETTE[1],
                points: total(Some(crate::domain::StaffStatus::Tkk)),
            },
            Series {
                name: t(lang, "Jumlah", "Total"),
                kind: SeriesKind::Line,
                colors: Vec::new(),
                color: PALETTE[7],
                points: total(None),
            },
        ],
        target: None,
        bands: Vec::new(),
        no_data: t(lang, "Tidak ada data pegawai", "No staff data"),
    }
}

/// Total value of the fixed assets over the years (the root of each year's inventory).
pub fn asset_trend(d: &Dataset, lang: Lang) -> ChartSpec {
    let mut points: Vec<[f64; 2]> = d
        .assets
        .iter()
        .filter(|a| a.parent.is_none())
        .filter_map(|a| a.value.map(|v| [a.year as f64, to_f64(v.decimal())]))
        .collect();
    points.sort_by(|a, b| a[0].total_cmp(&b[0]));
    ChartSpec {
        id: "aset".into(),
        title: t(lang, "Nilai aset tetap", "Fixed assets value"),
        x_label: t(lang, "Tahun", "Year"),
        y_label: "Rp".into(),
        unit: Unit::Rupiah,
        categories: Vec::new(),
        series: vec![Series {
            name: t(lang, "Nilai aset", "Asset value"),
            kind: SeriesKind::Line,
            colors: Vec::new(),
            color: PALETTE[4],
            points,
        }],
        target: None,
        bands: Vec::new(),
        no_data: t(lang, "Tidak ada data nilai aset tetap", "No fixed assets value data"),
    }
}

/// Staff of a year by education level, PNS and TKK side by side.
pub fn staff_by_education(d: &Dataset, year: Year, lang: Lang) -> ChartSpec {
    let mut levels: Vec<(i64, String)> =
        d.staff.iter().filter(|s| s.year == year).map(|s| (s.position, s.education.clone())).collect();
    levels.sort();
    levels.dedup();
    let series = crate::domain::StaffStatus::ALL
        .iter()
        .enumerate()
        .map(|(i, st)| Series {
            name: st.code().into(),
            kind: SeriesKind::Bar,
            colors: Vec::new(),
            color: PALETTE[i],
            points: levels
                .iter()
                .enumerate()
                .filter_map(|(x, (_, edu))| {
                    d.staff
                        .iter()
                        .find(|s| s.year == year && &s.education == edu && s.status == *st)
                        .map(|s| [x as f64, s.count as f64])
                })
                .collect(),
        })
        .collect();
    ChartSpec {
        id: "pegawai-pendidikan".into(),
        title: format!("{} {year}", t(lang, "Pegawai menurut pendidikan", "Staff by education")),
        x_label: t(lang, "Jenjang pendidikan", "Education"),
        y_label: t(lang, "Orang", "People"),
        unit: Unit::Count,
        categories: levels.into_iter().map(|(_, e)| e).collect(),
        series,
        target: None,
        bands: Vec::new(),
        no_data: no_data_for_year(year, lang),
    }
}

/// A light tint of a status colour, for a band behind bars drawn in full colour.
fn status_tint(status: Status) -> [u8; 3] {
    match status {
        Status::SangatTinggi => [212, 236, 216],
        Status::Tinggi => [228, 241, 210],
        Status::Sedang => [250, 240, 205],
        Status::Rendah => [251, 226, 205],
        Status::SangatRendah => [245, 210, 210],
    }
}

/// The colour of a capaian status: of its bar here, and of its figure wherever the window shows
/// one (`ui::widgets::status_color` takes it from here).
pub fn status_rgb(status: Status) -> [u8; 3] {
    match status {
        Status::SangatTinggi => [30, 140, 60],
        Status::Tinggi => [110, 170, 50],
        Status::Sedang => [220, 170, 20],
        Status::Rendah => [230, 120, 30],
        Status::SangatRendah => [200, 40, 40],
    }
}

/// A darker shade of `c`, for the outline of a bar filled with `c`.
pub fn darker(c: [u8; 3]) -> [u8; 3] {
    // 0.6 of each channel stays within 0–255 and keeps the hue.
    c.map(|v| (f32::from(v) * 0.6) as u8)
}

/// Capaian of the year's IKU as bars (the head's overview): each bar in the colour of its status
/// under the settings' bands, the bands as a light background named in the legend, and the
/// 100 % target line.
pub fn capaian_bars(d: &Dataset, s: &Settings, year: Year, lang: Lang) -> ChartSpec {
    let ikus = d.period_of_year(year).map(|p| d.ikus_of_period(&p.code)).unwrap_or_default();
    let values: Vec<(usize, rust_decimal::Decimal)> = ikus
        .iter()
        .enumerate()
        .filter_map(|(x, i)| indicator_capaian(d, s, &i.code, year).ok()?.value.number().map(|v| (x, v)))
        .collect();
    let points: Vec<[f64; 2]> = values.iter().map(|(x, v)| [*x as f64, to_f64(*v)]).collect();
    let colors: Vec<[u8; 3]> = values.iter().map(|(_, v)| status_rgb(s.bands.status(*v))).collect();
    // The status bands of the settings behind the bars; the top band reaches above the highest
    // bar.
    let top = points.iter().map(|p: &[f64; 2]| p[1]).fold(110.0_f64, f64::max);
    let limits = s.bands.0;
    let statuses = [Status::SangatTinggi, Status::Tinggi, Status::Sedang, Status::Rendah, Status::SangatRendah];
    let bands = statuses
        .iter()
        .enumerate()
        .map(|(i, st)| {
            let from = limits.get(i).map_or(0.0, |v| to_f64(*v));
            let to = if i == 0 { top } else { to_f64(limits[i - 1]) };
            let name = if lang == Lang::Id { st.text() } else { st.text_en() };
            // `sangat tinggi (≥ 91 %)`, the lowest `sangat rendah (< 51 %)`.
            let range = match limits.get(i) {
                Some(v) => format!("≥ {} %", crate::format::decimal(*v, lang)),
                None => format!("< {} %", crate::format::decimal(limits[3], lang)),
            };
            Band {
                from,
                to,
                label: format!("{name} ({range})"),
                color: status_tint(*st),
                legend: Some(status_rgb(*st)),
            }
        })
        .filter(|b| b.to > b.from)
        .collect();
    ChartSpec {
        id: "capaian-iku".into(),
        title: format!("{} {year}", t(lang, "Capaian IKU", "IKU achievement")),
        // The IKU names under the bars say what the axis holds.
        x_label: String::new(),
        y_label: "%".into(),
        unit: Unit::Percent,
        categories: ikus.iter().map(|i| i.name.clone()).collect(),
        series: vec![Series {
            name: t(lang, "Capaian", "Achievement"),
            kind: SeriesKind::Bar,
            color: PALETTE[2],
            colors,
            points,
        }],
        bands,
        target: Some(TargetLine { value: 100.0, label: "Target (100 %)".into(), color: [40, 40, 40] }),
        no_data: no_data_for_year(year, lang),
    }
}

/// Pagu and realisasi of each programme of `year` (the year's head view; the all-years chart is
/// [`budget_by_program`]).
pub fn budget_of_year(d: &Dataset, year: Year, lang: Lang) -> ChartSpec {
    let mut programmes: Vec<(String, String)> =
        d.budget_programs(year).iter().map(|p| (p.kode.clone(), p.name.clone())).collect();
    programmes.sort_by_key(|a| natural(&a.0));
    let mut pagu = Vec::new();
    let mut real = Vec::new();
    for (x, (kode, _)) in programmes.iter().enumerate() {
        let Some(line) = d.budget_line(year, kode) else { continue };
        let a = Amounts::own(line);
        if let Some(p) = a.pagu {
            pagu.push([x as f64, to_f64(p.decimal())]);
        }
        if let Some(r) = a.realisasi {
            real.push([x as f64, to_f64(r.decimal())]);
        }
    }
    // A year whose programmes carry no amount has nothing to draw.
    if pagu.is_empty() && real.is_empty() {
        programmes.clear();
    }
    ChartSpec {
        // The year in the name: files of several years saved side by side stay apart.
        id: format!("anggaran-program-{year}"),
        title: format!("{} {year}", t(lang, "Pagu dan realisasi per program", "Budget and spending per programme")),
        // The chart's title says "per program"; the names under the bars say which.
        x_label: String::new(),
        y_label: "Rp".into(),
        unit: Unit::Rupiah,
        categories: programmes.iter().map(|(k, n)| format!("{k}. {n}")).collect(),
        series: vec![
            Series {
                name: t(lang, "Pagu", "Budget"),
                kind: SeriesKind::Bar,
                color: PALETTE[0],
                colors: Vec::new(),
                points: pagu,
            },
            Series {
                name: t(lang, "Realisasi", "Actual"),
                kind: SeriesKind::Bar,
                color: PALETTE[1],
                colors: Vec::new(),
                points: real,
            },
        ],
        bands: Vec::new(),
        target: None,
        no_data: match lang {
            Lang::Id => format!("Tidak ada data anggaran untuk {year}"),
            Lang::En => format!("No budget data for {year}"),
        },
    }
}

/// Serapan % of each programme of `year`, in the order of [`budget_of_year`] (the year's head
/// view; the all-years chart is [`serapan_by_program`]).
pub fn serapan_of_year(d: &Dataset, year: Year, lang: Lang) -> ChartSpec {
    let kodes = program_kodes_of_year(d, year);
    let names: Vec<String> = kodes
        .iter()
        .map(|k| d.budget_line(year, k).map_or_else(|| k.clone(), |l| format!("{k}. {}", l.name)))
        .collect();
    let points: Vec<[f64; 2]> = kodes
        .iter()
        .enumerate()
        .filter_map(|(x, k)| {
            let line = d.budget_line(year, k)?;
            Amounts::own(line).serapan().ok().map(|v| [x as f64, to_f64(v)])
        })
        .collect();
    let categories = if points.is_empty() { Vec::new() } else { names };
    ChartSpec {
        id: format!("serapan-program-{year}"),
        title: format!("{} {year} (%)", t(lang, "Serapan anggaran per program", "Budget absorption per programme")),
        x_label: String::new(),
        y_label: "%".into(),
        unit: Unit::Percent,
        categories,
        series: vec![Series {
            name: t(lang, "Serapan", "Absorption"),
            kind: SeriesKind::Bar,
            color: PALETTE[2],
            colors: Vec::new(),
            points,
        }],
        target: None,
        bands: Vec::new(),
        no_data: match lang {
            Lang::Id => format!("Tidak ada data serapan anggaran untuk {year}"),
            Lang::En => format!("No budget absorption data for {year}"),
        },
    }
}

/// The programmes of `year`'s per-year budget chart, by kode, in the chart's order.
pub fn program_kodes_of_year(d: &Dataset, year: Year) -> Vec<String> {
    let mut kodes: Vec<String> = d.budget_programs(year).iter().map(|p| p.kode.clone()).collect();
    kodes.sort_by_key(|k| natural(k));
    kodes
}

/// Every chart by name, for `kinerja chart NAME` and the exports.
pub fn all_charts(d: &Dataset, s: &Settings, year: Year, lang: Lang) -> Vec<ChartSpec> {
    let mut out = vec![
        capaian_bars(d, s, year, lang),
        budget_of_year(d, year, lang),
        serapan_of_year(d, year, lang),
        staff_by_education(d, year, lang),
    ];
    out.extend(trend_charts(d, year, lang));
    out
}

/// The charts of the Tren tab, in order.
pub fn trend_charts(d: &Dataset, year: Year, lang: Lang) -> Vec<ChartSpec> {
    let mut out: Vec<ChartSpec> = Vec::new();
    if let Some(p) = d.period_of_year(year) {
        out.extend(d.ikus_of_period(&p.code).iter().map(|i| iku_trend(d, &i.code, lang)));
    }
    out.push(akip_trend(d, lang));
    out.push(budget_by_program(d, lang));
    out.push(serapan_by_program(d, lang));
    out.push(staff_trend(d, lang));
    out.push(asset_trend(d, lang));
    out
}

/// The city's programme pagu and realisasi per year (every office together), and serapan.
pub fn city_budget_trend(years: &[(Year, Amounts)], lang: Lang) -> ChartSpec {
    let points = |f: fn(&Amounts) -> Option<rust_decimal::Decimal>| -> Vec<[f64; 2]> {
        years.iter().filter_map(|(y, a)| f(a).map(|v| [f64::from(*y), to_f64(v)])).collect()
    };
    ChartSpec {
        id: "kota-anggaran".into(),
        title: t(lang, "Pagu dan realisasi seluruh perangkat daerah", "Budget and spending of all offices"),
        x_label: t(lang, "Tahun", "Year"),
        y_label: "Rp".into(),
        unit: Unit::Rupiah,
        categories: Vec::new(),
        series: vec![
            Series {
                name: t(lang, "Pagu", "Budget"),
                kind: SeriesKind::Line,
                colors: Vec::new(),
                color: PALETTE[0],
                points: points(|a| a.pagu.map(|m| m.decimal())),
            },
            Series {
                name: t(lang, "Realisasi", "Actual"),
                kind: SeriesKind::Line,
                colors: Vec::new(),
                color: PALETTE[1],
                points: points(|a| a.realisasi.map(|m| m.decimal())),
            },
        ],
        target: None,
        bands: Vec::new(),
        no_data: t(lang, "Tidak ada data anggaran perangkat daerah", "No budget data of the offices"),
    }
}

/// The city's serapan per year.
pub fn city_serapan_trend(years: &[(Year, Amounts)], lang: Lang) -> ChartSpec {
    ChartSpec {
        id: "kota-serapan".into(),
        title: t(lang, "Serapan anggaran seluruh perangkat daerah (%)", "Budget absorption of all offices (%)"),
        x_label: t(lang, "Tahun", "Year"),
        y_label: "%".into(),
        unit: Unit::Percent,
        categories: Vec::new(),
        series: vec![Series {
            name: t(lang, "Serapan", "Absorption"),
            kind: SeriesKind::Line,
            colors: Vec::new(),
            color: PALETTE[2],
            points: years.iter().filter_map(|(y, a)| a.serapan().ok().map(|v| [f64::from(*y), to_f64(v)])).collect(),
        }],
        target: None,
        bands: Vec::new(),
        no_data: t(lang, "Tidak ada data serapan perangkat daerah", "No budget absorption data of the offices"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_all_years_absorption_chart_names_its_years() {
        let d = crate::embedded::dataset().unwrap();
        let years = budget_years(&d);
        let (first, last) = (years[0], years[years.len() - 1]);
        assert!(first < last, "the embedded office has several budget years");
        assert_eq!(serapan_by_program(&d, Lang::Id).title, format!("Serapan anggaran per program {first}–{last} (%)"));
        assert_eq!(
            serapan_by_program(&d, Lang::En).title,
            format!("Budget absorption per programme {first}–{last} (%)")
        );
        assert_eq!(years_span(&[2024]), " 2024");
        assert_eq!(years_span(&[]), "");
    }

    #[test]
    fn budget_legends_say_budget_in_english() {
        let d = crate::embedded::dataset().unwrap();
        let year = budget_years(&d)[0];
        let names: Vec<String> = budget_by_program(&d, Lang::En).series.into_iter().map(|s| s.name).collect();
        assert!(names.contains(&format!("Budget {year}")), "{names:?}");
        assert!(names.iter().all(|n| !n.contains("Pagu")), "{names:?}");
        let spec = budget_of_year(&d, year, Lang::En);
        assert!(
            spec.series.iter().any(|s| s.name == "Budget"),
            "{:?}",
            spec.series.iter().map(|s| &s.name).collect::<Vec<_>>()
        );
    }
}
