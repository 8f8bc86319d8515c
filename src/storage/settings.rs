use super::sql::args;
use super::{Result, Store};

/// Per-office settings as key/value text.
impl Store {
    pub fn setting(&self, office_id: i64, key: &str) -> Result<Option<String>> {
        Ok(self.db().query_opt(
            "SELECT value FROM office_setting WHERE office_id = ?1 AND key = ?2",
            &args![office_id, key],
            |r| r.get(0),
        )?)
    }

    pub fn set_setting(&mut self, office_id: i64, key: &str, value: &str) -> Result<()> {
        self.db().execute(
            "INSERT INTO office_setting (office_id, key, value) VALUES (?1, ?2, ?3)
             ON CONFLICT (office_id, key) DO UPDATE SET value = excluded.value",
            &args![office_id, key, value],
        )?;
        Ok(())
    }
}
