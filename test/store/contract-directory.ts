// Contract: node info, organisations, tokens, collections.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TokenRecord } from '../../src/store/index.js';
import { collection, type MakeStore } from './helpers.js';

const org = (id: string) => ({ id, name: `org ${id}`, country: 'IN', createdAt: '2025-01-01T00:00:00.000Z' });
const token = (id: string, orgId: string, secretHash: string): TokenRecord => ({
  id,
  orgId,
  role: 'analyst',
  label: `label ${id}`,
  secretHash,
  createdAt: '2025-01-01T00:00:00.000Z',
  expiresAt: null,
  revokedAt: null,
});
const code = (expected: string) => (error: unknown) => (error as { code?: string }).code === expected;

export function directoryContract(makeStore: MakeStore): void {
  describe('node info', () => {
    it('is absent until initialised, then returned; a second init is refused', async () => {
      const store = await makeStore();
      assert.equal(await store.getNode(), undefined);
      const info = { nodeName: 'cert-in', country: 'IN', createdAt: '2025-01-01T00:00:00.000Z' };
      await store.initNode(info);
      assert.deepEqual(await store.getNode(), info);
      await assert.rejects(store.initNode({ ...info, nodeName: 'other' }), code('SETU_ERR_STORE_NODE_EXISTS'));
      assert.deepEqual(await store.getNode(), info);
      await store.close();
    });
  });

  describe('organisations', () => {
    it('creates, gets and lists in creation order; duplicates are refused', async () => {
      const store = await makeStore();
      await store.createOrganisation(org('b'));
      await store.createOrganisation({ ...org('a'), country: null });
      assert.deepEqual(await store.getOrganisation('a'), { ...org('a'), country: null });
      assert.equal(await store.getOrganisation('zz'), undefined);
      assert.deepEqual(
        (await store.listOrganisations()).map((o) => o.id),
        ['b', 'a'],
      );
      await assert.rejects(store.createOrganisation(org('a')), code('SETU_ERR_STORE_DUPLICATE_KEY'));
      await store.close();
    });
  });

  describe('tokens', () => {
    it('stores the hash, finds by hash, lists, revokes once', async () => {
      const store = await makeStore();
      await store.createOrganisation(org('o1'));
      const t1 = token('t1', 'o1', 'a'.repeat(64));
      await store.createToken(t1);
      await store.createToken(token('t2', 'o1', 'b'.repeat(64)));
      assert.deepEqual(await store.findTokenByHash('a'.repeat(64)), t1);
      assert.equal(await store.findTokenByHash('c'.repeat(64)), undefined);
      assert.deepEqual(
        (await store.listTokens()).map((t) => t.id),
        ['t1', 't2'],
      );
      assert.equal(await store.revokeToken('t1', '2025-02-01T00:00:00.000Z'), true);
      assert.equal(await store.revokeToken('t1', '2025-03-01T00:00:00.000Z'), false, 'already revoked');
      assert.equal(await store.revokeToken('nope', '2025-03-01T00:00:00.000Z'), false, 'unknown');
      assert.equal((await store.findTokenByHash('a'.repeat(64)))?.revokedAt, '2025-02-01T00:00:00.000Z');
      await store.close();
    });

    it('refuses duplicate ids, duplicate hashes and unknown organisations', async () => {
      const store = await makeStore();
      await store.createOrganisation(org('o1'));
      await store.createToken(token('t1', 'o1', 'a'.repeat(64)));
      await assert.rejects(store.createToken(token('t1', 'o1', 'b'.repeat(64))), code('SETU_ERR_STORE_DUPLICATE_KEY'));
      await assert.rejects(store.createToken(token('t2', 'o1', 'a'.repeat(64))), code('SETU_ERR_STORE_DUPLICATE_KEY'));
      await assert.rejects(store.createToken(token('t3', 'ghost', 'c'.repeat(64))), code('SETU_ERR_STORE_UNKNOWN_REFERENCE'));
      assert.equal((await store.listTokens()).length, 1);
      await store.close();
    });
  });

  describe('collections', () => {
    it('round-trips every field, keeps org-list order, lists in creation order', async () => {
      const store = await makeStore();
      for (const id of ['o1', 'o2', 'o3']) await store.createOrganisation(org(id));
      const c = collection('c-b', {
        description: 'desc',
        alias: 'telecom',
        readOrgs: ['o3', 'o1', 'o3'],
        writeOrgs: ['o2'],
        mediaTypes: ['application/stix+json;version=2.1', 'application/stix+json;version=2.0'],
      });
      await store.createCollection(c);
      await store.createCollection(collection('c-a'));
      assert.deepEqual(await store.getCollection('c-b'), { ...c, readOrgs: ['o3', 'o1'] });
      assert.equal(await store.getCollection('nope'), undefined);
      assert.deepEqual(
        (await store.listCollections()).map((x) => x.id),
        ['c-b', 'c-a'],
      );
      await store.close();
    });

    it('refuses duplicate ids and aliases, and unknown organisations, writing nothing', async () => {
      const store = await makeStore();
      await store.createOrganisation(org('o1'));
      await store.createCollection(collection('c1', { alias: 'x' }));
      await assert.rejects(store.createCollection(collection('c1')), code('SETU_ERR_STORE_DUPLICATE_KEY'));
      await assert.rejects(store.createCollection(collection('c2', { alias: 'x' })), code('SETU_ERR_STORE_DUPLICATE_KEY'));
      await assert.rejects(
        store.createCollection(collection('c3', { readOrgs: ['o1'], writeOrgs: ['ghost'] })),
        code('SETU_ERR_STORE_UNKNOWN_REFERENCE'),
      );
      assert.equal(await store.getCollection('c3'), undefined, 'a failed create leaves no collection behind');
      assert.deepEqual(
        (await store.listCollections()).map((x) => x.id),
        ['c1'],
      );
      await store.close();
    });
  });

  describe('lifecycle', () => {
    it('refuses use after close', async () => {
      const store = await makeStore();
      await store.close();
      await assert.rejects(store.listOrganisations(), code('SETU_ERR_STORE_CLOSED'));
    });
  });
}
