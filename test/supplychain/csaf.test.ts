// CSAF 2.0: the product-status table (all eight lists; recommended is never "affected"), the
// product tree walk (branch names, product_version, product_version_range as vers or text,
// product_identification_helper purl/cpe, relationships), the VEX profile on
// csaf_vex_examples.json, and validation errors surfaced as findings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CSAF_STATUS, CSAF_STATUS_LISTS, readCsaf, validateCsaf } from '../../src/supplychain/index.js';
import type { Status } from '../../src/supplychain/index.js';
import { loadVectorCases, skipReason, vectorsAvailable } from './vectors.js';

interface VexCase {
  readonly tracking_id: string;
  readonly product_statuses: readonly string[];
  readonly cves: readonly string[];
  readonly vers_ranges: readonly string[];
  readonly document: { readonly vulnerabilities: readonly { readonly product_status: Record<string, readonly string[]> }[] };
}

test('CSAF product_status lists map by the table, recommended is not affected', () => {
  const expected: Record<string, Status> = {
    first_affected: 'affected',
    known_affected: 'affected',
    last_affected: 'affected',
    first_fixed: 'fixed',
    fixed: 'fixed',
    known_not_affected: 'not_affected',
    recommended: 'recommended',
    under_investigation: 'under_investigation',
  };
  assert.deepEqual({ ...CSAF_STATUS }, expected);
  assert.equal(CSAF_STATUS_LISTS.length, 8);
  assert.notEqual(CSAF_STATUS.recommended, 'affected');
});

const DOC = {
  document: { category: 'csaf_security_advisory', tracking: { id: 'ACME-2024-1' } },
  product_tree: {
    branches: [
      {
        category: 'vendor',
        name: 'Acme',
        branches: [
          {
            category: 'product_name',
            name: 'Widget',
            branches: [
              { category: 'product_version', name: '1.2.3', product: { product_id: 'W-123', name: 'Acme Widget 1.2.3', product_identification_helper: { purl: 'pkg:npm/acme-widget@1.2.3' } } },
              { category: 'product_version_range', name: 'vers:npm/>=2.0.0|<2.4.1', product: { product_id: 'W-2', name: 'Acme Widget 2.x', product_identification_helper: { purl: 'pkg:npm/acme-widget' } } },
              { category: 'product_version_range', name: '<=3.0', product: { product_id: 'W-3', name: 'Acme Widget <=3.0' } },
              { category: 'product_version', name: '2.4.1', product: { product_id: 'W-241', name: 'Acme Widget 2.4.1', product_identification_helper: { cpe: 'cpe:2.3:a:acme:widget:2.4.1:*:*:*:*:*:*:*' } } },
            ],
          },
        ],
      },
    ],
    full_product_names: [{ product_id: 'OS-1', name: 'Acme OS' }],
    relationships: [{ category: 'installed_on', product_reference: 'W-123', relates_to_product_reference: 'OS-1', full_product_name: { product_id: 'W-123-ON-OS', name: 'Widget on OS' } }],
  },
  vulnerabilities: [
    {
      cve: 'CVE-2024-0001',
      product_status: {
        known_affected: ['W-123', 'W-2', 'W-123-ON-OS'],
        fixed: ['W-241'],
        recommended: ['W-241'],
        under_investigation: ['W-3'],
        known_not_affected: ['OS-1', 'MISSING'],
      },
    },
  ],
};

