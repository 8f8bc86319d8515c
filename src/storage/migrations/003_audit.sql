-- Schema 3: the audit trail. Every change is one row per field, grouped by change_id (one undo
-- step, one transaction), with the time, the user's name, the record, the old and the new value.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    change_id INTEGER NOT NULL,
    at TEXT NOT NULL,
    user_name TEXT NOT NULL,
    action TEXT NOT NULL,
    description TEXT NOT NULL,
    record TEXT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL
);
CREATE INDEX audit_log_record ON audit_log(office_id, record);
