// Contract: people (migration 9): users, sessions, personal tokens, identity providers. Uses only
// the Store interface, so SQLite and PostgreSQL are held to the same answers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IdentityProviderRecord, SessionRecord, UserRecord, UserTokenRecord } from '../../src/store/index.js';
import type { MakeStore } from './helpers.js';

const code = (expected: string) => (error: unknown) => (error as { code?: string }).code === expected;
const org = (id: string) => ({ id, name: `org ${id}`, country: 'IN', createdAt: '2025-01-01T00:00:00.000Z' });
const user = (id: string, overrides: Partial<UserRecord> = {}): UserRecord => ({
  id,
  orgId: 'cert-in',
  role: 'analyst',
  displayName: `User ${id}`,
  email: `${id}@cert-in.example`,
  language: 'en',
  createdAt: `2025-01-01T00:00:0${id.length % 10}.000Z`,
  disabledAt: null,
  passwordHash: null,
  totpSecret: null,
  totpConfirmed: false,
  totpLastStep: -1,
  recoveryCodes: [],
  oidcIssuer: null,
  oidcSubject: null,
  ...overrides,
});
const session = (idHash: string, userId: string): SessionRecord => ({
  idHash, userId, csrfHash: 'c'.repeat(64), createdAt: '2025-01-02T00:00:00.000000Z', lastSeenAt: '2025-01-02T00:00:00.000000Z', revokedAt: null, method: 'password',
});
const token = (id: string, userId: string): UserTokenRecord => ({
  id, userId, role: 'reader', label: 'script', secretHash: id.padEnd(64, '0'), createdAt: '2025-01-02T00:00:00.000000Z', expiresAt: '2025-02-01T00:00:00.000000Z', revokedAt: null,
});
const provider = (orgId: string, issuer: string): IdentityProviderRecord => ({
  orgId, issuer, clientId: `client-${orgId}`, clientSecret: null, roleClaim: 'groups', roleMap: { 'setu-admins': 'org-admin', analysts: 'analyst' }, defaultRole: null, jit: true, updatedAt: '2025-01-01T00:00:00.000Z',
});

async function withOrgs(makeStore: MakeStore) {
  const store = await makeStore();
  await store.createOrganisation(org('cert-in'));
  await store.createOrganisation(org('jpcert'));
  return store;
}

