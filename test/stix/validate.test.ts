// The walker's rules, exercised through validate().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate, type ValidationResult } from '../../src/stix/index.js';

const T = '2016-04-06T20:03:48.000Z';
const IDN = 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff';
function tool(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'tool', spec_version: '2.1', id: 'tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: T, modified: T, name: 'VNC', tool_types: ['remote-access'], ...extra };
}
const codes = (r: ValidationResult): string[] => r.errors.map((e) => e.code);
const warnCodes = (r: ValidationResult): string[] => r.warnings.map((e) => e.code);

test('non-objects give findings, never exceptions', () => {
  for (const input of [null, undefined, 42, 'indicator', true, [], [1], { }]) {
    const r = validate(input);
    assert.equal(r.valid, false, JSON.stringify(input));
    assert.ok(r.errors.length > 0);
  }
});

test('a bundle validates its envelope and each object with $.objects[i] paths', () => {
  const r = validate({ type: 'bundle', id: 'bundle--44af6c39-c09b-49c5-9de2-394224b04982', objects: [tool(), tool({ name: 7 }), 'nope'] });
  assert.deepEqual(r.errors.map((e) => [e.code, e.path]), [
    ['STIX_WRONG_VALUE_TYPE', '$.objects[1].name'],
    ['STIX_NOT_AN_OBJECT', '$.objects[2]'],
  ]);
  assert.equal(r.errors[0]?.objectId, 'tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f');
  assert.deepEqual(codes(validate({ type: 'bundle', id: 'bundle--44af6c39-c09b-49c5-9de2-394224b04982', objects: {} })), ['STIX_BUNDLE_OBJECTS']);
  assert.deepEqual(codes(validate({ type: 'bundle', id: 'report--44af6c39-c09b-49c5-9de2-394224b04982' })), ['STIX_REF_TYPE']);
});

test('duplicate ids with the same modified draw duplicate-ids', () => {
  const r = validate({ type: 'bundle', id: 'bundle--44af6c39-c09b-49c5-9de2-394224b04982', objects: [tool(), tool()] });
  assert.deepEqual(warnCodes(r), ['STIX_DUPLICATE_ID']);
});

