//! Localisation: the one place where data becomes words, in Indonesian or English.
//!
//! `calc` produces structured results (a [`Finding`] with its [`Issue`], a [`Formula`] with its
//! arguments, a [`CannotCompute`] with the [`Need`] behind it); this module words them, with
//! the language's number format (`1.234,56` / `1,234.56`), for the window, the command line
//! and the files. It sits above `calc` and below `report`, `export`, `ui` and `cli`. New texts
//! of any layer above `calc` go here (or, for the window's fixed labels, into
//! `ui::strings`, whose `T::get` is the same mechanism: one match over the language).
//! See `docs/architecture.md` (Localisation) and `docs/findings.md`.

mod change;
mod findings;
pub mod narrative;
pub mod record;
mod rules;
pub mod settings;
pub use rules::rule;

/// `tr!(lang, "Indonesian {x}", "English {x}", args…)`: a text with arguments in the user's
/// language — the way new messages with arguments are written (fixed texts: `lang.pick`).
macro_rules! tr {
    ($lang:expr, $id:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::format::Lang::Id => format!($id $(, $arg)*),
            $crate::format::Lang::En => format!($en $(, $arg)*),
        }
    };
}
pub(crate) use tr;

/// An error's message: the Indonesian one its type words, or its (English) `Display`.
pub fn error_message(lang: Lang, id: impl FnOnce() -> String, en: &dyn std::fmt::Display) -> String {
    match lang {
        Lang::Id => id(),
        Lang::En => en.to_string(),
    }
}

pub use crate::format::Lang;
pub use change::{change_summary, change_words, note_kind};
pub use findings::{check_json, check_text, finding, unverified};

use crate::calc::akip::Predicate;
use crate::calc::efficiency::{EfficiencyRule, Verdict};
use crate::calc::how::{Amount, Formula, Item, Need, Over, Range};
use crate::calc::CannotCompute;
use crate::domain::{
    CapaianRule, Dataset, FormulaKind, Money, PeriodRule, Place, Polarity, QuarterRule, RawRole, TableKind, UmkmClass,
    Year,
};
use crate::format::{self, number};
use rust_decimal::Decimal;

/// A number with the precision it carries, in the language's format.
pub fn num(d: Decimal, lang: Lang) -> String {
    format::decimal(d, lang)
}

/// An amount of money without the `Rp`: whole rupiah, or with sen where it has them.
fn money_digits(d: Decimal, lang: Lang) -> String {
    number(d, if d.fract().is_zero() { 0 } else { 2 }, lang)
}

/// A figure: money as `Rp 1.234.567`, anything else with its own precision.
pub fn figure(d: Decimal, money: bool, lang: Lang) -> String {
    if money {
        let sign = if d.is_sign_negative() && !d.is_zero() { "-" } else { "" };
        format!("{sign}Rp {}", money_digits(d.abs(), lang))
    } else {
        num(d, lang)
    }
}

/// The name of a column by its machine code; an unknown code is shown as it is.
pub fn field_label(code: &str, lang: Lang) -> String {
    let (id, en) = match code {
        "serapan_pct" => ("% serapan", "absorption (%)"),
        "sisa" => ("sisa anggaran", "remaining budget"),
        "sisa_pct" => ("% sisa anggaran", "remaining budget (%)"),
        "fisik_pct" => ("realisasi fisik (%)", "physical progress (%)"),
        "alokasi" => ("alokasi", "allocation"),
        "capaian_pct" => ("capaian (%)", "achievement (%)"),
        "pagu" => ("pagu", "pagu"),
        "pagu_murni" => ("pagu murni", "original pagu"),
        "pagu_perubahan" => ("pagu perubahan", "revised pagu"),
        "realisasi" => ("realisasi", "actual"),
        "realisasi_quarters" => ("realisasi (triwulan)", "actual (quarters)"),
        "target" => ("target", "target"),
        "count" => ("jumlah", "count"),
        "value" | "score" => ("nilai", "value"),
        "avg_capaian" => ("rata-rata capaian", "average achievement"),
        "avg_serapan" => ("rata-rata realisasi anggaran (%)", "average budget absorption (%)"),
        "efficiency" => ("efisiensi", "efficiency"),
        "raw_current" => ("data tahun n", "figure of year n"),
        "raw_previous" => ("data tahun n−1", "figure of year n−1"),
        "raw_part" => ("data bagian", "figure of the part"),
        "raw_whole" => ("data keseluruhan", "figure of the whole"),
        "count_program" => ("jumlah program", "number of programmes"),
        "count_kegiatan" => ("jumlah kegiatan", "number of kegiatan"),
        "count_subkegiatan" => ("jumlah sub-kegiatan", "number of sub-kegiatan"),
        "count_achieved" => ("jumlah indikator tercapai", "indicators achieved"),
        "count_exceeded" => ("jumlah indikator melebihi 100%", "indicators above 100%"),
        "count_efficient" => ("jumlah sasaran efisien", "efficient sasaran"),
        "umkm_class" => ("kelas usaha", "business class"),
        "predicate" => ("predikat", "predicate"),
        "category" => ("kategori capaian", "achievement category"),
        "baseline" => ("kondisi awal", "baseline"),
        "end_target" => ("target akhir Renstra", "Renstra end target"),
        "capaian_end_pct" => {
            ("capaian terhadap target akhir Renstra (%)", "achievement against the Renstra end target (%)")
        }
        "target_cumulative" => ("target kumulatif s.d. tahun ini", "cumulative target to this year"),
        "realisasi_cumulative" => ("realisasi kumulatif s.d. tahun ini", "cumulative actual to this year"),
        "capaian_cumulative_pct" => ("capaian kumulatif s.d. tahun ini (%)", "cumulative achievement to this year (%)"),
        other => return other.to_string(),
    };
    lang.pick(id, en).to_string()
}

