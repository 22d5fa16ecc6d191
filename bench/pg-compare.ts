// PostgreSQL vs SQLite through TAXII, side by side in one run, with one and with two Setu server
// processes sharing the database (issue 6): ingest = envelopes of 1,000 mixed STIX 2.1 objects
// POSTed to Add Objects and counted as the status resources report them (validated, classified,
// committed); reads = Get Objects pages (limit 100) walked with `next` from positions spread over
// the collection. With two processes the load is split evenly between them and the figure is
// total work / wall time. Each configuration gets a fresh node: the bench node is created on
// SQLite and, for PostgreSQL, copied into a fresh schema (setu migrate's copy) and served with
// SETU_DATABASE_URL. PostgreSQL tables are ANALYZEd after the ingest (autovacuum would do it within
// a minute on a running node). Fixed seeds; temp dirs and schemas removed at the end; 127.0.0.1
// only; prints figures and ratios, asserts nothing.
// Usage: SETU_TEST_PG=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/pg-compare.ts
//        [--quick] [--objects 200000] [--bundle 1000] [--concurrency 4] [--pages 4000] [--log-level warn] [--only postgres]
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { copySqliteToPostgres } from '../src/store/index.js';
import { parseArgs } from './lib/args.js';
import { createTaxiiClient, header, runWorkers, type TaxiiClient } from './lib/http-load.js';
import { createBenchNode } from './lib/node-setup.js';
import { fmt, line, summarise } from './lib/report.js';
import { startServerProcess, type ServerProcess } from './lib/server-process.js';
import { createStixGenerator } from './lib/stix-objects.js';
import { withTempDir } from './lib/temp-dir.js';

const args = parseArgs();
const OBJECTS = args.size('objects', 200_000, 4_000);
const BUNDLE = args.int('bundle', 1_000, 1);
/** Requests in flight per server process. */
const CONCURRENCY = args.int('concurrency', 4);
const PAGES = args.size('pages', 4_000, 400);
const LOG_LEVEL = args.text('log-level', 'warn');
/** --only sqlite|postgres runs one store's two configurations (for profiling; the figures are side by side without it). */
const ONLY = args.text('only', '');
/** Pages each read walk covers before jumping to another start position. */
const WALK = 10;

type Kind = 'sqlite' | 'postgres';

interface Result {
  readonly name: string;
  readonly ingest: number;
  readonly ingestP99: number;
  readonly pages: number;
  readonly pageP99: number;
  readonly failures: number;
}

/** Envelopes built before any clock starts (the same objects for every configuration). */
function envelopes(): Buffer[] {
  const generator = createStixGenerator(0x5e7a);
  const bodies: Buffer[] = [];
  for (let done = 0; done < OBJECTS; done += BUNDLE) {
    const texts: string[] = [];
    for (let i = 0; i < Math.min(BUNDLE, OBJECTS - done); i++) texts.push(generator.next().json);
    bodies.push(Buffer.from(`{"objects":[${texts.join(',')}]}`, 'utf8'));
  }
  return bodies;
}

async function startServers(count: number, dataDir: string, logDir: string, databaseUrl: string | undefined): Promise<ServerProcess[]> {
  // The server children inherit this environment: SETU_DATABASE_URL selects the PostgreSQL store.
  if (databaseUrl === undefined) delete process.env['SETU_DATABASE_URL'];
  else process.env['SETU_DATABASE_URL'] = databaseUrl;
  try {
    return await Promise.all(
      Array.from({ length: count }, (_, i) => startServerProcess({ dataDir, logLevel: LOG_LEVEL, logFile: join(logDir, `server-${i}.log`) })),
    );
  } finally {
    delete process.env['SETU_DATABASE_URL'];
  }
}

async function ingest(clients: TaxiiClient[], path: string, bodies: Buffer[]): Promise<{ rate: number; p99: number; failures: number }> {
  let next = 0;
  let succeeded = 0;
  let failures = 0;
  const latencies: number[] = [];
  const seconds = await runWorkers(clients.length * CONCURRENCY, async (worker) => {
    const client = clients[worker % clients.length]!;
    while (next < bodies.length) {
      const res = await client.post(path, bodies[next++]!);
      latencies.push(res.ms);
      if (res.status !== 202) {
        failures += 1;
        continue;
      }
      const status = JSON.parse(res.body) as { success_count: number; failure_count: number };
      succeeded += status.success_count;
      failures += status.failure_count;
    }
  });
  return { rate: succeeded / seconds, p99: summarise(latencies).p99, failures };
}

