// access/granular: fields under granular markings stricter than the object's level are removed for
// readers who lack that level; nothing else changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SETU_RECIPIENTS_EXTENSION_ID, orgIdentityId, readScopeOf, withoutHiddenFields } from '../../src/access/index.js';

const RED = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1';
const AMBER = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
const report = {
  type: 'report',
  spec_version: '2.1',
  id: 'report--00000000-0000-4000-8000-000000000001',
  created: '2026-01-01T00:00:00Z',
  modified: '2026-01-01T00:00:00Z',
  name: 'r',
  description: 'secret victim list',
  published: '2026-01-01T00:00:00Z',
  labels: ['a', 'b', 'c'],
  object_refs: ['malware--00000000-0000-4000-8000-000000000002'],
  external_references: [{ source_name: 'x', url: 'https://example.org/secret' }],
  granular_markings: [
    { marking_ref: RED, selectors: ['description', 'labels.[1]', 'external_references.[0].url'] },
    { marking_ref: AMBER, selectors: ['name'] },
  ],
  extensions: { [SETU_RECIPIENTS_EXTENSION_ID]: { extension_type: 'property-extension', recipients: [orgIdentityId('b')] } },
};

test('RED fields vanish for non-recipients; recipients and the owner see everything', () => {
  const forC = withoutHiddenFields(report, 'green', 'owner', readScopeOf('c')) as Record<string, unknown>;
  assert.equal(forC['description'], undefined);
  assert.deepEqual(forC['labels'], ['a', 'c']);
  assert.deepEqual(forC['external_references'], [{ source_name: 'x' }]);
  assert.equal(forC['name'], 'r', 'AMBER is readable by the audience');
  assert.deepEqual(forC['granular_markings'], [{ marking_ref: AMBER, selectors: ['name'] }], 'no marking names a removed field');
  assert.equal(JSON.stringify(forC).includes('secret'), false);
  assert.equal(withoutHiddenFields(report, 'green', 'owner', readScopeOf('b')), report, 'a recipient: the same object');
  assert.equal(withoutHiddenFields(report, 'green', 'owner', readScopeOf('owner')), report, 'the owner');
});

test('anonymous readers lose every field above CLEAR; a granular marking not stricter hides nothing', () => {
  const anon = withoutHiddenFields(report, 'clear', 'owner', readScopeOf(null)) as Record<string, unknown>;
  assert.equal(anon['name'], undefined);
  assert.equal(anon['description'], undefined);
  assert.equal(anon['granular_markings'], undefined);
  assert.equal(anon['id'], report.id, 'id/type/spec_version/created/modified are never removed');
  assert.equal(withoutHiddenFields(report, 'red', 'owner', readScopeOf('c')), report, 'not stricter than RED itself');
});
