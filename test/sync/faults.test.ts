// Fault tests, two Setu nodes as child processes on 127.0.0.1 (India pushes to Japan):
//   1. kill -9 of the receiver in the middle of a catch-up, restart on the same port;
//   2. kill -9 of the sender in the middle of a catch-up, restart;
//   3. a peer (behind a test proxy) that answers 500s, then hangs, then recovers.
// Each time the final sets are identical on both sides, with no duplicates and no gaps.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'undici';
import { FAST_TUNING, indicator, listAll, postObjects, registerPeer, setupNode, startNode, tempRoot, waitFor, withNodeStores, type NodeDir, type RunningNode } from './helpers.js';

const TUNING = { ...FAST_TUNING, batchSize: 50 };
const COUNT = 4000;

let root: { dir: string; remove: () => Promise<void> };
let india: NodeDir;
let japan: NodeDir;
let indiaRun: RunningNode;
let japanRun: RunningNode;
let proxy: Server;
let proxyMode: 'pass' | 'fail' | 'hang' = 'pass';
const hung: ServerResponse[] = [];

function key(o: Record<string, unknown>): string {
  return `${String(o['id'])} ${String(o['modified'] ?? '')}`;
}

/** Forwards to Japan, or answers 500, or never answers (until the client gives up). */
function startProxy(): Promise<Server> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (proxyMode === 'fail') {
      res.writeHead(500, { 'content-type': 'application/taxii+json;version=2.1' }).end('{"title":"Internal Server Error"}');
      return;
    }
    if (proxyMode === 'hang') {
      hung.push(res);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = { ...req.headers };
      delete headers['host'];
      delete headers['content-length'];
      request(`${japanRun.baseUrl}${req.url ?? '/'}`, { method: req.method as 'GET', headers, ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}) })
        .then(async (answer) => {
          const body = Buffer.from(await answer.body.arrayBuffer());
          const text = body.toString('utf8').split(japanRun.baseUrl).join(proxyUrl());
          res.writeHead(answer.statusCode, { 'content-type': String(answer.headers['content-type'] ?? '') }).end(text);
        })
        .catch(() => res.writeHead(502).end());
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
const proxyUrl = () => `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

before(async () => {
  root = await tempRoot();
  const read = ['cert-in', 'jpcert'];
  india = await setupNode(root.dir, {
    name: 'cert-in',
    country: 'IN',
    orgs: [{ id: 'jpcert', name: 'JPCERT/CC', country: 'JP' }],
    collections: {
      a: { title: 'a', readOrgs: read, writeOrgs: ['cert-in'], defaultTlp: 'clear' },
      b: { title: 'b', readOrgs: read, writeOrgs: ['cert-in'], defaultTlp: 'clear' },
      c: { title: 'c', readOrgs: read, writeOrgs: ['cert-in'], defaultTlp: 'clear' },
    },
    tokens: { writer: { orgId: 'cert-in', role: 'analyst' } },
  });
  japan = await setupNode(root.dir, {
    name: 'jpcert',
    country: 'JP',
    orgs: [{ id: 'cert-in', name: 'CERT-In', country: 'IN' }],
    collections: {
      a: { title: 'a', readOrgs: read, writeOrgs: ['cert-in'] },
      b: { title: 'b', readOrgs: read, writeOrgs: ['cert-in'] },
      c: { title: 'c', readOrgs: read, writeOrgs: ['cert-in'] },
    },
    tokens: { peer: { orgId: 'cert-in', role: 'peer' } },
  });
  [indiaRun, japanRun] = await Promise.all([startNode(india.dir, TUNING), startNode(japan.dir, TUNING)]);
  proxy = await startProxy();
  await registerPeer(japan.dir, { name: 'cert-in', url: indiaRun.discoveryUrl, orgId: 'cert-in', auth: { kind: 'none' }, publicKey: india.publicKey });
  const peer = { orgId: 'jpcert', auth: { kind: 'token' as const, token: japan.tokens['peer'] ?? '' }, publicKey: japan.publicKey };
  await registerPeer(india.dir, {
    ...peer,
    name: 'jpcert',
    url: japanRun.discoveryUrl,
    push: [
      { local: india.collections['a'] ?? '', remote: japan.collections['a'] ?? '' },
      { local: india.collections['b'] ?? '', remote: japan.collections['b'] ?? '' },
    ],
  });
  await registerPeer(india.dir, { ...peer, name: 'jpcert-via-proxy', url: `${proxyUrl()}/taxii2/`, push: [{ local: india.collections['c'] ?? '', remote: japan.collections['c'] ?? '' }] });
});

after(async () => {
  for (const res of hung) res.destroy();
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await Promise.all([indiaRun.stop(), japanRun.stop()]);
  await root.remove();
});

async function fill(collection: string, count: number): Promise<Set<string>> {
  const objects = Array.from({ length: count }, () => indicator());
  const posted = await postObjects(indiaRun.apiRoot, india.collections[collection] ?? '', india.tokens['writer'] ?? '', objects);
  assert.equal(posted.body['success_count'], count);
  return new Set(objects.map((o) => key(o)));
}

async function japanHas(collection: string): Promise<Record<string, unknown>[]> {
  return listAll(japanRun.apiRoot, japan.collections[collection] ?? '', japan.adminToken);
}

async function assertConverged(collection: string, sent: Set<string>): Promise<void> {
  const received = await waitFor(`Japan's collection ${collection} to hold all ${sent.size}`, 60_000, async () => {
    const objects = await japanHas(collection);
    return objects.length >= sent.size ? objects : undefined;
  });
  const keys = received.map(key);
  assert.equal(new Set(keys).size, keys.length, 'no duplicates');
  assert.deepEqual(new Set(keys), sent, 'no gaps: exactly the sent set');
  const onIndia = (await listAll(indiaRun.apiRoot, india.collections[collection] ?? '', india.adminToken)).map(key);
  assert.deepEqual(new Set(onIndia), new Set(keys), 'both sides hold the same set');
}

