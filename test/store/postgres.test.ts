// The Store contract on PostgreSQL (SETU_TEST_PG), each store in a fresh schema.
import { after, test } from 'node:test';
import { runStoreContract } from './contract.js';
import { PG_URL, SKIP_REASON, TestSchemas } from './postgres-helpers.js';

if (PG_URL === undefined) {
  test('Store contract: postgres', (t) => t.skip(SKIP_REASON));
} else {
  const schemas = new TestSchemas();
  after(() => schemas.drop());
  runStoreContract('postgres', (options) => schemas.open(options));
}
