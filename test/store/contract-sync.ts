// The SyncStore contract (federation tables): peers, subscriptions with their state, what each
// subscription's peer acknowledged, origins of received versions, quarantine, and the push
// backlog figures. An adapter runs it with a factory that returns a Store and the SyncStore over
// the same database (SQLite: test/sync/store-sqlite.test.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { PeerRecord, Store, SyncStore } from '../../src/store/index.js';
import { syncKey } from '../../src/store/index.js';

export interface SyncPair {
  readonly store: Store;
  readonly sync: SyncStore;
  close(): Promise<void>;
}
export type MakeSyncPair = () => Promise<SyncPair>;

const T0 = '2026-01-01T00:00:00.000Z';
const COLLECTION = '6f1c5d2e-0000-4000-8000-00000000c011';

async function seeded(make: MakeSyncPair): Promise<SyncPair> {
  const pair = await make();
  await pair.store.createOrganisation({ id: 'jpcert', name: 'JPCERT/CC', country: 'JP', createdAt: T0 });
  await pair.store.createCollection({ id: COLLECTION, title: 'c', description: null, alias: null, readOrgs: ['jpcert'], writeOrgs: ['jpcert'], mediaTypes: [], createdAt: T0 });
  return pair;
}

const peer = (over: Partial<PeerRecord> = {}): PeerRecord => ({
  id: 'p1',
  name: 'jpcert',
  url: 'https://jp.example/taxii2/',
  orgId: 'jpcert',
  auth: { kind: 'basic', username: 'u', password: 'secret' },
  tls: { certFile: '/c.pem', keyFile: '/k.pem' },
  publicKey: null,
  nodeId: null,
  createdAt: T0,
  ...over,
});

