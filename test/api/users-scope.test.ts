// Review findings on people (issue 16): a personal token cannot widen itself or touch the second
// factor or other sessions; organisation tokens minted by a person expire and die with the person;
// re-enrolling TOTP needs the current factor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { totpCode } from '../../src/users/index.js';
import { PASSWORD, T0, fixture } from './users-fixture.js';

test('a personal token cannot mint tokens, enrol TOTP or sign out everywhere: those need a session', async (t) => {
  const f = await fixture();
  t.after(f.close);
  await f.addUser(f.tokens.certInAdmin, { org: 'cert-in', email: 'boss@cert-in.example', role: 'org-admin' });
  const s = await f.signIn('boss@cert-in.example');
  const reader = await f.call('POST', '/me/tokens', { cookie: s.cookie!, csrf: s.csrf! }, { role: 'reader', expiresInDays: 7 });
  assert.equal(reader.statusCode, 201, reader.body);
  const narrow = reader.json().token as string;
  const widened = await f.call('POST', '/me/tokens', { bearer: narrow }, { role: 'org-admin', expiresInDays: 365 });
  assert.equal(widened.statusCode, 403, widened.body);
  assert.equal(widened.json().error_code, 'SETU_ERR_USERS_SESSION_REQUIRED');
  for (const url of ['/me/sign-out-everywhere', '/me/totp', '/me/totp/confirm']) {
    const res = await f.call('POST', url, { bearer: narrow }, url.endsWith('confirm') ? { code: '000000' } : undefined);
    assert.equal(res.json().error_code, 'SETU_ERR_USERS_SESSION_REQUIRED', url);
  }
  assert.equal((await f.call('POST', '/me/tokens', { bearer: f.tokens.certInAdmin }, { expiresInDays: 7 })).json().error_code, 'SETU_ERR_USERS_SESSION_REQUIRED');
  assert.equal((await f.call('GET', '/me', { cookie: s.cookie! })).statusCode, 200, 'the session survived');
  assert.equal((await f.call('GET', '/me', { bearer: narrow })).statusCode, 200, 'reading /me with the token still works');
});

test('issuePersonalToken caps the role at the caller\'s and the expiry at the caller token\'s', async (t) => {
  const f = await fixture();
  t.after(f.close);
  const { issuePersonalToken } = await import('../../src/users/index.js');
  const user = (await f.addUser(f.tokens.certInAdmin, { org: 'cert-in', email: 'cap@cert-in.example', role: 'org-admin' })).json();
  const record = (await f.store.users.getUser(user.id))!;
  const deps = { store: f.store, clock: () => T0, newId: () => 'tok-1' };
  const caller = { role: 'reader' as const, expiresAt: new Date(T0 + 7 * 86_400_000).toISOString() };
  await assert.rejects(issuePersonalToken(deps as never, record, { role: 'org-admin', expiresInDays: 30 }, caller), { code: 'SETU_ERR_USERS_ROLE_NOT_ALLOWED' });
  const capped = await issuePersonalToken(deps as never, record, { expiresInDays: 365 }, caller);
  assert.equal(capped.record.role, 'reader');
  assert.ok(Date.parse(capped.record.expiresAt) <= T0 + 7 * 86_400_000);
  void totpCode;
});

test('an organisation token minted by a person must expire, names the person in the audit, and dies when the person is disabled or reset', async (t) => {
  const f = await fixture();
  t.after(f.close);
  const alice = (await f.addUser(f.tokens.certInAdmin, { org: 'cert-in', email: 'alice@cert-in.example', role: 'org-admin' })).json();
  const s = await f.signIn('alice@cert-in.example');
  const session = { cookie: s.cookie!, csrf: s.csrf! };
  const forever = await f.call('POST', '/tokens', session, { org: 'cert-in', role: 'org-admin' });
  assert.equal(forever.statusCode, 400, forever.body);
  assert.equal((await f.call('POST', '/tokens', session, { org: 'cert-in', role: 'org-admin', expiresInDays: 400 })).statusCode, 400);
  const minted = await f.call('POST', '/tokens', session, { org: 'cert-in', role: 'org-admin', expiresInDays: 30 });
  assert.equal(minted.statusCode, 201, minted.body);
  assert.notEqual(minted.json().expiresAt, null);
  assert.equal(minted.json().createdByUser, alice.id);
  const secret = minted.json().token as string;
  // an organisation token has no person of its own: /me stays refused
  assert.equal((await f.call('GET', '/me', { bearer: secret })).statusCode, 403);
  const added = await f.addUser(secret, { org: 'cert-in', email: 'bob@cert-in.example' });
  assert.equal(added.statusCode, 201, added.body);
  const entry = (await f.store.listAudit({ limit: 100 })).filter((e) => e.action === 'admin.user').at(-1);
  assert.equal(entry?.actor.userId, alice.id, 'the audit names the person behind the token');
  // a node-admin's organisation token still mints non-expiring tokens
  assert.equal((await f.call('POST', '/tokens', { bearer: f.tokens.admin }, { org: 'cert-in', role: 'reader' })).json().expiresAt, null);

  await f.call('POST', `/users/${alice.id}/disable`, { bearer: f.tokens.certInAdmin });
  const after = await f.addUser(secret, { org: 'cert-in', email: 'carol@cert-in.example' });
  assert.equal(after.statusCode, 401, after.body);

  // reset revokes them too
  const dan = (await f.addUser(f.tokens.certInAdmin, { org: 'cert-in', email: 'dan@cert-in.example', role: 'org-admin' })).json();
  const d = await f.signIn('dan@cert-in.example');
  const dans = (await f.call('POST', '/tokens', { cookie: d.cookie!, csrf: d.csrf! }, { org: 'cert-in', role: 'reader', expiresInDays: 1 })).json().token as string;
  assert.equal((await f.call('GET', '/tokens', { bearer: f.tokens.certInAdmin })).statusCode, 200);
  await f.call('POST', `/users/${dan.id}/reset`, { bearer: f.tokens.certInAdmin }, {});
  assert.equal((await f.call('GET', '/users', { bearer: dans })).statusCode, 401);
});

