// `setu migrate` (copySqliteToPostgres) and the search indexes: SQLite's FTS5 tables have no
// PostgreSQL mirror and are not copied; the indexes are rebuilt from the copied objects (with
// progress), so the same searches find the same versions on both stores.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copySqliteToPostgres, openSqliteStore, type SearchCondition, type Store } from '../../src/store/index.js';
import { searchKeysFor, wordsOf } from '../../src/search/index.js';
import { collection } from './helpers.js';
import { sco, sdo } from './contract-search.js';
import { PG_URL, SKIP_REASON, TestSchemas } from './postgres-helpers.js';

const SEARCHES: readonly (readonly SearchCondition[])[] = [
  [{ kind: 'terms', keys: searchKeysFor('203.0.113.45') }],
  [{ kind: 'terms', keys: searchKeysFor('mail.bad.example') }],
  [{ kind: 'words', words: wordsOf('攻撃'), phrase: false, field: 'all' }],
  [{ kind: 'words', words: wordsOf('हमला'), phrase: false, field: 'all' }],
];

const found = async (store: Store) =>
  Promise.all(SEARCHES.map(async (conditions) => (await store.searchObjects({ collections: ['c1'], conditions, limit: 10 })).records.map((r) => `${r.seq} ${r.id}`)));

if (PG_URL === undefined) {
  test('copy SQLite to PostgreSQL: search indexes', (t) => t.skip(SKIP_REASON));
} else {
  const url = PG_URL;
  const schemas = new TestSchemas();
  const dirs: string[] = [];
  after(async () => {
    await schemas.drop();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  test('copy SQLite to PostgreSQL: the search indexes are rebuilt and find what they found on SQLite', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'setu-pg-copy-search-'));
    dirs.push(dir);
    const path = join(dir, 'setu.sqlite');
    const source = await openSqliteStore({ path });
    await source.createCollection(collection('c1'));
    await source.addObjects({
      collectionId: 'c1',
      statusId: 's1',
      requestTimestamp: '2026-01-01T00:00:00.000000Z',
      rejected: [],
      accepted: [
        sco({ type: 'ipv4-addr', id: 'ipv4-addr--1b6a3ed7-1e0a-5b3c-9d2e-4f5a6b7c8d91', value: '203.0.113.0/24' }),
        sco({ type: 'domain-name', id: 'domain-name--2b6a3ed7-1e0a-5b3c-9d2e-4f5a6b7c8d92', value: 'bad.example' }),
        sdo({ type: 'report', id: 'report--6b6a3ed7-1e0a-4b3c-9d2e-4f5a6b7c8d96', name: '東京電力の攻撃', published: '2026-01-01T00:00:00Z', object_refs: ['domain-name--2b6a3ed7-1e0a-5b3c-9d2e-4f5a6b7c8d92'] }),
        sdo({ type: 'report', id: 'report--7b6a3ed7-1e0a-4b3c-9d2e-4f5a6b7c8d97', name: 'साइबर हमला', published: '2026-01-01T00:00:00Z', object_refs: ['domain-name--2b6a3ed7-1e0a-5b3c-9d2e-4f5a6b7c8d92'] }),
      ],
    });
    const expected = await found(source);
    assert.ok(expected.every((hits) => hits.length === 1), JSON.stringify(expected));
    await source.close();

    const schema = schemas.next();
    const progress: [string, number, number][] = [];
    const report = await copySqliteToPostgres({ sqlitePath: path, url, schema, onProgress: (p) => progress.push([p.table, p.done, p.total]) });
    assert.ok(!report.tables.some((t) => t.table.startsWith('search_')), 'the index tables are rebuilt, not copied');
    assert.deepEqual(progress.at(-1), ['search indexes', 4, 4]);
    const target = await schemas.open({ schema });
    try {
      assert.deepEqual(await found(target), expected);
    } finally {
      await target.close();
    }
  });
}
