// The reference index (migration 12): one row per (object version, ref property path, target id)
// taken by search.refsOf from every version as it is written, in the same transaction, and gone
// with the version. It answers "which objects reference X" with one probe of the target index.
import type { ReadScope } from './types.js';

export interface ReferrersQuery {
  readonly collectionId: string;
  /** The referenced ids (1 to MAX_REF_TARGETS). */
  readonly targetIds: readonly string[];
  /** Whose view (the same predicate as queryObjects, inside the query); absent: the node itself. */
  readonly reader?: ReadScope;
  /** Only versions with a passing gate verdict for this reader key (as ObjectQuery.gateReader). */
  readonly gateReader?: string;
  /** At most this many rows (a positive safe integer). */
  readonly limit: number;
}

/**
 * One reference to a target from the newest version of its object (newest spec_version, then
 * newest version) that the reader may read in the collection: an older version's references
 * are history, not the object's current links.
 */
export interface Referrer {
  readonly seq: number;
  readonly id: string;
  readonly type: string;
  /** The ref property path (search.refsOf), e.g. 'source_ref'. */
  readonly path: string;
  readonly targetId: string;
}

/** The number of target ids one referrers query takes. */
export const MAX_REF_TARGETS = 200;

export interface RefStore {
  /** Ordered by seq; rejects with SETU_ERR_STORE_INVALID_QUERY for a bad limit or target list. */
  referrersOf(query: ReferrersQuery): Promise<Referrer[]>;
  /**
   * Writes the rows of stored versions that lack them (those stored before migration 12; run when
   * the store opens right after applying it). Idempotent; returns the versions read.
   */
  rebuild(progress?: (done: number, total: number) => void): Promise<number>;
}
