// The checkpoint routes of the JSON API (inject, no socket): a `peer` token pushes its node's
// signed checkpoints and reads back its own; every bad input gets a 400 naming the field or a 403
// saying why; a node-admin signs and pushes this node's head on demand, each push reported.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type App } from '../../src/app.js';
import { keyFingerprint, publicKeyText, signCheckpoint } from '../../src/access/audit/index.js';
import { ensureNodeKey, issueToken, loadGateConfig, openNode, type OpenNode } from '../../src/node/index.js';
import { openNodeSync } from '../../src/sync/index.js';
import type { SyncStore } from '../../src/store/index.js';
import { registerPeer, setupNode, tempRoot, type NodeDir } from '../sync/helpers.js';

const partner = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
const partnerId = keyFingerprint(partner.publicKey);
const HEAD = { seq: 12, hash: 'c'.repeat(64) };

let root: { dir: string; remove: () => Promise<void> };
let node: NodeDir;
let opened: OpenNode;
let sync: SyncStore;
let app: App;
let analyst: string;

before(async () => {
  root = await tempRoot();
  node = await setupNode(root.dir, {
    name: 'jpcert',
    country: 'JP',
    orgs: [{ id: 'cert-in', name: 'CERT-In', country: 'IN' }, { id: 'other', name: 'Other', country: 'IN' }],
    tokens: { peer: { orgId: 'cert-in', role: 'peer' }, otherPeer: { orgId: 'other', role: 'peer' } },
  });
  // Port 9 (discard) refuses connections: pushes to this peer fail, which the push route reports.
  await registerPeer(node.dir, { name: 'cert-in', url: 'http://127.0.0.1:9/taxii2/', orgId: 'cert-in', auth: { kind: 'none' }, publicKey: publicKeyText(partner.publicKey) });
  opened = await openNode(node.dir, Date.now, { databaseUrl: undefined });
  sync = await openNodeSync(opened, Date.now);
  analyst = (await issueToken(opened.store, { orgId: 'jpcert', role: 'analyst' }, Date.now, randomUUID)).secret;
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
  await app.http.close();
  await sync.close();
  await opened.store.close();
  await root.remove();
});

const as = (token: string | undefined) => ({ authorization: `Bearer ${token ?? ''}` });
const signed = (head = HEAD, key = partner) => signCheckpoint({ head, at: '2026-12-01T00:00:00.000Z', privateKey: key.privateKey, publicKey: key.publicKey });
const push = (token: string | undefined, payload: unknown) => app.http.inject({ method: 'POST', url: '/api/v1/audit/checkpoints', headers: as(token), payload: payload as object });

test('a peer pushes its signed checkpoint (kept once) and reads back what this node holds for it', async () => {
  const checkpoint = signed();
  const first = await push(node.tokens['peer'], { checkpoint });
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual(first.json(), { stored: true, nodeId: partnerId, count: 12 });
  assert.equal((await push(node.tokens['peer'], { checkpoint })).json().stored, false);
  const later = signed({ seq: 20, hash: 'd'.repeat(64) });
  assert.equal((await push(node.tokens['peer'], { checkpoint: later })).statusCode, 200);

  const held = await app.http.inject({ method: 'GET', url: `/api/v1/audit/checkpoints?node=${partnerId}`, headers: as(node.tokens['peer']) });
  assert.equal(held.statusCode, 200, held.body);
  assert.deepEqual(held.json(), { checkpoints: [checkpoint, later], more: false });
  const paged = await app.http.inject({ method: 'GET', url: `/api/v1/audit/checkpoints?node=${partnerId}&limit=1`, headers: as(node.tokens['peer']) });
  assert.deepEqual(paged.json(), { checkpoints: [checkpoint], more: true });
  const rest = await app.http.inject({ method: 'GET', url: `/api/v1/audit/checkpoints?node=${partnerId}&after=12`, headers: as(node.tokens['peer']) });
  assert.deepEqual(rest.json(), { checkpoints: [later], more: false });
  // A node-admin may read any node's; the stored row says which peer delivered it.
  assert.equal((await app.http.inject({ method: 'GET', url: `/api/v1/audit/checkpoints?node=${partnerId}`, headers: as(node.adminToken) })).statusCode, 200);
  assert.equal((await sync.listCheckpoints(partnerId, { limit: 5 }))[0]?.peerId, (await sync.getPeer('cert-in'))?.id);
});

test('malformed checkpoints are refused with 400 naming the field; nothing is stored', async () => {
  const good = signed({ seq: 30, hash: 'e'.repeat(64) });
  const cases: [unknown, RegExp][] = [
    [{}, /checkpoint/],
    [{ checkpoint: 'x' }, /checkpoint/],
    [{ checkpoint: { ...good, count: -1 } }, /count/],
    [{ checkpoint: { ...good, headHash: 'nope' } }, /headHash/],
    [{ checkpoint: { ...good, nodeId: 'ABC' } }, /nodeId/],
    [{ checkpoint: { ...good, at: 'yesterday' } }, /at/],
    [{ checkpoint: { ...good, format: 'other/1' } }, /format/],
  ];
  for (const [payload, field] of cases) {
    const answer = await push(node.tokens['peer'], payload);
    assert.equal(answer.statusCode, 400, `${JSON.stringify(payload).slice(0, 80)}: ${answer.body}`);
    assert.match(answer.json().description, field);
  }
  assert.equal((await sync.listCheckpoints(partnerId, { afterCount: 29, limit: 5 })).length, 0);
});

