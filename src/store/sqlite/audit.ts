// The audit log's statements: append (head read, entry built, insert, in one IMMEDIATE
// transaction so a second process can never fork the chain), head and range reads. There is
// deliberately no update or delete here, and the table's triggers refuse them anyway.
import { checkAuditBound, toAuditEntry, type AuditRow } from '../rows.js';
import type BetterSqlite3 from 'better-sqlite3';
import { AUDIT_GENESIS_HASH, type AuditEntry, type AuditHead, type AuditQuery } from '../types-audit.js';
import { storeError } from '../errors.js';


export class AuditLog {
  private readonly s;
  private readonly appendTx: (build: (head: AuditHead | undefined) => AuditEntry) => AuditEntry;

  constructor(db: BetterSqlite3.Database) {
    this.s = {
      head: db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare('INSERT INTO audit_log (seq, at, action, actor, target, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      range: db.prepare('SELECT * FROM audit_log WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?'),
    };
    const tx = db.transaction((build: (head: AuditHead | undefined) => AuditEntry) => this.appendInTransaction(build));
    this.appendTx = (build) => tx.immediate(build);
  }

  append(build: (head: AuditHead | undefined) => AuditEntry): AuditEntry {
    return this.appendTx(build);
  }

  /**
   * Appends inside a transaction the caller already holds (addObjects writes the entry of a write
   * with its objects); `build` may decline with undefined.
   */
  appendInTransaction(build: (head: AuditHead | undefined) => AuditEntry): AuditEntry;
  appendInTransaction(build: (head: AuditHead | undefined) => AuditEntry | undefined): AuditEntry | undefined;
  appendInTransaction(build: (head: AuditHead | undefined) => AuditEntry | undefined): AuditEntry | undefined {
    const head = this.head();
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
    this.s.insert.run(entry.seq, entry.at, entry.action, JSON.stringify(entry.actor), JSON.stringify(entry.target), JSON.stringify(entry.details), entry.prevHash, entry.hash);
    return entry;
  }

  head(): AuditHead | undefined {
    return this.s.head.get() as AuditHead | undefined;
  }

  list(query: AuditQuery): AuditEntry[] {
    if (!(Number.isSafeInteger(query.limit) && query.limit > 0)) {
      throw storeError('SETU_ERR_STORE_INVALID_QUERY', `limit must be a positive safe integer (got ${query.limit})`, { limit: query.limit });
    }
    checkAuditBound('fromSeq', query.fromSeq);
    checkAuditBound('toSeq', query.toSeq);
    const rows = this.s.range.all(query.fromSeq ?? 0, query.toSeq ?? Number.MAX_SAFE_INTEGER, query.limit) as AuditRow[];
    return rows.map(toAuditEntry);
  }
}
