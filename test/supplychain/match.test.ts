// The matcher: identity (purl package key, CPE, bom-ref), range containment with its proof, and
// VEX precedence. Per ecosystem the expected order comes from versions.json: for a pair a < b an
// OSV range "introduced a, fixed b" holds a and not b, "introduced 0, last_affected a" holds a and
// not b, and the vers range ">=a|<b" does the same. Real records: OSV (out-of-order intervals,
// pre-release floors, epochs, listed versions, GIT) and CSAF VEX products with purls.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPurl, compareVersions, decide, parseVersion, matchSbom, rankOf, readCsaf, readCycloneDxJson, readCycloneDxVex, readOpenVex, readOsv } from '../../src/supplychain/index.js';
import type { Advisory, Component, Status } from '../../src/supplychain/index.js';
import { loadVectorCases, skipReason, vectorsAvailable } from './vectors.js';
import type { OrderingCase } from './vectors.js';

/** versions.json ecosystem -> OSV ecosystem name, purl type and a package name of that ecosystem. */
const ECOSYSTEMS = {
  alpine: { osv: 'Alpine:v3.20', type: 'apk', namespace: 'alpine', name: 'openssl', osvName: 'openssl' },
  maven: { osv: 'Maven', type: 'maven', namespace: 'org.acme', name: 'lib', osvName: 'org.acme:lib' },
  debian: { osv: 'Debian:12', type: 'deb', namespace: 'debian', name: 'openssl', osvName: 'openssl' },
  pypi: { osv: 'PyPI', type: 'pypi', namespace: undefined, name: 'requests', osvName: 'requests' },
  packagist: { osv: 'Packagist', type: 'composer', namespace: 'acme', name: 'lib', osvName: 'acme/lib' },
  rubygems: { osv: 'RubyGems', type: 'gem', namespace: undefined, name: 'rails', osvName: 'rails' },
  redhat: { osv: 'Red Hat:rhel_aus:8.6::appstream', type: 'rpm', namespace: 'redhat', name: 'git-lfs', osvName: 'git-lfs' },
  nuget: { osv: 'NuGet', type: 'nuget', namespace: undefined, name: 'Newtonsoft.Json', osvName: 'Newtonsoft.Json' },
  cran: { osv: 'CRAN', type: 'cran', namespace: undefined, name: 'xml2', osvName: 'xml2' },
  hackage: { osv: 'Hackage', type: 'hackage', namespace: undefined, name: 'aeson', osvName: 'aeson' },
  pub: { osv: 'Pub', type: 'pub', namespace: undefined, name: 'http', osvName: 'http' },
  semver: { osv: 'npm', type: 'npm', namespace: undefined, name: 'left-pad', osvName: 'left-pad' },
} as const;

function component(type: string, namespace: string | undefined, name: string, version: string, ref = 'c'): Component {
  const p = buildPurl({ type, namespace: namespace ?? null, name, version });
  assert.ok(p.ok, `${type} ${name}@${version}: ${p.ok ? '' : p.problem.rule}`);
  return { ref, name, version, purl: p.value.canonical, packageKey: p.value.packageKey };
}

function osv(id: string, ecosystem: string, name: string, events: object[], type = 'ECOSYSTEM'): Advisory {
  return readOsv({ id, aliases: [`CVE-2099-${id.length}`], affected: [{ package: { ecosystem, name }, ranges: [{ type, events }] }] }, id);
}

const statusOf = (components: Component[], advisories: Advisory[]): (Status | 'none')[] => {
  const r = matchSbom(components, advisories);
  return components.map((c) => r.matches.find((m) => m.component === c.ref)?.status ?? 'none');
};

