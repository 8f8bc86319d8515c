//! The rules of `calc::rules` in words, the same for the import's located problems, the store's
//! refusals and the window's forms; and the budget's classes (funding source, spending type).

use super::tr;
use crate::calc::rules::Rule;
use crate::format::{self, Lang};

/// A broken rule in words.
pub fn rule(r: &Rule, lang: Lang) -> String {
    match (r, lang) {
        (Rule::AlokasiWithPagu, Lang::Id) => {
            "alokasi tunggal ditulis bersama pagu murni/perubahan; isi alokasi saja atau pagu saja".into()
        }
        (Rule::AlokasiWithPagu, Lang::En) => {
            "a single alokasi is given with pagu murni/perubahan; fill in either the alokasi or the pagu".into()
        }
        (Rule::FisikOutOfRange(v), _) => {
            let v = format::decimal(*v, lang);
            tr!(
                lang,
                "realisasi fisik {v} % tidak sah; tulis persen 0 sampai 100 dengan paling banyak dua desimal",
                "physical progress {v} % is not valid; write a percentage from 0 to 100 with at most two decimals"
            )
        }
        (Rule::ClassOnChild { kode, top }, _) => tr!(
            lang,
            "baris {kode} berada di bawah baris lain; sumber dana dan jenis belanja diatur pada baris teratasnya ({top})",
            "line {kode} is under another line; the funding source and spending type are set on its top-level line ({top})"
        ),
        (Rule::RangeReversed { low, high }, _) => {
            let (low, high) = (format::decimal(*low, lang), format::decimal(*high, lang));
            tr!(
                lang,
                "rentang target akhir terbalik: batas atas {high} lebih kecil dari batas bawah {low}; tukar keduanya",
                "the end target range is written high to low: the upper bound {high} is below the lower bound {low}; swap them"
            )
        }
        (Rule::HighWithoutLow, Lang::Id) => {
            "batas atas target akhir diisi tanpa target akhir; isi target akhir (batas bawah) juga".into()
        }
        (Rule::HighWithoutLow, Lang::En) => {
            "the end target's upper bound is given without the end target; fill in the end target (the low end) too"
                .into()
        }
        (Rule::BandOrder { above }, _) => tr!(
            lang,
            "batas bawah harus lebih rendah daripada batas bawah kategori di atasnya ('{above}'); urutkan kategori dari yang tertinggi (position 1)",
            "the lower bound must be below the lower bound of the band above it ('{above}'); order the bands from the highest (position 1)"
        ),
        (Rule::BandOpenNotLast, Lang::Id) => {
            "hanya kategori terendah yang boleh tanpa batas bawah; isi lower atau jadikan kategori ini yang terakhir".into()
        }
        (Rule::BandOpenNotLast, Lang::En) => {
            "only the lowest band may have no lower bound; fill in lower or make this band the last".into()
        }
        (Rule::BandCodeTwice(code), _) => {
            tr!(lang, "kode kategori '{code}' dipakai dua kali", "band code '{code}' is used twice")
        }
        (Rule::BandWithoutCode, Lang::Id) => "kode kategori wajib diisi".into(),
        (Rule::BandWithoutCode, Lang::En) => "the band's code is required".into(),
    }
}
