// Shared builders for the store contract suite.
import type { CollectionRecord, NewObjectVersion, Store } from '../../src/store/index.js';

export interface StoreOptions {
  readonly clock?: () => number;
}
export type MakeStore = (options?: StoreOptions) => Promise<Store>;

export const T0 = Date.UTC(2025, 0, 1); // a fixed clock reading (epoch ms)

export function collection(id: string, overrides: Partial<CollectionRecord> = {}): CollectionRecord {
  return {
    id,
    title: `collection ${id}`,
    description: null,
    alias: null,
    readOrgs: [],
    writeOrgs: [],
    mediaTypes: ['application/stix+json;version=2.1'],
    createdAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** An object version whose JSON embeds a variant tag, so two variants conflict. */
export function stix(id: string, version: string | null, specVersion = '2.1', variant = 0): NewObjectVersion {
  const type = id.slice(0, id.indexOf('--'));
  const body: Record<string, unknown> = { type, spec_version: specVersion, id };
  if (version !== null) {
    body['created'] = version;
    body['modified'] = version;
  }
  body['x_variant'] = variant;
  return { id, type, specVersion, version, json: JSON.stringify(body) };
}

let statusCounter = 0;
export function statusId(): string {
  statusCounter += 1;
  return `status-${statusCounter}`;
}

/** A store holding one empty collection 'c1' (and 'c2'). */
export async function storeWithCollections(makeStore: MakeStore, options?: StoreOptions): Promise<Store> {
  const store = await makeStore(options);
  await store.createCollection(collection('c1'));
  await store.createCollection(collection('c2'));
  return store;
}

export async function add(store: Store, objects: readonly NewObjectVersion[], collectionId = 'c1') {
  return store.addObjects({
    collectionId,
    statusId: statusId(),
    requestTimestamp: '2025-01-01T00:00:00.000000Z',
    accepted: objects,
    rejected: [],
  });
}

/** Walks every page of a query; returns the records and each page's size and `more`. */
export async function walk(store: Store, query: Parameters<Store['queryObjects']>[0]) {
  const records = [];
  const pages: { size: number; more: boolean }[] = [];
  let afterSeq = query.afterSeq;
  for (let guard = 0; guard < 100_000; guard += 1) {
    const page = await store.queryObjects({ ...query, ...(afterSeq === undefined ? {} : { afterSeq }) });
    records.push(...page.records);
    pages.push({ size: page.records.length, more: page.more });
    if (!page.more) return { records, pages };
    afterSeq = page.records.at(-1)!.seq;
  }
  throw new Error('pagination did not terminate');
}

export const DATE_ADDED_FORM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