/// A column with where it is printed: `% serapan (narasi)` / `absorption (%) (narrative)`.
pub fn field(code: &str, place: Place, lang: Lang) -> String {
    let suffix = match place {
        Place::Table => "",
        Place::Narrative => lang.pick(" (narasi)", " (narrative)"),
        Place::Calculation => lang.pick(" (perhitungan)", " (worked calculation)"),
    };
    format!("{}{suffix}", field_label(code, lang))
}

/// A funding source as a report names it in its budget table's totals.
pub fn funding_source(source: crate::domain::FundingSource, lang: Lang) -> &'static str {
    use crate::domain::FundingSource::*;
    match (source, lang) {
        (Apbd, _) => "APBD",
        (ApbnDekon, Lang::Id) => "APBN Dekonsentrasi",
        (ApbnDekon, Lang::En) => "APBN deconcentration funds",
        (ApbnTp, Lang::Id) => "APBN Tugas Pembantuan",
        (ApbnTp, Lang::En) => "APBN co-administration funds",
        (Dak, _) => "DAK",
        (Blud, _) => "BLUD",
        (Lainnya, Lang::Id) => "sumber dana lainnya",
        (Lainnya, Lang::En) => "other funding sources",
    }
}

/// A spending type as a report names it in its budget table's totals.
pub fn spending_type(spending: crate::domain::SpendingType, lang: Lang) -> &'static str {
    use crate::domain::SpendingType::*;
    match (spending, lang) {
        (Program, Lang::Id) => "Belanja Program",
        (Program, Lang::En) => "programme spending",
        (TidakLangsung, Lang::Id) => "Belanja Tidak Langsung",
        (TidakLangsung, Lang::En) => "indirect spending",
        (Pegawai, Lang::Id) => "Belanja Pegawai",
        (Pegawai, Lang::En) => "personnel spending",
        (Operasi, Lang::Id) => "Belanja Operasi",
        (Operasi, Lang::En) => "operating spending",
        (Modal, Lang::Id) => "Belanja Modal",
        (Modal, Lang::En) => "capital spending",
        (Lainnya, Lang::Id) => "belanja lainnya",
        (Lainnya, Lang::En) => "other spending",
    }
}

/// A funding source's code (`apbn-dekon`) by its name; an unknown code as it is.
fn source_name(code: &str, lang: Lang) -> &str {
    use crate::domain::Coded;
    crate::domain::FundingSource::from_code(code).map_or(code, |s| funding_source(s, lang))
}

/// A spending type's code (`pegawai`) by its name; an unknown code as it is.
fn spending_name(code: &str, lang: Lang) -> &str {
    use crate::domain::Coded;
    crate::domain::SpendingType::from_code(code).map_or(code, |s| spending_type(s, lang))
}

