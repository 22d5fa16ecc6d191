// SQLite-only behaviour: connection settings, migrations, persistence, crash durability, plans.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { add, collection, stix } from './helpers.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'setu-store-sqlite-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('sqlite connection and schema', () => {
  it('uses WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const path = join(dir, 'pragmas.db');
    await (await openSqliteStore({ path })).close();
    // The settings are per connection: check them on the adapter's own connection via a probe
    // that opens the file the same way (journal_mode is persistent in the file).
    const raw = new Database(path);
    assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
    raw.close();
    const { openConnection } = await import('../../src/store/sqlite/connection.js');
    const db = openConnection({ path });
    assert.equal(db.pragma('synchronous', { simple: true }), 2, 'FULL');
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(db.pragma('busy_timeout', { simple: true }), 5000);
    db.close();
  });

  it('records migrations once, in order, and keeps data across reopen', async () => {
    const path = join(dir, 'reopen.db');
    let store = await openSqliteStore({ path });
    await store.createCollection(collection('c1'));
    const first = await add(store, [stix('indicator--1', '2024-01-01T00:00:00.000Z')]);
    await store.close();
    store = await openSqliteStore({ path });
    const page = await store.queryObjects({ collectionId: 'c1', limit: 10, withJson: true });
    assert.deepEqual(page.records, first.added);
    const next = await add(store, [stix('indicator--2', '2024-01-01T00:00:00.000Z')]);
    assert.ok(next.added[0]!.dateAdded > first.added[0]!.dateAdded);
    await store.close();
    const raw = new Database(path);
    const rows = raw.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number }[];
    assert.deepEqual(
      rows.map((r) => r.version),
      MIGRATIONS.map((m) => m.version),
    );
    raw.close();
  });

  it('refuses a database written by a newer schema', async () => {
    const path = join(dir, 'newer.db');
    await (await openSqliteStore({ path })).close();
    const raw = new Database(path);
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')").run();
    raw.close();
    await assert.rejects(openSqliteStore({ path }), (e: unknown) => (e as { code?: string }).code === 'SETU_ERR_STORE_SCHEMA_TOO_NEW');
  });
});

describe('sqlite query plans', () => {
  it('answers every page through an index, never a scan of the objects table', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    const base = { collectionId: 'c1', limit: 100, withJson: true };
    const shapes = [
      base,
      { ...base, afterSeq: 10 },
      { ...base, addedAfter: '2025-01-01T00:00:00Z' },
      { ...base, types: ['indicator'] },
      { ...base, ids: ['indicator--1'] },
      { ...base, ids: ['indicator--1', 'indicator--2'], versions: [{ kind: 'all' as const }] },
      { ...base, versions: [{ kind: 'first' as const }, { kind: 'at' as const, timestamp: '2024-01-01T00:00:00Z' }], specVersions: ['2.0', '2.1'] },
    ];
    for (const shape of shapes) {
      const plan = store.explainQuery(shape);
      assert.ok(
        plan.every((step) => !/^SCAN (o|x|d)\b/.test(step)),
        `${JSON.stringify(shape)}: ${plan.join(' | ')}`,
      );
      // The outer walk is already in seq order; only id lookups (few rows) and 'first'/'last' across
      // several spec versions (a few versions of one id) may sort.
      if (!('ids' in shape) && !('specVersions' in shape)) assert.ok(!plan.some((s) => s.includes('TEMP B-TREE')), `no sort: ${plan.join(' | ')}`);
    }
    await store.close();
  });
});

describe('sqlite durability', () => {
  it('holds every acknowledged bundle after the writer is killed with SIGKILL', async () => {
    const path = join(dir, 'durable.db');
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./durability-child.ts', import.meta.url)), path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acked: string[] = [];
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        let newline;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          if (line.startsWith('acked ')) acked.push(line.split(' ')[1]!);
          if (acked.length === 5) child.kill('SIGKILL'); // right after an ack, mid-way through the next write
        }
      });
      child.on('exit', () => resolve());
      child.on('error', reject);
    });
    assert.ok(acked.length >= 5, `child acknowledged ${acked.length} bundles`);
    const store = await openSqliteStore({ path });
    for (const statusId of acked) {
      const status = await store.getStatus(statusId);
      assert.equal(status?.successCount, 50, `${statusId} is durable`);
    }
    // No bundle is half-applied: objects come in whole bundles of 50, each with its status.
    const count = await store.countObjects('dur');
    assert.equal(count % 50, 0);
    const bundles = count / 50;
    assert.ok(bundles >= acked.length);
    for (let b = 0; b < bundles; b += 1) assert.notEqual(await store.getStatus(`bundle-${b}`), undefined);
    assert.equal(await store.getStatus(`bundle-${bundles}`), undefined);
    await store.close();
  });
});
