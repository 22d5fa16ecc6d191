// The audit log on PostgreSQL: append (head read, entry built, insert) in one transaction that
// first takes a transaction-scoped advisory lock, so writers in any process extend the chain one
// at a time and never fork it. There is deliberately no update or delete; triggers refuse them.
import { checkAuditBound, toAuditEntry, type AuditRow } from '../rows.js';
import type pg from 'pg';
import { AUDIT_GENESIS_HASH, type AuditEntry, type AuditHead, type AuditQuery } from '../types-audit.js';
import { storeError } from '../errors.js';
import { inTransaction } from './connection.js';
import { rows, run, type Queryable } from './statements.js';


const HEAD = 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1';
const INSERT = 'INSERT INTO audit_log (seq, at, action, actor, target, details, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)';

export async function auditHead(db: Queryable): Promise<AuditHead | undefined> {
  const [head] = await rows<AuditHead>(db, HEAD);
  return head;
}

/** Appends under the schema's audit lock; `build` runs inside the transaction. */
export async function appendAudit(pool: pg.Pool, schema: string, build: (head: AuditHead | undefined) => AuditEntry): Promise<AuditEntry> {
  return inTransaction(pool, async (client) => (await appendInTransaction(client, schema, build))!);
}

/**
 * Appends inside a transaction the caller holds (addObjects writes the entry of a write with its
 * objects): takes the schema's audit lock until COMMIT, reads the head, and inserts what `build`
 * returns (undefined: nothing).
 */
export async function appendInTransaction(
  client: Queryable,
  schema: string,
  build: (head: AuditHead | undefined) => AuditEntry | undefined,
): Promise<AuditEntry | undefined> {
  await run(client, 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${schema}:audit_log`]);
  const head = await auditHead(client);
  const entry = build(head);
  if (entry === undefined) return undefined;
  const expectedSeq = (head?.seq ?? 0) + 1;
  const expectedPrev = head?.hash ?? AUDIT_GENESIS_HASH;
  if (entry.seq !== expectedSeq || entry.prevHash !== expectedPrev) {
    throw storeError('SETU_ERR_STORE_AUDIT_NOT_HEAD', `audit entry ${entry.seq} does not extend the head (expected seq ${expectedSeq} after ${expectedPrev})`, {
      seq: entry.seq,
      expectedSeq,
    });
  }
  await run(client, INSERT, [
    entry.seq,
    entry.at,
    entry.action,
    JSON.stringify(entry.actor),
    JSON.stringify(entry.target),
    JSON.stringify(entry.details),
    entry.prevHash,
    entry.hash,
  ]);
  return entry;
}

export async function listAudit(db: Queryable, query: AuditQuery): Promise<AuditEntry[]> {
  if (!(Number.isSafeInteger(query.limit) && query.limit > 0)) {
    throw storeError('SETU_ERR_STORE_INVALID_QUERY', `limit must be a positive safe integer (got ${query.limit})`, { limit: query.limit });
  }
  checkAuditBound('fromSeq', query.fromSeq);
  checkAuditBound('toSeq', query.toSeq);
  const found = await rows<AuditRow>(db, 'SELECT * FROM audit_log WHERE seq >= $1 AND seq <= $2 ORDER BY seq LIMIT $3', [
    query.fromSeq ?? 0,
    query.toSeq ?? Number.MAX_SAFE_INTEGER,
    query.limit,
  ]);
  return found.map(toAuditEntry);
}
