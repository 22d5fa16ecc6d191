// GET /api/v1/node: the object count is what the caller may read (its readable collections,
// through the reader predicate), never a node-wide figure; a node-admin sees the node total.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../src/app.js';
import { DEFAULT_NODE_CONFIG, addCommunityMember, createCommunity, createOrganisation, issueToken } from '../../src/node/index.js';
import { openSqliteStore, type Visibility } from '../../src/store/index.js';
import { orgIdentityId } from '../../src/access/index.js';

const T = '2026-01-01T00:00:00.000Z';

function object(n: number, visibility: Visibility) {
  const id = `attack-pattern--${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;
  return { id, type: 'attack-pattern', specVersion: '2.1', version: T, json: JSON.stringify({ type: 'attack-pattern', spec_version: '2.1', id, created: T, modified: T, name: `p${n}` }), visibility };
}

const vis = (tlp: Visibility['tlp'], ownerOrg: string | null, recipients: string[] = []): Visibility => ({ tlp, ownerOrg, recipients, hasGranular: false });

async function fixture() {
  const clock = Date.now;
  const store = await openSqliteStore({ path: ':memory:', clock });
  const info = { nodeName: 'count-node', country: 'JP', createdAt: new Date().toISOString() };
  await store.initNode(info);
  for (const id of ['home', 'cert-a', 'cert-b', 'cert-c']) await createOrganisation(store, { id, name: id.toUpperCase() }, clock);
  await createCommunity(store, { id: 'isac', name: 'ISAC', members: [] }, clock);
  await addCommunityMember(store, 'isac', 'cert-c');
  const collection = (id: string, readOrgs: string[], readCommunities: string[] = []) =>
    store.createCollection({ id, title: id, description: '', alias: null, readOrgs, writeOrgs: ['home'], readCommunities, mediaTypes: [], createdAt: T });
  await collection('shared-ab', ['cert-a', 'cert-b']);
  await collection('only-b', ['cert-b']);
  await collection('isac-feed', [], ['isac']);
  let n = 0;
  const add = (collectionId: string, ...visibilities: Visibility[]) =>
    store.addObjects({ collectionId, statusId: randomUUID(), requestTimestamp: T, accepted: visibilities.map((v) => object(++n, v)), rejected: [] });
  // shared-ab: 2 GREEN, 1 RED of cert-b for nobody else, 1 RED of cert-b naming cert-a, 1 CLEAR
  await add('shared-ab', vis('green', 'cert-b'), vis('green', 'cert-a'), vis('red', 'cert-b'), vis('red', 'cert-b', [orgIdentityId('cert-a')]), vis('clear', null));
  // only-b: 3 AMBER that cert-a may never count
  await add('only-b', vis('amber', 'cert-b'), vis('amber', 'cert-b'), vis('amber', 'cert-b'));
  // isac-feed: 2 GREEN, readable through the community only
  await add('isac-feed', vis('green', 'home'), vis('green', 'home'));
  const token = async (orgId: string, role: string) => (await issueToken(store, { orgId, role }, clock, randomUUID)).secret;
  const app = await buildApp({ store, config: DEFAULT_NODE_CONFIG, info, clock, newId: randomUUID, logger: false, version: 'test' });
  const objectsSeenBy = async (orgId: string, role: string) => {
    const res = await app.http.inject({ method: 'GET', url: '/api/v1/node', headers: { authorization: `Bearer ${await token(orgId, role)}` } });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().objects as number;
  };
  return { objectsSeenBy, close: async () => (await app.http.close(), await store.close()) };
}

test('/api/v1/node counts only the object versions the token may read', async (t) => {
  const f = await fixture();
  t.after(() => f.close());
  assert.equal(await f.objectsSeenBy('home', 'node-admin'), 10, 'a node-admin sees the node total');
  // cert-a: shared-ab minus the RED it is not named in
  assert.equal(await f.objectsSeenBy('cert-a', 'reader'), 4);
  // cert-b: all of shared-ab (it owns both RED) and only-b
  assert.equal(await f.objectsSeenBy('cert-b', 'analyst'), 8);
  // cert-c: the community collection only
  assert.equal(await f.objectsSeenBy('cert-c', 'reader'), 2);
  // an org-admin is not a node-admin: still its own view
  assert.equal(await f.objectsSeenBy('cert-a', 'org-admin'), 4);
  // home writes everything but reads none of these collections
  assert.equal(await f.objectsSeenBy('home', 'analyst'), 0);
});
