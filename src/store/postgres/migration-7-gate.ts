// Migration 7 (as SQLite's): the outbound gate's verdicts for direct readers of another
// jurisdiction (store/types-gate.ts), one row per (version, reader) decided, and a mark per
// (collection, reader). The page query admits a version to such a reader only through a passing row.
import type { Migration } from './migrations.js';

export const MIGRATION_7_GATE: Migration = {
  version: 7,
  name: 'gate verdicts: what the outbound gate lets a reader of another jurisdiction read',
  sql: `
    CREATE TABLE gate_verdicts (
      seq    bigint NOT NULL REFERENCES objects (seq) ON DELETE CASCADE,
      reader text NOT NULL,
      pass   boolean NOT NULL,
      PRIMARY KEY (seq, reader)
    );

    CREATE TABLE gate_marks (
      collection_id text NOT NULL,
      reader        text NOT NULL,
      fingerprint   text NOT NULL,
      upto_seq      bigint NOT NULL,
      PRIMARY KEY (collection_id, reader)
    );
  `,
};
