// The server process of the HTTP benchmarks: the real `setu serve` start-up (startServer) on
// 127.0.0.1 and an ephemeral port. Prints one JSON line {baseUrl, apiRootUrl} on stdout when
// listening, serves until SIGTERM/SIGINT, then closes cleanly and exits (so --cpu-prof is written).
// Usage: node --import tsx bench/lib/serve-child.ts DATA_DIR [LOG_LEVEL]
import { startServer, untilShutdown } from '../../src/cli/commands/serve.js';
import { processIo } from '../../src/cli/io.js';

const data = process.argv[2];
if (data === undefined) throw new Error('usage: serve-child.ts DATA_DIR [LOG_LEVEL]');
const server = await startServer(
  { data, host: '127.0.0.1', port: 0, allowPlainHttp: false, logLevel: process.argv[3] ?? 'info' },
  processIo(),
);
process.stdout.write(`${JSON.stringify({ baseUrl: server.baseUrl, apiRootUrl: server.apiRootUrl })}\n`);
await untilShutdown();
await server.close();
process.exit(0);
