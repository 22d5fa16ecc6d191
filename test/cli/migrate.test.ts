// `setu migrate` round trip: a SQLite node with organisations, tokens (one revoked), collections,
// object versions (a deleted one leaving a seq gap), statuses and audit entries moves to a fresh
// PostgreSQL schema with every seq, date_added and hash unchanged; a second run continues with
// only what was added since; a different node or a bad URL is refused.
import { after, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as init } from '../../src/cli/commands/init.js';
import { run as migrate } from '../../src/cli/commands/migrate.js';
import * as audit from '../../src/cli/commands/audit.js';
import { main } from '../../src/cli/main.js';
import { withNode } from '../../src/node/index.js';
import { openPostgresStore, type Store } from '../../src/store/index.js';
import { collection, stix } from '../store/helpers.js';
import { PG_URL, SKIP_REASON, TestSchemas } from '../store/postgres-helpers.js';
import { captureIo } from './capture.js';

const schemas = new TestSchemas();
after(() => schemas.drop());

async function sourceNode(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'setu-migrate-'));
  await init({ data: dir, nodeName: name, country: 'JP', json: true }, captureIo());
  return dir;
}

async function addBundle(store: Store, statusId: string, ids: string[]) {
  return store.addObjects({
    collectionId: 'c1',
    statusId,
    requestTimestamp: '2026-01-01T00:00:00.000000Z',
    accepted: ids.map((id) => stix(id, '2024-01-01T00:00:00.000Z')),
    rejected: [],
  });
}

/** Everything a client or an operator can read back, for comparing two stores. */
async function snapshot(store: Store) {
  const collections = await store.listCollections();
  const objects = [];
  for (const c of collections) {
    let afterSeq = 0;
    for (;;) {
      const page = await store.queryObjects({ collectionId: c.id, afterSeq, limit: 500, withJson: true, versions: [{ kind: 'all' }], specVersions: ['2.0', '2.1'] });
      objects.push(...page.records);
      if (!page.more) break;
      afterSeq = page.records.at(-1)!.seq;
    }
  }
  return {
    node: await store.getNode(),
    organisations: await store.listOrganisations(),
    tokens: await store.listTokens(),
    collections,
    objects,
    status: await store.getStatus('bundle-1'),
    audit: await store.listAudit({ limit: 10_000 }),
  };
}

const url = (schema: string) => `${PG_URL}?schema=${schema}`;

if (PG_URL === undefined) {
  test('setu migrate', (t) => t.skip(SKIP_REASON));
} else {
  describe('setu migrate --from DIR --to postgres://…', () => {
    it('moves the whole state unchanged, verifies it, and resumes with only the new rows', async () => {
      const dir = await sourceNode('CERT Migrate');
      const io = captureIo();
      await withNode(dir, io.clock, async (node) => {
        const { store } = node;
        await store.createOrganisation({ id: 'jpcert', name: 'JPCERT/CC', country: 'JP', createdAt: '2026-01-01T00:00:00.000Z' });
        await store.createCollection(collection('c1', { readOrgs: ['jpcert'], writeOrgs: ['jpcert'] }));
        await store.createToken({ id: 't-x', orgId: 'jpcert', role: 'reader', label: null, secretHash: 'f'.repeat(64), createdAt: '2026-01-01T00:00:00.000Z', expiresAt: null, revokedAt: null });
        await store.revokeToken('t-x', '2026-01-02T00:00:00.000Z');
        await addBundle(store, 'bundle-1', ['indicator--a', 'indicator--b', 'malware--c']);
        await addBundle(store, 'bundle-2', ['indicator--d', 'indicator--e']);
        await store.deleteObject('c1', 'indicator--e', {}); // the highest seq is gone: it must not be reused
        for (let i = 0; i < 5; i += 1) await audit.recordLocal(node, io.clock, { action: 'admin.org', target: { orgId: `org-${i}` }, details: { i } });
      });
      const schema = schemas.next();
      const first = await migrate({ from: dir, to: url(schema), batchSize: 2, json: true }, captureIo());
      assert.ok(first.countsMatch);
      assert.deepEqual(first.audit, { ok: true, checked: 5, head: first.audit.head, message: null });
      assert.equal(first.audit.head?.seq, 5);

      let target = await openPostgresStore({ url: url(schema) });
      const source = await withNode(dir, io.clock, ({ store }) => snapshot(store));
      assert.deepEqual(await snapshot(target), source, 'every record reads back identically, seqs and dateAdded included');
      await target.close();

      // The source kept working (the operator migrated early, say): a re-run copies only what is new.
      await withNode(dir, io.clock, async (node) => {
        await addBundle(node.store, 'bundle-3', ['indicator--g']);
        await audit.recordLocal(node, io.clock, { action: 'admin.org', target: { orgId: 'org-late' }, details: {} });
      });
      const again = await migrate({ from: dir, to: url(schema), json: true }, captureIo());
      assert.equal(again.countsMatch, true);
      assert.equal(again.inserted, 3, 'the new version, its status and the audit entry; nothing twice');
      assert.equal(again.audit.head?.seq, 6, 'the late audit entry extends the copied chain');
      target = await openPostgresStore({ url: url(schema) });
      const latest = await withNode(dir, io.clock, ({ store }) => snapshot(store));
      assert.deepEqual(await snapshot(target), latest);
      const next = await addBundle(target, 'pg-1', ['indicator--f']);
      assert.ok(next.added[0]!.seq > latest.objects.at(-1)!.seq, 'a new seq is above every seq the source handed out');
      assert.ok(next.added[0]!.dateAdded > latest.objects.at(-1)!.dateAdded);
      await target.close();
    });

    it('a re-run over a complete copy inserts nothing and verifies clean (exit 0)', async () => {
      const dir = await sourceNode('CERT Rerun');
      await withNode(dir, Date.now, async ({ store }) => {
        await store.createCollection(collection('c1'));
        await addBundle(store, 'bundle-1', ['indicator--a']);
      });
      const schema = schemas.next();
      const io = captureIo();
      assert.equal(await main(['node', 'setu', 'migrate', '--from', dir, '--to', url(schema), '--json'], io), 0, io.stderr());
      const rerun = captureIo();
      assert.equal(await main(['node', 'setu', 'migrate', '--from', dir, '--to', url(schema), '--json'], rerun), 0, rerun.stderr());
      assert.equal(JSON.parse(rerun.stdout()).inserted, 0);
    });

    it('refuses a target that holds another node (exit 1) and a URL that is not postgres:// (exit 2)', async () => {
      const a = await sourceNode('Node A');
      const b = await sourceNode('Node B');
      const schema = schemas.next();
      assert.equal(await main(['node', 'setu', 'migrate', '--from', a, '--to', url(schema)], captureIo()), 0);
      const io = captureIo();
      assert.equal(await main(['node', 'setu', 'migrate', '--from', b, '--to', url(schema)], io), 1);
      assert.match(io.stderr(), /another node/);
      assert.equal(await main(['node', 'setu', 'migrate', '--from', a, '--to', 'mysql://x/y'], captureIo()), 2);
    });
  });
}
