// The console's static serving (src/web): pages answer index.html, hashed assets are cached for good,
// unknown or escaping paths are not found, a missing build says how to build it, and nothing the
// console registers shadows TAXII, the JSON API, OpenAPI, metrics or health.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../../src/app.js';
import { DEFAULT_NODE_CONFIG } from '../../src/node/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { ASSET_ROUTES, CLIENT_ROUTES, RESERVED_PREFIXES, consolePlugin, contentTypeOf } from '../../src/web/index.js';
import { PAGE_PATHS, matchRoute } from '../../web/src/routes.js';

const INDEX = '<!doctype html><title>Setu</title><script type="module" src="/assets/index-Ab12Cd34.js"></script>';

async function builtConsole(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'setu-console-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), INDEX);
  await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(dir, 'assets', 'index-Ab12Cd34.js'), 'console.log(1)');
  await writeFile(join(dir, 'assets', 'index-Ef56Gh78.css'), 'body{}');
  await writeFile(join(dir, 'assets', 'notes.exe'), 'MZ');
  await writeFile(join(dir, 'secret.txt'), 'outside assets');
  return dir;
}

async function consoleOnly(root: string) {
  const app = Fastify();
  await app.register(consolePlugin, { root });
  await app.ready();
  return app;
}

test('every page of the browser router answers index.html, revalidated and locked down', async (t) => {
  const app = await consoleOnly(await builtConsole());
  t.after(() => app.close());
  const paths = ['/', '/sign-in', '/review', PAGE_PATHS.search('198.51.100.7'), PAGE_PATHS.collection('c1'), PAGE_PATHS.object('c1', 'indicator--00000001-0000-4000-8000-000000000000')];
  for (const url of paths) {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, url);
    assert.equal(res.body, INDEX, url);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  }
  const head = await app.inject({ method: 'HEAD', url: '/review' });
  assert.equal(head.statusCode, 200);
});

test('hashed assets are served with their content type and cached for a year; other files for an hour', async (t) => {
  const app = await consoleOnly(await builtConsole());
  t.after(() => app.close());
  const js = await app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js' });
  assert.equal(js.statusCode, 200);
  assert.equal(js.body, 'console.log(1)');
  assert.equal(js.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(js.headers['cache-control'], 'public, max-age=31536000, immutable');
  const css = await app.inject({ method: 'GET', url: '/assets/index-Ef56Gh78.css' });
  assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
  const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
  assert.equal(icon.headers['content-type'], 'image/svg+xml');
  assert.equal(icon.headers['cache-control'], 'public, max-age=3600');
});

test('missing assets, unknown kinds, paths leaving the build and unlisted files are not found', async (t) => {
  const app = await consoleOnly(await builtConsole());
  t.after(() => app.close());
  for (const url of ['/assets/index-00000000.js', '/assets/notes.exe', '/assets/../secret.txt', '/assets/%2e%2e/secret.txt', '/assets/..%2fsecret.txt', '/secret.txt', '/index.html', '/collections', '/nowhere']) {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 404, url);
    assert.notEqual(res.body, 'outside assets', url);
  }
});

test('a node whose console is not built says so with SETU_ERR_WEB_NOT_BUILT', async (t) => {
  const app = await consoleOnly(join(tmpdir(), `setu-no-console-${randomUUID()}`));
  t.after(() => app.close());
  const res = await app.inject({ method: 'GET', url: '/' });
  assert.equal(res.statusCode, 503);
  assert.equal(res.json().error_code, 'SETU_ERR_WEB_NOT_BUILT');
  assert.match(res.json().description, /npm run build/);
});

test('content types come from the table; a name without a known extension has none', () => {
  assert.equal(contentTypeOf('/assets/a.js'), 'text/javascript; charset=utf-8');
  assert.equal(contentTypeOf('/assets/A.PNG'), 'image/png');
  assert.equal(contentTypeOf('/assets/noext'), undefined);
  assert.equal(contentTypeOf('/a.b/noext'), undefined);
});

test('console paths and the browser router agree, and none lies under another surface', () => {
  const routes: readonly string[] = [...CLIENT_ROUTES, ...ASSET_ROUTES];
  for (const route of routes) {
    for (const reserved of RESERVED_PREFIXES) {
      assert.ok(!route.startsWith(reserved), `${route} is under ${reserved}`);
    }
  }
  const served = (path: string) => CLIENT_ROUTES.some((r) => (r.endsWith('/*') ? path.startsWith(r.slice(0, -1)) && path.length > r.length - 1 : path === r));
  for (const path of [PAGE_PATHS.dashboard(), PAGE_PATHS.signIn(), PAGE_PATHS.review(), PAGE_PATHS.search('x').split('?')[0]!, PAGE_PATHS.collection('c'), PAGE_PATHS.object('c', 'o')]) {
    assert.ok(served(path), `${path} is served`);
    assert.notEqual(matchRoute(path).page, 'not-found', path);
  }
});

test('in the composed app, TAXII, the API, OpenAPI, metrics and health keep their answers', async (t) => {
  const clock = Date.now;
  const store = await openSqliteStore({ path: ':memory:', clock });
  const info = { nodeName: 'console-node', country: 'IN', createdAt: new Date().toISOString() };
  await store.initNode(info);
  const app = await buildApp({ store, config: DEFAULT_NODE_CONFIG, info, clock, newId: randomUUID, logger: false, version: 'test', consoleDir: await builtConsole() });
  t.after(async () => (await app.http.close(), await store.close()));
  const get = (url: string, headers: Record<string, string> = {}) => app.http.inject({ method: 'GET', url, headers });

  assert.equal((await get('/')).body, INDEX);
  const taxii = await get('/taxii2/nowhere/collections/x/objects/', { accept: 'application/taxii+json;version=2.1' });
  assert.doesNotMatch(String(taxii.headers['content-type']), /text\/html/);
  assert.ok(taxii.statusCode === 401 || taxii.statusCode === 404, String(taxii.statusCode));
  const api = await get('/api/v1/nowhere');
  assert.doesNotMatch(String(api.headers['content-type']), /text\/html/);
  assert.notEqual(api.statusCode, 200);
  const openapi = await get('/openapi.json');
  assert.equal(openapi.statusCode, 200);
  const documented = Object.keys(openapi.json().paths as Record<string, unknown>);
  assert.ok(!documented.includes('/') && !documented.some((p) => p.startsWith('/assets')), 'console routes are not in the API description');
  assert.match(String((await get('/metrics')).headers['content-type']), /text\/plain/);
  assert.deepEqual((await get('/healthz')).json(), { status: 'ok' });
  assert.equal((await get('/metrics/extra')).statusCode, 404);
  assert.equal((await get('/healthz/x')).statusCode, 404);
});
