// The audit log end to end over HTTP (inject, no socket): TAXII writes, deletes and restricted
// reads by another organisation each record one entry per request; API admin changes are
// recorded; the audit routes verify the chain and export a segment a partner can check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app.js';
import { parseSegment, publicKeyFromText, verifySegment } from '../../src/access/audit/index.js';
import { DEFAULT_NODE_CONFIG, createOrganisation, ensureNodeKey, issueToken } from '../../src/node/index.js';
import { openSqliteStore } from '../../src/store/index.js';

const TLP = {
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

const indicator = (n: number, marking: string) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  pattern: `[ipv4-addr:value = '203.0.113.${n}']`,
  pattern_type: 'stix',
  valid_from: '2026-01-01T00:00:00Z',
  object_marking_refs: [marking],
});

async function fixture(withKey: boolean) {
  let now = Date.parse('2026-05-01T00:00:00Z');
  const clock = () => (now += 1000);
  const store = await openSqliteStore({ path: ':memory:', clock });
  const info = { nodeName: 'audit-node', country: 'IN', createdAt: new Date(clock()).toISOString() };
  await store.initNode(info);
  for (const id of ['home', 'cert-a', 'cert-b']) await createOrganisation(store, { id, name: id.toUpperCase() }, clock);
  await store.createCollection({
    id: 'c1', title: 'shared', description: null, alias: null, readOrgs: ['home', 'cert-a', 'cert-b'], writeOrgs: ['home', 'cert-a', 'cert-b'],
    mediaTypes: ['application/stix+json;version=2.1'], createdAt: info.createdAt,
  });
  const token = async (orgId: string, role: string) => (await issueToken(store, { orgId, role }, clock, randomUUID)).secret;
  const tokens = { admin: await token('home', 'node-admin'), a: await token('cert-a', 'analyst'), b: await token('cert-b', 'analyst') };
  const nodeKey = withKey ? await ensureNodeKey(await mkdtemp(join(tmpdir(), 'setu-audit-key-'))) : undefined;
  const app = await buildApp({ store, config: DEFAULT_NODE_CONFIG, info, clock, newId: randomUUID, logger: false, version: 'test', nodeKey });
  const taxii = (method: 'GET' | 'POST' | 'DELETE', path: string, secret: string, objects?: unknown[]) =>
    app.http.inject({
      method,
      url: `/taxii2/setu/collections/c1/objects/${path}`,
      headers: { authorization: `Bearer ${secret}`, accept: 'application/taxii+json;version=2.1', ...(objects ? { 'content-type': 'application/taxii+json;version=2.1' } : {}) },
      ...(objects ? { payload: JSON.stringify({ objects }) } : {}),
    });
  const api = (method: 'GET' | 'POST', url: string, secret: string, payload?: unknown) =>
    app.http.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${secret}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { store, tokens, taxii, api, nodeKey, close: async () => (await app.http.close(), await store.close()) };
}

test('TAXII writes, deletes and restricted reads each record one entry per request', async () => {
  const f = await fixture(false);
  // 1. cert-a writes three objects in one request: ONE entry listing them.
  const posted = await f.taxii('POST', '', f.tokens.a, [indicator(1, TLP.green), indicator(2, TLP.amber), indicator(3, TLP.red)]);
  assert.equal(posted.statusCode, 202);
  let entries = await f.store.listAudit({ limit: 100 });
  assert.equal(entries.length, 1);
  assert.equal(entries[0]?.action, 'object.write');
  assert.deepEqual(entries[0]?.actor, { orgId: 'cert-a', tokenId: entries[0]?.actor.tokenId ?? null, role: 'analyst', channel: 'taxii' });
  assert.deepEqual((entries[0]?.target['objects'] as [string, string][]).map(([id]) => id.slice(11, 19)), ['00000001', '00000002', '00000003']);

  // 2. Re-posting the same objects stores nothing new: no entry.
  await f.taxii('POST', '', f.tokens.a, [indicator(1, TLP.green)]);
  assert.equal((await f.store.listAudit({ limit: 100 })).length, 1);

  // 3. cert-a reads its own objects: nothing restricted by ANOTHER organisation.
  assert.equal((await f.taxii('GET', '', f.tokens.a)).statusCode, 200);
  assert.equal((await f.store.listAudit({ limit: 100 })).length, 1);

  // 4. cert-b reads: it receives the GREEN and AMBER objects (RED is not for it); the AMBER one is recorded.
  const readByB = await f.taxii('GET', '', f.tokens.b);
  assert.equal(readByB.json().objects.length, 2);
  entries = await f.store.listAudit({ limit: 100 });
  assert.equal(entries.length, 2);
  assert.equal(entries[1]?.action, 'object.read-restricted');
  assert.equal(entries[1]?.actor.orgId, 'cert-b');
  assert.deepEqual(entries[1]?.target, { collectionId: 'c1', objects: [[indicator(2, TLP.amber).id, '2026-01-01T00:00:00.000Z', 'amber']] });

  // 5. Get An Object of the AMBER one by cert-b: recorded too; of the GREEN one: not.
  await f.taxii('GET', `${indicator(2, TLP.amber).id}/`, f.tokens.b);
  await f.taxii('GET', `${indicator(1, TLP.green).id}/`, f.tokens.b);
  entries = await f.store.listAudit({ limit: 100 });
  assert.deepEqual(entries.map((e) => e.action), ['object.write', 'object.read-restricted', 'object.read-restricted']);

  // 6. A delete is recorded with what was asked and how many versions went.
  assert.equal((await f.taxii('DELETE', `${indicator(1, TLP.green).id}/`, f.tokens.a)).statusCode, 200);
  const last = (await f.store.listAudit({ fromSeq: 4, limit: 10 }))[0];
  assert.equal(last?.action, 'object.delete');
  assert.deepEqual(last?.target, { collectionId: 'c1', objectId: indicator(1, TLP.green).id });
  assert.deepEqual(last?.details, { versions: ['all'], specVersions: null, deleted: 1 });

  // 7. The chain verifies over the API, for a node-admin only.
  assert.equal((await f.api('GET', '/audit/verify', f.tokens.a)).statusCode, 403);
  const verified = await f.api('GET', '/audit/verify', f.tokens.admin);
  assert.equal(verified.statusCode, 200);
  assert.equal(verified.json().ok, true);
  assert.equal(verified.json().checked, 4);
  await f.close();
});