test('open vocabulary: off-list is a warning; closed enumeration: off-list is an error', () => {
  const r = validate(tool({ tool_types: ['lockpick'] }));
  assert.equal(r.valid, true);
  assert.deepEqual(r.warnings.map((w) => [w.code, w.check, w.path]), [['STIX_OPEN_VOCAB_VALUE', 'tool-types', '$.tool_types[0]']]);
  const opinion = { type: 'opinion', spec_version: '2.1', id: 'opinion--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: T, modified: T, opinion: 'maybe', object_refs: [IDN] };
  assert.deepEqual(codes(validate(opinion)), ['STIX_ENUM_VALUE']);
});

test('strict turns warnings into errors; disabled accepts names, numbers, groups and codes', () => {
  const obj = tool({ tool_types: ['lockpick'] });
  assert.deepEqual(codes(validate(obj, { strict: true })), ['STIX_OPEN_VOCAB_VALUE']);
  assert.equal(validate(obj, { strict: true }).errors[0]?.severity, 'error');
  for (const d of ['tool-types', '222', 'all-vocabs', 'approved-values', 'STIX_OPEN_VOCAB_VALUE', 'all']) {
    assert.equal(validate(obj, { strict: true, disabled: [d] }).valid, true, d);
  }
  assert.equal(validate(obj, { strict: true, disabled: ['hash-algo'] }).valid, false);
});

test('disabling never silences MUST-level errors', () => {
  assert.equal(validate(tool({ created: 'nope' }), { disabled: ['all', 'STIX_INVALID_TIMESTAMP'] }).valid, false);
});

test('custom properties: extensions-use by default, prefix checks when it is disabled', () => {
  const obj = tool({ something: 1 });
  assert.deepEqual(warnCodes(validate(obj)), ['STIX_EXTENSIONS_USE']);
  assert.deepEqual(warnCodes(validate(obj, { disabled: ['extensions-use'] })), ['STIX_CUSTOM_PREFIX']);
  assert.deepEqual(warnCodes(validate(obj, { disabled: ['extensions-use', 'custom-prefix'] })), ['STIX_CUSTOM_PREFIX_LAX']);
  assert.deepEqual(warnCodes(validate(tool({ x_acme_rank: 1 }), { disabled: ['extensions-use'] })), []);
  assert.deepEqual(codes(validate(tool({ 'x-bad': 1 }))), ['STIX_INVALID_PROPERTY_NAME']);
  assert.deepEqual(codes(validate(tool({ mp: 1 }))), ['STIX_INVALID_PROPERTY_NAME']);
  assert.deepEqual(codes(validate(tool({ severity: 'high' }))), ['STIX_RESERVED_PROPERTY']);
});

test('extension kinds: toplevel-property, property, new-sdo, predefined SCO extensions', () => {
  const ext = 'extension-definition--a932fcc6-e032-476c-826f-cb970a5a1ade';
  assert.deepEqual(validate(tool({ rank: 5, extensions: { [ext]: { extension_type: 'toplevel-property-extension' } } }), { strict: true }).errors, []);
  assert.deepEqual(validate(tool({ extensions: { [ext]: { extension_type: 'property-extension', rank: 5 } } }), { strict: true }).errors, []);
  assert.deepEqual(codes(validate(tool({ extensions: { [ext]: { extension_type: ['new-sdo'] } } }))), ['STIX_INVALID_EXTENSION']);
  assert.deepEqual(codes(validate(tool({ extensions: { 'x-foobar': {} } }))), ['STIX_INVALID_EXTENSION']);
  assert.deepEqual(codes(validate(tool({ extensions: { [ext]: 'nope' } }))), ['STIX_INVALID_EXTENSION']);
  const custom = { type: 'my-favorite-sdo', spec_version: '2.1', id: 'my-favorite-sdo--a932fcc6-e032-476c-a26f-cb970a5a1ade', created: T, modified: T, name: 'n', some_property: 'v' };
  assert.deepEqual(warnCodes(validate(custom)), ['STIX_EXTENSIONS_USE']);
  assert.deepEqual(validate({ ...custom, extensions: { [ext]: { extension_type: 'new-sdo' } } }, { strict: true }).errors, []);
  const file = { type: 'file', id: 'file--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4', name: 'a.exe', extensions: { 'windows-pebinary-ext': { pe_type: 'elf', sections: [{ name: '.text', hashes: { foo: 'x' } }] } } };
  assert.deepEqual(warnCodes(validate(file)).sort(), ['STIX_HASH_ALGO', 'STIX_OPEN_VOCAB_VALUE']);
  assert.deepEqual(codes(validate({ ...file, extensions: { 'ntfs-ext': { alternate_data_streams: [{ size: 1 }] } } })), ['STIX_REQUIRED_PROPERTY']);
});

test('hashes: known algorithms checked for shape, custom names for syntax', () => {
  const file = (hashes: unknown): unknown => ({ type: 'file', id: 'file--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4', hashes });
  assert.deepEqual(validate(file({ 'SHA-256': 'ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c' }), { strict: true }).errors, []);
  assert.deepEqual(codes(validate(file({ 'SHA-1': 'abc' }))), ['STIX_INVALID_HASH']);
  assert.deepEqual(codes(validate(file({ MD: 'abc' }))), ['STIX_INVALID_HASH']);
  assert.deepEqual(warnCodes(validate(file({ x_custom: 'abc' }))), []);
  assert.deepEqual(warnCodes(validate(file({ 'abcdefghijklmnopqrstuvwxyz0123456789': 'a' }))).sort(), ['STIX_HASH_ALGO', 'STIX_HASH_KEY_LENGTH']);
});

test('SCO ids: UUIDv5 recommended; UUIDv4 required without contributing properties', () => {
  assert.deepEqual(warnCodes(validate({ type: 'ipv4-addr', id: 'ipv4-addr--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', value: '10.0.0.1' })), ['STIX_UUID_VERSION']);
  assert.deepEqual(codes(validate({ type: 'process', id: 'process--ff1e0780-358c-5808-a8c7-d0fca4ef6ef4', pid: 1 })), ['STIX_SCO_ID_VERSION']);
  assert.deepEqual(codes(validate({ type: 'x509-certificate', id: 'x509-certificate--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' })), ['STIX_CONSTRAINT']);
});

test('granular-marking selectors must resolve', () => {
  const gm = (selectors: string[]): unknown => tool({ granular_markings: [{ marking_ref: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', selectors }] });
  assert.deepEqual(validate(gm(['name', 'tool_types.[0]']), { strict: true }).errors, []);
  assert.deepEqual(codes(validate(gm(['description']))), ['STIX_INVALID_SELECTOR']);
  assert.deepEqual(codes(validate(gm(['tool_types.[3]']))), ['STIX_INVALID_SELECTOR']);
  assert.deepEqual(codes(validate(gm(['[0]']))), ['STIX_INVALID_SELECTOR', 'STIX_INVALID_SELECTOR']);
});

test('references must point at allowed types', () => {
  // created_by_ref must be an identifier, but the specification sets no MUST on its target type.
  assert.deepEqual(codes(validate(tool({ created_by_ref: 'malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061' }))), []);
  assert.deepEqual(codes(validate(tool({ created_by_ref: 'identity--not-a-uuid' }))), ['STIX_INVALID_ID']);
  assert.deepEqual(codes(validate(tool({ object_marking_refs: [IDN] }))), ['STIX_REF_TYPE']);
  const rel = { type: 'relationship', spec_version: '2.1', id: 'relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad', created: T, modified: T, relationship_type: 'uses', source_ref: 'campaign--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061', target_ref: 'bundle--44af6c39-c09b-49c5-9de2-394224b04982' };
  assert.deepEqual(codes(validate(rel)), ['STIX_REF_TYPE']);
  assert.deepEqual(warnCodes(validate({ ...rel, target_ref: 'report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3' })), ['STIX_RELATIONSHIP_TYPE']);
});

test('modified equal to created passes; earlier by a microsecond fails', () => {
  assert.equal(validate(tool()).valid, true);
  const r = validate(tool({ created: '2016-04-06T20:03:48.000123Z' }));
  assert.deepEqual(r.errors.map((e) => [e.code, e.path]), [['STIX_TIMESTAMP_ORDER', '$.modified']]);
});

test('messages name the object, the field and the rule', () => {
  const e = validate(tool({ name: 7 })).errors[0];
  assert.ok(e !== undefined && e.message.includes('name') && e.objectId === 'tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' && e.path === '$.name');
});
