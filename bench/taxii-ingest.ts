// TAXII ingest benchmark: POST envelopes of mixed, realistic STIX 2.1 objects to Add Objects on a
// server running in its own process (SQLite, WAL, synchronous=FULL), and count what the status
// resources report as succeeded (validated and committed). Target: >= 30,000 objects/s.
// Fixed seed; data in a temp dir removed at the end; 127.0.0.1 only; prints figures, asserts nothing.
// Usage: node --import tsx bench/taxii-ingest.ts [--quick] [--objects 200000] [--bundle 1000]
//        [--concurrency 4] [--max-seconds 300] [--log-level info] [--profile DIR]
import { join } from 'node:path';
import { parseArgs } from './lib/args.js';
import { createTaxiiClient, ownCpuSeconds, runWorkers } from './lib/http-load.js';
import { createBenchNode } from './lib/node-setup.js';
import { atLeast, fmt, latencyText, line, summarise } from './lib/report.js';
import { startServerProcess } from './lib/server-process.js';
import { createStixGenerator } from './lib/stix-objects.js';
import { withTempDir } from './lib/temp-dir.js';

const TARGET_OBJECTS_PER_S = 30_000;

const args = parseArgs();
const OBJECTS = args.size('objects', 200_000);
const BUNDLE = args.int('bundle', 1_000, 1);
const CONCURRENCY = args.int('concurrency', 4);
const MAX_SECONDS = args.int('max-seconds', 300);
const LOG_LEVEL = args.text('log-level', 'info');
const PROFILE = args.text('profile', '');

await withTempDir('ingest', async (dir) => {
  const node = await createBenchNode(join(dir, 'node'));
  await node.store.close();

  // Every request body is built before the clock starts, so generation is not measured.
  const generator = createStixGenerator(0x5e7a);
  const bodies: Buffer[] = [];
  let bytes = 0;
  for (let done = 0; done < OBJECTS; done += BUNDLE) {
    const size = Math.min(BUNDLE, OBJECTS - done);
    const texts: string[] = [];
    for (let i = 0; i < size; i++) texts.push(generator.next().json);
    const body = Buffer.from(`{"objects":[${texts.join(',')}]}`, 'utf8');
    bytes += body.length;
    bodies.push(body);
  }

  const server = await startServerProcess({
    dataDir: node.dataDir,
    logLevel: LOG_LEVEL,
    logFile: join(dir, 'server.log'),
    nodeFlags: PROFILE === '' ? [] : ['--cpu-prof', '--cpu-prof-dir', PROFILE],
  });
  const client = createTaxiiClient(server.baseUrl, node.token, CONCURRENCY);
  const path = `${new URL(server.apiRootUrl).pathname}collections/${node.collectionId}/objects/`;
  try {
    console.log(
      `taxii-ingest: ${fmt(OBJECTS)} objects in ${fmt(bodies.length)} envelopes of ${fmt(BUNDLE)} (${fmt(bytes / 1024 / 1024, 1)} MiB, ` +
        `avg ${fmt(bytes / OBJECTS)} B/object), ${CONCURRENCY} POSTs in flight, server pid ${server.pid} log level ${LOG_LEVEL}`,
    );
    const before = server.memory();
    const serverCpu0 = server.cpuSeconds();
    const clientCpu0 = ownCpuSeconds();
    const latencies: number[] = [];
    let next = 0;
    let succeeded = 0;
    let failed = 0;
    let badStatus = 0;
    const deadline = Date.now() + MAX_SECONDS * 1000;
    const seconds = await runWorkers(CONCURRENCY, async () => {
      while (next < bodies.length && Date.now() < deadline) {
        const body = bodies[next++] as Buffer;
        const res = await client.post(path, body);
        latencies.push(res.ms);
        if (res.status !== 202) {
          badStatus++;
          continue;
        }
        const status = JSON.parse(res.body) as { success_count: number; failure_count: number };
        succeeded += status.success_count;
        failed += status.failure_count;
      }
    });
    const serverCpu = server.cpuSeconds() - serverCpu0;
    const clientCpu = ownCpuSeconds() - clientCpu0;
    const after = server.memory();
    const rate = succeeded / seconds;
    line('ingest', `${fmt(rate)} objects/s ${atLeast(rate, TARGET_OBJECTS_PER_S)}`);
    line('  committed', `${fmt(succeeded)} succeeded, ${fmt(failed)} failed, ${badStatus} non-202 answers, in ${fmt(seconds, 2)} s (${fmt(latencies.length)} POSTs)`);
    line('  POST latency', latencyText(summarise(latencies)));
    line('  CPU', `server ${fmt(serverCpu, 1)} s (${fmt((serverCpu / seconds) * 100)}% of one core), load generator ${fmt(clientCpu, 1)} s`);
    line('  server RSS', `${fmt(before.rssMiB)} MiB before, ${fmt(after.rssMiB)} MiB after, peak ${fmt(after.peakMiB)} MiB`);
  } finally {
    await client.close();
    await server.stop();
  }
});
