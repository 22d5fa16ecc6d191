// Contract: what a reader sees of things other than object pages, decided inside the query by the
// reader predicate: a status resource (getStatus with a reader) and object counts (countReadable).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NewObjectVersion, ReadScope, StatusRecord, Store, Visibility } from '../../src/store/index.js';
import { collection, statusId, stix, type MakeStore } from './helpers.js';

const vis = (tlp: Visibility['tlp'], ownerOrg: string | null, recipients: string[] = []): Visibility => ({ tlp, ownerOrg, recipients, hasGranular: false });
const version = (id: string, v: string | null, visibility: Visibility, variant = 0): NewObjectVersion => ({ ...stix(id, v, '2.1', variant), visibility });
const V = '2024-01-01T00:00:00.000Z';

const READER_A: ReadScope = { orgId: 'a', identityId: 'identity--a' };
const READER_B: ReadScope = { orgId: 'b', identityId: 'identity--b' };
const ANONYMOUS: ReadScope = { orgId: null, identityId: null };

async function world(makeStore: MakeStore): Promise<Store> {
  const store = await makeStore();
  for (const id of ['a', 'b']) await store.createOrganisation({ id, name: id, country: 'JP', createdAt: '2025-01-01T00:00:00.000Z' });
  await store.createCollection(collection('c1', { readOrgs: ['a', 'b'], writeOrgs: ['a', 'b'] }));
  await store.createCollection(collection('c2', { readOrgs: ['b'], writeOrgs: ['b'] }));
  return store;
}

async function post(store: Store, collectionId: string, accepted: NewObjectVersion[], rejected: StatusRecord['failures'] = []): Promise<StatusRecord> {
  const result = await store.addObjects({ collectionId, statusId: statusId(), requestTimestamp: '2025-01-01T00:00:00.000000Z', accepted, rejected });
  return result.status;
}

const ids = (details: StatusRecord['successes']) => details.map((d) => d.id);

function assertConsistent(status: StatusRecord): void {
  assert.equal(status.successCount, status.successes.length);
  assert.equal(status.failureCount, status.failures.length);
  assert.equal(status.pendingCount, status.pendings.length);
  assert.equal(status.totalCount, status.successCount + status.failureCount + status.pendingCount);
}

export function readerViewsContract(makeStore: MakeStore): void {
  describe('getStatus for a reader', () => {
    it('names only the versions the reader may read, with counts that match, and never the failures', async () => {
      const store = await world(makeStore);
      await post(store, 'c1', [version('tool--0', V, vis('green', 'a'))]);
      const posted = await post(
        store,
        'c1',
        [
          version('tool--1', V, vis('green', 'b')),
          version('malware--2', V, vis('red', 'b')),
          version('malware--3', V, vis('red', 'b', ['identity--a'])),
          version('ipv4-addr--4', null, vis('green', 'b')),
          version('note--5', V, vis('clear', 'b')),
          version('tool--0', V, vis('green', 'b'), 1), // conflicts with a's version: a failure naming a's object
        ],
        [{ id: 'malware--9', version: V, message: 'objects[7]: name: required property missing' }],
      );
      const sco = posted.successes.find((s) => s.id === 'ipv4-addr--4');
      assert.ok(sco !== undefined);

      // the node's view (no reader) is the status as written
      const full = await store.getStatus(posted.id);
      assert.deepEqual(full, posted);
      assert.equal(posted.failureCount, 2);

      const seenByA = await store.getStatus(posted.id, READER_A);
      assert.ok(seenByA !== undefined);
      assert.deepEqual(ids(seenByA.successes), ['tool--1', 'malware--3', 'ipv4-addr--4', 'note--5'], 'request order, RED not naming a left out');
      assert.deepEqual(seenByA.successes[2], sco, 'an unversioned object is matched by its date_added');
      assert.deepEqual(seenByA.failures, []);
      assertConsistent(seenByA);
      assert.equal(seenByA.totalCount, 4);
      assert.equal(seenByA.id, posted.id);
      assert.equal(seenByA.collectionId, 'c1');
      assert.equal(seenByA.status, 'complete');
      assert.equal(seenByA.requestTimestamp, posted.requestTimestamp);

      const seenByB = await store.getStatus(posted.id, READER_B);
      assert.deepEqual(ids(seenByB?.successes ?? []), ['tool--1', 'malware--2', 'malware--3', 'ipv4-addr--4', 'note--5']);
      assert.deepEqual(seenByB?.failures, [], 'failures name no stored version: not served to any reader');
      assertConsistent(seenByB!);

      const seenAnonymously = await store.getStatus(posted.id, ANONYMOUS);
      assert.deepEqual(ids(seenAnonymously?.successes ?? []), ['note--5']);
      assertConsistent(seenAnonymously!);

      assert.equal(await store.getStatus('no-such-status', READER_A), undefined);
      await store.close();
    });

    it('follows the store: a deleted version leaves the view, a re-post of a version the poster may not read is not named to it', async () => {
      const store = await world(makeStore);
      const red = version('malware--2', V, vis('red', 'b'));
      await post(store, 'c1', [red]);
      // a re-posts b's RED version byte for byte (an idempotent success), plus its own
      const repost = await post(store, 'c1', [{ ...red, visibility: vis('red', 'a') }, version('tool--7', V, vis('amber', 'a'))]);
      assert.equal(repost.successCount, 2);
      const seenByA = await store.getStatus(repost.id, READER_A);
      assert.deepEqual(ids(seenByA?.successes ?? []), ['tool--7']);
      assertConsistent(seenByA!);
      assert.deepEqual(ids((await store.getStatus(repost.id, READER_B))?.successes ?? []), ['malware--2', 'tool--7']);

      assert.equal(await store.deleteObject('c1', 'tool--7', {}), 1);
      const afterDelete = await store.getStatus(repost.id, READER_A);
      assert.deepEqual(afterDelete?.successes, []);
      assertConsistent(afterDelete!);
      assert.equal(afterDelete?.totalCount, 0);
      await store.close();
    });
  });

  describe('countReadable', () => {
    it('counts the versions of the given collections that the reader may read', async () => {
      const store = await world(makeStore);
      await post(store, 'c1', [
        version('tool--1', V, vis('green', 'b')),
        version('tool--1', '2024-02-01T00:00:00.000Z', vis('green', 'b')),
        version('malware--2', V, vis('red', 'b')),
        version('malware--3', V, vis('red', 'b', ['identity--a'])),
        version('note--5', V, vis('clear', null)),
      ]);
      await post(store, 'c2', [version('tool--6', V, vis('amber', 'b')), version('malware--7', V, vis('red', 'a'))]);
      assert.equal(await store.countReadable(['c1'], READER_A), 4);
      assert.equal(await store.countReadable(['c1'], READER_B), 5);
      assert.equal(await store.countReadable(['c1', 'c2'], READER_B), 6, "a's RED in c2 is not b's to read");
      assert.equal(await store.countReadable(['c1', 'c2'], READER_A), 6, 'the store applies the object rule only: the caller picks the collections');
      assert.equal(await store.countReadable(['c1', 'c2'], ANONYMOUS), 1);
      assert.equal(await store.countReadable([], READER_B), 0);
      assert.equal(await store.countReadable(['no-such', 'c2'], READER_B), 1);
      assert.equal(await store.countObjects(), 7);
      await store.close();
    });
  });
}
