// The compiled, indexed set of active indicators. Each indicator is parsed, its domain/URL/hash
// literals normalised, compiled once, and registered under its anchors: string equality in hash
// maps keyed by object type and property path, ISSUBSET blocks in a prefix trie per path and IP
// version. Patterns without anchors are listed per object type. `upsert` / `remove` keep the set
// current one indicator at a time (no rebuild). Pure: the clock that decides what is active is
// injected.
import { compilePattern, parsePattern } from '../pattern/index.js';
import type { CompiledPattern } from '../pattern/index.js';
import { isSetuError } from '../errors/index.js';
import { planPattern } from './anchors.js';
import type { Anchor, PatternPlan } from './anchors.js';
import { PrefixTable } from './prefix-table.js';
import { resolveRef } from './event.js';
import type { Sco } from './event.js';
import { parseIp, parseV4Address } from './ip.js';
import { KeyFilter } from './key-filter.js';
import { rewriteLiterals } from './normalise.js';
import { parseEventTime } from './time.js';

export interface CompiledIndicator {
  readonly id: string;
  readonly name: string | undefined;
  /** The indicator's version (modified, else created) as written. */
  readonly version: string;
  readonly pattern: string;
  /**
   * The compiled pattern. Indicators the index decides alone (plan.exact) never need it, so for
   * them it is compiled on first use only, which keeps a large set small in memory.
   */
  readonly compiled: CompiledPattern;
  readonly plan: PatternPlan;
  /** Serial of the last event that selected it (dedupes several anchors hit by one event). */
  stamp: number;
}

/** An indicator decided by the index: its pattern is compiled again only if someone asks. */
class LazyIndicator implements CompiledIndicator {
  stamp = 0;
  private cached: CompiledPattern | undefined;

  constructor(
    readonly id: string,
    readonly name: string | undefined,
    readonly version: string,
    readonly pattern: string,
    readonly plan: PatternPlan,
  ) {}

  get compiled(): CompiledPattern {
    if (this.cached === undefined) {
      const parsed = parsePattern(this.pattern);
      if (!parsed.ok) throw new Error(`pattern of ${this.id} no longer parses`);
      this.cached = compilePattern(rewriteLiterals(parsed.ast));
    }
    return this.cached;
  }
}

export const UPSERT_OUTCOMES = ['added', 'replaced', 'removed', 'inactive', 'stale', 'invalid', 'ignored'] as const;
export type UpsertOutcomeKind = (typeof UPSERT_OUTCOMES)[number];

export interface UpsertOutcome {
  readonly outcome: UpsertOutcomeKind;
  readonly id?: string;
  readonly reason?: string;
}

export interface IndicatorSetStats {
  readonly active: number;
  readonly exact: number;
  readonly anchored: number;
  readonly unanchored: number;
  readonly equalityKeys: number;
  readonly cidrBlocks: number;
}

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

function versionMicros(object: Record<string, unknown>): number | undefined {
  const version = object['modified'] ?? object['created'];
  return typeof version === 'string' ? parseEventTime(version) : undefined;
}

export class IndicatorSet {
  private readonly byId = new Map<string, CompiledIndicator>();
  /** Newest version seen per id, active or not, so an older version arriving later is ignored. */
  private readonly newest = new Map<string, number>();
  private readonly equal = new Map<string, EqualPath[]>();
  private readonly cidr = new Map<string, CidrPath[]>();
  private readonly unanchored = new Map<string, CompiledIndicator[]>();
  /** The three lists above per object type, for one lookup per SCO on the hot path. */
  private readonly byType = new Map<string, TypeIndex>();
  private readonly equalPaths = new Map<string, EqualPath>();
  private readonly cidrPaths = new Map<string, CidrPath>();
  private serial = 0;
  /** Shared path-step lists, so 100,000 anchors on `value` hold one array. */
  private readonly interned = new Map<string, readonly string[]>();

  /** `clock` returns epoch milliseconds; it decides valid_from / valid_until. */
  constructor(private readonly clock: () => number) {}

  get size(): number {
    return this.byId.size;
  }

  get(id: string): CompiledIndicator | undefined {
    return this.byId.get(id);
  }

  has(indicator: CompiledIndicator): boolean {
    return this.byId.get(indicator.id) === indicator;
  }

  values(): IterableIterator<CompiledIndicator> {
    return this.byId.values();
  }

