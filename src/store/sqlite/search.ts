// The search indexes on SQLite (migration 11): written by ObjectWrites inside its transaction
// (index), read by one statement built by store/search-sql.ts (query), rebuilt by reindex.
// Words go to the FTS5 `search_words` table as whole tokens; Japanese words are found as
// substrings in `search_cjk` (trigram): MATCH for three characters or more, LIKE below (the
// trigram index cannot narrow a shorter string, so LIKE scans the rows that hold Japanese text).
import type BetterSqlite3 from 'better-sqlite3';
import type { ReadScope } from '../types.js';
import type { SearchObjectsPage, SearchObjectsQuery } from '../types-search.js';
import { isCjkWord, searchRowsOf } from '../search-rows.js';
import { buildSearchSql, searchPage, splitWords, type SearchDialect, type SearchRow, type WordsCondition } from '../search-sql.js';
import { readableBy } from './visibility.js';
import { passesGate } from './gate.js';

type Params = Record<string, string | number>;

const BATCH = 1000;

/** An FTS5 string: the text in double quotes (wordsOf never yields a quote, but one is doubled). */
const quoted = (text: string): string => `"${text.replaceAll('"', '""')}"`;

function dialect(params: Params, reader: ReadScope | undefined, gateReader: string | undefined): SearchDialect {
  let n = 0;
  const bind = (value: unknown): string => {
    const name = `s${(n += 1)}`;
    params[name] = typeof value === 'number' ? value : String(value);
    return `@${name}`;
  };
  return {
    bind,
    memberOf: (column, values) => (values.length === 1 ? `${column} = ${bind(values[0])}` : `${column} IN (SELECT value FROM json_each(${bind(JSON.stringify(values))}))`),
    readable: (alias) => readableBy(alias, reader, params),
    gate: (alias) => passesGate(alias, gateReader, params),
    words: (c: WordsCondition) => {
      const terms: string[] = [];
      const { cjk, tokens } = c.field === 'name' ? { cjk: [], tokens: [...c.words] } : splitWords(c.words, isCjkWord);
      if (tokens.length > 0) {
        const column = c.field === 'name' ? 'name : ' : '';
        const match = c.phrase && tokens.length > 1 ? `${column}${quoted(tokens.join(' '))}` : tokens.map((w) => `${column}${quoted(w)}`).join(' AND ');
        terms.push(`o.seq IN (SELECT rowid FROM search_words WHERE search_words MATCH ${bind(match)})`);
      }
      for (const w of cjk) {
        terms.push(
          [...w].length >= 3
            ? `o.seq IN (SELECT rowid FROM search_cjk WHERE search_cjk MATCH ${bind(quoted(w))})`
            : `o.seq IN (SELECT rowid FROM search_cjk WHERE text LIKE ${bind(`%${w}%`)})`,
        );
      }
      return terms.join(' AND ');
    },
  };
}

export class SearchIndex {
  private readonly insertTerm: BetterSqlite3.Statement;
  private readonly insertWords: BetterSqlite3.Statement;
  private readonly insertCjk: BetterSqlite3.Statement;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly db: BetterSqlite3.Database) {
    this.insertTerm = db.prepare('INSERT OR IGNORE INTO search_terms (kind, value, seq, source) VALUES (?, ?, ?, ?)');
    this.insertWords = db.prepare('INSERT INTO search_words (rowid, name, body) VALUES (?, ?, ?)');
    this.insertCjk = db.prepare('INSERT INTO search_cjk (rowid, text) VALUES (?, ?)');
  }

  /** Indexes one version just written (call inside the write's transaction). */
  index(seq: number, json: string): void {
    const rows = searchRowsOf(json);
    for (const t of rows.terms) this.insertTerm.run(t.kind, t.value, seq, t.source);
    if (rows.name !== '' || rows.body !== '') this.insertWords.run(seq, rows.name, rows.body);
    if (rows.cjk !== null) this.insertCjk.run(seq, rows.cjk);
  }

  query(query: SearchObjectsQuery): SearchObjectsPage {
    const params: Params = {};
    const sql = buildSearchSql(query, dialect(params, query.reader, query.gateReader));
    let statement = this.statements.get(sql);
    if (statement === undefined) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return searchPage(statement.all(params) as SearchRow[], query.limit);
  }

  /** Rebuilds the indexes of every stored version, a batch of seqs per transaction. */
  reindex(progress?: (done: number, total: number) => void): number {
    const total = (this.db.prepare('SELECT count(*) AS n FROM objects').get() as { n: number }).n;
    const page = this.db.prepare('SELECT seq, json FROM objects WHERE seq > ? ORDER BY seq LIMIT ?');
    const clear = [
      this.db.prepare('DELETE FROM search_terms WHERE seq BETWEEN ? AND ?'),
      this.db.prepare('DELETE FROM search_words WHERE rowid BETWEEN ? AND ?'),
      this.db.prepare('DELETE FROM search_cjk WHERE rowid BETWEEN ? AND ?'),
    ];
    let done = 0;
    let after = 0;
    progress?.(0, total);
    // Each batch is read and indexed in one transaction, so a version deleted meanwhile is skipped.
    const batch = this.db.transaction((from: number): number => {
      const rows = page.all(from, BATCH) as { seq: number; json: string }[];
      const last = rows.at(-1)?.seq;
      if (last === undefined) return 0;
      for (const statement of clear) statement.run(from + 1, last);
      for (const row of rows) this.index(row.seq, row.json);
      after = last;
      return rows.length;
    });
    for (let n = batch.immediate(after); n > 0; n = batch.immediate(after)) {
      done += n;
      progress?.(Math.min(done, total), total);
    }
    return done;
  }
}
