// The search part of the store contract (migration 11): one query over the term and full-text
// indexes across collections, with the reader predicate and the gate verdicts inside the SQL, and
// the rebuild of the indexes from the stored objects.
import type { TlpLevel } from '../stix/index.js';
import type { ObjectRecord, ReadScope } from './types.js';

/** One condition every matched version meets. */
export type SearchCondition =
  /** A term of one of these (kind, value) keys was taken from the version. */
  | { readonly kind: 'terms'; readonly keys: readonly { readonly kind: string; readonly value: string }[] }
  /**
   * Words (search/wordsOf), all present; `phrase`: the non-Japanese ones adjacent. `field` 'name':
   * in the name, as whole words; 'all': anywhere in the text, Japanese words as substrings.
   */
  | { readonly kind: 'words'; readonly words: readonly string[]; readonly phrase: boolean; readonly field: 'name' | 'all' }
  | { readonly kind: 'type'; readonly value: string }
  | { readonly kind: 'id'; readonly value: string }
  | { readonly kind: 'tlp'; readonly value: TlpLevel };

export interface SearchObjectsQuery {
  /** The collections searched (ids); [] matches nothing. */
  readonly collections: readonly string[];
  /** Only the versions this reader may read (absent: the node's own view, everything). */
  readonly reader?: ReadScope;
  /** Only versions with a passing gate verdict for this reader key (a reader outside the node's jurisdiction). */
  readonly gateReader?: string;
  readonly conditions: readonly SearchCondition[];
  /** Only versions added at or after this RFC 3339 instant. */
  readonly since?: string;
  /** Newest first: only versions with a seq below this (the cursor). */
  readonly beforeSeq?: number;
  readonly limit: number;
}

export interface SearchObjectsPage {
  /** Newest first (seq descending), with JSON and visibility columns. */
  readonly records: readonly ObjectRecord[];
  readonly more: boolean;
}

export interface SearchStore {
  searchObjects(query: SearchObjectsQuery): Promise<SearchObjectsPage>;
  /**
   * Rebuilds the search indexes of every stored version (those stored before migration 11, or
   * after a change of what is indexed), in batches, each batch in its own transaction; `progress`
   * gets (versions done, versions in all). Returns the number of versions indexed.
   */
  reindexSearch(progress?: (done: number, total: number) => void): Promise<number>;
}
