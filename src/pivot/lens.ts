// A reader's lens on the whole node: every collection it may read, each read through the store's
// reader predicate and, for a reader outside the node's jurisdiction, through the outbound gate's
// view of that collection (its gate key in the query, its served JSON, never the stored bytes).
// Every pivot (object, history, related) reads through one lens, so there is no second way to see
// data. A lens without a principal is the node itself (the CLI without --as): every collection, as written.
import { canRead, readScopeOf, withoutHiddenFields, type Principal, type ReadScope } from '../access/index.js';
import { SetuError } from '../errors/index.js';
import type { SearchKey } from '../search/index.js';
import type { ForeignReads, ForeignView } from '../node/index.js';
import { MAX_REF_TARGETS, type ObjectRecord, type ObjectQuery, type Referrer, type Store } from '../store/index.js';

export interface PivotDeps {
  readonly store: Store;
  /** The outbound gate for readers outside the node's jurisdiction (absent: a node without a gate). */
  readonly foreignReads?: ForeignReads | undefined;
}

/** One version as this reader receives it. */
export interface ShownVersion {
  readonly collectionId: string;
  readonly seq: number;
  readonly id: string;
  readonly type: string;
  readonly specVersion: string;
  readonly version: string | null;
  readonly dateAdded: string;
  /** The JSON this reader may receive (granular fields hidden; redacted for a foreign reader). */
  readonly json: string;
}

export interface VersionEntry {
  readonly collectionId: string;
  readonly specVersion: string;
  readonly version: string | null;
  readonly dateAdded: string;
}

export interface FoundReferrer extends Referrer {
  readonly collectionId: string;
}

export interface Lens {
  /** The collections read, in the store's order. */
  readonly collections: readonly string[];
  /** Each id's newest version this reader may see, across its collections. */
  newest(ids: readonly string[]): Promise<Map<string, ShownVersion>>;
  /** Every version of `id` this reader may see, per collection, oldest added first. */
  versions(id: string): Promise<VersionEntry[]>;
  /** References to `targetIds` from the newest readable version of each referring object. */
  referrers(targetIds: readonly string[], limit: number): Promise<FoundReferrer[]>;
  /** Ids of objects with a readable version holding one of these observable-value keys (the term index, migration 11). */
  holding(keys: readonly SearchKey[], limit: number): Promise<Set<string>>;
  /** The newest readable version of each object of one collection, oldest added first (a collection outside the lens: none). */
  list(collectionId: string, options: { readonly types?: readonly string[] | undefined; readonly limit: number }): Promise<ShownVersion[]>;
}

export interface LensOptions {
  /** Read only this collection (still only if the principal may read it). */
  readonly collection?: string | undefined;
}

const PAGE = 500;
/** Reads of a page whose gate verdict changed under it before giving up (as the TAXII reads). */
const GATED_READS = 4;

/** A version's instant as a sortable key: its version, else its dateAdded, at nanosecond width. */
export function instantKey(version: string | null, dateAdded: string): string {
  const text = version ?? dateAdded;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/i.exec(text);
  return m === null ? text : `${m[1] ?? ''}.${((m[2] ?? '') + '000000000').slice(0, 9)}`;
}

function newer(a: ShownVersion, b: ShownVersion): boolean {
  const ka = instantKey(a.version, a.dateAdded);
  const kb = instantKey(b.version, b.dateAdded);
  return ka === kb ? a.dateAdded > b.dateAdded : ka > kb;
}

interface CollectionView {
  readonly collectionId: string;
  readonly view: ForeignView | undefined;
}

