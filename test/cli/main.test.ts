// The command table and its single exit point: every failure class maps to its exit code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { captureIo } from './capture.js';

const argv = (...args: string[]) => ['node', 'setu', ...args];

test('--help lists every command and exits 0', async () => {
  const io = captureIo();
  assert.equal(await main(argv('--help'), io), 0);
  for (const command of ['init', 'serve', 'start', 'org', 'token', 'collection', 'import', 'export', 'validate']) {
    assert.match(io.stdout(), new RegExp(`\\b${command}\\b`), command);
  }
});

test('every subcommand has its own --help', async () => {
  for (const command of [['init'], ['serve'], ['start'], ['org', 'create'], ['token', 'create'], ['collection', 'create'], ['import'], ['export'], ['validate']]) {
    const io = captureIo();
    assert.equal(await main(argv(...command, '--help'), io), 0, command.join(' '));
    assert.match(io.stdout(), /Usage: setu/);
  }
});

test('an unknown command or option is a usage error (exit 2)', async () => {
  assert.equal(await main(argv('frobnicate'), captureIo()), 2);
  assert.equal(await main(argv('validate', '--no-such-flag', 'x.json'), captureIo()), 2);
  assert.equal(await main(argv('token', 'create', '--org', 'x'), captureIo()), 2, 'missing --role');
});

test('a command on a directory without a node is a configuration error (exit 2) naming the fix', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-cli-'));
  const io = captureIo();
  assert.equal(await main(argv('org', 'list', '--data', dir), io), 2);
  assert.match(io.stderr(), /setu init/);
  assert.match(io.stderr(), /SETU_ERR_NODE_NOT_INITIALISED/);
});

test('SETU_DATA mirrors --data', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-cli-'));
  const previous = process.env['SETU_DATA'];
  process.env['SETU_DATA'] = dir;
  try {
    const io = captureIo();
    assert.equal(await main(argv('init', '--node-name', 'env-node', '--json'), io), 0);
    assert.equal(JSON.parse(io.stdout()).dataDir, dir);
  } finally {
    if (previous === undefined) delete process.env['SETU_DATA'];
    else process.env['SETU_DATA'] = previous;
  }
});

test('validate exits 1 on an invalid file and 2 on a missing one', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-cli-'));
  const bad = join(dir, 'bad.json');
  await writeFile(bad, JSON.stringify({ type: 'indicator', id: 'indicator--not-a-uuid' }));
  const io = captureIo();
  assert.equal(await main(argv('validate', bad), io), 1);
  assert.match(io.stdout(), /INVALID/);
  assert.equal(await main(argv('validate', join(dir, 'absent.json')), captureIo()), 2);
});
