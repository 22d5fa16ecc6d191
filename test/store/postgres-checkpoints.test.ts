// Audit checkpoints (migration 8) on PostgreSQL (SETU_TEST_PG): the Store and the SyncStore open
// the same fresh schema, each with its own pool.
import { after, test } from 'node:test';
import { checkpointContract } from './contract-checkpoints.js';
import { openPostgresSyncStore } from '../../src/store/index.js';
import { PG_URL, SKIP_REASON, TestSchemas } from './postgres-helpers.js';

if (PG_URL === undefined) {
  test('SyncStore audit checkpoints: PostgreSQL', (t) => t.skip(SKIP_REASON));
} else {
  const url = PG_URL;
  const schemas = new TestSchemas();
  after(() => schemas.drop());
  checkpointContract('PostgreSQL', async () => {
    const schema = schemas.next();
    const store = await schemas.open({ schema });
    const sync = await openPostgresSyncStore({ url, schema, maxConnections: 2 });
    return {
      store,
      sync,
      async close() {
        await sync.close();
        await store.close();
      },
    };
  });
}
