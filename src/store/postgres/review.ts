// The review queue on PostgreSQL (migration 3), as src/store/sqlite/review.ts: one row per
// (destination, object content), so holding the same content twice returns the first item, and a
// decision is written once (only rows still pending are updated).
import { REVIEW_DEFAULT_LIMIT, toReviewItem, type ReviewRow } from '../rows.js';
import type pg from 'pg';
import type { DecideResult, NewReviewItem, ReviewDecision, ReviewDestinationKind, ReviewItem, ReviewQuery } from '../types-review.js';
import { storeError } from '../errors.js';
import { withConstraints } from './constraint-errors.js';
import { inTransaction } from './connection.js';
import { rows, run, type Queryable } from './statements.js';
import { Params } from './visibility.js';

const COLUMNS = `id, destination_kind, destination_id, collection_id, object_id, object_type, version, content_hash, json, profile,
  reasons, created_at, state, decided_at, decided_by, note, release`;
const INSERT = `INSERT INTO review_items (id, destination_kind, destination_id, collection_id, object_id, object_type, version,
    content_hash, json, profile, reasons, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
  ON CONFLICT (destination_kind, destination_id, object_id, content_hash) DO NOTHING`;
const BY_KEY = `SELECT ${COLUMNS} FROM review_items WHERE destination_kind = $1 AND destination_id = $2 AND object_id = $3 AND content_hash = $4`;
const BY_ID = `SELECT ${COLUMNS} FROM review_items WHERE id = $1`;
const DECIDE = `UPDATE review_items SET state = $1, decided_at = $2, decided_by = $3, note = $4, release = $5 WHERE id = $6 AND state = 'pending'`;

async function byId(db: Queryable, id: string): Promise<ReviewItem | undefined> {
  const [row] = await rows<ReviewRow>(db, BY_ID, [id]);
  return row === undefined ? undefined : toReviewItem(row);
}

export class ReviewQueue {
  constructor(private readonly pool: pg.Pool) {}

  /** Inserts unless the (destination, object, content) key exists; a reused id is a duplicate key. */
  async hold(item: NewReviewItem): Promise<{ item: ReviewItem; created: boolean }> {
    return withConstraints(`review item ${item.id}`, { id: item.id }, () =>
      inTransaction(this.pool, async (client) => {
        const inserted = await run(client, INSERT, [
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
        ]);
        const [row] = await rows<ReviewRow>(client, BY_KEY, [item.destinationKind, item.destinationId, item.objectId, item.contentHash]);
        return { item: toReviewItem(row!), created: inserted === 1 };
      }),
    );
  }

  async get(id: string): Promise<ReviewItem | undefined> {
    return byId(this.pool, id);
  }

  async list(query: ReviewQuery): Promise<ReviewItem[]> {
    const limit = query.limit ?? REVIEW_DEFAULT_LIMIT;
    if (!Number.isSafeInteger(limit) || limit < 1) throw storeError('SETU_ERR_STORE_INVALID_QUERY', `limit must be a positive integer, not ${limit}`, { limit });
    const params = new Params();
    const where: string[] = [];
    if (query.state !== undefined) where.push(`state = ${params.bind(query.state)}`);
    if (query.destinationKind !== undefined) where.push(`destination_kind = ${params.bind(query.destinationKind)}`);
    if (query.destinationId !== undefined) where.push(`destination_id = ${params.bind(query.destinationId)}`);
    if (query.afterId !== undefined) where.push(`seq > coalesce((SELECT s.seq FROM review_items s WHERE s.id = ${params.bind(query.afterId)}), 0)`);
    const text = `SELECT ${COLUMNS} FROM review_items ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT ${params.bind(limit, '::bigint')}`;
    return (await rows<ReviewRow>(this.pool, text, params.values)).map(toReviewItem);
  }

  async find(kind: ReviewDestinationKind, destinationId: string, hashes: readonly string[]): Promise<ReviewItem[]> {
    if (hashes.length === 0) return [];
    const found = await rows<ReviewRow>(
      this.pool,
      `SELECT ${COLUMNS} FROM review_items WHERE destination_kind = $1 AND destination_id = $2 AND content_hash = ANY($3::text[]) ORDER BY seq`,
      [kind, destinationId, hashes],
    );
    return found.map(toReviewItem);
  }

  async decide(id: string, decision: ReviewDecision): Promise<DecideResult> {
    return inTransaction(this.pool, async (client): Promise<DecideResult> => {
      const release = decision.state === 'approved' ? decision.release : null;
      const changed = await run(client, DECIDE, [decision.state, decision.decidedAt, decision.decidedBy, decision.note ?? null, release, id]);
      const item = await byId(client, id);
      if (item === undefined) return { kind: 'not-found' };
      return changed === 1 ? { kind: 'decided', item } : { kind: 'already-decided', item };
    });
  }
}
