-- Schema 7 on a server: the predecessor link of an indicator loses its ON DELETE SET NULL (see
-- ../007_predecessor_link.sql for why). PostgreSQL alters a foreign key in place, so the table
-- is not rebuilt; the constraint has the name PostgreSQL gave it in schema 1 (table, columns,
-- `fkey`). Written in the migrations' shared dialect; `pg_schema::translate` makes it the server's.
ALTER TABLE indicator DROP CONSTRAINT indicator_office_id_predecessor_code_fkey;
ALTER TABLE indicator ADD CONSTRAINT indicator_office_id_predecessor_code_fkey
    FOREIGN KEY (office_id, predecessor_code) REFERENCES indicator(office_id, code) DEFERRABLE INITIALLY DEFERRED;
