// FOLLOWEDBY: the right side is observed no earlier than the left side.
import type { ObservationExpression } from './node.js';
import type { Span } from './span.js';

export interface FollowedByNode {
  readonly kind: 'followed-by';
  readonly left: ObservationExpression;
  readonly right: ObservationExpression;
  readonly span: Span;
}

export const FollowedByNode = Object.freeze({
  is: (node: { readonly kind: string }): node is FollowedByNode => node.kind === 'followed-by',
  create: (left: ObservationExpression, right: ObservationExpression, span: Span): FollowedByNode =>
    Object.freeze({ kind: 'followed-by', left, right, span }),
});
