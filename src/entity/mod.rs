//! Every entity of a dataset declared once: its interchange file, its columns (name in the file,
//! name in the database, kind of value), its SQL table, the columns that identify a row of an
//! office, the columns a user may edit, and the two conversions between the domain struct and a
//! row of typed [`Cell`]s.
//!
//! The interchange reader and writer (`interchange::records`), the store's save and load
//! (`storage::dataset`) and the edit whitelist are derived from these declarations, so adding a
//! column is one change here (plus the SQL migration that adds it to the table). Depends on
//! [`crate::domain`] alone.

mod decl;

use crate::domain::*;
use rust_decimal::Decimal;
use std::fmt;

/// What a column holds: how it is read from a file, written to one and stored.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    /// Text that may be empty (SQL `TEXT NOT NULL`).
    Text,
    /// Text that must not be empty.
    Required,
    /// Text where empty means "none" (SQL `TEXT` holding NULL).
    OptText,
    /// A required whole number.
    Int,
    /// A whole number where an empty cell means 0.
    IntOrZero,
    /// A whole number where empty means "not recorded".
    OptInt,
    /// A required year (1900–2200), stored as INTEGER.
    Year,
    /// A required decimal, stored as exact TEXT (its written decimals kept).
    Dec,
    /// An optional decimal.
    OptDec,
    /// A required, non-negative amount of rupiah, stored as INTEGER sen.
    Money,
    /// An optional, non-negative amount of rupiah.
    OptMoney,
    /// One of a fixed list of codes, required.
    Code(Codes),
    /// One of a fixed list of codes; an empty cell means the given code.
    CodeOr(Codes, &'static str),
    /// `true`/`false` (stored as INTEGER 0/1); an empty cell means false.
    Bool,
}

/// The codes a coded column accepts.
#[derive(Clone, Copy)]
pub struct Codes {
    /// Whether a text is one of the codes.
    pub accepts: fn(&str) -> bool,
    /// Every code, for messages that say what is expected.
    pub list: fn() -> String,
}

impl fmt::Debug for Codes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Codes({})", (self.list)())
    }
}

fn accepts<T: Coded>(s: &str) -> bool {
    T::from_code(s).is_some()
}

/// The codes of a [`Coded`] enumeration.
pub const fn codes<T: Coded>() -> Codes {
    Codes { accepts: accepts::<T>, list: <T as Coded>::codes }
}

/// One column of an entity.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// The heading in the interchange file.
    pub csv: &'static str,
    /// The column of the SQL table.
    pub sql: &'static str,
    pub kind: Kind,
    /// The format version that added the column (see [`FORMAT_VERSION`]): a file written before
    /// it has no such heading and is read with the column's empty value (its default).
    pub since: u8,
}

/// The version of the dataset format that Kinerja writes. A file's version is that of the
/// newest column it holds; columns of later versions that it lacks are read as empty, so a file
/// written by an older Kinerja is upgraded on reading. Version 1: the format before issue 14;
/// version 2: funding source, spending type, single alokasi, physical progress and printed sisa
/// of budget lines; version 3: the city plan's misi above a tujuan or a sasaran (`misi` of
/// `tujuan.csv` and `sasaran.csv`, whose `tujuan` may then be empty); version 4: how an
/// indicator's years make the Renstra period's (`period_rule` of `indicators.csv`).
pub const FORMAT_VERSION: u8 = 4;

/// A column named differently in the file and in the database.
pub const fn col(csv: &'static str, sql: &'static str, kind: Kind) -> Column {
    Column { csv, sql, kind, since: 1 }
}

/// A column named the same in the file and in the database.
pub const fn same(name: &'static str, kind: Kind) -> Column {
    Column { csv: name, sql: name, kind, since: 1 }
}

impl Column {
    /// The column as added by format version `v`; its kind must read an empty cell as a value
    /// (an optional kind, a code with a default, text, a boolean or a zero).
    pub const fn since(self, v: u8) -> Column {
        Column { since: v, ..self }
    }
}

/// One typed value of a row. Codes are [`Cell::Text`], years [`Cell::Int`], absent optional
/// values [`Cell::Null`].
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Cell {
    #[default]
    Null,
    Text(String),
    Int(i64),
    Dec(Decimal),
    Money(Money),
    Bool(bool),
}

impl Cell {
    fn kind_name(&self) -> &'static str {
        match self {
            Cell::Null => "nothing",
            Cell::Text(_) => "text",
            Cell::Int(_) => "a whole number",
            Cell::Dec(_) => "a decimal",
            Cell::Money(_) => "an amount of money",
            Cell::Bool(_) => "a boolean",
        }
    }
}

/// A field type of a domain struct that maps to one cell.
pub trait CellValue: Sized {
    fn to_cell(&self) -> Cell;
    /// `Err` with what was expected when the cell does not hold this type.
    fn from_cell(cell: Cell) -> Result<Self, Mismatch>;
}

/// What a cell should have held, and what it did.
#[derive(Clone, Debug, PartialEq)]
pub struct Mismatch {
    pub expected: String,
    pub found: String,
}

