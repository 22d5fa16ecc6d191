// A node for the browser test, served in-process on 127.0.0.1: CERT-In's node (India) with the IN-JP
// collection of the share fixture (an export to JPCERT/CC leaves objects held for review), the demo
// data set (121 objects, so the collection page pages with `next`) with a second version of its
// KiteTail C2 indicator (for the version history), a node-admin person, and one peer (JPCERT/CC's
// node) pushed the demo collection; the sync service is never started, so nothing leaves.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { buildApp } from '../../src/app.js';
import { run as exportBundle } from '../../src/cli/commands/export.js';
import { ingest } from '../../src/ingest/index.js';
import { DEMO_BUNDLE_DIR, ensureNodeKey, issueToken, loadDemo, loadGateConfig, openNode } from '../../src/node/index.js';
import { openNodeSync } from '../../src/sync/index.js';
import { captureIo } from '../cli/capture.js';
import { shareNode } from '../cli/share-fixture.js';

export const VERSIONED = { id: 'indicator--516594ff-0507-47c3-b264-a4973be76ca6', description: 'HTTPS C2 of the fictional KiteTail backdoor, still answering on 10 March.' };

export const PEER = { name: 'jpcert-node', remote: 'jp-telecom-exchange' };

export const PERSON = { email: 'analyst.lead@cert-in.example', password: 'saffron ferry lighthouse 4410 hums', displayName: 'Asha Rao' };

/** Builds the console into web/dist exactly as `npm run build:web` does. */
export async function buildConsole(): Promise<string> {
  const configFile = new URL('../../web/vite.config.ts', import.meta.url).pathname;
  await build({ configFile, logLevel: 'warn' });
  return new URL('../../web/dist/', import.meta.url).pathname;
}

export interface BrowserNode {
  readonly baseUrl: string;
  readonly demoCollection: string;
  readonly adminToken: string;
  readonly analystToken: string;
  close(): Promise<void>;
}

export async function startBrowserNode(consoleDir: string): Promise<BrowserNode> {
  const { dir, collection } = await shareNode();
  await exportBundle({ data: dir, collection, as: 'cert-in-node', to: 'jpcert', out: join(dir, 'to-jpcert.json') }, captureIo());
  const clock = Date.now;
  const node = await openNode(dir, clock);
  const demo = await loadDemo(node.store, 'cert-in-node', clock, randomUUID);
  const campaign = JSON.parse(await readFile(join(DEMO_BUNDLE_DIR, 'telecom-campaign.json'), 'utf8')) as { objects: { id: string }[] };
  const first = campaign.objects.find((o) => o.id === VERSIONED.id);
  const second = { ...first, modified: '2026-03-10T08:00:00.000Z', description: VERSIONED.description, confidence: 95 };
  const stored = await ingest({ store: node.store, collectionId: demo.collection.id, rawObjects: [JSON.stringify(second)], clock, newId: randomUUID, events: { emit: () => true }, submitter: { orgId: 'cert-in-node' } });
  if (stored.status.successCount !== 1) throw new Error(`the second version was refused: ${JSON.stringify(stored.status.failures)}`);
  const adminToken = (await issueToken(node.store, { orgId: 'cert-in-node', role: 'node-admin' }, clock, randomUUID)).secret;
  const analystToken = (await issueToken(node.store, { orgId: 'cert-in-node', role: 'analyst' }, clock, randomUUID)).secret;
  const syncStore = await openNodeSync(node, clock);
  const app = await buildApp({
    store: node.store, config: node.config, info: node.info, clock, newId: randomUUID, logger: false, version: 'test',
    gate: await loadGateConfig(dir, node.info), plainHttpLoopback: true, consoleDir, syncStore, nodeKey: await ensureNodeKey(dir),
  });
  const peer = await app.http.inject({
    method: 'POST', url: '/api/v1/peers', headers: { authorization: `Bearer ${adminToken}` },
    payload: { name: PEER.name, url: 'https://jpcert-node.example/taxii2/', orgId: 'jpcert', auth: { kind: 'token', token: 'not-used' }, push: [{ local: demo.collection.id, remote: PEER.remote }] },
  });
  if (peer.statusCode !== 201) throw new Error(`registering the peer failed: ${peer.body}`);
  const created = await app.http.inject({
    method: 'POST', url: '/api/v1/users', headers: { authorization: `Bearer ${adminToken}` },
    payload: { org: 'cert-in-node', email: PERSON.email, displayName: PERSON.displayName, role: 'node-admin', password: PERSON.password },
  });
  if (created.statusCode !== 201) throw new Error(`creating the person failed: ${created.body}`);
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  const address = app.http.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    demoCollection: demo.collection.id,
    adminToken,
    analystToken,
    close: async () => {
      await app.http.close();
      await syncStore.close();
      await node.store.close();
    },
  };
}
