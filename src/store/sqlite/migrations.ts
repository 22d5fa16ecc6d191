// Versioned schema migrations, applied in order, each in its own transaction and recorded in
// schema_migrations. A migration is never edited once shipped: a change is a new migration.
import type BetterSqlite3 from 'better-sqlite3';
import { formatMicros } from '../timestamps.js';
import { storeError } from '../errors.js';
import { MIGRATION_2_TRUST } from './migration-2-trust.js';
import { MIGRATION_3_REVIEW } from './migration-3-review.js';
import { MIGRATION_4_AUDIT } from './migration-4-audit.js';
import { MIGRATION_5_SYNC } from './migration-5-sync.js';
import { MIGRATION_6_LATEST } from './migration-6-latest.js';
import { MIGRATION_7_GATE } from './migration-7-gate.js';
import { MIGRATION_8_CHECKPOINTS } from './migration-8-checkpoints.js';
import { MIGRATION_13_TOKEN_CREATOR, MIGRATION_9_USERS } from './migration-9-users.js';
import { STATUS_POSTER_MIGRATION_NAME, STATUS_POSTER_MIGRATION_SQL } from '../status-poster-schema.js';
import { SEARCH_MIGRATION_NAME, SQLITE_SEARCH_MIGRATION_SQL } from '../search-schema.js';
import { REFS_MIGRATION_NAME, refsMigrationSql } from '../refs-schema.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema: node, organisations, tokens, collections, objects, statuses',
    sql: `
      CREATE TABLE node_info (
        singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
        node_name  TEXT NOT NULL,
        country    TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      CREATE TABLE organisations (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        country    TEXT,
        created_at TEXT NOT NULL
      );

      CREATE TABLE tokens (
        id          TEXT PRIMARY KEY,
        org_id      TEXT NOT NULL REFERENCES organisations (id),
        role        TEXT NOT NULL CHECK (role IN ('node-admin', 'org-admin', 'analyst', 'reader', 'peer')),
        label       TEXT,
        secret_hash TEXT NOT NULL UNIQUE,  -- SHA-256 hex of the secret; the secret is never stored
        created_at  TEXT NOT NULL,
        expires_at  TEXT,
        revoked_at  TEXT
      );
      CREATE INDEX tokens_by_org ON tokens (org_id);

      -- key: a compact surrogate used by the objects table and its five indexes (a 36-character
      -- collection id repeated in each would cost ~200 bytes per object version).
      CREATE TABLE collections (
        key         INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        title       TEXT NOT NULL,
        description TEXT,
        alias       TEXT UNIQUE,
        media_types TEXT NOT NULL,         -- JSON array of strings
        created_at  TEXT NOT NULL
      );

      CREATE TABLE collection_access (
        collection_id TEXT NOT NULL REFERENCES collections (id),
        mode          TEXT NOT NULL CHECK (mode IN ('read', 'write')),
        org_id        TEXT NOT NULL REFERENCES organisations (id),
        position      INTEGER NOT NULL,
        PRIMARY KEY (collection_id, mode, org_id)
      ) WITHOUT ROWID;
      CREATE INDEX collection_access_by_org ON collection_access (org_id);

      -- One row per object version per collection. seq is never reused (AUTOINCREMENT), so a
      -- cursor stays valid across deletes. date_added is unique and increases with seq.
      -- version_key: normalised version (microsecond text, so lexical = time order), '' when
      -- unversioned. (collection, id, spec_rank, version_key) is both the idempotency key and the
      -- order in which 'first'/'last' are found. An unversioned id holds one row per spec version,
      -- so within one spec its rows never need ordering; across spec versions ties on '' fall back
      -- to seq, which is dateAdded order.
      -- Visibility (trust-model issue) will add indexed columns here, e.g. owner_org TEXT,
      -- tlp_level INTEGER, plus an object_recipients (seq, org_id) table for TLP:RED, so that
      -- readability is one more predicate in object-queries.ts and never a filter after fetching.
      CREATE TABLE objects (
        seq            INTEGER PRIMARY KEY AUTOINCREMENT,
        collection_key INTEGER NOT NULL REFERENCES collections (key),
        id             TEXT NOT NULL,
        type           TEXT NOT NULL,
        spec_version   TEXT NOT NULL,
        spec_rank      INTEGER NOT NULL,
        version        TEXT,
        version_key    TEXT NOT NULL,
        date_added     TEXT NOT NULL,
        json           TEXT NOT NULL
      );
      -- The only index keyed by random ids (each insert dirties a random page of it), so there is
      -- one, serving idempotency, id lookups and first/last alike.
      CREATE UNIQUE INDEX objects_by_version ON objects (collection_key, id, spec_rank, version_key);
      CREATE INDEX objects_by_seq ON objects (collection_key, seq);
      CREATE INDEX objects_by_type ON objects (collection_key, type, seq);
      CREATE INDEX objects_by_date_added ON objects (collection_key, date_added);

      -- High-water mark of date_added (whole microseconds), kept apart from objects so that
      -- deleting the newest version can never let a later one reuse an older timestamp.
      CREATE TABLE store_clock (
        singleton          INTEGER PRIMARY KEY CHECK (singleton = 1),
        last_date_added_us INTEGER NOT NULL
      );
      INSERT INTO store_clock (singleton, last_date_added_us) VALUES (1, 0);

      CREATE TABLE statuses (
        id                TEXT PRIMARY KEY,
        collection_id     TEXT NOT NULL REFERENCES collections (id),
        status            TEXT NOT NULL CHECK (status IN ('complete', 'pending')),
        request_timestamp TEXT NOT NULL,
        total_count       INTEGER NOT NULL,
        success_count     INTEGER NOT NULL,
        failure_count     INTEGER NOT NULL,
        pending_count     INTEGER NOT NULL,
        successes         TEXT NOT NULL,   -- JSON arrays of {id, version, message?}
        failures          TEXT NOT NULL,
        pendings          TEXT NOT NULL
      );
    `,
  },
  MIGRATION_2_TRUST,
  MIGRATION_3_REVIEW,
  MIGRATION_4_AUDIT,
  MIGRATION_5_SYNC,
  MIGRATION_6_LATEST,
  MIGRATION_7_GATE,
  MIGRATION_8_CHECKPOINTS,
  MIGRATION_9_USERS,
  { version: 10, name: STATUS_POSTER_MIGRATION_NAME, sql: STATUS_POSTER_MIGRATION_SQL },
  { version: 11, name: SEARCH_MIGRATION_NAME, sql: SQLITE_SEARCH_MIGRATION_SQL },
  { version: 12, name: REFS_MIGRATION_NAME, sql: refsMigrationSql('INTEGER', ' WITHOUT ROWID') },
  MIGRATION_13_TOKEN_CREATOR,
];

/**
 * Applies every migration the database has not recorded, in version order; returns the versions
 * applied. Migrations of separate areas are independent, so one that landed with a lower number
 * after a higher one had run (2 after 4) is still applied.
 */
export function migrate(db: BetterSqlite3.Database, clockMillis: () => number): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const current = (db.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
  const latest = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > latest) {
    throw storeError('SETU_ERR_STORE_SCHEMA_TOO_NEW', `database schema version ${current} is newer than this code knows (${latest})`, {
      databaseVersion: current,
      knownVersion: latest,
    });
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const applied: number[] = [];
  for (const migration of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
    if (done.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, formatMicros(Math.floor(clockMillis() * 1000)));
    }).immediate();
    applied.push(migration.version);
  }
  return applied;
}
