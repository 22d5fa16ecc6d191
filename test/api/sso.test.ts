// Single sign-on against real in-process OpenID Connect providers (oidc-provider): an org-admin
// configures its organisation's provider; a person signs in through it and is provisioned just in
// time into that organisation only, shares an object, and the audit names them; a code from another
// organisation's issuer, an unknown person without JIT and unmapped claims are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../src/app.js';
import { DEFAULT_NODE_CONFIG, createCollection, createOrganisation, issueToken } from '../../src/node/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { startIdp, type TestIdp } from '../users/oidc-idp.js';

const HOST = 'setu.test';
const CALLBACK = `http://${HOST}/api/v1/auth/sso/callback`;
const TAXII = 'application/taxii+json;version=2.1';

async function fixture(t: { after: (fn: () => Promise<void>) => void }) {
  const clock = Date.now;
  const store = await openSqliteStore({ path: ':memory:', clock });
  const info = { nodeName: 'sso-node', country: 'IN', createdAt: new Date().toISOString() };
  await store.initNode(info);
  for (const id of ['home', 'cert-in', 'jpcert']) await createOrganisation(store, { id, name: id.toUpperCase() }, clock);
  const token = async (orgId: string, role: string) => (await issueToken(store, { orgId, role }, clock, randomUUID)).secret;
  const admins = { certIn: await token('cert-in', 'org-admin'), jpcert: await token('jpcert', 'org-admin') };
  const app = await buildApp({ store, config: DEFAULT_NODE_CONFIG, info, clock, newId: randomUUID, logger: false, version: 'test' });
  const idps = {
    certIn: await startIdp('setu-cert-in', CALLBACK, {
      asha: { email: 'asha@cert-in.example', name: 'Asha Rao', groups: ['soc-analysts'] },
      guest: { email: 'guest@cert-in.example', name: 'Guest', groups: ['visitors'] },
      meera: { email: 'meera@cert-in.example', name: 'Meera', groups: ['soc-analysts'] },
      vik: { email: 'vik@cert-in.example', name: 'Vik', groups: ['soc-analysts'], emailVerified: false },
    }),
    jpcert: await startIdp('setu-jpcert', CALLBACK, { kenji: { email: 'kenji@jpcert.example', name: 'Kenji', groups: ['soc-analysts'] } }),
  };
  t.after(async () => (await app.http.close(), await store.close(), await idps.certIn.close(), await idps.jpcert.close()));
  const inject = (method: 'GET' | 'PUT' | 'POST', url: string, headers: Record<string, string> = {}, payload?: object) =>
    app.http.inject({ method, url, headers: { host: HOST, ...headers }, ...(payload === undefined ? {} : { payload }) });
  const configure = (orgId: string, bearer: string, idp: TestIdp, body: Record<string, unknown> = {}) =>
    inject('PUT', `/api/v1/organisations/${orgId}/identity-provider`, { authorization: `Bearer ${bearer}` }, {
      issuer: idp.issuer, clientId: `setu-${orgId}`, roleClaim: 'groups', roleMap: { 'soc-analysts': 'analyst' }, jit: true, ...body,
    });
  /** 1. start at Setu, 2. through the provider as `account`, 3. back to the callback (optionally another provider's code). */
  const sso = async (orgId: string, idp: TestIdp, account: string, via?: TestIdp) => {
    const start = await inject('GET', `/api/v1/auth/sso/${orgId}/start`);
    assert.equal(start.statusCode, 200, start.body);
    const state = start.cookies.find((c) => c.name === 'setu_sso')!.value;
    let callback: URL;
    if (via === undefined) {
      idp.signInAs(account);
      callback = await idp.browse(start.json().authorizationUrl);
    } else {
      // the browser is sent to another organisation's provider with this flow's state
      const foreign = new URL(start.json().authorizationUrl);
      const other = new URL(`${via.issuer}/auth`);
      for (const [k, v] of foreign.searchParams) other.searchParams.set(k, k === 'client_id' ? 'setu-jpcert' : v);
      via.signInAs(account);
      callback = await via.browse(other.href);
    }
    const done = await inject('GET', `${callback.pathname}${callback.search}`, { cookie: `setu_sso=${state}` });
    const session = done.cookies.find((c) => c.name === 'setu_session')?.value;
    return { done, session, csrf: done.statusCode === 200 ? (done.json().csrfToken as string) : undefined };
  };
  return { store, app, admins, idps, inject, configure, sso };
}

