//! *Terbilang*: a number in Indonesian words, as official documents write an amount of money
//! after its digits ("Rp 824.166.800 (delapan ratus dua puluh empat juta seratus enam puluh enam
//! ribu delapan ratus rupiah)"). Indonesian whatever the user's language: the words belong to
//! the Indonesian document.

use crate::domain::Money;

const ONES: [&str; 10] = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"];

/// The names of the powers of a thousand, from 10³ up: `i64` sen reach 92 kuadriliun rupiah, and
/// a `u64` count reaches 18 kuintiliun.
const SCALES: [&str; 6] = ["ribu", "juta", "miliar", "triliun", "kuadriliun", "kuintiliun"];

/// 1–999 in words (nothing for 0): `seratus`, `sebelas`, `dua puluh satu`, `sembilan ratus
/// sembilan puluh sembilan`.
fn below_thousand(n: u64, out: &mut Vec<&'static str>) {
    let (hundreds, rest) = (n / 100, n % 100);
    match hundreds {
        0 => {}
        1 => out.push("seratus"),
        h => out.extend([ONES[h as usize], "ratus"]),
    }
    match rest {
        0 => {}
        10 => out.push("sepuluh"),
        11 => out.push("sebelas"),
        1..=9 => out.push(ONES[rest as usize]),
        12..=19 => out.extend([ONES[(rest - 10) as usize], "belas"]),
        _ => {
            out.extend([ONES[(rest / 10) as usize], "puluh"]);
            if rest % 10 != 0 {
                out.push(ONES[(rest % 10) as usize]);
            }
        }
    }
}

/// A whole number in Indonesian words: `0` → `nol`, `1000` → `seribu`, `1001` → `seribu satu`,
/// `2_000_000` → `dua juta`.
pub fn terbilang(n: u64) -> String {
    if n == 0 {
        return ONES[0].to_string();
    }
    // Groups of three digits, lowest first.
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push(rest % 1000);
        rest /= 1000;
    }
    let mut words: Vec<&'static str> = Vec::new();
    for (power, &group) in groups.iter().enumerate().rev() {
        if group == 0 {
            continue;
        }
        if power == 1 && group == 1 {
            // One thousand is `seribu`, never `satu ribu` (but `satu juta`, `satu miliar`).
            words.push("seribu");
            continue;
        }
        below_thousand(group, &mut words);
        if power > 0 {
            // A u64 has at most seven groups: the scale of the highest is SCALES[5].
            words.push(SCALES.get(power - 1).copied().unwrap_or(""));
        }
    }
    words.join(" ")
}

/// A whole number that may be negative: `minus` before the words of its size.
pub fn terbilang_signed(n: i64) -> String {
    let words = terbilang(n.unsigned_abs());
    if n < 0 {
        format!("minus {words}")
    } else {
        words
    }
}

