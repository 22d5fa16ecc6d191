// Contract: every query filter, their combinations, exact pagination, argument checks.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ObjectQuery, Store } from '../../src/store/index.js';
import { add, stix, storeWithCollections, T0, walk, type MakeStore } from './helpers.js';

const code = (expected: string) => (error: unknown) => (error as { code?: string }).code === expected;

export function queriesContract(makeStore: MakeStore): void {
  describe('queryObjects filters', () => {
    let store: Store;
    const seqs: Record<string, number> = {};
    const dates: Record<string, string> = {};
    // name -> [id, version, spec]; added one by one in this order (so seq order = this order)
    const rows: [string, string, string | null, string][] = [
      ['a16', 'indicator--a', '2016-01-01T00:00:00.000Z', '2.1'],
      ['a18', 'indicator--a', '2018-01-01T00:00:00.000Z', '2.1'],
      ['a17', 'indicator--a', '2017-01-01T00:00:00.000Z', '2.1'], // arrives late, older than a18
      ['m20', 'malware--m', '2018-01-01T00:00:00.000Z', '2.0'],
      ['m21', 'malware--m', '2017-01-01T00:00:00.000Z', '2.1'],
      ['f', 'file--f', null, '2.1'],
      ['b20', 'indicator--b', '2020-01-01T00:00:00.000Z', '2.1'],
    ];
    const q = async (query: Partial<ObjectQuery>) => {
      const page = await store.queryObjects({ collectionId: 'c1', limit: 100, withJson: false, ...query });
      assert.equal(page.more, false);
      return page.records.map((r) => Object.entries(seqs).find(([, s]) => s === r.seq)![0]);
    };

    before(async () => {
      store = await storeWithCollections(makeStore, { clock: () => T0 });
      for (const [name, id, version, spec] of rows) {
        const result = await add(store, [stix(id, version, spec)]);
        seqs[name] = result.added[0]!.seq;
        dates[name] = result.added[0]!.dateAdded;
      }
      await add(store, [stix('indicator--a', '2030-01-01T00:00:00.000Z')], 'c2');
    });
    after(async () => store.close());

    it("defaults to the newest spec_version, then the 'last' version of each id", async () => {
      assert.deepEqual(await q({}), ['a18', 'm21', 'f', 'b20']);
    });
    it("'first', 'all', 'at' and unions of selectors", async () => {
      assert.deepEqual(await q({ versions: [{ kind: 'first' }] }), ['a16', 'm21', 'f', 'b20']);
      assert.deepEqual(await q({ versions: [{ kind: 'all' }] }), ['a16', 'a18', 'a17', 'm21', 'f', 'b20']);
      assert.deepEqual(await q({ versions: [{ kind: 'first' }, { kind: 'last' }] }), ['a16', 'a18', 'm21', 'f', 'b20']);
      assert.deepEqual(await q({ versions: [{ kind: 'at', timestamp: '2017-01-01T00:00:00Z' }] }), ['a17', 'm21']);
      assert.deepEqual(
        await q({ versions: [{ kind: 'at', timestamp: '2016-01-01T00:00:00.000000Z' }, { kind: 'at', timestamp: '2020-01-01T00:00:00.0000001Z' }] }),
        ['a16', 'b20'],
        'instants compare at microsecond precision, finer digits truncated',
      );
      assert.deepEqual(await q({ versions: [{ kind: 'at', timestamp: dates['f']! }] }), ['f'], 'unversioned: version = dateAdded');
      assert.deepEqual(await q({ versions: [] }), [], 'an empty selector list matches nothing');
    });
    it('spec_version lists: first/last decided across the listed spec versions by version', async () => {
      assert.deepEqual(await q({ specVersions: ['2.0', '2.1'] }), ['a18', 'm20', 'f', 'b20']);
      assert.deepEqual(await q({ specVersions: ['2.0', '2.1'], versions: [{ kind: 'first' }] }), ['a16', 'm21', 'f', 'b20']);
      assert.deepEqual(await q({ specVersions: ['2.0'] }), ['m20']);
      assert.deepEqual(await q({ specVersions: ['2.0', '2.1'], versions: [{ kind: 'all' }] }), ['a16', 'a18', 'a17', 'm20', 'm21', 'f', 'b20']);
      assert.deepEqual(await q({ specVersions: [] }), []);
    });
    it('types and ids, alone and combined with version filters', async () => {
      assert.deepEqual(await q({ types: ['indicator'] }), ['a18', 'b20']);
      assert.deepEqual(await q({ types: ['indicator', 'file'] }), ['a18', 'f', 'b20']);
      assert.deepEqual(await q({ types: [] }), []);
      assert.deepEqual(await q({ ids: ['indicator--a', 'file--f'] }), ['a18', 'f']);
      assert.deepEqual(await q({ ids: ['indicator--a'], versions: [{ kind: 'all' }] }), ['a16', 'a18', 'a17'], 'ascending by seq, not by version');
      assert.deepEqual(await q({ ids: [] }), []);
      assert.deepEqual(await q({ ids: ['indicator--a', 'malware--m'], types: ['malware'], specVersions: ['2.0', '2.1'], versions: [{ kind: 'all' }] }), [
        'm20',
        'm21',
      ]);
      assert.deepEqual(await q({ ids: ['nothing--here'] }), []);
    });
    it("added_after keeps the selected version only if it was added later ('last' is over the whole history)", async () => {
      assert.deepEqual(await q({ addedAfter: dates['a18']! }), ['m21', 'f', 'b20']);
      assert.deepEqual(await q({ addedAfter: dates['a16']! }), ['a18', 'm21', 'f', 'b20']);
      assert.deepEqual(await q({ addedAfter: dates['a18']!, versions: [{ kind: 'all' }] }), ['a17', 'm21', 'f', 'b20']);
      assert.deepEqual(await q({ addedAfter: dates['a16']!, versions: [{ kind: 'first' }] }), ['m21', 'f', 'b20'], "'first' of indicator--a was added before the bound");
      assert.deepEqual(await q({ addedAfter: dates['b20']! }), []);
      assert.deepEqual(await q({ addedAfter: '2000-01-01T00:00:00Z', types: ['indicator'], versions: [{ kind: 'all' }] }), ['a16', 'a18', 'a17', 'b20']);
    });
    it('an older version arriving late is not served as "last" to a client polling with added_after', async () => {
      const late = await add(store, [stix('indicator--b', '2019-01-01T00:00:00.000Z')]);
      seqs['b19'] = late.added[0]!.seq;
      assert.deepEqual(await q({ addedAfter: dates['b20']! }), []);
      assert.deepEqual(await q({ addedAfter: dates['b20']!, versions: [{ kind: 'all' }] }), ['b19']);
      assert.deepEqual(await q({ ids: ['indicator--b'] }), ['b20']);
      assert.equal(await store.deleteObject('c1', 'indicator--b', { versions: [{ kind: 'at', timestamp: '2019-01-01T00:00:00.000Z' }] }), 1);
    });
    it('afterSeq is a position only; withJson returns the exact bytes', async () => {
      assert.deepEqual(await q({ afterSeq: seqs['m21']! }), ['f', 'b20']);
      assert.deepEqual(await q({ afterSeq: seqs['b20']! + 1000 }), []);
      const withJson = await store.queryObjects({ collectionId: 'c1', ids: ['malware--m'], specVersions: ['2.0'], limit: 5, withJson: true });
      assert.equal(withJson.records[0]!.json, stix('malware--m', '2018-01-01T00:00:00.000Z', '2.0').json);
      const without = await store.queryObjects({ collectionId: 'c1', limit: 5, withJson: false });
      assert.ok(without.records.every((r) => r.json === undefined));
      const none = await store.queryObjects({ collectionId: 'nope', limit: 5, withJson: true });
      assert.deepEqual(none, { records: [], more: false });
    });
    it('rejects malformed arguments with SETU_ERR_STORE_INVALID_QUERY', async () => {
      const base = { collectionId: 'c1', limit: 10, withJson: false };
      for (const bad of [
        { ...base, limit: 0 },
        { ...base, limit: -3 },
        { ...base, limit: 1.5 },
        { ...base, afterSeq: -1 },
        { ...base, afterSeq: 2.5 },
        { ...base, addedAfter: 'yesterday' },
        { ...base, addedAfter: '2024-02-30T00:00:00Z' },
        { ...base, versions: [{ kind: 'at' as const, timestamp: '2024-01-01' }] },
      ]) {
        await assert.rejects(store.queryObjects(bad), code('SETU_ERR_STORE_INVALID_QUERY'), JSON.stringify(bad));
      }
    });
  });

  describe('pagination', () => {
    let store: Store;
    const total = 5000;
    before(async () => {
      store = await storeWithCollections(makeStore, { clock: () => T0 }); // every object in one millisecond
      const types = ['indicator', 'malware', 'file', 'tool'];
      for (let start = 0; start < total; start += 500) {
        await add(
          store,
          Array.from({ length: 500 }, (_, i) => stix(`${types[(start + i) % 4]}--${start + i}`, (start + i) % 4 === 2 ? null : '2024-01-01T00:00:00.000Z')),
        );
        await add(store, [stix(`indicator--other-${start}`, '2024-01-01T00:00:00.000Z')], 'c2');
      }
    });
    after(async () => store.close());

    const check = (result: Awaited<ReturnType<typeof walk>>, expected: number, limit: number) => {
      const seqs = result.records.map((r) => r.seq);
      assert.equal(seqs.length, expected);
      assert.equal(new Set(seqs).size, expected, 'no duplicates');
      assert.ok(
        seqs.every((s, i) => i === 0 || s > seqs[i - 1]!),
        'ascending',
      );
      assert.equal(result.pages.length, Math.max(1, Math.ceil(expected / limit)), 'no empty trailing page');
      result.pages.forEach((p, i) => {
        const lastPage = i === result.pages.length - 1;
        assert.equal(p.more, !lastPage, `page ${i} more`);
        if (!lastPage) assert.equal(p.size, limit);
      });
      const dates = result.records.map((r) => r.dateAdded);
      assert.ok(
        dates.every((d, i) => i === 0 || d > dates[i - 1]!),
        'dateAdded strictly increasing',
      );
    };

    it('walks 5,000 objects added in one clock millisecond with no gaps or duplicates, `more` exact', async () => {
      check(await walk(store, { collectionId: 'c1', limit: 7, withJson: true }), total, 7);
      check(await walk(store, { collectionId: 'c1', limit: 100, withJson: false }), total, 100);
      check(await walk(store, { collectionId: 'c1', limit: total, withJson: false }), total, total);
      check(await walk(store, { collectionId: 'c1', limit: 1, withJson: false, ids: ['tool--3', 'file--4998', 'malware--1'] }), 3, 1);
    });
    it('walks with type filters and with added_after inside the shared millisecond', async () => {
      check(await walk(store, { collectionId: 'c1', limit: 33, withJson: false, types: ['file'] }), total / 4, 33);
      check(await walk(store, { collectionId: 'c1', limit: 33, withJson: false, types: ['file', 'tool'] }), total / 2, 33);
      const firstHalf = await store.queryObjects({ collectionId: 'c1', limit: 2500, withJson: false });
      const bound = firstHalf.records.at(-1)!.dateAdded;
      const rest = await walk(store, { collectionId: 'c1', limit: 64, withJson: false, addedAfter: bound });
      check(rest, total - 2500, 64);
      assert.ok(rest.records.every((r) => r.dateAdded > bound));
    });
  });
}