export async function openLens(deps: PivotDeps, principal: Principal | undefined, options: LensOptions = {}): Promise<Lens> {
  const { store } = deps;
  const all = await store.listCollections();
  const member = principal === undefined ? undefined : { ...principal, communities: await store.communitiesOf(principal.orgId) };
  const collections = all
    .filter((c) => (member === undefined || canRead(member, c)) && (options.collection === undefined || c.id === options.collection))
    .map((c) => c.id);
  const reader: ReadScope | undefined = principal === undefined ? undefined : readScopeOf(principal.orgId);
  const views = new Map<string, Promise<CollectionView>>();
  const viewOf = (collectionId: string): Promise<CollectionView> => {
    let found = views.get(collectionId);
    if (found === undefined) {
      const gate = deps.foreignReads;
      found = (async () => ({ collectionId, view: principal === undefined || gate === undefined ? undefined : await gate.viewFor(collectionId, principal.orgId) }))();
      views.set(collectionId, found);
    }
    return found;
  };
  const scoped = (view: ForeignView | undefined) => ({ ...(reader === undefined ? {} : { reader }), ...(view === undefined ? {} : { gateReader: view.gateReader }) });

  /** The JSON served for each record: through the gate's view, else with hidden granular fields removed. */
  const served = async (query: ObjectQuery, view: ForeignView | undefined): Promise<{ records: readonly ObjectRecord[]; json: string[]; more: boolean }> => {
    for (let attempt = 1; ; attempt++) {
      const page = await store.queryObjects(query);
      if (view === undefined) {
        const json = page.records.map((r) => {
          const text = r.json ?? 'null';
          if (reader === undefined || r.hasGranular !== true || r.tlp === undefined) return text;
          const object = JSON.parse(text) as Record<string, unknown>;
          const shown = withoutHiddenFields(object, r.tlp, r.ownerOrg ?? null, reader);
          return shown === object ? text : JSON.stringify(shown);
        });
        return { records: page.records, json, more: page.more };
      }
      const json = await view.serve(page.records);
      if (json !== undefined) return { records: page.records, json, more: page.more };
      if (attempt === GATED_READS) {
        throw new SetuError('SETU_ERR_TAXII_GATE_CHANGED', 'What the outbound gate lets out to this reader changed while the objects were read; read them again.');
      }
    }
  };

  const shownOf = (collectionId: string, r: ObjectRecord, json: string | undefined): ShownVersion => ({
    collectionId, seq: r.seq, id: r.id, type: r.type, specVersion: r.specVersion, version: r.version, dateAdded: r.dateAdded, json: json ?? 'null',
  });

  return {
    collections,
    async list(collectionId, { types, limit }) {
      if (!collections.includes(collectionId)) return [];
      const { view } = await viewOf(collectionId);
      const out: ShownVersion[] = [];
      let afterSeq: number | undefined;
      while (out.length < limit) {
        const query: ObjectQuery = { collectionId, limit: Math.min(PAGE, limit - out.length), withJson: true, ...(types === undefined ? {} : { types }), ...scoped(view), ...(afterSeq === undefined ? {} : { afterSeq }) };
        const page = await served(query, view);
        page.records.forEach((r, index) => out.push(shownOf(collectionId, r, page.json[index])));
        const last = page.records.at(-1);
        if (!page.more || last === undefined) break;
        afterSeq = last.seq;
      }
      return out;
    },
    async newest(ids) {
      const found = new Map<string, ShownVersion>();
      const unique = [...new Set(ids)];
      for (const collectionId of collections) {
        const { view } = await viewOf(collectionId);
        for (let i = 0; i < unique.length; i += PAGE) {
          const chunk = unique.slice(i, i + PAGE);
          let afterSeq: number | undefined;
          for (;;) {
            const query: ObjectQuery = { collectionId, ids: chunk, limit: PAGE, withJson: true, ...scoped(view), ...(afterSeq === undefined ? {} : { afterSeq }) };
            const page = await served(query, view);
            page.records.forEach((r, index) => {
              const shown = shownOf(collectionId, r, page.json[index]);
              const held = found.get(r.id);
              if (held === undefined || newer(shown, held)) found.set(r.id, shown);
            });
            const last = page.records.at(-1);
            if (!page.more || last === undefined) break;
            afterSeq = last.seq;
          }
        }
      }
      return found;
    },
    async versions(id) {
      const out: VersionEntry[] = [];
      for (const collectionId of collections) {
        const { view } = await viewOf(collectionId);
        let afterSeq: number | undefined;
        for (;;) {
          const page = await store.queryObjects({ collectionId, ids: [id], versions: [{ kind: 'all' }], specVersions: ['2.0', '2.1'], limit: PAGE, withJson: false, ...scoped(view), ...(afterSeq === undefined ? {} : { afterSeq }) });
          for (const r of page.records) out.push({ collectionId, specVersion: r.specVersion, version: r.version, dateAdded: r.dateAdded });
          const last = page.records.at(-1);
          if (!page.more || last === undefined) break;
          afterSeq = last.seq;
        }
      }
      return out;
    },
    async holding(keys, limit) {
      const ids = new Set<string>();
      if (keys.length === 0) return ids;
      for (const collectionId of collections) {
        const { view } = await viewOf(collectionId);
        const page = await store.searchObjects({ collections: [collectionId], conditions: [{ kind: 'terms', keys }], limit, ...scoped(view) });
        for (const r of page.records) ids.add(r.id);
      }
      return ids;
    },
    async referrers(targetIds, limit) {
      const out: FoundReferrer[] = [];
      const unique = [...new Set(targetIds)];
      for (const collectionId of collections) {
        const { view } = await viewOf(collectionId);
        for (let i = 0; i < unique.length && out.length < limit; i += MAX_REF_TARGETS) {
          const rows = await store.refs.referrersOf({ collectionId, targetIds: unique.slice(i, i + MAX_REF_TARGETS), limit: limit - out.length, ...scoped(view) });
          for (const row of rows) out.push({ ...row, collectionId });
        }
      }
      return out;
    },
  };
}
