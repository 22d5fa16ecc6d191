// Each MUST / MUST NOT of STIX 2.1 that validate() enforces, as one row: the rule, its clause, the
// finding code, and an object that breaks it. docs/conformance.md lists the same rows by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate, STIX_2_0_CONTENT } from '../../src/stix/index.js';

const T = '2016-04-06T20:03:48.000Z';
const ID = 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';
const FILE_ID = 'file--9e2e2d2b-17d4-5cbf-938f-98ee46b3cd3f';

function indicator(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'indicator', spec_version: '2.1', id: ID, created: T, modified: T, name: 'n', description: 'd', pattern: "[ipv4-addr:value = '198.51.100.1']", pattern_type: 'stix', valid_from: T, ...extra };
}
function file(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'file', spec_version: '2.1', id: FILE_ID, name: 'a.exe', ...extra };
}
function marking(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'marking-definition', spec_version: '2.1', id: 'marking-definition--1e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: T, definition_type: 'statement', definition: { statement: 'Copyright Example' }, ...extra };
}
function networkTraffic(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'network-traffic', spec_version: '2.1', id: 'network-traffic--2e2e2d2b-17d4-5cbf-938f-98ee46b3cd3f', src_ref: 'ipv4-addr--3e2e2d2b-17d4-5cbf-938f-98ee46b3cd3f', protocols: ['tcp'], src_port: 1, dst_port: 2, ...extra };
}

function without(obj: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...obj };
  delete copy[key];
  return copy;
}

interface MustRow {
  readonly name: string;
  readonly clause: string;
  readonly input: unknown;
  readonly code: string;
  readonly path: string;
}

