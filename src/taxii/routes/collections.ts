// Get Collections and Get A Collection. Only collections the principal can read or write are
// listed; can_read / can_write are computed for the principal.

import type { FastifyInstance } from 'fastify';
import { canRead, canSee, canWrite, type Principal } from '../../access/index.js';
import type { CollectionRecord } from '../../store/index.js';
import { collectionFor, principalOf, sendTaxii, type TaxiiContext } from '../context.js';
import { stixMediaType } from '../media-types.js';
import { PARAMS, doc } from '../schemas.js';
import { addRoute } from './add-route.js';

function collectionResource(collection: CollectionRecord, principal: Principal): Record<string, unknown> {
  return {
    id: collection.id,
    title: collection.title,
    ...(collection.description === null ? {} : { description: collection.description }),
    ...(collection.alias === null ? {} : { alias: collection.alias }),
    can_read: canRead(principal, collection),
    can_write: canWrite(principal, collection),
    media_types: collection.mediaTypes.length > 0 ? collection.mediaTypes : [stixMediaType('2.1')],
  };
}

export function registerCollections(scope: FastifyInstance, ctx: TaxiiContext, root: string): void {
  addRoute(scope, {
    method: 'GET',
    url: `/${root}/collections/`,
    schema: doc({ summary: 'Get collections', description: 'The collections the caller can read or write, with its rights on each.' }),
    handler: async (request, reply) => {
      const principal = principalOf(ctx, request);
      const visible = (await ctx.options.store.listCollections()).filter((c) => canSee(principal, c));
      const body = visible.length === 0 ? '{}' : JSON.stringify({ collections: visible.map((c) => collectionResource(c, principal)) });
      return sendTaxii(reply, 200, body);
    },
  });
  addRoute(scope, {
    method: 'GET',
    url: `/${root}/collections/:collectionId/`,
    schema: doc({ summary: 'Get a collection', description: 'One collection and the caller\'s rights on it.' }, { params: PARAMS.collection }),
    handler: async (request, reply) => {
      const collection = await collectionFor(ctx, request);
      return sendTaxii(reply, 200, JSON.stringify(collectionResource(collection, principalOf(ctx, request))));
    },
  });
}
