//! The checker's findings in words, and the check's text and JSON output.

use super::{
    field, figure, formula, item, num, predicate, raw_formula, raw_formula_without_hundred, umkm_class, verdict,
};
use crate::calc::check::{CheckReport, Finding, Issue, Unverified};
use crate::calc::how::Formula;
use crate::format::Lang;
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// One finding as one sentence.
pub fn finding(f: &Finding, lang: Lang) -> String {
    let en = lang == Lang::En;
    let t = &f.table;
    let year = f.year;
    let what = field(&f.field, f.place, lang);
    let name = item(&f.item, lang);
    let fig = |d: Option<Decimal>| d.map(|d| figure(d, f.money, lang)).unwrap_or_default();
    let (p, c) = (fig(f.reported), fig(f.computed));
    match &f.issue {
        Issue::Printed => {
            // Shown with the printed precision, at least two decimals.
            let scale = f.reported.map_or(2, |r| r.scale().max(2));
            let c = f.computed.map(|c| num(c.round_dp(scale), lang)).unwrap_or_default();
            if en {
                format!("Table {t}: {what} of '{name}' is printed as {p}; recomputed it is {c}.")
            } else {
                format!("Tabel {t}: {what} '{name}' dicetak {p}, hasil hitung {c}.")
            }
        }
        Issue::PrintedVerdict { printed, computed } => {
            let v = verdict(*computed, lang);
            if en {
                format!("Table {t}: {what} of '{name}' is printed as '{printed}'; recomputed it is '{v}'.")
            } else {
                format!("Tabel {t}: {what} '{name}' dicetak '{printed}', hasil hitung '{v}'.")
            }
        }
        Issue::PrintedCategory { printed, computed, computed_name } => {
            let c = f.computed.map(|c| num(c.round_dp(2), lang)).unwrap_or_default();
            // The band as a reader knows it: its name, with its code where the two differ.
            let band = computed.as_ref().map(|code| {
                if computed_name.is_empty() || computed_name == code {
                    format!("'{code}'")
                } else {
                    format!("'{computed_name}' ({code})")
                }
            });
            match (band, en) {
                (Some(k), true) => format!(
                    "Table {t}: {what} of '{name}' is printed as '{printed}'; an achievement of {c} % falls in {k} on the office's scale."
                ),
                (Some(k), false) => format!(
                    "Tabel {t}: {what} '{name}' dicetak '{printed}', capaian {c} % termasuk {k} menurut skala kategori kantor."
                ),
                (None, true) => format!(
                    "Table {t}: {what} of '{name}' is printed as '{printed}'; an achievement of {c} % falls in no band of the office's scale."
                ),
                (None, false) => format!(
                    "Tabel {t}: {what} '{name}' dicetak '{printed}', capaian {c} % tidak termasuk kategori mana pun dalam skala kantor."
                ),
            }
        }
        Issue::Unreadable { printed } => {
            if en {
                format!("Table {t}: {what} of '{name}' is printed as '{printed}', which cannot be read as a number.")
            } else {
                format!("Tabel {t}: {what} '{name}' tercetak '{printed}' yang tidak terbaca sebagai angka.")
            }
        }
        Issue::Subtotal => {
            if en {
                format!("Table {t}: {what} of '{name}' is printed as {p}; its rows add up to {c}.")
            } else {
                format!("Tabel {t}: {what} '{name}' dicetak {p}, jumlah rinciannya {c}.")
            }
        }
        Issue::SubtotalUncounted { rows } => {
            let rows = rows.join(", ");
            if en {
                format!("Table {t}: {what} of '{name}' is printed as {p}, but its rows have no unit counts ({rows}).")
            } else {
                format!("Tabel {t}: {what} '{name}' dicetak {p}, tetapi rinciannya tanpa jumlah unit ({rows}).")
            }
        }
        Issue::RawFormula { kind, explained } => {
            let by = raw_formula(*kind, lang);
            let c = f.computed.map(|c| num(c.round_dp(2), lang)).unwrap_or_default();
            let explained = explained
                .map(|(how, v)| {
                    let how = if how.without_hundred {
                        raw_formula_without_hundred(how.kind, lang)
                    } else {
                        raw_formula(how.kind, lang).to_string()
                    };
                    let v = num(v, lang);
                    if en {
                        format!(" The printed number equals {how} = {v}.")
                    } else {
                        format!(" Angka cetak sama dengan {how} = {v}.")
                    }
                })
                .unwrap_or_default();
            if en {
                format!("Table {t}: {what} of '{name}' is printed as {p}; by the indicator's formula ({by}) it is {c}.{explained}")
            } else {
                format!(
                    "Tabel {t}: {what} '{name}' dicetak {p}, menurut rumus indikator ({by}) hasilnya {c}.{explained}"
                )
            }
        }
        Issue::IndicatorQuarters => {
            let rule = formula(&f.formula, lang);
            if en {
                format!("The actual of '{name}' in {year} is recorded as {p}; by the Rencana Aksi ({rule}) it is {c}.")
            } else {
                format!("Realisasi '{name}' {year} dicatat {p}, menurut Rencana Aksi ({rule}) {c}.")
            }
        }
        Issue::BudgetSisa => {
            if en {
                format!("Table {t}: the remaining budget of '{name}' is printed as {p}; pagu − actual is {c}.")
            } else {
                format!("Tabel {t}: sisa anggaran '{name}' dicetak {p}, pagu − realisasi {c}.")
            }
        }
        Issue::FisikRange => {
            if en {
                format!("Table {t}: the physical progress of '{name}' is printed as {p} %, outside 0–100 %.")
            } else {
                format!("Tabel {t}: realisasi fisik '{name}' dicetak {p} %, di luar 0–100 %.")
            }
        }
        Issue::BudgetQuarters => {
            if en {
                format!("The actual spending of '{name}' in {year} is recorded as {p}; its quarters add up to {c}.")
            } else {
                format!("Realisasi '{name}' {year} dicatat {p}, jumlah realisasi per triwulan {c}.")
            }
        }
        Issue::UmkmClass { recorded, computed } => {
            let (r, k) = (umkm_class(*recorded, lang), umkm_class(*computed, lang));
            if en {
                format!("Table {t}: '{name}' is recorded as moving up to class {r}; by PP 7/2021 its sales or capital belong to class {k}.")
            } else {
                format!("Tabel {t}: '{name}' dicatat naik ke kelas {r}, menurut PP 7/2021 hasil penjualan/modalnya termasuk kelas {k}.")
            }
        }
        Issue::AgreementBudget => {
            if en {
                format!("Table {t}: {what} of '{name}' is {p} in the Perjanjian Kinerja and {c} in the budget data.")
            } else {
                format!("Tabel {t}: {what} '{name}' dalam Perjanjian Kinerja {p}, dalam data anggaran {c}.")
            }
        }
        Issue::AgreementTarget => {
            if en {
                format!("Table {t}: the target of '{name}' is {p} in the Perjanjian Kinerja and {c} in the Renstra.")
            } else {
                format!("Tabel {t}: target '{name}' dalam Perjanjian Kinerja {p}, dalam Renstra {c}.")
            }
        }
        Issue::RenstraTargetsSum => {
            if en {
                format!("Table {t}: the Renstra end target of '{name}' is {p}, but its yearly targets, which add up, total {c}.")
            } else {
                format!("Tabel {t}: target akhir Renstra '{name}' {p}, sedangkan jumlah target tahunannya (yang dijumlahkan) {c}.")
            }
        }
        Issue::RealisasiMissing => {
            if en {
                format!("Table {t}: '{name}' has a target for {year} but its actual is not recorded yet.")
            } else {
                format!("Tabel {t}: '{name}' punya target {year} tetapi realisasinya belum dicatat.")
            }
        }
        Issue::AkipIndicator => {
            if en {
                format!("The AKIP score {year} is {p} by the evaluation, while the actual of its indicator is {c}.")
            } else {
                format!("Nilai AKIP {year} hasil evaluasi {p}, sedangkan realisasi indikatornya {c}.")
            }
        }
        Issue::AkipWeighted => {
            let c = f.computed.map(|c| num(c.round_dp(2), lang)).unwrap_or_default();
            if en {
                format!("The AKIP score {year} is recorded as {p}; the weighted sum of its components is {c}.")
            } else {
                format!("Nilai AKIP {year} dicatat {p}, jumlah tertimbang komponennya {c}.")
            }
        }
        Issue::AkipPredicate { printed, computed } => {
            let k = predicate(*computed);
            if en {
                format!("The AKIP predicate {year} is printed as {printed}; a score of {p} gives {k}.")
            } else {
                format!("Predikat AKIP {year} dicetak {printed}, untuk nilai {p} seharusnya {k}.")
            }
        }
        Issue::NarrativeSyntax { error, .. } => {
            let e = super::narrative::syntax_error(error, lang);
            if en {
                format!("The text of {name} {year} holds a reference that cannot be read: {e}.")
            } else {
                format!("Narasi {name} {year} memuat rujukan yang tidak terbaca: {e}.")
            }
        }
        Issue::NarrativeReference { reference, reason, .. } => {
            let why = super::narrative::unresolved(reason, lang);
            if en {
                format!("The text of {name} {year} refers to {{{{{reference}}}}}, which shows no figure: {why}.")
            } else {
                format!("Narasi {name} {year} merujuk {{{{{reference}}}}} yang tidak menghasilkan angka: {why}.")
            }
        }
    }
}

