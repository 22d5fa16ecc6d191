// `( literal, literal, ... )`, the right operand of IN (may be empty).
import type { LiteralNode } from './literal.js';
import type { Span } from './span.js';

export interface SetLiteralNode {
  readonly kind: 'set';
  readonly values: readonly LiteralNode[];
  readonly span: Span;
}

export const SetLiteralNode = Object.freeze({
  is: (node: { readonly kind: string }): node is SetLiteralNode => node.kind === 'set',
  create: (values: readonly LiteralNode[], span: Span): SetLiteralNode =>
    Object.freeze({ kind: 'set', values: Object.freeze([...values]), span }),
});
