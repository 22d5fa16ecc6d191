// Opening a node's federation tables, in the node's own database: its SQLite file, or the
// PostgreSQL database named by SETU_DATABASE_URL (the same URL its Store was opened with).
import { SetuError } from '../errors/index.js';
import type { OpenNode } from '../node/index.js';
import { openPostgresSyncStore, openSqliteSyncStore, type SyncStore } from '../store/index.js';

export async function openNodeSync(node: OpenNode, clock: () => number, databaseUrl: string | undefined = process.env['SETU_DATABASE_URL']): Promise<SyncStore> {
  if (node.store.kind === 'sqlite') return openSqliteSyncStore({ path: node.paths.database, clock });
  if (databaseUrl === undefined || databaseUrl === '') {
    throw new SetuError('SETU_ERR_SYNC_UNAVAILABLE', 'this node runs on PostgreSQL: set SETU_DATABASE_URL so its federation tables can be opened');
  }
  return openPostgresSyncStore({ url: databaseUrl, clock });
}
