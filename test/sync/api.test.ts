// The peers API (inject, no socket) and the per-peer gauges on /metrics: node-admin only,
// credentials accepted on creation and never returned, status and quarantine per peer.
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type App } from '../../src/app.js';
import { ensureNodeKey, issueToken, loadGateConfig, openNode, type OpenNode } from '../../src/node/index.js';
import { openNodeSync } from '../../src/sync/index.js';
import type { SyncStore } from '../../src/store/index.js';
import { setupNode, tempRoot, type NodeDir } from './helpers.js';

let root: { dir: string; remove: () => Promise<void> };
let node: NodeDir;
let opened: OpenNode;
let sync: SyncStore;
let app: App;
let analyst: string;
const SECRET = 'setu_do-not-echo';

before(async () => {
  root = await tempRoot();
  node = await setupNode(root.dir, {
    name: 'cert-in',
    country: 'IN',
    orgs: [{ id: 'jpcert', name: 'JPCERT/CC', country: 'JP' }],
    collections: { out: { title: 'out', readOrgs: ['cert-in', 'jpcert'], writeOrgs: ['cert-in'] } },
  });
  opened = await openNode(node.dir, Date.now, { databaseUrl: undefined });
  sync = await openNodeSync(opened, Date.now);
  analyst = (await issueToken(opened.store, { orgId: 'cert-in', role: 'analyst' }, Date.now, randomUUID)).secret;
  app = await buildApp({
    store: opened.store,
    config: opened.config,
    info: opened.info,
    clock: Date.now,
    newId: randomUUID,
    logger: false,
    version: 'test',
    nodeKey: await ensureNodeKey(node.dir),
    gate: await loadGateConfig(node.dir, opened.info),
    syncStore: sync,
  });
});

after(async () => {
  await app.sync?.stop();
  await app.http.close();
  await sync.close();
  await opened.store.close();
  await root.remove();
});

const as = (token: string) => ({ authorization: `Bearer ${token}` });

test('node-admins add, list, show and remove peers; secrets never come back; other roles get 403', async () => {
  const created = await app.http.inject({
    method: 'POST',
    url: '/api/v1/peers',
    headers: as(node.adminToken),
    payload: { name: 'jpcert', url: 'http://127.0.0.1:9/taxii2/', orgId: 'jpcert', auth: { kind: 'token', token: SECRET }, publicKey: node.publicKey, push: [{ local: node.collections['out'], remote: 'r' }] },
  });
  assert.equal(created.statusCode, 201, created.body);
  assert.ok(!created.body.includes(SECRET));
  assert.equal(created.json().subscriptions.length, 1);

  const listed = await app.http.inject({ method: 'GET', url: '/api/v1/peers', headers: as(node.adminToken) });
  assert.equal(listed.statusCode, 200);
  assert.ok(!listed.body.includes(SECRET));
  assert.deepEqual(listed.json().peers[0].auth, { kind: 'token' });

  const shown = await app.http.inject({ method: 'GET', url: '/api/v1/peers/jpcert', headers: as(node.adminToken) });
  assert.equal(shown.statusCode, 200);
  assert.equal(shown.json().status.subscriptions[0].queueDepth, 0);
  assert.deepEqual(shown.json().quarantine, []);

  const status = await app.http.inject({ method: 'GET', url: '/api/v1/peers/status', headers: as(node.adminToken) });
  assert.equal(status.json().peers[0].name, 'jpcert');

  const metrics = await app.http.inject({ method: 'GET', url: '/metrics' });
  assert.match(metrics.body, /setu_sync_queue_depth\{peer="jpcert",direction="push",subscription="[^"]+"\} 0/);
  assert.ok(!metrics.body.includes(SECRET));

  assert.equal((await app.http.inject({ method: 'GET', url: '/api/v1/peers', headers: as(analyst) })).statusCode, 403);
  assert.equal((await app.http.inject({ method: 'POST', url: '/api/v1/peers', headers: as(node.adminToken), payload: { name: 'bad', url: 'nope', orgId: 'jpcert' } })).statusCode, 400);
  assert.equal((await app.http.inject({ method: 'GET', url: '/api/v1/peers/missing', headers: as(node.adminToken) })).statusCode, 404);
  assert.equal((await app.http.inject({ method: 'DELETE', url: '/api/v1/peers/jpcert', headers: as(node.adminToken) })).statusCode, 204);
  assert.deepEqual((await app.http.inject({ method: 'GET', url: '/api/v1/peers', headers: as(node.adminToken) })).json().peers, []);
});
