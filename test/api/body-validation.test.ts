// API request bodies are checked against the route schema that /openapi.json publishes: JSON is
// taken as sent (never coerced), and a refusal is a 400 in the API error shape naming the field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../src/app.js';
import { DEFAULT_NODE_CONFIG, createOrganisation, issueToken } from '../../src/node/index.js';
import { openSqliteStore } from '../../src/store/index.js';

test('a body that does not match the route schema is a 400 naming the field, and nothing is written', async (t) => {
  const clock = Date.now;
  const store = await openSqliteStore({ path: ':memory:', clock });
  const info = { nodeName: 'body-node', country: 'JP', createdAt: new Date().toISOString() };
  await store.initNode(info);
  await createOrganisation(store, { id: 'home', name: 'HOME' }, clock);
  const admin = (await issueToken(store, { orgId: 'home', role: 'node-admin' }, clock, randomUUID)).secret;
  const app = await buildApp({ store, config: DEFAULT_NODE_CONFIG, info, clock, newId: randomUUID, logger: false, version: 'test' });
  t.after(async () => (await app.http.close(), await store.close()));
  const post = (url: string, payload: unknown) =>
    app.http.inject({ method: 'POST', url: `/api/v1${url}`, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });

  const cases: [string, unknown, string][] = [
    ['/collections', { title: 42 }, 'title'],
    ['/collections', { title: 'x', public: 'true' }, 'public'],
    ['/collections', { title: 'x', read: 'home' }, 'read'],
    ['/organisations', { id: 'org-1', name: 'One', attributionConsent: 1 }, 'attributionConsent'],
    ['/organisations', { id: 'org-1' }, 'name'],
    ['/tokens', { org: 'home', role: 'root' }, 'role'],
    ['/tokens', { org: 'home', role: 'reader', expiresInDays: '30' }, 'expiresInDays'],
    ['/communities', { id: 'c', name: 'C', members: ['home', 7] }, 'members.1'],
  ];
  for (const [url, body, field] of cases) {
    const res = await post(url, body);
    assert.equal(res.statusCode, 400, `${url} ${JSON.stringify(body)}: ${res.body}`);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    const answer = res.json() as Record<string, unknown>;
    assert.equal(answer['error_code'], 'SETU_ERR_API_BAD_REQUEST', url);
    assert.equal(answer['http_status'], '400');
    assert.ok(String(answer['description']).includes(`"${field}"`), `${JSON.stringify(body)} names ${field}: ${String(answer['description'])}`);
  }
  assert.deepEqual((await store.listCollections()).map((c) => c.title), []);
  assert.deepEqual((await store.listOrganisations()).map((o) => o.id), ['home']);
  assert.equal((await store.listTokens()).length, 1);
  // the same fields with their right JSON types are accepted
  assert.equal((await post('/collections', { title: 'x', public: true, read: ['home'] })).statusCode, 201);
  assert.equal((await post('/tokens', { org: 'home', role: 'reader', expiresInDays: 30, label: null })).statusCode, 201);
});
