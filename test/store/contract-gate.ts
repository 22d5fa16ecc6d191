// Contract: the outbound gate's verdicts for direct readers (store/types-gate.ts). A page for a
// gate reader holds exactly the versions recorded as passing for it; 'last' falls back to the
// newest passing version; a reset drops earlier verdicts; marks round-trip; deletes take verdicts
// along. Uses only the Store interface.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ObjectQuery, Store } from '../../src/store/index.js';
import { add, stix, storeWithCollections, T0, type MakeStore } from './helpers.js';

async function world(makeStore: MakeStore): Promise<{ store: Store; seqs: number[] }> {
  const store = await storeWithCollections(makeStore, { clock: () => T0 });
  const seqs: number[] = [];
  for (const [id, version] of [
    ['note--a', '2026-01-01T00:00:00.000Z'],
    ['note--a', '2026-02-01T00:00:00.000Z'],
    ['note--b', '2026-01-01T00:00:00.000Z'],
    ['note--c', '2026-01-01T00:00:00.000Z'],
  ] as const) {
    seqs.push((await add(store, [stix(id, version)])).added[0]!.seq);
  }
  return { store, seqs };
}

const page = async (store: Store, query: Partial<ObjectQuery>) =>
  (await store.queryObjects({ collectionId: 'c1', limit: 100, withJson: false, ...query })).records.map((r) => r.seq);

export function gateContract(makeStore: MakeStore): void {
  describe('gate verdicts', () => {
    it('a gate reader reads only versions recorded as passing for it; undecided versions are not read', async () => {
      const { store, seqs } = await world(makeStore);
      const [a1, a2, b, c] = seqs as [number, number, number, number];
      try {
        assert.equal(await store.gateMark('c1', 'jpcert'), undefined);
        await store.recordGateVerdicts({
          collectionId: 'c1',
          reader: 'jpcert',
          fingerprint: 'f1',
          uptoSeq: b,
          reset: false,
          verdicts: [
            { seq: a1, pass: true },
            { seq: a2, pass: false },
            { seq: b, pass: true },
          ],
        });
        assert.deepEqual(await store.gateMark('c1', 'jpcert'), { fingerprint: 'f1', uptoSeq: b });
        assert.equal(await store.gateMark('c1', 'other'), undefined);
        assert.equal(await store.gateMark('c2', 'jpcert'), undefined);
        // c has no verdict: not read. The newest version of a is held: its older one is a's 'last'.
        assert.deepEqual(await page(store, { gateReader: 'jpcert' }), [a1, b]);
        assert.deepEqual(await page(store, { gateReader: 'jpcert', versions: [{ kind: 'all' }] }), [a1, b]);
        assert.deepEqual(await page(store, { gateReader: 'jpcert', versions: [{ kind: 'first' }] }), [a1, b]);
        assert.deepEqual(await page(store, { gateReader: 'jpcert', reader: { orgId: 'jpcert', identityId: 'identity--x' } }), [a1, b]);
        const limited = await store.queryObjects({ collectionId: 'c1', limit: 1, withJson: false, gateReader: 'jpcert', versions: [{ kind: 'all' }] });
        assert.deepEqual([limited.records.map((r) => r.seq), limited.more], [[a1], true]);
        // Without a gate reader nothing changes; another reader key has no verdicts.
        assert.deepEqual(await page(store, {}), [a2, b, c]);
        assert.deepEqual(await page(store, { gateReader: 'other' }), []);

        // More verdicts extend; a later verdict for the same version replaces the earlier one.
        await store.recordGateVerdicts({ collectionId: 'c1', reader: 'jpcert', fingerprint: 'f1', uptoSeq: c, reset: false, verdicts: [{ seq: c, pass: true }, { seq: b, pass: false }] });
        assert.deepEqual(await page(store, { gateReader: 'jpcert' }), [a1, c]);
        assert.deepEqual(await store.gateMark('c1', 'jpcert'), { fingerprint: 'f1', uptoSeq: c });

        // A reset drops every earlier verdict of that reader in that collection, and only those.
        await store.recordGateVerdicts({ collectionId: 'c1', reader: 'other', fingerprint: 'g', uptoSeq: c, reset: false, verdicts: [{ seq: c, pass: true }] });
        await store.recordGateVerdicts({ collectionId: 'c1', reader: 'jpcert', fingerprint: 'f2', uptoSeq: c, reset: true, verdicts: [{ seq: a2, pass: true }] });
        assert.deepEqual(await page(store, { gateReader: 'jpcert' }), [a2]);
        assert.deepEqual(await page(store, { gateReader: 'other' }), [c]);
        assert.deepEqual(await store.gateMark('c1', 'jpcert'), { fingerprint: 'f2', uptoSeq: c });
      } finally {
        await store.close();
      }
    });

    it('a delete for a gate reader removes only versions recorded as passing for it', async () => {
      const { store, seqs } = await world(makeStore);
      const [a1, a2, b] = seqs as [number, number, number];
      try {
        await store.recordGateVerdicts({ collectionId: 'c1', reader: 'jpcert', fingerprint: 'f', uptoSeq: b, reset: false, verdicts: [{ seq: a1, pass: true }, { seq: a2, pass: false }, { seq: b, pass: false }] });
        assert.equal(await store.deleteObject('c1', 'note--b', { gateReader: 'jpcert' }), 0, 'a held object does not exist for the reader');
        assert.equal(await store.deleteObject('c1', 'note--c', { gateReader: 'jpcert' }), 0, 'nor does an undecided one');
        // 'last' is decided among what the reader may see: a1, not the held a2.
        assert.equal(await store.deleteObject('c1', 'note--a', { gateReader: 'jpcert', versions: [{ kind: 'last' }] }), 1);
        assert.deepEqual(await page(store, { versions: [{ kind: 'all' }] }), [a2, b, seqs[3]!]);
      } finally {
        await store.close();
      }
    });

    it('verdicts go with their versions; a verdict for a version that no longer exists is skipped', async () => {
      const { store, seqs } = await world(makeStore);
      const [a1, a2] = seqs as [number, number];
      try {
        await store.recordGateVerdicts({ collectionId: 'c1', reader: 'jpcert', fingerprint: 'f', uptoSeq: a2, reset: false, verdicts: [{ seq: a1, pass: true }, { seq: a2, pass: true }] });
        assert.equal(await store.deleteObject('c1', 'note--a', { versions: [{ kind: 'last' }] }), 1);
        assert.deepEqual(await page(store, { gateReader: 'jpcert' }), [a1]);
        // The deleted seq is never reused: recording it again writes nothing and fails nothing.
        await store.recordGateVerdicts({ collectionId: 'c1', reader: 'jpcert', fingerprint: 'f', uptoSeq: a2, reset: false, verdicts: [{ seq: a2, pass: true }, { seq: 999_999, pass: true }] });
        assert.deepEqual(await page(store, { gateReader: 'jpcert', versions: [{ kind: 'all' }] }), [a1]);
      } finally {
        await store.close();
      }
    });
  });
}