/** Objects that break one MUST each; `code` must be reported as an error at `path`. */
export const MUST_ROWS: readonly MustRow[] = [
  { name: 'created without milliseconds', clause: '3.2 created', input: indicator({ created: '2016-04-06T20:03:48Z' }), code: 'STIX_TIMESTAMP_PRECISION', path: '$.created' },
  { name: 'modified with tenths of a second', clause: '3.2 modified', input: indicator({ modified: '2016-04-06T20:03:48.1Z' }), code: 'STIX_TIMESTAMP_PRECISION', path: '$.modified' },
  { name: 'marking-definition created without milliseconds', clause: '7.2.1 created', input: marking({ created: '2016-04-06T20:03:48Z' }), code: 'STIX_TIMESTAMP_PRECISION', path: '$.created' },
  { name: 'null value of a defined property', clause: '3.1', input: indicator({ description: null }), code: 'STIX_NULL_VALUE', path: '$.description' },
  { name: 'null value of a custom property', clause: '3.1 / 11.1', input: indicator({ x_acme_score: null }), code: 'STIX_NULL_VALUE', path: '$.x_acme_score' },
  { name: 'null list item', clause: '3.1 / 2.11', input: indicator({ labels: ['a', null] }), code: 'STIX_NULL_VALUE', path: '$.labels[1]' },
  { name: 'null inside a custom dictionary', clause: '3.1', input: indicator({ x_acme: { inner: null } }), code: 'STIX_NULL_VALUE', path: '$.x_acme.inner' },
  { name: 'null inside an extension', clause: '3.1 / 7.3', input: file({ extensions: { 'ntfs-ext': { sid: null } } }), code: 'STIX_NULL_VALUE', path: '$.extensions["ntfs-ext"].sid' },
  { name: 'empty list in a custom property', clause: '2.11 list', input: indicator({ x_acme_tags: [] }), code: 'STIX_EMPTY_LIST', path: '$.x_acme_tags' },
  { name: 'empty extensions dictionary', clause: '2.8 dictionary / 3.2 extensions', input: indicator({ extensions: {} }), code: 'STIX_EMPTY_DICTIONARY', path: '$.extensions' },
  { name: 'empty dictionary property', clause: '2.8 dictionary', input: file({ extensions: { 'raster-image-ext': { image_height: 1, exif_tags: {} } } }), code: 'STIX_EMPTY_DICTIONARY', path: '$.extensions["raster-image-ext"].exif_tags' },
  { name: 'empty custom dictionary', clause: '2.8 dictionary', input: indicator({ x_acme: {} }), code: 'STIX_EMPTY_DICTIONARY', path: '$.x_acme' },
  { name: 'empty language-content contents', clause: '7.1 contents', input: { type: 'language-content', spec_version: '2.1', id: 'language-content--4e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: T, modified: T, object_ref: ID, contents: {} }, code: 'STIX_EMPTY_DICTIONARY', path: '$.contents' },
  { name: 'dictionary key with a character outside a-z A-Z 0-9 - _', clause: '2.8 dictionary', input: file({ extensions: { 'raster-image-ext': { exif_tags: { 'Make!': 'x' } } } }), code: 'STIX_DICTIONARY_KEY', path: '$.extensions["raster-image-ext"].exif_tags["Make!"]' },
  { name: 'dictionary key longer than 250 characters', clause: '2.8 dictionary', input: file({ extensions: { 'raster-image-ext': { exif_tags: { ['k'.repeat(251)]: 'x' } } } }), code: 'STIX_DICTIONARY_KEY', path: `$.extensions["raster-image-ext"].exif_tags.${'k'.repeat(251)}` },
  { name: 'ntfs-ext with none of its properties', clause: '6.7.2 NTFS extension', input: file({ extensions: { 'ntfs-ext': {} } }), code: 'STIX_CONSTRAINT', path: '$.extensions["ntfs-ext"]' },
  { name: 'raster-image-ext with none of its properties', clause: '6.7.4 raster image extension', input: file({ extensions: { 'raster-image-ext': { x_note: 'a' } } }), code: 'STIX_CONSTRAINT', path: '$.extensions["raster-image-ext"]' },
  { name: 'pdf-ext with none of its properties', clause: '6.7.3 PDF extension', input: file({ extensions: { 'pdf-ext': {} } }), code: 'STIX_CONSTRAINT', path: '$.extensions["pdf-ext"]' },
  { name: 'tcp-ext with none of its properties', clause: '6.12.5 TCP extension', input: networkTraffic({ extensions: { 'tcp-ext': {} } }), code: 'STIX_CONSTRAINT', path: '$.extensions["tcp-ext"]' },
  { name: 'windows-process-ext with none of its properties', clause: '6.13.2 Windows process extension', input: { type: 'process', spec_version: '2.1', id: 'process--5e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', pid: 1, extensions: { 'windows-process-ext': {} } }, code: 'STIX_CONSTRAINT', path: '$.extensions["windows-process-ext"]' },
  { name: 'windows-service-ext with none of its properties', clause: '6.13.3 Windows service extension', input: { type: 'process', spec_version: '2.1', id: 'process--5e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', pid: 1, extensions: { 'windows-service-ext': {} } }, code: 'STIX_CONSTRAINT', path: '$.extensions["windows-service-ext"]' },
  { name: 'unix-account-ext with none of its properties', clause: '6.16.2 UNIX account extension', input: { type: 'user-account', spec_version: '2.1', id: 'user-account--6e2e2d2b-17d4-5cbf-938f-98ee46b3cd3f', user_id: '1001', extensions: { 'unix-account-ext': {} } }, code: 'STIX_CONSTRAINT', path: '$.extensions["unix-account-ext"]' },
  { name: 'x509_v3_extensions with none of its properties', clause: '6.18.2 X.509 v3 extensions', input: { type: 'x509-certificate', spec_version: '2.1', id: 'x509-certificate--7e2e2d2b-17d4-5cbf-938f-98ee46b3cd3f', serial_number: '01', x509_v3_extensions: {} }, code: 'STIX_CONSTRAINT', path: '$.x509_v3_extensions' },
  { name: 'UUID version 0 (not RFC 4122)', clause: '2.9 identifier', input: indicator({ id: 'indicator--8e2e2d2b-17d4-0cbf-938f-98ee46b3cd3f' }), code: 'STIX_INVALID_ID', path: '$.id' },
  { name: 'UUID version 9 in a reference (not RFC 4122)', clause: '2.9 identifier', input: indicator({ created_by_ref: 'identity--8e2e2d2b-17d4-9cbf-938f-98ee46b3cd3f' }), code: 'STIX_INVALID_ID', path: '$.created_by_ref' },
  { name: 'UUID with the NCS variant bits', clause: '2.9 identifier', input: indicator({ id: 'indicator--8e2e2d2b-17d4-4cbf-538f-98ee46b3cd3f' }), code: 'STIX_INVALID_ID', path: '$.id' },
  { name: 'SHA-384 value of the wrong length', clause: '2.7 hashes', input: file({ hashes: { 'SHA-384': 'ab'.repeat(20) } }), code: 'STIX_INVALID_HASH', path: '$.hashes["SHA-384"]' },
  { name: 'SHA3-224 value that is not hex', clause: '2.7 hashes', input: file({ hashes: { 'SHA3-224': 'z'.repeat(56) } }), code: 'STIX_INVALID_HASH', path: '$.hashes["SHA3-224"]' },
  { name: "lower-case 'sha256' key naming SHA-256, wrong length", clause: '2.7 hashes', input: file({ hashes: { sha256: 'abc' } }), code: 'STIX_INVALID_HASH', path: '$.hashes.sha256' },
  { name: 'SSDEEP value without its three parts', clause: '2.7 hashes', input: file({ hashes: { SSDEEP: 'not-a-fuzzy-hash' } }), code: 'STIX_INVALID_HASH', path: '$.hashes.SSDEEP' },
  { name: 'integer outside the signed 54-bit range', clause: '2.10 integer', input: file({ size: 2 ** 60 }), code: 'STIX_VALUE_OUT_OF_RANGE', path: '$.size' },
  { name: 'spec_version "2.0" on an object', clause: '3.2 spec_version', input: indicator({ spec_version: '2.0' }), code: STIX_2_0_CONTENT, path: '$.spec_version' },
  { name: 'spec_version "2.0" on a bundle', clause: '8 bundle', input: { type: 'bundle', id: 'bundle--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', spec_version: '2.0', objects: [indicator()] }, code: STIX_2_0_CONTENT, path: '$.spec_version' },
  { name: 'observed-data with an objects dictionary and no spec_version', clause: '4.13 observed-data', input: { type: 'observed-data', id: 'observed-data--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: T, modified: T, first_observed: T, last_observed: T, number_observed: 1, objects: { '0': { type: 'ipv4-addr', value: '198.51.100.1' } } }, code: STIX_2_0_CONTENT, path: '$' },
  { name: 'indicator with no spec_version and no pattern_type', clause: '4.7 indicator', input: without(without(indicator(), 'spec_version'), 'pattern_type'), code: STIX_2_0_CONTENT, path: '$' },
  { name: 'malware with no spec_version, no is_family, types in labels', clause: '4.11 malware', input: { type: 'malware', id: 'malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: T, modified: T, name: 'Poison Ivy', labels: ['remote-access-trojan'] }, code: STIX_2_0_CONTENT, path: '$' },
  { name: 'email additional_header_fields value that is not a list of strings', clause: '6.6 email message', input: { type: 'email-message', spec_version: '2.1', id: 'email-message--8e2e2d2b-17d4-5cbf-938f-98ee46b3cd3f', is_multipart: false, additional_header_fields: { 'X-Mailer': 'Mutt/1.5.23' } }, code: 'STIX_WRONG_VALUE_TYPE', path: '$.additional_header_fields["X-Mailer"]' },
  // Rules that held before this table existed, kept here so that the table is the whole list.
  { name: 'capec external_id not CAPEC-<n>', clause: '2.5 external reference', input: indicator({ external_references: [{ source_name: 'capec', external_id: 'CAPEC' }] }), code: 'STIX_INVALID_FORMAT', path: '$.external_references[0].external_id' },
  { name: 'cve external_id not CVE-YYYY-NNNN', clause: '2.5 external reference', input: indicator({ external_references: [{ source_name: 'cve', external_id: 'CVE-16-1' }] }), code: 'STIX_INVALID_FORMAT', path: '$.external_references[0].external_id' },
  { name: 'external reference with only source_name', clause: '2.5 external reference', input: indicator({ external_references: [{ source_name: 'acme' }] }), code: 'STIX_CONSTRAINT', path: '$.external_references[0]' },
  { name: 'MD5 value of the wrong length', clause: '2.7 hashes', input: file({ hashes: { MD5: 'abc' } }), code: 'STIX_INVALID_HASH', path: '$.hashes.MD5' },
  { name: 'empty hashes', clause: '2.7 hashes', input: file({ hashes: {} }), code: 'STIX_INVALID_HASH', path: '$.hashes' },
  { name: 'empty list of a defined property', clause: '2.11 list', input: indicator({ labels: [] }), code: 'STIX_EMPTY_LIST', path: '$.labels' },
  { name: 'modified earlier than created', clause: '3.2 modified', input: indicator({ modified: '2016-04-06T20:03:47.000Z' }), code: 'STIX_TIMESTAMP_ORDER', path: '$.modified' },
  { name: 'timestamp with an offset instead of Z', clause: '2.13 timestamp', input: indicator({ valid_from: '2016-04-06T20:03:48+00:00' }), code: 'STIX_INVALID_TIMESTAMP', path: '$.valid_from' },
  { name: 'confidence above 100', clause: '3.2 confidence', input: indicator({ confidence: 101 }), code: 'STIX_VALUE_OUT_OF_RANGE', path: '$.confidence' },
];

for (const row of MUST_ROWS) {
  test(`MUST (${row.clause}): ${row.name} -> ${row.code}`, () => {
    const r = validate(row.input);
    const found = r.errors.filter((e) => e.code === row.code).map((e) => e.path);
    assert.ok(found.includes(row.path), `expected ${row.code} at ${row.path}; errors: ${r.errors.map((e) => `${e.code}@${e.path}`).join(' ') || 'none'}`);
    assert.equal(r.valid, false);
  });
}

test('created and modified may be more precise than milliseconds', () => {
  const r = validate(indicator({ created: '2016-04-06T20:03:48.123456Z', modified: '2016-04-06T20:03:48.123456789Z' }));
  assert.deepEqual(r.errors, []);
});

test('UUID versions 1 to 5 are RFC 4122 (a version other than 4 is only a SHOULD warning)', () => {
  const r = validate(indicator({ id: 'indicator--8e2e2d2b-17d4-1cbf-938f-98ee46b3cd3f' }));
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.warnings.map((w) => w.code), ['STIX_UUID_VERSION']);
});

test('null does not satisfy an "at least one of" group', () => {
  const r = validate(file({ name: null }));
  const codes = r.errors.map((e) => e.code);
  assert.ok(codes.includes('STIX_NULL_VALUE'));
  assert.ok(codes.includes('STIX_CONSTRAINT'), codes.join(','));
});

test('STIX 2.0 content is named as such, so an importer can offer to upgrade it', () => {
  const r = validate({ type: 'bundle', id: 'bundle--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', spec_version: '2.0', objects: [without(indicator(), 'spec_version')] });
  const found = r.errors.filter((e) => e.code === STIX_2_0_CONTENT);
  assert.ok(found.length > 0);
  for (const f of found) assert.match(f.message, /^STIX 2\.0 content: /);
  // The 2.0 bundle's objects carry no spec_version: one clear finding, not a pile of missing-property errors.
  assert.deepEqual(r.errors.filter((e) => e.code === 'STIX_REQUIRED_PROPERTY').map((e) => e.path), []);
  // A 2.1 object does not draw it.
  assert.deepEqual(validate(indicator()).errors, []);
});

test('a valid object with hashes of every well-known algorithm passes', () => {
  const r = validate(file({ hashes: { MD5: 'a'.repeat(32), 'SHA-1': 'a'.repeat(40), 'SHA-224': 'a'.repeat(56), 'SHA-256': 'a'.repeat(64), 'SHA-384': 'a'.repeat(96), 'SHA-512': 'a'.repeat(128), 'SHA3-224': 'a'.repeat(56), 'SHA3-256': 'a'.repeat(64), 'SHA3-384': 'a'.repeat(96), 'SHA3-512': 'a'.repeat(128), SSDEEP: '96:s4Ud1Lj96tHHlZDrwciQmA+4uy1I0G4HYuL8N3TzS8QsO/wqWXLcMSx:sF1LjEtHHlZDrJzrhuyZvHYm8tKp/RWO', TLSH: 'T1' + 'A'.repeat(70) } }));
  assert.deepEqual(r.errors, []);
});

test('a custom value nested 100 000 levels deep is checked without overflowing the stack', () => {
  let deep: unknown = [null];
  for (let i = 0; i < 100_000; i++) deep = [deep];
  const r = validate(indicator({ x_acme_deep: deep }));
  assert.equal(r.errors.filter((e) => e.code === 'STIX_NULL_VALUE').length, 1);
});

test('deeply nested values in defined and custom properties give findings, never a thrown error', () => {
  let deepList: unknown = [1];
  let deepObject: unknown = { a: 1 };
  for (let i = 0; i < 100_000; i++) {
    deepList = [deepList];
    deepObject = { a: deepObject };
  }
  const wrongType = validate(indicator({ name: deepList }));
  assert.deepEqual(wrongType.errors.map((e) => [e.code, e.path]), [['STIX_WRONG_VALUE_TYPE', '$.name']]);
  const sco = validate(file({ x_acme_deep: deepObject }));
  assert.equal(sco.valid, true);
});
