// Opens the pg Pool the PostgreSQL store runs on: parses the URL (with an optional `schema`
// query parameter), pins every connection's search_path to the store's schema, reads int8 as a
// JS number, and runs transactions. Nothing connects until the first query.
import pg from 'pg';
import { storeError } from '../errors.js';

/** A plain lower-case SQL identifier; anything else is refused rather than quoted. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface ConnectionOptions {
  /** postgres://user@host:port/database[?schema=name] */
  readonly url: string;
  /** Schema holding the store's tables; overrides `?schema=`; default `public`. */
  readonly schema?: string | undefined;
  /** Pool size; default 10. */
  readonly maxConnections?: number | undefined;
}

export interface Connection {
  readonly pool: pg.Pool;
  readonly schema: string;
  /** The URL without the `schema` parameter (for extra LISTEN / leadership sessions). */
  readonly url: string;
}

/** int8 (seq, counts) as number: seq stays far below 2^53, and the contract speaks numbers. */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Splits `?schema=` off a database URL and checks the schema name. */
export function parseDatabaseUrl(url: string, schema?: string): { url: string; schema: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw storeError('SETU_ERR_STORE_INVALID_QUERY', 'the PostgreSQL URL is not a URL', {});
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw storeError('SETU_ERR_STORE_INVALID_QUERY', `the PostgreSQL URL must start with postgres://, not ${parsed.protocol}`, {});
  }
  const fromUrl = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  const chosen = schema ?? fromUrl ?? 'public';
  if (!SCHEMA_NAME.test(chosen)) {
    throw storeError('SETU_ERR_STORE_INVALID_QUERY', `schema name must be a plain lower-case identifier, not ${JSON.stringify(chosen)}`, { schema: chosen });
  }
  return { url: parsed.toString(), schema: chosen };
}

/** A client config for one extra session (LISTEN, advisory locks) on the store's schema. */
export function sessionConfig(connection: Pick<Connection, 'url' | 'schema'>): pg.ClientConfig {
  return { connectionString: connection.url, options: `-c search_path=${connection.schema}`, types: TYPES };
}

export function openConnection(options: ConnectionOptions): Connection {
  const { url, schema } = parseDatabaseUrl(options.url, options.schema);
  const pool = new pg.Pool({
    ...sessionConfig({ url, schema }),
    max: options.maxConnections ?? 10,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server (restart, failover) must not crash the process: the pool
  // drops it and the next query opens a fresh one.
  pool.on('error', () => {});
  return { pool, schema, url };
}

/** Runs `work` in one transaction on one pooled client: COMMIT on success, ROLLBACK on error. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch {
      broken = true;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
