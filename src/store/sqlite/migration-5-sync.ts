// Migration 5: federation. Peers and their subscriptions (each with a durable cursor and health),
// what each subscription's peer has acknowledged, which peer delivered each received version, and
// quarantined inbound objects. Peer secrets stay in this database (the data dir), never in logs.
import type { Migration } from './migrations.js';

export const MIGRATION_5_SYNC: Migration = {
  version: 5,
  name: 'federation: peers, subscriptions with cursors, acknowledgements, origins, quarantine',
  sql: `
    CREATE TABLE sync_peers (
      seq         INTEGER PRIMARY KEY AUTOINCREMENT,
      id          TEXT NOT NULL UNIQUE,
      name        TEXT NOT NULL UNIQUE,
      url         TEXT NOT NULL,
      org_id      TEXT NOT NULL REFERENCES organisations (id),
      auth        TEXT NOT NULL,   -- JSON {kind, token | username+password}
      tls         TEXT,            -- JSON {certFile?, keyFile?, caFile?}
      public_key  TEXT,
      node_id     TEXT,
      created_at  TEXT NOT NULL
    );
    CREATE INDEX sync_peers_by_org ON sync_peers (org_id);

    CREATE TABLE sync_subscriptions (
      seq               INTEGER PRIMARY KEY AUTOINCREMENT,
      id                TEXT NOT NULL UNIQUE,
      peer_id           TEXT NOT NULL REFERENCES sync_peers (id) ON DELETE CASCADE,
      direction         TEXT NOT NULL CHECK (direction IN ('push', 'pull')),
      local_collection  TEXT NOT NULL REFERENCES collections (id),
      remote_collection TEXT NOT NULL,
      created_at        TEXT NOT NULL,
      cursor            TEXT,
      last_success_at   TEXT,
      last_error        TEXT,
      last_error_at     TEXT,
      transferred       INTEGER NOT NULL DEFAULT 0,
      last_object_at    TEXT,
      UNIQUE (peer_id, direction, local_collection, remote_collection)
    );

    -- (subscription, object id, normalised version): the peer holds it; never sent again.
    CREATE TABLE sync_acknowledged (
      subscription_id TEXT NOT NULL REFERENCES sync_subscriptions (id) ON DELETE CASCADE,
      object_id       TEXT NOT NULL,
      version_key     TEXT NOT NULL,
      PRIMARY KEY (subscription_id, object_id, version_key)
    ) WITHOUT ROWID;

    -- Which peer delivered a version into a local collection: it is never sent back there.
    CREATE TABLE sync_origins (
      collection_id TEXT NOT NULL,
      object_id     TEXT NOT NULL,
      version_key   TEXT NOT NULL,
      peer_id       TEXT NOT NULL REFERENCES sync_peers (id) ON DELETE CASCADE,
      PRIMARY KEY (collection_id, object_id, version_key, peer_id)
    ) WITHOUT ROWID;

    CREATE TABLE sync_quarantine (
      seq             INTEGER PRIMARY KEY AUTOINCREMENT,
      id              TEXT NOT NULL UNIQUE,
      peer_id         TEXT NOT NULL REFERENCES sync_peers (id) ON DELETE CASCADE,
      subscription_id TEXT NOT NULL,
      object_id       TEXT NOT NULL,
      reason          TEXT NOT NULL,
      json            TEXT NOT NULL,
      at              TEXT NOT NULL
    );
    CREATE INDEX sync_quarantine_by_peer ON sync_quarantine (peer_id, seq);
    -- Meeting the same bad object again (a re-fetched page) does not add a second item.
    CREATE UNIQUE INDEX sync_quarantine_once ON sync_quarantine (peer_id, object_id, reason);
  `,
};
