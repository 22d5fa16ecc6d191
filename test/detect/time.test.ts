// Event times: RFC 3339 with Z, offsets (Suricata's +0000), none; Zeek epoch seconds; printing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMicros, parseEventTime } from '../../src/detect/index.js';

const T = Date.parse('2026-11-27T00:00:01Z') * 1000;

test('parses the time forms logs use, to microseconds', () => {
  assert.equal(parseEventTime('2026-11-27T00:00:01Z'), T);
  assert.equal(parseEventTime('2026-11-27T00:00:01.123456789Z'), T + 123456);
  assert.equal(parseEventTime('2026-11-27T09:00:01.5+0900'), T + 500000);
  assert.equal(parseEventTime('2026-11-26T23:00:01-01:00'), T);
  assert.equal(parseEventTime('2026-11-27 00:00:01'), T);
  assert.equal(parseEventTime('1795737601.250000'), T + 250000);
  assert.equal(parseEventTime(1795737601.25), T + 250000);
  for (const bad of ['yesterday', '2026-13-01T00:00:00Z', '', '-1', undefined, null, -5]) assert.equal(parseEventTime(bad), undefined, String(bad));
});

test('prints STIX timestamps with microseconds', () => {
  assert.equal(formatMicros(T + 123456), '2026-11-27T00:00:01.123456Z');
  assert.equal(formatMicros(T), '2026-11-27T00:00:01.000000Z');
});
