// The adapter that gives the engine its objects: the newest version of every object of the types
// the walk passes through (techniques, mitigations, relationships, threats, notes, reports,
// translations), and the object asked about with what a sighting of it points to, looked up by id
// (indicators and sightings are many and only ever start a walk), from each collection the reader
// may read, read through the store's page query with
// the reader predicate (TLP, RED recipients) and, for a reader outside the node's jurisdiction,
// only what the outbound gate lets out to it, as it would receive it (redacted, pseudonymised).
// There is no other way in: what the reader may not read never reaches the engine.
import { SetuError } from '../errors/index.js';
import { withoutHiddenFields, type ReadScope } from '../access/index.js';
import type { ForeignView } from '../node/index.js';
import type { ObjectQuery, ObjectRecord, Store } from '../store/index.js';
import type { StixObject } from './graph.js';

/** The types the "what to do" walk passes through, read whole. */
export const PRACTICE_TYPES = ['attack-pattern', 'course-of-action', 'relationship', 'malware', 'campaign', 'intrusion-set', 'tool', 'threat-actor', 'note', 'report', 'language-content'] as const;

const PAGE = 1000;
/** Reads of a page whose gate verdict changed under it before the load gives up (as TAXII reads do). */
const GATED_READS = 4;

export interface ReadableSource {
  readonly store: Store;
  readonly reader: ReadScope;
  /** The collections the reader may read. */
  readonly collections: readonly string[];
  /** The outbound gate's view of a collection for this reader; undefined (or absent) for a reader inside the jurisdiction. */
  readonly viewFor?: (collectionId: string) => Promise<ForeignView | undefined>;
}

function asReaderSees(record: ObjectRecord, reader: ReadScope): StixObject {
  const object = JSON.parse(record.json ?? 'null') as StixObject;
  if (record.hasGranular !== true || record.tlp === undefined) return object;
  return withoutHiddenFields(object, record.tlp, record.ownerOrg ?? null, reader);
}

async function servedPage(source: ReadableSource, query: ObjectQuery, view: ForeignView | undefined): Promise<{ records: readonly ObjectRecord[]; more: boolean; objects: StixObject[] }> {
  for (let attempt = 1; ; attempt++) {
    const page = await source.store.queryObjects(query);
    if (view === undefined) return { ...page, objects: page.records.map((r) => asReaderSees(r, source.reader)) };
    const served = await view.serve(page.records);
    if (served !== undefined) return { ...page, objects: served.map((json) => JSON.parse(json) as StixObject) };
    if (attempt === GATED_READS) throw new SetuError('SETU_ERR_TAXII_GATE_CHANGED', 'What the outbound gate lets out to this reader changed while the objects were read; ask again.');
  }
}

async function readAll(source: ReadableSource, collectionId: string, view: ForeignView | undefined, filter: Pick<ObjectQuery, 'types' | 'ids'>, out: StixObject[]): Promise<void> {
  let afterSeq: number | undefined;
  for (;;) {
    const query: ObjectQuery = { collectionId, ...filter, versions: [{ kind: 'last' }], limit: PAGE, withJson: true, reader: source.reader, ...(view === undefined ? {} : { gateReader: view.gateReader }), ...(afterSeq === undefined ? {} : { afterSeq }) };
    const page = await servedPage(source, query, view);
    out.push(...page.objects);
    const last = page.records.at(-1);
    if (!page.more || last === undefined) return;
    afterSeq = last.seq;
  }
}

/**
 * Every object the walk needs that the reader may read: the types it passes through, `subjectId`
 * whatever its type, and, when that is a sighting, the object it is a sighting of.
 */
export async function loadReadable(source: ReadableSource, subjectId: string): Promise<StixObject[]> {
  const out: StixObject[] = [];
  const views = new Map<string, ForeignView | undefined>();
  for (const collectionId of source.collections) {
    const view = source.viewFor === undefined ? undefined : await source.viewFor(collectionId);
    views.set(collectionId, view);
    await readAll(source, collectionId, view, { types: PRACTICE_TYPES }, out);
  }
  let ids = [subjectId];
  for (let hop = 0; hop < 2 && ids.length > 0; hop++) {
    const found: StixObject[] = [];
    for (const [collectionId, view] of views) await readAll(source, collectionId, view, { ids }, found);
    out.push(...found);
    ids = [...new Set(found.map((o) => o['sighting_of_ref']).filter((ref): ref is string => typeof ref === 'string'))];
  }
  return out;
}
