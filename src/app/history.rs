//! Edits of a session with undo and redo: each step is one transaction with its audit rows.

use super::Session;
use crate::storage::{EditError, FieldEdit};

/// One undoable step.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// What the user did, in words (shown in *Riwayat* and on the undo button).
    pub description: String,
    pub edits: Vec<FieldEdit>,
}

/// The session's done and undone steps.
#[derive(Clone, Debug, Default)]
pub struct History {
    done: Vec<Change>,
    undone: Vec<Change>,
}

impl History {
    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }
    pub fn next_undo(&self) -> Option<&Change> {
        self.done.last()
    }
    pub fn next_redo(&self) -> Option<&Change> {
        self.undone.last()
    }
}

impl Session {
    /// Writes a change (one transaction with its audit trail) and reloads the data.
    pub fn apply(&mut self, history: &mut History, change: Change, user: &str) -> Result<(), EditError> {
        if change.edits.is_empty() {
            return Ok(());
        }
        if self.read_only.is_some() {
            return Err(EditError::ReadOnly);
        }
        self.daily_backup()?;
        self.store.apply_edits(self.office_id, &change.edits, user, "ubah", &change.description)?;
        history.done.push(change);
        history.undone.clear();
        self.reload()
    }

    /// Undoes the last change.
    pub fn undo(&mut self, history: &mut History, user: &str) -> Result<bool, EditError> {
        let Some(change) = history.done.pop() else { return Ok(false) };
        let inverse: Vec<FieldEdit> = change.edits.iter().rev().map(FieldEdit::inverse).collect();
        if let Err(e) = self.store.apply_edits(self.office_id, &inverse, user, "batal", &change.description) {
            history.done.push(change);
            return Err(e);
        }
        history.undone.push(change);
        self.reload().map(|_| true)
    }

    /// Redoes the last undone change.
    pub fn redo(&mut self, history: &mut History, user: &str) -> Result<bool, EditError> {
        let Some(change) = history.undone.pop() else { return Ok(false) };
        if let Err(e) = self.store.apply_edits(self.office_id, &change.edits, user, "ulang", &change.description) {
            history.undone.push(change);
            return Err(e);
        }
        history.done.push(change);
        self.reload().map(|_| true)
    }

    /// A copy of the database before the first edit of each day.
    fn daily_backup(&self) -> Result<(), EditError> {
        if let Some(path) = self.store.path() {
            if !crate::storage::backed_up_today(path) {
                self.store.backup("harian")?;
            }
        }
        Ok(())
    }

    /// Reads the office's data again after a change.
    pub fn reload(&mut self) -> Result<(), EditError> {
        self.dataset = self.store.load_dataset(self.office_id)?;
        Ok(())
    }
}
