// Contract property: over random histories (versions, spec versions, unversioned objects,
// re-posts, conflicts, deletes, a clock that stands still or steps back) and random queries and
// page sizes, paging through queryObjects yields exactly what the naive reference model selects.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { DeleteFilter, NewObjectVersion, ObjectQuery, ObjectRecord, VersionSelector } from '../../src/store/index.js';
import { instant, referenceDelete, referenceQuery } from './reference-model.js';
import { stix, storeWithCollections, T0, walk, type MakeStore } from './helpers.js';

const IDS = ['indicator--a', 'indicator--b', 'malware--c', 'file--d'] as const;
// Several spellings of the same instants, so normalisation is exercised.
const VERSIONS = ['2020-01-01T00:00:00Z', '2020-01-01T00:00:00.000Z', '2020-06-01T00:00:00.5Z', '2021-01-01T00:00:00.123456Z', '2019-12-31T23:59:59.999Z'];

const objectArb = fc.record({
  id: fc.constantFrom(...IDS),
  version: fc.constantFrom(...VERSIONS),
  spec: fc.constantFrom('2.0', '2.1'),
  variant: fc.constantFrom(0, 0, 0, 1),
  collection: fc.constantFrom('c1', 'c1', 'c2'),
});

const selectorArb: fc.Arbitrary<VersionSelector> = fc.oneof(
  fc.constant({ kind: 'last' as const }),
  fc.constant({ kind: 'first' as const }),
  fc.constant({ kind: 'all' as const }),
  fc.constantFrom(...VERSIONS).map((timestamp) => ({ kind: 'at' as const, timestamp })),
);

const opArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add' as const), objects: fc.array(objectArb, { minLength: 1, maxLength: 6 }), clockStep: fc.constantFrom(0, 0, 1, -3) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      id: fc.constantFrom(...IDS),
      versions: fc.option(fc.array(selectorArb, { minLength: 1, maxLength: 2 }), { nil: undefined }),
      specVersions: fc.option(fc.subarray(['2.0', '2.1'], { minLength: 1 }), { nil: undefined }),
    }),
  },
);

const queryArb = fc.record({
  ids: fc.option(fc.subarray([...IDS]), { nil: undefined }),
  types: fc.option(fc.subarray(['indicator', 'malware', 'file']), { nil: undefined }),
  versions: fc.option(fc.array(selectorArb, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  specVersions: fc.option(fc.subarray(['2.0', '2.1'], { minLength: 1 }), { nil: undefined }),
  addedAfterIndex: fc.option(fc.nat(40), { nil: undefined }),
  limit: fc.integer({ min: 1, max: 7 }),
  withJson: fc.boolean(),
});

function keyOf(o: { collectionId: string; id: string; specVersion: string; version: string | null }): string {
  return `${o.collectionId}|${o.id}|${o.specVersion}|${o.version === null ? '' : instant(o.version)}`;
}

export function propertyContract(makeStore: MakeStore): void {
  describe('queryObjects against a reference model (property)', () => {
    it('pages through exactly the reference selection, with exact `more`', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), fc.array(queryArb, { minLength: 1, maxLength: 4 }), async (ops, queries) => {
          let now = T0;
          const store = await storeWithCollections(makeStore, { clock: () => now });
          try {
            let rows: ObjectRecord[] = [];
            let statusNo = 0;
            for (const op of ops) {
              if (op.kind === 'delete') {
                const filter: DeleteFilter = {
                  ...(op.versions === undefined ? {} : { versions: op.versions }),
                  ...(op.specVersions === undefined ? {} : { specVersions: op.specVersions }),
                };
                const doomed = new Set(referenceDelete(rows, 'c1', op.id, filter).map((r) => r.seq));
                assert.equal(await store.deleteObject('c1', op.id, filter), doomed.size, 'delete count');
                rows = rows.filter((r) => !doomed.has(r.seq));
                continue;
              }
              now += op.clockStep;
              for (const collectionId of ['c1', 'c2'] as const) {
                const batch: { id: string; version: string; spec: string; variant: number; collection: string }[] = op.objects.filter(
                  (o) => o.collection === collectionId,
                );
                if (batch.length === 0) continue;
                const accepted: NewObjectVersion[] = batch.map((o) => stix(o.id, o.id === 'file--d' ? null : o.version, o.spec, o.variant));
                // expected outcome per object, from the model's keys (earlier copies in the batch count)
                const held = new Map(rows.map((r) => [keyOf(r), r.json]));
                const expectAdded: boolean[] = [];
                let expectFailures = 0;
                for (const a of accepted) {
                  const k = keyOf({ collectionId, ...a });
                  const existing = held.get(k);
                  expectAdded.push(existing === undefined);
                  if (existing !== undefined && existing !== a.json) expectFailures += 1;
                  if (existing === undefined) held.set(k, a.json);
                }
                statusNo += 1;
                const result = await store.addObjects({ collectionId, statusId: `p-${statusNo}`, requestTimestamp: '2025-01-01T00:00:00.000000Z', accepted, rejected: [] });
                assert.equal(result.added.length, expectAdded.filter(Boolean).length, 'added count');
                assert.equal(result.status.failureCount, expectFailures, 'failure count');
                assert.equal(result.status.successCount, accepted.length - expectFailures, 'success count');
                for (const r of result.added) {
                  const previous = rows.at(-1);
                  if (previous !== undefined) {
                    assert.ok(r.seq > previous.seq && r.dateAdded > previous.dateAdded, 'seq and dateAdded increase');
                  }
                  rows.push(r);
                }
              }
            }
            assert.equal(await store.countObjects(), rows.length);
            for (const spec of queries) {
              const addedAfter = spec.addedAfterIndex === undefined ? undefined : rows[spec.addedAfterIndex % Math.max(rows.length, 1)]?.dateAdded;
              const query: ObjectQuery = {
                collectionId: 'c1',
                limit: spec.limit,
                withJson: spec.withJson,
                ...(spec.ids === undefined ? {} : { ids: spec.ids }),
                ...(spec.types === undefined ? {} : { types: spec.types }),
                ...(spec.versions === undefined ? {} : { versions: spec.versions }),
                ...(spec.specVersions === undefined ? {} : { specVersions: spec.specVersions }),
                ...(addedAfter === undefined ? {} : { addedAfter }),
              };
              const expected = referenceQuery(rows, query).map((r) => (spec.withJson ? r : { ...r, json: undefined }));
              const got = await walk(store, query);
              assert.deepEqual(
                got.records.map((r) => ({ ...r, json: r.json })),
                expected,
                JSON.stringify(query),
              );
              assert.equal(got.pages.length, Math.max(1, Math.ceil(expected.length / spec.limit)), 'page count');
            }
          } finally {
            await store.close();
          }
        }),
        { numRuns: 150, seed: 20250101 },
      );
    });
  });
}
