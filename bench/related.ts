// Related depth 1 (GET /api/v1/objects/{id}/related) with 8 concurrent clients over a file-backed
// SQLite store: malware families, indicators each indicating one family through a relationship,
// sightings of indicators, and reports listing a few objects, all GREEN in two collections the
// reader may read (SQLite file with WAL, then PostgreSQL when a URL is given). Each request goes through the JSON API in-process (inject: authentication,
// the reader lens, the reference index, serialisation), from an indicator or a family picked at
// random (fixed seed). Also: the same call straight to the pivot core, and the write throughput
// with the reference index. Target: related depth 1 p99 <= 20 ms at 1,000,000 objects. With
// SETU_TEST_PG=postgres://... the same runs on PostgreSQL after SQLite (a fresh schema, dropped after).
// Run: node --import tsx bench/related.ts [--quick] [--objects N] [--requests N] [--clients N]
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { DEFAULT_NODE_CONFIG, createOrganisation, issueToken } from '../src/node/index.js';
import { openLens, relatedGraph } from '../src/pivot/index.js';
import pg from 'pg';
import { openPostgresStore, openSqliteStore, type NewObjectVersion, type Store } from '../src/store/index.js';
import { parseArgs } from './lib/args.js';
import { runWorkers } from './lib/http-load.js';
import { atMost, fmt, latencyText, line, summarise } from './lib/report.js';
import { createRng } from './lib/rng.js';
import { withTempDir } from './lib/temp-dir.js';

const TARGET_MS = 20;
const args = parseArgs();
const objects = args.size('objects', 1_000_000, 2_000);
const requests = args.size('requests', 20_000, 400);
const clients = args.int('clients', 8);
const T = '2026-01-01T00:00:00.000Z';
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** One group of 10 objects: a family, 4 indicators and their relationships, a sighting (of indicator 0); every 10th group a report. */
function group(g: number): NewObjectVersion[] {
  const out: Record<string, unknown>[] = [];
  const base = g * 10;
  const family = `malware--${uuid(base)}`;
  out.push({ type: 'malware', id: family, name: `family ${g}`, is_family: true });
  for (let k = 0; k < 4; k += 1) {
    const indicator = `indicator--${uuid(base + 1 + k)}`;
    out.push({ type: 'indicator', id: indicator, name: `ind ${g}.${k}`, pattern: `[ipv4-addr:value = '10.${(g >> 8) & 255}.${g & 255}.${k}']`, pattern_type: 'stix', valid_from: T });
    out.push({ type: 'relationship', id: `relationship--${uuid(base + 5 + k)}`, relationship_type: 'indicates', source_ref: indicator, target_ref: family });
  }
  out.push(
    g % 10 === 0
      ? { type: 'report', id: `report--${uuid(base + 9)}`, name: `report ${g}`, published: T, object_refs: [family, `indicator--${uuid(base + 1)}`, `malware--${uuid(Math.max(0, base - 10))}`] }
      : { type: 'sighting', id: `sighting--${uuid(base + 9)}`, sighting_of_ref: `indicator--${uuid(base + 1)}`, count: 1 },
  );
  return out.map((o) => {
    const json = JSON.stringify({ spec_version: '2.1', created: T, modified: T, ...o });
    return { id: o['id'] as string, type: o['type'] as string, specVersion: '2.1', version: T, json, visibility: { tlp: 'green', ownerOrg: 'cert-a', recipients: [], hasGranular: false } };
  });
}

async function measure(store: Store, label: string): Promise<void> {
  const clock = Date.now;
  const info = { nodeName: 'bench', country: 'IN', createdAt: new Date().toISOString() };
  await store.initNode(info);
  await createOrganisation(store, { id: 'cert-a', name: 'CERT A', country: 'IN' }, clock);
  for (const id of ['feed-1', 'feed-2']) await store.createCollection({ id, title: id, description: null, alias: null, readOrgs: ['cert-a'], writeOrgs: ['cert-a'], mediaTypes: [], createdAt: T });
  const groups = Math.max(1, Math.floor(objects / 10));
  const loadStart = performance.now();
  for (let g = 0; g < groups; g += 100) {
    const batch: NewObjectVersion[] = [];
    for (let k = g; k < Math.min(groups, g + 100); k += 1) batch.push(...group(k));
    await store.addObjects({ collectionId: g % 200 === 0 ? 'feed-1' : 'feed-2', statusId: randomUUID(), requestTimestamp: T, accepted: batch, rejected: [] });
  }
  const loadSeconds = (performance.now() - loadStart) / 1000;
  console.log(`related (${label}): ${fmt(groups * 10)} objects in 2 collections, ${clients} clients, ${fmt(requests)} requests`);
  line('write with ref index', `${fmt((groups * 10) / loadSeconds)} objects/s (addObjects, batches of 1,000)`);
  const rng = createRng(20261206);
  const targets = Array.from({ length: requests }, () => {
    const g = rng.int(groups);
    return rng.int(2) === 0 ? `malware--${uuid(g * 10)}` : `indicator--${uuid(g * 10 + 1 + rng.int(4))}`;
  });

  const principal = { tokenId: 'bench', orgId: 'cert-a', role: 'reader' as const };
  const core = async (): Promise<number[]> => {
    const samples: number[] = [];
    let next = 0;
    await runWorkers(clients, async () => {
      for (let i = next++; i < targets.length; i = next++) {
        const start = performance.now();
        const graph = await relatedGraph(await openLens({ store }, principal), targets[i]!, 1);
        if (graph === undefined || graph.nodes.length < 2) throw new Error(`no graph for ${targets[i]!}`);
        samples.push(performance.now() - start);
      }
    });
    return samples;
  };
  await core(); // warm-up: statements prepared, pages cached
  const coreSamples = await core();
  const coreSummary = summarise(coreSamples);
  line('pivot core, depth 1', `${latencyText(coreSummary)} ${atMost(coreSummary.p99, TARGET_MS, 'ms')}`);

  const app = await buildApp({ store, config: DEFAULT_NODE_CONFIG, info, clock, newId: randomUUID, logger: false, version: 'bench' });
  const token = (await issueToken(store, { orgId: 'cert-a', role: 'reader' }, clock, randomUUID)).secret;
  const samples: number[] = [];
  let next = 0;
  const wall = await runWorkers(clients, async () => {
    for (let i = next++; i < targets.length; i = next++) {
      const start = performance.now();
      const res = await app.http.inject({ method: 'GET', url: `/api/v1/objects/${targets[i]!}/related?depth=1`, headers: { authorization: `Bearer ${token}` } });
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
      samples.push(performance.now() - start);
    }
  });
  const summary = summarise(samples);
  line('API related depth 1', `${latencyText(summary)} ${atMost(summary.p99, TARGET_MS, 'ms')}`);
  line('API throughput', `${fmt(requests / wall)} requests/s with ${clients} clients`);
  await app.http.close();
  await store.close();
}

await withTempDir('related', async (dir) => measure(await openSqliteStore({ path: join(dir, 'setu.db') }), 'SQLite file, WAL'));
const url = process.env['SETU_TEST_PG'] ?? process.env['SETU_DATABASE_URL'];
if (url === undefined) line('postgres', 'skipped: set SETU_TEST_PG=postgres://... to measure PostgreSQL in the same run');
else {
  const schema = `bench_related_${process.pid}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await measure(await openPostgresStore({ url, schema }), 'PostgreSQL');
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}
