// Store benchmark: ingest throughput (batches of 1,000 through addObjects, one transaction each,
// synchronous=FULL) and page throughput (limit 100, walking afterSeq over the whole collection).
// Fixed seed, data under a temp dir removed at the end, no assertions: it prints figures and the
// ratio to the targets (ingest >= 30,000 objects/s, >= 1,500 pages/s at 1M objects).
// Usage: node --import tsx bench/store-ingest.ts [--objects 200000] [--rows 1000000] [--batch 1000] [--limit 100]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSqliteStore } from '../src/store/index.js';
import type { NewObjectVersion, Store } from '../src/store/index.js';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const OBJECTS = flag('objects', 200_000);
const ROWS = Math.max(flag('rows', 1_000_000), OBJECTS);
const BATCH = flag('batch', 1_000);
const LIMIT = flag('limit', 100);
const COLLECTION = '91a7b528-80eb-42ed-a74d-c6fbd5a26116';

// mulberry32: a small seeded PRNG so every run ingests the same data.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20250101);
const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;

const TYPES = ['indicator', 'malware', 'attack-pattern', 'ipv4-addr', 'relationship'] as const;
const recent: string[] = []; // ids that may get a newer version (about 10% of objects)

function nextObject(n: number): NewObjectVersion {
  const revise = recent.length > 0 && random() < 0.1;
  const type = TYPES[n % TYPES.length]!;
  const id = revise ? recent[Math.floor(random() * recent.length)]! : `${type}--${uuid()}`;
  const objectType = id.slice(0, id.indexOf('--'));
  if (!revise && recent.length < 10_000) recent.push(id);
  const unversioned = objectType === 'ipv4-addr';
  const modified = new Date(Date.UTC(2024, 0, 1) + n * 1000).toISOString();
  const body: Record<string, unknown> = unversioned
    ? { type: objectType, spec_version: '2.1', id, value: `10.${n % 256}.${(n >> 8) % 256}.${(n >> 16) % 256}` }
    : {
        type: objectType,
        spec_version: '2.1',
        id,
        created: '2024-01-01T00:00:00.000Z',
        modified,
        name: `bench object ${n}`,
        description: 'A synthetic object of realistic size for the store benchmark. '.repeat(4),
        pattern: `[ipv4-addr:value = '198.51.100.${n % 256}']`,
        pattern_type: 'stix',
        valid_from: '2024-01-01T00:00:00.000Z',
        object_marking_refs: ['marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da'],
      };
  return { id, type: objectType, specVersion: '2.1', version: unversioned ? null : modified, json: JSON.stringify(body) };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** CPU seconds (user + system) of this process since `since`: robust when the host is shared. */
function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

async function ingest(store: Store, count: number, from: number): Promise<{ seconds: number; storeSeconds: number; cpu: number; batchMs: number[] }> {
  const batchMs: number[] = [];
  const started = performance.now();
  let storeCpu = 0;
  for (let done = 0; done < count; done += BATCH) {
    const size = Math.min(BATCH, count - done);
    const accepted = Array.from({ length: size }, (_, i) => nextObject(from + done + i));
    const t = performance.now();
    const cpu = process.cpuUsage();
    await store.addObjects({ collectionId: COLLECTION, statusId: `bench-${from + done}`, requestTimestamp: new Date().toISOString(), accepted, rejected: [] });
    storeCpu += cpuSeconds(cpu);
    batchMs.push(performance.now() - t);
  }
  const storeSeconds = batchMs.reduce((a, b) => a + b, 0) / 1000;
  return { seconds: (performance.now() - started) / 1000, storeSeconds, cpu: storeCpu, batchMs };
}

async function walk(store: Store, withJson: boolean, maxPages: number): Promise<{ pages: number; rows: number; seconds: number; cpu: number; pageMs: number[] }> {
  const pageMs: number[] = [];
  const cpu = process.cpuUsage();
  let afterSeq = 0;
  let rows = 0;
  const started = performance.now();
  for (;;) {
    const t = performance.now();
    const page = await store.queryObjects({ collectionId: COLLECTION, afterSeq, limit: LIMIT, withJson });
    pageMs.push(performance.now() - t);
    rows += page.records.length;
    if (!page.more || pageMs.length >= maxPages) break;
    afterSeq = page.records[page.records.length - 1]!.seq;
  }
  return { pages: pageMs.length, rows, seconds: (performance.now() - started) / 1000, cpu: cpuSeconds(cpu), pageMs };
}

const dir = mkdtempSync(join(tmpdir(), 'setu-bench-store-'));
try {
  const path = join(dir, 'bench.db');
  const store = await openSqliteStore({ path });
  await store.createCollection({ id: COLLECTION, title: 'bench', description: null, alias: null, readOrgs: [], writeOrgs: [], mediaTypes: [], createdAt: new Date().toISOString() });
  console.log(`host: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (figures are wall clock; CPU-second figures resist a busy host)`);
  console.log(`store bench: sqlite WAL synchronous=FULL, batch ${fmt(BATCH)}, page limit ${LIMIT}, data in ${dir}`);

  const measured = await ingest(store, OBJECTS, 0);
  const sortedBatch = [...measured.batchMs].sort((a, b) => a - b);
  const ingestRate = OBJECTS / measured.storeSeconds;
  console.log(
    `ingest   ${fmt(OBJECTS)} objects in ${fmt(measured.storeSeconds, 2)} s inside addObjects = ${fmt(ingestRate)} objects/s ` +
      `(batch p50 ${fmt(percentile(sortedBatch, 50), 1)} ms, p99 ${fmt(percentile(sortedBatch, 99), 1)} ms); target 30,000 -> x${fmt(ingestRate / 30_000, 2)}`,
  );
  console.log(
    `         wall incl. generating objects ${fmt(measured.seconds, 2)} s; CPU inside addObjects ${fmt(measured.cpu, 2)} s = ${fmt(OBJECTS / measured.cpu)} objects per CPU-second`,
  );
  if (ROWS > OBJECTS) {
    const fill = await ingest(store, ROWS - OBJECTS, OBJECTS);
    console.log(`fill     ${fmt(ROWS - OBJECTS)} more objects at ${fmt((ROWS - OBJECTS) / fill.storeSeconds)} objects/s, ${fmt((ROWS - OBJECTS) / fill.cpu)} per CPU-second (collection now ${fmt(await store.countObjects(COLLECTION))} versions)`);
  }
  const bytes = statSync(path).size;
  console.log(`size     ${fmt(bytes / 1024 / 1024, 1)} MiB main file (+ WAL)`);

  for (const withJson of [true, false]) {
    const result = await walk(store, withJson, Math.ceil(ROWS / LIMIT) + 1);
    const sorted = [...result.pageMs].sort((a, b) => a - b);
    const rate = result.pages / result.seconds;
    console.log(
      `${withJson ? 'objects ' : 'manifest'} ${fmt(result.pages)} pages / ${fmt(result.rows)} rows in ${fmt(result.seconds, 2)} s = ${fmt(rate)} pages/s ` +
        `(p50 ${fmt(percentile(sorted, 50), 3)} ms, p99 ${fmt(percentile(sorted, 99), 3)} ms); target 1,500 -> x${fmt(rate / 1_500, 2)}; ` +
        `${fmt(result.pages / result.cpu)} pages per CPU-second`,
    );
  }
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
