// `setu import` as a person sees it: a second import of the same file says "already held", not
// "stored", and a bundle gets a progress bar (on a terminal, never with --json) with its object count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as init } from '../../src/cli/commands/init.js';
import * as collection from '../../src/cli/commands/collection.js';
import { run as importFiles } from '../../src/cli/commands/import.js';
import { main } from '../../src/cli/main.js';
import { withNode } from '../../src/node/index.js';
import { captureIo } from './capture.js';
import { fakeTerminal } from './fake-terminal.js';

const indicator = (n: number, modified = '2026-01-01T00:00:00.000Z') => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${String(n).padStart(8, '0')}-3333-4333-8333-333333333333`,
  created: '2026-01-01T00:00:00.000Z',
  modified,
  name: `indicator ${n}`,
  pattern: "[ipv4-addr:value = '198.51.100.7']",
  pattern_type: 'stix',
  valid_from: '2026-01-01T00:00:00Z',
});

async function node() {
  const dir = await mkdtemp(join(tmpdir(), 'setu-imp-'));
  await init({ data: dir, nodeName: 'import node', country: 'IN', json: true }, captureIo());
  const c = await collection.create({ data: dir, title: 'shared', read: [], write: ['import-node'], json: false }, captureIo());
  return { dir, collectionId: c.id };
}

const bundle = (objects: readonly object[]) => JSON.stringify({ type: 'bundle', id: 'bundle--0b6a54b4-5c0e-4b6e-9f0a-6a4f2a3d2e11', objects });


test('importing the same file twice: the second time its objects are "already held", not "stored"', async () => {
  const { dir, collectionId } = await node();
  const file = join(dir, 'bundle.json');
  await writeFile(file, bundle([indicator(1), indicator(2), indicator(3)]));
  const first = captureIo();
  const [once] = await importFiles({ data: dir, collection: collectionId, files: [file], json: false }, first);
  assert.equal(first.stdout(), `${file}: 3 stored, 0 refused\n`);
  assert.equal(once?.stored, 3);

  const second = captureIo();
  const [twice] = await importFiles({ data: dir, collection: collectionId, files: [file], json: false }, second);
  assert.equal(second.stdout(), `${file}: 0 stored, 3 already held (same id and modified), 0 refused\n`);
  assert.equal(twice?.stored, 0);
  assert.equal(twice?.alreadyHeld, 3);

  // A new version of one object is stored; the others are already held.
  const next = join(dir, 'next.jsonl');
  await writeFile(next, [indicator(1, '2026-02-01T00:00:00.000Z'), indicator(2), indicator(3)].map((o) => JSON.stringify(o)).join('\n') + '\n');
  const third = captureIo();
  const [mixed] = await importFiles({ data: dir, collection: collectionId, files: [next], json: true }, third);
  assert.deepEqual([mixed?.stored, mixed?.alreadyHeld], [1, 2]);
  assert.equal(JSON.parse(third.stdout()).files[0].alreadyHeld, 2);
  await withNode(dir, Date.now, async ({ store }) => assert.equal(await store.countObjects(collectionId), 4));
});

test('a bundle import draws a progress bar on a terminal, counting its objects', async () => {
  const { dir, collectionId } = await node();
  const file = join(dir, 'bundle.json');
  await writeFile(file, bundle([1, 2, 3, 4, 5].map((n) => indicator(n))));
  const terminal = fakeTerminal();
  await importFiles({ data: dir, collection: collectionId, files: [file], json: false }, { ...captureIo(), interactive: true, progressStream: terminal.stream });
  assert.match(terminal.drawn(), /5\/5 objects/, terminal.drawn());
});

test('no progress bar with --json, even on a terminal', async () => {
  const { dir, collectionId } = await node();
  const file = join(dir, 'objects.jsonl');
  await writeFile(file, [indicator(1), indicator(2)].map((o) => JSON.stringify(o)).join('\n') + '\n');
  const args = ['node', 'setu', 'import', '--data', dir, '--collection', collectionId, file];
  const drawn = fakeTerminal();
  assert.equal(await main(args, { ...captureIo(), interactive: true, progressStream: drawn.stream }), 0);
  assert.notEqual(drawn.drawn(), '', 'without --json the bar is drawn');

  const terminal = fakeTerminal();
  const io = { ...captureIo(), interactive: true, progressStream: terminal.stream };
  assert.equal(await main([...args, '--json'], io), 0);
  assert.equal(JSON.parse(io.stdout()).files[0].alreadyHeld, 2);
  assert.equal(terminal.drawn(), '');
});
