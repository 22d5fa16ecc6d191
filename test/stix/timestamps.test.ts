import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isStixTimestamp, normalizeTimestamp, objectVersion } from '../../src/stix/index.js';
import { timestampProblem, compareTimestamps, hasMillisecondPrecision } from '../../src/stix/timestamps.js';
import { SetuError } from '../../src/errors/index.js';

test('RFC 3339 UTC timestamps with any fraction are accepted', () => {
  for (const ok of ['2016-04-06T20:03:48Z', '2016-04-06T20:03:48.000Z', '2016-04-06T20:03:48.123456789Z', '2016-12-31T23:59:60Z', '2016-02-29T00:00:00Z']) {
    assert.ok(isStixTimestamp(ok), ok);
  }
});

test('shape errors and calendar errors are told apart', () => {
  assert.equal(timestampProblem('2016-13-12T08:17:27.000Z'), 'format');
  assert.equal(timestampProblem('2016-03-42T08:17:27.000Z'), 'format');
  assert.equal(timestampProblem('2016-03-12T99:17:27.000Z'), 'format');
  assert.equal(timestampProblem('2016-03-12T08:17:27.000+01:00'), 'format');
  assert.equal(timestampProblem('2016-03-12 08:17:27Z'), 'format');
  assert.equal(timestampProblem('2017-02-29T08:17:27.000Z'), 'calendar');
  assert.equal(timestampProblem('2016-11-31T08:17:27.000Z'), 'calendar');
  assert.equal(timestampProblem('1900-02-29T00:00:00Z'), 'calendar');
  assert.equal(timestampProblem('2000-02-29T00:00:00Z'), null);
});

test('normalizeTimestamp pads or truncates to microseconds', () => {
  assert.equal(normalizeTimestamp('2016-04-06T20:03:48Z'), '2016-04-06T20:03:48.000000Z');
  assert.equal(normalizeTimestamp('2016-04-06T20:03:48.1Z'), '2016-04-06T20:03:48.100000Z');
  assert.equal(normalizeTimestamp('2016-04-06T20:03:48.123456789Z'), '2016-04-06T20:03:48.123456Z');
  assert.throws(() => normalizeTimestamp('yesterday'), (e: unknown) => e instanceof SetuError && e.code === 'SETU_ERR_STIX_BAD_TIMESTAMP');
});

test('compareTimestamps orders across precisions', () => {
  assert.equal(compareTimestamps('2016-04-06T20:03:48.000Z', '2016-04-06T20:03:48.000123Z'), -1);
  assert.equal(compareTimestamps('2016-04-06T20:03:48Z', '2016-04-06T20:03:48.000Z'), 0);
  assert.equal(compareTimestamps('2016-04-07T00:00:00Z', '2016-04-06T23:59:59.999999Z'), 1);
});

test('millisecond precision and objectVersion', () => {
  assert.ok(hasMillisecondPrecision('2016-04-06T20:03:48.000Z'));
  assert.equal(hasMillisecondPrecision('2016-04-06T20:03:48Z'), false);
  assert.equal(objectVersion({ created: 'a', modified: 'b' }), 'b');
  assert.equal(objectVersion({ created: 'a' }), 'a');
  assert.equal(objectVersion({ type: 'ipv4-addr' }), null);
});
