// Status resources: one row per POST, the per-object details kept as JSON arrays. A reader's view
// selects, in the query, the entries naming a version it may read (see ../status-view.ts).
import { toStatusRecord, type StatusRow } from '../rows.js';
import { STATUS_LIST, statusSeenBy, type ShownEntry } from '../status-view.js';
import type BetterSqlite3 from 'better-sqlite3';
import type { ReadScope, StatusRecord } from '../types.js';
import { readableBy } from './visibility.js';

/**
 * Entries of one list of status @id that name a stored version of its collection passing the
 * reader predicate on `o`: same id, and the same version text (or, unversioned, the date_added the
 * status reported). The probe uses objects_by_version's (collection_key, id) prefix.
 */
function shownFrom(list: keyof typeof STATUS_LIST, predicate: string): string {
  return `SELECT ${STATUS_LIST[list]} AS list, d.key AS position, d.value AS entry
    FROM statuses s, json_each(s.${list}) d
    WHERE s.id = @id AND EXISTS (
      SELECT 1 FROM objects o
      WHERE o.collection_key = (SELECT key FROM collections WHERE id = s.collection_id)
        AND o.id = json_extract(d.value, '$.id')
        AND (o.version = json_extract(d.value, '$.version') OR (o.version IS NULL AND o.date_added = json_extract(d.value, '$.version')))
        AND ${predicate})`;
}

export class Statuses {
  private readonly insertRow: BetterSqlite3.Statement;
  private readonly selectRow: BetterSqlite3.Statement;
  /** One statement per kind of reader (anonymous, organisation): the predicate's text differs. */
  private readonly selectShown = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly db: BetterSqlite3.Database) {
    this.insertRow = db.prepare(
      `INSERT INTO statuses (id, collection_id, status, request_timestamp, total_count, success_count,
         failure_count, pending_count, successes, failures, pendings)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
    );
  }

  get(id: string): StatusRecord | undefined {
    const row = this.selectRow.get(id) as StatusRow | undefined;
    if (row === undefined) return undefined;
    return toStatusRecord(row);
  }

  /** The status as `reader` sees it: the row and its shown entries read in one transaction. */
  getFor(id: string, reader: ReadScope): StatusRecord | undefined {
    return this.db.transaction(() => {
      const row = this.selectRow.get(id) as StatusRow | undefined;
      if (row === undefined) return undefined;
      const params: Record<string, string | number> = { id };
      const predicate = readableBy('o', reader, params);
      let statement = this.selectShown.get(predicate);
      if (statement === undefined) {
        statement = this.db.prepare(`${shownFrom('successes', predicate)} UNION ALL ${shownFrom('pendings', predicate)} ORDER BY list, position`);
        this.selectShown.set(predicate, statement);
      }
      return statusSeenBy(row, statement.all(params) as ShownEntry[]);
    })();
  }
}
