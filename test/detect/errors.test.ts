// The detect error catalogue: codes follow the naming rule, equal their keys, and are documented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { DETECT_ERROR_CODES } from '../../src/detect/index.js';

test('every detect error code is well named, described and listed in docs/detect.md', async () => {
  const doc = await readFile('docs/detect.md', 'utf8');
  for (const [code, description] of Object.entries(DETECT_ERROR_CODES)) {
    assert.match(code, /^SETU_ERR_DETECT_[A-Z_]+$/);
    assert.ok(description.length > 10, code);
    assert.ok(doc.includes(code), `${code} is documented`);
  }
});
