// PostgreSQL vs SQLite, side by side in one run: store ingest (bundles of 1,000 through
// addObjects, one transaction each) and page reads (limit 100, walking `next` cursors), with one
// and with two Setu processes sharing the database. Each process is a child of this script, so
// two processes really are two event loops and two connection pools; they start together on a
// barrier and the figure is total work / wall time of the slowest. Fixed seeds; SQLite data in a
// temp dir, PostgreSQL data in a fresh schema; both removed at the end. Figures only, no asserts.
// Usage: SETU_TEST_PG=postgres://… node --import tsx bench/pg-compare.ts [--quick] [--objects 200000] [--pages 3000]
// (This measures at the Store; the TAXII POST path on PostgreSQL needs the trust-model store methods.)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { openPostgresStore, openSqliteStore, type Store } from '../src/store/index.js';
import { parseArgs } from './lib/args.js';
import { fmt, line } from './lib/report.js';
import { createStixGenerator } from './lib/stix-objects.js';
import { withTempDir } from './lib/temp-dir.js';

const COLLECTION = 'bench';
const SELF = fileURLToPath(import.meta.url);

type Kind = 'sqlite' | 'postgres';

async function open(kind: Kind, target: string, pool = 4): Promise<Store> {
  return kind === 'sqlite' ? openSqliteStore({ path: target }) : openPostgresStore({ url: target, maxConnections: pool });
}

/** Child mode: waits for "go" on stdin, does its share, prints one JSON line. */
async function child(argv: string[]): Promise<void> {
  const get = (name: string) => argv[argv.indexOf(`--${name}`) + 1]!;
  const store = await open(get('kind') as Kind, get('target'));
  const work = get('child');
  const worker = Number(get('worker'));
  const count = Number(get('count'));
  const gen = createStixGenerator(1000 + worker);
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => {
    const rl = createInterface({ input: process.stdin });
    rl.once('line', () => {
      rl.close();
      resolve();
    });
  });
  const started = performance.now();
  let done = 0;
  if (work === 'ingest') {
    for (let n = 0; done < count; n += 1) {
      const accepted = Array.from({ length: Math.min(1000, count - done) }, () => {
        const o = gen.next();
        return { id: o.id, type: o.type, specVersion: '2.1', version: o.version, json: o.json };
      });
      await store.addObjects({ collectionId: COLLECTION, statusId: `w${worker}-${n}`, requestTimestamp: '2026-01-01T00:00:00.000000Z', accepted, rejected: [] });
      done += accepted.length;
    }
  } else {
    const total = Number(get('rows'));
    let afterSeq = Math.floor(((worker * 7919) % 97) / 97 * total);
    for (; done < count; done += 1) {
      const page = await store.queryObjects({ collectionId: COLLECTION, afterSeq, limit: 100, withJson: true });
      afterSeq = page.more ? page.records.at(-1)!.seq : 0;
    }
  }
  process.stdout.write(`${JSON.stringify({ done, seconds: (performance.now() - started) / 1000 })}\n`);
  await store.close();
}

/** Runs `processes` children on one barrier; returns total units per second of wall time. */
async function together(processes: number, args: (worker: number) => string[]): Promise<number> {
  const kids = Array.from({ length: processes }, (_, worker) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', SELF, ...args(worker)], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines: string[] = [];
    const ready = new Promise<void>((resolve) => createInterface({ input: proc.stdout! }).on('line', (l) => (l === 'ready' ? resolve() : lines.push(l))));
    const exited = new Promise<void>((resolve, reject) => proc.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`child exited ${code}`)))));
    return { proc, lines, ready, exited };
  });
  await Promise.all(kids.map((k) => k.ready));
  for (const k of kids) k.proc.stdin!.end('go\n');
  await Promise.all(kids.map((k) => k.exited));
  const results = kids.map((k) => JSON.parse(k.lines.at(-1)!) as { done: number; seconds: number });
  return results.reduce((sum, r) => sum + r.done, 0) / Math.max(...results.map((r) => r.seconds));
}

async function main(): Promise<void> {
  const args = parseArgs();
  const objects = args.size('objects', 200_000, 2_000);
  const pages = args.size('pages', 3_000, 100);
  const url = process.env['SETU_TEST_PG'] ?? process.env['SETU_DATABASE_URL'];
  if (url === undefined || !/^postgres(ql)?:\/\/[^/]*(127\.0\.0\.1|localhost)[:/]/.test(url)) {
    throw new Error('set SETU_TEST_PG to a PostgreSQL on 127.0.0.1 (e.g. postgres://postgres@127.0.0.1:5432/test)');
  }
  const prefix = `setu_bench_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  console.log(`pg-compare: ${fmt(objects)} objects ingested per configuration (bundles of 1,000), then ${fmt(pages)} pages of 100 per process`);
  const rows: { name: string; ingest: number; read: number }[] = [];
  try {
    await withTempDir('pg-compare', async (dir) => {
      let n = 0;
      for (const kind of ['sqlite', 'postgres'] as const) {
        for (const processes of [1, 2]) {
          n += 1;
          const target = kind === 'sqlite' ? join(dir, `store-${n}.db`) : `${url}${url.includes('?') ? '&' : '?'}schema=${prefix}_${n}`;
          const setup = await open(kind, target);
          await setup.createCollection({ id: COLLECTION, title: 'bench', description: null, alias: null, readOrgs: [], writeOrgs: [], mediaTypes: [], createdAt: '2026-01-01T00:00:00.000Z' });
          await setup.close();
          const common = (worker: number) => ['--kind', kind, '--target', target, '--worker', String(worker)];
          const ingest = await together(processes, (w) => ['--child', 'ingest', ...common(w), '--count', String(Math.floor(objects / processes))]);
          // Fresh tables have no planner statistics; autovacuum gathers them within a minute in
          // production. Gather them now so the page plan is the one a running node gets.
          if (kind === 'postgres') await admin.query(`ANALYZE ${prefix}_${n}.objects`);
          const read = await together(processes, (w) => ['--child', 'read', ...common(w), '--count', String(pages), '--rows', String(objects)]);
          const name = `${kind}, ${processes} process${processes === 1 ? '' : 'es'}`;
          rows.push({ name, ingest, read });
          line(name, `ingest ${fmt(ingest)} objects/s   pages ${fmt(read)} pages/s`);
        }
      }
    });
    const base = rows[0]!;
    console.log('\nratio to SQLite (1 process):');
    for (const r of rows) line(r.name, `ingest x${fmt(r.ingest / base.ingest, 2)}   pages x${fmt(r.read / base.read, 2)}`);
  } finally {
    for (let n = 3; n <= 4; n += 1) await admin.query(`DROP SCHEMA IF EXISTS ${prefix}_${n} CASCADE`);
    await admin.end();
  }
}

if (process.argv.includes('--child')) await child(process.argv.slice(2));
else await main();
