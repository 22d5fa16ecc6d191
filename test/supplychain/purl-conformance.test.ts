// Replays ../shared/conformance/supplychain/purl.json (package-url/purl-spec tests) through
// parsePurl / buildPurl: parse compares the components (qualifiers as an object), build and
// validate compare the canonical string exactly, and expected_failure cases must be rejected.
// "required" cases are held to a floor at the rate reached; "recommended" ones are reported.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPurl, parsePurl } from '../../src/supplychain/index.js';
import type { PurlInput } from '../../src/supplychain/index.js';
import { loadVectorCases, percent, skipReason, vectorsAvailable } from './vectors.js';

const FILE = 'purl.json';

interface PurlCase {
  readonly description: string;
  readonly test_group: 'required' | 'recommended';
  readonly test_type: 'parse' | 'build' | 'validate';
  readonly input: unknown;
  readonly expected_output?: unknown;
  readonly expected_failure?: boolean;
}

/** Floors for the required cases per test type (fraction agreed). Never lowered. */
const REQUIRED_FLOORS = { parse: 0.9897, build: 1, validate: 1 } as const satisfies Record<PurlCase['test_type'], number>;

const sortedObject = (o: Readonly<Record<string, string>> | null | undefined): string | null => (o ? JSON.stringify(Object.fromEntries(Object.entries(o).sort())) : null);

function agrees(c: PurlCase): boolean {
  if (c.test_type === 'build') {
    const r = buildPurl(c.input as PurlInput);
    return c.expected_failure ? !r.ok : r.ok && r.value.canonical === c.expected_output;
  }
  const r = parsePurl(c.input as string);
  if (c.expected_failure) return !r.ok;
  if (!r.ok) return false;
  if (c.test_type === 'validate') return r.value.canonical === c.expected_output;
  const e = c.expected_output as PurlInput;
  const v = r.value;
  return e.type === v.type && e.namespace === v.namespace && e.name === v.name && e.version === v.version && e.subpath === v.subpath && sortedObject(e.qualifiers) === sortedObject(v.qualifiers);
}

test('purl conformance (purl.json)', async (t) => {
  if (!vectorsAvailable(FILE)) {
    t.skip(skipReason(FILE));
    return;
  }
  const cases = loadVectorCases<PurlCase>(FILE);
  const agreedAll = cases.filter(agrees).length;
  t.diagnostic(`purl total: agreement ${percent(agreedAll, cases.length)}`);
  for (const type of ['parse', 'build', 'validate'] as const) {
    for (const group of ['required', 'recommended'] as const) {
      const these = cases.filter((c) => c.test_type === type && c.test_group === group);
      if (these.length === 0) continue;
      await t.test(`${type} ${group}`, (tt) => {
        const misses = these.filter((c) => !agrees(c));
        const agreed = these.length - misses.length;
        tt.diagnostic(`purl ${type} ${group}: agreement ${percent(agreed, these.length)}`);
        for (const miss of misses) tt.diagnostic(`  disagreement: ${miss.description}: ${JSON.stringify(miss.input)}`);
        if (group === 'required') assert.ok(agreed / these.length >= REQUIRED_FLOORS[type], `required ${type} at or above its floor`);
      });
    }
  }
});
