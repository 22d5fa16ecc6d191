import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COLLECTIONS, NO_SUCH_COLLECTION, ROOT, TAXII, coa, envelope, json, makeHarness } from './harness.js';

test('discovery, API root, collections: shapes, media type and per-principal rights', async (t) => {
  const h = await makeHarness();
  t.after(() => h.close());

  // 1. discovery, with and without the trailing slash
  for (const url of ['/taxii2/', '/taxii2']) {
    const res = await h.get(url);
    assert.equal(res.statusCode, 200, url);
    assert.equal(res.headers['content-type'], TAXII);
    assert.deepEqual(json(res), {
      title: 'Setu test node', description: 'A TAXII server under test', contact: 'cert@example.org',
      default: '/taxii2/setu/', api_roots: ['/taxii2/setu/'],
    });
  }

  // 2. API root information
  const root = await h.get(`${ROOT}/`);
  assert.equal(root.statusCode, 200);
  assert.deepEqual(json(root), { title: 'Setu test node', versions: [TAXII], max_content_length: 1_000_000 });

  // 3. collections as each principal sees them
  const titles = async (token: Parameters<typeof h.get>[1]) =>
    ((json(await h.get(`${ROOT}/collections/`, token))['collections'] ?? []) as { title: string; can_read: boolean; can_write: boolean }[]).map((c) => `${c.title}:${c.can_read ? 'r' : '-'}${c.can_write ? 'w' : '-'}`);
  assert.deepEqual(await titles('admin'), ['Shared:rw', 'Private:rw', 'Drop box:rw']);
  assert.deepEqual(await titles('inAnalyst'), ['Shared:rw', 'Private:rw']);
  assert.deepEqual(await titles('jpAnalyst'), ['Shared:r-', 'Drop box:-w']);
  assert.deepEqual(await titles('jpReader'), ['Shared:r-']);
  assert.deepEqual(await titles('xxAnalyst'), []);
  assert.deepEqual(json(await h.get(`${ROOT}/collections/`, 'xxAnalyst')), {});

  // 4. one collection
  const one = await h.get(`${ROOT}/collections/${COLLECTIONS.shared}/`, 'jpReader');
  assert.equal(one.statusCode, 200);
  assert.deepEqual(json(one), {
    id: COLLECTIONS.shared, title: 'Shared', description: 'Shared collection', can_read: true, can_write: false,
    media_types: ['application/stix+json;version=2.1'],
  });
});

test('a collection the principal cannot see answers exactly like a missing one', async (t) => {
  const h = await makeHarness();
  t.after(() => h.close());
  const paths = (id: string) => [
    `${ROOT}/collections/${id}/`,
    `${ROOT}/collections/${id}/objects/`,
    `${ROOT}/collections/${id}/manifest/`,
    `${ROOT}/collections/${id}/objects/course-of-action--00000000-0000-4000-8000-000000000001/`,
    `${ROOT}/collections/${id}/objects/course-of-action--00000000-0000-4000-8000-000000000001/versions/`,
  ];
  const hidden = paths(COLLECTIONS.private);
  const missing = paths(NO_SUCH_COLLECTION);
  for (let i = 0; i < hidden.length; i++) {
    const a = await h.get(hidden[i] ?? '', 'jpAnalyst');
    const b = await h.get((missing[i] ?? '').replace(NO_SUCH_COLLECTION, COLLECTIONS.private), 'xxAnalyst');
    const c = await h.get(missing[i] ?? '', 'jpAnalyst');
    assert.equal(a.statusCode, 404, hidden[i]);
    assert.equal(c.statusCode, 404);
    const strip = (body: Record<string, unknown>) => ({ ...body, error_id: undefined, description: String(body['description']).replace(NO_SUCH_COLLECTION, COLLECTIONS.private) });
    assert.deepEqual(strip(json(a)), strip(json(b)));
    assert.deepEqual(strip(json(a)), strip(json(c)));
    assert.deepEqual(Object.keys(a.headers).sort(), Object.keys(c.headers).sort());
  }
  // posting to it is a 404 too, not a 403
  const post = await h.post(`${ROOT}/collections/${COLLECTIONS.private}/objects/`, { objects: [] }, 'jpAnalyst');
  assert.equal(post.statusCode, 404);
});

test('unknown URLs under the TAXII base path get TAXII 404 bodies', async (t) => {
  const h = await makeHarness();
  t.after(() => h.close());
  for (const url of ['/taxii2/nope/', `${ROOT}/collections/${COLLECTIONS.shared}/nothing/`, `${ROOT}/statuses/`, '/taxii2/setu/collections/x/objects/y/versions/z/']) {
    const res = await h.get(url);
    assert.equal(res.statusCode, 404, url);
    assert.equal(res.headers['content-type'], TAXII);
    const body = json(res);
    assert.equal(body['http_status'], '404');
    assert.equal(body['error_code'], 'SETU_ERR_TAXII_NOT_FOUND');
  }
});

test('API roots and base path are configurable', async (t) => {
  const h = await makeHarness({ basePath: '/intel/', apiRoots: [{ name: 'in-jp', title: 'IN-JP' }, { name: 'b2b', title: 'B2B', description: 'business' }], defaultApiRoot: 'b2b' });
  t.after(() => h.close());
  const res = await h.get('/intel/');
  assert.deepEqual(json(res), {
    title: 'Setu test node', description: 'A TAXII server under test', contact: 'cert@example.org',
    default: '/intel/b2b/', api_roots: ['/intel/in-jp/', '/intel/b2b/'],
  });
  assert.deepEqual(json(await h.get('/intel/b2b/')), { title: 'B2B', description: 'business', versions: [TAXII], max_content_length: 1_000_000 });
  assert.equal((await h.get(`/intel/in-jp/collections/${COLLECTIONS.shared}/`)).statusCode, 200);
  assert.equal((await h.get('/taxii2/')).statusCode, 404);
});

