// The read predicate keeps paging index-driven: every page shape, for an organisation and for an
// anonymous reader, is answered through indexes (no scan of objects), the outer walk stays in seq
// order (no sort), and the recipients probe is a primary-key search.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readScopeOf } from '../../src/access/index.js';
import { openSqliteStore, type ObjectQuery } from '../../src/store/index.js';

test('every page shape with a reader is answered through indexes, never a scan of objects', async () => {
  const store = await openSqliteStore({ path: ':memory:' });
  for (const reader of [readScopeOf('org-a'), readScopeOf(null)]) {
    const base: ObjectQuery = { collectionId: 'c1', limit: 100, withJson: true, reader };
    const shapes: ObjectQuery[] = [
      base,
      { ...base, withJson: false },
      { ...base, afterSeq: 10 },
      { ...base, addedAfter: '2025-01-01T00:00:00Z' },
      { ...base, types: ['indicator'] },
      { ...base, ids: ['indicator--1'] },
      { ...base, ids: ['indicator--1'], versions: [{ kind: 'all' }] },
      { ...base, versions: [{ kind: 'first' }, { kind: 'last' }], specVersions: ['2.0', '2.1'] },
    ];
    for (const shape of shapes) {
      const plan = store.explainQuery(shape);
      const where = `${JSON.stringify(shape)}: ${plan.join(' | ')}`;
      assert.ok(plan.every((step) => !/^SCAN (o|x|d)\b/.test(step)), where);
      assert.ok(plan.every((step) => !/SCAN r\b/.test(step)), `recipients probed by key: ${where}`);
      if (shape.ids === undefined && shape.specVersions === undefined) assert.ok(!plan.some((s) => s.includes('TEMP B-TREE')), `no sort: ${where}`);
    }
  }
  await store.close();
});

test('heldCopies (run for every object an organisation posts) seeks objects_by_version per collection, never scans objects', async () => {
  const store = await openSqliteStore({ path: ':memory:' });
  const plan = store.explainHeldCopies();
  assert.ok(plan.some((s) => /SEARCH o USING INDEX objects_by_version/.test(s)), plan.join(' | '));
  assert.ok(plan.every((s) => !/^SCAN o\b/.test(s)), plan.join(' | '));
  await store.close();
});