/// A figure that could not be checked, on one line.
pub fn unverified(u: &Unverified, lang: Lang) -> String {
    format!(
        "[{} / {}] {} — {}: '{}' ({})",
        u.table,
        u.year,
        item(&u.item, lang),
        field(&u.field, u.place, lang),
        u.printed,
        u.reason.message(lang)
    )
}

/// The check's result as text: one finding per paragraph, then the figures that could not be
/// verified.
pub fn check_text(r: &CheckReport, lang: Lang) -> String {
    let mut s = String::new();
    if r.findings.is_empty() {
        s.push_str(lang.pick(
            "Tidak ada temuan: setiap angka tercetak sesuai dengan hasil hitung ulang.\n",
            "No findings: every printed figure agrees with its recomputation.\n",
        ));
    } else {
        s.push_str(&format!("{} {}:\n\n", r.findings.len(), lang.pick("temuan", "findings")));
        let mut titled: Option<(&str, i32)> = None;
        for f in &r.findings {
            // The office's title of a table, once above its findings of a year.
            if let Some(title) = &f.table_title {
                if titled != Some((f.table.as_str(), f.year)) {
                    s.push_str(&format!("{} {} ({}): {title}\n", lang.pick("Tabel", "Table"), f.table, f.year));
                    titled = Some((f.table.as_str(), f.year));
                }
            }
            s.push_str(&format!(
                "[{} / {}] {}\n    {}: {}\n",
                f.table,
                f.year,
                finding(f, lang),
                lang.pick("cara hitung", "how computed"),
                formula(&f.formula, lang)
            ));
        }
    }
    if !r.unverified.is_empty() {
        s.push_str(&format!(
            "\n{} {}:\n",
            r.unverified.len(),
            lang.pick(
                "angka tercetak tidak dapat diperiksa karena datanya tidak ada",
                "printed figures cannot be checked because the data behind them is missing"
            )
        ));
        for u in &r.unverified {
            s.push_str(&unverified(u, lang));
            s.push('\n');
        }
    }
    s
}

