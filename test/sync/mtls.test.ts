// A push over mutual TLS: the receiver serves HTTPS and requires client certificates signed by its
// CA, and binds a token to the organisation (subject O) of the certificate. The pushing node
// presents its client certificate (peer --cert/--key, --ca to trust the server): with its own
// organisation's certificate the objects arrive; with another organisation's they are refused and
// the refusal is the subscription's last error.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { startServer } from '../../src/cli/commands/serve.js';
import { ingest } from '../../src/ingest/index.js';
import { loadGateConfig, loadNodeKey, openNode } from '../../src/node/index.js';
import { SyncService, addPeer, openNodeSync } from '../../src/sync/index.js';
import { indicator, setupNode, tempRoot, withNodeStores } from './helpers.js';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function makePki(dir: string): Promise<void> {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  run('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Setu Test CA');
  const leaf = async (name: string, subject: string, ext: string) => {
    await writeFile(join(dir, `${name}.ext`), ext);
    run('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    run('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
  };
  await leaf('server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  await leaf('cert-in', '/O=cert-in/CN=node.cert-in.example', 'extendedKeyUsage=clientAuth\n');
  await leaf('intruder', '/O=someone-else/CN=node.example', 'extendedKeyUsage=clientAuth\n');
}

test('push over mutual TLS with the client certificate of the peer organisation; another organisation\'s certificate is refused', { skip: hasOpenssl() ? false : 'openssl is not installed' }, async () => {
  const root = await tempRoot();
  await makePki(root.dir);
  const india = await setupNode(root.dir, {
    name: 'cert-in',
    country: 'IN',
    orgs: [{ id: 'jpcert', name: 'JPCERT/CC', country: 'JP' }],
    collections: { out: { title: 'out', readOrgs: ['cert-in', 'jpcert'], writeOrgs: ['cert-in'], defaultTlp: 'clear' }, other: { title: 'other', readOrgs: ['cert-in', 'jpcert'], writeOrgs: ['cert-in'], defaultTlp: 'clear' } },
    tokens: { writer: { orgId: 'cert-in', role: 'analyst' } },
  });
  const japan = await setupNode(root.dir, {
    name: 'jpcert',
    country: 'JP',
    orgs: [{ id: 'cert-in', name: 'CERT-In', country: 'IN' }],
    collections: { inbox: { title: 'inbox', readOrgs: ['jpcert', 'cert-in'], writeOrgs: ['cert-in'] } },
    tokens: { peer: { orgId: 'cert-in', role: 'peer' } },
  });
  const io = { out: () => {}, err: () => {}, interactive: false, clock: Date.now };
  const server = await startServer(
    { data: japan.dir, host: '127.0.0.1', port: 0, allowPlainHttp: false, logLevel: 'silent', tlsCert: join(root.dir, 'server.pem'), tlsKey: join(root.dir, 'server.key'), tlsClientCa: join(root.dir, 'ca.pem') },
    io,
  );
  const opened = await openNode(india.dir, Date.now, { databaseUrl: undefined });
  const sync = await openNodeSync(opened, Date.now);
  try {
    await withNodeStores(japan.dir, (store, s) => addPeer(store, s, { name: 'cert-in', url: 'https://127.0.0.1:9/taxii2/', orgId: 'cert-in', auth: { kind: 'none' }, publicKey: india.publicKey }, Date.now, randomUUID));
    const common = { url: `${server.baseUrl}/taxii2/`, orgId: 'jpcert', auth: { kind: 'token' as const, token: japan.tokens['peer'] ?? '' }, publicKey: japan.publicKey };
    await addPeer(opened.store, sync, { ...common, name: 'jpcert', tls: { certFile: join(root.dir, 'cert-in.pem'), keyFile: join(root.dir, 'cert-in.key'), caFile: join(root.dir, 'ca.pem') }, push: [{ local: india.collections['out'] ?? '', remote: japan.collections['inbox'] ?? '' }] }, Date.now, randomUUID);
    await addPeer(opened.store, sync, { ...common, name: 'jpcert-wrong-cert', tls: { certFile: join(root.dir, 'intruder.pem'), keyFile: join(root.dir, 'intruder.key'), caFile: join(root.dir, 'ca.pem') }, push: [{ local: india.collections['other'] ?? '', remote: japan.collections['inbox'] ?? '' }] }, Date.now, randomUUID);
    const objects = [indicator(), indicator()];
    const stranger = indicator();
    // Written straight into India's collections (no server needed on that side).
    await ingest({ store: opened.store, collectionId: india.collections['out'] ?? '', rawObjects: objects.map((o) => JSON.stringify(o)), clock: Date.now, newId: randomUUID, events: { emit: () => true } });
    await ingest({ store: opened.store, collectionId: india.collections['other'] ?? '', rawObjects: [JSON.stringify(stranger)], clock: Date.now, newId: randomUUID, events: { emit: () => true } });
    const service = new SyncService({ store: opened.store, sync, gate: await loadGateConfig(india.dir, opened.info), nodeKey: await loadNodeKey(india.dir), clock: Date.now, newId: randomUUID, events: new EventEmitter(), tuning: { timeoutMs: 5000 } });
    const results = await service.syncNow();
    await service.stop();
    const byPeer = new Map(results.map((r) => [r.peer, r]));
    assert.equal(byPeer.get('jpcert')?.ok, true, JSON.stringify(byPeer.get('jpcert')));
    const wrong = byPeer.get('jpcert-wrong-cert');
    assert.equal(wrong?.ok, false);
    assert.match(wrong !== undefined && !wrong.ok ? wrong.error : '', /HTTP 403/);
    const held = await server.node.store.queryObjects({ collectionId: japan.collections['inbox'] ?? '', versions: [{ kind: 'all' }], limit: 10, withJson: false });
    assert.deepEqual(new Set(held.records.map((r) => r.id)), new Set(objects.map((o) => String(o['id']))));
  } finally {
    await sync.close();
    await opened.store.close();
    await server.close();
    await root.remove();
  }
});
