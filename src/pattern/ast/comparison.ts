// `path [NOT] operator literal`: one property test inside an observation expression.
import type { LiteralNode } from './literal.js';
import type { ObjectPathNode } from './object-path.js';
import type { SetLiteralNode } from './set-literal.js';
import type { Span } from './span.js';

export const EQUALITY_OPERATORS = ['=', '!='] as const;
export const ORDER_OPERATORS = ['<', '<=', '>', '>='] as const;
export const STRING_OPERATORS = ['LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET'] as const;
export const COMPARISON_OPERATORS = [...EQUALITY_OPERATORS, ...ORDER_OPERATORS, 'IN', ...STRING_OPERATORS] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export interface ComparisonNode {
  readonly kind: 'comparison';
  readonly path: ObjectPathNode;
  readonly operator: ComparisonOperator;
  readonly negated: boolean;
  readonly value: LiteralNode | SetLiteralNode;
  readonly span: Span;
}

export const ComparisonNode = Object.freeze({
  is: (node: { readonly kind: string }): node is ComparisonNode => node.kind === 'comparison',
  create: (
    path: ObjectPathNode,
    operator: ComparisonOperator,
    negated: boolean,
    value: LiteralNode | SetLiteralNode,
    span: Span,
  ): ComparisonNode => Object.freeze({ kind: 'comparison', path, operator, negated, value, span }),
});
