// Loading indicators from documents (bundle, list, one object) and from a node's store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { IndicatorSet, loadFromDocument, loadFromStore } from '../../src/detect/index.js';
import { isSetuError } from '../../src/errors/index.js';
import { ingest } from '../../src/ingest/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { indicator, NOW } from './helpers.js';

const C2 = "[ipv4-addr:value = '198.51.100.1']";

test('documents: a bundle, a list, one object; other objects are skipped; bad JSON throws', () => {
  const bundle = JSON.stringify({ type: 'bundle', id: 'bundle--1', objects: [indicator(1, C2), indicator(2, '[broken'), { type: 'malware', id: 'malware--x' }] });
  const summary = loadFromDocument(bundle, new IndicatorSet(() => NOW));
  assert.equal(summary.seen, 2);
  assert.deepEqual(summary.outcomes, { added: 1, invalid: 1 });
  assert.equal(summary.invalid[0]?.id, indicator(2, '')['id']);
  assert.equal(loadFromDocument(JSON.stringify([indicator(1, C2)]), new IndicatorSet(() => NOW)).outcomes.added, 1);
  assert.equal(loadFromDocument(JSON.stringify(indicator(1, C2)), new IndicatorSet(() => NOW)).outcomes.added, 1);
  assert.throws(() => loadFromDocument('{', new IndicatorSet(() => NOW)), (e) => isSetuError(e) && e.code === 'SETU_ERR_DETECT_BAD_INDICATORS');
});

test('store: newest version of every indicator, page by page, across collections', async () => {
  const store = await openSqliteStore({ path: ':memory:', clock: () => NOW });
  await store.initNode({ nodeName: 'n', country: 'IN', createdAt: new Date(NOW).toISOString() });
  for (const id of ['c1', 'c2']) {
    await store.createCollection({ id, title: id, description: null, alias: null, readOrgs: [], writeOrgs: [], mediaTypes: [], createdAt: new Date(NOW).toISOString() });
  }
  const many = Array.from({ length: 2500 }, (_, i) => JSON.stringify(indicator(i + 1, `[ipv4-addr:value = '198.51.${Math.floor(i / 250)}.${i % 250}']`)));
  await ingest({ store, collectionId: 'c1', rawObjects: many, clock: () => NOW, newId: randomUUID, events: new EventEmitter() });
  const newer = JSON.stringify(indicator(1, C2, { modified: '2026-02-01T00:00:00.000Z', revoked: true }));
  await ingest({ store, collectionId: 'c2', rawObjects: [newer], clock: () => NOW, newId: randomUUID, events: new EventEmitter() });
  const set = new IndicatorSet(() => NOW);
  const summary = await loadFromStore(store, set);
  assert.equal(summary.seen, 2501);
  assert.equal(set.size, 2499, 'indicator 1 was revoked by its newer version in another collection');
  const onlyC2 = new IndicatorSet(() => NOW);
  assert.equal((await loadFromStore(store, onlyC2, ['c2'])).seen, 1);
  await store.close();
});
