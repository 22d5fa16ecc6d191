// Organisations: anyone authenticated may list them (members need to know whom they share with);
// only a node-admin registers or changes one. Each is shown with its STIX identity id.
import type { FastifyInstance } from 'fastify';
import { actorOf, orgIdentityId } from '../../access/index.js';
import { SetuError } from '../../errors/index.js';
import { createOrganisation, updateOrganisation } from '../../node/index.js';
import type { Organisation } from '../../store/index.js';
import { principalOf, requireRole, stringField, type ApiContext } from '../context.js';
import { Type } from 'typebox';
import { ORGANISATION_SCHEMA, apiDoc, optionalFlag, optionalList as listSchema, optionalText } from '../schemas.js';

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

const TRUST_FIELDS = {
  country: optionalText('ISO 3166-1 alpha-2 country code.'),
  kind: optionalText('government, cert, cii-operator, ict-vendor or other.'),
  sectors: listSchema('Sector codes (`setu org sectors` lists them).'),
  clients: listSchema('Organisation ids of its clients.'),
  attributionConsent: optionalFlag('Whether created_by_ref may name it when its objects leave the node.'),
};

export function registerOrganisationRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const { store, clock } = ctx.options;
  app.get('/organisations', { schema: apiDoc({ operationId: 'listOrganisations', summary: 'List organisations', tags: ['management'], success: { status: 200, schema: Type.Object({ organisations: Type.Array(ORGANISATION_SCHEMA) }), meaning: 'Every organisation of the node.' } }) }, async (request) => {
    principalOf(ctx, request);
    return { organisations: (await store.listOrganisations()).map(shown) };
  });
  app.post(
    '/organisations',
    {
      schema: apiDoc({
        operationId: 'createOrganisation',
        summary: 'Register an organisation',
        description: 'node-admin only.',
        tags: ['management'],
        body: Type.Object({ id: Type.String(), name: Type.String(), ...TRUST_FIELDS }),
        success: { status: 201, schema: ORGANISATION_SCHEMA, meaning: 'The organisation registered.' },
        errors: [400, 403, 409],
      }),
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
    {
      schema: apiDoc({
        operationId: 'updateOrganisation',
        summary: 'Change an organisation',
        description: 'Only the fields given change. node-admin only.',
        tags: ['management'],
        params: Type.Object({ orgId: Type.String() }),
        body: Type.Object({ name: optionalText('The new name.'), ...TRUST_FIELDS }),
        success: { status: 200, schema: ORGANISATION_SCHEMA, meaning: 'The organisation as changed.' },
        errors: [400, 403, 404],
      }),
    },
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
