// Get Object Versions: the version timestamps of one object, oldest added first.

import type { FastifyInstance } from 'fastify';
import { collectionFor, foreignViewOf, param, readerOf, sendTaxii, type TaxiiContext } from '../context.js';
import { dateAddedHeaders, versionsEnvelope } from '../envelope.js';
import { parseFilters, type FilterParam } from '../query-params.js';
import { VERSIONS_SCHEMA } from '../resource-schemas.js';
import { PARAMS, doc, operationId, querystring, responses } from '../schemas.js';
import { addRoute } from './add-route.js';
import { gated, objectExists, objectNotFound } from './objects.js';

const FILTERS: readonly FilterParam[] = ['added_after', 'limit', 'next', 'match[spec_version]'];

export function registerVersions(scope: FastifyInstance, ctx: TaxiiContext, root: string): void {
  addRoute(scope, {
    method: 'GET',
    url: `/${root}/collections/:collectionId/objects/:objectId/versions/`,
    schema: doc(
      { summary: 'Get object versions', description: "Every version of one object in the collection, paged. A reader outside the node's jurisdiction gets only what the outbound gate lets out to it (redacted, pseudonymised; held and withheld versions do not exist for it).", operationId: operationId(ctx, 'getObjectVersions', root) },
      { params: PARAMS.object, querystring: querystring(FILTERS), response: responses(200, VERSIONS_SCHEMA, 'The versions of the object in this page.', [400, 404]) },
    ),
    handler: async (request, reply) => {
      const collection = await collectionFor(ctx, request, 'read');
      const id = param(request, 'objectId');
      const filters = parseFilters(request.query, FILTERS, ctx.pageSize);
      const reader = readerOf(ctx, request);
      const view = await foreignViewOf(ctx, request, collection.id);
      const page = await ctx.options.store.queryObjects({ collectionId: collection.id, ...filters, ids: [id], versions: [{ kind: 'all' }], withJson: false, reader, ...gated(view) });
      if (page.records.length === 0 && !(await objectExists(ctx, collection.id, id, reader, view))) throw objectNotFound(id);
      return sendTaxii(reply, 200, versionsEnvelope(page), dateAddedHeaders(page));
    },
  });
}
