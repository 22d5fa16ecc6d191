// The search indexes on PostgreSQL (migration 11): written by ObjectWrites inside its transaction
// (SearchBatch, multi-row inserts), read by one statement built by store/search-sql.ts, rebuilt
// by reindexSearch. Words are matched in `tsvector`s of the 'simple' configuration (GIN); Japanese
// words as substrings of `cjk` (LIKE, under the pg_trgm index when there is one).
import type pg from 'pg';
import type { SearchObjectsPage, SearchObjectsQuery } from '../types-search.js';
import { isCjkWord, searchRowsOf } from '../search-rows.js';
import { buildSearchSql, searchPage, splitWords, type SearchDialect, type SearchRow, type WordsCondition } from '../search-sql.js';
import { inTransaction } from './connection.js';
import { rows, run } from './statements.js';
import { Params, bindReader, readableBy } from './visibility.js';
import { bindGate, passesGate } from './gate.js';

const BATCH = 1000;

const INSERT_TERMS = `INSERT INTO search_terms (kind, value, seq, source)
  SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[]) ON CONFLICT DO NOTHING`;
const INSERT_TEXT = `INSERT INTO search_text (seq, name, words, cjk)
  SELECT u.seq, to_tsvector('simple', u.name), to_tsvector('simple', u.name || ' ' || u.body), u.cjk
  FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS u (seq, name, body, cjk)
  ON CONFLICT (seq) DO UPDATE SET name = excluded.name, words = excluded.words, cjk = excluded.cjk`;

/** The index rows of the versions one write adds, inserted together. */
export class SearchBatch {
  private readonly termKind: string[] = [];
  private readonly termValue: string[] = [];
  private readonly termSeq: number[] = [];
  private readonly termSource: string[] = [];
  private readonly textSeq: number[] = [];
  private readonly textName: string[] = [];
  private readonly textBody: string[] = [];
  private readonly textCjk: (string | null)[] = [];

  push(seq: number, json: string): void {
    const r = searchRowsOf(json);
    for (const t of r.terms) {
      this.termKind.push(t.kind);
      this.termValue.push(t.value);
      this.termSeq.push(seq);
      this.termSource.push(t.source);
    }
    if (r.name === '' && r.body === '' && r.cjk === null) return;
    this.textSeq.push(seq);
    this.textName.push(r.name);
    this.textBody.push(r.body);
    this.textCjk.push(r.cjk);
  }

  /** Inserts the rows (inside the write's transaction). */
  async write(client: pg.PoolClient): Promise<void> {
    if (this.termSeq.length > 0) await run(client, INSERT_TERMS, [this.termKind, this.termValue, this.termSeq, this.termSource]);
    if (this.textSeq.length > 0) await run(client, INSERT_TEXT, [this.textSeq, this.textName, this.textBody, this.textCjk]);
  }
}

function dialect(params: Params, query: SearchObjectsQuery): SearchDialect {
  const reader = bindReader(query.reader, params);
  const gate = bindGate(query.gateReader, params);
  const bind = (value: unknown): string => params.bind(value);
  return {
    bind,
    memberOf: (column, values) => (values.length === 1 ? `${column} = ${bind(values[0])}` : `${column} = ANY(${params.bind(values, '::text[]')})`),
    readable: (alias) => readableBy(alias, reader),
    gate: (alias) => passesGate(alias, gate),
    words: (c: WordsCondition) => {
      const terms: string[] = [];
      const { cjk, tokens } = c.field === 'name' ? { cjk: [], tokens: [...c.words] } : splitWords(c.words, isCjkWord);
      if (tokens.length > 0) {
        const fn = c.phrase && tokens.length > 1 ? 'phraseto_tsquery' : 'plainto_tsquery';
        const column = c.field === 'name' ? 's.name' : 's.words';
        terms.push(`o.seq IN (SELECT s.seq FROM search_text s WHERE ${column} @@ ${fn}('simple', ${bind(tokens.join(' '))}))`);
      }
      for (const w of cjk) terms.push(`o.seq IN (SELECT s.seq FROM search_text s WHERE s.cjk LIKE ${bind(`%${w}%`)})`);
      return terms.join(' AND ');
    },
  };
}

export async function searchObjects(pool: pg.Pool, query: SearchObjectsQuery): Promise<SearchObjectsPage> {
  const params = new Params();
  const sql = buildSearchSql(query, dialect(params, query));
  return searchPage(await rows<SearchRow & pg.QueryResultRow>(pool, sql, params.values), query.limit);
}

/** Rebuilds the indexes of every stored version, a batch of seqs per transaction. */
export async function reindexSearch(pool: pg.Pool, progress?: (done: number, total: number) => void): Promise<number> {
  const [count] = await rows<{ n: string }>(pool, 'SELECT count(*) AS n FROM objects');
  const total = Number(count?.n ?? 0);
  let done = 0;
  let after = 0;
  progress?.(0, total);
  for (;;) {
    // Read and indexed in one transaction, so a version deleted meanwhile is skipped.
    const n = await inTransaction(pool, async (client) => {
      const page = await rows<{ seq: string; json: string }>(client, 'SELECT seq, json FROM objects WHERE seq > $1 ORDER BY seq LIMIT $2', [after, BATCH]);
      const last = page.at(-1);
      if (last === undefined) return 0;
      await run(client, 'DELETE FROM search_terms WHERE seq > $1 AND seq <= $2', [after, last.seq]);
      await run(client, 'DELETE FROM search_text WHERE seq > $1 AND seq <= $2', [after, last.seq]);
      const batch = new SearchBatch();
      for (const row of page) batch.push(Number(row.seq), row.json);
      await batch.write(client);
      after = Number(last.seq);
      return page.length;
    });
    if (n === 0) return done;
    done += n;
    progress?.(Math.min(done, total), total);
  }
}
