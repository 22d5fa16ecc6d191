// Versioned schema migrations for PostgreSQL, numbered exactly as the SQLite ones (same version =
// same logical schema), applied together in one transaction and recorded in schema_migrations.
// Concurrent openers (several Setu processes starting at once) serialise on an advisory lock.
// A migration is never edited once shipped: a change is a new migration.
import type pg from 'pg';
import { formatMicros } from '../timestamps.js';
import { storeError } from '../errors.js';
import { inTransaction } from './connection.js';
import { MIGRATION_2_TRUST } from './migration-2-trust.js';
import { MIGRATION_3_REVIEW } from './migration-3-review.js';
import { MIGRATION_4_AUDIT } from './migration-4-audit.js';
import { MIGRATION_5_SYNC } from './migration-5-sync.js';
import { MIGRATION_6_LATEST } from './migration-6-latest.js';
import { MIGRATION_7_GATE } from './migration-7-gate.js';
import { MIGRATION_8_CHECKPOINTS } from './migration-8-checkpoints.js';
import { MIGRATION_13_TOKEN_CREATOR, MIGRATION_9_USERS } from './migration-9-users.js';
import { STATUS_POSTER_MIGRATION_NAME, STATUS_POSTER_MIGRATION_SQL } from '../status-poster-schema.js';
import { SEARCH_MIGRATION_NAME, POSTGRES_SEARCH_MIGRATION_SQL } from '../search-schema.js';
import { REFS_MIGRATION_NAME, refsMigrationSql } from '../refs-schema.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

// Timestamp keys are fixed-width text compared byte-wise (COLLATE "C"), as in SQLite, so both
// stores order and compare instants identically whatever the database's default collation.
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema: node, organisations, tokens, collections, objects, statuses',
    sql: `
      CREATE TABLE node_info (
        singleton  integer PRIMARY KEY CHECK (singleton = 1),
        node_name  text NOT NULL,
        country    text NOT NULL,
        created_at text NOT NULL
      );

      -- ord: creation order (SQLite's rowid).
      CREATE TABLE organisations (
        ord        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        id         text PRIMARY KEY,
        name       text NOT NULL,
        country    text,
        created_at text NOT NULL
      );

      CREATE TABLE tokens (
        ord         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        id          text PRIMARY KEY,
        org_id      text NOT NULL REFERENCES organisations (id),
        role        text NOT NULL CHECK (role IN ('node-admin', 'org-admin', 'analyst', 'reader', 'peer')),
        label       text,
        secret_hash text NOT NULL UNIQUE,
        created_at  text NOT NULL,
        expires_at  text,
        revoked_at  text
      );
      CREATE INDEX tokens_by_org ON tokens (org_id);

      CREATE TABLE collections (
        key         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id          text NOT NULL UNIQUE,
        title       text NOT NULL,
        description text,
        alias       text UNIQUE,
        media_types text NOT NULL,
        created_at  text NOT NULL
      );

      CREATE TABLE collection_access (
        collection_id text NOT NULL REFERENCES collections (id),
        mode          text NOT NULL CHECK (mode IN ('read', 'write')),
        org_id        text NOT NULL REFERENCES organisations (id),
        position      integer NOT NULL,
        PRIMARY KEY (collection_id, mode, org_id)
      );
      CREATE INDEX collection_access_by_org ON collection_access (org_id);

      -- seq is assigned by the writer from store_clock while it holds that row's lock, so seqs and
      -- date_added values are handed out in commit order across every process (see object-writes.ts).
      CREATE TABLE objects (
        seq            bigint PRIMARY KEY,
        collection_key integer NOT NULL REFERENCES collections (key),
        id             text NOT NULL,
        type           text NOT NULL,
        spec_version   text NOT NULL,
        spec_rank      integer NOT NULL,
        version        text,
        version_key    text COLLATE "C" NOT NULL,
        date_added     text COLLATE "C" NOT NULL,
        json           text NOT NULL
      );
      CREATE UNIQUE INDEX objects_by_version ON objects (collection_key, id, spec_rank, version_key);
      CREATE INDEX objects_by_seq ON objects (collection_key, seq);
      CREATE INDEX objects_by_type ON objects (collection_key, type, seq);
      CREATE INDEX objects_by_date_added ON objects (collection_key, date_added);

      -- High-water marks of date_added (whole microseconds) and seq, apart from objects so that
      -- deleting the newest version never lets a later one reuse its timestamp or seq. Its one row
      -- is also the writers' lock: addObjects holds it FOR UPDATE until commit.
      CREATE TABLE store_clock (
        singleton          integer PRIMARY KEY CHECK (singleton = 1),
        last_date_added_us bigint NOT NULL,
        last_seq           bigint NOT NULL
      );
      INSERT INTO store_clock (singleton, last_date_added_us, last_seq) VALUES (1, 0, 0);

      CREATE TABLE statuses (
        id                text PRIMARY KEY,
        collection_id     text NOT NULL REFERENCES collections (id),
        status            text NOT NULL CHECK (status IN ('complete', 'pending')),
        request_timestamp text NOT NULL,
        total_count       integer NOT NULL,
        success_count     integer NOT NULL,
        failure_count     integer NOT NULL,
        pending_count     integer NOT NULL,
        successes         text NOT NULL,
        failures          text NOT NULL,
        pendings          text NOT NULL
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
  { version: 11, name: SEARCH_MIGRATION_NAME, sql: POSTGRES_SEARCH_MIGRATION_SQL },
  { version: 12, name: REFS_MIGRATION_NAME, sql: refsMigrationSql('bigint', '') },
  MIGRATION_13_TOKEN_CREATOR,
];

/** Any fixed 64-bit key works; this one is "setu-mig" in ASCII. */
const MIGRATION_LOCK = '7310593858643060071';

/** Creates the schema if needed and applies every newer migration; returns the versions applied. */
export async function migrate(pool: pg.Pool, schema: string, clockMillis: () => number): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at text NOT NULL
    )`);
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
    const known = new Set(MIGRATIONS.map((m) => m.version));
    const unknown = [...done].filter((version) => !known.has(version));
    if (unknown.length > 0) {
      const current = Math.max(...unknown);
      const latest = Math.max(...known);
      throw storeError('SETU_ERR_STORE_SCHEMA_TOO_NEW', `database schema version ${current} is newer than this code knows (${latest})`, {
        databaseVersion: current,
        knownVersion: latest,
      });
    }
    const applied: number[] = [];
    for (const migration of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
      // Set-based, not "above the max": migrations of parallel features may land out of order.
      if (done.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        formatMicros(Math.floor(clockMillis() * 1000)),
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
