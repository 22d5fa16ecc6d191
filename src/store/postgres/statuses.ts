// Status resources: one row per POST, the per-object details kept as JSON text.
import type { StatusDetail, StatusRecord } from '../types.js';
import { rows, run, type Queryable } from './statements.js';

interface StatusRow {
  id: string;
  collection_id: string;
  status: 'complete' | 'pending';
  request_timestamp: string;
  total_count: number;
  success_count: number;
  failure_count: number;
  pending_count: number;
  successes: string;
  failures: string;
  pendings: string;
}

const INSERT = `INSERT INTO statuses (id, collection_id, status, request_timestamp, total_count, success_count,
  failure_count, pending_count, successes, failures, pendings) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`;

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
  ]);
}

export async function getStatus(db: Queryable, id: string): Promise<StatusRecord | undefined> {
  const [row] = await rows<StatusRow>(db, 'SELECT * FROM statuses WHERE id = $1', [id]);
  if (row === undefined) return undefined;
  return {
    id: row.id,
    collectionId: row.collection_id,
    status: row.status,
    requestTimestamp: row.request_timestamp,
    totalCount: row.total_count,
    successCount: row.success_count,
    failureCount: row.failure_count,
    pendingCount: row.pending_count,
    successes: JSON.parse(row.successes) as StatusDetail[],
    failures: JSON.parse(row.failures) as StatusDetail[],
    pendings: JSON.parse(row.pendings) as StatusDetail[],
  };
}
