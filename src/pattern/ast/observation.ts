// `[ comparison expression ]`: matched against the objects of one observation.
import type { ComparisonExpression } from './node.js';
import type { Span } from './span.js';

export interface ObservationNode {
  readonly kind: 'observation';
  readonly expression: ComparisonExpression;
  readonly span: Span;
}

export const ObservationNode = Object.freeze({
  is: (node: { readonly kind: string }): node is ObservationNode => node.kind === 'observation',
  create: (expression: ComparisonExpression, span: Span): ObservationNode =>
    Object.freeze({ kind: 'observation', expression, span }),
});
