// A direct read is a transfer like any other: an organisation of another jurisdiction reading a
// collection over TAXII receives what the outbound gate lets out for it (redacted, pseudonymised,
// held or withheld: exactly what `share preview --to it --as it` lists), while a reader of the
// node's own jurisdiction gets the stored bytes. Requests go through inject(), no socket.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pseudonymId } from '../../src/access/index.js';
import { buildApp } from '../../src/app.js';
import * as share from '../../src/cli/commands/share.js';
import { createOrganisation, foreignReads, issueToken, loadGateConfig, openNode, PSEUDONYM_KEY_FILE } from '../../src/node/index.js';
import { taxiiPlugin } from '../../src/taxii/index.js';
import Fastify from 'fastify';
import { captureIo } from '../cli/capture.js';
import { CERT_IN, OBJECTS, shareNode } from '../cli/share-fixture.js';

const TAXII = 'application/taxii+json;version=2.1';

async function fixture() {
  const { dir, collection } = await shareNode();
  const clock = () => Date.parse('2026-11-27T12:00:00.000Z');
  const node = await openNode(dir, clock);
  // A second Indian reader of the collection: same jurisdiction as the node.
  await createOrganisation(node.store, { id: 'csirt-in', name: 'An Indian CSIRT', country: 'IN' }, clock);
  const c = await node.store.getCollection(collection);
  assert.ok(c !== undefined);
  const token = async (orgId: string, role: string) => (await issueToken(node.store, { orgId, role }, clock, randomUUID)).secret;
  const gate = await loadGateConfig(dir, node.info);
  const app = await buildApp({ store: node.store, config: node.config, info: node.info, clock, newId: randomUUID, logger: false, version: 'test', gate });
  const get = (url: string, secret: string) =>
    app.http.inject({ method: 'GET', url: `/taxii2/setu/collections/${collection}${url}`, headers: { authorization: `Bearer ${secret}`, accept: TAXII } });
  return { dir, collection, node, get, token, app: app.http, close: async () => (await app.http.close(), await node.store.close()) };
}

test('JPCERT/CC reading the collection directly gets what the gate lets out for it; an Indian reader gets the stored bytes', async () => {
  const f = await fixture();
  try {
    const jp = await f.token('jpcert', 'reader');
    const res = await f.get('/objects/', jp);
    assert.equal(res.statusCode, 200, res.body);
    const objects = (res.json() as { objects?: Record<string, unknown>[] }).objects ?? [];
    const ids = objects.map((o) => o['id']);
    const o = OBJECTS;
    assert.ok(!ids.includes(o.aadhaarNote.id), 'the note naming an Aadhaar number is held, not read');
    assert.ok(!ids.includes(o.victim.id), 'a personal e-mail address object is held');
    assert.ok(!ids.includes(o.certInIdentity.id), 'the identity of a non-consenting submitter is withheld');
    const phishing = objects.find((x) => x['id'] === o.phishing.id);
    assert.ok(phishing !== undefined);
    assert.equal(phishing['description'], 'Reported by [REDACTED:email], [REDACTED:phone].');
    assert.equal(phishing['pattern'], o.phishing.pattern);
    const key = await readFile(join(f.dir, PSEUDONYM_KEY_FILE));
    assert.equal(phishing['created_by_ref'], pseudonymId(key, 'jpcert', CERT_IN));
    assert.ok(!res.body.includes('2341 2341 2346') && !res.body.includes('ravi.kumar') && !res.body.includes(CERT_IN));

    // Get an object, its versions and the manifest agree: a held object does not exist for JPCERT/CC.
    assert.equal((await f.get(`/objects/${o.aadhaarNote.id}/`, jp)).statusCode, 404);
    assert.equal((await f.get(`/objects/${o.aadhaarNote.id}/versions/`, jp)).statusCode, 404);
    const manifest = (await f.get('/manifest/', jp)).json() as { objects?: { id: string }[] };
    assert.deepEqual((manifest.objects ?? []).map((m) => m.id).sort(), [...ids].sort());
    const one = await f.get(`/objects/${o.phishing.id}/`, jp);
    assert.equal((one.json() as { objects: Record<string, unknown>[] }).objects[0]?.['description'], 'Reported by [REDACTED:email], [REDACTED:phone].');

    // The node's own organisation (India) reads the note as written, byte for byte.
    const home = await f.token('cert-in-node', 'reader');
    const raw = await f.get(`/objects/${o.aadhaarNote.id}/`, home);
    assert.equal(raw.statusCode, 200);
    assert.ok(raw.body.includes(JSON.stringify(o.aadhaarNote)));
  } finally {
    await f.close();
  }
});

