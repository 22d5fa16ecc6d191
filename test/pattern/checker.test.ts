import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPattern } from '../../src/pattern/index.js';

function codes(text: string): string[] {
  return checkPattern(text).warnings.map((w) => w.code);
}

test('a syntax error makes the pattern invalid, with its position', () => {
  const result = checkPattern('[file:size = ]');
  assert.equal(result.valid, false);
  assert.deepEqual([result.errors[0]?.line, result.errors[0]?.column], [1, 14]);
});

test('the same qualifier twice on one bracketed observation is an error; on a group it is allowed', () => {
  assert.equal(checkPattern("[a:b = 1] WITHIN 5 SECONDS WITHIN 6 SECONDS").valid, false);
  assert.match(checkPattern("[a:b = 1] REPEATS 2 TIMES REPEATS 3 TIMES").errors[0]?.message ?? '', /Duplicate qualifier type encountered: REPEATS/);
  assert.equal(checkPattern("([a:b = 1]) WITHIN 5 SECONDS WITHIN 6 SECONDS").valid, true);
  assert.equal(checkPattern("([a:b = 1] REPEATS 2 TIMES) REPEATS 2 TIMES").valid, true);
  assert.equal(checkPattern("[a:b = 1] REPEATS 2 TIMES WITHIN 5 SECONDS").valid, true);
});

test('hash values must fit the named algorithm', () => {
  assert.equal(checkPattern("[file:hashes.'SHA-256' = 'f00']").valid, false);
  assert.equal(checkPattern("[file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f']").valid, true);
  assert.equal(checkPattern("[file:hashes.'x-custom' = 'f00']").valid, true);
});

test('unknown object types and properties are warnings, custom ones are not', () => {
  assert.deepEqual(codes("[person:name = 'x']"), ['UNKNOWN_OBJECT_TYPE']);
  assert.deepEqual(codes("[file:colour = 'x']"), ['UNKNOWN_PROPERTY']);
  assert.deepEqual(codes("[file:x_colour = 'x' AND x-thing:y = 1 AND file:extensions.'ntfs-ext'.sid = '1']"), []);
  assert.equal(checkPattern("[person:name = 'x']").valid, true);
});

test('warnings for values the matcher will refuse or that can never match', () => {
  assert.deepEqual(codes('[file:size = 1] WITHIN 0 SECONDS'), ['NONPOSITIVE_WITHIN']);
  assert.deepEqual(codes("[file:size = 1] START t'2020-01-02T00:00:00Z' STOP t'2020-01-01T00:00:00Z'"), ['EMPTY_START_STOP']);
  assert.deepEqual(codes("[file:ctime = t'2023-02-29T00:00:00Z']"), ['INVALID_TIMESTAMP_DATE']);
  assert.deepEqual(codes("[file:x_size IN (1, 'a')]"), ['NONHOMOGENEOUS_SET']);
  assert.deepEqual(codes("[x-net:addr ISSUBSET '1.2.3.4/40']"), ['INVALID_CIDR']);
  assert.deepEqual(codes("[file:name MATCHES 'a*+']"), ['UNSUPPORTED_REGEX']);
  assert.match(checkPattern("[file:name MATCHES 'a*+']").warnings[0]?.message ?? '', /possessive quantifier '\*\+' at character 2/);
  const warning = checkPattern("[person:name = 'x']").warnings[0];
  assert.deepEqual([warning?.line, warning?.column], [1, 2]);
});

test('an SDO, SRO or meta type in an observation expression is warned about: it can never match', () => {
  assert.deepEqual(codes("[malware:name = 'x']"), ['NOT_OBSERVABLE_TYPE']);
  assert.deepEqual(codes("[indicator:name = 'x' OR relationship:relationship_type = 'uses']"), ['NOT_OBSERVABLE_TYPE', 'NOT_OBSERVABLE_TYPE']);
  assert.match(checkPattern('[EXISTS marking-definition:name]').warnings[0]?.message ?? '', /never matches: marking-definition:name \('marking-definition' is not a cyber-observable\)$/);
  assert.equal(checkPattern("[malware:name = 'x']").valid, true);
});

function errorsOf(text: string): string[] {
  const result = checkPattern(text);
  assert.equal(result.valid, result.errors.length === 0);
  return result.errors.map((e) => `${e.column}: ${e.message}`);
}

test('IPv4 and IPv6 values must be addresses or CIDR blocks of their version', () => {
  assert.deepEqual(errorsOf("[ipv4-addr:value = '198.51.100.0/24' OR ipv6-addr:value = '2001:db8::/32']"), []);
  assert.match(errorsOf("[ipv4-addr:value = '999.1.1.1']")[0] ?? '', /^20: '999\.1\.1\.1' is not an IPv4 address or CIDR block \(ipv4-addr:value\)/);
  assert.match(errorsOf("[ipv4-addr:value = '10.0.0.0/33']")[0] ?? '', /'10\.0\.0\.0\/33' is not an IPv4 address/);
  assert.match(errorsOf("[ipv4-addr:value ISSUBSET '10.0.0.0/33']")[0] ?? '', /'10\.0\.0\.0\/33' is not an IPv4/);
  assert.match(errorsOf("[ipv4-addr:value = '2001:db8::1']")[0] ?? '', /is not an IPv4 address/);
  assert.match(errorsOf("[ipv6-addr:value = '2001:db8::1::2']")[0] ?? '', /is not an IPv6 address or CIDR block \(ipv6-addr:value\)/);
  assert.deepEqual(errorsOf("[ipv4-addr:value IN ('192.0.2.1', '192.0.2.300')]").length, 1);
  assert.deepEqual(errorsOf("[ipv4-addr:value LIKE '10.%']"), []);
});

test('a literal of the wrong type for a known property is a warning: the comparison can never hold', () => {
  assert.deepEqual(codes("[network-traffic:dst_port = '80']"), ['LITERAL_TYPE_MISMATCH']);
  assert.match(checkPattern("[network-traffic:dst_port = '80']").warnings[0]?.message ?? '', /network-traffic:dst_port is an integer property, compared with a string literal/);
  assert.deepEqual(codes("[network-traffic:dst_port IN (80, '443')]"), ['NONHOMOGENEOUS_SET', 'LITERAL_TYPE_MISMATCH']);
  assert.deepEqual(codes("[domain-name:value = 42]"), ['LITERAL_TYPE_MISMATCH']);
  assert.deepEqual(codes("[process:is_hidden = 'true']"), ['LITERAL_TYPE_MISMATCH']);
  assert.deepEqual(codes("[file:ctime > '2020-01-01T00:00:00Z']"), ['LITERAL_TYPE_MISMATCH']);
  assert.deepEqual(codes("[file:size LIKE '12%']"), ['LITERAL_TYPE_MISMATCH']);
  assert.deepEqual(codes("[network-traffic:dst_port = 443 AND file:size > 10.5 AND file:ctime < t'2020-01-01T00:00:00Z' AND process:is_hidden = true]"), []);
  assert.equal(checkPattern("[network-traffic:dst_port = '80']").valid, true);
});

test('a MATCHES operand that is not a regular expression makes the pattern invalid, naming where it fails', () => {
  assert.match(errorsOf("[file:name MATCHES '(']")[0] ?? '', /^20: MATCHES operand is not a valid regular expression: missing \) at character 2/);
  assert.equal(checkPattern("[file:name MATCHES '(?i)^report\\\\.exe$']").valid, true);
  assert.deepEqual(codes("[file:name MATCHES '(?i)^report\\\\.exe$']"), []);
});
