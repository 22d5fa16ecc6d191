// `setu migrate` (copySqliteToPostgres) carries the outbound gate's verdicts and marks for direct
// readers (migration 7) along: a reader outside reads on PostgreSQL exactly what it read before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copySqliteToPostgres, openSqliteStore } from '../../src/store/index.js';
import { add, collection, stix } from './helpers.js';
import { PG_URL, SKIP_REASON, TestSchemas } from './postgres-helpers.js';

test('gate verdicts and marks survive the copy from SQLite to PostgreSQL', { skip: PG_URL === undefined ? SKIP_REASON : false }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gatecopy-'));
  const path = join(dir, 's.db');
  const s = await openSqliteStore({ path });
  await s.initNode({ nodeName: 'n', country: 'IN', createdAt: '2026-01-01T00:00:00.000Z' });
  await s.createCollection(collection('c1'));
  const a = (await add(s, [stix('note--a', '2026-01-01T00:00:00.000Z')])).added[0]!.seq;
  const b = (await add(s, [stix('note--b', '2026-01-01T00:00:00.000Z')])).added[0]!.seq;
  await s.recordGateVerdicts({ collectionId: 'c1', reader: 'jp', fingerprint: 'f', uptoSeq: b, reset: false, verdicts: [{ seq: a, pass: true }, { seq: b, pass: false }] });
  await s.close();
  const schemas = new TestSchemas();
  const schema = schemas.next();
  try {
    await copySqliteToPostgres({ sqlitePath: path, url: PG_URL!, schema });
    const pg = await schemas.open({ schema });
    assert.deepEqual(await pg.gateMark('c1', 'jp'), { fingerprint: 'f', uptoSeq: b });
    const page = await pg.queryObjects({ collectionId: 'c1', limit: 10, withJson: false, gateReader: 'jp' });
    assert.deepEqual(page.records.map((r) => r.seq), [a]);
    await pg.close();
  } finally {
    await schemas.drop();
  }
});