test('the direct read equals the share preview for the reader itself', async () => {
  const f = await fixture();
  try {
    const jp = await f.token('jpcert', 'reader');
    const res = await f.get('/objects/?match[version]=all', jp);
    const read = ((res.json() as { objects?: Record<string, unknown>[] }).objects ?? []).map((x) => JSON.stringify(x)).sort();
    const preview = await share.preview({ data: f.dir, to: 'jpcert', as: 'jpcert', collection: f.collection, json: true }, captureIo());
    const sent = preview.objects.flatMap((d) => (d.outcome === 'send' ? [JSON.stringify(JSON.parse(d.json))] : [])).sort();
    assert.deepEqual(read, sent);
  } finally {
    await f.close();
  }
});

test('share preview lists every version of the collection, those the acting organisation may not read too, without their content', async () => {
  const f = await fixture();
  const secret = 'Board member Anjali Rao, +91 99887 66554';
  try {
    // A RED note only its author (Bank A) may read: the node's own organisation may not.
    const { ingest } = await import('../../src/ingest/index.js');
    const red = {
      type: 'note',
      spec_version: '2.1',
      id: 'note--00000009-0000-4000-8000-000000000000',
      created: '2026-01-02T00:00:00.000Z',
      modified: '2026-01-02T00:00:00.000Z',
      content: secret,
      object_refs: [OBJECTS.phishing.id],
      object_marking_refs: ['marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1'],
    };
    const result = await ingest({
      store: f.node.store,
      collectionId: f.collection,
      rawObjects: [JSON.stringify(red)],
      clock: () => Date.parse('2026-11-27T12:00:00.000Z'),
      newId: randomUUID,
      events: { emit: () => true },
      submitter: { orgId: 'bank-a' },
    });
    assert.equal(result.status.successCount, 1);
    const io = captureIo();
    const preview = await share.preview({ data: f.dir, to: 'jpcert', collection: f.collection, json: false }, io);
    const listed = preview.objects.find((d) => d.id === red.id);
    assert.ok(listed !== undefined, 'the RED note is listed');
    assert.equal(listed.outcome, 'withhold');
    assert.ok(listed.outcome === 'withhold' && listed.reasons.some((r) => r.source === 'access' && r.rule === 'not-readable'));
    assert.equal(preview.objects.length, Object.keys(OBJECTS).length + 1);
    assert.ok(!JSON.stringify(preview).includes('Anjali') && !io.stdout().includes('Anjali'), 'no content of what the actor may not read');
    assert.match(io.stdout(), /not-readable|may not read/);
  } finally {
    await f.close();
  }
});

test('a held object is queued for review for the reader; once approved, its next direct read releases it as the reviewer chose', async () => {
  const f = await fixture();
  try {
    const jp = await f.token('jpcert', 'reader');
    const note = OBJECTS.aadhaarNote;
    assert.equal((await f.get(`/objects/${note.id}/`, jp)).statusCode, 404);
    const held = await f.node.store.listReviewItems({ destinationKind: 'organisation', destinationId: 'jpcert', state: 'pending' });
    const item = held.find((i) => i.objectId === note.id);
    assert.ok(item !== undefined, 'the direct read queued the held note for review, for JPCERT/CC');
    assert.deepEqual(item.reasons.map((r) => [r.rule, r.kind]), [['pii-hold', 'aadhaar']]);
    const decided = await f.node.store.decideReviewItem(item.id, { state: 'approved', release: 'redacted', decidedAt: '2026-11-27T12:00:00.000Z', decidedBy: 'cli:test' });
    assert.equal(decided.kind, 'decided');
    const res = await f.get(`/objects/${note.id}/`, jp);
    assert.equal(res.statusCode, 200, res.body);
    const [read] = (res.json() as { objects: Record<string, unknown>[] }).objects;
    assert.equal(read?.['content'], 'Victim UID [REDACTED:aadhaar] confirmed.');
    assert.equal((await f.get('/manifest/', jp)).json().objects.some((m: { id: string }) => m.id === note.id), true);
  } finally {
    await f.close();
  }
});