/// The row a finding is about.
pub fn item(item: &Item, lang: Lang) -> String {
    match (item, lang) {
        (Item::Named(n), _) => n.clone(),
        (Item::AllSasaran, Lang::Id) => "Seluruh sasaran".into(),
        (Item::AllSasaran, Lang::En) => "All sasaran".into(),
        (Item::AllPrograms, Lang::Id) => "Total seluruh program".into(),
        (Item::AllPrograms, Lang::En) => "Total of all programmes".into(),
        (Item::AllBudgetLines, Lang::Id) => "Total seluruh belanja (program dan non-program)".into(),
        (Item::AllBudgetLines, Lang::En) => "Total of all spending (programmes and non-programme lines)".into(),
        (Item::FundingSource(s), Lang::Id) => format!("Total sumber dana {}", source_name(s, lang)),
        (Item::FundingSource(s), Lang::En) => format!("Total of funding source {}", source_name(s, lang)),
        (Item::SpendingType(s), Lang::Id) => format!("Total jenis belanja {}", spending_name(s, lang)),
        (Item::SpendingType(s), Lang::En) => format!("Total of spending type {}", spending_name(s, lang)),
        (Item::AgreementTotal, Lang::Id) => "Total anggaran Perjanjian Kinerja".into(),
        (Item::AgreementTotal, Lang::En) => "Total budget of the Perjanjian Kinerja".into(),
        (Item::SupportPrograms(n), Lang::Id) => format!("Program pendukung {n}"),
        (Item::SupportPrograms(n), Lang::En) => format!("Programmes supporting {n}"),
        (Item::ProgramIndicators(n), Lang::Id) => format!("Indikator program pendukung {n}"),
        (Item::ProgramIndicators(n), Lang::En) => format!("Programme indicators supporting {n}"),
        (Item::AllStaff, Lang::Id) => "Jumlah pegawai".into(),
        (Item::AllStaff, Lang::En) => "Staff count".into(),
        (Item::Staff(k), Lang::Id) => format!("Jumlah {k}"),
        (Item::Staff(k), Lang::En) => format!("{k} count"),
        (Item::AkipScore(y), Lang::Id) => format!("Nilai AKIP {y}"),
        (Item::AkipScore(y), Lang::En) => format!("AKIP score {y}"),
        (Item::AkipPredicate(y), Lang::Id) => format!("Predikat AKIP {y}"),
        (Item::AkipPredicate(y), Lang::En) => format!("AKIP predicate {y}"),
        (Item::Section(key), lang) => narrative::section_name(key, lang),
    }
}

/// An indicator's formula for its realisation from raw figures.
pub fn raw_formula(kind: FormulaKind, lang: Lang) -> &'static str {
    match kind {
        FormulaKind::Value => lang.pick("nilai langsung", "entered as it is"),
        FormulaKind::GrowthPct => "(Vn − Vn−1) ÷ Vn−1 × 100",
        FormulaKind::RatioPct => "Vn ÷ Vn−1 × 100",
        FormulaKind::SharePct => lang.pick("bagian ÷ keseluruhan × 100", "part ÷ whole × 100"),
    }
}

/// The same formula with the common slip of leaving out `× 100`.
pub fn raw_formula_without_hundred(kind: FormulaKind, lang: Lang) -> String {
    let base = raw_formula(kind, lang);
    let stem = base.strip_suffix(" × 100").unwrap_or(base);
    format!("{stem} {}", lang.pick("tanpa × 100", "without × 100"))
}

/// The capaian formula of a polarity and rule.
pub fn capaian_formula(polarity: Polarity, rule: CapaianRule, lang: Lang) -> &'static str {
    match (polarity, rule, lang) {
        (Polarity::HigherIsBetter, _, Lang::Id) => "realisasi ÷ target × 100",
        (Polarity::HigherIsBetter, _, Lang::En) => "actual ÷ target × 100",
        (Polarity::LowerIsBetter, CapaianRule::Standard, Lang::Id) => "(2 − realisasi ÷ target) × 100",
        (Polarity::LowerIsBetter, CapaianRule::Standard, Lang::En) => "(2 − actual ÷ target) × 100",
        (Polarity::LowerIsBetter, CapaianRule::Inverse, Lang::Id) => "target ÷ realisasi × 100",
        (Polarity::LowerIsBetter, CapaianRule::Inverse, Lang::En) => "target ÷ actual × 100",
        (Polarity::Range, _, Lang::Id) => "100 di dalam rentang; di luar: terhadap batas terdekat",
        (Polarity::Range, _, Lang::En) => "100 inside the range; outside: against the nearer bound",
        (Polarity::RangeHigher, _, Lang::Id) => "100 di dalam rentang; di luar: realisasi ÷ batas terdekat × 100",
        (Polarity::RangeHigher, _, Lang::En) => "100 inside the range; outside: actual ÷ nearer bound × 100",
        (Polarity::RangeLower, CapaianRule::Standard, Lang::Id) => {
            "100 di dalam rentang; di luar: (2 − realisasi ÷ batas terdekat) × 100"
        }
        (Polarity::RangeLower, CapaianRule::Standard, Lang::En) => {
            "100 inside the range; outside: (2 − actual ÷ nearer bound) × 100"
        }
        (Polarity::RangeLower, CapaianRule::Inverse, Lang::Id) => {
            "100 di dalam rentang; di luar: batas terdekat ÷ realisasi × 100"
        }
        (Polarity::RangeLower, CapaianRule::Inverse, Lang::En) => {
            "100 inside the range; outside: nearer bound ÷ actual × 100"
        }
    }
}

