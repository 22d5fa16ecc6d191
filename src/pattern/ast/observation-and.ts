// AND of two observation expressions (distinct observations).
import type { ObservationExpression } from './node.js';
import type { Span } from './span.js';

export interface ObservationAndNode {
  readonly kind: 'observation-and';
  readonly left: ObservationExpression;
  readonly right: ObservationExpression;
  readonly span: Span;
}

export const ObservationAndNode = Object.freeze({
  is: (node: { readonly kind: string }): node is ObservationAndNode => node.kind === 'observation-and',
  create: (left: ObservationExpression, right: ObservationExpression, span: Span): ObservationAndNode =>
    Object.freeze({ kind: 'observation-and', left, right, span }),
});
