// Migration 4 (as SQLite's): the audit log, append-only at the database level. Triggers refuse
// UPDATE, DELETE and TRUNCATE, and an INSERT that does not extend the chain head (seq = max + 1,
// prev_hash = the head's hash), so SQL run beside the adapter cannot rewrite history without
// first dropping a trigger, which the hash chain then exposes.
import type { Migration } from './migrations.js';

/** AUDIT_GENESIS_HASH of the contract (64 zeros), spelled out for SQL. */
const GENESIS = '0'.repeat(64);

export const MIGRATION_4_AUDIT: Migration = {
  version: 4,
  name: 'audit log: hash-chained, append-only (triggers refuse update, delete and off-head inserts)',
  sql: `
    CREATE TABLE audit_log (
      seq       bigint PRIMARY KEY,
      at        text NOT NULL,
      action    text NOT NULL,
      actor     text NOT NULL,
      target    text NOT NULL,
      details   text NOT NULL,
      prev_hash text NOT NULL,
      hash      text NOT NULL UNIQUE
    );

    CREATE FUNCTION audit_log_extends_head() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      head_seq  bigint;
      head_hash text;
    BEGIN
      SELECT seq, hash INTO head_seq, head_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
      IF NEW.seq IS DISTINCT FROM coalesce(head_seq, 0) + 1 OR NEW.prev_hash IS DISTINCT FROM coalesce(head_hash, '${GENESIS}') THEN
        RAISE EXCEPTION 'audit_log: an entry must extend the chain head';
      END IF;
      RETURN NEW;
    END $$;

    CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
    END $$;

    CREATE TRIGGER audit_log_extends_head BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_extends_head();
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse();
  `,
};