test('per ecosystem, ranges built from versions.json pairs hold a and not b (OSV events and vers)', async (t) => {
  if (!vectorsAvailable('versions.json')) return void t.skip(skipReason('versions.json'));
  const cases = loadVectorCases<OrderingCase>('versions.json');
  for (const [ecosystem, e] of Object.entries(ECOSYSTEMS)) {
    // Pairs whose versions the scheme reads (an unreadable version is reported, never matched)
    // and orders as versions.json does (the few pairs it orders otherwise are counted, with their
    // floors, in versions-conformance.test.ts; here they would test the ordering twice).
    const agreed = (c: OrderingCase): boolean => {
      const r = compareVersions(e.type, c.a, c.b);
      return r.ok && r.value.relation === '<';
    };
    const ordered = cases.filter((c) => c.ecosystem === ecosystem && c.op !== '=').map((c) => (c.op === '<' ? c : { ...c, a: c.b, b: c.a, op: '<' as const }));
    const pairs = ordered.filter((c) => parseVersion(e.type, c.a).ok && parseVersion(e.type, c.b).ok && agreed(c));
    const picked = [...pairs.filter((c) => !c.source_file.includes('generated')).slice(0, 15), ...pairs.filter((c) => c.source_file.includes('generated')).slice(0, 15)];
    assert.ok(picked.length > 0, ecosystem);
    let checked = 0;
    for (const { a, b } of picked) {
      const ca = component(e.type, e.namespace, e.name, a, 'a');
      const cb = component(e.type, e.namespace, e.name, b, 'b');
      const interval = osv('OSV-I', e.osv, e.osvName, [{ introduced: a }, { fixed: b }]);
      const upTo = osv('OSV-LA', e.osv, e.osvName, [{ introduced: '0' }, { last_affected: a }]);
      assert.deepEqual(statusOf([ca, cb], [interval]), ['affected', 'none'], `${ecosystem} introduced ${a} fixed ${b}`);
      assert.deepEqual(statusOf([ca, cb], [upTo]), ['affected', 'none'], `${ecosystem} last_affected ${a} < ${b}`);
      checked++;
    }
    t.diagnostic(`${ecosystem}: ${checked} pairs from versions.json checked as OSV ranges`);
  }
});

test('vers ranges from versions.json pairs: >=a|<b holds a and not b (schemes with a vers name)', async (t) => {
  if (!vectorsAvailable('versions.json')) return void t.skip(skipReason('versions.json'));
  const cases = loadVectorCases<OrderingCase>('versions.json');
  for (const ecosystem of ['maven', 'pypi', 'semver', 'nuget', 'rubygems'] as const) {
    const e = ECOSYSTEMS[ecosystem];
    const picked = cases.filter((c) => c.ecosystem === ecosystem && c.op === '<' && !/[|%<>=!*]/.test(c.a + c.b)).slice(0, 10);
    for (const { a, b } of picked) {
      const vex = readCycloneDxVex({ bomFormat: 'CycloneDX', vulnerabilities: [{ id: 'CVE-2099-1', affects: [{ ref: `pkg:${e.type}/${e.namespace ? e.namespace + '/' : ''}${e.name}`, versions: [{ range: `vers:${e.type}/>=${encodeURIComponent(a)}|<${encodeURIComponent(b)}`, status: 'affected' }] }] }] });
      const ca = component(e.type, e.namespace, e.name, a, 'a');
      const cb = component(e.type, e.namespace, e.name, b, 'b');
      assert.deepEqual(statusOf([ca, cb], [vex]), ['affected', 'none'], `${ecosystem} >=${a}|<${b}`);
    }
  }
});

test('a match carries its proof: identifiers, scheme, range, normalised versions, document and clause', () => {
  const adv = osv('GHSA-demo', 'npm', 'left-pad', [{ introduced: '1.0.0' }, { fixed: '1.3.0' }], 'SEMVER');
  const r = matchSbom([component('npm', undefined, 'left-pad', '1.2.0', 'ref-1')], [adv]);
  assert.equal(r.matches.length, 1);
  const m = r.matches[0]!;
  assert.equal(m.vulnerability, 'CVE-2099-9', 'the CVE alias keys the vulnerability');
  assert.equal(m.purl, 'pkg:npm/left-pad@1.2.0');
  assert.deepEqual(m.proof.identity, { by: 'purl', component: 'pkg:npm/left-pad', advisory: 'pkg:npm/left-pad' });
  assert.equal(m.proof.document, 'GHSA-demo');
  assert.equal(m.proof.clause, '$.affected[0].ranges[0]');
  assert.equal(m.proof.range.scheme, 'semver');
  assert.deepEqual(m.proof.range.version, { input: '1.2.0', normalised: '1.2.0' });
  assert.deepEqual(m.proof.range.decidedBy, ['introduced 1.0.0']);
  assert.deepEqual(m.proof.range.normalised, { 'introduced 1.0.0': '1.0.0', 'fixed 1.3.0': '1.3.0' });
  assert.equal(m.proof.precedence.rank, 2);
});

