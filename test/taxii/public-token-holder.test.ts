// A token holder outside a PUBLIC collection's audience gets at least what an anonymous client gets
// (DESIGN: CLEAR is readable by anyone with read on the collection, anonymous too if it is public):
// the collection is listed with can_read true, and its TLP:CLEAR objects are readable, through the
// same predicate as anonymous readers (never its GREEN or AMBER ones).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, coa, envelope, json, makeHarness } from './harness.js';

const OPEN = '44444444-4444-4444-8444-444444444444';
const TLP = { clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421' };

test('a token of an organisation outside a public collection audience lists it and reads its CLEAR objects only', async (t) => {
  const h = await makeHarness({ rateLimit: { perMinute: 1000 } });
  t.after(() => h.close());
  await h.store.createCollection({ id: OPEN, title: 'Open', description: 'Public collection', alias: null, readOrgs: ['org-in'], writeOrgs: ['org-in'], mediaTypes: [], createdAt: '2026-03-01T00:00:00.000Z', public: true });
  const objects = [coa(1, undefined, { object_marking_refs: [TLP.clear] }), coa(2, undefined, { object_marking_refs: [TLP.green] }), coa(3, undefined, { object_marking_refs: [TLP.amber] })];
  assert.equal((await h.post(`${ROOT}/collections/${OPEN}/objects/`, envelope(objects), 'inAnalyst')).statusCode, 202);
  const ids = (body: Record<string, unknown>) => ((body['objects'] as { id: string }[] | undefined) ?? []).map((o) => o.id).sort();

  const anonymous = await h.get(`${ROOT}/collections/${OPEN}/objects/`, null);
  assert.equal(anonymous.statusCode, 200);
  assert.deepEqual(ids(json(anonymous)), [String(objects[0]!['id'])]);

  const list = json(await h.get(`${ROOT}/collections/`, 'jpReader'));
  const listed = (list['collections'] as { id: string; can_read: boolean; can_write: boolean }[]).find((c) => c.id === OPEN);
  assert.ok(listed !== undefined, 'listed for the token holder');
  assert.equal(listed.can_read, true);
  assert.equal(listed.can_write, false);
  const one = await h.get(`${ROOT}/collections/${OPEN}/`, 'jpReader');
  assert.equal(one.statusCode, 200);
  assert.equal(json(one)['can_read'], true);

  const read = await h.get(`${ROOT}/collections/${OPEN}/objects/`, 'jpReader');
  assert.equal(read.statusCode, 200, read.body);
  assert.deepEqual(ids(json(read)), ids(json(anonymous)), 'the anonymous view: CLEAR only');
  assert.equal((await h.get(`${ROOT}/collections/${OPEN}/objects/${String(objects[1]!['id'])}/`, 'jpReader')).statusCode, 404);
  assert.equal((await h.get(`${ROOT}/collections/${OPEN}/objects/${String(objects[0]!['id'])}/`, 'jpReader')).statusCode, 200);
  assert.equal((await h.post(`${ROOT}/collections/${OPEN}/objects/`, envelope([coa(9)]), 'jpAnalyst')).statusCode, 404, 'no write');
});
