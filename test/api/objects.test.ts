// GET /api/v1/objects/{id} and /related: one object across the collections the caller may read,
// and the graph around it; an object, edge or count the caller may not read never appears.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../src/app.js';
import { DEFAULT_NODE_CONFIG, createOrganisation, issueToken } from '../../src/node/index.js';
import { openSqliteStore, type NewObjectVersion, type Visibility } from '../../src/store/index.js';
import { SETU_PROVENANCE_EXTENSION_ID } from '../../src/ingest/index.js';

const T1 = '2026-01-01T00:00:00.000Z';
const T2 = '2026-02-01T00:00:00.000Z';
const id = (type: string, n: number) => `${type}--${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;
export const IDS = {
  indicator: id('indicator', 1),
  malware: id('malware', 2),
  rel: id('relationship', 3),
  sighting: id('sighting', 4),
  report: id('report', 5),
  actor: id('threat-actor', 6),
  rel2: id('relationship', 7),
  lonely: id('malware', 8),
  ip: id('ipv4-addr', 9),
  redIndicator: id('indicator', 10),
};

function version(object: Record<string, unknown>, visibility?: Visibility): NewObjectVersion {
  const oid = object['id'] as string;
  return { id: oid, type: oid.split('--')[0]!, specVersion: '2.1', version: (object['modified'] as string | undefined) ?? null, json: JSON.stringify(object), ...(visibility === undefined ? {} : { visibility }) };
}
const sdo = (type: string, oid: string, modified: string, extra: Record<string, unknown>) => ({ type, spec_version: '2.1', id: oid, created: T1, modified, ...extra });
const vis = (tlp: Visibility['tlp'], ownerOrg: string, recipients: string[] = []): Visibility => ({ tlp, ownerOrg, recipients, hasGranular: false });

async function fixture() {
  const clock = Date.now;
  const store = await openSqliteStore({ path: ':memory:', clock });
  const info = { nodeName: 'pivot-node', country: 'IN', createdAt: new Date().toISOString() };
  await store.initNode(info);
  for (const org of ['cert-a', 'cert-b']) await createOrganisation(store, { id: org, name: org, country: 'IN' }, clock);
  const collection = (cid: string, readOrgs: string[]) => store.createCollection({ id: cid, title: cid, description: '', alias: null, readOrgs, writeOrgs: ['cert-a'], mediaTypes: [], createdAt: T1 });
  await collection('shared', ['cert-a', 'cert-b']);
  await collection('b-only', ['cert-b']);
  const add = (collectionId: string, objects: NewObjectVersion[]) => store.addObjects({ collectionId, statusId: randomUUID(), requestTimestamp: T1, accepted: objects, rejected: [] });
  const chain = { extension_type: 'property-extension', origin_node: 'a'.repeat(64), hops: ['a'.repeat(64), 'b'.repeat(64)] };
  await add('shared', [
    version(sdo('indicator', IDS.indicator, T1, { name: 'bad ip', pattern: "[ipv4-addr:value = '203.0.113.9']", pattern_type: 'stix', valid_from: T1 }), vis('green', 'cert-a')),
    version(sdo('malware', IDS.malware, T1, { name: 'Wiper', is_family: true }), vis('green', 'cert-a')),
    version(sdo('relationship', IDS.rel, T1, { relationship_type: 'indicates', source_ref: IDS.indicator, target_ref: IDS.malware }), vis('green', 'cert-a')),
    version(sdo('sighting', IDS.sighting, T1, { sighting_of_ref: IDS.indicator, count: 3 }), vis('amber', 'cert-a')),
    // RED for cert-b alone: cert-a may not see the report, nor its edges.
    version(sdo('report', IDS.report, T1, { name: 'Secret', published: T1, object_refs: [IDS.indicator, IDS.malware] }), vis('red', 'cert-b')),
    version(sdo('threat-actor', IDS.actor, T1, { name: 'APT-X' }), vis('green', 'cert-a')),
    version(sdo('relationship', IDS.rel2, T1, { relationship_type: 'uses', source_ref: IDS.actor, target_ref: IDS.malware }), vis('green', 'cert-a')),
    version(sdo('malware', IDS.lonely, T1, { name: 'Alone', is_family: false }), vis('green', 'cert-a')),
    // The indicator's address as an SCO (GREEN), and in another indicator's pattern (RED for cert-b alone).
    version({ type: 'ipv4-addr', spec_version: '2.1', id: IDS.ip, value: '203.0.113.9' }, vis('green', 'cert-a')),
    version(sdo('indicator', IDS.redIndicator, T1, { name: 'red twin', pattern: "[ipv4-addr:value = '203.0.113.9']", pattern_type: 'stix', valid_from: T1 }), vis('red', 'cert-b')),
  ]);
  // A newer version of the indicator, in a collection cert-a may not read, carrying a provenance chain.
  await add('b-only', [version(sdo('indicator', IDS.indicator, T2, { name: 'bad ip v2', pattern: "[ipv4-addr:value = '203.0.113.9']", pattern_type: 'stix', valid_from: T1, extensions: { [SETU_PROVENANCE_EXTENSION_ID]: chain } }), vis('green', 'cert-b'))]);
  const app = await buildApp({ store, config: DEFAULT_NODE_CONFIG, info, clock, newId: randomUUID, logger: false, version: 'test' });
  const secrets = new Map<string, string>();
  const get = async (org: string, url: string) => {
    if (!secrets.has(org)) secrets.set(org, (await issueToken(store, { orgId: org, role: 'reader' }, clock, randomUUID)).secret);
    return app.http.inject({ method: 'GET', url: `/api/v1${url}`, headers: { authorization: `Bearer ${secrets.get(org)!}` } });
  };
  return { get, close: async () => (await app.http.close(), await store.close()) };
}

test('GET /objects/{id}: the newest version the caller may see, its versions, collections and provenance', async (t) => {
  const f = await fixture();
  t.after(() => f.close());
  const a = await f.get('cert-a', `/objects/${IDS.indicator}`);
  assert.equal(a.statusCode, 200, a.body);
  const viewA = a.json();
  assert.equal(viewA.object.name, 'bad ip', 'cert-a cannot read b-only: its newest is the shared one');
  assert.deepEqual(viewA.collections, ['shared']);
  assert.equal(viewA.versions.length, 1);
  assert.equal(viewA.provenance, null);
  const b = (await f.get('cert-b', `/objects/${IDS.indicator}`)).json();
  assert.equal(b.object.name, 'bad ip v2');
  assert.equal(b.collection, 'b-only');
  assert.deepEqual(b.collections, ['shared', 'b-only']);
  assert.deepEqual(b.versions.map((v: { version: string }) => v.version), [T1, T2]);
  assert.deepEqual(b.provenance, { originNode: 'a'.repeat(64), hops: ['a'.repeat(64), 'b'.repeat(64)] });
});

test('GET /objects/{id}: an object the caller may not read is a 404 like a missing one', async (t) => {
  const f = await fixture();
  t.after(() => f.close());
  const hidden = await f.get('cert-a', `/objects/${IDS.report}`);
  const missing = await f.get('cert-a', `/objects/${id('report', 99)}`);
  assert.equal(hidden.statusCode, 404);
  assert.equal(missing.statusCode, 404);
  assert.equal(hidden.json().error_code, 'SETU_ERR_API_NOT_FOUND');
  assert.equal((await f.get('cert-b', `/objects/${IDS.report}`)).statusCode, 200);
});

test('GET /objects/{id}/related: relationships as edges, sightings and refs in both directions, only what the caller may see', async (t) => {
  const f = await fixture();
  t.after(() => f.close());
  const res = await f.get('cert-a', `/objects/${IDS.indicator}/related`);
  assert.equal(res.statusCode, 200, res.body);
  const g = res.json();
  assert.deepEqual(g.nodes.map((n: { id: string }) => n.id).sort(), [IDS.indicator, IDS.malware, IDS.sighting, IDS.ip].sort());
  assert.deepEqual(
    g.edges.map((e: { kind: string; source: string; target: string; label: string }) => `${e.kind} ${e.source} ${e.label} ${e.target}`).sort(),
    [
      `relationship ${IDS.indicator} indicates ${IDS.malware}`,
      `sighting ${IDS.sighting} sighting_of_ref ${IDS.indicator}`,
      `shares-value ${IDS.indicator} ipv4 203.0.113.9 ${IDS.ip}`,
    ].sort(),
  );
  assert.ok(!res.body.includes(IDS.redIndicator), 'the RED indicator sharing the address is neither a node nor an edge for cert-a');
  assert.equal(g.edges.find((e: { kind: string }) => e.kind === 'relationship').via, IDS.rel);
  assert.equal(g.truncated, false);
  assert.ok(!res.body.includes(IDS.report), 'the RED report is neither a node nor an edge for cert-a');
  // cert-b also sees the report and its object_refs edges.
  const b = (await f.get('cert-b', `/objects/${IDS.indicator}/related?depth=1`)).json();
  assert.ok(b.nodes.some((n: { id: string }) => n.id === IDS.report));
  assert.ok(b.edges.some((e: { source: string; label: string; target: string }) => e.source === IDS.report && e.label === 'object_refs' && e.target === IDS.indicator));
  assert.ok(b.edges.some((e: { kind: string; target: string }) => e.kind === 'shares-value' && e.target === IDS.redIndicator), 'cert-b sees the RED twin sharing the address');
  // A report reached at depth 1 draws its edge to the malware too (both ends are nodes).
  assert.ok(b.edges.some((e: { source: string; target: string }) => e.source === IDS.report && e.target === IDS.malware));
});

test('GET /objects/{id}/related?depth=2 reaches the neighbours of neighbours; limit truncates', async (t) => {
  const f = await fixture();
  t.after(() => f.close());
  const one = (await f.get('cert-a', `/objects/${IDS.indicator}/related?depth=1`)).json();
  assert.ok(!one.nodes.some((n: { id: string }) => n.id === IDS.actor));
  const two = (await f.get('cert-a', `/objects/${IDS.indicator}/related?depth=2`)).json();
  const actor = two.nodes.find((n: { id: string }) => n.id === IDS.actor);
  assert.equal(actor?.depth, 2);
  assert.equal(actor?.name, 'APT-X');
  assert.ok(two.edges.some((e: { via?: string }) => e.via === IDS.rel2));
  assert.ok(!two.nodes.some((n: { id: string }) => n.id === IDS.lonely));
  const cut = (await f.get('cert-a', `/objects/${IDS.indicator}/related?depth=2&limit=2`)).json();
  assert.equal(cut.nodes.length, 2);
  assert.equal(cut.truncated, true);
  for (const e of cut.edges) assert.ok(cut.nodes.some((n: { id: string }) => n.id === e.source) && cut.nodes.some((n: { id: string }) => n.id === e.target));
});

test('GET /objects/{id}/related: bad depth or limit is a 400 naming the parameter; an unreadable root a 404', async (t) => {
  const f = await fixture();
  t.after(() => f.close());
  const bad = await f.get('cert-a', `/objects/${IDS.indicator}/related?depth=3`);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().description, /depth/);
  const badLimit = await f.get('cert-a', `/objects/${IDS.indicator}/related?limit=0`);
  assert.equal(badLimit.statusCode, 400);
  assert.match(badLimit.json().description, /limit/);
  assert.equal((await f.get('cert-a', `/objects/${IDS.report}/related`)).statusCode, 404);
});
