// The index proper: anchors of the active indicators, per object type and property path. String
// equality lives in hash maps (each behind a KeyFilter), ISSUBSET blocks in per-length prefix
// tables per IP version, unanchored patterns in a list per object type. `select` is the hot path:
// one lookup per SCO of an event, each selected indicator reported once per event (by stamp).
import type { Anchor } from './anchors.js';
import type { CompiledIndicator } from './compiled-indicator.js';
import { resolveRef } from './event.js';
import type { Sco } from './event.js';
import { parseIp, parseV4Address } from './ip.js';
import { KeyFilter } from './key-filter.js';
import { PrefixTable } from './prefix-table.js';

type PathReader = (sco: Sco, scos: readonly Sco[]) => unknown;

interface EqualPath {
  readonly steps: readonly string[];
  readonly read: PathReader;
  readonly values: Map<string, CompiledIndicator[]>;
  readonly filter: KeyFilter;
}

interface CidrPath {
  readonly steps: readonly string[];
  readonly read: PathReader;
  readonly v4: PrefixTable<CompiledIndicator>;
  readonly v6: PrefixTable<CompiledIndicator>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows key steps from one SCO (a step ending in _ref is dereferenced inside the event). */
export function readPath(sco: Sco, steps: readonly string[], scos: readonly Sco[]): unknown {
  let value: unknown = sco;
  for (const name of steps) {
    if (!isPlainObject(value) || !Object.hasOwn(value, name)) return undefined;
    value = value[name];
    if (name.endsWith('_ref')) value = resolveRef(scos, value);
  }
  return value;
}

/**
 * A reader for one path. A one-step path reads the property directly: an inherited property is
 * never a string, and only string values can equal a string literal or parse as an IP block.
 */
function pathReader(steps: readonly string[]): PathReader {
  const [head, tail] = steps;
  if (steps.length === 1 && head !== undefined && !head.endsWith('_ref')) return (sco) => sco[head];
  if (steps.length === 2 && head !== undefined && tail !== undefined && head.endsWith('_ref') && !tail.endsWith('_ref')) {
    // `dst_ref.value`: the referenced object is an SCO of the same event (a plain object).
    return (sco, scos) => resolveRef(scos, sco[head])?.[tail];
  }
  return (sco, scos) => readPath(sco, steps, scos);
}

interface TypeIndex {
  readonly equal: readonly EqualPath[];
  readonly cidr: readonly CidrPath[];
  readonly unanchored: readonly CompiledIndicator[];
}

const pathKey = (type: string, steps: readonly string[]): string => `${type}:${steps.join('\u0000')}`;

export class AnchorIndex {
  private readonly equal = new Map<string, EqualPath[]>();
  private readonly cidr = new Map<string, CidrPath[]>();
  private readonly unanchored = new Map<string, CompiledIndicator[]>();
  /** The three lists above per object type, for one lookup per SCO on the hot path. */
  private readonly byType = new Map<string, TypeIndex>();
  private readonly equalPaths = new Map<string, EqualPath>();
  private readonly cidrPaths = new Map<string, CidrPath>();

  /** Unregisters an indicator added earlier. */
  delete(entry: CompiledIndicator): void {
    const { anchors, types } = entry.plan;
    if (anchors === undefined) {
      for (const type of types) this.dropFrom(this.unanchored, type, entry);
      return;
    }
    for (const anchor of anchors) this.unregisterAnchor(anchor, entry);
  }

  /** Registers an indicator under its anchors (or its types, when it has none). */
  add(entry: CompiledIndicator): void {
    const { anchors, types } = entry.plan;
    if (anchors === undefined) {
      for (const type of types) {
        const list = this.unanchored.get(type);
        if (list === undefined) {
          this.unanchored.set(type, [entry]);
          this.refresh(type);
        } else list.push(entry);
      }
      return;
    }
    for (const anchor of anchors) this.registerAnchor(anchor, entry);
  }

  private registerAnchor(anchor: Anchor, entry: CompiledIndicator): void {
    const key = pathKey(anchor.type, anchor.steps);
    if (anchor.kind === 'equal') {
      let path = this.equalPaths.get(key);
      if (path === undefined) {
        path = { steps: anchor.steps, read: pathReader(anchor.steps), values: new Map(), filter: new KeyFilter() };
        this.equalPaths.set(key, path);
        const list = this.equal.get(anchor.type);
        if (list === undefined) {
          this.equal.set(anchor.type, [path]);
          this.refresh(anchor.type);
        } else list.push(path);
      }
      const holders = path.values.get(anchor.value);
      if (holders === undefined) {
        path.values.set(anchor.value, [entry]);
        const values = path.values;
        path.filter.add(anchor.value, () => values.keys());
      } else holders.push(entry);
      return;
    }
    let path = this.cidrPaths.get(key);
    if (path === undefined) {
      path = { steps: anchor.steps, read: pathReader(anchor.steps), v4: new PrefixTable(4), v6: new PrefixTable(6) };
      this.cidrPaths.set(key, path);
      const list = this.cidr.get(anchor.type);
      if (list === undefined) {
        this.cidr.set(anchor.type, [path]);
        this.refresh(anchor.type);
      } else list.push(path);
    }
    (anchor.block.version === 4 ? path.v4 : path.v6).insert(anchor.block, entry);
  }

