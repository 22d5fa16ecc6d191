// The index must select exactly what the general matcher matches. Property: for random indicator
// sets (equality on IPs, domains, URLs, hashes and through _ref; IN sets; CIDR v4/v6 blocks with
// host bits and odd prefixes; negations, LIKE and ordering that cannot be indexed; AND/OR inside
// and between observations; qualifiers) and random events (including malformed IP strings and
// non-normalised names), the ids matchEvent returns equal the ids whose pattern, compiled by
// pattern/ after the same literal normalisation, matches the event as one observed-data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compilePattern, matchPattern, parsePattern } from '../../src/pattern/index.js';
import { isSetuError } from '../../src/errors/index.js';
import { IndicatorSet, matchEvent, observedDataOf, rewriteLiterals } from '../../src/detect/index.js';
import type { DetectEvent, Sco } from '../../src/detect/index.js';

const IPV4 = ['198.51.100.7', '198.51.100.200', '203.0.113.5', '203.0.113.130', '10.0.0.1', '0.0.0.0', '255.255.255.255', '01.2.3.4', '198.51.100.7/24', '198.51.100.7/33', '1.2.3', '198.51.100.07'];
const IPV6 = ['2001:db8::1', '2001:DB8::1', '2001:db8:0:0:0:0:0:1', '::', '::ffff:198.51.100.7', '2001:db8::/32', '2001:db8:bad::5', '2001:db8::1/64', '::1', '2001:db8::1::2', 'fe80::1', '2001:db8:bad:0:0:0:0:5'];
const DOMAINS = ['evil.example', 'EVIL.example', 'evil.example.', 'a.evil.example', 'good.example'];
const URLS = ['http://evil.example/x', 'HTTP://Evil.Example:80/x', 'http://evil.example', 'http://evil.example/', 'https://evil.example:443/X'];
const MD5 = ['44d88612fea8a8f36de82e1278abb02f', '44D88612FEA8A8F36DE82E1278ABB02F', 'd41d8cd98f00b204e9800998ecf8427e'];
const PORTS = [22, 53, 443, 8080];

const quote = (s: string): string => `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);
const octet = fc.constantFrom(0, 7, 51, 100, 113, 130, 198, 203, 255);
const cidr4 = fc.tuple(octet, octet, octet, octet, fc.integer({ min: 0, max: 32 })).map(([a, b, c, d, p]) => `${a}.${b}.${c}.${d}/${p}`);
const cidr6 = fc.tuple(pick(['2001:db8', '2001:db8:bad', '::ffff:198.51.100.0', '2001:db8::1', '::']), fc.integer({ min: 0, max: 128 })).map(([a, p]) => `${a.includes('::') ? a : `${a}::`}/${p}`);

const comparison: fc.Arbitrary<string> = fc.oneof(
  pick(IPV4).map((v) => `ipv4-addr:value = ${quote(v)}`),
  pick(IPV6).map((v) => `ipv6-addr:value = ${quote(v)}`),
  pick(DOMAINS).map((v) => `domain-name:value = ${quote(v)}`),
  pick(URLS).map((v) => `url:value = ${quote(v)}`),
  pick(MD5).map((v) => `file:hashes.MD5 = ${quote(v)}`),
  pick(MD5).map((v) => `file:hashes.'SHA-256' = ${quote(v)}`),
  pick(IPV4).map((v) => `network-traffic:dst_ref.value = ${quote(v)}`),
  fc.uniqueArray(pick(DOMAINS), { minLength: 1, maxLength: 3 }).map((vs) => `domain-name:value IN (${vs.map(quote).join(', ')})`),
  cidr4.map((v) => `ipv4-addr:value ISSUBSET ${quote(v)}`),
  cidr6.map((v) => `ipv6-addr:value ISSUBSET ${quote(v)}`),
  cidr6.map((v) => `ipv4-addr:value ISSUBSET ${quote(v)}`),
  cidr4.map((v) => `network-traffic:dst_ref.value ISSUBSET ${quote(v)}`),
  cidr4.map((v) => `ipv4-addr:value ISSUPERSET ${quote(v)}`),
  pick(IPV4).map((v) => `ipv4-addr:value NOT = ${quote(v)}`),
  pick(DOMAINS).map((v) => `domain-name:value != ${quote(v)}`),
  pick(['%evil%', 'http://%', '%.example']).map((v) => `url:value LIKE ${quote(v)}`),
  pick(PORTS).map((p) => `network-traffic:dst_port > ${p}`),
  pick(PORTS).map((p) => `network-traffic:dst_port = ${p}`),
  fc.constant('EXISTS file:name'),
);

const comparisonExpression = fc
  .tuple(comparison, fc.array(fc.tuple(pick([' AND ', ' OR ']), comparison), { maxLength: 2 }))
  .map(([first, rest]) => `[${first}${rest.map(([op, c]) => op + c).join('')}]`);

const complexPattern = fc
  .tuple(comparisonExpression, fc.array(fc.tuple(pick([' AND ', ' OR ', ' FOLLOWEDBY ']), comparisonExpression), { maxLength: 1 }), pick(['', ' WITHIN 60 SECONDS', ' REPEATS 2 TIMES', " START t'2026-01-01T00:00:00Z' STOP t'2027-01-01T00:00:00Z'"]))
  .map(([first, rest, qualifier]) => {
    const body = first + rest.map(([op, o]) => op + o).join('');
    return qualifier === '' ? body : `(${body})${qualifier}`;
  });

const patternText = fc.oneof({ weight: 3, arbitrary: comparison.map((c) => `[${c}]`) }, { weight: 2, arbitrary: complexPattern });

const sco: fc.Arbitrary<Sco> = fc.oneof(
  pick(IPV4).map((value) => ({ type: 'ipv4-addr', value })),
  pick(IPV6).map((value) => ({ type: 'ipv6-addr', value })),
  pick(DOMAINS).map((value) => ({ type: 'domain-name', value })),
  pick(URLS).map((value) => ({ type: 'url', value })),
  fc.tuple(pick(MD5), pick(MD5)).map(([md5, sha]) => ({ type: 'file', hashes: { MD5: md5, 'SHA-256': sha } })),
  fc.constant({ type: 'file', name: 'payload.bin' }),
);

const event: fc.Arbitrary<DetectEvent> = fc
  .tuple(fc.array(sco, { minLength: 1, maxLength: 4 }), fc.option(fc.tuple(fc.nat(5), pick(PORTS))))
  .map(([scos, traffic]) => {
    const list: Sco[] = [...scos];
    if (traffic !== null) list.push({ type: 'network-traffic', protocols: ['tcp'], dst_ref: String(traffic[0] % scos.length), dst_port: traffic[1] });
    return { time: Date.parse('2026-11-27T00:00:00Z') * 1000, scos: list, source: 'generated', line: 1 };
  });

function bruteForce(patterns: readonly string[], ev: DetectEvent): string[] {
  const matched: string[] = [];
  patterns.forEach((text, i) => {
    const parsed = parsePattern(text);
    if (!parsed.ok) return;
    try {
      const compiled = compilePattern(rewriteLiterals(parsed.ast));
      if (matchPattern(compiled, [observedDataOf(ev, 'observed-data--1')], new Map()).matched) matched.push(idOf(i));
    } catch (error) {
      if (!isSetuError(error)) throw error;
    }
  });
  return matched.sort();
}

const idOf = (i: number): string => `indicator--00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

