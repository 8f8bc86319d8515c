//! The one place where every derived figure is computed from the data, by subject and field,
//! so that report tables and the consistency checker always agree on how a figure is made.
//!
//! Subjects: `indicator:CODE`, `sasaran:CODE`, `sasaran:*`, `budget:KODE`, `budget:*`,
//! `agreement:*`, `support:INDICATOR`, `program_indicators:INDICATOR`, `benchmark:N`,
//! `staff:PNS|TKK|all`.

use super::budget::{programs_total, serapan, year_total, Amounts};
use super::efficiency::{self, Verdict};
use super::formula::{self, RawValues};
use super::{capaian, mean, CannotCompute, Settings};
use crate::domain::*;
use crate::format::{decimal, number, Lang};
use rust_decimal::Decimal;

/// A computed value: a number or a verdict text.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Number(Decimal),
    Verdict(Verdict),
}

impl Value {
    pub fn number(&self) -> Option<Decimal> {
        match self {
            Value::Number(d) => Some(*d),
            Value::Verdict(_) => None,
        }
    }
}

/// A computed figure with how it was computed (Indonesian).
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub value: Value,
    pub formula: String,
}

type R = Result<Resolved, CannotCompute>;

fn num(value: Decimal, formula: impl Into<String>) -> R {
    Ok(Resolved { value: Value::Number(value), formula: formula.into() })
}

fn missing(what: impl Into<String>) -> CannotCompute {
    CannotCompute::Missing(what.into())
}

fn rp(m: Money) -> String {
    crate::format::number(m.decimal(), if m.decimal().fract().is_zero() { 0 } else { 2 }, Lang::Id)
}

fn pct(d: Decimal) -> String {
    number(d, 2, Lang::Id)
}

/// The raw figures of an indicator in a year.
pub fn raw_values(d: &Dataset, indicator: &str, year: Year) -> RawValues {
    let mut raw = RawValues::default();
    for r in d.raw_figures.iter().filter(|r| r.indicator == indicator && r.year == year) {
        raw.set(r.role, r.value);
    }
    raw
}

/// The realisation computed from raw figures by the indicator's formula.
pub fn computed_realisasi(d: &Dataset, ind: &Indicator, year: Year) -> R {
    let raw = raw_values(d, &ind.code, year);
    let v = formula::realisation(ind.formula, &raw)?;
    let operands = match ind.formula {
        FormulaKind::SharePct => format!(
            "{} ÷ {}",
            decimal(raw.part.unwrap_or_default(), Lang::Id),
            decimal(raw.whole.unwrap_or_default(), Lang::Id)
        ),
        _ => format!(
            "{} ÷ {}",
            decimal(raw.current.unwrap_or_default(), Lang::Id),
            decimal(raw.previous.unwrap_or_default(), Lang::Id)
        ),
    };
    num(v, format!("{} ({operands})", formula::formula_text(ind.formula)))
}

/// The realisation used for capaian: the recorded one, otherwise the one computed from raw
/// figures, otherwise the one that follows from the quarters.
pub fn effective_realisasi(d: &Dataset, ind: &Indicator, year: Year) -> Result<Decimal, CannotCompute> {
    if let Some(r) = d.realisation(&ind.code, year) {
        return Ok(r.realisasi);
    }
    computed_realisasi(d, ind, year)
        .ok()
        .and_then(|r| r.value.number())
        .or_else(|| quarter_realisasi(d, ind, year).map(|(v, _)| v))
        .ok_or_else(|| missing(format!("realisasi {} {year}", ind.code)))
}

/// The year's realisation from its quarters by the indicator's rule, with the last quarter
/// that has a figure.
pub fn quarter_realisasi(d: &Dataset, ind: &Indicator, year: Year) -> Option<(Decimal, i64)> {
    let mut quarters: Vec<(i64, Decimal)> = d
        .quarters
        .iter()
        .filter(|q| q.indicator == ind.code && q.year == year)
        .filter_map(|q| q.realisasi.map(|r| (q.quarter, r)))
        .collect();
    quarters.sort_by_key(|(q, _)| *q);
    let last = quarters.last()?.0;
    let value = match ind.quarter_rule {
        QuarterRule::Cumulative => quarters.last()?.1,
        // A sum beyond the decimal range is no realisation at all, never a wrapped one.
        QuarterRule::Sum => quarters.iter().try_fold(Decimal::ZERO, |acc, (_, v)| acc.checked_add(*v))?,
    };
    Some((value, last))
}

