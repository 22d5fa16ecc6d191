// Collection id -> surrogate key, remembered once found (a collection's key never changes and
// collections are never deleted). Page queries bind the key as a value instead of a sub-select:
// with `collection_key = (SELECT ...)` the planner cannot see the collection, misjudges how many
// rows follow the cursor, and at a million rows chooses to fetch and sort every later row of the
// collection (seconds) instead of walking (collection_key, seq) and stopping after one page.
import { rows, type Queryable } from './statements.js';

/** Matches no row: the key of a collection that does not exist. */
export const NO_COLLECTION = -1;

export class CollectionKeys {
  private readonly known = new Map<string, number>();

  async keyOf(db: Queryable, collectionId: string): Promise<number> {
    const cached = this.known.get(collectionId);
    if (cached !== undefined) return cached;
    const [row] = await rows<{ key: number }>(db, 'SELECT key FROM collections WHERE id = $1', [collectionId]);
    if (row === undefined) return NO_COLLECTION;
    this.known.set(collectionId, row.key);
    return row.key;
  }
}
