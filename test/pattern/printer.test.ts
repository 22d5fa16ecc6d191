import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parsePattern, printPattern } from '../../src/pattern/index.js';

function roundTrip(text: string): string {
  const first = parsePattern(text);
  assert.ok(first.ok, text);
  return printPattern(first.ast);
}

test('prints canonical text that parses to the same text again', () => {
  const cases = [
    "[file:hashes.'SHA-256' = 'aa' AND (file:name = 'a' OR file:size > 5)]",
    "([a:b = 1] AND [a:b = 2]) WITHIN 5 SECONDS",
    "[a:b = 1] OR [a:b = 2] FOLLOWEDBY [a:c NOT IN ('x', 'y')] REPEATS 2 TIMES",
    "[a:b MATCHES 'it\\'s \\\\d'] START t'2016-01-01T00:00:00Z' STOP t'2016-01-02T00:00:00Z'",
    "[EXISTS a:'AND'[*].x_y]",
  ];
  for (const text of cases) {
    const printed = roundTrip(text);
    assert.equal(roundTrip(printed), printed);
  }
  assert.equal(roundTrip('[a:b=1 OR a:c=2 AND a:d=3]'), '[a:b = 1 OR a:c = 2 AND a:d = 3]');
  assert.equal(roundTrip('[a:b = 1] AND ([a:b = 2] OR [a:b = 3])'), '[a:b = 1] AND ([a:b = 2] OR [a:b = 3])');
});

test('property: the parser never throws, whatever the input', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
      parsePattern(text);
    }),
    { seed: 20240601, numRuns: 2000 },
  );
});

const identifier = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/);
const literal = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.string({ maxLength: 8 }).map((s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`),
  fc.constantFrom('true', 'false', "t'2016-01-01T00:00:00Z'", "h'00ff'", "b'AQID'", '1.5'),
);
const comparison = fc.oneof(
  fc.tuple(identifier, identifier, fc.constantFrom('=', '!=', 'NOT ='), literal),
  fc.tuple(identifier, identifier, fc.constantFrom('<', '>=', 'NOT >'), fc.integer({ min: -99, max: 99 }).map(String)),
).map(([t, p, op, v]) => `${t}:${p} ${op} ${v}`);
const comparisonExpression = fc.array(comparison, { minLength: 1, maxLength: 3 }).chain((parts) =>
  fc.array(fc.constantFrom(' AND ', ' OR '), { minLength: parts.length - 1, maxLength: parts.length - 1 }).map((ops) =>
    parts.reduce((acc, part, i) => acc + (i === 0 ? '' : ops[i - 1]) + part, ''),
  ),
);
const observation = fc.tuple(comparisonExpression, fc.constantFrom('', ' WITHIN 5 SECONDS', ' REPEATS 2 TIMES')).map(([c, q]) => `[${c}]${q}`);
const patternText = fc.array(observation, { minLength: 1, maxLength: 4 }).chain((parts) =>
  fc.array(fc.constantFrom(' AND ', ' OR ', ' FOLLOWEDBY '), { minLength: parts.length - 1, maxLength: parts.length - 1 }).map((ops) =>
    parts.reduce((acc, part, i) => acc + (i === 0 ? '' : ops[i - 1]) + part, ''),
  ),
);

test('property: parse -> print -> parse is stable', () => {
  fc.assert(
    fc.property(patternText, (text) => {
      const printed = roundTrip(text);
      assert.equal(roundTrip(printed), printed);
    }),
    { seed: 42, numRuns: 500 },
  );
});
