// A binary prefix trie over IP blocks (one per IP version): insert a CIDR block with a value, then
// find every value whose block contains a given address or block. This is ISSUBSET for many
// operands at once: a block B holds an observed block O when O's prefix is at least B's and their
// first B.prefix bits agree (host bits of both are ignored, as pattern/ does).
import { bitAt } from './ip.js';
import type { ParsedIp } from './ip.js';

interface TrieNode<T> {
  zero: TrieNode<T> | undefined;
  one: TrieNode<T> | undefined;
  values: T[] | undefined;
}

const node = <T>(): TrieNode<T> => ({ zero: undefined, one: undefined, values: undefined });

export class CidrTrie<T> {
  private readonly root: TrieNode<T> = node();
  private count = 0;

  get size(): number {
    return this.count;
  }

  insert(block: ParsedIp, value: T): void {
    let at = this.root;
    for (let i = 0; i < block.prefix; i++) {
      if (bitAt(block.words, i) === 0) at = at.zero ??= node();
      else at = at.one ??= node();
    }
    (at.values ??= []).push(value);
    this.count++;
  }

  /** Removes one occurrence of `value` under `block`; true when it was there. */
  remove(block: ParsedIp, value: T): boolean {
    const path: TrieNode<T>[] = [this.root];
    let at: TrieNode<T> | undefined = this.root;
    for (let i = 0; i < block.prefix && at !== undefined; i++) {
      at = bitAt(block.words, i) === 0 ? at.zero : at.one;
      if (at !== undefined) path.push(at);
    }
    const index = at?.values?.indexOf(value) ?? -1;
    if (at === undefined || index < 0) return false;
    at.values?.splice(index, 1);
    if (at.values?.length === 0) at.values = undefined;
    this.count--;
    // Prune empty leaves so long-running sets do not grow.
    for (let i = path.length - 1; i > 0; i--) {
      const child = path[i] as TrieNode<T>;
      if (child.values !== undefined || child.zero !== undefined || child.one !== undefined) break;
      const parent = path[i - 1] as TrieNode<T>;
      if (parent.zero === child) parent.zero = undefined;
      else parent.one = undefined;
    }
    return true;
  }

  /** Calls `visit` for every value whose block contains `block`. */
  containing(block: ParsedIp, visit: (value: T) => void): void {
    let at: TrieNode<T> | undefined = this.root;
    for (let i = 0; at !== undefined; i++) {
      if (at.values !== undefined) for (const value of at.values) visit(value);
      if (i >= block.prefix) break;
      at = bitAt(block.words, i) === 0 ? at.zero : at.one;
    }
  }
}
