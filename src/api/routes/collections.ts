// Collections: a node-admin sees and creates all; other principals see the collections their
// organisation (or one of its communities) may read or write (the same rule TAXII applies).
import type { FastifyInstance } from 'fastify';
import { actorOf, canSee } from '../../access/index.js';
import { SetuError } from '../../errors/index.js';
import { createCollection } from '../../node/index.js';
import { principalOf, requireRole, stringField, stringListField, type ApiContext } from '../context.js';
import { Type } from 'typebox';
import { COLLECTION_RECORD_SCHEMA, apiDoc, optionalFlag, optionalList, optionalText } from '../schemas.js';

export function registerCollectionRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const { store, clock, newId } = ctx.options;
  app.get('/collections', { schema: apiDoc({ operationId: 'listCollections', summary: 'List the collections the caller may see', tags: ['management'], success: { status: 200, schema: Type.Object({ collections: Type.Array(COLLECTION_RECORD_SCHEMA) }), meaning: 'The collections the caller may read or write (all, for a node-admin).' } }) }, async (request) => {
    const principal = principalOf(ctx, request);
    const member = { ...principal, communities: await store.communitiesOf(principal.orgId) };
    return { collections: (await store.listCollections()).filter((c) => canSee(member, c)) };
  });
  app.post(
    '/collections',
    {
      schema: apiDoc({
        operationId: 'createCollection',
        summary: 'Create a collection',
        description: 'node-admin only.',
        tags: ['management'],
        body: Type.Object({
          title: Type.String(),
          description: optionalText('What the collection is for.'),
          alias: optionalText('A short name.'),
          read: optionalList('Organisations that may read.'),
          write: optionalList('Organisations that may write.'),
          readCommunities: optionalList('Communities whose members may read.'),
          writeCommunities: optionalList('Communities whose members may write.'),
          defaultTlp: optionalText('clear, green (default), amber, amber+strict or red: the TLP of objects that carry none.'),
          public: optionalFlag('Anonymous readers may read its TLP:CLEAR objects (default false).'),
        }),
        success: { status: 201, schema: COLLECTION_RECORD_SCHEMA, meaning: 'The collection created.' },
        errors: [400, 403, 404],
      }),
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
