// PostgreSQL-only behaviour: commit-order seq under concurrent writers from several pools (so a
// cursor never skips), schema migrations, events between store instances, leadership hand-over.
import { after, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import type { ObjectRecord, PostgresStore, StoreEvent } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { collection, stix } from './helpers.js';
import { PG_URL, SKIP_REASON, TestSchemas } from './postgres-helpers.js';

const schemas = new TestSchemas();
after(() => schemas.drop());

function bundle(writer: number, n: number, size: number) {
  return Array.from({ length: size }, (_, i) => stix(`indicator--w${writer}-${n}-${i}`, '2024-01-01T00:00:00.000Z'));
}

async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

if (PG_URL === undefined) {
  test('postgres adapter', (t) => t.skip(SKIP_REASON));
} else {
  describe('postgres: ordering under concurrent writers', () => {
    it('a reader following the cursor while 4 pools write concurrently never skips a version', async () => {
      const schema = schemas.next();
      const writers: PostgresStore[] = [];
      for (let w = 0; w < 4; w += 1) writers.push(await schemas.open({ schema }));
      await writers[0]!.createCollection(collection('c1'));
      const reader = await schemas.open({ schema });

      const seen: ObjectRecord[] = [];
      let writing = true;
      const follow = (async () => {
        let afterSeq = 0;
        for (;;) {
          const done = !writing; // decided before the read, so the last pass sees every commit
          const page = await reader.queryObjects({ collectionId: 'c1', afterSeq, limit: 50, withJson: false, versions: [{ kind: 'all' }] });
          seen.push(...page.records);
          if (page.records.length > 0) afterSeq = page.records.at(-1)!.seq;
          if (done && !page.more) return;
        }
      })();
      const written = await Promise.all(
        writers.map(async (store, w) => {
          const added: ObjectRecord[] = [];
          for (let n = 0; n < 25; n += 1) added.push(...(await store.addObjects({
            collectionId: 'c1',
            statusId: `w${w}-${n}`,
            requestTimestamp: '2025-01-01T00:00:00.000000Z',
            accepted: bundle(w, n, 1 + ((n * 7 + w) % 13)),
            rejected: [],
          })).added);
          return added;
        }),
      );
      writing = false;
      await follow;

      const all = written.flat().sort((a, b) => a.seq - b.seq);
      assert.equal(seen.length, all.length, 'the following reader saw every version exactly once');
      assert.deepEqual(seen.map((r) => r.seq), all.map((r) => r.seq));
      assert.deepEqual(all.map((r) => r.seq), all.map((_, i) => i + 1), 'seqs are dense: no allocation was lost');
      for (let i = 1; i < all.length; i += 1) assert.ok(all[i]!.dateAdded > all[i - 1]!.dateAdded, 'date_added strictly increases with seq');
      await Promise.all([...writers, reader].map((s) => s.close()));
    });
  });

  describe('postgres: schema', () => {
    it('records every migration once and refuses a schema written by newer code', async () => {
      const schema = schemas.next();
      await (await schemas.open({ schema })).close();
      await (await schemas.open({ schema })).close(); // reopening applies nothing
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
        assert.deepEqual(rows.map((r) => r.version), MIGRATIONS.map((m) => m.version).sort((a, b) => a - b));
        await client.query(`INSERT INTO ${schema}.schema_migrations VALUES (999, 'future', 'x')`);
      } finally {
        await client.end();
      }
      await assert.rejects(schemas.open({ schema }), (e: unknown) => (e as { code?: string }).code === 'SETU_ERR_STORE_SCHEMA_TOO_NEW');
    });

    it('opens concurrently from several pools without racing the migrations', async () => {
      const schema = schemas.next();
      const stores = await Promise.all([1, 2, 3].map(() => schemas.open({ schema })));
      await stores[0]!.createCollection(collection('c1'));
      assert.equal((await stores[2]!.listCollections()).length, 1);
      await Promise.all(stores.map((s) => s.close()));
    });

    it('refuses a schema name that is not a plain identifier', async () => {
      await assert.rejects(schemas.open({ schema: 'x; DROP TABLE y' }), (e: unknown) => (e as { code?: string }).code === 'SETU_ERR_STORE_INVALID_QUERY');
    });
  });

  describe('postgres: events between store instances (LISTEN/NOTIFY)', () => {
    it("delivers other instances' committed versions with bodies, in commit order, and config changes; never its own", async () => {
      const schema = schemas.next();
      const a = await schemas.open({ schema });
      const b = await schemas.open({ schema });
      const heardByA: StoreEvent[] = [];
      const heardByB: StoreEvent[] = [];
      const stopA = await a.subscribe((e) => heardByA.push(e));
      await b.subscribe((e) => heardByB.push(e));
      await a.createCollection(collection('c1'));
      await until(() => heardByB.some((e) => e.kind === 'config' && e.topic === 'collection'), 'config event');
      const first = await a.addObjects({ collectionId: 'c1', statusId: 's1', requestTimestamp: '2025-01-01T00:00:00.000000Z', accepted: bundle(0, 0, 3), rejected: [] });
      const second = await a.addObjects({ collectionId: 'c1', statusId: 's2', requestTimestamp: '2025-01-01T00:00:00.000000Z', accepted: bundle(0, 1, 2), rejected: [] });
      await until(() => heardByB.filter((e) => e.kind === 'added').length === 2, 'two added events');
      const added = heardByB.flatMap((e) => (e.kind === 'added' ? e.records : []));
      assert.deepEqual(added, [...first.added, ...second.added]);
      assert.deepEqual(heardByA, [], 'an instance does not hear itself');
      await stopA();
      await Promise.all([a.close(), b.close()]);
    });

    it('replays what was committed while the listening session was down', async () => {
      const schema = schemas.next();
      const a = await schemas.open({ schema });
      const b = await schemas.open({ schema });
      await a.createCollection(collection('c1'));
      const heard: ObjectRecord[] = [];
      await b.subscribe((e) => {
        if (e.kind === 'added') heard.push(...e.records);
      });
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      // Kill b's LISTEN session, write while it is gone, and expect the reconnect to replay.
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN setu_events_${schema}%'`);
      const result = await a.addObjects({ collectionId: 'c1', statusId: 's1', requestTimestamp: '2025-01-01T00:00:00.000000Z', accepted: bundle(0, 0, 4), rejected: [] });
      await until(() => heard.length >= 4, 'replayed versions');
      assert.deepEqual(heard, result.added);
      await admin.end();
      await Promise.all([a.close(), b.close()]);
    });
  });

  describe('postgres: leadership (advisory locks)', () => {
    it('runs the work in one instance at a time and moves it when the leader’s session dies', async () => {
      const schema = schemas.next();
      const a = await schemas.open({ schema });
      const b = await schemas.open({ schema });
      const running = new Set<string>();
      let overlap = false;
      const work = (who: string) => async (signal: AbortSignal) => {
        if (running.size > 0) overlap = true;
        running.add(who);
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
        running.delete(who);
      };
      const la = a.withLeadership('sync:peer-1', work('a'), { retryMs: 50 });
      await until(() => la.leader, 'a leads');
      const lb = b.withLeadership('sync:peer-1', work('b'), { retryMs: 50 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(lb.leader, false, 'b waits while a leads');
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      // The holder's session dies (as when its process is killed): PostgreSQL frees the lock.
      await admin.query(
        `SELECT pg_terminate_backend(l.pid) FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.objid = (hashtextextended($1, 0) & 4294967295)::oid`,
        [`${schema}:sync:peer-1`],
      );
      await until(() => lb.leader, 'b takes over');
      await until(() => !la.leader, 'a steps down');
      assert.equal(overlap, false, 'never two leaders at once');
      await admin.end();
      await Promise.all([la.stop(), lb.stop()]);
      await Promise.all([a.close(), b.close()]);
    });
  });
}
