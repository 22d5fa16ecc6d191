// Registry-driven fixtures: every registered type must have valid and invalid fixtures under
// test/fixtures/stix/<type>/. Valid fixtures pass under strict mode; each invalid fixture names the
// error code(s) it must produce in a sibling "_expect" key, stripped before validation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validate } from '../../src/stix/index.js';
import { STIX_TYPES } from '../../src/stix/registry.js';

const ROOT = fileURLToPath(new URL('../fixtures/stix/', import.meta.url));

function jsonFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
}

test('every registered STIX type has valid and invalid fixtures', () => {
  const missing = STIX_TYPES.filter((t) => jsonFiles(`${ROOT}${t}/valid`).length === 0 || jsonFiles(`${ROOT}${t}/invalid`).length === 0);
  assert.deepEqual(missing, [], `types without fixtures: ${missing.join(', ')}`);
});

for (const type of STIX_TYPES) {
  for (const file of jsonFiles(`${ROOT}${type}/valid`)) {
    test(`${type}/valid/${file} passes under strict`, () => {
      const obj = JSON.parse(readFileSync(`${ROOT}${type}/valid/${file}`, 'utf8')) as unknown;
      const r = validate(obj, { strict: true });
      assert.deepEqual(r.errors.map((e) => `${e.code} ${e.path} ${e.message}`), []);
      assert.equal(r.valid, true);
    });
  }
  for (const file of jsonFiles(`${ROOT}${type}/invalid`)) {
    test(`${type}/invalid/${file} fails with its expected codes`, () => {
      const { _expect: expected, ...obj } = JSON.parse(readFileSync(`${ROOT}${type}/invalid/${file}`, 'utf8')) as Record<string, unknown> & { _expect: string[] };
      assert.ok(Array.isArray(expected) && expected.length > 0, 'fixture must state "_expect"');
      const r = validate(obj);
      assert.equal(r.valid, false);
      const codes = r.errors.map((e) => e.code);
      for (const code of expected) assert.ok(codes.includes(code), `expected ${code}, got ${codes.join(', ')}`);
      for (const e of r.errors) {
        assert.equal(e.severity, 'error');
        assert.ok(e.path.startsWith('$'), e.path);
        assert.equal(e.objectId, typeof obj['id'] === 'string' ? obj['id'] : null);
      }
    });
  }
}