test('precedence: VEX not_affected overrides affected; the rest ranks as the table says', () => {
  assert.equal(rankOf({ status: 'not_affected', vex: true }), 1);
  assert.equal(rankOf({ status: 'affected', vex: false }), 2);
  assert.equal(rankOf({ status: 'not_affected', vex: false }), 3);
  assert.equal(rankOf({ status: 'fixed', vex: true }), 4);
  assert.equal(rankOf({ status: 'under_investigation', vex: false }), 5);
  assert.equal(rankOf({ status: 'recommended', vex: false }), 6);
  assert.equal(decide([]), undefined);
  assert.deepEqual(decide([{ status: 'fixed', vex: false }, { status: 'affected', vex: false }, { status: 'affected', vex: true }]), { index: 1, rank: 2 });

  const range = osv('GHSA-1', 'npm', 'left-pad', [{ introduced: '0' }, { fixed: '2.0.0' }], 'SEMVER');
  const vex = readOpenVex({ '@id': 'vex-1', statements: [{ vulnerability: 'CVE-2099-6', products: ['pkg:npm/left-pad@1.0.0'], status: 'not_affected' }] });
  const c = component('npm', undefined, 'left-pad', '1.0.0');
  const r = matchSbom([c], [range, vex]);
  assert.equal(r.matches.length, 1);
  assert.equal(r.matches[0]!.status, 'not_affected');
  assert.equal(r.matches[0]!.proof.document, 'vex-1');
  assert.equal(r.matches[0]!.proof.precedence.rank, 1);
  assert.deepEqual(r.matches[0]!.proof.overridden.map((o) => [o.document, o.status]), [['GHSA-1', 'affected']]);
  assert.deepEqual(statusOf([component('npm', undefined, 'left-pad', '1.5.0')], [range, vex]), ['affected'], 'the VEX names 1.0.0 only');
});

test('CPE identity, bom-ref identity, and undecidable ranges reported as findings', () => {
  const csaf = readCsaf({
    document: { category: 'csaf_security_advisory', tracking: { id: 'CPE-1' } },
    product_tree: { branches: [{ category: 'product_version_range', name: 'vers:semver/>=2.0.0|<2.15.0', product: { product_id: 'P', name: 'log4j', product_identification_helper: { cpe: 'cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*' } } }] },
    vulnerabilities: [{ cve: 'CVE-2021-44228', product_status: { known_affected: ['P'] } }],
  });
  const withCpe = (version: string, ref: string): Component => ({ ref, name: 'log4j', version, cpe: `cpe:2.3:a:apache:log4j:${version}:*:*:*:*:*:*:*` });
  const r = matchSbom([withCpe('2.14.1', 'old'), withCpe('2.17.0', 'new'), { ref: 'other', name: 'x', version: '1', cpe: 'cpe:2.3:a:acme:x:1:*:*:*:*:*:*:*' }], [csaf]);
  assert.deepEqual(r.matches.map((m) => [m.component, m.status, m.proof.identity.by]), [['old', 'affected', 'cpe']]);
  assert.equal(r.matches[0]!.proof.identity.cpe?.relation, 'EQUAL', 'the version is left to the range: ANY on both sides');

  const vex = readCycloneDxVex({ bomFormat: 'CycloneDX', vulnerabilities: [{ id: 'CVE-1', analysis: { state: 'exploitable' }, affects: [{ ref: 'urn:cdx:s/1#comp-7' }] }] });
  assert.deepEqual(statusOf([{ ref: 'comp-7', name: 'x' }], [vex]), ['affected']);

  const git = readOsv({ id: 'G-1', affected: [{ package: { ecosystem: 'PyPI', name: 'requests' }, ranges: [{ type: 'GIT', repo: 'https://github.com/psf/requests', events: [{ introduced: '0' }, { fixed: 'abc' }] }] }] });
  const g = matchSbom([component('pypi', undefined, 'requests', '2.0.0')], [git]);
  assert.equal(g.matches.length, 0);
  assert.equal(g.findings[0]!.code, 'SETU_ERR_SUPPLYCHAIN_UNMATCHABLE_RANGE');
  assert.equal(g.findings[0]!.document, 'G-1');
  assert.equal(g.findings[0]!.path, '$.affected[0].ranges[0]');
});

