import assert from 'node:assert/strict';
import { test } from 'node:test';
import { likeToRegExp } from '../../src/pattern/like.js';

test('% matches any run, _ exactly one character, over the whole value', () => {
  assert.equal(likeToRegExp('he%').test('hello'), true);
  assert.equal(likeToRegExp('he__o').test('hello'), true);
  assert.equal(likeToRegExp('he_o').test('hello'), false);
  assert.equal(likeToRegExp('ello').test('hello'), false);
  assert.equal(likeToRegExp('%').test(''), true);
});

test('regex metacharacters in the operand are literal', () => {
  assert.equal(likeToRegExp('a.b(c)*').test('a.b(c)*'), true);
  assert.equal(likeToRegExp('a.b').test('axb'), false);
  assert.equal(likeToRegExp('C:\\Windows\\%').test('C:\\Windows\\system32'), true);
});

test('_ matches one code point, and both sides are compared in NFC', () => {
  assert.equal(likeToRegExp('_').test('😀'), true);
  const decomposed = 'd\u0323\u0307';
  const composed = decomposed.normalize('NFC');
  assert.equal(likeToRegExp(decomposed).test(composed), true);
});
