// `type:property.key[0].other[*]`: an object type and the steps into the object.
import type { Span } from './span.js';

export type PathStep =
  | { readonly type: 'key'; readonly name: string; readonly quoted: boolean }
  | { readonly type: 'index'; readonly index: number }
  | { readonly type: 'star' };

export interface ObjectPathNode {
  readonly kind: 'object-path';
  readonly objectType: string;
  /** The first step is always a key (the top-level property). */
  readonly steps: readonly PathStep[];
  readonly span: Span;
}

export const ObjectPathNode = Object.freeze({
  is: (node: { readonly kind: string }): node is ObjectPathNode => node.kind === 'object-path',
  create: (objectType: string, steps: readonly PathStep[], span: Span): ObjectPathNode =>
    Object.freeze({ kind: 'object-path', objectType, steps: Object.freeze(steps.map((s) => Object.freeze({ ...s }))), span }),
});
