// Version comparisons per second per ecosystem over the shared ordering vectors
// (../shared/conformance/supplychain/versions.json): read-and-compare (compareVersions, both
// strings parsed each time) and compare-only (compareParsed on versions read once), plus vers
// containment on a two-bound range built from each pair. Deterministic input, no randomness;
// one unmeasured warm-up pass per scheme.
// Run: node --import tsx bench/version-compare.ts [--rounds N] [--quick]
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compareParsed, compareVersions, parseVersion, versContains } from '../src/supplychain/index.js';
import type { ParsedVersion } from '../src/supplychain/index.js';
import { parseArgs } from './lib/args.js';

const FILE = new URL('../../shared/conformance/supplychain/versions.json', import.meta.url);
const ECOSYSTEMS: Readonly<Record<string, string>> = {
  alpine: 'apk',
  maven: 'maven',
  debian: 'deb',
  pypi: 'pypi',
  packagist: 'composer',
  rubygems: 'gem',
  redhat: 'rpm',
  pub: 'pub',
  semver: 'semver',
  cran: 'cran',
  nuget: 'nuget',
  hackage: 'hackage',
};

const args = parseArgs();
const rounds = args.quick ? 1 : args.int('rounds', 5);

if (!existsSync(FILE)) {
  console.log('version-compare: skipped, vectors not found at ../shared/conformance/supplychain/versions.json');
  process.exit(0);
}

const cases = (JSON.parse(readFileSync(FILE, 'utf8')) as { cases: { ecosystem: string; a: string; b: string }[] }).cases;
const bySchemes = new Map<string, { a: string; b: string }[]>();
for (const c of cases) {
  const scheme = ECOSYSTEMS[c.ecosystem];
  if (scheme === undefined) continue;
  const list = bySchemes.get(scheme) ?? [];
  bySchemes.set(scheme, list);
  list.push({ a: c.a, b: c.b });
}

function rate(count: number, ms: number): string {
  return `${Math.round((count / ms) * 1000).toLocaleString('en-GB')}/s`;
}

console.log(`version-compare: ${cases.length.toLocaleString('en-GB')} ordering pairs, ${rounds} round(s) each`);
console.log('scheme       pairs   read+compare   compare-only   vers-contains');
let total = 0;
let totalMs = 0;
for (const [scheme, pairs] of [...bySchemes].sort(([x], [y]) => x.localeCompare(y))) {
  let sink = 0;
  // One unmeasured pass so each scheme's code is compiled before it is timed.
  for (const p of pairs) if (compareVersions(scheme, p.a, p.b).ok) sink++;
  let start = performance.now();
  for (let r = 0; r < rounds; r++) for (const p of pairs) if (compareVersions(scheme, p.a, p.b).ok) sink++;
  const readMs = performance.now() - start;
  total += pairs.length * rounds;
  totalMs += readMs;

  const parsed: [ParsedVersion, ParsedVersion][] = [];
  for (const p of pairs) {
    const a = parseVersion(scheme, p.a);
    const b = parseVersion(scheme, p.b);
    if (a.ok && b.ok) parsed.push([a.value, b.value]);
  }
  start = performance.now();
  for (let r = 0; r < rounds; r++) for (const [a, b] of parsed) if (compareParsed(a, b).relation === '<') sink++;
  const compareMs = performance.now() - start;

  const ranges = pairs.map((p) => ({ range: `vers:${scheme}/>=${encodeURIComponent(p.a)}|<=${encodeURIComponent(p.b)}`, version: p.b }));
  start = performance.now();
  for (let r = 0; r < rounds; r++) for (const x of ranges) if (versContains(x.range, x.version).ok) sink++;
  const containsMs = performance.now() - start;

  console.log(
    `${scheme.padEnd(10)} ${String(pairs.length).padStart(7)}   ${rate(pairs.length * rounds, readMs).padStart(12)}   ${rate(parsed.length * rounds, compareMs).padStart(12)}   ${rate(ranges.length * rounds, containsMs).padStart(13)}${sink < 0 ? '!' : ''}`,
  );
}
console.log(`all        ${String(total / rounds).padStart(7)}   ${rate(total, totalMs).padStart(12)}   (read+compare over every pair)`);
