// Maps our AST onto the reference inspector's summary (comparisons per object type, observation
// operators, qualifiers) for the STIX 2.1 cases of ../shared/conformance/patterns_inspect.json.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parsePattern } from '../../src/pattern/index.js';
import type { PatternNode } from '../../src/pattern/index.js';

const VECTORS = new URL('../../../shared/conformance/patterns_inspect.json', import.meta.url);
const FLOOR = 1.0;

interface Inspection {
  comparisons: Record<string, unknown[]>;
  observation_ops: string[];
  qualifiers: string[];
}

function inspect(node: PatternNode, into: { comparisons: Record<string, unknown[]>; ops: Set<string>; qualifiers: Set<string> }): void {
  switch (node.kind) {
    case 'pattern':
    case 'observation':
    case 'group':
      return inspect(node.expression, into);
    case 'observation-and':
    case 'observation-or':
    case 'followed-by':
      into.ops.add(node.kind === 'observation-and' ? 'AND' : node.kind === 'observation-or' ? 'OR' : 'FOLLOWEDBY');
      inspect(node.left, into);
      return inspect(node.right, into);
    case 'within':
      into.qualifiers.add(`WITHIN ${node.text} SECONDS`);
      return inspect(node.expression, into);
    case 'repeats':
      into.qualifiers.add(`REPEATS ${node.times} TIMES`);
      return inspect(node.expression, into);
    case 'start-stop':
      into.qualifiers.add(`START t'${node.start}' STOP t'${node.stop}'`);
      return inspect(node.expression, into);
    case 'comparison-and':
    case 'comparison-or':
      inspect(node.left, into);
      return inspect(node.right, into);
    case 'comparison': {
      const path = node.path.steps.map((s) => (s.type === 'key' ? s.name : s.type === 'index' ? s.index : '*'));
      const value = node.value.kind === 'set' ? `(${node.value.values.map((v) => v.text).join(',')})` : node.value.text;
      (into.comparisons[node.path.objectType] ??= []).push([path, `${node.negated ? 'NOT ' : ''}${node.operator}`, value]);
      return;
    }
    case 'exists':
    case 'object-path':
    case 'literal':
    case 'set':
      return;
  }
}

test('pattern inspector conformance (STIX 2.1 cases of patterns_inspect.json)', (t) => {
  if (!existsSync(VECTORS)) {
    t.skip('conformance vectors not found at ../shared/conformance/patterns_inspect.json');
    return;
  }
  const cases = (JSON.parse(readFileSync(VECTORS, 'utf8')) as { cases: { pattern: string; stix_version: string; inspect_result: Inspection }[] }).cases.filter(
    (c) => c.stix_version === '2.1',
  );
  let agreed = 0;
  for (const c of cases) {
    const parsed = parsePattern(c.pattern);
    assert.ok(parsed.ok, c.pattern);
    const into = { comparisons: {} as Record<string, unknown[]>, ops: new Set<string>(), qualifiers: new Set<string>() };
    inspect(parsed.ast, into);
    // The reference marks [*] with an opaque Python object; compare it as '*'.
    const expectedComparisons = JSON.parse(JSON.stringify(c.inspect_result.comparisons, (_k, v: unknown) => (v !== null && typeof v === 'object' && '__repr__' in v ? '*' : v)));
    const same =
      JSON.stringify(into.comparisons) === JSON.stringify(expectedComparisons) &&
      JSON.stringify([...into.ops].sort()) === JSON.stringify(c.inspect_result.observation_ops) &&
      JSON.stringify([...into.qualifiers].sort()) === JSON.stringify(c.inspect_result.qualifiers);
    if (same) agreed++;
    else t.diagnostic(`disagreement: ${c.pattern}`);
  }
  const rate = agreed / cases.length;
  t.diagnostic(`inspection agreement ${(rate * 100).toFixed(2)}% (${agreed}/${cases.length})`);
  assert.ok(rate >= FLOOR);
});
