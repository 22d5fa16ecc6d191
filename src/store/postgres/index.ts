// The PostgreSQL adapter's public face (re-exported by store/index.ts).
export { isPostgresStore, openPostgresStore } from './adapter.js';
export type { PostgresStore, PostgresStoreOptions } from './adapter.js';
export type { StoreEvent, StoreEventHandler } from './notifier.js';
export type { Leadership, LeadershipOptions } from './leadership.js';
export { parseDatabaseUrl } from './connection.js';
export { copySqliteToPostgres } from './copy-from-sqlite.js';
export type { CopyOptions, CopyProgress, CopyReport, TableCount } from './copy-from-sqlite.js';
export { openPostgresSyncStore } from './sync.js';
export type { PostgresSyncStoreOptions } from './sync.js';
