import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRateLimiter } from '../../src/taxii/rate-limit.js';

test('a fixed one-minute budget per key', () => {
  let now = 120_000 + 10_500;
  const limiter = createRateLimiter({ perMinute: 2, clock: () => now });
  assert.equal(limiter.take('a').allowed, true);
  assert.equal(limiter.take('a').allowed, true);
  assert.deepEqual(limiter.take('a'), { allowed: false, retryAfterSeconds: 50 });
  assert.equal(limiter.take('b').allowed, true);
  now = 179_999;
  assert.deepEqual(limiter.take('a'), { allowed: false, retryAfterSeconds: 1 });
  now = 180_000;
  assert.equal(limiter.take('a').allowed, true);
});
