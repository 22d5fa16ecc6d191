// GET /api/v1/node for a principal outside the node's jurisdiction: the count is of the versions its
// gate lets out for it (what its TAXII read with match[version]=all and its manifest return), never
// of versions the foreign gate holds or withholds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../src/app.js';
import { issueToken, loadGateConfig, openNode } from '../../src/node/index.js';
import { shareNode } from '../cli/share-fixture.js';

const TAXII = 'application/taxii+json;version=2.1';

test('a foreign reader counts only the versions its gate lets out; a reader inside counts what it reads as written', async () => {
  const { dir, collection } = await shareNode();
  const clock = () => Date.parse('2026-11-27T12:00:00.000Z');
  const node = await openNode(dir, clock);
  const gate = await loadGateConfig(dir, node.info);
  const app = await buildApp({ store: node.store, config: node.config, info: node.info, clock, newId: randomUUID, logger: false, version: 'test', gate });
  try {
    const token = async (orgId: string, role: string) => (await issueToken(node.store, { orgId, role }, clock, randomUUID)).secret;
    const headers = (secret: string) => ({ authorization: `Bearer ${secret}`, accept: TAXII });
    for (const [org, role] of [['jpcert', 'reader'], ['jpcert', 'org-admin'], ['cert-in-node', 'reader']] as const) {
      const secret = await token(org, role);
      const taxii = await app.http.inject({ method: 'GET', url: `/taxii2/setu/collections/${collection}/objects/?match[version]=all`, headers: headers(secret) });
      assert.equal(taxii.statusCode, 200, taxii.body);
      const read = ((taxii.json() as { objects?: unknown[] }).objects ?? []).length;
      const manifest = ((await app.http.inject({ method: 'GET', url: `/taxii2/setu/collections/${collection}/manifest/?match[version]=all`, headers: headers(secret) })).json() as { objects?: unknown[] }).objects ?? [];
      assert.equal(manifest.length, read);
      const res = await app.http.inject({ method: 'GET', url: '/api/v1/node', headers: { authorization: `Bearer ${secret}` } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().objects, read, `${org} ${role}: the node count is what its read returns`);
    }
  } finally {
    await app.http.close();
    await node.store.close();
  }
});
