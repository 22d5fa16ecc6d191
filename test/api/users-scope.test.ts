// Review findings on people (issue 16): a personal token cannot widen itself or touch the second
// factor or other sessions; organisation tokens minted by a person expire and die with the person;
// re-enrolling TOTP needs the current factor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { totpCode } from '../../src/users/index.js';
import { T0, fixture } from './users-fixture.js';

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
