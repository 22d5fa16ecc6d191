import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingest, splitBundle, type AddedObject } from '../../src/ingest/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';

const COLLECTION = 'c0ffee00-0000-4000-8000-000000000001';
const NOW = Date.parse('2026-05-01T10:00:00.123Z');

async function storeWithCollection(): Promise<Store> {
  const store = await openSqliteStore({ path: ':memory:', clock: () => NOW });
  await store.createOrganisation({ id: 'org', name: 'org', country: 'IN', createdAt: '2026-01-01T00:00:00.000Z' });
  await store.createCollection({ id: COLLECTION, title: 'c', description: null, alias: null, readOrgs: ['org'], writeOrgs: ['org'], mediaTypes: [], createdAt: '2026-01-01T00:00:00.000Z' });
  return store;
}

const identity = (n: number, extra: Record<string, unknown> = {}) => ({
  type: 'identity', spec_version: '2.1', id: `identity--00000000-0000-4000-8000-00000000000${n}`,
  created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', name: `Org ${n}`, identity_class: 'organization', ...extra,
});

test('ingest stores valid objects in one call, reports invalid ones, and emits the new records', async (t) => {
  const store = await storeWithCollection();
  t.after(() => store.close());
  const emitted: AddedObject[][] = [];
  const broken = identity(2);
  delete (broken as Record<string, unknown>)['name'];
  const raw = [JSON.stringify(identity(1)), '{"type": "identity",', JSON.stringify(broken), '[1]', JSON.stringify({ type: 'domain-name', value: 'c2.example' })];
  const result = await ingest({
    store, collectionId: COLLECTION, rawObjects: raw, clock: () => NOW, newId: () => 'status-1',
    events: { emit: (_e, records) => emitted.push([...records]) },
  });
  const { status } = result;
  assert.equal(status.id, 'status-1');
  assert.equal(status.requestTimestamp, '2026-05-01T10:00:00.123000Z');
  assert.deepEqual([status.totalCount, status.successCount, status.failureCount, status.pendingCount], [5, 2, 3, 0]);
  assert.deepEqual(status.failures.map((f) => f.id), ['', 'identity--00000000-0000-4000-8000-000000000002', '']);
  assert.match(status.failures[0]?.message ?? '', /objects\[1\]: not valid JSON/);
  assert.match(status.failures[1]?.message ?? '', /objects\[2\]: .*name/);
  assert.match(status.failures[2]?.message ?? '', /objects\[3\]: must be a JSON object/);
  assert.equal(await store.countObjects(COLLECTION), 2);
  // the SCO got its deterministic id and is stored re-serialised with it
  const sco = result.added.find((r) => r.type === 'domain-name');
  assert.match(sco?.id ?? '', /^domain-name--[0-9a-f-]{36}$/);
  assert.deepEqual(JSON.parse(emitted[0]?.find((r) => r.type === 'domain-name')?.json ?? '{}'), { type: 'domain-name', value: 'c2.example', id: sco?.id });
  assert.equal(emitted.length, 1);
  assert.equal(emitted[0]?.find((r) => r.type === 'identity')?.json, raw[0]);
});

test('a re-post emits nothing; a throwing subscriber does not undo an acknowledged write', async (t) => {
  const store = await storeWithCollection();
  t.after(() => store.close());
  const warnings: string[] = [];
  const run = (n: number, emit: () => unknown) => ingest({
    store, collectionId: COLLECTION, rawObjects: [JSON.stringify(identity(n))], clock: () => NOW, newId: () => `s-${n}-${warnings.length}`,
    events: { emit }, log: { warn: (_d, m) => warnings.push(m) },
  });
  const first = await run(1, () => { throw new Error('subscriber bug'); });
  assert.equal(first.status.successCount, 1);
  assert.equal(warnings.length, 1);
  let calls = 0;
  const again = await ingest({ store, collectionId: COLLECTION, rawObjects: [JSON.stringify(identity(1))], clock: () => NOW, newId: () => 's-again', events: { emit: () => calls++ } });
  assert.equal(again.status.successCount, 1);
  assert.equal(again.added.length, 0);
  assert.equal(calls, 0);
  assert.equal(await store.countObjects(COLLECTION), 1);
});

test('a malformed envelope discovered mid-stream writes nothing', async (t) => {
  const store = await storeWithCollection();
  t.after(() => store.close());
  const text = `{"objects":[${JSON.stringify(identity(1))}], "x": ]}`;
  await assert.rejects(
    ingest({ store, collectionId: COLLECTION, rawObjects: splitBundle(text), clock: () => NOW, newId: () => 's', events: { emit: () => 0 } }),
    (e: unknown) => (e as { code?: string }).code === 'SETU_ERR_INGEST_MALFORMED_JSON',
  );
  assert.equal(await store.countObjects(), 0);
  assert.equal(await store.getStatus('s'), undefined);
});
