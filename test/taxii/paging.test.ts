import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COLLECTIONS, ROOT, coa, envelope, json, makeHarness, objectsUrl } from './harness.js';

const TOTAL = 3_000;

async function fill(h: Awaited<ReturnType<typeof makeHarness>>): Promise<void> {
  // the clock stays frozen: every object shares one millisecond
  for (let start = 0; start < TOTAL; start += 500) {
    const batch = Array.from({ length: 500 }, (_, i) => coa(start + i + 1));
    const status = json(await h.post(objectsUrl(), envelope(batch)));
    assert.equal(status['success_count'], 500);
  }
}

test(`paging with next over ${TOTAL} objects sharing one millisecond: no gaps, no duplicates, exact more`, async (t) => {
  const h = await makeHarness();
  t.after(() => h.close());
  await fill(h);
  for (const path of ['objects', 'manifest']) {
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    for (;;) {
      const res = await h.get(`${ROOT}/collections/${COLLECTIONS.shared}/${path}/?limit=97${next === undefined ? '' : `&next=${next}`}`);
      assert.equal(res.statusCode, 200);
      const body = json(res);
      const objects = body['objects'] as { id: string }[];
      seen.push(...objects.map((o) => o.id));
      pages++;
      if (body['more'] !== true) {
        assert.equal(body['next'], undefined);
        break;
      }
      assert.equal(objects.length, 97);
      next = String(body['next']);
    }
    assert.equal(pages, Math.ceil(TOTAL / 97), path);
    assert.equal(seen.length, TOTAL, path);
    assert.equal(new Set(seen).size, TOTAL, path);
    assert.deepEqual(seen, Array.from({ length: TOTAL }, (_, i) => coa(i + 1)['id']), path);
  }
});

test('walking with added_after = the previous X-TAXII-Date-Added-Last never skips or repeats', async (t) => {
  const h = await makeHarness();
  t.after(() => h.close());
  await fill(h);
  const seen: string[] = [];
  let after: string | undefined;
  for (;;) {
    const res = await h.get(`${objectsUrl()}?limit=250${after === undefined ? '' : `&added_after=${after}`}`);
    const objects = (json(res)['objects'] ?? []) as { id: string }[];
    if (objects.length === 0) break;
    seen.push(...objects.map((o) => o.id));
    after = String(res.headers['x-taxii-date-added-last']);
  }
  assert.equal(seen.length, TOTAL);
  assert.equal(new Set(seen).size, TOTAL);
});

test('the default and maximum page sizes apply', async (t) => {
  const h = await makeHarness({ pageSize: { default: 10, max: 40 } });
  t.after(() => h.close());
  await h.post(objectsUrl(), envelope(Array.from({ length: 50 }, (_, i) => coa(i + 1))));
  const first = json(await h.get(objectsUrl()));
  assert.equal((first['objects'] as unknown[]).length, 10);
  assert.equal(first['more'], true);
  const capped = json(await h.get(`${objectsUrl()}?limit=1000`));
  assert.equal((capped['objects'] as unknown[]).length, 40);
  const rest = json(await h.get(`${objectsUrl()}?limit=1000&next=${String(capped['next'])}`));
  assert.equal((rest['objects'] as unknown[]).length, 10);
  assert.equal(rest['more'], false);
});

test('a huge bundle (20,000 objects, ~4 MB) is split, validated and stored in one request', async (t) => {
  const h = await makeHarness({ maxContentLength: 64 * 1024 * 1024 });
  t.after(() => h.close());
  const count = 20_000;
  const body = envelope(Array.from({ length: count }, (_, i) => coa(i + 1, '2026-01-01T00:00:00.000Z', { description: 'x'.repeat(100) })));
  const status = json(await h.post(objectsUrl(), body));
  assert.equal(status['success_count'], count);
  assert.equal(status['failure_count'], 0);
  assert.equal(await h.store.countObjects(COLLECTIONS.shared), count);
  assert.equal(h.events.length, 1);
  assert.equal(h.events[0]?.length, count);
});
