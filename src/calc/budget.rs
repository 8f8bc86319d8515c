//! Budget figures: serapan, sums of children into parents, totals, year-over-year change.

use super::{percent_of, Computed};
use crate::domain::{BudgetLevel, BudgetLine, Dataset, FundingSource, Money, SpendingType, Year};
use rust_decimal::Decimal;

/// Pagu murni, pagu (final) and realisasi of a line or a group of lines.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Amounts {
    pub pagu_murni: Option<Money>,
    pub pagu: Option<Money>,
    pub realisasi: Option<Money>,
    /// The pagu of the lines that have a realisasi: serapan's denominator, so that a line with
    /// no printed realisation does not lower the serapan of a total.
    pub pagu_serapan: Option<Money>,
    /// A sum went beyond the range of money: the amounts it touched are `None` (never a
    /// partial sum) and serapan cannot be computed.
    pub overflow: bool,
}

/// The sum of two optional amounts; `Err` when it exceeds the range of money.
fn add(a: Option<Money>, b: Option<Money>) -> Result<Option<Money>, ()> {
    match (a, b) {
        (Some(x), Some(y)) => x.checked_add(y).map(Some).ok_or(()),
        (x, None) => Ok(x),
        (None, y) => Ok(y),
    }
}

impl Amounts {
    /// The line's own amounts, as printed or entered at its level.
    pub fn own(line: &BudgetLine) -> Amounts {
        Amounts::of(line.pagu_murni, line.pagu(), line.realisasi)
    }
    /// Amounts of one line or group whose serapan counts its whole pagu when it has a realisasi.
    pub fn of(pagu_murni: Option<Money>, pagu: Option<Money>, realisasi: Option<Money>) -> Amounts {
        Amounts { pagu_murni, pagu, realisasi, pagu_serapan: realisasi.and(pagu), overflow: false }
    }
    pub fn plus(self, other: Amounts) -> Amounts {
        if self.overflow || other.overflow {
            return Amounts { overflow: true, ..Amounts::default() };
        }
        match (
            add(self.pagu_murni, other.pagu_murni),
            add(self.pagu, other.pagu),
            add(self.realisasi, other.realisasi),
            add(self.pagu_serapan, other.pagu_serapan),
        ) {
            (Ok(pagu_murni), Ok(pagu), Ok(realisasi), Ok(pagu_serapan)) => {
                Amounts { pagu_murni, pagu, realisasi, pagu_serapan, overflow: false }
            }
            _ => Amounts { overflow: true, ..Amounts::default() },
        }
    }
    /// Serapan over the pagu of the lines that have a realisasi.
    pub fn serapan(&self) -> Computed {
        if self.overflow {
            return Err(super::CannotCompute::Overflow);
        }
        serapan(self.pagu_serapan.or(self.pagu), self.realisasi)
    }
    /// Sisa anggaran: pagu − realisasi (a line without realisasi keeps its whole pagu).
    pub fn sisa(&self) -> Result<Money, super::CannotCompute> {
        if self.overflow {
            return Err(super::CannotCompute::Overflow);
        }
        let pagu =
            self.pagu.ok_or(super::CannotCompute::Missing(super::how::Need::Amount(super::how::Amount::Pagu)))?;
        pagu.checked_sub(self.realisasi.unwrap_or(Money::ZERO)).ok_or(super::CannotCompute::Overflow)
    }
    /// Sisa in percent of the pagu.
    pub fn sisa_pct(&self) -> Computed {
        let sisa = self.sisa()?;
        // `sisa` succeeded, so the pagu is there.
        percent_of(sisa.decimal(), self.pagu.unwrap_or(Money::ZERO).decimal())
    }
}

/// Serapan (absorption) in percent: realisasi ÷ pagu × 100.
pub fn serapan(pagu: Option<Money>, realisasi: Option<Money>) -> Computed {
    let pagu = pagu.ok_or(super::CannotCompute::Missing(super::how::Need::Amount(super::how::Amount::Pagu)))?;
    let realisasi =
        realisasi.ok_or(super::CannotCompute::Missing(super::how::Need::Amount(super::how::Amount::Realisasi)))?;
    percent_of(realisasi.decimal(), pagu.decimal())
}

/// Sum of the children's own amounts, `None` for a line without children.
pub fn children_sum(d: &Dataset, year: Year, kode: &str) -> Option<Amounts> {
    let children = d.budget_children(year, Some(kode));
    if children.is_empty() {
        return None;
    }
    Some(children.iter().fold(Amounts::default(), |acc, c| acc.plus(Amounts::own(c))))
}