fn decimal_value(d: Decimal) -> Value {
    serde_json::to_value(d).unwrap_or(Value::Null)
}

fn decimals(v: &[Decimal]) -> Value {
    Value::Array(v.iter().map(|d| decimal_value(*d)).collect())
}

/// A formula's arguments, by name.
fn formula_args(f: &Formula) -> Value {
    use crate::calc::efficiency::EfficiencyRule;
    let rule = |r: &EfficiencyRule| match r {
        EfficiencyRule::CapaianAboveSerapan => json!("capaian_above_serapan"),
        EfficiencyRule::Margin(m) => json!({ "margin": decimal_value(*m) }),
    };
    let money = |m: &Option<crate::domain::Money>| m.map_or(Value::Null, |m| decimal_value(m.decimal()));
    match f {
        Formula::Raw { kind, a, b } => {
            json!({ "formula": kind.code(), "a": decimal_value(*a), "b": decimal_value(*b) })
        }
        Formula::Capaian { polarity, rule, realisasi, target, target_high } => json!({
            "polarity": polarity.code(),
            "rule": rule.code(),
            "realisasi": decimal_value(*realisasi),
            "target": decimal_value(*target),
            "target_high": target_high.map_or(Value::Null, decimal_value),
        }),
        Formula::AvgCapaian(v) | Formula::AvgSerapan(v) => json!({ "values": decimals(v) }),
        Formula::Efficiency { capaian, serapan, rule: r } => {
            json!({ "capaian": decimal_value(*capaian), "serapan": decimal_value(*serapan), "rule": rule(r) })
        }
        Formula::EfficientSasaran(r) => json!({ "rule": rule(r) }),
        Formula::StaffCount(status) => json!({ "status": status }),
        Formula::Sum { amount, over } => {
            use crate::calc::how::Over;
            let (over, indicator) = match over {
                Over::AllPrograms => ("all_programs", None),
                Over::ThisLine => ("this_line", None),
                Over::AgreementPrograms => ("agreement_programs", None),
                Over::SupportPrograms(k) => ("support_programs", Some(k)),
                Over::AllLines => ("all_lines", None),
                Over::Source(s) => ("source", Some(s)),
                Over::Spending(s) => ("spending", Some(s)),
            };
            json!({ "amount": amount.code(), "over": over, "indicator": indicator })
        }
        Formula::Serapan { realisasi, pagu } => json!({ "realisasi": money(realisasi), "pagu": money(pagu) }),
        Formula::SupportPrograms(k) => json!({ "indicator": k }),
        Formula::Sisa { pagu, realisasi } => json!({ "pagu": money(pagu), "realisasi": money(realisasi) }),
        Formula::SisaPct { sisa, pagu } => json!({ "sisa": money(&Some(*sisa)), "pagu": money(&Some(*pagu)) }),
        Formula::Fisik { lines } => json!({ "lines": lines }),
        Formula::ProgramIndicators { exceeded, of } => json!({ "exceeded": exceeded, "of": of }),
        Formula::RawFigure(label) => json!({ "label": label }),
        Formula::ChildrenSum(a) => json!({ "amount": a.code() }),
        Formula::Quarters(rule) => json!({ "rule": rule.code() }),
        Formula::PeriodSum { from, values } => json!({ "from": from, "values": decimals(values) }),
        Formula::None
        | Formula::FundedPrograms
        | Formula::FundedKegiatan
        | Formula::FundedSubkegiatan
        | Formula::Target
        | Formula::RecordedRealisasi
        | Formula::UmkmClass
        | Formula::BudgetPagu
        | Formula::RenstraTarget
        | Formula::RenstraBaseline
        | Formula::RenstraEndTarget
        | Formula::AkipIndicator
        | Formula::AkipWeighted
        | Formula::AkipPredicate => json!({}),
    }
}

