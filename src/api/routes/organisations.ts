// Organisations: anyone authenticated may list them (members need to know whom they share with);
// only a node-admin registers or changes one. Each is shown with its STIX identity id.
import type { FastifyInstance } from 'fastify';
import { actorOf, orgIdentityId } from '../../access/index.js';
import { SetuError } from '../../errors/index.js';
import { createOrganisation, updateOrganisation } from '../../node/index.js';
import type { Organisation } from '../../store/index.js';
import { principalOf, requireRole, stringField, type ApiContext } from '../context.js';

function shown(org: Organisation) {
  return { ...org, identityId: orgIdentityId(org.id) };
}

function optionalList(body: unknown, field: string): string[] | undefined {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new SetuError('SETU_ERR_API_BAD_REQUEST', `"${field}" must be a list of strings.`, { field });
  }
  return value as string[];
}

function optionalBoolean(body: unknown, field: string): boolean | undefined {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new SetuError('SETU_ERR_API_BAD_REQUEST', `"${field}" must be true or false.`, { field });
  return value;
}

function trustFields(body: unknown) {
  return {
    kind: stringField(body, 'kind', false),
    sectors: optionalList(body, 'sectors'),
    clients: optionalList(body, 'clients'),
    attributionConsent: optionalBoolean(body, 'attributionConsent'),
  };
}

export function registerOrganisationRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const { store, clock } = ctx.options;
  app.get('/organisations', { schema: { summary: 'List organisations', tags: ['management'] } }, async (request) => {
    principalOf(ctx, request);
    return { organisations: (await store.listOrganisations()).map(shown) };
  });
  app.post(
    '/organisations',
    {
      schema: {
        summary: 'Register an organisation',
        description: 'Body: {id, name, country?, kind?, sectors?: [..], clients?: [org ids], attributionConsent?: boolean}. node-admin only.',
        tags: ['management'],
      },
    },
    async (request, reply) => {
      const principal = requireRole(ctx, request, ['node-admin']);
      const body = request.body;
      const org = await createOrganisation(
        store,
        { id: stringField(body, 'id', true), name: stringField(body, 'name', true), country: stringField(body, 'country', false), ...trustFields(body) },
        clock,
      );
      await ctx.options.audit?.record({ action: 'admin.org', actor: actorOf(principal, 'api'), target: { orgId: org.id }, details: { change: 'create', org } });
      return reply.code(201).send(shown(org));
    },
  );
  app.patch(
    '/organisations/:orgId',
    { schema: { summary: 'Change an organisation', description: 'Body: any of {name, country, kind, sectors, clients, attributionConsent}. node-admin only.', tags: ['management'] } },
    async (request) => {
      const principal = requireRole(ctx, request, ['node-admin']);
      const body = request.body;
      const id = (request.params as { orgId: string }).orgId;
      const org = await updateOrganisation(store, id, { name: stringField(body, 'name', false), country: stringField(body, 'country', false), ...trustFields(body) });
      await ctx.options.audit?.record({ action: 'admin.org', actor: actorOf(principal, 'api'), target: { orgId: org.id }, details: { change: 'update', org } });
      return shown(org);
    },
  );
}
