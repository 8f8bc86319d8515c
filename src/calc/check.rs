//! The consistency checker: every printed figure against its recomputation.
//!
//! Finds (1) printed derived figures that disagree with their recomputation, (2) subtotals of
//! the asset and budget trees that are not the sum of their rows, (3) realisations that do not
//! follow from their raw figures by the indicator's own formula, (4) figures printed in two
//! places that disagree, and (5) unreadable or missing figures. Differences within the printed
//! precision are not findings (see [`super::tolerance`]).

use super::budget::{children_sum, Amounts};
use super::resolve::{self, computed_realisasi, field_label, raw_values, subject_label, Value};
use super::tolerance::agrees;
use super::{akip, formula, Settings};
use crate::domain::*;
use crate::format::{decimal, Lang};
use rust_decimal::Decimal;
use serde::Serialize;

/// What kind of disagreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// The printed figure differs from the recomputation.
    Mismatch,
    /// The printed text is not a readable number.
    Unreadable,
    /// A figure needed to check is missing.
    Missing,
}

/// One place where the data disagrees with itself.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub year: Year,
    /// Table number (or chapter) where the figure is printed.
    pub table: String,
    /// Row label.
    pub item: String,
    /// Column.
    pub field: String,
    pub kind: FindingKind,
    pub reported: Option<Decimal>,
    pub computed: Option<Decimal>,
    /// One sentence, Indonesian.
    pub message: String,
    /// How the computed value was obtained.
    pub formula: String,
    /// The record the finding is about (`budget:1.4.5`, `asset:1.2.1`, `indicator:IKU2`), for
    /// jumping to it.
    pub subject: String,
}

/// A printed figure that could not be checked because the data behind it is not recorded.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unverified {
    pub year: Year,
    pub table: String,
    pub item: String,
    pub field: String,
    pub printed: String,
    pub reason: String,
}

/// The checker's result.
#[derive(Clone, Debug, PartialEq, Default, Serialize)]
pub struct CheckReport {
    pub findings: Vec<Finding>,
    pub unverified: Vec<Unverified>,
}

fn id(d: Decimal) -> String {
    decimal(d, Lang::Id)
}

/// The table number the report uses for a kind of table (about `subject`), in `year`.
pub fn table_id(d: &Dataset, year: Year, kind: TableKind, subject: &str) -> String {
    super::layout::layout(d, year)
        .into_iter()
        .find(|t| t.kind == kind && (subject.is_empty() || t.subject == subject))
        .map(|t| t.id)
        .unwrap_or_else(|| kind.code().to_string())
}

/// Sort key for table numbers: `1.2` < `3.6` < `3.10` < `IV`.
pub fn table_order(id: &str) -> (u32, u32, String) {
    let mut parts = id.split('.');
    let major = parts.next().and_then(|p| p.parse().ok()).unwrap_or(u32::MAX);
    let minor = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    (major, minor, id.to_string())
}

/// Runs every check; `year` limits it to one year.
pub fn check(d: &Dataset, s: &Settings, year: Option<Year>) -> CheckReport {
    let mut r = CheckReport::default();
    let in_year = |y: Year| year.is_none_or(|x| x == y);
    printed_figures(d, s, &in_year, &mut r);
    budget_trees(d, &in_year, &mut r);
    asset_trees(d, &in_year, &mut r);
    raw_realisations(d, &in_year, &mut r);
    cross_records(d, &in_year, &mut r);
    r.findings.sort_by_key(|f| (table_order(&f.table), f.year));
    r
}