fn mismatch<T>(expected: &str, cell: &Cell) -> Result<T, Mismatch> {
    let found = match cell {
        Cell::Text(t) => format!("'{t}'"),
        other => other.kind_name().to_string(),
    };
    Err(Mismatch { expected: expected.to_string(), found })
}

impl CellValue for String {
    fn to_cell(&self) -> Cell {
        Cell::Text(self.clone())
    }
    fn from_cell(cell: Cell) -> Result<Self, Mismatch> {
        match cell {
            Cell::Text(t) => Ok(t),
            other => mismatch("text", &other),
        }
    }
}

impl CellValue for Option<String> {
    fn to_cell(&self) -> Cell {
        self.clone().map_or(Cell::Null, Cell::Text)
    }
    fn from_cell(cell: Cell) -> Result<Self, Mismatch> {
        match cell {
            Cell::Null => Ok(None),
            Cell::Text(t) => Ok(Some(t)),
            other => mismatch("optional text", &other),
        }
    }
}

impl CellValue for i64 {
    fn to_cell(&self) -> Cell {
        Cell::Int(*self)
    }
    fn from_cell(cell: Cell) -> Result<Self, Mismatch> {
        match cell {
            Cell::Int(i) => Ok(i),
            other => mismatch("a whole number", &other),
        }
    }
}

impl CellValue for Option<i64> {
    fn to_cell(&self) -> Cell {
        self.map_or(Cell::Null, Cell::Int)
    }
    fn from_cell(cell: Cell) -> Result<Self, Mismatch> {
        match cell {
            Cell::Null => Ok(None),
            Cell::Int(i) => Ok(Some(i)),
            other => mismatch("an optional whole number", &other),
        }
    }
}

impl CellValue for Year {
    fn to_cell(&self) -> Cell {
        Cell::Int(i64::from(*self))
    }
    fn from_cell(cell: Cell) -> Result<Self, Mismatch> {
        match cell {
            Cell::Int(i) => Year::try_from(i).or_else(|_| mismatch("a year", &Cell::Int(i))),
            other => mismatch("a year", &other),
        }
    }
}

impl CellValue for Decimal {
    fn to_cell(&self) -> Cell {
        Cell::Dec(*self)
    }
    fn from_cell(cell: Cell) -> Result<Self, Mismatch> {
        match cell {
            Cell::Dec(d) => Ok(d),
            other => mismatch("a decimal", &other),
        }
    }
}

impl CellValue for Option<Decimal> {
    fn to_cell(&self) -> Cell {
        self.map_or(Cell::Null, Cell::Dec)
    }
    fn from_cell(cell: Cell) -> Result<Self, Mismatch> {
        match cell {
            Cell::Null => Ok(None),
            Cell::Dec(d) => Ok(Some(d)),
            other => mismatch("an optional decimal", &other),
        }
    }
}

impl CellValue for Money {
    fn to_cell(&self) -> Cell {
        Cell::Money(*self)
    }
    fn from_cell(cell: Cell) -> Result<Self, Mismatch> {
        match cell {
            Cell::Money(m) => Ok(m),
            other => mismatch("an amount of money", &other),
        }
    }
}

impl CellValue for Option<Money> {
    fn to_cell(&self) -> Cell {
        self.map_or(Cell::Null, Cell::Money)
    }
    fn from_cell(cell: Cell) -> Result<Self, Mismatch> {
        match cell {
            Cell::Null => Ok(None),
            Cell::Money(m) => Ok(Some(m)),
            other => mismatch("an optional amount of money", &other),
        }
    }
}

impl CellValue for bool {
    fn to_cell(&self) -> Cell {
        Cell::Bool(*self)
    }
    fn from_cell(cell: Cell) -> Result<Self, Mismatch> {
        match cell {
            Cell::Bool(b) => Ok(b),
            other => mismatch("a boolean", &other),
        }
    }
}

impl<T: Coded> CellValue for T {
    fn to_cell(&self) -> Cell {
        Cell::Text(self.code().to_string())
    }
    fn from_cell(cell: Cell) -> Result<Self, Mismatch> {
        match &cell {
            Cell::Text(t) => T::from_code(t).map_or_else(|| mismatch(&format!("one of {}", T::codes()), &cell), Ok),
            other => mismatch("a code", other),
        }
    }
}

/// Why a row of cells does not make a record: a cell of the wrong type, or cells left over or
/// missing. Only a damaged database or a declaration out of step with its conversions gives
/// one; the tests read and write every entity both ways.
#[derive(Clone, Debug, PartialEq)]
pub struct CellError {
    pub table: &'static str,
    pub column: &'static str,
    pub mismatch: Mismatch,
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}: expected {}, found {}", self.table, self.column, self.mismatch.expected, self.mismatch.found)
    }
}

impl std::error::Error for CellError {}

/// The cells of one row, taken in column order by [`Entity::from_cells`].
pub struct Cells {
    table: &'static str,
    columns: &'static [Column],
    cells: std::vec::IntoIter<Cell>,
    at: usize,
}

impl Cells {
    pub fn new<E: Entity>(cells: Vec<Cell>) -> Cells {
        Cells { table: E::TABLE, columns: E::COLUMNS, cells: cells.into_iter(), at: 0 }
    }

