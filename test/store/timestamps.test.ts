import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatMicros, nextDateAddedMicros, parseMicros, toMicrosKey } from '../../src/store/timestamps.js';
import { specRank, versionKey, UNVERSIONED_KEY } from '../../src/store/keys.js';

describe('toMicrosKey', () => {
  it('normalises any fractional precision to exactly six digits', () => {
    assert.equal(toMicrosKey('2016-12-25T12:30:59Z'), '2016-12-25T12:30:59.000000Z');
    assert.equal(toMicrosKey('2016-12-25T12:30:59.444Z'), '2016-12-25T12:30:59.444000Z');
    assert.equal(toMicrosKey('2016-12-25T12:30:59.123456789Z'), '2016-12-25T12:30:59.123456Z');
    assert.equal(toMicrosKey('2016-12-25t12:30:59.5z'), '2016-12-25T12:30:59.500000Z');
  });
  it('rejects what is not an RFC 3339 UTC instant', () => {
    for (const bad of ['', 'yesterday', '2016-12-25', '2016-12-25T12:30:59', '2016-12-25T12:30:59+01:00', '2016-13-01T00:00:00Z', '2016-02-30T00:00:00Z', '2016-12-25T24:00:00Z', '2016-12-25T12:60:00Z', '2016-12-25T12:30:59.Z']) {
      assert.equal(toMicrosKey(bad), undefined, bad);
    }
    assert.equal(toMicrosKey('2016-02-29T00:00:00Z'), '2016-02-29T00:00:00.000000Z', 'leap day');
  });
  it('orders lexically as time (property)', () => {
    fc.assert(
      // whole microseconds from 1970 up to the year 2255 (the safe-integer range)
      fc.property(fc.integer({ min: 0, max: 9e15 }), fc.integer({ min: 0, max: 9e15 }), (a, b) => {
        const ka = formatMicros(a);
        const kb = formatMicros(b);
        assert.equal(ka < kb, a < b);
        assert.equal(parseMicros(ka), a);
        assert.equal(toMicrosKey(ka), ka);
      }),
    );
  });
});

describe('date_added allocation', () => {
  it('takes the clock when it is ahead, else previous + 1µs', () => {
    assert.equal(nextDateAddedMicros(0, 1_000), 1_000_000);
    assert.equal(nextDateAddedMicros(1_000_000, 1_000), 1_000_001);
    assert.equal(nextDateAddedMicros(5_000_000, 1_000), 5_000_001, 'clock behind');
    assert.equal(nextDateAddedMicros(1_000_000, 1_000.5), 1_000_500, 'sub-millisecond clocks keep their microseconds');
    assert.equal(formatMicros(Date.UTC(2025, 0, 1) * 1000 + 7), '2025-01-01T00:00:00.000007Z');
  });
});

describe('index keys', () => {
  it('ranks spec versions numerically', () => {
    assert.ok(specRank('2.1') > specRank('2.0'));
    assert.ok(specRank('2.10') > specRank('2.9'));
    assert.equal(specRank('two'), 0);
  });
  it('keys unversioned objects by a sentinel and versions by instant', () => {
    assert.equal(versionKey(null), UNVERSIONED_KEY);
    assert.equal(versionKey('2020-01-01T00:00:00Z'), versionKey('2020-01-01T00:00:00.000Z'));
    assert.equal(versionKey('soon'), undefined);
  });
});
