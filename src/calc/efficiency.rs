//! Efficiency of a sasaran: average capaian of its indicators against average serapan of the
//! programs that support them (Tabel 3.17).

use super::CannotCompute;
use rust_decimal::Decimal;

/// The rule that turns the two averages into a verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum EfficiencyRule {
    /// Efisien when average capaian is above average serapan, otherwise tidak efisien
    /// (the rule of the reference report; the default).
    #[default]
    CapaianAboveSerapan,
    /// Efisien when capaian − serapan > margin, cukup efisien within ±margin, tidak efisien below.
    Margin(Decimal),
}

/// The verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    Efisien,
    CukupEfisien,
    TidakEfisien,
}

impl Verdict {
    /// As printed in Indonesian reports.
    pub fn text(self) -> &'static str {
        match self {
            Verdict::Efisien => "efisien",
            Verdict::CukupEfisien => "cukup efisien",
            Verdict::TidakEfisien => "tidak efisien",
        }
    }
    pub fn text_en(self) -> &'static str {
        match self {
            Verdict::Efisien => "efficient",
            Verdict::CukupEfisien => "fairly efficient",
            Verdict::TidakEfisien => "not efficient",
        }
    }
    pub fn parse(text: &str) -> Option<Verdict> {
        let t = text.trim().to_lowercase();
        [Verdict::Efisien, Verdict::CukupEfisien, Verdict::TidakEfisien].into_iter().find(|v| v.text() == t)
    }
}

/// Applies the rule; the gap of two averages near the decimal range cannot be computed.
pub fn verdict(rule: EfficiencyRule, avg_capaian: Decimal, avg_serapan: Decimal) -> Result<Verdict, CannotCompute> {
    let gap = avg_capaian.checked_sub(avg_serapan).ok_or(CannotCompute::Overflow)?;
    Ok(match rule {
        EfficiencyRule::CapaianAboveSerapan => {
            if gap > Decimal::ZERO {
                Verdict::Efisien
            } else {
                Verdict::TidakEfisien
            }
        }
        EfficiencyRule::Margin(m) => {
            if gap > m {
                Verdict::Efisien
            } else if gap >= -m {
                Verdict::CukupEfisien
            } else {
                Verdict::TidakEfisien
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(v: i64) -> Decimal {
        Decimal::from(v)
    }

    #[test]
    fn default_rule() {
        let r = EfficiencyRule::CapaianAboveSerapan;
        assert_eq!(verdict(r, d(103), d(90)), Ok(Verdict::Efisien));
        assert_eq!(verdict(r, d(90), d(90)), Ok(Verdict::TidakEfisien));
        assert_eq!(verdict(r, d(80), d(90)), Ok(Verdict::TidakEfisien));
    }

    #[test]
    fn margin_rule() {
        let r = EfficiencyRule::Margin(d(5));
        assert_eq!(verdict(r, d(106), d(100)), Ok(Verdict::Efisien));
        assert_eq!(verdict(r, d(105), d(100)), Ok(Verdict::CukupEfisien));
        assert_eq!(verdict(r, d(95), d(100)), Ok(Verdict::CukupEfisien));
        assert_eq!(verdict(r, d(94), d(100)), Ok(Verdict::TidakEfisien));
        assert_eq!(Verdict::parse(" Efisien "), Some(Verdict::Efisien));
        assert_eq!(Verdict::parse("tidak efisien"), Some(Verdict::TidakEfisien));
    }

    #[test]
    fn a_gap_beyond_the_decimal_range_cannot_be_computed() {
        assert_eq!(verdict(EfficiencyRule::CapaianAboveSerapan, Decimal::MAX, d(-1)), Err(CannotCompute::Overflow));
    }
}
