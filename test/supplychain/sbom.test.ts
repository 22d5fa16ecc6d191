// SBOM readers: CycloneDX JSON (spec fixtures from cyclonedx_examples.json), CycloneDX XML
// (hand-built, the same walker), SPDX 2.3 JSON (spdx_examples.json), and what is reported
// rather than fatal: unregistered purl types, two-part versions, missing versions, bad shapes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalPurl, normaliseComponent, readCycloneDxJson, readCycloneDxXml, readSpdxJson } from '../../src/supplychain/index.js';
import { loadVectorCases, skipReason, vectorsAvailable } from './vectors.js';

interface CdxCase {
  readonly path: string;
  readonly kind: string;
  readonly spec_version: string;
  readonly purls: readonly string[];
  readonly document: unknown;
}
interface SpdxCase {
  readonly path: string;
  readonly purls: readonly string[];
  readonly document: unknown;
}

const canonical = (p: string): string => {
  const c = canonicalPurl(p);
  assert.ok(c.ok, p);
  return c.value;
};

/** Purls found under any "pedigree" (what a component was derived from, not a component itself). */
function pedigreePurls(doc: unknown, inPedigree = false): string[] {
  if (Array.isArray(doc)) return doc.flatMap((d) => pedigreePurls(d, inPedigree));
  if (typeof doc !== 'object' || doc === null) return [];
  return Object.entries(doc).flatMap(([k, v]) => (k === 'purl' && inPedigree && typeof v === 'string' ? [v] : pedigreePurls(v, inPedigree || k === 'pedigree')));
}

test('CycloneDX JSON examples: every purl the fixture lists is read, canonical, with its bom-ref', async (t) => {
  if (!vectorsAvailable('cyclonedx_examples.json')) return void t.skip(skipReason('cyclonedx_examples.json'));
  for (const c of loadVectorCases<CdxCase>('cyclonedx_examples.json')) {
    const r = readCycloneDxJson(c.document, c.path);
    assert.equal(r.specVersion, c.spec_version, c.path);
    const purls = r.components.flatMap((x) => (x.purl ? [x.purl] : [])).sort();
    // The fixture lists every purl in the document; pedigree ancestors are not components.
    const pedigree = new Set(pedigreePurls(c.document).map(canonical));
    assert.deepEqual(purls, c.purls.map(canonical).filter((p) => !pedigree.has(p) || purls.includes(p)).sort(), c.path);
    for (const x of r.components) assert.ok(x.ref !== '' && x.name !== '', c.path);
    const unsupported = c.spec_version === '1.3';
    assert.equal(r.findings.some((f) => f.path === '$.specVersion'), unsupported, `${c.path}: spec version outside 1.4–1.6 is a warning`);
  }
});

test('CycloneDX JSON: nested components, group joined to the name, supplier, bad shapes are findings', () => {
  const r = readCycloneDxJson({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: 'urn:uuid:1',
    metadata: { component: { 'bom-ref': 'app', name: 'app', version: '1' } },
    components: [
      { 'bom-ref': 'a', group: 'org.x', name: 'lib', version: '2.0', purl: 'pkg:maven/org.x/lib@2.0', supplier: { name: 'X Corp' }, components: [{ 'bom-ref': 'b', name: 'inner', purl: 'pkg:npm/inner@1.0.0' }] },
      'not a component',
      { 'bom-ref': 'c', name: 'noversion' },
    ],
  });
  assert.equal(r.document, 'urn:uuid:1');
  assert.deepEqual(r.components.map((c) => c.ref), ['app', 'a', 'b', 'c']);
  assert.equal(r.components[1]!.name, 'org.x/lib');
  assert.equal(r.components[1]!.supplier, 'X Corp');
  assert.equal(r.components[2]!.version, '1.0.0');
  assert.ok(r.findings.some((f) => f.path === '$.components[1]' && f.code === 'SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT'));
  assert.ok(r.findings.some((f) => f.path === '$.components[2]' && /no version/.test(f.rule)));
  const bad = readCycloneDxJson({ bomFormat: 'SPDX' }, 'x.json');
  assert.deepEqual(bad.components, []);
  assert.equal(bad.findings[0]!.document, 'x.json');
  assert.equal(bad.findings[0]!.path, '$.bomFormat');
});

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.5" serialNumber="urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79" version="1">
  <metadata><component type="application" bom-ref="app"><name>app</name><version>1.0</version></component></metadata>
  <components>
    <component type="library" bom-ref="pkg:npm/acme/component@1.0.0">
      <supplier><name>Acme</name><url>https://acme.example</url></supplier>
      <group>acme</group><name>component</name><version>1.0.0</version>
      <purl>pkg:npm/acme/component@1.0.0</purl>
      <cpe>cpe:2.3:a:acme:component:1.0.0:*:*:*:*:*:*:*</cpe>
      <components>
        <component type="library" bom-ref="inner"><name>inner</name><version>0.14</version><purl>pkg:cargo/inner@0.14</purl></component>
      </components>
    </component>
  </components>
