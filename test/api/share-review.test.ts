// Share preview and the review queue over the JSON API (inject, no socket): the preview is the one
// the CLI computes; review items are listed, shown and decided once, with the deciding token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { buildApp } from '../../src/app.js';
import { run as exportBundle } from '../../src/cli/commands/export.js';
import * as share from '../../src/cli/commands/share.js';
import { issueToken, loadGateConfig, openNode } from '../../src/node/index.js';
import { captureIo } from '../cli/capture.js';
import { OBJECTS, shareNode } from '../cli/share-fixture.js';

async function fixture() {
  const { dir, collection } = await shareNode();
  const clock = () => Date.parse('2026-11-27T12:00:00.000Z');
  const node = await openNode(dir, clock);
  const token = async (orgId: string, role: string) => (await issueToken(node.store, { orgId, role }, clock, randomUUID)).secret;
  const tokens = { admin: await token('cert-in-node', 'node-admin'), certAdmin: await token('cert-in', 'org-admin'), analyst: await token('jpcert', 'analyst') };
  const gate = await loadGateConfig(dir, node.info);
  const app = await buildApp({ store: node.store, config: node.config, info: node.info, clock, newId: randomUUID, logger: false, version: 'test', gate });
  const api = (method: 'GET' | 'POST', url: string, secret: string, payload?: object) =>
    app.http.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${secret}` }, ...(payload === undefined ? {} : { payload }) });
  return { dir, collection, tokens, api, close: async () => (await app.http.close(), await node.store.close()) };
}

test('POST /share/preview answers what the CLI preview shows; org-admins preview only as their own organisation', async () => {
  const f = await fixture();
  try {
    const res = await f.api('POST', '/share/preview', f.tokens.admin, { to: 'jpcert' });
    assert.equal(res.statusCode, 200, res.body);
    const cli = await share.preview({ data: f.dir, to: 'jpcert', json: true }, captureIo());
    assert.deepEqual(res.json(), { ...JSON.parse(JSON.stringify(cli)), content: 'full' }, 'the node-admin sees what the operator sees');

    const asCertIn = await f.api('POST', '/share/preview', f.tokens.certAdmin, { to: 'jpcert' });
    assert.equal(asCertIn.statusCode, 200);
    assert.equal(asCertIn.json().actor, 'cert-in');
    const strict = asCertIn.json().objects.find((d: { id: string }) => d.id === OBJECTS.strict.id);
    assert.equal(strict.outcome, 'send', 'its author may pass its own AMBER+STRICT report on (the node organisation may not)');
    assert.equal(res.json().objects.find((d: { id: string }) => d.id === OBJECTS.strict.id).outcome, 'withhold');
  } finally {
    await f.close();
  }
});

test('share preview refusals: role, acting organisation, unknown destination, bad body', async () => {
  const f = await fixture();
  try {
    assert.equal((await f.api('POST', '/share/preview', f.tokens.analyst, { to: 'cert-in' })).statusCode, 403);
    assert.equal((await f.api('POST', '/share/preview', f.tokens.certAdmin, { to: 'jpcert', as: 'bank-a' })).statusCode, 403);
    const unknown = await f.api('POST', '/share/preview', f.tokens.admin, { to: 'nobody' });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error_code, 'SETU_ERR_NODE_UNKNOWN_ORG');
    assert.equal((await f.api('POST', '/share/preview', f.tokens.admin, {})).statusCode, 400);
    assert.equal((await f.api('POST', '/share/preview', f.tokens.admin, { to: 'jpcert', peer: 'yes' })).statusCode, 400);
  } finally {
    await f.close();
  }
});

test('review over the API: list, show, approve once (409 after), reject; node-admin only', async () => {
  const f = await fixture();
  try {
    await exportBundle({ data: f.dir, collection: f.collection, as: 'cert-in-node', to: 'jpcert', out: join(f.dir, 'x.json') }, captureIo());
    assert.equal((await f.api('GET', '/review', f.tokens.certAdmin)).statusCode, 403);
    const listed = await f.api('GET', '/review', f.tokens.admin);
    assert.equal(listed.statusCode, 200);
    const [note, victim] = listed.json().items as { id: string; objectId: string }[];
    assert.ok(note && victim);
    assert.equal(note.objectId, OBJECTS.aadhaarNote.id);
    const shown = await f.api('GET', `/review/${note.id}`, f.tokens.admin);
    assert.equal(shown.json().reasons[0].kind, 'aadhaar');
    assert.equal((await f.api('GET', '/review/nope', f.tokens.admin)).json().error_code, 'SETU_ERR_GATE_REVIEW_NOT_FOUND');

    const approved = await f.api('POST', `/review/${note.id}/approve`, f.tokens.admin, { note: 'ok' });
    assert.equal(approved.statusCode, 200);
    assert.deepEqual([approved.json().state, approved.json().release, approved.json().note], ['approved', 'redacted', 'ok']);
    assert.match(approved.json().decidedBy, /^org:cert-in-node token:/);
    const again = await f.api('POST', `/review/${note.id}/reject`, f.tokens.admin);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error_code, 'SETU_ERR_GATE_REVIEW_DECIDED');
    assert.equal((await f.api('POST', `/review/${victim.id}/approve`, f.tokens.admin, { release: 'all' })).statusCode, 400);
    assert.equal((await f.api('POST', `/review/${victim.id}/reject`, f.tokens.admin)).json().state, 'rejected');
    assert.deepEqual((await f.api('GET', '/review?state=all', f.tokens.admin)).json().items.map((i: { state: string }) => i.state), ['approved', 'rejected']);
    assert.equal((await f.api('GET', '/review?state=maybe', f.tokens.admin)).statusCode, 400);

    const after = await f.api('POST', '/share/preview', f.tokens.admin, { to: 'jpcert' });
    const decided = Object.fromEntries(after.json().objects.map((d: { id: string; outcome: string }) => [d.id, d.outcome]));
    assert.equal(decided[OBJECTS.aadhaarNote.id], 'send');
    assert.equal(decided[OBJECTS.victim.id], 'withhold');
  } finally {
    await f.close();
  }
});

test('a share only passes on collections the acting organisation may read', async () => {
  const f = await fixture();
  try {
    assert.equal((await f.api('POST', '/organisations', f.tokens.admin, { id: 'outsider', name: 'Outsider' })).statusCode, 201);
    const all = await f.api('POST', '/share/preview', f.tokens.admin, { to: 'jpcert', as: 'outsider' });
    assert.equal(all.statusCode, 200);
    assert.deepEqual(all.json().objects, [], 'no collection of its audience, nothing to pass on');
    const named = await f.api('POST', '/share/preview', f.tokens.admin, { to: 'jpcert', as: 'outsider', collection: f.collection });
    assert.equal(named.statusCode, 400);
    assert.match(named.json().description, /outsider may not read collection/);
  } finally {
    await f.close();
  }
});
