// The search property (issue 10, "Done when"): random worlds of organisations (with communities),
// collections (audiences, default TLP) and object versions (TLP CLEAR..RED, RED with and without
// named recipients, AMBER and AMBER+STRICT, granular markings on the description), posted by their
// owners. For every organisation, searches by name words, by a word of the granular-markable
// description and by id, walked page by page through `next`, return exactly the versions the small
// reference (test/trust/reference.ts) lets that organisation read, newest first, never one more:
// and every page count is what the reader may read. Fixed seed (SETU_SEARCH_RUNS sets the count).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { orgIdentityId } from '../../src/access/index.js';
import { ingest } from '../../src/ingest/index.js';
import { searchFor, type SearchResult } from '../../src/node/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { LEVEL_NAMES, hiddenFor, levelOf, opens, sees, type Level, type RefCollection, type RefOrg, type RefVersion } from '../trust/reference.js';
import { ORGS, modifiedOf, objectId, objectJson, worldArbitrary, type World } from '../trust/world.js';

const RUNS = Number(process.env['SETU_SEARCH_RUNS'] ?? 120);
const CREATED = '2026-01-01T00:00:00.000Z';

interface Built {
  readonly store: Store;
  readonly collections: RefCollection[];
  readonly versions: RefVersion[];
}

/** The world's objects, each version posted by its owner into its collection (re-shares are the trust test's). */
async function build(world: World): Promise<Built> {
  let now = Date.parse('2026-02-01T00:00:00Z');
  let ids = 0;
  const store = await openSqliteStore({ path: ':memory:', clock: () => now++ });
  for (const id of ORGS) await store.createOrganisation({ id, name: id, country: null, createdAt: CREATED });
  for (const c of world.communities) await store.createCommunity({ id: c.id, name: c.id, description: null, members: c.members, createdAt: CREATED });
  const collections: RefCollection[] = [];
  for (const c of world.collections) {
    await store.createCollection({
      id: c.id, title: c.id, description: null, alias: null, readOrgs: c.readOrgs, writeOrgs: [...ORGS], mediaTypes: [], createdAt: CREATED,
      readCommunities: c.readCommunities, defaultTlp: c.defaultTlp, public: c.isPublic,
    });
    const readers = new Set(c.readOrgs);
    for (const k of c.readCommunities) for (const m of world.communities.find((x) => x.id === k)?.members ?? []) readers.add(m);
    collections.push({ id: c.id, readers, defaultLevel: LEVEL_NAMES.indexOf(c.defaultTlp) as Level, isPublic: c.isPublic });
  }
  const versions: RefVersion[] = [];
  for (const [n, o] of world.objects.entries()) {
    const home = collections[o.collection]!;
    for (const [v, spec] of o.versions.entries()) {
      const status = (await ingest({ store, collectionId: home.id, rawObjects: [objectJson(n, v, spec)], clock: () => now, newId: () => `status-${ids++}`, events: { emit: () => true }, submitter: { orgId: o.owner } })).status;
      assert.equal(status.successCount, 1, JSON.stringify(status.failures));
      versions.push({
        id: objectId(n), modified: modifiedOf(v), collection: home.id, owner: o.owner, ownerIdentity: orgIdentityId(o.owner),
        level: levelOf(spec.markings, home.defaultLevel), named: spec.recipients,
        granular: Object.fromEntries(spec.granular.map((g) => [g.property, levelOf([g.marking], 0)])), order: versions.length,
      });
    }
  }
  return { store, collections, versions };
}

/** Every result of a search, walked page by page through `next`; checks each page's size. */
async function walk(store: Store, orgId: string, q: string, limit: number): Promise<SearchResult[]> {
  const searcher = { tokenId: 't', orgId, role: 'reader' as const, communities: await store.communitiesOf(orgId) };
  const out: SearchResult[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages += 1) {
    const answer = await searchFor({ store }, searcher, { q, limit, ...(cursor === undefined ? {} : { cursor }) });
    assert.ok(answer.results.length <= limit);
    if (answer.next !== null) assert.equal(answer.results.length, limit, 'a page before the last is full');
    out.push(...answer.results);
    if (answer.next === null) return out;
    cursor = answer.next;
  }
  throw new Error('search did not end');
}

const key = (collection: string, id: string, version: string | null) => `${collection} ${id} ${version}`;

test('search never returns, or counts, a version the reader may not read', async () => {
  await fc.assert(
    fc.asyncProperty(worldArbitrary, fc.integer({ min: 1, max: 4 }), async (world, limit) => {
      const { store, collections, versions } = await build(world);
      try {
        for (const orgId of ORGS) {
          const reader: RefOrg = { id: orgId, identity: orgIdentityId(orgId), clients: [] };
          const readable = versions.filter((v) => opens(reader, collections.find((c) => c.id === v.collection)!) && sees(reader, v.level, v));
          const expect = (vs: readonly RefVersion[]) => vs.map((v) => key(v.collection, v.id, v.modified)).sort();
          const got = (results: readonly SearchResult[]) => results.map((r) => key(r.collection, r.id, r.version)).sort();

          const byName = await walk(store, orgId, 'malware', limit);
          assert.deepEqual(got(byName), expect(readable), `${orgId} name words`);
          // The description may be hidden from this reader by a granular marking: then its words find nothing.
          const byDescription = await walk(store, orgId, '"description of"', limit);
          assert.deepEqual(got(byDescription), expect(readable.filter((v) => !hiddenFor(reader, v).includes('description'))), `${orgId} description words`);
          for (const n of world.objects.keys()) {
            const byId = await walk(store, orgId, `id:${objectId(n)}`, limit);
            assert.deepEqual(got(byId), expect(readable.filter((v) => v.id === objectId(n))), `${orgId} id ${n}`);
          }
          // Newest first: the order versions were added, reversed.
          const order = byName.map((r) => key(r.collection, r.id, r.version));
          const added = readable.slice().sort((a, b) => b.order - a.order).map((v) => key(v.collection, v.id, v.modified));
          assert.deepEqual(order, added, `${orgId} newest first`);
        }
      } finally {
        await store.close();
      }
    }),
    { numRuns: RUNS, seed: 20261206 },
  );
});
