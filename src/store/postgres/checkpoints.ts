// Audit checkpoints on PostgreSQL (migration 8), as store/sqlite/checkpoints.ts: an insert that
// ignores a (node, count, hash) held already, and a range read by count.
import { CHECKPOINT_COLUMNS, checkCheckpoint, checkCheckpointQuery, toCheckpoint, type CheckpointRow } from '../checkpoint-rows.js';
import type { CheckpointQuery, StoredCheckpoint } from '../types-checkpoints.js';
import { rows, run, type Queryable } from './statements.js';

export async function recordCheckpoint(db: Queryable, checkpoint: StoredCheckpoint): Promise<boolean> {
  checkCheckpoint(checkpoint);
  const inserted = await run(
    db,
    `INSERT INTO audit_checkpoints (${CHECKPOINT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (node_id, count, head_hash) DO NOTHING`,
    [checkpoint.nodeId, checkpoint.count, checkpoint.headHash, checkpoint.at, checkpoint.signature, checkpoint.peerId, checkpoint.receivedAt],
  );
  return inserted === 1;
}

export async function listCheckpoints(db: Queryable, nodeId: string, query: CheckpointQuery): Promise<StoredCheckpoint[]> {
  checkCheckpointQuery(query);
  const found = await rows<CheckpointRow>(
    db,
    `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints WHERE node_id = $1 AND count > $2 ORDER BY count, seq LIMIT $3::bigint`,
    [nodeId, query.afterCount ?? -1, query.limit],
  );
  return found.map(toCheckpoint);
}
