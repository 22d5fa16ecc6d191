import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { COLLECTIONS, ROOT, TAXII, coa, envelope, json, makeHarness, objectsUrl } from './harness.js';

function assertTaxiiError(res: LightMyRequestResponse, status: number, code: string, what = ''): Record<string, unknown> {
  assert.equal(res.statusCode, status, `${what} ${res.body}`);
  assert.equal(res.headers['content-type'], TAXII, what);
  const body = json(res);
  assert.equal(body['http_status'], String(status), what);
  assert.equal(body['error_code'], code, what);
  assert.equal(typeof body['title'], 'string');
  assert.equal(typeof body['description'], 'string');
  return body;
}

test('401: no, malformed, unknown, revoked and expired credentials, with a challenge', async (t) => {
  const h = await makeHarness();
  t.after(() => h.close());
  const cases: [Record<string, string>, string][] = [
    [{ authorization: 'Bearer' }, 'SETU_ERR_ACCESS_BAD_CREDENTIALS'],
    [{ authorization: 'Negotiate abc' }, 'SETU_ERR_ACCESS_BAD_CREDENTIALS'],
    [{ authorization: 'Bearer setu_not-a-token' }, 'SETU_ERR_ACCESS_UNKNOWN_TOKEN'],
    [{ authorization: `Bearer ${h.tokens.revoked}` }, 'SETU_ERR_ACCESS_TOKEN_REVOKED'],
    [{ authorization: `Bearer ${h.tokens.expired}` }, 'SETU_ERR_ACCESS_TOKEN_EXPIRED'],
  ];
  for (const url of ['/taxii2/', `${ROOT}/collections/`, objectsUrl(), '/taxii2/unknown/']) {
    for (const [headers, code] of cases) {
      const res = await h.app.inject({ method: 'GET', url, headers: { accept: TAXII, ...headers } });
      assertTaxiiError(res, 401, code, `${url} ${JSON.stringify(headers)}`);
      assert.match(String(res.headers['www-authenticate']), /Bearer/);
      assert.match(String(res.headers['www-authenticate']), /Basic/);
    }
  }
  // without credentials, only what is public answers (here: discovery, API root, an empty list)
  for (const url of [objectsUrl(), `${ROOT}/collections/${COLLECTIONS.shared}/`, `${ROOT}/status/3e0b3f5c-0000-4000-8000-000000000000/`]) {
    const res = await h.app.inject({ method: 'GET', url, headers: { accept: TAXII } });
    assertTaxiiError(res, 401, 'SETU_ERR_ACCESS_NO_CREDENTIALS', url);
    assert.match(String(res.headers['www-authenticate']), /Bearer/);
    assert.match(String(res.headers['www-authenticate']), /Basic/);
  }
  assertTaxiiError(await h.post(objectsUrl(), envelope([coa(1)]), null), 401, 'SETU_ERR_ACCESS_NO_CREDENTIALS', 'POST');
  assertTaxiiError(await h.del(`${objectsUrl()}${String(coa(1)['id'])}/`, null), 401, 'SETU_ERR_ACCESS_NO_CREDENTIALS', 'DELETE');
  // HTTP Basic with the token as password works
  const basic = Buffer.from(`whoever:${h.tokens.inAnalyst}`).toString('base64');
  const ok = await h.app.inject({ method: 'GET', url: `${ROOT}/collections/`, headers: { accept: TAXII, authorization: `Basic ${basic}` } });
  assert.equal(ok.statusCode, 200);
});

test('403: visible collection, missing right', async (t) => {
  const h = await makeHarness();
  t.after(() => h.close());
  // jp can read shared but not write it; the reader role never writes
  assertTaxiiError(await h.post(objectsUrl(), envelope([coa(1)]), 'jpAnalyst'), 403, 'SETU_ERR_TAXII_FORBIDDEN');
  assertTaxiiError(await h.post(objectsUrl(), envelope([coa(1)]), 'jpReader'), 403, 'SETU_ERR_TAXII_FORBIDDEN');
  assertTaxiiError(await h.del(`${objectsUrl()}${String(coa(1)['id'])}/`, 'jpAnalyst'), 403, 'SETU_ERR_TAXII_FORBIDDEN');
  // jp may write the drop box but not read it
  assertTaxiiError(await h.get(objectsUrl(COLLECTIONS.dropbox), 'jpAnalyst'), 403, 'SETU_ERR_TAXII_FORBIDDEN');
  assertTaxiiError(await h.get(`${ROOT}/collections/${COLLECTIONS.dropbox}/manifest/`, 'jpAnalyst'), 403, 'SETU_ERR_TAXII_FORBIDDEN');
  assert.equal((await h.post(objectsUrl(COLLECTIONS.dropbox), envelope([coa(1)]), 'jpAnalyst')).statusCode, 202);
  assert.equal(await h.store.countObjects(COLLECTIONS.shared), 0);
});

