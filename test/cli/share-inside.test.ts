// A destination inside the node's jurisdiction (an organisation of the node's country) receives
// what passes the TLP onward rule as written: no redaction, no pseudonym, no review. Only the
// onward rule still decides. The export and the preview agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run as exportBundle } from '../../src/cli/commands/export.js';
import * as share from '../../src/cli/commands/share.js';
import { captureIo } from './capture.js';
import { OBJECTS, shareNode } from './share-fixture.js';

test('export by JPCERT/CC to the node (India) carries the objects as written; only the onward rule withholds', async () => {
  const { dir, collection } = await shareNode();
  const out = join(dir, 'inside.json');
  const result = await exportBundle({ data: dir, collection, as: 'jpcert', to: 'cert-in-node', out }, captureIo());
  const sent = (JSON.parse(await readFile(out, 'utf8')) as { objects: Record<string, unknown>[] }).objects;
  const o = OBJECTS;
  const expected = [o.phishing, o.aadhaarNote, o.sender, o.victim, o.certInIdentity, o.bankIndicator];
  assert.deepEqual(sent, expected, 'personal data and submitters as written, in store order');
  assert.equal(result.withheld, 1);
  assert.deepEqual(result.held, [], 'nothing queued for review');

  const preview = await share.preview({ data: dir, to: 'cert-in-node', as: 'jpcert', collection, json: true }, captureIo());
  assert.deepEqual(preview.objects.flatMap((d) => (d.outcome === 'send' ? [JSON.parse(d.json)] : [])), expected);
  const strict = preview.objects.find((d) => d.id === o.strict.id);
  assert.ok(strict?.outcome === 'withhold' && strict.reasons.every((r) => r.source === 'onward'), 'AMBER+STRICT stays with JPCERT/CC');
  assert.deepEqual(preview.identities, []);
});
