// In the composed app, every answer under the TAXII base path is a TAXII error body with the TAXII
// media type, including URLs the router cannot even decode; the JSON API answers its own shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../src/app.js';
import { DEFAULT_NODE_CONFIG } from '../../src/node/config.js';
import { createOrganisation } from '../../src/node/admin.js';
import { issueToken } from '../../src/node/tokens.js';
import { openSqliteStore } from '../../src/store/index.js';

const TAXII = 'application/taxii+json;version=2.1';

test('unknown API roots, unknown paths and undecodable URLs under /taxii2/ answer TAXII error bodies', async (t) => {
  const clock = Date.now;
  const store = await openSqliteStore({ path: ':memory:', clock });
  const info = { nodeName: 'paths-node', country: 'IN', createdAt: new Date().toISOString() };
  await store.initNode(info);
  await createOrganisation(store, { id: 'cert-a', name: 'CERT A', country: 'IN' }, clock);
  const token = await issueToken(store, { orgId: 'cert-a', role: 'analyst' }, clock, randomUUID);
  const app = await buildApp({ store, config: DEFAULT_NODE_CONFIG, info, clock, newId: randomUUID, logger: false, version: '0.0.0-test' });
  t.after(async () => (await app.http.close(), await store.close()));

  const cases: [string, string, number, string][] = [
    ['GET', '/taxii2/nope/', 404, 'SETU_ERR_TAXII_NOT_FOUND'],
    ['GET', '/taxii2/nope/collections/', 404, 'SETU_ERR_TAXII_NOT_FOUND'],
    ['GET', '/taxii2/setu/nothing/', 404, 'SETU_ERR_TAXII_NOT_FOUND'],
    ['PUT', '/taxii2/setu/', 404, 'SETU_ERR_TAXII_NOT_FOUND'],
    ['GET', '/taxii2/%zz/', 400, 'SETU_ERR_TAXII_BAD_REQUEST'],
    ['GET', '/taxii2/setu/collections/%E0%A4%A/', 400, 'SETU_ERR_TAXII_BAD_REQUEST'],
  ];
  for (const authorization of [{ authorization: `Bearer ${token.secret}` }, {}]) {
    for (const [method, url, status, code] of cases) {
      const what = `${method} ${url} ${Object.keys(authorization).join('')}`;
      const res = await app.http.inject({ method: method as 'GET', url, headers: { accept: TAXII, ...authorization } });
      // PUT without credentials is refused before routing; that is a TAXII body too
      const [expectedStatus, expectedCode] = method === 'PUT' && !('authorization' in authorization) ? [401, 'SETU_ERR_ACCESS_NO_CREDENTIALS'] : [status, code];
      assert.equal(res.statusCode, expectedStatus, `${what}: ${res.body}`);
      assert.equal(res.headers['content-type'], TAXII, what);
      const body = JSON.parse(res.body) as Record<string, unknown>;
      assert.equal(body['error_code'], expectedCode, what);
      assert.equal(body['http_status'], String(expectedStatus), what);
      assert.equal(typeof body['title'], 'string', what);
      assert.equal(typeof body['description'], 'string', what);
    }
  }
  // the JSON API answers an undecodable URL in its own error shape
  const api = await app.http.inject({ method: 'GET', url: '/api/v1/%zz', headers: { authorization: `Bearer ${token.secret}` } });
  assert.equal(api.statusCode, 400);
  assert.match(String(api.headers['content-type']), /^application\/json/);
  assert.equal((JSON.parse(api.body) as Record<string, unknown>)['error_code'], 'SETU_ERR_API_BAD_REQUEST');
});
