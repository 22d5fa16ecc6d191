import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { PATTERN_ERROR_CODES, PATTERN_WARNING_CODES } from '../../src/pattern/index.js';

test('every error code follows SETU_ERR_PATTERN_<WHAT>, is described, and is used', () => {
  const sources = ['compiler.ts', 'predicates.ts', 'values.ts', 'matcher.ts']
    .map((f) => readFileSync(new URL(`../../src/pattern/${f}`, import.meta.url), 'utf8'))
    .join('\n');
  for (const [code, description] of Object.entries(PATTERN_ERROR_CODES)) {
    assert.match(code, /^SETU_ERR_PATTERN_[A-Z_]+$/);
    assert.ok(description.length > 10);
    assert.ok(sources.includes(`'${code}'`), `${code} is never thrown`);
  }
});

test('every warning code is described', () => {
  for (const [code, description] of Object.entries(PATTERN_WARNING_CODES)) {
    assert.match(code, /^[A-Z_]+$/);
    assert.ok(description.length > 10);
  }
});
