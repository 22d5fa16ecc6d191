// CLI commands called as functions (no subprocess): what they print, what they store, and which
// error class each failure throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as init } from '../../src/cli/commands/init.js';
import * as org from '../../src/cli/commands/org.js';
import * as token from '../../src/cli/commands/token.js';
import * as collection from '../../src/cli/commands/collection.js';
import { run as importFiles } from '../../src/cli/commands/import.js';
import { run as exportBundle } from '../../src/cli/commands/export.js';
import { run as validateFiles } from '../../src/cli/commands/validate.js';
import { ExitError, UsageError } from '../../src/cli/errors.js';
import { isSetuError } from '../../src/errors/index.js';
import { withNode } from '../../src/node/data-dir.js';
import { hashTokenSecret } from '../../src/access/index.js';
import { captureIo } from './capture.js';

const indicator = (n: number) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${String(n).padStart(8, '0')}-1111-4111-8111-111111111111`,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  name: `test indicator ${n}`,
  pattern: "[ipv4-addr:value = '198.51.100.7']",
  pattern_type: 'stix',
  valid_from: '2026-01-01T00:00:00Z',
});

async function freshNode() {
  const dir = await mkdtemp(join(tmpdir(), 'setu-cmd-'));
  const io = captureIo();
  const summary = await init({ data: dir, nodeName: 'CERT Test Node', country: 'jp', json: true }, io);
  return { dir, summary, io };
}

test('init creates the node, its organisation and a node-admin token stored only as a hash', async () => {
  const { dir, summary, io } = await freshNode();
  assert.equal(summary.organisation, 'cert-test-node');
  assert.match(summary.adminToken, /^setu_[A-Za-z0-9_-]{43}$/);
  assert.equal(JSON.parse(io.stdout()).adminToken, summary.adminToken);
  await withNode(dir, Date.now, async ({ store, info }) => {
    assert.equal(info.country, 'JP');
    const [stored] = await store.listTokens();
    assert.equal(stored?.role, 'node-admin');
    assert.equal(stored?.secretHash, hashTokenSecret(summary.adminToken));
    const raw = await readFile(join(dir, 'setu.sqlite'));
    assert.equal(raw.includes(Buffer.from(summary.adminToken)), false, 'the secret is not in the database file');
  });
  await assert.rejects(init({ data: dir, nodeName: 'again', country: 'JP', json: false }, captureIo()), (e) => isSetuError(e) && e.code === 'SETU_ERR_NODE_ALREADY_INITIALISED');
});

test('init refuses a malformed country before creating anything', async () => {
  const dir = join(await mkdtemp(join(tmpdir(), 'setu-cmd-')), 'node');
  await assert.rejects(init({ data: dir, nodeName: 'x', country: 'Japan', json: false }, captureIo()), (e) => isSetuError(e) && /ISO 3166/.test(e.message));
});

test('org, token and collection management', async () => {
  const { dir } = await freshNode();
  const io = captureIo();
  await org.create({ data: dir, id: 'jpcert-demo', name: 'JP CERT (demo)', country: 'JP', json: false }, io);
  await assert.rejects(org.create({ data: dir, id: 'Bad Id', name: 'x', json: false }, io), (e) => isSetuError(e) && e.code === 'SETU_ERR_NODE_BAD_ARGUMENT');
  await assert.rejects(org.create({ data: dir, id: 'jpcert-demo', name: 'dup', json: false }, io), (e) => isSetuError(e) && e.code === 'SETU_ERR_NODE_DUPLICATE');
  const orgs = await org.list({ data: dir, json: true }, captureIo());
  assert.deepEqual(orgs.map((o) => o.id).sort(), ['cert-test-node', 'jpcert-demo']);

  const created = await token.create({ data: dir, org: 'jpcert-demo', role: 'analyst', expiresInDays: 30, json: false }, captureIo());
  await assert.rejects(token.create({ data: dir, org: 'nobody', role: 'analyst', json: false }, captureIo()), (e) => isSetuError(e) && e.code === 'SETU_ERR_NODE_UNKNOWN_ORG');
  await assert.rejects(token.create({ data: dir, org: 'jpcert-demo', role: 'emperor', json: false }, captureIo()), (e) => isSetuError(e) && e.code === 'SETU_ERR_NODE_BAD_ARGUMENT');
  const listIo = captureIo();
  const listed = await token.list({ data: dir, json: true }, listIo);
  assert.equal(listIo.stdout().includes(created.secret), false, 'list never prints secrets');
  assert.equal(listIo.stdout().includes('secretHash'), false, 'list never prints hashes');
  assert.equal(listed.find((t) => t.id === created.record.id)?.state, 'active');
  await token.revoke({ data: dir, id: created.record.id, json: false }, captureIo());
  assert.equal((await token.list({ data: dir, json: true }, captureIo())).find((t) => t.id === created.record.id)?.state, 'revoked');

  const c = await collection.create({ data: dir, title: 'IN-JP G2G', read: ['jpcert-demo'], write: ['cert-test-node'], json: false }, captureIo());
  assert.deepEqual([...c.readOrgs].sort(), ['cert-test-node', 'jpcert-demo'], 'writers can read back');
  await assert.rejects(collection.create({ data: dir, title: 'x', read: ['ghost'], write: [], json: false }, captureIo()), (e) => isSetuError(e) && e.code === 'SETU_ERR_NODE_UNKNOWN_ORG');
  assert.equal((await collection.list({ data: dir, json: true }, captureIo())).length, 1);
});

test('import keeps valid objects, reports each refused one, exits 1; export gives them back byte for byte', async () => {
  const { dir } = await freshNode();
  const c = await collection.create({ data: dir, title: 'shared', read: [], write: ['cert-test-node'], json: false }, captureIo());
  const files = await mkdtemp(join(tmpdir(), 'setu-files-'));
  // Odd spacing and key order on purpose: export must return exactly these bytes.
  const objectTexts = [1, 2, 3].map((n) => JSON.stringify(indicator(n)).replace('"name":', '"name" :'));
  const invalid = JSON.stringify({ ...indicator(4), pattern_type: undefined, valid_from: 'yesterday' });
  const bundle = `{"type":"bundle","id":"bundle--0b6a54b4-5c0e-4b6e-9f0a-6a4f2a3d2e11","objects":[${objectTexts.join(',')},${invalid}]}`;
  const bundleFile = join(files, 'bundle.json');
  await writeFile(bundleFile, bundle);
  const io = captureIo();
  await assert.rejects(importFiles({ data: dir, collection: c.id, files: [bundleFile], json: false }, io), (e) => e instanceof ExitError && e.exitCode === 1);
  assert.match(io.stdout(), /3 stored, 1 refused/);
  assert.match(io.stdout(), /indicator--00000004/);

  const lines = join(files, 'more.jsonl');
  await writeFile(lines, [5, 6].map((n) => JSON.stringify(indicator(n))).join('\n') + '\n');
  const outcome = await importFiles({ data: dir, collection: c.id, files: [lines], json: true }, captureIo());
  assert.equal(outcome[0]?.stored, 2);

  const out = join(files, 'export.json');
  const exported = await exportBundle({ data: dir, collection: c.id, out }, captureIo());
  assert.equal(exported.objects, 5);
  const text = await readFile(out, 'utf8');
  for (const t of objectTexts) assert.ok(text.includes(t), 'exact received JSON');
  const parsed = JSON.parse(text);
  assert.equal(parsed.type, 'bundle');
  assert.equal(parsed.objects.length, 5);

  await assert.rejects(exportBundle({ data: dir, collection: c.id, addedAfter: 'last week' }, captureIo()), UsageError);
  await assert.rejects(importFiles({ data: dir, collection: 'no-such', files: [bundleFile], json: false }, captureIo()), (e) => isSetuError(e) && e.code === 'SETU_ERR_NODE_UNKNOWN_COLLECTION');
});

test('import of a malformed bundle stores nothing and says why', async () => {
  const { dir } = await freshNode();
  const c = await collection.create({ data: dir, title: 'shared', read: [], write: ['cert-test-node'], json: false }, captureIo());
  const file = join(await mkdtemp(join(tmpdir(), 'setu-files-')), 'broken.json');
  await writeFile(file, `{"type":"bundle","objects":[${JSON.stringify(indicator(1))},{"type":`);
  const io = captureIo();
  await assert.rejects(importFiles({ data: dir, collection: c.id, files: [file], json: false }, io), ExitError);
  assert.match(io.stdout(), /NOT IMPORTED/);
  await withNode(dir, Date.now, async ({ store }) => assert.equal(await store.countObjects(c.id), 0));
});

test('validate prints findings with code, path and object id, and --json is machine-readable', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-val-'));
  const good = join(dir, 'good.json');
  await writeFile(good, JSON.stringify({ type: 'bundle', id: 'bundle--0b6a54b4-5c0e-4b6e-9f0a-6a4f2a3d2e11', objects: [indicator(1)] }));
  const reports = await validateFiles({ files: [good], strict: false, json: true }, captureIo());
  assert.equal(reports[0]?.valid, true);

  const bad = join(dir, 'bad.json');
  await writeFile(bad, JSON.stringify({ type: 'bundle', id: 'bundle--0b6a54b4-5c0e-4b6e-9f0a-6a4f2a3d2e11', objects: [indicator(1), { ...indicator(2), valid_from: 'soon' }] }));
  const io = captureIo();
  await assert.rejects(validateFiles({ files: [bad], strict: false, json: true }, io), (e) => e instanceof ExitError && e.exitCode === 1 && e.reported);
  const printed = JSON.parse(io.stdout());
  assert.equal(printed.valid, false);
  const finding = printed.files[0].errors[0];
  assert.equal(finding.objectId, indicator(2).id);
  assert.match(finding.path, /^\$\.objects\[1\]/);
  assert.ok(finding.code);

  const notJson = join(dir, 'not.json');
  await writeFile(notJson, '{"type": ');
  const io2 = captureIo();
  await assert.rejects(validateFiles({ files: [notJson], strict: false, json: false }, io2), ExitError);
  assert.match(io2.stdout(), /JSON_PARSE/);
});

test('import --as names the owning organisation; an unknown one is refused before anything is stored', async () => {
  const { dir } = await freshNode();
  await org.create({ data: dir, id: 'jpcert-demo', name: 'JP CERT (demo)', country: 'JP', json: false }, captureIo());
  const c = await collection.create({ data: dir, title: 'shared', read: [], write: ['cert-test-node', 'jpcert-demo'], json: false }, captureIo());
  const file = join(await mkdtemp(join(tmpdir(), 'setu-files-')), 'one.json');
  await writeFile(file, JSON.stringify(indicator(9)));
  await assert.rejects(importFiles({ data: dir, collection: c.id, files: [file], as: 'nobody', json: false }, captureIo()), (e) => isSetuError(e) && e.code === 'SETU_ERR_NODE_UNKNOWN_ORG');
  await withNode(dir, Date.now, async ({ store }) => assert.equal(await store.countObjects(c.id), 0));
  const outcome = await importFiles({ data: dir, collection: c.id, files: [file], as: 'jpcert-demo', json: false }, captureIo());
  assert.equal(outcome[0]?.stored, 1);
  await withNode(dir, Date.now, async ({ store }) => {
    const [copy] = await store.heldCopies(indicator(9).id);
    assert.equal(copy?.ownerOrg, 'jpcert-demo');
  });
});
