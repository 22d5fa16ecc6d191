// Runs the SyncStore contract against the SQLite adapter (a node file opened by the Store and,
// beside it, by the SyncStore's own connection).
import { join } from 'node:path';
import { syncContract } from '../store/contract-sync.js';
import { openSqliteStore, openSqliteSyncStore } from '../../src/store/index.js';
import { tempRoot } from './helpers.js';

syncContract('SQLite', async () => {
  const root = await tempRoot();
  const path = join(root.dir, 'setu.sqlite');
  const store = await openSqliteStore({ path });
  const sync = await openSqliteSyncStore({ path });
  return {
    store,
    sync,
    async close() {
      await sync.close();
      await store.close();
      await root.remove();
    },
  };
});
