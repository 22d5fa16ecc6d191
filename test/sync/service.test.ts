// The sync service with its clock, random source, timers and status-poll waits injected, and a
// fake TAXII client: a pending status resource is polled until complete before anything counts as
// acknowledged; failed passes are retried on an exponential schedule with jitter, and the error is
// kept until a later pass succeeds.
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { SetuError } from '../../src/errors/index.js';
import { ingest } from '../../src/ingest/index.js';
import { loadGateConfig, loadNodeKey, openNode, type OpenNode } from '../../src/node/index.js';
import { SyncService, addPeer, openNodeSync, type RemoteStatus, type TaxiiClient, type Timers } from '../../src/sync/index.js';
import type { SyncStore } from '../../src/store/index.js';
import { indicator, setupNode, tempRoot, type NodeDir } from './helpers.js';

let root: { dir: string; remove: () => Promise<void> };
let node: NodeDir;
let opened: OpenNode;
let sync: SyncStore;

before(async () => {
  root = await tempRoot();
  node = await setupNode(root.dir, {
    name: 'cert-in',
    country: 'IN',
    orgs: [{ id: 'jpcert', name: 'JPCERT/CC', country: 'JP' }],
    collections: { c: { title: 'c', readOrgs: ['cert-in', 'jpcert'], writeOrgs: ['cert-in'], defaultTlp: 'clear' }, a: { title: 'a', readOrgs: ['cert-in', 'jpcert'], writeOrgs: ['cert-in'], defaultTlp: 'clear' }, b: { title: 'b', readOrgs: ['cert-in', 'jpcert'], writeOrgs: ['cert-in'], defaultTlp: 'clear' } },
  });
  opened = await openNode(node.dir, Date.now, { databaseUrl: undefined });
  sync = await openNodeSync(opened, Date.now);
});
after(async () => {
  await sync.close();
  await opened.store.close();
  await root.remove();
});

async function fill(collection: string, count: number): Promise<string[]> {
  const objects = Array.from({ length: count }, () => indicator());
  await ingest({ store: opened.store, collectionId: node.collections[collection] ?? '', rawObjects: objects.map((o) => JSON.stringify(o)), clock: Date.now, newId: randomUUID, events: { emit: () => true } });
  return objects.map((o) => String(o['id']));
}

function statusOf(ids: readonly string[], state: 'pending' | 'complete'): RemoteStatus {
  const details = ids.map((id) => ({ id, version: '2026-11-01T00:00:00.000Z' }));
  return { id: 'status-1', status: state, successes: state === 'complete' ? details : [], failures: [], pendings: state === 'pending' ? details : [] };
}

function fakeClient(handlers: Partial<TaxiiClient>): TaxiiClient {
  return {
    apiRoot: async () => 'http://fake/api/',
    getObjects: async () => ({ objects: [], more: false, next: undefined, dateAddedFirst: undefined, dateAddedLast: undefined }),
    addObjects: async () => statusOf([], 'complete'),
    getStatus: async () => statusOf([], 'complete'),
    close: async () => {},
    ...handlers,
  };
}

const idsIn = (body: Buffer): string[] => (JSON.parse(body.toString('utf8')) as { objects: { id: string }[] }).objects.map((o) => o.id);

test('a pending status resource is polled (with growing waits) until complete; only then are versions acknowledged and the cursor moved', async () => {
  const peer = await addPeer(opened.store, sync, { name: 'poll', url: 'http://fake/taxii2/', orgId: 'jpcert', auth: { kind: 'none' }, push: [{ local: node.collections['a'] ?? '', remote: 'r' }] }, Date.now, randomUUID);
  const ids = await fill('a', 3);
  let sent: string[] = [];
  let polls = 0;
  const waits: number[] = [];
  const client = fakeClient({
    addObjects: async (_collection, body) => {
      sent = idsIn(body);
      return statusOf(sent, 'pending');
    },
    getStatus: async () => {
      polls++;
      return statusOf(sent, polls < 3 ? 'pending' : 'complete');
    },
  });
  const service = new SyncService({
    store: opened.store, sync, gate: await loadGateConfig(node.dir, opened.info), nodeKey: await loadNodeKey(node.dir), clock: Date.now, newId: randomUUID,
    createClient: () => client, sleep: async (ms) => void waits.push(ms), tuning: { backoff: { baseMs: 100, maxMs: 1000 } },
  });
  const [result] = await service.syncNow(peer.id);
  assert.ok(result?.ok && result.direction === 'push' && result.outcome.sent === 3, JSON.stringify(result));
  assert.deepEqual(new Set(sent), new Set(ids));
  assert.equal(polls, 3);
  assert.deepEqual(waits, [100, 200, 400], 'waits between polls double');
  const [sub] = await sync.listSubscriptions(peer.id);
  assert.equal(sub?.transferred, 3);
  assert.notEqual(sub?.cursor, null);
  assert.equal((await sync.acknowledged(sub?.id ?? '', ids.map((id) => ({ id, version: '2026-11-01T00:00:00.000Z' })))).size, 3);
  // A second pass has nothing to send.
  sent = [];
  const [again] = await service.syncNow(peer.id);
  assert.ok(again?.ok && again.direction === 'push' && again.outcome.sent === 0);
  assert.deepEqual(sent, []);
  await service.stop();
});

