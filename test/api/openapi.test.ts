// /openapi.json is a valid OpenAPI 3.1 document that describes every route completely: an
// operationId and a summary, a schema for the success answer and for the error answers (the TAXII
// error body, which the JSON API shares), and a request body schema wherever the route takes one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv } from 'ajv';
import { buildApp } from '../../src/app.js';
import { DEFAULT_NODE_CONFIG } from '../../src/node/config.js';
import { createCollection, createOrganisation } from '../../src/node/admin.js';
import { issueToken } from '../../src/node/tokens.js';
import { openSqliteStore } from '../../src/store/index.js';
import { ERROR_BODY_SCHEMA, TAXII_MEDIA_TYPE } from '../../src/taxii/index.js';

type Operation = {
  operationId?: string;
  summary?: string;
  requestBody?: { content?: Record<string, { schema?: object }> };
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
/** Routes that take no request body although their method allows one, and why. */
const BODYLESS: Readonly<Record<string, string>> = {
  'POST /api/v1/peers/{peer}/sync': 'an action on the peer named in the path',
  'POST /api/v1/audit/checkpoints/push': 'an action: the head is signed as it stands',
};
/** Routes whose success answer is empty by definition. */
const EMPTY_SUCCESS = new Set([
  'DELETE /taxii2/setu/collections/{collectionId}/objects/{objectId}/', // TAXII 2.1 Delete An Object: 200, no body
]);

async function openapi(): Promise<{ doc: Record<string, unknown>; close: () => Promise<void> }> {
  const clock = Date.now;
  const store = await openSqliteStore({ path: ':memory:', clock });
  const info = { nodeName: 'openapi-node', country: 'IN', createdAt: new Date().toISOString() };
  await store.initNode(info);
  const app = await buildApp({ store, config: DEFAULT_NODE_CONFIG, info, clock, newId: randomUUID, logger: false, version: '0.0.0-test' });
  const res = await app.http.inject({ method: 'GET', url: '/openapi.json' });
  assert.equal(res.statusCode, 200);
  return { doc: JSON.parse(res.body) as Record<string, unknown>, close: async () => (await app.http.close(), await store.close()) };
}

function operations(doc: Record<string, unknown>): [string, Operation][] {
  const out: [string, Operation][] = [];
  for (const [path, item] of Object.entries(doc['paths'] as Record<string, Record<string, Operation>>)) {
    for (const method of METHODS) if (item[method] !== undefined) out.push([`${method.toUpperCase()} ${path}`, item[method]]);
  }
  return out;
}

/** The error body: named once as a component, and referred to by every error answer. */
const isErrorBody = (schema: unknown) => JSON.stringify(schema) === JSON.stringify({ $ref: '#/components/schemas/ErrorBody' });

test('/openapi.json is valid OpenAPI 3.1', async (t) => {
  const { doc, close } = await openapi();
  t.after(close);
  assert.equal(doc['openapi'], '3.1.0');
  const result = await new Validator().validate(doc);
  assert.deepEqual(result.errors ?? [], [], JSON.stringify(result.errors, null, 1));
  assert.equal(result.valid, true);
});

test('every route has an operationId, a summary, success and error schemas, and its request body schema', async (t) => {
  const { doc, close } = await openapi();
  t.after(close);
  const all = operations(doc);
  assert.ok(all.length >= 30, `${all.length} operations`);
  assert.deepEqual((doc['components'] as { schemas: Record<string, unknown> }).schemas['ErrorBody'], JSON.parse(JSON.stringify(ERROR_BODY_SCHEMA)));
  const problems: string[] = [];
  const ids = new Map<string, string>();
  for (const [name, op] of all) {
    if (typeof op.operationId !== 'string' || op.operationId === '') problems.push(`${name}: no operationId`);
    else if (ids.has(op.operationId)) problems.push(`${name}: operationId ${op.operationId} also used by ${ids.get(op.operationId)}`);
    else ids.set(op.operationId, name);
    if (typeof op.summary !== 'string' || op.summary === '') problems.push(`${name}: no summary`);
    const responses = Object.entries(op.responses ?? {});
    const success = responses.filter(([status]) => /^2/.test(status));
    if (success.length === 0) problems.push(`${name}: no success response`);
    for (const [status, response] of success) {
      const schemas = Object.values(response.content ?? {}).map((m) => m.schema);
      const empty = status === '204' || EMPTY_SUCCESS.has(name);
      if (!empty && (schemas.length === 0 || schemas.some((s) => s === undefined))) problems.push(`${name}: ${status} has no schema`);
      if (empty && schemas.length > 0) problems.push(`${name}: ${status} documents a body it never sends`);
      if (status === 'default') problems.push(`${name}: success documented as default`);
    }
    const errors = responses.filter(([status]) => /^[45]/.test(status));
    if (errors.length === 0) problems.push(`${name}: no error responses`);
    if (!errors.some(([, response]) => Object.values(response.content ?? {}).some((m) => isErrorBody(m.schema)))) problems.push(`${name}: no error response with the error body schema`);
    for (const [status, response] of errors) {
      if (Object.values(response.content ?? {}).some((m) => m.schema === undefined)) problems.push(`${name}: ${status} has no schema`);
    }
    const method = name.split(' ')[0] ?? '';
    if (['POST', 'PUT', 'PATCH'].includes(method) && BODYLESS[name] === undefined) {
      const bodies = Object.values(op.requestBody?.content ?? {});
      if (bodies.length === 0 || bodies.some((m) => m.schema === undefined)) problems.push(`${name}: no request body schema`);
    }
    if (name.startsWith('GET /taxii2/') || name.startsWith('POST /taxii2/') || name.startsWith('DELETE /taxii2/')) {
      for (const [status, response] of responses) {
        if (response.content !== undefined && Object.keys(response.content).join() !== TAXII_MEDIA_TYPE) problems.push(`${name}: ${status} is not ${TAXII_MEDIA_TYPE}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('TAXII statuses as the specification gives them: Add Objects answers 202 with a status resource', async (t) => {
  const { doc, close } = await openapi();
  t.after(close);
  const paths = doc['paths'] as Record<string, Record<string, Operation>>;
  const add = paths['/taxii2/setu/collections/{collectionId}/objects/']?.['post'];
  assert.ok(add !== undefined);
  assert.deepEqual(Object.keys(add.responses ?? {}).filter((s) => /^2/.test(s)), ['202']);
  assert.ok(Object.keys(add.requestBody?.content ?? {}).includes(TAXII_MEDIA_TYPE));
  for (const status of ['401', '403', '404', '413', '415', '422']) assert.ok(add.responses?.[status] !== undefined, `Add Objects documents ${status}`);
  const get = paths['/taxii2/setu/collections/{collectionId}/objects/']?.['get'];
  assert.deepEqual(Object.keys(get?.responses ?? {}).filter((s) => /^2/.test(s)), ['200']);
  for (const status of ['400', '401', '403', '404', '406', '429']) assert.ok(get?.responses?.[status] !== undefined, `Get Objects documents ${status}`);
  assert.equal(paths['/taxii2/setu/collections/{collectionId}/objects/{objectId}/']?.['delete']?.responses?.['200'] !== undefined, true);
  // the headers TAXII defines are documented where they are sent
  type WithHeaders = { headers?: Record<string, unknown> };
  const headersOf = (path: string, status: string) => Object.keys(((paths[path]?.['get']?.responses?.[status] ?? {}) as WithHeaders).headers ?? {});
  for (const path of ['/taxii2/setu/collections/{collectionId}/objects/', '/taxii2/setu/collections/{collectionId}/manifest/', '/taxii2/setu/collections/{collectionId}/objects/{objectId}/versions/']) {
    assert.deepEqual(headersOf(path, '200'), ['X-TAXII-Date-Added-First', 'X-TAXII-Date-Added-Last'], path);
    assert.deepEqual(headersOf(path, '401'), ['WWW-Authenticate'], path);
    assert.deepEqual(headersOf(path, '429'), ['Retry-After'], path);
  }
});

test('real answers match the schemas the document gives for them', async (t) => {
  const clock = Date.now;
  const store = await openSqliteStore({ path: ':memory:', clock });
  const info = { nodeName: 'openapi-node', country: 'IN', createdAt: new Date().toISOString() };
  await store.initNode(info);
  await createOrganisation(store, { id: 'cert-a', name: 'CERT A', country: 'IN' }, clock);
  const collection = await createCollection(store, { title: 'shared', readOrgs: ['cert-a'], writeOrgs: ['cert-a'], public: true }, clock, randomUUID);
  const admin = (await issueToken(store, { orgId: 'cert-a', role: 'node-admin' }, clock, randomUUID)).secret;
  const app = await buildApp({ store, config: DEFAULT_NODE_CONFIG, info, clock, newId: randomUUID, logger: false, version: '0.0.0-test' });
  t.after(async () => (await app.http.close(), await store.close()));
  const doc = JSON.parse((await app.http.inject({ method: 'GET', url: '/openapi.json' })).body) as { paths: Record<string, Record<string, Operation>>; components: unknown };
  const ajv = new Ajv({ strict: false });
  ajv.addSchema({ components: doc.components }, 'doc');
  const auth = { authorization: `Bearer ${admin}` };
  const check = async (method: 'GET' | 'POST' | 'DELETE', url: string, path: string, headers: Record<string, string> = {}, payload?: string) => {
    const res = await app.http.inject({ method, url, headers: { accept: TAXII_MEDIA_TYPE, ...auth, ...headers }, ...(payload === undefined ? {} : { payload }) });
    const response = doc.paths[path]?.[method.toLowerCase()]?.responses?.[String(res.statusCode)];
    assert.ok(response !== undefined, `${method} ${path} documents ${res.statusCode}`);
    const media = Object.values(response.content ?? {})[0];
    if (media?.schema === undefined) {
      assert.equal(res.body, '', `${method} ${url}: an undocumented body`);
      return res;
    }
    const schema = media.schema as { $ref?: string };
    const validate = schema.$ref === undefined ? ajv.compile(schema) : ajv.compile({ $ref: `doc${schema.$ref}` });
    assert.ok(validate(JSON.parse(res.body)), `${method} ${url} ${res.statusCode}: ${JSON.stringify(validate.errors)} ${res.body}`);
    return res;
  };
  const root = '/taxii2/setu';
  const objects = `${root}/collections/${collection.id}/objects/`;
  const coa = { type: 'course-of-action', spec_version: '2.1', id: 'course-of-action--00000000-0000-4000-8000-000000000001', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', name: 'x' };
  await check('GET', '/taxii2/', '/taxii2/');
  await check('GET', '/taxii2/', '/taxii2/', { authorization: '' });
  await check('GET', `${root}/`, '/taxii2/setu/');
  await check('GET', `${root}/collections/`, '/taxii2/setu/collections/');
  await check('GET', `${root}/collections/${collection.id}/`, '/taxii2/setu/collections/{collectionId}/');
  const posted = await check('POST', objects, '/taxii2/setu/collections/{collectionId}/objects/', { 'content-type': TAXII_MEDIA_TYPE }, JSON.stringify({ objects: [coa, { type: 'course-of-action' }] }));
  assert.equal(posted.statusCode, 202);
  await check('GET', `${root}/status/${String(JSON.parse(posted.body).id)}/`, '/taxii2/setu/status/{statusId}/');
  await check('GET', objects, '/taxii2/setu/collections/{collectionId}/objects/');
  await check('GET', `${objects}${coa.id}/`, '/taxii2/setu/collections/{collectionId}/objects/{objectId}/');
  await check('GET', `${objects}${coa.id}/versions/`, '/taxii2/setu/collections/{collectionId}/objects/{objectId}/versions/');
  await check('GET', `${root}/collections/${collection.id}/manifest/`, '/taxii2/setu/collections/{collectionId}/manifest/');
  await check('GET', `${objects}?limit=0`, '/taxii2/setu/collections/{collectionId}/objects/');
  await check('GET', `${root}/collections/nope/`, '/taxii2/setu/collections/{collectionId}/');
  await check('DELETE', `${objects}${coa.id}/`, '/taxii2/setu/collections/{collectionId}/objects/{objectId}/');
  await check('GET', '/api/v1/node', '/api/v1/node');
  await check('GET', '/api/v1/organisations', '/api/v1/organisations');
  await check('GET', '/api/v1/collections', '/api/v1/collections');
  await check('GET', '/api/v1/communities', '/api/v1/communities');
  await check('GET', '/api/v1/tokens', '/api/v1/tokens');
  await check('POST', '/api/v1/tokens', '/api/v1/tokens', { 'content-type': 'application/json' }, JSON.stringify({ org: 'cert-a', role: 'reader', label: 'r' }));
  await check('POST', '/api/v1/tokens', '/api/v1/tokens', { 'content-type': 'application/json' }, JSON.stringify({ org: 'cert-a', role: 'nobody' }));
  await check('POST', '/api/v1/organisations', '/api/v1/organisations', { 'content-type': 'application/json' }, JSON.stringify({ id: 'cert-b', name: 'B', sectors: ['in-telecom'] }));
  await check('GET', '/healthz', '/healthz');
});