/** `next` tokens of every page of the collection (walk start positions); not measured. */
async function startPositions(client: TaxiiClient, path: string): Promise<string[]> {
  const tokens: string[] = [];
  let query = 'limit=100';
  for (;;) {
    const res = await client.get(`${path}?${query}`);
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${res.body.slice(0, 300)}`);
    const page = JSON.parse(res.body) as { more?: boolean; next?: string };
    if (page.more !== true || page.next === undefined) return tokens;
    tokens.push(page.next);
    query = `limit=100&next=${encodeURIComponent(page.next)}`;
  }
}

async function read(clients: TaxiiClient[], path: string, starts: string[]): Promise<{ rate: number; p99: number; failures: number }> {
  let issued = 0;
  let failures = 0;
  const latencies: number[] = [];
  const seconds = await runWorkers(clients.length * CONCURRENCY, async (worker) => {
    const client = clients[worker % clients.length]!;
    for (let walk = 0; issued < PAGES; walk += 1) {
      let token: string | undefined = starts[(worker * 7919 + walk * 104_729) % starts.length];
      for (let step = 0; step < WALK && token !== undefined && issued < PAGES; step += 1) {
        issued += 1;
        const res = await client.get(`${path}?limit=100&next=${encodeURIComponent(token)}`);
        latencies.push(res.ms);
        if (res.status !== 200 || header(res, 'content-type') === undefined) {
          failures += 1;
          break;
        }
        const page = JSON.parse(res.body) as { more?: boolean; next?: string };
        token = page.more === true ? page.next : undefined;
      }
    }
  });
  return { rate: latencies.length / seconds, p99: summarise(latencies).p99, failures };
}

async function main(): Promise<void> {
  const url = process.env['SETU_TEST_PG'] ?? process.env['SETU_DATABASE_URL'];
  if (url === undefined || !/^postgres(ql)?:\/\/[^/]*(127\.0\.0\.1|localhost)[:/]/.test(url)) {
    throw new Error('set SETU_TEST_PG to a PostgreSQL on 127.0.0.1 (e.g. postgres://postgres@127.0.0.1:5432/test)');
  }
  const prefix = `setu_bench_${randomBytes(3).toString('hex')}`;
  const schemas: string[] = [];
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const bodies = envelopes();
  console.log(
    `pg-compare (TAXII): ${fmt(OBJECTS)} objects POSTed per configuration in envelopes of ${fmt(BUNDLE)}, ` +
      `${CONCURRENCY} requests in flight per process; then ${fmt(PAGES)} Get Objects pages of 100 (walks of ${WALK} via next)`,
  );
  const results: Result[] = [];
  try {
    await withTempDir('pg-compare', async (dir) => {
      let n = 0;
      for (const kind of (['sqlite', 'postgres'] as Kind[]).filter((k) => ONLY === '' || k === ONLY)) {
        for (const processes of [1, 2]) {
          n += 1;
          const node = await createBenchNode(join(dir, `node-${n}`));
          await node.store.close();
          let databaseUrl: string | undefined;
          if (kind === 'postgres') {
            const schema = `${prefix}_${n}`;
            schemas.push(schema);
            await copySqliteToPostgres({ sqlitePath: join(node.dataDir, 'setu.sqlite'), url, schema });
            databaseUrl = `${url}${url.includes('?') ? '&' : '?'}schema=${schema}`;
          }
          const servers = await startServers(processes, node.dataDir, dir, databaseUrl);
          const clients = servers.map((s) => createTaxiiClient(s.baseUrl, node.token, CONCURRENCY));
          const path = `${new URL(servers[0]!.apiRootUrl).pathname}collections/${node.collectionId}/objects/`;
          try {
            const put = await ingest(clients, path, bodies);
            if (kind === 'postgres') await admin.query(`ANALYZE ${prefix}_${n}.objects`);
            const starts = await startPositions(clients[0]!, path);
            const got = await read(clients, path, starts);
            const name = `${kind}, ${processes} process${processes === 1 ? '' : 'es'}`;
            results.push({ name, ingest: put.rate, ingestP99: put.p99, pages: got.rate, pageP99: got.p99, failures: put.failures + got.failures });
            line(name, `ingest ${fmt(put.rate)} objects/s (POST p99 ${fmt(put.p99)} ms)   pages ${fmt(got.rate)} pages/s (p99 ${fmt(got.p99, 1)} ms)   failures ${put.failures + got.failures}`);
          } finally {
            await Promise.all(clients.map((c) => c.close()));
            await Promise.all(servers.map((s) => s.stop()));
          }
        }
      }
    });
    const base = results[0]!;
    console.log('\nratio to SQLite (1 process):');
    for (const r of results) line(r.name, `ingest x${fmt(r.ingest / base.ingest, 2)}   pages x${fmt(r.pages / base.pages, 2)}`);
  } finally {
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

await main();
