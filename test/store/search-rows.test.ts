// store/search-rows.ts: what the indexes hold for one version. Its words are wordsOf's words (the
// regular-expression fast path for text without Japanese is checked against wordsOf by property,
// NFKC included: ㉄ is 問); Japanese text is kept whole for the substring index; evidence
// references of sightings and observed-data; one row per (kind, value); no object, no rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { wordsOf } from '../../src/search/index.js';
import { isCjkWord, searchRowsOf } from '../../src/store/search-rows.js';

test('the words stored are wordsOf of the name and of the other text fields', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (name, description) => {
      const rows = searchRowsOf(JSON.stringify({ type: 'note', name, description }));
      assert.equal(rows.name, name.trim() === '' ? '' : wordsOf(name).join(' '));
      assert.equal(rows.body, description.trim() === '' ? '' : wordsOf(description).join(' '));
    }),
    { numRuns: 3000, seed: 20261206 },
  );
  for (const text of ['㉄¹', '〆㉈', 'APT29による攻撃', 'नमस्ते दुनिया', 'Ｌａｔｅｒａｌ movement']) {
    assert.equal(searchRowsOf(JSON.stringify({ type: 'note', name: text })).name, wordsOf(text).join(' '), text);
  }
});

test('Japanese text is kept whole (normalised) for the substring index; other text is not', () => {
  const ja = searchRowsOf(JSON.stringify({ type: 'report', name: '東京電力の攻撃', description: 'ＡＰＴ29' }));
  assert.equal(ja.cjk, '東京電力の攻撃\napt29');
  assert.equal(ja.name, '東京電力 の 攻撃');
  assert.equal(searchRowsOf(JSON.stringify({ type: 'report', name: 'साइबर हमला' })).cjk, null);
  assert.equal(searchRowsOf(JSON.stringify({ type: 'note', content: '㉄' })).cjk, '問');
  assert.ok(isCjkWord('攻撃') && isCjkWord('々') && !isCjkWord('हमला') && !isCjkWord('apt29'));
});

test('terms once per kind and value; evidence references of sightings and observed-data; no object, no rows', () => {
  const indicator = searchRowsOf(JSON.stringify({ type: 'indicator', pattern: "[ipv4-addr:value = '198.51.100.7'] OR [ipv4-addr:value = '198.51.100.7']", pattern_type: 'stix' }));
  assert.deepEqual(indicator.terms.map((t) => [t.kind, t.value]), [['ipv4', '198.51.100.7']]);
  const sighting = searchRowsOf(JSON.stringify({ type: 'sighting', observed_data_refs: ['observed-data--1', 'observed-data--1', 'observed-data--2'], where_sighted_refs: ['identity--1'] }));
  assert.deepEqual(sighting.terms, [
    { kind: 'evidence', value: 'observed-data--1', source: '$.observed_data_refs[0]' },
    { kind: 'evidence', value: 'observed-data--2', source: '$.observed_data_refs[2]' },
  ]);
  const observed = searchRowsOf(JSON.stringify({ type: 'observed-data', object_refs: ['ipv4-addr--1'] }));
  assert.deepEqual(observed.terms.map((t) => t.kind), ['evidence']);
  // A report's object_refs are no evidence.
  assert.deepEqual(searchRowsOf(JSON.stringify({ type: 'report', object_refs: ['ipv4-addr--1'] })).terms, []);
  for (const json of ['not json', '[]', 'null', '42']) assert.deepEqual(searchRowsOf(json), { terms: [], name: '', body: '', cjk: null }, json);
});
