// Communities: anyone authenticated may list them; only a node-admin creates one or adds members.
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../access/index.js';
import { addCommunityMember, createCommunity } from '../../node/index.js';
import { principalOf, requireRole, stringField, stringListField, type ApiContext } from '../context.js';
import { Type } from 'typebox';
import { COMMUNITY_SCHEMA, apiDoc, optionalList, optionalText } from '../schemas.js';

export function registerCommunityRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const { store, clock } = ctx.options;
  app.get('/communities', { schema: apiDoc({ operationId: 'listCommunities', summary: 'List communities and their members', tags: ['management'], success: { status: 200, schema: Type.Object({ communities: Type.Array(COMMUNITY_SCHEMA) }), meaning: 'Every community of the node.' } }) }, async (request) => {
    principalOf(ctx, request);
    return { communities: await store.listCommunities() };
  });
  app.post(
    '/communities',
    {
      schema: apiDoc({
        operationId: 'createCommunity',
        summary: 'Create a community',
        description: 'node-admin only.',
        tags: ['management'],
        body: Type.Object({ id: Type.String(), name: Type.String(), description: optionalText('What the community is.'), members: optionalList('Member organisation ids.') }),
        success: { status: 201, schema: COMMUNITY_SCHEMA, meaning: 'The community created.' },
        errors: [400, 403, 404, 409],
      }),
    },
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
    {
      schema: apiDoc({
        operationId: 'addCommunityMember',
        summary: 'Add a member organisation',
        description: 'node-admin only.',
        tags: ['management'],
        params: Type.Object({ communityId: Type.String() }),
        body: Type.Object({ org: Type.String({ description: 'The organisation id to add.' }) }),
        success: { status: 200, schema: COMMUNITY_SCHEMA, meaning: 'The community with its new member.' },
        errors: [400, 403, 404, 409],
      }),
    },
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
