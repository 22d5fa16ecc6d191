// Group commit (src/store/sqlite/group-commit.ts): addObjects calls made in the same event-loop
// turn share one transaction, each in its own savepoint, so one failing request is rolled back and
// rejected alone while its neighbours commit; results and order are as if written one by one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_GENESIS_HASH, openSqliteStore, type AddObjectsRequest } from '../../src/store/index.js';
import { collection, stix } from './helpers.js';

const code = (expected: string) => (error: unknown) => (error as { code?: string }).code === expected;
const request = (statusId: string, collectionId: string, ids: string[]): AddObjectsRequest => ({
  collectionId,
  statusId,
  requestTimestamp: '2025-01-01T00:00:00.000000Z',
  accepted: ids.map((id) => stix(id, '2025-01-01T00:00:00.000Z')),
  rejected: [],
});

test('concurrent addObjects: a failing request is rejected alone, the others commit in call order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'setu-group-'));
  try {
    const path = join(dir, 'g.db');
    const store = await openSqliteStore({ path });
    await store.createCollection(collection('c1'));
    await store.addObjects(request('s-taken', 'c1', ['tool--0']));
    const offHead: AddObjectsRequest = {
      ...request('s-audit', 'c1', ['tool--4']),
      audit: (head) => ({ seq: (head?.seq ?? 0) + 2, at: '2025-01-01T00:00:00.000000Z', actor: { orgId: null, tokenId: null, role: null, channel: 'test' }, action: 'x', target: {}, details: {}, prevHash: AUDIT_GENESIS_HASH, hash: 'f'.repeat(64) }),
    };
    const settled = await Promise.allSettled([
      store.addObjects(request('s1', 'c1', ['tool--1', 'tool--2'])),
      store.addObjects(request('s2', 'nope', ['tool--3'])),
      store.addObjects(request('s-taken', 'c1', ['tool--5'])),
      store.addObjects(offHead),
      store.addObjects(request('s3', 'c1', ['tool--6'])),
    ]);
    assert.deepEqual(settled.map((s) => s.status), ['fulfilled', 'rejected', 'rejected', 'rejected', 'fulfilled']);
    assert.ok(settled[1]?.status === 'rejected' && code('SETU_ERR_STORE_UNKNOWN_COLLECTION')(settled[1].reason));
    assert.ok(settled[2]?.status === 'rejected' && code('SETU_ERR_STORE_DUPLICATE_KEY')(settled[2].reason));
    assert.ok(settled[3]?.status === 'rejected' && code('SETU_ERR_STORE_AUDIT_NOT_HEAD')(settled[3].reason));
    const first = settled[0]?.status === 'fulfilled' ? settled[0].value : undefined;
    const last = settled[4]?.status === 'fulfilled' ? settled[4].value : undefined;
    assert.ok(first !== undefined && last !== undefined);
    assert.ok((first.added.at(-1)?.seq ?? 0) < (last.added[0]?.seq ?? 0), 'written in call order');
    assert.ok((first.added.at(-1)?.dateAdded ?? '') < (last.added[0]?.dateAdded ?? ''));
    await store.close();
    // What was acknowledged is on disk; nothing of the rejected requests is.
    const reopened = await openSqliteStore({ path });
    const ids = (await reopened.queryObjects({ collectionId: 'c1', limit: 10, withJson: false })).records.map((r) => r.id);
    assert.deepEqual(ids, ['tool--0', 'tool--1', 'tool--2', 'tool--6']);
    assert.equal(await reopened.getStatus('s-audit'), undefined);
    assert.equal(await reopened.auditHead(), undefined);
    await reopened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
