// The pivot property (issue 10, "Done when"): over random worlds of organisations, collections
// (audiences of organisations) and object versions with TLP RED (with recipients), AMBER or GREEN,
// the object view and the related graph never show an object, an edge or a count the reader may
// not read, and they show what it may: the object's newest readable version, exactly its readable
// versions, and at depth 1 every readable relationship, report and indicator sharing an address. The reference is a
// few lines of the TLP table (readable below). Fixed seed; SETU_PIVOT_RUNS overrides the count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { orgIdentityId } from '../../src/access/index.js';
import { objectView, openLens, relatedGraph } from '../../src/pivot/index.js';
import { openSqliteStore, type Visibility } from '../../src/store/index.js';

const RUNS = Number(process.env['SETU_PIVOT_RUNS'] ?? 120);
const ORGS = ['o0', 'o1', 'o2', 'o3'] as const;
const CREATED = '2026-01-01T00:00:00.000Z';
const MALWARE = 4;
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const malwareId = (n: number) => `malware--${uuid(n)}`;
const relId = (n: number) => `relationship--${uuid(n)}`;
const reportId = (n: number) => `report--${uuid(n)}`;

interface Placement {
  readonly kind: 'malware' | 'relationship' | 'report' | 'indicator';
  readonly n: number;
  readonly collection: number;
  readonly v: number;
  readonly tlp: 'red' | 'amber' | 'green';
  readonly owner: string;
  readonly recipients: readonly string[];
}

interface World {
  readonly collections: readonly (readonly string[])[];
  /** relationship n: source and target malware. */
  readonly rels: readonly (readonly [number, number])[];
  /** report n: the malware and relationships it lists. */
  readonly reports: readonly (readonly number[])[];
  readonly placements: readonly Placement[];
}

const worldArbitrary: fc.Arbitrary<World> = fc
  .record({
    collections: fc.array(fc.subarray([...ORGS]), { minLength: 1, maxLength: 3 }),
    rels: fc.array(fc.tuple(fc.nat(MALWARE - 1), fc.nat(MALWARE - 1)), { maxLength: 4 }),
    reports: fc.array(fc.subarray([0, 1, 2, 3], { minLength: 1 }), { maxLength: 2 }),
    placements: fc.array(
      fc.record({
        kind: fc.constantFrom('malware' as const, 'relationship' as const, 'report' as const, 'indicator' as const),
        n: fc.nat(3),
        collection: fc.nat(2),
        v: fc.nat(1),
        tlp: fc.constantFrom('red' as const, 'amber' as const, 'green' as const),
        owner: fc.constantFrom(...ORGS),
        recipients: fc.subarray([...ORGS]),
      }),
      { minLength: 1, maxLength: 14 },
    ),
  })
  .map((w) => ({
    ...w,
    placements: w.placements
      .map((p) => ({ ...p, collection: p.collection % w.collections.length }))
      .filter((p) => (p.kind !== 'relationship' || p.n < w.rels.length) && (p.kind !== 'report' || p.n < w.reports.length)),
  }));

function idOf(p: Pick<Placement, 'kind' | 'n'>): string {
  if (p.kind === 'indicator') return `indicator--${uuid(p.n)}`;
  return p.kind === 'malware' ? malwareId(p.n) : p.kind === 'relationship' ? relId(p.n) : reportId(p.n);
}

/** Indicators n and n+2 name the same address in their patterns: they share an observable value. */
const addressOf = (n: number) => `198.51.100.${n % 2}`;

function jsonOf(world: World, p: Placement): string {
  const modified = `2026-01-0${p.v + 2}T00:00:00.000Z`;
  const base = { spec_version: '2.1', id: idOf(p), created: CREATED, modified };
  if (p.kind === 'malware') return JSON.stringify({ type: 'malware', ...base, name: `m${p.n}`, is_family: false });
  if (p.kind === 'indicator') return JSON.stringify({ type: 'indicator', ...base, name: `i${p.n}`, pattern: `[ipv4-addr:value = '${addressOf(p.n)}']`, pattern_type: 'stix', valid_from: CREATED });
  if (p.kind === 'relationship') {
    const [s, t] = world.rels[p.n]!;
    return JSON.stringify({ type: 'relationship', ...base, relationship_type: 'variant-of', source_ref: malwareId(s), target_ref: malwareId(t) });
  }
  return JSON.stringify({ type: 'report', ...base, name: `r${p.n}`, published: CREATED, object_refs: world.reports[p.n]!.map((m) => (m < MALWARE ? malwareId(m) : relId(m))) });
}

interface Stored {
  readonly id: string;
  readonly collection: number;
  readonly modified: string;
  readonly json: string;
  readonly tlp: string;
  readonly owner: string;
  readonly recipients: readonly string[];
}

/** The reference: what `org` may read (collection audience, then the TLP table). */
function readable(world: World, org: string, v: Stored): boolean {
  if (!world.collections[v.collection]!.includes(org)) return false;
  if (v.tlp !== 'red') return true;
  return v.owner === org || v.recipients.includes(orgIdentityId(org));
}

