import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from '../../src/pattern/lexer.js';

function types(text: string): string[] {
  const result = tokenize(text);
  assert.ok(result.ok, text);
  return result.tokens.map((t) => t.type);
}

test('keywords are upper case only; lower case words are identifiers', () => {
  assert.deepEqual(types('AND within'), ['AND', 'IdentifierWithoutHyphen', 'EOF']);
  assert.deepEqual(types('true false'), ['BoolLiteral', 'BoolLiteral', 'EOF']);
});

test('identifiers with and without hyphen', () => {
  assert.deepEqual(types('file x-usb-device'), ['IdentifierWithoutHyphen', 'IdentifierWithHyphen', 'EOF']);
});

test('numeric literals: signs, floats without leading digit', () => {
  assert.deepEqual(types('5 -4 +3 .0001 -1.5 0'), ['IntPosLiteral', 'IntNegLiteral', 'IntPosLiteral', 'FloatPosLiteral', 'FloatNegLiteral', 'IntPosLiteral', 'EOF']);
});

test('prefixed literals must be well formed, else the prefix is an identifier', () => {
  assert.deepEqual(types("t'2016-01-01T00:00:00Z' b'AQID' h'0aff'"), ['TimestampLiteral', 'BinaryLiteral', 'HexLiteral', 'EOF']);
  assert.deepEqual(types("t'2016-13-01T00:00:00Z'"), ['IdentifierWithoutHyphen', 'StringLiteral', 'EOF']);
  assert.deepEqual(types("b'===='"), ['IdentifierWithoutHyphen', 'StringLiteral', 'EOF']);
  assert.deepEqual(types("h'abc'"), ['IdentifierWithoutHyphen', 'StringLiteral', 'EOF']);
});

test('string literals allow only \\\' and \\\\ escapes', () => {
  assert.deepEqual(types("'it\\'s' 'a\\\\b'"), ['StringLiteral', 'StringLiteral', 'EOF']);
  const bad = tokenize("'a\\nb'");
  assert.equal(bad.ok, false);
});

test('operators, including the == and <> spellings', () => {
  assert.deepEqual(types('= == != <> < <= > >='), ['EQ', 'EQ', 'NEQ', 'NEQ', 'LT', 'LE', 'GT', 'GE', 'EOF']);
});

test('whitespace and comments are skipped; positions are 1-based line and column', () => {
  const result = tokenize('/* c */ [\n  // note\n  a:b');
  assert.ok(result.ok);
  const [bracket, a] = result.tokens;
  assert.deepEqual([bracket?.line, bracket?.column], [1, 9]);
  assert.deepEqual([a?.line, a?.column], [3, 3]);
});

test('an unknown character is a lexical error with its position', () => {
  const result = tokenize('[a:b = 1] @');
  assert.equal(result.ok, false);
  if (!result.ok) assert.deepEqual([result.error.line, result.error.column], [1, 11]);
});
