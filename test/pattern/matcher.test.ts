import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSetuError } from '../../src/errors/index.js';
import { compilePattern, matchPattern, parsePattern } from '../../src/pattern/index.js';
import type { ObservedData } from '../../src/pattern/index.js';

const SCOS = new Map<string, Record<string, unknown>>([
  ['file--1', { type: 'file', id: 'file--1', name: 'report.exe', size: 2048, hashes: { MD5: 'cead3f77f6cda6ec00f57d76c9a6879f' }, magic_number_hex: 'ffd8', parent_directory_ref: 'directory--1' }],
  ['directory--1', { type: 'directory', id: 'directory--1', path: 'C:\\Windows\\System32' }],
  ['ipv4-addr--1', { type: 'ipv4-addr', id: 'ipv4-addr--1', value: '198.51.100.7' }],
  ['ipv6-addr--1', { type: 'ipv6-addr', id: 'ipv6-addr--1', value: '2001:db8:dead:beef::42' }],
  ['network-traffic--1', { type: 'network-traffic', id: 'network-traffic--1', dst_ref: 'ipv4-addr--1', src_refs_x: [], protocols: ['tcp', 'http'], dst_port: 443, start: '2020-01-01T00:00:00Z' }],
  ['domain-name--1', { type: 'domain-name', id: 'domain-name--1', value: 'example.com', resolves_to_refs: ['ipv4-addr--1', 'ipv6-addr--1'] }],
  ['artifact--1', { type: 'artifact', id: 'artifact--1', payload_bin: 'aGVsbG8=' }],
]);

function od(id: string, refs: string[], first: string, last = first, count = 1): ObservedData {
  return { id, first_observed: first, last_observed: last, number_observed: count, object_refs: refs };
}

const ALL = [od('observed-data--a', [...SCOS.keys()], '2020-01-01T00:00:00Z')];

function matches(pattern: string, observed: readonly ObservedData[] = ALL): boolean {
  const parsed = parsePattern(pattern);
  assert.ok(parsed.ok, pattern);
  return matchPattern(compilePattern(parsed.ast), observed, SCOS).matched;
}

function throwsCode(run: () => unknown, code: string): void {
  assert.throws(run, (e: unknown) => isSetuError(e) && e.code === code);
}

test('equality and order operators, with NOT', () => {
  assert.equal(matches("[file:name = 'report.exe']"), true);
  assert.equal(matches("[file:name != 'report.exe']"), false);
  assert.equal(matches("[file:name NOT = 'report.exe']"), false);
  assert.equal(matches('[file:size > 1024 AND file:size <= 2048]'), true);
  assert.equal(matches('[file:size < 2048]'), false);
  assert.equal(matches('[file:size NOT < 2048]'), true);
  assert.equal(matches("[file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f']"), true);
});

test('type coercions: number vs string never equal, != is then true; hex/bin properties are binary', () => {
  assert.equal(matches("[file:size = '2048']"), false);
  assert.equal(matches("[file:size != '2048']"), true);
  assert.equal(matches("[file:magic_number_hex = h'ffd8']"), true);
  assert.equal(matches("[artifact:payload_bin = 'hello']"), true);
  assert.equal(matches("[artifact:payload_bin = b'aGVsbG8=']"), true);
  assert.equal(matches("[network-traffic:start < t'2021-01-01T00:00:00Z']"), true);
});

test('IN, LIKE, MATCHES', () => {
  assert.equal(matches('[network-traffic:dst_port IN (80, 443)]'), true);
  assert.equal(matches('[network-traffic:dst_port NOT IN (80, 443)]'), false);
  assert.equal(matches("[file:name LIKE '%.exe']"), true);
  assert.equal(matches("[file:name LIKE 'report._xe']"), true);
  assert.equal(matches("[file:name MATCHES '^rep.*\\\\.exe$']"), true);
  assert.equal(matches("[artifact:payload_bin MATCHES 'ell']"), true);
});

