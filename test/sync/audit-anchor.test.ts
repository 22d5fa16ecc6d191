// The audit anchor end to end: node cert-in signs a checkpoint of its log and pushes it to its
// peer jpcert (a second node served in this process); an intruder with write access to
// cert-in's database then cuts the log's tail. The hash chain alone cannot see that; cert-in's
// own checkpoints can, until the intruder deletes them too; the checkpoints jpcert holds still
// can (`verify --peers`), whether the tail was only cut or cut and regrown with fresh hashes.
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildApp, type App } from '../../src/app.js';
import { verifyChain } from '../../src/access/audit/index.js';
import * as audit from '../../src/cli/commands/audit.js';
import { main } from '../../src/cli/main.js';
import { ensureNodeKey, loadGateConfig, openNode, withNode, type OpenNode } from '../../src/node/index.js';
import { openNodeSync } from '../../src/sync/index.js';
import type { AuditEntry, SyncStore } from '../../src/store/index.js';
import { captureIo } from '../cli/capture.js';
import { FAST_TUNING, registerPeer, setupNode, tempRoot, waitFor, type NodeDir } from './helpers.js';

let root: { dir: string; remove: () => Promise<void> };
let a: NodeDir;
let b: NodeDir;
let bOpened: OpenNode;
let bSync: SyncStore;
let bApp: App;

before(async () => {
  root = await tempRoot();
  a = await setupNode(root.dir, { name: 'cert-in', country: 'IN', orgs: [{ id: 'jpcert', name: 'JPCERT/CC', country: 'JP' }] });
  b = await setupNode(root.dir, {
    name: 'jpcert',
    country: 'JP',
    orgs: [{ id: 'cert-in', name: 'CERT-In', country: 'IN' }],
    tokens: { fromIn: { orgId: 'cert-in', role: 'peer' } },
  });
  // jpcert knows cert-in's key, so it can check what cert-in pushes.
  await registerPeer(b.dir, { name: 'cert-in', url: 'http://127.0.0.1:9/taxii2/', orgId: 'cert-in', auth: { kind: 'none' }, publicKey: a.publicKey });
  bOpened = await openNode(b.dir, Date.now, { databaseUrl: undefined });
  bSync = await openNodeSync(bOpened, Date.now);
  bApp = await buildApp({
    store: bOpened.store,
    config: bOpened.config,
    info: bOpened.info,
    clock: Date.now,
    newId: randomUUID,
    logger: false,
    version: 'test',
    nodeKey: await ensureNodeKey(b.dir),
    gate: await loadGateConfig(b.dir, bOpened.info),
    syncStore: bSync,
  });
  const address = await bApp.http.listen({ host: '127.0.0.1', port: 0 });
  await registerPeer(a.dir, { name: 'jpcert', url: `${address}/taxii2/`, orgId: 'jpcert', auth: { kind: 'token', token: b.tokens['fromIn'] ?? '' }, publicKey: b.publicKey });
});

after(async () => {
  await bApp.http.close();
  await bSync.close();
  await bOpened.store.close();
  await root.remove();
});

async function record(n: number, tag: string): Promise<void> {
  const io = captureIo();
  await withNode(a.dir, io.clock, async (node) => {
    for (let i = 0; i < n; i += 1) await audit.recordLocal(node, io.clock, { action: 'admin.org', target: { orgId: `${tag}-${i}` } });
  });
}

/** SQL straight into cert-in's database with the append-only triggers dropped, as an intruder would. */
function tamper(sql: string): void {
  const db = new Database(join(a.dir, 'setu.sqlite'));
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_delete; DROP TRIGGER IF EXISTS audit_log_extends_head;');
  db.exec(sql);
  db.close();
}

async function entriesOfA(): Promise<AuditEntry[]> {
  return withNode(a.dir, Date.now, ({ store }) => store.listAudit({ fromSeq: 1, limit: 10_000 }));
}

async function verifyA(...extra: string[]): Promise<{ code: number; report: Record<string, any> }> {
  const io = captureIo();
  const code = await main(['node', 'setu', 'audit', 'verify', '--data', a.dir, '--json', ...extra], io);
  return { code, report: JSON.parse(io.stdout()) as Record<string, any> };
}