/// Capaian of an indicator in a year.
pub fn indicator_capaian(d: &Dataset, s: &Settings, code: &str, year: Year) -> R {
    let ind = d.indicator(code).ok_or_else(|| missing(format!("indikator {code}")))?;
    let target = d.target(code, year).ok_or_else(|| missing(format!("target {code} {year}")))?;
    let real = effective_realisasi(d, ind, year)?;
    let value = capaian::capaian(ind.polarity, ind.capaian_rule, target, real, s.capaian_cap)?;
    let t = match target.target_high {
        Some(h) => format!("{}–{}", decimal(target.target, Lang::Id), decimal(h, Lang::Id)),
        None => decimal(target.target, Lang::Id),
    };
    num(
        value,
        format!(
            "{}: realisasi {} , target {}",
            capaian::formula_text(ind.polarity, ind.capaian_rule),
            decimal(real, Lang::Id),
            t
        )
        .replace(" ,", ","),
    )
}

/// Serapan of the programs supporting an indicator, one value per program (in kode order).
fn supporting_serapan(d: &Dataset, programs: &[&str], year: Year) -> Result<Vec<Decimal>, CannotCompute> {
    programs
        .iter()
        .map(|k| {
            let line = d.budget_line(year, k).ok_or_else(|| missing(format!("program {k} {year}")))?;
            Amounts::own(line).serapan()
        })
        .collect()
}

/// IKU under a sasaran.
pub fn sasaran_indicators<'a>(d: &'a Dataset, sasaran: &str) -> Vec<&'a Indicator> {
    let mut v: Vec<&Indicator> = d
        .indicators
        .iter()
        .filter(|i| i.level == IndicatorLevel::Sasaran && i.parent.as_deref() == Some(sasaran))
        .collect();
    v.sort_by_key(|i| i.position);
    v
}

