// heldCopiesOf runs once per ingest batch: it must seek objects_by_version per (id, collection),
// never scan objects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSqliteStore } from '../../src/store/index.js';

test('heldCopiesOf seeks objects_by_version for each id, never scans objects', async () => {
  const store = await openSqliteStore({ path: ':memory:' });
  const plan = store.explainHeldCopiesOf();
  assert.ok(plan.some((s) => /SEARCH o USING INDEX objects_by_version \(collection_key=\? AND id=\?\)/.test(s)), plan.join(' | '));
  assert.ok(plan.every((s) => !/^SCAN o\b/.test(s)), plan.join(' | '));
  await store.close();
});