interface OsvCase {
  readonly id: string;
  readonly record: unknown;
}

test('real OSV records: out-of-order intervals, pre-release floor, epochs, two intervals, listed versions', async (t) => {
  if (!vectorsAvailable('osv_examples.json')) return void t.skip(skipReason('osv_examples.json'));
  const byId = new Map(loadVectorCases<OsvCase>('osv_examples.json').map((c) => [c.id, readOsv(c.record, c.id)]));
  const check = (id: string, type: string, namespace: string | undefined, name: string, expected: Record<string, Status | 'none'>): void => {
    const components = Object.keys(expected).map((v) => component(type, namespace, name, v, v));
    assert.deepEqual(Object.fromEntries(components.map((c, i) => [c.ref, statusOf(components, [byId.get(id)!])[i]])), expected, id);
  };
  check('GHSA-76mp-659p-rw65', 'maven', 'org.xwiki.commons', 'xwiki-commons-core', { '11.6.0': 'none', '11.6.1': 'affected', '11.10.13': 'none', '12.0': 'affected', '12.6.6': 'affected', '12.6.7': 'none', '12.10.1': 'affected', '12.10.2': 'none' });
  check('GHSA-mhpp-875w-9cpv', 'npm', undefined, 'jquery', { '2.1.0': 'none', '2.1.1-beta.1': 'affected', '2.2.4': 'affected', '3.0.0': 'none' });
  check('GO-2024-2963', 'golang', undefined, 'stdlib', { '1.21.11': 'affected', '1.21.12': 'none', '1.22.0-rc.1': 'affected', '1.22.4': 'affected', '1.22.5': 'none' });
  check('RHSA-2024:4546', 'rpm', 'redhat', 'git-lfs', { '2.13.3-2.el8': 'affected', '0:2.13.3-3.el8_6.1': 'none', '2.13.3-3.el8_6.1': 'none', '1:1.0-1': 'none' });
  check('GHSA-9v2f-6vcg-3hgv', 'pypi', undefined, 'gradio', { '4.36.1': 'affected', '4.37.0': 'none' });
  check('PYSEC-2023-74', 'pypi', undefined, 'requests', { '2.2.1': 'none', '2.3.0': 'affected', '2.30.0': 'affected', '2.31.0': 'none' });
});

test('real CSAF VEX and CycloneDX VEX documents: statuses reach the matching components', async (t) => {
  if (!vectorsAvailable('cyclonedx_examples.json')) return void t.skip(skipReason('cyclonedx_examples.json'));
  const docs = loadVectorCases<{ path: string; document: unknown }>('cyclonedx_examples.json');
  const bom = readCycloneDxJson(docs.find((d) => d.path === 'VEX/bom.json')!.document, 'bom');
  const vex = readCycloneDxVex(docs.find((d) => d.path === 'VEX/vex.json')!.document, 'vex');
  const r = matchSbom(bom.components, [vex]);
  assert.deepEqual(r.matches.map((m) => [m.purl, m.vulnerability, m.status]), [['pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar', 'CVE-2020-25649', 'not_affected']]);
  assert.equal(r.matches[0]!.proof.range.scheme, 'maven');
});

