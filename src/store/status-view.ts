// A status resource as one reader sees it, shared by both adapters. The adapters select, inside the
// query, the successes and pendings that name a version the reader may read in the status's
// collection; this only assembles the record, so the counts are those of the entries shown.
// Failures name versions the store did not take (or took from someone else), so there are no
// visibility columns to judge them by and no reader is shown them: the poster had every one of
// them in the Add Objects response.
import { toStatusRecord, type StatusRow } from './rows.js';
import type { StatusDetail, StatusRecord } from './types.js';

/** Which list of the status row an entry came from. */
export const STATUS_LIST = { successes: 0, pendings: 1 } as const;

export interface ShownEntry {
  readonly list: number;
  readonly entry: string;
}

export function statusSeenBy(row: StatusRow, shown: readonly ShownEntry[]): StatusRecord {
  const status = toStatusRecord({ ...row, successes: '[]', failures: '[]', pendings: '[]' });
  const successes: StatusDetail[] = [];
  const pendings: StatusDetail[] = [];
  for (const { list, entry } of shown) (list === STATUS_LIST.successes ? successes : pendings).push(detailOf(entry));
  return {
    ...status,
    totalCount: successes.length + pendings.length,
    successCount: successes.length,
    failureCount: 0,
    pendingCount: pendings.length,
    successes,
    failures: [],
    pendings,
  };
}

/** Only the StatusDetail fields, so a JSON column holding more never leaks it. */
function detailOf(text: string): StatusDetail {
  const value = JSON.parse(text) as StatusDetail;
  return { id: value.id, version: value.version, ...(value.message === undefined ? {} : { message: value.message }) };
}
