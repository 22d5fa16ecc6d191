// Copies a SQLite store, table by table and row for row, into a PostgreSQL store whose schema
// mirrors it (same tables and column names, same migration numbers): seqs, date_added values,
// surrogate keys and the audit chain arrive unchanged, so TAXII cursors and added_after bounds
// handed out by the old node stay valid. Generic over tables, so tables added by later migrations
// move without code here, as long as the PostgreSQL migration of the same number mirrors them.
//
// Resumable: tables keyed by `seq` continue after the highest seq already copied; every other
// row is inserted with ON CONFLICT DO NOTHING. Each batch commits on its own. The source is
// opened read-only and must not be written meanwhile (stop the node first).
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { storeError } from '../errors.js';
import { inTransaction, openConnection } from './connection.js';
import { MIGRATIONS, migrate } from './migrations.js';
import { rows, run } from './statements.js';
import { NEWEST_SEQ } from './migration-6-latest.js';
import { reindexSearch } from './search.js';

export interface CopyOptions {
  readonly sqlitePath: string;
  readonly url: string;
  readonly schema?: string | undefined;
  /** Rows per transaction; default 2,000. */
  readonly batchSize?: number | undefined;
  readonly clock?: (() => number) | undefined;
  /** Called before a table is copied (with its source row count) and after each batch. */
  readonly onProgress?: ((progress: CopyProgress) => void) | undefined;
}

export interface CopyProgress {
  readonly table: string;
  /** Rows of this table present in the target (copied now or before). */
  readonly done: number;
  readonly total: number;
}

export interface TableCount {
  readonly table: string;
  readonly source: number;
  readonly target: number;
}

export interface CopyReport {
  readonly schema: string;
  /** Per table, source and target row counts after the copy (verification compares them). */
  readonly tables: readonly TableCount[];
  /** Rows inserted by this run (0 on a run that found everything already copied). */
  readonly inserted: number;
  /** The source's audit-chain head (seq and hash), when it has an audit log with entries. */
  readonly sourceAuditHead: { readonly seq: number; readonly hash: string } | undefined;
}

/** Not copied row for row: migration bookkeeping, and the clock which is merged instead. */
const SKIPPED = new Set(['schema_migrations', 'sqlite_sequence', 'store_clock']);
/**
 * The search indexes (migration 11): SQLite's FTS5 tables (and their shadow tables) have no
 * PostgreSQL mirror, so the indexes are rebuilt from the copied objects instead (reindexSearch).
 */
const SEARCH_INDEX_TABLE = /^search_(?:terms|words|cjk)(?:_|$)/;
/** The progress label of the rebuild of the search indexes after the copy. */
export const SEARCH_REBUILD_LABEL = 'search indexes';

function quote(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw storeError('SETU_ERR_STORE_INVALID_QUERY', `unexpected table or column name ${JSON.stringify(name)}`, { name });
  return `"${name}"`;
}

/** Source tables in foreign-key order (referenced tables first). */
function tablesInOrder(db: BetterSqlite3.Database): string[] {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]).filter(
    (name) => !SKIPPED.has(name) && !SEARCH_INDEX_TABLE.test(name),
  );
  const deps = new Map(
    names.map((name) => [name, (db.prepare(`SELECT "table" FROM pragma_foreign_key_list(?)`).pluck().all(name) as string[]).filter((t) => t !== name)]),
  );
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const dep of deps.get(name) ?? []) visit(dep, path);
    ordered.push(name);
  };
  for (const name of names) visit(name, new Set());
  return ordered;
}

function hasRowid(db: BetterSqlite3.Database, table: string): boolean {
  try {
    db.prepare(`SELECT rowid FROM ${quote(table)} LIMIT 0`).all();
    return true;
  } catch {
    return false;
  }
}

async function targetColumns(pool: pg.Pool, schema: string, table: string): Promise<{ columns: Set<string>; identity: string[] }> {
  const found = await rows<{ column_name: string; is_identity: string }>(
    pool,
    'SELECT column_name, is_identity FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2',
    [schema, table],
  );
  return { columns: new Set(found.map((c) => c.column_name)), identity: found.filter((c) => c.is_identity === 'YES').map((c) => c.column_name) };
}

/** Refuses a source whose schema has migrations this code has no PostgreSQL mirror for. */
function checkMigrations(db: BetterSqlite3.Database): void {
  const known = new Set(MIGRATIONS.map((m) => m.version));
  const source = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[];
  const missing = source.filter((version) => !known.has(version));
  if (missing.length > 0) {
    throw storeError('SETU_ERR_STORE_SCHEMA_TOO_NEW', `the SQLite store has migrations ${missing.join(', ')} that have no PostgreSQL counterpart in this Setu`, {
      versions: missing,
    });
  }
}