    /// The next column's value.
    pub fn take<V: CellValue>(&mut self) -> Result<V, CellError> {
        let column = self.columns.get(self.at).map_or("?", |c| c.sql);
        self.at += 1;
        let cell = self.cells.next().ok_or_else(|| CellError {
            table: self.table,
            column,
            mismatch: Mismatch { expected: "a cell".into(), found: "the end of the row".into() },
        })?;
        V::from_cell(cell).map_err(|mismatch| CellError { table: self.table, column, mismatch })
    }

    fn finish(mut self) -> Result<(), CellError> {
        match self.cells.next() {
            None => Ok(()),
            Some(extra) => Err(CellError {
                table: self.table,
                column: self.columns.get(self.at).map_or("?", |c| c.sql),
                mismatch: Mismatch { expected: "the end of the row".into(), found: extra.kind_name().into() },
            }),
        }
    }
}

/// One entity: a declaration and the two conversions.
pub trait Entity: Sized {
    /// The interchange file.
    const FILE: &'static str;
    /// The SQL table (every table but `office` has an `office_id` column besides these).
    const TABLE: &'static str;
    /// The columns in file order.
    const COLUMNS: &'static [Column];
    /// SQL columns that identify a row within an office (empty: a row is known by its place).
    const KEY: &'static [&'static str];
    /// SQL columns a user may change in the window (besides adding and removing whole rows).
    const EDITABLE: &'static [&'static str];
    /// Whether a dataset may leave the file out (read as no rows). Only a file added after
    /// datasets were first exchanged is optional, so that older datasets still import; it is
    /// always written.
    const OPTIONAL_FILE: bool = false;

    /// The values of the columns, in [`Entity::COLUMNS`] order.
    fn to_cells(&self) -> Vec<Cell>;
    /// The values as the interchange file shows them: by default those of [`Entity::to_cells`].
    fn file_cells(&self) -> Vec<Cell> {
        self.to_cells()
    }
    /// The record from its columns' values, taken in order with [`Cells::take`].
    fn from_cells(cells: &mut Cells) -> Result<Self, CellError>;

    /// [`Entity::from_cells`] on a whole row, which must hold exactly the declared columns.
    fn decode(cells: Vec<Cell>) -> Result<Self, CellError> {
        let mut c = Cells::new::<Self>(cells);
        let value = Self::from_cells(&mut c)?;
        c.finish()?;
        Ok(value)
    }

    /// The file headings, in order.
    fn csv_names() -> Vec<&'static str> {
        Self::COLUMNS.iter().map(|c| c.csv).collect()
    }

    /// The SQL columns, in order.
    fn sql_names() -> Vec<&'static str> {
        Self::COLUMNS.iter().map(|c| c.sql).collect()
    }
}

/// An entity of which an office has many rows, held in a list of the [`Dataset`] (all but the
/// office itself).
pub trait Part: Entity {
    fn rows(d: &Dataset) -> &[Self];
    fn rows_mut(d: &mut Dataset) -> &mut Vec<Self>;
}

/// Something done for every [`Part`] in file order (see [`each_part`]).
pub trait PartVisitor {
    type Error;
    fn visit<P: Part>(&mut self) -> Result<(), Self::Error>;
}

/// Calls `v` for every part of a dataset, in file (and saving) order: parents before the rows
/// that refer to them.
pub fn each_part<V: PartVisitor>(v: &mut V) -> Result<(), V::Error> {
    v.visit::<Unit>()?;
    v.visit::<UnitDuty>()?;
    v.visit::<StaffCount>()?;
    v.visit::<AssetItem>()?;
    v.visit::<RenstraPeriod>()?;
    v.visit::<Strategy>()?;
    v.visit::<Misi>()?;
    v.visit::<Tujuan>()?;
    v.visit::<Sasaran>()?;
    v.visit::<Indicator>()?;
    v.visit::<Target>()?;
    v.visit::<AgreementTarget>()?;
    v.visit::<AgreementProgram>()?;
    v.visit::<Realisation>()?;
    v.visit::<RawFigure>()?;
    v.visit::<BudgetLine>()?;
    v.visit::<ProgramSupport>()?;
    v.visit::<PrintedFigure>()?;
    v.visit::<Note>()?;
    v.visit::<Award>()?;
    v.visit::<AkipEvaluation>()?;
    v.visit::<AkipRecommendation>()?;
    v.visit::<Benchmark>()?;
    v.visit::<UmkmUpgrade>()?;
    v.visit::<ReportTable>()?;
    v.visit::<QuarterProgress>()?;
    v.visit::<BudgetQuarter>()?;
    v.visit::<NarrativeSection>()?;
    v.visit::<AchievementBand>()?;
    v.visit::<RenstraBaseline>()
}

/// The cells of a list of fields, for [`Entity::to_cells`].
macro_rules! cells {
    ($($v:expr),* $(,)?) => {
        vec![$($crate::entity::CellValue::to_cell(&$v)),*]
    };
}
pub(crate) use cells;

#[cfg(test)]
mod tests;
