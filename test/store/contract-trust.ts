// Contract: the trust model. Organisation fields and updates, communities, collection audiences
// with communities / default TLP / public flag, visibility columns written with each version, the
// read predicate (ReadScope) on pages, 'last', ids, versions and deletes, and heldCopies.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NewObjectVersion, ObjectQuery, ReadScope, Store, Visibility } from '../../src/store/index.js';
import { collection, statusId, stix, type MakeStore } from './helpers.js';

const org = (id: string) => ({ id, name: `org ${id}`, country: 'IN', createdAt: '2025-01-01T00:00:00.000Z' });
const code = (expected: string) => (error: unknown) => (error as { code?: string }).code === expected;
const scope = (orgId: string | null): ReadScope => ({ orgId, identityId: orgId === null ? null : `identity--id-of-${orgId}` });
const vis = (tlp: Visibility['tlp'], ownerOrg: string | null, recipients: string[] = [], hasGranular = false): Visibility => ({ tlp, ownerOrg, recipients, hasGranular });
const version = (id: string, v: string, visibility?: Visibility): NewObjectVersion => ({ ...stix(id, v), ...(visibility === undefined ? {} : { visibility }) });

async function seeded(makeStore: MakeStore): Promise<Store> {
  const store = await makeStore();
  for (const id of ['a', 'b', 'c']) await store.createOrganisation(org(id));
  await store.createCollection(collection('c1', { readOrgs: ['a', 'b', 'c'], writeOrgs: ['a'] }));
  return store;
}

async function add(store: Store, collectionId: string, versions: NewObjectVersion[]) {
  return store.addObjects({ collectionId, statusId: statusId(), requestTimestamp: '2025-01-01T00:00:00.000000Z', accepted: versions, rejected: [] });
}

async function ids(store: Store, query: Partial<ObjectQuery>): Promise<string[]> {
  const page = await store.queryObjects({ collectionId: 'c1', limit: 100, withJson: false, ...query });
  return page.records.map((r) => `${r.id.slice(0, r.id.indexOf('--'))}@${r.version?.slice(0, 4) ?? '-'}`);
}

