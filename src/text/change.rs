//! A change (`domain::Change`) in words, from its operations, in the window's language.
//!
//! A form names its change when it builds it (`Change::description`), and the audit trail keeps
//! that description as the office's record. What the window says after a save, an undo or a
//! redo is worded here from the operations instead, so that it follows the UI language whatever
//! language the description was written in.

use super::tr;
use crate::domain::{BudgetColumn, Change, IndicatorValue, Op};
use crate::format::Lang;

/// What the window says about a change (status line, undo and redo): in Indonesian the
/// description its form or importer wrote (the office's record, often richer: the file an
/// import came from, its counts); in English the change worded from its operations.
pub fn change_words(change: &Change, lang: Lang) -> String {
    match lang {
        Lang::Id if !change.description.trim().is_empty() => change.description.clone(),
        _ => change_summary(change, lang),
    }
}

/// The change in words: its first operation, and how many more it holds
/// (`Hapus catatan kendala 1 (IKU1, 2024)` / `Remove note kendala 1 (IKU1, 2024)`).
pub fn change_summary(change: &Change, lang: Lang) -> String {
    let Some(first) = change.ops.first() else {
        return lang.pick("Tidak ada perubahan", "No change").to_string();
    };
    let words = op_summary(first, lang);
    match change.ops.len() - 1 {
        0 => words,
        more => tr!(lang, "{words} (+{more} perubahan lain)", "{words} (+{more} more)"),
    }
}

/// A note's kind in words (`kendala` → `Kendala` / `Constraint`); an unknown kind as stored.
pub fn note_kind(kind: &str, lang: Lang) -> String {
    let (id, en) = match kind {
        "kendala" => ("kendala", "constraint"),
        "upaya" => ("upaya", "effort"),
        "rencana" => ("rencana tindak lanjut", "follow-up plan"),
        "faktor_pendukung" => ("faktor pendukung", "supporting factor"),
        "faktor_pendorong" => ("faktor pendorong", "driving factor"),
        "fungsi_utama" => ("fungsi utama", "main function"),
        "penjelasan" => ("penjelasan", "explanation"),
        other => return other.to_string(),
    };
    lang.pick(id, en).to_string()
}

fn value_name(value: IndicatorValue, lang: Lang) -> &'static str {
    match value {
        IndicatorValue::RenstraTarget => lang.pick("target Renstra", "Renstra target"),
        IndicatorValue::AgreementTarget => lang.pick("target Perjanjian Kinerja", "Perjanjian Kinerja target"),
        IndicatorValue::Realisation => lang.pick("realisasi", "realisation"),
    }
}

fn column_name(column: BudgetColumn, lang: Lang) -> &'static str {
    match column {
        BudgetColumn::PaguMurni => lang.pick("pagu murni", "original pagu"),
        BudgetColumn::PaguPerubahan => lang.pick("pagu perubahan", "revised pagu"),
        BudgetColumn::Realisasi => lang.pick("realisasi", "realisation"),
        BudgetColumn::Alokasi => lang.pick("alokasi", "single allocation (alokasi)"),
        BudgetColumn::Sisa => lang.pick("sisa anggaran", "remaining budget"),
    }
}

/// Set, add or remove, by what the operation expects and writes.
fn verb<T>(old: &Option<T>, new: &Option<T>, lang: Lang) -> &'static str {
    match (old, new) {
        (None, Some(_)) => lang.pick("Tambah", "Add"),
        (Some(_), None) => lang.pick("Hapus", "Remove"),
        _ => lang.pick("Ubah", "Change"),
    }
}

