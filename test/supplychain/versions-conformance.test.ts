// Replays ../shared/conformance/supplychain/versions.json (osv-scalibr's ordering fixtures):
// compare(a, b) must give op AND compare(b, a) the opposite, as the upstream test asserts.
// One agreement line per ecosystem and a total; each floor is the rate reached when it was set.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareVersions } from '../../src/supplychain/index.js';
import { OPPOSITE, VERSIONS_ECOSYSTEMS, loadVectorCases, percent, skipReason, vectorsAvailable } from './vectors.js';
import type { OrderingCase } from './vectors.js';

const FILE = 'versions.json';

/** Agreement floors (fraction of cases with both directions right). Never lowered. */
const FLOORS: Readonly<Record<string, number>> = {
  alpine: 0.9987,
  cran: 1,
  debian: 1,
  hackage: 1,
  maven: 0.9999,
  nuget: 1,
  packagist: 0.9999,
  pub: 0.97,
  pypi: 1,
  redhat: 1,
  rubygems: 1,
  semver: 0.965,
  total: 0.9996,
};

test('version ordering conformance (versions.json, both directions)', async (t) => {
  if (!vectorsAvailable(FILE)) {
    t.skip(skipReason(FILE));
    return;
  }
  const cases = loadVectorCases<OrderingCase>(FILE);
  const tally = new Map<string, { agreed: number; total: number; misses: string[] }>();
  let agreed = 0;
  for (const c of cases) {
    const line = tally.get(c.ecosystem) ?? { agreed: 0, total: 0, misses: [] };
    tally.set(c.ecosystem, line);
    line.total++;
    const scheme = (VERSIONS_ECOSYSTEMS as Record<string, string>)[c.ecosystem];
    if (scheme === undefined) continue;
    const forward = compareVersions(scheme, c.a, c.b);
    const backward = compareVersions(scheme, c.b, c.a);
    if (forward.ok && backward.ok && forward.value.relation === c.op && backward.value.relation === OPPOSITE[c.op]) {
      line.agreed++;
      agreed++;
    } else if (line.misses.length < 5) {
      line.misses.push(`${c.a} ${c.op} ${c.b}: got ${forward.ok ? forward.value.relation : forward.problem.rule}`);
    }
  }
  for (const [ecosystem, line] of [...tally].sort(([x], [y]) => x.localeCompare(y))) {
    const scheme = (VERSIONS_ECOSYSTEMS as Record<string, string>)[ecosystem];
    await t.test(`${ecosystem}${scheme ? ` (${scheme})` : ''}`, (tt) => {
      if (scheme === undefined) {
        tt.skip(`no ordering for ecosystem "${ecosystem}" (${line.total} cases)`);
        return;
      }
      tt.diagnostic(`${ecosystem}: agreement ${percent(line.agreed, line.total)}`);
      for (const miss of line.misses) tt.diagnostic(`  disagreement: ${miss}`);
      const floor = FLOORS[ecosystem];
      assert.ok(floor !== undefined, `a floor is set for ${ecosystem}`);
      assert.ok(line.agreed / line.total >= floor, `${ecosystem} at or above its floor ${floor}`);
    });
  }
  t.diagnostic(`total: agreement ${percent(agreed, cases.length)}`);
  assert.ok(agreed / cases.length >= FLOORS['total']!);
});