/// The efficiency rule in words.
pub fn efficiency_rule(rule: EfficiencyRule, lang: Lang) -> String {
    match (rule, lang) {
        (EfficiencyRule::CapaianAboveSerapan, Lang::Id) => {
            "efisien bila rata-rata capaian > rata-rata serapan anggaran".into()
        }
        (EfficiencyRule::CapaianAboveSerapan, Lang::En) => {
            "efficient when the average achievement > the average budget absorption".into()
        }
        (EfficiencyRule::Margin(m), Lang::Id) => {
            let m = num(m, lang);
            format!("efisien bila capaian − serapan > {m} poin; cukup efisien dalam ±{m}; tidak efisien di bawahnya")
        }
        (EfficiencyRule::Margin(m), Lang::En) => {
            let m = num(m, lang);
            format!("efficient when achievement − absorption > {m} points; fairly efficient within ±{m}; not efficient below")
        }
    }
}

/// An efficiency verdict.
pub fn verdict(v: Verdict, lang: Lang) -> &'static str {
    match lang {
        Lang::Id => v.text(),
        Lang::En => v.text_en(),
    }
}

/// An indicator's polarity, as the IKU dictionary (Tabel 2.2) words it.
pub fn polarity(p: Polarity, lang: Lang) -> &'static str {
    match p {
        Polarity::HigherIsBetter => lang.pick("semakin tinggi semakin baik", "higher is better"),
        Polarity::LowerIsBetter => lang.pick("semakin rendah semakin baik", "lower is better"),
        Polarity::Range => lang.pick("rentang", "range"),
        Polarity::RangeHigher => lang.pick("rentang, semakin tinggi semakin baik", "range, higher is better"),
        Polarity::RangeLower => lang.pick("rentang, semakin rendah semakin baik", "range, lower is better"),
    }
}

/// How an indicator's years make the Renstra period's figure "s.d. tahun N".
pub fn period_rule(r: PeriodRule, lang: Lang) -> &'static str {
    match r {
        PeriodRule::Level => lang.pick("angka tahun berjalan (tingkat)", "the year's figure (a level)"),
        PeriodRule::Sum => lang.pick("jumlah tahun-tahun periode (kumulatif)", "the years added up (cumulative)"),
    }
}

/// The title Kinerja gives a numbered table of a year whose report did not title it (a year
/// without a stored layout): in Indonesian the standard title of `calc::layout`, or its English.
pub fn table_title(d: &Dataset, kind: TableKind, subject: &str, year: Year, lang: Lang) -> String {
    if lang == Lang::Id {
        return crate::calc::layout::default_title(d, kind, subject, year);
    }
    let office = &d.office.name;
    let ind = d.indicator(subject).map_or(subject.to_string(), |i| i.name.clone());
    match kind {
        TableKind::Staff => format!("Human resources {year}"),
        TableKind::Assets => format!("Fixed assets of {office} {year}"),
        TableKind::RenstraGoals => format!("Objectives and goals of {office}"),
        TableKind::IkuDictionary => format!("Key performance indicators (IKU) of {office}"),
        TableKind::Agreement => format!("Performance agreement of {office}, {year}"),
        TableKind::Capaian => format!("Performance achievement of {office} {year}"),
        TableKind::IkuAnalysis => format!("Analysis of the achievement of the key performance indicator {ind}"),
        TableKind::IkuRenstra => format!("Actual of {ind} against the Renstra targets"),
        TableKind::AkipRecommendations => format!("Steps towards the AKIP score, {year}"),
        TableKind::ProgramIndicators => format!("Indicators of the programmes supporting {ind}"),
        TableKind::IkuBudget => format!("Budget and spending for {ind}"),
        TableKind::Benchmarks => format!("Actual of {ind} against the national level"),
        TableKind::UmkmUpgrades => format!("Micro businesses that became small businesses, {year}"),
        TableKind::Efficiency => format!("Efficiency per strategic goal, {year}"),
        TableKind::BudgetMurni => format!("Budget per programme, {year}"),
        TableKind::BudgetRealisation => format!("Budget and spending per programme, {year}"),
        TableKind::BudgetComparison => format!("Budget and spending of {year} against {}", year - 1),
    }
}

