// Pivots over the JSON API: GET /objects/{id} (one object across every collection the caller may
// read) and GET /objects/{id}/related (the objects around it as graph nodes and edges). Both read
// through the caller's lens (pivot/): the reader predicate inside every query and, for a caller
// outside the node's jurisdiction, only what the outbound gate lets out, in the form it serves.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { SetuError } from '../../errors/index.js';
import { foreignReads } from '../../node/index.js';
import { DEFAULT_RELATED_LIMIT, EDGE_KINDS, MAX_RELATED_LIMIT, objectView, openLens, relatedGraph, type RelatedDepth } from '../../pivot/index.js';
import { principalOf, type ApiContext } from '../context.js';
import { apiDoc, documented } from '../schemas.js';

const ID = Type.Object({ id: Type.String({ description: 'The STIX id of the object.' }) });
const nullableText = (description: string) => Type.Union([Type.String(), Type.Null()], { description });

const VERSION = Type.Object({
  collectionId: Type.String({ description: 'The collection holding this version.' }),
  specVersion: Type.String({ description: 'Its spec_version.' }),
  version: nullableText('modified, else created; null for an unversioned object (most SCOs).'),
  dateAdded: Type.String({ description: 'When the collection added it (RFC 3339, microseconds).' }),
});

const OBJECT_VIEW = Type.Object({
  id: Type.String({ description: 'The STIX id.' }),
  type: Type.String({ description: 'The STIX type.' }),
  object: documented('The newest version the caller may see, as it receives it (granular-marked fields it lacks removed; for a caller outside the jurisdiction, redacted and pseudonymised by the outbound gate).'),
  collection: Type.String({ description: 'The collection the shown version was read from.' }),
  versions: Type.Array(VERSION, { description: 'Every version the caller may see, per collection (in the store\'s collection order, oldest added first within one).' }),
  collections: Type.Array(Type.String(), { description: 'The collections holding a version the caller may see.' }),
  provenance: Type.Union(
    [Type.Object({ originNode: Type.String({ description: 'The node the object originated on (its key fingerprint).' }), hops: Type.Array(Type.String(), { description: 'Each node that passed it on, origin first.' }) }), Type.Null()],
    { description: 'The Setu provenance chain the shown version carries; null when it carries none.' },
  ),
});

const NODE = Type.Object({
  id: Type.String({ description: 'The STIX id.' }),
  type: Type.String({ description: 'The STIX type.' }),
  name: nullableText('name, else value, from the version as served; null when it has neither.'),
  collection: Type.String({ description: 'The collection the shown version was read from.' }),
  version: nullableText('The shown version.'),
  depth: Type.Integer({ description: 'Hops from the root object (0: the root).' }),
});

const EDGE = Type.Object({
  kind: Type.Union(EDGE_KINDS.map((k) => Type.Literal(k)), { description: 'relationship (a relationship object drawn as one edge, or a ref of a relationship), sighting (a ref of a sighting), ref (any other *_ref / *_refs), shares-value (both objects hold the observable value in label).' }),
  source: Type.String({ description: 'The referring object (a relationship: its source_ref).' }),
  target: Type.String({ description: 'The referenced object (a relationship: its target_ref).' }),
  label: Type.String({ description: 'The relationship_type, the ref property path (e.g. object_refs), or for shares-value "<kind> <value>" (e.g. "ipv4 203.0.113.9").' }),
  via: Type.Optional(Type.String({ description: 'The relationship this edge draws.' })),
});

const GRAPH = Type.Object({
  root: Type.String({ description: 'The object asked about.' }),
  depth: Type.Integer({ description: 'The depth walked.' }),
  nodes: Type.Array(NODE, { description: 'The root first, then each object reached, nearest first.' }),
  edges: Type.Array(EDGE, { description: 'Edges between nodes only: an edge to an object the caller may not see is neither shown nor counted.' }),
  truncated: Type.Boolean({ description: 'True when the node limit cut the graph.' }),
});

const RELATED_QUERY = Type.Object({
  depth: Type.Optional(Type.Integer({ minimum: 1, maximum: 2, default: 1, description: '1: the object\'s neighbours; 2: theirs too.' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_RELATED_LIMIT, default: DEFAULT_RELATED_LIMIT, description: `At most this many nodes, the root included (default ${DEFAULT_RELATED_LIMIT}, at most ${MAX_RELATED_LIMIT}).` })),
});

const notFound = (id: string) => new SetuError('SETU_ERR_API_NOT_FOUND', `No object ${id} that this caller may read.`, { id });

export function registerObjectRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const tags = ['pivot'];
  const { store, gate, clock, newId } = ctx.options;
  // The gate's views shared with TAXII when the app hands them in; else this node's own, from its
  // gate configuration: a node with a gate never lets a foreign reader pivot around it.
  const reads = ctx.options.foreignReads ?? (gate === undefined ? undefined : foreignReads({ store, profile: gate.profile, pseudonymKey: gate.pseudonymKey, country: gate.country, clock, newId }));
  const lensFor = async (request: Parameters<typeof principalOf>[1]) => openLens({ store, foreignReads: reads }, principalOf(ctx, request));

  app.get('/objects/:id', {
    schema: apiDoc({
      operationId: 'getPivotObject',
      summary: 'One object across the node',
      description:
        'The newest version of the object the caller may see in any collection it may read, every version it may see per collection, the collections holding them, and the provenance chain. An object the caller may not read is reported exactly as a missing one (404).',
      tags,
      params: ID,
      success: { status: 200, schema: OBJECT_VIEW, meaning: 'The object as the caller sees it.' },
      errors: [404, 503],
    }),
  }, async (request) => {
    const { id } = request.params as { id: string };
    const view = await objectView(await lensFor(request), id);
    if (view === undefined) throw notFound(id);
    return view;
  });

  app.get('/objects/:id/related', {
    schema: apiDoc({
      operationId: 'getRelatedObjects',
      summary: 'The objects around one object, as a graph',
      description:
        'Nodes and edges: relationships (drawn as one edge between their ends), sightings, *_ref / *_refs in both directions, and objects sharing an observable value (IP, domain, URL, e-mail, hash, ...) (created_by_ref and markings are not followed; see docs/pivot.md), to depth 1 or 2. Every node and edge is one the caller may see; an object it may not read is neither a node nor the end of an edge.',
      tags,
      params: ID,
      querystring: RELATED_QUERY,
      success: { status: 200, schema: GRAPH, meaning: 'The graph around the object.' },
      errors: [400, 404, 503],
    }),
  }, async (request) => {
    const { id } = request.params as { id: string };
    const { depth, limit } = request.query as { depth?: number; limit?: number };
    const graph = await relatedGraph(await lensFor(request), id, (depth ?? 1) as RelatedDepth, limit ?? DEFAULT_RELATED_LIMIT);
    if (graph === undefined) throw notFound(id);
    return graph;
  });
}
