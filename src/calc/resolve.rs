//! The one place where every derived figure is computed from the data, by subject and field,
//! so that report tables and the consistency checker always agree on how a figure is made.
//!
//! The subjects and their fields are listed once, in [`super::subject`]: `indicator:CODE`,
//! `sasaran:CODE`, `sasaran:*`, `budget:KODE`, `budget:*`, `budget:all`, `source:CODE`,
//! `spending:CODE`, `agreement:*`, `support:INDICATOR`, `program_indicators:INDICATOR`,
//! `benchmark:N`, `staff:PNS|TKK|all`.

use super::budget::{
    effective, fisik_weighted, grand_total, programs_total, serapan, source_total, spending_total, year_fisik,
    year_total, Amounts,
};
use super::efficiency::{self, Verdict};
use super::formula::{self, RawValues};
use super::how::{Amount, Formula, Item, Need, Over};
use super::{capaian, mean, CannotCompute, Settings};
use crate::domain::*;
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

/// A computed figure with how it was computed (`crate::text::formula` words it).
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub value: Value,
    pub formula: Formula,
}

type R = Result<Resolved, CannotCompute>;

fn num(value: Decimal, formula: Formula) -> R {
    Ok(Resolved { value: Value::Number(value), formula })
}

fn missing(need: Need) -> CannotCompute {
    CannotCompute::Missing(need)
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
    let (a, b) = match ind.formula {
        FormulaKind::SharePct => (raw.part, raw.whole),
        _ => (raw.current, raw.previous),
    };
    num(v, Formula::Raw { kind: ind.formula, a: a.unwrap_or_default(), b: b.unwrap_or_default() })
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
        .ok_or_else(|| missing(Need::Realisasi { indicator: ind.code.clone(), year }))
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
    let ind = d.indicator(code).ok_or_else(|| missing(Need::Indicator(code.into())))?;
    let target = d.target(code, year).ok_or_else(|| missing(Need::Target { indicator: code.into(), year }))?;
    let real = effective_realisasi(d, ind, year)?;
    let value = capaian::capaian(ind.polarity, ind.capaian_rule, target, real, s.limits())?;
    num(
        value,
        Formula::Capaian {
            polarity: ind.polarity,
            rule: ind.capaian_rule,
            realisasi: real,
            target: target.target,
            target_high: target.target_high,
        },
    )
}

/// The years of the indicator's Renstra period from its first year to `year`; `year` outside
/// the period has no figure "s.d. tahun N".
fn period_years(d: &Dataset, ind: &Indicator, year: Year) -> Result<std::ops::RangeInclusive<Year>, CannotCompute> {
    let p = d.period(&ind.period).filter(|p| p.contains(year)).ok_or_else(|| missing(Need::Period(year)))?;
    Ok(p.start_year..=year)
}

/// The cumulative target "s.d. tahun `year`": for a `sum` indicator the Renstra's yearly
/// targets from the period's first year added up (a range's bounds each added up, a year
/// without a range counting its target for both), for a `level` indicator the year's target.
pub fn cumulative_target(d: &Dataset, ind: &Indicator, year: Year) -> Result<(TargetValue, Formula), CannotCompute> {
    if ind.period_rule == PeriodRule::Level {
        let t = d.target(&ind.code, year).ok_or_else(|| missing(Need::Target { indicator: ind.code.clone(), year }))?;
        return Ok((t.clone(), Formula::Target));
    }
    let years = period_years(d, ind, year)?;
    let from = *years.start();
    let mut targets = Vec::new();
    for y in years {
        let t = d
            .renstra_target(&ind.code, y)
            .ok_or_else(|| missing(Need::Target { indicator: ind.code.clone(), year: y }))?;
        targets.push(t);
    }
    let add = |f: fn(&TargetValue) -> Decimal| {
        targets.iter().try_fold(Decimal::ZERO, |acc, t| acc.checked_add(f(t))).ok_or(CannotCompute::Overflow)
    };
    let target = add(|t| t.target)?;
    let target_high = match targets.iter().any(|t| t.target_high.is_some()) {
        true => Some(add(|t| t.target_high.unwrap_or(t.target))?),
        false => None,
    };
    let values = targets.iter().map(|t| t.target).collect();
    Ok((TargetValue { target, target_high }, Formula::PeriodSum { from, values }))
}

