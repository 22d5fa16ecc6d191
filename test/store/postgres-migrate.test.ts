// copySqliteToPostgres moves the trust-model, review-queue and federation state too: organisation
// fields and clients, communities and community audiences, visibility columns and TLP:RED
// recipients (so every reader sees the same objects on both stores), review items, peers,
// subscriptions with their state, acknowledgements, origins and quarantine. A copied store keeps
// allocating after the copied seqs, and a second copy changes nothing.
import { after, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  copySqliteToPostgres,
  openPostgresSyncStore,
  openSqliteStore,
  openSqliteSyncStore,
  type NewObjectVersion,
  type ReadScope,
  type Store,
  type SyncStore,
  type Visibility,
} from '../../src/store/index.js';
import { collection, stix } from './helpers.js';
import { PG_URL, SKIP_REASON, TestSchemas } from './postgres-helpers.js';

const T0 = '2026-01-01T00:00:00.000Z';
const org = (id: string) => ({ id, name: `org ${id}`, country: 'JP', createdAt: T0 });
const vis = (tlp: Visibility['tlp'], ownerOrg: string | null, recipients: string[] = []): Visibility => ({ tlp, ownerOrg, recipients, hasGranular: tlp === 'amber' });
const version = (id: string, v: string, visibility: Visibility): NewObjectVersion => ({ ...stix(id, v), visibility });
const READERS: (ReadScope | undefined)[] = [undefined, { orgId: null, identityId: null }, { orgId: 'a', identityId: 'identity--a' }, { orgId: 'b', identityId: 'identity--b' }, { orgId: 'c', identityId: 'identity--c' }];

async function fill(store: Store, sync: SyncStore): Promise<void> {
  await store.createOrganisation(org('c'));
  await store.createOrganisation({ ...org('a'), kind: 'cert', sectors: ['jp-finance'], clients: ['c'], attributionConsent: true });
  await store.createOrganisation(org('b'));
  await store.createCommunity({ id: 'g2g', name: 'G2G', description: 'in-jp', members: ['b', 'a'], createdAt: T0 });
  await store.createCollection(collection('c1', { readOrgs: ['a'], readCommunities: ['g2g'], writeCommunities: ['g2g'], defaultTlp: 'amber', public: true }));
  let prev = '0'.repeat(64);
  for (const [i, objects] of [
    [version('indicator--1', '2024-01-01T00:00:00Z', vis('clear', 'a')), version('malware--2', '2024-01-01T00:00:00Z', vis('red', 'a', ['identity--b']))],
    [version('malware--2', '2025-01-01T00:00:00Z', vis('red', 'b')), version('tool--3', '2024-01-01T00:00:00Z', vis('amber', null)), stix('tool--4', '2024-01-01T00:00:00Z')],
  ].entries()) {
    const hash = String(i + 1).repeat(64);
    const previous = prev;
    await store.addObjects({
      collectionId: 'c1',
      statusId: `s-${i}`,
      requestTimestamp: T0,
      accepted: objects,
      rejected: [],
      audit: (head) => ({ seq: (head?.seq ?? 0) + 1, at: T0, actor: { orgId: 'a', tokenId: null, role: null, channel: 'test' }, action: 'objects.add', target: { i }, details: {}, prevHash: previous, hash }),
    });
    prev = hash;
  }
  await store.holdForReview({
    id: 'r1', destinationKind: 'peer', destinationId: 'p1', collectionId: 'c1', objectId: 'tool--3', objectType: 'tool', version: '2024-01-01T00:00:00Z',
    contentHash: 'h'.repeat(64), json: '{}', profile: 'JP', reasons: [{ rule: 'pii', message: 'an e-mail address' }], createdAt: T0,
  });
  await store.decideReviewItem('r1', { state: 'approved', release: 'redacted', decidedAt: T0, decidedBy: 'cli:x', note: 'ok' });
  await sync.createPeer({ id: 'p1', name: 'jp', url: 'https://jp.example/taxii2/', orgId: 'b', auth: { kind: 'token', token: 't' }, tls: null, publicKey: null, nodeId: null, createdAt: T0 });
  await sync.addSubscription({ id: 's1', peerId: 'p1', direction: 'push', localCollection: 'c1', remoteCollection: 'r1', createdAt: T0 });
  await sync.updateSubscription('s1', { cursor: T0, transferredDelta: 3, lastError: 'boom' });
  await sync.recordAcknowledged('s1', [{ id: 'indicator--1', version: '2024-01-01T00:00:00Z' }]);
  await sync.recordOrigins('c1', 'p1', [{ id: 'tool--3', version: '2024-01-01T00:00:00.000Z' }]);
  await sync.quarantine({ id: 'q1', peerId: 'p1', subscriptionId: 's1', objectId: 'x--1', reason: 'invalid', json: '{"x":1}', at: T0 });
}

