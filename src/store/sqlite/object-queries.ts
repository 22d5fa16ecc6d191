// SQL for reading and deleting object versions. Every filter (TAXII match[...], added_after, the
// cursor) is a predicate inside one statement, so page sizes and `more` are exact. Statements are
// compiled once per filter shape and cached; list arguments are bound as JSON arrays and read
// with json_each, so the SQL text does not depend on how many ids or types are asked for.
import type BetterSqlite3 from 'better-sqlite3';
import type { DeleteFilter, ObjectPage, ObjectQuery, VersionSelector } from '../types.js';
import { toMicrosKey } from '../timestamps.js';
import { storeError } from '../errors.js';
import { readableBy } from './visibility.js';
import { passesGate } from './gate.js';
import { PAGE_COLUMNS, PAGE_VISIBILITY_COLUMNS, toRecords } from './page-rows.js';

/** newest: only each id's newest spec_version; list: the given ones; any: no restriction. */
type SpecMode = 'newest' | 'list' | 'any';

interface Selection {
  readonly spec: SpecMode;
  /** undefined = every version; otherwise the union of the selected terms. */
  readonly versions: { readonly last: boolean; readonly first: boolean; readonly at: readonly string[] } | undefined;
}

type Params = Record<string, string | number>;

function list(values: readonly string[]): string {
  return JSON.stringify(values);
}

/** `column` is one of `values`: equality for one value, else a json_each list; [] matches nothing. */
function memberOf(column: string, name: string, values: readonly string[], params: Params): string {
  if (values.length === 0) return '0';
  if (values.length === 1) {
    params[name] = values[0]!;
    return `${column} = @${name}`;
  }
  params[name] = list(values);
  return `${column} IN (SELECT value FROM json_each(@${name}))`;
}

function invalid(message: string, details: Record<string, unknown>): never {
  throw storeError('SETU_ERR_STORE_INVALID_QUERY', message, details);
}

function timestampKey(value: string, field: string): string {
  const key = toMicrosKey(value);
  if (key === undefined) invalid(`${field} is not an RFC 3339 UTC timestamp: ${value}`, { field, value });
  return key;
}

function selectVersions(selectors: readonly VersionSelector[]): Selection['versions'] {
  let last = false;
  let first = false;
  const at: string[] = [];
  for (const selector of selectors) {
    switch (selector.kind) {
      case 'all':
        return undefined;
      case 'last':
        last = true;
        break;
      case 'first':
        first = true;
        break;
      case 'at':
        at.push(timestampKey(selector.timestamp, 'versions.at'));
        break;
    }
  }
  return { last, first, at };
}

/** The version of the same id at one end of its history (within the spec filter). */
function edgeOfHistory(spec: SpecMode, direction: 'ASC' | 'DESC', visibleX: string): string {
  const sameSpec =
    spec === 'newest' ? 'AND x.spec_rank = o.spec_rank' : spec === 'list' ? 'AND x.spec_version IN (SELECT value FROM json_each(@specs))' : '';
  return (
    `o.seq = (SELECT x.seq FROM objects x WHERE x.collection_key = o.collection_key AND x.id = o.id ${sameSpec}${visibleX} ` +
    `ORDER BY x.version_key ${direction}, x.seq ${direction} LIMIT 1)`
  );
}

/**
 * WHERE terms for the spec-version and version filters, and the parameters they bind. `visibleX`
 * (' AND <reader predicate on x>' or '') restricts the histories 'first'/'last'/newest-spec are
 * decided over to the versions the reader may read.
 */
