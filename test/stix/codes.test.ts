// The finding-code and error-code catalogues: unique, well-formed, documented, and consistent with
// the reference validator's check names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FINDING_CODES, CHECK_NUMBERS, checkGroups } from '../../src/stix/findings/codes.js';
import { STIX_ERRORS } from '../../src/stix/errors.js';
import { OPEN_VOCABULARIES } from '../../src/stix/vocab/open.js';

const DOC = readFileSync(new URL('../../docs/conformance.md', import.meta.url), 'utf8');

test('finding codes are STIX_* names, each documented with a severity', () => {
  for (const [code, info] of Object.entries(FINDING_CODES)) {
    assert.match(code, /^STIX_[A-Z0-9_]+$/);
    assert.ok(info.description.length > 10, code);
    assert.ok(DOC.includes(`\`${code}\``), `${code} is not listed in docs/conformance.md`);
  }
});

test('every check name used by a code or a vocabulary is a known reference check', () => {
  for (const info of Object.values(FINDING_CODES)) if ('check' in info) assert.ok(Object.hasOwn(CHECK_NUMBERS, info.check), info.check);
  for (const v of Object.values(OPEN_VOCABULARIES)) assert.ok(Object.hasOwn(CHECK_NUMBERS, v.check), v.check);
  const numbers = Object.values(CHECK_NUMBERS);
  assert.equal(new Set(numbers).size, numbers.length, 'check numbers are unique');
  assert.deepEqual(checkGroups('tool-types'), ['approved-values', 'all-vocabs']);
  assert.deepEqual(checkGroups('custom-prefix'), ['format-checks']);
});

test('thrown-error codes follow SETU_ERR_STIX_*', () => {
  for (const [code, description] of Object.entries(STIX_ERRORS)) {
    assert.match(code, /^SETU_ERR_STIX_[A-Z0-9_]+$/); // digits as in the catalogue's own pattern (SETU_ERR_STIX_2_0_CONTENT)
    assert.ok(description.length > 10);
  }
});
