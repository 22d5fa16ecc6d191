// The store module's public face: the Store contract, its error codes, and the SQLite adapter.
export type * from './types.js';
export { ROLES } from './types.js';
export type * from './types-audit.js';
export type * from './types-trust.js';
export type * from './types-review.js';
export { REVIEW_STATES, REVIEW_DESTINATION_KINDS } from './types-review.js';
export { AUDIT_GENESIS_HASH } from './types-audit.js';
export { STORE_ERRORS } from './errors.js';
export type { StoreErrorCode } from './errors.js';
export { openSqliteStore } from './sqlite/adapter.js';
export type { SqliteStore, SqliteStoreOptions } from './sqlite/adapter.js';
export { copySqliteToPostgres, isPostgresStore, openPostgresStore, parseDatabaseUrl } from './postgres/index.js';
export type { PostgresStore, PostgresStoreOptions, StoreEvent, StoreEventHandler, Leadership, LeadershipOptions } from './postgres/index.js';
export type { CopyOptions, CopyProgress, CopyReport, TableCount } from './postgres/index.js';
export type * from './types-sync.js';
export { PEER_AUTH_KINDS, SYNC_DIRECTIONS, syncKey } from './types-sync.js';
export { openSqliteSyncStore, type SqliteSyncStoreOptions } from './sqlite/sync.js';
export { openPostgresSyncStore, type PostgresSyncStoreOptions } from './postgres/index.js';
