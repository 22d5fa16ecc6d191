// `setu migrate` (copySqliteToPostgres) carries people too: users, sessions, personal tokens and
// identity providers (migration 9) arrive unchanged, referenced tables first.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copySqliteToPostgres, openSqliteStore, type Store } from '../../src/store/index.js';
import { freshUser } from '../../src/users/index.js';
import { PG_URL, SKIP_REASON, TestSchemas } from './postgres-helpers.js';

const T0 = '2026-01-01T00:00:00.000000Z';

async function people(store: Store) {
  const [user] = await store.users.listUsers();
  return {
    users: await store.users.listUsers(),
    session: await store.users.getSession('s'.repeat(64)),
    tokens: await store.users.listUserTokens(user!.id),
    provider: await store.users.getIdentityProvider('cert-in'),
  };
}

if (PG_URL === undefined) {
  test('copy SQLite to PostgreSQL: people', (t) => t.skip(SKIP_REASON));
} else {
  const url = PG_URL;
  const schemas = new TestSchemas();
  const dirs: string[] = [];
  after(async () => {
    await schemas.drop();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  test('copy SQLite to PostgreSQL: users, sessions, personal tokens and identity providers arrive unchanged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'setu-pg-copy-users-'));
    dirs.push(dir);
    const path = join(dir, 'setu.sqlite');
    const source = await openSqliteStore({ path });
    await source.createOrganisation({ id: 'cert-in', name: 'CERT-In', country: 'IN', createdAt: T0 });
    const user = freshUser({ id: 'u1', orgId: 'cert-in', role: 'analyst', displayName: 'Asha', email: 'asha@cert-in.example', language: 'hi', createdAt: T0, oidcIssuer: 'https://idp.cert-in.example', oidcSubject: 'asha' });
    await source.users.createUser({ ...user, totpSecret: 'JBSWY3DPEHPK3PXP', totpConfirmed: true, recoveryCodes: ['a'.repeat(64)] });
    await source.users.createSession({ idHash: 's'.repeat(64), userId: 'u1', csrfHash: 'c'.repeat(64), createdAt: T0, lastSeenAt: T0, revokedAt: null, method: 'oidc' });
    await source.users.createUserToken({ id: 't1', userId: 'u1', role: 'reader', label: 'feed', secretHash: 't'.repeat(64), createdAt: T0, expiresAt: '2026-02-01T00:00:00.000000Z', revokedAt: null });
    await source.users.putIdentityProvider({ orgId: 'cert-in', issuer: 'https://idp.cert-in.example', clientId: 'setu', clientSecret: null, roleClaim: 'groups', roleMap: { analysts: 'analyst' }, defaultRole: null, jit: true, updatedAt: T0 });
    const expected = await people(source);
    await source.close();

    const schema = schemas.next();
    const report = await copySqliteToPostgres({ sqlitePath: path, url, schema });
    for (const table of ['users', 'user_sessions', 'user_tokens', 'org_identity_providers']) {
      const counts = report.tables.find((t) => t.table === table);
      assert.ok(counts !== undefined && counts.source === 1 && counts.target === 1, `${table} copied: ${JSON.stringify(counts)}`);
    }
    const target = await schemas.open({ schema });
    try {
      assert.deepEqual(await people(target), expected);
    } finally {
      await target.close();
    }
  });
}
