// OSV: the ecosystem table against osv_ecosystems.json (every name mapped or refused with a
// reason; the suffix pattern agrees with the schema's), and the real records of osv_examples.json
// read into the advisory model (SEMVER, ECOSYSTEM out of order, versions lists, GIT reported).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ECOSYSTEM_WITH_SUFFIX, OSV_ECOSYSTEMS, OSV_ECOSYSTEM_MAP, describeRange, readEcosystem, readOsv } from '../../src/supplychain/index.js';
import { SUPPLYCHAIN_VECTORS, loadVectorCases, skipReason, vectorsAvailable } from './vectors.js';
import { readFileSync } from 'node:fs';

interface OsvCase {
  readonly id: string;
  readonly purls: readonly string[];
  readonly range_types: readonly string[];
  readonly record: unknown;
}

test('OSV ecosystems: the table holds exactly the schema list, and the suffix pattern agrees', async (t) => {
  if (!vectorsAvailable('osv_ecosystems.json')) return void t.skip(skipReason('osv_ecosystems.json'));
  const file = JSON.parse(readFileSync(SUPPLYCHAIN_VECTORS + 'osv_ecosystems.json', 'utf8')) as { meta: { ecosystem_with_suffix_pattern: string }; cases: { name: string }[] };
  assert.deepEqual([...OSV_ECOSYSTEMS].sort(), file.cases.map((c) => c.name).sort());
  const schema = new RegExp(file.meta.ecosystem_with_suffix_pattern);
  const probes = [...file.cases.flatMap((c) => [c.name, `${c.name}:v3.8`, `${c.name}:`, ` ${c.name}`, c.name.toLowerCase()]), 'GIT', 'Alpine:v3.8', 'Red Hat:rhel_aus:8.6::appstream', 'NotAnEcosystem'];
  for (const p of probes) assert.equal(ECOSYSTEM_WITH_SUFFIX.test(p), schema.test(p), p);
  let mapped = 0;
  for (const name of OSV_ECOSYSTEMS) {
    const entry = OSV_ECOSYSTEM_MAP[name];
    if ('refused' in entry) assert.ok(entry.refused.length > 10, name);
    else mapped++;
  }
  t.diagnostic(`OSV ecosystems mapped to a purl type and scheme: ${mapped} of ${OSV_ECOSYSTEMS.length}; the rest refused with a reason`);
});

test('OSV ecosystem names map deliberately to purl types and schemes', () => {
  const cases: [string, string, string | undefined, string][] = [
    ['Alpine:v3.8', 'apk', 'alpine', 'apk'],
    ['RubyGems', 'gem', undefined, 'gem'],
    ['crates.io', 'cargo', undefined, 'cargo'],
    ['Packagist', 'composer', undefined, 'composer'],
    ['Red Hat:rhel_aus:8.6::appstream', 'rpm', 'redhat', 'rpm'],
    ['Debian:12', 'deb', 'debian', 'deb'],
    ['Go', 'golang', undefined, 'golang'],
    ['PyPI', 'pypi', undefined, 'pypi'],
  ];
  for (const [name, type, namespace, scheme] of cases) {
    const r = readEcosystem(name);
    assert.ok(r.ok, name);
    assert.equal(r.mapping.purlType, type, name);
    assert.equal(r.mapping.namespace, namespace, name);
    assert.equal(r.mapping.scheme, scheme, name);
  }
  const alpine = readEcosystem('Alpine:v3.8');
  assert.ok(alpine.ok && alpine.suffix === 'v3.8');
  for (const bad of ['GIT', 'Alpine:', 'rubygems', 'Linux', 'Android']) assert.equal(readEcosystem(bad).ok, false, bad);
});

test('OSV examples: every record is read; purls, range kinds and findings as the records say', async (t) => {
  if (!vectorsAvailable('osv_examples.json')) return void t.skip(skipReason('osv_examples.json'));
  const byId = new Map(loadVectorCases<OsvCase>('osv_examples.json').map((c) => [c.id, c]));
  for (const c of byId.values()) {
    const a = readOsv(c.record, c.id);
    assert.equal(a.document, c.id);
    assert.equal(a.vulnerabilities[0], c.id);
    const packageKeys = new Set(a.affected.flatMap((x) => (x.product.kind === 'purl' ? [x.product.packageKey] : [])));
    for (const p of c.purls) assert.ok(packageKeys.has(p.split('?')[0]!), `${c.id}: ${p}`);
    assert.equal(a.findings.some((f) => f.code === 'SETU_ERR_SUPPLYCHAIN_UNMATCHABLE_RANGE'), c.range_types.includes('GIT'), c.id);
    assert.ok(a.findings.every((f) => f.document === c.id && f.path.startsWith('$.')), c.id);
  }
  const go = readOsv(byId.get('GO-2024-2963')!.record, 'x');
  assert.ok(go.vulnerabilities.includes('CVE-2024-24791'));
  assert.equal(go.affected[0]!.product.kind === 'purl' && go.affected[0]!.product.packageKey, 'pkg:golang/stdlib');
  const maven = readOsv(byId.get('GHSA-76mp-659p-rw65')!.record, 'x');
  assert.match(describeRange(maven.affected[0]!.range), /introduced 12\.10\.0.*introduced 12\.0.*introduced 11\.6\.1/);
  const git = readOsv(byId.get('CVE-2023-41045')!.record, 'x');
  assert.equal(git.affected.length, 0, 'a GIT-only record with no package gives no statement, only findings');
});

test('OSV: bad shapes and unmapped ecosystems are findings naming the path', () => {
  assert.equal(readOsv({ affected: [] }, 'nameless').findings[0]!.path, '$.id');
  const r = readOsv({
    id: 'X-1',
    affected: [
      'oops',
      { package: { ecosystem: 'Linux', name: 'kernel' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] },
      { package: { ecosystem: 'npm', name: '@scope/pkg' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0', fixed: '1.0.0' }, { fixed: 'not.a.version' }] }, { type: 'WEIRD', events: [] }] },
      { package: { ecosystem: 'Maven', name: 'org.a:b' }, versions: ['1.0', '2.0'] },
    ],
  });
  assert.ok(r.findings.some((f) => f.path === '$.affected[0]'));
  assert.ok(r.findings.some((f) => f.code === 'SETU_ERR_SUPPLYCHAIN_UNKNOWN_ECOSYSTEM' && f.path === '$.affected[1].package.ecosystem'));
  assert.ok(r.findings.some((f) => f.path === '$.affected[2].ranges[0].events[0]'), 'an event with two keys');
  assert.ok(r.findings.some((f) => f.path === '$.affected[2].ranges[0].events' && /not\.a\.version/.test(f.rule)));
  assert.ok(r.findings.some((f) => f.path === '$.affected[2].ranges[1].type'));
  const keys = r.affected.map((x) => (x.product.kind === 'purl' ? x.product.packageKey : ''));
  assert.deepEqual(keys, ['pkg:npm/%40scope/pkg', 'pkg:maven/org.a/b']);
  assert.equal(r.affected[1]!.range.kind, 'versions');
});
