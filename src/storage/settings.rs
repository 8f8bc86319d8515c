use super::{Result, Store};
use rusqlite::{params, OptionalExtension};

/// Per-office settings as key/value text.
impl Store {
    pub fn setting(&self, office_id: i64, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT value FROM office_setting WHERE office_id = ?1 AND key = ?2",
                params![office_id, key],
                |r| r.get(0),
            )
            .optional()?)
    }

    pub fn set_setting(&mut self, office_id: i64, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO office_setting (office_id, key, value) VALUES (?1, ?2, ?3)
             ON CONFLICT (office_id, key) DO UPDATE SET value = excluded.value",
            params![office_id, key, value],
        )?;
        Ok(())
    }
}
