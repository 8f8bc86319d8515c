//! The office's computation settings as changes: the window's settings form and
//! `kinerja settings set|reset` build them here and write them through the session's change
//! path (audited, undoable, after the day's backup).

use super::Session;
use crate::calc::settings::{SettingError, Settings, KEYS};
use crate::domain::{Change, Op};
use crate::storage::Backend;

/// The office's record of a settings change, in Indonesian whatever the user's language.
const DESCRIPTION: &str = "Pengaturan perhitungan";

/// One setting as the office has it.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingState {
    pub key: &'static str,
    /// The value in use, in its stored form (what `kinerja settings set` takes).
    pub value: String,
    /// The value stored for the office, if any (it may be unreadable, then the default is used).
    pub stored: Option<String>,
    /// Whether the value in use is the default's.
    pub is_default: bool,
}

/// Every setting of the session's office, in [`KEYS`] order.
pub fn states<B: Backend>(session: &Session<B>) -> Result<Vec<SettingState>, crate::storage::StorageError> {
    let defaults = Settings::default();
    KEYS.iter()
        .map(|&key| {
            let stored = session.store.setting(session.office_id, key)?;
            let value = session.settings.value_of(key).unwrap_or_default();
            let is_default = defaults.value_of(key).as_deref() == Some(value.as_str());
            Ok(SettingState { key, value, stored, is_default })
        })
        .collect()
}

/// The change that gives the settings named in `pairs` their values, each validated as the
/// settings form validates it ([`Settings::apply`]) and stored in its canonical form; `None` when
/// nothing would change. A refused value refuses the whole change.
pub fn set_change<B: Backend>(session: &Session<B>, pairs: &[(&str, String)]) -> Result<Option<Change>, SettingError> {
    let mut settings = session.settings.clone();
    for (k, v) in pairs {
        settings.apply(k, v)?;
    }
    let defaults = Settings::default();
    let mut ops = Vec::new();
    for (k, _) in pairs {
        let Some(v) = settings.value_of(k) else { continue };
        let old = session.store.setting(session.office_id, k).ok().flatten();
        // A setting never stored is its default: keeping the default is no change.
        let unchanged_default = old.is_none() && defaults.value_of(k).as_deref() == Some(v.as_str());
        if old.as_deref() == Some(v.as_str()) || unchanged_default {
            continue;
        }
        ops.push(Op::SetSetting { key: k.to_string(), old, new: v });
    }
    Ok((!ops.is_empty()).then(|| Change { description: DESCRIPTION.into(), ops }))
}

/// The change that removes the office's own value of `key`, so that the default applies again
/// (and any later default); `None` when the office has none stored.
pub fn reset_change<B: Backend>(session: &Session<B>, key: &str) -> Result<Option<Change>, SettingError> {
    if !KEYS.contains(&key) {
        // The same refusal an unknown key gets when it is set.
        Settings::default().apply(key, "")?;
    }
    let old = session.store.setting(session.office_id, key).ok().flatten();
    Ok(old.map(|old| Change {
        description: format!("{DESCRIPTION}: {key} kembali ke bawaan"),
        ops: vec![Op::RemoveSetting { key: key.to_string(), old }],
    }))
}
