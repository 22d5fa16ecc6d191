// Audit checkpoints as rows, shared by both adapters: the row shape both tables have (migration
// 8), its mapper, and the check of a query's bounds.
import { storeError } from './errors.js';
import type { CheckpointQuery, StoredCheckpoint } from './types-checkpoints.js';

export interface CheckpointRow {
  node_id: string;
  count: number | string;
  head_hash: string;
  at: string;
  signature: string;
  peer_id: string | null;
  received_at: string;
}

export const CHECKPOINT_COLUMNS = 'node_id, count, head_hash, at, signature, peer_id, received_at';

export function toCheckpoint(row: CheckpointRow): StoredCheckpoint {
  return {
    nodeId: row.node_id,
    // PostgreSQL returns bigint as text.
    count: Number(row.count),
    headHash: row.head_hash,
    at: row.at,
    signature: row.signature,
    peerId: row.peer_id,
    receivedAt: row.received_at,
  };
}

export function checkCheckpointQuery(query: CheckpointQuery): void {
  if (!(Number.isSafeInteger(query.limit) && query.limit > 0)) {
    throw storeError('SETU_ERR_STORE_INVALID_QUERY', `limit must be a positive safe integer (got ${query.limit})`, { limit: query.limit });
  }
  if (query.afterCount !== undefined && !(Number.isSafeInteger(query.afterCount) && query.afterCount >= 0)) {
    throw storeError('SETU_ERR_STORE_INVALID_QUERY', `afterCount must be a non-negative safe integer (got ${query.afterCount})`, { afterCount: query.afterCount });
  }
}

export function checkCheckpoint(checkpoint: StoredCheckpoint): void {
  if (!(Number.isSafeInteger(checkpoint.count) && checkpoint.count >= 0)) {
    throw storeError('SETU_ERR_STORE_INVALID_QUERY', `a checkpoint's count must be a non-negative safe integer (got ${checkpoint.count})`, { count: checkpoint.count });
  }
}
