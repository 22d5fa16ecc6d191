// setu org create/update with trust fields, setu community create|list|add-member, setu collection
// create with community audiences / default TLP / public, and setu export --as: called as functions,
// with the exit-code mapping of their failures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SETU_RECIPIENTS_EXTENSION_ID, orgIdentityId } from '../../src/access/index.js';
import { run as init } from '../../src/cli/commands/init.js';
import * as org from '../../src/cli/commands/org.js';
import * as community from '../../src/cli/commands/community.js';
import * as collection from '../../src/cli/commands/collection.js';
import { run as importFiles } from '../../src/cli/commands/import.js';
import { main } from '../../src/cli/main.js';
import { isSetuError } from '../../src/errors/index.js';
import { withNode } from '../../src/node/index.js';
import { ingest } from '../../src/ingest/index.js';
import { captureIo } from './capture.js';

async function node() {
  const dir = await mkdtemp(join(tmpdir(), 'setu-trust-cli-'));
  await init({ data: dir, nodeName: 'CERT Test', country: 'IN', json: true }, captureIo());
  return dir;
}
const coded = (code: string) => (error: unknown) => isSetuError(error) && error.code === code;

test('organisations carry kind, sectors, clients and consent; bad values are usage errors naming the field', async () => {
  const data = await node();
  const io = captureIo();
  await org.create({ data, id: 'isp-in', name: 'ISP', country: 'IN', kind: 'cii-operator', sectors: ['in-telecom'], json: true }, io);
  const cert = await org.create({ data, id: 'cert-in', name: 'CERT-In', country: 'IN', kind: 'cert', clients: ['isp-in'], consentAttribution: true, json: true }, io);
  assert.deepEqual([cert.kind, cert.clients, cert.attributionConsent], ['cert', ['isp-in'], true]);
  assert.match(io.stdout(), new RegExp(orgIdentityId('cert-in')));
  await assert.rejects(org.create({ data, id: 'x', name: 'X', kind: 'bank', json: false }, captureIo()), coded('SETU_ERR_NODE_BAD_ARGUMENT'));
  await assert.rejects(org.create({ data, id: 'y', name: 'Y', sectors: ['jp-spaceports'], json: false }, captureIo()), coded('SETU_ERR_NODE_BAD_ARGUMENT'));
  await assert.rejects(org.create({ data, id: 'z', name: 'Z', clients: ['nobody'], json: false }, captureIo()), coded('SETU_ERR_NODE_UNKNOWN_ORG'));
  const updated = await org.update({ data, id: 'cert-in', clients: [], consentAttribution: false, sectors: ['jp-finance'], json: false }, captureIo());
  assert.deepEqual([updated.clients, updated.attributionConsent, updated.sectors], [undefined, undefined, ['jp-finance']]);
  const err = captureIo();
  assert.equal(await main(['node', 'setu', 'org', 'create', '--data', data, '--id', 'q', '--name', 'Q', '--sector', 'nope'], err), 2);
  assert.match(err.stderr(), /sector must be a sector of the built-in vocabulary/);
  const vocabulary = await org.sectors({ json: true }, captureIo());
  assert.equal(vocabulary.sectors.JP.length, 15);
});

test('communities and community collections from the command line', async () => {
  const data = await node();
  for (const id of ['cert-in', 'jpcert', 'isp-jp']) await org.create({ data, id, name: id, json: false }, captureIo());
  const io = captureIo();
  assert.equal(await main(['node', 'setu', 'community', 'create', '--data', data, '--id', 'in-jp-g2g', '--name', 'IN-JP G2G', '--member', 'cert-in'], io), 0);
  await community.addMember({ data, community: 'in-jp-g2g', org: 'jpcert', json: false }, captureIo());
  await community.addMember({ data, community: 'in-jp-g2g', org: 'jpcert', json: false }, captureIo());
  const listed = await community.list({ data, json: true }, captureIo());
  assert.deepEqual(listed.map((c) => [c.id, c.members]), [['in-jp-g2g', ['cert-in', 'jpcert']]]);
  await assert.rejects(community.addMember({ data, community: 'nope', org: 'jpcert', json: false }, captureIo()), coded('SETU_ERR_NODE_UNKNOWN_COMMUNITY'));
  await assert.rejects(community.create({ data, id: 'in-jp-g2g', name: 'again', members: [], json: false }, captureIo()), coded('SETU_ERR_NODE_DUPLICATE'));
  const c = await collection.create({ data, title: 'G2G', read: [], write: [], readCommunities: ['in-jp-g2g'], defaultTlp: 'TLP:AMBER', public: false, json: true }, captureIo());
  assert.deepEqual([c.readCommunities, c.defaultTlp], [['in-jp-g2g'], 'amber']);
  await assert.rejects(collection.create({ data, title: 'bad', read: [], write: [], defaultTlp: 'purple', json: false }, captureIo()), coded('SETU_ERR_NODE_BAD_ARGUMENT'));
  await assert.rejects(collection.create({ data, title: 'bad', read: [], write: [], readCommunities: ['none'], json: false }, captureIo()), coded('SETU_ERR_NODE_UNKNOWN_COMMUNITY'));
  const lines = captureIo();
  await collection.list({ data, json: false }, lines);
  assert.match(lines.stdout(), /read: community:in-jp-g2g.*default TLP:AMBER/);
});