fn printed_figures(d: &Dataset, s: &Settings, in_year: &dyn Fn(Year) -> bool, r: &mut CheckReport) {
    for p in d.printed_figures.iter().filter(|p| in_year(p.year)) {
        let item = subject_label(d, p.year, &p.subject);
        let place = match p.place {
            Place::Table => "",
            Place::Narrative => " (narasi)",
            Place::Calculation => " (perhitungan)",
        };
        let field = format!("{}{place}", field_label(&p.field));
        let computed = resolve::resolve(d, s, p.year, &p.subject, &p.field);
        match (computed, p.value) {
            (Err(reason), _) => r.unverified.push(Unverified {
                year: p.year,
                table: p.table.clone(),
                item,
                field,
                printed: p.printed.clone(),
                reason: reason.message_id(),
            }),
            (Ok(c), _) if matches!(c.value, Value::Verdict(_)) => {
                let Value::Verdict(v) = c.value else { continue };
                let printed = super::efficiency::Verdict::parse(&p.printed);
                if printed != Some(v) {
                    r.findings.push(Finding {
                        year: p.year,
                        table: p.table.clone(),
                        message: format!(
                            "Tabel {}: {} '{}' dicetak '{}', hasil hitung '{}'.",
                            p.table,
                            field,
                            item,
                            p.printed,
                            v.text()
                        ),
                        item,
                        field,
                        kind: FindingKind::Mismatch,
                        reported: None,
                        computed: None,
                        formula: c.formula,
                        subject: p.subject.clone(),
                    });
                }
            }
            (Ok(c), None) => r.findings.push(Finding {
                year: p.year,
                table: p.table.clone(),
                message: format!(
                    "Tabel {}: {} '{}' tercetak '{}' yang tidak terbaca sebagai angka.",
                    p.table, field, item, p.printed
                ),
                item,
                field,
                kind: FindingKind::Unreadable,
                reported: None,
                computed: c.value.number(),
                formula: c.formula,
                subject: p.subject.clone(),
            }),
            (Ok(c), Some(printed)) => {
                let computed = c.value.number().unwrap_or_default();
                if !agrees(printed, computed) {
                    r.findings.push(Finding {
                        year: p.year,
                        table: p.table.clone(),
                        message: format!(
                            "Tabel {}: {} '{}' dicetak {}, hasil hitung {}.",
                            p.table,
                            field,
                            item,
                            id(printed),
                            id(computed.round_dp(printed.scale().max(2)))
                        ),
                        item,
                        field,
                        kind: FindingKind::Mismatch,
                        reported: Some(printed),
                        computed: Some(computed.round_dp(4)),
                        formula: c.formula,
                        subject: p.subject.clone(),
                    });
                }
            }
        }
    }
}

fn money_mismatch(printed: Option<Money>, sum: Option<Money>) -> Option<(Decimal, Decimal)> {
    match (printed, sum) {
        (Some(p), Some(s)) if p != s => Some((p.decimal(), s.decimal())),
        _ => None,
    }
}

fn budget_table(d: &Dataset, line: &BudgetLine) -> String {
    let mut program = line;
    while let Some(parent) = program.parent.as_deref().and_then(|p| d.budget_line(line.year, p)) {
        program = parent;
    }
    let supported = d.program_support.iter().find(|s| s.program == program.kode);
    let layout = super::layout::layout(d, line.year);
    let iku_table = supported.and_then(|s| {
        layout.iter().find(|t| t.kind == TableKind::IkuBudget && t.subject == s.indicator).map(|t| t.id.clone())
    });
    iku_table.unwrap_or_else(|| table_id(d, line.year, TableKind::BudgetRealisation, ""))
}

fn budget_trees(d: &Dataset, in_year: &dyn Fn(Year) -> bool, r: &mut CheckReport) {
    for line in d.budget_lines.iter().filter(|b| in_year(b.year)) {
        let Some(sum) = children_sum(d, line.year, &line.kode) else { continue };
        let own = Amounts::own(line);
        let checks = [
            ("pagu murni", line.pagu_murni, sum.pagu_murni),
            ("pagu", own.pagu, sum.pagu),
            ("realisasi", own.realisasi, sum.realisasi),
        ];
        for (field, printed, computed) in checks {
            if let Some((p, c)) = money_mismatch(printed, computed) {
                let table = budget_table(d, line);
                r.findings.push(Finding {
                    year: line.year,
                    message: format!(
                        "Tabel {table}: {field} '{}' dicetak {}, jumlah rinciannya {}.",
                        line.name,
                        id(p),
                        id(c)
                    ),
                    table,
                    item: line.name.clone(),
                    field: field.into(),
                    kind: FindingKind::Mismatch,
                    reported: Some(p),
                    computed: Some(c),
                    formula: format!("jumlah {field} baris di bawahnya"),
                    subject: format!("budget:{}", line.kode),
                });
            }
        }
    }
}

