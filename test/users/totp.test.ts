import { test } from 'node:test';
import assert from 'node:assert/strict';
import { totpCode, totpStep, totpUri } from '../../src/users/index.js';

// RFC 6238 Appendix B, SHA-1 seed "12345678901234567890" in base32; the RFC's 8-digit codes end in these 6.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

test('codes match RFC 6238 test vectors (last 6 digits)', () => {
  assert.equal(totpCode(RFC_SECRET, 59_000), '287082');
  assert.equal(totpCode(RFC_SECRET, 1111111109_000), '081804');
  assert.equal(totpCode(RFC_SECRET, 1234567890_000), '005924');
});

test('a code is accepted in its step and the ones either side, and names its step', () => {
  const now = 1234567890_000;
  const step = Math.floor(now / 30_000);
  assert.equal(totpStep(RFC_SECRET, totpCode(RFC_SECRET, now), now), step);
  assert.equal(totpStep(RFC_SECRET, totpCode(RFC_SECRET, now - 30_000), now), step - 1);
  assert.equal(totpStep(RFC_SECRET, totpCode(RFC_SECRET, now + 30_000), now), step + 1);
  assert.equal(totpStep(RFC_SECRET, totpCode(RFC_SECRET, now - 90_000), now), undefined);
  assert.equal(totpStep(RFC_SECRET, 'abcdef', now), undefined);
  assert.match(totpUri(RFC_SECRET, 'asha@cert-in.example', 'Setu'), /^otpauth:\/\/totp\/Setu:asha%40cert-in\.example\?.*secret=GEZDGNBVGY3TQOJQ/);
});
