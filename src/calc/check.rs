//! The consistency checker: every printed figure against its recomputation.
//!
//! Finds (1) printed derived figures that disagree with their recomputation, (2) subtotals of
//! the asset and budget trees that are not the sum of their rows, (3) realisations that do not
//! follow from their raw figures by the indicator's own formula, (4) figures printed in two
//! places that disagree, and (5) unreadable or missing figures. Differences within the printed
//! precision are not findings (see [`super::tolerance`]).

use super::akip::Predicate;
use super::budget::{children_sum, Amounts};
use super::efficiency::Verdict;
use super::how::{Alternative, Amount, Formula, Item};
use super::narrative::{self, Piece, SyntaxError, Target, Unresolved};
use super::resolve::{self, computed_realisasi, raw_values, subject_item, Value};
use super::tolerance::agrees;
use super::{akip, bands, formula, CannotCompute, Settings};
use crate::domain::*;
use rust_decimal::Decimal;

/// What kind of disagreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FindingKind {
    /// The printed figure differs from the recomputation.
    Mismatch,
    /// The printed text is not a readable number.
    Unreadable,
    /// A figure needed to check is missing.
    Missing,
}

impl FindingKind {
    /// Stable machine code.
    pub fn code(self) -> &'static str {
        match self {
            FindingKind::Mismatch => "mismatch",
            FindingKind::Unreadable => "unreadable",
            FindingKind::Missing => "missing",
        }
    }
}

/// Which check found a finding, with what it needs beyond the finding's common fields.
#[derive(Clone, Debug, PartialEq)]
pub enum Issue {
    /// A printed derived figure differs from its recomputation.
    Printed,
    /// A printed verdict (efisien …) differs from the computed one.
    PrintedVerdict { printed: String, computed: Verdict },
    /// A printed achievement category (SB, Baik …) is not the band of the office's scale that
    /// the capaian falls in; `computed` is that band's code, `None` when it falls in none, and
    /// `computed_name` its name in words (empty where the scale gives none).
    PrintedCategory { printed: String, computed: Option<String>, computed_name: String },
    /// A printed figure is not a readable number.
    Unreadable { printed: String },
    /// A subtotal is not the sum of the rows under it.
    Subtotal,
    /// A subtotal's count cannot be checked: these rows under it have no count.
    SubtotalUncounted { rows: Vec<String> },
    /// A realisation does not follow from its raw figures by the indicator's formula;
    /// `explained` is another way of computing that gives the printed number.
    RawFormula { kind: FormulaKind, explained: Option<(Alternative, Decimal)> },
    /// A realisation differs from what its quarters give.
    IndicatorQuarters,
    /// A budget line's realisasi differs from the sum of its quarters.
    BudgetQuarters,
    /// A budget line's printed sisa anggaran is not its pagu − realisasi.
    BudgetSisa,
    /// A printed realisasi fisik lies outside 0–100 %.
    FisikRange,
    /// A recorded UMKM class differs from the class of PP 7/2021.
    UmkmClass { recorded: UmkmClass, computed: UmkmClass },
    /// A pagu in the Perjanjian Kinerja differs from the budget data.
    AgreementBudget,
    /// A target in the Perjanjian Kinerja differs from the Renstra.
    AgreementTarget,
    /// The Renstra's yearly targets of a `sum` indicator do not add up to its end target.
    RenstraTargetsSum,
    /// An agreed indicator of a report year has no realisation.
    RealisasiMissing,
    /// The AKIP score differs from the realisation of the indicator that records it.
    AkipIndicator,
    /// The AKIP score differs from the weighted sum of its components.
    AkipWeighted,
    /// The AKIP predicate does not belong to the score.
    AkipPredicate { printed: String, computed: Predicate },
    /// A reference in a section's stored text cannot be read.
    NarrativeSyntax { section: String, error: SyntaxError },
    /// A reference in a section's text shows no figure: it names nothing in the data any more,
    /// or its figure cannot be computed for the document's year. `reference` is the reference
    /// as written, without its braces.
    NarrativeReference { section: String, reference: String, reason: Unresolved },
}

