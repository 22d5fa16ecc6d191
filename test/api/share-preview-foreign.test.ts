// The share preview for a caller outside the node's jurisdiction (an org-admin of a foreign
// organisation): it never receives through the preview more than its own direct read gives it.
// Content only toward its own organisation (where it is its direct-read view); toward any other
// destination, fates and reasons without content; never a personal-data value in reasons,
// redactions or messages (DESIGN principle 5, docs/outbound-gate.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../src/app.js';
import { issueToken, loadGateConfig, openNode } from '../../src/node/index.js';
import { OBJECTS, shareNode } from '../cli/share-fixture.js';

const VALUES = ['2341 2341 2346', 'ravi.kumar@cert-in.example.in', '98765 43210', 'staff.member@victim.example', 'Victim UID'];

async function fixture() {
  const { dir, collection } = await shareNode();
  const clock = () => Date.parse('2026-11-27T12:00:00.000Z');
  const node = await openNode(dir, clock);
  const token = async (orgId: string, role: string) => (await issueToken(node.store, { orgId, role }, clock, randomUUID)).secret;
  const tokens = { admin: await token('cert-in-node', 'node-admin'), jpAdmin: await token('jpcert', 'org-admin'), certAdmin: await token('cert-in', 'org-admin') };
  const gate = await loadGateConfig(dir, node.info);
  const app = await buildApp({ store: node.store, config: node.config, info: node.info, clock, newId: randomUUID, logger: false, version: 'test', gate });
  const api = (method: 'GET' | 'POST', url: string, secret: string, payload?: object) =>
    app.http.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${secret}` }, ...(payload === undefined ? {} : { payload }) });
  return { collection, tokens, api, close: async () => (await app.http.close(), await node.store.close()) };
}

const leaks = (body: string) => VALUES.filter((v) => body.includes(v));

test('a foreign org-admin previewing to an inside destination gets fates and reasons, never the as-written content', async () => {
  const f = await fixture();
  try {
    const res = await f.api('POST', '/share/preview', f.tokens.jpAdmin, { to: 'cert-in-node', collection: f.collection });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(leaks(res.body), [], 'no value of the objects');
    const body = res.json();
    assert.equal(body.content, 'fates-only');
    const note = body.objects.find((d: { id: string }) => d.id === OBJECTS.aadhaarNote.id);
    assert.equal(note.outcome, 'send', 'the fate is still shown');
    assert.equal(note.json, undefined);
    // the same token's direct read: 404 for the note over TAXII
    const direct = await f.api('GET', `/objects/${OBJECTS.aadhaarNote.id}`, f.tokens.jpAdmin);
    assert.notEqual(direct.statusCode, 200);
  } finally {
    await f.close();
  }
});

test('a foreign org-admin previewing to its own organisation gets its direct-read view, without personal-data values in reasons or redactions', async () => {
  const f = await fixture();
  try {
    const res = await f.api('POST', '/share/preview', f.tokens.jpAdmin, { to: 'jpcert' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(leaks(res.body), [], 'no personal-data value anywhere in the answer');
    const body = res.json();
    assert.equal(body.content, 'without-values');
    const held = body.objects.find((d: { id: string }) => d.id === OBJECTS.aadhaarNote.id);
    assert.equal(held.outcome, 'hold');
    assert.equal(held.reasons[0].kind, 'aadhaar');
    assert.equal(held.reasons[0].match, undefined);
    const phishing = body.objects.find((d: { id: string }) => d.id === OBJECTS.phishing.id);
    assert.equal(phishing.outcome, 'send');
    assert.ok(phishing.json.includes('paypa1-secure'), 'the content it reads directly');
    assert.ok(phishing.redactions.length > 0 && phishing.redactions.every((r: { match?: string; kind: string }) => r.match === undefined && r.kind !== undefined));
    for (const p of phishing.pseudonyms) assert.equal(p.original, undefined);
  } finally {
    await f.close();
  }
});

test('node-admins and inside org-admins still see the values', async () => {
  const f = await fixture();
  try {
    for (const secret of [f.tokens.admin, f.tokens.certAdmin]) {
      const res = await f.api('POST', '/share/preview', secret, { to: 'jpcert' });
      assert.equal(res.statusCode, 200, res.body);
      assert.ok(res.body.includes('2341 2341 2346'));
      assert.equal(res.json().content, 'full');
    }
  } finally {
    await f.close();
  }
});
