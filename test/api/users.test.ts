// People over the JSON API and TAXII: user management rules, password + TOTP sign-in, sessions
// (cookie, CSRF, idle and absolute timeouts, sign-out everywhere), throttling, personal tokens,
// and audit entries that name the person. The clock is a variable the test moves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { DEFAULT_NODE_CONFIG, createCollection } from '../../src/node/index.js';
import { totpCode } from '../../src/users/index.js';
import { PASSWORD, T0, TAXII, fixture } from './users-fixture.js';

test('an org-admin adds, lists, re-roles, disables and resets its own people only; never grants node-admin', async (t) => {
  const f = await fixture();
  t.after(f.close);
  const created = await f.addUser(f.tokens.certInAdmin, { org: 'cert-in', email: 'Asha@CERT-IN.example', displayName: 'Asha Rao', language: 'hi' });
  assert.equal(created.statusCode, 201, created.body);
  const asha = created.json();
  assert.equal(asha.email, 'asha@cert-in.example');
  assert.equal(asha.language, 'hi');
  assert.equal(asha.hasPassword, true);
  assert.equal('passwordHash' in asha, false, 'the hash never leaves the node');
  assert.equal((await f.addUser(f.tokens.certInAdmin, { org: 'jpcert', email: 'k@jpcert.example' })).statusCode, 403);
  assert.equal((await f.addUser(f.tokens.certInAdmin, { org: 'cert-in', email: 'root@cert-in.example', role: 'node-admin' })).json().error_code, 'SETU_ERR_USERS_ROLE_NOT_ALLOWED');
  assert.equal((await f.addUser(f.tokens.certInAdmin, { org: 'cert-in', email: 'asha@cert-in.example' })).statusCode, 409);
  assert.equal((await f.addUser(f.tokens.certInAdmin, { org: 'cert-in', email: 'x@cert-in.example', language: 'fr' })).statusCode, 400);

  assert.deepEqual((await f.call('GET', '/users', { bearer: f.tokens.certInAdmin })).json().users.map((u: { email: string }) => u.email), ['asha@cert-in.example']);
  assert.deepEqual((await f.call('GET', '/users', { bearer: f.tokens.jpcertAdmin })).json().users, []);
  assert.equal((await f.call('GET', `/users/${asha.id}`, { bearer: f.tokens.jpcertAdmin })).statusCode, 404, 'another organisation\'s user is invisible');
  assert.equal((await f.call('GET', '/users/asha@cert-in.example', { bearer: f.tokens.certInAdmin })).json().id, asha.id);

  const role = await f.call('PUT', `/users/${asha.id}/role`, { bearer: f.tokens.certInAdmin }, { role: 'reader' });
  assert.equal(role.json().role, 'reader');
  const session = await f.signIn('asha@cert-in.example');
  assert.equal(session.res.statusCode, 200);
  const disabled = await f.call('POST', `/users/${asha.id}/disable`, { bearer: f.tokens.certInAdmin });
  assert.notEqual(disabled.json().disabledAt, null);
  assert.equal((await f.call('GET', '/me', { cookie: session.cookie! })).statusCode, 401, 'disabling ends the sessions');
  assert.equal((await f.signIn('asha@cert-in.example')).res.json().error_code, 'SETU_ERR_USERS_SIGN_IN_FAILED');
  const reset = await f.call('POST', `/users/${asha.id}/reset`, { bearer: f.tokens.certInAdmin }, { password: 'password1234' });
  assert.equal(reset.json().error_code, 'SETU_ERR_USERS_WEAK_PASSWORD');
});

