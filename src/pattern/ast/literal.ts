// A constant on the right of a comparison. `value` is decoded for numbers, strings and booleans;
// for timestamp, binary and hex literals it is the text between the quotes (decoded by the compiler).
import type { Span } from './span.js';

export const LITERAL_TYPES = ['int', 'float', 'string', 'bool', 'timestamp', 'binary', 'hex'] as const;
export type LiteralType = (typeof LITERAL_TYPES)[number];

export interface LiteralNode {
  readonly kind: 'literal';
  readonly type: LiteralType;
  readonly value: number | string | boolean;
  /** The literal exactly as written in the pattern. */
  readonly text: string;
  readonly span: Span;
}

export const LiteralNode = Object.freeze({
  is: (node: { readonly kind: string }): node is LiteralNode => node.kind === 'literal',
  create: (type: LiteralType, value: number | string | boolean, text: string, span: Span): LiteralNode =>
    Object.freeze({ kind: 'literal', type, value, text, span }),
});
