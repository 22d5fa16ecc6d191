// What an indicator's pattern contributes to STIX validation: a pattern no conformant object can
// satisfy by definition (malformed IP value, a MATCHES operand that is no regular expression) is a
// MUST-level error; a comparison that can never hold (a literal of another type than the property,
// an SDO type in an observation) is a SHOULD-level warning. Positions are printed once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate } from '../../src/stix/index.js';

const T = '2016-04-06T20:03:48.000Z';

function indicator(pattern: string): Record<string, unknown> {
  return { type: 'indicator', spec_version: '2.1', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: T, modified: T, pattern, pattern_type: 'stix', valid_from: T };
}

test('a malformed IPv4 value or an uncompilable regex in a pattern is a MUST error', () => {
  for (const pattern of ["[ipv4-addr:value = '999.1.1.1']", "[ipv4-addr:value = '10.0.0.0/33']", "[file:name MATCHES '(']"]) {
    const result = validate(indicator(pattern));
    assert.equal(result.valid, false, pattern);
    const finding = result.errors.find((e) => e.code === 'STIX_INVALID_PATTERN');
    assert.ok(finding, pattern);
    assert.equal(finding.path, '$.pattern');
    assert.equal(finding.message.match(/line \d+/g)?.length, 1, finding.message);
  }
});

test('a literal of the wrong type, or an SDO type, is a SHOULD warning: the indicator stays valid', () => {
  for (const [pattern, detail] of [
    ["[network-traffic:dst_port = '80']", /network-traffic:dst_port is an integer property, compared with a string literal '80'/],
    ["[malware:name = 'x']", /domain, relationship or meta object type never matches: malware:name \('malware' is not a cyber-observable\)/],
  ] as const) {
    const result = validate(indicator(pattern));
    assert.equal(result.valid, true, pattern);
    const finding = result.warnings.find((w) => w.code === 'STIX_PATTERN_NEVER_MATCHES');
    assert.ok(finding, `${pattern}: ${JSON.stringify(result.warnings)}`);
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, detail);
    assert.equal(validate(indicator(pattern), { strict: true }).valid, false);
  }
  assert.deepEqual(validate(indicator("[network-traffic:dst_port = 80]")).warnings.filter((w) => w.code === 'STIX_PATTERN_NEVER_MATCHES'), []);
});