test('a reader of no country on record is outside; a node-admin outside reads nothing of a collection whose audience does not name it', async () => {
  const f = await fixture();
  try {
    const clock = () => Date.parse('2026-11-27T12:00:00.000Z');
    await createOrganisation(f.node.store, { id: 'nisc', name: 'NISC' }, clock);
    const admin = await f.token('nisc', 'node-admin');
    const res = await f.get('/objects/', admin);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual((res.json() as { objects?: unknown[] }).objects ?? [], []);
    assert.equal((await f.get(`/objects/${OBJECTS.bankIndicator.id}/`, admin)).statusCode, 404);
    // The node's own node-admin (India) reads everything as written.
    const home = await f.token('cert-in-node', 'node-admin');
    const all = (await f.get('/objects/', home)).json() as { objects: unknown[] };
    assert.equal(all.objects.length, Object.keys(OBJECTS).length);
  } finally {
    await f.close();
  }
});

test('what the reader reads follows new and deleted threat context: an indicator naming an address makes its e-mail object the threat, deleting it makes it personal data again', async () => {
  const f = await fixture();
  try {
    const jp = await f.token('jpcert', 'reader');
    const victim = OBJECTS.victim;
    const ids = async () => (((await f.get('/objects/', jp)).json() as { objects?: { id: string }[] }).objects ?? []).map((o) => o.id);
    assert.ok(!(await ids()).includes(victim.id), 'a personal e-mail address object is held');
    const indicator = {
      type: 'indicator',
      spec_version: '2.1',
      id: 'indicator--00000010-0000-4000-8000-000000000000',
      created: '2026-01-03T00:00:00.000Z',
      modified: '2026-01-03T00:00:00.000Z',
      pattern: `[email-addr:value = '${victim.value}']`,
      pattern_type: 'stix',
      valid_from: '2026-01-03T00:00:00.000Z',
    };
    const { ingest } = await import('../../src/ingest/index.js');
    const put = await ingest({
      store: f.node.store,
      collectionId: f.collection,
      rawObjects: [JSON.stringify(indicator)],
      clock: () => Date.parse('2026-11-27T12:00:00.000Z'),
      newId: randomUUID,
      events: { emit: () => true },
      submitter: { orgId: 'bank-a' },
    });
    assert.equal(put.status.successCount, 1);
    assert.ok((await ids()).includes(victim.id), 'the address is now the threat: sent as is');
    assert.equal(await f.node.store.deleteObject(f.collection, indicator.id, {}), 1);
    assert.ok(!(await ids()).includes(victim.id), 'without the indicator it is personal data again: held');
  } finally {
    await f.close();
  }
});

test('a read decides a bounded number of versions: the rest are served by later reads, until the reader has what the preview lists', async () => {
  const { dir, collection } = await shareNode();
  const clock = () => Date.parse('2026-11-27T12:00:00.000Z');
  const node = await openNode(dir, clock);
  const gate = await loadGateConfig(dir, node.info);
  const app = Fastify({ logger: false });
  try {
    const { secret } = await issueToken(node.store, { orgId: 'jpcert', role: 'reader' }, clock, randomUUID);
    await app.register(taxiiPlugin, {
      store: node.store,
      clock,
      newId: randomUUID,
      events: { emit: () => true },
      title: 'bounded',
      maxContentLength: 1_000_000,
      foreignReads: foreignReads({ store: node.store, profile: gate.profile, pseudonymKey: gate.pseudonymKey, country: gate.country, clock, newId: randomUUID, decideBudget: 2 }),
    });
    await app.ready();
    const read = async () =>
      (((await app.inject({ method: 'GET', url: `/taxii2/setu/collections/${collection}/objects/?match[version]=all`, headers: { accept: TAXII, authorization: `Bearer ${secret}` } })).json() as { objects?: Record<string, unknown>[] }).objects ?? []).map((o) => JSON.stringify(o));
    const preview = await share.preview({ data: dir, to: 'jpcert', as: 'jpcert', collection, json: true }, captureIo());
    const sent = preview.objects.flatMap((d) => (d.outcome === 'send' ? [JSON.stringify(JSON.parse(d.json))] : []));
    const first = await read();
    assert.ok(first.length <= 2, `the first read served only what it decided (${first.length})`);
    let now = first;
    for (let i = 0; i < 10 && now.length < sent.length; i++) now = await read();
    assert.deepEqual(now, sent);
  } finally {
    await app.close();
    await node.store.close();
  }
});

