// HTTPS with mutual TLS, end to end over a real socket: the server requires a client certificate
// signed by the configured CA, and a token is accepted only from its own organisation's certificate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import { startServer } from '../../src/cli/commands/serve.js';
import { loadTlsOptions } from '../../src/server/tls.js';
import { isSetuError } from '../../src/errors/index.js';
import { createOrganisation } from '../../src/node/admin.js';
import { withNode } from '../../src/node/data-dir.js';
import { initialiseNode } from '../../src/node/init.js';
import { issueToken } from '../../src/node/tokens.js';
import { captureIo } from '../cli/capture.js';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function makePki(dir: string) {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  run('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Setu Test CA');
  const leaf = async (name: string, subject: string, ext: string) => {
    await writeFile(join(dir, `${name}.ext`), ext);
    run('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    run('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
  };
  await leaf('server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  await leaf('client-a', '/O=cert-a/CN=node.cert-a.example', 'extendedKeyUsage=clientAuth\n');
  await leaf('client-b', '/O=cert-b/CN=node.cert-b.example', 'extendedKeyUsage=clientAuth\n');
  const pem = (name: string) => readFile(join(dir, name));
  return { ca: await pem('ca.pem'), clientA: { cert: await pem('client-a.pem'), key: await pem('client-a.key') }, clientB: { cert: await pem('client-b.pem'), key: await pem('client-b.key') } };
}

test('mutual TLS: certificate required, and bound to the token organisation', { skip: hasOpenssl() ? false : 'openssl is not installed' }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-tls-'));
  const pki = await makePki(dir);
  const data = join(dir, 'node');
  const init = await initialiseNode({ dir: data, nodeName: 'tls-node', country: 'IN' }, Date.now, randomUUID);
  await init.store.close();
  const tokenA = await withNode(data, Date.now, async ({ store }) => {
    await createOrganisation(store, { id: 'cert-a', name: 'CERT A' }, Date.now);
    await createOrganisation(store, { id: 'cert-b', name: 'CERT B' }, Date.now);
    return (await issueToken(store, { orgId: 'cert-a', role: 'reader' }, Date.now, randomUUID)).secret;
  });
  const server = await startServer(
    {
      data,
      host: '127.0.0.1',
      port: 0,
      tlsCert: join(dir, 'server.pem'),
      tlsKey: join(dir, 'server.key'),
      tlsClientCa: join(dir, 'ca.pem'),
      allowPlainHttp: false,
      logLevel: 'silent',
    },
    captureIo(),
  );
  assert.match(server.discoveryUrl, /^https:\/\/127\.0\.0\.1:\d+\/taxii2\/$/);
  const headers = { accept: 'application/taxii+json;version=2.1', authorization: `Bearer ${tokenA}` };
  const agents: Agent[] = [];
  const agent = (connect: Record<string, unknown>) => {
    const a = new Agent({ connect: { ca: pki.ca, ...connect } });
    agents.push(a);
    return a;
  };
  try {
    // 1. No client certificate: the handshake itself is refused.
    await assert.rejects(request(server.discoveryUrl, { headers, dispatcher: agent({}) }));
    // 2. The token's own organisation's certificate: served.
    const ok = await request(server.discoveryUrl, { headers, dispatcher: agent(pki.clientA) });
    assert.equal(ok.statusCode, 200);
    assert.equal((await ok.body.json() as { default: string }).default, '/taxii2/setu/');
    // 3. Another organisation's (valid) certificate with cert-a's token: refused with a TAXII error.
    const wrong = await request(server.discoveryUrl, { headers, dispatcher: agent(pki.clientB) });
    assert.equal(wrong.statusCode, 403);
    assert.equal((await wrong.body.json() as { http_status: string }).http_status, '403');
  } finally {
    await Promise.all(agents.map((a) => a.close()));
    await server.close();
  }
});

test('TLS options: 1.2 at least, client certificates only with a CA, incomplete or unreadable files refused', { skip: hasOpenssl() ? false : 'openssl is not installed' }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-tls-'));
  await makePki(dir);
  assert.equal(loadTlsOptions({}), undefined);
  const serverOnly = loadTlsOptions({ certFile: join(dir, 'server.pem'), keyFile: join(dir, 'server.key') });
  assert.equal(serverOnly?.minVersion, 'TLSv1.2');
  assert.equal(serverOnly?.requestCert, undefined);
  const mutual = loadTlsOptions({ certFile: join(dir, 'server.pem'), keyFile: join(dir, 'server.key'), clientCaFile: join(dir, 'ca.pem') });
  assert.equal(mutual?.requestCert, true);
  assert.equal(mutual?.rejectUnauthorized, true);
  assert.throws(() => loadTlsOptions({ certFile: join(dir, 'server.pem') }), (e) => isSetuError(e) && e.code === 'SETU_ERR_SERVER_TLS_INCOMPLETE');
  assert.throws(() => loadTlsOptions({ certFile: join(dir, 'nope.pem'), keyFile: join(dir, 'server.key') }), (e) => isSetuError(e) && e.code === 'SETU_ERR_SERVER_TLS_FILE');
});
