// OpenVEX and CycloneDX VEX: their status tables, and the readers (purl, BOM-Link and bom-ref
// products; per-version statuses; bad shapes as findings), on cyclonedx_examples.json too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Enums } from '@cyclonedx/cyclonedx-library';
import {
  CYCLONEDX_AFFECTS_STATUS,
  CYCLONEDX_ANALYSIS_STATES,
  CYCLONEDX_ANALYSIS_STATUS,
  OPENVEX_STATUS,
  bomRefOf,
  readCycloneDxVex,
  readOpenVex,
} from '../../src/supplychain/index.js';
import { loadVectorCases, skipReason, vectorsAvailable } from './vectors.js';

test('CycloneDX analysis states: the table covers exactly the states @cyclonedx/cyclonedx-library knows', () => {
  assert.deepEqual([...CYCLONEDX_ANALYSIS_STATES].sort(), Object.values(Enums.Vulnerability.AnalysisState).sort());
  assert.deepEqual({ ...CYCLONEDX_ANALYSIS_STATUS }, {
    resolved: 'fixed',
    resolved_with_pedigree: 'fixed',
    exploitable: 'affected',
    in_triage: 'under_investigation',
    false_positive: 'not_affected',
    not_affected: 'not_affected',
  });
  assert.deepEqual({ ...CYCLONEDX_AFFECTS_STATUS }, { affected: 'affected', unaffected: 'not_affected', unknown: 'under_investigation' });
  assert.deepEqual({ ...OPENVEX_STATUS }, { not_affected: 'not_affected', affected: 'affected', fixed: 'fixed', under_investigation: 'under_investigation' });
});

test('OpenVEX: statements per product, purl versions pinned, 0.0.x string shapes, findings', () => {
  const a = readOpenVex({
    '@id': 'https://openvex.dev/docs/example/vex-1',
    statements: [
      { vulnerability: { name: 'CVE-2023-1', aliases: ['GHSA-x'] }, products: [{ '@id': 'pkg:npm/foo@1.2.3' }, { '@id': 'pkg:npm/bar' }], status: 'not_affected', justification: 'vulnerable_code_not_present' },
      { vulnerability: 'CVE-2023-2', products: ['app-ref', 'cpe:2.3:a:acme:app:*:*:*:*:*:*:*:*'], status: 'affected' },
      { vulnerability: 'CVE-2023-3', products: ['x'], status: 'maybe' },
      { products: ['x'], status: 'fixed' },
      { vulnerability: 'CVE-2023-4', products: [42], status: 'fixed' },
      'junk',
    ],
  });
  assert.equal(a.document, 'https://openvex.dev/docs/example/vex-1');
  assert.equal(a.vex, true);
  assert.deepEqual(a.affected.map((x) => [x.product.kind, x.range.kind, x.status, x.clause]), [
    ['purl', 'exact', 'not_affected', '$.statements[0].products[0]'],
    ['purl', 'unversioned', 'not_affected', '$.statements[0].products[1]'],
    ['bom-ref', 'unversioned', 'affected', '$.statements[1].products[0]'],
    ['cpe', 'unversioned', 'affected', '$.statements[1].products[1]'],
  ]);
  assert.deepEqual(a.affected[0]!.vulnerabilities, ['CVE-2023-1', 'GHSA-x']);
  assert.deepEqual(a.findings.map((f) => f.path), ['$.statements[2].status', '$.statements[3].vulnerability', '$.statements[4].products[0]', '$.statements[5]']);
  assert.equal(readOpenVex({}, 'empty').findings[0]!.path, '$.statements');
});

test('CycloneDX VEX: BOM-Link refs resolve to their bom-ref; per-version statuses; analysis state otherwise', () => {
  assert.equal(bomRefOf('urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#pkg:maven/a/b@1.0'), 'pkg:maven/a/b@1.0');
  assert.equal(bomRefOf('plain-ref'), 'plain-ref');
  assert.equal(bomRefOf('urn:cdx:x/1#pkg%3Anpm%2Fa'), 'pkg:npm/a');
  assert.equal(bomRefOf('urn:cdx:x/1#bad%E0%A4%A'), 'bad%E0%A4%A', 'a malformed escape is compared as written, never thrown');
  const a = readCycloneDxVex({
    bomFormat: 'CycloneDX',
    serialNumber: 'urn:uuid:v',
    vulnerabilities: [
      { id: 'CVE-1', analysis: { state: 'exploitable' }, affects: [{ ref: 'urn:cdx:x/1#comp-1' }] },
      { id: 'CVE-2', analysis: { state: 'in_triage' }, affects: [{ ref: 'pkg:npm/a@1.0.0', versions: [{ version: '1.0.0', status: 'unaffected' }, { range: 'vers:npm/<1.0.0' }] }] },
      { id: 'CVE-3', analysis: { state: 'bogus' }, affects: [{ ref: 'c' }] },
      { analysis: { state: 'resolved' } },
      { id: 'CVE-4', affects: [{}] },
    ],
  });
  assert.equal(a.document, 'urn:uuid:v');
  assert.deepEqual(a.affected.map((x) => [x.product.kind, x.range.kind, x.status, x.statedAs]), [
    ['bom-ref', 'unversioned', 'affected', 'exploitable'],
    ['purl', 'exact', 'not_affected', 'unaffected'],
    ['purl', 'vers', 'under_investigation', 'in_triage'],
  ]);
  assert.deepEqual(a.findings.map((f) => f.path), ['$.vulnerabilities[2].analysis.state', '$.vulnerabilities[2].analysis.state', '$.vulnerabilities[3].id', '$.vulnerabilities[4].affects[0].ref']);
  assert.equal(readCycloneDxVex(null, 'n').findings[0]!.path, '$.bomFormat');
});

test('CycloneDX examples: the VEX states the fixtures list are read', async (t) => {
  if (!vectorsAvailable('cyclonedx_examples.json')) return void t.skip(skipReason('cyclonedx_examples.json'));
  for (const c of loadVectorCases<{ path: string; vex_states: string[]; document: unknown }>('cyclonedx_examples.json')) {
    const a = readCycloneDxVex(c.document, c.path);
    const states = new Set(a.affected.map((x) => x.statedAs).filter((s) => (CYCLONEDX_ANALYSIS_STATES as readonly string[]).includes(s)));
    for (const s of c.vex_states) assert.ok(states.has(s) || c.path.includes('valid-vulnerability'), `${c.path}: ${s}`);
    if (c.path === 'VEX/vex.json') {
      assert.equal(a.affected.length, 1);
      const x = a.affected[0]!;
      assert.ok(x.product.kind === 'purl' && x.product.packageKey === 'pkg:maven/com.fasterxml.jackson.core/jackson-databind');
      assert.equal(x.status, 'not_affected');
      assert.deepEqual(x.vulnerabilities, ['CVE-2020-25649']);
    }
  }
});
