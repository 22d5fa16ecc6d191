// Named (server-side prepared) statements: each distinct SQL text gets a stable name derived from
// its hash, so PostgreSQL parses and plans it once per connection and reuses it afterwards.
import { createHash } from 'node:crypto';
import type pg from 'pg';

const names = new Map<string, string>();

function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `setu_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/** A prepared-statement query config for `text` with `values`. */
export function named(text: string, values: readonly unknown[] = []): pg.QueryConfig {
  return { name: nameOf(text), text, values: values as unknown[] };
}

/** Anything that runs queries: the pool or one client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

export async function rows<R extends pg.QueryResultRow>(db: Queryable, text: string, values: readonly unknown[] = []): Promise<R[]> {
  return (await db.query<R>(named(text, values))).rows;
}

export async function run(db: Queryable, text: string, values: readonly unknown[] = []): Promise<number> {
  return (await db.query(named(text, values))).rowCount ?? 0;
}
