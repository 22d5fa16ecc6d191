// Migration 3: the outbound gate's review queue. One row per (destination, object content): the
// unique key makes holding the same content twice a no-op, and a decision is written once (the
// adapter only updates rows still pending).
import type { Migration } from './migrations.js';

export const MIGRATION_3_REVIEW: Migration = {
  version: 3,
  name: 'review queue: objects the outbound gate held for a decision',
  sql: `
    CREATE TABLE review_items (
      seq              INTEGER PRIMARY KEY AUTOINCREMENT,  -- creation order
      id               TEXT NOT NULL UNIQUE,
      destination_kind TEXT NOT NULL CHECK (destination_kind IN ('organisation', 'peer')),
      destination_id   TEXT NOT NULL,
      collection_id    TEXT NOT NULL,
      object_id        TEXT NOT NULL,
      object_type      TEXT NOT NULL,
      version          TEXT,
      content_hash     TEXT NOT NULL,
      json             TEXT NOT NULL,
      profile          TEXT NOT NULL,
      reasons          TEXT NOT NULL,   -- JSON array of {rule, message, kind?, path?, match?}
      created_at       TEXT NOT NULL,
      state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
      decided_at       TEXT,
      decided_by       TEXT,
      note             TEXT,
      release          TEXT CHECK (release IS NULL OR release IN ('as-is', 'redacted')),
      UNIQUE (destination_kind, destination_id, object_id, content_hash)
    );
    CREATE INDEX review_items_by_state ON review_items (state, seq);
    CREATE INDEX review_items_by_destination ON review_items (destination_kind, destination_id, content_hash);
  `,
};
