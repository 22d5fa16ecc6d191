// Get Status: the persisted result of an Add Objects request. Visible to principals who can see
// the collection it was posted to (otherwise reported as missing), and then only as far as the
// reader predicate goes: the successes naming versions the caller may read there, with counts of
// what is shown, and no failures (they name versions that were not stored, so nothing says who may
// know of them, and the store does not record who posted). TAXII 2.1 has clients use this endpoint
// to follow requests still in progress; Setu completes every request before answering, so the
// poster already received the whole status, failures included, in its Add Objects response.

import type { FastifyInstance } from 'fastify';
import { canSee } from '../../access/index.js';
import { SetuError } from '../../errors/index.js';
import { param, principalOf, readerOf, sendTaxii, type TaxiiContext } from '../context.js';
import { statusResource } from '../envelope.js';
import { STATUS_SCHEMA } from '../resource-schemas.js';
import { PARAMS, doc, operationId, responses } from '../schemas.js';
import { addRoute } from './add-route.js';

export function registerStatus(scope: FastifyInstance, ctx: TaxiiContext, root: string): void {
  addRoute(scope, {
    method: 'GET',
    url: `/${root}/status/:statusId/`,
    schema: doc(
      { summary: 'Get status', description: 'Per-object successes and pendings of an Add Objects request that the caller may read, with counts of what is shown; failures are only in the Add Objects response.', operationId: operationId(ctx, 'getStatus', root) },
      { params: PARAMS.status, response: responses(200, STATUS_SCHEMA, 'The status resource.', [404]) },
    ),
    handler: async (request, reply) => {
      const id = param(request, 'statusId');
      const status = await ctx.options.store.getStatus(id, readerOf(ctx, request));
      const collection = status === undefined ? undefined : await ctx.options.store.getCollection(status.collectionId);
      if (status === undefined || collection === undefined || !canSee(principalOf(ctx, request), collection)) {
        throw new SetuError('SETU_ERR_TAXII_STATUS_NOT_FOUND', `Status '${id}' not found.`);
      }
      return sendTaxii(reply, 200, statusResource(status));
    },
  });
}
