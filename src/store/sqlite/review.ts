// The review queue's statements (migration 3).
import { REVIEW_DEFAULT_LIMIT, toReviewItem, type ReviewRow } from '../rows.js';
import type BetterSqlite3 from 'better-sqlite3';
import type { DecideResult, NewReviewItem, ReviewDecision, ReviewDestinationKind, ReviewItem, ReviewQuery } from '../types-review.js';
import { storeError } from '../errors.js';
import { withConstraints } from './constraint-errors.js';


export class ReviewQueue {
  private readonly db: BetterSqlite3.Database;
  private readonly insert: BetterSqlite3.Statement;
  private readonly byKey: BetterSqlite3.Statement;
  private readonly byId: BetterSqlite3.Statement;
  private readonly decide: BetterSqlite3.Statement;

  constructor(db: BetterSqlite3.Database) {
    this.db = db;
    this.insert = db.prepare(
      `INSERT INTO review_items (id, destination_kind, destination_id, collection_id, object_id, object_type, version,
         content_hash, json, profile, reasons, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (destination_kind, destination_id, object_id, content_hash) DO NOTHING`,
    );
    this.byKey = db.prepare('SELECT * FROM review_items WHERE destination_kind = ? AND destination_id = ? AND object_id = ? AND content_hash = ?');
    this.byId = db.prepare('SELECT * FROM review_items WHERE id = ?');
    this.decide = db.prepare(
      `UPDATE review_items SET state = ?, decided_at = ?, decided_by = ?, note = ?, release = ?
       WHERE id = ? AND state = 'pending'`,
    );
  }

  /** Inserts unless the (destination, object, content) key exists; a reused id is a duplicate key. */
  hold(item: NewReviewItem): { item: ReviewItem; created: boolean } {
    return this.db.transaction(() => {
      const info = withConstraints(`review item ${item.id}`, { id: item.id }, () =>
        this.insert.run(
          item.id,
          item.destinationKind,
          item.destinationId,
          item.collectionId,
          item.objectId,
          item.objectType,
          item.version,
          item.contentHash,
          item.json,
          item.profile,
          JSON.stringify(item.reasons),
          item.createdAt,
        ),
      );
      const row = this.byKey.get(item.destinationKind, item.destinationId, item.objectId, item.contentHash) as ReviewRow;
      return { item: toReviewItem(row), created: info.changes === 1 };
    })();
  }

  get(id: string): ReviewItem | undefined {
    const row = this.byId.get(id) as ReviewRow | undefined;
    return row === undefined ? undefined : toReviewItem(row);
  }

  list(query: ReviewQuery): ReviewItem[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (query.state !== undefined) (where.push('state = ?'), args.push(query.state));
    if (query.destinationKind !== undefined) (where.push('destination_kind = ?'), args.push(query.destinationKind));
    if (query.destinationId !== undefined) (where.push('destination_id = ?'), args.push(query.destinationId));
    if (query.afterId !== undefined) (where.push('seq > coalesce((SELECT seq FROM review_items WHERE id = ?), 0)'), args.push(query.afterId));
    const limit = query.limit ?? REVIEW_DEFAULT_LIMIT;
    if (!Number.isSafeInteger(limit) || limit < 1) throw storeError('SETU_ERR_STORE_INVALID_QUERY', `limit must be a positive integer, not ${limit}`, { limit });
    const sql = `SELECT * FROM review_items ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT ?`;
    return (this.db.prepare(sql).all(...args, limit) as ReviewRow[]).map(toReviewItem);
  }

  find(kind: ReviewDestinationKind, destinationId: string, hashes: readonly string[]): ReviewItem[] {
    if (hashes.length === 0) return [];
    const out: ReviewItem[] = [];
    // Chunked to stay under SQLite's bound-parameter limit.
    for (let i = 0; i < hashes.length; i += 500) {
      const chunk = hashes.slice(i, i + 500);
      const sql = `SELECT * FROM review_items WHERE destination_kind = ? AND destination_id = ? AND content_hash IN (${chunk.map(() => '?').join(',')}) ORDER BY seq`;
      out.push(...(this.db.prepare(sql).all(kind, destinationId, ...chunk) as ReviewRow[]).map(toReviewItem));
    }
    return out;
  }

  decideItem(id: string, decision: ReviewDecision): DecideResult {
    return this.db.transaction((): DecideResult => {
      const release = decision.state === 'approved' ? decision.release : null;
      const info = this.decide.run(decision.state, decision.decidedAt, decision.decidedBy, decision.note ?? null, release, id);
      const item = this.get(id);
      if (item === undefined) return { kind: 'not-found' };
      return info.changes === 1 ? { kind: 'decided', item } : { kind: 'already-decided', item };
    })();
  }
}
