// The composed application: operational endpoints, OpenAPI, and TAXII mounted where discovery says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../src/app.js';
import { DEFAULT_NODE_CONFIG } from '../src/node/config.js';
import { createCollection, createOrganisation } from '../src/node/admin.js';
import { issueToken } from '../src/node/tokens.js';
import { openSqliteStore } from '../src/store/index.js';

const TAXII = 'application/taxii+json;version=2.1';

async function fixture() {
  const clock = Date.now;
  const store = await openSqliteStore({ path: ':memory:', clock });
  const info = { nodeName: 'test-node', country: 'IN', createdAt: new Date().toISOString() };
  await store.initNode(info);
  await createOrganisation(store, { id: 'cert-a', name: 'CERT A', country: 'IN' }, clock);
  const collection = await createCollection(store, { title: 'shared', readOrgs: ['cert-a'], writeOrgs: ['cert-a'] }, clock, randomUUID);
  const token = await issueToken(store, { orgId: 'cert-a', role: 'analyst' }, clock, randomUUID);
  const app = await buildApp({ store, config: DEFAULT_NODE_CONFIG, info, clock, newId: randomUUID, logger: false, version: '0.0.0-test' });
  const auth = { authorization: `Bearer ${token.secret}`, accept: TAXII };
  return { store, app, collection, auth, close: async () => (await app.http.close(), await store.close()) };
}

test('healthz answers ok while the store answers', async () => {
  const f = await fixture();
  const res = await f.app.http.inject({ method: 'GET', url: '/healthz' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { status: 'ok' });
  await f.close();
});

test('metrics count requests by route and objects ingested', async () => {
  const f = await fixture();
  const bundle = {
    type: 'bundle',
    id: `bundle--${randomUUID()}`,
    objects: [
      { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd', value: '198.51.100.3' },
      { type: 'indicator', spec_version: '2.1', id: `indicator--${randomUUID()}`, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', pattern: "[ipv4-addr:value = '198.51.100.3']", pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z' },
    ],
  };
  const post = await f.app.http.inject({
    method: 'POST',
    url: `/taxii2/setu/collections/${f.collection.id}/objects/`,
    headers: { ...f.auth, 'content-type': TAXII },
    payload: JSON.stringify(bundle),
  });
  assert.equal(post.statusCode, 202, post.body);
  const metrics = await f.app.http.inject({ method: 'GET', url: '/metrics' });
  assert.equal(metrics.statusCode, 200);
  assert.match(metrics.headers['content-type'] as string, /text\/plain/);
  assert.match(metrics.body, /setu_http_requests_total\{method="POST",route="\/taxii2\/setu\/collections\/:collectionId\/objects\/",status="202"\} 1/);
  assert.match(metrics.body, /setu_objects_ingested_total 2/);
  assert.match(metrics.body, /setu_objects_stored 2/);
  assert.match(metrics.body, /setu_http_request_duration_seconds_bucket/);
  await f.close();
});

test('the OpenAPI description covers every TAXII endpoint and the operational ones', async () => {
  const f = await fixture();
  const res = await f.app.http.inject({ method: 'GET', url: '/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.equal(doc.openapi, '3.1.0');
  const paths = Object.keys(doc.paths);
  for (const expected of [
    '/taxii2/',
    '/taxii2/setu/',
    '/taxii2/setu/collections/',
    '/taxii2/setu/collections/{collectionId}/',
    '/taxii2/setu/collections/{collectionId}/objects/',
    '/taxii2/setu/collections/{collectionId}/objects/{objectId}/',
    '/taxii2/setu/collections/{collectionId}/objects/{objectId}/versions/',
    '/taxii2/setu/collections/{collectionId}/manifest/',
    '/taxii2/setu/status/{statusId}/',
    '/healthz',
    '/metrics',
  ]) {
    assert.ok(paths.includes(expected), `${expected} in ${paths.join(', ')}`);
  }
  await f.close();
});

test('discovery names the API root this app serves', async () => {
  const f = await fixture();
  const res = await f.app.http.inject({ method: 'GET', url: '/taxii2/', headers: f.auth });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.deepEqual(body.api_roots, ['/taxii2/setu/']);
  assert.equal(body.default, '/taxii2/setu/');
  await f.close();
});
