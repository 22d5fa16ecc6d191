// `expr START t'..' STOP t'..'`: every bound observation lies in [start, stop).
import type { ObservationExpression } from './node.js';
import type { Span } from './span.js';

export interface StartStopNode {
  readonly kind: 'start-stop';
  readonly expression: ObservationExpression;
  /** Timestamp text between the quotes. */
  readonly start: string;
  readonly stop: string;
  readonly span: Span;
}

export const StartStopNode = Object.freeze({
  is: (node: { readonly kind: string }): node is StartStopNode => node.kind === 'start-stop',
  create: (expression: ObservationExpression, start: string, stop: string, span: Span): StartStopNode =>
    Object.freeze({ kind: 'start-stop', expression, start, stop, span }),
});
