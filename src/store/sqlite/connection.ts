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
    // 16 KiB pages (only effective when the file is created): fewer B-tree splits and page
    // headers for rows that carry ~1 KiB of JSON; measured ~1.5x less CPU per ingested object.
    db.pragma('page_size = 16384');
    // WAL: readers never block the writer. synchronous = FULL: the WAL is fsynced at every
    // commit, so an acknowledged write survives kill -9 and power loss (NORMAL would survive only
    // a process crash).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -65536'); // 64 MiB page cache
    db.pragma('temp_store = MEMORY');
    // No memory map: mapped file pages count in the process's resident set, which then grows with
    // the database (measured: 1 GiB RSS after walking a 1M-object collection), while the target
    // is a server under 300 MB. The 64 MiB page cache above keeps the hot index pages instead.
    // Checkpoint about every 40 MiB of WAL instead of 4 MiB: hot index pages are copied back
    // once per checkpoint instead of once per few commits (durability is unchanged: it comes
    // from the WAL fsync at each commit).
    db.pragma('wal_autocheckpoint = 2500');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
