// TAXII read benchmark on a collection of 1,000,000 stored object versions (mixed, realistic STIX
// 2.1, ~5% of them newer versions of an earlier id), served by a server in its own process:
//   - Get Objects pages (limit 100) walked with `next`, and walked with `added_after`
//     (targets: >= 1,500 requests/s, p99 <= 50 ms);
//   - `match[id]` lookups (target: p99 <= 5 ms), one at a time and with the same concurrency;
//   - the server's RSS with the collection stored (target: <= 300 MB), from /proc/<pid>/status.
// The collection is filled directly through the store (batches of 10,000, one transaction each) in
// the server's data directory before the server starts. To keep a fixed number of requests in
// flight, each walker covers one slice of the collection: it starts at the slice's first
// date_added (added_after) and walks to the slice's end.
// Fixed seeds; data in a temp dir removed at the end; 127.0.0.1 only; prints figures, asserts nothing.
// Usage: node --import tsx bench/taxii-read.ts [--quick] [--objects 1000000] [--concurrency 8]
//        [--lookups 20000] [--max-seconds 120] [--log-level info] [--profile DIR]
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { NewObjectVersion } from '../src/store/index.js';
import { parseArgs } from './lib/args.js';
import { createTaxiiClient, header, ownCpuSeconds, runWorkers, type TaxiiClient } from './lib/http-load.js';
import { createBenchNode } from './lib/node-setup.js';
import { atLeast, atMost, fmt, latencyText, line, summarise } from './lib/report.js';
import { createRng } from './lib/rng.js';
import { startServerProcess, type ServerProcess } from './lib/server-process.js';
import { createStixGenerator } from './lib/stix-objects.js';
import { withTempDir } from './lib/temp-dir.js';

const TARGET_RPS = 1_500;
const TARGET_PAGE_P99_MS = 50;
const TARGET_LOOKUP_P99_MS = 5;
const TARGET_RSS_MB = 300;

const args = parseArgs();
const OBJECTS = args.size('objects', 1_000_000);
const FILL_BATCH = args.int('fill-batch', 10_000);
const LIMIT = args.int('limit', 100);
const CONCURRENCY = args.int('concurrency', 8);
const LOOKUPS = args.size('lookups', 20_000);
const MAX_SECONDS = args.int('max-seconds', 120);
const LOG_LEVEL = args.text('log-level', 'info');
const PROFILE = args.text('profile', '');

interface Phase {
  readonly requests: number;
  readonly objects: number;
  readonly seconds: number;
  readonly latencies: number[];
  readonly errors: number;
  readonly serverCpu: number;
  readonly clientCpu: number;
}

async function measure(server: ServerProcess, work: (record: (ms: number, objects: number, ok: boolean) => void, deadline: number) => Promise<void>): Promise<Phase> {
  const latencies: number[] = [];
  let objects = 0;
  let errors = 0;
  const serverCpu0 = server.cpuSeconds();
  const clientCpu0 = ownCpuSeconds();
  const started = performance.now();
  await work(
    (ms, count, ok) => {
      latencies.push(ms);
      objects += count;
      if (!ok) errors++;
    },
    Date.now() + MAX_SECONDS * 1000,
  );
  const seconds = (performance.now() - started) / 1000;
  return { requests: latencies.length, objects, seconds, latencies, errors, serverCpu: server.cpuSeconds() - serverCpu0, clientCpu: ownCpuSeconds() - clientCpu0 };
}

function printPhase(label: string, phase: Phase, p99Target: number | undefined): void {
  const rps = phase.requests / phase.seconds;
  const lat = summarise(phase.latencies);
  line(label, `${fmt(rps)} requests/s ${atLeast(rps, TARGET_RPS)}; p99 ${fmt(lat.p99, 2)} ms ${p99Target === undefined ? '' : atMost(lat.p99, p99Target, 'ms')}`);
  line('', `${fmt(phase.requests)} requests, ${fmt(phase.objects)} objects, ${phase.errors} errors, ${fmt(phase.seconds, 2)} s; ${latencyText(lat)}`);
  line('', `CPU: server ${fmt(phase.serverCpu, 1)} s (${fmt((phase.serverCpu / phase.seconds) * 100)}% of one core), load generator ${fmt(phase.clientCpu, 1)} s`);
}

interface PageBody {
  readonly more: boolean;
  readonly next?: string;
  readonly objects?: readonly unknown[];
}

/** Walks one slice (start exclusive, end inclusive, as date_added) with `next` or with `added_after`. */
async function walkSlice(client: TaxiiClient, path: string, mode: 'next' | 'added_after', start: string | undefined, end: string, record: (ms: number, objects: number, ok: boolean) => void, deadline: number): Promise<void> {
  let cursor: string | undefined;
  let after = start;
  while (Date.now() < deadline) {
    let query = `limit=${LIMIT}`;
    if (after !== undefined) query += `&added_after=${encodeURIComponent(after)}`;
    if (cursor !== undefined) query += `&next=${encodeURIComponent(cursor)}`;
    const res = await client.get(`${path}?${query}`);
    if (res.status !== 200) {
      record(res.ms, 0, false);
      return;
    }
    const page = JSON.parse(res.body) as PageBody;
    record(res.ms, page.objects?.length ?? 0, true);
    const last = header(res, 'x-taxii-date-added-last');
    if (!page.more || last === undefined || last >= end) return;
    if (mode === 'next') cursor = page.next;
    else after = last;
  }
}