export async function copySqliteToPostgres(options: CopyOptions): Promise<CopyReport> {
  const batchSize = options.batchSize ?? 2000;
  const source = new Database(options.sqlitePath, { readonly: true, fileMustExist: true });
  const connection = openConnection({ url: options.url, schema: options.schema, maxConnections: 2 });
  const { pool, schema } = connection;
  try {
    checkMigrations(source);
    await migrate(pool, schema, options.clock ?? Date.now);
    await checkSameNode(source, pool);
    let inserted = 0;
    const tables: TableCount[] = [];
    for (const table of tablesInOrder(source)) {
      const sourceColumns = (source.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
      const target = await targetColumns(pool, schema, table);
      const lost = sourceColumns.filter((c) => !target.columns.has(c));
      if (target.columns.size === 0 || lost.length > 0) {
        throw storeError('SETU_ERR_STORE_SCHEMA_TOO_NEW', `PostgreSQL has no place for ${table}${lost.length > 0 ? ` (${lost.join(', ')})` : ''}`, { table, lost });
      }
      const total = source.prepare(`SELECT count(*) FROM ${quote(table)}`).pluck().get() as number;
      // Tables with a seq column resume from the highest seq copied: after it when seq is the key
      // (objects, audit_log: the audit trigger refuses re-inserting the head), from it otherwise
      // (rows sharing that seq may have been split across batches; DO NOTHING skips the copied ones).
      const bySeq = sourceColumns.includes('seq');
      const keys = source.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0').pluck().all(table) as string[];
      const seqIsKey = keys.length === 1 && keys[0] === 'seq';
      const after = bySeq ? Number((await rows<{ m: number | null }>(pool, `SELECT max(seq) AS m FROM ${quote(table)}`))[0]?.m ?? 0) : 0;
      const countTarget = async () => Number((await rows<{ n: number }>(pool, `SELECT count(*) AS n FROM ${quote(table)}`))[0]?.n ?? 0);
      let done = await countTarget();
      options.onProgress?.({ table, done, total });

      const cols = sourceColumns.map(quote).join(', ');
      const order = bySeq ? 'ORDER BY seq' : hasRowid(source, table) ? 'ORDER BY rowid' : '';
      const select = source.prepare(`SELECT ${cols} FROM ${quote(table)} ${bySeq ? (seqIsKey ? 'WHERE seq > ?' : 'WHERE seq >= ?') : ''} ${order}`);
      const insert = `INSERT INTO ${quote(table)} (${cols}) OVERRIDING SYSTEM VALUE
        SELECT ${cols} FROM json_populate_recordset(NULL::${quote(table)}, $1::json) ON CONFLICT DO NOTHING`;
      let batch: Record<string, unknown>[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const chunk = batch;
        batch = [];
        const count = await inTransaction(pool, async (client) => {
          if (table === 'objects') {
            // Serialise with live writers (if any) and keep the allocation high-water ahead of the copy.
            await client.query('SELECT 1 FROM store_clock WHERE singleton = 1 FOR UPDATE');
            const maxSeq = Math.max(...chunk.map((r) => Number(r['seq'])));
            await run(client, 'UPDATE store_clock SET last_seq = GREATEST(last_seq, $1) WHERE singleton = 1', [maxSeq]);
          }
          return run(client, insert, [JSON.stringify(chunk)]);
        });
        inserted += count;
        done += count;
        options.onProgress?.({ table, done, total });
      };
      for (const row of (bySeq ? select.iterate(after) : select.iterate()) as Iterable<Record<string, unknown>>) {
        batch.push(row);
        if (batch.length >= batchSize) await flush();
      }
      await flush();
      for (const column of target.identity) {
        await pool.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), GREATEST((SELECT max(${quote(column)}) FROM ${quote(table)}), 1))`,
          [`${schema}.${table}`, column],
        );
      }
      tables.push({ table, source: total, target: await countTarget() });
    }
    await mergeClock(source, pool);
    // A source from before migration 6 has no newest-version flags: derive them once here.
    const sourceFlags = source.prepare("SELECT count(*) FROM pragma_table_info('objects') WHERE name = 'latest'").pluck().get() === 1;
    if (!sourceFlags) await run(pool, `UPDATE objects SET latest = 1 WHERE latest = 0 AND seq = ${NEWEST_SEQ('objects.collection_key', 'objects.id')}`);
    // Planner statistics now, not when autovacuum next passes: without them the page query of a
    // large fresh table is planned as a scan-and-sort of the whole collection.
    for (const { table } of tables) await pool.query(`ANALYZE ${quote(table)}`);
    await reindexSearch(pool, (done, total) => options.onProgress?.({ table: SEARCH_REBUILD_LABEL, done, total }));
    const hasAudit = source.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").pluck().get() === 1;
    const head = hasAudit ? (source.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) : undefined;
    return { schema, tables, inserted, sourceAuditHead: head };
  } finally {
    source.close();
    await pool.end();
  }
}

/** Refuses a target that already holds a different node (resuming into the same one is fine). */
async function checkSameNode(source: BetterSqlite3.Database, pool: pg.Pool): Promise<void> {
  const mine = source.prepare('SELECT node_name, country, created_at FROM node_info WHERE singleton = 1').get() as
    | { node_name: string; country: string; created_at: string }
    | undefined;
  const [theirs] = await rows<{ node_name: string; country: string; created_at: string }>(pool, 'SELECT node_name, country, created_at FROM node_info WHERE singleton = 1');
  if (theirs === undefined) return;
  if (mine === undefined || mine.node_name !== theirs.node_name || mine.country !== theirs.country || mine.created_at !== theirs.created_at) {
    throw storeError('SETU_ERR_STORE_NODE_EXISTS', `the PostgreSQL schema already holds another node (${theirs.node_name}, created ${theirs.created_at})`, {
      nodeName: theirs.node_name,
    });
  }
}

/** The allocation high-waters: never hand out a date_added or seq the source already used. */
async function mergeClock(source: BetterSqlite3.Database, pool: pg.Pool): Promise<void> {
  const lastUs = Number(source.prepare('SELECT last_date_added_us FROM store_clock WHERE singleton = 1').pluck().get() ?? 0);
  const hasSequence = source.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'").pluck().get() === 1;
  const lastSeq = hasSequence ? Number(source.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'objects'").pluck().get() ?? 0) : 0;
  await run(
    pool,
    `UPDATE store_clock SET last_date_added_us = GREATEST(last_date_added_us, $1),
       last_seq = GREATEST(last_seq, $2, (SELECT coalesce(max(seq), 0) FROM objects)) WHERE singleton = 1`,
    [lastUs, lastSeq],
  );
}
