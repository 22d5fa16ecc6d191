// SQL for reading and deleting object versions on PostgreSQL; the same predicates as the SQLite
// adapter (every filter inside one statement, so page sizes and `more` are exact). List arguments
// are bound as arrays (`= ANY($n)`), so the SQL text, and with it the named prepared statement,
// depends only on the shape of the filter, never on how many ids or types were asked for.
import type { DeleteFilter, ObjectPage, ObjectQuery, ObjectRecord, VersionSelector } from '../types.js';
import { toMicrosKey } from '../timestamps.js';
import { storeError } from '../errors.js';
import { rows, run, type Queryable } from './statements.js';
import type { CollectionKeys } from './collection-keys.js';
import { Params, VISIBILITY_COLUMNS, bindReader, decodeVisibility, readableBy, type RawVisibility } from './visibility.js';
import { bindGate, passesGate } from './gate.js';

/** newest: only each id's newest spec_version; list: the given ones; any: no restriction. */
type SpecMode = 'newest' | 'list' | 'any';

interface Selection {
  readonly spec: SpecMode;
  /** undefined = every version; otherwise the union of the selected terms. */
  readonly versions: { readonly last: boolean; readonly first: boolean; readonly at: readonly string[] } | undefined;
}

const RECORD_COLUMNS =
  'o.seq AS seq, o.id AS id, o.type AS type, o.spec_version AS "specVersion", o.version AS version, o.date_added AS "dateAdded"';

function invalid(message: string, details: Record<string, unknown>): never {
  throw storeError('SETU_ERR_STORE_INVALID_QUERY', message, details);
}

function timestampKey(value: string, field: string): string {
  const key = toMicrosKey(value);
  if (key === undefined) invalid(`${field} is not an RFC 3339 UTC timestamp: ${value}`, { field, value });
  return key;
}