test('object and related never show what the reader may not read, and show what it may', async () => {
  await fc.assert(
    fc.asyncProperty(worldArbitrary, fc.constantFrom(...ORGS), fc.constantFrom(1 as const, 2 as const), async (world, reader, depth) => {
      let now = Date.parse('2026-02-01T00:00:00Z');
      const store = await openSqliteStore({ path: ':memory:', clock: () => now++ });
      try {
        for (const id of ORGS) await store.createOrganisation({ id, name: id, country: null, createdAt: CREATED });
        for (const [i, readOrgs] of world.collections.entries()) {
          await store.createCollection({ id: `c${i}`, title: `c${i}`, description: null, alias: null, readOrgs, writeOrgs: [...ORGS], mediaTypes: [], createdAt: CREATED });
        }
        const stored: Stored[] = [];
        for (const [k, p] of world.placements.entries()) {
          const json = jsonOf(world, p);
          const visibility: Visibility = { tlp: p.tlp, ownerOrg: p.owner, recipients: p.tlp === 'red' ? p.recipients.map(orgIdentityId) : [], hasGranular: false };
          const id = idOf(p);
          const modified = (JSON.parse(json) as { modified: string }).modified;
          const result = await store.addObjects({ collectionId: `c${p.collection}`, statusId: `s${k}`, requestTimestamp: CREATED, accepted: [{ id, type: p.kind, specVersion: '2.1', version: modified, json, visibility }], rejected: [] });
          if (result.added.length === 1) stored.push({ id, collection: p.collection, modified, json, tlp: p.tlp, owner: p.owner, recipients: visibility.recipients });
        }
        const mine = stored.filter((v) => readable(world, reader, v));
        const readableIds = new Set(mine.map((v) => v.id));
        const lens = await openLens({ store }, { tokenId: 't', orgId: reader, role: 'reader' });
        const ids = [...new Set(world.placements.map(idOf))];
        for (const id of ids) {
          const view = await objectView(lens, id);
          const own = mine.filter((v) => v.id === id);
          if (own.length === 0) {
            assert.equal(view, undefined, `${reader} may not read ${id}`);
            assert.equal(await relatedGraph(lens, id, depth), undefined);
            continue;
          }
          assert.ok(view !== undefined);
          const newest = own.map((v) => v.modified).sort().at(-1);
          assert.equal(view.object['modified'], newest);
          assert.deepEqual(view.versions.map((v) => `${v.collectionId} ${v.version}`).sort(), own.map((v) => `c${v.collection} ${v.modified}`).sort());
          assert.deepEqual([...view.collections].sort(), [...new Set(own.map((v) => `c${v.collection}`))].sort());

          const graph = await relatedGraph(lens, id, depth);
          assert.ok(graph !== undefined);
          const nodes = new Set(graph.nodes.map((n) => n.id));
          assert.equal(nodes.size, graph.nodes.length, 'each node once');
          for (const n of nodes) assert.ok(readableIds.has(n), `node ${n} is readable by ${reader}`);
          // The JSON each node was read from is a readable version of it.
          for (const e of graph.edges) {
            assert.ok(nodes.has(e.source) && nodes.has(e.target), 'edges join shown nodes only');
            if (e.kind === 'shares-value') {
              const value = e.label.split(' ')[1] ?? '';
              for (const end of [e.source, e.target]) assert.ok(mine.some((v) => v.id === end && v.json.includes(`'${value}'`)), `a readable version of ${end} holds ${value}`);
              continue;
            }
            const carrier = e.via ?? e.source;
            const versions = mine.filter((v) => v.id === carrier);
            assert.ok(versions.length > 0, `edge carrier ${carrier} is readable by ${reader}`);
            const json = versions.map((v) => v.json).find((j) => j.includes(e.source) && j.includes(e.target));
            assert.ok(json !== undefined, `a readable version of ${carrier} joins ${e.source} and ${e.target}`);
          }
          // Depth 1 shows every readable relationship and report around the object (the world has
          // one content per id, so the newest readable version says the same).
          for (const v of mine) {
            const object = JSON.parse(v.json) as Record<string, unknown>;
            if (object['type'] === 'relationship' && (object['source_ref'] === id || object['target_ref'] === id)) {
              const other = object['source_ref'] === id ? object['target_ref'] : object['source_ref'];
              if (readableIds.has(other as string)) assert.ok(graph.edges.some((e) => e.via === v.id), `relationship ${v.id} drawn for ${reader}`);
            }
            if (object['type'] === 'report' && (object['object_refs'] as string[]).includes(id)) assert.ok(nodes.has(v.id), `report ${v.id} shown to ${reader}`);
            const shown = (JSON.parse(view.object === undefined ? '{}' : JSON.stringify(view.object)) as Record<string, unknown>)['pattern'];
            if (object['type'] === 'indicator' && v.id !== id && typeof shown === 'string' && shown === object['pattern']) {
              assert.ok(graph.edges.some((e) => e.kind === 'shares-value' && e.target === v.id), `${v.id} shares the address with ${id} for ${reader}`);
            }
          }
        }
      } finally {
        await store.close();
      }
    }),
    { numRuns: RUNS, seed: 20261206 },
  );
});