test('password + TOTP sign-in, recovery codes once each, CSRF on state-changing cookie requests', async (t) => {
  const f = await fixture();
  t.after(f.close);
  await f.addUser(f.tokens.certInAdmin, { org: 'cert-in', email: 'ravi@cert-in.example', role: 'org-admin' });
  const first = await f.signIn('ravi@cert-in.example');
  assert.equal(first.res.statusCode, 200, first.res.body);
  assert.equal(first.set?.httpOnly, true);
  assert.equal(first.set?.secure, true);
  assert.equal(first.set?.sameSite, 'Lax');
  assert.equal((await f.call('GET', '/me', { cookie: first.cookie! })).json().email, 'ravi@cert-in.example');
  // sign-in posted from another site is refused (login CSRF); from this node's own origin it works
  const foreign = await f.app.http.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { origin: 'https://evil.example' }, payload: { email: 'ravi@cert-in.example', password: PASSWORD } });
  assert.equal(foreign.json().error_code, 'SETU_ERR_USERS_CSRF');
  const own = await f.app.http.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { origin: 'http://localhost:80' }, payload: { email: 'ravi@cert-in.example', password: PASSWORD } });
  assert.equal(own.statusCode, 200, own.body);

  // 1. a state-changing request with the cookie and no CSRF header is refused
  const noCsrf = await f.call('POST', '/me/totp', { cookie: first.cookie! });
  assert.equal(noCsrf.statusCode, 403);
  assert.equal(noCsrf.json().error_code, 'SETU_ERR_USERS_CSRF');
  assert.equal((await f.call('POST', '/me/totp', { cookie: first.cookie!, csrf: 'guessed' })).statusCode, 403);
  // 2. with it, TOTP enrolment begins, and a code from the secret confirms it
  const begun = await f.call('POST', '/me/totp', { cookie: first.cookie!, csrf: first.csrf! });
  assert.equal(begun.statusCode, 200);
  assert.match(begun.json().uri, /^otpauth:\/\/totp\//);
  const secret = begun.json().secret as string;
  assert.equal((await f.call('POST', '/me/totp/confirm', { cookie: first.cookie!, csrf: first.csrf! }, { code: '000000' })).json().error_code, 'SETU_ERR_USERS_BAD_TOTP');
  const confirmed = await f.call('POST', '/me/totp/confirm', { cookie: first.cookie!, csrf: first.csrf! }, { code: totpCode(secret, T0) });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  const codes = confirmed.json().recoveryCodes as string[];
  assert.equal(codes.length, 10);

  // 3. the password alone no longer signs in; a code does, once per time step
  assert.equal((await f.signIn('ravi@cert-in.example')).res.json().error_code, 'SETU_ERR_USERS_SECOND_FACTOR_REQUIRED');
  f.tick(30_000);
  const code = totpCode(secret, T0 + 30_000);
  const withCode = await f.signIn('ravi@cert-in.example', { code });
  assert.equal(withCode.res.json().method, 'password+totp');
  assert.equal((await f.signIn('ravi@cert-in.example', { code })).res.json().error_code, 'SETU_ERR_USERS_SIGN_IN_FAILED', 'a code is accepted once');
  // 4. a recovery code works once
  const recovered = await f.signIn('ravi@cert-in.example', { recoveryCode: codes[0]!.toUpperCase() });
  assert.equal(recovered.res.json().method, 'recovery-code');
  assert.equal((await f.signIn('ravi@cert-in.example', { recoveryCode: codes[0]! })).res.statusCode, 401);
  assert.equal((await f.call('GET', '/me', { cookie: withCode.cookie! })).json().recoveryCodesLeft, 9);
});