fn op_summary(op: &Op, lang: Lang) -> String {
    match op {
        Op::SetValue { value, indicator, year, old, .. } => {
            let v = value_name(*value, lang);
            match old {
                None => tr!(lang, "Tambah {v} {indicator} {year}", "Add {v} {indicator} {year}"),
                Some(_) => tr!(lang, "Ubah {v} {indicator} {year}", "Change {v} {indicator} {year}"),
            }
        }
        Op::RemoveValue { value, indicator, year, .. } => {
            let v = value_name(*value, lang);
            tr!(lang, "Hapus {v} {indicator} {year}", "Remove {v} {indicator} {year}")
        }
        Op::AddRenstraTarget(t) => {
            let (i, y) = (&t.indicator, t.year);
            tr!(lang, "Tambah target Renstra {i} {y}", "Add Renstra target {i} {y}")
        }
        Op::AddAgreementTarget(t) => {
            let (i, y) = (&t.indicator, t.year);
            tr!(lang, "Tambah target Perjanjian Kinerja {i} {y}", "Add Perjanjian Kinerja target {i} {y}")
        }
        Op::SetBudgetAmount { year, kode, column, old, new } => {
            let (v, c) = (verb(old, new, lang), column_name(*column, lang));
            tr!(lang, "{v} {c} baris anggaran {kode} ({year})", "{v} {c} of budget line {kode} ({year})")
        }
        Op::SetBudgetFisik { year, kode, old, new } => {
            let v = verb(old, new, lang);
            tr!(
                lang,
                "{v} realisasi fisik baris anggaran {kode} ({year})",
                "{v} physical progress of budget line {kode} ({year})"
            )
        }
        Op::SetBudgetClass { year, kode, .. } => tr!(
            lang,
            "Ubah sumber dana dan jenis belanja baris anggaran {kode} ({year})",
            "Change funding source and spending type of budget line {kode} ({year})"
        ),
        Op::SetBaseline { old, new } => {
            let v = verb(old, new, lang);
            let code = new.as_ref().or(old.as_ref()).map_or("", |b| b.indicator.as_str());
            tr!(
                lang,
                "{v} kondisi awal dan target akhir Renstra {code}",
                "{v} Renstra baseline and end target of {code}"
            )
        }
        Op::SetBands { period, .. } => {
            tr!(lang, "Ubah kategori capaian periode {period}", "Change achievement bands of period {period}")
        }
        Op::RenameBudgetLine { year, kode, .. } => {
            tr!(lang, "Ganti nama baris anggaran {kode} ({year})", "Rename budget line {kode} ({year})")
        }
        Op::AddBudgetLine(b) => {
            let (k, y) = (&b.kode, b.year);
            tr!(lang, "Tambah baris anggaran {k} ({y})", "Add budget line {k} ({y})")
        }
        Op::RemoveBudgetLine(b) => {
            let (k, y) = (&b.kode, b.year);
            tr!(lang, "Hapus baris anggaran {k} ({y})", "Remove budget line {k} ({y})")
        }
        Op::SetBudgetQuarter { year, kode, quarter, old, new } => {
            let v = verb(old, new, lang);
            tr!(
                lang,
                "{v} realisasi triwulan {quarter} baris anggaran {kode} ({year})",
                "{v} quarter {quarter} spending of budget line {kode} ({year})"
            )
        }
        Op::SetQuarter { indicator, year, quarter, old, new } => {
            let (old, new) = ((!old.is_empty()).then_some(()), (!new.is_empty()).then_some(()));
            let v = verb(&old, &new, lang);
            tr!(
                lang,
                "{v} rencana aksi triwulan {quarter} {indicator} {year}",
                "{v} quarter {quarter} action plan of {indicator} {year}"
            )
        }
        Op::SetRawFigure { old, new } => {
            let v = verb(old, new, lang);
            match new.as_ref().or(old.as_ref()) {
                Some(r) => {
                    let (i, y) = (&r.indicator, r.year);
                    tr!(lang, "{v} data dasar {i} {y}", "{v} raw figure of {i} {y}")
                }
                None => tr!(lang, "{v} data dasar", "{v} raw figure"),
            }
        }
        Op::AddNote(n) => note(lang.pick("Tambah", "Add"), n, lang),
        Op::RemoveNote(n) => note(lang.pick("Hapus", "Remove"), n, lang),
        Op::SetStaffCount { old, new } => {
            let v = verb(old, new, lang);
            match new.as_ref().or(old.as_ref()) {
                Some(s) => {
                    let (e, y) = (&s.education, s.year);
                    tr!(lang, "{v} jumlah pegawai {e} {y}", "{v} staff count {e} {y}")
                }
                None => tr!(lang, "{v} jumlah pegawai", "{v} staff count"),
            }
        }
        Op::UpdateAsset { new, .. } => {
            let (c, y) = (&new.code, new.year);
            tr!(lang, "Ubah aset {c} ({y})", "Change asset {c} ({y})")
        }
        Op::AddAsset(a) => {
            let (c, y) = (&a.code, a.year);
            tr!(lang, "Tambah aset {c} ({y})", "Add asset {c} ({y})")
        }
        Op::RemoveAsset(a) => {
            let (c, y) = (&a.code, a.year);
            tr!(lang, "Hapus aset {c} ({y})", "Remove asset {c} ({y})")
        }
        Op::SetSetting { key, .. } => tr!(lang, "Ubah pengaturan {key}", "Change setting {key}"),
        Op::RemoveSetting { key, .. } => {
            tr!(lang, "Kembalikan pengaturan {key} ke bawaan", "Reset setting {key} to its default")
        }
        Op::AddPeriod(p) => {
            let (c, s, e) = (&p.code, p.start_year, p.end_year);
            tr!(lang, "Tambah periode Renstra {c} ({s}–{e})", "Add Renstra period {c} ({s}–{e})")
        }
        Op::AddMisi(m) => tr!(lang, "Tambah misi {}", "Add misi {}", m.code),
        Op::UpdateMisi { new, .. } => tr!(lang, "Ubah misi {}", "Change misi {}", new.code),
        Op::RemoveMisi(m) => tr!(lang, "Hapus misi {}", "Remove misi {}", m.code),
        Op::AddTujuan(t) => tr!(lang, "Tambah tujuan {}", "Add tujuan {}", t.code),
        Op::UpdateTujuan { new, .. } => tr!(lang, "Ubah tujuan {}", "Change tujuan {}", new.code),
        Op::RemoveTujuan(t) => tr!(lang, "Hapus tujuan {}", "Remove tujuan {}", t.code),
        Op::AddSasaran(s) => tr!(lang, "Tambah sasaran {}", "Add sasaran {}", s.code),
        Op::UpdateSasaran { new, .. } => tr!(lang, "Ubah sasaran {}", "Change sasaran {}", new.code),
        Op::RemoveSasaran(s) => tr!(lang, "Hapus sasaran {}", "Remove sasaran {}", s.code),
        Op::AddIndicator(i) => tr!(lang, "Tambah indikator {}", "Add indicator {}", i.code),
        Op::UpdateIndicator { new, .. } => tr!(lang, "Ubah indikator {}", "Change indicator {}", new.code),
        Op::RemoveIndicator(i) => tr!(lang, "Hapus indikator {}", "Remove indicator {}", i.code),
        Op::SetNarrative { year, section, old, new } => {
            let (v, s) = (verb(old, new, lang), super::narrative::section_label(section, lang));
            tr!(lang, "{v} narasi {year} {s}", "{v} the text of {s} {year}")
        }
    }
}

