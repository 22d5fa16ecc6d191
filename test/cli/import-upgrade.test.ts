// `setu import` and STIX 2.0 content: refused before anything is stored (naming what shows it is
// 2.0), or converted with --upgrade-from-2.0, reporting every change per object.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as init } from '../../src/cli/commands/init.js';
import * as collection from '../../src/cli/commands/collection.js';
import { run as importFiles } from '../../src/cli/commands/import.js';
import { run as exportBundle } from '../../src/cli/commands/export.js';
import { ExitError } from '../../src/cli/errors.js';
import { main } from '../../src/cli/main.js';
import { withNode } from '../../src/node/data-dir.js';
import { captureIo } from './capture.js';

const T = '2016-04-06T20:03:00.000Z';
const INDICATOR = 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';
const OBSERVED = 'observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf';
const indicator20 = { type: 'indicator', id: INDICATOR, created: T, modified: T, labels: ['malicious-activity'], name: 'C2', pattern: "[ipv4-addr:value = '198.51.100.3']", valid_from: T };
const observed20 = {
  type: 'observed-data', id: OBSERVED, created: T, modified: T, first_observed: T, last_observed: T, number_observed: 1,
  objects: { '0': { type: 'ipv4-addr', value: '198.51.100.3' }, '1': { type: 'network-traffic', dst_ref: '0', protocols: ['tcp'] } },
};
const current21 = { type: 'course-of-action', spec_version: '2.1', id: 'course-of-action--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061', created: T, modified: T, name: 'Block' };

async function freshCollection() {
  const dir = await mkdtemp(join(tmpdir(), 'setu-up-'));
  await init({ data: dir, nodeName: 'CERT Test Node', country: 'jp', json: true }, captureIo());
  const c = await collection.create({ data: dir, title: 'shared', read: [], write: ['cert-test-node'], json: false }, captureIo());
  const files = await mkdtemp(join(tmpdir(), 'setu-up-files-'));
  return { dir, id: c.id, files };
}

function bundle20(): string {
  // odd spacing in the 2.1 object: it must be stored byte for byte, untouched by the upgrade
  const raw21 = JSON.stringify(current21).replace('"name":', '"name" :');
  return `{"type":"bundle","id":"bundle--44af6c39-c09b-49c5-9de2-394224b04982","spec_version":"2.0","objects":[${JSON.stringify(indicator20)},${JSON.stringify(observed20)},${raw21}]}`;
}

test('import refuses STIX 2.0 content before storing anything and points at --upgrade-from-2.0', async () => {
  const { dir, id, files } = await freshCollection();
  const file = join(files, 'old.json');
  await writeFile(file, bundle20());
  const lines = join(files, 'old.jsonl');
  await writeFile(lines, [JSON.stringify(current21), JSON.stringify(indicator20)].join('\n') + '\n');
  const io = captureIo();
  await assert.rejects(importFiles({ data: dir, collection: id, files: [file, lines], json: false }, io), (e) => e instanceof ExitError && e.exitCode === 1);
  assert.match(io.stdout(), new RegExp(`old\\.json: NOT IMPORTED: STIX 2\\.0 content: objects\\[0\\] \\(${INDICATOR}\\) has no spec_version.* — use --upgrade-from-2\\.0`));
  assert.match(io.stdout(), new RegExp(`old\\.jsonl: NOT IMPORTED: STIX 2\\.0 content: line 2 \\(${INDICATOR}\\) has no spec_version.* — use --upgrade-from-2\\.0`));
  await withNode(dir, Date.now, async ({ store }) => assert.equal(await store.countObjects(id), 0, 'not even the 2.1 object of the JSON-lines file'));
});

