import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTimestamp, secondsToNanos } from '../../src/pattern/timestamps.js';

test('parses to nanoseconds since the epoch without using Date', () => {
  assert.equal(parseTimestamp('1970-01-01T00:00:00Z'), 0n);
  assert.equal(parseTimestamp('1970-01-01T00:00:01.5Z'), 1_500_000_000n);
  assert.equal(parseTimestamp('2010-05-21T13:21:43.123456789Z'), 1274448103123456789n);
  assert.equal(parseTimestamp('1969-12-31T23:59:59Z'), -1_000_000_000n);
  assert.equal(parseTimestamp('2000-02-29T00:00:00Z'), BigInt(Date.UTC(2000, 1, 29)) * 1_000_000n);
});

test('rejects impossible dates and non-canonical forms', () => {
  for (const bad of ['2023-02-29T00:00:00Z', '2024-04-31T00:00:00Z', '2024-01-01T24:00:00Z', '2010-05-21t13:21:43Z', '2010-05-21T13:21:43z', '2010-05-21T13:21:43', '2010-05-21T13:21Z', '2010/05/21T13:21:43Z']) {
    assert.equal(parseTimestamp(bad), undefined, bad);
  }
});

test('seconds become nanoseconds at microsecond precision', () => {
  assert.equal(secondsToNanos(1), 1_000_000_000n);
  assert.equal(secondsToNanos(0.0001), 100_000n);
});