impl Issue {
    /// Stable machine code (documented in `docs/findings.md`).
    pub fn code(&self) -> &'static str {
        match self {
            Issue::Printed => "printed_mismatch",
            Issue::PrintedVerdict { .. } => "printed_verdict_mismatch",
            Issue::PrintedCategory { .. } => "printed_category_mismatch",
            Issue::Unreadable { .. } => "printed_unreadable",
            Issue::Subtotal => "subtotal_mismatch",
            Issue::SubtotalUncounted { .. } => "subtotal_rows_uncounted",
            Issue::RawFormula { .. } => "raw_formula_mismatch",
            Issue::IndicatorQuarters => "indicator_quarters_mismatch",
            Issue::BudgetQuarters => "budget_quarters_mismatch",
            Issue::BudgetSisa => "budget_sisa_mismatch",
            Issue::FisikRange => "budget_fisik_out_of_range",
            Issue::UmkmClass { .. } => "umkm_class_mismatch",
            Issue::AgreementBudget => "agreement_budget_mismatch",
            Issue::AgreementTarget => "agreement_target_mismatch",
            Issue::RenstraTargetsSum => "renstra_targets_sum_mismatch",
            Issue::RealisasiMissing => "realisasi_missing",
            Issue::AkipIndicator => "akip_score_indicator_mismatch",
            Issue::AkipWeighted => "akip_score_weighted_mismatch",
            Issue::AkipPredicate { .. } => "akip_predicate_mismatch",
            Issue::NarrativeSyntax { .. } => "narrative_syntax",
            Issue::NarrativeReference { .. } => "narrative_reference_unresolved",
        }
    }
}

/// One place where the data disagrees with itself: data only; `crate::text` words it.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub year: Year,
    /// Table number (or chapter) where the figure is printed.
    pub table: String,
    /// The row.
    pub item: Item,
    /// The column, by its machine code (`serapan_pct`, `pagu`, `realisasi_quarters` …).
    pub field: String,
    /// Where the figure is printed: the table, the narrative or a worked calculation.
    pub place: Place,
    pub kind: FindingKind,
    pub issue: Issue,
    pub reported: Option<Decimal>,
    pub computed: Option<Decimal>,
    /// Whether `reported` and `computed` are amounts of money.
    pub money: bool,
    /// How the computed value was obtained.
    pub formula: Formula,
    /// The record the finding is about (`budget:1.4.5`, `asset:1.2.1`, `indicator:IKU2`), for
    /// jumping to it.
    pub subject: String,
    /// The title the office's report prints over `table`, where its layout of the year
    /// (`report_tables.csv`) gives the table.
    pub table_title: Option<String>,
}

/// A printed figure that could not be checked because the data behind it is not recorded.
#[derive(Clone, Debug, PartialEq)]
pub struct Unverified {
    pub year: Year,
    pub table: String,
    pub item: Item,
    pub field: String,
    pub place: Place,
    pub printed: String,
    pub reason: CannotCompute,
    pub subject: String,
}

/// The checker's result.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CheckReport {
    pub findings: Vec<Finding>,
    pub unverified: Vec<Unverified>,
}

/// The table number the report uses for a kind of table (about `subject`), in `year`: the
/// office's own where its layout gives one. A table the year's layout does not hold goes by its
/// stable name (`iku-anggaran:IKU4`).
pub fn table_id(d: &Dataset, year: Year, kind: TableKind, subject: &str) -> String {
    super::layout::layout(d, year)
        .into_iter()
        .find(|t| t.kind == kind && (subject.is_empty() || t.subject == subject))
        .map(|t| t.id)
        .unwrap_or_else(|| {
            if kind.needs_indicator() && !subject.is_empty() {
                format!("{}:{subject}", kind.name())
            } else {
                kind.name().to_string()
            }
        })
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
    renstra_sums(d, &in_year, &mut r);
    narrative_references(d, s, &in_year, &mut r);
    r.findings.sort_by_key(|f| (table_order(&f.table), f.year));
    office_titles(d, &mut r.findings);
    r
}

