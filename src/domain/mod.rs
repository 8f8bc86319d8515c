//! Plain data types of a SAKIP dataset: no user interface, no SQL.
//!
//! Records refer to each other by their codes (indicator code, budget kode, …), exactly as the
//! interchange files do; the store turns those codes into foreign keys.

mod budget;
mod dataset;
mod edit;
mod money;
mod narrative;
mod organisation;
mod renstra;
mod report;

pub use budget::*;
pub use dataset::*;
pub use edit::*;
pub use money::*;
pub use narrative::*;
pub use organisation::*;
pub use renstra::*;
pub use report::*;

/// A calendar (and budget) year.
pub type Year = i32;

/// An enumeration with a stable text code, as used in the interchange files and the database.
pub trait Coded: Copy + Sized + 'static {
    fn all() -> &'static [Self];
    fn code(self) -> &'static str;
    fn from_code(code: &str) -> Option<Self> {
        Self::all().iter().copied().find(|v| v.code() == code)
    }
    /// All codes, for messages that say what is expected.
    fn codes() -> String {
        Self::all().iter().map(|v| v.code()).collect::<Vec<_>>().join(", ")
    }
}

macro_rules! impl_coded {
    ($($t:ty),*) => {$(
        impl Coded for $t {
            fn all() -> &'static [Self] { &Self::ALL }
            fn code(self) -> &'static str { <$t>::code(self) }
        }
    )*};
}
impl_coded!(
    UnitKind,
    DutyKind,
    StaffStatus,
    IndicatorLevel,
    Polarity,
    CapaianRule,
    FormulaKind,
    RawRole,
    BudgetLevel,
    FundingSource,
    SpendingType,
    Place,
    UmkmClass,
    TableKind,
    QuarterRule,
    PeriodRule
);
