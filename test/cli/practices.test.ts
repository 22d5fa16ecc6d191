// `setu practices for` and `setu practices import` called as functions (and through main for the
// exit codes): what they print, --json, --lang, --as, and refusals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { forObject, importBundle } from '../../src/cli/commands/practices.js';
import { UsageError } from '../../src/cli/errors.js';
import { IDS, MITRE_LIKE, T, idOf, practicesNode } from '../practices/fixture.js';
import { captureIo } from './capture.js';

const argv = (...args: string[]) => ['node', 'setu', ...args];

test('practices for: the technique, why, its mitigations and the shared note, as text and as JSON', async () => {
  const { dir } = await practicesNode();
  const io = captureIo();
  await forObject({ data: dir, id: IDS.sighting, json: false }, io);
  const text = io.stdout();
  assert.match(text, /^what to do about sighting sighting--00000012/);
  assert.match(text, /T0880 Loss of Safety\n {4}because: sighting--\S+ -sighting_of_ref-> indicator--\S+ -indicates-> malware--\S+ -uses-> attack-pattern--00000001/);
  assert.match(text, /mitigation M0812 Safety Instrumented Systems\n/);
  assert.match(text, /note note--00000014\S* by identity--\S+ \[en\]: SIS checklist/);
  assert.match(text, /skipped \(revoked or deprecated\): .*attack-pattern--00000002\S* \(deprecated\)/);

  const json = captureIo();
  const advice = await forObject({ data: dir, id: IDS.sighting, json: true }, json);
  assert.deepEqual(JSON.parse(json.stdout()), JSON.parse(JSON.stringify(advice)));
  assert.equal(advice.techniques[0]?.attackId, 'T0880');
});

test('practices for --lang ja prints the Japanese translations; --as names whose view', async () => {
  const { dir } = await practicesNode();
  const io = captureIo();
  await forObject({ data: dir, id: IDS.indicator, lang: 'ja', as: 'bank-a', json: false }, io);
  assert.match(io.stdout(), /mitigation M0812 安全計装システム \[ja\]/);
  assert.match(io.stdout(), /\[ja\]: SIS チェックリスト/);
  assert.match(io.stdout(), /Tata SIS playbook for Bank A/, 'Bank A is named on this RED course of action');
  assert.doesNotMatch(io.stdout(), /Tata private SIS playbook/, 'nor on this one');
  const node = captureIo();
  await forObject({ data: dir, id: IDS.indicator, json: false }, node);
  assert.doesNotMatch(node.stdout(), /Tata/, "the node's own organisation is named on neither");
});

test('practices for refuses an unknown language (usage, exit 2), an unknown --as organisation and an object the reader cannot read (exit 1)', async () => {
  const { dir } = await practicesNode();
  await assert.rejects(forObject({ data: dir, id: IDS.indicator, lang: 'fr', json: false }, captureIo()), (e) => e instanceof UsageError && /--lang must be one of en, ja, hi/.test(e.message));
  await assert.rejects(forObject({ data: dir, id: IDS.indicator, as: 'nobody', json: false }, captureIo()), { code: 'SETU_ERR_NODE_UNKNOWN_ORG' });
  await assert.rejects(forObject({ data: dir, id: IDS.redPrivate, as: 'bank-a', json: false }, captureIo()), { code: 'SETU_ERR_PRACTICES_UNKNOWN_OBJECT' });
  const io = captureIo();
  assert.equal(await main(argv('practices', 'for', '--data', dir, '--as', 'bank-a', IDS.redPrivate), io), 1);
  assert.match(io.stderr(), /No object course-of-action--00000016\S* in a collection organisation bank-a may read/);
  assert.equal(await main(argv('practices', 'for', '--data', dir, '--lang', 'fr', IDS.indicator), captureIo()), 2);
  assert.equal(await main(argv('practices', 'for', '--data', dir, IDS.indicator), captureIo()), 0);
});

test('practices import: the ATT&CK summary and the import report in one JSON document; a refused object exits 1 after reporting', async () => {
  const { dir, collection } = await practicesNode();
  const files = await mkdtemp(join(tmpdir(), 'setu-practices-import-'));
  const collectionObject = { type: 'x-mitre-collection', spec_version: '2.1', id: 'x-mitre-collection--00000001-0000-4000-8000-000000000000', created: T, modified: T, name: 'Test ATT&CK', x_mitre_version: '1.0' };
  const newTechnique = { ...MITRE_LIKE[0], id: idOf('attack-pattern', 60), name: 'New Technique' };
  const good = join(files, 'good.json');
  await writeFile(good, JSON.stringify({ type: 'bundle', id: 'bundle--00000001-0000-4000-8000-000000000000', objects: [collectionObject, ...MITRE_LIKE, newTechnique] }));
  const io = captureIo();
  const result = await importBundle({ data: dir, collection, file: good, json: true }, io);
  const printed = JSON.parse(io.stdout()) as { attack: Record<string, unknown>; import: { files: { stored: number; alreadyHeld: number; failed: unknown[] }[] } };
  assert.deepEqual(printed.attack, { collection: { name: 'Test ATT&CK', version: '1.0' }, objects: 11, techniques: 3, mitigations: 2, mitigates: 2, uses: 2, revoked: 1, deprecated: 1 });
  assert.deepEqual(printed, JSON.parse(JSON.stringify(result)));
  assert.equal(printed.import.files[0]?.stored, 2, 'the collection object and the new technique; the rest was already held');
  assert.equal(printed.import.files[0]?.alreadyHeld, 9);

  const bad = join(files, 'bad.json');
  await writeFile(bad, JSON.stringify({ type: 'bundle', id: 'bundle--00000002-0000-4000-8000-000000000000', objects: [{ ...newTechnique, id: idOf('attack-pattern', 61), x_mitre_platforms: [] }] }));
  const text = captureIo();
  assert.equal(await main(argv('practices', 'import', '--data', dir, '--collection', collection, bad), text), 1);
  assert.match(text.stdout(), /bad\.json: 1 objects, 1 techniques, 0 mitigations/);
  assert.match(text.stdout(), /0 stored, 1 refused\n {2}refused attack-pattern--00000061\S* .*x_mitre_platforms.*STIX_EMPTY_LIST/);
  const json = captureIo();
  assert.equal(await main(argv('practices', 'import', '--data', dir, '--collection', collection, '--json', bad), json), 1);
  assert.equal((JSON.parse(json.stdout()) as { import: { files: { failed: unknown[] }[] } }).import.files[0]?.failed.length, 1);

  await assert.rejects(importBundle({ data: dir, collection, file: join(files, 'missing.json'), json: false }, captureIo()), UsageError);
  const notStix = join(files, 'not-stix.json');
  await writeFile(notStix, '{"hello": 1}');
  await assert.rejects(importBundle({ data: dir, collection, file: notStix, json: false }, captureIo()), /holds no STIX bundle/);
});
