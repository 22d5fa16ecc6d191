// `setu validate` on a terminal draws one bar per file, counting the objects inside it (a bundle's
// objects, not the file as one step), and ends full.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as validate } from '../../src/cli/commands/validate.js';
import { captureIo } from './capture.js';
import { fakeTerminal } from './fake-terminal.js';

const tool = (n: number) => ({
  type: 'tool',
  spec_version: '2.1',
  id: `tool--${String(n).padStart(8, '0')}-5555-4555-8555-555555555555`,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  name: `tool ${n}`,
});


test('validate draws a bar over the objects of a bundle and of a JSON-lines file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-validate-'));
  const bundle = join(dir, 'big.json');
  const lines = join(dir, 'few.jsonl');
  await writeFile(bundle, JSON.stringify({ type: 'bundle', id: 'bundle--00000000-5555-4555-8555-555555555555', objects: Array.from({ length: 40 }, (_, i) => tool(i)) }));
  await writeFile(lines, [1, 2, 3].map((n) => JSON.stringify(tool(100 + n))).join('\n') + '\n');
  const terminal = fakeTerminal();
  const reports = await validate({ files: [bundle, lines], strict: false, json: false }, { ...captureIo(), interactive: true, progressStream: terminal.stream });
  assert.equal(reports.length, 2);
  assert.match(terminal.drawn(), /validating big\.json .*40\/40 objects/);
  assert.match(terminal.drawn(), /validating few\.jsonl .*3\/3 objects/);
  assert.doesNotMatch(terminal.drawn(), /1\/2/, 'not a bar over the files');
});
