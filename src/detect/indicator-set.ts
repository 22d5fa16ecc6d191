// The set of active indicators: which version of each id counts, whether it is active (revoked,
// pattern_type, valid_from/valid_until against an injected clock), and its parsed, normalised,
// planned and (where needed) compiled pattern, registered in the AnchorIndex. `upsert` / `remove`
// keep the set current one indicator at a time (no rebuild). Pure: no I/O, no clock of its own.
import { compilePattern, parsePattern } from '../pattern/index.js';
import { isSetuError } from '../errors/index.js';
import { AnchorIndex } from './anchor-index.js';
import { planPattern } from './anchors.js';
import { LazyIndicator } from './compiled-indicator.js';
import type { CompiledIndicator } from './compiled-indicator.js';
import type { Sco } from './event.js';
import { rewriteLiterals } from './normalise.js';
import { parseEventTime } from './time.js';

export const UPSERT_OUTCOMES = ['added', 'replaced', 'removed', 'inactive', 'stale', 'invalid', 'ignored'] as const;
export type UpsertOutcomeKind = (typeof UPSERT_OUTCOMES)[number];

export interface UpsertOutcome {
  readonly outcome: UpsertOutcomeKind;
  readonly id?: string;
  readonly reason?: string;
}

export type { CompiledIndicator } from './compiled-indicator.js';

export interface IndicatorSetStats {
  readonly active: number;
  readonly exact: number;
  readonly anchored: number;
  readonly unanchored: number;
  readonly equalityKeys: number;
  readonly cidrBlocks: number;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function versionMicros(object: Record<string, unknown>): number | undefined {
  const version = object['modified'] ?? object['created'];
  return typeof version === 'string' ? parseEventTime(version) : undefined;
}

export class IndicatorSet {
  private readonly byId = new Map<string, CompiledIndicator>();
  /** Newest version seen per id, active or not, so an older version arriving later is ignored. */
  private readonly newest = new Map<string, number>();
  private readonly index = new AnchorIndex();
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
      return { outcome: 'invalid', id, reason: `line ${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}` };
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
    this.byId.set(id, entry);
    this.index.add(entry);
    return { outcome: replaced ? 'replaced' : 'added', id };
  }

  /** Drops an indicator (e.g. deleted or revoked elsewhere); true when it was in the set. */
  remove(id: string): boolean {
    const entry = this.byId.get(id);
    if (entry === undefined) return false;
    this.byId.delete(id);
    this.index.delete(entry);
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

  nextSerial(): number {
    return ++this.serial;
  }

  /**
   * Pushes onto `out` every indicator the event's SCOs select, each once: index hits for anchored
   * patterns, and unanchored patterns naming a type the event holds.
   */
  select(scos: readonly Sco[], serial: number, out: CompiledIndicator[]): void {
    this.index.select(scos, serial, out);
  }

  stats(): IndicatorSetStats {
    let exact = 0;
    let anchored = 0;
    for (const entry of this.byId.values()) {
      if (entry.plan.exact) exact++;
      else if (entry.plan.anchors !== undefined) anchored++;
    }
    return { active: this.byId.size, exact, anchored, unanchored: this.byId.size - exact - anchored, ...this.index.counts() };
  }
}
