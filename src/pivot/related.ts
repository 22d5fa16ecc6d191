// GET /api/v1/objects/{id}/related and `setu object related`: the objects around one object, as
// nodes and edges for a graph, read through the reader's lens (lens.ts) so that every node, edge
// and count is something the reader may see.
//
//   edges out   each *_ref / *_refs of a node's shown version (search.refsOf) whose target the
//               reader may see;
//   edges in    each object whose newest readable version references the node (the reference
//               index, one probe per collection), confirmed on the version as served to the reader
//               (a redacted copy that no longer names the node is no edge);
//   relationships   a relationship reaching a node through source_ref/target_ref is drawn as one
//               edge between its two ends (kind 'relationship', label its relationship_type,
//               `via` its id), shown only when the reader may see the relationship and both ends,
//               and it costs no hop: depth 1 from an indicator reaches the malware it indicates;
//   sightings   are nodes, with 'sighting' edges to what they reference;
//   shared values   an object whose newest readable version holds an observable value the node's
//               shown version holds (IP, CIDR, domain, URL, e-mail, hash, file name, MAC, ASN, mutex,
//               registry key: the term index of migration 11, found with the same lens) is a
//               neighbour through a 'shares-value' edge labelled "<kind> <value>"; confirmed on the
//               version as served (both sides), at most SHARED_ROWS matches per node and collection.
// Depth 1 is the node's neighbours; depth 2 adds theirs; the refs of the outer ring to nodes already
// drawn are edges too (a relationship between two outer nodes is not looked up). At most `limit` nodes (the root included);
// `truncated` says the limit cut the graph.
import { indexTermsOf, keyString, refsOf, type SearchKey } from '../search/index.js';
import type { Lens, ShownVersion } from './lens.js';

export const RELATED_DEPTHS = [1, 2] as const;
export type RelatedDepth = (typeof RELATED_DEPTHS)[number];
export const EDGE_KINDS = ['relationship', 'sighting', 'ref', 'shares-value'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];
export const DEFAULT_RELATED_LIMIT = 200;
export const MAX_RELATED_LIMIT = 1000;
/** Versions read per node and collection when looking for shared values (newest first). */
const SHARED_ROWS = 50;
/** Term kinds that are identifiers of knowledge, not observables: sharing them is no shared sighting. */
const NOT_OBSERVABLE = new Set(['cve', 'capec', 'attack-id']);

function observableKeys(object: Record<string, unknown>): SearchKey[] {
  const keys = new Map<string, SearchKey>();
  for (const term of indexTermsOf(object).terms) if (!NOT_OBSERVABLE.has(term.kind)) keys.set(keyString(term), { kind: term.kind, value: term.value });
  return [...keys.values()];
}

/** References read per level (a node referenced more often than this shows the first ones, by seq). */
const REFERRER_ROWS = 5000;

export interface GraphNode {
  readonly id: string;
  readonly type: string;
  /** name, else value, else null, from the version as served. */
  readonly name: string | null;
  readonly collection: string;
  readonly version: string | null;
  /** Hops from the root (0 for the root). */
  readonly depth: number;
}

export interface GraphEdge {
  readonly kind: EdgeKind;
  readonly source: string;
  readonly target: string;
  /** The relationship_type, or the ref property path. */
  readonly label: string;
  /** The relationship drawn as this edge. */
  readonly via?: string;
}

export interface RelatedGraph {
  readonly root: string;
  readonly depth: RelatedDepth;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly truncated: boolean;
}

const END_PATHS = ['source_ref', 'target_ref'];

