// Migration 7: the outbound gate's verdicts for direct readers of another jurisdiction (see
// store/types-gate.ts). One row per (version, reader) decided; the page query admits a version to
// such a reader only through a passing row, so a version not yet decided is never served to it.
// Rows go with their version (ON DELETE CASCADE); a mark per (collection, reader) records how far
// the verdicts go and under which inputs.
import type { Migration } from './migrations.js';

export const MIGRATION_7_GATE: Migration = {
  version: 7,
  name: 'gate verdicts: what the outbound gate lets a reader of another jurisdiction read',
  sql: `
    CREATE TABLE gate_verdicts (
      seq    INTEGER NOT NULL REFERENCES objects (seq) ON DELETE CASCADE,
      reader TEXT NOT NULL,
      pass   INTEGER NOT NULL CHECK (pass IN (0, 1)),
      PRIMARY KEY (seq, reader)
    ) WITHOUT ROWID;

    CREATE TABLE gate_marks (
      collection_id TEXT NOT NULL,
      reader        TEXT NOT NULL,
      fingerprint   TEXT NOT NULL,
      upto_seq      INTEGER NOT NULL,
      PRIMARY KEY (collection_id, reader)
    ) WITHOUT ROWID;
  `,
};
