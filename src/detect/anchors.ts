// What the index needs to know about a pattern: its anchors (index keys at least one of which an
// observation must hit for any bracketed observation of the pattern to be satisfied), whether the
// anchors alone decide the match (exact), and whether one event decides it (stateless).
//   anchorable comparison: not negated; a path of plain key steps (a step ending in `_ref` is
//   dereferenced inside the event; no `_refs`, list steps, `_hex`/`_bin`); `=` or IN with string
//   literals (hash-map keys), or ISSUBSET (a CIDR block in the prefix trie).
//   A AND B is anchored by either side; A OR B only when both sides are.
import type { ComparisonExpression, ComparisonKind, NodeOf, ObservationExpression, ObservationKind, Pattern } from '../pattern/index.js';
import { parseIp } from './ip.js';
import type { ParsedIp } from './ip.js';

export type Anchor =
  | { readonly kind: 'equal'; readonly type: string; readonly steps: readonly string[]; readonly value: string }
  | { readonly kind: 'cidr'; readonly type: string; readonly steps: readonly string[]; readonly block: ParsedIp };

export interface PatternPlan {
  /** Undefined when some observation has no anchor: the pattern is tried on every event holding one of `types`. */
  readonly anchors: readonly Anchor[] | undefined;
  /** The anchors decide the match: no evaluation needed after an index hit. */
  readonly exact: boolean;
  /** One observation with no qualifier: a single event decides the match. */
  readonly stateless: boolean;
  /** Every object type the pattern's comparisons name. */
  readonly types: readonly string[];
}

function indexableSteps(node: NodeOf<'comparison'>): readonly string[] | undefined {
  if (node.negated) return undefined;
  const steps: string[] = [];
  for (const [i, step] of node.path.steps.entries()) {
    if (step.type !== 'key') return undefined;
    const name = step.name;
    if (name.endsWith('_refs') || name.endsWith('_hex') || name.endsWith('_bin')) return undefined;
    if (name.endsWith('_ref') && i === node.path.steps.length - 1) return undefined;
    steps.push(name);
  }
  return steps;
}

type AnchorFn<K extends ComparisonKind> = (node: NodeOf<K>) => { anchors: Anchor[]; exact: boolean } | undefined;

const COMPARISON_ANCHORS: { [K in ComparisonKind]: AnchorFn<K> } = {
  comparison: (node) => {
    const steps = indexableSteps(node);
    if (steps === undefined) return undefined;
    const type = node.path.objectType;
    const value = node.value;
    if (node.operator === '=' && value.kind === 'literal' && value.type === 'string') {
      return { anchors: [{ kind: 'equal', type, steps, value: value.value as string }], exact: true };
    }
    if (node.operator === 'IN' && value.kind === 'set' && value.values.every((v) => v.type === 'string')) {
      return { anchors: value.values.map((v) => ({ kind: 'equal', type, steps, value: v.value as string })), exact: true };
    }
    if (node.operator === 'ISSUBSET' && value.kind === 'literal' && value.type === 'string') {
      const block = parseIp(value.value as string);
      return block === undefined ? undefined : { anchors: [{ kind: 'cidr', type, steps, block }], exact: true };
    }
    return undefined;
  },
  exists: () => undefined,
  'comparison-and': (node) => {
    const side = comparisonAnchors(node.left) ?? comparisonAnchors(node.right);
    return side === undefined ? undefined : { anchors: side.anchors, exact: false };
  },
  'comparison-or': (node) => {
    const left = comparisonAnchors(node.left);
    const right = left === undefined ? undefined : comparisonAnchors(node.right);
    if (left === undefined || right === undefined) return undefined;
    return { anchors: [...left.anchors, ...right.anchors], exact: left.exact && right.exact };
  },
};

function comparisonAnchors(node: ComparisonExpression): { anchors: Anchor[]; exact: boolean } | undefined {
  return COMPARISON_ANCHORS[node.kind](node as never);
}

function collectTypes(node: ComparisonExpression, into: Set<string>): void {
  if (node.kind === 'comparison' || node.kind === 'exists') into.add(node.path.objectType);
  else {
    collectTypes(node.left, into);
    collectTypes(node.right, into);
  }
}

const CHILDREN: { [K in ObservationKind]: (node: NodeOf<K>) => readonly ObservationExpression[] } = {
  observation: () => [],
  group: (node) => [node.expression],
  within: (node) => [node.expression],
  repeats: (node) => [node.expression],
  'start-stop': (node) => [node.expression],
  'observation-and': (node) => [node.left, node.right],
  'observation-or': (node) => [node.left, node.right],
  'followed-by': (node) => [node.left, node.right],
};

function observations(node: ObservationExpression, into: NodeOf<'observation'>[]): void {
  if (node.kind === 'observation') into.push(node);
  else for (const child of CHILDREN[node.kind](node as never)) observations(child, into);
}

function intern(anchor: Anchor, interned: Map<string, readonly string[]> | undefined): Anchor {
  if (interned === undefined) return anchor;
  const key = `${anchor.type}:${anchor.steps.join('\u0000')}`;
  const shared = interned.get(key);
  if (shared === undefined) {
    interned.set(key, anchor.steps);
    return anchor;
  }
  return { ...anchor, steps: shared };
}

function bareObservation(node: ObservationExpression): NodeOf<'observation'> | undefined {
  let at = node;
  while (at.kind === 'group') at = at.expression;
  return at.kind === 'observation' ? at : undefined;
}

/**
 * Plans a (literal-normalised) pattern. `interned` lets callers share the step lists of anchors
 * (keyed by type and path) across many patterns.
 */
export function planPattern(ast: Pattern, interned?: Map<string, readonly string[]>): PatternPlan {
  const all: NodeOf<'observation'>[] = [];
  observations(ast.expression, all);
  const types = new Set<string>();
  let anchors: Anchor[] | undefined = [];
  let exact = true;
  for (const obs of all) {
    collectTypes(obs.expression, types);
    const found = comparisonAnchors(obs.expression);
    if (found === undefined) anchors = undefined;
    else {
      for (const anchor of found.anchors) anchors?.push(intern(anchor, interned));
      exact &&= found.exact;
    }
  }
  const bare = bareObservation(ast.expression);
  return {
    anchors,
    exact: anchors !== undefined && exact && bare !== undefined,
    stateless: bare !== undefined,
    types: [...types],
  };
}
