// Prints an AST back to canonical pattern text (single spaces, upper-case operators, parentheses
// only where the tree needs them). parse(print(ast)) yields the same tree shape.
import type { ComparisonExpression, LiteralNode, NodeOf, ObjectPathNode, ObservationExpression, Pattern, SetLiteralNode } from './ast/index.js';
import type { ComparisonKind, ObservationKind } from './ast/index.js';

const IDENTIFIER = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'FOLLOWEDBY', 'LIKE', 'MATCHES', 'ISSUPERSET', 'ISSUBSET', 'EXISTS', 'LAST', 'IN', 'START', 'STOP', 'SECONDS', 'WITHIN', 'REPEATS', 'TIMES', 'true', 'false']);

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function key(name: string): string {
  return IDENTIFIER.test(name) && !KEYWORDS.has(name) ? name : quote(name);
}

export function printPath(path: ObjectPathNode): string {
  let out = `${path.objectType}:`;
  path.steps.forEach((step, i) => {
    if (step.type === 'key') out += (i === 0 ? '' : '.') + key(step.name);
    else out += step.type === 'star' ? '[*]' : `[${step.index}]`;
  });
  return out;
}

function printLiteral(literal: LiteralNode): string {
  return literal.type === 'string' ? quote(literal.value as string) : literal.text;
}

function printValue(value: LiteralNode | SetLiteralNode): string {
  return value.kind === 'set' ? `(${value.values.map(printLiteral).join(', ')})` : printLiteral(value);
}

// Binding strength, tighter is larger.
const COMPARISON_RANK: Record<ComparisonKind, number> = { 'comparison-or': 1, 'comparison-and': 2, comparison: 3, exists: 3 };
const OBSERVATION_RANK: Record<ObservationKind, number> = {
  'followed-by': 1, 'observation-or': 2, 'observation-and': 3, observation: 4, group: 4, within: 4, repeats: 4, 'start-stop': 4,
};

function comparison(node: ComparisonExpression, minRank: number): string {
  const text = COMPARISON_PRINTERS[node.kind](node as never);
  return COMPARISON_RANK[node.kind] < minRank ? `(${text})` : text;
}

const COMPARISON_PRINTERS: { [K in ComparisonKind]: (node: NodeOf<K>) => string } = {
  comparison: (n) => `${printPath(n.path)} ${n.negated ? 'NOT ' : ''}${n.operator} ${printValue(n.value)}`,
  exists: (n) => `EXISTS ${printPath(n.path)}`,
  'comparison-and': (n) => `${comparison(n.left, 2)} AND ${comparison(n.right, 3)}`,
  'comparison-or': (n) => `${comparison(n.left, 1)} OR ${comparison(n.right, 2)}`,
};

function observation(node: ObservationExpression, minRank: number): string {
  const text = OBSERVATION_PRINTERS[node.kind](node as never);
  return OBSERVATION_RANK[node.kind] < minRank ? `(${text})` : text;
}

const OBSERVATION_PRINTERS: { [K in ObservationKind]: (node: NodeOf<K>) => string } = {
  observation: (n) => `[${comparison(n.expression, 1)}]`,
  group: (n) => `(${observation(n.expression, 1)})`,
  'observation-and': (n) => `${observation(n.left, 3)} AND ${observation(n.right, 4)}`,
  'observation-or': (n) => `${observation(n.left, 2)} OR ${observation(n.right, 3)}`,
  'followed-by': (n) => `${observation(n.left, 1)} FOLLOWEDBY ${observation(n.right, 2)}`,
  within: (n) => `${observation(n.expression, 4)} WITHIN ${n.text} SECONDS`,
  repeats: (n) => `${observation(n.expression, 4)} REPEATS ${n.times} TIMES`,
  'start-stop': (n) => `${observation(n.expression, 4)} START t'${n.start}' STOP t'${n.stop}'`,
};

export function printPattern(pattern: Pattern): string {
  return observation(pattern.expression, 1);
}
