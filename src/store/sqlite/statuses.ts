// Status resources: one row per POST, the per-object details kept as JSON arrays, with the
// organisation that posted (migration 10), the only one the TAXII layer shows it to.
import { toStatusRecord, type StatusRow } from '../rows.js';
import type BetterSqlite3 from 'better-sqlite3';
import type { StatusRecord } from '../types.js';

export class Statuses {
  private readonly insertRow: BetterSqlite3.Statement;
  private readonly selectRow: BetterSqlite3.Statement;

  constructor(db: BetterSqlite3.Database) {
    this.insertRow = db.prepare(
      `INSERT INTO statuses (id, collection_id, status, request_timestamp, total_count, success_count,
         failure_count, pending_count, successes, failures, pendings, posted_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.selectRow = db.prepare('SELECT * FROM statuses WHERE id = ?');
  }

  /** Inserts inside the caller's transaction; a duplicate id throws a constraint error. */
  insert(status: StatusRecord): void {
    this.insertRow.run(
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
    );
  }

  get(id: string): StatusRecord | undefined {
    const row = this.selectRow.get(id) as StatusRow | undefined;
    if (row === undefined) return undefined;
    return toStatusRecord(row);
  }
}
