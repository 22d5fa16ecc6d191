// Organisations: anyone authenticated may list them (members need to know whom they share with);
// only a node-admin registers one.
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../access/index.js';
import { createOrganisation } from '../../node/index.js';
import { principalOf, requireRole, stringField, type ApiContext } from '../context.js';

export function registerOrganisationRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const { store, clock } = ctx.options;
  app.get('/organisations', { schema: { summary: 'List organisations', tags: ['management'] } }, async (request) => {
    principalOf(ctx, request);
    return { organisations: await store.listOrganisations() };
  });
  app.post('/organisations', { schema: { summary: 'Register an organisation', description: 'Body: {id, name, country?}. node-admin only.', tags: ['management'] } }, async (request, reply) => {
    const principal = requireRole(ctx, request, ['node-admin']);
    const body = request.body;
    const org = await createOrganisation(store, { id: stringField(body, 'id', true), name: stringField(body, 'name', true), country: stringField(body, 'country', false) }, clock);
    await ctx.options.audit?.record({ action: 'admin.org', actor: actorOf(principal, 'api'), target: { orgId: org.id }, details: { change: 'create', org } });
    return reply.code(201).send(org);
  });
}
