// How the command line answers a person: one-line usage errors with a hint, --version, JSON
// errors under --json, a clear error for a port in use, and a quiet end on a closed pipe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { run as init } from '../../src/cli/commands/init.js';
import * as collection from '../../src/cli/commands/collection.js';
import { run as importFiles } from '../../src/cli/commands/import.js';
import { captureIo } from './capture.js';

const argv = (...args: string[]) => ['node', 'setu', ...args];
const ROOT = new URL('../../', import.meta.url);

test('--version prints the package version and exits 0', async () => {
  const io = captureIo();
  assert.equal(await main(argv('--version'), io), 0);
  const manifest = JSON.parse(await readFile(new URL('package.json', ROOT), 'utf8')) as { version: string };
  assert.equal(io.stdout().trim(), manifest.version);
});

test('a usage error prints one error line and a hint naming the command, not the whole help', async () => {
  const io = captureIo();
  assert.equal(await main(argv('validate', '--no-such-flag', 'x.json'), io), 2);
  const lines = io.stderr().trimEnd().split('\n');
  assert.equal(lines.length, 2, io.stderr());
  assert.match(lines[0] ?? '', /^error: unknown option '--no-such-flag'/);
  assert.equal(lines[1], 'see: setu validate --help');
  assert.doesNotMatch(io.stderr(), /Usage:/);

  const nested = captureIo();
  assert.equal(await main(argv('token', 'create', '--org', 'x'), nested), 2);
  assert.match(nested.stderr(), /^error: required option '--role <role>' not specified\nsee: setu token create --help\n$/);

  const unknown = captureIo();
  assert.equal(await main(argv('frobnicate'), unknown), 2);
  assert.match(unknown.stderr(), /^error: unknown command 'frobnicate'\nsee: setu --help\n$/);
});

test('with --json a failure is one JSON document {"error": {code, message}} on stdout, with the same exit code', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-cli-'));
  const io = captureIo();
  assert.equal(await main(argv('org', 'list', '--data', dir, '--json'), io), 2);
  const printed = JSON.parse(io.stdout()) as { error: { code: string; message: string; exitCode: number; details: { dir: string } } };
  assert.equal(printed.error.code, 'SETU_ERR_NODE_NOT_INITIALISED');
  assert.match(printed.error.message, /setu init/);
  assert.equal(printed.error.exitCode, 2);
  assert.equal(io.stderr(), '', 'nothing else is printed');

  const usage = captureIo();
  assert.equal(await main(argv('validate', '--json', '--no-such-flag', 'x.json'), usage), 2);
  const usageError = JSON.parse(usage.stdout()) as { error: { code: string; message: string; hint: string } };
  assert.equal(usageError.error.code, 'SETU_ERR_CLI_USAGE');
  assert.match(usageError.error.message, /unknown option '--no-such-flag'/);
  assert.equal(usageError.error.hint, 'see: setu validate --help');
  assert.equal(usage.stderr(), '');

  const missing = captureIo();
  assert.equal(await main(argv('validate', '--json', join(dir, 'absent.json')), missing), 2);
  const missingError = JSON.parse(missing.stdout()) as { error: { code: string; message: string } };
  assert.equal(missingError.error.code, 'SETU_ERR_CLI_USAGE');
  assert.match(missingError.error.message, /cannot read .*absent\.json/);
});

test('a port in use is a configuration error (exit 2) naming host:port and how to choose another', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-cli-'));
  await init({ data: dir, nodeName: 'port node', country: 'IN', json: true }, captureIo());
  const blocker = createServer();
  blocker.listen(0, '127.0.0.1');
  await once(blocker, 'listening');
  const port = (blocker.address() as { port: number }).port;
  try {
    const io = captureIo();
    assert.equal(await main(argv('serve', '--data', dir, '--port', String(port), '--log-level', 'silent'), io), 2);
    assert.match(io.stderr(), new RegExp(`127\\.0\\.0\\.1:${port}`));
    assert.match(io.stderr(), /--port/);
    assert.match(io.stderr(), /SETU_PORT/);
    assert.match(io.stderr(), /SETU_ERR_SERVER_PORT_IN_USE/);
    assert.doesNotMatch(io.stderr(), /internal error|bug/);
  } finally {
    blocker.close();
  }
});

test('an address this machine does not have is a configuration error (exit 2) naming it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-cli-'));
  await init({ data: dir, nodeName: 'addr node', country: 'IN', json: true }, captureIo());
  const io = captureIo();
  // 192.0.2.1 is TEST-NET-1 (RFC 5737): never assigned to a local interface.
  assert.equal(await main(argv('serve', '--data', dir, '--host', '192.0.2.1', '--port', '0', '--allow-plain-http', '--log-level', 'silent'), io), 2);
  assert.match(io.stderr(), /192\.0\.2\.1/);
  assert.match(io.stderr(), /SETU_ERR_SERVER_LISTEN_FAILED/);
  assert.match(io.stderr(), /--host/);
});

test('`setu export | head` ends quietly when the reader closes the pipe early', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-cli-'));
  await init({ data: dir, nodeName: 'pipe node', country: 'IN', json: true }, captureIo());
  const c = await collection.create({ data: dir, title: 'big', read: [], write: ['pipe-node'], json: false }, captureIo());
  const objects = Array.from({ length: 3000 }, (_, n) => ({
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${String(n).padStart(8, '0')}-2222-4222-8222-222222222222`,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    name: `indicator ${n} ${'x'.repeat(200)}`,
    pattern: "[ipv4-addr:value = '198.51.100.7']",
    pattern_type: 'stix',
    valid_from: '2026-01-01T00:00:00Z',
  }));
  const file = join(dir, 'big.json');
  await writeFile(file, JSON.stringify({ type: 'bundle', id: 'bundle--0b6a54b4-5c0e-4b6e-9f0a-6a4f2a3d2e11', objects }));
  await importFiles({ data: dir, collection: c.id, files: [file], json: true }, captureIo());

  const child = spawn(process.execPath, ['--import', 'tsx', 'test/cli/run-cli.ts', 'export', '--data', dir, '--collection', c.id], {
    cwd: new URL('.', ROOT).pathname,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  // Read the first chunk, then close our end as `head -c` would.
  await once(child.stdout, 'data');
  child.stdout.destroy();
  const [code] = (await once(child, 'close')) as [number | null];
  assert.equal(stderr, '', 'nothing on stderr');
  assert.equal(code, 0);
});