/// A business class of PP 7/2021.
pub fn umkm_class(c: UmkmClass, lang: Lang) -> &'static str {
    match (c, lang) {
        (c, Lang::Id) => c.code(),
        (UmkmClass::Mikro, Lang::En) => "micro",
        (UmkmClass::Kecil, Lang::En) => "small",
        (UmkmClass::Menengah, Lang::En) => "medium",
        (UmkmClass::Besar, Lang::En) => "large",
    }
}

/// An AKIP predicate (the same code in both languages).
pub fn predicate(p: Predicate) -> &'static str {
    p.code()
}

fn amount_name(a: Amount, lang: Lang) -> &'static str {
    match a {
        Amount::Pagu => "pagu",
        Amount::PaguMurni => lang.pick("pagu murni", "original pagu"),
        Amount::PaguPerubahan => lang.pick("pagu perubahan", "revised pagu"),
        Amount::Realisasi => lang.pick("realisasi", "actual spending"),
        Amount::Units => lang.pick("unit", "units"),
        Amount::Value => lang.pick("nilai", "value"),
    }
}

fn list(values: &[Decimal], lang: Lang) -> String {
    values.iter().map(|v| number(*v, 2, lang)).collect::<Vec<_>>().join("; ")
}

fn optional_money(m: Option<Money>, lang: Lang) -> String {
    m.map(|m| money_digits(m.decimal(), lang)).unwrap_or_default()
}

