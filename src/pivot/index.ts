// Public face of the pivots (issue 10 item 3): one object across the node, and the objects around
// it, read through a reader's lens (the reader predicate in every query, the outbound gate for a
// reader outside the node's jurisdiction). Kept apart from search/, whose pure core the store
// imports (search.refsOf), so that nothing here is reachable from the store.
export { openLens, instantKey, type Lens, type PivotDeps, type ShownVersion, type VersionEntry, type FoundReferrer, type LensOptions } from './lens.js';
export { objectView, type ObjectView } from './object-view.js';
export { relatedGraph, RELATED_DEPTHS, EDGE_KINDS, DEFAULT_RELATED_LIMIT, MAX_RELATED_LIMIT } from './related.js';
export type { EdgeKind, GraphEdge, GraphNode, RelatedDepth, RelatedGraph } from './related.js';