function setOf(patterns: readonly string[]): IndicatorSet {
  const set = new IndicatorSet(() => Date.parse('2026-11-27T00:00:00Z'));
  patterns.forEach((pattern, i) => {
    set.upsert({ type: 'indicator', id: idOf(i), created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z', pattern, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z' });
  });
  return set;
}

test('indexed selection equals brute-force matching with the general matcher', () => {
  let hits = 0;
  let indexedHits = 0;
  fc.assert(
    fc.property(fc.array(patternText, { minLength: 1, maxLength: 25 }), fc.array(event, { minLength: 1, maxLength: 6 }), (patterns, events) => {
      const set = setOf(patterns);
      for (const ev of events) {
        const expected = bruteForce(patterns, ev);
        const actual = matchEvent(set, ev);
        assert.deepEqual(actual, expected, `event ${JSON.stringify(ev.scos)}`);
        hits += expected.length;
        indexedHits += actual.filter((id) => set.get(id)?.plan.exact).length;
      }
    }),
    { numRuns: 600, seed: 20261127 },
  );
  console.log(`# ${hits} matches, ${indexedHits} decided by the index alone`);
  assert.ok(hits > 300, `the generators produce matches (${hits})`);
  assert.ok(indexedHits > 100, `and many are decided by the index alone (${indexedHits})`);
});

test('the same holds after random removals and re-insertions (incremental index maintenance)', () => {
  fc.assert(
    fc.property(fc.array(patternText, { minLength: 2, maxLength: 20 }), fc.array(fc.nat(19)), fc.array(event, { minLength: 1, maxLength: 4 }), (patterns, removals, events) => {
      const set = setOf(patterns);
      const removed = new Set(removals.filter((i) => i < patterns.length));
      for (const i of removed) set.remove(idOf(i));
      // Re-insert every other removed indicator under a newer version.
      const back = [...removed].filter((_, k) => k % 2 === 0);
      for (const i of back) {
        set.upsert({ type: 'indicator', id: idOf(i), created: '2026-01-01T00:00:00Z', modified: '2026-02-01T00:00:00Z', pattern: patterns[i] as string, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z' });
      }
      const gone = new Set([...removed].filter((i) => !back.includes(i)).map(idOf));
      for (const ev of events) {
        const expected = bruteForce(patterns, ev).filter((id) => !gone.has(id));
        assert.deepEqual(matchEvent(set, ev), expected);
      }
    }),
    { numRuns: 200, seed: 7 },
  );
});
