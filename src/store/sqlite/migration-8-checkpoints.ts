// Migration 8: signed audit checkpoints, the audit log's anchor outside the node. A node keeps the
// checkpoints it issued (peer_id NULL) and those each federated peer pushed to it, so a cut-off
// tail of either log shows. No foreign key to sync_peers: removing a peer keeps what it proved.
import type { Migration } from './migrations.js';

export const MIGRATION_8_CHECKPOINTS: Migration = {
  version: 8,
  name: 'audit checkpoints: signed (node, count, head hash, time), issued here or held for peers',
  sql: `
    CREATE TABLE audit_checkpoints (
      seq         INTEGER PRIMARY KEY AUTOINCREMENT,
      node_id     TEXT NOT NULL,      -- SHA-256 hex of the signing node's raw public key
      count       INTEGER NOT NULL CHECK (count >= 0),
      head_hash   TEXT NOT NULL,
      at          TEXT NOT NULL,      -- when the node signed it
      signature   TEXT NOT NULL,
      peer_id     TEXT,               -- the peer that pushed it; NULL: issued by this node
      received_at TEXT NOT NULL
    );
    -- A re-pushed checkpoint is kept once; one count with two hashes is kept twice (a fork).
    CREATE UNIQUE INDEX audit_checkpoints_once ON audit_checkpoints (node_id, count, head_hash);
  `,
};
