// Registering and removing a federation peer is an administrative change, so it is audited like
// organisations and tokens: one `admin.peer` entry per add or remove, through the CLI (channel
// cli) and the JSON API (channel api), carrying the peer's view and never its token or password.
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../../src/app.js';
import * as audit from '../../src/cli/commands/audit.js';
import * as peer from '../../src/cli/commands/peer.js';
import { ensureNodeKey, loadGateConfig, openNode } from '../../src/node/index.js';
import { openNodeSync } from '../../src/sync/index.js';
import type { AuditEntry } from '../../src/store/index.js';
import { captureIo } from './capture.js';
import { setupNode, tempRoot, type NodeDir } from '../sync/helpers.js';

let root: { dir: string; remove: () => Promise<void> };
let node: NodeDir;
const SECRET = 'setu_peer-secret-never-audited';

before(async () => {
  root = await tempRoot();
  node = await setupNode(root.dir, { name: 'cert-in', country: 'IN', orgs: [{ id: 'jpcert', name: 'JPCERT/CC', country: 'JP' }] });
});
after(async () => {
  await root.remove();
});

async function peerEntries(): Promise<AuditEntry[]> {
  return (await audit.list({ data: node.dir, from: '1', limit: '1000', json: true }, captureIo())).filter((e) => e.action === 'admin.peer');
}

test('setu peer add and remove each append an admin.peer entry without the secret', async () => {
  const added = await peer.add({ data: node.dir, name: 'jpcert', url: 'http://127.0.0.1:9/taxii2/', org: 'jpcert', token: SECRET, publicKey: node.publicKey, json: true }, captureIo());
  await peer.remove({ data: node.dir, peer: 'jpcert', json: true }, captureIo());
  const entries = await peerEntries();
  assert.deepEqual(entries.map((e) => [e.target['peerId'], e.details['change'], e.actor.channel]), [[added.id, 'create', 'cli'], [added.id, 'remove', 'cli']]);
  assert.equal((entries[0]?.details['peer'] as { name?: string }).name, 'jpcert');
  assert.ok(!JSON.stringify(entries).includes(SECRET));
  assert.equal((await audit.verify({ data: node.dir, json: true }, captureIo())).ok, true);
});

test('POST and DELETE /api/v1/peers each append an admin.peer entry (channel api) without the secret', async () => {
  const opened = await openNode(node.dir, Date.now, { databaseUrl: undefined });
  const sync = await openNodeSync(opened, Date.now);
  const app = await buildApp({
    store: opened.store, config: opened.config, info: opened.info, clock: Date.now, newId: randomUUID, logger: false, version: 'test',
    nodeKey: await ensureNodeKey(node.dir), gate: await loadGateConfig(node.dir, opened.info), syncStore: sync,
  });
  try {
    const before = (await peerEntries()).length;
    const created = await app.http.inject({ method: 'POST', url: '/api/v1/peers', headers: { authorization: `Bearer ${node.adminToken}` }, payload: { name: 'jp2', url: 'http://127.0.0.1:9/taxii2/', orgId: 'jpcert', auth: { kind: 'token', token: SECRET } } });
    assert.equal(created.statusCode, 201, created.body);
    const removed = await app.http.inject({ method: 'DELETE', url: '/api/v1/peers/jp2', headers: { authorization: `Bearer ${node.adminToken}` } });
    assert.equal(removed.statusCode, 204);
    const entries = (await peerEntries()).slice(before);
    assert.deepEqual(entries.map((e) => [e.target['peerId'], e.details['change'], e.actor.channel]), [[created.json().id, 'create', 'api'], [created.json().id, 'remove', 'api']]);
    assert.ok(!JSON.stringify(entries).includes(SECRET));
  } finally {
    await app.http.close();
    await sync.close();
    await opened.store.close();
  }
});