/** `column` is one of `values`: equality for one value, else `= ANY(array)`; [] matches nothing. */
function memberOf(column: string, values: readonly string[], params: Params): string {
  if (values.length === 0) return 'false';
  if (values.length === 1) return `${column} = ${params.bind(values[0])}`;
  return `${column} = ANY(${params.bind(values, '::text[]')})`;
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
function edgeOfHistory(spec: SpecMode, direction: 'ASC' | 'DESC', specs: string | undefined, visibleX: string): string {
  const sameSpec = spec === 'newest' ? 'AND x.spec_rank = o.spec_rank' : spec === 'list' ? `AND x.spec_version = ANY(${specs})` : '';
  return (
    `o.seq = (SELECT x.seq FROM objects x WHERE x.collection_key = o.collection_key AND x.id = o.id ${sameSpec}${visibleX} ` +
    `ORDER BY x.version_key ${direction}, x.seq ${direction} LIMIT 1)`
  );
}

/**
 * WHERE terms for the spec-version and version filters. `visibleX` (' AND <reader predicate on x>'
 * or '') restricts the histories 'first'/'last'/newest-spec are decided over to what the reader
 * may read.
 */
function versionTerms(selection: Selection, specList: readonly string[] | undefined, params: Params, visibleX = ''): string[] {
  const { spec, versions } = selection;
  const specs = spec === 'list' ? params.bind(specList ?? [], '::text[]') : undefined;
  const onlyLast = versions !== undefined && versions.last && !versions.first && versions.at.length === 0;
  if (spec === 'newest' && onlyLast) {
    // The hot path (TAXII defaults): newest spec_version, then newest version. A row flagged latest
    // (migration 6) is the newest of all, so whenever it passes the reader predicate it is the
    // newest this reader may see: no look-up. Other rows take the one index probe.
    return [
      `(o.latest = 1 OR o.seq = (SELECT x.seq FROM objects x WHERE x.collection_key = o.collection_key AND x.id = o.id${visibleX} ` +
        'ORDER BY x.spec_rank DESC, x.version_key DESC, x.seq DESC LIMIT 1))',
    ];
  }
  const terms: string[] = [];
  if (spec === 'newest') {
    terms.push(`o.spec_rank = (SELECT max(x.spec_rank) FROM objects x WHERE x.collection_key = o.collection_key AND x.id = o.id${visibleX})`);
  } else if (spec === 'list') {
    terms.push(`o.spec_version = ANY(${specs})`);
  }
  if (versions !== undefined) {
    const union: string[] = [];
    if (versions.last) union.push(edgeOfHistory(spec, 'DESC', specs, visibleX));
    if (versions.first) union.push(edgeOfHistory(spec, 'ASC', specs, visibleX));
    if (versions.at.length > 0) {
      union.push(`(CASE o.version_key WHEN '' THEN o.date_added ELSE o.version_key END) = ANY(${params.bind(versions.at, '::text[]')})`);
    }
    terms.push(union.length === 0 ? 'false' : union.length === 1 ? union[0]! : `(${union.join(' OR ')})`);
  }
  return terms;
}

/** The SELECT for one page: limit + 1 rows, so `more` is known exactly. */
export function buildPageQuery(query: ObjectQuery, collectionKey: number): { text: string; values: unknown[] } {
  const { limit } = query;
  if (!Number.isSafeInteger(limit) || limit < 1) invalid(`limit must be a positive integer, got ${limit}`, { limit });
  const afterSeq = query.afterSeq ?? 0;
  if (!Number.isSafeInteger(afterSeq) || afterSeq < 0) invalid(`afterSeq must be a non-negative integer, got ${afterSeq}`, { afterSeq });

  const params = new Params();
  const where = [`o.collection_key = ${params.bind(collectionKey, '::int')}`, `o.seq > ${params.bind(afterSeq, '::bigint')}`];
  if (query.addedAfter !== undefined) {
    const bound = params.bind(timestampKey(query.addedAfter, 'addedAfter'));
    // dateAdded increases with seq, so the bound is also a seq range on the (collection, seq) index.
    where.push(
      `o.seq > coalesce((SELECT d.seq FROM objects d WHERE d.collection_key = o.collection_key AND d.date_added <= ${bound} ` +
        'ORDER BY d.date_added DESC LIMIT 1), 0)',
      `o.date_added > ${bound}`,
    );
  }
  if (query.types !== undefined) where.push(memberOf('o.type', query.types, params));
  if (query.ids !== undefined) where.push(memberOf('o.id', query.ids, params));
  const selection: Selection = {
    spec: query.specVersions === undefined ? 'newest' : 'list',
    versions: selectVersions(query.versions ?? [{ kind: 'last' }]),
  };
  const reader = bindReader(query.reader, params);
  const gate = bindGate(query.gateReader, params);
  // The gate verdict, like the reader predicate, also bounds the histories first/last look at.
  const both = (alias: string) => [readableBy(alias, reader), passesGate(alias, gate)].filter((t) => t !== '').join(' AND ');
  const readable = both('o');
  const readableX = both('x');
  if (readable !== '') where.push(readable);
  where.push(...versionTerms(selection, query.specVersions, params, readableX === '' ? '' : ` AND ${readableX}`));
  const base = query.reader === undefined ? RECORD_COLUMNS : `${RECORD_COLUMNS}, ${VISIBILITY_COLUMNS}`;
  const columns = query.withJson ? `${base}, o.json AS json` : base;
  // ORDER BY (collection_key, seq), equal to seq order for one collection, matches objects_by_seq
  // exactly: the planner then walks that index and stops after limit + 1 matches, instead of
  // collecting every later row of the collection (with a per-row subplan) and sorting it.
  const text = `SELECT ${columns} FROM objects o WHERE ${where.join(' AND ')} ORDER BY o.collection_key, o.seq LIMIT ${params.bind(limit + 1, '::bigint')}`;
  return { text, values: params.values };
}

type Row = Omit<ObjectRecord, 'collectionId' | 'tlp' | 'ownerOrg' | 'hasGranular'> & { json?: string } & Partial<RawVisibility>;

function withCollection(collectionId: string, row: Row): ObjectRecord {
  const record: ObjectRecord = {
    seq: row.seq,
    collectionId,
    id: row.id,
    type: row.type,
    specVersion: row.specVersion,
    version: row.version,
    dateAdded: row.dateAdded,
  };
  const visible = row.tlp === undefined ? record : { ...record, ...decodeVisibility(row as RawVisibility) };
  return row.json === undefined ? visible : { ...visible, json: row.json };
}

export async function queryPage(db: Queryable, query: ObjectQuery, keys: CollectionKeys): Promise<ObjectPage> {
  const { text, values } = buildPageQuery(query, await keys.keyOf(db, query.collectionId));
  const found = await rows<Row>(db, text, values);
  const more = found.length > query.limit;
  if (more) found.length = query.limit;
  return { records: found.map((row) => withCollection(query.collectionId, row)), more };
}

/** The versions a commit added, by the seq range its notification names (bodies included). */
export async function recordsInRange(db: Queryable, collectionId: string, fromSeq: number, toSeq: number): Promise<ObjectRecord[]> {
  const found = await rows<Row>(
    db,
    `SELECT ${RECORD_COLUMNS}, o.json AS json FROM objects o
     WHERE o.collection_key = (SELECT key FROM collections WHERE id = $1) AND o.seq BETWEEN $2 AND $3 ORDER BY o.seq`,
    [collectionId, fromSeq, toSeq],
  );
  return found.map((row) => withCollection(collectionId, row));
}

/** The plan PostgreSQL chooses for a page query (tests and benchmarks check index use). */
export async function explainPage(db: Queryable, query: ObjectQuery, keys: CollectionKeys): Promise<string[]> {
  const { text, values } = buildPageQuery(query, await keys.keyOf(db, query.collectionId));
  const plan = await db.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN ${text}`, values });
  return plan.rows.map((row) => row['QUERY PLAN']);
}

/** Deletes the versions of one object selected by the filter; returns how many. */
export async function deleteVersions(db: Queryable, collectionId: string, id: string, filter: DeleteFilter): Promise<number> {
  const params = new Params();
  const selection: Selection = {
    spec: filter.specVersions === undefined ? 'any' : 'list',
    versions: filter.versions === undefined ? undefined : selectVersions(filter.versions),
  };
  const where = [`o.collection_key = (SELECT key FROM collections WHERE id = ${params.bind(collectionId)})`, `o.id = ${params.bind(id)}`];
  const reader = bindReader(filter.reader, params);
  const gate = bindGate(filter.gateReader, params);
  const both = (alias: string) => [readableBy(alias, reader), passesGate(alias, gate)].filter((t) => t !== '').join(' AND ');
  const readable = both('o');
  const readableX = both('x');
  if (readable !== '') where.push(readable);
  where.push(...versionTerms(selection, filter.specVersions, params, readableX === '' ? '' : ` AND ${readableX}`));
  return run(db, `DELETE FROM objects WHERE seq IN (SELECT o.seq FROM objects o WHERE ${where.join(' AND ')})`, params.values);
}
