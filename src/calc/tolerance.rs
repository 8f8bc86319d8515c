//! When a printed figure agrees with its recomputation.
//!
//! A printed number carries its precision in its decimals: `103.15` has two. It agrees with a
//! computed value when they differ by less than one unit of the last printed digit, so both
//! rounding (103.153 → 103.15) and truncation (108.5857 → 108.58) are accepted, while `104`
//! for 105 is not.

use rust_decimal::Decimal;

/// Whether `printed` agrees with `computed` within the printed precision.
pub fn agrees(printed: Decimal, computed: Decimal) -> bool {
    let unit = Decimal::new(1, printed.scale());
    printed.checked_sub(computed).is_some_and(|d| d.abs() < unit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn precision() {
        assert!(agrees(d("103.15"), d("103.1530")));
        assert!(agrees(d("108.58"), d("108.5857")));
        assert!(agrees(d("1"), d("1.0104")));
        assert!(!agrees(d("104"), d("105")));
        assert!(!agrees(d("7.39"), d("79.3874")));
        assert!(agrees(d("12785258830"), d("12785258830")));
        assert!(!agrees(d("752916800"), d("824166800")));
        assert!(!agrees(d("0.2"), d("0.3")));
        assert!(!agrees(Decimal::MIN, Decimal::MAX), "no overflow");
    }
}
