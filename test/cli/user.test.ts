// setu user add|list|show|disable|role|reset: called as functions (the local operator acts as
// node-admin of the node's own organisation, audited), and through main() for the exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as init } from '../../src/cli/commands/init.js';
import * as org from '../../src/cli/commands/org.js';
import * as user from '../../src/cli/commands/user.js';
import { main } from '../../src/cli/main.js';
import { isSetuError } from '../../src/errors/index.js';
import { withNode } from '../../src/node/index.js';
import { verifyPassword } from '../../src/users/index.js';
import { captureIo } from './capture.js';

const coded = (code: string) => (error: unknown) => isSetuError(error) && error.code === code;
const PASSWORD = 'monsoon lantern copper 2211 drift';

async function node() {
  const data = await mkdtemp(join(tmpdir(), 'setu-user-cli-'));
  await init({ data, nodeName: 'CERT Test', country: 'IN', json: true }, captureIo());
  await org.create({ data, id: 'cert-in', name: 'CERT-In', country: 'IN', json: true }, captureIo());
  return data;
}

test('add, list, show, role, disable and reset a person; every change is audited; output never holds secrets', async () => {
  const data = await node();
  const io = captureIo();
  const added = await user.add({ data, org: 'cert-in', email: 'Priya@cert-in.example', name: 'Priya', role: 'analyst', language: 'hi', password: PASSWORD, json: true }, io);
  assert.equal(added.email, 'priya@cert-in.example');
  assert.equal(added.hasPassword, true);
  assert.doesNotMatch(io.stdout(), /argon2/);
  await user.add({ data, org: 'cert-in', email: 'sso@cert-in.example', name: 'SSO only', role: 'reader', json: false }, captureIo());

  const listed = captureIo();
  assert.deepEqual((await user.list({ data, org: 'cert-in', json: false }, listed)).map((u) => u.email).sort(), ['priya@cert-in.example', 'sso@cert-in.example']);
  assert.match(listed.stdout(), /priya@cert-in\.example\tPriya\tactive/);
  const shown = captureIo();
  await user.show({ data, user: 'priya@cert-in.example', json: false }, shown);
  assert.match(shown.stdout(), /role analyst, language hi/);
  assert.equal((await user.role({ data, user: added.id, role: 'org-admin', json: true }, captureIo())).role, 'org-admin');
  assert.notEqual((await user.disable({ data, user: added.id, json: false }, captureIo())).disabledAt, null);
  const reset = await user.reset({ data, user: added.id, password: `${PASSWORD} again`, json: true }, captureIo());
  assert.equal(reset.totp, false);
  await withNode(data, Date.now, async ({ store }) => {
    assert.equal(await verifyPassword((await store.users.getUser(added.id))!.passwordHash!, `${PASSWORD} again`), true);
    const changes = (await store.listAudit({ limit: 100 })).filter((e) => e.action === 'admin.user').map((e) => [e.details['change'], e.actor.channel, e.actor.role]);
    assert.deepEqual(changes, [['create', 'cli', 'node-admin'], ['create', 'cli', 'node-admin'], ['role', 'cli', 'node-admin'], ['disable', 'cli', 'node-admin'], ['reset', 'cli', 'node-admin']]);
  });
});

test('refusals: weak or breached passwords, unknown users and bad fields are usage errors (exit 2)', async () => {
  const data = await node();
  await assert.rejects(user.add({ data, org: 'cert-in', email: 'a@cert-in.example', name: 'A', role: 'analyst', password: 'short', json: false }, captureIo()), coded('SETU_ERR_USERS_WEAK_PASSWORD'));
  await assert.rejects(user.add({ data, org: 'cert-in', email: 'a@cert-in.example', name: 'A', role: 'analyst', password: '1qaz2wsx3edc', json: false }, captureIo()), coded('SETU_ERR_USERS_WEAK_PASSWORD'));
  await assert.rejects(user.add({ data, org: 'cert-in', email: 'not-an-email', name: 'A', role: 'analyst', json: false }, captureIo()), coded('SETU_ERR_USERS_BAD_INPUT'));
  await assert.rejects(user.add({ data, org: 'nowhere', email: 'a@x.example', name: 'A', role: 'analyst', json: false }, captureIo()), coded('SETU_ERR_NODE_UNKNOWN_ORG'));
  await assert.rejects(user.show({ data, user: 'ghost@cert-in.example', json: false }, captureIo()), coded('SETU_ERR_USERS_UNKNOWN_USER'));
  const err = captureIo();
  assert.equal(await main(['node', 'setu', 'user', 'show', '--data', data, 'ghost@cert-in.example', '--json'], err), 2);
  assert.match(err.stdout() + err.stderr(), /SETU_ERR_USERS_UNKNOWN_USER/);
  const ok = captureIo();
  assert.equal(await main(['node', 'setu', 'user', 'add', '--data', data, '--org', 'cert-in', '--email', 'k@cert-in.example', '--name', 'K', '--role', 'reader', '--json'], ok), 0);
  assert.equal(JSON.parse(ok.stdout()).hasPassword, false);
});

test('setu user link ID --issuer --subject links a person to an OIDC identity, once', async () => {
  const data = await node();
  const added = await user.add({ data, org: 'cert-in', email: 'link@cert-in.example', name: 'Link', role: 'analyst', json: true }, captureIo());
  const io = captureIo();
  const linked = await user.link({ data, user: added.id, issuer: 'https://idp.cert-in.example/', subject: 'u-42', json: false }, io);
  assert.deepEqual([linked.oidcIssuer, linked.oidcSubject], ['https://idp.cert-in.example/', 'u-42']);
  assert.match(io.stdout(), /linked link@cert-in\.example/);
  await assert.rejects(user.link({ data, user: added.id, issuer: 'https://idp.cert-in.example/', subject: 'u-43', json: false }, captureIo()), coded('SETU_ERR_USERS_ALREADY_LINKED'));
  const help = captureIo();
  await main(['node', 'setu', 'user', 'link', '--help'], help).catch(() => undefined);
  assert.match(help.stdout() + help.stderr(), /--subject/);
});