await withTempDir('read', async (dir) => {
  const node = await createBenchNode(join(dir, 'node'));
  const generator = createStixGenerator(0x1eed);
  const pick = createRng(0x10c4);
  const sampleIds: string[] = [];
  // sliceEnds[i]: date_added of the last row of slice i (slices of equal row counts).
  const sliceEnds: string[] = [];
  const sliceRows = Math.ceil(OBJECTS / CONCURRENCY);
  let rowsStored = 0;
  let lastDateAdded = '';
  const fillStarted = performance.now();
  for (let done = 0; done < OBJECTS; done += FILL_BATCH) {
    const size = Math.min(FILL_BATCH, OBJECTS - done);
    const accepted: NewObjectVersion[] = [];
    for (let i = 0; i < size; i++) {
      const o = generator.next();
      accepted.push({ id: o.id, type: o.type, specVersion: '2.1', version: o.version, json: o.json });
      const n = done + i;
      // Reservoir sample of ids to look up.
      if (sampleIds.length < LOOKUPS) sampleIds.push(o.id);
      else if (pick.int(n + 1) < LOOKUPS) sampleIds[pick.int(LOOKUPS)] = o.id;
    }
    const result = await node.store.addObjects({ collectionId: node.collectionId, statusId: `fill-${done}`, requestTimestamp: new Date().toISOString(), accepted, rejected: [] });
    // Rows are counted as stored: an SCO generated twice has the same deterministic id and is stored once.
    for (const record of result.added) {
      rowsStored++;
      if (rowsStored % sliceRows === 0) sliceEnds.push(record.dateAdded);
    }
    lastDateAdded = result.added[result.added.length - 1]?.dateAdded ?? lastDateAdded;
  }
  if (sliceEnds.length < CONCURRENCY) sliceEnds.push(lastDateAdded);
  const fillSeconds = (performance.now() - fillStarted) / 1000;
  const stored = await node.store.countObjects(node.collectionId);
  await node.store.close();
  const dbBytes = statSync(join(node.dataDir, 'setu.sqlite')).size;
  console.log(
    `taxii-read: ${fmt(stored)} object versions filled through the store in ${fmt(fillSeconds, 1)} s (${fmt(stored / fillSeconds)}/s, batches of ${fmt(FILL_BATCH)}); ` +
      `database ${fmt(dbBytes / 1024 / 1024)} MiB; page limit ${LIMIT}, ${CONCURRENCY} requests in flight, log level ${LOG_LEVEL}`,
  );

  const server = await startServerProcess({
    dataDir: node.dataDir,
    logLevel: LOG_LEVEL,
    logFile: join(dir, 'server.log'),
    nodeFlags: PROFILE === '' ? [] : ['--cpu-prof', '--cpu-prof-dir', PROFILE],
  });
  const client = createTaxiiClient(server.baseUrl, node.token, CONCURRENCY);
  const path = `${new URL(server.apiRootUrl).pathname}collections/${node.collectionId}/objects/`;
  try {
    const idle = server.memory();
    line('server RSS at start', `${fmt(idle.rssMiB)} MiB with ${fmt(stored)} stored ${atMost(idle.rssMiB * 1.048576, TARGET_RSS_MB, 'MB')}`);

    // Warm-up (not measured): the first pages of every slice and a few lookups.
    await runWorkers(CONCURRENCY, async (w) => {
      for (let i = 0; i < 20; i++) await client.get(`${path}?limit=${LIMIT}${w === 0 ? '' : `&added_after=${encodeURIComponent(sliceEnds[w - 1] as string)}`}`);
      for (let i = 0; i < 20; i++) await client.get(`${path}?match%5Bid%5D=${encodeURIComponent(sampleIds[(w * 20 + i) % sampleIds.length] as string)}`);
    });

    for (const mode of ['next', 'added_after'] as const) {
      const phase = await measure(server, (record, deadline) =>
        runWorkers(CONCURRENCY, (w) => walkSlice(client, path, mode, w === 0 ? undefined : sliceEnds[w - 1], sliceEnds[w] ?? '', record, deadline)).then(() => undefined),
      );
      printPhase(`pages by ${mode}`, phase, TARGET_PAGE_P99_MS);
    }

    for (const inFlight of [1, CONCURRENCY]) {
      const phase = await measure(server, async (record, deadline) => {
        let next = 0;
        await runWorkers(inFlight, async () => {
          while (next < sampleIds.length && Date.now() < deadline) {
            const id = sampleIds[next++] as string;
            const res = await client.get(`${path}?match%5Bid%5D=${encodeURIComponent(id)}`);
            const found = res.status === 200 ? ((JSON.parse(res.body) as PageBody).objects?.length ?? 0) : 0;
            record(res.ms, found, found === 1);
          }
        });
      });
      const lat = summarise(phase.latencies);
      line(`match[id], ${inFlight} in flight`, `p99 ${fmt(lat.p99, 2)} ms ${atMost(lat.p99, TARGET_LOOKUP_P99_MS, 'ms')}; ${fmt(phase.requests / phase.seconds)} requests/s`);
      line('', `${fmt(phase.requests)} lookups, ${phase.errors} not answered with exactly one object; ${latencyText(lat)}`);
      line('', `CPU: server ${fmt(phase.serverCpu, 1)} s (${fmt((phase.serverCpu / phase.seconds) * 100)}% of one core), load generator ${fmt(phase.clientCpu, 1)} s`);
    }

    const end = server.memory();
    line('server RSS after load', `${fmt(end.rssMiB)} MiB, peak ${fmt(end.peakMiB)} MiB ${atMost(end.peakMiB * 1.048576, TARGET_RSS_MB, 'MB')}`);
  } finally {
    await client.close();
    await server.stop();
  }
});
