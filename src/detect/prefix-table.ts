// CIDR containment for many blocks at once, for one IP version: every block inserted with a
// value, then every value whose block contains a given address or block. This is ISSUBSET for
// many operands at once: a block B holds an observed block O when O's prefix is at least B's and
// their first B.prefix bits agree (host bits of both are ignored, as pattern/ does).
//
// It is a binary prefix trie stored by level: one hash table per prefix length in use, keyed by
// the first `length` bits. A lookup probes only the levels that hold blocks (a handful in practice)
// instead of walking up to 32 or 128 linked nodes; walking the linked trie cost about a cache miss
// per level (measured at about 1 µs per IPv4 lookup against 20,000 blocks).
import type { ParsedIp } from './ip.js';

/** The first `length` bits of an address as a map key (a 32-bit integer for IPv4). */
function prefixKey(ip: ParsedIp, length: number): number | string {
  const words = ip.words;
  if (ip.version === 4) return length === 0 ? 0 : ((words[0] as number) >>> (32 - length)) | 0;
  let key = '';
  for (let w = 0; w * 32 < length; w++) {
    const bits = Math.min(32, length - w * 32);
    key += `${((words[w] as number) >>> (32 - bits)) | 0}/`;
  }
  return key;
}

export class PrefixTable<T> {
  /** Prefix lengths in use, ascending. */
  private lengths: number[] = [];
  private readonly levels = new Map<number, Map<number | string, T[]>>();
  private count = 0;

  constructor(readonly version: 4 | 6) {}

  get size(): number {
    return this.count;
  }

  insert(block: ParsedIp, value: T): void {
    let level = this.levels.get(block.prefix);
    if (level === undefined) {
      level = new Map();
      this.levels.set(block.prefix, level);
      this.lengths = [...this.levels.keys()].sort((a, b) => a - b);
    }
    const key = prefixKey(block, block.prefix);
    const values = level.get(key);
    if (values === undefined) level.set(key, [value]);
    else values.push(value);
    this.count++;
  }

  /** Removes one occurrence of `value` under `block`; true when it was there. */
  remove(block: ParsedIp, value: T): boolean {
    const level = this.levels.get(block.prefix);
    const key = prefixKey(block, block.prefix);
    const values = level?.get(key);
    const index = values?.indexOf(value) ?? -1;
    if (level === undefined || values === undefined || index < 0) return false;
    values.splice(index, 1);
    this.count--;
    if (values.length === 0) level.delete(key);
    if (level.size === 0) {
      this.levels.delete(block.prefix);
      this.lengths = this.lengths.filter((l) => l !== block.prefix);
    }
    return true;
  }

  /** Calls `visit` for every value whose block contains `block`. */
  containing(block: ParsedIp, visit: (value: T) => void): void {
    const lengths = this.lengths;
    for (let i = 0; i < lengths.length; i++) {
      const length = lengths[i] as number;
      if (length > block.prefix) break;
      const values = this.levels.get(length)?.get(prefixKey(block, length));
      if (values !== undefined) for (const value of values) visit(value);
    }
  }
}
