// Validator throughput over a generated 100k-object mixed bundle (fixed seed). Prints objects/s.
// Run: node --import tsx bench/validate.ts
import { validate } from '../src/stix/index.js';

let seed = 0x5e70;
/** mulberry32: small deterministic PRNG (fixed seed, so every run builds the same bundle). */
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function hex(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'.charAt(Math.floor(rand() * 16));
  return s;
}
function uuid(version: 4 | 5): string {
  return `${hex(8)}-${hex(4)}-${version}${hex(3)}-a${hex(3)}-${hex(12)}`;
}
const T = '2024-03-01T10:00:00.000Z';
const IDN = `identity--${uuid(4)}`;
const TLP = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';

const makers: Array<() => Record<string, unknown>> = [
  () => ({ type: 'indicator', spec_version: '2.1', id: `indicator--${uuid(4)}`, created: T, modified: T, created_by_ref: IDN, name: 'C2 address', description: 'd', indicator_types: ['malicious-activity'], pattern: `[ipv4-addr:value = '10.0.${Math.floor(rand() * 255)}.1']`, pattern_type: 'stix', valid_from: T, object_marking_refs: [TLP] }),
  () => ({ type: 'ipv4-addr', spec_version: '2.1', id: `ipv4-addr--${uuid(5)}`, value: `198.51.${Math.floor(rand() * 255)}.${Math.floor(rand() * 255)}` }),
  () => ({ type: 'domain-name', spec_version: '2.1', id: `domain-name--${uuid(5)}`, value: `${hex(8)}.example.com` }),
  () => ({ type: 'file', spec_version: '2.1', id: `file--${uuid(5)}`, name: `${hex(6)}.exe`, hashes: { 'SHA-256': hex(64), MD5: hex(32) }, size: 1024 }),
  () => ({ type: 'malware', spec_version: '2.1', id: `malware--${uuid(4)}`, created: T, modified: T, name: 'Poison Ivy', is_family: true, malware_types: ['remote-access-trojan'], kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: 'command-and-control' }] }),
  () => ({ type: 'relationship', spec_version: '2.1', id: `relationship--${uuid(4)}`, created: T, modified: T, relationship_type: 'indicates', source_ref: `indicator--${uuid(4)}`, target_ref: `malware--${uuid(4)}` }),
  () => ({ type: 'vulnerability', spec_version: '2.1', id: `vulnerability--${uuid(4)}`, created: T, modified: T, name: 'CVE-2024-1234', external_references: [{ source_name: 'cve', external_id: 'CVE-2024-1234' }] }),
  () => ({ type: 'sighting', spec_version: '2.1', id: `sighting--${uuid(4)}`, created: T, modified: T, sighting_of_ref: `indicator--${uuid(4)}`, where_sighted_refs: [IDN], count: 2 }),
];

const N = 100_000;
const objects = Array.from({ length: N }, (_, i) => makers[i % makers.length]!());
const bundle = { type: 'bundle', id: `bundle--${uuid(4)}`, objects };

// Warm-up, then three timed runs (whole bundle, and object by object as ingest does).
validate({ ...bundle, objects: objects.slice(0, 5000) });
for (let run = 1; run <= 3; run++) {
  const t0 = process.hrtime.bigint();
  const r = validate(bundle);
  const t1 = process.hrtime.bigint();
  for (const o of objects) validate(o);
  const t2 = process.hrtime.bigint();
  const bundleS = Number(t1 - t0) / 1e9;
  const eachS = Number(t2 - t1) / 1e9;
  if (run === 1) console.log(`warning codes: ${[...new Set(r.warnings.map((w) => w.code))].join(", ") || "none"}`);
  console.log(`run ${run}: bundle of ${N}: ${(N / bundleS).toFixed(0)} objects/s (${r.errors.length} errors, ${r.warnings.length} warnings); one call per object: ${(N / eachS).toFixed(0)} objects/s`);
}