test('an anonymous reader of a public collection is outside: it reads TLP:CLEAR as the gate lets it out to anyone', async () => {
  const f = await fixture();
  try {
    const clock = () => Date.parse('2026-11-27T12:00:00.000Z');
    const open = '22222222-3333-4444-8555-666666666666';
    await f.node.store.createCollection({ id: open, title: 'Public advisories', description: null, alias: null, readOrgs: ['jpcert'], writeOrgs: ['cert-in'], mediaTypes: [], createdAt: '2026-01-01T00:00:00.000Z', public: true, defaultTlp: 'clear' });
    const note = { ...OBJECTS.aadhaarNote, object_marking_refs: ['marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487'] };
    const phishing = { ...OBJECTS.phishing, object_marking_refs: ['marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487'] };
    const { ingest } = await import('../../src/ingest/index.js');
    const put = await ingest({ store: f.node.store, collectionId: open, rawObjects: [JSON.stringify(note), JSON.stringify(phishing)], clock, newId: randomUUID, events: { emit: () => true }, submitter: { orgId: 'cert-in' } });
    assert.equal(put.status.successCount, 2);
    const res = await f.app.inject({ method: 'GET', url: `/taxii2/setu/collections/${open}/objects/`, headers: { accept: TAXII } });
    assert.equal(res.statusCode, 200, res.body);
    const objects = (res.json() as { objects?: Record<string, unknown>[] }).objects ?? [];
    assert.deepEqual(objects.map((o) => o['id']), [phishing.id], 'the note naming an Aadhaar number is held');
    assert.equal(objects[0]?.['description'], 'Reported by [REDACTED:email], [REDACTED:phone].');
    assert.notEqual(objects[0]?.['created_by_ref'], CERT_IN, 'the submitter did not consent: a pseudonym');
    assert.equal((await f.app.inject({ method: 'GET', url: `/taxii2/setu/collections/${open}/objects/${note.id}/`, headers: { accept: TAXII } })).statusCode, 404);
  } finally {
    await f.close();
  }
});

test('a writer outside cannot delete, nor learn of, a version the gate holds from it', async () => {
  const f = await fixture();
  try {
    const clock = () => Date.parse('2026-11-27T12:00:00.000Z');
    const drop = '33333333-4444-4555-8666-777777777777';
    await f.node.store.createCollection({ id: drop, title: 'Joint cases', description: null, alias: null, readOrgs: ['jpcert', 'cert-in'], writeOrgs: ['jpcert', 'cert-in'], mediaTypes: [], createdAt: '2026-01-01T00:00:00.000Z' });
    const { ingest } = await import('../../src/ingest/index.js');
    const note = OBJECTS.aadhaarNote;
    await ingest({ store: f.node.store, collectionId: drop, rawObjects: [JSON.stringify(note)], clock, newId: randomUUID, events: { emit: () => true }, submitter: { orgId: 'cert-in' } });
    const jp = await f.token('jpcert', 'analyst');
    const res = await f.app.inject({ method: 'DELETE', url: `/taxii2/setu/collections/${drop}/objects/${note.id}/`, headers: { accept: TAXII, authorization: `Bearer ${jp}` } });
    assert.equal(res.statusCode, 404, res.body);
    assert.equal(await f.node.store.countObjects(drop), 1, 'the held note is still there');
  } finally {
    await f.close();
  }
});
