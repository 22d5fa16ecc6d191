// `( observation expressions )`: kept in the tree because qualifier rules depend on it.
import type { ObservationExpression } from './node.js';
import type { Span } from './span.js';

export interface GroupNode {
  readonly kind: 'group';
  readonly expression: ObservationExpression;
  readonly span: Span;
}

export const GroupNode = Object.freeze({
  is: (node: { readonly kind: string }): node is GroupNode => node.kind === 'group',
  create: (expression: ObservationExpression, span: Span): GroupNode =>
    Object.freeze({ kind: 'group', expression, span }),
});
