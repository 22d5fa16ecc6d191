// The gate verdicts' statements (migration 7) and their predicate in the page query.
import type BetterSqlite3 from 'better-sqlite3';
import type { GateMark, GateVerdicts } from '../types-gate.js';

type Params = Record<string, string | number>;

/** The predicate on rows of `alias` for a gate reader key, binding its parameter; '' for none. */
export function passesGate(alias: string, gateReader: string | undefined, params: Params): string {
  if (gateReader === undefined) return '';
  params['gateReader'] = gateReader;
  return `EXISTS (SELECT 1 FROM gate_verdicts g WHERE g.seq = ${alias}.seq AND g.reader = @gateReader AND g.pass = 1)`;
}

export class GateVerdictTable {
  private readonly db: BetterSqlite3.Database;
  private readonly mark: BetterSqlite3.Statement;
  private readonly reset: BetterSqlite3.Statement;
  private readonly put: BetterSqlite3.Statement;
  private readonly putMark: BetterSqlite3.Statement;

  constructor(db: BetterSqlite3.Database) {
    this.db = db;
    this.mark = db.prepare('SELECT fingerprint, upto_seq AS uptoSeq FROM gate_marks WHERE collection_id = ? AND reader = ?');
    this.reset = db.prepare(
      'DELETE FROM gate_verdicts WHERE reader = ? AND seq IN (SELECT seq FROM objects WHERE collection_key = (SELECT key FROM collections WHERE id = ?))',
    );
    // A verdict for a version deleted meanwhile has no row to attach to: it is skipped.
    this.put = db.prepare(
      `INSERT INTO gate_verdicts (seq, reader, pass) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM objects WHERE seq = ?)
       ON CONFLICT (seq, reader) DO UPDATE SET pass = excluded.pass`,
    );
    this.putMark = db.prepare(
      `INSERT INTO gate_marks (collection_id, reader, fingerprint, upto_seq) VALUES (?, ?, ?, ?)
       ON CONFLICT (collection_id, reader) DO UPDATE SET fingerprint = excluded.fingerprint, upto_seq = excluded.upto_seq`,
    );
  }

  get(collectionId: string, reader: string): GateMark | undefined {
    return this.mark.get(collectionId, reader) as GateMark | undefined;
  }

  record(v: GateVerdicts): void {
    this.db
      .transaction(() => {
        if (v.reset) this.reset.run(v.reader, v.collectionId);
        for (const { seq, pass } of v.verdicts) this.put.run(seq, v.reader, pass ? 1 : 0, seq);
        this.putMark.run(v.collectionId, v.reader, v.fingerprint, v.uptoSeq);
      })
      .immediate();
  }
}
