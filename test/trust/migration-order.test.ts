// Migrations of the three trust-model areas landed in parallel: a database that recorded later
// migrations before migration 2 (trust) existed must still get migration 2 when it is opened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';

test('a migration with a lower version than the newest recorded one is still applied', async () => {
  const path = join(await mkdtemp(join(tmpdir(), 'setu-migrate-')), 'setu.db');
  const raw = new Database(path);
  raw.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const m of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
    if (m.version === 2) continue;
    raw.exec(m.sql);
    raw.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, 'x');
  }
  raw.close();
  const store = await openSqliteStore({ path });
  await store.createOrganisation({ id: 'a', name: 'a', country: null, createdAt: 'x', kind: 'cert' });
  await store.createCommunity({ id: 'c', name: 'c', description: null, members: ['a'], createdAt: 'x' });
  assert.deepEqual(await store.communitiesOf('a'), ['c']);
  assert.equal((await store.getOrganisation('a'))?.kind, 'cert');
  await store.close();
});