/// `{"lang": …, "findings": [...], "unverified": [...]}`: codes, numbers and arguments are the
/// same in both languages; `item`, `field_label`, `message` and `formula_text` are words in
/// `lang` (see `docs/findings.md`).
pub fn check_json(r: &CheckReport, lang: Lang) -> String {
    let findings: Vec<Value> = r
        .findings
        .iter()
        .map(|f| {
            json!({
                "code": f.issue.code(),
                "kind": f.kind.code(),
                "year": f.year,
                "table": f.table,
                "table_title": f.table_title,
                "subject": f.subject,
                "field": f.field,
                "place": f.place.code(),
                "reported": f.reported.map_or(Value::Null, decimal_value),
                "computed": f.computed.map_or(Value::Null, decimal_value),
                "money": f.money,
                "formula": { "code": f.formula.code(), "args": formula_args(&f.formula) },
                "item": item(&f.item, lang),
                "field_label": field(&f.field, f.place, lang),
                "message": finding(f, lang),
                "formula_text": formula(&f.formula, lang),
            })
        })
        .collect();
    let unverified: Vec<Value> = r
        .unverified
        .iter()
        .map(|u| {
            let need = match &u.reason {
                crate::calc::CannotCompute::Missing(n) => Value::from(n.code()),
                _ => Value::Null,
            };
            json!({
                "year": u.year,
                "table": u.table,
                "subject": u.subject,
                "field": u.field,
                "place": u.place.code(),
                "printed": u.printed,
                "reason": { "code": u.reason.code(), "need": need },
                "item": item(&u.item, lang),
                "field_label": field(&u.field, u.place, lang),
                "message": u.reason.message(lang),
            })
        })
        .collect();
    let doc = json!({ "lang": lang.code(), "findings": findings, "unverified": unverified });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
