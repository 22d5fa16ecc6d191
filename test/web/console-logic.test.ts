// The console's pure parts: page matching, pattern layout, TLP badges from marking ids, titles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTimestamp } from '../../web/src/format.js';
import { layoutPattern } from '../../web/src/pattern-layout.js';
import { PAGE_PATHS, matchRoute } from '../../web/src/routes.js';
import { changedAt, titleOf } from '../../web/src/stix-object.js';
import { tlpLevelsOf, tlpOf } from '../../web/src/tlp.js';
import { diffVersions, oldestFirst } from '../../web/src/version-diff.js';

test('paths match their pages, with parameters decoded; anything else is not found', () => {
  assert.deepEqual(matchRoute('/'), { page: 'dashboard' });
  assert.deepEqual(matchRoute('/review'), { page: 'review' });
  assert.deepEqual(matchRoute(PAGE_PATHS.search('ip:198.51.100.0/24 kite tail')), { page: 'search', query: 'ip:198.51.100.0/24 kite tail' });
  assert.deepEqual(matchRoute(PAGE_PATHS.collection('a b/c')), { page: 'collection', collectionId: 'a b/c' });
  assert.deepEqual(matchRoute(PAGE_PATHS.object('c1', 'indicator--1')), { page: 'object', collectionId: 'c1', objectId: 'indicator--1' });
  for (const path of ['/collections', '/collections/c/objects', '/elsewhere', '/collections/c/versions/x']) assert.equal(matchRoute(path).page, 'not-found', path);
});

test('a pattern is laid out one observation and operator per line; literals and comparisons inside stay whole', () => {
  assert.equal(layoutPattern("[ipv4-addr:value = '203.0.113.45']"), "[ipv4-addr:value = '203.0.113.45']");
  assert.equal(
    layoutPattern("[domain-name:value = 'a OR b.example' AND domain-name:value != 'x'] OR [file:hashes.'SHA-256' = 'ab'] FOLLOWEDBY [url:value = 'http://c/'] WITHIN 300 SECONDS"),
    ["[domain-name:value = 'a OR b.example' AND domain-name:value != 'x']", 'OR', "[file:hashes.'SHA-256' = 'ab']", 'FOLLOWEDBY', "[url:value = 'http://c/'] WITHIN 300 SECONDS"].join('\n'),
  );
  assert.equal(layoutPattern("([a:b = 'it\\'s AND'] AND [c:d = 1])"), ["([a:b = 'it\\'s AND']", 'AND', '[c:d = 1])'].join('\n'));
});

test('TLP 2.0 and 1.0 marking ids give badges, strictest last; other markings none', () => {
  assert.equal(tlpOf('marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003'), 'amber+strict');
  assert.equal(tlpOf('marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9'), 'clear');
  assert.equal(tlpOf('marking-definition--00000000-0000-4000-8000-000000000000'), undefined);
  const object = { id: 'x--1', type: 'x', object_marking_refs: ['marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'] };
  assert.deepEqual(tlpLevelsOf(object), ['green', 'red']);
  assert.deepEqual(tlpLevelsOf({ id: 'x--1', type: 'x' }), []);
});

test('an object is titled by its name or value, else its id, and dated by modified, else created', () => {
  assert.equal(titleOf({ id: 'indicator--1', type: 'indicator', name: 'KiteTail' }), 'KiteTail');
  assert.equal(titleOf({ id: 'ipv4-addr--1', type: 'ipv4-addr', value: '203.0.113.45' }), '203.0.113.45');
  assert.equal(titleOf({ id: 'relationship--1', type: 'relationship' }), 'relationship--1');
  assert.equal(changedAt({ id: 'a--1', type: 'a', created: '2026-01-01T00:00:00Z', modified: '2026-02-01T00:00:00Z' }), '2026-02-01T00:00:00Z');
  assert.equal(changedAt({ id: 'a--1', type: 'a' }), undefined);
});

test('only STIX UTC timestamps are read as times', () => {
  assert.ok(isTimestamp('2026-02-14T06:01:00Z'));
  assert.ok(isTimestamp('2026-02-14T06:01:00.123456Z'));
  for (const value of ['2026-02-14', '2026-02-14T06:01:00+05:30', 'KiteTail', 42]) assert.ok(!isTimestamp(value), String(value));
});

test('two versions differ by the properties added, removed and changed; versions sort oldest first', () => {
  const older = { id: 'x--1', type: 'x', modified: '2026-01-01T00:00:00Z', name: 'a', labels: ['p'], revoked: false };
  const newer = { id: 'x--1', type: 'x', modified: '2026-02-01T00:00:00Z', name: 'a', labels: ['p', 'q'], confidence: 90 };
  assert.deepEqual(diffVersions(older, newer), [
    { property: 'modified', kind: 'changed', before: '2026-01-01T00:00:00Z', after: '2026-02-01T00:00:00Z' },
    { property: 'labels', kind: 'changed', before: ['p'], after: ['p', 'q'] },
    { property: 'confidence', kind: 'added', after: 90 },
    { property: 'revoked', kind: 'removed', before: false },
  ]);
  assert.deepEqual(diffVersions(older, older), []);
  assert.deepEqual(oldestFirst([newer, older]).map((v) => v.modified), ['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z']);
});
