// parseIp / ipVersionOf accept exactly what pattern/ accepts as an IP block: the property runs
// random address-like strings through both (pattern/ via ISSUBSET against the whole space).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compilePattern, matchPattern, parsePattern } from '../../src/pattern/index.js';
import { ipVersionOf, parseIp } from '../../src/detect/ip.js';

function patternAccepts(value: string, whole: string): boolean {
  const parsed = parsePattern(`[x-ip:value ISSUBSET '${whole}']`);
  assert.ok(parsed.ok);
  const od = { id: 'observed-data--1', first_observed: '2026-01-01T00:00:00Z', last_observed: '2026-01-01T00:00:00Z', number_observed: 1, objects: { '0': { type: 'x-ip', value } } };
  return matchPattern(compilePattern(parsed.ast), [od], new Map()).matched;
}

test('parses IPv4 and IPv6 addresses and blocks into 32-bit words', () => {
  assert.deepEqual(parseIp('198.51.100.7'), { version: 4, words: [0xc6336407], prefix: 32 });
  assert.deepEqual(parseIp('198.51.100.0/24'), { version: 4, words: [0xc6336400], prefix: 24 });
  assert.deepEqual(parseIp('2001:db8::1/64'), { version: 6, words: [0x20010db8, 0, 0, 1], prefix: 64 });
  assert.deepEqual(parseIp('::ffff:198.51.100.7'), { version: 6, words: [0, 0, 0xffff, 0xc6336407], prefix: 128 });
  for (const bad of ['01.2.3.4', '1.2.3', '256.1.1.1', '1.2.3.4/33', '1.2.3.4/', '2001:db8::1::2', '2001:db8::/129', 'g::1', '', 'evil.example']) {
    assert.equal(parseIp(bad), undefined, bad);
  }
});

test('ipVersionOf is for bare addresses (no prefix)', () => {
  assert.equal(ipVersionOf('192.0.2.1'), 4);
  assert.equal(ipVersionOf('2001:db8::1'), 6);
  assert.equal(ipVersionOf('192.0.2.0/24'), 0);
  assert.equal(ipVersionOf('www.example'), 0);
});

const ipish = fc.stringMatching(/^[0-9a-fA-F:.\/]{0,24}$/);
const near = fc.oneof(
  fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(300), fc.option(fc.nat(40))).map(([a, b, c, d, p]) => `${a}.${b}.${c}.${d}${p === null ? '' : `/${p}`}`),
  fc.tuple(fc.array(fc.stringMatching(/^[0-9a-f]{0,5}$/), { minLength: 1, maxLength: 9 }), fc.option(fc.nat(140))).map(([groups, p]) => `${groups.join(':')}${p === null ? '' : `/${p}`}`),
  fc.tuple(fc.array(fc.stringMatching(/^[0-9a-f]{1,4}$/), { maxLength: 6 }), fc.nat(255)).map(([groups, x]) => `${groups.join(':')}::ffff:192.0.2.${x}`),
);

test('accepts exactly what pattern/ accepts (property)', () => {
  fc.assert(
    fc.property(fc.oneof(ipish, near), (text) => {
      const parsed = parseIp(text);
      const asV4 = patternAccepts(text, '0.0.0.0/0');
      const asV6 = patternAccepts(text, '::/0');
      assert.equal(parsed !== undefined, asV4 || asV6, text);
      if (parsed !== undefined) assert.equal(parsed.version === 4, asV4, text);
    }),
    { numRuns: 2000, seed: 42 },
  );
});
