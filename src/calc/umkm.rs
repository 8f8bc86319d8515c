//! UMKM size classes by PP 7/2021: by annual sales and by capital excluding land and buildings.

use crate::domain::{Money, UmkmClass};

/// Upper bounds (inclusive) in whole rupiah: (mikro, kecil, menengah). Above menengah: besar.
pub const CAPITAL_BOUNDS: [i64; 3] = [1_000_000_000, 5_000_000_000, 10_000_000_000];
pub const SALES_BOUNDS: [i64; 3] = [2_000_000_000, 15_000_000_000, 50_000_000_000];

fn by_bounds(amount: Money, bounds: [i64; 3]) -> UmkmClass {
    let classes = [UmkmClass::Mikro, UmkmClass::Kecil, UmkmClass::Menengah];
    for (class, bound) in classes.into_iter().zip(bounds) {
        if amount <= Money::from_rupiah(bound) {
            return class;
        }
    }
    UmkmClass::Besar
}

/// Class by capital (modal usaha, excluding land and buildings).
pub fn by_capital(capital: Money) -> UmkmClass {
    by_bounds(capital, CAPITAL_BOUNDS)
}

/// Class by annual sales (hasil penjualan tahunan).
pub fn by_sales(sales: Money) -> UmkmClass {
    by_bounds(sales, SALES_BOUNDS)
}

/// The class used for empowerment programmes such as "naik kelas": by annual sales where known
/// (PP 7/2021 art. 35(5)), otherwise by capital.
pub fn classify(sales: Option<Money>, capital: Option<Money>) -> Option<UmkmClass> {
    sales.map(by_sales).or(capital.map(by_capital))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        let r = Money::from_rupiah;
        assert_eq!(by_capital(r(1_000_000_000)), UmkmClass::Mikro);
        assert_eq!(by_capital(Money::from_sen(100_000_000_001)), UmkmClass::Kecil);
        assert_eq!(by_capital(r(5_000_000_000)), UmkmClass::Kecil);
        assert_eq!(by_capital(r(5_000_000_001)), UmkmClass::Menengah);
        assert_eq!(by_capital(r(10_000_000_000)), UmkmClass::Menengah);
        assert_eq!(by_capital(r(10_000_000_001)), UmkmClass::Besar);
        assert_eq!(by_sales(r(2_000_000_000)), UmkmClass::Mikro);
        assert_eq!(by_sales(r(2_000_000_001)), UmkmClass::Kecil);
        assert_eq!(by_sales(r(15_000_000_000)), UmkmClass::Kecil);
        assert_eq!(by_sales(r(15_000_000_001)), UmkmClass::Menengah);
        assert_eq!(by_sales(r(50_000_000_000)), UmkmClass::Menengah);
        assert_eq!(by_sales(r(50_000_000_001)), UmkmClass::Besar);
        assert_eq!(classify(Some(r(3_000_000_000)), Some(r(1))), Some(UmkmClass::Kecil));
        assert_eq!(classify(None, Some(r(1))), Some(UmkmClass::Mikro));
        assert_eq!(classify(None, None), None);
    }
}
