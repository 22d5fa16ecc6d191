// Canonical IP text and CIDR containment: a search for an address probes every block that covers
// it, and the property checks that against a bit computation on bigints for random addresses
// and blocks (IPv4 and IPv6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { coveringTerms, ipTerm, keyString, searchKeysFor } from '../../src/search/index.js';
import { parseIp } from '../../src/detect/index.js';

test('addresses and blocks get one canonical text', () => {
  const cases: [string, string, string][] = [
    ['203.0.113.45', 'ipv4', '203.0.113.45'],
    ['203.0.113.45/24', 'cidr4', '203.0.113.0/24'],
    ['203.0.113.45/32', 'ipv4', '203.0.113.45'],
    ['0.0.0.0/0', 'cidr4', '0.0.0.0/0'],
    ['2001:DB8:0:0:0:0:0:1', 'ipv6', '2001:db8::1'],
    ['2001:0db8:0000:0001:0000:0000:0000:0001', 'ipv6', '2001:db8:0:1::1'],
    ['2001:db8:0:0:1:0:0:1', 'ipv6', '2001:db8::1:0:0:1'],
    ['2001:db8::1:0:0:0:1/128', 'ipv6', '2001:db8:0:1::1'],
    ['2001:db8:abcd:12:ffff::1/48', 'cidr6', '2001:db8:abcd::/48'],
    ['::', 'ipv6', '::'],
    ['::ffff:192.0.2.1', 'ipv6', '::ffff:192.0.2.1'],
    ['::FFFF:c000:0201', 'ipv6', '::ffff:192.0.2.1'],
    ['1:2:3:4:5:6:7:8', 'ipv6', '1:2:3:4:5:6:7:8'],
  ];
  for (const [text, kind, value] of cases) assert.deepEqual(ipTerm(text), { kind, value }, text);
  for (const bad of ['1.2.3', '01.2.3.4', '1.2.3.4/33', '2001:db8::1::2', 'bad.example', '']) assert.equal(ipTerm(bad), undefined, bad);
});

test('a search for 203.0.113.45 probes 203.0.113.0/24 and every other covering block, /0 to /32', () => {
  const keys = searchKeysFor('203.0.113.45');
  assert.equal(keys.length, 33);
  const strings = new Set(keys.map(keyString));
  for (const key of ['ipv4\t203.0.113.45', 'cidr4\t203.0.113.0/24', 'cidr4\t203.0.112.0/20', 'cidr4\t0.0.0.0/0', 'cidr4\t203.0.113.44/31']) assert.ok(strings.has(key), key);
  assert.ok(!strings.has('cidr4\t203.0.114.0/24'));
  assert.equal(searchKeysFor('2001:db8::1').length, 129);
  // A block finds the blocks that contain it, itself included, and none inside it.
  const block = new Set(searchKeysFor('203.0.113.0/24').map(keyString));
  assert.equal(block.size, 25);
  assert.ok(block.has('cidr4\t203.0.113.0/24') && block.has('cidr4\t203.0.0.0/16'));
  assert.ok(!block.has('cidr4\t203.0.113.0/25'));
});

const toBig = (words: readonly number[]): bigint => words.reduce((n, w) => (n << 32n) | BigInt(w >>> 0), 0n);

/** The reference: block (b, p) contains address a iff their first p bits are equal. */
function contains(block: bigint, prefix: number, address: bigint, width: number): boolean {
  const shift = BigInt(width - prefix);
  return block >> shift === address >> shift;
}

function v4Text(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

function v6Text(words: readonly number[]): string {
  return words.flatMap((w) => [(w >>> 16).toString(16), (w & 0xffff).toString(16)]).join(':');
}

test('IPv4: a stored block is among the keys of an address exactly when the block contains it', () => {
  fc.assert(
    fc.property(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 32 }), (address, blockBase, prefix, shared) => {
      // Half the time the block is built to share `shared` leading bits with the address.
      const mask = shared === 0 ? 0 : (0xffffffff << (32 - shared)) >>> 0;
      const base = ((address & mask) | (blockBase & ~mask)) >>> 0;
      const stored = ipTerm(`${v4Text(base)}/${prefix}`);
      assert.ok(stored !== undefined);
      const keys = new Set(searchKeysFor(v4Text(address)).map(keyString));
      assert.equal(keys.has(keyString(stored)), contains(BigInt(base), prefix, BigInt(address), 32));
    }),
    { numRuns: 2000 },
  );
});

test('IPv6: the same, on 128-bit addresses', () => {
  const word = fc.nat({ max: 0xffffffff });
  fc.assert(
    fc.property(fc.tuple(word, word, word, word), fc.tuple(word, word, word, word), fc.integer({ min: 0, max: 128 }), fc.boolean(), (address, other, prefix, near) => {
      const addressBig = toBig(address);
      // near: the block shares the address's first `prefix` bits, so it contains it.
      const base = near ? toBig(address.map((w, i) => (i < 2 ? w : other[i] as number))) : toBig(other);
      const words = [96n, 64n, 32n, 0n].map((s) => Number((base >> s) & 0xffffffffn));
      const stored = ipTerm(`${v6Text(words)}/${prefix}`);
      assert.ok(stored !== undefined);
      const keys = new Set(searchKeysFor(v6Text(address)).map(keyString));
      assert.equal(keys.has(keyString(stored)), contains(base, prefix, addressBig, 128));
    }),
    { numRuns: 1000 },
  );
});

test('canonical IPv6 text agrees with the WHATWG URL serialiser (RFC 5952 compression) and round-trips', () => {
  const group = fc.oneof(fc.constant(0), fc.constant(0), fc.nat({ max: 0xffff }));
  fc.assert(
    fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), (groups) => {
      const text = groups.map((g) => g.toString(16)).join(':');
      const term = ipTerm(text);
      assert.ok(term !== undefined && term.kind === 'ipv6');
      const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
      if (!mapped) assert.equal(term.value, new URL(`http://[${text}]/`).hostname.slice(1, -1));
      assert.deepEqual(ipTerm(term.value), term);
    }),
    { numRuns: 2000 },
  );
});

test('coveringTerms lists prefixes 0..p of the block, in order', () => {
  const parsed = parseIp('198.51.100.7/26');
  assert.ok(parsed !== undefined);
  const terms = coveringTerms(parsed);
  assert.equal(terms.length, 27);
  assert.deepEqual(terms[0], { kind: 'cidr4', value: '0.0.0.0/0' });
  assert.deepEqual(terms[26], { kind: 'cidr4', value: '198.51.100.0/26' });
});
