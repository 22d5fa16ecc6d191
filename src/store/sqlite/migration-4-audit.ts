// Migration 4: the audit log. Append-only at the database level: triggers refuse any UPDATE or
// DELETE, and refuse an INSERT that does not extend the chain head (seq = max + 1, prev_hash =
// the head's hash), so even SQL run beside the adapter cannot rewrite history without first
// dropping a trigger, which `setu audit verify` then catches through the hash chain.
import type { Migration } from './migrations.js';

/** AUDIT_GENESIS_HASH of the contract (64 zeros), spelled out for SQL. */
const GENESIS = '0'.repeat(64);

export const MIGRATION_4_AUDIT: Migration = {
  version: 4,
  name: 'audit log: hash-chained, append-only (triggers refuse update, delete and off-head inserts)',
  sql: `
    CREATE TABLE audit_log (
      seq       INTEGER PRIMARY KEY,   -- 1, 2, 3, ... (the chain position)
      at        TEXT NOT NULL,
      action    TEXT NOT NULL,
      actor     TEXT NOT NULL,         -- JSON {orgId, tokenId, role, channel}
      target    TEXT NOT NULL,         -- JSON object
      details   TEXT NOT NULL,         -- JSON object
      prev_hash TEXT NOT NULL,
      hash      TEXT NOT NULL UNIQUE
    );

    CREATE TRIGGER audit_log_extends_head BEFORE INSERT ON audit_log
    WHEN NEW.seq IS NOT coalesce((SELECT max(seq) FROM audit_log), 0) + 1
      OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '${GENESIS}')
    BEGIN
      SELECT RAISE(ABORT, 'audit_log: an entry must extend the chain head');
    END;

    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN
      SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused');
    END;

    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN
      SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused');
    END;
  `,
};
