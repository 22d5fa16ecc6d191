// The error catalogue is itself tested: codes are unique and well-formed, docs/errors.md is the
// generated listing of exactly these codes, every code the source throws is catalogued, and
// every code reachable over TAXII has an HTTP mapping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CATALOGUES } from '../../src/errors/catalogue.js';
import { ERROR_HTTP } from '../../src/taxii/error-mapping.js';
import { errorsMarkdown } from '../../scripts/errors-doc.js';

const SRC = new URL('../../src/', import.meta.url).pathname;
const all = Object.entries(ERROR_CATALOGUES).flatMap(([area, catalogue]) => Object.keys(catalogue).map((code) => ({ area, code })));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('codes are unique, SETU_ERR_<AREA>_<WHAT>, and described', () => {
  const seen = new Set<string>();
  for (const { area, code } of all) {
    assert.ok(!seen.has(code), `${code} is declared twice`);
    seen.add(code);
    assert.match(code, new RegExp(`^SETU_ERR_${area.toUpperCase()}_[A-Z0-9_]+$`), `${code} belongs to area ${area}`);
    const description = (ERROR_CATALOGUES as Record<string, Record<string, string>>)[area]?.[code];
    assert.ok(description && description.length > 10, `${code} has a description`);
  }
  assert.ok(all.length >= 50);
});

test('docs/errors.md is the generated listing of the catalogue', () => {
  const committed = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  assert.equal(committed, errorsMarkdown(), 'regenerate with: node --import tsx scripts/errors-doc.ts > docs/errors.md');
});

test('every SETU_ERR code written in the source is catalogued', () => {
  const known = new Set(all.map((e) => e.code));
  for (const file of sourceFiles(SRC)) {
    if (file.endsWith('catalogue.ts')) continue;
    for (const [code] of readFileSync(file, 'utf8').matchAll(/SETU_ERR_[A-Z0-9_]*[A-Z0-9](?![A-Z0-9_]*\*)/g)) {
      assert.ok(known.has(code), `${code} (in ${file.slice(SRC.length)}) is not in any catalogue`);
    }
  }
});

test('every access, ingest, store and taxii code has an HTTP status', () => {
  for (const area of ['access', 'ingest', 'store', 'taxii'] as const) {
    for (const code of Object.keys(ERROR_CATALOGUES[area])) {
      assert.ok(Object.hasOwn(ERROR_HTTP, code), `${code} has no HTTP mapping`);
    }
  }
});
