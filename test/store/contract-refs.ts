// Contract: the reference index (migration 12). Rows are written with their version in the same
// transaction, go with its delete, and a failed write leaves none; referrersOf answers from the
// newest version of each referring object the reader may read (and the gate lets out), inside the query.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NewObjectVersion, Store, Visibility } from '../../src/store/index.js';
import { add, statusId, storeWithCollections, type MakeStore } from './helpers.js';

const A = 'indicator--0a000000-0000-4000-8000-000000000001';
const B = 'malware--0b000000-0000-4000-8000-000000000002';
const C = 'ipv4-addr--0c000000-0000-4000-8000-000000000003';
const REL = 'relationship--0d000000-0000-4000-8000-000000000004';
const REPORT = 'report--0e000000-0000-4000-8000-000000000005';
const AUTHOR = 'identity--0f000000-0000-4000-8000-000000000006';

function version(object: Record<string, unknown>, visibility?: Visibility): NewObjectVersion {
  const id = object['id'] as string;
  const modified = (object['modified'] as string | undefined) ?? null;
  return { id, type: id.slice(0, id.indexOf('--')), specVersion: '2.1', version: modified, json: JSON.stringify(object), ...(visibility === undefined ? {} : { visibility }) };
}

function relationship(modified: string, target: string, visibility?: Visibility): NewObjectVersion {
  return version({ type: 'relationship', spec_version: '2.1', id: REL, created: '2025-01-01T00:00:00.000Z', modified, relationship_type: 'indicates', source_ref: A, target_ref: target, created_by_ref: AUTHOR }, visibility);
}

const red = (ownerOrg: string, recipients: string[] = []): Visibility => ({ tlp: 'red', ownerOrg, recipients, hasGranular: false });
const paths = async (store: Store, target: string, extra: Partial<Parameters<Store['refs']['referrersOf']>[0]> = {}) =>
  (await store.refs.referrersOf({ collectionId: 'c1', targetIds: [target], limit: 50, ...extra })).map((r) => `${r.id} ${r.path}`).sort();

