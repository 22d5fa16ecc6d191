// Get Status shows each reader what the reader predicate lets it read: the successes naming
// versions it may read in the collection, never the failures, with counts of what is shown. The
// poster had the whole status in its Add Objects response.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, coa, envelope, json, makeHarness, objectsUrl } from './harness.js';

const RED = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1';
const GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';

const counts = (s: Record<string, unknown>) => [s['total_count'], s['success_count'], s['failure_count'], s['pending_count']];
const successIds = (s: Record<string, unknown>) => ((s['successes'] as { id: string }[] | undefined) ?? []).map((d) => d.id);

test("a status names only the objects the reader may read: another organisation never learns the poster's RED ids", async (t) => {
  const h = await makeHarness();
  t.after(() => h.close());
  const green = coa(1, undefined, { object_marking_refs: [GREEN] });
  const red = coa(2, undefined, { object_marking_refs: [RED] });
  const invalid = { ...coa(3, undefined, { object_marking_refs: [RED] }) };
  delete invalid['name'];
  const posted = await h.post(objectsUrl(), envelope([green, red, invalid]), 'inAnalyst');
  assert.equal(posted.statusCode, 202);
  const status = json(posted);
  // 1. the poster's Add Objects response is the whole status
  assert.deepEqual(counts(status), [3, 2, 1, 0]);
  assert.deepEqual(successIds(status), [green['id'], red['id']]);
  const url = `${ROOT}/status/${String(status['id'])}/`;

  // 2. JP reads the collection but is not named on the RED object: neither it nor the failure appears
  const seenByJp = await h.get(url, 'jpReader');
  assert.equal(seenByJp.statusCode, 200);
  const jp = json(seenByJp);
  assert.deepEqual(successIds(jp), [green['id']]);
  assert.equal(jp['failures'], undefined);
  assert.deepEqual(counts(jp), [1, 1, 0, 0]);
  assert.equal(seenByJp.body.includes(String(red['id'])), false);
  assert.equal(seenByJp.body.includes(String(invalid['id'])), false);
  assert.equal(jp['id'], status['id']);
  assert.equal(jp['status'], 'complete');
  assert.equal(jp['request_timestamp'], status['request_timestamp']);

  // 3. the poster (owner of both stored versions) sees both successes again
  const seenByIn = json(await h.get(url, 'inAnalyst'));
  assert.deepEqual(successIds(seenByIn), [green['id'], red['id']]);
  assert.deepEqual(counts(seenByIn), [2, 2, 0, 0]);

  // 4. someone who cannot see the collection cannot see its statuses
  assert.equal((await h.get(url, 'xxAnalyst')).statusCode, 404);
});
