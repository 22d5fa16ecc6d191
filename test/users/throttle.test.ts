import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSignInThrottle } from '../../src/users/index.js';

test('5 failures lock the account for the rest of the 15-minute window; success clears the account only', () => {
  let now = 0;
  const throttle = createSignInThrottle(() => now);
  for (let i = 0; i < 4; i += 1) throttle.fail('Asha@x', '10.0.0.1');
  assert.equal(throttle.check('asha@x', '10.0.0.2').allowed, true);
  throttle.fail('asha@x', '10.0.0.1');
  const locked = throttle.check('asha@x', '10.0.0.2');
  assert.deepEqual(locked, { allowed: false, retryAfterSeconds: 900, by: 'account' });
  now = 10 * 60_000;
  assert.equal(throttle.check('asha@x', '10.0.0.2').retryAfterSeconds, 300);
  now = 15 * 60_000;
  assert.equal(throttle.check('asha@x', '10.0.0.2').allowed, true);
  throttle.fail('ravi@x', '10.0.0.9');
  throttle.succeed('ravi@x');
  for (let i = 0; i < 4; i += 1) throttle.fail('ravi@x', '10.0.0.9');
  assert.equal(throttle.check('ravi@x', '10.0.0.9').allowed, true, 'the success cleared the earlier failure');
});

test('20 failures from one address lock the address for every account', () => {
  const throttle = createSignInThrottle(() => 0);
  for (let i = 0; i < 20; i += 1) throttle.fail(`user${i}@x`, '192.0.2.7');
  assert.equal(throttle.check('someone@x', '192.0.2.7').by, 'address');
  assert.equal(throttle.check('someone@x', '192.0.2.8').allowed, true);
});