test('import --upgrade-from-2.0 stores the 2.1 conversion, reports each change, and keeps 2.1 objects byte for byte', async () => {
  const { dir, id, files } = await freshCollection();
  const file = join(files, 'old.json');
  const text = bundle20();
  await writeFile(file, text);
  const io = captureIo();
  const [outcome] = await importFiles({ data: dir, collection: id, files: [file], upgradeFrom20: true, json: true }, io);
  assert.equal(outcome?.stored, 5, 'indicator, observed-data, its two observables, course-of-action');
  assert.equal(outcome?.failed.length, 0);
  const changes = outcome?.upgraded ?? [];
  assert.ok(changes.some((c) => c.objectId === INDICATOR && c.path === 'objects[0].labels' && c.change.includes('moved to indicator_types')), JSON.stringify(changes, null, 1));
  assert.ok(changes.some((c) => c.objectId === OBSERVED && c.path === 'objects[1].objects' && c.change.startsWith('replaced by object_refs to 2')));
  assert.ok(changes.every((c) => c.objectId !== current21.id), 'a 2.1 object is not changed');
  assert.deepEqual(JSON.parse(io.stdout()).files[0].upgraded, changes);

  const out = join(files, 'export.json');
  await exportBundle({ data: dir, collection: id, out }, captureIo());
  const exported = await readFile(out, 'utf8');
  assert.ok(exported.includes(JSON.stringify(current21).replace('"name":', '"name" :')), 'the 2.1 object is stored as it was sent');
  const objects = (JSON.parse(exported) as { objects: Record<string, unknown>[] }).objects;
  assert.ok(objects.every((o) => o['spec_version'] === '2.1'));
  const ind = objects.find((o) => o['id'] === INDICATOR);
  assert.deepEqual(ind?.['indicator_types'], ['malicious-activity']);
  assert.equal(ind?.['pattern_type'], 'stix');
  const od = objects.find((o) => o['id'] === OBSERVED);
  assert.equal((od?.['object_refs'] as string[]).length, 2);

  const textIo = captureIo();
  await importFiles({ data: dir, collection: id, files: [file], upgradeFrom20: true, json: false }, textIo);
  assert.match(textIo.stdout(), /upgraded from STIX 2\.0: \d+ change\(s\) to 4 object\(s\)/);
  assert.match(textIo.stdout(), new RegExp(`  upgraded ${INDICATOR} objects\\[0\\]\\.labels: \\["malicious-activity"\\] moved to indicator_types`));
});

test('setu import --upgrade-from-2.0 through the command table: exit 1 without the flag, 0 with it; --help lists it', async () => {
  const { dir, id, files } = await freshCollection();
  const file = join(files, 'old.json');
  await writeFile(file, bundle20());
  const refused = captureIo();
  assert.equal(await main(['node', 'setu', 'import', '--data', dir, '--collection', id, file], refused), 1);
  assert.match(refused.stdout(), /STIX 2\.0 content: .* — use --upgrade-from-2\.0/);
  const upgraded = captureIo();
  assert.equal(await main(['node', 'setu', 'import', '--data', dir, '--collection', id, '--upgrade-from-2.0', file], upgraded), 0);
  assert.match(upgraded.stdout(), /5 stored, 0 refused/);
  const help = captureIo();
  assert.equal(await main(['node', 'setu', 'import', '--help'], help), 0);
  assert.match(help.stdout(), /--upgrade-from-2\.0/);
});

test('a JSON-lines file whose later line is a STIX 2.0 bundle is refused before its first lines are stored', async () => {
  const { dir, id, files } = await freshCollection();
  const lines = join(files, 'mixed.jsonl');
  await writeFile(lines, [JSON.stringify(current21), bundle20()].join('\n') + '\n');
  const io = captureIo();
  await assert.rejects(importFiles({ data: dir, collection: id, files: [lines], json: false }, io), ExitError);
  assert.match(io.stdout(), /mixed\.jsonl: NOT IMPORTED: STIX 2\.0 content: line 2: the bundle carries spec_version "2\.0".* — use --upgrade-from-2\.0/);
  await withNode(dir, Date.now, async ({ store }) => assert.equal(await store.countObjects(id), 0));
});