/// The line's amounts computed from the bottom up: sub-kegiatan → kegiatan → program. A line
/// with children takes the sum of its children where they hold a figure, its own otherwise.
pub fn rolled_up(d: &Dataset, line: &BudgetLine) -> Amounts {
    rolled_up_below(d, line, &mut Vec::new())
}

/// [`rolled_up`] with the kodes of the lines above `line` on the way down: a line met again (a
/// cycle of parents stored by an older or foreign database) adds nothing, so the sum ends.
fn rolled_up_below<'a>(d: &'a Dataset, line: &'a BudgetLine, above: &mut Vec<&'a str>) -> Amounts {
    if above.contains(&line.kode.as_str()) {
        return Amounts::default();
    }
    let children = d.budget_children(line.year, Some(&line.kode));
    if children.is_empty() {
        return Amounts::own(line);
    }
    above.push(&line.kode);
    let sum = children.iter().fold(Amounts::default(), |acc, c| acc.plus(rolled_up_below(d, c, above)));
    above.pop();
    prefer(Amounts::own(line), sum)
}

/// `first`'s figures where it holds them, `then`'s otherwise; serapan's pagu follows the
/// realisasi it is taken with.
fn prefer(first: Amounts, then: Amounts) -> Amounts {
    if first.overflow || then.overflow {
        return Amounts { overflow: true, ..Amounts::default() };
    }
    let pagu = first.pagu.or(then.pagu);
    let pagu_serapan = match (first.realisasi, then.realisasi) {
        (Some(_), _) => pagu,
        (None, Some(_)) => then.pagu_serapan,
        (None, None) => None,
    };
    Amounts {
        pagu_murni: first.pagu_murni.or(then.pagu_murni),
        pagu,
        realisasi: first.realisasi.or(then.realisasi),
        pagu_serapan,
        overflow: false,
    }
}

/// A top-level line's amounts as its totals count them: each figure as printed at its level,
/// rolled up from its kegiatan where the line prints none (a programme printed without
/// amounts).
pub fn effective(d: &Dataset, line: &BudgetLine) -> Amounts {
    let own = Amounts::own(line);
    if own.pagu_murni.is_some() && own.pagu.is_some() && own.realisasi.is_some() {
        return own;
    }
    prefer(own, rolled_up(d, line))
}

/// Total of the year's programmes (spending type `program`), as in the report's programme
/// tables.
pub fn year_total(d: &Dataset, year: Year) -> Amounts {
    total(d, d.budget_programs(year))
}

/// Total of every top-level line of the year: programmes and non-programme spending.
pub fn grand_total(d: &Dataset, year: Year) -> Amounts {
    total(d, d.budget_children(year, None))
}

/// Total of the year's top-level lines funded from `source`.
pub fn source_total(d: &Dataset, year: Year, source: FundingSource) -> Amounts {
    total(d, d.budget_children(year, None).into_iter().filter(|b| b.source == source).collect())
}

/// Total of the year's top-level lines of one spending type.
pub fn spending_total(d: &Dataset, year: Year, spending: SpendingType) -> Amounts {
    total(d, d.budget_children(year, None).into_iter().filter(|b| b.spending == spending).collect())
}

fn total(d: &Dataset, lines: Vec<&BudgetLine>) -> Amounts {
    lines.iter().fold(Amounts::default(), |acc, p| acc.plus(effective(d, p)))
}

/// Total of the given programs in a year.
pub fn programs_total(d: &Dataset, year: Year, programs: &[&str]) -> Amounts {
    total(d, programs.iter().filter_map(|k| d.budget_line(year, k)).collect())
}

/// Physical progress of a group of lines: each printed realisasi fisik weighted by the line's
/// pagu (its bobot), Σ(fisik × pagu) ÷ Σ pagu. Lines that print no fisik or no pagu carry no
/// weight; with none left there is nothing to compute.
pub fn fisik_weighted(lines: &[&BudgetLine]) -> Computed {
    let mut weighted = Decimal::ZERO;
    let mut weights = Decimal::ZERO;
    let mut any = false;
    for l in lines {
        let (Some(f), Some(p)) = (l.fisik_pct, l.pagu()) else { continue };
        any = true;
        let w = p.decimal();
        weighted = f.checked_mul(w).and_then(|x| weighted.checked_add(x)).ok_or(super::CannotCompute::Overflow)?;
        weights = weights.checked_add(w).ok_or(super::CannotCompute::Overflow)?;
    }
    if !any {
        return Err(super::CannotCompute::Missing(super::how::Need::Fisik));
    }
    if weights.is_zero() {
        return Err(super::CannotCompute::ZeroDenominator);
    }
    weighted.checked_div(weights).ok_or(super::CannotCompute::Overflow)
}

