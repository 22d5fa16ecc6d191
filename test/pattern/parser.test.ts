import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePattern } from '../../src/pattern/index.js';
import type { ComparisonNode, ObservationExpression, Pattern } from '../../src/pattern/index.js';

function parse(text: string): Pattern {
  const result = parsePattern(text);
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.ast;
}

function error(text: string) {
  const result = parsePattern(text);
  assert.equal(result.ok, false, `expected a syntax error in ${text}`);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

function firstComparison(expression: ObservationExpression): ComparisonNode {
  assert.equal(expression.kind, 'observation');
  if (expression.kind !== 'observation') throw new Error('unreachable');
  assert.equal(expression.expression.kind, 'comparison');
  return expression.expression as ComparisonNode;
}

test('every comparison operator parses, with optional NOT', () => {
  for (const op of ['=', '!=', '<', '<=', '>', '>=']) {
    assert.equal(firstComparison(parse(`[file:size ${op} 10]`).expression).operator, op);
    assert.equal(firstComparison(parse(`[file:size NOT ${op} 10]`).expression).negated, true);
  }
  for (const op of ['LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET']) {
    assert.equal(firstComparison(parse(`[a:b ${op} 'x']`).expression).operator, op);
  }
  const inNode = firstComparison(parse('[a:b NOT IN (1, 2.5, -3)]').expression);
  assert.equal(inNode.operator, 'IN');
  assert.equal(inNode.value.kind, 'set');
  assert.equal(parse('[EXISTS a:b.c]').expression.kind, 'observation');
});

test('literal types are decoded', () => {
  const values = ["'it\\'s'", '-4', '2.5', 'true', "t'2016-01-01T00:00:00Z'", "b'AQID'", "h'0aff'"].map(
    (lit) => firstComparison(parse(`[a:b = ${lit}]`).expression).value,
  );
  assert.deepEqual(
    values.map((v) => (v.kind === 'literal' ? [v.type, v.value] : [])),
    [['string', "it's"], ['int', -4], ['float', 2.5], ['bool', true], ['timestamp', '2016-01-01T00:00:00Z'], ['binary', 'AQID'], ['hex', '0aff']],
  );
});

test('object paths: quoted keys, indices, [*], references', () => {
  const path = firstComparison(parse("[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]").expression).path;
  assert.equal(path.objectType, 'file');
  assert.deepEqual(path.steps, [
    { type: 'key', name: 'extensions', quoted: false },
    { type: 'key', name: 'windows-pebinary-ext', quoted: true },
    { type: 'key', name: 'sections', quoted: false },
    { type: 'star' },
    { type: 'key', name: 'entropy', quoted: false },
  ]);
  assert.deepEqual(firstComparison(parse("[a:'has.dot'[-1] = 1]").expression).path.steps[1], { type: 'index', index: -1 });
});

test('observation precedence: AND over OR over FOLLOWEDBY; qualifiers bind to the nearest observation', () => {
  const ast = parse('[a:b = 1] AND [a:b = 2] OR [a:b = 3] FOLLOWEDBY [a:b = 4] WITHIN 5 SECONDS');
  assert.equal(ast.expression.kind, 'followed-by');
  if (ast.expression.kind !== 'followed-by') return;
  assert.equal(ast.expression.left.kind, 'observation-or');
  assert.equal(ast.expression.right.kind, 'within');
  const grouped = parse('([a:b = 1] AND [a:b = 2]) REPEATS 2 TIMES START t\'2016-01-01T00:00:00Z\' STOP t\'2016-01-02T00:00:00Z\'');
  assert.equal(grouped.expression.kind, 'start-stop');
});

test('comparison precedence: AND binds tighter than OR inside brackets', () => {
  const ast = parse('[a:b = 1 OR a:c = 2 AND a:d = 3]');
  if (ast.expression.kind !== 'observation') assert.fail('not an observation');
  assert.equal(ast.expression.expression.kind, 'comparison-or');
});

test('errors give line, column and what was expected', () => {
  const missing = error('[file:size = ]');
  assert.deepEqual([missing.line, missing.column], [1, 14]);
  assert.ok(missing.expected?.includes('StringLiteral'));
  const within = error("[a:b = 'x'] WITHIN 5 HOURS");
  assert.deepEqual([within.column, within.expected], [22, ["'SECONDS'"]]);
  const negative = error("[a:b = 'x'] WITHIN -5 SECONDS");
  assert.deepEqual(negative.expected, ['IntPosLiteral', 'FloatPosLiteral']);
  const multiline = error('[a:b = 1]\nAND\n[a:b 1]');
  assert.deepEqual([multiline.line, multiline.column], [3, 6]);
  const brackets = error('file:size = 1280');
  assert.deepEqual([brackets.column, brackets.expected], [1, ["'['", "'('"]]);
  assert.equal(error('[a:b = 1] within 2 seconds').column, 11);
  assert.equal(error("[a:b LIKE 1]").expected?.[0], 'StringLiteral');
  assert.equal(error("[a:needs-quotes = 1]").column, 4);
  assert.equal(error("[a:b = t'2024-13-01T00:00:00Z']").column, 8);
});

test('the AST is immutable', () => {
  const ast = parse('[a:b = 1]');
  assert.ok(Object.isFrozen(ast));
  assert.ok(Object.isFrozen(ast.expression));
});
