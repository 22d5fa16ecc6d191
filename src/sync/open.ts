// Opening a node's federation tables: they live in the node's SQLite database. A node on
// PostgreSQL has none yet (SETU_ERR_SYNC_UNAVAILABLE).
import { SetuError } from '../errors/index.js';
import type { OpenNode } from '../node/index.js';
import { openSqliteSyncStore, type SyncStore } from '../store/index.js';

export async function openNodeSync(node: OpenNode, clock: () => number): Promise<SyncStore> {
  if (node.store.kind !== 'sqlite') {
    throw new SetuError('SETU_ERR_SYNC_UNAVAILABLE', 'federation needs the SQLite store: this node runs on PostgreSQL, which has no sync tables yet');
  }
  return openSqliteSyncStore({ path: node.paths.database, clock });
}
