// GET /api/v1/objects/{id} and `setu object show|history`: one object as a reader sees it across
// the node: its newest version the reader may see (as served to it), every version it may see per
// collection, the collections holding them, and the provenance chain the shown version carries
// (the Setu provenance extension: origin node, then each node that passed it on).
import { readChain } from '../sync/index.js';
import type { Lens, VersionEntry } from './lens.js';

export interface ObjectView {
  readonly id: string;
  readonly type: string;
  /** The newest version this reader may see, as it receives it. */
  readonly object: Record<string, unknown>;
  /** The collection the shown version was read from. */
  readonly collection: string;
  readonly versions: readonly VersionEntry[];
  /** The collections holding a version this reader may see. */
  readonly collections: readonly string[];
  /** null: the object carries no provenance chain (written on this node, or by a tool without Setu). */
  readonly provenance: { readonly originNode: string; readonly hops: readonly string[] } | null;
}

/** The object as `lens` sees it; undefined when it may see no version of it (or none exists). */
export async function objectView(lens: Lens, id: string): Promise<ObjectView | undefined> {
  const shown = (await lens.newest([id])).get(id);
  if (shown === undefined) return undefined;
  const versions = await lens.versions(id);
  const chain = readChain(shown.json);
  return {
    id,
    type: shown.type,
    object: JSON.parse(shown.json) as Record<string, unknown>,
    collection: shown.collectionId,
    versions,
    collections: [...new Set(versions.map((v) => v.collectionId))],
    provenance: chain === null ? null : { originNode: chain.origin, hops: chain.hops },
  };
}
