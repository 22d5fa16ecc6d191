// Collections: a node-admin sees and creates all; other principals see the collections their
// organisation (or one of its communities) may read or write (the same rule TAXII applies).
import type { FastifyInstance } from 'fastify';
import { actorOf, canSee } from '../../access/index.js';
import { SetuError } from '../../errors/index.js';
import { createCollection } from '../../node/index.js';
import { principalOf, requireRole, stringField, stringListField, type ApiContext } from '../context.js';

export function registerCollectionRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const { store, clock, newId } = ctx.options;
  app.get('/collections', { schema: { summary: 'List the collections the caller may see', tags: ['management'] } }, async (request) => {
    const principal = principalOf(ctx, request);
    const member = { ...principal, communities: await store.communitiesOf(principal.orgId) };
    return { collections: (await store.listCollections()).filter((c) => canSee(member, c)) };
  });
  app.post(
    '/collections',
    {
      schema: {
        summary: 'Create a collection',
        description:
          'Body: {title, description?, alias?, read: [org ids], write: [org ids], readCommunities?: [ids], writeCommunities?: [ids], defaultTlp?: "clear"|"green"|"amber"|"amber+strict"|"red", public?: boolean}. node-admin only.',
        tags: ['management'],
      },
    },
    async (request, reply) => {
      const principal = requireRole(ctx, request, ['node-admin']);
      const body = request.body;
      const isPublic = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['public'] : undefined;
      if (isPublic !== undefined && typeof isPublic !== 'boolean') throw new SetuError('SETU_ERR_API_BAD_REQUEST', '"public" must be true or false.', { field: 'public' });
      const collection = await createCollection(
        store,
        {
          title: stringField(body, 'title', true),
          description: stringField(body, 'description', false),
          alias: stringField(body, 'alias', false),
          readOrgs: stringListField(body, 'read'),
          writeOrgs: stringListField(body, 'write'),
          readCommunities: stringListField(body, 'readCommunities'),
          writeCommunities: stringListField(body, 'writeCommunities'),
          defaultTlp: stringField(body, 'defaultTlp', false),
          public: isPublic === true,
        },
        clock,
        newId,
      );
      await ctx.options.audit?.record({ action: 'admin.collection', actor: actorOf(principal, 'api'), target: { collectionId: collection.id }, details: { change: 'create', collection } });
      return reply.code(201).send(collection);
    },
  );
}
