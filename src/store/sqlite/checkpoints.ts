// Audit checkpoints on SQLite (migration 8): one insert that ignores a (node, count, hash) held
// already, and a range read by count. Used by the SyncStore, on its own connection.
import type BetterSqlite3 from 'better-sqlite3';
import { CHECKPOINT_COLUMNS, checkCheckpoint, checkCheckpointQuery, toCheckpoint, type CheckpointRow } from '../checkpoint-rows.js';
import type { CheckpointQuery, StoredCheckpoint } from '../types-checkpoints.js';

export class Checkpoints {
  private readonly insert: BetterSqlite3.Statement;
  private readonly range: BetterSqlite3.Statement;

  constructor(db: BetterSqlite3.Database) {
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO audit_checkpoints (${CHECKPOINT_COLUMNS}) VALUES (@nodeId, @count, @headHash, @at, @signature, @peerId, @receivedAt)`,
    );
    this.range = db.prepare(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints WHERE node_id = ? AND count > ? ORDER BY count, seq LIMIT ?`);
  }

  record(checkpoint: StoredCheckpoint): boolean {
    checkCheckpoint(checkpoint);
    return this.insert.run(checkpoint).changes === 1;
  }

  list(nodeId: string, query: CheckpointQuery): StoredCheckpoint[] {
    checkCheckpointQuery(query);
    return (this.range.all(nodeId, query.afterCount ?? -1, query.limit) as CheckpointRow[]).map(toCheckpoint);
  }
}
