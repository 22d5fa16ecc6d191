// The search query, written once for both stores: every condition, the collections, the reader
// predicate and the gate verdicts are terms of ONE statement, so a page, `more` and the cursor are
// exact (no row is fetched and then dropped). Each adapter hands in what differs: placeholders,
// list membership, its reader and gate predicates (the same ones its page queries use) and the
// full-text match of its engine.
import type { ObjectRecord } from './types.js';
import type { SearchCondition, SearchObjectsQuery } from './types-search.js';
import { storeError } from './errors.js';
import { toMicrosKey } from './timestamps.js';
import { TLP_BY_RANK, tlpRank } from './tlp-rank.js';
import { EVIDENCE_KIND } from './search-rows.js';

export type WordsCondition = Extract<SearchCondition, { kind: 'words' }>;

export interface SearchDialect {
  /** A placeholder bound to `value`. */
  bind(value: unknown): string;
  /** `column` is one of `values` (never empty). */
  memberOf(column: string, values: readonly string[]): string;
  /** The reader predicate on rows of `alias` ('' for none). */
  readable(alias: string): string;
  /** The gate-verdict predicate on rows of `alias` ('' for none). */
  gate(alias: string): string;
  /** A predicate on `o.seq` for full-text words. */
  words(condition: WordsCondition): string;
}

/** Rows of the search statement, as both drivers return them. */
export interface SearchRow {
  readonly seq: number | string;
  readonly collection_id: string;
  readonly id: string;
  readonly type: string;
  readonly spec_version: string;
  readonly version: string | null;
  readonly date_added: string;
  readonly json: string;
  readonly tlp: number;
  readonly owner_org: string | null;
  readonly has_granular: number;
}

function invalid(message: string, details: Record<string, unknown>): never {
  throw storeError('SETU_ERR_STORE_INVALID_QUERY', message, details);
}

/** The ids of the versions in `seqs` the reader may see in the searched collections. */
function visibleIds(alias: string, seqs: string, scope: (alias: string) => string): string {
  return `SELECT ${alias}.id FROM objects ${alias} WHERE ${alias}.seq IN (${seqs}) AND ${scope(alias)}`;
}

/**
 * Versions holding one of the keys, and versions pointing at such a version as evidence (a
 * sighting at its observed-data, an observed-data at its SCOs: two steps, so a sighting is found
 * by its observed-data's SCO). Evidence counts only where the reader may see it, in a searched
 * collection: a match the reader cannot see never shows through what points at it.
 */
function termsPredicate(keys: readonly { kind: string; value: string }[], d: SearchDialect, scope: (alias: string) => string): string {
  if (keys.length === 0) return '1 = 0';
  const byKind = new Map<string, string[]>();
  for (const key of keys) {
    const values = byKind.get(key.kind) ?? [];
    values.push(key.value);
    byKind.set(key.kind, values);
  }
  const probes = [...byKind].map(([kind, values]) => `(t.kind = ${d.bind(kind)} AND ${d.memberOf('t.value', values)})`);
  const direct = `SELECT t.seq FROM search_terms t WHERE ${probes.join(' OR ')}`;
  const pointing = (targets: string, n: number) =>
    `SELECT t${n}.seq FROM search_terms t${n} WHERE t${n}.kind = ${d.bind(EVIDENCE_KIND)} AND t${n}.value IN (${targets})`;
  const first = pointing(visibleIds('e1', direct, scope), 1);
  const second = pointing(visibleIds('e2', first, scope), 2);
  // One IN list (a union), so the statement walks the matched seqs, not the whole objects table.
  return `o.seq IN (${direct} UNION ${first} UNION ${second})`;
}

function condition(c: SearchCondition, d: SearchDialect, scope: (alias: string) => string): string {
  switch (c.kind) {
    case 'terms':
      return termsPredicate(c.keys, d, scope);
    case 'words':
      return c.words.length === 0 ? '1 = 1' : d.words(c);
    case 'type':
      return `o.type = ${d.bind(c.value)}`;
    case 'id':
      return `o.id = ${d.bind(c.value)}`;
    case 'tlp':
      return `o.tlp = ${d.bind(tlpRank(c.value))}`;
  }
}

/** The statement for one page: limit + 1 rows, newest first, so `more` is known exactly. */
export function buildSearchSql(query: SearchObjectsQuery, d: SearchDialect): string {
  const { limit } = query;
  if (!Number.isSafeInteger(limit) || limit < 1) invalid(`limit must be a positive integer, got ${limit}`, { limit });
  if (query.beforeSeq !== undefined && (!Number.isSafeInteger(query.beforeSeq) || query.beforeSeq < 1)) {
    invalid(`beforeSeq must be a positive integer, got ${query.beforeSeq}`, { beforeSeq: query.beforeSeq });
  }
  // In a searched collection, readable by the reader, passing the gate: for the matched row and
  // for any evidence row a match goes through.
  const scope = (alias: string): string => {
    const keys = `SELECT k.key FROM collections k WHERE ${query.collections.length === 0 ? '1 = 0' : d.memberOf('k.id', query.collections)}`;
    return [`${alias}.collection_key IN (${keys})`, d.readable(alias), d.gate(alias)].filter((t) => t !== '').join(' AND ');
  };
  const where = [scope('o')];
  if (query.beforeSeq !== undefined) where.push(`o.seq < ${d.bind(query.beforeSeq)}`);
  if (query.since !== undefined) {
    const key = toMicrosKey(query.since);
    if (key === undefined) invalid(`since is not an RFC 3339 UTC timestamp: ${query.since}`, { field: 'since', value: query.since });
    where.push(`o.date_added >= ${d.bind(key)}`);
  }
  for (const c of query.conditions) where.push(condition(c, d, scope));
  return (
    'SELECT o.seq, c.id AS collection_id, o.id, o.type, o.spec_version, o.version, o.date_added, o.json, o.tlp, o.owner_org, o.has_granular ' +
    `FROM objects o JOIN collections c ON c.key = o.collection_key WHERE ${where.join(' AND ')} ORDER BY o.seq DESC LIMIT ${d.bind(limit + 1)}`
  );
}

/** The page of records from the rows of the statement. */
export function searchPage(rows: readonly SearchRow[], limit: number): { records: ObjectRecord[]; more: boolean } {
  const records = rows.slice(0, limit).map((r) => ({
    seq: Number(r.seq),
    collectionId: r.collection_id,
    id: r.id,
    type: r.type,
    specVersion: r.spec_version,
    version: r.version,
    dateAdded: r.date_added,
    json: r.json,
    tlp: TLP_BY_RANK[r.tlp] ?? 'red',
    ownerOrg: r.owner_org,
    hasGranular: Number(r.has_granular) === 1,
  }));
  return { records, more: rows.length > limit };
}

/** Words split by how they are found: Japanese ones as substrings, the others as tokens. */
export function splitWords(words: readonly string[], isCjk: (w: string) => boolean): { cjk: string[]; tokens: string[] } {
  const cjk: string[] = [];
  const tokens: string[] = [];
  for (const w of words) (isCjk(w) ? cjk : tokens).push(w);
  return { cjk, tokens };
}
