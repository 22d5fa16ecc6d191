// Contract: the audit entry of a write (AddObjectsRequest.audit) is appended in the same
// transaction as the objects and the status: it sees the outcome, extends the head, may decline,
// and when the request fails (unknown collection, off-head entry) nothing of it is written.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIT_GENESIS_HASH, type AddObjectsResult, type AuditEntry, type AuditHead } from '../../src/store/index.js';
import { stix, statusId, storeWithCollections, type MakeStore } from './helpers.js';

const code = (expected: string) => (error: unknown) => (error as { code?: string }).code === expected;

function entryFor(head: AuditHead | undefined, outcome: AddObjectsResult, seqShift = 0): AuditEntry {
  const seq = (head?.seq ?? 0) + 1 + seqShift;
  return {
    seq,
    at: '2026-03-01T00:00:00.000000Z',
    actor: { orgId: 'org-a', tokenId: 'tok', role: 'analyst', channel: 'taxii' },
    action: 'object.write',
    target: { collectionId: outcome.status.collectionId, objects: outcome.added.map((r) => [r.id, r.version ?? r.dateAdded]) },
    details: { statusId: outcome.status.id, added: outcome.added.length, failed: outcome.status.failureCount },
    prevHash: head?.hash ?? AUDIT_GENESIS_HASH,
    hash: `${String(seq).padStart(4, '0')}${'cd'.repeat(30)}`,
  };
}

export function writeAuditContract(makeStore: MakeStore): void {
  describe('addObjects with an audit entry', () => {
    it('appends the entry built from the outcome, extending the head, with the objects', async () => {
      const store = await storeWithCollections(makeStore);
      const first = await store.appendAudit((head) => ({ ...entryFor(head, { status: { collectionId: 'x', id: 's0', failureCount: 0 } as AddObjectsResult['status'], added: [] }) }));
      const seen: (AuditHead | undefined)[] = [];
      const result = await store.addObjects({
        collectionId: 'c1',
        statusId: statusId(),
        requestTimestamp: '2025-01-01T00:00:00.000000Z',
        accepted: [stix('indicator--a1', '2025-01-01T00:00:00.000Z'), stix('indicator--a2', '2025-01-01T00:00:00.000Z')],
        rejected: [{ id: 'indicator--bad', version: '2025-01-01T00:00:00.000Z', message: 'invalid' }],
        audit: (head, outcome) => {
          seen.push(head);
          return entryFor(head, outcome);
        },
      });
      assert.deepEqual(seen, [{ seq: 1, hash: first.hash }]);
      const entries = await store.listAudit({ limit: 10 });
      assert.equal(entries.length, 2);
      assert.deepEqual(entries[1]?.target, { collectionId: 'c1', objects: [['indicator--a1', '2025-01-01T00:00:00.000Z'], ['indicator--a2', '2025-01-01T00:00:00.000Z']] });
      assert.deepEqual(entries[1]?.details, { statusId: result.status.id, added: 2, failed: 1 });
      assert.equal(entries[1]?.prevHash, first.hash);
      await store.close();
    });

    it('records nothing when the builder declines (e.g. an idempotent re-post)', async () => {
      const store = await storeWithCollections(makeStore);
      const request = { collectionId: 'c1', requestTimestamp: '2025-01-01T00:00:00.000000Z', accepted: [stix('indicator--b1', '2025-01-01T00:00:00.000Z')], rejected: [] };
      const onlyAdded = (head: AuditHead | undefined, outcome: AddObjectsResult) => (outcome.added.length === 0 ? undefined : entryFor(head, outcome));
      await store.addObjects({ ...request, statusId: statusId(), audit: onlyAdded });
      const again = await store.addObjects({ ...request, statusId: statusId(), audit: onlyAdded });
      assert.equal(again.added.length, 0);
      assert.equal(again.status.successCount, 1);
      assert.equal((await store.listAudit({ limit: 10 })).length, 1);
      await store.close();
    });

    it('an entry that does not extend the head rejects the whole request: no objects, no status, no entry', async () => {
      const store = await storeWithCollections(makeStore);
      const id = statusId();
      await assert.rejects(
        store.addObjects({
          collectionId: 'c1',
          statusId: id,
          requestTimestamp: '2025-01-01T00:00:00.000000Z',
          accepted: [stix('indicator--c1', '2025-01-01T00:00:00.000Z')],
          rejected: [],
          audit: (head, outcome) => entryFor(head, outcome, 1),
        }),
        code('SETU_ERR_STORE_AUDIT_NOT_HEAD'),
      );
      assert.equal(await store.countObjects('c1'), 0);
      assert.equal(await store.getStatus(id), undefined);
      assert.equal(await store.auditHead(), undefined);
      await store.close();
    });

    it('an unknown collection writes no entry', async () => {
      const store = await storeWithCollections(makeStore);
      await assert.rejects(
        store.addObjects({
          collectionId: 'nope',
          statusId: statusId(),
          requestTimestamp: '2025-01-01T00:00:00.000000Z',
          accepted: [stix('indicator--d1', '2025-01-01T00:00:00.000Z')],
          rejected: [],
          audit: (head, outcome) => entryFor(head, outcome),
        }),
        code('SETU_ERR_STORE_UNKNOWN_COLLECTION'),
      );
      assert.equal(await store.auditHead(), undefined);
      await store.close();
    });
  });
}
