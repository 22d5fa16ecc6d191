// `setu audit` end to end on a real data directory: the key made at init, recording, and
// verification catching an edited, a removed and a reordered entry written straight into the
// SQLite file (triggers dropped first, as an intruder with file access would), plus signed
// segments checked offline with the node's public key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { run as init } from '../../src/cli/commands/init.js';
import * as audit from '../../src/cli/commands/audit.js';
import { main } from '../../src/cli/main.js';
import { withNode } from '../../src/node/index.js';
import { captureIo } from './capture.js';

const argv = (...args: string[]) => ['node', 'setu', ...args];

async function nodeWithEntries(n: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'setu-audit-'));
  await init({ data: dir, nodeName: 'CERT Audit Test', country: 'IN', json: true }, captureIo());
  const io = captureIo();
  await withNode(dir, io.clock, async (node) => {
    for (let i = 0; i < n; i += 1) await audit.recordLocal(node, io.clock, { action: 'admin.org', target: { orgId: `org-${i}` }, details: { i } });
  });
  return dir;
}

/** Runs SQL against the node's database with the append-only triggers dropped. */
function tamper(dir: string, sql: string): void {
  const db = new Database(join(dir, 'setu.sqlite'));
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_extends_head;');
  db.exec(sql);
  db.close();
}

async function verifyExit(dir: string, ...extra: string[]): Promise<{ code: number; report: { ok: boolean; problem: { reason: string; seq: number } | null } }> {
  const io = captureIo();
  const code = await main(argv('audit', 'verify', '--data', dir, '--json', ...extra), io);
  return { code, report: JSON.parse(io.stdout()) };
}

test('init creates the node key (private 0600) and `audit key` shows the public key and fingerprint', async () => {
  const dir = await nodeWithEntries(0);
  assert.equal((await stat(join(dir, 'node-key.pem'))).mode & 0o777, 0o600);
  const pem = await readFile(join(dir, 'node-key.pub.pem'), 'utf8');
  const shown = await audit.key({ data: dir, json: true }, captureIo());
  assert.equal(shown.publicKeyPem, pem);
  assert.match(shown.publicKey, /^[A-Za-z0-9_-]{43}$/);
  assert.match(shown.fingerprint, /^[0-9a-f]{64}$/);
  // A second look returns the same key.
  assert.equal((await audit.key({ data: dir, json: true }, captureIo())).fingerprint, shown.fingerprint);
});

test('an insecure private key file is refused', async () => {
  const dir = await nodeWithEntries(0);
  const { chmod } = await import('node:fs/promises');
  await chmod(join(dir, 'node-key.pem'), 0o644);
  assert.equal(await main(argv('audit', 'key', '--data', dir), captureIo()), 1);
});

test('an intact log verifies (exit 0) and lists its entries', async () => {
  const dir = await nodeWithEntries(4);
  const { code, report } = await verifyExit(dir);
  assert.equal(code, 0);
  assert.equal(report.ok, true);
  const entries = await audit.list({ data: dir, json: true }, captureIo());
  assert.deepEqual(entries.map((e) => e.seq), [1, 2, 3, 4]);
  assert.deepEqual(entries[0]?.actor, { orgId: 'cert-audit-test', tokenId: null, role: 'node-admin', channel: 'cli' });
});

test('the database itself refuses UPDATE and DELETE on the audit log', async () => {
  const dir = await nodeWithEntries(2);
  const db = new Database(join(dir, 'setu.sqlite'));
  assert.throws(() => db.exec(`UPDATE audit_log SET details = '{}' WHERE seq = 1`), /append-only/);
  assert.throws(() => db.exec('DELETE FROM audit_log WHERE seq = 2'), /append-only/);
  assert.throws(() => db.exec(`INSERT INTO audit_log VALUES (9, 'x', 'export', '{}', '{}', '{}', 'bad', 'h9')`), /chain head/);
  db.close();
  assert.equal((await verifyExit(dir)).code, 0);
});

test('audit verify catches an edited entry', async () => {
  const dir = await nodeWithEntries(5);
  tamper(dir, `UPDATE audit_log SET target = '{"orgId":"someone-else"}' WHERE seq = 3`);
  const { code, report } = await verifyExit(dir);
  assert.equal(code, 1);
  assert.deepEqual([report.problem?.reason, report.problem?.seq], ['edited', 3]);
});

test('audit verify catches a removed entry', async () => {
  const dir = await nodeWithEntries(5);
  tamper(dir, 'DELETE FROM audit_log WHERE seq = 2');
  const { code, report } = await verifyExit(dir);
  assert.equal(code, 1);
  assert.deepEqual([report.problem?.reason, report.problem?.seq], ['removed', 2]);
});

