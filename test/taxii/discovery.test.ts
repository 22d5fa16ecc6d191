import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COLLECTIONS, NO_SUCH_COLLECTION, ROOT, TAXII, json, makeHarness } from './harness.js';

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