export function usersContract(makeStore: MakeStore): void {
  describe('users', () => {
    it('creates, finds (id, e-mail, issuer+subject), lists per organisation and updates a user', async () => {
      const store = await withOrgs(makeStore);
      await store.users.createUser(user('asha', { recoveryCodes: ['a'.repeat(64)], totpConfirmed: true }));
      await store.users.createUser(user('kenji', { orgId: 'jpcert', email: 'kenji@jpcert.example', language: 'ja', oidcIssuer: 'https://idp.jpcert.example', oidcSubject: 'k1' }));
      assert.deepEqual(await store.users.getUser('asha'), user('asha', { recoveryCodes: ['a'.repeat(64)], totpConfirmed: true }));
      assert.equal((await store.users.findUserByEmail('ASHA@cert-in.example'))?.id, 'asha');
      assert.equal((await store.users.findUserBySubject('https://idp.jpcert.example', 'k1'))?.id, 'kenji');
      assert.equal(await store.users.findUserBySubject('https://idp.cert-in.example', 'k1'), undefined);
      assert.deepEqual((await store.users.listUsers()).map((u) => u.id), ['asha', 'kenji']);
      assert.deepEqual((await store.users.listUsers('jpcert')).map((u) => u.id), ['kenji']);
      const changed = await store.users.updateUser('asha', { role: 'reader', disabledAt: '2025-03-01T00:00:00.000Z', totpConfirmed: false, recoveryCodes: [] });
      assert.equal(changed?.role, 'reader');
      assert.equal(changed?.disabledAt, '2025-03-01T00:00:00.000Z');
      assert.equal(changed?.totpConfirmed, false);
      assert.deepEqual(changed?.recoveryCodes, []);
      assert.equal(await store.users.updateUser('nobody', { role: 'reader' }), undefined);
      await store.close();
    });

    it('refuses a second user with the same id or e-mail, and a user of an unknown organisation', async () => {
      const store = await withOrgs(makeStore);
      await store.users.createUser(user('asha'));
      await assert.rejects(store.users.createUser(user('asha', { email: 'other@x.example' })), code('SETU_ERR_STORE_DUPLICATE_KEY'));
      await assert.rejects(store.users.createUser(user('asha2', { email: 'asha@cert-in.example' })), code('SETU_ERR_STORE_DUPLICATE_KEY'));
      await assert.rejects(store.users.createUser(user('ghost', { orgId: 'nowhere' })), code('SETU_ERR_STORE_UNKNOWN_REFERENCE'));
      await store.close();
    });

    it('accepts each TOTP step once and only later ones; uses each recovery code once', async () => {
      const store = await withOrgs(makeStore);
      await store.users.createUser(user('asha', { recoveryCodes: ['a'.repeat(64), 'b'.repeat(64)] }));
      assert.equal(await store.users.useTotpStep('asha', 100), true);
      assert.equal(await store.users.useTotpStep('asha', 100), false);
      assert.equal(await store.users.useTotpStep('asha', 99), false);
      assert.equal(await store.users.useTotpStep('asha', 101), true);
      assert.equal(await store.users.useRecoveryCode('asha', 'a'.repeat(64)), true);
      assert.equal(await store.users.useRecoveryCode('asha', 'a'.repeat(64)), false);
      assert.deepEqual((await store.users.getUser('asha'))?.recoveryCodes, ['b'.repeat(64)]);
      await store.close();
    });
  });

  describe('sessions and personal tokens', () => {
    it('keeps sessions, touches them forward only, revokes one or all of a user', async () => {
      const store = await withOrgs(makeStore);
      await store.users.createUser(user('asha'));
      await store.users.createSession(session('s1', 'asha'));
      await store.users.createSession(session('s2', 'asha'));
      assert.deepEqual(await store.users.getSession('s1'), session('s1', 'asha'));
      await store.users.touchSession('s1', '2025-01-02T01:00:00.000000Z');
      await store.users.touchSession('s1', '2025-01-02T00:30:00.000000Z');
      assert.equal((await store.users.getSession('s1'))?.lastSeenAt, '2025-01-02T01:00:00.000000Z');
      assert.equal(await store.users.revokeSession('s1', '2025-01-03T00:00:00.000000Z'), true);
      assert.equal(await store.users.revokeSession('s1', '2025-01-04T00:00:00.000000Z'), false);
      await store.users.createSession(session('s3', 'asha'));
      assert.equal(await store.users.revokeUserSessions('asha', '2025-01-05T00:00:00.000000Z'), 2);
      assert.equal((await store.users.getSession('s3'))?.revokedAt, '2025-01-05T00:00:00.000000Z');
      await assert.rejects(store.users.createSession(session('s4', 'nobody')), code('SETU_ERR_STORE_UNKNOWN_REFERENCE'));
      await store.close();
    });

    it('keeps personal tokens, finds them by hash, revokes only the owner\'s', async () => {
      const store = await withOrgs(makeStore);
      await store.users.createUser(user('asha'));
      await store.users.createUser(user('ravi'));
      await store.users.createUserToken(token('t1', 'asha'));
      await store.users.createUserToken(token('t2', 'asha'));
      assert.deepEqual(await store.users.findUserTokenByHash('t1'.padEnd(64, '0')), token('t1', 'asha'));
      assert.deepEqual((await store.users.listUserTokens('asha')).map((t) => t.id), ['t1', 't2']);
      assert.equal(await store.users.revokeUserToken('ravi', 't1', '2025-01-03T00:00:00.000000Z'), false);
      assert.equal(await store.users.revokeUserToken('asha', 't1', '2025-01-03T00:00:00.000000Z'), true);
      assert.equal(await store.users.revokeUserTokens('asha', '2025-01-04T00:00:00.000000Z'), 1);
      await assert.rejects(store.users.createUserToken(token('t1', 'ravi')), code('SETU_ERR_STORE_DUPLICATE_KEY'));
      await store.close();
    });
  });

  describe('identity providers', () => {
    it('keeps one provider per organisation, replaces it, finds it by issuer, refuses an issuer another organisation holds', async () => {
      const store = await withOrgs(makeStore);
      await store.users.putIdentityProvider(provider('cert-in', 'https://idp.cert-in.example'));
      assert.deepEqual(await store.users.getIdentityProvider('cert-in'), provider('cert-in', 'https://idp.cert-in.example'));
      await store.users.putIdentityProvider({ ...provider('cert-in', 'https://sso.cert-in.example'), jit: false, defaultRole: 'reader' });
      assert.equal(await store.users.findIdentityProviderByIssuer('https://idp.cert-in.example'), undefined);
      const found = await store.users.findIdentityProviderByIssuer('https://sso.cert-in.example');
      assert.equal(found?.orgId, 'cert-in');
      assert.equal(found?.jit, false);
      assert.equal(found?.defaultRole, 'reader');
      await assert.rejects(store.users.putIdentityProvider(provider('jpcert', 'https://sso.cert-in.example')), code('SETU_ERR_STORE_DUPLICATE_KEY'));
      await assert.rejects(store.users.putIdentityProvider(provider('nowhere', 'https://x.example')), code('SETU_ERR_STORE_UNKNOWN_REFERENCE'));
      await store.close();
    });
  });
}