fn asset_trees(d: &Dataset, in_year: &dyn Fn(Year) -> bool, r: &mut CheckReport) {
    for item in d.assets.iter().filter(|a| in_year(a.year)) {
        let children = d.asset_children(item.year, Some(&item.code));
        if children.is_empty() {
            continue;
        }
        let table = table_id(d, item.year, TableKind::Assets, "");
        let subject = format!("asset:{}", item.code);
        let mut push = |field: &str, kind, p: Option<Decimal>, c: Option<Decimal>, message: String, formula: &str| {
            r.findings.push(Finding {
                year: item.year,
                table: table.clone(),
                item: item.name.clone(),
                field: field.into(),
                kind,
                reported: p,
                computed: c,
                message,
                formula: formula.into(),
                subject: subject.clone(),
            })
        };
        if let Some(count) = item.count {
            let uncounted: Vec<&str> = children.iter().filter(|c| c.count.is_none()).map(|c| c.name.as_str()).collect();
            if !uncounted.is_empty() {
                push(
                    "jumlah",
                    FindingKind::Missing,
                    Some(Decimal::from(count)),
                    None,
                    format!(
                        "Tabel {table}: jumlah '{}' dicetak {count}, tetapi rinciannya tanpa jumlah unit ({}).",
                        item.name,
                        uncounted.join(", ")
                    ),
                    "jumlah unit baris di bawahnya",
                );
            } else {
                let sum: i64 = children.iter().filter_map(|c| c.count).sum();
                if sum != count {
                    push(
                        "jumlah",
                        FindingKind::Mismatch,
                        Some(Decimal::from(count)),
                        Some(Decimal::from(sum)),
                        format!("Tabel {table}: jumlah '{}' dicetak {count}, jumlah rinciannya {sum}.", item.name),
                        "jumlah unit baris di bawahnya",
                    );
                }
            }
        }
        if let Some(value) = item.value {
            let sum = children.iter().filter_map(|c| c.value).try_fold(Money::ZERO, |acc, v| acc.checked_add(v));
            if let Some((p, c)) = money_mismatch(Some(value), sum) {
                push(
                    "nilai",
                    FindingKind::Mismatch,
                    Some(p),
                    Some(c),
                    format!(
                        "Tabel {table}: nilai '{}' dicetak Rp {}, jumlah rinciannya Rp {}.",
                        item.name,
                        crate::format::number(p, 2, Lang::Id),
                        crate::format::number(c, 2, Lang::Id)
                    ),
                    "jumlah nilai baris di bawahnya",
                );
            }
        }
    }
}

fn raw_realisations(d: &Dataset, in_year: &dyn Fn(Year) -> bool, r: &mut CheckReport) {
    for real in d.realisations.iter().filter(|x| in_year(x.year)) {
        let Some(ind) = d.indicator(&real.indicator) else { continue };
        if ind.formula == FormulaKind::Value {
            continue;
        }
        let Ok(c) = computed_realisasi(d, ind, real.year) else { continue };
        let computed = c.value.number().unwrap_or_default();
        if agrees(real.realisasi, computed) {
            continue;
        }
        let raw = raw_values(d, &ind.code, real.year);
        let explained = formula::alternatives(&raw)
            .into_iter()
            .find(|(_, v)| agrees(real.realisasi, *v))
            .map(|(name, v)| format!(" Angka cetak sama dengan {name} = {}.", id(v.round_dp(4))))
            .unwrap_or_default();
        let table = if ind.level == IndicatorLevel::Program {
            d.program_support
                .iter()
                .find(|s| Some(s.program.as_str()) == ind.parent.as_deref())
                .map(|s| table_id(d, real.year, TableKind::ProgramIndicators, &s.indicator))
                .unwrap_or_else(|| table_id(d, real.year, TableKind::Capaian, ""))
        } else {
            table_id(d, real.year, TableKind::Capaian, "")
        };
        r.findings.push(Finding {
            year: real.year,
            message: format!(
                "Tabel {table}: realisasi '{}' dicetak {}, menurut rumus indikator ({}) hasilnya {}.{explained}",
                ind.name,
                id(real.realisasi),
                formula::formula_text(ind.formula),
                id(computed.round_dp(2))
            ),
            table,
            item: ind.name.clone(),
            field: "realisasi".into(),
            kind: FindingKind::Mismatch,
            reported: Some(real.realisasi),
            computed: Some(computed.round_dp(4)),
            formula: c.formula,
            subject: format!("indicator:{}", ind.code),
        });
    }
}

