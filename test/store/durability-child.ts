// Child process for the durability test (not a test file itself): opens the store at argv[2],
// writes bundles forever, and prints "acked <statusId> <n>" after each addObjects resolves.
// The parent SIGKILLs it right after an ack and checks that the reopened database holds all.
import { openSqliteStore } from '../../src/store/index.js';

const path = process.argv[2]!;
const store = await openSqliteStore({ path });
if ((await store.getCollection('dur')) === undefined) {
  await store.createCollection({
    id: 'dur',
    title: 'durability',
    description: null,
    alias: null,
    readOrgs: [],
    writeOrgs: [],
    mediaTypes: [],
    createdAt: '2025-01-01T00:00:00.000Z',
  });
}
for (let bundle = 0; ; bundle += 1) {
  const accepted = Array.from({ length: 50 }, (_, i) => {
    const id = `indicator--${bundle}-${i}`;
    return { id, type: 'indicator', specVersion: '2.1', version: '2024-01-01T00:00:00.000Z', json: JSON.stringify({ id, bundle, i }) };
  });
  await store.addObjects({ collectionId: 'dur', statusId: `bundle-${bundle}`, requestTimestamp: '2025-01-01T00:00:00.000000Z', accepted, rejected: [] });
  process.stdout.write(`acked bundle-${bundle} ${accepted.length}\n`);
}
