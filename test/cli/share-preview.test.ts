// `setu share preview` against a node with personal data, TLP limits and submitter pseudonyms, and
// the proof that the preview is what the real outbound path (`setu export --as --to`) delivers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pseudonymId } from '../../src/access/index.js';
import { run as exportBundle } from '../../src/cli/commands/export.js';
import * as share from '../../src/cli/commands/share.js';
import { main } from '../../src/cli/main.js';
import { PSEUDONYM_KEY_FILE, type SharePreview } from '../../src/node/index.js';
import { captureIo } from './capture.js';
import { BANK, CERT_IN, OBJECTS, shareNode } from './share-fixture.js';

const outcomes = (preview: SharePreview) => Object.fromEntries(preview.objects.map((d) => [d.id, d.outcome]));

test('preview: what JPCERT/CC would receive from this node, and why each other object is held or withheld', async () => {
  const { dir } = await shareNode();
  const io = captureIo();
  const preview = await share.preview({ data: dir, to: 'jpcert', json: false }, io);
  const o = OBJECTS;
  assert.deepEqual(outcomes(preview), {
    [o.phishing.id]: 'send',
    [o.aadhaarNote.id]: 'hold',
    [o.strict.id]: 'withhold',
    [o.sender.id]: 'send',
    [o.victim.id]: 'hold',
    [o.certInIdentity.id]: 'withhold',
    [o.bankIndicator.id]: 'send',
  });
  assert.deepEqual(preview.profile.id, 'IN');
  assert.deepEqual(preview.counts, { send: 3, hold: 2, withhold: 2 });
  const byId = new Map(preview.objects.map((d) => [d.id, d]));

  const phishing = byId.get(o.phishing.id);
  assert.ok(phishing?.outcome === 'send');
  const sent = JSON.parse(phishing.json);
  assert.equal(sent.pattern, o.phishing.pattern, 'the threat value is not redacted away');
  assert.equal(sent.name, o.phishing.name);
  assert.equal(sent.description, 'Reported by [REDACTED:email], [REDACTED:phone].');
  const key = await readFile(join(dir, PSEUDONYM_KEY_FILE));
  assert.equal(sent.created_by_ref, pseudonymId(key, 'jpcert', CERT_IN), 'CERT-In did not consent: pseudonym');
  assert.deepEqual(preview.identities.map((i) => i['id']), [sent.created_by_ref], 'the pseudonymous identity, once');

  const bank = byId.get(o.bankIndicator.id);
  assert.ok(bank?.outcome === 'send');
  assert.equal(JSON.parse(bank.json).created_by_ref, BANK, 'Bank A consented to attribution');

  const strict = byId.get(o.strict.id);
  assert.ok(strict?.outcome === 'withhold');
  assert.deepEqual(strict.reasons.map((r) => r.source), ['onward']);
  assert.match(strict.reasons[0]?.message ?? '', /AMBER\+STRICT/);
  const identity = byId.get(o.certInIdentity.id);
  assert.ok(identity?.outcome === 'withhold' && identity.reasons[0]?.rule === 'submitter-identity');
  const note = byId.get(o.aadhaarNote.id);
  assert.ok(note?.outcome === 'hold' && note.reasons[0]?.source === 'gate' && note.reasons[0].rule === 'pii-hold');

  const text = io.stdout();
  assert.match(text, /^SEND {5}indicator--00000001/m);
  assert.match(text, /redacted email at \$\.description: "ravi\.kumar@cert-in\.example\.in"/);
  assert.match(text, /\[onward\] TLP:AMBER\+STRICT/);
  assert.match(text, /3 sent, 2 held for review, 2 withheld/);
  assert.equal((await stat(join(dir, PSEUDONYM_KEY_FILE))).mode & 0o777, 0o600, 'the node secret is private');
});

test('preview == what the real outbound path sends (export on behalf of the node to JPCERT/CC), before and after review', async () => {
  const { dir, collection } = await shareNode();
  const sentBy = async () => {
    const out = join(dir, `export-${Math.random().toString(36).slice(2)}.json`);
    const result = await exportBundle({ data: dir, collection, as: 'cert-in-node', to: 'jpcert', out }, captureIo());
    return { result, objects: (JSON.parse(await readFile(out, 'utf8')) as { objects: { id: string }[] }).objects };
  };
  const check = async () => {
    const preview = await share.preview({ data: dir, to: 'jpcert', collection, json: true }, captureIo());
    const { result, objects } = await sentBy();
    const identities = new Set(preview.identities.map((i) => i['id']));
    assert.deepEqual(
      objects.filter((x) => !identities.has(x.id)),
      preview.objects.flatMap((d) => (d.outcome === 'send' ? [JSON.parse(d.json)] : [])),
      'the same objects, fields and values, in the same order',
    );
    assert.deepEqual(objects.filter((x) => identities.has(x.id)), preview.identities, 'and the same pseudonymous identities');
    assert.equal(result.objects, preview.counts.send);
    assert.equal(result.withheld, preview.counts.hold + preview.counts.withhold);
    return { preview, result };
  };
  const first = await check();
  assert.equal(first.result.held.length, 2, 'the export queued the two held objects for review');

  const io = captureIo();
  assert.equal(await main(['node', 'setu', 'review', 'list', '--data', dir, '--json'], io), 0);
  const pending = JSON.parse(io.stdout()) as { id: string; objectId: string }[];
  const noteItem = pending.find((i) => i.objectId === OBJECTS.aadhaarNote.id);
  const victimItem = pending.find((i) => i.objectId === OBJECTS.victim.id);
  assert.ok(noteItem && victimItem);
  assert.equal(await main(['node', 'setu', 'review', 'approve', noteItem.id, '--data', dir, '--by', 'analyst-1'], captureIo()), 0);
  assert.equal(await main(['node', 'setu', 'review', 'reject', victimItem.id, '--data', dir, '--note', 'an employee address'], captureIo()), 0);

  const second = await check();
  const note = second.preview.objects.find((d) => d.id === OBJECTS.aadhaarNote.id);
  assert.ok(note?.outcome === 'send');
  assert.equal(JSON.parse(note.json).content, 'Victim UID [REDACTED:aadhaar] confirmed.');
  const victim = second.preview.objects.find((d) => d.id === OBJECTS.victim.id);
  assert.ok(victim?.outcome === 'withhold' && victim.reasons[0]?.rule === 'review-rejected');
  assert.deepEqual(second.result.held, []);
});

test('share preview: destinations and collections that do not exist are usage errors; --json prints one document', async () => {
  const { dir } = await shareNode();
  assert.equal(await main(['node', 'setu', 'share', 'preview', '--data', dir, '--to', 'nobody'], captureIo()), 2);
  assert.equal(await main(['node', 'setu', 'share', 'preview', '--data', dir, '--to', 'jpcert', '--collection', 'nope'], captureIo()), 2);
  assert.equal(await main(['node', 'setu', 'share', 'preview', '--data', dir, '--to', 'jpcert', '--profile', 'XX'], captureIo()), 1);
  const io = captureIo();
  assert.equal(await main(['node', 'setu', 'share', 'preview', '--data', dir, '--to', 'jpcert', '--profile', 'JP', '--json'], io), 0);
  const doc = JSON.parse(io.stdout());
  assert.equal(doc.profile.id, 'JP');
  assert.equal(doc.destination.id, 'jpcert');
});
