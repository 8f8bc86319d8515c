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
}

fn add(a: Option<Money>, b: Option<Money>) -> Option<Money> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.checked_add(y).unwrap_or(x)),
        (x, None) => x,
        (None, y) => y,
    }
}

impl Amounts {
    /// The line's own amounts, as printed or entered at its level.
    pub fn own(line: &BudgetLine) -> Amounts {
        Amounts { pagu_murni: line.pagu_murni, pagu: line.pagu(), realisasi: line.realisasi }
    }
    pub fn plus(self, other: Amounts) -> Amounts {
        Amounts {
            pagu_murni: add(self.pagu_murni, other.pagu_murni),
            pagu: add(self.pagu, other.pagu),
            realisasi: add(self.realisasi, other.realisasi),
        }
    }
    pub fn serapan(&self) -> Computed {
        serapan(self.pagu, self.realisasi)
    }
}

/// Serapan (absorption) in percent: realisasi ÷ pagu × 100.
pub fn serapan(pagu: Option<Money>, realisasi: Option<Money>) -> Computed {
    let pagu = pagu.ok_or_else(|| super::CannotCompute::Missing("pagu".into()))?;
    let realisasi = realisasi.ok_or_else(|| super::CannotCompute::Missing("realisasi".into()))?;
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
    Amounts {
        pagu_murni: sum.pagu_murni.or(own.pagu_murni),
        pagu: sum.pagu.or(own.pagu),
        realisasi: sum.realisasi.or(own.realisasi),
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
    percent_of(now.decimal() - before.decimal(), before.decimal())
}

/// Pagu perubahan − pagu murni.
pub fn revision(line: &BudgetLine) -> Option<Decimal> {
    Some(line.pagu_perubahan?.decimal() - line.pagu_murni?.decimal())
}
