// Federation pushes through the same onward step as export: a field under a granular marking
// stricter than its object follows that marking's onward rule toward each peer's organisation. A
// GREEN field of a CLEAR object reaches a peer of the community but not a client outside it; an
// AMBER field reaches the node organisation's client but not another community member; an object
// whose required field may not go is not sent at all. In process, with a fake TAXII client per peer.
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ingest } from '../../src/ingest/index.js';
import { loadGateConfig, loadNodeKey, openNode, type OpenNode } from '../../src/node/index.js';
import { SyncService, addPeer, openNodeSync, type RemoteStatus, type TaxiiClient } from '../../src/sync/index.js';
import type { SyncStore } from '../../src/store/index.js';
import { TLP, indicator, setupNode, tempRoot, type NodeDir } from './helpers.js';

let root: { dir: string; remove: () => Promise<void> };
let node: NodeDir;
let opened: OpenNode;
let sync: SyncStore;

before(async () => {
  root = await tempRoot();
  node = await setupNode(root.dir, {
    name: 'cert-in',
    country: 'IN',
    orgs: [
      { id: 'telco-in', name: 'Telco IN', country: 'IN' },
      { id: 'jpcert', name: 'JPCERT/CC', country: 'JP' },
      { id: 'acme', name: 'Acme Networks', country: 'IN' },
    ],
    collections: { shared: { title: 'IN-JP', readOrgs: ['cert-in', 'telco-in', 'jpcert'], writeOrgs: ['cert-in', 'telco-in'] } },
  });
  opened = await openNode(node.dir, Date.now, { databaseUrl: undefined });
  // acme is a registered client of cert-in (the node's organisation, which pushes): AMBER may reach it.
  await opened.store.updateOrganisation('cert-in', { clients: ['acme'] });
  sync = await openNodeSync(opened, Date.now);
});
after(async () => {
  await sync.close();
  await opened.store.close();
  await root.remove();
});

function recordingClient(received: Record<string, unknown>[]): TaxiiClient {
  const complete = (objects: { id: string }[]): RemoteStatus => ({
    id: randomUUID(),
    status: 'complete',
    successes: objects.map((o) => ({ id: o.id, version: '2026-11-01T00:00:00.000Z' })),
    failures: [],
    pendings: [],
  });
  return {
    apiRoot: async () => 'http://fake/api/',
    getObjects: async () => ({ objects: [], more: false, next: undefined, dateAddedFirst: undefined, dateAddedLast: undefined }),
    addObjects: async (_collection, body) => {
      const { objects } = JSON.parse(body.toString('utf8')) as { objects: Record<string, unknown>[] };
      received.push(...objects);
      return complete(objects as { id: string }[]);
    },
    getStatus: async () => complete([]),
    close: async () => {},
  };
}

test('granular fields follow their own onward rule toward each peer; a required one keeps its object home', async () => {
  const greenDescription = indicator({ object_marking_refs: [TLP.clear], description: 'community-only context', granular_markings: [{ marking_ref: TLP.green, selectors: ['description'] }] });
  const amberDescription = indicator({ object_marking_refs: [TLP.clear], description: 'clients-only context', granular_markings: [{ marking_ref: TLP.amber, selectors: ['description'] }] });
  const greenPattern = indicator({ object_marking_refs: [TLP.clear], granular_markings: [{ marking_ref: TLP.green, selectors: ['pattern'] }] });
  const stored = await ingest({
    store: opened.store,
    collectionId: node.collections['shared'] ?? '',
    rawObjects: [greenDescription, amberDescription, greenPattern].map((o) => JSON.stringify(o)),
    clock: Date.now,
    newId: randomUUID,
    events: { emit: () => true },
    submitter: { orgId: 'telco-in' },
  });
  assert.equal(stored.status.successCount, 3);

  const received: Record<string, Record<string, unknown>[]> = { jpcert: [], acme: [] };
  const peers = [];
  for (const orgId of ['jpcert', 'acme'] as const) {
    peers.push(await addPeer(opened.store, sync, { name: orgId, url: `http://${orgId}/taxii2/`, orgId, auth: { kind: 'none' }, push: [{ local: node.collections['shared'] ?? '', remote: 'inbox' }] }, Date.now, randomUUID));
  }
  const service = new SyncService({
    store: opened.store, sync, gate: await loadGateConfig(node.dir, opened.info), nodeKey: await loadNodeKey(node.dir), clock: Date.now, newId: randomUUID,
    createClient: (peer) => recordingClient(received[peer.orgId] ?? []), sleep: async () => {},
  });
  for (const peer of peers) {
    const [result] = await service.syncNow(peer.id);
    assert.ok(result?.ok && result.direction === 'push', JSON.stringify(result));
  }
  await service.stop();

  const byId = (orgId: string) => new Map((received[orgId] ?? []).filter((o) => o['type'] === 'indicator').map((o) => [String(o['id']), o]));
  const atJp = byId('jpcert');
  const atAcme = byId('acme');
  // 1. JPCERT is in the collection's community but not a client of cert-in
  assert.equal(atJp.get(String(greenDescription['id']))?.['description'], greenDescription['description']);
  assert.ok(atJp.has(String(amberDescription['id'])));
  assert.equal(atJp.get(String(amberDescription['id']))?.['description'], undefined, 'an AMBER field does not reach a non-client');
  assert.equal(atJp.get(String(amberDescription['id']))?.['granular_markings'], undefined);
  assert.equal(atJp.get(String(greenPattern['id']))?.['pattern'], greenPattern['pattern']);
  // 2. Acme is cert-in's client but outside the community
  assert.ok(atAcme.has(String(greenDescription['id'])));
  assert.equal(atAcme.get(String(greenDescription['id']))?.['description'], undefined, 'a GREEN field does not leave the community');
  assert.equal(atAcme.get(String(greenDescription['id']))?.['pattern'], greenDescription['pattern']);
  assert.equal(atAcme.get(String(amberDescription['id']))?.['description'], amberDescription['description']);
  assert.equal(atAcme.has(String(greenPattern['id'])), false, 'not valid STIX without its GREEN pattern: not sent');
});
