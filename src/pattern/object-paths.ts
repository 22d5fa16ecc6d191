// Every object path a pattern tests (`type:property...`), in source order. Used by callers that
// police names (the STIX validator's custom-prefix rules) without walking the AST themselves.
import type { NodeKind, NodeOf, PatternNode } from './ast/node.js';
import type { ObjectPathNode } from './ast/object-path.js';

type Collector = { [K in NodeKind]: (node: NodeOf<K>, out: ObjectPathNode[]) => void };

const none = (): void => {};

const COLLECT: Collector = {
  pattern: (node, out) => collect(node.expression, out),
  observation: (node, out) => collect(node.expression, out),
  group: (node, out) => collect(node.expression, out),
  within: (node, out) => collect(node.expression, out),
  repeats: (node, out) => collect(node.expression, out),
  'start-stop': (node, out) => collect(node.expression, out),
  'observation-and': (node, out) => (collect(node.left, out), collect(node.right, out)),
  'observation-or': (node, out) => (collect(node.left, out), collect(node.right, out)),
  'followed-by': (node, out) => (collect(node.left, out), collect(node.right, out)),
  'comparison-and': (node, out) => (collect(node.left, out), collect(node.right, out)),
  'comparison-or': (node, out) => (collect(node.left, out), collect(node.right, out)),
  exists: (node, out) => collect(node.path, out),
  comparison: (node, out) => collect(node.path, out),
  'object-path': (node, out) => {
    out.push(node);
  },
  literal: none,
  set: none,
};

function collect(node: PatternNode, out: ObjectPathNode[]): void {
  COLLECT[node.kind](node as never, out);
}

export function objectPaths(root: PatternNode): ObjectPathNode[] {
  const out: ObjectPathNode[] = [];
  collect(root, out);
  return out;
}
