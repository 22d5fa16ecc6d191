// A review decision taken by a signed-in person names that person (decidedBy and the audit entry),
// not only the organisation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { buildApp } from '../../src/app.js';
import { run as exportBundle } from '../../src/cli/commands/export.js';
import { issueToken, loadGateConfig, openNode } from '../../src/node/index.js';
import { captureIo } from '../cli/capture.js';
import { shareNode } from '../cli/share-fixture.js';

const PASSWORD = 'saffron ferry lighthouse 4410 hums';

test('a node-admin person approves a held object: decidedBy and the review.decision entry name the user', async (t) => {
  const { dir, collection } = await shareNode();
  const clock = () => Date.parse('2026-11-27T12:00:00.000Z');
  const node = await openNode(dir, clock);
  const admin = (await issueToken(node.store, { orgId: 'cert-in-node', role: 'node-admin' }, clock, randomUUID)).secret;
  const app = await buildApp({ store: node.store, config: node.config, info: node.info, clock, newId: randomUUID, logger: false, version: 'test', gate: await loadGateConfig(dir, node.info) });
  t.after(async () => (await app.http.close(), await node.store.close()));
  await exportBundle({ data: dir, collection, as: 'cert-in-node', to: 'jpcert', out: join(dir, 'x.json') }, captureIo());

  const created = await app.http.inject({ method: 'POST', url: '/api/v1/users', headers: { authorization: `Bearer ${admin}` }, payload: { org: 'cert-in-node', email: 'reviewer@cert-in.example', displayName: 'Reviewer', role: 'node-admin', password: PASSWORD } });
  assert.equal(created.statusCode, 201, created.body);
  const signIn = await app.http.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'reviewer@cert-in.example', password: PASSWORD } });
  const cookie = `setu_session=${signIn.cookies.find((c) => c.name === 'setu_session')!.value}`;
  const csrf = signIn.json().csrfToken as string;

  const [item] = (await app.http.inject({ method: 'GET', url: '/api/v1/review', headers: { cookie } })).json().items as { id: string }[];
  const approved = await app.http.inject({ method: 'POST', url: `/api/v1/review/${item!.id}/approve`, headers: { cookie, 'x-setu-csrf': csrf }, payload: { note: 'checked by a person' } });
  assert.equal(approved.statusCode, 200, approved.body);
  assert.equal(approved.json().decidedBy, `org:cert-in-node user:${created.json().id}`);
  const entry = (await node.store.listAudit({ limit: 1000 })).find((e) => e.action === 'review.decision');
  assert.equal(entry?.actor.userId, created.json().id);
});