test('ISSUBSET and ISSUPERSET for IPv4 and IPv6', () => {
  assert.equal(matches("[ipv4-addr:value ISSUBSET '198.51.100.0/24']"), true);
  assert.equal(matches("[ipv4-addr:value ISSUBSET '198.51.101.0/24']"), false);
  assert.equal(matches("[ipv6-addr:value ISSUBSET '2001:db8:dead:beef::/64']"), true);
  assert.equal(matches("[ipv6-addr:value NOT ISSUBSET '2001:db8:dead:beef::/64']"), false);
  assert.equal(matches("[ipv4-addr:value ISSUPERSET '198.51.100.7']"), true);
});

test('EXISTS, list indices, [*] and _ref/_refs traversal', () => {
  assert.equal(matches('[EXISTS file:hashes.MD5]'), true);
  assert.equal(matches('[EXISTS file:hashes.SHA1]'), false);
  assert.equal(matches("[network-traffic:protocols[1] = 'http']"), true);
  assert.equal(matches("[network-traffic:protocols[-1] = 'http']"), true);
  assert.equal(matches("[network-traffic:protocols[*] = 'tcp']"), true);
  assert.equal(matches("[network-traffic:dst_ref.value = '198.51.100.7']"), true);
  assert.equal(matches("[file:parent_directory_ref.path = 'C:\\\\Windows\\\\System32']"), true);
  assert.equal(matches("[domain-name:resolves_to_refs[*].value = '2001:db8:dead:beef::42']"), true);
  assert.equal(matches("[domain-name:resolves_to_refs.value = '198.51.100.7']"), false);
});

test('comparisons joined by AND must hold for the same root object', () => {
  assert.equal(matches("[file:name = 'report.exe' AND ipv4-addr:value = '198.51.100.7']"), false);
  assert.equal(matches("[file:name = 'report.exe' OR ipv4-addr:value = 'x']"), true);
});

const A = 'file--1';
const B = 'ipv4-addr--1';
const series = [
  od('observed-data--1', [A], '2020-01-01T00:00:00Z'),
  od('observed-data--2', [B], '2020-01-01T00:00:10Z'),
  od('observed-data--3', [A], '2020-01-01T00:01:00Z'),
];

test('observation AND / OR bind distinct observations; FOLLOWEDBY orders them in time', () => {
  assert.equal(matches("[file:name = 'report.exe'] AND [ipv4-addr:value = '198.51.100.7']", series), true);
  assert.equal(matches("[ipv4-addr:value = '198.51.100.7'] AND [ipv4-addr:value = '198.51.100.7']", series), false);
  assert.equal(matches("[file:name = 'report.exe'] FOLLOWEDBY [ipv4-addr:value = '198.51.100.7']", series), true);
  assert.equal(matches("[ipv4-addr:value = '198.51.100.7'] FOLLOWEDBY [file:name = 'report.exe']", series), true);
  assert.equal(matches("[ipv4-addr:value = '198.51.100.7'] FOLLOWEDBY [file:name = 'report.exe']", series.slice(0, 2)), false);
  assert.equal(matches("[file:name = 'nope'] OR [ipv4-addr:value = '198.51.100.7']", series), true);
});

