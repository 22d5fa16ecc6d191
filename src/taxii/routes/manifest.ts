// Get Object Manifests: id, date_added, version and media type of each selected object version.

import type { FastifyInstance } from 'fastify';
import { collectionFor, foreignViewOf, readerOf, sendTaxii, type TaxiiContext } from '../context.js';
import { gated } from './objects.js';
import { dateAddedHeaders, manifestEnvelope } from '../envelope.js';
import { parseFilters, type FilterParam } from '../query-params.js';
import { MANIFEST_SCHEMA } from '../resource-schemas.js';
import { PARAMS, doc, operationId, querystring, responses } from '../schemas.js';
import { addRoute } from './add-route.js';

const FILTERS: readonly FilterParam[] = ['added_after', 'limit', 'next', 'match[id]', 'match[type]', 'match[version]', 'match[spec_version]'];

export function registerManifest(scope: FastifyInstance, ctx: TaxiiContext, root: string): void {
  addRoute(scope, {
    method: 'GET',
    url: `/${root}/collections/:collectionId/manifest/`,
    schema: doc(
      { summary: 'Get object manifests', description: "Manifest entries for the selected object versions, paged like Get Objects. A reader outside the node's jurisdiction gets only what the outbound gate lets out to it (redacted, pseudonymised; held and withheld versions do not exist for it).", operationId: operationId(ctx, 'getObjectManifests', root) },
      { params: PARAMS.collection, querystring: querystring(FILTERS), response: responses(200, MANIFEST_SCHEMA, 'The manifest entries of this page.', [400, 404]) },
    ),
    handler: async (request, reply) => {
      const collection = await collectionFor(ctx, request, 'read');
      const filters = parseFilters(request.query, FILTERS, ctx.pageSize);
      const view = await foreignViewOf(ctx, request, collection.id);
      const page = await ctx.options.store.queryObjects({ collectionId: collection.id, ...filters, withJson: false, reader: readerOf(ctx, request), ...gated(view) });
      return sendTaxii(reply, 200, manifestEnvelope(page), dateAddedHeaders(page));
    },
  });
}
