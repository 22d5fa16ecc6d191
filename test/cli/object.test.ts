// `setu object show|history|related|list|delete`: the functions called directly (run() style), the
// exit codes through main(). CERT-In's node (India) holds a phishing indicator referenced by a note
// naming an Aadhaar number (held back from JPCERT/CC by the gate) and by an AMBER+STRICT report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as object from '../../src/cli/commands/object.js';
import { main } from '../../src/cli/main.js';
import { ExitError, UsageError } from '../../src/cli/errors.js';
import { createOrganisation, withNode } from '../../src/node/index.js';
import { captureIo } from './capture.js';
import { OBJECTS, shareNode } from './share-fixture.js';

const argv = (...args: string[]) => ['node', 'setu', ...args];
const O = OBJECTS;

test('object show: the node view is the stored object; --as jpcert gets the redacted form, never the raw text', async () => {
  const { dir, collection } = await shareNode();
  const io = captureIo();
  const view = await object.show({ data: dir, id: O.phishing.id, json: true }, io);
  assert.equal(view.object['description'], O.phishing.description);
  assert.deepEqual(view.collections, [collection]);
  assert.equal(view.provenance, null);
  const jp = captureIo();
  const foreign = await object.show({ data: dir, id: O.phishing.id, as: 'jpcert', json: true }, jp);
  assert.equal(foreign.object['description'], 'Reported by [REDACTED:email], [REDACTED:phone].');
  assert.ok(!jp.stdout().includes('ravi.kumar') && !jp.stdout().includes('98765'));
  assert.equal(JSON.parse(jp.stdout()).object.description, 'Reported by [REDACTED:email], [REDACTED:phone].');
});

test('object show: an object the reader may not read fails like a missing one (exit 1)', async () => {
  const { dir } = await shareNode();
  await assert.rejects(object.show({ data: dir, id: O.aadhaarNote.id, as: 'jpcert', json: true }, captureIo()), (e: unknown) => e instanceof ExitError && e.exitCode === 1);
  await assert.rejects(object.show({ data: dir, id: 'note--99999999-0000-4000-8000-000000000000', json: true }, captureIo()), ExitError);
  const io = captureIo();
  assert.equal(await main(argv('object', 'show', O.aadhaarNote.id, '--as', 'jpcert', '--data', dir, '--json'), io), 1);
  assert.match(JSON.parse(io.stdout()).error.message, /jpcert may read/);
  assert.equal(await main(argv('object', 'show', O.aadhaarNote.id, '--data', dir, '--json'), captureIo()), 0);
});

test('object related: the note and the report point at the indicator for the node; the held note is no node or edge for jpcert', async () => {
  const { dir } = await shareNode();
  const graph = await object.related({ data: dir, id: O.phishing.id, json: true }, captureIo());
  const ids = graph.nodes.map((n) => n.id);
  assert.ok(ids.includes(O.aadhaarNote.id) && ids.includes(O.strict.id));
  assert.ok(graph.edges.some((e) => e.source === O.aadhaarNote.id && e.label === 'object_refs' && e.target === O.phishing.id));
  assert.ok(!ids.includes(O.certInIdentity.id), 'created_by_ref is not followed');
  const jp = captureIo();
  const foreign = await object.related({ data: dir, id: O.phishing.id, as: 'jpcert', json: true }, jp);
  assert.ok(!foreign.nodes.some((n) => n.id === O.aadhaarNote.id));
  assert.ok(!foreign.edges.some((e) => e.source === O.aadhaarNote.id || e.target === O.aadhaarNote.id));
  assert.ok(!jp.stdout().includes(O.aadhaarNote.id) && !jp.stdout().includes('2341'));
  await assert.rejects(object.related({ data: dir, id: O.phishing.id, depth: '3', json: true }, captureIo()), UsageError);
  assert.equal(await main(argv('object', 'related', O.phishing.id, '--depth', '3', '--data', dir), captureIo()), 2);
});

test('object history and list: versions per collection; a collection listed with type and limit filters', async () => {
  const { dir, collection } = await shareNode();
  const versions = await object.history({ data: dir, id: O.phishing.id, json: true }, captureIo());
  assert.deepEqual(versions.map((v) => [v.collectionId, v.version]), [[collection, O.phishing.modified]]);
  const indicators = await object.list({ data: dir, collection, type: ['indicator'], json: true }, captureIo());
  assert.deepEqual(indicators.map((s) => s.id).sort(), [O.phishing.id, O.bankIndicator.id].sort());
  assert.equal((await object.list({ data: dir, collection, limit: '2', json: true }, captureIo())).length, 2);
  const jp = await object.list({ data: dir, collection, as: 'jpcert', json: true }, captureIo());
  assert.ok(!jp.some((s) => s.id === O.aadhaarNote.id));
  await withNode(dir, Date.now, ({ store }) => createOrganisation(store, { id: 'outsider', name: 'Outsider', country: 'IN' }, Date.now));
  await assert.rejects(object.list({ data: dir, collection, as: 'outsider', json: true }, captureIo()), /may not read collection/);
  await assert.rejects(object.list({ data: dir, collection, limit: '0', json: true }, captureIo()), UsageError);
});

test('object delete: every version or one, audited as object.delete, and its references go with it', async () => {
  const { dir, collection } = await shareNode();
  await assert.rejects(object.remove({ data: dir, id: O.aadhaarNote.id, version: 'yesterday', json: true }, captureIo()), UsageError);
  await assert.rejects(object.remove({ data: dir, id: O.aadhaarNote.id, version: '2020-01-01T00:00:00.000Z', json: true }, captureIo()), ExitError);
  const result = await object.remove({ data: dir, id: O.aadhaarNote.id, json: true }, captureIo());
  assert.deepEqual(result, { id: O.aadhaarNote.id, deleted: { [collection]: 1 } });
  await withNode(dir, Date.now, async ({ store }) => {
    const entries = await store.listAudit({ limit: 1000 });
    const last = entries.at(-1);
    assert.equal(last?.action, 'object.delete');
    assert.deepEqual(last?.target, { collectionId: collection, objectId: O.aadhaarNote.id });
    assert.deepEqual(last?.details, { versions: ['all'], specVersions: null, deleted: 1 });
    const refs = await store.refs.referrersOf({ collectionId: collection, targetIds: [O.phishing.id], limit: 10 });
    assert.deepEqual(refs.map((r) => r.id), [O.strict.id]);
  });
  const graph = await object.related({ data: dir, id: O.phishing.id, json: true }, captureIo());
  assert.ok(!graph.nodes.some((n) => n.id === O.aadhaarNote.id));
  await assert.rejects(object.remove({ data: dir, id: O.aadhaarNote.id, json: true }, captureIo()), ExitError);
});