  private unregisterAnchor(anchor: Anchor, entry: CompiledIndicator): void {
    const key = pathKey(anchor.type, anchor.steps);
    if (anchor.kind === 'equal') {
      const path = this.equalPaths.get(key);
      const holders = path?.values.get(anchor.value);
      if (path === undefined || holders === undefined) return;
      const left = holders.filter((e) => e !== entry);
      if (left.length > 0) path.values.set(anchor.value, left);
      else path.values.delete(anchor.value);
      if (path.values.size === 0) {
        this.equalPaths.delete(key);
        this.dropFrom(this.equal, anchor.type, path);
      }
      return;
    }
    const path = this.cidrPaths.get(key);
    if (path === undefined) return;
    const trie = anchor.block.version === 4 ? path.v4 : path.v6;
    while (trie.remove(anchor.block, entry));
    if (path.v4.size === 0 && path.v6.size === 0) {
      this.cidrPaths.delete(key);
      this.dropFrom(this.cidr, anchor.type, path);
    }
  }

  private dropFrom<T>(map: Map<string, T[]>, type: string, item: T): void {
    const list = map.get(type);
    if (list === undefined) return;
    const left = list.filter((x) => x !== item);
    if (left.length > 0) map.set(type, left);
    else map.delete(type);
    this.refresh(type);
  }

  /** Re-points the per-type record after a list of `type` was created or replaced. */
  private refresh(type: string): void {
    const equal = this.equal.get(type);
    const cidr = this.cidr.get(type);
    const unanchored = this.unanchored.get(type);
    if (equal === undefined && cidr === undefined && unanchored === undefined) this.byType.delete(type);
    else this.byType.set(type, { equal: equal ?? [], cidr: cidr ?? [], unanchored: unanchored ?? [] });
  }

  /** A fresh serial for one event: indicators it selects are stamped with it. */
  /**
   * Pushes onto `out` every indicator the event's SCOs select, each once: index hits for anchored
   * patterns, and unanchored patterns naming a type the event holds.
   */
  select(scos: readonly Sco[], serial: number, out: CompiledIndicator[]): void {
    this.markSerial = serial;
    this.markOut = out;
    for (let i = 0; i < scos.length; i++) {
      const sco = scos[i] as Sco;
      const index = this.byType.get(sco.type);
      if (index === undefined) continue;
      for (const path of index.equal) {
        const value = path.read(sco, scos);
        if (typeof value !== 'string' || !path.filter.mightHave(value)) continue;
        const holders = path.values.get(value);
        if (holders === undefined) continue;
        for (const entry of holders) {
          if (entry.stamp === serial) continue;
          entry.stamp = serial;
          out.push(entry);
        }
      }
      for (const path of index.cidr) {
        const value = path.read(sco, scos);
        if (typeof value !== 'string') continue;
        // Most observed values are bare IPv4 addresses: test them without building a ParsedIp.
        const v4 = path.v4.size > 0 ? parseV4Address(value) : -1;
        if (v4 >= 0) {
          path.v4.containingV4(v4, this.mark);
          continue;
        }
        const ip = parseIp(value);
        if (ip !== undefined) (ip.version === 4 ? path.v4 : path.v6).containing(ip, this.mark);
      }
      for (const entry of index.unanchored) this.mark(entry);
    }
  }

  private markSerial = 0;
  private markOut: CompiledIndicator[] = [];
  private readonly mark = (entry: CompiledIndicator): void => {
    if (entry.stamp === this.markSerial) return;
    entry.stamp = this.markSerial;
    this.markOut.push(entry);
  };

  /** Distinct equality keys and CIDR blocks held. */
  counts(): { equalityKeys: number; cidrBlocks: number } {
    let equalityKeys = 0;
    for (const path of this.equalPaths.values()) equalityKeys += path.values.size;
    let cidrBlocks = 0;
    for (const path of this.cidrPaths.values()) cidrBlocks += path.v4.size + path.v6.size;
    return { equalityKeys, cidrBlocks };
  }
}
