// calendar.ts: hours are elapsed time; "within N days from the day of knowing" is counted in the
// authority's zone with the day of knowing as day 1, due at 00:00 of day N+1 there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dueAfter, inZone } from '../../src/incidents/index.js';

const ms = (s: string) => Date.parse(s);
const iso = (n: number) => new Date(n).toISOString();

test('hours are elapsed time, across midnight and month ends', () => {
  assert.equal(iso(dueAfter(ms('2026-01-31T21:00:00+05:30'), { kind: 'hours', hours: 6 })), '2026-01-31T21:30:00.000Z');
  assert.equal(inZone(dueAfter(ms('2026-01-31T21:00:00+05:30'), { kind: 'hours', hours: 6 }), 'Asia/Kolkata'), '2026-02-01T03:00:00+05:30');
});

test('30 days in JST: the day of knowing is day 1, due at 00:00 JST of day 31', () => {
  const days30 = { kind: 'calendar-days', days: 30, zone: 'Asia/Tokyo' } as const;
  assert.equal(inZone(dueAfter(ms('2026-04-01T10:00:00+09:00'), days30), 'Asia/Tokyo'), '2026-05-01T00:00:00+09:00');
  // Any time of the same JST day gives the same due time: 00:00:00 and 23:59:59.
  assert.equal(dueAfter(ms('2026-04-01T00:00:00+09:00'), days30), dueAfter(ms('2026-04-01T23:59:59+09:00'), days30));
  // One second later is the next JST day: the due time moves a whole day.
  assert.equal(dueAfter(ms('2026-04-02T00:00:00+09:00'), days30) - dueAfter(ms('2026-04-01T23:59:59+09:00'), days30), 86_400_000);
  // An awareness recorded in UTC on 31 March at 15:30Z is already 1 April in Japan.
  assert.equal(inZone(dueAfter(ms('2026-03-31T15:30:00Z'), days30), 'Asia/Tokyo'), '2026-05-01T00:00:00+09:00');
  assert.equal(inZone(dueAfter(ms('2026-03-31T14:59:59Z'), days30), 'Asia/Tokyo'), '2026-04-30T00:00:00+09:00');
});

test('60 days across a leap day', () => {
  const days60 = { kind: 'calendar-days', days: 60, zone: 'Asia/Tokyo' } as const;
  assert.equal(inZone(dueAfter(ms('2028-01-15T12:00:00+09:00'), days60), 'Asia/Tokyo'), '2028-03-15T00:00:00+09:00');
});

test('display in IST, JST and UTC', () => {
  const t = ms('2026-12-06T00:00:00Z');
  assert.equal(inZone(t, 'Asia/Kolkata'), '2026-12-06T05:30:00+05:30');
  assert.equal(inZone(t, 'Asia/Tokyo'), '2026-12-06T09:00:00+09:00');
  assert.equal(inZone(t, 'UTC'), '2026-12-06T00:00:00Z');
});
