// `setu init --org-id cert-in --org-name CERT-In --kind cert`: the node's own organisation is the
// CERT itself, so what the node imports is its own and its TLP:AMBER objects may go to a peer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as init } from '../../src/cli/commands/init.js';
import * as org from '../../src/cli/commands/org.js';
import * as audit from '../../src/cli/commands/audit.js';
import * as collection from '../../src/cli/commands/collection.js';
import * as share from '../../src/cli/commands/share.js';
import { run as importFiles } from '../../src/cli/commands/import.js';
import { main } from '../../src/cli/main.js';
import { isSetuError } from '../../src/errors/index.js';
import { loadGateConfig, withNode } from '../../src/node/index.js';
import { captureIo } from './capture.js';

const AMBER = 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82';
const amberIndicator = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--7d1b0f6e-0000-4000-8000-00000000a111',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  name: 'C2 of the telecom campaign',
  pattern: "[ipv4-addr:value = '203.0.113.9']",
  pattern_type: 'stix',
  valid_from: '2026-01-01T00:00:00Z',
  object_marking_refs: [AMBER],
};

test('init --org-id/--org-name/--kind makes that organisation the node\'s own, of that kind and country', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-own-'));
  const io = captureIo();
  assert.equal(await main(['node', 'setu', 'init', '--data', dir, '--node-name', 'CERT-In Delhi node', '--org-id', 'cert-in', '--org-name', 'CERT-In', '--kind', 'cert', '--json'], io), 0);
  assert.equal(JSON.parse(io.stdout()).organisation, 'cert-in');
  const orgs = await org.list({ data: dir, json: true }, captureIo());
  assert.deepEqual(
    orgs.map((o) => [o.id, o.name, o.kind ?? 'other', o.country]),
    [['cert-in', 'CERT-In', 'cert', 'IN']],
    'one organisation, the CERT itself (no separate one named after the node)',
  );
  await withNode(dir, Date.now, async ({ paths, info, store }) => {
    assert.equal((await loadGateConfig(paths.dir, info)).nodeOrg, 'cert-in');
    const [admin] = await store.listTokens();
    assert.equal(admin?.orgId, 'cert-in', 'the admin token acts for the CERT');
  });
});

test('init refuses a malformed --org-id or --kind before creating anything', async () => {
  const dir = join(await mkdtemp(join(tmpdir(), 'setu-own-')), 'node');
  await assert.rejects(init({ data: dir, nodeName: 'x', country: 'IN', orgId: 'CERT In', json: false }, captureIo()), (e) => isSetuError(e) && e.code === 'SETU_ERR_NODE_BAD_ARGUMENT' && /organisation id/.test(e.message));
  await assert.rejects(init({ data: dir, nodeName: 'x', country: 'IN', kind: 'emperor', json: false }, captureIo()), (e) => isSetuError(e) && /organisation kind/.test(e.message));
  assert.equal(await main(['node', 'setu', 'init', '--data', dir, '--kind', 'emperor'], captureIo()), 2);
  const io = captureIo();
  assert.equal(await main(['node', 'setu', 'org', 'list', '--data', dir], io), 2, 'no node was created');
});

test('the node\'s TLP:AMBER objects reach a peer instead of being held back as "not its own"', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-own-'));
  await init({ data: dir, nodeName: 'CERT-In Delhi node', country: 'IN', orgId: 'cert-in', orgName: 'CERT-In', kind: 'cert', json: true }, captureIo());
  await org.create({ data: dir, id: 'jpcert', name: 'JPCERT/CC', country: 'JP', kind: 'cert', json: false }, captureIo());
  const c = await collection.create({ data: dir, title: 'CERT-In internal', read: [], write: ['cert-in'], json: false }, captureIo());
  const file = join(dir, 'amber.json');
  await writeFile(file, JSON.stringify(amberIndicator));
  const imported = await importFiles({ data: dir, collection: c.id, files: [file], json: true }, captureIo());
  assert.equal(imported[0]?.stored, 1);
  await withNode(dir, Date.now, async ({ store }) => {
    const [copy] = await store.heldCopies(amberIndicator.id);
    assert.equal(copy?.ownerOrg, 'cert-in', 'imported without --as, the node\'s own organisation owns it');
  });

  // The owner may pass its own objects on (onward rule); before, the actor was an organisation
  // named after the node, not the owner, and TLP:AMBER was withheld from every peer.
  const preview = await share.preview({ data: dir, to: 'jpcert', peer: true, json: true }, captureIo());
  const decision = preview.objects.find((d) => d.id === amberIndicator.id);
  assert.equal(preview.actor, 'cert-in');
  assert.equal(decision?.outcome, 'send', JSON.stringify(decision));
});

test('what the node\'s operator does is audited in the name of the node\'s own organisation', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-own-'));
  await init({ data: dir, nodeName: 'CERT-In Delhi node', country: 'IN', orgId: 'cert-in', orgName: 'CERT-In', kind: 'cert', json: true }, captureIo());
  await org.create({ data: dir, id: 'jpcert', name: 'JPCERT/CC', country: 'JP', kind: 'cert', json: false }, captureIo());
  const entries = await audit.list({ data: dir, json: true }, captureIo());
  const created = entries.find((e) => e.action === 'admin.org');
  assert.equal(created?.actor.orgId, 'cert-in');
});
