// Child process of the multi-process test (not a test file): writes bundles of 2,000 versions to
// the PostgreSQL store (argv[2] = URL with ?schema=) forever, printing "acked <n>" after each
// commit. The parent SIGKILLs it while the next bundle is in flight.
import { openPostgresStore } from '../../src/store/index.js';

const store = await openPostgresStore({ url: process.argv[2]!, maxConnections: 1 });
for (let bundle = 0; ; bundle += 1) {
  const accepted = Array.from({ length: 2000 }, (_, i) => {
    const id = `indicator--b${bundle}-${i}`;
    return { id, type: 'indicator', specVersion: '2.1', version: '2024-01-01T00:00:00.000Z', json: JSON.stringify({ id, bundle, i, pad: 'x'.repeat(200) }) };
  });
  await store.addObjects({ collectionId: 'c1', statusId: `bundle-${bundle}`, requestTimestamp: '2025-01-01T00:00:00.000000Z', accepted, rejected: [] });
  process.stdout.write(`acked ${bundle}\n`);
}