/// How a figure was computed, with its arguments.
pub fn formula(f: &Formula, lang: Lang) -> String {
    let en = lang == Lang::En;
    match f {
        Formula::None => String::new(),
        Formula::Raw { kind, a, b } => format!("{} ({} ÷ {})", raw_formula(*kind, lang), num(*a, lang), num(*b, lang)),
        Formula::Capaian { polarity, rule, realisasi, target, target_high } => {
            let t = match target_high {
                Some(h) => format!("{}–{}", num(*target, lang), num(*h, lang)),
                None => num(*target, lang),
            };
            format!(
                "{}: {} {}, target {t}",
                capaian_formula(*polarity, *rule, lang),
                lang.pick("realisasi", "actual"),
                num(*realisasi, lang)
            )
        }
        Formula::AvgCapaian(v) => {
            format!("{} ({})", lang.pick("rata-rata capaian", "average achievement"), list(v, lang))
        }
        Formula::AvgSerapan(v) => format!(
            "{} ({})",
            lang.pick("rata-rata serapan program", "average absorption of the programmes"),
            list(v, lang)
        ),
        Formula::Efficiency { capaian, serapan, rule } => format!(
            "{} {} vs {} {}; {}",
            lang.pick("rata-rata capaian", "average achievement"),
            number(*capaian, 2, lang),
            lang.pick("rata-rata serapan", "average absorption"),
            number(*serapan, 2, lang),
            efficiency_rule(*rule, lang)
        ),
        Formula::EfficientSasaran(rule) => {
            format!(
                "{}; {}",
                lang.pick("sasaran yang efisien", "sasaran that are efficient"),
                efficiency_rule(*rule, lang)
            )
        }
        Formula::StaffCount(status) => {
            let who = status.as_deref().unwrap_or("PNS + TKK");
            if en {
                format!("staff count, {who}")
            } else {
                format!("jumlah pegawai {who}")
            }
        }
        Formula::FundedPrograms => lang.pick("jumlah program yang memiliki pagu", "programmes with a pagu").into(),
        Formula::Sum { amount, over } => {
            let over = match (over, lang) {
                (Over::AllPrograms, Lang::Id) => "seluruh program".to_string(),
                (Over::AllPrograms, Lang::En) => "all programmes".to_string(),
                (Over::ThisLine, Lang::Id) => "baris ini".to_string(),
                (Over::ThisLine, Lang::En) => "this line".to_string(),
                (Over::AgreementPrograms, Lang::Id) => "program Perjanjian Kinerja".to_string(),
                (Over::AgreementPrograms, Lang::En) => "the programmes of the Perjanjian Kinerja".to_string(),
                (Over::SupportPrograms(k), Lang::Id) => format!("program pendukung {k}"),
                (Over::SupportPrograms(k), Lang::En) => format!("the programmes supporting {k}"),
                (Over::AllLines, Lang::Id) => "seluruh belanja (program dan non-program)".to_string(),
                (Over::AllLines, Lang::En) => "all spending (programmes and non-programme lines)".to_string(),
                (Over::Source(s), Lang::Id) => format!("baris bersumber dana {}", source_name(s, lang)),
                (Over::Source(s), Lang::En) => format!("the lines funded from {}", source_name(s, lang)),
                (Over::Spending(s), Lang::Id) => format!("baris jenis belanja {}", spending_name(s, lang)),
                (Over::Spending(s), Lang::En) => format!("the lines of spending type {}", spending_name(s, lang)),
            };
            if en {
                format!("sum of {} over {over}", amount_name(*amount, lang))
            } else {
                format!("jumlah {} {over}", amount_name(*amount, lang))
            }
        }
        Formula::Serapan { realisasi, pagu } => format!(
            "{} = {} ÷ {} × 100",
            lang.pick("realisasi ÷ pagu × 100", "actual ÷ pagu × 100"),
            optional_money(*realisasi, lang),
            optional_money(*pagu, lang)
        ),
        Formula::Sisa { pagu, realisasi } => format!(
            "{} = {} − {}",
            lang.pick("sisa = pagu − realisasi", "remaining = pagu − actual"),
            optional_money(*pagu, lang),
            optional_money(*realisasi, lang)
        ),
        Formula::SisaPct { sisa, pagu } => format!(
            "{} = {} ÷ {} × 100",
            lang.pick("sisa ÷ pagu × 100", "remaining ÷ pagu × 100"),
            optional_money(Some(*sisa), lang),
            optional_money(Some(*pagu), lang)
        ),
        Formula::Fisik { lines } => {
            if en {
                format!("physical progress weighted by pagu, Σ(fisik × pagu) ÷ Σ pagu over {lines} lines")
            } else {
                format!("realisasi fisik berbobot pagu, Σ(fisik × pagu) ÷ Σ pagu atas {lines} baris")
            }
        }
        Formula::SupportPrograms(k) => {
            if en {
                format!("programmes supporting {k}")
            } else {
                format!("program pendukung {k}")
            }
        }
        Formula::FundedKegiatan => lang
            .pick(
                "kegiatan ber-pagu di bawah program pendukung",
                "kegiatan with a pagu under the supporting programmes",
            )
            .into(),
        Formula::FundedSubkegiatan => lang
            .pick(
                "sub-kegiatan ber-pagu di bawah program pendukung",
                "sub-kegiatan with a pagu under the supporting programmes",
            )
            .into(),
        Formula::ProgramIndicators { exceeded, of } => {
            let op = if *exceeded { ">" } else { "≥" };
            if en {
                format!("programme indicators with achievement {op} 100 (of {of})")
            } else {
                format!("indikator program dengan capaian {op} 100 (dari {of})")
            }
        }
        Formula::Target => lang
            .pick("target Perjanjian Kinerja (atau Renstra)", "target of the Perjanjian Kinerja (or the Renstra)")
            .into(),
        Formula::RecordedRealisasi => lang.pick("realisasi yang dicatat", "the recorded actual").into(),
        Formula::RawFigure(label) => format!("{}: {label}", lang.pick("data dasar", "raw figure")),
        Formula::ChildrenSum(a) => {
            if en {
                format!("sum of the {} of the rows under it", amount_name(*a, lang))
            } else {
                format!("jumlah {} baris di bawahnya", amount_name(*a, lang))
            }
        }
        Formula::Quarters(QuarterRule::Cumulative) => {
            lang.pick("realisasi triwulan IV (kumulatif)", "actual of quarter IV (cumulative)").into()
        }
        Formula::Quarters(QuarterRule::Sum) => {
            lang.pick("jumlah realisasi triwulan I–IV", "sum of the actuals of quarters I–IV").into()
        }
        Formula::UmkmClass => lang
            .pick(
                "PP 7/2021: hasil penjualan tahunan (atau modal usaha tanpa tanah dan bangunan)",
                "PP 7/2021: annual sales (or business capital without land and buildings)",
            )
            .into(),
        Formula::BudgetPagu => {
            lang.pick("pagu program pada data anggaran", "the programme's pagu in the budget data").into()
        }
        Formula::RenstraTarget => {
            lang.pick("target Renstra tahun yang sama", "the Renstra target of the same year").into()
        }
        Formula::RenstraBaseline => lang.pick("kondisi awal Renstra", "the Renstra baseline").into(),
        Formula::RenstraEndTarget => {
            lang.pick("target akhir periode Renstra", "the Renstra end-of-period target").into()
        }
        Formula::PeriodSum { from, values } => {
            let to = *from + values.len().saturating_sub(1) as Year;
            let years = format!("{from}–{to}");
            // The years' figures share their decimals, as the Renstra prints them (9 + 14).
            let n = format::value_decimals(values.iter().copied());
            let terms = values.iter().map(|v| format::value(*v, n, lang)).collect::<Vec<_>>().join(" + ");
            if en {
                format!("sum of the years {years}: {terms}")
            } else {
                format!("jumlah tahun {years}: {terms}")
            }
        }
        Formula::AkipIndicator => {
            lang.pick("realisasi indikator nilai AKIP", "actual of the indicator that records the AKIP score").into()
        }
        Formula::AkipWeighted => lang
            .pick(
                "perencanaan × 30% + pengukuran × 30% + pelaporan × 15% + evaluasi internal × 25%",
                "planning × 30% + measurement × 30% + reporting × 15% + internal evaluation × 25%",
            )
            .into(),
        Formula::AkipPredicate => "PermenPAN-RB 88/2021".into(),
    }
}

