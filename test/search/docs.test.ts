// docs/search.md names every search error code, every query field and every value kind, so the
// page cannot drift from the const lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SEARCH_ERRORS, SEARCH_FIELDS, VALUE_KINDS } from '../../src/search/index.js';

const doc = readFileSync(new URL('../../docs/search.md', import.meta.url), 'utf8');

test('docs/search.md lists every search error code, field and value kind', () => {
  for (const code of Object.keys(SEARCH_ERRORS)) assert.ok(doc.includes(`\`${code}\``), code);
  for (const field of SEARCH_FIELDS) assert.ok(doc.includes(`\`${field}\``), `field ${field}`);
  for (const kind of VALUE_KINDS) assert.ok(doc.includes(`\`${kind}\``), `kind ${kind}`);
  assert.match(doc, /not built yet/i);
});
