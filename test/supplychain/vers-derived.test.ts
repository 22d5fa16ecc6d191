// DERIVED containment tests: vers.json has only 11 containment cases, so these build simple
// ranges from each ordering assertion of versions.json (upstream says a < b, a = b or a > b) and
// check versContains against what that order implies. The expected answers are derived here
// from upstream orderings, not published upstream; the agreement is printed per ecosystem.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { versContains } from '../../src/supplychain/index.js';
import { VERSIONS_ECOSYSTEMS, loadVectorCases, percent, skipReason, vectorsAvailable } from './vectors.js';
import type { OrderingCase } from './vectors.js';

const FILE = 'versions.json';

/** Floor over all derived checks (fraction agreed). Never lowered. */
const FLOOR = 0.9997;

type Check = readonly [range: string, version: string, inside: boolean];

/** The ranges an ordering implies, for lo < hi (or lo = hi). */
function derivedChecks(scheme: string, lo: string, hi: string, equal: boolean): Check[] {
  const e = encodeURIComponent;
  const range = (body: string): string => `vers:${scheme}/${body}`;
  if (equal) return [[range(e(lo)), hi, true], [range(`!=${e(lo)}`), hi, false], [range(`>=${e(lo)}`), hi, true], [range(`<${e(lo)}`), hi, false]];
  return [
    [range(`>=${e(lo)}|<=${e(hi)}`), lo, true],
    [range(`>=${e(lo)}|<=${e(hi)}`), hi, true],
    [range(`>=${e(lo)}|<${e(hi)}`), hi, false],
    [range(`>${e(lo)}|<=${e(hi)}`), lo, false],
    [range(`<${e(lo)}`), hi, false],
    [range(`>${e(lo)}`), hi, true],
    [range(`<${e(hi)}`), lo, true],
    [range(`${e(lo)}`), hi, false],
    [range(`!=${e(lo)}`), hi, true],
    [range(`<=${e(lo)}|${e(hi)}`), hi, true],
  ];
}

test('derived containment from versions.json orderings (label: derived)', async (t) => {
  if (!vectorsAvailable(FILE)) {
    t.skip(skipReason(FILE));
    return;
  }
  const cases = loadVectorCases<OrderingCase>(FILE);
  const lines = new Map<string, { agreed: number; total: number; misses: string[] }>();
  let agreed = 0;
  let total = 0;
  for (const c of cases) {
    const scheme = (VERSIONS_ECOSYSTEMS as Record<string, string>)[c.ecosystem];
    if (scheme === undefined) continue;
    const [lo, hi] = c.op === '>' ? [c.b, c.a] : [c.a, c.b];
    const line = lines.get(c.ecosystem) ?? { agreed: 0, total: 0, misses: [] };
    lines.set(c.ecosystem, line);
    for (const [range, version, inside] of derivedChecks(scheme, lo, hi, c.op === '=')) {
      line.total++;
      total++;
      const r = versContains(range, version);
      if (r.ok && r.value.inside === inside) {
        line.agreed++;
        agreed++;
      } else if (line.misses.length < 3) line.misses.push(`${version} in ${range}: expected ${inside}, got ${r.ok ? r.value.inside : r.problem.rule}`);
    }
  }
  for (const [ecosystem, line] of [...lines].sort(([x], [y]) => x.localeCompare(y))) {
    t.diagnostic(`derived ${ecosystem}: agreement ${percent(line.agreed, line.total)}`);
    for (const miss of line.misses) t.diagnostic(`  disagreement: ${miss}`);
  }
  t.diagnostic(`derived total: agreement ${percent(agreed, total)}`);
  assert.ok(agreed / total >= FLOOR);
});
