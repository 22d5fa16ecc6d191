// Contract: addObjects (status, idempotency, conflicts, atomicity), date_added, delete, counts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { add, DATE_ADDED_FORM, stix, storeWithCollections, T0, walk, type MakeStore } from './helpers.js';

const CONFLICT = 'version already exists with different content';
const code = (expected: string) => (error: unknown) => (error as { code?: string }).code === expected;
const all = [{ kind: 'all' as const }];

export function writesContract(makeStore: MakeStore): void {
  describe('addObjects', () => {
    it('adds versions, returns their records with seq and dateAdded, and persists the status', async () => {
      const store = await storeWithCollections(makeStore, { clock: () => T0 });
      const objects = [stix('indicator--1', '2024-01-01T00:00:00.000Z'), stix('file--1', null)];
      const result = await store.addObjects({
        collectionId: 'c1',
        statusId: 'st-1',
        requestTimestamp: '2025-01-01T00:00:00.000000Z',
        accepted: objects,
        rejected: [{ id: 'malware--bad', version: '2024-01-01T00:00:00.000Z', message: 'invalid: name required' }],
      });
      assert.equal(result.added.length, 2);
      assert.deepEqual(
        result.added.map((r) => [r.collectionId, r.id, r.type, r.specVersion, r.version, r.json]),
        objects.map((o) => ['c1', o.id, o.type, o.specVersion, o.version, o.json]),
      );
      assert.ok(result.added[0]!.seq < result.added[1]!.seq);
      assert.match(result.added[0]!.dateAdded, DATE_ADDED_FORM);
      assert.equal(result.added[0]!.dateAdded, '2025-01-01T00:00:00.000000Z', 'clock in microseconds');
      const status = result.status;
      assert.deepEqual(
        { ...status, successes: undefined, failures: undefined },
        {
          id: 'st-1',
          collectionId: 'c1',
          status: 'complete',
          requestTimestamp: '2025-01-01T00:00:00.000000Z',
          totalCount: 3,
          successCount: 2,
          failureCount: 1,
          pendingCount: 0,
          successes: undefined,
          failures: undefined,
          pendings: [],
        },
      );
      assert.deepEqual(status.successes, [
        { id: 'indicator--1', version: '2024-01-01T00:00:00.000Z' },
        { id: 'file--1', version: result.added[1]!.dateAdded },
      ]);
      assert.deepEqual(status.failures, [{ id: 'malware--bad', version: '2024-01-01T00:00:00.000Z', message: 'invalid: name required' }]);
      assert.deepEqual(await store.getStatus('st-1'), status);
      assert.equal(await store.getStatus('st-none'), undefined);
      await store.close();
    });

    it('treats an identical re-post as success without a new row (also for unversioned objects)', async () => {
      const store = await storeWithCollections(makeStore);
      const objects = [stix('indicator--1', '2024-01-01T00:00:00.000Z'), stix('file--1', null)];
      const first = await add(store, objects);
      const again = await add(store, objects);
      assert.equal(again.added.length, 0);
      assert.equal(again.status.successCount, 2);
      assert.equal(again.status.failureCount, 0);
      assert.deepEqual(
        again.status.successes.map((s) => s.version),
        ['2024-01-01T00:00:00.000Z', first.added[1]!.dateAdded],
        'an unversioned re-post reports the stored dateAdded as its version',
      );
      assert.equal(await store.countObjects('c1'), 2);
      await store.close();
    });

    it('fails a same-key version with different content without aborting its siblings', async () => {
      const store = await storeWithCollections(makeStore);
      await add(store, [stix('indicator--1', '2024-01-01T00:00:00.000Z', '2.1', 0)]);
      const result = await add(store, [
        stix('indicator--2', '2024-01-01T00:00:00.000Z'),
        stix('indicator--1', '2024-01-01T00:00:00.000Z', '2.1', 1),
        stix('indicator--3', '2024-01-01T00:00:00.000Z'),
      ]);
      assert.deepEqual(
        result.added.map((r) => r.id),
        ['indicator--2', 'indicator--3'],
      );
      assert.deepEqual(result.status.failures, [{ id: 'indicator--1', version: '2024-01-01T00:00:00.000Z', message: CONFLICT }]);
      assert.equal(result.status.successCount, 2);
      const stored = await store.queryObjects({ collectionId: 'c1', ids: ['indicator--1'], limit: 10, withJson: true });
      assert.equal(stored.records[0]?.json, stix('indicator--1', '2024-01-01T00:00:00.000Z', '2.1', 0).json, 'the first content stays');
      await store.close();
    });

    it('handles duplicates inside one request the same way', async () => {
      const store = await storeWithCollections(makeStore);
      const result = await add(store, [
        stix('indicator--1', '2024-01-01T00:00:00.000Z', '2.1', 0),
        stix('indicator--1', '2024-01-01T00:00:00.000Z', '2.1', 0),
        stix('indicator--1', '2024-01-01T00:00:00.000Z', '2.1', 7),
      ]);
      assert.equal(result.added.length, 1);
      assert.equal(result.status.successCount, 2);
      assert.deepEqual(
        result.status.failures.map((f) => f.message),
        [CONFLICT],
      );
      assert.equal(await store.countObjects(), 1);
      await store.close();
    });

    it('keys versions by instant: the same time written with other precision is the same version', async () => {
      const store = await storeWithCollections(makeStore);
      await add(store, [stix('indicator--1', '2024-01-01T00:00:00Z')]);
      const result = await add(store, [stix('indicator--1', '2024-01-01T00:00:00.000Z')]);
      assert.equal(result.added.length, 0);
      assert.equal(result.status.failureCount, 1, 'different JSON text for the same version is a conflict');
      await store.close();
    });

    it('keys by spec_version too: the same id and version in 2.0 and 2.1 are two versions', async () => {
      const store = await storeWithCollections(makeStore);
      const result = await add(store, [stix('malware--1', '2024-01-01T00:00:00.000Z', '2.0'), stix('malware--1', '2024-01-01T00:00:00.000Z', '2.1')]);
      assert.equal(result.added.length, 2);
      await store.close();
    });

    it('records an unparseable version as a failure of that object only', async () => {
      const store = await storeWithCollections(makeStore);
      const result = await add(store, [stix('indicator--1', 'yesterday'), stix('indicator--2', '2024-01-01T00:00:00.000Z')]);
      assert.deepEqual(
        result.added.map((r) => r.id),
        ['indicator--2'],
      );
      assert.deepEqual(result.status.failures, [{ id: 'indicator--1', version: 'yesterday', message: 'version is not an RFC 3339 UTC timestamp' }]);
      await store.close();
    });

    it('keeps collections independent: the same version may live in two collections', async () => {
      const store = await storeWithCollections(makeStore);
      await add(store, [stix('indicator--1', '2024-01-01T00:00:00.000Z', '2.1', 0)], 'c1');
      const other = await add(store, [stix('indicator--1', '2024-01-01T00:00:00.000Z', '2.1', 1)], 'c2');
      assert.equal(other.added.length, 1);
      assert.equal(await store.countObjects('c1'), 1);
      assert.equal(await store.countObjects('c2'), 1);
      assert.equal(await store.countObjects(), 2);
      assert.equal(await store.countObjects('nope'), 0);
      await store.close();
    });
  });

  describe('addObjects atomicity', () => {
    it('a duplicate status id rejects the whole request and leaves nothing behind', async () => {
      const store = await storeWithCollections(makeStore);
      const request = {
        collectionId: 'c1',
        statusId: 'st-dup',
        requestTimestamp: '2025-01-01T00:00:00.000000Z',
        accepted: [stix('indicator--1', '2024-01-01T00:00:00.000Z')],
        rejected: [],
      };
      const original = await store.addObjects(request);
      await assert.rejects(
        store.addObjects({ ...request, accepted: [stix('indicator--2', '2024-01-01T00:00:00.000Z'), stix('file--9', null)] }),
        code('SETU_ERR_STORE_DUPLICATE_KEY'),
      );
      assert.equal(await store.countObjects(), 1);
      assert.deepEqual(await store.getStatus('st-dup'), original.status);
      const next = await add(store, [stix('indicator--3', '2024-01-01T00:00:00.000Z')]);
      assert.ok(next.added[0]!.dateAdded > original.added[0]!.dateAdded);
      await store.close();
    });

    it('an unknown collection rejects and writes nothing', async () => {
      const store = await storeWithCollections(makeStore);
      await assert.rejects(add(store, [stix('indicator--1', '2024-01-01T00:00:00.000Z')], 'ghost'), code('SETU_ERR_STORE_UNKNOWN_COLLECTION'));
      assert.equal(await store.countObjects(), 0);
      await store.close();
    });
  });

  describe('date_added', () => {
    it('is unique and strictly increasing in commit order with a frozen, then backward clock', async () => {
      let now = T0;
      const store = await storeWithCollections(makeStore, { clock: () => now });
      const dates: string[] = [];
      for (let batch = 0; batch < 5; batch += 1) {
        if (batch === 3) now = T0 - 60_000; // the clock steps back a minute
        const result = await add(
          store,
          Array.from({ length: 20 }, (_, i) => stix(`indicator--${batch}-${i}`, '2024-01-01T00:00:00.000Z')),
          batch % 2 === 0 ? 'c1' : 'c2',
        );
        dates.push(...result.added.map((r) => r.dateAdded));
      }
      for (const d of dates) assert.match(d, DATE_ADDED_FORM);
      for (let i = 1; i < dates.length; i += 1) assert.ok(dates[i - 1]! < dates[i]!, `${dates[i - 1]} < ${dates[i]}`);
      assert.equal(dates[0], '2025-01-01T00:00:00.000000Z');
      assert.equal(dates[99], '2025-01-01T00:00:00.000099Z');
      await store.close();
    });

    it('follows the clock when it moves ahead', async () => {
      let now = T0;
      const store = await storeWithCollections(makeStore, { clock: () => now });
      await add(store, [stix('indicator--1', '2024-01-01T00:00:00.000Z')]);
      now = T0 + 1500;
      const later = await add(store, [stix('indicator--2', '2024-01-01T00:00:00.000Z')]);
      assert.equal(later.added[0]!.dateAdded, '2025-01-01T00:00:01.500000Z');
      await store.close();
    });

    it('never reuses the dateAdded of a deleted newest version', async () => {
      const store = await storeWithCollections(makeStore, { clock: () => T0 });
      await add(store, [stix('indicator--1', '2024-01-01T00:00:00.000Z')]);
      const newest = await add(store, [stix('indicator--2', '2024-01-01T00:00:00.000Z')]);
      assert.equal(await store.deleteObject('c1', 'indicator--2', {}), 1);
      const after = await add(store, [stix('indicator--3', '2024-01-01T00:00:00.000Z')]);
      assert.ok(after.added[0]!.dateAdded > newest.added[0]!.dateAdded);
      assert.ok(after.added[0]!.seq > newest.added[0]!.seq, 'seq is never reused either');
      await store.close();
    });
  });

  describe('deleteObject', () => {
    const versions = ['2015-01-01T00:00:00.000Z', '2016-01-01T00:00:00.000Z', '2017-01-01T00:00:00.000Z', '2018-01-01T00:00:00.000Z'];
    const remaining = async (store: Awaited<ReturnType<typeof storeWithCollections>>) =>
      (await walk(store, { collectionId: 'c1', ids: ['course-of-action--1'], versions: all, specVersions: ['2.0', '2.1'], limit: 50, withJson: false })).records.map(
        (r) => `${r.version}/${r.specVersion}`,
      );

    it('removes the versions chosen by match[version], one selector at a time (as the reference server)', async () => {
      const store = await storeWithCollections(makeStore);
      await add(store, versions.map((v) => stix('course-of-action--1', v)));
      await add(store, [stix('course-of-action--1', versions[0]!)], 'c2');
      assert.equal(await store.deleteObject('c1', 'course-of-action--1', { versions: [{ kind: 'at', timestamp: '2017-01-01T00:00:00Z' }] }), 1);
      assert.deepEqual(await remaining(store), ['2015-01-01T00:00:00.000Z/2.1', '2016-01-01T00:00:00.000Z/2.1', '2018-01-01T00:00:00.000Z/2.1']);
      assert.equal(await store.deleteObject('c1', 'course-of-action--1', { versions: [{ kind: 'first' }] }), 1);
      assert.equal(await store.deleteObject('c1', 'course-of-action--1', { versions: [{ kind: 'last' }] }), 1);
      assert.deepEqual(await remaining(store), ['2016-01-01T00:00:00.000Z/2.1']);
      assert.equal(await store.deleteObject('c1', 'course-of-action--1', { versions: all }), 1);
      assert.deepEqual(await remaining(store), []);
      assert.equal(await store.deleteObject('c1', 'course-of-action--1', {}), 0, 'nothing left to delete');
      assert.equal(await store.countObjects('c2'), 1, 'other collections are untouched');
      await store.close();
    });

    it('removes every version by default, and only the listed spec versions when asked', async () => {
      const store = await storeWithCollections(makeStore);
      await add(store, [stix('course-of-action--1', '2017-01-01T00:00:00.000Z', '2.1'), stix('course-of-action--1', '2019-01-01T00:00:00.000Z', '2.0')]);
      assert.equal(await store.deleteObject('c1', 'course-of-action--1', { specVersions: ['2.0'] }), 1);
      assert.deepEqual(await remaining(store), ['2017-01-01T00:00:00.000Z/2.1']);
      await add(store, versions.map((v) => stix('course-of-action--1', v)));
      assert.equal(await store.deleteObject('c1', 'course-of-action--1', {}), 4);
      assert.equal(await store.countObjects('c1'), 0);
      await store.close();
    });

    it("decides 'last' among the listed spec versions", async () => {
      const store = await storeWithCollections(makeStore);
      await add(store, [stix('course-of-action--1', '2017-01-01T00:00:00.000Z', '2.1'), stix('course-of-action--1', '2019-01-01T00:00:00.000Z', '2.0')]);
      assert.equal(await store.deleteObject('c1', 'course-of-action--1', { versions: [{ kind: 'last' }], specVersions: ['2.1'] }), 1);
      assert.deepEqual(await remaining(store), ['2019-01-01T00:00:00.000Z/2.0']);
      await store.close();
    });
  });
}