test('CSAF product tree: branch names, versions, ranges, helpers, relationships', () => {
  const a = readCsaf(DOC, 'file.json');
  assert.equal(a.document, 'ACME-2024-1');
  assert.equal(a.vex, false);
  assert.deepEqual(a.vulnerabilities, ['CVE-2024-0001']);
  const by = new Map(a.affected.map((x) => [`${x.product.kind === 'csaf' ? x.product.productId : ''}/${x.statedAs}`, x]));
  const w123 = by.get('W-123/known_affected')!;
  assert.ok(w123.product.kind === 'csaf');
  assert.deepEqual(w123.product.branches, ['vendor:Acme', 'product_name:Widget', 'product_version:1.2.3']);
  assert.equal(w123.product.packageKey, 'pkg:npm/acme-widget');
  assert.deepEqual(w123.range, { kind: 'exact', version: '1.2.3' });
  assert.equal(w123.clause, '$.vulnerabilities[0].product_status.known_affected[0]');
  assert.deepEqual(by.get('W-2/known_affected')!.range, { kind: 'vers', vers: 'vers:npm/>=2.0.0|<2.4.1' });
  assert.deepEqual(by.get('W-3/under_investigation')!.range, { kind: 'text', text: '<=3.0' });
  assert.equal(by.get('W-241/fixed')!.status, 'fixed');
  assert.equal(by.get('W-241/recommended')!.status, 'recommended');
  const w241 = by.get('W-241/fixed')!.product;
  assert.ok(w241.kind === 'csaf' && w241.cpe === 'cpe:2.3:a:acme:widget:2.4.1:*:*:*:*:*:*:*');
  const onOs = by.get('W-123-ON-OS/known_affected')!.product;
  assert.ok(onOs.kind === 'csaf' && onOs.packageKey === 'pkg:npm/acme-widget' && onOs.branches.at(-1) === 'installed_on:OS-1');
  assert.deepEqual(by.get('OS-1/known_not_affected')!.range, { kind: 'unversioned' });
  assert.ok(a.findings.some((f) => f.path === '$.product_tree.branches[0].branches[0].branches[2].name' && f.code === 'SETU_ERR_SUPPLYCHAIN_UNMATCHABLE_RANGE'));
  assert.ok(a.findings.some((f) => f.path === '$.vulnerabilities[0].product_status.known_not_affected[1]' && /MISSING/.test(f.rule)));
  assert.equal(readCsaf([], 'x').findings[0]!.path, '$.document');
});

test('CSAF VEX examples: every product id gets the status of the list it is in', async (t) => {
  if (!vectorsAvailable('csaf_vex_examples.json')) return void t.skip(skipReason('csaf_vex_examples.json'));
  for (const c of loadVectorCases<VexCase>('csaf_vex_examples.json')) {
    const a = readCsaf(c.document, c.tracking_id);
    assert.equal(a.document, c.tracking_id);
    assert.equal(a.vex, true);
    assert.deepEqual([...a.vulnerabilities].sort(), [...c.cves].sort());
    const expected = c.document.vulnerabilities.flatMap((v) => Object.entries(v.product_status).flatMap(([list, ids]) => ids.map((id) => `${id}:${CSAF_STATUS[list as keyof typeof CSAF_STATUS]}`)));
    const got = a.affected.map((x) => `${x.product.kind === 'csaf' ? x.product.productId : ''}:${x.status}`);
    assert.deepEqual(got.sort(), expected.sort(), c.tracking_id);
    assert.deepEqual([...new Set(a.affected.map((x) => x.statedAs))].sort(), [...c.product_statuses].sort(), c.tracking_id);
    const vers = a.affected.flatMap((x) => (x.range.kind === 'vers' ? [x.range.vers] : []));
    assert.deepEqual([...new Set(vers)].sort(), [...c.vers_ranges].sort(), c.tracking_id);
  }
});

test('CSAF validation: a valid VEX example passes; a broken document gives findings with section and path', async (t) => {
  if (!vectorsAvailable('csaf_vex_examples.json')) return void t.skip(skipReason('csaf_vex_examples.json'));
  const doc = loadVectorCases<VexCase>('csaf_vex_examples.json')[0]!.document;
  const ok = await validateCsaf(doc, 'x');
  assert.equal(ok.valid, true, JSON.stringify(ok.findings.slice(0, 3)));
  assert.deepEqual(ok.findings, []);
  const broken = structuredClone(doc) as { vulnerabilities: { product_status: Record<string, string[]> }[] };
  broken.vulnerabilities[0]!.product_status['known_affected'] = ['CSAFPID-9999'];
  const bad = await validateCsaf(broken, 'x');
  assert.equal(bad.valid, false);
  const f = bad.findings.find((x) => x.rule.startsWith('CSAF 6.1.1:'));
  assert.ok(f, JSON.stringify(bad.findings));
  assert.equal(f.code, 'SETU_ERR_SUPPLYCHAIN_CSAF_INVALID');
  assert.equal(f.path, '$.vulnerabilities[0].product_status.known_affected[0]');
  assert.equal(f.document, '2022-EVD-UC-01-A-001');
  const notAnObject = await validateCsaf('text', 'plain.txt');
  assert.equal(notAnObject.valid, false);
  assert.ok(notAnObject.findings.every((x) => x.document === 'plain.txt'));
});
