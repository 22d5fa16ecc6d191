// Search on behalf of a reader (GET /api/v1/search and `setu search --as`): the query parsed by the
// pure core (search/parseQuery) becomes store conditions, run by ONE store statement over the
// collections the reader may read, with the reader predicate inside it and, for a reader outside
// the node's jurisdiction, the outbound gate's verdicts too (the same view TAXII reads through,
// node/read-gate.ts): pages, `more` and the cursor are exact. The names and `matched` of results
// come from what the reader receives (a foreign reader's redacted copy), and a foreign reader
// finds a version only when its copy still shows every condition: a word or value the gate
// redacted, or that a granular marking hides from the reader, finds nothing (the pages are then read on until full, so `next` stays exact). Newest
// first; the cursor is opaque (the seq the next page starts below).
import { canRead, readScopeOf, withoutHiddenFields, type Principal } from '../access/index.js';
import { SetuError } from '../errors/index.js';
import { FIELD_SPECS, parseQuery, wordsOf, type QueryClause } from '../search/index.js';
import type { TlpLevel } from '../stix/index.js';
import type { CollectionRecord, ObjectRecord, ReadScope, SearchCondition, SearchObjectsQuery, Store } from '../store/index.js';
import type { ForeignReads, ForeignView } from './read-gate.js';
import { matchedBy, showsEvery } from './search-matched.js';

export const SEARCH_DEFAULT_LIMIT = 50;
export const SEARCH_MAX_LIMIT = 500;
/** How many times a page is read again when the gate's verdicts changed under it (as TAXII does). */
const GATE_RETRIES = 4;
const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

