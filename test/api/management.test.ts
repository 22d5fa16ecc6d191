// The JSON management API: authentication, role rules, validation errors in the TAXII error shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../src/app.js';
import { DEFAULT_NODE_CONFIG, createOrganisation, issueToken } from '../../src/node/index.js';
import { openSqliteStore } from '../../src/store/index.js';

async function fixture() {
  const clock = Date.now;
  const store = await openSqliteStore({ path: ':memory:', clock });
  const info = { nodeName: 'api-node', country: 'JP', createdAt: new Date().toISOString() };
  await store.initNode(info);
  for (const id of ['home', 'cert-a', 'cert-b']) await createOrganisation(store, { id, name: id.toUpperCase() }, clock);
  const token = async (orgId: string, role: string) => (await issueToken(store, { orgId, role }, clock, randomUUID)).secret;
  const tokens = { admin: await token('home', 'node-admin'), orgAdminA: await token('cert-a', 'org-admin'), analystA: await token('cert-a', 'analyst') };
  const app = await buildApp({ store, config: DEFAULT_NODE_CONFIG, info, clock, newId: randomUUID, logger: false, version: 'test' });
  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, secret: string | undefined, payload?: unknown) =>
    app.http.inject({ method, url: `/api/v1${url}`, headers: secret ? { authorization: `Bearer ${secret}` } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { store, app, tokens, call, close: async () => (await app.http.close(), await store.close()) };
}

test('every API call needs a valid token (401 in the TAXII error shape)', async () => {
  const f = await fixture();
  const res = await f.call('GET', '/node', undefined);
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().error_code, 'SETU_ERR_ACCESS_NO_CREDENTIALS');
  assert.equal((await f.call('GET', '/node', 'setu_not-a-token')).statusCode, 401);
  const ok = await f.call('GET', '/node', f.tokens.analystA);
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json().principal.orgId, 'cert-a');
  await f.close();
});

test('only a node-admin registers organisations and collections; bad bodies name the field', async () => {
  const f = await fixture();
  assert.equal((await f.call('POST', '/organisations', f.tokens.analystA, { id: 'x-org', name: 'X' })).statusCode, 403);
  const created = await f.call('POST', '/organisations', f.tokens.admin, { id: 'nisc-demo', name: 'NISC demo', country: 'jp' });
  assert.equal(created.statusCode, 201);
  assert.equal(created.json().country, 'JP');
  const duplicate = await f.call('POST', '/organisations', f.tokens.admin, { id: 'nisc-demo', name: 'again' });
  assert.equal(duplicate.statusCode, 409);
  const missing = await f.call('POST', '/organisations', f.tokens.admin, { name: 'no id' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.json().description, /"id"/);

  const collection = await f.call('POST', '/collections', f.tokens.admin, { title: 'IN-JP G2G', read: ['cert-a'], write: ['home'] });
  assert.equal(collection.statusCode, 201);
  assert.equal((await f.call('POST', '/collections', f.tokens.admin, { title: 'bad', read: ['ghost'] })).statusCode, 404);
  assert.equal((await f.call('POST', '/collections', f.tokens.admin, { title: 'bad', read: 'cert-a' })).statusCode, 400);
  const seenByB = await f.call('GET', '/collections', (await issueToken(f.store, { orgId: 'cert-b', role: 'reader' }, Date.now, randomUUID)).secret);
  assert.deepEqual(seenByB.json().collections, [], 'cert-b is in no audience');
  const seenByA = await f.call('GET', '/collections', f.tokens.analystA);
  assert.equal(seenByA.json().collections.length, 1);
  await f.close();
});

test('token management: org-admins manage only their organisation and never mint node-admins', async () => {
  const f = await fixture();
  const mine = await f.call('POST', '/tokens', f.tokens.orgAdminA, { org: 'cert-a', role: 'reader', label: 'feed reader' });
  assert.equal(mine.statusCode, 201);
  assert.match(mine.json().token, /^setu_/);
  assert.equal(mine.json().secretHash, undefined);
  assert.equal((await f.call('POST', '/tokens', f.tokens.orgAdminA, { org: 'cert-b', role: 'reader' })).statusCode, 403);
  assert.equal((await f.call('POST', '/tokens', f.tokens.orgAdminA, { org: 'cert-a', role: 'node-admin' })).statusCode, 403);
  assert.equal((await f.call('POST', '/tokens', f.tokens.analystA, { org: 'cert-a', role: 'reader' })).statusCode, 403);
  const listed = (await f.call('GET', '/tokens', f.tokens.orgAdminA)).json().tokens;
  assert.ok(listed.every((t: { orgId: string }) => t.orgId === 'cert-a'));
  assert.equal((await f.call('DELETE', `/tokens/${mine.json().id}`, f.tokens.orgAdminA)).statusCode, 204);
  assert.equal((await f.call('GET', '/node', mine.json().token)).statusCode, 401, 'a revoked token no longer works');
  const adminTokenId = (await f.call('GET', '/tokens', f.tokens.admin)).json().tokens.find((t: { role: string }) => t.role === 'node-admin').id;
  assert.equal((await f.call('DELETE', `/tokens/${adminTokenId}`, f.tokens.orgAdminA)).statusCode, 404, 'other organisations\' tokens are invisible');
  assert.equal((await f.call('GET', '/no-such-thing', f.tokens.admin)).statusCode, 404);
  await f.close();
});
