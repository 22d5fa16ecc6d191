// The audit-checkpoint part of the SyncStore contract (migration 8): checkpoints a node issued and
// those its peers pushed, kept once per (node, count, head hash), listed by count, and kept when the
// peer that delivered them is removed. Run by sqlite-checkpoints.test.ts and postgres-checkpoints.test.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoredCheckpoint } from '../../src/store/index.js';
import type { MakeSyncPair } from './contract-sync.js';

const T0 = '2026-01-01T00:00:00.000Z';
const NODE_A = 'a'.repeat(64);
const NODE_B = 'b'.repeat(64);

const checkpoint = (over: Partial<StoredCheckpoint> = {}): StoredCheckpoint => ({
  nodeId: NODE_A,
  count: 3,
  headHash: '3'.repeat(64),
  at: '2026-01-01T00:00:01.000Z',
  signature: 'sig-3',
  peerId: null,
  receivedAt: '2026-01-01T00:00:02.000Z',
  ...over,
});

export function checkpointContract(name: string, make: MakeSyncPair): void {
  describe(`SyncStore audit checkpoints: ${name}`, () => {
    test('checkpoints round-trip exactly, per node, ascending by count; the same (node, count, hash) is kept once', async () => {
      const { sync, close } = await make();
      try {
        assert.deepEqual(await sync.listCheckpoints(NODE_A, { limit: 10 }), []);
        assert.equal(await sync.recordCheckpoint(checkpoint({ count: 9, headHash: '9'.repeat(64), signature: 'sig-9' })), true);
        assert.equal(await sync.recordCheckpoint(checkpoint()), true);
        assert.equal(await sync.recordCheckpoint(checkpoint({ nodeId: NODE_B, peerId: 'p1' })), true);
        // Pushed again (another signing time): still one.
        assert.equal(await sync.recordCheckpoint(checkpoint({ at: '2026-01-01T00:05:00.000Z', signature: 'sig-3b' })), false);
        assert.deepEqual(await sync.listCheckpoints(NODE_A, { limit: 10 }), [checkpoint(), checkpoint({ count: 9, headHash: '9'.repeat(64), signature: 'sig-9' })]);
        assert.deepEqual(await sync.listCheckpoints(NODE_B, { limit: 10 }), [checkpoint({ nodeId: NODE_B, peerId: 'p1' })]);
        assert.deepEqual((await sync.listCheckpoints(NODE_A, { afterCount: 3, limit: 10 })).map((c) => c.count), [9]);
        assert.deepEqual((await sync.listCheckpoints(NODE_A, { limit: 1 })).map((c) => c.count), [3]);
      } finally {
        await close();
      }
    });

    test('one count with two hashes (a forked or re-forged log) is kept twice, in the order stored', async () => {
      const { sync, close } = await make();
      try {
        await sync.recordCheckpoint(checkpoint({ count: 0, headHash: '0'.repeat(64) }));
        await sync.recordCheckpoint(checkpoint({ count: 5, headHash: 'e'.repeat(64), receivedAt: '2026-01-02T00:00:00.000Z' }));
        await sync.recordCheckpoint(checkpoint({ count: 5, headHash: 'f'.repeat(64), receivedAt: '2026-01-03T00:00:00.000Z' }));
        assert.deepEqual(
          (await sync.listCheckpoints(NODE_A, { limit: 10 })).map((c) => [c.count, c.headHash[0]]),
          [[0, '0'], [5, 'e'], [5, 'f']],
        );
      } finally {
        await close();
      }
    });

    test('checkpoints outlive the peer that delivered them; bad counts and limits are refused', async () => {
      const { store, sync, close } = await make();
      try {
        await store.createOrganisation({ id: 'jpcert', name: 'JPCERT/CC', country: 'JP', createdAt: T0 });
        await sync.createPeer({ id: 'p1', name: 'jp', url: 'https://jp.example/taxii2/', orgId: 'jpcert', auth: { kind: 'none' }, tls: null, publicKey: null, nodeId: NODE_B, createdAt: T0 });
        await sync.recordCheckpoint(checkpoint({ nodeId: NODE_B, peerId: 'p1' }));
        assert.equal(await sync.deletePeer('p1'), true);
        assert.equal((await sync.listCheckpoints(NODE_B, { limit: 10 })).length, 1);
        await assert.rejects(sync.recordCheckpoint(checkpoint({ count: -1 })), { code: 'SETU_ERR_STORE_INVALID_QUERY' });
        await assert.rejects(sync.listCheckpoints(NODE_A, { limit: 0 }), { code: 'SETU_ERR_STORE_INVALID_QUERY' });
        await assert.rejects(sync.listCheckpoints(NODE_A, { afterCount: -2, limit: 5 }), { code: 'SETU_ERR_STORE_INVALID_QUERY' });
      } finally {
        await close();
      }
    });
  });
}
