// Contract: heldCopiesOf, the batched heldCopies ingest uses: for every id with stored copies,
// exactly what heldCopies(id) returns; ids without copies are absent; repeats are harmless.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NewObjectVersion, Store, Visibility } from '../../src/store/index.js';
import { collection, statusId, stix, type MakeStore } from './helpers.js';

const vis = (tlp: Visibility['tlp'], ownerOrg: string | null, recipients: string[] = []): Visibility => ({ tlp, ownerOrg, recipients, hasGranular: false });
const version = (id: string, v: string, visibility: Visibility): NewObjectVersion => ({ ...stix(id, v), visibility });

async function add(store: Store, collectionId: string, versions: NewObjectVersion[]) {
  return store.addObjects({ collectionId, statusId: statusId(), requestTimestamp: '2025-01-01T00:00:00.000000Z', accepted: versions, rejected: [] });
}

export function heldCopiesContract(makeStore: MakeStore): void {
  describe('heldCopiesOf', () => {
    it('answers for many ids what heldCopies answers for each', async () => {
      const store = await makeStore();
      for (const id of ['a', 'b']) await store.createOrganisation({ id, name: id, country: 'JP', createdAt: '2025-01-01T00:00:00.000Z' });
      await store.createCollection(collection('c1', { readOrgs: ['a', 'b'] }));
      await store.createCollection(collection('c2', { readOrgs: ['b'] }));
      await add(store, 'c1', [version('malware--1', '2024-01-01T00:00:00Z', vis('amber', 'a')), version('tool--2', '2024-01-01T00:00:00Z', vis('green', 'b'))]);
      await add(store, 'c2', [
        version('malware--1', '2025-01-01T00:00:00Z', vis('red', 'b', ['identity--y', 'identity--x'])),
        version('malware--1', '2024-01-01T00:00:00Z', vis('clear', null)),
      ]);
      const ids = ['malware--1', 'tool--2', 'malware--none', 'malware--1'];
      const batch = await store.heldCopiesOf(ids);
      assert.deepEqual([...batch.keys()].sort(), ['malware--1', 'tool--2']);
      for (const id of ['malware--1', 'tool--2']) assert.deepEqual(batch.get(id), await store.heldCopies(id));
      assert.equal(batch.get('malware--1')?.length, 3);
      assert.deepEqual(batch.get('malware--1')?.[1]?.recipients, ['identity--x', 'identity--y']);
      assert.deepEqual(await store.heldCopiesOf([]), new Map());
      await store.close();
    });
  });
}
