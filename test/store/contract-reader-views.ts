// Contract: what a reader sees of things other than object pages, decided inside the query by the
// reader predicate (object counts, countReadable), and a status resource as written with its poster.
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

async function post(store: Store, collectionId: string, accepted: NewObjectVersion[], rejected: StatusRecord['failures'] = [], postedBy?: string): Promise<StatusRecord> {
  const result = await store.addObjects({ collectionId, statusId: statusId(), requestTimestamp: '2025-01-01T00:00:00.000000Z', accepted, rejected, ...(postedBy === undefined ? {} : { postedBy }) });
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
  describe('getStatus', () => {
    it('keeps the status as written, failures included, with the organisation that posted it', async () => {
      const store = await world(makeStore);
      const posted = await post(
        store,
        'c1',
        [version('tool--1', V, vis('green', 'b')), version('malware--2', V, vis('red', 'b'))],
        [{ id: 'malware--9', version: V, message: 'objects[2]: name: required property missing' }],
        'b',
      );
      assert.equal(posted.postedBy, 'b');
      assertConsistent(posted);
      assert.equal(posted.failureCount, 1);
      assert.deepEqual(await store.getStatus(posted.id), posted);
      assert.equal(await store.getStatus('no-such-status'), undefined);
      await store.close();
    });

    it('a write by the node itself names no poster', async () => {
      const store = await world(makeStore);
      const posted = await post(store, 'c1', [version('tool--1', V, vis('green', null))]);
      const read = await store.getStatus(posted.id);
      assert.equal(read?.postedBy, undefined);
      assert.equal(read !== undefined && 'postedBy' in read, false);
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

    it('with a gate reader, counts only the readable versions with a passing verdict for it', async () => {
      const store = await world(makeStore);
      await post(store, 'c1', [
        version('tool--1', V, vis('green', 'b')),
        version('tool--1', '2024-02-01T00:00:00.000Z', vis('green', 'b')),
        version('malware--2', V, vis('red', 'b')),
        version('note--5', V, vis('clear', null)),
      ]);
      const page = await store.queryObjects({ collectionId: 'c1', versions: [{ kind: 'all' }], limit: 10, withJson: false });
      const seqs = page.records.map((r) => r.seq);
      assert.equal(seqs.length, 4);
      // verdicts for reader a: the first GREEN passes, the second is held, the RED (not a's) "passes", the CLEAR has none
      await store.recordGateVerdicts({ collectionId: 'c1', reader: 'a', fingerprint: 'f', uptoSeq: seqs[2]!, reset: false, verdicts: [{ seq: seqs[0]!, pass: true }, { seq: seqs[1]!, pass: false }, { seq: seqs[2]!, pass: true }] });
      assert.equal(await store.countReadable(['c1'], READER_A), 3);
      assert.equal(await store.countReadable(['c1'], READER_A, 'a'), 1, 'only the passing verdict, and never what the reader predicate refuses');
      assert.equal(await store.countReadable(['c1'], READER_A, 'someone-else'), 0);
      await store.close();
    });
  });
}