test('404: unknown collection, object and status', async (t) => {
  const h = await makeHarness();
  t.after(() => h.close());
  assertTaxiiError(await h.get(objectsUrl('nope')), 404, 'SETU_ERR_TAXII_COLLECTION_NOT_FOUND');
  assertTaxiiError(await h.post(objectsUrl('nope'), envelope([coa(1)])), 404, 'SETU_ERR_TAXII_COLLECTION_NOT_FOUND');
  const id = String(coa(1)['id']);
  assertTaxiiError(await h.get(`${objectsUrl()}${id}/`), 404, 'SETU_ERR_TAXII_OBJECT_NOT_FOUND');
  assertTaxiiError(await h.get(`${objectsUrl()}${id}/versions/`), 404, 'SETU_ERR_TAXII_OBJECT_NOT_FOUND');
  assertTaxiiError(await h.del(`${objectsUrl()}${id}/`), 404, 'SETU_ERR_TAXII_OBJECT_NOT_FOUND');
  assertTaxiiError(await h.get(`${ROOT}/status/3e0b3f5c-0000-4000-8000-000000000000/`), 404, 'SETU_ERR_TAXII_STATUS_NOT_FOUND');
});

test('406: an Accept header that excludes TAXII 2.1', async (t) => {
  const h = await makeHarness();
  t.after(() => h.close());
  for (const accept of ['application/json', 'text/html', 'application/taxii+json;version=2.0', 'application/stix+json;version=2.1', 'application/taxii+json;version=2.1;q=0']) {
    for (const url of ['/taxii2/', `${ROOT}/collections/`, objectsUrl()]) {
      assertTaxiiError(await h.get(url, 'admin', { accept }), 406, 'SETU_ERR_TAXII_NOT_ACCEPTABLE', `${url} ${accept}`);
    }
  }
  for (const accept of ['application/taxii+json', '*/*', 'application/*', 'text/html, application/taxii+json; version="2.1"; q=0.5', 'application/taxii+json;version=2.1']) {
    assert.equal((await h.get(`${ROOT}/collections/`, 'admin', { accept })).statusCode, 200, accept);
  }
  const noAccept = await h.app.inject({ method: 'GET', url: '/taxii2/', headers: { authorization: `Bearer ${h.tokens.admin}` } });
  assert.equal(noAccept.statusCode, 200);
});

test('415: a body that is not application/taxii+json;version=2.1', async (t) => {
  const h = await makeHarness();
  t.after(() => h.close());
  for (const type of ['application/json', 'text/plain', 'application/stix+json;version=2.1', 'application/taxii+json;version=2.0', 'application/x-www-form-urlencoded']) {
    assertTaxiiError(await h.post(objectsUrl(), envelope([coa(1)]), 'admin', { 'content-type': type }), 415, 'SETU_ERR_TAXII_UNSUPPORTED_MEDIA_TYPE', type);
  }
  const none = await h.app.inject({ method: 'POST', url: objectsUrl(), headers: { accept: TAXII, authorization: `Bearer ${h.tokens.admin}` } });
  assertTaxiiError(none, 415, 'SETU_ERR_TAXII_UNSUPPORTED_MEDIA_TYPE', 'no content-type');
  assert.equal(await h.store.countObjects(), 0);
  assert.equal((await h.post(objectsUrl(), envelope([coa(1)]), 'admin', { 'content-type': 'application/taxii+json' })).statusCode, 202);
});

