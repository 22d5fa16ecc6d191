// The maintained newest-version flag on PostgreSQL (migration 6, statement-level triggers): after
// any sequence of adds (several versions of one id in ONE multi-row INSERT included, spec versions,
// unversioned SCOs) and deletes (every selector), each row's `latest` is 1 exactly when the row is
// what 'last' selects for its (collection, id) with nothing hidden. Every run uses two fresh
// collections of one schema (the flag is per collection).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import fc from 'fast-check';
import type { NewObjectVersion, VersionSelector } from '../../src/store/index.js';
import { collection, statusId, stix } from './helpers.js';
import { PG_URL, SKIP_REASON, TestSchemas } from './postgres-helpers.js';

const NEWEST = `SELECT x.seq FROM objects x WHERE x.collection_key = o.collection_key AND x.id = o.id
  ORDER BY x.spec_rank DESC, x.version_key DESC, x.seq DESC LIMIT 1`;
const WRONG = `SELECT count(*)::int AS n FROM objects o WHERE o.latest <> (o.seq = (${NEWEST}))::int`;

const ids = ['malware--1', 'malware--2', 'ipv4-addr--3'];
const versions = ['2024-01-01T00:00:00Z', '2024-06-01T00:00:00.000Z', '2025-01-01T00:00:00Z'];
const object = fc.record({ id: fc.constantFrom(...ids), v: fc.integer({ min: 0, max: 2 }), spec: fc.constantFrom('2.0', '2.1'), c: fc.constantFrom(0, 1) });
const selector = fc.constantFrom<VersionSelector>({ kind: 'last' }, { kind: 'first' }, { kind: 'all' }, { kind: 'at', timestamp: versions[1]! });
const step = fc.oneof(
  fc.record({ add: fc.array(object, { minLength: 1, maxLength: 5 }) }),
  fc.record({ del: fc.record({ id: fc.constantFrom(...ids), c: fc.constantFrom(0, 1), versions: fc.array(selector, { minLength: 1, maxLength: 2 }), spec: fc.option(fc.constantFrom('2.0', '2.1'), { nil: undefined }) }) }),
);

function version(o: { id: string; v: number; spec: string }): NewObjectVersion {
  return stix(o.id, o.id.startsWith('ipv4-addr') ? null : versions[o.v]!, o.spec);
}

if (PG_URL === undefined) {
  test('PostgreSQL latest flag', (t) => t.skip(SKIP_REASON));
} else {
  const url = PG_URL;
  const schemas = new TestSchemas();
  after(() => schemas.drop());

  test('latest is 1 exactly on the newest row of each (collection, id), through adds and deletes', async () => {
    const schema = schemas.next();
    const store = await schemas.open({ schema });
    const check = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
    await check.connect();
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
          run += 1;
          const names = [`r${run}a`, `r${run}b`];
          for (const name of names) await store.createCollection(collection(name));
          for (const s of steps) {
            if ('add' in s) {
              for (const [c, name] of names.entries()) {
                const accepted = s.add.filter((o) => o.c === c).map(version);
                await store.addObjects({ collectionId: name, statusId: statusId(), requestTimestamp: '2025-01-01T00:00:00.000000Z', accepted, rejected: [] });
              }
            } else {
              await store.deleteObject(names[s.del.c]!, s.del.id, { versions: s.del.versions, ...(s.del.spec === undefined ? {} : { specVersions: [s.del.spec] }) });
            }
          }
          assert.equal((await check.query<{ n: number }>(WRONG)).rows[0]?.n, 0);
        }),
        { seed: 6, numRuns: 100 },
      );
    } finally {
      await check.end();
      await store.close();
    }
  });
}