export function syncContract(name: string, make: MakeSyncPair): void {
  describe(`SyncStore contract: ${name}`, () => {
    test('peers round-trip exactly, by id or name; duplicate names and unknown organisations are refused', async () => {
      const { sync, close } = await seeded(make);
      try {
        await sync.createPeer(peer());
        assert.deepEqual(await sync.getPeer('p1'), peer());
        assert.deepEqual(await sync.getPeer('jpcert'), peer());
        assert.equal(await sync.getPeer('nope'), undefined);
        await assert.rejects(sync.createPeer(peer({ id: 'p2' })), { code: 'SETU_ERR_STORE_DUPLICATE_KEY' });
        await assert.rejects(sync.createPeer(peer({ id: 'p3', name: 'x', orgId: 'ghost' })), { code: 'SETU_ERR_STORE_UNKNOWN_REFERENCE' });
        assert.deepEqual((await sync.peersOfOrg('jpcert')).map((p) => p.id), ['p1']);
        assert.deepEqual((await sync.listPeers()).map((p) => p.id), ['p1']);
      } finally {
        await close();
      }
    });

    test('subscriptions keep their state; updates patch only what is given and add to transferred', async () => {
      const { sync, close } = await seeded(make);
      try {
        await sync.createPeer(peer());
        await sync.addSubscription({ id: 's1', peerId: 'p1', direction: 'push', localCollection: COLLECTION, remoteCollection: 'r', createdAt: T0 });
        await assert.rejects(sync.addSubscription({ id: 's2', peerId: 'p1', direction: 'push', localCollection: COLLECTION, remoteCollection: 'r', createdAt: T0 }), { code: 'SETU_ERR_STORE_DUPLICATE_KEY' });
        await sync.updateSubscription('s1', { cursor: 'c1', transferredDelta: 5, lastObjectAt: 'x' });
        await sync.updateSubscription('s1', { transferredDelta: 2, lastError: 'boom', lastErrorAt: 't' });
        const [s] = await sync.listSubscriptions('p1');
        assert.deepEqual(
          { cursor: s?.cursor, transferred: s?.transferred, lastError: s?.lastError, lastErrorAt: s?.lastErrorAt, lastSuccessAt: s?.lastSuccessAt, lastObjectAt: s?.lastObjectAt },
          { cursor: 'c1', transferred: 7, lastError: 'boom', lastErrorAt: 't', lastSuccessAt: null, lastObjectAt: 'x' },
        );
      } finally {
        await close();
      }
    });

    test('acknowledgements and origins compare versions as instants; quarantine keeps one item per peer, object and reason', async () => {
      const { sync, close } = await seeded(make);
      try {
        await sync.createPeer(peer());
        await sync.addSubscription({ id: 's1', peerId: 'p1', direction: 'push', localCollection: COLLECTION, remoteCollection: 'r', createdAt: T0 });
        await sync.recordAcknowledged('s1', [{ id: 'a', version: '2026-01-01T00:00:00Z' }, { id: 'b', version: null }]);
        const acked = await sync.acknowledged('s1', [{ id: 'a', version: '2026-01-01T00:00:00.000000Z' }, { id: 'b', version: null }, { id: 'c', version: null }]);
        assert.deepEqual([...acked].sort(), [syncKey({ id: 'a', version: '2026-01-01T00:00:00.000Z' }), syncKey({ id: 'b', version: null })].sort());
        await sync.recordOrigins(COLLECTION, 'p1', [{ id: 'a', version: '2026-01-01T00:00:00.5Z' }]);
        const origins = await sync.origins(COLLECTION, [{ id: 'a', version: '2026-01-01T00:00:00.500Z' }, { id: 'a', version: T0 }]);
        assert.deepEqual([...origins.entries()], [[syncKey({ id: 'a', version: '2026-01-01T00:00:00.5Z' }), ['p1']]]);
        const item = { id: 'q1', peerId: 'p1', subscriptionId: 's1', objectId: 'x', reason: 'bad', json: '{"x":1}', at: T0 };
        await sync.quarantine(item);
        await sync.quarantine({ ...item, id: 'q2' });
        await sync.quarantine({ ...item, id: 'q3', reason: 'other' });
        assert.equal(await sync.countQuarantine('p1'), 2);
        assert.deepEqual((await sync.listQuarantine('p1', 10)).map((q) => q.id), ['q3', 'q1']);
      } finally {
        await close();
      }
    });

    test('the push backlog: count, oldest and newest dateAdded after a cursor; removing a peer removes what was kept for it', async () => {
      const { store, sync, close } = await seeded(make);
      try {
        const obj = (n: number) => ({ id: `x--${n}`, type: 'x-thing', specVersion: '2.1', version: null, json: `{"n":${n}}` });
        const result = await store.addObjects({ collectionId: COLLECTION, statusId: 'st', requestTimestamp: T0, accepted: [obj(1), obj(2), obj(3)], rejected: [] });
        const dates = result.added.map((r) => r.dateAdded);
        assert.equal(await sync.countAddedAfter(COLLECTION, null), 3);
        assert.equal(await sync.countAddedAfter(COLLECTION, dates[0] ?? ''), 2);
        assert.equal(await sync.oldestAddedAfter(COLLECTION, dates[0] ?? ''), dates[1]);
        assert.equal(await sync.oldestAddedAfter(COLLECTION, dates[2] ?? ''), null);
        assert.equal(await sync.newestAddedAt(COLLECTION), dates[2]);
        await sync.createPeer(peer());
        await sync.addSubscription({ id: 's1', peerId: 'p1', direction: 'pull', localCollection: COLLECTION, remoteCollection: 'r', createdAt: T0 });
        await sync.quarantine({ id: 'q1', peerId: 'p1', subscriptionId: 's1', objectId: 'x', reason: 'bad', json: '{}', at: T0 });
        assert.equal(await sync.deletePeer('p1'), true);
        assert.equal(await sync.deletePeer('p1'), false);
        assert.deepEqual(await sync.listSubscriptions(), []);
        assert.equal(await sync.countQuarantine('p1'), 0);
      } finally {
        await close();
      }
    });
  });
}
