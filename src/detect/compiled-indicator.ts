// One indicator as the detector holds it: its identity, version, plan and compiled pattern. An
// indicator the index decides alone (plan.exact) is compiled only if someone asks, which keeps a
// large set small in memory.
import { compilePattern, parsePattern } from '../pattern/index.js';
import type { CompiledPattern } from '../pattern/index.js';
import type { PatternPlan } from './anchors.js';
import { rewriteLiterals } from './normalise.js';

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
export class LazyIndicator implements CompiledIndicator {
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