/// A note by its kind, position, and what it is about (`IKU1, 2024`).
fn note(verb: &str, n: &crate::domain::Note, lang: Lang) -> String {
    let kind = note_kind(&n.kind, lang);
    // The subject is stored as `indicator:IKU1` (or `office`); its code is what a person knows.
    let about = n.subject.rsplit(':').next().unwrap_or(n.subject.as_str());
    let (p, y) = (n.position, n.year);
    tr!(lang, "{verb} catatan {kind} {p} ({about}, {y})", "{verb} {kind} note {p} ({about}, {y})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Note;
    use rust_decimal::Decimal;

    fn change(ops: Vec<Op>) -> Change {
        // The description is the form's Indonesian record; the summary does not read it.
        Change { description: "Hapus kendala 1".into(), ops }
    }

    fn kendala() -> Note {
        Note {
            year: 2024,
            subject: "indicator:IKU1".into(),
            kind: "kendala".into(),
            position: 1,
            text: "Kurangnya SDM".into(),
        }
    }

    #[test]
    fn a_removed_note_in_both_languages() {
        let c = change(vec![Op::RemoveNote(kendala())]);
        assert_eq!(change_summary(&c, Lang::Id), "Hapus catatan kendala 1 (IKU1, 2024)");
        assert_eq!(change_summary(&c, Lang::En), "Remove constraint note 1 (IKU1, 2024)");
    }

    #[test]
    fn a_target_edit_and_the_count_of_the_others() {
        let set = |year| Op::SetValue {
            value: IndicatorValue::RenstraTarget,
            indicator: "IKU2".into(),
            year,
            old: Some(Decimal::new(75, 0)),
            new: Decimal::new(80, 0),
        };
        let c = change(vec![set(2025), set(2026), set(2027)]);
        assert_eq!(change_summary(&c, Lang::Id), "Ubah target Renstra IKU2 2025 (+2 perubahan lain)");
        assert_eq!(change_summary(&c, Lang::En), "Change Renstra target IKU2 2025 (+2 more)");
    }

    #[test]
    fn budget_amounts_say_add_change_or_remove() {
        let amount = |old: Option<i64>, new: Option<i64>| Op::SetBudgetAmount {
            year: 2024,
            kode: "1.4".into(),
            column: BudgetColumn::Realisasi,
            old: old.map(crate::domain::Money::from_sen),
            new: new.map(crate::domain::Money::from_sen),
        };
        assert_eq!(
            change_summary(&change(vec![amount(None, Some(5))]), Lang::En),
            "Add realisation of budget line 1.4 (2024)"
        );
        assert_eq!(
            change_summary(&change(vec![amount(Some(5), None)]), Lang::Id),
            "Hapus realisasi baris anggaran 1.4 (2024)"
        );
        assert_eq!(
            change_summary(&change(vec![amount(Some(5), Some(6))]), Lang::En),
            "Change realisation of budget line 1.4 (2024)"
        );
    }

    #[test]
    fn the_window_says_the_description_in_indonesian_and_the_operations_in_english() {
        let c = change(vec![Op::RemoveNote(kendala())]);
        assert_eq!(change_words(&c, Lang::Id), "Hapus kendala 1");
        assert_eq!(change_words(&c, Lang::En), "Remove constraint note 1 (IKU1, 2024)");
        let unnamed = Change { description: " ".into(), ..c };
        assert_eq!(change_words(&unnamed, Lang::Id), "Hapus catatan kendala 1 (IKU1, 2024)");
    }

    #[test]
    fn an_empty_change_says_so() {
        assert_eq!(change_summary(&change(vec![]), Lang::En), "No change");
    }
}
