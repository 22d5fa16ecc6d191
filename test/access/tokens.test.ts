import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TOKEN_PREFIX, generateTokenSecret, hashTokenSecret, newToken } from '../../src/access/index.js';

test('a new token keeps only the SHA-256 of its secret', () => {
  let n = 0;
  const { secret, record } = newToken({ orgId: 'org-1', role: 'analyst', label: 'ci', now: '2026-01-01T00:00:00.000Z', newId: () => `tok-${++n}` });
  assert.ok(secret.startsWith(TOKEN_PREFIX));
  assert.match(secret, /^setu_[A-Za-z0-9_-]{43}$/);
  assert.equal(record.secretHash, hashTokenSecret(secret));
  assert.match(record.secretHash, /^[0-9a-f]{64}$/);
  assert.ok(!JSON.stringify(record).includes(secret.slice(TOKEN_PREFIX.length)), 'the secret itself is not in the record');
  assert.deepEqual({ ...record, secretHash: 'x' }, {
    id: 'tok-1', orgId: 'org-1', role: 'analyst', label: 'ci', secretHash: 'x', createdAt: '2026-01-01T00:00:00.000Z', expiresAt: null, revokedAt: null,
  });
});

test('secrets are random and the hash is the known SHA-256', () => {
  assert.notEqual(generateTokenSecret(), generateTokenSecret());
  assert.equal(generateTokenSecret(() => new Uint8Array(32)), `setu_${'A'.repeat(43)}`);
  assert.equal(hashTokenSecret('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});