test('anonymous readers discover what is public, and only that', async (t) => {
  const h = await makeHarness({ rateLimit: { perMinute: 1000 } });
  t.after(() => h.close());
  const OPEN = '44444444-4444-4444-8444-444444444444';
  await h.store.createCollection({
    id: OPEN, title: 'Open', description: 'Public collection', alias: null, readOrgs: ['org-in'], writeOrgs: ['org-in'], mediaTypes: [], createdAt: '2026-03-01T00:00:00.000Z', public: true,
  });

  // 1. discovery and API root answer as they do for a token holder
  for (const url of ['/taxii2/', `${ROOT}/`]) {
    const anonymous = await h.get(url, null);
    assert.equal(anonymous.statusCode, 200, url);
    assert.equal(anonymous.headers['content-type'], TAXII);
    assert.deepEqual(json(anonymous), json(await h.get(url, 'admin')), url);
  }

  // 2. the collections resource lists the public collection alone, readable and not writable
  const list = await h.get(`${ROOT}/collections/`, null);
  assert.equal(list.statusCode, 200);
  assert.equal(list.headers['content-type'], TAXII);
  const open = { id: OPEN, title: 'Open', description: 'Public collection', can_read: true, can_write: false, media_types: ['application/stix+json;version=2.1'] };
  assert.deepEqual(json(list), { collections: [open] });
  const one = await h.get(`${ROOT}/collections/${OPEN}/`, null);
  assert.equal(one.statusCode, 200);
  assert.deepEqual(json(one), open);

  // 3. a collection that is not public answers exactly like a missing one: authenticate first
  const hidden = await h.get(`${ROOT}/collections/${COLLECTIONS.shared}/`, null);
  const missing = await h.get(`${ROOT}/collections/${NO_SUCH_COLLECTION}/`, null);
  assert.equal(hidden.statusCode, 401);
  const strip = (body: Record<string, unknown>) => ({ ...body, error_id: undefined });
  assert.deepEqual(strip(json(hidden)), strip(json(missing)));
  assert.deepEqual(Object.keys(hidden.headers).sort(), Object.keys(missing.headers).sort());
  assert.equal(hidden.headers['www-authenticate'], missing.headers['www-authenticate']);

  // 4. nothing beyond public read: no write, no delete, no status, no objects of other collections
  const status = await h.post(`${ROOT}/collections/${OPEN}/objects/`, envelope([coa(1)]), 'inAnalyst');
  assert.equal(status.statusCode, 202);
  const statusId = String(json(status)['id']);
  assert.equal((await h.get(`${ROOT}/status/${statusId}/`, null)).statusCode, 401);
  assert.equal((await h.post(`${ROOT}/collections/${OPEN}/objects/`, envelope([coa(2)]), null)).statusCode, 401);
  assert.equal((await h.del(`${ROOT}/collections/${OPEN}/objects/${String(coa(1)['id'])}/`, null)).statusCode, 401);
  assert.equal((await h.get(`${ROOT}/collections/${COLLECTIONS.shared}/objects/`, null)).statusCode, 401);
  assert.equal((await h.get(`${ROOT}/collections/${OPEN}/objects/`, null)).statusCode, 200);
  assert.equal(await h.store.countObjects(OPEN), 1);

  // 5. wrong credentials are never downgraded to anonymous
  const wrong = await h.get('/taxii2/', null, { authorization: 'Bearer setu_not-a-token' });
  assert.equal(wrong.statusCode, 401);
  assert.equal(json(wrong)['error_code'], 'SETU_ERR_ACCESS_UNKNOWN_TOKEN');

  // 6. an anonymous client still has to accept TAXII
  assert.equal((await h.get('/taxii2/', null, { accept: 'text/html' })).statusCode, 406);
});

test('anonymous readers share one budget per client address', async (t) => {
  const h = await makeHarness({ rateLimit: { perMinute: 2 } });
  t.after(() => h.close());
  const from = (ip: string) => h.app.inject({ method: 'GET', url: '/taxii2/', remoteAddress: ip, headers: { accept: TAXII } });
  assert.equal((await from('192.0.2.1')).statusCode, 200);
  assert.equal((await from('192.0.2.1')).statusCode, 200);
  const limited = await from('192.0.2.1');
  assert.equal(limited.statusCode, 429);
  assert.equal(json(limited)['error_code'], 'SETU_ERR_TAXII_RATE_LIMITED');
  assert.equal((await from('192.0.2.2')).statusCode, 200);
  // a token holder has its own budget
  assert.equal((await h.get('/taxii2/', 'admin', {})).statusCode, 200);
});

test('unknown API roots and paths answer TAXII 404 bodies to anonymous clients too', async (t) => {
  const h = await makeHarness();
  t.after(() => h.close());
  for (const url of ['/taxii2/nope/', '/taxii2/nope/collections/', `${ROOT}/statuses/`, `${ROOT}/collections/x/objects/y/versions/z/`]) {
    const res = await h.get(url, null);
    assert.equal(res.statusCode, 404, url);
    assert.equal(res.headers['content-type'], TAXII, url);
    assert.equal(json(res)['error_code'], 'SETU_ERR_TAXII_NOT_FOUND', url);
    assert.equal(json(res)['http_status'], '404', url);
  }
});
