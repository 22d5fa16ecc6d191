import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RECOVERY_CODE_COUNT, sha256 } from '../../src/users/index.js';
import { normaliseRecoveryCode, personalTokenSecret, recoveryCodes } from '../../src/users/secrets.js';

test('recovery codes: ten distinct xxxx-xxxx-xxxx codes, compared without case, spaces or dashes', () => {
  const codes = recoveryCodes();
  assert.equal(codes.length, RECOVERY_CODE_COUNT);
  assert.equal(new Set(codes).size, RECOVERY_CODE_COUNT);
  for (const code of codes) assert.match(code, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  assert.equal(normaliseRecoveryCode(' K3XQ 9M2F-p7wd '), 'k3xq-9m2f-p7wd');
});

test('personal token secrets say what they are; only their SHA-256 is kept', () => {
  const secret = personalTokenSecret();
  assert.match(secret, /^setu_p_[A-Za-z0-9_-]{43}$/);
  assert.equal(sha256(secret).length, 64);
});
