// Properties of the orderings, checked with fast-check on versions sampled from the shared
// vectors (every version that appears in versions.json, per ecosystem): antisymmetry,
// reflexivity and transitivity; and, on arbitrary strings, that no reader ever throws.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { FROM_NATIVE_SCHEMES, SCHEME_NAMES, compareParsed, parsePurl, parseVers, parseVersion, versContains, versFromNative } from '../../src/supplychain/index.js';
import type { ParsedVersion } from '../../src/supplychain/index.js';
import { VERSIONS_ECOSYSTEMS, loadVectorCases, skipReason, vectorsAvailable } from './vectors.js';
import type { OrderingCase } from './vectors.js';

const FILE = 'versions.json';
const FLIP = { '<': '>', '=': '=', '>': '<' } as const;

function pools(): Map<string, ParsedVersion[]> {
  const seen = new Map<string, Set<string>>();
  for (const c of loadVectorCases<OrderingCase>(FILE)) {
    const scheme = (VERSIONS_ECOSYSTEMS as Record<string, string>)[c.ecosystem];
    if (scheme === undefined) continue;
    const set = seen.get(scheme) ?? new Set<string>();
    seen.set(scheme, set);
    set.add(c.a).add(c.b);
  }
  const out = new Map<string, ParsedVersion[]>();
  for (const [scheme, set] of seen) {
    out.set(
      scheme,
      [...set].flatMap((v) => {
        const p = parseVersion(scheme, v);
        return p.ok ? [p.value] : [];
      }),
    );
  }
  return out;
}

test('orderings are antisymmetric, reflexive and transitive on sampled real versions', async (t) => {
  if (!vectorsAvailable(FILE)) {
    t.skip(skipReason(FILE));
    return;
  }
  for (const [scheme, pool] of pools()) {
    await t.test(scheme, () => {
      const pick = fc.integer({ min: 0, max: pool.length - 1 }).map((i) => pool[i]!);
      fc.assert(
        fc.property(pick, pick, (a, b) => {
          assert.equal(compareParsed(a, b).relation, FLIP[compareParsed(b, a).relation], `${a.input} vs ${b.input}`);
          assert.equal(compareParsed(a, a).relation, '=');
        }),
        { numRuns: 2000, seed: 13 },
      );
      // Transitivity over neighbours in one sorted sample: sorting must leave every pair in order.
      fc.assert(
        fc.property(fc.array(pick, { minLength: 3, maxLength: 12 }), (sample) => {
          const sorted = [...sample].sort((x, y) => ({ '<': -1, '=': 0, '>': 1 })[compareParsed(x, y).relation]);
          for (let i = 0; i < sorted.length; i++) {
            for (let j = i + 1; j < sorted.length; j++) assert.notEqual(compareParsed(sorted[i]!, sorted[j]!).relation, '>', `${sorted[i]!.input} after ${sorted[j]!.input}`);
          }
        }),
        { numRuns: 300, seed: 13 },
      );
    });
  }
});

test('no reader throws on arbitrary input: problems are returned', () => {
  fc.assert(
    fc.property(fc.constantFrom(...SCHEME_NAMES), fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (scheme, a, b) => {
      const p = parseVersion(scheme, a);
      if (!p.ok) assert.ok(p.problem.rule.length > 0);
      const v = versContains(`vers:${scheme}/${b}`, a);
      if (!v.ok) assert.equal(v.problem.input.length >= 0, true);
      parseVers(b);
      parsePurl(`pkg:${a}/${b}`);
    }),
    { numRuns: 3000, seed: 13 },
  );
  fc.assert(
    fc.property(fc.constantFrom(...FROM_NATIVE_SCHEMES), fc.string({ maxLength: 40 }), (scheme, native) => {
      const r = versFromNative(scheme, native);
      if (!r.ok) assert.ok(r.problem.rule.length > 0);
    }),
    { numRuns: 3000, seed: 13 },
  );
});
