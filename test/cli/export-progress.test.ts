// `setu export` draws its progress bar (on a terminal) against the number of versions it will
// walk: with --added-after, only those added after the time, so the bar ends full.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as init } from '../../src/cli/commands/init.js';
import * as collection from '../../src/cli/commands/collection.js';
import { run as importFiles } from '../../src/cli/commands/import.js';
import { run as exportBundle } from '../../src/cli/commands/export.js';
import { captureIo } from './capture.js';
import { fakeTerminal } from './fake-terminal.js';
import { shareNode } from './share-fixture.js';

const indicator = (n: number) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${String(n).padStart(8, '0')}-5555-4555-8555-555555555555`,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  name: `indicator ${n}`,
  pattern: "[ipv4-addr:value = '198.51.100.7']",
  pattern_type: 'stix',
  valid_from: '2026-01-01T00:00:00Z',
});


test('export --added-after: the bar counts the versions added after the time, and ends full', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-exp-'));
  await init({ data: dir, nodeName: 'export node', country: 'IN', json: true }, captureIo());
  const c = await collection.create({ data: dir, title: 'shared', read: [], write: ['export-node'], json: false }, captureIo());
  const early = join(dir, 'early.json');
  const late = join(dir, 'late.json');
  await writeFile(early, [1, 2, 3, 4].map((n) => JSON.stringify(indicator(n))).join('\n') + '\n');
  await writeFile(late, [5, 6].map((n) => JSON.stringify(indicator(n))).join('\n') + '\n');
  await importFiles({ data: dir, collection: c.id, files: [early], json: true }, captureIo(Date.parse('2026-11-01T00:00:00.000Z')));
  await importFiles({ data: dir, collection: c.id, files: [late], json: true }, captureIo(Date.parse('2026-11-20T00:00:00.000Z')));

  const all = fakeTerminal();
  const everything = await exportBundle({ data: dir, collection: c.id, out: join(dir, 'all.json') }, { ...captureIo(), interactive: true, progressStream: all.stream });
  assert.equal(everything.objects, 6);
  assert.match(all.drawn(), /6\/6 versions/);

  const since = fakeTerminal();
  const recent = await exportBundle(
    { data: dir, collection: c.id, addedAfter: '2026-11-10T00:00:00Z', out: join(dir, 'recent.json') },
    { ...captureIo(), interactive: true, progressStream: since.stream },
  );
  assert.equal(recent.objects, 2);
  assert.match(since.drawn(), /2\/2 versions/, since.drawn());
});

test('export --as ORG: the bar walks every version of the collection, sent or withheld, and ends full', async () => {
  const { dir, collection: collectionId } = await shareNode();
  const terminal = fakeTerminal();
  const result = await exportBundle({ data: dir, collection: collectionId, as: 'jpcert', out: join(dir, 'jp.json') }, { ...captureIo(), interactive: true, progressStream: terminal.stream });
  assert.ok(result.withheld > 0);
  assert.match(terminal.drawn(), /100% \| 7\/7 versions/, terminal.drawn());
});