function versionTerms(selection: Selection, specs: readonly string[] | undefined, params: Params, visibleX = ''): string[] {
  const { spec, versions } = selection;
  if (spec === 'list') params['specs'] = list(specs ?? []);
  const onlyLast = versions !== undefined && versions.last && !versions.first && versions.at.length === 0;
  if (spec === 'newest' && onlyLast) {
    // The hot path (TAXII defaults): newest spec_version, then newest version. A row flagged
    // latest (migration 6) is the newest of all, so it is the newest this reader may see whenever
    // it passes the reader predicate: no look-up. Other rows (older versions, or a row whose flag
    // is not known) take the one index seek for the reader's own newest.
    return [
      `(o.latest = 1 OR o.seq = (SELECT x.seq FROM objects x WHERE x.collection_key = o.collection_key AND x.id = o.id${visibleX} ` +
        'ORDER BY x.spec_rank DESC, x.version_key DESC, x.seq DESC LIMIT 1))',
    ];
  }
  const terms: string[] = [];
  if (spec === 'newest') {
    terms.push(`o.spec_rank = (SELECT max(x.spec_rank) FROM objects x WHERE x.collection_key = o.collection_key AND x.id = o.id${visibleX})`);
  } else if (spec === 'list') {
    terms.push('o.spec_version IN (SELECT value FROM json_each(@specs))');
  }
  if (versions !== undefined) {
    const union: string[] = [];
    if (versions.last) union.push(edgeOfHistory(spec, 'DESC', visibleX));
    if (versions.first) union.push(edgeOfHistory(spec, 'ASC', visibleX));
    if (versions.at.length > 0) {
      union.push("(CASE o.version_key WHEN '' THEN o.date_added ELSE o.version_key END) IN (SELECT value FROM json_each(@ats))");
      params['ats'] = list(versions.at);
    }
    terms.push(union.length === 0 ? '0' : union.length === 1 ? union[0]! : `(${union.join(' OR ')})`);
  }
  return terms;
}

/** The SELECT for one page: limit + 1 rows, so `more` is known exactly. */
/**
 * `seqFloor` is the seq of the last version added at or before `addedAfter` (see
 * ObjectQueries.seqFloor): dateAdded increases with seq, so the added_after bound becomes the
 * start of the (collection, seq) index range instead of a test on every row from the start.
 */
export function buildPageQuery(query: ObjectQuery, collectionKey: number, seqFloor = 0): { sql: string; params: Params } {
  const { limit } = query;
  if (!Number.isSafeInteger(limit) || limit < 1) invalid(`limit must be a positive integer, got ${limit}`, { limit });
  const afterSeq = query.afterSeq ?? 0;
  if (!Number.isSafeInteger(afterSeq) || afterSeq < 0) invalid(`afterSeq must be a non-negative integer, got ${afterSeq}`, { afterSeq });

  const params: Params = { c: collectionKey, after: Math.max(afterSeq, seqFloor), limit: limit + 1 };
  const where = ['o.collection_key = @c', 'o.seq > @after'];
  if (query.addedAfter !== undefined) {
    params['addedAfter'] = timestampKey(query.addedAfter, 'addedAfter');
    // The seq floor already starts the walk after the bound; the date comparison stays as the
    // definition (unary + keeps it off the index choice).
    where.push('+o.date_added > @addedAfter');
  }
  if (query.types !== undefined) where.push(memberOf('o.type', 'types', query.types, params));
  if (query.ids !== undefined) where.push(memberOf('o.id', 'ids', query.ids, params));
  const selection: Selection = {
    spec: query.specVersions === undefined ? 'newest' : 'list',
    versions: selectVersions(query.versions ?? [{ kind: 'last' }]),
  };
  // The gate verdict, like the reader predicate, also bounds the histories first/last look at.
  const both = (alias: string) => [readableBy(alias, query.reader, params), passesGate(alias, query.gateReader, params)].filter((t) => t !== '').join(' AND ');
  const readable = both('o');
  const readableX = both('x');
  if (readable !== '') where.push(readable);
  where.push(...versionTerms(selection, query.specVersions, params, readableX === '' ? '' : ` AND ${readableX}`));

  // Raw rows in this column order (page-rows.ts builds the records).
  const base = query.reader === undefined ? PAGE_COLUMNS : `${PAGE_COLUMNS}, ${PAGE_VISIBILITY_COLUMNS}`;
  const columns = query.withJson ? `${base}, o.json` : base;
  // Without statistics SQLite walks the (collection, seq) index and tests every row, which is
  // right for the unfiltered walk but linear in the collection for a rare id or type. Ids are the
  // most selective filter: look them up and sort their few versions. One type: its own
  // (collection, type, seq) range is already in seq order. Several types: the seq walk.
  const index =
    query.ids !== undefined ? ' INDEXED BY objects_by_version' : query.types?.length === 1 ? ' INDEXED BY objects_by_type' : '';
  return { sql: `SELECT ${columns} FROM objects o${index} WHERE ${where.join(' AND ')} ORDER BY o.seq LIMIT @limit`, params };
}

