//! Telephone numbers that come back masked: a dataset exported without `--show-phone` holds
//! `08********63` where the office stored the full number. Importing it over the office keeps
//! the stored number; a masked number with nothing stored to keep is refused, never stored as
//! if it were a number.

use super::{Problem, ProblemKind, Problems};
use crate::domain::{Dataset, UmkmUpgrade};
use crate::storage::{StorageError, Store};

/// Whether `shown` is a mask of `stored`: as long, with `*` in place of some of its digits and
/// every other character the same.
pub fn is_mask_of(shown: &str, stored: &str) -> bool {
    shown.contains('*')
        && shown.chars().count() == stored.chars().count()
        && shown.chars().zip(stored.chars()).all(|(a, b)| a == b || (a == '*' && b.is_ascii_digit()))
}

/// Puts back the stored number wherever `new` holds a mask of it (same year and position, the
/// digits it shows the same). Returns a problem for each masked number left with nothing to
/// keep.
pub fn keep_masked_phones(new: &mut Dataset, old: &Dataset) -> Vec<Problem> {
    let mut problems = Vec::new();
    for u in new.umkm_upgrades.iter_mut().filter(|u| u.phone.contains('*')) {
        let stored = old.umkm_upgrades.iter().find(|o| o.year == u.year && o.position == u.position);
        match stored {
            Some(o) if is_mask_of(&u.phone, &o.phone) => u.phone = o.phone.clone(),
            _ => problems.push(unmatched(u)),
        }
    }
    problems
}

fn unmatched(u: &UmkmUpgrade) -> Problem {
    Problem {
        file: "umkm_upgrades.csv".into(),
        line: None,
        column: Some("phone".into()),
        kind: ProblemKind::MaskedPhone { phone: u.phone.clone(), year: u.year, position: u.position },
    }
}

/// Why the numbers of an import could not be settled.
#[derive(Debug, thiserror::Error)]
pub enum KeepPhonesError {
    /// Masked numbers with nothing stored to keep.
    #[error("{0}")]
    Masked(Problems),
    /// The stored office could not be read.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

impl KeepPhonesError {
    pub fn message(&self, lang: crate::format::Lang) -> String {
        match self {
            KeepPhonesError::Masked(p) => p.render(lang),
            KeepPhonesError::Storage(e) => e.message(lang),
        }
    }
}

/// [`keep_masked_phones`] against the office with the same code in `store` (none: nothing is
/// stored, so every masked number is a problem).
pub fn keep_stored_phones(store: &Store, new: &mut Dataset) -> Result<(), KeepPhonesError> {
    if !new.umkm_upgrades.iter().any(|u| u.phone.contains('*')) {
        return Ok(());
    }
    let old = match store.offices()?.into_iter().find(|o| o.code == new.office.code) {
        Some(office) => store.load_dataset(office.id)?,
        None => Dataset::default(),
    };
    let problems = keep_masked_phones(new, &old);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(KeepPhonesError::Masked(Problems::new(problems)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::UmkmClass;

    fn upgrade(year: i32, position: i64, phone: &str) -> UmkmUpgrade {
        UmkmUpgrade {
            year,
            position,
            owner: "ADE".into(),
            address: String::new(),
            business: String::new(),
            phone: phone.into(),
            from_class: UmkmClass::Mikro,
            to_class: UmkmClass::Kecil,
            annual_sales: None,
            capital: None,
        }
    }

    fn with(rows: Vec<UmkmUpgrade>) -> Dataset {
        Dataset { umkm_upgrades: rows, ..Default::default() }
    }

    #[test]
    fn a_mask_is_recognised_by_its_digits() {
        assert!(is_mask_of("08********63", "081212011963"));
        assert!(is_mask_of("0812****1963", "081212011963"), "the older mask too");
        assert!(!is_mask_of("08********64", "081212011963"), "another number");
        assert!(!is_mask_of("08*******63", "081212011963"), "another length");
        assert!(!is_mask_of("081212011963", "081212011963"), "not masked");
    }

    #[test]
    fn a_masked_number_keeps_the_stored_one_and_a_new_number_replaces_it() {
        let old = with(vec![upgrade(2024, 1, "081212011963"), upgrade(2024, 2, "0818917566")]);
        let mut new = with(vec![upgrade(2024, 1, "08********63"), upgrade(2024, 2, "0811111111")]);
        assert!(keep_masked_phones(&mut new, &old).is_empty());
        assert_eq!(new.umkm_upgrades[0].phone, "081212011963");
        assert_eq!(new.umkm_upgrades[1].phone, "0811111111", "a number typed in full is the new number");
    }

    #[test]
    fn a_mask_with_nothing_to_keep_is_refused() {
        let old = with(vec![upgrade(2024, 1, "081212011963")]);
        // Another position, another year, other digits: none of them is that stored number.
        let mut new = with(vec![
            upgrade(2024, 2, "08********63"),
            upgrade(2023, 1, "08********63"),
            upgrade(2024, 1, "08********99"),
        ]);
        let problems = keep_masked_phones(&mut new, &old);
        assert_eq!(problems.len(), 3);
        assert!(problems[0].message(crate::format::Lang::Id).contains("'08********63' (tahun 2024, urutan 2)"));
        assert_eq!(new.umkm_upgrades[2].phone, "08********99", "left as it was; the caller writes nothing");
    }
}
