// Communities: anyone authenticated may list them; only a node-admin creates one or adds members.
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../access/index.js';
import { addCommunityMember, createCommunity } from '../../node/index.js';
import { principalOf, requireRole, stringField, stringListField, type ApiContext } from '../context.js';

export function registerCommunityRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const { store, clock } = ctx.options;
  app.get('/communities', { schema: { summary: 'List communities and their members', tags: ['management'] } }, async (request) => {
    principalOf(ctx, request);
    return { communities: await store.listCommunities() };
  });
  app.post(
    '/communities',
    { schema: { summary: 'Create a community', description: 'Body: {id, name, description?, members?: [org ids]}. node-admin only.', tags: ['management'] } },
    async (request, reply) => {
      const principal = requireRole(ctx, request, ['node-admin']);
      const body = request.body;
      const community = await createCommunity(
        store,
        { id: stringField(body, 'id', true), name: stringField(body, 'name', true), description: stringField(body, 'description', false), members: stringListField(body, 'members') },
        clock,
      );
      await ctx.options.audit?.record({ action: 'admin.community', actor: actorOf(principal, 'api'), target: { communityId: community.id }, details: { change: 'create', community } });
      return reply.code(201).send(community);
    },
  );
  app.post(
    '/communities/:communityId/members',
    { schema: { summary: 'Add a member organisation', description: 'Body: {org}. node-admin only.', tags: ['management'] } },
    async (request) => {
      const principal = requireRole(ctx, request, ['node-admin']);
      const id = (request.params as { communityId: string }).communityId;
      const org = stringField(request.body, 'org', true);
      const community = await addCommunityMember(store, id, org);
      await ctx.options.audit?.record({ action: 'admin.community', actor: actorOf(principal, 'api'), target: { communityId: id }, details: { change: 'add-member', orgId: org } });
      return community;
    },
  );
}