interface CsafVexCase {
  readonly tracking_id: string;
  readonly document: { product_tree: { branches: unknown[] } };
}

/** Give every product of a CSAF tree a purl helper built from its vendor and product name branches. */
function withPurls(tree: { branches: unknown[] }): void {
  const walk = (branches: unknown, names: string[]): void => {
    if (!Array.isArray(branches)) return;
    for (const b of branches as { category: string; name: string; product?: Record<string, unknown>; branches?: unknown }[]) {
      const here = b.category === 'vendor' || b.category === 'product_name' ? [...names, b.name.toLowerCase().replaceAll(' ', '-')] : names;
      if (b.product) b.product['product_identification_helper'] = { purl: `pkg:generic/${here.join('/')}` };
      walk(b.branches, here);
    }
  };
  walk(tree.branches, []);
}

test('real CSAF VEX examples (with purl helpers added): statuses reach the components, recommended is never affected', async (t) => {
  if (!vectorsAvailable('csaf_vex_examples.json')) return void t.skip(skipReason('csaf_vex_examples.json'));
  const docs = new Map(loadVectorCases<CsafVexCase>('csaf_vex_examples.json').map((c) => [c.tracking_id, structuredClone(c.document)]));
  const read = (id: string): Advisory => {
    const doc = docs.get(id)!;
    withPurls(doc.product_tree);
    return readCsaf(doc, id);
  };
  const comp = (name: string, version: string, ref: string): Component => ({ ref, name, version, purl: `pkg:generic/example-company/${name}@${version}`, packageKey: `pkg:generic/example-company/${name}` });
  const r = matchSbom(
    [comp('def', '1.0', 'def-1.0'), comp('def', '1.1', 'def-1.1'), comp('abc', '4.2', 'abc-4.2'), comp('ghi', '17.4', 'ghi-17.4')],
    ['2022-EVD-UC-01-A-001', '2022-EVD-UC-01-F-001', '2022-EVD-UC-01-NA-001', '2022-EVD-UC-01-UI-001'].map(read),
  );
  assert.deepEqual(r.matches.map((m) => [m.component, m.vulnerability, m.status, m.proof.document, m.proof.statedAs]), [
    ['def-1.0', 'CVE-2021-44228', 'affected', '2022-EVD-UC-01-A-001', 'known_affected'],
    ['def-1.1', 'CVE-2021-44228', 'fixed', '2022-EVD-UC-01-F-001', 'fixed'],
    ['abc-4.2', 'CVE-2021-44228', 'not_affected', '2022-EVD-UC-01-NA-001', 'known_not_affected'],
    ['ghi-17.4', 'CVE-2021-44228', 'under_investigation', '2022-EVD-UC-01-UI-001', 'under_investigation'],
  ]);
  const eight = read('2022-EVD-UC-08-001');
  const recommended = eight.affected.filter((a) => a.statedAs === 'recommended');
  assert.ok(recommended.length > 0);
  const target = recommended[0]!;
  assert.ok(target.product.kind === 'csaf' && target.range.kind === 'exact');
  const name = target.product.branches.find((b) => b.startsWith('product_name:'))!.slice('product_name:'.length).toLowerCase();
  const m = matchSbom([comp(name, target.range.version, 'rec')], [eight]).matches.filter((x) => x.component === 'rec');
  assert.ok(m.length > 0);
  assert.ok(m.every((x) => x.status !== 'affected'), JSON.stringify(m.map((x) => [x.vulnerability, x.status])));
  const generic = matchSbom([comp('abc', '2.5', 'abc-2.5')], [read('2022-EVD-UC-07-001')]);
  assert.ok(generic.findings.some((f) => f.code === 'SETU_ERR_SUPPLYCHAIN_UNMATCHABLE_RANGE' && /vers:generic/.test(f.rule)), 'vers:generic ranges are reported as not comparable');
});
