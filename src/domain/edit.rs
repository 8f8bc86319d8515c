//! Edits as domain operations: what the user (or an importer) does to the office's data, in the
//! words of the domain — codes, years, decimals, money and the domain's records — never in
//! tables, columns or SQL values.
//!
//! This module lives in `domain` (not in `app` or `storage`) because everything that builds an
//! edit needs it and nothing of what it names depends on a layer below: the window and the
//! command line build [`Change`]s, the budget importer builds one from a spreadsheet without
//! reaching up to `app`, and the store (any backend: SQLite today, a city's shared server later)
//! runs them. Only the store knows how an operation becomes rows, and which rows depend on a
//! removed record.
//!
//! Every operation states the value it expects to replace: where the stored data holds something
//! else (another window changed it), the store writes nothing of the whole change.

use super::Money;
use super::{
    AchievementBand, AgreementTarget, AssetItem, BudgetLine, FundingSource, Indicator, Misi, Note, RawFigure,
    RenstraBaseline, RenstraPeriod, Sasaran, SectionKey, SpendingType, StaffCount, Target, Tujuan, Year,
};
use rust_decimal::Decimal;

/// One undoable step: one transaction, one group of audit rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// What the user did, in words (shown in *Riwayat* and on the undo button).
    pub description: String,
    pub ops: Vec<Op>,
}

/// The money columns of a budget line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BudgetColumn {
    PaguMurni,
    PaguPerubahan,
    Realisasi,
    /// The single pagu of a report that prints no murni/perubahan split; a line with it has
    /// neither pagu murni nor pagu perubahan.
    Alokasi,
    /// Sisa anggaran as printed.
    Sisa,
}

impl BudgetColumn {
    pub const ALL: [BudgetColumn; 5] = [
        BudgetColumn::PaguMurni,
        BudgetColumn::PaguPerubahan,
        BudgetColumn::Realisasi,
        BudgetColumn::Alokasi,
        BudgetColumn::Sisa,
    ];
    /// The name in the audit trail and the interchange files.
    pub fn code(self) -> &'static str {
        match self {
            BudgetColumn::PaguMurni => "pagu_murni",
            BudgetColumn::PaguPerubahan => "pagu_perubahan",
            BudgetColumn::Realisasi => "realisasi",
            BudgetColumn::Alokasi => "alokasi",
            BudgetColumn::Sisa => "sisa",
        }
    }
    /// Whether the column is one of the split pagu (murni, perubahan), which a line with an
    /// alokasi does not have.
    pub fn is_split_pagu(self) -> bool {
        matches!(self, BudgetColumn::PaguMurni | BudgetColumn::PaguPerubahan)
    }
}

/// The class of a top-level budget line, which every line under it shares: where its money comes
/// from and whether it is a programme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BudgetClass {
    pub source: FundingSource,
    pub spending: SpendingType,
}

impl BudgetClass {
    pub fn of(line: &BudgetLine) -> BudgetClass {
        BudgetClass { source: line.source, spending: line.spending }
    }
}

/// Which yearly value of an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndicatorValue {
    /// The Renstra target of the year.
    RenstraTarget,
    /// The target of the year's performance agreement (PK).
    AgreementTarget,
    /// The recorded realisation.
    Realisation,
}

/// Target and realisation of an indicator in one quarter; both empty means no record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QuarterFigures {
    pub target: Option<Decimal>,
    pub realisasi: Option<Decimal>,
}

impl QuarterFigures {
    pub fn is_empty(&self) -> bool {
        self.target.is_none() && self.realisasi.is_none()
    }
}

