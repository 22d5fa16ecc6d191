// Contract: the outbound gate's review queue. Uses only the Store interface.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NewReviewItem, ReviewDecision } from '../../src/store/index.js';
import type { MakeStore } from './helpers.js';

const item = (id: string, overrides: Partial<NewReviewItem> = {}): NewReviewItem => ({
  id,
  destinationKind: 'organisation',
  destinationId: 'jpcert',
  collectionId: 'c1',
  objectId: 'note--00000000-0000-4000-8000-000000000001',
  objectType: 'note',
  version: '2026-01-01T00:00:00.000Z',
  contentHash: 'a'.repeat(64),
  json: '{"type":"note","id":"note--00000000-0000-4000-8000-000000000001"}',
  profile: 'IN',
  reasons: [{ rule: 'pii-hold', kind: 'aadhaar', path: '$.content', match: '2341 2341 2346', message: 'held' }],
  createdAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});
const approve: ReviewDecision = { state: 'approved', release: 'redacted', decidedAt: '2026-01-02T00:00:00.000Z', decidedBy: 'org:cert-in token:t1', note: 'ok' };
const reject: ReviewDecision = { state: 'rejected', decidedAt: '2026-01-03T00:00:00.000Z', decidedBy: 'cli:alice' };

export function reviewContract(makeStore: MakeStore): void {
  describe('review queue', () => {
    it('holds an item once per (destination, object, content); returns it as stored', async () => {
      const store = await makeStore();
      const first = await store.holdForReview(item('r1'));
      assert.equal(first.created, true);
      assert.deepEqual(first.item, { ...item('r1'), state: 'pending', decidedAt: null, decidedBy: null, note: null, release: null });
      const again = await store.holdForReview(item('r2'));
      assert.equal(again.created, false);
      assert.equal(again.item.id, 'r1');
      assert.equal(await store.getReviewItem('r2'), undefined);
      // another destination, kind or content is another item
      assert.equal((await store.holdForReview(item('r3', { destinationId: 'nisc' }))).created, true);
      assert.equal((await store.holdForReview(item('r4', { destinationKind: 'peer' }))).created, true);
      assert.equal((await store.holdForReview(item('r5', { contentHash: 'b'.repeat(64) }))).created, true);
      await assert.rejects(store.holdForReview(item('r1', { contentHash: 'c'.repeat(64) })), (e: unknown) => (e as { code?: string }).code === 'SETU_ERR_STORE_DUPLICATE_KEY');
      await store.close();
    });

    it('lists in creation order, filtered by state and destination, paged by afterId', async () => {
      const store = await makeStore();
      for (const [i, dest] of ['jpcert', 'nisc', 'jpcert', 'jpcert'].entries()) {
        await store.holdForReview(item(`r${i}`, { destinationId: dest, contentHash: String(i).repeat(64) }));
      }
      await store.decideReviewItem('r2', reject);
      assert.deepEqual((await store.listReviewItems({})).map((i) => i.id), ['r0', 'r1', 'r2', 'r3']);
      assert.deepEqual((await store.listReviewItems({ state: 'pending' })).map((i) => i.id), ['r0', 'r1', 'r3']);
      assert.deepEqual((await store.listReviewItems({ destinationKind: 'organisation', destinationId: 'jpcert' })).map((i) => i.id), ['r0', 'r2', 'r3']);
      assert.deepEqual((await store.listReviewItems({ limit: 2 })).map((i) => i.id), ['r0', 'r1']);
      assert.deepEqual((await store.listReviewItems({ limit: 2, afterId: 'r1' })).map((i) => i.id), ['r2', 'r3']);
      assert.deepEqual((await store.listReviewItems({ destinationKind: 'peer' })).map((i) => i.id), []);
      await store.close();
    });

    it('finds items for one destination by content hash, in any state', async () => {
      const store = await makeStore();
      await store.holdForReview(item('r1'));
      await store.holdForReview(item('r2', { contentHash: 'b'.repeat(64) }));
      await store.holdForReview(item('r3', { destinationId: 'nisc' }));
      await store.decideReviewItem('r2', approve);
      const found = await store.findReviewItems('organisation', 'jpcert', ['a'.repeat(64), 'b'.repeat(64), 'f'.repeat(64)]);
      assert.deepEqual(found.map((i) => [i.id, i.state]), [['r1', 'pending'], ['r2', 'approved']]);
      assert.deepEqual(await store.findReviewItems('organisation', 'jpcert', []), []);
      const many = Array.from({ length: 1200 }, (_, i) => i.toString(16).padStart(64, '0'));
      assert.deepEqual((await store.findReviewItems('organisation', 'jpcert', [...many, 'a'.repeat(64)])).map((i) => i.id), ['r1']);
      await store.close();
    });

    it('a decision is recorded with who and when, once; a second decision is refused and changes nothing', async () => {
      const store = await makeStore();
      await store.holdForReview(item('r1'));
      await store.holdForReview(item('r2', { contentHash: 'b'.repeat(64) }));
      const approved = await store.decideReviewItem('r1', approve);
      assert.equal(approved.kind, 'decided');
      assert.deepEqual(approved.kind === 'decided' && { ...approved.item, json: undefined, reasons: undefined }, {
        ...item('r1'),
        json: undefined,
        reasons: undefined,
        state: 'approved',
        release: 'redacted',
        decidedAt: '2026-01-02T00:00:00.000Z',
        decidedBy: 'org:cert-in token:t1',
        note: 'ok',
      });
      const again = await store.decideReviewItem('r1', reject);
      assert.equal(again.kind, 'already-decided');
      assert.equal(again.kind === 'already-decided' && again.item.state, 'approved');
      assert.equal((await store.getReviewItem('r1'))?.decidedBy, 'org:cert-in token:t1');
      const rejected = await store.decideReviewItem('r2', reject);
      assert.ok(rejected.kind === 'decided' && rejected.item.state === 'rejected' && rejected.item.release === null && rejected.item.note === null);
      assert.deepEqual(await store.decideReviewItem('nope', approve), { kind: 'not-found' });
      // holding the same content again returns the decided item: the decision stays in force
      const held = await store.holdForReview(item('r9'));
      assert.equal(held.created, false);
      assert.equal(held.item.state, 'approved');
      await store.close();
    });
  });
}
