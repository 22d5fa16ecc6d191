// The root of a parsed pattern.
import type { ObservationExpression } from './node.js';
import type { Span } from './span.js';

export interface Pattern {
  readonly kind: 'pattern';
  readonly expression: ObservationExpression;
  readonly span: Span;
}

export const Pattern = Object.freeze({
  is: (node: { readonly kind: string }): node is Pattern => node.kind === 'pattern',
  create: (expression: ObservationExpression, span: Span): Pattern => Object.freeze({ kind: 'pattern', expression, span }),
});
