// Contract: the audit log. Appends extend the head inside one transaction, entries come back
// exactly as appended, off-head entries are refused, and the contract has no update or delete.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIT_GENESIS_HASH, type AuditEntry, type AuditHead, type Store } from '../../src/store/index.js';
import type { MakeStore } from './helpers.js';

const code = (expected: string) => (error: unknown) => (error as { code?: string }).code === expected;

/** A stand-in for access/audit's rule: the store must not care how the hash is made. */
function entryAfter(head: AuditHead | undefined, n: number): AuditEntry {
  const seq = (head?.seq ?? 0) + 1;
  return {
    seq,
    at: `2026-03-01T00:00:00.${String(n).padStart(6, '0')}Z`,
    actor: { orgId: 'org-a', tokenId: `tok-${n}`, role: 'analyst', channel: 'taxii' },
    action: 'object.write',
    target: { collectionId: 'c1', objects: [[`indicator--${n}`, '2026-03-01T00:00:00Z']], nested: { ok: true, n: 1.5, none: null } },
    details: { added: 1, note: 'ünïcødé ✓' },
    prevHash: head?.hash ?? AUDIT_GENESIS_HASH,
    hash: `${String(seq).padStart(4, '0')}${'ab'.repeat(30)}`,
  };
}

async function appendN(store: Store, n: number): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i += 1) out.push(await store.appendAudit((head) => entryAfter(head, i)));
  return out;
}

export function auditContract(makeStore: MakeStore): void {
  describe('audit log', () => {
    it('starts empty; appends get seq 1, 2, ... and come back exactly as appended', async () => {
      const store = await makeStore();
      assert.equal(await store.auditHead(), undefined);
      assert.deepEqual(await store.listAudit({ limit: 10 }), []);
      const heads: (AuditHead | undefined)[] = [];
      const written: AuditEntry[] = [];
      for (let i = 0; i < 3; i += 1) {
        written.push(
          await store.appendAudit((head) => {
            heads.push(head);
            return entryAfter(head, i);
          }),
        );
      }
      assert.deepEqual(heads, [undefined, { seq: 1, hash: written[0]?.hash }, { seq: 2, hash: written[1]?.hash }]);
      assert.deepEqual(await store.listAudit({ limit: 10 }), written);
      assert.deepEqual(await store.auditHead(), { seq: 3, hash: written[2]?.hash });
      await store.close();
    });

    it('lists a range by inclusive seq bounds, ascending, up to limit', async () => {
      const store = await makeStore();
      const written = await appendN(store, 6);
      assert.deepEqual((await store.listAudit({ fromSeq: 2, toSeq: 4, limit: 10 })).map((e) => e.seq), [2, 3, 4]);
      assert.deepEqual((await store.listAudit({ fromSeq: 3, limit: 2 })).map((e) => e.seq), [3, 4]);
      assert.deepEqual((await store.listAudit({ toSeq: 2, limit: 10 })).map((e) => e.seq), [1, 2]);
      assert.deepEqual(await store.listAudit({ fromSeq: 7, limit: 10 }), []);
      assert.deepEqual(await store.listAudit({ fromSeq: 6, limit: 1 }), [written[5]]);
      await assert.rejects(store.listAudit({ limit: 0 }), code('SETU_ERR_STORE_INVALID_QUERY'));
      await assert.rejects(store.listAudit({ fromSeq: -1, limit: 1 }), code('SETU_ERR_STORE_INVALID_QUERY'));
      await store.close();
    });

    it('refuses an entry that does not extend the head, and stores nothing', async () => {
      const store = await makeStore();
      await appendN(store, 2);
      await assert.rejects(store.appendAudit((head) => ({ ...entryAfter(head, 9), seq: 5 })), code('SETU_ERR_STORE_AUDIT_NOT_HEAD'));
      await assert.rejects(store.appendAudit((head) => ({ ...entryAfter(head, 9), prevHash: AUDIT_GENESIS_HASH })), code('SETU_ERR_STORE_AUDIT_NOT_HEAD'));
      await assert.rejects(store.appendAudit((head) => ({ ...entryAfter(head, 9), seq: 2 })), code('SETU_ERR_STORE_AUDIT_NOT_HEAD'));
      assert.equal((await store.auditHead())?.seq, 2);
      assert.equal((await store.listAudit({ limit: 10 })).length, 2);
      await store.close();
    });

    it('a failing builder appends nothing', async () => {
      const store = await makeStore();
      await appendN(store, 1);
      await assert.rejects(
        store.appendAudit(() => {
          throw new Error('builder failed');
        }),
        /builder failed/,
      );
      assert.equal((await store.auditHead())?.seq, 1);
      await store.close();
    });

    it('concurrent appends never fork the chain: every entry sees the one before it', async () => {
      const store = await makeStore();
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.appendAudit((head) => entryAfter(head, i))));
      const all = await store.listAudit({ limit: 100 });
      assert.deepEqual(all.map((e) => e.seq), Array.from({ length: 20 }, (_, i) => i + 1));
      for (let i = 1; i < all.length; i += 1) assert.equal(all[i]?.prevHash, all[i - 1]?.hash);
      await store.close();
    });

    it('offers no way to change or remove an entry', async () => {
      const store = await makeStore();
      const methods = Object.keys(Object.getPrototypeOf(store) as object).concat(Object.keys(store));
      for (const name of ['updateAudit', 'deleteAudit', 'removeAudit', 'truncateAudit', 'clearAudit']) {
        assert.equal(typeof (store as unknown as Record<string, unknown>)[name], 'undefined', name);
        assert.equal(methods.includes(name), false, name);
      }
      await store.close();
    });
  });
}
