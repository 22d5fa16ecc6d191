// A MATCHES operand the engine cannot run (a PCRE construct such as the possessive 'a++') is
// reported by the STIX validator as a warning (SHOULD), as `setu pattern check` reports it, so
// `setu validate` shows it instead of calling the indicator clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate } from '../../src/stix/index.js';

const T = '2026-01-01T00:00:00.000Z';
const indicator = (pattern: string) => ({ type: 'indicator', spec_version: '2.1', id: 'indicator--11111111-2222-4333-8444-555555555555', created: T, modified: T, pattern, pattern_type: 'stix', valid_from: T });

test("an indicator whose MATCHES uses an unsupported regex construct gets the warning STIX_PATTERN_UNSUPPORTED", () => {
  const result = validate(indicator("[domain-name:value MATCHES 'a++']"), { strict: false, disabled: [] });
  assert.equal(result.valid, true, 'a warning, not an error');
  const warning = result.warnings.find((w) => w.code === 'STIX_PATTERN_UNSUPPORTED');
  assert.ok(warning !== undefined, JSON.stringify(result.warnings));
  assert.match(warning.message, /cannot run|not supported|unsupported/i);
  assert.equal(warning.path, '$.pattern');

  const plain = validate(indicator("[domain-name:value MATCHES '^a+$']"), { strict: false, disabled: [] });
  assert.deepEqual(plain.warnings.filter((w) => w.code === 'STIX_PATTERN_UNSUPPORTED'), []);
});
