// Search: ingest with the search indexes (objects/s and per CPU-second, and the share of that CPU
// spent computing the index rows), then searches through node/searchFor as an organisation (the
// reader predicate in the SQL) with 8 concurrent clients: exact values (IPv4 with its 33 CIDR
// keys, domains with parents), full-text words, Japanese and Hindi words. SQLite always; the same
// on PostgreSQL in the same run when SETU_TEST_PG (or SETU_DATABASE_URL) names a server. Fixed
// seed (bench/lib/stix-objects.ts), data removed at the end. Ingest without the indexes, for the
// >= 80% target, is measured by bench/store-ingest.ts before and after migration 11 (docs/search.md).
// Run: node --import tsx bench/search.ts [--objects 200000] [--queries 2000] [--quick]
import { join } from 'node:path';
import pg from 'pg';
import { performance } from 'node:perf_hooks';
import { indexTermsOf, wordsOf } from '../src/search/index.js';
import { searchFor, type Searcher } from '../src/node/index.js';
import { openPostgresStore, openSqliteStore, type Store } from '../src/store/index.js';
import { parseArgs } from './lib/args.js';
import { atMost, fmt, latencyText, line, summarise } from './lib/report.js';
import { createStixGenerator } from './lib/stix-objects.js';
import { withTempDir } from './lib/temp-dir.js';

const SEED = 20261206;
const args = parseArgs();
const OBJECTS = args.size('objects', 200_000, 1_000);
const QUERIES = args.size('queries', 2_000, 100);
const CLIENTS = 8;
const BATCH = 1_000;
const COLLECTION = '5eac4b8a-0b0e-4f3c-9d55-6c1f0b8d2a10';
const ORG = 'bench-org';
const JA = ['ランサムウェア攻撃の報告', '東京電力の攻撃', '標的型メールによる侵入'];
const HI = ['साइबर हमला की रिपोर्ट', 'नमस्ते दुनिया', 'फ़िशिंग अभियान'];

/** The corpus: generated objects, every 50th a report in Japanese or Hindi. */
function corpus(): { id: string; type: string; version: string | null; json: string }[] {
  const generator = createStixGenerator(SEED);
  return Array.from({ length: OBJECTS }, (_, n) => {
    if (n % 50 !== 49) return generator.next();
    const id = `report--${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;
    const text = n % 100 === 99 ? JA : HI;
    const json = JSON.stringify({ type: 'report', spec_version: '2.1', id, created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z', name: text[n % 3], description: text[(n + 1) % 3], published: '2024-01-01T00:00:00Z', object_refs: [id] });
    return { id, type: 'report', version: '2024-01-01T00:00:00.000Z', json };
  });
}

async function ingest(store: Store, objects: ReturnType<typeof corpus>): Promise<void> {
  await store.createOrganisation({ id: ORG, name: 'bench', country: null, createdAt: '2024-01-01T00:00:00.000Z' });
  await store.createCollection({ id: COLLECTION, title: 'bench', description: null, alias: null, readOrgs: [ORG], writeOrgs: [ORG], mediaTypes: [], createdAt: '2024-01-01T00:00:00.000Z' });
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < objects.length; i += BATCH) {
    const accepted = objects.slice(i, i + BATCH).map((o) => ({ id: o.id, type: o.type, specVersion: '2.1', version: o.version, json: o.json }));
    await store.addObjects({ collectionId: COLLECTION, statusId: `s${i}`, requestTimestamp: '2024-01-01T00:00:00.000000Z', accepted, rejected: [] });
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  line(`${store.kind} ingest`, `${fmt(objects.length)} objects with the search indexes: ${fmt(objects.length / seconds)} objects/s wall, ${fmt(objects.length / cpuSeconds)} per CPU-second of this process`);
}

/** Queries of each kind, taken from the corpus (values it holds, words it contains). */
function queries(objects: ReturnType<typeof corpus>): Record<string, string[]> {
  const ips: string[] = [];
  const domains: string[] = [];
  const words: string[] = [];
  for (const o of objects.slice(0, 20_000)) {
    const entries = indexTermsOf(JSON.parse(o.json));
    for (const t of entries.terms) {
      if (t.kind === 'ipv4') ips.push(t.value);
      if (t.kind === 'domain') domains.push(`mail.${t.value}`);
    }
    for (const f of entries.text) for (const w of wordsOf(f.text)) if (/^[a-z]{6,}$/.test(w)) words.push(w);
  }
  const pick = (list: readonly string[]) => Array.from({ length: QUERIES }, (_, i) => list[(i * 7919) % list.length]!);
  return {
    'value ipv4': pick(ips),
    'value domain': pick(domains),
    'words': pick(words),
    'japanese word': pick(['攻撃', '東京電力', 'ランサムウェア', '侵入']),
    'hindi word': pick(['हमला', 'नमस्ते', 'रिपोर्ट', 'अभियान']),
  };
}

async function measure(store: Store, kind: string, list: readonly string[]): Promise<void> {
  const searcher: Searcher = { tokenId: 'bench', orgId: ORG, role: 'reader', communities: [] };
  const samples: number[] = [];
  let found = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    for (let i = next++; i < list.length; i = next++) {
      const t = performance.now();
      const answer = await searchFor({ store }, searcher, { q: list[i]!, limit: 20 });
      samples.push(performance.now() - t);
      if (answer.results.length > 0) found += 1;
    }
  }));
  const summary = summarise(samples);
  const target = kind.startsWith('value') ? 20 : 50;
  line(`${store.kind} ${kind}`, `${fmt(list.length / ((performance.now() - started) / 1000))} searches/s, ${latencyText(summary)} ${atMost(summary.p99, target, 'ms p99')}; ${fmt((100 * found) / list.length, 0)}% found something`);
}

async function run(store: Store, objects: ReturnType<typeof corpus>, asked: Record<string, string[]>, analyse?: () => Promise<void>): Promise<void> {
  try {
    await ingest(store, objects);
    // PostgreSQL plans by statistics: gather them now, as autovacuum would on a running node.
    await analyse?.();
    for (const [kind, list] of Object.entries(asked)) await measure(store, kind, list);
  } finally {
    await store.close();
  }
}

const objects = corpus();
// The share of ingest CPU that computing the index rows takes (pure, no store).
const rowsCpu = process.cpuUsage();
for (const o of objects) {
  const entries = indexTermsOf(JSON.parse(o.json));
  for (const f of entries.text) wordsOf(f.text);
}
const rowsUsed = process.cpuUsage(rowsCpu);
line('index rows (pure)', `${fmt(objects.length / ((rowsUsed.user + rowsUsed.system) / 1e6))} objects per CPU-second: terms and words of ${fmt(objects.length)} objects`);
const asked = queries(objects);
await withTempDir('search', async (dir) => run(await openSqliteStore({ path: join(dir, 'search.db') }), objects, asked));
const url = process.env['SETU_TEST_PG'] ?? process.env['SETU_DATABASE_URL'];
if (url === undefined) line('postgres', 'skipped: set SETU_TEST_PG=postgres://... to measure PostgreSQL in the same run');
else {
  const schema = `bench_search_${process.pid}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await run(await openPostgresStore({ url, schema }), objects, asked, async () => {
      for (const table of ['objects', 'search_terms', 'search_text']) await admin.query(`ANALYZE ${schema}.${table}`);
    });
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}
