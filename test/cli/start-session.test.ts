// `npm start` (setu start) re-uses its session token across restarts instead of minting a new live
// one each time; a revoked or expired one is replaced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo, SESSION_TOKEN_FILE } from '../../src/cli/commands/start.js';
import * as token from '../../src/cli/commands/token.js';
import { captureIo } from './capture.js';

const serveOptions = (data: string) => ({ data, host: '127.0.0.1', port: 0, allowPlainHttp: false, logLevel: 'silent' });

async function startOnce(data: string, clock?: () => number): Promise<string> {
  const io = clock === undefined ? captureIo() : { ...captureIo(), clock };
  const started = await startDemo(serveOptions(data), io);
  await started.server.close();
  return started.token;
}

const liveSessions = async (data: string) =>
  (await token.list({ data, json: true }, captureIo())).filter((t) => t.label === 'npm start session' && t.state === 'active');

test('a second start re-uses the session token: one live session token, kept in a 0600 file', async () => {
  const data = join(await mkdtemp(join(tmpdir(), 'setu-start-')), 'setu-data');
  const first = await startOnce(data);
  const second = await startOnce(data);
  assert.equal(second, first);
  assert.equal((await liveSessions(data)).length, 1);
  assert.equal((await stat(join(data, SESSION_TOKEN_FILE))).mode & 0o777, 0o600);
});

test('a revoked or expired session token is replaced by a new one', async () => {
  const data = join(await mkdtemp(join(tmpdir(), 'setu-start-')), 'setu-data');
  const first = await startOnce(data);
  const [session] = await liveSessions(data);
  assert.ok(session);
  await token.revoke({ data, id: session.id, json: true }, captureIo());
  const second = await startOnce(data);
  assert.notEqual(second, first);
  assert.equal((await liveSessions(data)).length, 1);

  // Two days on, the one-day token has expired: a new one is minted.
  const later = Date.parse('2026-11-29T12:00:00.000Z');
  const third = await startOnce(data, () => later);
  assert.notEqual(third, second);
});

test('a session-token file other users may read is not trusted: its token is revoked and a new one kept', async () => {
  const data = join(await mkdtemp(join(tmpdir(), 'setu-start-')), 'setu-data');
  const first = await startOnce(data);
  await chmod(join(data, SESSION_TOKEN_FILE), 0o644);
  const second = await startOnce(data);
  assert.notEqual(second, first);
  const sessions = (await token.list({ data, json: true }, captureIo())).filter((t) => t.label === 'npm start session');
  assert.deepEqual(sessions.map((t) => t.state).sort(), ['active', 'revoked']);
  assert.equal((await stat(join(data, SESSION_TOKEN_FILE))).mode & 0o777, 0o600);
});
