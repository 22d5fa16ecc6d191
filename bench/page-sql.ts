// In-process cost of the store's Get Objects page (no HTTP): fills a SQLite store with the mixed
// generated objects, then walks the whole collection in pages (limit 100, default
// match[version]=last, as an organisation reader) by `next` and by `added_after`, and prints the
// CPU per page. The stable figure for tuning the page SQL on a shared, noisy machine.
// Fixed seed; data in a temp dir removed at the end; prints figures, asserts nothing.
// Usage: node --import tsx bench/page-sql.ts [--quick] [--objects 200000] [--limit 100] [--walks 2]
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSqliteStore, type NewObjectVersion, type ObjectQuery, type ReadScope } from '../src/store/index.js';
import { parseArgs } from './lib/args.js';
import { fmt, line } from './lib/report.js';
import { createStixGenerator } from './lib/stix-objects.js';
import { withTempDir } from './lib/temp-dir.js';

const args = parseArgs();
const OBJECTS = args.size('objects', 200_000);
const LIMIT = args.int('limit', 100);
const WALKS = args.int('walks', 2);
const BATCH = 10_000;

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

await withTempDir('page-sql', async (dir) => {
  const store = await openSqliteStore({ path: join(dir, 'pages.db') });
  await store.createOrganisation({ id: 'org-bench', name: 'bench', country: 'IN', createdAt: '2026-01-01T00:00:00.000Z' });
  await store.createCollection({ id: 'c', title: 'bench', description: null, alias: null, readOrgs: ['org-bench'], writeOrgs: ['org-bench'], mediaTypes: [], createdAt: '2026-01-01T00:00:00.000Z' });
  const generator = createStixGenerator(0x1eed);
  const filled = performance.now();
  for (let done = 0; done < OBJECTS; done += BATCH) {
    const accepted: NewObjectVersion[] = [];
    for (let i = 0; i < Math.min(BATCH, OBJECTS - done); i++) {
      const o = generator.next();
      accepted.push({ id: o.id, type: o.type, specVersion: '2.1', version: o.version, json: o.json });
    }
    await store.addObjects({ collectionId: 'c', statusId: `fill-${done}`, requestTimestamp: '2026-01-01T00:00:00.000000Z', accepted, rejected: [] });
  }
  const stored = await store.countObjects('c');
  console.log(`page-sql: ${fmt(stored)} versions filled in ${fmt((performance.now() - filled) / 1000, 1)} s; pages of ${LIMIT}, reader org-bench`);
  const reader: ReadScope = { orgId: 'org-bench', identityId: 'identity--00000000-0000-4000-8000-000000000000' };
  for (const mode of ['next', 'added_after'] as const) {
    for (let walk = 0; walk < WALKS; walk++) {
      let pages = 0;
      let objects = 0;
      let afterSeq: number | undefined;
      let addedAfter: string | undefined;
      const cpu0 = cpuMs();
      const wall0 = performance.now();
      for (;;) {
        const query: ObjectQuery = {
          collectionId: 'c',
          limit: LIMIT,
          withJson: true,
          reader,
          ...(afterSeq === undefined ? {} : { afterSeq }),
          ...(addedAfter === undefined ? {} : { addedAfter }),
        };
        const page = await store.queryObjects(query);
        pages++;
        objects += page.records.length;
        const last = page.records.at(-1);
        if (!page.more || last === undefined) break;
        if (mode === 'next') afterSeq = last.seq;
        else addedAfter = last.dateAdded;
      }
      const cpu = cpuMs() - cpu0;
      line(`by ${mode}, walk ${walk + 1}`, `${fmt(pages)} pages, ${fmt(objects)} objects: ${fmt((cpu / pages) * 1000)} us CPU per page (${fmt(((performance.now() - wall0) / pages) * 1000)} us wall)`);
    }
  }
  line('plan (by next)', store.explainQuery({ collectionId: 'c', limit: LIMIT, withJson: true, reader, afterSeq: 1 }).join(' | '));
  await store.close();
});
