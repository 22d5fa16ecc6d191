// Three Setu nodes as child processes on 127.0.0.1: India (cert-in) pushes one collection to Japan
// (jpcert) and to a company node (acme, a registered client of cert-in). Every TLP level x
// audience case crosses, or does not, as DESIGN.md's table says; personal data is redacted on the
// way out; what arrives carries its provenance chain; pushes are signed and an unsigned or
// wrongly signed push by a peer token is refused and audited.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { signatureHeader } from '../../src/sync/index.js';
import { orgIdentityId, SETU_RECIPIENTS_EXTENSION_ID } from '../../src/access/index.js';
import { SETU_PROVENANCE_EXTENSION_ID } from '../../src/ingest/index.js';
import { generateKeyPairSync } from 'node:crypto';
import { TLP, indicator, listAll, postObjects, registerPeer, setupNode, startNode, tempRoot, waitFor, withNodeStores, type NodeDir, type RunningNode } from './helpers.js';

let root: { dir: string; remove: () => Promise<void> };
let india: NodeDir;
let japan: NodeDir;
let acme: NodeDir;
const running: RunningNode[] = [];
let indiaRun: RunningNode;
let japanRun: RunningNode;
let acmeRun: RunningNode;

before(async () => {
  root = await tempRoot();
  india = await setupNode(root.dir, {
    name: 'cert-in',
    country: 'IN',
    orgs: [
      { id: 'jpcert', name: 'JPCERT/CC', country: 'JP' },
      { id: 'acme', name: 'Acme Networks', country: 'IN' },
      { id: 'telco-in', name: 'Telco IN', country: 'IN' },
    ],
    collections: { shared: { title: 'IN-JP', readOrgs: ['cert-in', 'telco-in', 'jpcert'], writeOrgs: ['cert-in', 'telco-in'] } },
    tokens: { telco: { orgId: 'telco-in', role: 'analyst' } },
  });
  japan = await setupNode(root.dir, {
    name: 'jpcert',
    country: 'JP',
    orgs: [{ id: 'cert-in', name: 'CERT-In', country: 'IN' }],
    collections: { inbox: { title: 'from IN', readOrgs: ['jpcert', 'cert-in'], writeOrgs: ['cert-in'] } },
    tokens: { peer: { orgId: 'cert-in', role: 'peer' } },
  });
  acme = await setupNode(root.dir, {
    name: 'acme',
    country: 'IN',
    orgs: [{ id: 'cert-in', name: 'CERT-In', country: 'IN' }],
    collections: { inbox: { title: 'from CERT-In', readOrgs: ['acme', 'cert-in'], writeOrgs: ['cert-in'] } },
    tokens: { peer: { orgId: 'cert-in', role: 'peer' } },
  });
  // acme is a registered client of cert-in: TLP:AMBER may reach it.
  await withNodeStores(india.dir, async (store) => {
    await store.updateOrganisation('cert-in', { clients: ['acme'] });
  });
  [indiaRun, japanRun, acmeRun] = await Promise.all([startNode(india.dir), startNode(japan.dir), startNode(acme.dir)]);
  running.push(indiaRun, japanRun, acmeRun);
  await registerPeer(japan.dir, { name: 'cert-in', url: indiaRun.discoveryUrl, orgId: 'cert-in', auth: { kind: 'none' }, publicKey: india.publicKey });
  await registerPeer(acme.dir, { name: 'cert-in', url: indiaRun.discoveryUrl, orgId: 'cert-in', auth: { kind: 'none' }, publicKey: india.publicKey });
  await registerPeer(india.dir, {
    name: 'jpcert',
    url: japanRun.discoveryUrl,
    orgId: 'jpcert',
    auth: { kind: 'token', token: japan.tokens['peer'] ?? '' },
    publicKey: japan.publicKey,
    push: [{ local: india.collections['shared'] ?? '', remote: japan.collections['inbox'] ?? '' }],
  });
  await registerPeer(india.dir, {
    name: 'acme',
    url: acmeRun.discoveryUrl,
    orgId: 'acme',
    auth: { kind: 'basic', username: 'cert-in', password: acme.tokens['peer'] ?? '' },
    publicKey: acme.publicKey,
    push: [{ local: india.collections['shared'] ?? '', remote: acme.collections['inbox'] ?? '' }],
  });
});

after(async () => {
  await Promise.all(running.map((r) => r.stop()));
  await root.remove();
});

const marked = (level: keyof typeof TLP, extra: Record<string, unknown> = {}) => indicator({ object_marking_refs: [TLP[level]], ...extra });
const recipients = (...orgs: string[]) => ({ extensions: { [SETU_RECIPIENTS_EXTENSION_ID]: { extension_type: 'property-extension', recipients: orgs.map(orgIdentityId) } } });