/// What is missing.
pub fn need(n: &Need, lang: Lang) -> String {
    let en = lang == Lang::En;
    let pair = |id: String, en_text: String| if en { en_text } else { id };
    match n {
        Need::Indicator(c) => pair(format!("indikator {c}"), format!("indicator {c}")),
        Need::Realisasi { indicator, year } => {
            pair(format!("realisasi {indicator} {year}"), format!("actual of {indicator} {year}"))
        }
        Need::Target { indicator, year } => {
            pair(format!("target {indicator} {year}"), format!("target of {indicator} {year}"))
        }
        Need::Program { kode, year } => pair(format!("program {kode} {year}"), format!("programme {kode} {year}")),
        Need::BudgetLine { kode, year } => {
            pair(format!("baris anggaran {kode} {year}"), format!("budget line {kode} {year}"))
        }
        Need::SasaranIndicators(s) => pair(format!("indikator sasaran {s}"), format!("indicators of sasaran {s}")),
        Need::Iku(y) => pair(format!("IKU tahun {y}"), format!("IKU of {y}")),
        Need::Baseline(i) => pair(
            format!("kondisi awal / target akhir Renstra indikator {i} (renstra_baselines.csv)"),
            format!("Renstra baseline / end target of indicator {i} (renstra_baselines.csv)"),
        ),
        Need::SasaranPrograms(s) => {
            pair(format!("program pendukung sasaran {s}"), format!("programmes supporting sasaran {s}"))
        }
        Need::SupportPrograms(k) => pair(format!("program pendukung {k}"), format!("programmes supporting {k}")),
        Need::Amount(a) => amount_name(*a, lang).into(),
        Need::Fisik => pair("realisasi fisik dengan pagu".to_string(), "physical progress with a pagu".to_string()),
        Need::Staff(y) => pair(format!("data pegawai {y}"), format!("staff figures {y}")),
        Need::AgreementBudget(y) => {
            pair(format!("anggaran Perjanjian Kinerja {y}"), format!("budget of the Perjanjian Kinerja {y}"))
        }
        Need::RawFigure { indicator, year } => {
            pair(format!("data dasar {indicator} {year}"), format!("raw figures of {indicator} {year}"))
        }
        Need::Raw(role) => match role {
            RawRole::Current => "Vn".into(),
            RawRole::Previous => "Vn−1".into(),
            RawRole::Part => lang.pick("bagian", "part").into(),
            RawRole::Whole => lang.pick("keseluruhan", "whole").into(),
        },
        Need::DirectValue => {
            lang.pick("rumus (nilainya dicatat langsung)", "a formula (the value is entered as it is)").into()
        }
        Need::Period(y) => pair(format!("periode Renstra {y}"), format!("Renstra period of {y}")),
        Need::Bands(y) => pair(
            format!("kategori capaian periode Renstra {y} (achievement_bands.csv)"),
            format!("achievement bands of the Renstra period of {y} (achievement_bands.csv)"),
        ),
        Need::Benchmark(k) => pair(format!("pembanding {k}"), format!("benchmark {k}")),
        Need::BenchmarkTarget => lang.pick("target pembanding", "benchmark target").into(),
        Need::BenchmarkRealisasi => lang.pick("realisasi pembanding", "benchmark actual").into(),
        Need::Field { subject, field } => {
            pair(format!("kolom {field} pada {subject}"), format!("column {field} of {subject}"))
        }
    }
}

