//! Files from other systems read into the office's data.
//!
//! The budget realisation spreadsheet of the regional finance system ([`BudgetSheet`]): read
//! from XLSX or CSV, its headings matched to Kinerja's fields ([`Mapping`]), planned against a
//! year's budget lines ([`Plan`]: unchanged, changed, new, absent, skipped, problems) and applied
//! as one [`crate::domain::Change`] of domain operations — one transaction, audited, one undo
//! step.
//! `docs/budget-import.md` lists the accepted headings and number formats.

mod amount;
mod budget_sheet;
mod mapping;
mod problem;
mod sheet;

pub use amount::{money_from_cell, money_from_f64, money_from_text, AmountError};
pub use budget_sheet::{
    level_label, AbsentLine, BudgetSheet, Counts, FieldChange, NotApplicable, Plan, PlanOptions, PlanRow, RowStatus,
    SkipReason, Skipped,
};
pub use mapping::{classify_heading, find_header, normalize_heading, Header, HeaderFit, HeadingKind, Mapping, Target};
pub use problem::{column_letter, ColumnRef, SheetProblem, SheetProblemKind, SheetProblems};
pub use sheet::{read_bytes, read_path, Cell, Sheet, SheetSource, MAX_FILE_BYTES};