/// One operation of a change. `old` is what the operation expects to find, `new` what it writes;
/// `None` on either side is "no record".
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// Sets a yearly value of an indicator; `old: None` creates it (with an empty note). Its note
    /// and a target's upper bound are kept.
    SetValue { value: IndicatorValue, indicator: String, year: Year, old: Option<Decimal>, new: Decimal },
    /// Removes a yearly value of an indicator, with its note and upper bound (undo restores them).
    RemoveValue { value: IndicatorValue, indicator: String, year: Year, old: Decimal },
    /// Adds a whole Renstra target (range and note included).
    AddRenstraTarget(Target),
    /// Adds a whole agreement target (range and note included).
    AddAgreementTarget(AgreementTarget),
    /// Sets (or empties) one amount of a budget line.
    SetBudgetAmount { year: Year, kode: String, column: BudgetColumn, old: Option<Money>, new: Option<Money> },
    /// Sets (or empties) the realisasi fisik of a budget line, in percent (0–100, at most two
    /// decimals).
    SetBudgetFisik { year: Year, kode: String, old: Option<Decimal>, new: Option<Decimal> },
    /// Sets the funding source and spending type of a top-level budget line and of every line
    /// under it (they share it); refused on a line with a parent.
    SetBudgetClass { year: Year, kode: String, old: BudgetClass, new: BudgetClass },
    /// Renames a budget line.
    RenameBudgetLine { year: Year, kode: String, old: String, new: String },
    /// Adds a budget line; its parent must exist (or be added earlier in the same change).
    AddBudgetLine(Box<BudgetLine>),
    /// Removes a budget line as it is expected to be, with its quarterly realisation. Refused
    /// while it has sub-lines, or while it is the last line of a program that indicators,
    /// program support or the agreement refer to.
    RemoveBudgetLine(Box<BudgetLine>),
    /// Sets, adds or removes the realisation of a budget line in one quarter (1–4).
    SetBudgetQuarter { year: Year, kode: String, quarter: i64, old: Option<Money>, new: Option<Money> },
    /// Sets, adds or removes the Rencana Aksi of an indicator in one quarter (1–4).
    SetQuarter { indicator: String, year: Year, quarter: i64, old: QuarterFigures, new: QuarterFigures },
    /// Sets, adds or removes a raw figure; `old` and `new` (where both are given) are of the same
    /// indicator, year and role.
    SetRawFigure { old: Option<RawFigure>, new: Option<RawFigure> },
    /// Adds a note (constraint, effort, plan…).
    AddNote(Note),
    /// Removes a note as it is expected to be.
    RemoveNote(Note),
    /// Sets, adds or removes a staff count (same year, education and status on both sides).
    SetStaffCount { old: Option<StaffCount>, new: Option<StaffCount> },
    /// Changes the fields of an asset line in which `new` differs from `old` (same year and code).
    UpdateAsset { old: Box<AssetItem>, new: Box<AssetItem> },
    /// Adds an asset line.
    AddAsset(Box<AssetItem>),
    /// Removes an asset line; refused while it has items under it.
    RemoveAsset(Box<AssetItem>),
    /// Sets a setting of the office's computation (`old: None` where it was not stored).
    SetSetting { key: String, old: Option<String>, new: String },
    /// Removes the office's own value of a setting: its default applies again.
    RemoveSetting { key: String, old: String },
    /// Adds a Renstra period.
    AddPeriod(RenstraPeriod),
    /// Adds a misi of the city plan.
    AddMisi(Misi),
    /// Changes the name or position of a misi (same code).
    UpdateMisi { old: Misi, new: Misi },
    /// Removes a misi; refused while tujuan or sasaran hang under it.
    RemoveMisi(Misi),
    /// Sets, adds or removes the Renstra baseline and end target of an indicator (same indicator
    /// on both sides); a range end target must be written low to high.
    SetBaseline { old: Option<RenstraBaseline>, new: Option<RenstraBaseline> },
    /// Replaces the whole achievement scale of a Renstra period (`old` as stored, highest band
    /// first; either may be empty). The new scale keeps its lower bounds falling, an open band
    /// only last.
    SetBands { period: String, old: Vec<AchievementBand>, new: Vec<AchievementBand> },
    /// Adds a tujuan.
    AddTujuan(Tujuan),
    /// Changes the name, position or misi of a tujuan (same code).
    UpdateTujuan { old: Tujuan, new: Tujuan },
    /// Removes a tujuan; refused while sasaran or indicators hang under it.
    RemoveTujuan(Tujuan),
    /// Adds a sasaran.
    AddSasaran(Sasaran),
    /// Changes the name, position or parent (tujuan or misi) of a sasaran (same code).
    UpdateSasaran { old: Sasaran, new: Sasaran },
    /// Removes a sasaran; refused while indicators hang under it.
    RemoveSasaran(Sasaran),
    /// Adds an indicator.
    AddIndicator(Box<Indicator>),
    /// Changes the fields of an indicator in which `new` differs from `old` (same code): its
    /// texts, polarity, rules, formula, position…
    UpdateIndicator { old: Box<Indicator>, new: Box<Indicator> },
    /// Removes an indicator with everything that is its own (targets, agreement targets,
    /// realisations, quarters, raw figures, program support, benchmarks, notes and report tables
    /// about it); the predecessor link of an indicator that follows it and an AKIP evaluation's
    /// reference to it are cleared. Undo restores all of it.
    RemoveIndicator(Box<Indicator>),
    /// Writes, replaces or removes the text of a section of a year's report (`None`: no text).
    SetNarrative { year: Year, section: SectionKey, old: Option<String>, new: Option<String> },
}