/// The cumulative realisation "s.d. tahun `year`": for a `sum` indicator every year's
/// realisation from the period's first year added up (a year without one makes it not
/// computable, and says which), for a `level` indicator the year's realisation.
pub fn cumulative_realisasi(d: &Dataset, ind: &Indicator, year: Year) -> Result<(Decimal, Formula), CannotCompute> {
    if ind.period_rule == PeriodRule::Level {
        return Ok((effective_realisasi(d, ind, year)?, Formula::RecordedRealisasi));
    }
    let years = period_years(d, ind, year)?;
    let from = *years.start();
    let values = years.map(|y| effective_realisasi(d, ind, y)).collect::<Result<Vec<_>, _>>()?;
    let sum = values.iter().try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v)).ok_or(CannotCompute::Overflow)?;
    Ok((sum, Formula::PeriodSum { from, values }))
}

/// Capaian of a realisation against a target by the indicator's polarity and capaian rule.
fn capaian_against(ind: &Indicator, s: &Settings, target: &TargetValue, real: Decimal) -> R {
    let value = capaian::capaian(ind.polarity, ind.capaian_rule, target, real, s.limits())?;
    num(
        value,
        Formula::Capaian {
            polarity: ind.polarity,
            rule: ind.capaian_rule,
            realisasi: real,
            target: target.target,
            target_high: target.target_high,
        },
    )
}