test('setu export --as ORG: only what it may read and pass on, fields it lacks removed, the extension appended', async () => {
  const data = await node();
  for (const id of ['cert-in', 'jpcert', 'vendor']) await org.create({ data, id, name: id, json: false }, captureIo());
  const c = await collection.create({ data, title: 'G2G', read: ['cert-in', 'jpcert'], write: ['cert-in'], defaultTlp: 'amber', json: true }, captureIo());
  const RED = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1';
  const m = (n: number, extra: Record<string, unknown>) => JSON.stringify({ type: 'malware', spec_version: '2.1', id: `malware--00000000-0000-4000-8000-00000000000${n}`, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', name: `m${n}`, is_family: false, description: 'secret', ...extra });
  await withNode(data, Date.now, async ({ store }) => {
    const status = await ingest({
      store, collectionId: c.id, clock: Date.now, newId: () => 'st-1', events: { emit: () => undefined }, submitter: { orgId: 'cert-in' },
      rawObjects: [
        m(1, {}),
        m(2, { object_marking_refs: [RED], extensions: { [SETU_RECIPIENTS_EXTENSION_ID]: { extension_type: 'property-extension', recipients: [orgIdentityId('jpcert')] } } }),
        m(3, { object_marking_refs: [RED] }),
        m(4, { granular_markings: [{ marking_ref: RED, selectors: ['description'] }] }),
      ],
    });
    assert.equal(status.status.successCount, 4);
  });
  const { run: exportBundle } = await import('../../src/cli/commands/export.js');
  const out = join(data, 'jp.json');
  const result = await exportBundle({ data, collection: c.id, out, as: 'jpcert' }, captureIo());
  const bundle = JSON.parse(await readFile(out, 'utf8')) as { objects: Record<string, unknown>[] };
  const ids = bundle.objects.map((o) => String(o['id']).slice(-1));
  assert.deepEqual(ids.slice(0, 3), ['1', '2', '4'], 'the RED object addressed to the author alone is not read');
  assert.equal(bundle.objects.at(-1)?.['id'], SETU_RECIPIENTS_EXTENSION_ID, 'the extension-definition travels with the export');
  assert.equal(bundle.objects.find((o) => String(o['id']).endsWith('4'))?.['description'], undefined);
  assert.equal(result.objects, 3);
  // handed to a vendor: the AMBER objects and the RED one stay
  const io = captureIo();
  const toVendor = await exportBundle({ data, collection: c.id, out: join(data, 'v.json'), as: 'jpcert', to: 'vendor' }, io);
  assert.equal(toVendor.objects, 0);
  assert.match(io.stderr(), /withheld 3 object version/);
  assert.match(io.stderr(), /skipped 1 object version\(s\) that jpcert may not read/);
  assert.equal(toVendor.unreadable, 1, 'the RED version addressed to nobody else is not jpcert\'s to export');
  await assert.rejects(exportBundle({ data, collection: c.id, as: 'vendor' }, captureIo()), coded('SETU_ERR_NODE_BAD_ARGUMENT'), 'the vendor cannot read the collection');
  await writeFile(join(data, 'noop.json'), '{"type":"bundle","id":"bundle--00000000-0000-4000-8000-000000000000","objects":[]}');
  await importFiles({ data, collection: c.id, files: [join(data, 'noop.json')], json: true }, captureIo());
});
