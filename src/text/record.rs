//! The audit trail in words: the stored record names (`target:IKU2:2025`, `budget:2024:1.4.5`,
//! `indicator:IKU2` …), field codes, values and times as a person reads them.
//!
//! The trail keeps machine names so that a record's history can be found again whatever the
//! language; only what is shown is worded here.

use super::{field_label, note_kind, tr};
use crate::domain::{Money, Year};
use crate::format::{self, Lang};
use rust_decimal::Decimal;
use std::str::FromStr;

/// A stored record name, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    /// A Renstra target of an indicator in a year.
    Target { indicator: String, year: Year },
    /// A Perjanjian Kinerja target.
    Agreement { indicator: String, year: Year },
    /// A recorded realisation.
    Realisation { indicator: String, year: Year },
    /// A budget line of a year.
    Budget { year: Year, kode: String },
    /// A whole office's data (an import).
    Office { code: String },
    /// A row of another table, by its SQL name and key values.
    Row { table: String, key: Vec<String> },
    /// A name no rule knows (an older trail): shown as it is.
    Other(String),
}

/// Reads a record name as storage writes it (`storage::edit::Field::record`).
pub fn parse_record(name: &str) -> Record {
    let parts: Vec<&str> = name.split(':').collect();
    let year = |s: &str| s.parse::<Year>().ok();
    match parts.as_slice() {
        ["target", ind, y] => year(y).map(|year| Record::Target { indicator: (*ind).into(), year }),
        ["agreement", ind, y] => year(y).map(|year| Record::Agreement { indicator: (*ind).into(), year }),
        ["realisation", ind, y] => year(y).map(|year| Record::Realisation { indicator: (*ind).into(), year }),
        // A kode holds dots, never colons; anything longer is another table's key.
        ["budget", y, kode] => year(y).map(|year| Record::Budget { year, kode: (*kode).into() }),
        ["office", code] => Some(Record::Office { code: (*code).into() }),
        [table, key @ ..] if table_label(table, Lang::Id).is_some() => {
            Some(Record::Row { table: (*table).into(), key: key.iter().map(|k| (*k).to_string()).collect() })
        }
        _ => None,
    }
    .unwrap_or_else(|| Record::Other(name.to_string()))
}

/// The name of a table whose rows the window edits, by its SQL name.
fn table_label(table: &str, lang: Lang) -> Option<&'static str> {
    let (id, en) = match table {
        "renstra_period" => ("Periode Renstra", "Renstra period"),
        "misi" => ("Misi RPJMD/RPD", "Misi (city plan)"),
        "tujuan" => ("Tujuan", "Tujuan (goal)"),
        "sasaran" => ("Sasaran", "Sasaran (objective)"),
        "indicator" => ("Indikator", "Indicator"),
        "indicator_target" => ("Target Renstra", "Renstra target"),
        "agreement_target" => ("Target Perjanjian Kinerja", "Perjanjian Kinerja target"),
        "realisation" => ("Realisasi", "Realisation"),
        "raw_figure" => ("Data dasar", "Raw figure"),
        "note" => ("Catatan", "Note"),
        "staff_count" => ("Jumlah pegawai", "Staff count"),
        "asset_item" => ("Aset", "Asset"),
        "program_support" => ("Program pendukung", "Supporting programme"),
        "quarter_progress" => ("Rencana aksi triwulan", "Quarterly action plan"),
        "budget_quarter" => ("Realisasi anggaran triwulan", "Quarterly budget spending"),
        "office_setting" => ("Pengaturan", "Setting"),
        "benchmark" => ("Pembanding", "Benchmark"),
        "report_table" => ("Tabel laporan", "Report table"),
        "akip_evaluation" => ("Evaluasi AKIP", "AKIP evaluation"),
        "budget_line" | "budget" => ("Baris anggaran", "Budget line"),
        "narrative" | "narrative_section" => ("Narasi", "Text"),
        "renstra_baseline" => ("Kondisi awal dan target akhir Renstra", "Renstra baseline and end target"),
        "achievement_band" => ("Kategori capaian", "Achievement band"),
        "printed_figure" => ("Angka tercetak", "Printed figure"),
        _ => return None,
    };
    Some(lang.pick(id, en))
}