test('413: a body over max_content_length, declared or streamed', async (t) => {
  const h = await makeHarness({ maxContentLength: 2_000 });
  t.after(() => h.close());
  const big = envelope(Array.from({ length: 20 }, (_, i) => coa(i)));
  assert.ok(big.length > 2_000);
  assertTaxiiError(await h.post(objectsUrl(), big), 413, 'SETU_ERR_TAXII_BODY_TOO_LARGE');
  // streamed without Content-Length: the limit is enforced while reading
  const streamed = await h.app.inject({
    method: 'POST',
    url: objectsUrl(),
    payload: Readable.from([big.slice(0, 1500), big.slice(1500)]),
    headers: { accept: TAXII, 'content-type': TAXII, authorization: `Bearer ${h.tokens.admin}` },
  });
  assertTaxiiError(streamed, 413, 'SETU_ERR_TAXII_BODY_TOO_LARGE', 'streamed');
  assert.equal(await h.store.countObjects(), 0);
  const root = json(await h.get(`${ROOT}/`));
  assert.equal(root['max_content_length'], 2_000);
  const small = envelope([coa(1)]);
  assert.equal((await h.post(objectsUrl(), small)).statusCode, 202);
});

test('400: malformed JSON; 422: JSON that is not an envelope; nothing stored is lost', async (t) => {
  const h = await makeHarness();
  t.after(() => h.close());
  assert.equal((await h.post(objectsUrl(), envelope([coa(1)]))).statusCode, 202);
  for (const body of ['', '{', '{"objects":[{"type":"course-of-action",}]}', 'not json', '{"objects":[]} x']) {
    assertTaxiiError(await h.post(objectsUrl(), body), 400, 'SETU_ERR_INGEST_MALFORMED_JSON', JSON.stringify(body));
  }
  for (const body of ['[]', '{}', JSON.stringify(coa(2)), '{"objects":{}}']) {
    assertTaxiiError(await h.post(objectsUrl(), body), 422, 'SETU_ERR_INGEST_BAD_ENVELOPE', body);
  }
  // an envelope broken after valid objects stores none of them
  const broken = `{"objects":[${JSON.stringify(coa(3))}],"more":}`;
  assertTaxiiError(await h.post(objectsUrl(), broken), 400, 'SETU_ERR_INGEST_MALFORMED_JSON');
  assert.equal(await h.store.countObjects(), 1);
});

test('400: bad query parameters name the parameter', async (t) => {
  const h = await makeHarness();
  t.after(() => h.close());
  const bad: [string, string][] = [
    ['limit=0', 'limit'], ['limit=-20', 'limit'], ['limit=abc', 'limit'], ['limit=1.5', 'limit'],
    ['added_after=yesterday', 'added_after'], ['added_after=2026-02-30T00:00:00Z', 'added_after'],
    ['next=garbage!', 'next'], ['next=Zm9v', 'next'],
    ['match[version]=newest', 'match[version]'], ['match[version]=last,', 'match[version]'],
    ['match[type]=Not_A_Type', 'match[type]'], ['match[id]=indicator', 'match[id]'],
    ['match[spec_version]=two', 'match[spec_version]'],
  ];
  for (const [query, parameter] of bad) {
    const body = assertTaxiiError(await h.get(`${objectsUrl()}?${query}`), 400, parameter === 'next' ? 'SETU_ERR_TAXII_BAD_NEXT' : 'SETU_ERR_TAXII_BAD_PARAMETER', query);
    assert.deepEqual(body['details'], { parameter }, query);
  }
  // manifest, versions and single-object endpoints check their filters too
  assertTaxiiError(await h.get(`${ROOT}/collections/${COLLECTIONS.shared}/manifest/?limit=0`), 400, 'SETU_ERR_TAXII_BAD_PARAMETER');
});

test('429: per-token rate limit with Retry-After, reset after the window', async (t) => {
  const h = await makeHarness({ rateLimit: { perMinute: 3 } });
  t.after(() => h.close());
  for (let i = 0; i < 3; i++) assert.equal((await h.get(`${ROOT}/collections/`, 'inAnalyst')).statusCode, 200);
  const limited = await h.get(`${ROOT}/collections/`, 'inAnalyst');
  assertTaxiiError(limited, 429, 'SETU_ERR_TAXII_RATE_LIMITED');
  assert.equal(limited.headers['retry-after'], '60');
  // another token has its own budget
  assert.equal((await h.get(`${ROOT}/collections/`, 'jpAnalyst')).statusCode, 200);
  h.advance(45_000);
  assert.equal((await h.get(`${ROOT}/collections/`, 'inAnalyst')).headers['retry-after'], '15');
  h.advance(15_000);
  assert.equal((await h.get(`${ROOT}/collections/`, 'inAnalyst')).statusCode, 200);
});
