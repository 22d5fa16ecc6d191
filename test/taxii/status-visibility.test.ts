// Get Status answers the organisation that posted, in full (failures included), and a node
// administrator; anyone else, readers of the same collection included, is told it does not exist,
// so a status never names another organisation's RED ids or refused objects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, coa, envelope, json, makeHarness, objectsUrl } from './harness.js';

const RED = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1';
const GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';

const counts = (s: Record<string, unknown>) => [s['total_count'], s['success_count'], s['failure_count'], s['pending_count']];
const successIds = (s: Record<string, unknown>) => ((s['successes'] as { id: string }[] | undefined) ?? []).map((d) => d.id);

test('a status is the poster organisation\'s: it reads it in full, a reader of the same collection gets 404', async (t) => {
  const h = await makeHarness();
  t.after(() => h.close());
  const green = coa(1, undefined, { object_marking_refs: [GREEN] });
  const red = coa(2, undefined, { object_marking_refs: [RED] });
  const invalid = { ...coa(3, undefined, { object_marking_refs: [RED] }) };
  delete invalid['name'];
  const posted = await h.post(objectsUrl(), envelope([green, red, invalid]), 'inAnalyst');
  assert.equal(posted.statusCode, 202);
  const status = json(posted);
  assert.deepEqual(counts(status), [3, 2, 1, 0]);
  const url = `${ROOT}/status/${String(status['id'])}/`;

  // 1. the poster reads back exactly what its Add Objects response said, failures included
  const again = await h.get(url, 'inAnalyst');
  assert.equal(again.statusCode, 200);
  assert.deepEqual(json(again), status);
  assert.deepEqual(successIds(json(again)), [green['id'], red['id']]);

  // 2. JP reads the collection but did not post: the status does not exist for it
  const seenByJp = await h.get(url, 'jpReader');
  assert.equal(seenByJp.statusCode, 404);
  assert.equal(seenByJp.body.includes(String(red['id'])), false);
  assert.equal(seenByJp.body.includes(String(invalid['id'])), false);
  const missing = await h.get(`${ROOT}/status/00000000-0000-4000-8000-000000000000/`, 'jpReader');
  assert.equal(missing.statusCode, 404);
  assert.deepEqual(JSON.parse(seenByJp.body)['title'], JSON.parse(missing.body)['title'], 'answered exactly like a status that does not exist');

  // 3. nor for an organisation that cannot see the collection
  assert.equal((await h.get(url, 'xxAnalyst')).statusCode, 404);

  // 4. the node administrator reads it in full
  const byAdmin = await h.get(url, 'admin');
  assert.equal(byAdmin.statusCode, 200);
  assert.deepEqual(counts(json(byAdmin)), [3, 2, 1, 0]);
});
