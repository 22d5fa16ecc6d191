// The node's gate configuration on disk: DIR/jurisdictions.json extends the built-in profiles and
// changes what a share does; a broken file is a configuration error; the pseudonym key is created
// once, private, and refused when others can read it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as share from '../../src/cli/commands/share.js';
import { main } from '../../src/cli/main.js';
import { isSetuError } from '../../src/errors/index.js';
import { JURISDICTIONS_FILE, PSEUDONYM_KEY_FILE, ensurePseudonymKey, jurisdictionProfile } from '../../src/node/index.js';
import { captureIo } from './capture.js';
import { OBJECTS, shareNode } from './share-fixture.js';

test('a configured profile chosen by "use" changes the decisions: here e-mail addresses are held, not redacted', async () => {
  const { dir } = await shareNode();
  await writeFile(join(dir, JURISDICTIONS_FILE), JSON.stringify({ use: 'IN-STRICT', profiles: { 'IN-STRICT': { extends: 'IN', name: 'India (strict)', actions: { email: 'hold' } } } }));
  assert.equal((await jurisdictionProfile(dir, 'IN')).id, 'IN-STRICT');
  const preview = await share.preview({ data: dir, to: 'jpcert', json: true }, captureIo());
  assert.equal(preview.profile.id, 'IN-STRICT');
  const phishing = preview.objects.find((d) => d.id === OBJECTS.phishing.id);
  assert.ok(phishing?.outcome === 'hold');
  assert.deepEqual(phishing.reasons.map((r) => (r.source === 'gate' ? r.kind : r.rule)), ['email']);
});

test('a broken jurisdictions.json is a configuration error (exit 2) naming the file and the rule', async () => {
  const { dir } = await shareNode();
  await writeFile(join(dir, JURISDICTIONS_FILE), JSON.stringify({ profiles: { SG: { extends: 'IN', actions: { email: 'drop' } } } }));
  await assert.rejects(jurisdictionProfile(dir, 'IN'), (e) => isSetuError(e) && e.code === 'SETU_ERR_NODE_CONFIG_INVALID' && /jurisdictions\.json: profile SG: email has unknown action "drop"/.test(e.message));
  const io = captureIo();
  assert.equal(await main(['node', 'setu', 'share', 'preview', '--data', dir, '--to', 'jpcert'], io), 2);
  await writeFile(join(dir, JURISDICTIONS_FILE), '{not json');
  await assert.rejects(jurisdictionProfile(dir, 'IN'), (e) => isSetuError(e) && e.code === 'SETU_ERR_NODE_CONFIG_INVALID');
});

test('the pseudonym key: created once with mode 0600, stable, and refused when readable by others', async () => {
  const { dir } = await shareNode();
  const [a, b] = await Promise.all([ensurePseudonymKey(dir), ensurePseudonymKey(dir)]);
  assert.equal(a.byteLength, 32);
  assert.deepEqual(a, b, 'concurrent first uses agree on one key');
  assert.deepEqual(await readFile(join(dir, PSEUDONYM_KEY_FILE)), a);
  await chmod(join(dir, PSEUDONYM_KEY_FILE), 0o644);
  await assert.rejects(ensurePseudonymKey(dir), (e) => isSetuError(e) && e.code === 'SETU_ERR_GATE_KEY_INSECURE');
  await chmod(join(dir, PSEUDONYM_KEY_FILE), 0o600);
  await writeFile(join(dir, PSEUDONYM_KEY_FILE), Buffer.alloc(8), { mode: 0o600 });
  await assert.rejects(ensurePseudonymKey(dir), (e) => isSetuError(e) && e.code === 'SETU_ERR_GATE_BAD_KEY');
});