test('with TOTP confirmed, enrolling again needs the current code or a recovery code; the old secret stays until the new one is confirmed', async (t) => {
  const f = await fixture();
  t.after(f.close);
  await f.addUser(f.tokens.certInAdmin, { org: 'cert-in', email: 'tara@cert-in.example' });
  const s = await f.signIn('tara@cert-in.example');
  const auth = { cookie: s.cookie!, csrf: s.csrf! };
  const old = (await f.call('POST', '/me/totp', auth)).json().secret as string;
  const codes = (await f.call('POST', '/me/totp/confirm', auth, { code: totpCode(old, T0) })).json().recoveryCodes as string[];
  f.tick(30_000);
  const bare = await f.call('POST', '/me/totp', auth);
  assert.equal(bare.json().error_code, 'SETU_ERR_USERS_BAD_TOTP', bare.body);
  assert.equal((await f.call('POST', '/me/totp', auth, { code: '000000' })).json().error_code, 'SETU_ERR_USERS_BAD_TOTP');
  assert.equal((await f.signIn('tara@cert-in.example')).res.json().error_code, 'SETU_ERR_USERS_SECOND_FACTOR_REQUIRED', 'the password alone still does not sign in');
  const again = await f.call('POST', '/me/totp', auth, { code: totpCode(old, T0 + 30_000) });
  assert.equal(again.statusCode, 200, again.body);
  const pending = again.json().secret as string;
  // meanwhile the old secret is in force, the new one not yet
  f.tick(30_000);
  assert.equal((await f.signIn('tara@cert-in.example')).res.json().error_code, 'SETU_ERR_USERS_SECOND_FACTOR_REQUIRED');
  assert.equal((await f.signIn('tara@cert-in.example', { code: totpCode(pending, T0 + 60_000) })).res.statusCode, 401);
  assert.equal((await f.signIn('tara@cert-in.example', { code: totpCode(old, T0 + 60_000) })).res.json().method, 'password+totp');
  assert.equal((await f.call('GET', '/me', auth)).json().recoveryCodesLeft, 10);
  // a recovery code also proves the factor (and is used up)
  f.tick(30_000);
  const byRecovery = await f.call('POST', '/me/totp', auth, { recoveryCode: codes[0]! });
  assert.equal(byRecovery.statusCode, 200, byRecovery.body);
  const next = byRecovery.json().secret as string;
  assert.equal((await f.call('GET', '/me', auth)).json().recoveryCodesLeft, 9);
  const confirmed = await f.call('POST', '/me/totp/confirm', auth, { code: totpCode(next, T0 + 90_000) });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  assert.equal((await f.call('GET', '/me', auth)).json().recoveryCodesLeft, 10);
  f.tick(30_000);
  assert.equal((await f.signIn('tara@cert-in.example', { code: totpCode(old, T0 + 120_000) })).res.statusCode, 401, 'the old secret is gone once the new one is confirmed');
  assert.equal((await f.signIn('tara@cert-in.example', { code: totpCode(next, T0 + 120_000) })).res.json().method, 'password+totp');
});

test('trustProxy decides whether X-Forwarded-For names the throttled address', async (t) => {
  const { DEFAULT_NODE_CONFIG } = await import('../../src/node/index.js');
  for (const trustProxy of [true, false]) {
    const f = await fixture({ ...DEFAULT_NODE_CONFIG, trustProxy });
    t.after(f.close);
    await f.addUser(f.tokens.certInAdmin, { org: 'cert-in', email: 'px@cert-in.example' });
    const signIn = (email: string, password: string, from: string) =>
      f.app.http.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'x-forwarded-for': from }, payload: { email, password } });
    // one address sprays 20 accounts
    for (let i = 0; i < 20; i += 1) await signIn(`nobody${i}@cert-in.example`, 'wrong password here', '203.0.113.5');
    const same = await signIn('px@cert-in.example', PASSWORD, '203.0.113.5');
    const other = await signIn('px@cert-in.example', PASSWORD, '203.0.113.6');
    assert.equal(same.statusCode, 429, `trustProxy ${trustProxy}: the spraying address is throttled`);
    assert.equal(other.statusCode, trustProxy ? 200 : 429, `trustProxy ${trustProxy}: ${other.body}`);
  }
});