/// An amount of money in words with its unit: `delapan ratus dua puluh empat juta seratus enam
/// puluh enam ribu delapan ratus rupiah`; sen after the rupiah (`… rupiah sembilan belas sen`),
/// alone when there are no whole rupiah (`lima puluh sen`); `nol rupiah`; `minus …` below zero.
pub fn terbilang_rupiah(m: Money) -> String {
    let sen = m.to_sen();
    let (rupiah, cents) = (sen.unsigned_abs() / 100, sen.unsigned_abs() % 100);
    let mut text = match (rupiah, cents) {
        (0, 0) => "nol rupiah".to_string(),
        (0, c) => format!("{} sen", terbilang(c)),
        (r, 0) => format!("{} rupiah", terbilang(r)),
        (r, c) => format!("{} rupiah {} sen", terbilang(r), terbilang(c)),
    };
    if sen < 0 {
        text.insert_str(0, "minus ");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_teens_and_tens() {
        let cases = [
            (0, "nol"),
            (1, "satu"),
            (7, "tujuh"),
            (10, "sepuluh"),
            (11, "sebelas"),
            (12, "dua belas"),
            (16, "enam belas"),
            (19, "sembilan belas"),
            (20, "dua puluh"),
            (21, "dua puluh satu"),
            (52, "lima puluh dua"),
            (99, "sembilan puluh sembilan"),
        ];
        for (n, words) in cases {
            assert_eq!(terbilang(n), words, "{n}");
        }
    }

    #[test]
    fn hundreds_and_thousands_use_se_for_one() {
        let cases = [
            (100, "seratus"),
            (101, "seratus satu"),
            (110, "seratus sepuluh"),
            (111, "seratus sebelas"),
            (200, "dua ratus"),
            (999, "sembilan ratus sembilan puluh sembilan"),
            (1_000, "seribu"),
            (1_001, "seribu satu"),
            (1_100, "seribu seratus"),
            (1_111, "seribu seratus sebelas"),
            (2_000, "dua ribu"),
            (10_000, "sepuluh ribu"),
            (11_000, "sebelas ribu"),
            (100_000, "seratus ribu"),
            // Only a lone thousand is `seribu`: 101 thousand is `seratus satu ribu`.
            (101_000, "seratus satu ribu"),
            (2024, "dua ribu dua puluh empat"),
        ];
        for (n, words) in cases {
            assert_eq!(terbilang(n), words, "{n}");
        }
    }

    #[test]
    fn millions_and_beyond_say_satu() {
        assert_eq!(terbilang(1_000_000), "satu juta");
        assert_eq!(terbilang(1_001_000), "satu juta seribu");
        assert_eq!(terbilang(1_000_000_000), "satu miliar");
        assert_eq!(terbilang(1_000_000_000_000), "satu triliun");
        assert_eq!(terbilang(1_000_000_000_000_000), "satu kuadriliun");
        assert_eq!(terbilang(5_000_000_001), "lima miliar satu");
        // u64::MAX = 18.446.744.073.709.551.615.
        assert_eq!(
            terbilang(u64::MAX),
            "delapan belas kuintiliun empat ratus empat puluh enam kuadriliun tujuh ratus empat puluh \
             empat triliun tujuh puluh tiga miliar tujuh ratus sembilan juta lima ratus lima puluh satu \
             ribu enam ratus lima belas"
        );
    }

    #[test]
    fn the_reference_reports_amounts() {
        // Tabel 3.10, computed realisasi of the programmes supporting IKU2.
        assert_eq!(
            terbilang_rupiah(Money::from_rupiah(824_166_800)),
            "delapan ratus dua puluh empat juta seratus enam puluh enam ribu delapan ratus rupiah"
        );
        // The pagu of 3.10 as the report writes it in words (lower case).
        assert_eq!(
            terbilang_rupiah(Money::from_rupiah(934_735_000)),
            "sembilan ratus tiga puluh empat juta tujuh ratus tiga puluh lima ribu rupiah"
        );
        // Tabel 3.16: the report writes "Milyar"; the standard spelling (KBBI) is miliar.
        assert_eq!(
            terbilang_rupiah(Money::from_rupiah(3_079_221_482)),
            "tiga miliar tujuh puluh sembilan juta dua ratus dua puluh satu ribu empat ratus delapan puluh dua rupiah"
        );
        assert_eq!(
            terbilang_rupiah(Money::from_rupiah(12_785_258_830)),
            "dua belas miliar tujuh ratus delapan puluh lima juta dua ratus lima puluh delapan ribu delapan ratus \
             tiga puluh rupiah"
        );
    }

    #[test]
    fn sen_zero_and_negative_amounts() {
        assert_eq!(terbilang_rupiah(Money::ZERO), "nol rupiah");
        assert_eq!(terbilang_rupiah(Money::from_sen(50)), "lima puluh sen");
        assert_eq!(terbilang_rupiah(Money::from_sen(1)), "satu sen");
        // Rp 4.939.925.171,19.
        assert_eq!(
            terbilang_rupiah(Money::from_sen(493_992_517_119)),
            "empat miliar sembilan ratus tiga puluh sembilan juta sembilan ratus dua puluh lima ribu seratus \
             tujuh puluh satu rupiah sembilan belas sen"
        );
        assert_eq!(terbilang_rupiah(Money::from_rupiah(-1_000)), "minus seribu rupiah");
        assert_eq!(terbilang_rupiah(Money::from_sen(-5)), "minus lima sen");
        assert_eq!(terbilang_signed(-11), "minus sebelas");
        assert_eq!(terbilang_signed(0), "nol");
    }

    #[test]
    fn the_whole_money_range() {
        // i64::MAX sen = Rp 92.233.720.368.547.758,07; i64::MIN sen is one sen further below zero.
        assert_eq!(
            terbilang_rupiah(Money::from_sen(i64::MAX)),
            "sembilan puluh dua kuadriliun dua ratus tiga puluh tiga triliun tujuh ratus dua puluh miliar tiga \
             ratus enam puluh delapan juta lima ratus empat puluh tujuh ribu tujuh ratus lima puluh delapan rupiah \
             tujuh sen"
        );
        assert_eq!(
            terbilang_rupiah(Money::from_sen(i64::MIN)),
            "minus sembilan puluh dua kuadriliun dua ratus tiga puluh tiga triliun tujuh ratus dua puluh miliar \
             tiga ratus enam puluh delapan juta lima ratus empat puluh tujuh ribu tujuh ratus lima puluh delapan \
             rupiah delapan sen"
        );
    }
}
