//! Budget figures: serapan, sums of children into parents, totals, year-over-year change.

use super::{percent_of, Computed};
use crate::domain::{BudgetLine, Dataset, Money, Year};
use rust_decimal::Decimal;

/// Pagu murni, pagu (final) and realisasi of a line or a group of lines.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Amounts {
    pub pagu_murni: Option<Money>,
    pub pagu: Option<Money>,
    pub realisasi: Option<Money>,
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
        Amounts { pagu_murni: line.pagu_murni, pagu: line.pagu(), realisasi: line.realisasi, overflow: false }
    }
    pub fn plus(self, other: Amounts) -> Amounts {
        if self.overflow || other.overflow {
            return Amounts { overflow: true, ..Amounts::default() };
        }
        match (add(self.pagu_murni, other.pagu_murni), add(self.pagu, other.pagu), add(self.realisasi, other.realisasi))
        {
            (Ok(pagu_murni), Ok(pagu), Ok(realisasi)) => Amounts { pagu_murni, pagu, realisasi, overflow: false },
            _ => Amounts { overflow: true, ..Amounts::default() },
        }
    }
    pub fn serapan(&self) -> Computed {
        if self.overflow {
            return Err(super::CannotCompute::Overflow);
        }
        serapan(self.pagu, self.realisasi)
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
    let own = Amounts::own(line);
    if sum.overflow {
        return sum;
    }
    Amounts {
        pagu_murni: sum.pagu_murni.or(own.pagu_murni),
        pagu: sum.pagu.or(own.pagu),
        realisasi: sum.realisasi.or(own.realisasi),
        overflow: false,
    }
}

/// Total of the year's programs (their own amounts, as in the report's program tables).
pub fn year_total(d: &Dataset, year: Year) -> Amounts {
    d.budget_children(year, None).iter().fold(Amounts::default(), |acc, p| acc.plus(Amounts::own(p)))
}

/// Total of the given programs in a year.
pub fn programs_total(d: &Dataset, year: Year, programs: &[&str]) -> Amounts {
    programs.iter().filter_map(|k| d.budget_line(year, k)).fold(Amounts::default(), |acc, p| acc.plus(Amounts::own(p)))
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
mod tests {
    use super::*;
    use crate::calc::CannotCompute;

    fn amounts(pagu_sen: i64, realisasi_sen: i64) -> Amounts {
        Amounts {
            pagu_murni: Some(Money::from_sen(pagu_sen)),
            pagu: Some(Money::from_sen(pagu_sen)),
            realisasi: Some(Money::from_sen(realisasi_sen)),
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

    #[test]
    fn change_and_revision_of_extreme_amounts() {
        assert_eq!(
            change_pct(Money::from_sen(i64::MIN), Money::from_sen(i64::MAX)).map(|v| v.round_dp(0)),
            Ok(Decimal::from(-200))
        );
        assert_eq!(change_pct(Money::ZERO, Money::from_sen(5)), Err(CannotCompute::ZeroDenominator));
    }
}