fn cross_records(d: &Dataset, in_year: &dyn Fn(Year) -> bool, r: &mut CheckReport) {
    for real in d.realisations.iter().filter(|x| in_year(x.year)) {
        let Some(ind) = d.indicator(&real.indicator) else { continue };
        let Some((from_quarters, last)) = super::resolve::quarter_realisasi(d, ind, real.year) else { continue };
        if last == 4 && !agrees(real.realisasi, from_quarters) {
            let table = table_id(d, real.year, TableKind::Capaian, "");
            let rule = match ind.quarter_rule {
                QuarterRule::Cumulative => "realisasi triwulan IV (kumulatif)",
                QuarterRule::Sum => "jumlah realisasi triwulan I–IV",
            };
            r.findings.push(Finding {
                year: real.year,
                message: format!(
                    "Realisasi '{}' {} dicatat {}, menurut Rencana Aksi ({rule}) {}.",
                    ind.name,
                    real.year,
                    id(real.realisasi),
                    id(from_quarters)
                ),
                table,
                item: ind.name.clone(),
                field: "realisasi (triwulan)".into(),
                kind: FindingKind::Mismatch,
                reported: Some(real.realisasi),
                computed: Some(from_quarters),
                formula: rule.into(),
                subject: format!("indicator:{}", ind.code),
            });
        }
    }
    for line in d.budget_lines.iter().filter(|b| in_year(b.year)) {
        let quarters: Vec<&BudgetQuarter> =
            d.budget_quarters.iter().filter(|q| q.year == line.year && q.kode == line.kode).collect();
        if quarters.is_empty() {
            continue;
        }
        let sum = quarters.iter().try_fold(Money::ZERO, |acc, q| acc.checked_add(q.realisasi));
        if let Some((p, c)) = money_mismatch(line.realisasi, sum) {
            let table = budget_table(d, line);
            r.findings.push(Finding {
                year: line.year,
                message: format!(
                    "Realisasi '{}' {} dicatat {}, jumlah realisasi per triwulan {}.",
                    line.name,
                    line.year,
                    id(p),
                    id(c)
                ),
                table,
                item: line.name.clone(),
                field: "realisasi (triwulan)".into(),
                kind: FindingKind::Mismatch,
                reported: Some(p),
                computed: Some(c),
                formula: "jumlah realisasi triwulan I–IV".into(),
                subject: format!("budget:{}", line.kode),
            });
        }
    }
    for u in d.umkm_upgrades.iter().filter(|u| in_year(u.year)) {
        let Some(class) = super::umkm::classify(u.annual_sales, u.capital) else { continue };
        if class != u.to_class {
            let table = table_id(d, u.year, TableKind::UmkmUpgrades, "");
            r.findings.push(Finding {
                year: u.year,
                message: format!(
                    "Tabel {table}: '{}' dicatat naik ke kelas {}, menurut PP 7/2021 hasil penjualan/modalnya termasuk kelas {}.",
                    u.business,
                    u.to_class.code(),
                    class.code()
                ),
                table,
                item: u.business.clone(),
                field: "kelas usaha".into(),
                kind: FindingKind::Mismatch,
                reported: None,
                computed: None,
                formula: "PP 7/2021: hasil penjualan tahunan (atau modal usaha tanpa tanah dan bangunan)".into(),
                subject: format!("umkm:{}", u.position),
            });
        }
    }
    for a in d.agreement_programs.iter().filter(|a| in_year(a.year)) {
        let Some(line) = d.budget_line(a.year, &a.program) else { continue };
        let table = table_id(d, a.year, TableKind::Agreement, "");
        for (field, pk, budget) in
            [("pagu murni", a.pagu_murni, line.pagu_murni), ("pagu perubahan", a.pagu_perubahan, line.pagu_perubahan)]
        {
            if let Some((p, c)) = money_mismatch(pk, budget) {
                r.findings.push(Finding {
                    year: a.year,
                    message: format!(
                        "Tabel {table}: {field} '{}' dalam Perjanjian Kinerja {}, dalam data anggaran {}.",
                        a.name,
                        id(p),
                        id(c)
                    ),
                    table: table.clone(),
                    item: a.name.clone(),
                    field: field.into(),
                    kind: FindingKind::Mismatch,
                    reported: Some(p),
                    computed: Some(c),
                    formula: "pagu program pada data anggaran".into(),
                    subject: format!("budget:{}", a.program),
                });
            }
        }
    }
    for a in d.agreements.iter().filter(|a| in_year(a.year)) {
        let Some(t) = d.renstra_target(&a.indicator, a.year) else { continue };
        if t.target != a.value.target {
            let name = d.indicator(&a.indicator).map_or(a.indicator.clone(), |i| i.name.clone());
            let table = table_id(d, a.year, TableKind::Agreement, "");
            r.findings.push(Finding {
                year: a.year,
                message: format!(
                    "Tabel {table}: target '{name}' dalam Perjanjian Kinerja {}, dalam Renstra {}.",
                    id(a.value.target),
                    id(t.target)
                ),
                table,
                item: name,
                field: "target".into(),
                kind: FindingKind::Mismatch,
                reported: Some(a.value.target),
                computed: Some(t.target),
                formula: "target Renstra tahun yang sama".into(),
                subject: format!("indicator:{}", a.indicator),
            });
        }
        if d.report_years().contains(&a.year) && d.realisation(&a.indicator, a.year).is_none() {
            let ind = d.indicator(&a.indicator);
            let computable = ind.is_some_and(|i| computed_realisasi(d, i, a.year).is_ok());
            if !computable {
                let name = ind.map_or(a.indicator.clone(), |i| i.name.clone());
                let table = table_id(d, a.year, TableKind::Capaian, "");
                r.findings.push(Finding {
                    year: a.year,
                    message: format!(
                        "Tabel {table}: '{name}' punya target {} tetapi realisasinya belum dicatat.",
                        a.year
                    ),
                    table,
                    item: name,
                    field: "realisasi".into(),
                    kind: FindingKind::Missing,
                    reported: None,
                    computed: None,
                    formula: String::new(),
                    subject: format!("indicator:{}", a.indicator),
                });
            }
        }
    }
    for e in d.akip_evaluations.iter().filter(|e| in_year(e.year)) {
        if let Some(real) = e.indicator.as_deref().and_then(|i| d.realisation(i, e.year)) {
            if real.realisasi != e.score {
                r.findings.push(Finding {
                    year: e.year,
                    table: "AKIP".into(),
                    item: format!("Nilai AKIP {}", e.year),
                    field: "nilai".into(),
                    kind: FindingKind::Mismatch,
                    reported: Some(e.score),
                    computed: Some(real.realisasi),
                    message: format!(
                        "Nilai AKIP {} hasil evaluasi {}, sedangkan realisasi indikatornya {}.",
                        e.year,
                        id(e.score),
                        id(real.realisasi)
                    ),
                    formula: "realisasi indikator nilai AKIP".into(),
                    subject: format!("indicator:{}", real.indicator),
                });
            }
        }
        if let (Some(a), Some(b), Some(c), Some(dd)) = (e.perencanaan, e.pengukuran, e.pelaporan, e.evaluasi) {
            if let Ok(total) = akip::weighted_total([a, b, c, dd]) {
                if !agrees(e.score, total) {
                    r.findings.push(Finding {
                        year: e.year,
                        table: "AKIP".into(),
                        item: format!("Nilai AKIP {}", e.year),
                        field: "nilai".into(),
                        kind: FindingKind::Mismatch,
                        reported: Some(e.score),
                        computed: Some(total),
                        message: format!(
                            "Nilai AKIP {} dicatat {}, jumlah tertimbang komponennya {}.",
                            e.year,
                            id(e.score),
                            id(total.round_dp(2))
                        ),
                        formula: "perencanaan × 30% + pengukuran × 30% + pelaporan × 15% + evaluasi internal × 25%"
                            .into(),
                        subject: format!("akip:{}", e.year),
                    });
                }
            }
        }
        if !e.predicate.is_empty() {
            if let Ok(p) = akip::predicate(e.score) {
                if p.code() != e.predicate.trim() {
                    r.findings.push(Finding {
                        year: e.year,
                        table: "AKIP".into(),
                        item: format!("Predikat AKIP {}", e.year),
                        field: "predikat".into(),
                        kind: FindingKind::Mismatch,
                        reported: None,
                        computed: None,
                        message: format!(
                            "Predikat AKIP {} dicetak {}, untuk nilai {} seharusnya {}.",
                            e.year,
                            e.predicate,
                            id(e.score),
                            p.code()
                        ),
                        formula: "PermenPAN-RB 88/2021".into(),
                        subject: format!("akip:{}", e.year),
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn akip_components_and_umkm_class_are_checked() {
        let mut d = Dataset::default();
        d.akip_evaluations.push(AkipEvaluation {
            year: 2025,
            score: dec("80"),
            predicate: "A".into(),
            perencanaan: Some(dec("80")),
            pengukuran: Some(dec("70")),
            pelaporan: Some(dec("90")),
            evaluasi: Some(dec("60")),
            evaluator: String::new(),
            indicator: None,
            note: String::new(),
        });
        d.umkm_upgrades.push(UmkmUpgrade {
            year: 2025,
            position: 1,
            owner: "A".into(),
            address: String::new(),
            business: "Toko A".into(),
            phone: String::new(),
            from_class: UmkmClass::Mikro,
            to_class: UmkmClass::Kecil,
            annual_sales: Some(Money::from_rupiah(1_500_000_000)),
            capital: None,
        });
        let r = check(&d, &Settings::default(), None);
        let fields: Vec<&str> = r.findings.iter().map(|f| f.field.as_str()).collect();
        // The components weigh 24 + 21 + 13.5 + 15 = 73.5, not the recorded 80.
        assert!(fields.contains(&"nilai"), "{fields:?}");
        assert!(fields.contains(&"predikat"), "80 is BB, not A: {fields:?}");
        assert!(fields.contains(&"kelas usaha"), "sales of Rp 1,5 miliar are still mikro: {fields:?}");
    }
}
