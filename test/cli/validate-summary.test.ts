// `setu validate` on a large bundle: findings summarised by code (count and first examples), and
// every one of them with --all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as validateFiles } from '../../src/cli/commands/validate.js';
import { main } from '../../src/cli/main.js';
import { ExitError } from '../../src/cli/errors.js';
import { captureIo } from './capture.js';

const indicator = (n: number, validFrom: string) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${String(n).padStart(8, '0')}-4444-4444-8444-444444444444`,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  name: `indicator ${n}`,
  description: 'a test indicator',
  pattern: "[ipv4-addr:value = '198.51.100.7']",
  pattern_type: 'stix',
  valid_from: validFrom,
});

async function largeBundle(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'setu-val-'));
  const file = join(dir, 'large.json');
  const objects = Array.from({ length: 40 }, (_, n) => indicator(n, n < 30 ? 'soon' : '2026-01-01T00:00:00Z'));
  await writeFile(file, JSON.stringify({ type: 'bundle', id: 'bundle--0b6a54b4-5c0e-4b6e-9f0a-6a4f2a3d2e11', objects }));
  return file;
}

const findingLines = (text: string) => text.split('\n').filter((line) => /indicator--\d{8}/.test(line));

test('many findings are summarised by code: count, first examples, and how to see all', async () => {
  const file = await largeBundle();
  const io = captureIo();
  await assert.rejects(validateFiles({ files: [file], strict: false, json: false }, io), (e) => e instanceof ExitError && e.exitCode === 1);
  const text = io.stdout();
  assert.match(text, /INVALID \(30 error\(s\), 0 warning\(s\)\)/);
  const [summary] = text.split('\n').filter((line) => /^\s+30 × error/.test(line));
  assert.ok(summary, text);
  const code = /× error\s+(\S+)/.exec(summary)?.[1];
  assert.ok(code);
  assert.equal(findingLines(text).length, 3, 'the first three examples of the code, not all 30');
  assert.match(findingLines(text)[0] ?? '', /indicator--00000000-4444.* \$\.objects\[0\]\.valid_from/);
  assert.match(text, /--all/);
  assert.ok(text.split('\n').length < 12, text);
});

test('--all prints every finding', async () => {
  const file = await largeBundle();
  const io = captureIo();
  assert.equal(await main(['node', 'setu', 'validate', '--all', file], io), 1);
  assert.equal(findingLines(io.stdout()).length, 30);
  assert.doesNotMatch(io.stdout(), /×/);
});

test('--json always carries every finding, and the summary by code', async () => {
  const file = await largeBundle();
  const io = captureIo();
  assert.equal(await main(['node', 'setu', 'validate', '--json', file], io), 1);
  const printed = JSON.parse(io.stdout()) as { files: { errors: unknown[]; summary: { code: string; severity: string; count: number; examples: unknown[] }[] }[] };
  assert.equal(printed.files[0]?.errors.length, 30);
  assert.equal(printed.files[0]?.summary.length, 1);
  assert.deepEqual([printed.files[0]?.summary[0]?.severity, printed.files[0]?.summary[0]?.count, printed.files[0]?.summary[0]?.examples.length], ['error', 30, 3]);
});
