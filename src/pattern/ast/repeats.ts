// `expr REPEATS n TIMES`: n disjoint bindings of expr.
import type { ObservationExpression } from './node.js';
import type { Span } from './span.js';

export interface RepeatsNode {
  readonly kind: 'repeats';
  readonly expression: ObservationExpression;
  readonly times: number;
  readonly span: Span;
}

export const RepeatsNode = Object.freeze({
  is: (node: { readonly kind: string }): node is RepeatsNode => node.kind === 'repeats',
  create: (expression: ObservationExpression, times: number, span: Span): RepeatsNode =>
    Object.freeze({ kind: 'repeats', expression, times, span }),
});