</bom>`;

test('CycloneDX XML: namespace gives the spec version, attributes the bom-ref, nested components read', () => {
  const r = readCycloneDxXml(XML, 'bom.xml');
  assert.equal(r.format, 'cyclonedx-xml');
  assert.equal(r.specVersion, '1.5');
  assert.equal(r.document, 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79');
  assert.deepEqual(r.components.map((c) => c.ref), ['app', 'pkg:npm/acme/component@1.0.0', 'inner']);
  const c = r.components[1]!;
  assert.equal(c.purl, 'pkg:npm/acme/component@1.0.0');
  assert.equal(c.packageKey, 'pkg:npm/acme/component');
  assert.equal(c.cpe, 'cpe:2.3:a:acme:component:1.0.0:*:*:*:*:*:*:*');
  assert.equal(c.supplier, 'Acme');
  assert.ok(r.findings.some((f) => f.path === '$.components[0].components[0].purl' && /cargo scheme/.test(f.rule)), 'a two-part cargo version is reported');
});

test('CycloneDX XML: not well-formed, or not a <bom>, is one finding and no throw', () => {
  const broken = readCycloneDxXml('<bom><components></bom>', 'broken.xml');
  assert.equal(broken.components.length, 0);
  assert.match(broken.findings[0]!.rule, /not well-formed XML/);
  assert.equal(broken.findings[0]!.document, 'broken.xml');
  const other = readCycloneDxXml('<sbom/>', 'other.xml');
  assert.equal(other.findings[0]!.path, '/bom');
});

test('SPDX 2.3 examples: purls from externalRefs; unregistered types and two-part versions are reported', async (t) => {
  if (!vectorsAvailable('spdx_examples.json')) return void t.skip(skipReason('spdx_examples.json'));
  const cases = loadVectorCases<SpdxCase>('spdx_examples.json');
  for (const c of cases) {
    const r = readSpdxJson(c.document, c.path);
    assert.equal(r.specVersion, 'SPDX-2.3');
    assert.deepEqual(r.components.flatMap((x) => (x.purl ? [x.purl] : [])).sort(), c.purls.map(canonical).sort(), c.path);
    for (const x of r.components) assert.match(x.ref, /^SPDXRef-/);
  }
  const all = cases.flatMap((c) => readSpdxJson(c.document, c.path).findings);
  assert.ok(all.some((f) => /purl type "alpine" is not a registered purl type/.test(f.rule)));
  assert.ok(all.some((f) => /version "0\.14" of pkg:cargo\/hyper@0\.14 cannot be read under the cargo scheme/.test(f.rule)));
  assert.ok(all.every((f) => f.severity === 'warning' && f.path.startsWith('$.packages[')));
});

test('SPDX: supplier prefix dropped, NOASSERTION is no supplier, cpe23Type read, bad shapes are findings', () => {
  const r = readSpdxJson({
    spdxVersion: 'SPDX-2.2',
    documentNamespace: 'https://example/doc',
    packages: [
      { SPDXID: 'SPDXRef-a', name: 'a', versionInfo: '1.0', supplier: 'Organization: A Inc', externalRefs: [{ referenceCategory: 'SECURITY', referenceType: 'cpe23Type', referenceLocator: 'cpe:2.3:a:a:a:1.0:*:*:*:*:*:*:*' }] },
      { SPDXID: 'SPDXRef-b', name: 'b', supplier: 'NOASSERTION' },
      7,
    ],
  });
  assert.equal(r.document, 'https://example/doc');
  assert.equal(r.components[0]!.supplier, 'A Inc');
  assert.equal(r.components[0]!.cpe, 'cpe:2.3:a:a:a:1.0:*:*:*:*:*:*:*');
  assert.equal(r.components[1]!.supplier, undefined);
  assert.ok(r.findings.some((f) => f.path === '$.spdxVersion' && f.severity === 'warning'));
  assert.ok(r.findings.some((f) => f.path === '$.packages[1]' && /no version/.test(f.rule)));
  assert.ok(r.findings.some((f) => f.path === '$.packages[2]'));
  assert.equal(readSpdxJson([], 'arr').findings[0]!.path, '$.spdxVersion');
});

test('normaliseComponent: an unreadable purl is reported; with no name at all the component is left out', () => {
  const a = normaliseComponent({ ref: 'r', purl: 'pkg:/broken', name: 'x', version: '1' }, 'doc', '$.c');
  assert.equal(a.component?.purl, undefined);
  assert.equal(a.findings[0]!.path, '$.c.purl');
  const b = normaliseComponent({ ref: 'r' }, 'doc', '$.c');
  assert.equal(b.component, undefined);
  assert.match(b.findings[0]!.rule, /left out/);
  const c = normaliseComponent({ ref: 'r', purl: 'pkg:npm/left-pad' }, 'doc', '$.c');
  assert.equal(c.component?.name, 'left-pad');
  assert.match(c.findings[0]!.rule, /has no version/);
});
