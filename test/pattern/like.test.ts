import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isSetuError } from '../../src/errors/index.js';
import { likeToRegExp } from '../../src/pattern/like.js';
import { compilePattern, matchPattern, parsePattern } from '../../src/pattern/index.js';

const T = '2026-01-01T00:00:00Z';

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

test('every character that is special in a u-flag regex is literal, "-" included', () => {
  assert.equal(likeToRegExp('%.bad-host.example').test('c2.bad-host.example'), true);
  assert.equal(likeToRegExp('%.bad-host.example').test('c2.badXhost.example'), false);
  for (const ch of ['-', '/', ',', '=', '!', '<', '>', ':', '#', '&', '~', '@', "'", '"', '`', ' ']) {
    assert.equal(likeToRegExp(`a${ch}%`).test(`a${ch}b`), true, ch);
  }
});

test('% and _ span line breaks: the whole value is matched, as SQL LIKE does', () => {
  assert.equal(likeToRegExp('a%b').test('a\nb'), true);
  assert.equal(likeToRegExp('a_b').test('a\nb'), true);
  assert.equal(likeToRegExp('a_b').test('a\r\nb'), false);
  assert.equal(likeToRegExp('abc').test('abc\n'), false);
});

/** Reference semantics of LIKE, independent of any regex: code points of the NFC forms, '%' any run, '_' one. */
function referenceLike(pattern: string, value: string): boolean {
  const p = [...pattern.normalize('NFC')];
  const v = [...value.normalize('NFC')];
  // can[i][j]: p[i..] matches v[j..]
  const can: boolean[][] = Array.from({ length: p.length + 1 }, () => Array<boolean>(v.length + 1).fill(false));
  can[p.length]![v.length] = true;
  for (let i = p.length - 1; i >= 0; i--) {
    for (let j = v.length; j >= 0; j--) {
      const c = p[i];
      if (c === '%') can[i]![j] = can[i + 1]![j]! || (j < v.length && can[i]![j + 1]!);
      else can[i]![j] = j < v.length && (c === '_' || c === v[j]) && can[i + 1]![j + 1]!;
    }
  }
  return can[0]![0]!;
}

const PIECES = ['%', '_', 'a', 'b', '-', '.', '\\', '^', '$', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/', '\n', '\r', 'é', 'e\u0301', '😀', ' '];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join(''));

test('property: LIKE agrees with the reference wildcard semantics on random strings', () => {
  fc.assert(
    fc.property(text, text, (pattern, value) => {
      assert.equal(likeToRegExp(pattern).test(value.normalize('NFC')), referenceLike(pattern, value), JSON.stringify({ pattern, value }));
      // A value built from the pattern by filling its wildcards always matches.
      const filled = pattern.replace(/%/g, 'xy').replace(/_/g, 'z');
      assert.equal(likeToRegExp(pattern).test(filled.normalize('NFC')), true, JSON.stringify({ pattern, filled }));
    }),
    { numRuns: 2000 },
  );
});

const anyLiteral = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), text, fc.string({ unit: fc.constantFrom(...'\\()[]{}?*+-^$|.:=!<>PpQEAZzx0123456789#ik \n'), maxLength: 14 }));

test('property: every LIKE and MATCHES string literal compiles or fails with a SETU_ERR_PATTERN_ code, never an internal error', () => {
  fc.assert(
    fc.property(anyLiteral, fc.constantFrom('LIKE', 'MATCHES'), (literal, operator) => {
      const quoted = `'${literal.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
      const parsed = parsePattern(`[x-thing:value ${operator} ${quoted}]`);
      assert.ok(parsed.ok, quoted);
      try {
        const compiled = compilePattern(parsed.ast);
        matchPattern(compiled, [{ id: 'observed-data--1', first_observed: T, last_observed: T, number_observed: 1, objects: { '0': { type: 'x-thing', value: literal } } }], new Map());
      } catch (error) {
        assert.ok(isSetuError(error) && error.code.startsWith('SETU_ERR_PATTERN_'), `${operator} ${quoted}: ${String(error)}`);
        assert.match(error.message, /MATCHES|LIKE|regular expression/);
      }
    }),
    { numRuns: 3000 },
  );
});