test('an org-admin configures its provider; an analyst signs in through it (JIT into that organisation), shares an object, and the audit names the analyst', async (t) => {
  const f = await fixture(t);
  const configured = await f.configure('cert-in', f.admins.certIn, f.idps.certIn);
  assert.equal(configured.statusCode, 200, configured.body);
  assert.equal(configured.json().hasClientSecret, false);
  const collection = await createCollection(f.store, { title: 'IN-JP', readOrgs: ['cert-in', 'jpcert'], writeOrgs: ['cert-in'] }, Date.now, randomUUID);

  const { done, session, csrf } = await f.sso('cert-in', f.idps.certIn, 'asha');
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.json().method, 'oidc');
  const me = await f.inject('GET', '/api/v1/me', { cookie: `setu_session=${session}` });
  assert.deepEqual([me.json().orgId, me.json().role, me.json().email, me.json().oidcIssuer, me.json().oidcSubject], ['cert-in', 'analyst', 'asha@cert-in.example', f.idps.certIn.issuer, 'asha']);

  const indicator = { type: 'indicator', spec_version: '2.1', id: `indicator--${randomUUID()}`, created: '2026-01-05T08:00:00.000Z', modified: '2026-01-05T08:00:00.000Z', pattern: "[domain-name:value = 'bad.example']", pattern_type: 'stix', valid_from: '2026-01-05T08:00:00Z' };
  const url = `/taxii2/setu/collections/${collection.id}/objects/`;
  const body = JSON.stringify({ objects: [indicator] });
  const noCsrf = await f.app.http.inject({ method: 'POST', url, headers: { cookie: `setu_session=${session}`, accept: TAXII, 'content-type': TAXII }, payload: body });
  assert.equal(noCsrf.statusCode, 403, 'a cookie-authenticated write without the CSRF header is refused');
  const shared = await f.app.http.inject({ method: 'POST', url, headers: { cookie: `setu_session=${session}`, 'x-setu-csrf': csrf!, accept: TAXII, 'content-type': TAXII }, payload: body });
  assert.equal(shared.statusCode, 202, shared.body);
  const entries = await f.store.listAudit({ limit: 100 });
  const write = entries.find((e) => e.action === 'object.write');
  assert.equal(write?.actor.userId, me.json().id);
  assert.equal(write?.actor.orgId, 'cert-in');
  assert.deepEqual(entries.filter((e) => e.actor.userId === me.json().id).map((e) => e.action), ['admin.user', 'user.sign-in', 'object.write']);

  // the session reads TAXII as the person (the collection is not public: anonymous would not see it)
  const read = await f.app.http.inject({ method: 'GET', url, headers: { cookie: `setu_session=${session}`, accept: TAXII } });
  assert.equal(read.statusCode, 200, read.body);
  assert.deepEqual(read.json().objects.map((o: { id: string }) => o.id), [indicator.id]);
  assert.equal((await f.app.http.inject({ method: 'GET', url, headers: { accept: TAXII } })).statusCode, 401);

  // the second sign-in finds the same person (issuer + subject), no second user
  await f.sso('cert-in', f.idps.certIn, 'asha');
  assert.equal((await f.store.users.listUsers('cert-in')).length, 1);
});