function parse(json: string): Record<string, unknown> {
  const value = JSON.parse(json) as unknown;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function nameOf(object: Record<string, unknown>): string | null {
  for (const key of ['name', 'value', 'relationship_type']) {
    const value = object[key];
    if (typeof value === 'string') return value;
  }
  return null;
}

const kindOf = (type: string): EdgeKind => (type === 'relationship' ? 'relationship' : type === 'sighting' ? 'sighting' : 'ref');

/** An edge waiting for both ends to be nodes. */
type Pending = GraphEdge;

class Graph {
  readonly nodes = new Map<string, GraphNode>();
  readonly objects = new Map<string, Record<string, unknown>>();
  readonly edges = new Map<string, GraphEdge>();
  truncated = false;
  constructor(private readonly limit: number) {}

  add(shown: ShownVersion, depth: number): boolean {
    if (this.nodes.has(shown.id)) return false;
    if (this.nodes.size >= this.limit) {
      this.truncated = true;
      return false;
    }
    const object = parse(shown.json);
    this.objects.set(shown.id, object);
    this.nodes.set(shown.id, { id: shown.id, type: shown.type, name: nameOf(object), collection: shown.collectionId, version: shown.version, depth });
    return true;
  }

  settle(pending: readonly Pending[]): void {
    for (const edge of pending) {
      if (!this.nodes.has(edge.source) || !this.nodes.has(edge.target)) continue;
      this.edges.set(`${edge.kind}\u0000${edge.source}\u0000${edge.target}\u0000${edge.label}\u0000${edge.via ?? ''}`, edge);
    }
  }
}

/** Whether the served object still references `target` at `path` (a redacted copy may not). */
function references(object: Record<string, unknown>, path: string, target: string): boolean {
  return refsOf(object).some((r) => r.path === path && r.target === target);
}

/** The related graph of `id` as `lens` sees it; undefined when it may not see the object. */
export async function relatedGraph(lens: Lens, id: string, depth: RelatedDepth, limit = DEFAULT_RELATED_LIMIT): Promise<RelatedGraph | undefined> {
  const root = (await lens.newest([id])).get(id);
  if (root === undefined) return undefined;
  const graph = new Graph(Math.max(1, Math.min(limit, MAX_RELATED_LIMIT)));
  graph.add(root, 0);
  let frontier = [id];
  for (let level = 1; level <= depth && frontier.length > 0 && !graph.truncated; level++) {
    const pending: Pending[] = [];
    const wanted = new Set<string>();
    // Edges out: the refs of each frontier node's served version.
    for (const from of frontier) {
      const object = graph.objects.get(from) ?? {};
      const type = graph.nodes.get(from)?.type ?? '';
      for (const ref of refsOf(object)) {
        wanted.add(ref.target);
        pending.push({ kind: kindOf(type), source: from, target: ref.target, label: ref.path });
      }
    }
    // Edges in: who references a frontier node, confirmed on what the reader is served.
    const referrers = await lens.referrers(frontier, REFERRER_ROWS);
    const shownReferrers = await lens.newest(referrers.map((r) => r.id));
    for (const ref of referrers) {
      const shown = shownReferrers.get(ref.id);
      if (shown === undefined) continue;
      const object = parse(shown.json);
      if (!references(object, ref.path, ref.targetId)) continue;
      if (shown.type === 'relationship' && END_PATHS.includes(ref.path)) {
        const source = object['source_ref'];
        const target = object['target_ref'];
        if (typeof source !== 'string' || typeof target !== 'string') continue;
        wanted.add(source === ref.targetId ? target : source);
        pending.push({ kind: 'relationship', source, target, label: typeof object['relationship_type'] === 'string' ? object['relationship_type'] : 'related-to', via: shown.id });
        continue;
      }
      wanted.add(ref.id);
      pending.push({ kind: kindOf(shown.type), source: ref.id, target: ref.targetId, label: ref.path });
    }
    // Shared observable values: objects holding a value a frontier node holds.
    const viaRefs = new Set(wanted);
    const sharing = new Map<string, { from: string; keys: Map<string, SearchKey> }[]>();
    for (const from of frontier) {
      const keys = observableKeys(graph.objects.get(from) ?? {});
      if (keys.length === 0) continue;
      for (const other of await lens.holding(keys, SHARED_ROWS)) {
        if (other === from) continue;
        wanted.add(other);
        const list = sharing.get(other) ?? [];
        list.push({ from, keys: new Map(keys.map((k) => [keyString(k), k])) });
        sharing.set(other, list);
      }
    }
    const fresh = [...wanted].filter((w) => !graph.nodes.has(w));
    const unseen = fresh.filter((w) => !shownReferrers.has(w));
    const shown = unseen.length === 0 ? new Map<string, ShownVersion>() : await lens.newest(unseen);
    // A shared-value edge holds on what the reader is served on both sides (a redacted copy may
    // not hold the value); an object found only through a value it no longer shows is no node.
    const unconfirmed = new Set<string>();
    for (const [other, froms] of sharing) {
      const served = shown.get(other) ?? shownReferrers.get(other);
      const object = graph.objects.get(other) ?? (served === undefined ? undefined : parse(served.json));
      const held = object === undefined ? [] : observableKeys(object);
      let confirmed = false;
      for (const { from, keys } of froms) {
        const common = held.find((k) => keys.has(keyString(k)));
        if (common === undefined) continue;
        confirmed = true;
        pending.push({ kind: 'shares-value', source: from, target: other, label: `${common.kind} ${common.value}` });
      }
      if (!confirmed && !viaRefs.has(other)) unconfirmed.add(other);
    }
    const next: string[] = [];
    for (const w of fresh) {
      const found = shown.get(w) ?? shownReferrers.get(w);
      if (found !== undefined && !unconfirmed.has(w) && graph.add(found, level)) next.push(w);
    }
    graph.settle(pending);
    frontier = next;
  }
  // The outer ring's own refs between nodes already drawn (no new nodes: that would be a hop more).
  const ring: Pending[] = [];
  for (const from of frontier) {
    const type = graph.nodes.get(from)?.type ?? '';
    for (const ref of refsOf(graph.objects.get(from) ?? {})) ring.push({ kind: kindOf(type), source: from, target: ref.target, label: ref.path });
  }
  graph.settle(ring);
  return { root: id, depth, nodes: [...graph.nodes.values()], edges: [...graph.edges.values()], truncated: graph.truncated };
}