/// The year's physical progress: its kegiatan under programmes, weighted by pagu.
pub fn year_fisik(d: &Dataset, year: Year) -> Computed {
    let kegiatan: Vec<&BudgetLine> = d
        .budget_lines
        .iter()
        .filter(|b| b.year == year && b.level == BudgetLevel::Kegiatan && b.spending == SpendingType::Program)
        .collect();
    fisik_weighted(&kegiatan)
}

/// Change from `before` to `now`, in percent of `before`.
pub fn change_pct(before: Money, now: Money) -> Computed {
    let change = now.decimal().checked_sub(before.decimal()).ok_or(super::CannotCompute::Overflow)?;
    percent_of(change, before.decimal())
}

/// Pagu perubahan − pagu murni.
pub fn revision(line: &BudgetLine) -> Option<Decimal> {
    // Two amounts within i64 sen differ by less than the decimal range.
    line.pagu_perubahan?.decimal().checked_sub(line.pagu_murni?.decimal())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::calc::CannotCompute;
    use crate::domain::BudgetLevel;

    fn amounts(pagu_sen: i64, realisasi_sen: i64) -> Amounts {
        Amounts {
            pagu_murni: Some(Money::from_sen(pagu_sen)),
            pagu: Some(Money::from_sen(pagu_sen)),
            realisasi: Some(Money::from_sen(realisasi_sen)),
            pagu_serapan: Some(Money::from_sen(pagu_sen)),
            overflow: false,
        }
    }

    #[test]
    fn sums_and_serapan() {
        // 300 + 100 = 400 pagu, 150 + 50 = 200 realisasi: serapan 200 / 400 × 100 = 50.
        let sum = amounts(300, 150).plus(amounts(100, 50));
        assert_eq!(sum.pagu, Some(Money::from_sen(400)));
        assert_eq!(sum.serapan(), Ok(Decimal::from(50)));
    }

    #[test]
    fn a_sum_beyond_the_range_of_money_is_no_sum() {
        let half = i64::MAX / 2 + 1;
        let sum = amounts(half, 1).plus(amounts(half, 1));
        assert!(sum.overflow);
        // Never the partial sum of the amounts that did fit.
        assert_eq!((sum.pagu, sum.realisasi), (None, None));
        assert_eq!(sum.serapan(), Err(CannotCompute::Overflow));
        // Adding more does not bring a sum back.
        assert_eq!(sum.plus(amounts(1, 1)).serapan(), Err(CannotCompute::Overflow));
    }

    fn rp(rupiah: i64) -> Option<Money> {
        Some(Money::from_rupiah(rupiah))
    }

    /// A budget printed as some other offices print it (whole rupiah):
    /// - programme 1 (APBD) printed without amounts; kegiatan 1.1: alokasi 1.000.000, realisasi
    ///   800.000, fisik 90 %; kegiatan 1.2: alokasi 3.000.000, no realisasi printed, fisik 50 %;
    /// - programme 2 (APBN dekonsentrasi): alokasi 2.000.000, realisasi 1.500.000; its kegiatan
    ///   2.1 the same, fisik 100 %;
    /// - belanja pegawai outside programmes (APBD): alokasi 5.000.000, realisasi 4.000.000.
    pub(crate) fn other_office() -> Dataset {
        let mut d = Dataset::default();
        let line = |kode: &str, parent: Option<&str>, level, alokasi, realisasi, fisik: Option<i64>| BudgetLine {
            alokasi,
            realisasi,
            fisik_pct: fisik.map(Decimal::from),
            ..BudgetLine::new(2025, kode, parent, level, 1, kode)
        };
        d.budget_lines.push(line("1", None, BudgetLevel::Program, None, None, None));
        d.budget_lines.push(line("1.1", Some("1"), BudgetLevel::Kegiatan, rp(1_000_000), rp(800_000), Some(90)));
        d.budget_lines.push(BudgetLine {
            position: 2,
            ..line("1.2", Some("1"), BudgetLevel::Kegiatan, rp(3_000_000), None, Some(50))
        });
        for kode in ["2", "2.1"] {
            let (parent, level, fisik) = if kode == "2" {
                (None, BudgetLevel::Program, None)
            } else {
                (Some("2"), BudgetLevel::Kegiatan, Some(100))
            };
            d.budget_lines.push(BudgetLine {
                source: FundingSource::ApbnDekon,
                position: 2,
                ..line(kode, parent, level, rp(2_000_000), rp(1_500_000), fisik)
            });
        }
        d.budget_lines.push(BudgetLine {
            spending: SpendingType::Pegawai,
            position: 3,
            ..line("5.1", None, BudgetLevel::Program, rp(5_000_000), rp(4_000_000), None)
        });
        d
    }

    #[test]
    fn a_programme_printed_without_amounts_is_rolled_up_and_serapan_counts_only_realised_pagu() {
        let d = other_office();
        let p = effective(&d, d.budget_line(2025, "1").unwrap());
        // Pagu 1.000.000 + 3.000.000 = 4.000.000; realisasi 800.000 from kegiatan 1.1 alone, so
        // serapan is 800.000 ÷ 1.000.000 × 100 = 80 (not 800.000 ÷ 4.000.000 = 20).
        assert_eq!((p.pagu, p.realisasi, p.pagu_serapan), (rp(4_000_000), rp(800_000), rp(1_000_000)));
        assert_eq!(p.serapan(), Ok(Decimal::from(80)));
        // Sisa 4.000.000 − 800.000 = 3.200.000, 3.200.000 ÷ 4.000.000 × 100 = 80 %.
        assert_eq!(p.sisa(), Ok(Money::from_rupiah(3_200_000)));
        assert_eq!(p.sisa_pct(), Ok(Decimal::from(80)));
    }

    #[test]
    fn totals_per_source_per_spending_type_and_grand_total() {
        let d = other_office();
        // Programmes: pagu 4.000.000 + 2.000.000; realisasi 800.000 + 1.500.000 = 2.300.000 over
        // the realised pagu 1.000.000 + 2.000.000 = 3.000.000: 76,67 %.
        let programmes = year_total(&d, 2025);
        assert_eq!((programmes.pagu, programmes.realisasi), (rp(6_000_000), rp(2_300_000)));
        assert_eq!(programmes.serapan().map(|v| v.round_dp(2)), Ok(Decimal::new(7667, 2)));
        // APBD: programme 1 and belanja pegawai, 4.000.000 + 5.000.000; realisasi 4.800.000 over
        // 1.000.000 + 5.000.000: 80 %.
        let apbd = source_total(&d, 2025, FundingSource::Apbd);
        assert_eq!((apbd.pagu, apbd.realisasi), (rp(9_000_000), rp(4_800_000)));
        assert_eq!(apbd.serapan(), Ok(Decimal::from(80)));
        // APBN dekonsentrasi: 1.500.000 ÷ 2.000.000 = 75 %.
        assert_eq!(source_total(&d, 2025, FundingSource::ApbnDekon).serapan(), Ok(Decimal::from(75)));
        assert_eq!(source_total(&d, 2025, FundingSource::Dak).pagu, None);
        assert_eq!(spending_total(&d, 2025, SpendingType::Pegawai).pagu, rp(5_000_000));
        // Everything: pagu 4.000.000 + 2.000.000 + 5.000.000 = 11.000.000; realisasi 800.000 +
        // 1.500.000 + 4.000.000 = 6.300.000 over the realised pagu 1.000.000 + 2.000.000 +
        // 5.000.000 = 8.000.000: 78,75 %.
        let all = grand_total(&d, 2025);
        assert_eq!((all.pagu, all.realisasi), (rp(11_000_000), rp(6_300_000)));
        assert_eq!(all.serapan(), Ok(Decimal::new(7875, 2)));
    }

    #[test]
    fn physical_progress_is_weighted_by_pagu() {
        let d = other_office();
        // (90 × 1.000.000 + 50 × 3.000.000 + 100 × 2.000.000) ÷ 6.000.000 = 440 ÷ 6 = 73,33.
        assert_eq!(year_fisik(&d, 2025).map(|v| v.round_dp(2)), Ok(Decimal::new(7333, 2)));
        // A line without a pagu has no weight; with no weighted line there is nothing to compute.
        let mut no_pagu = d.budget_line(2025, "1.1").unwrap().clone();
        no_pagu.alokasi = None;
        assert_eq!(fisik_weighted(&[&no_pagu]), Err(CannotCompute::Missing(crate::calc::how::Need::Fisik)));
        let mut zero = no_pagu.clone();
        zero.alokasi = Some(Money::ZERO);
        assert_eq!(fisik_weighted(&[&zero]), Err(CannotCompute::ZeroDenominator));
    }

    #[test]
    fn change_and_revision_of_extreme_amounts() {
        assert_eq!(
            change_pct(Money::from_sen(i64::MIN), Money::from_sen(i64::MAX)).map(|v| v.round_dp(0)),
            Ok(Decimal::from(-200))
        );
        assert_eq!(change_pct(Money::ZERO, Money::from_sen(5)), Err(CannotCompute::ZeroDenominator));
    }
}