test('a code from another organisation\'s issuer is refused, and JIT never provisions into another organisation', async (t) => {
  const f = await fixture(t);
  await f.configure('cert-in', f.admins.certIn, f.idps.certIn);
  await f.configure('jpcert', f.admins.jpcert, f.idps.jpcert);
  // cert-in's flow completed at jpcert's provider: the answer's issuer is not cert-in's
  const crossed = await f.sso('cert-in', f.idps.certIn, 'kenji', f.idps.jpcert);
  assert.equal(crossed.done.statusCode, 401, crossed.done.body);
  assert.equal(crossed.done.json().error_code, 'SETU_ERR_USERS_SIGN_IN_FAILED');
  assert.equal(crossed.session, undefined);
  assert.deepEqual(await f.store.users.listUsers('cert-in'), []);
  // through its own organisation's flow, kenji lands in jpcert
  const own = await f.sso('jpcert', f.idps.jpcert, 'kenji');
  assert.equal(own.done.statusCode, 200, own.done.body);
  assert.deepEqual((await f.store.users.listUsers()).map((u) => [u.email, u.orgId]), [['kenji@jpcert.example', 'jpcert']]);
  // a flow's state is bound to the browser that started it
  const start = await f.inject('GET', '/api/v1/auth/sso/jpcert/start');
  f.idps.jpcert.signInAs('kenji');
  const callback = await f.idps.jpcert.browse(start.json().authorizationUrl);
  assert.equal((await f.inject('GET', `${callback.pathname}${callback.search}`, { cookie: 'setu_sso=someone-else' })).statusCode, 401);
});

test('unmapped claims and unknown people without JIT are refused; provider configuration is the organisation\'s own, never wider than its admin', async (t) => {
  const f = await fixture(t);
  assert.equal((await f.configure('jpcert', f.admins.certIn, f.idps.jpcert)).statusCode, 403, 'another organisation\'s provider');
  const wide = await f.configure('cert-in', f.admins.certIn, f.idps.certIn, { roleMap: { 'soc-analysts': 'node-admin' } });
  assert.equal(wide.json().error_code, 'SETU_ERR_USERS_ROLE_NOT_ALLOWED');
  assert.equal((await f.configure('cert-in', f.admins.certIn, f.idps.certIn)).statusCode, 200);
  assert.equal((await f.configure('jpcert', f.admins.jpcert, f.idps.certIn)).statusCode, 409, 'an issuer belongs to one organisation');

  const guest = await f.sso('cert-in', f.idps.certIn, 'guest');
  assert.equal(guest.done.statusCode, 401, 'visitors maps to no role and there is no default');
  assert.match(guest.done.json().description, /No role is mapped/);
  await f.configure('cert-in', f.admins.certIn, f.idps.certIn, { jit: false });
  const unknown = await f.sso('cert-in', f.idps.certIn, 'asha');
  assert.equal(unknown.done.statusCode, 401);
  assert.match(unknown.done.json().description, /not known here/);
  assert.deepEqual(await f.store.users.listUsers(), []);
  const shown = await f.inject('GET', '/api/v1/organisations/cert-in/identity-provider', { authorization: `Bearer ${f.admins.certIn}` });
  assert.equal(shown.json().jit, false);
  assert.equal((await f.inject('GET', '/api/v1/organisations/cert-in/identity-provider', { authorization: `Bearer ${f.admins.jpcert}` })).statusCode, 404);
});