export function trustContract(makeStore: MakeStore): void {
  describe('trust model', () => {
    it('organisations keep kind, sectors, clients and consent; defaults are omitted; updates patch', async () => {
      const store = await makeStore();
      await store.createOrganisation(org('client'));
      await store.createOrganisation({ ...org('cert'), kind: 'cert', sectors: ['in-telecom', 'jp-finance'], clients: ['client'], attributionConsent: true });
      assert.deepEqual(await store.getOrganisation('cert'), { ...org('cert'), kind: 'cert', sectors: ['in-telecom', 'jp-finance'], clients: ['client'], attributionConsent: true });
      assert.deepEqual(await store.getOrganisation('client'), org('client'));
      const updated = await store.updateOrganisation('cert', { clients: [], attributionConsent: false, name: 'CERT' });
      assert.deepEqual(updated, { ...org('cert'), name: 'CERT', kind: 'cert', sectors: ['in-telecom', 'jp-finance'] });
      assert.equal(await store.updateOrganisation('nobody', { name: 'x' }), undefined);
      await assert.rejects(store.updateOrganisation('cert', { clients: ['nobody'] }), code('SETU_ERR_STORE_UNKNOWN_REFERENCE'));
      await assert.rejects(store.createOrganisation({ ...org('x'), clients: ['nobody'] }), code('SETU_ERR_STORE_UNKNOWN_REFERENCE'));
      assert.equal(await store.getOrganisation('x'), undefined, 'nothing half-written');
      await store.close();
    });

    it('communities: create, list in order, add members once, communitiesOf; unknown references refused', async () => {
      const store = await seeded(makeStore);
      await store.createCommunity({ id: 'g2g', name: 'IN-JP G2G', description: null, members: ['b', 'a'], createdAt: '2025-01-01T00:00:00.000Z' });
      await store.createCommunity({ id: 'tel', name: 'telecom B2B', description: 'd', members: [], createdAt: '2025-01-01T00:00:00.000Z' });
      assert.equal(await store.addCommunityMember('tel', 'a'), true);
      assert.equal(await store.addCommunityMember('tel', 'a'), false);
      assert.equal(await store.addCommunityMember('tel', 'c'), true);
      assert.deepEqual((await store.getCommunity('tel'))?.members, ['a', 'c']);
      assert.deepEqual((await store.listCommunities()).map((c) => [c.id, c.members]), [['g2g', ['b', 'a']], ['tel', ['a', 'c']]]);
      assert.deepEqual(await store.communitiesOf('a'), ['g2g', 'tel']);
      assert.deepEqual(await store.communitiesOf('zz'), []);
      await assert.rejects(store.addCommunityMember('none', 'a'), code('SETU_ERR_STORE_UNKNOWN_REFERENCE'));
      await assert.rejects(store.addCommunityMember('tel', 'zz'), code('SETU_ERR_STORE_UNKNOWN_REFERENCE'));
      await assert.rejects(store.createCommunity({ id: 'tel', name: 'again', description: null, members: [], createdAt: '2025-01-01T00:00:00.000Z' }), code('SETU_ERR_STORE_DUPLICATE_KEY'));
      await store.close();
    });

    it('collections keep community audiences, default TLP and public flag (defaults omitted)', async () => {
      const store = await seeded(makeStore);
      await store.createCommunity({ id: 'g2g', name: 'G2G', description: null, members: ['a'], createdAt: '2025-01-01T00:00:00.000Z' });
      const c = collection('c2', { readOrgs: ['a'], readCommunities: ['g2g'], writeCommunities: ['g2g'], defaultTlp: 'amber', public: true });
      await store.createCollection(c);
      assert.deepEqual(await store.getCollection('c2'), c);
      assert.deepEqual(await store.getCollection('c1'), collection('c1', { readOrgs: ['a', 'b', 'c'], writeOrgs: ['a'] }));
      await assert.rejects(store.createCollection(collection('c3', { readCommunities: ['none'] })), code('SETU_ERR_STORE_UNKNOWN_REFERENCE'));
      await store.close();
    });

    it('the read predicate: CLEAR for anyone, below RED for organisations, RED for owner and recipients only', async () => {
      const store = await seeded(makeStore);
      await add(store, 'c1', [
        version('indicator--1', '2024-01-01T00:00:00Z', vis('clear', 'a')),
        version('malware--2', '2024-01-01T00:00:00Z', vis('amber+strict', 'a')),
        version('tool--3', '2024-01-01T00:00:00Z', vis('red', 'a', ['identity--id-of-b'])),
        version('report--4', '2024-01-01T00:00:00Z', vis('red', 'c', [])),
      ]);
      assert.deepEqual(await ids(store, { reader: scope(null) }), ['indicator@2024']);
      assert.deepEqual(await ids(store, { reader: scope('a') }), ['indicator@2024', 'malware@2024', 'tool@2024']);
      assert.deepEqual(await ids(store, { reader: scope('b') }), ['indicator@2024', 'malware@2024', 'tool@2024']);
      assert.deepEqual(await ids(store, { reader: scope('c') }), ['indicator@2024', 'malware@2024', 'report@2024']);
      assert.deepEqual(await ids(store, {}), ['indicator@2024', 'malware@2024', 'tool@2024', 'report@2024'], 'no reader: the node itself');
      const page = await store.queryObjects({ collectionId: 'c1', limit: 1, withJson: false, reader: scope('c') });
      assert.equal(page.more, true);
      assert.deepEqual(
        { tlp: page.records[0]?.tlp, ownerOrg: page.records[0]?.ownerOrg, hasGranular: page.records[0]?.hasGranular },
        { tlp: 'clear', ownerOrg: 'a', hasGranular: false },
      );
      await store.close();
    });

    it("a reader's history is the versions it may read: 'last' falls back to its newest readable version", async () => {
      const store = await seeded(makeStore);
      await add(store, 'c1', [version('malware--1', '2024-01-01T00:00:00Z', vis('green', 'a')), version('malware--1', '2025-01-01T00:00:00Z', vis('red', 'a'))]);
      assert.deepEqual(await ids(store, { reader: scope('a') }), ['malware@2025']);
      assert.deepEqual(await ids(store, { reader: scope('b') }), ['malware@2024']);
      assert.deepEqual(await ids(store, { reader: scope('b'), versions: [{ kind: 'all' }] }), ['malware@2024']);
      assert.deepEqual(await ids(store, { reader: scope('b'), ids: ['malware--1'], versions: [{ kind: 'first' }, { kind: 'last' }] }), ['malware@2024']);
      assert.equal(await store.deleteObject('c1', 'malware--1', { reader: scope('b') }), 1, 'deletes only what it may read');
      assert.deepEqual(await ids(store, { reader: scope('a'), versions: [{ kind: 'all' }] }), ['malware@2025']);
      await store.close();
    });

    it('a version without visibility gets the collection default TLP and no owner', async () => {
      const store = await seeded(makeStore);
      await store.createCollection(collection('red', { readOrgs: ['a'], defaultTlp: 'red' }));
      await add(store, 'red', [version('malware--1', '2024-01-01T00:00:00Z')]);
      const page = await store.queryObjects({ collectionId: 'red', limit: 10, withJson: false, reader: scope('a') });
      assert.equal(page.records.length, 0);
      assert.deepEqual((await store.heldCopies('malware--1')).map((c) => [c.tlp, c.ownerOrg]), [['red', null]]);
      await store.close();
    });

    it('heldCopies: every version in every collection with its columns and recipients, by seq', async () => {
      const store = await seeded(makeStore);
      await store.createCollection(collection('c2', { readOrgs: ['b'] }));
      await add(store, 'c1', [version('malware--1', '2024-01-01T00:00:00Z', vis('amber', 'a'))]);
      await add(store, 'c2', [version('malware--1', '2025-01-01T00:00:00Z', vis('red', 'b', ['identity--x', 'identity--y']))]);
      const copies = await store.heldCopies('malware--1');
      assert.deepEqual(copies.map(({ seq: _seq, ...rest }) => rest), [
        { collectionId: 'c1', tlp: 'amber', ownerOrg: 'a', recipients: [] },
        { collectionId: 'c2', tlp: 'red', ownerOrg: 'b', recipients: ['identity--x', 'identity--y'] },
      ]);
      assert.ok((copies[0]?.seq ?? 0) < (copies[1]?.seq ?? 0));
      assert.deepEqual(await store.heldCopies('malware--none'), []);
      await store.close();
    });
  });
}
