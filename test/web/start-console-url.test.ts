// `npm start` (setu start) prints the console's URL, and the node it starts answers the console there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo, welcome } from '../../src/cli/commands/start.js';
import { captureIo } from '../cli/capture.js';

test('setu start prints the web console URL before the token, and the console answers at it', async (t) => {
  const data = join(await mkdtemp(join(tmpdir(), 'setu-start-console-')), 'setu-data');
  const started = await startDemo({ data, host: '127.0.0.1', port: 0, allowPlainHttp: false, logLevel: 'silent' }, captureIo());
  t.after(() => started.server.close());
  const text = welcome(started, undefined);
  const line = text.split('\n').find((l) => l.startsWith('Web console: '));
  assert.equal(line?.split(' ')[2], `${started.server.baseUrl}/`);
  assert.ok(text.indexOf('Web console: ') < text.indexOf('Token ('), 'the console URL comes before the token');
  assert.ok(!line.includes(started.token), 'the token is never put in the console URL');
  // Built (200, the console) or not yet built (503 saying how): the console owns /, not a 404.
  const res = await started.server.app.http.inject({ method: 'GET', url: '/' });
  assert.ok(res.statusCode === 200 ? /<div id="root">/.test(res.body) : res.json().error_code === 'SETU_ERR_WEB_NOT_BUILT', `${res.statusCode} ${res.body.slice(0, 120)}`);
});