test('sessions end when idle, at the absolute limit, at sign-out and everywhere at once', async (t) => {
  const f = await fixture({ ...DEFAULT_NODE_CONFIG, sessionIdleMinutes: 10, sessionAbsoluteMinutes: 60 });
  t.after(f.close);
  await f.addUser(f.tokens.certInAdmin, { org: 'cert-in', email: 'mei@cert-in.example' });
  const a = await f.signIn('mei@cert-in.example');
  assert.equal(a.set?.maxAge, 3600);
  // active every 9 minutes: still valid at 54 minutes, ended at 60 however busy
  for (let i = 0; i < 6; i += 1) {
    f.tick(9 * 60_000);
    assert.equal((await f.call('GET', '/me', { cookie: a.cookie! })).statusCode, 200, `minute ${(i + 1) * 9}`);
  }
  f.tick(6 * 60_000);
  const absolute = await f.call('GET', '/me', { cookie: a.cookie! });
  assert.equal(absolute.json().error_code, 'SETU_ERR_USERS_SESSION_EXPIRED');
  assert.match(absolute.json().description, /absolute-timeout/);
  const b = await f.signIn('mei@cert-in.example');
  f.tick(10 * 60_000);
  assert.match((await f.call('GET', '/me', { cookie: b.cookie! })).json().description, /idle-timeout/);

  const c = await f.signIn('mei@cert-in.example');
  const d = await f.signIn('mei@cert-in.example');
  const out = await f.call('POST', '/me/sign-out', { cookie: c.cookie!, csrf: c.csrf! });
  assert.equal(out.statusCode, 204);
  assert.equal((await f.call('GET', '/me', { cookie: c.cookie! })).statusCode, 401);
  assert.equal((await f.call('GET', '/me', { cookie: d.cookie! })).statusCode, 200);
  const e = await f.signIn('mei@cert-in.example');
  const everywhere = await f.call('POST', '/me/sign-out-everywhere', { cookie: e.cookie!, csrf: e.csrf! });
  // d and e, and the timed-out a and b (timed out, never signed out): every session not yet ended
  assert.equal(everywhere.json().sessionsEnded, 4);
  assert.equal((await f.call('GET', '/me', { cookie: d.cookie! })).statusCode, 401);
});

test('repeated failures throttle the account (and the address), with Retry-After', async (t) => {
  const f = await fixture();
  t.after(f.close);
  await f.addUser(f.tokens.certInAdmin, { org: 'cert-in', email: 'dev@cert-in.example' });
  for (let i = 0; i < 5; i += 1) assert.equal((await f.signIn('dev@cert-in.example', {}, 'wrong password here')).res.statusCode, 401);
  const throttled = (await f.signIn('dev@cert-in.example')).res;
  assert.equal(throttled.statusCode, 429, 'even the right password waits');
  assert.equal(throttled.json().error_code, 'SETU_ERR_USERS_THROTTLED');
  assert.ok(Number(throttled.headers['retry-after']) > 0);
  f.tick(15 * 60_000);
  assert.equal((await f.signIn('dev@cert-in.example')).res.statusCode, 200);
  // an address spraying many accounts is throttled too (20 failures)
  for (let i = 0; i < 20; i += 1) await f.signIn(`nobody${i}@cert-in.example`, {}, 'wrong password here');
  assert.equal((await f.signIn('dev@cert-in.example')).res.json().error_code, 'SETU_ERR_USERS_THROTTLED');
});

