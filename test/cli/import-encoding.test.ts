// `setu import` of files whose strings are not Unicode text: a file holding invalid UTF-8 is not
// imported at all (naming the byte offset and line); an escaped lone surrogate refuses its object.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as init } from '../../src/cli/commands/init.js';
import * as collection from '../../src/cli/commands/collection.js';
import { run as importFiles } from '../../src/cli/commands/import.js';
import { ExitError } from '../../src/cli/errors.js';
import { withNode } from '../../src/node/data-dir.js';
import { captureIo } from './capture.js';

const coa = (n: number, name = `course ${n}`) => ({
  type: 'course-of-action',
  spec_version: '2.1',
  id: `course-of-action--${String(n).padStart(8, '0')}-2222-4222-8222-222222222222`,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  name,
});

async function freshCollection() {
  const dir = await mkdtemp(join(tmpdir(), 'setu-enc-'));
  await init({ data: dir, nodeName: 'CERT Test Node', country: 'jp', json: true }, captureIo());
  const c = await collection.create({ data: dir, title: 'shared', read: [], write: ['cert-test-node'], json: false }, captureIo());
  const files = await mkdtemp(join(tmpdir(), 'setu-enc-files-'));
  return { dir, id: c.id, files };
}

test('import of a bundle holding invalid UTF-8 stores nothing and names the byte offset and line', async () => {
  const { dir, id, files } = await freshCollection();
  const head = Buffer.from(`{"type":"bundle","id":"bundle--0b6a54b4-5c0e-4b6e-9f0a-6a4f2a3d2e11","objects":[\n${JSON.stringify(coa(1))},\n${JSON.stringify(coa(2)).replace('course 2', 'bad ')}`);
  const [before, after] = [head.subarray(0, head.lastIndexOf('bad ') + 4), head.subarray(head.lastIndexOf('bad ') + 4)];
  const bytes = Buffer.concat([before, Buffer.from([0xed, 0xa0, 0x80]), after, Buffer.from(']}')]);
  const file = join(files, 'bad.json');
  await writeFile(file, bytes);
  const io = captureIo();
  await assert.rejects(importFiles({ data: dir, collection: id, files: [file], json: false }, io), (e) => e instanceof ExitError && e.exitCode === 1);
  assert.match(io.stdout(), new RegExp(`NOT IMPORTED: invalid UTF-8 \\(bytes ED A0 80\\) at byte offset ${before.length} \\(line 3\\)`));
  await withNode(dir, Date.now, async ({ store }) => assert.equal(await store.countObjects(id), 0));
});

test('import of JSON lines with an escaped lone surrogate refuses that object and keeps the others', async () => {
  const { dir, id, files } = await freshCollection();
  const file = join(files, 'lines.jsonl');
  await writeFile(file, [JSON.stringify(coa(1)), JSON.stringify(coa(2)).replace('course 2', 'half \\udc00'), JSON.stringify(coa(3))].join('\n') + '\n');
  const io = captureIo();
  await assert.rejects(importFiles({ data: dir, collection: id, files: [file], json: false }, io), ExitError);
  assert.match(io.stdout(), /2 stored, 1 refused/);
  assert.match(io.stdout(), /refused course-of-action--00000002-.*\\udc00 .*lone surrogate/);
  await withNode(dir, Date.now, async ({ store }) => assert.equal(await store.countObjects(id), 2));
});
