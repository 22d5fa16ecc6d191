// Child process of the sync benchmarks: serves a node (real `setu serve` start-up, default sync
// tuning unless argv[3] gives JSON) on 127.0.0.1:0 and reports on stdout: "ready <baseUrl>" once
// listening, then "added <count> [<id> ...]" for each batch on its 'added' bus (ids only for
// batches of at most 10), so the benchmark sees arrivals as they commit.
import { startServer, untilShutdown } from '../src/cli/commands/serve.js';
import { processIo } from '../src/cli/io.js';

const data = process.argv[2];
if (data === undefined) throw new Error('usage: sync-node-child.ts DATA_DIR [TUNING_JSON]');
const server = await startServer(
  { data, host: '127.0.0.1', port: 0, allowPlainHttp: false, logLevel: 'warn', syncTuning: JSON.parse(process.argv[3] ?? '{}') as object },
  processIo(),
);
server.app.events.on('added', (records: readonly { id: string }[]) => {
  process.stdout.write(`added ${records.length}${records.length <= 10 ? ` ${records.map((r) => r.id).join(' ')}` : ''}\n`);
});
process.stdout.write(`ready ${server.baseUrl}\n`);
await untilShutdown();
await server.close();
process.exit(0);
