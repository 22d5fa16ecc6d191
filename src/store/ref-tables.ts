// The RefStore over migration 12's table, written once for both adapters: plain SQL with `?`
// placeholders run through the adapter's SqlRunner (as user-tables.ts). The reader predicate and
// the gate verdict are terms of the one statement, applied to the referring row and to the rows
// that decide which version is its object's newest, so a reference the reader may not read is
// neither returned nor lets an older readable version stand in for a newer unreadable one.
import type { SqlRunner } from './sql-runner.js';
import type { ReadScope } from './types.js';
import { MAX_REF_TARGETS, type RefStore, type Referrer, type ReferrersQuery } from './types-refs.js';
import { RED_RANK } from './tlp-rank.js';
import { storeError } from './errors.js';
import { refRowsOf } from './ref-rows.js';

const REBUILD_BATCH = 1000;

/** Terms on rows of `alias` for the reader and the gate key, pushing their parameters in order. */
function visibleTerms(alias: string, reader: ReadScope | undefined, gateReader: string | undefined, params: unknown[]): string {
  const terms: string[] = [];
  if (reader !== undefined) {
    if (reader.orgId === null) terms.push(`${alias}.tlp = 0`);
    else {
      terms.push(
        `(${alias}.tlp < ${RED_RANK} OR ${alias}.owner_org = ? OR EXISTS (SELECT 1 FROM object_recipients rr WHERE rr.seq = ${alias}.seq AND rr.identity = ?))`,
      );
      params.push(reader.orgId, reader.identityId ?? '');
    }
  }
  if (gateReader !== undefined) {
    terms.push(`EXISTS (SELECT 1 FROM gate_verdicts g WHERE g.seq = ${alias}.seq AND g.reader = ? AND g.pass)`);
    params.push(gateReader);
  }
  return terms.map((t) => ` AND ${t}`).join('');
}

interface ReferrerRow {
  seq: number | string;
  id: string;
  type: string;
  path: string;
  target_id: string;
}

export class RefTables implements RefStore {
  constructor(private readonly sql: SqlRunner) {}

  /**
   * Writes the rows of every stored version that lacks them (versions stored before migration 12),
   * in seq order, batch by batch; rows already present stay (idempotent, so an interrupted run is
   * finished by the next). A version deleted meanwhile is skipped. Returns the versions read.
   */
  async rebuild(progress?: (done: number, total: number) => void): Promise<number> {
    const [count] = await this.sql.all<{ n: number | string }>('SELECT count(*) AS n FROM objects', []);
    const total = Number(count?.n ?? 0);
    let done = 0;
    let after = 0;
    for (;;) {
      const rows = await this.sql.all<{ seq: number | string; json: string }>('SELECT seq, json FROM objects WHERE seq > ? ORDER BY seq LIMIT ?', [after, REBUILD_BATCH]);
      for (const row of rows) {
        const seq = Number(row.seq);
        for (const ref of refRowsOf(row.json)) {
          await this.sql.run(
            'INSERT INTO object_refs (seq, path, target_id) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM objects WHERE seq = ?) ON CONFLICT DO NOTHING',
            [seq, ref.path, ref.target, seq],
          );
        }
        after = seq;
      }
      done += rows.length;
      progress?.(done, total);
      if (rows.length < REBUILD_BATCH) return done;
    }
  }

  async referrersOf(query: ReferrersQuery): Promise<Referrer[]> {
    const { targetIds, limit } = query;
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw storeError('SETU_ERR_STORE_INVALID_QUERY', `limit must be a positive integer, got ${limit}`, { limit });
    }
    if (targetIds.length === 0 || targetIds.length > MAX_REF_TARGETS) {
      throw storeError('SETU_ERR_STORE_INVALID_QUERY', `targetIds must name 1 to ${MAX_REF_TARGETS} ids, got ${targetIds.length}`, { targets: targetIds.length });
    }
    const params: unknown[] = [...targetIds, query.collectionId];
    const visibleO = visibleTerms('o', query.reader, query.gateReader, params);
    const visibleX = visibleTerms('x', query.reader, query.gateReader, params);
    params.push(limit);
    const rows = await this.sql.all<ReferrerRow>(
      `SELECT o.seq AS seq, o.id AS id, o.type AS type, r.path AS path, r.target_id AS target_id
       FROM object_refs r JOIN objects o ON o.seq = r.seq
       WHERE r.target_id IN (${targetIds.map(() => '?').join(', ')})
         AND o.collection_key = (SELECT c.key FROM collections c WHERE c.id = ?)${visibleO}
         AND o.seq = (SELECT x.seq FROM objects x WHERE x.collection_key = o.collection_key AND x.id = o.id${visibleX}
                      ORDER BY x.spec_rank DESC, x.version_key DESC, x.seq DESC LIMIT 1)
       ORDER BY o.seq, r.path, r.target_id LIMIT ?`,
      params,
    );
    return rows.map((row) => ({ seq: Number(row.seq), id: row.id, type: row.type, path: row.path, targetId: row.target_id }));
  }
}
