// Evaluates a compiled pattern over observed-data. Each observed-data is one observation (STIX 2.1
// section 9): its SCOs come from `object_refs` looked up in `scos` (STIX 2.1) or from an inline
// `objects` dictionary (STIX 2.0 style); references resolve among that observation's objects, then
// in `scos`. The result names the observed-data of the first binding found.
import { SetuError } from '../errors/index.js';
import type { CompiledPattern, EvaluationInput, Frame } from './compiler.js';
import { parseTimestamp } from './timestamps.js';

export interface ObservedData {
  id: string;
  first_observed: string;
  last_observed: string;
  number_observed: number;
  objects?: Record<string, Record<string, unknown>>;
  object_refs?: string[];
}

export interface MatchResult {
  matched: boolean;
  /** Distinct ids of the observed-data bound by the first binding, in input order. */
  matchedObservedData: string[];
}

function invalidObservedData(od: ObservedData, why: string): never {
  throw new SetuError('SETU_ERR_PATTERN_INVALID_OBSERVED_DATA', `observed-data ${od.id}: ${why}`, { id: od.id });
}

function frameOf(od: ObservedData, scos: ReadonlyMap<string, Record<string, unknown>>): Frame {
  const own = new Map<string, Record<string, unknown>>();
  if (od.object_refs !== undefined) {
    for (const ref of od.object_refs) {
      const sco = scos.get(ref);
      if (sco !== undefined) own.set(ref, sco);
    }
  } else if (od.objects !== undefined) {
    for (const [key, object] of Object.entries(od.objects)) own.set(key, object);
  }
  const byType = new Map<string, [string, Record<string, unknown>][]>();
  for (const [key, object] of own) {
    const type = object['type'];
    if (typeof type !== 'string') continue;
    const list = byType.get(type);
    if (list === undefined) byType.set(type, [[key, object]]);
    else list.push([key, object]);
  }
  const inline = od.object_refs === undefined;
  return { byType, resolve: (id) => own.get(id) ?? (inline ? undefined : scos.get(id)) };
}

export function matchPattern(
  compiled: CompiledPattern,
  observed: readonly ObservedData[],
  scos: ReadonlyMap<string, Record<string, unknown>>,
): MatchResult {
  const stride = Math.max(1, compiled.slots);
  const first: bigint[] = [];
  const last: bigint[] = [];
  const instances: number[] = [];
  for (const od of observed) {
    if (!Number.isInteger(od.number_observed) || od.number_observed < 1) invalidObservedData(od, 'number_observed must be an integer >= 1');
    first.push(parseTimestamp(od.first_observed) ?? invalidObservedData(od, `bad first_observed ${od.first_observed}`));
    last.push(parseTimestamp(od.last_observed) ?? invalidObservedData(od, `bad last_observed ${od.last_observed}`));
    instances.push(Math.min(od.number_observed, stride));
  }
  const input: EvaluationInput = { frames: observed.map((od) => frameOf(od, scos)), instances, timeline: { stride, first, last } };
  for (const binding of compiled.evaluate(input)) {
    const bound = new Set<number>();
    for (const instance of binding) if (instance !== null) bound.add(Math.floor(instance / stride));
    return { matched: true, matchedObservedData: [...bound].sort((a, b) => a - b).map((o) => (observed[o] as ObservedData).id) };
  }
  return { matched: false, matchedObservedData: [] };
}
