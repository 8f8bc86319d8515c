use super::{Money, Year};

/// The office (OPD) itself.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Office {
    /// Short unique code, e.g. `DISKOPUKM-BKS`.
    pub code: String,
    pub name: String,
    pub short_name: String,
    /// The regional government the office belongs to.
    pub government: String,
    pub address: String,
    pub legal_basis: String,
}

/// What kind of organisational unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnitKind {
    Head,
    Secretariat,
    Subdivision,
    Division,
    Functional,
}

impl UnitKind {
    pub const ALL: [UnitKind; 5] =
        [UnitKind::Head, UnitKind::Secretariat, UnitKind::Subdivision, UnitKind::Division, UnitKind::Functional];
    pub fn code(self) -> &'static str {
        match self {
            UnitKind::Head => "head",
            UnitKind::Secretariat => "secretariat",
            UnitKind::Subdivision => "subdivision",
            UnitKind::Division => "division",
            UnitKind::Functional => "functional",
        }
    }
}

/// A unit of the organisation (Kepala Dinas, Sekretariat, Sub Bagian, Bidang, …).
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    pub code: String,
    pub parent: Option<String>,
    pub position: i64,
    pub kind: UnitKind,
    pub name: String,
}

/// The kind of a line in a unit's duties.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DutyKind {
    /// The unit's main task (tugas).
    Tugas,
    /// An item of the detailed task list (uraian tugas).
    Uraian,
    /// A function (fungsi).
    Fungsi,
}

impl DutyKind {
    pub const ALL: [DutyKind; 3] = [DutyKind::Tugas, DutyKind::Uraian, DutyKind::Fungsi];
    pub fn code(self) -> &'static str {
        match self {
            DutyKind::Tugas => "tugas",
            DutyKind::Uraian => "uraian",
            DutyKind::Fungsi => "fungsi",
        }
    }
}

/// One line of a unit's tasks and functions.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitDuty {
    pub unit: String,
    pub position: i64,
    /// Nesting depth, 0 for a top-level item.
    pub level: i64,
    /// The printed enumerator, e.g. `a.` or `1)`.
    pub label: String,
    pub kind: DutyKind,
    pub text: String,
}

/// Employment status of staff.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StaffStatus {
    /// Pegawai Negeri Sipil (civil servant).
    Pns,
    /// Tenaga Kerja Kontrak (contract staff).
    Tkk,
}

impl StaffStatus {
    pub const ALL: [StaffStatus; 2] = [StaffStatus::Pns, StaffStatus::Tkk];
    pub fn code(self) -> &'static str {
        match self {
            StaffStatus::Pns => "PNS",
            StaffStatus::Tkk => "TKK",
        }
    }
}

/// Number of staff of one education level and status in one year.
#[derive(Clone, Debug, PartialEq)]
pub struct StaffCount {
    pub year: Year,
    /// Order of the education level in tables.
    pub position: i64,
    pub education: String,
    pub status: StaffStatus,
    pub count: i64,
}

/// One node of the fixed-asset inventory tree of a year.
///
/// A node with children is a subtotal: its printed count and value are kept as printed and checked
/// against the sum of its children.
#[derive(Clone, Debug, PartialEq)]
pub struct AssetItem {
    pub year: Year,
    pub code: String,
    pub parent: Option<String>,
    pub position: i64,
    /// The printed enumerator (`1.`, `a.`, `-`).
    pub label: String,
    pub name: String,
    pub count: Option<i64>,
    pub value: Option<Money>,
    pub note: String,
}