async function snapshot(store: Store, sync: SyncStore) {
  const pages = [];
  for (const reader of READERS) {
    for (const versions of [[{ kind: 'last' as const }], [{ kind: 'all' as const }], [{ kind: 'first' as const }]]) {
      pages.push(await store.queryObjects({ collectionId: 'c1', limit: 100, withJson: true, versions, ...(reader === undefined ? {} : { reader }) }));
    }
  }
  return {
    organisations: await store.listOrganisations(),
    communities: await store.listCommunities(),
    communitiesOfA: await store.communitiesOf('a'),
    collections: await store.listCollections(),
    pages,
    held: [await store.heldCopies('malware--2'), await store.heldCopies('tool--3')],
    review: await store.listReviewItems({}),
    audit: await store.listAudit({ limit: 100 }),
    peers: await sync.listPeers(),
    subscriptions: await sync.listSubscriptions(),
    acknowledged: [...(await sync.acknowledged('s1', [{ id: 'indicator--1', version: '2024-01-01T00:00:00.000000Z' }, { id: 'tool--3', version: null }]))],
    origins: [...(await sync.origins('c1', [{ id: 'tool--3', version: '2024-01-01T00:00:00Z' }]))],
    quarantine: await sync.listQuarantine('p1', 10),
    backlog: await sync.countAddedAfter('c1', null),
  };
}

if (PG_URL === undefined) {
  test('copy SQLite to PostgreSQL: trust, review and federation state', (t) => t.skip(SKIP_REASON));
} else {
  const url = PG_URL;
  const schemas = new TestSchemas();
  const dirs: string[] = [];
  after(async () => {
    await schemas.drop();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  describe('copy SQLite to PostgreSQL: trust, review and federation state', () => {
    it('every reader sees the same objects, and communities, review items, peers and cursors arrive unchanged', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'setu-pg-copy-'));
      dirs.push(dir);
      const path = join(dir, 'setu.sqlite');
      const source = await openSqliteStore({ path });
      const sourceSync = await openSqliteSyncStore({ path });
      await fill(source, sourceSync);
      const expected = await snapshot(source, sourceSync);
      await sourceSync.close();
      await source.close();

      const schema = schemas.next();
      const report = await copySqliteToPostgres({ sqlitePath: path, url, schema, batchSize: 2 });
      for (const table of ['communities', 'community_members', 'organisation_clients', 'collection_community_access', 'object_recipients', 'review_items', 'sync_peers', 'sync_subscriptions', 'sync_acknowledged', 'sync_origins', 'sync_quarantine']) {
        const counts = report.tables.find((t) => t.table === table);
        assert.ok(counts !== undefined && counts.source > 0 && counts.target === counts.source, `${table} copied: ${JSON.stringify(counts)}`);
      }
      const target = await schemas.open({ schema });
      const targetSync = await openPostgresSyncStore({ url, schema });
      try {
        assert.deepEqual(await snapshot(target, targetSync), expected);
        // the copy allocates after the copied seqs, and RED recipients written afterwards still work
        const added = await target.addObjects({ collectionId: 'c1', statusId: 's-new', requestTimestamp: T0, accepted: [version('malware--9', '2024-01-01T00:00:00Z', vis('red', 'a', ['identity--c']))], rejected: [] });
        const maxCopied = Math.max(...expected.pages[1]!.records.map((r) => r.seq));
        assert.ok(added.added[0]!.seq > maxCopied);
        const seenByC = await target.queryObjects({ collectionId: 'c1', limit: 100, withJson: false, ids: ['malware--9'], reader: { orgId: 'c', identityId: 'identity--c' } });
        assert.deepEqual(seenByC.records.map((r) => r.id), ['malware--9']);
        const again = await copySqliteToPostgres({ sqlitePath: path, url, schema });
        assert.equal(again.inserted, 0);
      } finally {
        await targetSync.close();
        await target.close();
      }
    });
  });
}
