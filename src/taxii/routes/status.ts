// Get Status: the persisted result of an Add Objects request, shown in full (failures included) to
// the organisation that posted it, and to a node administrator who can see the collection; to
// anyone else it is reported as missing. A status names every object of one request, RED ones and
// those the outbound gate keeps from a foreign reader included, so no partial view is offered:
// TAXII 2.1 gives the status id to the poster alone, to follow its own request. Statuses recorded
// before migration 10 name no poster and are shown to node administrators only.

import type { FastifyInstance } from 'fastify';
import { canSee } from '../../access/index.js';
import { SetuError } from '../../errors/index.js';
import { param, principalOf, sendTaxii, type TaxiiContext } from '../context.js';
import { statusResource } from '../envelope.js';
import { STATUS_SCHEMA } from '../resource-schemas.js';
import { PARAMS, doc, operationId, responses } from '../schemas.js';
import { addRoute } from './add-route.js';

export function registerStatus(scope: FastifyInstance, ctx: TaxiiContext, root: string): void {
  addRoute(scope, {
    method: 'GET',
    url: `/${root}/status/:statusId/`,
    schema: doc(
      { summary: 'Get status', description: 'The per-object successes, failures and pendings of an Add Objects request. Only the organisation that posted it (and a node administrator) may read it; to anyone else it does not exist.', operationId: operationId(ctx, 'getStatus', root) },
      { params: PARAMS.status, response: responses(200, STATUS_SCHEMA, 'The status resource.', [404]) },
    ),
    handler: async (request, reply) => {
      const id = param(request, 'statusId');
      const status = await ctx.options.store.getStatus(id);
      const collection = status === undefined ? undefined : await ctx.options.store.getCollection(status.collectionId);
      const principal = principalOf(ctx, request);
      const mayRead =
        status !== undefined && collection !== undefined && (status.postedBy === principal.orgId || (principal.role === 'node-admin' && canSee(principal, collection)));
      if (!mayRead) {
        throw new SetuError('SETU_ERR_TAXII_STATUS_NOT_FOUND', `Status '${id}' not found.`);
      }
      return sendTaxii(reply, 200, statusResource(status));
    },
  });
}
