// Runs an IndicatorSet over a stream of events. Exact index hits are hits at once; other selected
// patterns are evaluated by pattern/'s matcher: a single-observation pattern over the event alone,
// any other pattern over its sliding window, the recent events that hit one of its anchors (or, for
// unanchored patterns, held one of its types), no older than `windowSeconds` before the newest
// event and at most `maxBuffered` of them. When a windowed pattern matches, the events of the
// binding are reported as one hit and leave its window, so each event counts once per indicator.
// Time comes only from the events.
import { isSetuError } from '../errors/index.js';
import { matchPattern } from '../pattern/index.js';
import type { ObservedData } from '../pattern/index.js';
import { observedDataOf } from './event.js';
import type { DetectEvent } from './event.js';
import type { CompiledIndicator, IndicatorSet } from './indicator-set.js';

export interface Hit {
  readonly indicator: CompiledIndicator;
  /** The events bound by the match, oldest first (one for single-observation patterns). */
  readonly events: readonly DetectEvent[];
}

export interface DetectorOptions {
  /** How far back a multi-observation pattern may look, in seconds (default 3600). */
  readonly windowSeconds?: number;
  /** Most events kept per pattern window (default 256). */
  readonly maxBuffered?: number;
}

export interface DetectorCounters {
  events: number;
  hits: number;
  /** Runs of the general matcher (selected but not exact). */
  evaluations: number;
  /** Evaluations the matcher refused (e.g. a non-timestamp value against a t'' literal). */
  evaluationErrors: number;
}

const NO_SCOS: ReadonlyMap<string, Record<string, unknown>> = new Map();

interface Windowed {
  readonly event: DetectEvent;
  readonly observed: ObservedData;
}

export class Detector {
  readonly counters: DetectorCounters = { events: 0, hits: 0, evaluations: 0, evaluationErrors: 0 };
  private readonly windows = new Map<CompiledIndicator, Windowed[]>();
  private readonly windowMicros: number;
  private readonly maxBuffered: number;
  private readonly selected: CompiledIndicator[] = [];
  private observedSerial = 0;

  constructor(
    private readonly set: IndicatorSet,
    options: DetectorOptions = {},
  ) {
    this.windowMicros = Math.round((options.windowSeconds ?? 3600) * 1e6);
    this.maxBuffered = Math.max(1, options.maxBuffered ?? 256);
  }

  /** Feeds one event; calls `onHit` for every match it completes. */
  observe(event: DetectEvent, onHit: (hit: Hit) => void): void {
    this.counters.events++;
    const selected = this.selected;
    selected.length = 0;
    this.set.select(event.scos, this.set.nextSerial(), selected);
    if (selected.length === 0) return;
    let observed: ObservedData | undefined;
    for (const indicator of selected) {
      const plan = indicator.plan;
      if (plan.exact) {
        this.counters.hits++;
        onHit({ indicator, events: [event] });
        continue;
      }
      observed ??= observedDataOf(event, `observed-data--${++this.observedSerial}`);
      if (plan.stateless) {
        if (this.evaluate(indicator, [observed]) !== undefined) {
          this.counters.hits++;
          onHit({ indicator, events: [event] });
        }
        continue;
      }
      this.slide(indicator, { event, observed }, onHit);
    }
  }

  private slide(indicator: CompiledIndicator, item: Windowed, onHit: (hit: Hit) => void): void {
    let window = this.windows.get(indicator);
    if (window === undefined) {
      window = [];
      this.windows.set(indicator, window);
    }
    // Kept in event-time order (log files may interleave); the newest time bounds the window.
    let at = window.length;
    while (at > 0 && (window[at - 1] as Windowed).event.time > item.event.time) at--;
    window.splice(at, 0, item);
    const newest = (window[window.length - 1] as Windowed).event.time;
    const oldest = newest - this.windowMicros;
    let drop = 0;
    while (drop < window.length && (window[drop] as Windowed).event.time < oldest) drop++;
    if (window.length - drop > this.maxBuffered) drop = window.length - this.maxBuffered;
    if (drop > 0) window.splice(0, drop);
    if (!window.includes(item)) return;
    const matched = this.evaluate(indicator, window.map((w) => w.observed));
    if (matched === undefined) return;
    const bound = new Set(matched);
    const events = window.filter((w) => bound.has(w.observed.id)).map((w) => w.event);
    this.windows.set(indicator, window.filter((w) => !bound.has(w.observed.id)));
    this.counters.hits++;
    onHit({ indicator, events });
  }

  /** The ids of the observed-data of the first binding, or undefined when there is none. */
  private evaluate(indicator: CompiledIndicator, observed: readonly ObservedData[]): readonly string[] | undefined {
    this.counters.evaluations++;
    try {
      const result = matchPattern(indicator.compiled, observed, NO_SCOS);
      return result.matched ? result.matchedObservedData : undefined;
    } catch (error) {
      if (!isSetuError(error)) throw error;
      this.counters.evaluationErrors++;
      return undefined;
    }
  }

  /** Forgets windows of indicators that left the set (call after upserts/removals, if desired). */
  prune(): void {
    for (const indicator of this.windows.keys()) if (!this.set.has(indicator)) this.windows.delete(indicator);
  }
}

/** Which indicators match one event on its own (a fresh window): the stateless reference use. */
export function matchEvent(set: IndicatorSet, event: DetectEvent): string[] {
  const ids: string[] = [];
  new Detector(set).observe(event, (hit) => ids.push(hit.indicator.id));
  return ids.sort();
}
