// What the outbound gate costs a direct reader outside the node's jurisdiction, next to a reader
// inside, on one collection (in-process, inject(), SQLite in memory): a walk of every version with
// `next` (limit 100) by an Indian reader (stored bytes, no gate), then twice by a Japanese reader
// (first walk: the gate decides every version and records its verdicts; second walk: verdicts
// reused, the gate runs only on the pages served). 1 object in 20 is a note carrying personal data.
// Fixed seed; prints figures and ratios, asserts nothing.
// Usage: node --import tsx bench/foreign-read.ts [--quick] [--objects 20000]
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Fastify, { type FastifyInstance } from 'fastify';
import { BUILT_IN_PROFILES, newToken } from '../src/access/index.js';
import { ingest } from '../src/ingest/index.js';
import { foreignReads } from '../src/node/index.js';
import { openSqliteStore } from '../src/store/index.js';
import { taxiiPlugin } from '../src/taxii/index.js';
import { parseArgs } from './lib/args.js';
import { fmt, line } from './lib/report.js';
import { createStixGenerator } from './lib/stix-objects.js';

const args = parseArgs();
const OBJECTS = args.size('objects', 20_000);
const BATCH = 1000;
const T = '2026-01-01T00:00:00.000Z';
const COLLECTION = '11111111-2222-4333-8444-555555555555';
const TAXII = 'application/taxii+json;version=2.1';

async function walk(app: FastifyInstance, token: string): Promise<{ ms: number; objects: number; requests: number; firstMs: number }> {
  const started = performance.now();
  let firstMs = 0;
  let objects = 0;
  let requests = 0;
  let next: string | undefined;
  for (;;) {
    const url = `/taxii2/setu/collections/${COLLECTION}/objects/?match[version]=all&limit=100${next === undefined ? '' : `&next=${encodeURIComponent(next)}`}`;
    const res = await app.inject({ method: 'GET', url, headers: { accept: TAXII, authorization: `Bearer ${token}` } });
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
    requests++;
    if (requests === 1) firstMs = performance.now() - started;
    const body = res.json() as { more: boolean; next?: string; objects?: unknown[] };
    objects += body.objects?.length ?? 0;
    if (!body.more) break;
    next = body.next;
  }
  return { ms: performance.now() - started, objects, requests, firstMs };
}

async function main(): Promise<void> {
  const clock = () => Date.parse('2026-03-01T00:00:00.000Z');
  const store = await openSqliteStore({ path: ':memory:', clock });
  await store.initNode({ nodeName: 'CERT-In Node', country: 'IN', createdAt: T });
  const tokens: Record<string, string> = {};
  for (const [id, country] of [['in-a', 'IN'], ['jp-a', 'JP']] as const) {
    await store.createOrganisation({ id, name: id, country, createdAt: T });
    const { secret, record } = newToken({ orgId: id, role: 'reader', label: id, now: T, newId: randomUUID, expiresAt: null });
    await store.createToken(record);
    tokens[id] = secret;
  }
  await store.createCollection({ id: COLLECTION, title: 'IN-JP', description: null, alias: null, readOrgs: ['in-a', 'jp-a'], writeOrgs: ['in-a'], mediaTypes: [], createdAt: T });
  const generator = createStixGenerator(20261206);
  let status = 0;
  for (let done = 0; done < OBJECTS; done += BATCH) {
    const raw: string[] = [];
    for (let i = 0; i < Math.min(BATCH, OBJECTS - done); i++) {
      const n = done + i;
      raw.push(
        n % 20 === 0
          ? JSON.stringify({ type: 'note', spec_version: '2.1', id: `note--${randomUUID()}`, created: T, modified: T, content: `Reported by user${n}@gmail.example, +91 98765 ${String(10000 + (n % 90000))}.`, object_refs: [`indicator--${randomUUID()}`] })
          : generator.next().json,
      );
    }
    await ingest({ store, collectionId: COLLECTION, rawObjects: raw, clock, newId: () => `status-${(status += 1)}`, events: { emit: () => true }, submitter: { orgId: 'in-a' } });
  }
  const app = Fastify({ logger: false });
  await app.register(taxiiPlugin, {
    store,
    clock,
    newId: randomUUID,
    events: { emit: () => true },
    title: 'bench',
    maxContentLength: 10_000_000,
    pageSize: { default: 100, max: 1000 },
    foreignReads: foreignReads({ store, profile: BUILT_IN_PROFILES['IN']!, pseudonymKey: new Uint8Array(32).fill(1), country: 'IN', clock, newId: randomUUID }),
  });
  await app.ready();
  const stored = await store.countObjects(COLLECTION);
  line('collection', `${fmt(stored)} versions, ${fmt(Math.ceil(OBJECTS / 20))} notes with personal data`);
  const inside = await walk(app, tokens['in-a']!);
  const cold = await walk(app, tokens['jp-a']!);
  const warm = await walk(app, tokens['jp-a']!);
  const show = (label: string, r: typeof inside) =>
    line(label, `${fmt(r.ms)} ms for ${fmt(r.requests)} pages (${fmt(r.objects)} objects), ${fmt(r.ms / r.requests, 2)} ms per page; first page ${fmt(r.firstMs, 1)} ms`);
  show('inside (IN)', inside);
  show('outside, first walk', cold);
  show('outside, again', warm);
  line('ratio', `outside/inside per page: first walk ${fmt(cold.ms / cold.requests / (inside.ms / inside.requests), 1)}x, again ${fmt(warm.ms / warm.requests / (inside.ms / inside.requests), 1)}x`);
  await app.close();
  await store.close();
}

await main();
