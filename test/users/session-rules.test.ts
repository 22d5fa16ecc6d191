import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SessionRecord } from '../../src/store/index.js';
import { sessionVerdict, touchDue } from '../../src/users/index.js';

const T0 = Date.UTC(2026, 0, 1, 8, 0, 0);
const at = (ms: number) => new Date(ms).toISOString();
const session = (overrides: Partial<SessionRecord> = {}): SessionRecord => ({
  idHash: 'h', userId: 'u', csrfHash: 'c', createdAt: at(T0), lastSeenAt: at(T0), revokedAt: null, method: 'password', ...overrides,
});
const timeouts = { idleMinutes: 30, absoluteMinutes: 720 };
const live = { disabledAt: null };

test('valid until idle or absolute timeout; revocation and a disabled user end it at once', () => {
  assert.equal(sessionVerdict(session(), live, T0 + 29 * 60_000, timeouts), 'valid');
  assert.equal(sessionVerdict(session(), live, T0 + 30 * 60_000, timeouts), 'idle-timeout');
  const busy = session({ lastSeenAt: at(T0 + 719 * 60_000) });
  assert.equal(sessionVerdict(busy, live, T0 + 719 * 60_000 + 1, timeouts), 'valid');
  assert.equal(sessionVerdict(busy, live, T0 + 720 * 60_000, timeouts), 'absolute-timeout');
  assert.equal(sessionVerdict(session({ revokedAt: at(T0) }), live, T0, timeouts), 'revoked');
  assert.equal(sessionVerdict(session(), { disabledAt: at(T0) }, T0 + 1, timeouts), 'user-disabled');
});

test('lastSeenAt is written back at most once a minute', () => {
  assert.equal(touchDue(session(), T0 + 59_999), false);
  assert.equal(touchDue(session(), T0 + 60_000), true);
});
