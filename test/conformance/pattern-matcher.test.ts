// Replays the STIX 2.1 cases recorded from the reference matcher (cti-pattern-matcher 3.0.0)
// through parse -> compile -> match and measures agreement on match / no match / error.
// Vectors: ../shared/conformance/matcher.json. Each case passes a list of bundles; the observed-data
// in them are the observations and every other object is an SCO they may reference.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compilePattern, matchPattern, parsePattern } from '../../src/pattern/index.js';
import type { ObservedData } from '../../src/pattern/index.js';

const VECTORS = new URL('../../../shared/conformance/matcher.json', import.meta.url);
/** Agreement reached; the test fails if a change lowers it. */
const FLOOR = 1.0;

interface Bundle {
  id: string;
  objects: Record<string, unknown>[];
}
interface MatcherCase {
  pattern: string;
  stix_version: string;
  observed_data: Bundle[];
  matches: boolean | null;
  matched_observed_data?: string[];
  error: string | null;
}

type Outcome = 'match' | 'no match' | 'error';

function run(c: MatcherCase): { outcome: Outcome; ids: string[] } {
  const parsed = parsePattern(c.pattern);
  if (!parsed.ok) return { outcome: 'error', ids: [] };
  const observed: ObservedData[] = [];
  const scos = new Map<string, Record<string, unknown>>();
  for (const bundle of c.observed_data) {
    for (const object of bundle.objects) {
      if (object['type'] === 'observed-data') observed.push(object as unknown as ObservedData);
      else scos.set(object['id'] as string, object);
    }
  }
  try {
    const result = matchPattern(compilePattern(parsed.ast), observed, scos);
    return { outcome: result.matched ? 'match' : 'no match', ids: result.matchedObservedData };
  } catch {
    return { outcome: 'error', ids: [] };
  }
}

test('pattern matcher conformance (STIX 2.1 cases of matcher.json)', (t) => {
  if (!existsSync(VECTORS)) {
    t.skip('conformance vectors not found at ../shared/conformance/matcher.json');
    return;
  }
  const cases = (JSON.parse(readFileSync(VECTORS, 'utf8')) as { cases: MatcherCase[] }).cases.filter((c) => c.stix_version === '2.1');
  const disagreements: string[] = [];
  let bindingsCompared = 0;
  let bindingsAgreed = 0;
  for (const c of cases) {
    const expected: Outcome = c.error !== null ? 'error' : c.matches ? 'match' : 'no match';
    const { outcome, ids } = run(c);
    if (outcome !== expected) disagreements.push(`expected ${expected}, got ${outcome}: ${c.pattern}`);
    if (outcome === 'match' && expected === 'match' && c.matched_observed_data !== undefined) {
      // The recording names each matched observed-data by its bundle's id, and for multi-bundle cases
      // repeats the last bundle's id (a recorder artefact); the number of entries is the number of
      // distinct observed-data in the first binding, which is what we compare everywhere, plus the
      // bundle ids themselves when there is only one bundle.
      bindingsCompared++;
      const bundleOf = new Map(c.observed_data.flatMap((b) => b.objects.map((o) => [o['id'] as string, b.id] as const)));
      const sameCount = ids.length === c.matched_observed_data.length;
      const sameIds = c.observed_data.length > 1 || ids.every((id, i) => bundleOf.get(id) === c.matched_observed_data?.[i]);
      if (sameCount && sameIds) bindingsAgreed++;
      else disagreements.push(`matched observed-data ${JSON.stringify(ids)} vs ${JSON.stringify(c.matched_observed_data)}: ${c.pattern}`);
    }
  }
  const outcomeDisagreements = disagreements.filter((d) => d.startsWith('expected')).length;
  const rate = (cases.length - outcomeDisagreements) / cases.length;
  t.diagnostic(`outcome agreement ${(rate * 100).toFixed(2)}% (${cases.length - outcomeDisagreements}/${cases.length})`);
  t.diagnostic(`first-binding observed-data agreement ${bindingsAgreed}/${bindingsCompared}`);
  for (const d of disagreements) t.diagnostic(`disagreement: ${d}`);
  assert.ok(rate >= FLOOR, `agreement ${rate} fell below ${FLOOR}`);
  assert.equal(bindingsAgreed, bindingsCompared);
});