test('personal tokens: scoped, narrowed to the person\'s role, refused once the person is disabled; TAXII writes are audited in the person\'s name', async (t) => {
  const f = await fixture();
  t.after(f.close);
  const collection = await createCollection(f.store, { title: 'IN-JP', readOrgs: ['cert-in', 'jpcert'], writeOrgs: ['cert-in'] }, () => T0, randomUUID);
  const analyst = (await f.addUser(f.tokens.certInAdmin, { org: 'cert-in', email: 'anil@cert-in.example', displayName: 'Anil' })).json();
  const s = await f.signIn('anil@cert-in.example');
  assert.equal((await f.call('POST', '/me/tokens', { cookie: s.cookie!, csrf: s.csrf! }, { role: 'org-admin', expiresInDays: 30 })).json().error_code, 'SETU_ERR_USERS_ROLE_NOT_ALLOWED');
  assert.equal((await f.call('POST', '/me/tokens', { cookie: s.cookie!, csrf: s.csrf! }, { expiresInDays: 400 })).statusCode, 400);
  const issued = await f.call('POST', '/me/tokens', { cookie: s.cookie!, csrf: s.csrf! }, { label: 'feed script', expiresInDays: 30 });
  assert.equal(issued.statusCode, 201, issued.body);
  const secret = issued.json().token as string;
  assert.match(secret, /^setu_p_/);
  // Bearer requests need no CSRF token
  assert.equal((await f.call('GET', '/me', { bearer: secret })).json().id, analyst.id);

  const indicator = { type: 'indicator', spec_version: '2.1', id: 'indicator--6b2c3e0f-1d7a-4c52-9a8e-0d3f4b5c6a71', created: '2026-01-05T08:00:00.000Z', modified: '2026-01-05T08:00:00.000Z', pattern: "[ipv4-addr:value = '203.0.113.7']", pattern_type: 'stix', valid_from: '2026-01-05T08:00:00Z' };
  const post = await f.app.http.inject({ method: 'POST', url: `/taxii2/setu/collections/${collection.id}/objects/`, headers: { authorization: `Bearer ${secret}`, accept: TAXII, 'content-type': TAXII }, payload: JSON.stringify({ objects: [indicator] }) });
  assert.equal(post.statusCode, 202, post.body);
  const entries = await f.store.listAudit({ limit: 100 });
  const write = entries.find((e) => e.action === 'object.write');
  assert.deepEqual({ orgId: write?.actor.orgId, userId: write?.actor.userId, channel: write?.actor.channel }, { orgId: 'cert-in', userId: analyst.id, channel: 'taxii' });
  assert.equal(entries.find((e) => e.action === 'user.sign-in')?.actor.userId, analyst.id);

  // demoted to reader: the token's analyst scope narrows to reader (no writes)
  await f.call('PUT', `/users/${analyst.id}/role`, { bearer: f.tokens.certInAdmin }, { role: 'reader' });
  const denied = await f.app.http.inject({ method: 'POST', url: `/taxii2/setu/collections/${collection.id}/objects/`, headers: { authorization: `Bearer ${secret}`, accept: TAXII, 'content-type': TAXII }, payload: JSON.stringify({ objects: [indicator] }) });
  assert.equal(denied.statusCode, 403);
  await f.call('POST', `/users/${analyst.id}/disable`, { bearer: f.tokens.certInAdmin });
  assert.equal((await f.call('GET', '/me', { bearer: secret })).statusCode, 401);
  const disable = (await f.store.listAudit({ limit: 100 })).filter((e) => e.action === 'admin.user').map((e) => e.details['change']);
  assert.deepEqual(disable, ['create', 'role', 'disable']);
});

test('an organisation token has no person: /me is 403; an org-admin signed in acts in its own name in the audit', async (t) => {
  const f = await fixture();
  t.after(f.close);
  assert.equal((await f.call('GET', '/me', { bearer: f.tokens.certInAdmin })).statusCode, 403);
  const admin = (await f.addUser(f.tokens.certInAdmin, { org: 'cert-in', email: 'lead@cert-in.example', role: 'org-admin' })).json();
  const s = await f.signIn('lead@cert-in.example');
  const added = await f.call('POST', '/users', { cookie: s.cookie!, csrf: s.csrf! }, { org: 'cert-in', email: 'new@cert-in.example', displayName: 'New', role: 'reader' });
  assert.equal(added.statusCode, 201, added.body);
  const entry = (await f.store.listAudit({ limit: 100 })).filter((e) => e.action === 'admin.user').at(-1);
  assert.equal(entry?.actor.userId, admin.id);
  assert.equal(entry?.target['userId'], added.json().id);
});

test('a node serving plain HTTP on loopback sets the session cookie without Secure (browsers would drop it); /openapi.json names the session scheme', async (t) => {
  const f = await fixture(DEFAULT_NODE_CONFIG, true);
  t.after(f.close);
  await f.addUser(f.tokens.certInAdmin, { org: 'cert-in', email: 'local@cert-in.example' });
  const s = await f.signIn('local@cert-in.example');
  assert.equal(s.set?.secure, undefined);
  assert.equal(s.set?.httpOnly, true);
  const doc = (await f.app.http.inject({ method: 'GET', url: '/openapi.json' })).json();
  assert.deepEqual(doc.components.securitySchemes.session, { type: 'apiKey', in: 'cookie', name: 'setu_session', description: doc.components.securitySchemes.session.description });
});