test('a checkpoint pushed to a peer exposes a tail cut off the log, which the chain alone does not see', async () => {
  await record(6, 'before');
  const head = (await entriesOfA()).at(-1);
  const pushed = await audit.checkpoint({ data: a.dir, push: true, json: true }, captureIo());
  assert.equal(pushed.checkpoint.count, head?.seq);
  assert.equal(pushed.checkpoint.headHash, head?.hash);
  assert.deepEqual(pushed.pushes, [{ peer: 'jpcert', ok: true, stored: true, error: null }]);

  // jpcert keeps it, under cert-in's node id.
  const held = await bApp.http.inject({ method: 'GET', url: `/api/v1/audit/checkpoints?node=${a.nodeId}`, headers: { authorization: `Bearer ${b.adminToken}` } });
  assert.equal(held.statusCode, 200, held.body);
  assert.deepEqual(held.json().checkpoints, [pushed.checkpoint]);

  const intact = await verifyA('--peers');
  assert.equal(intact.code, 0, JSON.stringify(intact.report));
  assert.equal(intact.report.peers[0].checkpoints, 1);

  const count = pushed.checkpoint.count;
  await record(2, 'after');
  tamper(`DELETE FROM audit_log WHERE seq > ${count - 2}`);

  // 1. The chain alone (what verify checked before checkpoints) finds nothing wrong.
  const left = await entriesOfA();
  assert.equal(left.length, count - 2);
  assert.equal(verifyChain(left).ok, true);

  // 2. The node's own checkpoint shows the cut.
  const local = await verifyA();
  assert.equal(local.code, 1);
  assert.equal(local.report.problem, null);
  assert.equal(local.report.local.problem.reason, 'cut-off');
  assert.equal(local.report.local.problem.count, count);

  // 3. The intruder removes the node's own checkpoints as well: the local check is blind again...
  tamper('DELETE FROM audit_checkpoints');
  const blind = await verifyA();
  assert.equal(blind.code, 0, JSON.stringify(blind.report));

  // ...but the checkpoint jpcert holds is not in the intruder's reach.
  const anchored = await verifyA('--peers');
  assert.equal(anchored.code, 1);
  assert.equal(anchored.report.peers[0].peer, 'jpcert');
  assert.equal(anchored.report.peers[0].problem.reason, 'cut-off');
  assert.equal(anchored.report.peers[0].problem.count, count);
  assert.match(anchored.report.peers[0].problem.message, new RegExp(`ends at entry ${count - 2}.*recorded ${count} entries`));

  // 4. Regrown past the checkpoint with fresh, valid hashes: the chain and the local check pass,
  //    the peer's checkpoint names the entry that differs.
  await record(5, 'forged');
  assert.equal(verifyChain(await entriesOfA()).ok, true);
  assert.equal((await verifyA()).code, 0);
  const regrown = await verifyA('--peers');
  assert.equal(regrown.code, 1);
  assert.equal(regrown.report.peers[0].problem.reason, 'diverged');
  assert.equal(regrown.report.peers[0].problem.count, count);
});

test('a running node pushes a checkpoint of its head to its Setu peers on the configured interval, again when the head moves', async () => {
  const opened = await openNode(a.dir, Date.now, { databaseUrl: undefined });
  const sync = await openNodeSync(opened, Date.now);
  const app = await buildApp({
    store: opened.store,
    config: opened.config,
    info: opened.info,
    clock: Date.now,
    newId: randomUUID,
    logger: false,
    version: 'test',
    nodeKey: await ensureNodeKey(a.dir),
    gate: await loadGateConfig(a.dir, opened.info),
    syncStore: sync,
    syncTuning: { ...FAST_TUNING, checkpointIntervalMs: 100 },
  });
  const heldOnB = async (count: number) => {
    const answer = await bApp.http.inject({ method: 'GET', url: `/api/v1/audit/checkpoints?node=${a.nodeId}`, headers: { authorization: `Bearer ${b.adminToken}` } });
    return (answer.json().checkpoints as { count: number }[]).some((c) => c.count === count) ? true : undefined;
  };
  try {
    await app.sync?.start();
    const first = (await opened.store.auditHead())?.seq ?? 0;
    await waitFor(`jpcert to hold cert-in's checkpoint at ${first}`, 20_000, () => heldOnB(first));
    await record(3, 'running');
    await waitFor(`jpcert to hold cert-in's checkpoint at ${first + 3}`, 20_000, () => heldOnB(first + 3));
    // cert-in keeps each checkpoint it pushed as its own.
    assert.deepEqual(
      (await sync.listCheckpoints(a.nodeId, { afterCount: first - 1, limit: 10 })).map((c) => c.count),
      [first, first + 3],
    );
  } finally {
    await app.sync?.stop();
    await app.http.close();
    await sync.close();
    await opened.store.close();
  }
});
