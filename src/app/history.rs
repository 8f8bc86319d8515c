//! Edits of a session with undo and redo: each step is one transaction with its audit rows.
//!
//! A step keeps the [`Change`] as the user made it (its description names the undo button) and
//! the row-level edits the store wrote for it ([`Applied`]): undo writes their exact inverse,
//! redo writes them again, so that whatever the store removed or cleared along with a record
//! comes back with it.

use super::Session;
use crate::domain::Change;
use crate::storage::{Applied, Backend, EditError};

/// One written change and what it was written as.
#[derive(Clone, Debug)]
struct Step {
    change: Change,
    applied: Applied,
}

/// The session's done and undone steps.
#[derive(Clone, Debug, Default)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
}

impl History {
    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }
    pub fn next_undo(&self) -> Option<&Change> {
        self.done.last().map(|s| &s.change)
    }
    pub fn next_redo(&self) -> Option<&Change> {
        self.undone.last().map(|s| &s.change)
    }
}

impl<B: Backend> Session<B> {
    /// Writes a change (one transaction with its audit trail) and reloads the data.
    pub fn apply(&mut self, history: &mut History, change: Change, user: &str) -> Result<(), EditError> {
        if change.ops.is_empty() {
            return Ok(());
        }
        if self.read_only.is_some() {
            return Err(EditError::ReadOnly);
        }
        self.store.daily_backup()?;
        let applied = self.store.apply_change(self.office_id, &change, user)?;
        if !applied.is_empty() {
            history.done.push(Step { change, applied });
            history.undone.clear();
        }
        self.reload()
    }

    /// Writes the user's change over another writer's after a conflict, on purpose: `rebased`
    /// is what the conflict offered ([`EditError::Conflict`]). One undo step like any change;
    /// a third writer in the meantime is a conflict again, offering the same over its values.
    pub fn write_mine(
        &mut self,
        history: &mut History,
        change: Change,
        rebased: &Applied,
        user: &str,
    ) -> Result<(), EditError> {
        if self.read_only.is_some() {
            return Err(EditError::ReadOnly);
        }
        let applied = self.store.write_over(self.office_id, rebased, user, &change.description)?;
        if !applied.is_empty() {
            history.done.push(Step { change, applied });
            history.undone.clear();
        }
        self.reload()
    }

    /// Undoes the last change.
    pub fn undo(&mut self, history: &mut History, user: &str) -> Result<bool, EditError> {
        if self.read_only.is_some() {
            return Err(EditError::ReadOnly);
        }
        let Some(step) = history.done.pop() else { return Ok(false) };
        if let Err(e) = self.store.undo_change(self.office_id, &step.applied, user, &step.change.description) {
            history.done.push(step);
            return Err(e);
        }
        history.undone.push(step);
        self.reload().map(|_| true)
    }

    /// Redoes the last undone change.
    pub fn redo(&mut self, history: &mut History, user: &str) -> Result<bool, EditError> {
        if self.read_only.is_some() {
            return Err(EditError::ReadOnly);
        }
        let Some(step) = history.undone.pop() else { return Ok(false) };
        if let Err(e) = self.store.redo_change(self.office_id, &step.applied, user, &step.change.description) {
            history.undone.push(step);
            return Err(e);
        }
        history.done.push(step);
        self.reload().map(|_| true)
    }

    /// Reads the office's data again after a change.
    pub fn reload(&mut self) -> Result<(), EditError> {
        self.dataset = self.store.load_dataset(self.office_id)?;
        Ok(())
    }
}
