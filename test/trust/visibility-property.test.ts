// The trust property (issue 3): random organisations (with clients), communities, collections,
// objects with random TLP markings, recipients and granular markings, posted by their owners and
// re-shared by random organisations. For every read path (objects list walked page by page, object
// by id, versions, manifest) and every onward path (re-sharing into another collection through
// ingest, export on an organisation's behalf) what each principal receives or may pass on must
// equal what the small reference in reference.ts says: no more, no less. Fixed seed; thousands of
// cases (SETU_TRUST_RUNS overrides the count).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { collectionReaders, orgIdentityId, passOn, readScopeOf, type ReadScope } from '../../src/access/index.js';
import { ingest } from '../../src/ingest/index.js';
import { openSqliteStore, type ObjectQuery, type ObjectRecord, type Store } from '../../src/store/index.js';
import { servedJson } from '../../src/taxii/served-json.js';
import { hiddenFor, levelOf, mayGo, opens, refusedOnward, sees, LEVEL_NAMES, type Level, type RefCollection, type RefOrg, type RefVersion } from './reference.js';
import { ORGS, modifiedOf, objectId, objectJson, worldArbitrary, type World } from './world.js';

const RUNS = Number(process.env['SETU_TRUST_RUNS'] ?? 1500);
const CREATED = '2026-01-01T00:00:00.000Z';
const noEvents = { emit: () => undefined };

interface Built {
  readonly store: Store;
  readonly orgs: Map<string, RefOrg>;
  readonly collections: RefCollection[];
  readonly versions: RefVersion[];
  readonly jsonOf: Map<RefVersion, string>;
}

async function build(world: World): Promise<Built> {
  let now = Date.parse('2026-02-01T00:00:00Z');
  let ids = 0;
  const store = await openSqliteStore({ path: ':memory:', clock: () => now++ });
  for (const id of ORGS) await store.createOrganisation({ id, name: id, country: null, createdAt: CREATED });
  for (const id of ORGS) await store.updateOrganisation(id, { clients: world.clients[id] ?? [] });
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
  const orgs = new Map<string, RefOrg>(ORGS.map((id) => [id, { id, identity: orgIdentityId(id), clients: world.clients[id] ?? [] }]));
  const versions: RefVersion[] = [];
  const jsonOf = new Map<RefVersion, string>();
  const post = async (collectionId: string, submitter: string, json: string) =>
    (await ingest({ store, collectionId, rawObjects: [json], clock: () => now, newId: () => `status-${ids++}`, events: noEvents, submitter: { orgId: submitter } })).status;

  for (const [n, o] of world.objects.entries()) {
    const home = collections[o.collection]!;
    for (const [v, spec] of o.versions.entries()) {
      const json = objectJson(n, v, spec);
      const status = await post(home.id, o.owner, json);
      assert.equal(status.successCount, 1, `the owner's own post succeeds: ${JSON.stringify(status.failures)}`);
      const ref: RefVersion = {
        id: objectId(n), modified: modifiedOf(v), collection: home.id, owner: o.owner, ownerIdentity: orgIdentityId(o.owner),
        level: levelOf(spec.markings, home.defaultLevel), named: spec.recipients,
        granular: Object.fromEntries(spec.granular.map((g) => [g.property, levelOf([g.marking], 0)])), order: versions.length,
      };
      versions.push(ref);
      jsonOf.set(ref, json);
    }
  }

  // Re-sharing: the latest version, by a random organisation, into a random collection.
  for (const r of world.reshares) {
    const o = world.objects[r.object]!;
    const home = collections[o.collection]!;
    const dest = collections[r.collection]!;
    const actor = orgs.get(r.actor)!;
    const last = o.versions.length - 1;
    const spec = o.versions[last]!;
    const status = await post(dest.id, r.actor, objectJson(r.object, last, spec));
    const homeVersions = versions.filter((v) => v.id === objectId(r.object) && v.collection === home.id);
    const expected = dest === home || homeVersions.every((v) => mayGo(actor, v, home, { kind: 'collection', c: dest }));
    assert.equal(status.successCount, expected ? 1 : 0, `re-share of ${objectId(r.object)} by ${r.actor} into ${dest.id}: ${JSON.stringify(status.failures)}`);
    if (!expected) assert.match(status.failures[0]?.message ?? '', /may not be re-shared/);
    if (!expected || dest === home) continue;
    const foreign = homeVersions.filter((v) => v.owner !== actor.id);
    const own = levelOf(spec.markings, dest.defaultLevel);
    const ref: RefVersion = {
      ...homeVersions[homeVersions.length - 1]!,
      collection: dest.id,
      owner: foreign.length === homeVersions.length ? homeVersions[0]!.owner : actor.id,
      level: foreign.reduce<Level>((l, v) => (v.level > l ? v.level : l), own),
      order: versions.length,
    };
    versions.push({ ...ref, ownerIdentity: orgIdentityId(ref.owner) });
    jsonOf.set(versions[versions.length - 1]!, objectJson(r.object, last, spec));
  }
  return { store, orgs, collections, versions, jsonOf };
}

