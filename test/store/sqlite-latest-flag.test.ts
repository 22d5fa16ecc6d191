// The maintained newest-version flag (SQLite migration 6): after any sequence of adds (several
// collections, ids, versions, spec versions, unversioned SCOs) and deletes (every selector), each
// row's `latest` is 1 exactly when the row is what 'last' selects for its id with nothing hidden;
// and migrating a database written before the flag sets it the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { openSqliteStore, type NewObjectVersion, type VersionSelector } from '../../src/store/index.js';
import { collection, statusId, stix } from './helpers.js';

const NEWEST = `SELECT x.seq FROM objects x WHERE x.collection_key = o.collection_key AND x.id = o.id
  ORDER BY x.spec_rank DESC, x.version_key DESC, x.seq DESC LIMIT 1`;
const WRONG = `SELECT count(*) FROM objects o WHERE o.latest <> (o.seq = (${NEWEST}))`;

const ids = ['malware--1', 'malware--2', 'ipv4-addr--3'];
const versions = ['2024-01-01T00:00:00Z', '2024-06-01T00:00:00.000Z', '2025-01-01T00:00:00Z'];
const object = fc.record({ id: fc.constantFrom(...ids), v: fc.integer({ min: 0, max: 2 }), spec: fc.constantFrom('2.0', '2.1'), c: fc.constantFrom('c1', 'c2') });
const selector = fc.constantFrom<VersionSelector>({ kind: 'last' }, { kind: 'first' }, { kind: 'all' }, { kind: 'at', timestamp: versions[1]! });
const step = fc.oneof(
  fc.record({ add: fc.array(object, { minLength: 1, maxLength: 4 }) }),
  fc.record({ del: fc.record({ id: fc.constantFrom(...ids), c: fc.constantFrom('c1', 'c2'), versions: fc.array(selector, { minLength: 1, maxLength: 2 }), spec: fc.option(fc.constantFrom('2.0', '2.1'), { nil: undefined }) }) }),
);

function version(o: { id: string; v: number; spec: string }): NewObjectVersion {
  // SCOs here are unversioned (one row per spec version), the others versioned.
  return stix(o.id, o.id.startsWith('ipv4-addr') ? null : versions[o.v]!, o.spec);
}

test('latest is 1 exactly on the newest row of each (collection, id), through adds and deletes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'setu-latest-'));
  let run = 0;
  try {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        const path = join(dir, `p${run++}.db`);
        const store = await openSqliteStore({ path });
        await store.createCollection(collection('c1'));
        await store.createCollection(collection('c2'));
        for (const s of steps) {
          if ('add' in s) {
            for (const c of ['c1', 'c2']) {
              const accepted = s.add.filter((o) => o.c === c).map(version);
              await store.addObjects({ collectionId: c, statusId: statusId(), requestTimestamp: '2025-01-01T00:00:00.000000Z', accepted, rejected: [] });
            }
          } else {
            await store.deleteObject(s.del.c, s.del.id, { versions: s.del.versions, ...(s.del.spec === undefined ? {} : { specVersions: [s.del.spec] }) });
          }
        }
        await store.close();
        const db = new Database(path, { readonly: true });
        try {
          assert.equal(db.prepare(WRONG).pluck().get(), 0);
        } finally {
          db.close();
        }
      }),
      { seed: 6, numRuns: 150 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('migration 6 sets the flag on a database written before it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'setu-latest-mig-'));
  try {
    const path = join(dir, 'old.db');
    const store = await openSqliteStore({ path });
    await store.createCollection(collection('c1'));
    await store.addObjects({
      collectionId: 'c1',
      statusId: statusId(),
      requestTimestamp: '2025-01-01T00:00:00.000000Z',
      accepted: [stix('malware--1', versions[0]!), stix('malware--1', versions[2]!), stix('malware--1', versions[1]!), stix('tool--9', versions[0]!, '2.0')],
      rejected: [],
    });
    await store.close();
    // Back to the state before migration 6: no flag, no triggers, not recorded.
    const db = new Database(path);
    db.exec(`DROP TRIGGER objects_latest_after_delete;
      ALTER TABLE objects DROP COLUMN latest; DELETE FROM schema_migrations WHERE version = 6;`);
    db.close();
    await (await openSqliteStore({ path })).close();
    const check = new Database(path, { readonly: true });
    try {
      assert.equal(check.prepare(WRONG).pluck().get(), 0);
      assert.deepEqual(check.prepare('SELECT id, version FROM objects WHERE latest = 1 ORDER BY id').all(), [
        { id: 'malware--1', version: versions[2] },
        { id: 'tool--9', version: versions[0] },
      ]);
    } finally {
      check.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
