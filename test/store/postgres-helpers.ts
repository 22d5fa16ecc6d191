// PostgreSQL test plumbing: SETU_TEST_PG names the server; every run works in fresh schemas
// (setu_test_<random>_<n>) that are dropped afterwards, so parallel runs never collide.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore, type PostgresStore } from '../../src/store/index.js';
import type { StoreOptions } from './helpers.js';

export const PG_URL = process.env['SETU_TEST_PG'];
export const SKIP_REASON = 'SETU_TEST_PG is not set (e.g. postgres://postgres@127.0.0.1:5432/test); PostgreSQL tests skipped';

/** Schema names for one test file; drop() removes every one handed out. */
export class TestSchemas {
  private readonly prefix = `setu_test_${randomBytes(4).toString('hex')}`;
  private readonly made: string[] = [];

  next(): string {
    const name = `${this.prefix}_${this.made.length + 1}`;
    this.made.push(name);
    return name;
  }

  async open(options?: StoreOptions & { schema?: string }): Promise<PostgresStore> {
    return openPostgresStore({
      url: PG_URL!,
      schema: options?.schema ?? this.next(),
      maxConnections: 4,
      ...(options?.clock ? { clock: options.clock } : {}),
    });
  }

  async drop(): Promise<void> {
    if (PG_URL === undefined || this.made.length === 0) return;
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      for (const name of this.made) await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
    } finally {
      await client.end();
    }
  }
}
