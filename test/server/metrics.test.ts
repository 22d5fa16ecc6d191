// setu_objects_rejected_total counts every object an Add Objects request refused, as /metrics shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../src/app.js';
import { DEFAULT_NODE_CONFIG } from '../../src/node/config.js';
import { createCollection, createOrganisation } from '../../src/node/admin.js';
import { issueToken } from '../../src/node/tokens.js';
import { openSqliteStore } from '../../src/store/index.js';

const TAXII = 'application/taxii+json;version=2.1';
const T = '2026-01-01T00:00:00.000Z';

const coa = (n: number, extra: Record<string, unknown> = {}) => ({
  type: 'course-of-action', spec_version: '2.1', id: `course-of-action--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  created: T, modified: T, name: `coa ${n}`, ...extra,
});

async function counter(http: Awaited<ReturnType<typeof buildApp>>['http'], name: string): Promise<number> {
  const res = await http.inject({ method: 'GET', url: '/metrics' });
  const line = res.body.split('\n').find((l) => l.startsWith(`${name} `));
  assert.ok(line !== undefined, `${name} in /metrics`);
  return Number(line.split(' ')[1]);
}

test('setu_objects_rejected_total counts refused objects: invalid ones and version conflicts', async (t) => {
  const clock = Date.now;
  const store = await openSqliteStore({ path: ':memory:', clock });
  const info = { nodeName: 'metrics-node', country: 'IN', createdAt: new Date().toISOString() };
  await store.initNode(info);
  await createOrganisation(store, { id: 'cert-a', name: 'CERT A', country: 'IN' }, clock);
  const collection = await createCollection(store, { title: 'shared', readOrgs: ['cert-a'], writeOrgs: ['cert-a'] }, clock, randomUUID);
  const token = await issueToken(store, { orgId: 'cert-a', role: 'analyst' }, clock, randomUUID);
  const app = await buildApp({ store, config: DEFAULT_NODE_CONFIG, info, clock, newId: randomUUID, logger: false, version: '0.0.0-test' });
  t.after(async () => (await app.http.close(), await store.close()));
  const post = (objects: unknown[]) =>
    app.http.inject({
      method: 'POST',
      url: `/taxii2/setu/collections/${collection.id}/objects/`,
      headers: { accept: TAXII, 'content-type': TAXII, authorization: `Bearer ${token.secret}` },
      payload: JSON.stringify({ objects }),
    });

  assert.equal(await counter(app.http, 'setu_objects_rejected_total'), 0);
  // 1. one valid object, one without a name (MUST), one that is not an object at all
  const first = await post([coa(1), { ...coa(2), name: undefined }, 42]);
  assert.equal(first.statusCode, 202, first.body);
  assert.equal(JSON.parse(first.body).failure_count, 2);
  assert.equal(await counter(app.http, 'setu_objects_rejected_total'), 2);
  assert.equal(await counter(app.http, 'setu_objects_ingested_total'), 1);
  // 2. the same version with other content is a conflict the store refuses
  const second = await post([coa(1, { name: 'changed' })]);
  assert.equal(JSON.parse(second.body).failure_count, 1);
  assert.equal(await counter(app.http, 'setu_objects_rejected_total'), 3);
  // 3. an idempotent re-post refuses nothing
  const third = await post([coa(1)]);
  assert.equal(JSON.parse(third.body).failure_count, 0);
  assert.equal(await counter(app.http, 'setu_objects_rejected_total'), 3);
});
