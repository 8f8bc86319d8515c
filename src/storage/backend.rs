//! What the application layer needs from a store, as one interface.
//!
//! [`Store`] (one SQLite file) implements it today. A shared PostgreSQL server for a whole city
//! (a later issue) implements the same methods over the same schema: it runs exactly the same
//! [`Change`]s, returns the row-level edits it wrote as [`Applied`] for undo and redo, and keeps
//! the same audit trail. Opening is not part of it: how a database is found, locked and checked
//! differs between a file and a server, and `app::Session` opens a [`Store`] itself.

use super::{Applied, AuditEntry, EditError, OfficeRef, StorageError, Store};
use crate::domain::{Change, Dataset};

/// A database of one or more offices that the application reads and edits.
pub trait Backend {
    /// The offices, by name.
    fn offices(&self) -> Result<Vec<OfficeRef>, StorageError>;
    /// Everything of one office.
    fn load_dataset(&self, office: i64) -> Result<Dataset, StorageError>;
    /// A stored setting of an office (`None` where it was never set).
    fn setting(&self, office: i64, key: &str) -> Result<Option<String>, StorageError>;
    /// Writes a change in one transaction with its audit trail; nothing when any operation finds
    /// something else than it expects or is refused.
    fn apply_change(&mut self, office: i64, change: &Change, user: &str) -> Result<Applied, EditError>;
    /// Writes a change over another writer's values on purpose (the `rebased` edits of an
    /// [`EditError::Conflict`]), in one transaction; a field changed again since is a conflict.
    fn write_over(
        &mut self,
        office: i64,
        rebased: &Applied,
        user: &str,
        description: &str,
    ) -> Result<Applied, EditError>;
    /// Writes the exact inverse of an applied change, in one transaction.
    fn undo_change(&mut self, office: i64, applied: &Applied, user: &str, description: &str) -> Result<(), EditError>;
    /// Writes an undone change again, in one transaction.
    fn redo_change(&mut self, office: i64, applied: &Applied, user: &str, description: &str) -> Result<(), EditError>;
    /// The audit trail, newest first; `record` limits it to one record (`target:IKU1:2025`).
    fn audit_log(&self, office: i64, record: Option<&str>, limit: usize) -> Result<Vec<AuditEntry>, StorageError>;
    /// Copies the data before the first edit of the day, where the backend keeps its own copies
    /// (a server's are the administrator's business).
    fn daily_backup(&self) -> Result<(), StorageError>;
}

impl Backend for Store {
    fn offices(&self) -> Result<Vec<OfficeRef>, StorageError> {
        Store::offices(self)
    }
    fn load_dataset(&self, office: i64) -> Result<Dataset, StorageError> {
        Store::load_dataset(self, office)
    }
    fn setting(&self, office: i64, key: &str) -> Result<Option<String>, StorageError> {
        Store::setting(self, office, key)
    }
    fn apply_change(&mut self, office: i64, change: &Change, user: &str) -> Result<Applied, EditError> {
        Store::apply_change(self, office, change, user)
    }
    fn write_over(
        &mut self,
        office: i64,
        rebased: &Applied,
        user: &str,
        description: &str,
    ) -> Result<Applied, EditError> {
        Store::write_over(self, office, rebased, user, description)
    }
    fn undo_change(&mut self, office: i64, applied: &Applied, user: &str, description: &str) -> Result<(), EditError> {
        Store::undo_change(self, office, applied, user, description)
    }
    fn redo_change(&mut self, office: i64, applied: &Applied, user: &str, description: &str) -> Result<(), EditError> {
        Store::redo_change(self, office, applied, user, description)
    }
    fn audit_log(&self, office: i64, record: Option<&str>, limit: usize) -> Result<Vec<AuditEntry>, StorageError> {
        Store::audit_log(self, office, record, limit)
    }
    fn daily_backup(&self) -> Result<(), StorageError> {
        if let Some(path) = self.path() {
            if !super::backed_up_today(path) {
                self.backup("harian")?;
            }
        }
        Ok(())
    }
}