export interface SearchRequest {
  readonly q: string;
  readonly type?: string | undefined;
  /** A collection id or alias. */
  readonly collection?: string | undefined;
  readonly tlp?: string | undefined;
  /** Only versions added at or after this RFC 3339 instant. */
  readonly since?: string | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

export interface SearchResult {
  readonly id: string;
  readonly type: string;
  readonly version: string | null;
  readonly collection: string;
  readonly name: string | null;
  readonly tlp: TlpLevel;
  readonly matched: string;
}

export interface SearchAnswer {
  readonly results: readonly SearchResult[];
  /** The cursor of the next page; null when this is the last. */
  readonly next: string | null;
}

export interface SearchSetup {
  readonly store: Store;
  /** The outbound gate for readers outside the node's jurisdiction (absent: every reader reads as written). */
  readonly foreignReads?: ForeignReads | undefined;
}

/** Who searches: an organisation's principal (with its communities), or undefined for the node's own view. */
export type Searcher = (Principal & { readonly communities: readonly string[] }) | undefined;

function bad(code: 'SETU_ERR_SEARCH_BAD_PARAMETER' | 'SETU_ERR_SEARCH_BAD_CURSOR', message: string, details: Record<string, unknown>): SetuError {
  return new SetuError(code, message, details);
}

function checked(field: 'type' | 'tlp', value: string): string {
  const spec = FIELD_SPECS[field];
  const canonical = spec.check(value);
  if (canonical === undefined) throw bad('SETU_ERR_SEARCH_BAD_PARAMETER', `"${field}" must be ${spec.expected}, not "${value}".`, { field, value });
  return canonical;
}

export function encodeCursor(seq: number): string {
  return Buffer.from(`s${seq}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = /^[A-Za-z0-9_-]{1,24}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const seq = /^s[1-9]\d{0,15}$/.test(text) ? Number(text.slice(1)) : NaN;
  if (!Number.isSafeInteger(seq)) throw bad('SETU_ERR_SEARCH_BAD_CURSOR', `"cursor" is not a cursor this node handed out: "${cursor}".`, { field: 'cursor' });
  return seq;
}

/** The store conditions of the parsed clauses, and the collection texts `collection:` named. */
function conditionsOf(clauses: readonly QueryClause[]): { conditions: SearchCondition[]; collections: string[] } {
  const conditions: SearchCondition[] = [];
  const collections: string[] = [];
  for (const clause of clauses) {
    if (clause.kind === 'value') conditions.push({ kind: 'terms', keys: clause.keys });
    else if (clause.kind === 'words') conditions.push({ kind: 'words', words: clause.words, phrase: clause.phrase, field: 'all' });
    else if (clause.keys.length > 0) conditions.push({ kind: 'terms', keys: clause.keys });
    else if (clause.field === 'type' || clause.field === 'id') conditions.push({ kind: clause.field, value: clause.value });
    else if (clause.field === 'tlp') conditions.push({ kind: 'tlp', value: clause.value as TlpLevel });
    else if (clause.field === 'name') conditions.push({ kind: 'words', words: wordsOf(clause.value), phrase: true, field: 'name' });
    else if (clause.field === 'label') conditions.push({ kind: 'words', words: wordsOf(clause.value), phrase: true, field: 'all' });
    else if (clause.field === 'collection') collections.push(clause.value);
  }
  return { conditions, collections };
}

/** `collection:` text: the collection's id or alias, or words of its title. */
function namedBy(collection: CollectionRecord, text: string): boolean {
  const lower = text.toLowerCase();
  if (collection.id.toLowerCase() === lower || collection.alias?.toLowerCase() === lower) return true;
  const title = wordsOf(collection.title);
  return wordsOf(text).every((w) => title.includes(w));
}

interface Scope {
  readonly collections: string[];
  readonly reader?: ReadScope;
  readonly gateReader?: string;
  readonly views: Map<string, ForeignView>;
}

/** The collections searched for this searcher, its read scope and, outside the jurisdiction, its gate views. */
async function scopeOf(setup: SearchSetup, searcher: Searcher, wanted: (c: CollectionRecord) => boolean): Promise<Scope> {
  const all = (await setup.store.listCollections()).filter(wanted);
  if (searcher === undefined) return { collections: all.map((c) => c.id), views: new Map() };
  const readable = all.filter((c) => canRead(searcher, c));
  const reader = readScopeOf(searcher.orgId);
  const views = new Map<string, ForeignView>();
  const inside: string[] = [];
  for (const c of readable) {
    const view = await setup.foreignReads?.viewFor(c.id, searcher.orgId);
    if (view === undefined) inside.push(c.id);
    else if (view.gateReader !== '') views.set(c.id, view);
  }
  const keys = new Set([...views.values()].map((v) => v.gateReader));
  if (keys.size === 0) return { collections: inside, reader, views };
  // An organisation is outside for every collection or for none; one gate key serves them all.
  if (keys.size > 1 || inside.length > 0) throw new Error(`search: inconsistent gate views for ${searcher.orgId}`);
  return { collections: [...views.keys()], reader, gateReader: [...keys][0]!, views };
}

/** The stored JSON without the granular-marked fields this reader lacks (as TAXII serves it). */
function shownTo(record: ObjectRecord, reader: ReadScope | undefined): string {
  const json = record.json ?? 'null';
  if (reader === undefined || record.hasGranular !== true || record.tlp === undefined) return json;
  const object = JSON.parse(json) as Record<string, unknown>;
  const shown = withoutHiddenFields(object, record.tlp, record.ownerOrg ?? null, reader);
  return shown === object ? json : JSON.stringify(shown);
}

/** The JSON the searcher receives for each record; undefined when a verdict changed (read again). */
async function served(records: readonly ObjectRecord[], scope: Scope): Promise<string[] | undefined> {
  const { views } = scope;
  const out = records.map((r) => shownTo(r, scope.reader));
  if (views.size === 0) return out;
  const byCollection = new Map<string, number[]>();
  records.forEach((r, i) => byCollection.set(r.collectionId, [...(byCollection.get(r.collectionId) ?? []), i]));
  for (const [collectionId, indexes] of byCollection) {
    const view = views.get(collectionId);
    if (view === undefined) throw new Error(`search: no gate view for collection ${collectionId}`);
    const texts = await view.serve(indexes.map((i) => records[i]!));
    if (texts === undefined) return undefined;
    indexes.forEach((i, k) => (out[i] = texts[k] ?? 'null'));
  }
  return out;
}

function nameOf(json: string): string | null {
  try {
    const object = JSON.parse(json) as Record<string, unknown>;
    for (const key of ['name', 'value']) if (typeof object[key] === 'string') return object[key] as string;
    return null;
  } catch {
    return null;
  }
}

export async function searchFor(setup: SearchSetup, searcher: Searcher, request: SearchRequest): Promise<SearchAnswer> {
  const parsed = parseQuery(request.q);
  if (!parsed.ok) throw new SetuError(parsed.error.code, `${parsed.error.reason} (at character ${parsed.error.position} of the query)`, { position: parsed.error.position });
  const limit = request.limit ?? SEARCH_DEFAULT_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > SEARCH_MAX_LIMIT) {
    throw bad('SETU_ERR_SEARCH_BAD_PARAMETER', `"limit" must be an integer from 1 to ${SEARCH_MAX_LIMIT}.`, { field: 'limit', value: request.limit });
  }
  if (request.since !== undefined && (!RFC3339_UTC.test(request.since) || Number.isNaN(Date.parse(request.since)))) {
    throw bad('SETU_ERR_SEARCH_BAD_PARAMETER', `"since" must be an RFC 3339 UTC timestamp such as 2026-01-01T00:00:00Z, not "${request.since}".`, { field: 'since', value: request.since });
  }
  const { conditions, collections: named } = conditionsOf(parsed.query.clauses);
  if (request.type !== undefined) conditions.push({ kind: 'type', value: checked('type', request.type) });
  if (request.tlp !== undefined) conditions.push({ kind: 'tlp', value: checked('tlp', request.tlp) as TlpLevel });
  const inCollection = request.collection;
  const scope = await scopeOf(setup, searcher, (c) =>
    (inCollection === undefined || c.id === inCollection || c.alias === inCollection) && named.every((text) => namedBy(c, text)));
  const query: SearchObjectsQuery = {
    collections: scope.collections,
    conditions,
    limit,
    ...(scope.reader === undefined ? {} : { reader: scope.reader }),
    ...(scope.gateReader === undefined ? {} : { gateReader: scope.gateReader }),
    ...(request.since === undefined ? {} : { since: request.since }),
    ...(request.cursor === undefined ? {} : { beforeSeq: decodeCursor(request.cursor) }),
  };
  const results: SearchResult[] = [];
  const gated = scope.views.size > 0;
  let beforeSeq = query.beforeSeq;
  for (;;) {
    const page = await servedPage(setup.store, { ...query, limit: limit - results.length, ...(beforeSeq === undefined ? {} : { beforeSeq }) }, scope);
    for (const [i, r] of page.records.entries()) {
      const text = page.texts[i]!;
      if ((gated || r.hasGranular === true) && scope.reader !== undefined && !showsEvery(text, conditions)) continue;
      results.push({ id: r.id, type: r.type, version: r.version, collection: r.collectionId, name: nameOf(text), tlp: r.tlp ?? 'red', matched: matchedBy(text, conditions) });
    }
    const last = page.records.at(-1);
    if (!page.more || last === undefined) return { results, next: null };
    beforeSeq = last.seq;
    if (results.length === limit) return { results, next: encodeCursor(last.seq) };
  }
}

/** One store page and the JSON the searcher receives for it, read again while the gate's verdicts change under it. */
async function servedPage(store: Store, query: SearchObjectsQuery, scope: Scope): Promise<{ records: readonly ObjectRecord[]; texts: string[]; more: boolean }> {
  for (let attempt = 0; attempt < GATE_RETRIES; attempt += 1) {
    const page = await store.searchObjects(query);
    const texts = await served(page.records, scope);
    if (texts !== undefined) return { records: page.records, texts, more: page.more };
  }
  throw new SetuError('SETU_ERR_TAXII_GATE_CHANGED', 'What the outbound gate lets out to this reader kept changing while the search page was read; search again.', {});
}
