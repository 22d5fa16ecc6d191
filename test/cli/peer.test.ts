// `setu peer ...` called as functions, and through main() for the exit codes: peers are added
// with their subscriptions, listed and shown without secrets, report status, sync once (a failure
// exits 1 with the reason recorded as the last error), and are removed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as peer from '../../src/cli/commands/peer.js';
import { main } from '../../src/cli/main.js';
import { captureIo } from './capture.js';
import { setupNode, tempRoot, type NodeDir } from '../sync/helpers.js';
import { ExitError } from '../../src/cli/errors.js';

let root: { dir: string; remove: () => Promise<void> };
let node: NodeDir;
const SECRET = 'setu_peer-secret-never-printed';

before(async () => {
  root = await tempRoot();
  node = await setupNode(root.dir, {
    name: 'cert-in',
    country: 'IN',
    orgs: [{ id: 'jpcert', name: 'JPCERT/CC', country: 'JP' }],
    collections: { out: { title: 'out', readOrgs: ['cert-in', 'jpcert'], writeOrgs: ['cert-in'] }, in: { title: 'in', readOrgs: ['cert-in'], writeOrgs: ['cert-in'] } },
  });
});
after(async () => {
  await root.remove();
});

test('add, list, show, status, remove; credentials never appear in any output', async () => {
  const io = captureIo();
  const added = await peer.add(
    {
      data: node.dir,
      name: 'jpcert',
      url: 'http://127.0.0.1:9/taxii2/',
      org: 'jpcert',
      token: SECRET,
      publicKey: node.publicKey,
      push: [`${node.collections['out']}:remote-in`],
      pull: [`remote-out:${node.collections['in']}`],
      json: false,
    },
    io,
  );
  assert.equal(added.subscriptions.length, 2);
  assert.equal(added.nodeId, node.nodeId);
  const listed = await peer.list({ data: node.dir, json: true }, io);
  assert.deepEqual(listed[0]?.auth, { kind: 'token' });
  const shown = await peer.show({ data: node.dir, peer: 'jpcert', json: false }, io);
  assert.equal(shown.status.subscriptions.length, 2);
  const statuses = await peer.status({ data: node.dir, json: false }, io);
  assert.equal(statuses[0]?.subscriptions.find((s) => s.direction === 'push')?.queueDepth, 0);
  assert.ok(!io.stdout().includes(SECRET) && !io.stderr().includes(SECRET), 'the token is never printed');
  assert.match(io.stdout(), /push .* -> jpcert:remote-in/);

  // A pass against an unreachable peer fails, exits 1, and records the reason.
  await assert.rejects(peer.sync({ data: node.dir, peer: 'jpcert', json: false }, io), (error: unknown) => error instanceof ExitError && error.exitCode === 1);
  const after = await peer.status({ data: node.dir, peer: 'jpcert', json: true }, io);
  const pull = after[0]?.subscriptions.find((s) => s.direction === 'pull');
  const push = after[0]?.subscriptions.find((s) => s.direction === 'push');
  assert.match(pull?.lastError ?? '', /127\.0\.0\.1:9/, 'the pull records why it failed');
  assert.ok(push?.lastSuccessAt !== null && push?.lastError === null, 'the push had nothing to send: no request, a success');
  assert.ok(!io.stdout().includes(SECRET) && !io.stderr().includes(SECRET));

  await peer.remove({ data: node.dir, peer: 'jpcert', json: false }, io);
  assert.deepEqual(await peer.list({ data: node.dir, json: true }, io), []);
});

test('exit codes through main(): bad arguments exit 2, an unknown peer exits 2, a good call exits 0', async () => {
  const io = captureIo();
  assert.equal(await main(['node', 'setu', 'peer', 'add', '--data', node.dir, '--name', 'x', '--url', 'ftp://x', '--org', 'jpcert'], io), 2);
  assert.equal(await main(['node', 'setu', 'peer', 'add', '--data', node.dir, '--name', 'x', '--url', 'http://127.0.0.1:9/', '--org', 'jpcert', '--push', 'nocolon'], io), 2);
  assert.equal(await main(['node', 'setu', 'peer', 'add', '--data', node.dir, '--name', 'x', '--url', 'http://127.0.0.1:9/', '--org', 'nobody'], io), 2);
  assert.equal(await main(['node', 'setu', 'peer', 'show', 'missing', '--data', node.dir], io), 2);
  assert.equal(await main(['node', 'setu', 'peer', 'add', '--data', node.dir, '--name', 'ok', '--url', 'http://127.0.0.1:9/', '--org', 'jpcert', '--basic', `u:${SECRET}`], io), 0);
  assert.equal(await main(['node', 'setu', 'peer', 'list', '--data', node.dir, '--json'], io), 0);
  assert.ok(!io.stdout().includes(SECRET));
  assert.match(io.stdout(), /"username": "u"/);
});