export class ObjectQueries {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  private readonly collectionKey: BetterSqlite3.Statement;
  private readonly floorBySeq: BetterSqlite3.Statement;

  constructor(private readonly db: BetterSqlite3.Database) {
    this.collectionKey = db.prepare('SELECT key FROM collections WHERE id = ?').pluck();
    this.floorBySeq = db
      .prepare('SELECT seq FROM objects WHERE collection_key = ? AND date_added <= ? ORDER BY date_added DESC LIMIT 1')
      .pluck();
  }

  /** The surrogate key of a collection; -1 (matches no row) when it does not exist. */
  private keyOf(collectionId: string): number {
    return (this.collectionKey.get(collectionId) as number | undefined) ?? -1;
  }

  private statement(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      if (statement.reader) statement.raw(true);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** The seq of the newest version added at or before `addedAfter` (0 when none or no bound). */
  private seqFloor(collectionKey: number, addedAfter: string | undefined): number {
    if (addedAfter === undefined) return 0;
    return (this.floorBySeq.get(collectionKey, timestampKey(addedAfter, 'addedAfter')) as number | undefined) ?? 0;
  }

  page(query: ObjectQuery): ObjectPage {
    const key = this.keyOf(query.collectionId);
    const { sql, params } = buildPageQuery(query, key, this.seqFloor(key, query.addedAfter));
    const rows = this.statement(sql).all(params) as unknown[][];
    const more = rows.length > query.limit;
    if (more) rows.length = query.limit;
    return { records: toRecords(rows, query.collectionId, query.reader !== undefined, query.withJson), more };
  }

  /** The query plan SQLite chooses for a page query (tests and benchmarks check index use). */
  explain(query: ObjectQuery): string[] {
    const key = this.keyOf(query.collectionId);
    const { sql, params } = buildPageQuery(query, key, this.seqFloor(key, query.addedAfter));
    const plan = this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[];
    return plan.map((row) => row.detail);
  }

  /** Deletes the versions of one object selected by the filter; returns how many. */
  deleteVersions(collectionId: string, id: string, filter: DeleteFilter): number {
    const params: Params = { c: this.keyOf(collectionId), id };
    const selection: Selection = {
      spec: filter.specVersions === undefined ? 'any' : 'list',
      versions: filter.versions === undefined ? undefined : selectVersions(filter.versions),
    };
    const both = (alias: string) => [readableBy(alias, filter.reader, params), passesGate(alias, filter.gateReader, params)].filter((t) => t !== '').join(' AND ');
    const readable = both('o');
    const readableX = both('x');
    const where = [
      'o.collection_key = @c',
      'o.id = @id',
      ...(readable === '' ? [] : [readable]),
      ...versionTerms(selection, filter.specVersions, params, readableX === '' ? '' : ` AND ${readableX}`),
    ];
    const sql = `DELETE FROM objects WHERE seq IN (SELECT o.seq FROM objects o WHERE ${where.join(' AND ')})`;
    return this.statement(sql).run(params).changes;
  }
}