test('audit verify catches a reordered entry', async () => {
  const dir = await nodeWithEntries(5);
  tamper(dir, 'UPDATE audit_log SET seq = 100 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 100;');
  const { code, report } = await verifyExit(dir);
  assert.equal(code, 1);
  assert.deepEqual([report.problem?.reason, report.problem?.seq], ['reordered', 2]);
});

test('a signed segment verifies offline with the public key; a tampered one does not', async () => {
  const dir = await nodeWithEntries(6);
  const out = join(dir, 'segment.json');
  const summary = await audit.exportSegment({ data: dir, from: '2', to: '5', out, json: true }, captureIo());
  assert.deepEqual([summary.fromSeq, summary.toSeq, summary.entries], [2, 5, 4]);
  const pub = join(dir, 'node-key.pub.pem');
  const ok = captureIo();
  assert.equal(await main(argv('audit', 'verify', '--segment', out, '--public-key', pub), ok), 0);
  assert.match(ok.stdout(), /audit segment intact: 4 entries/);
  // The raw base64 form of the key works as well.
  const { publicKey } = await audit.key({ data: dir, json: true }, captureIo());
  assert.equal(await main(argv('audit', 'verify', '--segment', out, '--public-key', publicKey), captureIo()), 0);

  const segment = JSON.parse(await readFile(out, 'utf8'));
  segment.entries[1].details = { i: 99 };
  const forged = join(dir, 'forged.json');
  await writeFile(forged, JSON.stringify(segment));
  const bad = captureIo();
  assert.equal(await main(argv('audit', 'verify', '--segment', forged, '--public-key', pub), bad), 1);
  assert.match(bad.stdout(), /bad-signature/);
  // The export itself was recorded.
  const entries = await audit.list({ data: dir, from: '7', json: true }, captureIo());
  assert.deepEqual(entries.map((e) => [e.action, e.target]), [['audit.export', { fromSeq: 2, toSeq: 5 }]]);
});

test('--against an earlier segment catches entries cut off the end', async () => {
  const dir = await nodeWithEntries(5);
  const out = join(dir, 'earlier.json');
  await audit.exportSegment({ data: dir, out, json: true }, captureIo());
  assert.equal((await verifyExit(dir, '--against', out)).code, 0);
  tamper(dir, 'DELETE FROM audit_log WHERE seq >= 4');
  assert.equal((await verifyExit(dir)).code, 0, 'a cut tail alone leaves a consistent chain');
  const { code, report } = await verifyExit(dir, '--against', out);
  assert.equal(code, 1);
  assert.deepEqual([report.problem?.reason, report.problem?.seq], ['removed', 4]);
});

test('usage errors: --segment without --public-key, a bad --from', async () => {
  const dir = await nodeWithEntries(1);
  assert.equal(await main(argv('audit', 'verify', '--segment', join(dir, 'x.json')), captureIo()), 2);
  assert.equal(await main(argv('audit', 'export', '--data', dir, '--from', 'zero'), captureIo()), 2);
});

test('local commands record what the operator did, and the chain stays intact', async () => {
  const dir = await nodeWithEntries(0);
  const run = async (...args: string[]) => assert.equal(await main(argv(...args, '--data', dir), captureIo()), 0, args.join(' '));
  await run('org', 'create', '--id', 'cert-x', '--name', 'CERT X', '--country', 'JP');
  await run('token', 'create', '--org', 'cert-x', '--role', 'reader');
  const created = captureIo();
  assert.equal(await main(argv('collection', 'create', '--title', 'G2G', '--read', 'cert-x', '--data', dir, '--json'), created), 0);
  const collectionId = JSON.parse(created.stdout()).id as string;
  const bundle = join(dir, 'bundle.json');
  await writeFile(bundle, JSON.stringify({ type: 'bundle', id: 'bundle--00000000-0000-4000-8000-000000000001', objects: [{ type: 'ipv4-addr', spec_version: '2.1', value: '198.51.100.9' }] }));
  await run('import', '--collection', collectionId, bundle);
  await run('export', '--collection', collectionId, '--out', join(dir, 'out.json'));
  const entries = await audit.list({ data: dir, json: true }, captureIo());
  assert.deepEqual(entries.map((e) => e.action), ['admin.org', 'admin.token', 'admin.collection', 'object.write', 'export']);
  const written = entries[3]?.target['objects'] as [string, string][];
  assert.equal(written.length, 1);
  assert.match(written[0]?.[0] ?? '', /^ipv4-addr--[0-9a-f-]{36}$/);
  assert.equal(entries[3]?.actor.orgId, 'cert-audit-test', "an import is written in the name of the importing organisation (default: the node's own)");
  assert.equal((entries[4]?.details as { objects: number }).objects, 1);
  assert.equal((await verifyExit(dir)).code, 0);
});