test('every TLP level x audience crosses to Japan and to the client company exactly as the table says; PII is redacted on the way out', async () => {
  const cases = {
    clear: marked('clear'),
    green: marked('green'),
    amber: marked('amber'),
    amberStrict: marked('amber+strict'),
    redToJapan: marked('red', recipients('cert-in', 'jpcert')),
    redToNobodyElse: marked('red', recipients('cert-in')),
    defaultGreen: indicator(),
    personal: marked('green', { description: 'Reported by ravi.kumar@telco.example.in, call +91 98765 43210' }),
  };
  // Where each case may go: Japan is in the collection's community, not a client; acme is a client of cert-in, outside the community.
  const expected: Record<keyof typeof cases, { japan: boolean; acme: boolean }> = {
    clear: { japan: true, acme: true },
    green: { japan: true, acme: false },
    amber: { japan: false, acme: true },
    amberStrict: { japan: false, acme: false },
    redToJapan: { japan: true, acme: false },
    redToNobodyElse: { japan: false, acme: false },
    defaultGreen: { japan: true, acme: false },
    personal: { japan: true, acme: false },
  };
  const posted = await postObjects(indiaRun.apiRoot, india.collections['shared'] ?? '', india.tokens['telco'] ?? '', Object.values(cases));
  assert.equal(posted.statusCode, 202);
  assert.equal(posted.body['success_count'], Object.keys(cases).length, JSON.stringify(posted.body));

  const wantJapan = Object.entries(expected).filter(([, e]) => e.japan).length;
  const wantAcme = Object.entries(expected).filter(([, e]) => e.acme).length;
  const atJapan = await waitFor('objects at Japan', 20_000, async () => {
    const objects = await listAll(japanRun.apiRoot, japan.collections['inbox'] ?? '', japan.adminToken);
    return objects.filter((o) => o['type'] === 'indicator').length >= wantJapan ? objects : undefined;
  });
  const atAcme = await waitFor('objects at acme', 20_000, async () => {
    const objects = await listAll(acmeRun.apiRoot, acme.collections['inbox'] ?? '', acme.adminToken);
    return objects.filter((o) => o['type'] === 'indicator').length >= wantAcme ? objects : undefined;
  });
  // Let any wrongly admitted straggler arrive before judging absence: India's queue must be empty.
  await waitFor('India push queues drained', 20_000, async () =>
    withNodeStores(india.dir, async (_store, sync) => {
      const subs = await sync.listSubscriptions();
      const depths = await Promise.all(subs.map((s) => sync.countAddedAfter(s.localCollection, s.cursor)));
      return depths.every((d) => d === 0) ? true : undefined;
    }),
  );
  const japanIds = new Set((await listAll(japanRun.apiRoot, japan.collections['inbox'] ?? '', japan.adminToken)).map((o) => o['id']));
  const acmeIds = new Set((await listAll(acmeRun.apiRoot, acme.collections['inbox'] ?? '', acme.adminToken)).map((o) => o['id']));
  for (const [name, object] of Object.entries(cases) as [keyof typeof cases, Record<string, unknown>][]) {
    assert.equal(japanIds.has(object['id']), expected[name].japan, `${name} at Japan`);
    assert.equal(acmeIds.has(object['id']), expected[name].acme, `${name} at acme`);
  }
  assert.ok(atJapan.length > 0 && atAcme.length > 0);

  const personal = (await listAll(japanRun.apiRoot, japan.collections['inbox'] ?? '', japan.adminToken)).find((o) => o['id'] === cases.personal['id']);
  assert.equal(personal?.['description'], 'Reported by [REDACTED:email], call [REDACTED:phone]');

  // Provenance: India is the origin and the only hop.
  const clear = (await listAll(japanRun.apiRoot, japan.collections['inbox'] ?? '', japan.adminToken)).find((o) => o['id'] === cases.clear['id']);
  const chain = (clear?.['extensions'] as Record<string, { origin_node: string; hops: string[] }> | undefined)?.[SETU_PROVENANCE_EXTENSION_ID];
  assert.deepEqual(chain, { extension_type: 'property-extension', origin_node: india.nodeId, hops: [india.nodeId] });

  // Every outbound batch is audited on India.
  const sends = await withNodeStores(india.dir, (store) => store.listAudit({ limit: 1000 }));
  assert.ok(sends.some((e) => e.action === 'outbound.send' && (e.target as { peer?: string }).peer === 'jpcert'));
});

test('a push by a peer token needs a valid Setu-Signature: missing, malformed or forged ones are refused (403) and audited', async () => {
  const body = JSON.stringify({ objects: [indicator()] });
  const inbox = japan.collections['inbox'] ?? '';
  const token = japan.tokens['peer'] ?? '';
  const missing = await postObjects(japanRun.apiRoot, inbox, token, JSON.parse(body).objects);
  assert.equal(missing.statusCode, 403);
  const forger = generateKeyPairSync('ed25519');
  const forged = await postObjects(japanRun.apiRoot, inbox, token, JSON.parse(body).objects, { 'setu-signature': signatureHeader(Buffer.from(JSON.stringify(JSON.parse(body))), forger.privateKey, india.nodeId) });
  assert.equal(forged.statusCode, 403);
  assert.match(String(forged.body['description']), /does not verify/);
  const malformed = await postObjects(japanRun.apiRoot, inbox, token, JSON.parse(body).objects, { 'setu-signature': 'rsa; sig=abc' });
  assert.equal(malformed.statusCode, 403);
  const refusals = await withNodeStores(japan.dir, (store) => store.listAudit({ limit: 1000 }));
  assert.equal(refusals.filter((e) => (e.details as { refused?: string }).refused === 'peer push signature').length, 3);
});
