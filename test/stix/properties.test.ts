// Property-based tests (fast-check): the validator never throws on arbitrary JSON, and
// deterministic SCO ids do not depend on key order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { validate, deterministicScoId, isScoType } from '../../src/stix/index.js';
import { STIX_TYPES } from '../../src/stix/registry.js';

const anyType = fc.constantFrom(...STIX_TYPES, 'bundle', 'x-acme-thing', 'BAD', '');

test('validate never throws on arbitrary JSON values, and always answers consistently', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.boolean(), (value, strict) => {
      const r = validate(value, { strict });
      assert.equal(r.valid, r.errors.length === 0);
      if (strict) assert.equal(r.warnings.length, 0);
    }),
    { numRuns: 500 },
  );
});

test('validate never throws on STIX-shaped objects with arbitrary property values', () => {
  fc.assert(
    fc.property(anyType, fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.jsonValue(), { maxLength: 3 }), (type, props, objects) => {
      const obj = { ...props, type, id: `${type}--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f` };
      validate(obj);
      validate({ type: 'bundle', id: 'bundle--44af6c39-c09b-49c5-9de2-394224b04982', objects: [obj, ...objects] }, { disabled: ['all'] });
    }),
    { numRuns: 500 },
  );
});

function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffleKeys(v, seed + i));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  entries.sort((a, b) => ((a[0].length * 31 + seed) % 7) - ((b[0].length * 31 + seed) % 7) || (seed % 2 === 0 ? a[0].localeCompare(b[0]) : b[0].localeCompare(a[0])));
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, seed + 1)]));
}

test('deterministic SCO ids are stable under key reordering', () => {
  const sco = fc.record({
    type: fc.constantFrom('file', 'network-traffic', 'email-message', 'software', 'windows-registry-key'),
    name: fc.string(),
    subject: fc.string(),
    hashes: fc.dictionary(fc.constantFrom('MD5', 'SHA-1', 'SHA-256', 'x_custom'), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 1 })),
    protocols: fc.array(fc.string(), { minLength: 1 }),
    values: fc.array(fc.record({ name: fc.string(), data: fc.string() }), { minLength: 1 }),
    extensions: fc.dictionary(fc.constantFrom('ntfs-ext', 'x-acme-ext'), fc.dictionary(fc.string(), fc.jsonValue())),
    version: fc.string(),
  });
  fc.assert(
    fc.property(sco, fc.nat(), (obj, seed) => {
      const a = deterministicScoId(obj);
      const b = deterministicScoId(shuffleKeys(obj, seed) as Record<string, unknown>);
      assert.equal(a, b);
      if (a !== undefined) assert.ok(a.startsWith(`${obj.type}--`) && a.charAt(obj.type.length + 16) === '5');
    }),
    { numRuns: 300 },
  );
});

test('isScoType knows exactly the 18 SCO types', () => {
  assert.equal(STIX_TYPES.filter((t) => isScoType(t)).length, 18);
  assert.equal(isScoType('indicator'), false);
});
