// The gate verdicts on PostgreSQL (migration 7), as src/store/sqlite/gate.ts: the predicate in the
// page query and the one-transaction write of verdicts and mark.
import type pg from 'pg';
import type { GateMark, GateVerdicts } from '../types-gate.js';
import { inTransaction } from './connection.js';
import { rows, run } from './statements.js';
import type { Params } from './visibility.js';

/** The placeholder of a gate reader key, bound once per query (undefined: no gate). */
export function bindGate(gateReader: string | undefined, params: Params): string | undefined {
  return gateReader === undefined ? undefined : params.bind(gateReader);
}

/** The predicate on rows of `alias` for a bound gate reader; '' for none. */
export function passesGate(alias: string, placeholder: string | undefined): string {
  if (placeholder === undefined) return '';
  return `EXISTS (SELECT 1 FROM gate_verdicts g WHERE g.seq = ${alias}.seq AND g.reader = ${placeholder} AND g.pass)`;
}

const MARK = 'SELECT fingerprint, upto_seq::float8 AS "uptoSeq" FROM gate_marks WHERE collection_id = $1 AND reader = $2';
const RESET = 'DELETE FROM gate_verdicts WHERE reader = $1 AND seq IN (SELECT seq FROM objects WHERE collection_key = (SELECT key FROM collections WHERE id = $2))';
// A verdict for a version deleted meanwhile has no row to attach to: it is skipped.
const PUT = `INSERT INTO gate_verdicts (seq, reader, pass)
  SELECT v.seq, $1, v.pass FROM unnest($2::bigint[], $3::boolean[]) AS v (seq, pass) WHERE EXISTS (SELECT 1 FROM objects o WHERE o.seq = v.seq)
  ON CONFLICT (seq, reader) DO UPDATE SET pass = excluded.pass`;
const PUT_MARK = `INSERT INTO gate_marks (collection_id, reader, fingerprint, upto_seq) VALUES ($1, $2, $3, $4)
  ON CONFLICT (collection_id, reader) DO UPDATE SET fingerprint = excluded.fingerprint, upto_seq = excluded.upto_seq`;

export async function gateMark(pool: pg.Pool, collectionId: string, reader: string): Promise<GateMark | undefined> {
  const [row] = await rows<GateMark>(pool, MARK, [collectionId, reader]);
  return row;
}

export async function recordGateVerdicts(pool: pg.Pool, v: GateVerdicts): Promise<void> {
  await inTransaction(pool, async (client) => {
    if (v.reset) await run(client, RESET, [v.reader, v.collectionId]);
    if (v.verdicts.length > 0) await run(client, PUT, [v.reader, v.verdicts.map((x) => x.seq), v.verdicts.map((x) => x.pass)]);
    await run(client, PUT_MARK, [v.collectionId, v.reader, v.fingerprint, v.uptoSeq]);
  });
}
