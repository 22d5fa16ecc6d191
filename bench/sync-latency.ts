// Federation live latency: with a sender node pushing to a receiver (default tuning: a push
// wakes 20 ms after the 'added' event), one new object at a time is posted to the sender over
// TAXII and timed until the receiver's 'added' event for it (validated, committed). 1,000 objects
// (--quick: 50), sequentially. Targets: p50 <= 200 ms, p99 <= 1 s.
// Usage: node --import tsx bench/sync-latency.ts [--quick] [--objects 1000]
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { parseArgs } from './lib/args.js';
import { atMost, fmt, latencyText, line, summarise } from './lib/report.js';
import { withTempDir } from './lib/temp-dir.js';
import { createPair, federate, objectGenerator, startChild } from './sync-common.js';

const args = parseArgs();
const OBJECTS = args.size('objects', 1000, 10);
const MEDIA = 'application/taxii+json;version=2.1';
const PER_OBJECT_TIMEOUT_MS = 10_000;

await withTempDir('setu-sync-latency-', async (root) => {
  const pair = await createPair(root);
  const receiver = await startChild(pair.receiver.dir);
  await federate(pair, receiver.baseUrl);
  const sender = await startChild(pair.sender.dir);
  const waiting = new Map<string, (at: number) => void>();
  receiver.onAdded = (_count, ids, at) => {
    for (const id of ids) waiting.get(id)?.(at);
  };
  const make = objectGenerator(777);
  const samples: number[] = [];
  let lost = 0;
  const url = `${sender.baseUrl}/taxii2/setu/collections/${pair.sender.collection}/objects/`;
  for (let n = 0; n < OBJECTS + 20; n++) {
    const object = make(n);
    const id = String(object['id']);
    const arrived = new Promise<number | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), PER_OBJECT_TIMEOUT_MS);
      waiting.set(id, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
    const start = performance.now();
    const response = await request(url, { method: 'POST', headers: { authorization: `Bearer ${pair.sender.writer}`, accept: MEDIA, 'content-type': MEDIA }, body: JSON.stringify({ objects: [object] }) });
    await response.body.text();
    const at = await arrived;
    waiting.delete(id);
    // The first 20 warm both processes up (JIT, connections) and are not counted.
    if (n < 20) continue;
    if (at === undefined) lost++;
    else samples.push(at - start);
  }
  await sender.stop();
  await receiver.stop();
  const summary = summarise(samples);
  line('objects', `${fmt(samples.length)} timed one at a time (${lost} not seen within ${PER_OBJECT_TIMEOUT_MS / 1000} s)`);
  line('latency', latencyText(summary));
  line('p50', `${fmt(summary.p50, 1)} ms ${atMost(summary.p50, 200, 'ms')}`);
  line('p99', `${fmt(summary.p99, 1)} ms ${atMost(summary.p99, 1000, 'ms')}`);
});