/// Programs supporting any indicator of a sasaran, without repeats.
pub fn sasaran_programs<'a>(d: &'a Dataset, sasaran: &str) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for ind in sasaran_indicators(d, sasaran) {
        for p in d.supporting_programs(&ind.code) {
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    out
}

/// Average capaian of a sasaran's indicators.
pub fn sasaran_avg_capaian(d: &Dataset, s: &Settings, sasaran: &str, year: Year) -> R {
    let inds = sasaran_indicators(d, sasaran);
    let mut values = Vec::new();
    for i in &inds {
        values.push(indicator_capaian(d, s, &i.code, year)?.value.number().unwrap_or_default());
    }
    let avg = average(&values, || missing(format!("indikator sasaran {sasaran}")))?;
    num(avg, format!("rata-rata capaian ({})", values.iter().map(|v| pct(*v)).collect::<Vec<_>>().join("; ")))
}

/// Average serapan of a sasaran's supporting programs.
pub fn sasaran_avg_serapan(d: &Dataset, sasaran: &str, year: Year) -> R {
    let programs = sasaran_programs(d, sasaran);
    let values = supporting_serapan(d, &programs, year)?;
    let avg = average(&values, || missing(format!("program pendukung sasaran {sasaran}")))?;
    num(avg, format!("rata-rata serapan program ({})", values.iter().map(|v| pct(*v)).collect::<Vec<_>>().join("; ")))
}

/// Efficiency verdict of a sasaran.
pub fn sasaran_efficiency(d: &Dataset, s: &Settings, sasaran: &str, year: Year) -> R {
    let c = sasaran_avg_capaian(d, s, sasaran, year)?.value.number().unwrap_or_default();
    let a = sasaran_avg_serapan(d, sasaran, year)?.value.number().unwrap_or_default();
    let v = efficiency::verdict(s.efficiency, c, a)?;
    Ok(Resolved {
        value: Value::Verdict(v),
        formula: format!(
            "rata-rata capaian {} vs rata-rata serapan {}; {}",
            pct(c),
            pct(a),
            efficiency::rule_text(s.efficiency)
        ),
    })
}

/// The mean of `values`: `none` when there are none, an overflow when their sum exceeds the
/// decimal range.
fn average(values: &[Decimal], none: impl FnOnce() -> CannotCompute) -> Result<Decimal, CannotCompute> {
    if values.is_empty() {
        return Err(none());
    }
    mean(values).ok_or(CannotCompute::Overflow)
}

fn count(n: usize, formula: impl Into<String>) -> R {
    num(Decimal::from(n), formula)
}

fn amounts_field(a: &Amounts, field: &str, what: &str) -> R {
    if a.overflow {
        return Err(CannotCompute::Overflow);
    }
    match field {
        "pagu" => {
            a.pagu.map(|m| num(m.decimal(), format!("jumlah pagu {what}"))).unwrap_or_else(|| Err(missing("pagu")))
        }
        "pagu_murni" => a
            .pagu_murni
            .map(|m| num(m.decimal(), format!("jumlah pagu murni {what}")))
            .unwrap_or_else(|| Err(missing("pagu murni"))),
        "realisasi" => a
            .realisasi
            .map(|m| num(m.decimal(), format!("jumlah realisasi {what}")))
            .unwrap_or_else(|| Err(missing("realisasi"))),
        "serapan_pct" => {
            let v = a.serapan()?;
            num(
                v,
                format!(
                    "realisasi ÷ pagu × 100 = {} ÷ {} × 100",
                    a.realisasi.map(rp).unwrap_or_default(),
                    a.pagu.map(rp).unwrap_or_default()
                ),
            )
        }
        _ => Err(missing(format!("kolom {field}"))),
    }
}

/// Computes `field` of `subject` in `year`.
pub fn resolve(d: &Dataset, s: &Settings, year: Year, subject: &str, field: &str) -> R {
    let (kind, key) = subject.split_once(':').unwrap_or((subject, ""));
    match (kind, field) {
        ("staff", "count") => {
            let rows = d.staff.iter().filter(|r| r.year == year && (key == "all" || r.status.code() == key));
            let (n, total) = rows.fold((0usize, 0i64), |(n, t), r| (n + 1, t + r.count));
            if n == 0 {
                return Err(missing(format!("data pegawai {year}")));
            }
            num(Decimal::from(total), format!("jumlah pegawai {}", if key == "all" { "PNS + TKK" } else { key }))
        }
        ("budget", _) if key == "*" => {
            if field == "count_program" {
                let n = d.budget_children(year, None).iter().filter(|p| p.pagu().is_some()).count();
                return count(n, "jumlah program yang memiliki pagu");
            }
            amounts_field(&year_total(d, year), field, "seluruh program")
        }
        ("budget", _) => {
            let line = d.budget_line(year, key).ok_or_else(|| missing(format!("baris anggaran {key} {year}")))?;
            match field {
                "serapan_pct" => {
                    let v = serapan(line.pagu(), line.realisasi)?;
                    num(
                        v,
                        format!(
                            "realisasi ÷ pagu × 100 = {} ÷ {} × 100",
                            line.realisasi.map(rp).unwrap_or_default(),
                            line.pagu().map(rp).unwrap_or_default()
                        ),
                    )
                }
                _ => amounts_field(&Amounts::own(line), field, "baris ini"),
            }
        }
        ("agreement", _) => {
            let rows: Vec<&AgreementProgram> = d.agreement_programs.iter().filter(|a| a.year == year).collect();
            if rows.is_empty() {
                return Err(missing(format!("anggaran Perjanjian Kinerja {year}")));
            }
            let a = rows.iter().fold(Amounts::default(), |acc, r| {
                acc.plus(Amounts {
                    pagu_murni: r.pagu_murni,
                    pagu: r.pagu_perubahan.or(r.pagu_murni),
                    realisasi: None,
                    overflow: false,
                })
            });
            amounts_field(&a, field, "program Perjanjian Kinerja")
        }
        ("support", _) => {
            let programs = d.supporting_programs(key);
            let lines: Vec<&BudgetLine> = programs.iter().filter_map(|k| d.budget_line(year, k)).collect();
            let funded_children = |parents: &[&BudgetLine]| -> Vec<&BudgetLine> {
                parents
                    .iter()
                    .flat_map(|p| d.budget_children(year, Some(&p.kode)))
                    .filter(|c| c.pagu().is_some())
                    .collect()
            };
            match field {
                "count_program" => count(lines.len(), format!("program pendukung {key}")),
                "count_kegiatan" => {
                    count(funded_children(&lines).len(), "kegiatan ber-pagu di bawah program pendukung")
                }
                "count_subkegiatan" => count(
                    funded_children(&funded_children(&lines)).len(),
                    "sub-kegiatan ber-pagu di bawah program pendukung",
                ),
                _ => amounts_field(&programs_total(d, year, &programs), field, &format!("program pendukung {key}")),
            }
        }
        ("program_indicators", "count_achieved" | "count_exceeded") => {
            let programs = d.supporting_programs(key);
            let mut n = 0;
            let mut total = 0;
            for ind in d.indicators.iter().filter(|i| {
                i.level == IndicatorLevel::Program && i.parent.as_deref().is_some_and(|p| programs.contains(&p))
            }) {
                if let Ok(c) = indicator_capaian(d, s, &ind.code, year) {
                    total += 1;
                    let c = c.value.number().unwrap_or_default();
                    if (field == "count_achieved" && c >= Decimal::ONE_HUNDRED)
                        || (field == "count_exceeded" && c > Decimal::ONE_HUNDRED)
                    {
                        n += 1;
                    }
                }
            }
            let what = if field == "count_achieved" { "capaian ≥ 100" } else { "capaian > 100" };
            count(n, format!("indikator program dengan {what} (dari {total})"))
        }
        ("indicator", _) => {
            let ind = d.indicator(key).ok_or_else(|| missing(format!("indikator {key}")))?;
            match field {
                "capaian_pct" => indicator_capaian(d, s, key, year),
                "target" => {
                    let t = d.target(key, year).ok_or_else(|| missing(format!("target {key} {year}")))?;
                    num(t.target, "target Perjanjian Kinerja (atau Renstra)")
                }
                "realisasi" => {
                    let r = effective_realisasi(d, ind, year)?;
                    num(r, "realisasi yang dicatat")
                }
                "raw_current" | "raw_previous" => {
                    let role = if field == "raw_current" { RawRole::Current } else { RawRole::Previous };
                    let r = d.raw_figure(key, year, role).ok_or_else(|| missing(format!("data dasar {key} {year}")))?;
                    num(r.value, format!("data dasar: {}", r.label))
                }
                "avg_serapan" => {
                    let programs = d.supporting_programs(key);
                    let values = supporting_serapan(d, &programs, year)?;
                    let avg = average(&values, || missing(format!("program pendukung {key}")))?;
                    num(
                        avg,
                        format!(
                            "rata-rata serapan program ({})",
                            values.iter().map(|v| pct(*v)).collect::<Vec<_>>().join("; ")
                        ),
                    )
                }
                _ => Err(missing(format!("kolom {field}"))),
            }
        }
        ("sasaran", "count_efficient") => {
            let period = d.period_of_year(year).ok_or_else(|| missing(format!("periode Renstra {year}")))?;
            let mut n = 0;
            for sas in d.sasaran_of_period(&period.code) {
                if let Ok(Resolved { value: Value::Verdict(Verdict::Efisien), .. }) =
                    sasaran_efficiency(d, s, &sas.code, year)
                {
                    n += 1;
                }
            }
            count(n, "sasaran yang efisien")
        }
        ("sasaran", "avg_capaian") => sasaran_avg_capaian(d, s, key, year),
        ("sasaran", "avg_serapan") => sasaran_avg_serapan(d, key, year),
        ("sasaran", "efficiency") => sasaran_efficiency(d, s, key, year),
        ("benchmark", "capaian_pct") => {
            let pos: i64 = key.parse().map_err(|_| missing(format!("pembanding {key}")))?;
            let b = d
                .benchmarks
                .iter()
                .find(|b| b.year == year && b.position == pos)
                .ok_or_else(|| missing(format!("pembanding {key} {year}")))?;
            let ind = d.indicator(&b.indicator);
            let polarity = ind.map_or(Polarity::HigherIsBetter, |i| i.polarity);
            let rule = ind.map_or(CapaianRule::Standard, |i| i.capaian_rule);
            let t = b.target.ok_or_else(|| missing("target pembanding"))?;
            let r = b.realisasi.ok_or_else(|| missing("realisasi pembanding"))?;
            let v = capaian::capaian(polarity, rule, &TargetValue { target: t, target_high: None }, r, s.capaian_cap)?;
            num(
                v,
                format!(
                    "{}: realisasi {}, target {}",
                    capaian::formula_text(polarity, rule),
                    decimal(r, Lang::Id),
                    decimal(t, Lang::Id)
                ),
            )
        }
        _ => Err(missing(format!("{subject} / {field}"))),
    }
}

/// A readable name of a subject, for finding rows.
pub fn subject_label(d: &Dataset, year: Year, subject: &str) -> String {
    let (kind, key) = subject.split_once(':').unwrap_or((subject, ""));
    match kind {
        "indicator" => d.indicator(key).map_or(key.to_string(), |i| i.name.clone()),
        "sasaran" if key == "*" => "Seluruh sasaran".into(),
        "sasaran" => d.sasaran.iter().find(|s| s.code == key).map_or(key.to_string(), |s| s.name.clone()),
        "budget" if key == "*" => "Total seluruh program".into(),
        "budget" => d
            .budget_line(year, key)
            .or_else(|| d.budget_lines.iter().filter(|b| b.kode == key).min_by_key(|b| (b.year - year).abs()))
            .map_or(key.to_string(), |b| b.name.clone()),
        "agreement" => "Total anggaran Perjanjian Kinerja".into(),
        "support" => format!("Program pendukung {}", d.indicator(key).map_or(key.to_string(), |i| i.name.clone())),
        "program_indicators" => {
            format!("Indikator program pendukung {}", d.indicator(key).map_or(key.to_string(), |i| i.name.clone()))
        }
        "benchmark" => key
            .parse::<i64>()
            .ok()
            .and_then(|p| d.benchmarks.iter().find(|b| b.year == year && b.position == p))
            .map_or(subject.to_string(), |b| b.name.clone()),
        "staff" if key == "all" => "Jumlah pegawai".into(),
        "staff" => format!("Jumlah {key}"),
        _ => subject.to_string(),
    }
}

/// The column name of a field, in Indonesian.
pub fn field_label(field: &str) -> &'static str {
    match field {
        "serapan_pct" => "% serapan",
        "capaian_pct" => "capaian (%)",
        "pagu" => "pagu",
        "pagu_murni" => "pagu murni",
        "pagu_perubahan" => "pagu perubahan",
        "realisasi" => "realisasi",
        "target" => "target",
        "count" => "jumlah",
        "value" => "nilai",
        "avg_capaian" => "rata-rata capaian",
        "avg_serapan" => "rata-rata realisasi anggaran (%)",
        "efficiency" => "efisiensi",
        "raw_current" => "data tahun n",
        "raw_previous" => "data tahun n−1",
        "count_program" => "jumlah program",
        "count_kegiatan" => "jumlah kegiatan",
        "count_subkegiatan" => "jumlah sub-kegiatan",
        "count_achieved" => "jumlah indikator tercapai",
        "count_exceeded" => "jumlah indikator melebihi 100%",
        "count_efficient" => "jumlah sasaran efisien",
        "score" => "nilai",
        _ => "nilai",
    }
}
