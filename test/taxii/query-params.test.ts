import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeCursor } from '../../src/taxii/cursor.js';
import { FILTER_PARAMS, parseFilters } from '../../src/taxii/query-params.js';

const PAGE = { default: 100, max: 500 };

test('every filter parsed into store query parts', () => {
  const parsed = parseFilters(
    {
      added_after: '2026-01-01T00:00:00Z',
      limit: '1000',
      next: encodeCursor(42),
      'match[id]': 'indicator--00000000-0000-4000-8000-000000000001,indicator--00000000-0000-4000-8000-000000000001',
      'match[type]': ['indicator', 'malware,sighting'],
      'match[version]': 'first,2026-01-02T03:04:05.5Z,all',
      'match[spec_version]': '2.1',
      unrelated: 'ignored',
    },
    FILTER_PARAMS,
    PAGE,
  );
  assert.deepEqual(parsed, {
    limit: 500,
    addedAfter: '2026-01-01T00:00:00.000000Z',
    afterSeq: 42,
    ids: ['indicator--00000000-0000-4000-8000-000000000001'],
    types: ['indicator', 'malware', 'sighting'],
    versions: [{ kind: 'first' }, { kind: 'at', timestamp: '2026-01-02T03:04:05.500000Z' }, { kind: 'all' }],
    specVersions: ['2.1'],
  });
});

test('filters an endpoint does not honour are ignored; defaults apply', () => {
  assert.deepEqual(parseFilters({ 'match[id]': 'bad id', limit: '7' }, ['limit'], PAGE), { limit: 7 });
  assert.deepEqual(parseFilters(undefined, FILTER_PARAMS, PAGE), { limit: 100 });
});