test('failed passes are retried with exponential backoff and jitter on the injected timers; the error stays recorded until a pass succeeds', async () => {
  const peer = await addPeer(opened.store, sync, { name: 'flaky', url: 'http://fake/taxii2/', orgId: 'jpcert', auth: { kind: 'none' }, push: [{ local: node.collections['b'] ?? '', remote: 'r' }] }, Date.now, randomUUID);
  // Only this peer's subscription is of interest: remove the other one.
  assert.equal(await sync.deletePeer((await sync.getPeer('poll'))?.id ?? ''), true);
  await fill('b', 2);
  let calls = 0;
  const client = fakeClient({
    addObjects: async (_collection, body) => {
      calls++;
      if (calls <= 3) throw new SetuError('SETU_ERR_SYNC_HTTP', `POST http://fake/: HTTP 500 (attempt ${calls})`);
      return statusOf(idsIn(body), 'complete');
    },
  });
  const scheduled: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      const entry = { fn, ms, cancelled: false };
      scheduled.push(entry);
      return entry;
    },
    clearTimeout: (handle) => {
      (handle as { cancelled: boolean }).cancelled = true;
    },
  };
  const service = new SyncService({
    store: opened.store, sync, gate: await loadGateConfig(node.dir, opened.info), nodeKey: await loadNodeKey(node.dir), clock: Date.now, newId: randomUUID,
    createClient: () => client, timers, random: () => 0.5, events: new EventEmitter(), tuning: { backoff: { baseMs: 100, maxMs: 10_000 }, pollIntervalMs: 60_000 },
  });
  const settle = async () => {
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 30));
  };
  /** Fires the first due runner timer (not the poll tick) and lets its pass finish. */
  const fire = async (): Promise<number> => {
    const next = scheduled.find((t) => !t.cancelled && t.ms !== 60_000);
    assert.ok(next, 'a runner timer is scheduled');
    next.cancelled = true;
    next.fn();
    await settle();
    return next.ms;
  };
  await service.start();
  const delays = [await fire(), await fire(), await fire(), await fire()];
  // First pass at 0; retries after 3/4 of 100, 200, 400 ms (cap/2 + cap/2 * 0.5).
  assert.deepEqual(delays, [0, 75, 150, 300]);
  assert.equal(calls, 4);
  const [sub] = await sync.listSubscriptions(peer.id);
  assert.match(sub?.lastError ?? '', /HTTP 500 \(attempt 3\)/, 'the last error is kept');
  assert.ok(sub?.lastSuccessAt !== null && (sub?.lastSuccessAt ?? '') >= (sub?.lastErrorAt ?? ''), 'and a later success is recorded');
  assert.equal(sub?.transferred, 2);
  await service.stop();
});

test('an object held for review goes out once a reviewer approves it (redacted), though the cursor had passed it; never twice', async () => {
  const peer = await addPeer(opened.store, sync, { name: 'review', url: 'http://fake/taxii2/', orgId: 'jpcert', auth: { kind: 'none' }, push: [{ local: node.collections['c'] ?? '', remote: 'r' }] }, Date.now, randomUUID);
  const note = { type: 'note', spec_version: '2.1', id: `note--${randomUUID()}`, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', content: 'Victim UID 2341 2341 2346', object_refs: ['indicator--11111111-1111-4111-8111-111111111111'] };
  await ingest({ store: opened.store, collectionId: node.collections['c'] ?? '', rawObjects: [JSON.stringify(note)], clock: Date.now, newId: randomUUID, events: { emit: () => true } });
  const bodies: string[] = [];
  const client = fakeClient({
    addObjects: async (_collection, body) => {
      bodies.push(body.toString('utf8'));
      return statusOf(idsIn(body), 'complete');
    },
  });
  const service = new SyncService({ store: opened.store, sync, gate: await loadGateConfig(node.dir, opened.info), nodeKey: await loadNodeKey(node.dir), clock: Date.now, newId: randomUUID, createClient: () => client });
  const [first] = await service.syncNow(peer.id);
  assert.ok(first?.ok && first.direction === 'push' && first.outcome.sent === 0, JSON.stringify(first));
  const [held] = await opened.store.listReviewItems({ state: 'pending', destinationKind: 'peer', destinationId: 'jpcert' });
  assert.equal(held?.objectId, note.id, 'held for review (Aadhaar under the IN profile)');
  await opened.store.decideReviewItem(held?.id ?? '', { state: 'approved', release: 'redacted', decidedAt: new Date().toISOString(), decidedBy: 'test' });
  const [second] = await service.syncNow(peer.id);
  assert.ok(second?.ok && second.direction === 'push' && second.outcome.sent === 1, JSON.stringify(second));
  const sent = (JSON.parse(bodies.at(-1) ?? '{}') as { objects: { id: string; content: string }[] }).objects.find((o) => o.id === note.id);
  assert.equal(sent?.content, 'Victim UID [REDACTED:aadhaar]');
  const [third] = await service.syncNow(peer.id);
  assert.ok(third?.ok && third.direction === 'push' && third.outcome.sent === 0);
  assert.equal(bodies.length, 1);
  await service.stop();
});
