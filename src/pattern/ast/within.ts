// `expr WITHIN n SECONDS`: all observations bound to expr fit in a window of n seconds.
import type { ObservationExpression } from './node.js';
import type { Span } from './span.js';

export interface WithinNode {
  readonly kind: 'within';
  readonly expression: ObservationExpression;
  readonly seconds: number;
  /** The number as written (int or float literal). */
  readonly text: string;
  readonly span: Span;
}

export const WithinNode = Object.freeze({
  is: (node: { readonly kind: string }): node is WithinNode => node.kind === 'within',
  create: (expression: ObservationExpression, seconds: number, text: string, span: Span): WithinNode =>
    Object.freeze({ kind: 'within', expression, seconds, text, span }),
});
