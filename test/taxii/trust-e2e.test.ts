// End to end over TAXII with several organisations' tokens: a CERT, its partner CERT, the CERT's
// client and a vendor share through a community collection, a public collection and private ones.
// Checks who reads what on every read path, granular field hiding, RED recipients, re-sharing
// refused per object by the onward rule (siblings succeed), anonymous public reads, and the
// recipients extension-definition endpoint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { SETU_RECIPIENTS_EXTENSION, SETU_RECIPIENTS_EXTENSION_ID, newToken, orgIdentityId } from '../../src/access/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { taxiiPlugin } from '../../src/taxii/index.js';

const TAXII = 'application/taxii+json;version=2.1';
const ROOT = '/taxii2/setu';
const AT = '2026-03-01T00:00:00.000Z';
const TLP = { clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', strict: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003', red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9' };
const C = { g2g: 'c0000000-0000-4000-8000-000000000001', open: 'c0000000-0000-4000-8000-000000000002', jp: 'c0000000-0000-4000-8000-000000000003', mixed: 'c0000000-0000-4000-8000-000000000004' };
const ORGS = ['cert-in', 'jpcert', 'isp-in', 'vendor-jp'] as const;
type Org = (typeof ORGS)[number];

const id = (n: number) => `malware--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const malware = (n: number, extra: Record<string, unknown> = {}) => ({ type: 'malware', spec_version: '2.1', id: id(n), created: AT, modified: AT, name: `m${n}`, is_family: false, description: `about ${n}`, ...extra });
const recipients = (...orgs: string[]) => ({ extensions: { [SETU_RECIPIENTS_EXTENSION_ID]: { extension_type: 'property-extension', recipients: orgs.map(orgIdentityId) } } });

async function setup() {
  const store = await openSqliteStore({ path: ':memory:', clock: () => Date.parse(AT) });
  for (const org of ORGS) await store.createOrganisation({ id: org, name: org, country: org.endsWith('in') ? 'IN' : 'JP', createdAt: AT });
  await store.updateOrganisation('cert-in', { kind: 'cert', clients: ['isp-in'] });
  await store.createCommunity({ id: 'in-jp-g2g', name: 'IN-JP G2G', description: null, members: ['cert-in', 'jpcert'], createdAt: AT });
  const coll = (cid: string, extra: Record<string, unknown>) =>
    store.createCollection({ id: cid, title: cid, description: null, alias: null, readOrgs: [], writeOrgs: [], mediaTypes: [], createdAt: AT, ...extra });
  await coll(C.g2g, { readCommunities: ['in-jp-g2g'], writeCommunities: ['in-jp-g2g'], defaultTlp: 'amber' });
  await coll(C.open, { readOrgs: [...ORGS], writeOrgs: ['cert-in'], defaultTlp: 'clear', public: true });
  await coll(C.jp, { readOrgs: ['jpcert'], writeOrgs: ['jpcert'] });
  await coll(C.mixed, { readOrgs: ['jpcert', 'vendor-jp'], writeOrgs: ['jpcert'] });
  const tokens = {} as Record<Org, string>;
  for (const org of ORGS) {
    const { secret, record } = newToken({ orgId: org, role: 'analyst', now: AT, newId: randomUUID });
    await store.createToken(record);
    tokens[org] = secret;
  }
  const app = Fastify({ logger: false });
  await app.register(taxiiPlugin, { store, clock: () => Date.parse(AT), newId: randomUUID, events: { emit: () => undefined }, title: 't', maxContentLength: 1_000_000 });
  await app.ready();
  const headers = (who: Org | null) => ({ accept: TAXII, 'content-type': TAXII, ...(who === null ? {} : { authorization: `Bearer ${tokens[who]}` }) });
  const get = async (who: Org | null, url: string) => app.inject({ method: 'GET', url, headers: headers(who) });
  const post = async (who: Org, cid: string, objects: unknown[]) => {
    const res = await app.inject({ method: 'POST', url: `${ROOT}/collections/${cid}/objects/`, headers: headers(who), payload: JSON.stringify({ objects }) });
    assert.equal(res.statusCode, 202, res.body);
    return res.json() as { success_count: number; failure_count: number; successes?: { id: string }[]; failures?: { id: string; message: string }[] };
  };
  const listIds = async (who: Org | null, cid: string, what: 'objects' | 'manifest' = 'objects') => {
    const res = await get(who, `${ROOT}/collections/${cid}/${what}/`);
    assert.equal(res.statusCode, 200, res.body);
    return ((res.json() as { objects?: { id: string }[] }).objects ?? []).map((o) => o.id).sort();
  };
  return { app, store, get, post, listIds, close: async () => { await app.close(); await store.close(); } };
}

test('who reads what in a community collection, on every read path', async (t) => {
  const h = await setup();
  t.after(() => h.close());
  // 1. CERT-In shares seven objects with the IN-JP G2G community (default TLP:AMBER)
  const status = await h.post('cert-in', C.g2g, [
    malware(1, { object_marking_refs: [TLP.white] }),
    malware(2, { object_marking_refs: [TLP.green] }),
    malware(3),
    malware(4, { object_marking_refs: [TLP.strict] }),
    malware(5, { object_marking_refs: [TLP.red], ...recipients('jpcert') }),
    malware(6, { object_marking_refs: [TLP.red] }),
    malware(7, { object_marking_refs: [TLP.green], granular_markings: [{ marking_ref: TLP.red, selectors: ['description'] }] }),
  ]);
  assert.equal(status.success_count, 7);
  const all = [1, 2, 3, 4, 5, 6, 7].map(id);
  // 2. the author reads everything; the partner all but the RED object addressed to nobody else
  assert.deepEqual(await h.listIds('cert-in', C.g2g), all);
  assert.deepEqual(await h.listIds('jpcert', C.g2g), all.filter((x) => x !== id(6)));
  assert.deepEqual(await h.listIds('jpcert', C.g2g, 'manifest'), all.filter((x) => x !== id(6)));
  assert.equal((await h.get('jpcert', `${ROOT}/collections/${C.g2g}/objects/${id(6)}/`)).statusCode, 404);
  assert.equal((await h.get('jpcert', `${ROOT}/collections/${C.g2g}/objects/${id(6)}/versions/`)).statusCode, 404);
  assert.equal((await h.get('jpcert', `${ROOT}/collections/${C.g2g}/objects/${id(5)}/versions/`)).statusCode, 200);
  // 3. the RED-marked description is removed for the partner, kept for the author
  const seven = (who: Org) => h.get(who, `${ROOT}/collections/${C.g2g}/objects/${id(7)}/`).then((r) => (r.json() as { objects: Record<string, unknown>[] }).objects[0]!);
  assert.equal((await seven('jpcert'))['description'], undefined);
  assert.equal((await seven('jpcert'))['granular_markings'], undefined);
  assert.equal((await seven('cert-in'))['description'], 'about 7');
  // 4. outside the community the collection does not exist
  assert.equal((await h.get('isp-in', `${ROOT}/collections/${C.g2g}/objects/`)).statusCode, 404);
  assert.equal((await h.get('vendor-jp', `${ROOT}/collections/${C.g2g}/`)).statusCode, 404);
});

test('re-sharing: the onward rule refuses per object, siblings succeed; AMBER reaches clients, AMBER+STRICT does not', async (t) => {
  const h = await setup();
  t.after(() => h.close());
  await h.post('cert-in', C.g2g, [
    malware(1, { object_marking_refs: [TLP.clear] }),
    malware(2, { object_marking_refs: [TLP.green] }),
    malware(3),
    malware(4, { object_marking_refs: [TLP.strict] }),
    malware(5, { object_marking_refs: [TLP.red], ...recipients('jpcert') }),
  ]);
  // 1. JPCERT into its own collection: everything but RED
  const own = await h.post('jpcert', C.jp, [malware(1, { object_marking_refs: [TLP.clear] }), malware(2, { object_marking_refs: [TLP.green] }), malware(3), malware(4, { object_marking_refs: [TLP.strict] }), malware(5, { object_marking_refs: [TLP.red], ...recipients('jpcert') })]);
  assert.deepEqual(own.successes?.map((s) => s.id), [1, 2, 3, 4].map(id));
  assert.deepEqual(own.failures?.map((f) => f.id), [id(5)]);
  assert.match(own.failures?.[0]?.message ?? '', /TLP:RED/);
  // 2. into a collection a vendor also reads: only CLEAR may go
  const mixed = await h.post('jpcert', C.mixed, [malware(1, { object_marking_refs: [TLP.clear] }), malware(2, { object_marking_refs: [TLP.green] }), malware(3), malware(4, { object_marking_refs: [TLP.strict] })]);
  assert.deepEqual(mixed.successes?.map((s) => s.id), [id(1)]);
  assert.deepEqual(mixed.failures?.map((f) => f.id), [2, 3, 4].map(id));
  assert.match(mixed.failures?.find((f) => f.id === id(3))?.message ?? '', /TLP:AMBER may reach only jpcert/);
  // 3. the copy keeps its author and level: the vendor cannot launder it back out
  assert.deepEqual(await h.listIds('jpcert', C.jp), [1, 2, 3, 4].map(id));
  // 4. the author itself may share anywhere, even the public collection
  const author = await h.post('cert-in', C.open, [malware(4, { object_marking_refs: [TLP.strict] })]);
  assert.equal(author.success_count, 1);
});

test('anonymous readers see the TLP:CLEAR objects of public collections only; everything else needs a token', async (t) => {
  const h = await setup();
  t.after(() => h.close());
  await h.post('cert-in', C.open, [malware(1), malware(2, { object_marking_refs: [TLP.green] }), malware(3, { object_marking_refs: [TLP.white], granular_markings: [{ marking_ref: TLP.green, selectors: ['description'] }] })]);
  assert.deepEqual(await h.listIds(null, C.open), [id(1), id(3)]);
  assert.deepEqual(await h.listIds(null, C.open, 'manifest'), [id(1), id(3)]);
  const three = (await h.get(null, `${ROOT}/collections/${C.open}/objects/`)).json() as { objects: Record<string, unknown>[] };
  assert.equal(three.objects.find((o) => o['id'] === id(3))?.['description'], undefined, 'a GREEN field is hidden from anonymous readers');
  assert.deepEqual(await h.listIds('vendor-jp', C.open), [id(1), id(2), id(3)]);
  assert.equal((await h.get(null, `${ROOT}/collections/${C.open}/objects/${id(1)}/`)).statusCode, 200);
  assert.equal((await h.get(null, `${ROOT}/collections/${C.open}/objects/${id(2)}/`)).statusCode, 404, 'GREEN is not there for anonymous readers');
  // discovery of the public collection is open too (issue 9); every other collection needs a token
  const listed = (await h.get(null, `${ROOT}/collections/`)).json() as { collections: { id: string; can_write: boolean }[] };
  assert.deepEqual(listed.collections.map((c) => [c.id, c.can_write]), [[C.open, false]]);
  assert.equal((await h.get(null, `${ROOT}/collections/${C.open}/`)).statusCode, 200);
  for (const url of [`${ROOT}/collections/${C.g2g}/`, `${ROOT}/collections/${C.g2g}/objects/`, `${ROOT}/status/x/`]) {
    assert.equal((await h.get(null, url)).statusCode, 401, url);
  }
  const post = await h.app.inject({ method: 'POST', url: `${ROOT}/collections/${C.open}/objects/`, headers: { accept: TAXII, 'content-type': TAXII }, payload: '{"objects":[]}' });
  assert.equal(post.statusCode, 401);
});

test('the recipients extension-definition is served, and a malformed use fails its object only', async (t) => {
  const h = await setup();
  t.after(() => h.close());
  const res = await h.app.inject({ method: 'GET', url: `/extensions/${SETU_RECIPIENTS_EXTENSION_ID}.json` });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), SETU_RECIPIENTS_EXTENSION);
  const status = await h.post('cert-in', C.g2g, [
    malware(1, { object_marking_refs: [TLP.red], extensions: { [SETU_RECIPIENTS_EXTENSION_ID]: { extension_type: 'property-extension', recipients: ['jpcert'] } } }),
    malware(2),
  ]);
  assert.deepEqual(status.successes?.map((s) => s.id), [id(2)]);
  assert.match(status.failures?.[0]?.message ?? '', /recipients\[0\]: each recipient must be an identity id/);
});
