// `EXISTS path`: true when the path selects at least one value.
import type { ObjectPathNode } from './object-path.js';
import type { Span } from './span.js';

export interface ExistsNode {
  readonly kind: 'exists';
  readonly path: ObjectPathNode;
  readonly span: Span;
}

export const ExistsNode = Object.freeze({
  is: (node: { readonly kind: string }): node is ExistsNode => node.kind === 'exists',
  create: (path: ObjectPathNode, span: Span): ExistsNode => Object.freeze({ kind: 'exists', path, span }),
});