/// A record in words: `Target Renstra IKU2 2025` / `Renstra target IKU2 2025`, followed by the
/// indicator's or budget line's name where `name_of` knows it (`name_of` gets the indicator code
/// or `year:kode` of a budget line).
pub fn record(name: &str, name_of: &dyn Fn(&Record) -> Option<String>, lang: Lang) -> String {
    let parsed = parse_record(name);
    let words = match &parsed {
        Record::Target { indicator, year } => {
            tr!(lang, "Target Renstra {indicator} {year}", "Renstra target {indicator} {year}")
        }
        Record::Agreement { indicator, year } => {
            tr!(lang, "Target Perjanjian Kinerja {indicator} {year}", "Perjanjian Kinerja target {indicator} {year}")
        }
        Record::Realisation { indicator, year } => {
            tr!(lang, "Realisasi {indicator} {year}", "Realisation {indicator} {year}")
        }
        Record::Budget { year, kode } => tr!(lang, "Baris anggaran {kode} ({year})", "Budget line {kode} ({year})"),
        Record::Office { code } => tr!(lang, "Data perangkat daerah {code}", "Data of office {code}"),
        Record::Row { table, key } => {
            let label = table_label(table, lang).unwrap_or(table.as_str());
            if key.is_empty() {
                label.to_string()
            } else if table == "narrative" {
                // `narrative:2024:iku:IKU1:kendala`: the year, then a section key with colons.
                let (year, section) =
                    key.split_first().map_or((String::new(), String::new()), |(y, rest)| (y.clone(), rest.join(":")));
                format!("{label} {year} {}", super::narrative::section_name(&section, lang))
            } else if table == "note" {
                // A note's key holds its kind code (`kendala`), which has words of its own.
                let key: Vec<String> = key.iter().map(|k| note_kind(k, lang)).collect();
                format!("{label} {}", key.join(" "))
            } else {
                format!("{label} {}", key.join(" "))
            }
        }
        Record::Other(s) => s.clone(),
    };
    match name_of(&parsed) {
        Some(n) if !n.trim().is_empty() => format!("{words} — {n}"),
        _ => words,
    }
}

/// The action of an audit row in words: `ubah` (a change), `batal` (its undo), `ulang` (its redo),
/// `impor` (a whole dataset imported); an unknown action as stored.
pub fn audit_action(action: &str, lang: Lang) -> String {
    let (id, en) = match action {
        "ubah" => ("Ubah", "Change"),
        "batal" => ("Urungkan", "Undo"),
        "ulang" => ("Ulangi", "Redo"),
        "impor" => ("Impor", "Import"),
        other => return other.to_string(),
    };
    lang.pick(id, en).to_string()
}

/// What an audit row's change was: its action, and in Indonesian the change's description as
/// the office recorded it (`Urungkan — Hapus kendala 1`). The description is the office's
/// record, kept as written; the English window words the row from its record, field and values
/// (the other columns) and shows the action alone.
pub fn audit_change(action: &str, description: &str, lang: Lang) -> String {
    let action = audit_action(action, lang);
    match lang {
        Lang::Id if !description.trim().is_empty() => format!("{action} — {description}"),
        _ => action,
    }
}

/// A field code of the trail in words (`realisasi`, `pagu_murni`, `baris`, SQL columns).
pub fn audit_field(code: &str, lang: Lang) -> String {
    let (id, en) = match code {
        "baris" => ("baris", "row"),
        "name" => ("nama", "name"),
        "year" => ("tahun", "year"),
        "kind" => ("jenis", "kind"),
        "position" => ("urutan", "position"),
        "text" => ("teks", "text"),
        "subject" => ("tentang", "subject"),
        "section" => ("bagian", "section"),
        "note" | "catatan" => ("catatan", "note"),
        "satuan" => ("satuan", "unit"),
        "realisasi_sen" => ("realisasi", "actual"),
        "pagu_murni_sen" => ("pagu murni", "original pagu"),
        "pagu_perubahan_sen" => ("pagu perubahan", "revised pagu"),
        "alokasi_sen" => ("alokasi", "allocation"),
        "sisa_sen" => ("sisa anggaran", "remaining budget"),
        "source" => ("sumber dana", "funding source"),
        "spending" => ("jenis belanja", "spending type"),
        "end_target_high" => ("batas atas target akhir", "end target's upper bound"),
        "baseline_year" => ("tahun kondisi awal", "baseline year"),
        "period_rule" => ("angka periode", "period figure"),
        "lower" => ("batas bawah", "lower bound"),
        "lower_inclusive" => ("termasuk batas bawah", "lower bound included"),
        _ => return field_label(code, lang),
    };
    lang.pick(id, en).to_string()
}

