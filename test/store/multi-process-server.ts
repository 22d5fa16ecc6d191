// Child process of the multi-process test (not a test file): serves the node in argv[2] against
// the PostgreSQL store named by SETU_DATABASE_URL on an ephemeral port, prints "ready <apiRootUrl>",
// and one "added <id> <id> …" line for every batch that reaches its in-process 'added' bus.
import { startServer } from '../../src/cli/commands/serve.js';

const server = await startServer(
  { data: process.argv[2]!, host: '127.0.0.1', port: 0, allowPlainHttp: false, logLevel: process.env['SETU_TEST_LOG'] ?? 'silent' },
  { out: () => {}, err: (text) => process.stderr.write(text), interactive: false, clock: Date.now },
);
server.app.events.on('added', (records: readonly { id: string }[]) => {
  process.stdout.write(`added ${records.map((r) => r.id).join(' ')}\n`);
});
process.stdout.write(`ready ${server.apiRootUrl}\n`);
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
