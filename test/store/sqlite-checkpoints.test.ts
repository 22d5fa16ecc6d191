// Audit checkpoints (migration 8) on SQLite: the Store and the SyncStore over one node file.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkpointContract } from './contract-checkpoints.js';
import { openSqliteStore, openSqliteSyncStore } from '../../src/store/index.js';

checkpointContract('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-checkpoints-'));
  const path = join(dir, 'setu.sqlite');
  const store = await openSqliteStore({ path });
  const sync = await openSqliteSyncStore({ path });
  return {
    store,
    sync,
    async close() {
      await sync.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