test('API admin changes are recorded; the audit routes list, export a signed segment and check one', async () => {
  const f = await fixture(true);
  assert.equal((await f.api('POST', '/organisations', f.tokens.admin, { id: 'nisc-demo', name: 'NISC demo', country: 'JP' })).statusCode, 201);
  const token = await f.api('POST', '/tokens', f.tokens.admin, { org: 'nisc-demo', role: 'reader' });
  assert.equal(token.statusCode, 201);
  assert.equal((await f.api('POST', '/collections', f.tokens.admin, { title: 'G2G', read: ['nisc-demo'], write: ['home'] })).statusCode, 201);
  const listed = await f.api('GET', '/audit?from=1&limit=10', f.tokens.admin);
  assert.equal(listed.statusCode, 200);
  assert.deepEqual(listed.json().entries.map((e: { action: string }) => e.action), ['admin.org', 'admin.token', 'admin.collection']);
  assert.deepEqual(listed.json().entries[1].target, { tokenId: token.json().id, orgId: 'nisc-demo' });
  assert.equal(JSON.stringify(listed.json()).includes(token.json().token), false, 'no token secret in the audit log');
  assert.equal(listed.json().head.seq, 3);
  assert.equal((await f.api('GET', '/audit?limit=0', f.tokens.admin)).statusCode, 400);

  const exported = await f.api('GET', '/audit/export?from=2', f.tokens.admin);
  assert.equal(exported.statusCode, 200);
  const segment = parseSegment(exported.body);
  assert.deepEqual([segment.fromSeq, segment.toSeq], [2, 3]);
  assert.equal(verifySegment(segment, publicKeyFromText(f.nodeKey?.publicKeyPem ?? '')).ok, true);
  // The export is itself recorded.
  assert.equal((await f.store.listAudit({ fromSeq: 4, limit: 1 }))[0]?.action, 'audit.export');

  const checked = await f.api('POST', '/audit/verify-segment', f.tokens.admin, { segment, publicKey: f.nodeKey?.publicKeyText });
  assert.equal(checked.json().ok, true);
  const tampered = { ...segment, entries: segment.entries.map((e, i) => (i === 0 ? { ...e, details: {} } : e)) };
  const refused = await f.api('POST', '/audit/verify-segment', f.tokens.admin, { segment: tampered, publicKey: f.nodeKey?.publicKeyText });
  assert.equal(refused.json().ok, false);
  assert.equal(refused.json().problem.reason, 'bad-signature');
  assert.equal((await f.api('POST', '/audit/verify-segment', f.tokens.admin, { segment, publicKey: 'nope!' })).statusCode, 400);
  await f.close();
});

test('without the node key the API cannot sign segments (404 naming the CLI)', async () => {
  const f = await fixture(false);
  await f.api('POST', '/organisations', f.tokens.admin, { id: 'x-org', name: 'X' });
  const res = await f.api('GET', '/audit/export', f.tokens.admin);
  assert.equal(res.statusCode, 404);
  assert.match(res.json().description, /setu audit export/);
  await f.close();
});
