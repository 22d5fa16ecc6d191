// Status resources: one row per POST, the per-object details kept as JSON text. A reader's view
// selects, in the query, the entries naming a version it may read (see ../status-view.ts).
import { toStatusRecord, type StatusRow } from '../rows.js';
import { STATUS_LIST, statusSeenBy, type ShownEntry } from '../status-view.js';
import type { ReadScope, StatusRecord } from '../types.js';
import { rows, run, type Queryable } from './statements.js';
import { Params, bindReader, readableBy } from './visibility.js';


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
  return toStatusRecord(row);
}

/**
 * Entries of one list of the status that name a stored version of its collection passing the
 * reader predicate on `o`: same id, and the same version text (or, unversioned, the date_added the
 * status reported). The probe uses objects_by_version's (collection_key, id) prefix.
 */
function shownFrom(list: keyof typeof STATUS_LIST, idParam: string, predicate: string): string {
  return `SELECT ${STATUS_LIST[list]} AS list, d.position, d.entry::text AS entry
    FROM statuses s, jsonb_array_elements(s.${list}::jsonb) WITH ORDINALITY AS d(entry, position)
    WHERE s.id = ${idParam} AND EXISTS (
      SELECT 1 FROM objects o
      WHERE o.collection_key = (SELECT key FROM collections WHERE id = s.collection_id)
        AND o.id = d.entry->>'id'
        AND (o.version = d.entry->>'version' OR (o.version IS NULL AND o.date_added = d.entry->>'version'))
        AND ${predicate})`;
}

/** The status as `reader` sees it (the row is immutable, so two statements see one status). */
export async function getStatusFor(db: Queryable, id: string, reader: ReadScope): Promise<StatusRecord | undefined> {
  const [row] = await rows<StatusRow>(db, 'SELECT * FROM statuses WHERE id = $1', [id]);
  if (row === undefined) return undefined;
  const params = new Params();
  const idParam = params.bind(id);
  const predicate = readableBy('o', bindReader(reader, params));
  const shown = await rows<ShownEntry>(db, `${shownFrom('successes', idParam, predicate)} UNION ALL ${shownFrom('pendings', idParam, predicate)} ORDER BY list, position`, params.values);
  return statusSeenBy(row, shown);
}
