import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SetuError } from '../../src/errors/index.js';
import { ACCESS_ERRORS } from '../../src/access/index.js';
import { INGEST_ERRORS } from '../../src/ingest/index.js';
import { ERROR_HTTP, MAPPED_CATALOGUE, TAXII_ERRORS, toTaxiiError } from '../../src/taxii/index.js';

test('catalogue: every code is well-named, documented, unique and mapped', () => {
  const all = [...Object.keys(ACCESS_ERRORS), ...Object.keys(INGEST_ERRORS), ...Object.keys(TAXII_ERRORS)];
  assert.equal(new Set(all).size, all.length);
  for (const [code, description] of Object.entries({ ...ACCESS_ERRORS, ...INGEST_ERRORS, ...TAXII_ERRORS })) {
    assert.match(code, /^SETU_ERR_(ACCESS|INGEST|TAXII)_[A-Z_]+$/);
    assert.ok(description.length > 10, code);
    assert.ok(Object.hasOwn(ERROR_HTTP, code), `${code} has an HTTP mapping`);
  }
  assert.deepEqual(Object.keys(ERROR_HTTP).sort(), Object.keys(MAPPED_CATALOGUE).sort());
  for (const mapping of Object.values(ERROR_HTTP)) assert.ok(mapping.status >= 400 && mapping.status < 600);
});

test('TAXII error bodies: http_status is a string; 5xx reveal nothing internal', () => {
  const notFound = toTaxiiError(new SetuError('SETU_ERR_TAXII_OBJECT_NOT_FOUND', "Object 'x' not found.", { secret: 'hidden' }), 'req-1');
  assert.deepEqual(notFound.body, { title: 'Object Not Found', description: "Object 'x' not found.", error_id: 'req-1', error_code: 'SETU_ERR_TAXII_OBJECT_NOT_FOUND', http_status: '404' });
  const crash = toTaxiiError(new Error('SQLITE_CORRUPT at /var/lib/setu.db'));
  assert.equal(crash.status, 500);
  assert.equal(crash.internal, true);
  assert.ok(!JSON.stringify(crash.body).includes('SQLITE'));
  const storeFailure = toTaxiiError(new SetuError('SETU_ERR_STORE_CLOSED', 'store closed at /path'));
  assert.equal(storeFailure.status, 500);
  assert.ok(!JSON.stringify(storeFailure.body).includes('/path'));
  const unknown = toTaxiiError(new SetuError('SETU_ERR_SOMETHING_NEW', 'x'));
  assert.equal(unknown.status, 500);
});

test('Fastify errors become TAXII errors', () => {
  const tooLarge = Object.assign(new Error('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
  assert.equal(toTaxiiError(tooLarge).status, 413);
  const media = Object.assign(new Error('Unsupported Media Type'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 });
  assert.equal(toTaxiiError(media).body.error_code, 'SETU_ERR_TAXII_UNSUPPORTED_MEDIA_TYPE');
  const other = Object.assign(new Error('Method Not Allowed'), { statusCode: 405 });
  assert.deepEqual([toTaxiiError(other).status, toTaxiiError(other).body.title], [405, 'Method Not Allowed']);
});