/// Whether a field of a record holds money (in rupiah) or sen.
fn money_field(record: &Record, field: &str) -> Option<MoneyUnit> {
    if field.ends_with("_sen") {
        return Some(MoneyUnit::Sen);
    }
    match (record, field) {
        (Record::Budget { .. }, "pagu_murni" | "pagu_perubahan" | "realisasi" | "alokasi" | "sisa") => {
            Some(MoneyUnit::Rupiah)
        }
        _ => None,
    }
}

enum MoneyUnit {
    Rupiah,
    Sen,
}

/// Fields whose values are plain numbers (a code or a year is never regrouped: `2025` stays).
fn number_field(field: &str) -> bool {
    matches!(field, "target" | "realisasi" | "value" | "score" | "count" | "nilai" | "jumlah")
        || field.ends_with("_pct")
}

/// An old or new value of the trail in the language's number format: money as `Rp 1.234.567`,
/// numbers with their own precision and the indicator's satuan when `satuan` knows it; text and
/// whole rows as stored.
pub fn audit_value(record_name: &str, field: &str, value: &str, satuan: Option<&str>, lang: Lang) -> String {
    let record = parse_record(record_name);
    if field == "baris" {
        return row_value(value, lang);
    }
    let Ok(d) = Decimal::from_str(value.trim()) else { return value.to_string() };
    if let Some(unit) = money_field(&record, field) {
        let rupiah = match unit {
            MoneyUnit::Rupiah => Some(d),
            MoneyUnit::Sen => d.checked_div(Decimal::ONE_HUNDRED),
        };
        return match rupiah.map(Money::from_decimal) {
            Some(Ok(m)) => format::rupiah(m, lang),
            _ => value.to_string(),
        };
    }
    if !number_field(field) {
        return value.to_string();
    }
    let n = format::decimal(d, lang);
    match satuan.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => format!("{n} {s}"),
        None => n,
    }
}

