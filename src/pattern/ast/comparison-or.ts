// OR of two comparison expressions.
import type { ComparisonExpression } from './node.js';
import type { Span } from './span.js';

export interface ComparisonOrNode {
  readonly kind: 'comparison-or';
  readonly left: ComparisonExpression;
  readonly right: ComparisonExpression;
  readonly span: Span;
}

export const ComparisonOrNode = Object.freeze({
  is: (node: { readonly kind: string }): node is ComparisonOrNode => node.kind === 'comparison-or',
  create: (left: ComparisonExpression, right: ComparisonExpression, span: Span): ComparisonOrNode =>
    Object.freeze({ kind: 'comparison-or', left, right, span }),
});
