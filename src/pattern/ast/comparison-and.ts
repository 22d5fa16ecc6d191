// AND of two comparison expressions (same object must satisfy both).
import type { ComparisonExpression } from './node.js';
import type { Span } from './span.js';

export interface ComparisonAndNode {
  readonly kind: 'comparison-and';
  readonly left: ComparisonExpression;
  readonly right: ComparisonExpression;
  readonly span: Span;
}

export const ComparisonAndNode = Object.freeze({
  is: (node: { readonly kind: string }): node is ComparisonAndNode => node.kind === 'comparison-and',
  create: (left: ComparisonExpression, right: ComparisonExpression, span: Span): ComparisonAndNode =>
    Object.freeze({ kind: 'comparison-and', left, right, span }),
});