/** What the reader should receive of one version: the JSON minus the fields it lacks. */
function expectedObject(reader: RefOrg | null, v: RefVersion, json: string, refused: readonly string[] = []): unknown {
  const object = JSON.parse(json) as Record<string, unknown>;
  const hidden = [...hiddenFor(reader, v), ...refused];
  for (const p of hidden) delete object[p];
  if (Array.isArray(object['granular_markings'])) {
    const kept = (object['granular_markings'] as { selectors: string[] }[]).filter((g) => !hidden.includes(g.selectors[0]!));
    if (kept.length === 0) delete object['granular_markings'];
    else object['granular_markings'] = kept;
  }
  return object;
}

async function walk(store: Store, query: ObjectQuery): Promise<ObjectRecord[]> {
  const out: ObjectRecord[] = [];
  let afterSeq: number | undefined;
  for (;;) {
    const page = await store.queryObjects({ ...query, ...(afterSeq === undefined ? {} : { afterSeq }) });
    out.push(...page.records);
    const last = page.records.at(-1);
    if (!page.more || last === undefined) return out;
    afterSeq = last.seq;
  }
}

const key = (r: { id: string; version?: string | null; modified?: string }) => `${r.id}@${Date.parse((r as { version?: string }).version ?? (r as { modified: string }).modified)}`;

function lastOf(vs: readonly RefVersion[]): RefVersion[] {
  const byId = new Map<string, RefVersion>();
  for (const v of vs) {
    const seen = byId.get(v.id);
    if (seen === undefined || Date.parse(v.modified) > Date.parse(seen.modified)) byId.set(v.id, v);
  }
  return vs.filter((v) => byId.get(v.id) === v);
}

async function checkReads(b: Built): Promise<void> {
  const readers: (RefOrg | null)[] = [null, ...b.orgs.values()];
  for (const reader of readers) {
    const scope: ReadScope = readScopeOf(reader?.id ?? null);
    for (const c of b.collections) {
      if (!opens(reader, c)) continue;
      const held = b.versions.filter((v) => v.collection === c.id);
      const visible = held.filter((v) => sees(reader, v.level, v));
      const who = `${reader?.id ?? 'anonymous'} in ${c.id}`;
      // objects list (default: last), walked two at a time
      const list = await walk(b.store, { collectionId: c.id, limit: 2, withJson: true, reader: scope });
      const expectedList = lastOf(visible);
      assert.deepEqual(list.map(key), expectedList.map(key), `objects list, ${who}`);
      list.forEach((record, i) => {
        const v = expectedList[i]!;
        assert.deepEqual(JSON.parse(servedJson(record, scope)), expectedObject(reader, v, b.jsonOf.get(v)!), `fields of ${v.id}, ${who}`);
      });
      // manifest
      const manifest = await walk(b.store, { collectionId: c.id, limit: 3, withJson: false, reader: scope });
      assert.deepEqual(manifest.map(key), expectedList.map(key), `manifest, ${who}`);
      for (const id of new Set(held.map((v) => v.id))) {
        const one = await walk(b.store, { collectionId: c.id, ids: [id], limit: 5, withJson: true, reader: scope });
        assert.deepEqual(one.map(key), lastOf(visible.filter((v) => v.id === id)).map(key), `object by id ${id}, ${who}`);
        const all = await walk(b.store, { collectionId: c.id, ids: [id], versions: [{ kind: 'all' }], limit: 5, withJson: false, reader: scope });
        assert.deepEqual(all.map(key), visible.filter((v) => v.id === id).map(key), `versions of ${id}, ${who}`);
      }
      if (reader === null) continue;
      // export on the reader's behalf, to each organisation
      const communities = await b.store.listCommunities();
      const record = (await b.store.getCollection(c.id))!;
      const exported = await walk(b.store, { collectionId: c.id, versions: [{ kind: 'all' }], limit: 4, withJson: true, reader: scope });
      assert.deepEqual(exported.map(key), visible.map(key), `export selection, ${who}`);
      for (const to of b.orgs.values()) {
        const context = { actor: { orgId: reader.id, clients: reader.clients }, destination: { kind: 'organisation' as const, orgId: to.id }, sharedWith: collectionReaders(record, communities) };
        exported.forEach((r, i) => {
          const v = visible[i]!;
          const result = passOn({ json: r.json!, tlp: r.tlp!, ownerOrg: r.ownerOrg ?? null, hasGranular: r.hasGranular === true }, context);
          const expected = mayGo(reader, v, c, { kind: 'org', org: to });
          assert.equal('json' in result, expected, `export of ${v.id} (${LEVEL_NAMES[v.level]}) by ${reader.id} to ${to.id}`);
          const refused = refusedOnward(reader, v, c, { kind: 'org', org: to });
          if ('json' in result) assert.deepEqual(JSON.parse(result.json), expectedObject(reader, v, b.jsonOf.get(v)!, refused), `exported fields of ${v.id} to ${to.id}`);
        });
      }
    }
  }
}

test(`trust property: every read and onward path equals the reference (${RUNS} worlds, fixed seed)`, async () => {
  await fc.assert(
    fc.asyncProperty(worldArbitrary, async (world) => {
      const built = await build(world);
      try {
        await checkReads(built);
      } finally {
        await built.store.close();
      }
    }),
    { numRuns: RUNS, seed: 20261127, endOnFailure: true },
  );
});