/// Each finding's table titled as the office's report titles it, where the year's own layout
/// (`report_tables.csv` rows of that year) holds the table: a year numbered after another
/// year, or by Kinerja, has no printed title.
fn office_titles(d: &Dataset, findings: &mut [Finding]) {
    let mut layouts: std::collections::HashMap<Year, Vec<ReportTable>> = std::collections::HashMap::new();
    for f in findings {
        if !d.report_tables.iter().any(|t| t.year == f.year) {
            continue;
        }
        let tables = layouts.entry(f.year).or_insert_with(|| super::layout::layout(d, f.year));
        f.table_title = tables.iter().find(|t| t.id == f.table).map(|t| t.title.clone());
    }
}

fn printed_figures(d: &Dataset, s: &Settings, in_year: &dyn Fn(Year) -> bool, r: &mut CheckReport) {
    for p in d.printed_figures.iter().filter(|p| in_year(p.year)) {
        let item = subject_item(d, p.year, &p.subject);
        // A table named by its stable name is shown by the office's own number.
        let table = super::layout::printed_table_or_text(d, p.year, &p.table);
        let finding = |kind, issue, reported, computed, formula| Finding {
            year: p.year,
            table: table.clone(),
            item: item.clone(),
            field: p.field.clone(),
            place: p.place,
            kind,
            issue,
            reported,
            computed,
            money: false,
            formula,
            subject: p.subject.clone(),
            table_title: None,
        };
        let unverified = |reason| Unverified {
            year: p.year,
            table: table.clone(),
            item: item.clone(),
            field: p.field.clone(),
            place: p.place,
            printed: p.printed.clone(),
            reason,
            subject: p.subject.clone(),
        };
        if let Some(code) = p.subject.strip_prefix("indicator:").filter(|_| p.field == "category") {
            match bands::indicator_category(d, s, code, p.year) {
                Err(reason) => r.unverified.push(unverified(reason)),
                Ok((band, c)) if !band.is_some_and(|b| bands::names_band(&p.printed, b)) => {
                    let issue = Issue::PrintedCategory {
                        printed: p.printed.clone(),
                        computed: band.map(|b| b.code.clone()),
                        computed_name: band.map(|b| b.name.clone()).unwrap_or_default(),
                    };
                    r.findings.push(finding(FindingKind::Mismatch, issue, None, c.value.number(), c.formula));
                }
                Ok(_) => {}
            }
            continue;
        }
        let computed = resolve::resolve(d, s, p.year, &p.subject, &p.field);
        match (computed, p.value) {
            (Err(reason), _) => r.unverified.push(unverified(reason)),
            (Ok(c), _) if matches!(c.value, Value::Verdict(_)) => {
                let Value::Verdict(v) = c.value else { continue };
                if Verdict::parse(&p.printed) != Some(v) {
                    let issue = Issue::PrintedVerdict { printed: p.printed.clone(), computed: v };
                    r.findings.push(finding(FindingKind::Mismatch, issue, None, None, c.formula));
                }
            }
            (Ok(c), None) => {
                let issue = Issue::Unreadable { printed: p.printed.clone() };
                r.findings.push(finding(FindingKind::Unreadable, issue, None, c.value.number(), c.formula));
            }
            (Ok(c), Some(printed)) => {
                let computed = c.value.number().unwrap_or_default();
                if !agrees(printed, computed) {
                    let shown = Some(computed.round_dp(4));
                    r.findings.push(finding(FindingKind::Mismatch, Issue::Printed, Some(printed), shown, c.formula));
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

/// A mismatch of two amounts of money (or counts) on a row of the data.
#[allow(clippy::too_many_arguments)]
fn amount_finding(
    year: Year,
    table: String,
    item: &str,
    field: &str,
    issue: Issue,
    (reported, computed): (Decimal, Decimal),
    money: bool,
    formula: Formula,
    subject: String,
) -> Finding {
    Finding {
        year,
        table,
        item: Item::Named(item.into()),
        field: field.into(),
        place: Place::Table,
        kind: FindingKind::Mismatch,
        issue,
        reported: Some(reported),
        computed: Some(computed),
        money,
        formula,
        subject,
        table_title: None,
    }
}

/// The figures a line prints beside its amounts: sisa = pagu − realisasi (the line's amounts,
/// rolled up where it prints none) and a realisasi fisik within 0–100 %.
fn budget_line_prints(d: &Dataset, line: &BudgetLine, r: &mut CheckReport) {
    let subject = format!("budget:{}", line.kode);
    if let Some(printed) = line.sisa {
        let a = super::budget::effective(d, line);
        if let Ok(sisa) = a.sisa() {
            if let Some(pc) = money_mismatch(Some(printed), Some(sisa)) {
                r.findings.push(amount_finding(
                    line.year,
                    budget_table(d, line),
                    &line.name,
                    "sisa",
                    Issue::BudgetSisa,
                    pc,
                    true,
                    Formula::Sisa { pagu: a.pagu, realisasi: a.realisasi },
                    subject.clone(),
                ));
            }
        }
    }
    if let Some(f) = line.fisik_pct {
        if f < Decimal::ZERO || f > Decimal::ONE_HUNDRED {
            let mut finding = amount_finding(
                line.year,
                budget_table(d, line),
                &line.name,
                "fisik_pct",
                Issue::FisikRange,
                (f, f.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED)),
                false,
                Formula::None,
                subject,
            );
            finding.computed = None;
            r.findings.push(finding);
        }
    }
}

fn budget_trees(d: &Dataset, in_year: &dyn Fn(Year) -> bool, r: &mut CheckReport) {
    for line in d.budget_lines.iter().filter(|b| in_year(b.year)) {
        budget_line_prints(d, line, r);
        let Some(sum) = children_sum(d, line.year, &line.kode) else { continue };
        let own = Amounts::own(line);
        let checks = [
            (Amount::PaguMurni, line.pagu_murni, sum.pagu_murni),
            (Amount::Pagu, own.pagu, sum.pagu),
            (Amount::Realisasi, own.realisasi, sum.realisasi),
        ];
        for (amount, printed, computed) in checks {
            if let Some(pc) = money_mismatch(printed, computed) {
                r.findings.push(amount_finding(
                    line.year,
                    budget_table(d, line),
                    &line.name,
                    amount.code(),
                    Issue::Subtotal,
                    pc,
                    true,
                    Formula::ChildrenSum(amount),
                    format!("budget:{}", line.kode),
                ));
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
        if let Some(count) = item.count {
            let uncounted: Vec<String> =
                children.iter().filter(|c| c.count.is_none()).map(|c| c.name.clone()).collect();
            if !uncounted.is_empty() {
                r.findings.push(Finding {
                    year: item.year,
                    table: table.clone(),
                    item: Item::Named(item.name.clone()),
                    field: "count".into(),
                    place: Place::Table,
                    kind: FindingKind::Missing,
                    issue: Issue::SubtotalUncounted { rows: uncounted },
                    reported: Some(Decimal::from(count)),
                    computed: None,
                    money: false,
                    formula: Formula::ChildrenSum(Amount::Units),
                    subject: subject.clone(),
                    table_title: None,
                });
            } else {
                let sum: i64 = children.iter().filter_map(|c| c.count).sum();
                if sum != count {
                    r.findings.push(amount_finding(
                        item.year,
                        table.clone(),
                        &item.name,
                        "count",
                        Issue::Subtotal,
                        (Decimal::from(count), Decimal::from(sum)),
                        false,
                        Formula::ChildrenSum(Amount::Units),
                        subject.clone(),
                    ));
                }
            }
        }
        if let Some(value) = item.value {
            let sum = children.iter().filter_map(|c| c.value).try_fold(Money::ZERO, |acc, v| acc.checked_add(v));
            if let Some(pc) = money_mismatch(Some(value), sum) {
                r.findings.push(amount_finding(
                    item.year,
                    table.clone(),
                    &item.name,
                    "value",
                    Issue::Subtotal,
                    pc,
                    true,
                    Formula::ChildrenSum(Amount::Value),
                    subject.clone(),
                ));
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
            .map(|(how, v)| (how, v.round_dp(4)));
        let table = if ind.level == IndicatorLevel::Program {
            d.program_support
                .iter()
                .find(|s| Some(s.program.as_str()) == ind.parent.as_deref())
                .map(|s| table_id(d, real.year, TableKind::ProgramIndicators, &s.indicator))
                .unwrap_or_else(|| table_id(d, real.year, TableKind::Capaian, ""))
        } else {
            table_id(d, real.year, TableKind::Capaian, "")
        };
        r.findings.push(amount_finding(
            real.year,
            table,
            &ind.name,
            "realisasi",
            Issue::RawFormula { kind: ind.formula, explained },
            (real.realisasi, computed.round_dp(4)),
            false,
            c.formula,
            format!("indicator:{}", ind.code),
        ));
    }
}

/// A `sum` indicator's yearly Renstra targets against its end target, where the Renstra gives
/// the end target and every year's target (a plan that leaves a year out is not checked). The
/// finding belongs to the period's last year and is shown for any year of the period.
fn renstra_sums(d: &Dataset, in_year: &dyn Fn(Year) -> bool, r: &mut CheckReport) {
    for ind in d.indicators.iter().filter(|i| i.period_rule == PeriodRule::Sum) {
        let Some(period) = d.period(&ind.period) else { continue };
        if !(period.start_year..=period.end_year).any(in_year) {
            continue;
        }
        let Some(b) = d.baselines.iter().find(|b| b.indicator == ind.code) else { continue };
        let Some(end) = b.end_target else { continue };
        let Ok((sum, formula)) = resolve::cumulative_target(d, ind, period.end_year) else { continue };
        let high_differs = b.end_target_high.is_some() && sum.target_high != b.end_target_high;
        if sum.target != end || high_differs {
            r.findings.push(amount_finding(
                period.end_year,
                table_id(d, period.end_year, TableKind::IkuRenstra, ""),
                &ind.name,
                "end_target",
                Issue::RenstraTargetsSum,
                (end, sum.target),
                false,
                formula,
                format!("indicator:{}", ind.code),
            ));
        }
    }
}

fn cross_records(d: &Dataset, in_year: &dyn Fn(Year) -> bool, r: &mut CheckReport) {
    for real in d.realisations.iter().filter(|x| in_year(x.year)) {
        let Some(ind) = d.indicator(&real.indicator) else { continue };
        let Some((from_quarters, last)) = super::resolve::quarter_realisasi(d, ind, real.year) else { continue };
        if last == 4 && !agrees(real.realisasi, from_quarters) {
            r.findings.push(amount_finding(
                real.year,
                table_id(d, real.year, TableKind::Capaian, ""),
                &ind.name,
                "realisasi_quarters",
                Issue::IndicatorQuarters,
                (real.realisasi, from_quarters),
                false,
                Formula::Quarters(ind.quarter_rule),
                format!("indicator:{}", ind.code),
            ));
        }
    }
    for line in d.budget_lines.iter().filter(|b| in_year(b.year)) {
        let quarters: Vec<&BudgetQuarter> =
            d.budget_quarters.iter().filter(|q| q.year == line.year && q.kode == line.kode).collect();
        if quarters.is_empty() {
            continue;
        }
        let sum = quarters.iter().try_fold(Money::ZERO, |acc, q| acc.checked_add(q.realisasi));
        if let Some(pc) = money_mismatch(line.realisasi, sum) {
            r.findings.push(amount_finding(
                line.year,
                budget_table(d, line),
                &line.name,
                "realisasi_quarters",
                Issue::BudgetQuarters,
                pc,
                true,
                Formula::Quarters(QuarterRule::Sum),
                format!("budget:{}", line.kode),
            ));
        }
    }
    for u in d.umkm_upgrades.iter().filter(|u| in_year(u.year)) {
        let Some(class) = super::umkm::classify(u.annual_sales, u.capital) else { continue };
        if class != u.to_class {
            r.findings.push(Finding {
                year: u.year,
                table: table_id(d, u.year, TableKind::UmkmUpgrades, ""),
                item: Item::Named(u.business.clone()),
                field: "umkm_class".into(),
                place: Place::Table,
                kind: FindingKind::Mismatch,
                issue: Issue::UmkmClass { recorded: u.to_class, computed: class },
                reported: None,
                computed: None,
                money: false,
                formula: Formula::UmkmClass,
                subject: format!("umkm:{}", u.position),
                table_title: None,
            });
        }
    }
    for a in d.agreement_programs.iter().filter(|a| in_year(a.year)) {
        let Some(line) = d.budget_line(a.year, &a.program) else { continue };
        let table = table_id(d, a.year, TableKind::Agreement, "");
        // A line that prints one alokasi has no murni or perubahan to match: the agreement's
        // amount (its perubahan, else the murni it was signed with) is that alokasi, or the
        // agreement's pagu would never be checked at all.
        let pairs = match line.alokasi {
            Some(alokasi) => vec![(Amount::Pagu, a.pagu_perubahan.or(a.pagu_murni), Some(alokasi))],
            None => vec![
                (Amount::PaguMurni, a.pagu_murni, line.pagu_murni),
                (Amount::PaguPerubahan, a.pagu_perubahan, line.pagu_perubahan),
            ],
        };
        for (amount, pk, budget) in pairs {
            if let Some(pc) = money_mismatch(pk, budget) {
                r.findings.push(amount_finding(
                    a.year,
                    table.clone(),
                    &a.name,
                    amount.code(),
                    Issue::AgreementBudget,
                    pc,
                    true,
                    Formula::BudgetPagu,
                    format!("budget:{}", a.program),
                ));
            }
        }
    }
    for a in d.agreements.iter().filter(|a| in_year(a.year)) {
        let name = || d.indicator(&a.indicator).map_or(a.indicator.clone(), |i| i.name.clone());
        if let Some(t) = d.renstra_target(&a.indicator, a.year) {
            if t.target != a.value.target {
                r.findings.push(amount_finding(
                    a.year,
                    table_id(d, a.year, TableKind::Agreement, ""),
                    &name(),
                    "target",
                    Issue::AgreementTarget,
                    (a.value.target, t.target),
                    false,
                    Formula::RenstraTarget,
                    format!("indicator:{}", a.indicator),
                ));
            }
        }
        if d.report_years().contains(&a.year) && d.realisation(&a.indicator, a.year).is_none() {
            let ind = d.indicator(&a.indicator);
            let computable = ind.is_some_and(|i| computed_realisasi(d, i, a.year).is_ok());
            if !computable {
                r.findings.push(Finding {
                    year: a.year,
                    table: table_id(d, a.year, TableKind::Capaian, ""),
                    item: Item::Named(name()),
                    field: "realisasi".into(),
                    place: Place::Table,
                    kind: FindingKind::Missing,
                    issue: Issue::RealisasiMissing,
                    reported: None,
                    computed: None,
                    money: false,
                    formula: Formula::None,
                    subject: format!("indicator:{}", a.indicator),
                    table_title: None,
                });
            }
        }
    }
    for e in d.akip_evaluations.iter().filter(|e| in_year(e.year)) {
        let akip = |item: Item, field: &str, issue, values: Option<(Decimal, Decimal)>, formula, subject| Finding {
            year: e.year,
            table: "AKIP".into(),
            item,
            field: field.into(),
            place: Place::Table,
            kind: FindingKind::Mismatch,
            issue,
            reported: values.map(|v| v.0),
            computed: values.map(|v| v.1),
            money: false,
            formula,
            subject,
            table_title: None,
        };
        if let Some(real) = e.indicator.as_deref().and_then(|i| d.realisation(i, e.year)) {
            if real.realisasi != e.score {
                r.findings.push(akip(
                    Item::AkipScore(e.year),
                    "score",
                    Issue::AkipIndicator,
                    Some((e.score, real.realisasi)),
                    Formula::AkipIndicator,
                    format!("indicator:{}", real.indicator),
                ));
            }
        }
        if let (Some(a), Some(b), Some(c), Some(dd)) = (e.perencanaan, e.pengukuran, e.pelaporan, e.evaluasi) {
            if let Ok(total) = akip::weighted_total([a, b, c, dd]) {
                if !agrees(e.score, total) {
                    r.findings.push(akip(
                        Item::AkipScore(e.year),
                        "score",
                        Issue::AkipWeighted,
                        Some((e.score, total)),
                        Formula::AkipWeighted,
                        format!("akip:{}", e.year),
                    ));
                }
            }
        }
        if !e.predicate.is_empty() {
            if let Ok(p) = akip::predicate(e.score) {
                if p.code() != e.predicate.trim() {
                    r.findings.push(Finding {
                        reported: Some(e.score),
                        ..akip(
                            Item::AkipPredicate(e.year),
                            "predicate",
                            Issue::AkipPredicate { printed: e.predicate.clone(), computed: p },
                            None,
                            Formula::AkipPredicate,
                            format!("akip:{}", e.year),
                        )
                    });
                }
            }
        }
    }
}

/// Every reference of the stored text that the document would show as a gap: one that cannot
/// be read, names nothing in the data, or cannot be computed for the section's year.
fn narrative_references(d: &Dataset, s: &Settings, in_year: &dyn Fn(Year) -> bool, r: &mut CheckReport) {
    for n in d.narrative.iter().filter(|n| in_year(n.year)) {
        let finding = |field: String, kind, issue| Finding {
            year: n.year,
            table: n.section.clone(),
            item: Item::Section(n.section.clone()),
            field,
            place: Place::Narrative,
            kind,
            issue,
            reported: None,
            computed: None,
            money: false,
            formula: Formula::None,
            subject: format!("narrative:{}:{}", n.year, n.section),
            table_title: None,
        };
        match narrative::resolve_text(d, s, n.year, &n.text) {
            Err(errors) => {
                for error in errors {
                    let issue = Issue::NarrativeSyntax { section: n.section.clone(), error };
                    r.findings.push(finding(String::new(), FindingKind::Unreadable, issue));
                }
            }
            Ok(pieces) => {
                for piece in pieces {
                    let Piece::Figure { reference, outcome: Err(reason) } = piece else { continue };
                    let field = match &reference.target {
                        Target::Figure { field, .. } => field.clone(),
                        Target::Year | Target::Office => String::new(),
                    };
                    let kind = match reason {
                        Unresolved::Invalid(_) => FindingKind::Unreadable,
                        Unresolved::NoYear | Unresolved::Cannot(_) | Unresolved::BelowBands { .. } => {
                            FindingKind::Missing
                        }
                    };
                    let issue =
                        Issue::NarrativeReference { section: n.section.clone(), reference: reference.source, reason };
                    r.findings.push(finding(field, kind, issue));
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
    fn printed_sisa_and_physical_progress_are_checked() {
        let mut d = crate::calc::budget::tests::other_office();
        let k = d.budget_lines.iter_mut().find(|b| b.kode == "1.1").unwrap();
        // 1.000.000 − 800.000 = 200.000, printed as 300.000; fisik 105 % is beyond 100.
        k.sisa = Some(Money::from_rupiah(300_000));
        k.fisik_pct = Some(dec("105"));
        // Programme 2 prints its sisa right: 2.000.000 − 1.500.000 = 500.000.
        d.budget_lines.iter_mut().find(|b| b.kode == "2").unwrap().sisa = Some(Money::from_rupiah(500_000));
        // Programme 1 prints no amounts: its sisa is that of its kegiatan, 4.000.000 − 800.000.
        d.budget_lines.iter_mut().find(|b| b.kode == "1").unwrap().sisa = Some(Money::from_rupiah(3_200_000));
        let r = check(&d, &Settings::default(), None);
        let ours: Vec<&Finding> =
            r.findings.iter().filter(|f| matches!(f.issue, Issue::BudgetSisa | Issue::FisikRange)).collect();
        assert_eq!(ours.len(), 2, "{ours:?}");
        let sisa = ours.iter().find(|f| f.issue == Issue::BudgetSisa).unwrap();
        assert_eq!((sisa.reported, sisa.computed), (Some(dec("300000")), Some(dec("200000"))));
        assert_eq!(sisa.subject, "budget:1.1");
        let fisik = ours.iter().find(|f| f.issue == Issue::FisikRange).unwrap();
        assert_eq!((fisik.field.as_str(), fisik.reported), ("fisik_pct", Some(dec("105"))));
    }

    #[test]
    fn an_agreement_pagu_is_checked_against_a_single_alokasi() {
        let mut d = crate::calc::budget::tests::other_office();
        let pk = |program: &str, murni: i64| AgreementProgram {
            year: 2025,
            program: program.into(),
            position: 1,
            name: program.into(),
            pagu_murni: Some(Money::from_rupiah(murni)),
            pagu_perubahan: None,
            note: String::new(),
        };
        // Programme 2 prints alokasi 2.000.000 (see `other_office`): the agreement's 2.000.000
        // agrees; 5.1's alokasi is 5.000.000 and the agreement says 5.500.000.
        d.agreement_programs.push(pk("2", 2_000_000));
        d.agreement_programs.push(pk("5.1", 5_500_000));
        let r = check(&d, &Settings::default(), None);
        let ours: Vec<&Finding> = r.findings.iter().filter(|f| f.issue == Issue::AgreementBudget).collect();
        assert_eq!(ours.len(), 1, "{ours:?}");
        assert_eq!((ours[0].subject.as_str(), ours[0].field.as_str()), ("budget:5.1", "pagu"));
        assert_eq!((ours[0].reported, ours[0].computed), (Some(dec("5500000")), Some(dec("5000000"))));
    }

    #[test]
    fn totals_per_source_resolve_for_printed_figures() {
        let d = crate::calc::budget::tests::other_office();
        let s = Settings::default();
        let n = |subject: &str, field: &str| {
            resolve::resolve(&d, &s, 2025, subject, field).ok().and_then(|r| r.value.number()).map(|v| v.round_dp(2))
        };
        // See `other_office`: APBN dekonsentrasi 1.500.000 ÷ 2.000.000 = 75 %; every line
        // 4.000.000 + 2.000.000 + 5.000.000 = 11.000.000; belanja pegawai sisa 1.000.000 = 20 %.
        assert_eq!(n("source:apbn-dekon", "serapan_pct"), Some(dec("75")));
        assert_eq!(n("budget:all", "pagu"), Some(dec("11000000")));
        assert_eq!(n("spending:pegawai", "sisa"), Some(dec("1000000")));
        assert_eq!(n("spending:pegawai", "sisa_pct"), Some(dec("20")));
        // Kegiatan fisik of programme 1: (90 × 1.000.000 + 50 × 3.000.000) ÷ 4.000.000 = 60.
        assert_eq!(n("budget:1", "fisik_pct"), Some(dec("60")));
        assert_eq!(n("budget:*", "fisik_pct"), Some(dec("73.33")));
        // Programmes only: belanja pegawai is not a programme.
        assert_eq!(n("budget:*", "pagu"), Some(dec("6000000")));
        assert_eq!(n("source:apbn", "pagu"), None, "not a source code");
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
        let codes: Vec<&str> = r.findings.iter().map(|f| f.issue.code()).collect();
        // The components weigh 24 + 21 + 13.5 + 15 = 73.5, not the recorded 80.
        let weighted = r.findings.iter().find(|f| f.issue == Issue::AkipWeighted).expect("weighted total");
        assert_eq!((weighted.reported, weighted.computed), (Some(dec("80")), Some(dec("73.5"))));
        assert!(
            r.findings.iter().any(|f| f.issue == Issue::AkipPredicate { printed: "A".into(), computed: Predicate::BB }),
            "80 is BB, not A: {codes:?}"
        );
        assert!(
            r.findings
                .iter()
                .any(|f| f.issue == Issue::UmkmClass { recorded: UmkmClass::Kecil, computed: UmkmClass::Mikro }),
            "sales of Rp 1,5 miliar are still mikro: {codes:?}"
        );
    }
}
