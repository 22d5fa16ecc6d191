// matchSbom throughput: N generated SBOM components against M generated advisories (OSV records
// with SEMVER / ECOSYSTEM ranges and listed versions, plus OpenVEX statements), fixed seed, so
// every run matches the same data. Prints the index + match time, components/s, statements
// compared/s and matches/s, with wall and CPU time. One unmeasured warm-up run on a slice first.
// Run: node --import tsx bench/sbom-match.ts [--components N] [--advisories M] [--quick]
import { performance } from 'node:perf_hooks';
import { matchSbom, readOpenVex, readOsv } from '../src/supplychain/index.js';
import type { Advisory, Component } from '../src/supplychain/index.js';
import { parseArgs } from './lib/args.js';
import { createRng } from './lib/rng.js';

const args = parseArgs();
const componentCount = args.size('components', 10_000);
const advisoryCount = args.size('advisories', 30_000);
const rng = createRng(20261206);

/** Ecosystems: OSV name, purl type, a version generator under that ecosystem's syntax. */
const ECOSYSTEMS = [
  { osv: 'npm', type: 'npm', range: 'SEMVER', version: () => `${rng.int(5)}.${rng.int(20)}.${rng.int(30)}` },
  { osv: 'PyPI', type: 'pypi', range: 'ECOSYSTEM', version: () => `${rng.int(5)}.${rng.int(20)}.${rng.int(30)}` },
  { osv: 'Maven', type: 'maven', range: 'ECOSYSTEM', version: () => `${rng.int(5)}.${rng.int(20)}.${rng.int(30)}` },
  { osv: 'Debian:12', type: 'deb', range: 'ECOSYSTEM', version: () => `${rng.int(5)}.${rng.int(20)}-${1 + rng.int(9)}` },
  { osv: 'Alpine:v3.20', type: 'apk', range: 'ECOSYSTEM', version: () => `${rng.int(5)}.${rng.int(20)}.${rng.int(30)}-r${rng.int(5)}` },
] as const;

const packages = Math.max(1, Math.floor(componentCount / 2));
const nameOf = (i: number): string => `pkg${i}`;
const purlOf = (e: (typeof ECOSYSTEMS)[number], name: string): string =>
  e.type === 'maven' ? `pkg:maven/org.bench/${name}` : e.type === 'deb' ? `pkg:deb/debian/${name}` : e.type === 'apk' ? `pkg:apk/alpine/${name}` : `pkg:${e.type}/${name}`;
const osvName = (e: (typeof ECOSYSTEMS)[number], name: string): string => (e.type === 'maven' ? `org.bench:${name}` : name);

const components: Component[] = [];
for (let i = 0; i < componentCount; i++) {
  const p = rng.int(packages);
  const e = ECOSYSTEMS[p % ECOSYSTEMS.length]!;
  const version = e.version();
  const base = purlOf(e, nameOf(p));
  components.push({ ref: `c${i}`, name: nameOf(p), version, purl: `${base}@${version}`, packageKey: base });
}

const advisories: Advisory[] = [];
for (let i = 0; i < advisoryCount; i++) {
  const p = rng.int(packages);
  const e = ECOSYSTEMS[p % ECOSYSTEMS.length]!;
  const [lo, hi] = [e.version(), e.version()];
  const id = `BENCH-${i}`;
  if (i % 10 === 9) {
    advisories.push(readOpenVex({ '@id': id, statements: [{ vulnerability: `CVE-2099-${i - 1}`, products: [`${purlOf(e, nameOf(p))}@${lo}`], status: 'not_affected' }] }, id));
    continue;
  }
  const record = {
    id,
    aliases: [`CVE-2099-${i}`],
    affected: [
      i % 3 === 0
        ? { package: { ecosystem: e.osv, name: osvName(e, nameOf(p)) }, versions: [lo, hi] }
        : { package: { ecosystem: e.osv, name: osvName(e, nameOf(p)) }, ranges: [{ type: e.range, events: [{ introduced: lo }, { fixed: hi }] }] },
    ],
  };
  advisories.push(readOsv(record, id));
}

const statements = advisories.reduce((n, a) => n + a.affected.length, 0);
matchSbom(components.slice(0, 200), advisories.slice(0, 2000));
const cpuStart = process.cpuUsage();
const start = performance.now();
const result = matchSbom(components, advisories);
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
const per = (n: number): string => `${Math.round((n / ms) * 1000).toLocaleString('en-GB')}/s`;
const byStatus = new Map<string, number>();
for (const m of result.matches) byStatus.set(m.status, (byStatus.get(m.status) ?? 0) + 1);
console.log(`sbom-match: ${componentCount.toLocaleString('en-GB')} components x ${advisoryCount.toLocaleString('en-GB')} advisories (${statements.toLocaleString('en-GB')} statements, ${packages.toLocaleString('en-GB')} packages, seed 20261206)`);
console.log(`  one matchSbom run (index + match): ${ms.toFixed(1)} ms wall, ${cpuMs.toFixed(1)} ms CPU (this process; on a loaded machine wall time swings, CPU time less)`);
console.log(`  components/s ${per(componentCount)}   matches/s ${per(result.matches.length)}`);
console.log(`  matches ${result.matches.length.toLocaleString('en-GB')} (${[...byStatus].map(([s, n]) => `${s} ${n}`).join(', ')}), findings ${result.findings.length}`);
