// Pulling from a TAXII 2.1 server that is not Setu (test/sync/fake-taxii.ts): pages that share
// date_added values, with `next`, without `next`, and with a server that ignores `limit`. Every
// object arrives once, nothing is skipped on resume (objects added later at the last date_added
// too), the cursor is persisted, and invalid objects are quarantined with the reason.
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { loadGateConfig, loadNodeKey, openNode } from '../../src/node/index.js';
import { SyncService, addPeer, openNodeSync, type PassResult } from '../../src/sync/index.js';
import type { Store, SyncStore } from '../../src/store/index.js';
import { startFakeTaxii, type FakeMode, type FakeTaxii } from './fake-taxii.js';
import { indicator, setupNode, tempRoot, type NodeDir } from './helpers.js';

let root: { dir: string; remove: () => Promise<void> };

before(async () => {
  root = await tempRoot();
});
after(async () => {
  await root.remove();
});

interface Harness {
  readonly node: NodeDir;
  readonly store: Store;
  readonly sync: SyncStore;
  readonly service: SyncService;
  readonly peerId: string;
  readonly local: string;
  close(): Promise<void>;
}

let n = 0;
async function harness(fake: FakeTaxii, pageLimit: number): Promise<Harness> {
  n++;
  const node = await setupNode(root.dir, {
    name: `puller-${n}`,
    country: 'JP',
    orgs: [{ id: 'vendor-feed', name: 'Vendor feed' }],
    collections: { inbox: { title: 'feed', readOrgs: [`puller-${n}`, 'vendor-feed'], writeOrgs: [`puller-${n}`] } },
  });
  const opened = await openNode(node.dir, Date.now, { databaseUrl: undefined });
  const sync = await openNodeSync(opened, Date.now);
  const local = node.collections['inbox'] ?? '';
  const peer = await addPeer(opened.store, sync, { name: 'feed', url: fake.url, orgId: 'vendor-feed', auth: { kind: 'basic', username: 'u', password: 'p' }, pull: [{ remote: 'c1', local }] }, Date.now, randomUUID);
  const service = new SyncService({
    store: opened.store,
    sync,
    gate: await loadGateConfig(node.dir, opened.info),
    nodeKey: await loadNodeKey(node.dir),
    clock: Date.now,
    newId: randomUUID,
    events: new EventEmitter(),
    tuning: { pageLimit, timeoutMs: 2000 },
  });
  return {
    node,
    store: opened.store,
    sync,
    service,
    peerId: peer.id,
    local,
    async close() {
      await service.stop();
      await sync.close();
      await opened.store.close();
    },
  };
}

const at = (second: number) => `2026-11-01T00:00:${String(second).padStart(2, '0')}.000Z`;

async function storedIds(h: Harness): Promise<string[]> {
  const page = await h.store.queryObjects({ collectionId: h.local, versions: [{ kind: 'all' }], limit: 10_000, withJson: true });
  return page.records.map((r) => r.id);
}

function okPull(results: PassResult[]): void {
  for (const r of results) assert.ok(r.ok, r.ok ? '' : r.error);
}

for (const [label, mode] of [
  ['with next', { next: true, honoursLimit: true }],
  ['without next', { next: false, honoursLimit: true }],
  ['ignoring limit', { next: false, honoursLimit: false }],
] as [string, FakeMode][]) {
  test(`pull ${label}: equal date_added values across pages; every object once, none skipped on resume; invalid ones quarantined`, async () => {
    const fake = await startFakeTaxii(mode);
    const h = await harness(fake, 3);
    try {
      const objects = Array.from({ length: 11 }, () => indicator());
      // 1 at :01, 7 sharing :02 (more than two pages of 3), 3 at :03.
      objects.forEach((o, i) => fake.entries.push({ dateAdded: at(i === 0 ? 1 : i <= 7 ? 2 : 3), json: JSON.stringify(o) }));
      const invalid = { type: 'indicator', spec_version: '2.1', id: `indicator--${randomUUID()}`, created: at(2), modified: at(2) };
      fake.entries.push({ dateAdded: at(2), json: JSON.stringify(invalid) });
      okPull(await h.service.syncNow());
      const ids = await storedIds(h);
      assert.equal(new Set(ids).size, ids.length, 'no duplicates');
      assert.deepEqual(new Set(ids), new Set(objects.map((o) => String(o['id']))), 'every valid object');
      const quarantined = await h.sync.listQuarantine(h.peerId, 10);
      assert.equal(quarantined.length, 1);
      assert.equal(quarantined[0]?.objectId, invalid.id);
      assert.match(quarantined[0]?.reason ?? '', /pattern/);
      assert.equal(quarantined[0]?.json, JSON.stringify(invalid), 'kept exactly as received');
      const [sub] = await h.sync.listSubscriptions(h.peerId);
      assert.equal(sub?.cursor, '2026-11-01T00:00:02.999999Z', 'the cursor stands just before the last date_added once caught up');

      // Later objects, one at the very date_added the cursor stands on, one after it.
      const late = [indicator(), indicator()];
      fake.entries.push({ dateAdded: at(3), json: JSON.stringify(late[0]) }, { dateAdded: at(4), json: JSON.stringify(late[1]) });
      okPull(await h.service.syncNow());
      const again = await storedIds(h);
      assert.ok(again.includes(String(late[0]?.['id'])), 'an object added later at the date_added the cursor reached arrives');
      assert.ok(again.includes(String(late[1]?.['id'])), 'the later object arrives');
      assert.equal(new Set(again).size, again.length, 'still no duplicates');
      assert.equal((await h.sync.listQuarantine(h.peerId, 10)).length, 1, 'the invalid object is quarantined once');
    } finally {
      await h.close();
      await fake.close();
    }
  });
}

test('a server without next whose whole page shares one date_added: the limit grows until the page gets past it', async () => {
  const fake = await startFakeTaxii({ next: false, honoursLimit: true });
  const h = await harness(fake, 2);
  try {
    const objects = Array.from({ length: 9 }, () => indicator());
    objects.forEach((o) => fake.entries.push({ dateAdded: at(5), json: JSON.stringify(o) }));
    fake.entries.push({ dateAdded: at(6), json: JSON.stringify(indicator()) });
    okPull(await h.service.syncNow());
    assert.equal((await storedIds(h)).length, 10);
  } finally {
    await h.close();
    await fake.close();
  }
});

test('a server that caps its pages below the equal-date_added run and offers no next: the pull fails visibly instead of skipping', async () => {
  const fake = await startFakeTaxii({ next: false, honoursLimit: true, maxPage: 2 });
  const h = await harness(fake, 2);
  try {
    for (let i = 0; i < 5; i++) fake.entries.push({ dateAdded: at(7), json: JSON.stringify(indicator()) });
    const [result] = await h.service.syncNow();
    assert.ok(result !== undefined && !result.ok);
    assert.match(result.ok ? '' : result.error, /share date_added/);
    const [sub] = await h.sync.listSubscriptions(h.peerId);
    assert.match(sub?.lastError ?? '', /share date_added/);
  } finally {
    await h.close();
    await fake.close();
  }
});
