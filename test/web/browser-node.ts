// A node for the browser test, served in-process on 127.0.0.1: CERT-In's node (India) with the IN-JP
// collection of the share fixture (an export to JPCERT/CC leaves objects held for review), the demo
// data set (121 objects, so the collection page pages with `next`), and a node-admin person.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { build } from 'vite';
import { buildApp } from '../../src/app.js';
import { run as exportBundle } from '../../src/cli/commands/export.js';
import { issueToken, loadDemo, loadGateConfig, openNode } from '../../src/node/index.js';
import { captureIo } from '../cli/capture.js';
import { shareNode } from '../cli/share-fixture.js';

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
  const adminToken = (await issueToken(node.store, { orgId: 'cert-in-node', role: 'node-admin' }, clock, randomUUID)).secret;
  const analystToken = (await issueToken(node.store, { orgId: 'cert-in-node', role: 'analyst' }, clock, randomUUID)).secret;
  const app = await buildApp({
    store: node.store, config: node.config, info: node.info, clock, newId: randomUUID, logger: false, version: 'test',
    gate: await loadGateConfig(dir, node.info), plainHttpLoopback: true, consoleDir,
  });
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
      await node.store.close();
    },
  };
}
