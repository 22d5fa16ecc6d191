import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileRegex } from '../../src/pattern/regex.js';

test('MATCHES searches anywhere in the value', () => {
  const r = compileRegex('l+');
  assert.ok(r);
  assert.equal(r.text.test('hello'), true);
  assert.equal(compileRegex('^h.*o$')?.text.test('hello'), true);
});

test('PCRE spellings: identity escapes, named groups, \\A and \\Z', () => {
  assert.equal(compileRegex('.+\\@example\\.com$')?.text.test('jdoe@example.com'), true);
  assert.equal(compileRegex('(?P<user>\\w+)@(?P=user)')?.text.test('ab@ab'), true);
  assert.equal(compileRegex('\\Aabc\\Z')?.text.test('abc'), true);
});

test('binary values are searched byte-wise when the expression fits in bytes', () => {
  const r = compileRegex('\\x61li[c\\x01]e');
  assert.ok(r?.bytes);
  assert.equal(r.bytes.test(Buffer.from('alice').toString('latin1')), true);
  assert.equal(compileRegex('ălice')?.bytes, undefined);
});

test('an invalid expression is reported as undefined, not thrown', () => {
  assert.equal(compileRegex('(unclosed'), undefined);
});