test('WITHIN, REPEATS and START/STOP', () => {
  assert.equal(matches("([file:name = 'report.exe'] AND [ipv4-addr:value = '198.51.100.7']) WITHIN 10 SECONDS", series), true);
  assert.equal(matches("([file:name = 'report.exe'] AND [ipv4-addr:value = '198.51.100.7']) WITHIN 9.5 SECONDS", series), false);
  assert.equal(matches("[file:name = 'report.exe'] REPEATS 2 TIMES", series), true);
  assert.equal(matches("[file:name = 'report.exe'] REPEATS 3 TIMES", series), false);
  assert.equal(matches("[file:name = 'report.exe'] REPEATS 2 TIMES WITHIN 30 SECONDS", series), false);
  assert.equal(matches("[file:name = 'report.exe'] REPEATS 3 TIMES", [od('observed-data--n', [A], '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 3)]), true);
  const start = "START t'2020-01-01T00:00:10Z' STOP t'2020-01-01T00:01:00Z'";
  assert.equal(matches(`[ipv4-addr:value = '198.51.100.7'] ${start}`, series), true);
  assert.equal(matches(`[file:name = 'report.exe'] ${start}`, series), false, 'stop is exclusive, the first file is before start');
});

test('the result names the observed-data of the first binding', () => {
  const parsed = parsePattern("[file:name = 'report.exe'] AND [ipv4-addr:value = '198.51.100.7']");
  assert.ok(parsed.ok);
  const result = matchPattern(compilePattern(parsed.ast), series, SCOS);
  assert.deepEqual(result, { matched: true, matchedObservedData: ['observed-data--1', 'observed-data--2'] });
  assert.deepEqual(matchPattern(compilePattern(parsed.ast), [], SCOS), { matched: false, matchedObservedData: [] });
});

test('STIX 2.0-style observed-data with an inline objects dictionary', () => {
  const inline: ObservedData = {
    id: 'observed-data--old', first_observed: '2017-01-01T00:00:00Z', last_observed: '2017-01-01T00:00:00Z', number_observed: 1,
    objects: { '0': { type: 'ipv4-addr', value: '10.0.0.1' }, '1': { type: 'network-traffic', dst_ref: '0' } },
  };
  assert.equal(matches("[network-traffic:dst_ref.value ISSUBSET '10.0.0.0/8']", [inline]), true);
});

test('errors: literals and qualifiers that cannot be evaluated fail at compile time, bad data at match time', () => {
  const compile = (text: string) => {
    const parsed = parsePattern(text);
    assert.ok(parsed.ok);
    return () => compilePattern(parsed.ast);
  };
  throwsCode(compile("[a:b = 1] WITHIN 0 SECONDS"), 'SETU_ERR_PATTERN_INVALID_QUALIFIER');
  throwsCode(compile("[a:b = 1] REPEATS 0 TIMES"), 'SETU_ERR_PATTERN_INVALID_QUALIFIER');
  throwsCode(compile("[a:b IN (1, 'x')]"), 'SETU_ERR_PATTERN_NONHOMOGENEOUS_SET');
  throwsCode(compile("[a:b MATCHES '(']"), 'SETU_ERR_PATTERN_INVALID_REGEX');
  throwsCode(compile("[a:b ISSUBSET 'not-an-ip']"), 'SETU_ERR_PATTERN_INVALID_CIDR');
  throwsCode(compile("[a:b = t'2023-02-29T00:00:00Z']"), 'SETU_ERR_PATTERN_INVALID_LITERAL');
  throwsCode(() => matches("[file:name = t'2020-01-01T00:00:00Z']"), 'SETU_ERR_PATTERN_INVALID_VALUE');
  throwsCode(() => matches('[a:b = 1]', [od('observed-data--bad', [], 'yesterday')]), 'SETU_ERR_PATTERN_INVALID_OBSERVED_DATA');
});

test('an observation expression matches only cyber-observable objects: SDO, SRO and meta types never match', () => {
  const observed = [{ id: 'observed-data--s', first_observed: '2020-01-01T00:00:00Z', last_observed: '2020-01-01T00:00:00Z', number_observed: 1, object_refs: ['malware--1', 'relationship--1', 'file--1'] }];
  const scos = new Map<string, Record<string, unknown>>([
    ['malware--1', { type: 'malware', id: 'malware--1', name: 'x', is_family: false }],
    ['relationship--1', { type: 'relationship', id: 'relationship--1', relationship_type: 'uses' }],
    ['file--1', { type: 'file', id: 'file--1', name: 'x' }],
  ]);
  const run = (pattern: string): boolean => {
    const parsed = parsePattern(pattern);
    assert.ok(parsed.ok);
    return matchPattern(compilePattern(parsed.ast), observed, scos).matched;
  };
  assert.equal(run("[malware:name = 'x']"), false);
  assert.equal(run('[malware:is_family NOT = true]'), false);
  assert.equal(run('[EXISTS relationship:relationship_type]'), false);
  assert.equal(run("[file:name = 'x']"), true);
  assert.equal(run("[malware:name = 'x'] OR [file:name = 'x']"), true);
});
