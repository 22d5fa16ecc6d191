// Status resources: one row per POST, the per-object details kept as JSON text, with the
// organisation that posted (migration 10), the only one the TAXII layer shows it to.
import { toStatusRecord, type StatusRow } from '../rows.js';
import type { StatusRecord } from '../types.js';
import { rows, run, type Queryable } from './statements.js';

const INSERT = `INSERT INTO statuses (id, collection_id, status, request_timestamp, total_count, success_count,
  failure_count, pending_count, successes, failures, pendings, posted_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`;

/** Inserts inside the caller's transaction; a duplicate id raises a unique violation. */
export async function insertStatus(db: Queryable, status: StatusRecord): Promise<void> {
  await run(db, INSERT, [
    status.id,
    status.collectionId,
    status.status,
    status.requestTimestamp,
    status.totalCount,
    status.successCount,
    status.failureCount,
    status.pendingCount,
    JSON.stringify(status.successes),
    JSON.stringify(status.failures),
    JSON.stringify(status.pendings),
    status.postedBy ?? null,
  ]);
}

export async function getStatus(db: Queryable, id: string): Promise<StatusRecord | undefined> {
  const [row] = await rows<StatusRow>(db, 'SELECT * FROM statuses WHERE id = $1', [id]);
  if (row === undefined) return undefined;
  return toStatusRecord(row);
}
