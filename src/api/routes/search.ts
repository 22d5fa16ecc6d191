// GET /api/v1/search: values, `field:value` clauses and words across every collection the caller
// may read, through the reader predicate and, for a caller outside the node's jurisdiction, the
// outbound gate (node/search-reads.ts); newest first, paged with an opaque cursor.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { SetuError } from '../../errors/index.js';
import { SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT, foreignReads, searchFor } from '../../node/index.js';
import { principalOf, type ApiContext } from '../context.js';
import { apiDoc } from '../schemas.js';

const RESULT = Type.Object({
  id: Type.String({ description: 'The STIX id.' }),
  type: Type.String({ description: 'The STIX type.' }),
  version: Type.Union([Type.String(), Type.Null()], { description: 'The version (modified, else created); null for an unversioned object such as an SCO.' }),
  collection: Type.String({ description: 'The collection holding this version.' }),
  name: Type.Union([Type.String(), Type.Null()], { description: 'Its name (an SCO: its value) as the caller receives it; null when it has none.' }),
  tlp: Type.Union(['clear', 'green', 'amber', 'amber+strict', 'red'].map((l) => Type.Literal(l)), { description: 'Its TLP level.' }),
  matched: Type.String({ description: 'What matched: "<kind> <value> at <JSON path>" for a value, "evidence <property>" for a version found through what it points at, "text <field>" for words, or the field (type, id, tlp).' }),
});

const QUERY = Type.Object({
  q: Type.String({ description: 'The query: a value (IP address or block, domain, URL, e-mail, hash, CVE, ATT&CK id, ...; defanged forms too), field:value clauses (ip:, domain:, sha256:, type:, tlp:, name:, label:, collection:, ...) or words; every clause must hold. See docs/search.md.' }),
  type: Type.Optional(Type.String({ description: 'Only objects of this STIX type.' })),
  collection: Type.Optional(Type.String({ description: 'Only this collection (id or alias).' })),
  tlp: Type.Optional(Type.String({ description: 'Only this TLP level: clear, green, amber, amber+strict or red.' })),
  since: Type.Optional(Type.String({ description: 'Only versions added at or after this RFC 3339 UTC instant.' })),
  limit: Type.Optional(Type.String({ description: `At most this many results (default ${SEARCH_DEFAULT_LIMIT}, at most ${SEARCH_MAX_LIMIT}).` })),
  cursor: Type.Optional(Type.String({ description: 'The `next` of the previous page, as it was.' })),
});

export function registerSearchRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const { store, gate, clock, newId } = ctx.options;
  // The gate's views shared with TAXII when the app hands them in; else this node's own from its
  // gate configuration: a node with a gate never lets a foreign reader search around it.
  const reads = ctx.options.foreignReads ?? (gate === undefined ? undefined : foreignReads({ store, profile: gate.profile, pseudonymKey: gate.pseudonymKey, country: gate.country, clock, newId }));
  app.get('/search', {
    schema: apiDoc({
      operationId: 'search',
      summary: 'Search what the caller may read',
      description:
        'Object versions matching every clause of the query, newest first, from the collections the caller may read and only the versions it may read (TLP, RED recipients); a caller outside the node\'s jurisdiction finds only what the outbound gate lets out to it, and reads names as the gate serves them.',
      tags: ['search'],
      querystring: QUERY,
      success: {
        status: 200,
        schema: Type.Object({
          results: Type.Array(RESULT),
          next: Type.Union([Type.String(), Type.Null()], { description: 'The cursor of the next page; null on the last page.' }),
        }),
        meaning: 'One page of results.',
      },
      errors: [400, 503],
    }),
  }, async (request) => {
    const principal = principalOf(ctx, request);
    const query = request.query as { q: string; type?: string; collection?: string; tlp?: string; since?: string; limit?: string; cursor?: string };
    const limit = query.limit === undefined ? undefined : /^\d{1,6}$/.test(query.limit) ? Number(query.limit) : NaN;
    if (Number.isNaN(limit)) throw new SetuError('SETU_ERR_SEARCH_BAD_PARAMETER', `"limit" must be an integer from 1 to ${SEARCH_MAX_LIMIT}.`, { field: 'limit' });
    const searcher = { ...principal, communities: await store.communitiesOf(principal.orgId) };
    return searchFor({ store, foreignReads: reads }, searcher, { ...query, limit });
  });
}