export function refsContract(makeStore: MakeStore): void {
  describe('reference index', () => {
    it('indexes every *_ref and *_refs of a written version (created_by_ref and markings left out)', async () => {
      const store = await storeWithCollections(makeStore);
      await add(store, [
        relationship('2025-01-01T00:00:00.000Z', B),
        version({ type: 'report', spec_version: '2.1', id: REPORT, created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z', name: 'r', published: '2025-01-01T00:00:00.000Z', object_refs: [A, B, C], object_marking_refs: ['marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9'] }),
      ]);
      assert.deepEqual(await paths(store, A), [`${REL} source_ref`, `${REPORT} object_refs`]);
      assert.deepEqual(await paths(store, B), [`${REL} target_ref`, `${REPORT} object_refs`]);
      assert.deepEqual(await paths(store, AUTHOR), []);
      assert.deepEqual(await paths(store, 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9'), []);
      const both = await store.refs.referrersOf({ collectionId: 'c1', targetIds: [A, C], limit: 50 });
      assert.deepEqual(both.map((r) => r.targetId).sort(), [A, A, C]);
      assert.ok(both.every((r) => Number.isSafeInteger(r.seq) && r.seq > 0));
      assert.deepEqual(await paths(store, A, { collectionId: 'c2' }), []);
      await store.close();
    });

    it('answers from the newest version of the referring object only', async () => {
      const store = await storeWithCollections(makeStore);
      await add(store, [relationship('2025-01-01T00:00:00.000Z', B)]);
      await add(store, [relationship('2025-02-01T00:00:00.000Z', C)]);
      assert.deepEqual(await paths(store, B), []);
      assert.deepEqual(await paths(store, C), [`${REL} target_ref`]);
      await store.close();
    });

    it('applies the reader predicate to the referring version and to which version is newest', async () => {
      const store = await storeWithCollections(makeStore);
      await add(store, [relationship('2025-01-01T00:00:00.000Z', B)]);
      await add(store, [relationship('2025-02-01T00:00:00.000Z', C, red('org-owner'))]);
      const outsider = { orgId: 'org-x', identityId: 'identity--00000000-0000-4000-8000-0000000000aa' };
      // The outsider cannot read the newest (RED) version: the older one it may read is its newest.
      assert.deepEqual(await paths(store, C, { reader: outsider }), []);
      assert.deepEqual(await paths(store, B, { reader: outsider }), [`${REL} target_ref`]);
      assert.deepEqual(await paths(store, C, { reader: { orgId: 'org-owner', identityId: null } }), [`${REL} target_ref`]);
      assert.deepEqual(await paths(store, B, { reader: { orgId: 'org-owner', identityId: null } }), []);
      // An anonymous reader sees TLP:CLEAR only (the collection default is GREEN).
      assert.deepEqual(await paths(store, B, { reader: { orgId: null, identityId: null } }), []);
      await store.close();
    });

    it('admits through a gate key only versions with a passing verdict', async () => {
      const store = await storeWithCollections(makeStore);
      const { added } = await add(store, [relationship('2025-01-01T00:00:00.000Z', B)]);
      assert.deepEqual(await paths(store, B, { gateReader: 'org-jp' }), []);
      await store.recordGateVerdicts({ collectionId: 'c1', reader: 'org-jp', fingerprint: 'f', uptoSeq: added[0]!.seq, reset: false, verdicts: [{ seq: added[0]!.seq, pass: true }] });
      assert.deepEqual(await paths(store, B, { gateReader: 'org-jp' }), [`${REL} target_ref`]);
      await store.close();
    });

    it('drops the rows with the deleted version', async () => {
      const store = await storeWithCollections(makeStore);
      await add(store, [relationship('2025-01-01T00:00:00.000Z', B)]);
      await add(store, [relationship('2025-02-01T00:00:00.000Z', C)]);
      assert.equal(await store.deleteObject('c1', REL, { versions: [{ kind: 'last' }] }), 1);
      assert.deepEqual(await paths(store, C), []);
      assert.deepEqual(await paths(store, B), [`${REL} target_ref`]);
      assert.equal(await store.deleteObject('c1', REL, {}), 1);
      assert.deepEqual(await paths(store, B), []);
      await store.close();
    });

    it('leaves no rows from a write that failed', async () => {
      const store = await storeWithCollections(makeStore);
      const id = statusId();
      await add(store, [version({ type: 'note', spec_version: '2.1', id: 'note--01000000-0000-4000-8000-000000000007', created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z', content: 'x', object_refs: [C] })]);
      await store.addObjects({ collectionId: 'c1', statusId: id, requestTimestamp: '2025-01-01T00:00:00.000000Z', accepted: [], rejected: [] });
      // The same status id again: the request fails as a whole, its relationship is not written.
      await assert.rejects(store.addObjects({ collectionId: 'c1', statusId: id, requestTimestamp: '2025-01-01T00:00:00.000000Z', accepted: [relationship('2025-01-01T00:00:00.000Z', C)], rejected: [] }));
      await assert.rejects(store.addObjects({ collectionId: 'nope', statusId: statusId(), requestTimestamp: '2025-01-01T00:00:00.000000Z', accepted: [relationship('2025-01-01T00:00:00.000Z', C)], rejected: [] }));
      assert.deepEqual(await paths(store, C), ['note--01000000-0000-4000-8000-000000000007 object_refs']);
      await store.close();
    });

    it('rebuild reads every version and leaves the rows as they were (idempotent)', async () => {
      const store = await storeWithCollections(makeStore);
      await add(store, [relationship('2025-01-01T00:00:00.000Z', B), version({ type: 'malware', spec_version: '2.1', id: B, created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z', name: 'b', is_family: false })]);
      const before = await paths(store, B);
      const seen: [number, number][] = [];
      assert.equal(await store.refs.rebuild((done, total) => seen.push([done, total])), 2);
      assert.deepEqual(seen.at(-1), [2, 2]);
      assert.deepEqual(await paths(store, B), before);
      await store.close();
    });

    it('refuses a bad limit or target list with SETU_ERR_STORE_INVALID_QUERY', async () => {
      const store = await storeWithCollections(makeStore);
      const invalid = (e: unknown) => (e as { code?: string }).code === 'SETU_ERR_STORE_INVALID_QUERY';
      await assert.rejects(store.refs.referrersOf({ collectionId: 'c1', targetIds: [A], limit: 0 }), invalid);
      await assert.rejects(store.refs.referrersOf({ collectionId: 'c1', targetIds: [], limit: 5 }), invalid);
      await store.close();
    });
  });
}