test('an unreachable identity provider answers 502 SETU_ERR_USERS_IDP_UNREACHABLE naming the issuer, at start and at finish', async (t) => {
  const f = await fixture(t);
  // a local port nothing listens on: bind one, note it, close it
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const closed = { issuer: `http://127.0.0.1:${port}` } as TestIdp;
  assert.equal((await f.configure('jpcert', f.admins.jpcert, closed)).statusCode, 200);
  const start = await f.inject('GET', '/api/v1/auth/sso/jpcert/start');
  assert.equal(start.statusCode, 502, start.body);
  assert.equal(start.json().error_code, 'SETU_ERR_USERS_IDP_UNREACHABLE');
  assert.match(start.json().description, new RegExp(`127\\.0\\.0\\.1:${port}`));
  // finish: the flow starts, then the provider goes away before the callback
  await f.configure('cert-in', f.admins.certIn, f.idps.certIn);
  const begun = await f.inject('GET', '/api/v1/auth/sso/cert-in/start');
  const state = begun.cookies.find((c) => c.name === 'setu_sso')!.value;
  f.idps.certIn.signInAs('asha');
  const callback = await f.idps.certIn.browse(begun.json().authorizationUrl);
  await f.idps.certIn.close();
  const done = await f.inject('GET', `${callback.pathname}${callback.search}`, { cookie: `setu_sso=${state}` });
  assert.equal(done.statusCode, 502, done.body);
  assert.equal(done.json().error_code, 'SETU_ERR_USERS_IDP_UNREACHABLE');
});

test('a person an admin added is linked at SSO by a verified e-mail of the same organisation, or explicitly by an admin', async (t) => {
  const f = await fixture(t);
  await f.configure('cert-in', f.admins.certIn, f.idps.certIn, { jit: false });
  const add = (email: string) => f.inject('POST', '/api/v1/users', { authorization: `Bearer ${f.admins.certIn}` }, { org: 'cert-in', email, displayName: email, role: 'analyst' });
  const meera = (await add('meera@cert-in.example')).json();
  const vik = (await add('vik@cert-in.example')).json();
  const linked = await f.sso('cert-in', f.idps.certIn, 'meera');
  assert.equal(linked.done.statusCode, 200, linked.done.body);
  const me = await f.inject('GET', '/api/v1/me', { cookie: `setu_session=${linked.session}` });
  assert.deepEqual([me.json().id, me.json().oidcIssuer, me.json().oidcSubject], [meera.id, f.idps.certIn.issuer, 'meera']);
  // an unverified e-mail is not enough
  const unverified = await f.sso('cert-in', f.idps.certIn, 'vik');
  assert.equal(unverified.done.statusCode, 401, unverified.done.body);
  // an admin links explicitly (another organisation's admin cannot)
  const body = { issuer: f.idps.certIn.issuer, subject: 'vik' };
  assert.equal((await f.inject('POST', `/api/v1/users/${vik.id}/link`, { authorization: `Bearer ${f.admins.jpcert}` }, body)).statusCode, 404);
  const link = await f.inject('POST', `/api/v1/users/${vik.id}/link`, { authorization: `Bearer ${f.admins.certIn}` }, body);
  assert.equal(link.statusCode, 200, link.body);
  assert.equal(link.json().oidcSubject, 'vik');
  assert.equal((await f.inject('POST', `/api/v1/users/${meera.id}/link`, { authorization: `Bearer ${f.admins.certIn}` }, body)).json().error_code, 'SETU_ERR_USERS_ALREADY_LINKED');
  const now = await f.sso('cert-in', f.idps.certIn, 'vik');
  assert.equal(now.done.statusCode, 200, now.done.body);
  assert.equal((await f.store.users.listUsers('cert-in')).length, 2);
});

test('an issuer is one organisation\'s however its URL is spelt (trailing slash, host case)', async (t) => {
  const f = await fixture(t);
  assert.equal((await f.configure('cert-in', f.admins.certIn, f.idps.certIn)).statusCode, 200);
  const slash = { ...f.idps.certIn, issuer: `${f.idps.certIn.issuer}/` } as TestIdp;
  const again = await f.configure('jpcert', f.admins.jpcert, slash);
  assert.equal(again.statusCode, 409, again.body);
  const upper = { ...f.idps.certIn, issuer: f.idps.certIn.issuer.replace('http://', 'HTTP://') } as TestIdp;
  assert.equal((await f.configure('jpcert', f.admins.jpcert, upper)).statusCode, 409);
});
