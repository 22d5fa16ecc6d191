import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authenticate, hashTokenSecret, parseAuthorization } from '../../src/access/index.js';
import type { TokenRecord } from '../../src/store/index.js';

const SECRET = 'setu_secret-value_123';
const token: TokenRecord = {
  id: 'tok-1', orgId: 'org-in', role: 'analyst', label: null, secretHash: hashTokenSecret(SECRET),
  createdAt: '2026-01-01T00:00:00.000Z', expiresAt: null, revokedAt: null,
};
const NOW = '2026-06-01T00:00:00.000000Z';

function deps(record: TokenRecord | undefined = token) {
  const seen: string[] = [];
  return {
    seen,
    findTokenByHash: async (hash: string) => {
      seen.push(hash);
      return record !== undefined && hash === record.secretHash ? record : undefined;
    },
    now: NOW,
  };
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => (error as { code?: string }).code === code);
}

test('Bearer and Basic (token as password, any user) give the same principal', async () => {
  const expected = { tokenId: 'tok-1', orgId: 'org-in', role: 'analyst' };
  assert.deepEqual(await authenticate(`Bearer ${SECRET}`, deps()), expected);
  assert.deepEqual(await authenticate(`bearer   ${SECRET}`, deps()), expected);
  assert.deepEqual(await authenticate(basic('anyone', SECRET), deps()), expected);
  assert.deepEqual(await authenticate(basic('', SECRET), deps()), expected);
});

test('only the hash of the presented secret is looked up', async () => {
  const d = deps();
  await authenticate(`Bearer ${SECRET}`, d);
  assert.deepEqual(d.seen, [hashTokenSecret(SECRET)]);
});

test('missing, malformed, unknown, revoked and expired credentials are typed errors', async () => {
  await rejectsWith(authenticate(undefined, deps()), 'SETU_ERR_ACCESS_NO_CREDENTIALS');
  await rejectsWith(authenticate('   ', deps()), 'SETU_ERR_ACCESS_NO_CREDENTIALS');
  await rejectsWith(authenticate('Bearer', deps()), 'SETU_ERR_ACCESS_BAD_CREDENTIALS');
  await rejectsWith(authenticate('Bearer a b', deps()), 'SETU_ERR_ACCESS_BAD_CREDENTIALS');
  await rejectsWith(authenticate(`Digest ${SECRET}`, deps()), 'SETU_ERR_ACCESS_BAD_CREDENTIALS');
  await rejectsWith(authenticate(`Basic ${Buffer.from('no-colon').toString('base64')}`, deps()), 'SETU_ERR_ACCESS_BAD_CREDENTIALS');
  await rejectsWith(authenticate(basic('user', ''), deps()), 'SETU_ERR_ACCESS_BAD_CREDENTIALS');
  await rejectsWith(authenticate('Bearer setu_wrong', deps()), 'SETU_ERR_ACCESS_UNKNOWN_TOKEN');
  await rejectsWith(authenticate(`Bearer ${SECRET}`, deps({ ...token, revokedAt: '2026-02-01T00:00:00.000Z' })), 'SETU_ERR_ACCESS_TOKEN_REVOKED');
  await rejectsWith(authenticate(`Bearer ${SECRET}`, deps({ ...token, expiresAt: '2026-06-01T00:00:00.000Z' })), 'SETU_ERR_ACCESS_TOKEN_EXPIRED');
  assert.deepEqual(await authenticate(`Bearer ${SECRET}`, deps({ ...token, expiresAt: '2026-06-01T00:00:00.001Z' })), { tokenId: 'tok-1', orgId: 'org-in', role: 'analyst' });
});

test('parseAuthorization returns scheme and secret', () => {
  assert.deepEqual(parseAuthorization('Bearer abc'), { scheme: 'bearer', secret: 'abc' });
  assert.deepEqual(parseAuthorization(basic('u', 'p:with:colons')), { scheme: 'basic', secret: 'p:with:colons' });
});
