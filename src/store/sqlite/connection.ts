// Opens the SQLite file with the settings durability and speed depend on.
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';

export interface ConnectionOptions {
  readonly path: string;
  /** Milliseconds a writer waits for another connection's lock before failing. */
  readonly busyTimeoutMs?: number;
}

export function openConnection(options: ConnectionOptions): BetterSqlite3.Database {
  const db = new Database(options.path);
  try {
    // WAL: readers never block the writer. synchronous = FULL: the WAL is fsynced at every
    // commit, so an acknowledged write survives kill -9 and power loss (NORMAL would survive only
    // a process crash).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -65536'); // 64 MiB page cache
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
