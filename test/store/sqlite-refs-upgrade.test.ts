// A node upgraded to migration 12: the versions it already held get their reference rows when the
// store opens right after making the index (the reference index is otherwise written with each version).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/index.js';
import { collection } from './helpers.js';

const A = 'indicator--0a000000-0000-4000-8000-000000000001';
const B = 'malware--0b000000-0000-4000-8000-000000000002';
const REL = 'relationship--0d000000-0000-4000-8000-000000000004';
const T = '2025-01-01T00:00:00.000Z';

test('opening a store that had no reference index builds the rows of the versions it holds', async () => {
  const path = join(await mkdtemp(join(tmpdir(), 'setu-refs-')), 'setu.db');
  const store = await openSqliteStore({ path });
  await store.createCollection(collection('c1'));
  const json = JSON.stringify({ type: 'relationship', spec_version: '2.1', id: REL, created: T, modified: T, relationship_type: 'indicates', source_ref: A, target_ref: B });
  await store.addObjects({ collectionId: 'c1', statusId: 's1', requestTimestamp: T, accepted: [{ id: REL, type: 'relationship', specVersion: '2.1', version: T, json }], rejected: [] });
  await store.close();
  // As the database was before migration 12.
  const db = new Database(path);
  db.exec('DROP TABLE object_refs; DELETE FROM schema_migrations WHERE version = 12;');
  db.close();

  const reopened = await openSqliteStore({ path });
  const refs = await reopened.refs.referrersOf({ collectionId: 'c1', targetIds: [A, B], limit: 10 });
  assert.deepEqual(refs.map((r) => `${r.id} ${r.path} ${r.targetId}`).sort(), [`${REL} source_ref ${A}`, `${REL} target_ref ${B}`]);
  await reopened.close();
});
