// How many object versions a reader may read in a set of collections: one count with the reader
// predicate inside it (the management API's node summary), never a node-wide figure filtered later.
import type { ReadScope } from '../types.js';
import { rows, type Queryable } from './statements.js';
import { bindGate, passesGate } from './gate.js';
import { Params, bindReader, readableBy } from './visibility.js';

/** How many object versions of these collections the reader may read (the predicate in the count). */
export async function countReadable(db: Queryable, collectionIds: readonly string[], reader: ReadScope, gateReader?: string): Promise<number> {
  if (collectionIds.length === 0) return 0;
  const params = new Params();
  const ids = params.bind([...collectionIds], '::text[]');
  const predicate = [readableBy('o', bindReader(reader, params)), passesGate('o', bindGate(gateReader, params))].filter((t) => t !== '').join(' AND ');
  const [row] = await rows<{ n: string | number }>(
    db,
    `SELECT count(*) AS n FROM objects o WHERE o.collection_key IN (SELECT key FROM collections WHERE id = ANY(${ids})) AND ${predicate}`,
    params.values,
  );
  return Number(row?.n ?? 0);
}