test('a checkpoint another key signed, or naming a node that is not this organisation\'s peer, is refused with 403', async () => {
  const forged = { ...signed({ seq: 40, hash: 'f'.repeat(64) }, stranger), nodeId: partnerId };
  const wrongKey = await push(node.tokens['peer'], { checkpoint: forged });
  assert.equal(wrongKey.statusCode, 403);
  assert.match(wrongKey.json().description, /does not verify with the key registered for peer cert-in/);
  const unknownNode = await push(node.tokens['peer'], { checkpoint: signed(HEAD, stranger) });
  assert.equal(unknownNode.statusCode, 403);
  assert.match(unknownNode.json().description, /no Setu peer of organisation cert-in has node id/);
  const otherOrg = await push(node.tokens['otherPeer'], { checkpoint: signed() });
  assert.equal(otherOrg.statusCode, 403);
  assert.equal((await sync.listCheckpoints(partnerId, { afterCount: 39, limit: 5 })).length, 0);
  // Reading: a peer token sees only its own organisation's peers.
  const peek = await app.http.inject({ method: 'GET', url: `/api/v1/audit/checkpoints?node=${partnerId}`, headers: as(node.tokens['otherPeer']) });
  assert.equal(peek.statusCode, 403);
});

test('only peer tokens push, only peers and node-admins read, only node-admins push this node\'s head', async () => {
  assert.equal((await push(node.adminToken, { checkpoint: signed() })).statusCode, 403);
  assert.equal((await push(analyst, { checkpoint: signed() })).statusCode, 403);
  assert.equal((await push(undefined, { checkpoint: signed() })).statusCode, 401);
  assert.equal((await app.http.inject({ method: 'GET', url: `/api/v1/audit/checkpoints?node=${partnerId}`, headers: as(analyst) })).statusCode, 403);
  assert.equal((await app.http.inject({ method: 'POST', url: '/api/v1/audit/checkpoints/push', headers: as(analyst) })).statusCode, 403);
  assert.equal((await app.http.inject({ method: 'POST', url: '/api/v1/audit/checkpoints/push', headers: as(node.tokens['peer']) })).statusCode, 403);
});

test('a node-admin signs the head on demand: kept here, and a failed push is reported, not thrown', async () => {
  const answer = await app.http.inject({ method: 'POST', url: '/api/v1/audit/checkpoints/push', headers: as(node.adminToken) });
  assert.equal(answer.statusCode, 200, answer.body);
  const { checkpoint, pushes } = answer.json();
  assert.equal(checkpoint.nodeId, node.nodeId);
  assert.equal(checkpoint.count, (await opened.store.auditHead())?.seq ?? 0);
  assert.equal(pushes.length, 1);
  assert.equal(pushes[0].peer, 'cert-in');
  assert.equal(pushes[0].ok, false);
  assert.match(pushes[0].error, /127\.0\.0\.1:9/);
  assert.deepEqual((await sync.listCheckpoints(node.nodeId, { limit: 5 })).map((c) => [c.count, c.peerId]), [[checkpoint.count, null]]);
});

test('the routes are in the OpenAPI document with their operation ids', async () => {
  const doc = (await app.http.inject({ method: 'GET', url: '/openapi.json' })).json();
  const ids = Object.values(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((p) => Object.values(p).map((o) => o.operationId));
  for (const id of ['receiveAuditCheckpoint', 'listAuditCheckpoints', 'pushAuditCheckpoint']) assert.ok(ids.includes(id), id);
});

test('GET /audit/verify also checks the checkpoints kept here and, with peers=true, asks each Setu peer', async () => {
  await app.http.inject({ method: 'POST', url: '/api/v1/audit/checkpoints/push', headers: as(node.adminToken) });
  const local = await app.http.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: as(node.adminToken) });
  assert.equal(local.statusCode, 200, local.body);
  assert.equal(local.json().ok, true);
  assert.ok(local.json().local.checkpoints >= 1);
  assert.equal(local.json().local.problem, null);
  assert.equal(local.json().peers, null);
  // The only Setu peer is unreachable: the anchored check cannot be completed, and says why.
  const anchored = await app.http.inject({ method: 'GET', url: '/api/v1/audit/verify?peers=true', headers: as(node.adminToken) });
  assert.equal(anchored.statusCode, 200, anchored.body);
  assert.equal(anchored.json().ok, false);
  assert.equal(anchored.json().peers[0].peer, 'cert-in');
  assert.match(anchored.json().peers[0].error, /cannot read the checkpoints cert-in holds/);
});