/// A whole row as the trail stores it (`year=2024; kind=kendala; text=…`) with its column names
/// and a note's kind in words; a part without `=` belongs to the text before it (a text may hold
/// `; `), and a value that is no row stays as stored.
fn row_value(value: &str, lang: Lang) -> String {
    let mut parts: Vec<(String, String)> = Vec::new();
    for piece in value.split("; ") {
        match (piece.split_once('='), parts.last_mut()) {
            (Some((column, v)), _) if !column.is_empty() && !column.contains(' ') => {
                parts.push((column.to_string(), v.to_string()))
            }
            (_, Some((_, v))) => {
                v.push_str("; ");
                v.push_str(piece);
            }
            (_, None) => return value.to_string(),
        }
    }
    parts
        .iter()
        .map(|(column, v)| {
            let v = if column == "kind" { note_kind(v, lang) } else { v.clone() };
            format!("{}: {v}", audit_field(column, lang))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A stored time (`2025-05-12 03:04:05 UTC`) in the computer's local time, `2025-05-12 10:04:05`
/// (with the local offset in English and Indonesian alike, `+07:00`, since the zone's letters are
/// not known everywhere); anything else as stored.
pub fn local_time(at: &str) -> String {
    match utc_time(at) {
        Some(utc) => {
            let local = utc.with_timezone(&chrono::Local);
            local.format("%Y-%m-%d %H:%M:%S (%:z)").to_string()
        }
        None => at.to_string(),
    }
}

/// The stored time at a given offset (for tests and a fixed zone).
pub fn time_at_offset(at: &str, offset: chrono::FixedOffset) -> String {
    match utc_time(at) {
        Some(utc) => utc.with_timezone(&offset).format("%Y-%m-%d %H:%M:%S (%:z)").to_string(),
        None => at.to_string(),
    }
}

fn utc_time(at: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let bare = at.trim().strip_suffix("UTC")?.trim();
    let naive = chrono::NaiveDateTime::parse_from_str(bare, "%Y-%m-%d %H:%M:%S").ok()?;
    Some(naive.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &Record) -> Option<String> {
        None
    }

    #[test]
    fn target_record_in_words() {
        assert_eq!(parse_record("target:IKU2:2025"), Record::Target { indicator: "IKU2".into(), year: 2025 });
        assert_eq!(record("target:IKU2:2025", &none, Lang::Id), "Target Renstra IKU2 2025");
        assert_eq!(record("target:IKU2:2025", &none, Lang::En), "Renstra target IKU2 2025");
    }

    #[test]
    fn target_record_with_indicator_name() {
        let name = |r: &Record| match r {
            Record::Target { indicator, .. } if indicator == "IKU2" => Some("Persentase UMKM naik kelas".to_string()),
            _ => None,
        };
        assert_eq!(
            record("target:IKU2:2025", &name, Lang::Id),
            "Target Renstra IKU2 2025 — Persentase UMKM naik kelas"
        );
    }

    #[test]
    fn agreement_record_in_words() {
        assert_eq!(parse_record("agreement:IKU1:2024"), Record::Agreement { indicator: "IKU1".into(), year: 2024 });
        assert_eq!(record("agreement:IKU1:2024", &none, Lang::Id), "Target Perjanjian Kinerja IKU1 2024");
        assert_eq!(record("agreement:IKU1:2024", &none, Lang::En), "Perjanjian Kinerja target IKU1 2024");
    }

    #[test]
    fn realisation_record_in_words() {
        assert_eq!(parse_record("realisation:IKU3:2023"), Record::Realisation { indicator: "IKU3".into(), year: 2023 });
        assert_eq!(record("realisation:IKU3:2023", &none, Lang::Id), "Realisasi IKU3 2023");
        assert_eq!(record("realisation:IKU3:2023", &none, Lang::En), "Realisation IKU3 2023");
    }

    #[test]
    fn budget_record_in_words() {
        assert_eq!(parse_record("budget:2024:1.4.5"), Record::Budget { year: 2024, kode: "1.4.5".into() });
        assert_eq!(record("budget:2024:1.4.5", &none, Lang::Id), "Baris anggaran 1.4.5 (2024)");
        assert_eq!(record("budget:2024:1.4.5", &none, Lang::En), "Budget line 1.4.5 (2024)");
    }

    #[test]
    fn office_record_in_words() {
        assert_eq!(parse_record("office:DISKOP"), Record::Office { code: "DISKOP".into() });
        assert_eq!(record("office:DISKOP", &none, Lang::Id), "Data perangkat daerah DISKOP");
        assert_eq!(record("office:DISKOP", &none, Lang::En), "Data of office DISKOP");
    }

    #[test]
    fn table_rows_in_words() {
        assert_eq!(
            parse_record("staff_count:2024:S1:PNS"),
            Record::Row { table: "staff_count".into(), key: vec!["2024".into(), "S1".into(), "PNS".into()] }
        );
        assert_eq!(record("staff_count:2024:S1:PNS", &none, Lang::Id), "Jumlah pegawai 2024 S1 PNS");
        assert_eq!(record("indicator:IKU9", &none, Lang::En), "Indicator IKU9");
        assert_eq!(record("office_setting:serapan_rule", &none, Lang::Id), "Pengaturan serapan_rule");
        assert_eq!(record("quarter_progress:IKU1:2024:3", &none, Lang::Id), "Rencana aksi triwulan IKU1 2024 3");
    }

    #[test]
    fn unknown_names_are_kept() {
        assert_eq!(parse_record("something:odd"), Record::Other("something:odd".into()));
        // A target without a year is not a target record.
        assert_eq!(parse_record("target:IKU2"), Record::Other("target:IKU2".into()));
        assert_eq!(record("legacy", &none, Lang::En), "legacy");
    }

    #[test]
    fn values_in_the_language_format() {
        // Decimal 1.25 reads 1,25 in Indonesian, with the satuan.
        assert_eq!(audit_value("target:IKU2:2025", "target", "1.25", Some("%"), Lang::Id), "1,25 %");
        assert_eq!(audit_value("target:IKU2:2025", "target", "1.25", Some("%"), Lang::En), "1.25 %");
        assert_eq!(audit_value("realisation:IKU2:2025", "realisasi", "1234.5", None, Lang::Id), "1.234,5");
        // A budget amount is rupiah: 12785258830 → Rp 12.785.258.830.
        assert_eq!(audit_value("budget:2024:1.4.5", "pagu_murni", "12785258830", None, Lang::Id), "Rp 12.785.258.830");
        assert_eq!(
            audit_value("budget:2024:1.4.5", "realisasi", "4939925171.19", None, Lang::En),
            "Rp 4,939,925,171.19"
        );
        // Sen: 150000 sen = Rp 1.500.
        assert_eq!(audit_value("budget_quarter:2024:1.4.5:2", "realisasi_sen", "150000", None, Lang::Id), "Rp 1.500");
        // Years and codes are not regrouped; empty stays empty.
        assert_eq!(audit_value("staff_count:2024:S1:PNS", "year", "2025", None, Lang::Id), "2025");
        assert_eq!(audit_value("target:IKU2:2025", "target", "", Some("%"), Lang::Id), "");
        assert_eq!(audit_value("indicator:IKU2", "name", "Persentase", None, Lang::Id), "Persentase");
    }

    #[test]
    fn actions_in_words_and_the_description_as_recorded() {
        assert_eq!(audit_action("batal", Lang::En), "Undo");
        assert_eq!(audit_action("ubah", Lang::Id), "Ubah");
        assert_eq!(audit_action("impor", Lang::En), "Import");
        assert_eq!(audit_action("odd", Lang::En), "odd");
        assert_eq!(audit_change("ulang", "Hapus kendala 1", Lang::Id), "Ulangi — Hapus kendala 1");
        assert_eq!(audit_change("ulang", "Hapus kendala 1", Lang::En), "Redo");
    }

    #[test]
    fn a_note_row_in_words() {
        assert_eq!(
            record("note:2024:indicator:IKU1:kendala:1", &none, Lang::En),
            "Note 2024 indicator IKU1 constraint 1"
        );
        assert_eq!(
            record("note:2024:indicator:IKU1:kendala:1", &none, Lang::Id),
            "Catatan 2024 indicator IKU1 kendala 1"
        );
        let row = "year=2024; subject=indicator:IKU1; kind=kendala; position=1; text=SDM kurang; belum ada=x";
        assert_eq!(
            audit_value("note:2024:indicator:IKU1:kendala:1", "baris", row, None, Lang::En),
            "year: 2024; subject: indicator:IKU1; kind: constraint; position: 1; text: SDM kurang; belum ada=x"
        );
        assert_eq!(audit_value("x", "baris", "not a row", None, Lang::En), "not a row");
    }

    #[test]
    fn field_codes_in_words() {
        assert_eq!(audit_field("baris", Lang::En), "row");
        assert_eq!(audit_field("pagu_murni", Lang::Id), "pagu murni");
        assert_eq!(audit_field("realisasi", Lang::En), "actual");
    }

    #[test]
    fn times_in_local_time() {
        // 03:04:05 UTC is 10:04:05 in Jakarta (UTC+7) and 12:04:05 in Jayapura (UTC+9).
        let wib = chrono::FixedOffset::east_opt(7 * 3600).unwrap();
        let wit = chrono::FixedOffset::east_opt(9 * 3600).unwrap();
        assert_eq!(time_at_offset("2025-05-12 03:04:05 UTC", wib), "2025-05-12 10:04:05 (+07:00)");
        // Past midnight the date moves on.
        assert_eq!(time_at_offset("2025-12-31 20:00:00 UTC", wit), "2026-01-01 05:00:00 (+09:00)");
        assert_eq!(time_at_offset("not a time", wib), "not a time");
    }
}
