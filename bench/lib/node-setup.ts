// Creates a benchmark node in a data directory: the node, one collection its organisation reads
// and writes, an analyst token, and a request budget high enough that the load is never answered
// 429 (the default 60,000 requests per minute per token is below the read target's 90,000).
import { randomUUID } from 'node:crypto';
import { createCollection } from '../../src/node/admin.js';
import { DEFAULT_NODE_CONFIG, writeNodeConfig } from '../../src/node/config.js';
import { initialiseNode } from '../../src/node/init.js';
import { issueToken } from '../../src/node/tokens.js';
import type { Store } from '../../src/store/index.js';

export interface BenchNode {
  readonly dataDir: string;
  readonly collectionId: string;
  readonly token: string;
  /** The open store; close it before starting the server. */
  readonly store: Store;
}

export const BENCH_RATE_LIMIT_PER_MINUTE = 1_000_000_000;

export async function createBenchNode(dataDir: string): Promise<BenchNode> {
  const clock = Date.now;
  const init = await initialiseNode({ dir: dataDir, nodeName: 'setu-bench', country: 'IN' }, clock, randomUUID);
  await writeNodeConfig(init.paths.config, { ...DEFAULT_NODE_CONFIG, rateLimitPerMinute: BENCH_RATE_LIMIT_PER_MINUTE });
  const orgId = init.organisation.id;
  const collection = await createCollection(init.store, { title: 'bench', readOrgs: [orgId], writeOrgs: [orgId] }, clock, randomUUID);
  const token = await issueToken(init.store, { orgId, role: 'analyst', label: 'bench' }, clock, randomUUID);
  return { dataDir, collectionId: collection.id, token: token.secret, store: init.store };
}
