// Get Collections and Get A Collection. Only collections the principal can read or write are
// listed; can_read / can_write are computed for the principal. An anonymous client sees the public
// collections alone (read, never write); any other collection is, for it, one it must authenticate
// to see, exactly like a missing one.

import type { FastifyInstance } from 'fastify';
import { canRead, canSee, canWrite, type Principal } from '../../access/index.js';
import { SetuError } from '../../errors/index.js';
import type { CollectionRecord } from '../../store/index.js';
import { collectionFor, param, principalOf, sendTaxii, type TaxiiContext } from '../context.js';
import { stixMediaType } from '../media-types.js';
import { COLLECTIONS_SCHEMA, COLLECTION_SCHEMA } from '../resource-schemas.js';
import { PARAMS, doc, operationId, responses } from '../schemas.js';
import { addRoute } from './add-route.js';

interface Rights {
  readonly canRead: boolean;
  readonly canWrite: boolean;
}

const ANONYMOUS_RIGHTS: Rights = { canRead: true, canWrite: false };

function collectionResource(collection: CollectionRecord, rights: Rights): Record<string, unknown> {
  return {
    id: collection.id,
    title: collection.title,
    ...(collection.description === null ? {} : { description: collection.description }),
    ...(collection.alias === null ? {} : { alias: collection.alias }),
    can_read: rights.canRead,
    can_write: rights.canWrite,
    media_types: collection.mediaTypes.length > 0 ? collection.mediaTypes : [stixMediaType('2.1')],
  };
}

// A public collection is readable by every token holder too (with the anonymous view, context.collectionFor).
const rightsOf = (principal: Principal, collection: CollectionRecord): Rights => ({ canRead: canRead(principal, collection) || collection.public === true, canWrite: canWrite(principal, collection) });

export function registerCollections(scope: FastifyInstance, ctx: TaxiiContext, root: string): void {
  addRoute(scope, {
    method: 'GET',
    url: `/${root}/collections/`,
    schema: doc(
      { summary: 'Get collections', description: 'The collections the caller can read or write, with its rights on each; without credentials, the public collections.', operationId: operationId(ctx, 'getCollections', root) },
      { response: responses(200, COLLECTIONS_SCHEMA, 'The collections resource.') },
    ),
    handler: async (request, reply) => {
      const all = await ctx.options.store.listCollections();
      let resources: Record<string, unknown>[];
      if (ctx.anonymous.has(request)) {
        resources = all.filter((c) => c.public === true).map((c) => collectionResource(c, ANONYMOUS_RIGHTS));
      } else {
        const principal = principalOf(ctx, request);
        resources = all.filter((c) => canSee(principal, c) || c.public === true).map((c) => collectionResource(c, rightsOf(principal, c)));
      }
      return sendTaxii(reply, 200, resources.length === 0 ? '{}' : JSON.stringify({ collections: resources }));
    },
  });
  addRoute(scope, {
    method: 'GET',
    url: `/${root}/collections/:collectionId/`,
    schema: doc(
      { summary: 'Get a collection', description: 'One collection and the caller\'s rights on it; without credentials, only a public one.', operationId: operationId(ctx, 'getCollection', root) },
      { params: PARAMS.collection, response: responses(200, COLLECTION_SCHEMA, 'The collection resource.', [404]) },
    ),
    handler: async (request, reply) => {
      if (ctx.anonymous.has(request)) {
        const collection = await ctx.options.store.getCollection(param(request, 'collectionId'));
        // The same answer for a missing and a non-public collection: nothing hints that it exists.
        if (collection?.public !== true) throw new SetuError('SETU_ERR_ACCESS_NO_CREDENTIALS', 'Authentication is required.');
        return sendTaxii(reply, 200, JSON.stringify(collectionResource(collection, ANONYMOUS_RIGHTS)));
      }
      const collection = await collectionFor(ctx, request);
      return sendTaxii(reply, 200, JSON.stringify(collectionResource(collection, rightsOf(principalOf(ctx, request), collection))));
    },
  });
}
