// OR of two observation expressions.
import type { ObservationExpression } from './node.js';
import type { Span } from './span.js';

export interface ObservationOrNode {
  readonly kind: 'observation-or';
  readonly left: ObservationExpression;
  readonly right: ObservationExpression;
  readonly span: Span;
}

export const ObservationOrNode = Object.freeze({
  is: (node: { readonly kind: string }): node is ObservationOrNode => node.kind === 'observation-or',
  create: (left: ObservationExpression, right: ObservationExpression, span: Span): ObservationOrNode =>
    Object.freeze({ kind: 'observation-or', left, right, span }),
});
