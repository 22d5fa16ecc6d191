// Child process of the federation tests (not a test file): serves the node in argv[2] with the
// real `setu serve` start-up on 127.0.0.1:0 and the sync tuning in argv[3] (JSON), prints
// "ready <baseUrl>" once listening, and closes cleanly on SIGTERM (kill -9 is the crash case).
import { startServer } from '../../src/cli/commands/serve.js';

const tuning = JSON.parse(process.argv[3] ?? '{}') as Record<string, unknown>;
const port = Number(process.argv[4] ?? '0');
const server = await startServer(
  { data: process.argv[2]!, host: '127.0.0.1', port, allowPlainHttp: false, logLevel: process.env['SETU_TEST_LOG'] ?? 'silent', syncTuning: tuning },
  { out: () => {}, err: (text) => process.stderr.write(text), interactive: false, clock: Date.now },
);
process.stdout.write(`ready ${server.baseUrl}\n`);
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