test('kill -9 of the receiver mid-sync: after a restart the sets converge with no duplicates and no gaps', async () => {
  const sent = await fill('a', COUNT);
  await waitFor('the first batches to arrive', 30_000, async () => ((await japanHas('a')).length > 0 ? true : undefined));
  await japanRun.crash();
  const partial = await withNodeStores(japan.dir, (store) => store.countObjects(japan.collections['a']));
  assert.ok(partial < COUNT, `the crash came mid-sync (${partial} of ${COUNT} had arrived)`);
  japanRun = await startNode(japan.dir, TUNING, japanRun.port);
  await assertConverged('a', sent);
});

test('kill -9 of the sender mid-sync: after a restart the sets converge with no duplicates and no gaps', async () => {
  const sent = await fill('b', COUNT);
  await waitFor('the first batches to arrive', 30_000, async () => ((await japanHas('b')).length > 0 ? true : undefined));
  await indiaRun.crash();
  const partial = await withNodeStores(japan.dir, (store) => store.countObjects(japan.collections['b']));
  assert.ok(partial < COUNT, `the crash came mid-sync (${partial} of ${COUNT} had arrived)`);
  indiaRun = await startNode(india.dir, TUNING, indiaRun.port);
  await assertConverged('b', sent);
});

test('a peer that answers 500s, then hangs, then recovers: the errors are recorded, retried with backoff, and the sets converge', async () => {
  proxyMode = 'fail';
  const sent = await fill('c', 300);
  const failing = await waitFor('the 500 to be recorded as the last error', 20_000, async () =>
    withNodeStores(india.dir, async (_store, sync) => {
      const sub = (await sync.listSubscriptions()).find((s) => s.localCollection === india.collections['c']);
      return sub?.lastError?.includes('HTTP 500') === true ? sub : undefined;
    }),
  );
  assert.equal(failing.cursor, null, 'nothing acknowledged, the cursor has not moved');
  proxyMode = 'hang';
  await waitFor('a hung request to time out', 20_000, async () =>
    withNodeStores(india.dir, async (_store, sync) => {
      const sub = (await sync.listSubscriptions()).find((s) => s.localCollection === india.collections['c']);
      return sub?.lastError !== null && sub?.lastError !== failing.lastError && !(sub?.lastError ?? '').includes('HTTP 500') ? true : undefined;
    }),
  );
  assert.equal((await japanHas('c')).length, 0);
  proxyMode = 'pass';
  await assertConverged('c', sent);
});