/// Serapan of the programs supporting an indicator, one value per program (in kode order).
fn supporting_serapan(d: &Dataset, programs: &[&str], year: Year) -> Result<Vec<Decimal>, CannotCompute> {
    programs
        .iter()
        .map(|k| {
            let line = d.budget_line(year, k).ok_or_else(|| missing(Need::Program { kode: k.to_string(), year }))?;
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
    let avg = average(&values, || missing(Need::SasaranIndicators(sasaran.into())))?;
    num(avg, Formula::AvgCapaian(values))
}

/// The IKU of a year (sasaran-level indicators marked IKU, of the year's Renstra period), in the
/// order of their sasaran and position.
pub fn year_iku(d: &Dataset, year: Year) -> Result<Vec<&Indicator>, CannotCompute> {
    let period = d.period_of_year(year).ok_or_else(|| missing(Need::Period(year)))?;
    Ok(d.sasaran_of_period(&period.code)
        .into_iter()
        .flat_map(|sas| sasaran_indicators(d, &sas.code))
        .filter(|i| i.iku)
        .collect())
}

/// Average capaian of all IKU of a year (the "rata-rata" row under the IKU table).
pub fn iku_avg_capaian(d: &Dataset, s: &Settings, year: Year) -> R {
    let mut values = Vec::new();
    for i in year_iku(d, year)? {
        values.push(indicator_capaian(d, s, &i.code, year)?.value.number().unwrap_or_default());
    }
    let avg = average(&values, || missing(Need::Iku(year)))?;
    num(avg, Formula::AvgCapaian(values))
}

/// Average serapan of a sasaran's supporting programs.
pub fn sasaran_avg_serapan(d: &Dataset, sasaran: &str, year: Year) -> R {
    let programs = sasaran_programs(d, sasaran);
    let values = supporting_serapan(d, &programs, year)?;
    let avg = average(&values, || missing(Need::SasaranPrograms(sasaran.into())))?;
    num(avg, Formula::AvgSerapan(values))
}

/// Efficiency verdict of a sasaran.
pub fn sasaran_efficiency(d: &Dataset, s: &Settings, sasaran: &str, year: Year) -> R {
    let c = sasaran_avg_capaian(d, s, sasaran, year)?.value.number().unwrap_or_default();
    let a = sasaran_avg_serapan(d, sasaran, year)?.value.number().unwrap_or_default();
    let v = efficiency::verdict(s.efficiency, c, a)?;
    Ok(Resolved {
        value: Value::Verdict(v),
        formula: Formula::Efficiency { capaian: c, serapan: a, rule: s.efficiency },
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

fn count(n: usize, formula: Formula) -> R {
    num(Decimal::from(n), formula)
}

fn amounts_field(a: &Amounts, subject: &str, field: &str, over: Over) -> R {
    if a.overflow {
        return Err(CannotCompute::Overflow);
    }
    let amount = match field {
        "pagu" => (a.pagu, Amount::Pagu),
        "pagu_murni" => (a.pagu_murni, Amount::PaguMurni),
        "realisasi" => (a.realisasi, Amount::Realisasi),
        "serapan_pct" => {
            let v = a.serapan()?;
            return num(v, Formula::Serapan { realisasi: a.realisasi, pagu: a.pagu_serapan.or(a.pagu) });
        }
        "sisa" => {
            let v = a.sisa()?;
            return num(v.decimal(), Formula::Sisa { pagu: a.pagu, realisasi: a.realisasi });
        }
        "sisa_pct" => {
            let v = a.sisa_pct()?;
            // `sisa_pct` succeeded, so sisa and pagu are there.
            let (sisa, pagu) = (a.sisa().unwrap_or(Money::ZERO), a.pagu.unwrap_or(Money::ZERO));
            return num(v, Formula::SisaPct { sisa, pagu });
        }
        _ => return Err(missing(Need::Field { subject: subject.into(), field: field.into() })),
    };
    match amount {
        (Some(m), amount) => num(m.decimal(), Formula::Sum { amount, over }),
        (None, amount) => Err(missing(Need::Amount(amount))),
    }
}

/// Computes `field` of `subject` in `year`: one of the fields [`super::subject`] lists for the
/// subject (anything else is no figure Kinerja knows).
pub fn resolve(d: &Dataset, s: &Settings, year: Year, subject: &str, field: &str) -> R {
    if super::subject::figure_kind(subject, field).is_none() {
        return Err(missing(Need::Field { subject: subject.into(), field: field.into() }));
    }
    let (kind, key) = super::subject::split(subject);
    match (kind, field) {
        ("staff", "count") => {
            let rows = d.staff.iter().filter(|r| r.year == year && (key == "all" || r.status.code() == key));
            let (n, total) = rows.fold((0usize, 0i64), |(n, t), r| (n + 1, t + r.count));
            if n == 0 {
                return Err(missing(Need::Staff(year)));
            }
            num(Decimal::from(total), Formula::StaffCount((key != "all").then(|| key.to_string())))
        }
        ("budget", _) if key == "*" => {
            if field == "count_program" {
                let n = d.budget_programs(year).iter().filter(|p| effective(d, p).pagu.is_some()).count();
                return count(n, Formula::FundedPrograms);
            }
            if field == "fisik_pct" {
                let n = d
                    .budget_lines
                    .iter()
                    .filter(|b| {
                        b.year == year
                            && b.level == BudgetLevel::Kegiatan
                            && b.spending == SpendingType::Program
                            && b.fisik_pct.is_some()
                            && b.pagu().is_some()
                    })
                    .count();
                return num(year_fisik(d, year)?, Formula::Fisik { lines: n });
            }
            amounts_field(&year_total(d, year), subject, field, Over::AllPrograms)
        }
        ("budget", _) if key == "all" => amounts_field(&grand_total(d, year), subject, field, Over::AllLines),
        ("source", _) => {
            let source = FundingSource::from_code(key)
                .ok_or_else(|| missing(Need::Field { subject: subject.into(), field: field.into() }))?;
            amounts_field(&source_total(d, year, source), subject, field, Over::Source(key.into()))
        }
        ("spending", _) => {
            let spending = SpendingType::from_code(key)
                .ok_or_else(|| missing(Need::Field { subject: subject.into(), field: field.into() }))?;
            amounts_field(&spending_total(d, year, spending), subject, field, Over::Spending(key.into()))
        }
        ("budget", _) => {
            let line = d.budget_line(year, key).ok_or_else(|| missing(Need::BudgetLine { kode: key.into(), year }))?;
            match field {
                "serapan_pct" => {
                    let v = serapan(line.pagu(), line.realisasi)?;
                    num(v, Formula::Serapan { realisasi: line.realisasi, pagu: line.pagu() })
                }
                "fisik_pct" => {
                    let children = d.budget_children(year, Some(key));
                    let weighted: Vec<&BudgetLine> =
                        children.into_iter().filter(|c| c.fisik_pct.is_some() && c.pagu().is_some()).collect();
                    if weighted.is_empty() {
                        let v = line.fisik_pct.ok_or_else(|| missing(Need::Fisik))?;
                        return num(v, Formula::Fisik { lines: 1 });
                    }
                    num(fisik_weighted(&weighted)?, Formula::Fisik { lines: weighted.len() })
                }
                _ => amounts_field(&Amounts::own(line), subject, field, Over::ThisLine),
            }
        }
        ("agreement", _) => {
            let rows: Vec<&AgreementProgram> = d.agreement_programs.iter().filter(|a| a.year == year).collect();
            if rows.is_empty() {
                return Err(missing(Need::AgreementBudget(year)));
            }
            let a = rows.iter().fold(Amounts::default(), |acc, r| {
                acc.plus(Amounts::of(r.pagu_murni, r.pagu_perubahan.or(r.pagu_murni), None))
            });
            amounts_field(&a, subject, field, Over::AgreementPrograms)
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
                "count_program" => count(lines.len(), Formula::SupportPrograms(key.into())),
                "count_kegiatan" => count(funded_children(&lines).len(), Formula::FundedKegiatan),
                "count_subkegiatan" => {
                    count(funded_children(&funded_children(&lines)).len(), Formula::FundedSubkegiatan)
                }
                _ => amounts_field(
                    &programs_total(d, year, &programs),
                    subject,
                    field,
                    Over::SupportPrograms(key.into()),
                ),
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
            count(n, Formula::ProgramIndicators { exceeded: field == "count_exceeded", of: total })
        }
        ("indicator", _) => {
            let ind = d.indicator(key).ok_or_else(|| missing(Need::Indicator(key.into())))?;
            match field {
                "capaian_pct" => indicator_capaian(d, s, key, year),
                "target" => {
                    let t = d.target(key, year).ok_or_else(|| missing(Need::Target { indicator: key.into(), year }))?;
                    num(t.target, Formula::Target)
                }
                "realisasi" => {
                    let r = effective_realisasi(d, ind, year)?;
                    num(r, Formula::RecordedRealisasi)
                }
                "raw_current" | "raw_previous" | "raw_part" | "raw_whole" => {
                    let role = match field {
                        "raw_current" => RawRole::Current,
                        "raw_previous" => RawRole::Previous,
                        "raw_part" => RawRole::Part,
                        _ => RawRole::Whole,
                    };
                    let r = d
                        .raw_figure(key, year, role)
                        .ok_or_else(|| missing(Need::RawFigure { indicator: key.into(), year }))?;
                    num(r.value, Formula::RawFigure(r.label.clone()))
                }
                "baseline" | "end_target" => {
                    let b = d.baselines.iter().find(|b| b.indicator == key);
                    let (v, formula) = if field == "baseline" {
                        (b.and_then(|b| b.baseline), Formula::RenstraBaseline)
                    } else {
                        (b.and_then(|b| b.end_target), Formula::RenstraEndTarget)
                    };
                    num(v.ok_or_else(|| missing(Need::Baseline(key.into())))?, formula)
                }
                "capaian_end_pct" => {
                    let b = d.baselines.iter().find(|b| b.indicator == key && b.end_target.is_some());
                    let b = b.ok_or_else(|| missing(Need::Baseline(key.into())))?;
                    let target =
                        TargetValue { target: b.end_target.unwrap_or_default(), target_high: b.end_target_high };
                    // A count that adds up reaches its end target by the years together.
                    let (real, _) = cumulative_realisasi(d, ind, year)?;
                    capaian_against(ind, s, &target, real)
                }
                "target_cumulative" => {
                    let (t, formula) = cumulative_target(d, ind, year)?;
                    num(t.target, formula)
                }
                "realisasi_cumulative" => {
                    let (r, formula) = cumulative_realisasi(d, ind, year)?;
                    num(r, formula)
                }
                "capaian_cumulative_pct" => {
                    let (target, _) = cumulative_target(d, ind, year)?;
                    let (real, _) = cumulative_realisasi(d, ind, year)?;
                    capaian_against(ind, s, &target, real)
                }
                "avg_serapan" => {
                    let programs = d.supporting_programs(key);
                    let values = supporting_serapan(d, &programs, year)?;
                    let avg = average(&values, || missing(Need::SupportPrograms(key.into())))?;
                    num(avg, Formula::AvgSerapan(values))
                }
                _ => Err(missing(Need::Field { subject: subject.into(), field: field.into() })),
            }
        }
        ("sasaran", "count_efficient") => {
            let period = d.period_of_year(year).ok_or_else(|| missing(Need::Period(year)))?;
            let mut n = 0;
            for sas in d.sasaran_of_period(&period.code) {
                if let Ok(Resolved { value: Value::Verdict(Verdict::Efisien), .. }) =
                    sasaran_efficiency(d, s, &sas.code, year)
                {
                    n += 1;
                }
            }
            count(n, Formula::EfficientSasaran(s.efficiency))
        }
        ("sasaran", "avg_capaian") if key == "*" => iku_avg_capaian(d, s, year),
        ("sasaran", "avg_capaian") => sasaran_avg_capaian(d, s, key, year),
        ("sasaran", "avg_serapan") => sasaran_avg_serapan(d, key, year),
        ("sasaran", "efficiency") => sasaran_efficiency(d, s, key, year),
        ("benchmark", "capaian_pct") => {
            let pos: i64 = key.parse().map_err(|_| missing(Need::Benchmark(key.into())))?;
            let b = d
                .benchmarks
                .iter()
                .find(|b| b.year == year && b.position == pos)
                .ok_or_else(|| missing(Need::Benchmark(key.into())))?;
            let ind = d.indicator(&b.indicator);
            let polarity = ind.map_or(Polarity::HigherIsBetter, |i| i.polarity);
            let rule = ind.map_or(CapaianRule::Standard, |i| i.capaian_rule);
            let t = b.target.ok_or_else(|| missing(Need::BenchmarkTarget))?;
            let r = b.realisasi.ok_or_else(|| missing(Need::BenchmarkRealisasi))?;
            let v = capaian::capaian(polarity, rule, &TargetValue { target: t, target_high: None }, r, s.limits())?;
            num(v, Formula::Capaian { polarity, rule, realisasi: r, target: t, target_high: None })
        }
        _ => Err(missing(Need::Field { subject: subject.into(), field: field.into() })),
    }
}

/// The row a subject stands for, for finding rows (`crate::text::item` words it).
pub fn subject_item(d: &Dataset, year: Year, subject: &str) -> Item {
    let (kind, key) = subject.split_once(':').unwrap_or((subject, ""));
    let indicator_name = || d.indicator(key).map_or(key.to_string(), |i| i.name.clone());
    match kind {
        "indicator" => Item::Named(indicator_name()),
        "sasaran" if key == "*" => Item::AllSasaran,
        "sasaran" => Item::Named(d.sasaran.iter().find(|s| s.code == key).map_or(key.to_string(), |s| s.name.clone())),
        "budget" if key == "*" => Item::AllPrograms,
        "budget" if key == "all" => Item::AllBudgetLines,
        "source" => Item::FundingSource(key.into()),
        "spending" => Item::SpendingType(key.into()),
        "budget" => Item::Named(
            d.budget_line(year, key)
                .or_else(|| d.budget_lines.iter().filter(|b| b.kode == key).min_by_key(|b| (b.year - year).abs()))
                .map_or(key.to_string(), |b| b.name.clone()),
        ),
        "agreement" => Item::AgreementTotal,
        "support" => Item::SupportPrograms(indicator_name()),
        "program_indicators" => Item::ProgramIndicators(indicator_name()),
        "benchmark" => Item::Named(
            key.parse::<i64>()
                .ok()
                .and_then(|p| d.benchmarks.iter().find(|b| b.year == year && b.position == p))
                .map_or(subject.to_string(), |b| b.name.clone()),
        ),
        "staff" if key == "all" => Item::AllStaff,
        "staff" => Item::Staff(key.into()),
        _ => Item::Named(subject.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::subject::{fields_of, FigureKind, SUBJECT_KINDS};

    /// Every field the list gives a subject is one `resolve` computes (on an empty dataset each
    /// says which data it lacks, never that it does not know the field), and nothing else is.
    #[test]
    fn resolve_computes_exactly_the_listed_fields() {
        let d = Dataset::default();
        let s = Settings::default();
        let keys = |kind: &str| -> &'static [&'static str] {
            match kind {
                "sasaran" => &["S1", "*"],
                "budget" => &["1.2", "*", "all"],
                "source" => &["apbd"],
                "spending" => &["program"],
                "agreement" => &["*"],
                "benchmark" => &["1"],
                "staff" => &["all", "PNS"],
                _ => &["IKU1"],
            }
        };
        let unknown_field = |r: &R| matches!(r, Err(CannotCompute::Missing(Need::Field { .. })));
        for kind in SUBJECT_KINDS {
            for key in keys(kind) {
                let subject = format!("{kind}:{key}");
                let fields = fields_of(kind, key);
                assert!(!fields.is_empty(), "{subject}");
                for (field, figure) in fields {
                    // A category comes from the office's bands (`super::bands`), for the checker and the
                    // narrative, not from `resolve`.
                    if *figure == FigureKind::Category {
                        continue;
                    }
                    let r = resolve(&d, &s, 2024, &subject, field);
                    assert!(!unknown_field(&r), "{subject} {field}: {r:?}");
                }
                assert!(unknown_field(&resolve(&d, &s, 2024, &subject, "no_such_field")), "{subject}");
            }
        }
    }

    fn dec(s: &str) -> Decimal {
        s.parse().expect("a decimal literal")
    }

    /// A period 2025–2027 with the `sum` indicator W (targets 100, 120, 130; end target 350;
    /// realised 90 and 150 in the first two years) and the `level` indicator L (targets 50 and 60;
    /// realised 57 in 2026; end target 80).
    fn cumulative_data() -> Dataset {
        let mut d = Dataset::default();
        d.periods.push(RenstraPeriod {
            code: "P".into(),
            start_year: 2025,
            end_year: 2027,
            name: String::new(),
            basis: String::new(),
        });
        let w = Indicator {
            period_rule: PeriodRule::Sum,
            ..Indicator::new("W", "P", IndicatorLevel::Sasaran, None, 1, "W")
        };
        let l = Indicator::new("L", "P", IndicatorLevel::Sasaran, None, 2, "L");
        d.indicators = vec![w, l];
        let target = |i: &str, year, t: &str| Target {
            indicator: i.into(),
            year,
            value: TargetValue { target: dec(t), target_high: None },
            note: String::new(),
        };
        d.targets = vec![
            target("W", 2025, "100"),
            target("W", 2026, "120"),
            target("W", 2027, "130"),
            target("L", 2025, "50"),
            target("L", 2026, "60"),
        ];
        let real =
            |i: &str, year, r: &str| Realisation { indicator: i.into(), year, realisasi: dec(r), note: String::new() };
        d.realisations = vec![real("W", 2025, "90"), real("W", 2026, "150"), real("L", 2026, "57")];
        for (i, end) in [("W", "350"), ("L", "80")] {
            d.baselines.push(RenstraBaseline {
                indicator: i.into(),
                baseline_year: None,
                baseline: None,
                end_target: Some(dec(end)),
                end_target_high: None,
                note: String::new(),
            });
        }
        d
    }

    fn figure(d: &Dataset, year: Year, subject: &str, field: &str) -> Decimal {
        let r = resolve(d, &Settings::default(), year, subject, field);
        r.unwrap_or_else(|e| panic!("{subject} {field} {year}: {e:?}")).value.number().expect("a number").round_dp(4)
    }

    #[test]
    fn a_sum_indicator_adds_the_period_s_years_up() {
        let d = cumulative_data();
        // 2025 alone: target 100, realised 90, capaian 90 ÷ 100 × 100 = 90.
        assert_eq!(figure(&d, 2025, "indicator:W", "target_cumulative"), dec("100"));
        assert_eq!(figure(&d, 2025, "indicator:W", "capaian_cumulative_pct"), dec("90"));
        // s.d. 2026: target 100 + 120 = 220, realised 90 + 150 = 240,
        // capaian 240 ÷ 220 × 100 = 109.0909…
        assert_eq!(figure(&d, 2026, "indicator:W", "target_cumulative"), dec("220"));
        assert_eq!(figure(&d, 2026, "indicator:W", "realisasi_cumulative"), dec("240"));
        assert_eq!(figure(&d, 2026, "indicator:W", "capaian_cumulative_pct"), dec("109.0909"));
        // Against the end target the years together count: 240 ÷ 350 × 100 = 68.5714…
        assert_eq!(figure(&d, 2026, "indicator:W", "capaian_end_pct"), dec("68.5714"));
        // The year's own figures stay the year's: 150 ÷ 120 × 100 = 125.
        assert_eq!(figure(&d, 2026, "indicator:W", "capaian_pct"), dec("125"));
        let formula = resolve(&d, &Settings::default(), 2026, "indicator:W", "realisasi_cumulative").unwrap().formula;
        assert_eq!(formula, Formula::PeriodSum { from: 2025, values: vec![dec("90"), dec("150")] });
    }

    #[test]
    fn a_sum_indicator_without_a_year_s_realisation_or_outside_its_period_is_not_computable() {
        let d = cumulative_data();
        let s = Settings::default();
        let no_2027 = Err(missing(Need::Realisasi { indicator: "W".into(), year: 2027 }));
        assert_eq!(resolve(&d, &s, 2027, "indicator:W", "realisasi_cumulative"), no_2027);
        assert_eq!(resolve(&d, &s, 2027, "indicator:W", "capaian_cumulative_pct"), no_2027);
        // The target s.d. 2027 is still there: 100 + 120 + 130 = 350.
        assert_eq!(figure(&d, 2027, "indicator:W", "target_cumulative"), dec("350"));
        assert_eq!(resolve(&d, &s, 2028, "indicator:W", "target_cumulative"), Err(missing(Need::Period(2028))));
        let mut gap = d.clone();
        gap.targets.retain(|t| !(t.indicator == "W" && t.year == 2025));
        let no_target = Err(missing(Need::Target { indicator: "W".into(), year: 2025 }));
        assert_eq!(resolve(&gap, &s, 2026, "indicator:W", "target_cumulative"), no_target);
    }

    #[test]
    fn a_level_indicator_s_period_figure_is_the_year_s() {
        let d = cumulative_data();
        // 2026: target 60, realised 57, capaian 57 ÷ 60 × 100 = 95; against the end target
        // 57 ÷ 80 × 100 = 71.25, as before period rules existed.
        assert_eq!(figure(&d, 2026, "indicator:L", "target_cumulative"), dec("60"));
        assert_eq!(figure(&d, 2026, "indicator:L", "realisasi_cumulative"), dec("57"));
        assert_eq!(figure(&d, 2026, "indicator:L", "capaian_cumulative_pct"), dec("95"));
        assert_eq!(figure(&d, 2026, "indicator:L", "capaian_end_pct"), dec("71.25"));
    }

    #[test]
    fn a_range_s_bounds_add_up_each_a_year_without_one_counting_its_target() {
        let mut d = cumulative_data();
        d.targets.iter_mut().find(|t| t.indicator == "W" && t.year == 2025).unwrap().value.target_high =
            Some(dec("110"));
        let w = d.indicator("W").unwrap().clone();
        // Low 100 + 120 = 220; high 110 + 120 = 230.
        let (t, _) = cumulative_target(&d, &w, 2026).unwrap();
        assert_eq!(t, TargetValue { target: dec("220"), target_high: Some(dec("230")) });
    }
}
