// Federation catch-up: a sender node holding N objects (default 200,000; --quick 10,000) starts
// with a new push subscription to a receiver node; everything goes through the outbound path
// (onward rule, PII gate, provenance stamp), signed batches over TAXII 2.1 on 127.0.0.1, and is
// validated, classified and committed by the receiver. Timed from the sender listening to the
// receiver having committed all N. Target: >= 10,000 objects/s end to end.
// Usage: node --import tsx bench/sync-catchup.ts [--quick] [--objects N] [--batch 1000]
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openNode } from '../src/node/index.js';
import { parseArgs } from './lib/args.js';
import { atLeast, fmt, line } from './lib/report.js';
import { withTempDir } from './lib/temp-dir.js';
import { createPair, federate, objectGenerator, preload, startChild } from './sync-common.js';

const args = parseArgs();
const OBJECTS = args.size('objects', 200_000, 100);
const BATCH = args.int('batch', 1000);
const TIMEOUT_MS = Math.max(120_000, OBJECTS * 2);

await withTempDir('setu-sync-catchup-', async (root) => {
  const pair = await createPair(root);
  const sender = await openNode(pair.sender.dir, Date.now, { databaseUrl: undefined });
  const loadStart = performance.now();
  await preload(sender.store, pair.sender.collection, OBJECTS, objectGenerator(4242));
  await sender.store.close();
  line('preloaded', `${fmt(OBJECTS)} objects into the sender in ${fmt((performance.now() - loadStart) / 1000, 1)} s`);

  const receiver = await startChild(pair.receiver.dir);
  await federate(pair, receiver.baseUrl);
  let received = 0;
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  let firstAt: number | undefined;
  receiver.onAdded = (count, _ids, at) => {
    firstAt ??= at;
    received += count;
    if (received >= OBJECTS) done();
  };
  const senderChild = await startChild(pair.sender.dir, { batchSize: BATCH, ...(process.env['SETU_BENCH_TUNING'] ? JSON.parse(process.env['SETU_BENCH_TUNING']) : {}) });
  const start = performance.now();
  const timer = setTimeout(done, TIMEOUT_MS);
  await finished;
  clearTimeout(timer);
  const seconds = (performance.now() - start) / 1000;
  await senderChild.stop();
  await receiver.stop();
  const check = await openNode(pair.receiver.dir, Date.now, { databaseUrl: undefined });
  const stored = await check.store.countObjects(pair.receiver.collection);
  await check.store.close();
  line('machine', `${cpus().length} CPUs, ${cpus()[0]?.model ?? '?'}`);
  line('catch-up', `${fmt(received)} of ${fmt(OBJECTS)} objects committed on the receiver in ${fmt(seconds, 2)} s (batches of ${fmt(BATCH)})`);
  line('receiver holds', `${fmt(stored)} object versions (expected ${fmt(OBJECTS)}${stored === OBJECTS ? ', no duplicates or gaps' : ', MISMATCH'})`);
  const first = ((firstAt ?? performance.now()) - start) / 1000;
  line('first batch', `committed ${fmt(first, 2)} s after the sender listened (the outbound path first reads the whole backlog for its threat context)`);
  line('steady state', `${fmt((received - BATCH) / Math.max(0.001, seconds - first))} objects/s after the first batch`);
  line('throughput', `${fmt(received / seconds)} objects/s end to end ${atLeast(received / seconds, 10_000)}`);
});