fn range(r: &Range, lang: Lang) -> String {
    match (r, lang) {
        (Range::AkipScore(v), Lang::Id) => format!("nilai AKIP {} (0–100)", num(*v, lang)),
        (Range::AkipScore(v), Lang::En) => format!("AKIP score {} (0–100)", num(*v, lang)),
        (Range::AkipComponent(v), Lang::Id) => format!("komponen {} (0–100)", num(*v, lang)),
        (Range::AkipComponent(v), Lang::En) => format!("component {} (0–100)", num(*v, lang)),
    }
}

impl CannotCompute {
    /// Why a figure cannot be computed, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CannotCompute::ZeroTarget => lang.pick("target nol", "the target is zero").into(),
            CannotCompute::NonPositiveRealisation => lang
                .pick("realisasi nol atau negatif sebagai pembagi", "the actual is zero or negative where it divides")
                .into(),
            CannotCompute::NonPositiveTarget => {
                lang.pick("target harus positif untuk rumus ini", "the target must be positive for this formula").into()
            }
            CannotCompute::ZeroDenominator => lang.pick("pembagi nol", "the denominator is zero").into(),
            CannotCompute::Missing(n) => {
                format!("{}: {}", lang.pick("angka tidak tersedia", "a figure is missing"), need(n, lang))
            }
            CannotCompute::OutOfRange(r) => {
                format!("{}: {}", lang.pick("nilai di luar rentang", "value outside its range"), range(r, lang))
            }
            CannotCompute::Overflow => lang.pick("angka terlalu besar", "number too large").into(),
        }
    }

    /// The reason in Indonesian.
    pub fn message_id(&self) -> String {
        self.message(Lang::Id)
    }

    /// Stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            CannotCompute::ZeroTarget => "zero_target",
            CannotCompute::NonPositiveRealisation => "non_positive_realisasi",
            CannotCompute::NonPositiveTarget => "non_positive_target",
            CannotCompute::ZeroDenominator => "zero_denominator",
            CannotCompute::Missing(_) => "missing",
            CannotCompute::OutOfRange(_) => "out_of_range",
            CannotCompute::Overflow => "overflow",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn formulas_in_both_languages_with_their_number_format() {
        let f = Formula::Serapan {
            realisasi: Some(Money::from_rupiah(127_019_891)),
            pagu: Some(Money::from_rupiah(160_000_000)),
        };
        assert_eq!(formula(&f, Lang::Id), "realisasi ÷ pagu × 100 = 127.019.891 ÷ 160.000.000 × 100");
        assert_eq!(formula(&f, Lang::En), "actual ÷ pagu × 100 = 127,019,891 ÷ 160,000,000 × 100");
        let avg = Formula::AvgSerapan(vec![d("92.6149"), d("1234.5")]);
        assert_eq!(formula(&avg, Lang::Id), "rata-rata serapan program (92,61; 1.234,50)");
        assert_eq!(formula(&avg, Lang::En), "average absorption of the programmes (92.61; 1,234.50)");
    }

    #[test]
    fn reasons_and_labels_in_both_languages() {
        let e = CannotCompute::Missing(Need::Realisasi { indicator: "IKU1".into(), year: 2024 });
        assert_eq!(e.message_id(), "angka tidak tersedia: realisasi IKU1 2024");
        assert_eq!(e.message(Lang::En), "a figure is missing: actual of IKU1 2024");
        assert_eq!(field("serapan_pct", Place::Narrative, Lang::Id), "% serapan (narasi)");
        assert_eq!(field("serapan_pct", Place::Narrative, Lang::En), "absorption (%) (narrative)");
        assert_eq!(raw_formula_without_hundred(FormulaKind::RatioPct, Lang::Id), "Vn ÷ Vn−1 tanpa × 100");
        assert_eq!(figure(d("-1500.5"), true, Lang::En), "-Rp 1,500.50");
    }
}
