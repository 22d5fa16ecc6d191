import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deterministicScoId, withDeterministicId, validate } from '../../src/stix/index.js';
import { SetuError } from '../../src/errors/index.js';

test('deterministic ids: spec example values, one hash chosen (MD5 first), refs contribute', () => {
  assert.equal(deterministicScoId({ type: 'ipv4-addr', value: '198.51.100.3' }), 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4');
  const both = deterministicScoId({ type: 'file', hashes: { 'SHA-256': 'a'.repeat(64), MD5: 'b'.repeat(32) } });
  assert.equal(both, deterministicScoId({ type: 'file', hashes: { MD5: 'b'.repeat(32) } }));
  assert.notEqual(deterministicScoId({ type: 'file', name: 'a', parent_directory_ref: 'directory--255cb0e4-8bdb-5d63-bb32-9c6f0b733ab2' }), deterministicScoId({ type: 'file', name: 'a' }));
});

test('no deterministic id for non-SCOs or SCOs without contributing properties', () => {
  assert.equal(deterministicScoId({ type: 'indicator', name: 'x' }), undefined);
  assert.equal(deterministicScoId({ type: 'process', pid: 1 }), undefined);
  assert.equal(deterministicScoId({ type: 'ipv4-addr' }), undefined);
  assert.equal(deterministicScoId({}), undefined);
});

test('withDeterministicId adds a missing id, keeps an existing one, and throws typed errors', () => {
  const sco = { type: 'domain-name', spec_version: '2.1', value: 'example.com' };
  const withId = withDeterministicId(sco);
  // Python: uuid.uuid5(UUID('00abedb4-aa42-466c-9c01-fed23315a9b7'), '{"value":"example.com"}')
  assert.equal(withId.id, 'domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7');
  assert.equal('id' in sco, false, 'the input is not mutated');
  assert.deepEqual(validate(withId, { strict: true }).errors, []);
  assert.equal(withDeterministicId({ ...sco, id: 'domain-name--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' }).id, 'domain-name--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f');
  assert.throws(() => withDeterministicId({ type: 'indicator' }), (e: unknown) => e instanceof SetuError && e.code === 'SETU_ERR_STIX_NOT_SCO');
  assert.throws(() => withDeterministicId({ type: 'process', pid: 4 }), (e: unknown) => e instanceof SetuError && e.code === 'SETU_ERR_STIX_NO_ID_CONTRIBUTORS');
});
