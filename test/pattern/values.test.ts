import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareValues, decodeBase64, decodeHex, equalValues, Timestamp } from '../../src/pattern/values.js';

test('numbers compare across int and float; other types never equal numbers', () => {
  assert.equal(equalValues(12, 12.0), true);
  assert.equal(compareValues(5, 4.9), 1);
  assert.equal(equalValues(true, 1), false);
  assert.equal(equalValues('5', 5), false);
  assert.equal(compareValues('5', 5), undefined);
});

test('booleans equal booleans only and are not ordered', () => {
  assert.equal(equalValues(true, true), true);
  assert.equal(equalValues(1, true), false);
  assert.equal(compareValues(true, 'x'), undefined);
});

test('strings order by code point', () => {
  assert.ok((compareValues('hello', 'alice') ?? 0) > 0);
  assert.ok((compareValues('\u{1F600}', '\uFFFF') ?? 0) > 0);
});

test('binary compares with binary, and with strings whose code points fit in a byte', () => {
  const alice = new Uint8Array(Buffer.from('alice'));
  assert.equal(equalValues(alice, 'alice'), true);
  assert.equal(equalValues('alice', alice), true);
  assert.equal(compareValues(alice, 'ălice'), undefined);
  assert.ok((compareValues(alice, decodeHex('616172647661726b') as Uint8Array) ?? 0) > 0);
  assert.deepEqual(decodeBase64('AQIDBA=='), new Uint8Array([1, 2, 3, 4]));
  assert.equal(decodeBase64('===='), undefined);
  assert.equal(decodeHex('abc'), undefined);
});

test('timestamps compare as instants', () => {
  assert.equal(compareValues(new Timestamp(5n), new Timestamp(7n)), -1);
  assert.equal(equalValues(new Timestamp(5n), new Timestamp(5n)), true);
  assert.equal(compareValues('2016-01-01T00:00:00Z', new Timestamp(0n)), undefined);
});