  /** Adds, replaces or removes one indicator according to its newest version and activity. */
  upsert(input: string | Record<string, unknown>): UpsertOutcome {
    let object: unknown = input;
    if (typeof input === 'string') {
      try {
        object = JSON.parse(input);
      } catch (error) {
        return { outcome: 'invalid', reason: `not JSON: ${(error as Error).message}` };
      }
    }
    if (!isPlainObject(object) || object['type'] !== 'indicator' || typeof object['id'] !== 'string') {
      return { outcome: 'ignored', reason: 'not an indicator' };
    }
    const id = object['id'];
    const version = versionMicros(object);
    if (version === undefined) return { outcome: 'invalid', id, reason: 'no readable modified/created' };
    const newest = this.newest.get(id);
    if (newest !== undefined && version < newest) return { outcome: 'stale', id };
    this.newest.set(id, version);
    const inactive = this.inactiveReason(object);
    if (inactive !== undefined) return { outcome: this.remove(id) ? 'removed' : 'inactive', id, reason: inactive };
    const pattern = object['pattern'];
    if (typeof pattern !== 'string') return { outcome: this.remove(id) ? 'removed' : 'invalid', id, reason: 'no pattern' };
    const parsed = parsePattern(pattern);
    if (!parsed.ok) {
      this.remove(id);
      return { outcome: 'invalid', id, reason: parsed.error.message };
    }
    const ast = rewriteLiterals(parsed.ast);
    const plan = planPattern(ast, this.interned);
    const rawName = object['name'];
    const name = typeof rawName === 'string' ? rawName : undefined;
    const versionText = String(object['modified'] ?? object['created']);
    let entry: CompiledIndicator;
    if (plan.exact) {
      // Exact plans hold only string equality and valid CIDR blocks, which always compile.
      entry = new LazyIndicator(id, name, versionText, pattern, plan);
    } else {
      try {
        entry = { id, name, version: versionText, pattern, compiled: compilePattern(ast), plan, stamp: 0 };
      } catch (error) {
        if (!isSetuError(error)) throw error;
        this.remove(id);
        return { outcome: 'invalid', id, reason: error.message };
      }
    }
    const replaced = this.remove(id);
    this.register(entry);
    return { outcome: replaced ? 'replaced' : 'added', id };
  }

  /** Drops an indicator (e.g. deleted or revoked elsewhere); true when it was in the set. */
  remove(id: string): boolean {
    const entry = this.byId.get(id);
    if (entry === undefined) return false;
    this.byId.delete(id);
    const { anchors, types } = entry.plan;
    if (anchors === undefined) {
      for (const type of types) this.dropFrom(this.unanchored, type, entry);
      return true;
    }
    for (const anchor of anchors) this.unregisterAnchor(anchor, entry);
    return true;
  }

  private inactiveReason(object: Record<string, unknown>): string | undefined {
    if (object['revoked'] === true) return 'revoked';
    if (object['pattern_type'] !== 'stix') return `pattern_type is ${JSON.stringify(object['pattern_type'])}, not stix`;
    const now = this.clock() * 1000;
    const from = typeof object['valid_from'] === 'string' ? parseEventTime(object['valid_from']) : undefined;
    if (from !== undefined && from > now) return 'not yet valid (valid_from is in the future)';
    const until = typeof object['valid_until'] === 'string' ? parseEventTime(object['valid_until']) : undefined;
    if (until !== undefined && until <= now) return 'expired (valid_until has passed)';
    return undefined;
  }

  private register(entry: CompiledIndicator): void {
    this.byId.set(entry.id, entry);
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
  nextSerial(): number {
    return ++this.serial;
  }

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

  stats(): IndicatorSetStats {
    let exact = 0;
    let anchored = 0;
    for (const entry of this.byId.values()) {
      if (entry.plan.exact) exact++;
      else if (entry.plan.anchors !== undefined) anchored++;
    }
    let equalityKeys = 0;
    for (const path of this.equalPaths.values()) equalityKeys += path.values.size;
    let cidrBlocks = 0;
    for (const path of this.cidrPaths.values()) cidrBlocks += path.v4.size + path.v6.size;
    return { active: this.byId.size, exact, anchored, unanchored: this.byId.size - exact - anchored, equalityKeys, cidrBlocks };
  }
}
