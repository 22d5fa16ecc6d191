// API tokens: a node-admin manages every organisation's tokens; an org-admin only its own
// organisation's, and never mints node-admin tokens. Secrets appear once, in the creation answer.
// A token minted by a person (session or personal token) records them (createdByUser), must expire
// within PERSON_ORG_TOKEN_MAX_DAYS, acts in their name in the audit, and is revoked when they are
// disabled or reset.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, type Principal } from '../../access/index.js';
import { SetuError } from '../../errors/index.js';
import { issueToken, revokeToken } from '../../node/index.js';
import type { TokenRecord } from '../../store/index.js';
import { PERSONAL_TOKEN_MAX_DAYS } from '../../users/index.js';
import { requireRole, stringField, type ApiContext } from '../context.js';
import { Type } from 'typebox';
import { ROLE_SCHEMA, TOKEN_SCHEMA, apiDoc, optionalText } from '../schemas.js';

/** The longest an organisation token minted by a person may live, in days. */
export const PERSON_ORG_TOKEN_MAX_DAYS = PERSONAL_TOKEN_MAX_DAYS;

function mayManage(principal: Principal, orgId: string): boolean {
  return principal.role === 'node-admin' || (principal.role === 'org-admin' && principal.orgId === orgId);
}

function shown({ secretHash: _hidden, ...rest }: TokenRecord) {
  return rest;
}

export function registerTokenRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const { store, clock, newId } = ctx.options;
  const admin = (request: FastifyRequest) => requireRole(ctx, request, ['node-admin', 'org-admin']);

  app.get('/tokens', { schema: apiDoc({ operationId: 'listTokens', summary: 'List tokens (never their secrets)', description: 'node-admin: every token; org-admin: its organisation\'s.', tags: ['management'], success: { status: 200, schema: Type.Object({ tokens: Type.Array(TOKEN_SCHEMA) }), meaning: 'The tokens the caller manages.' }, errors: [403] }) }, async (request) => {
    const principal = admin(request);
    return { tokens: (await store.listTokens()).filter((t) => mayManage(principal, t.orgId)).map(shown) };
  });
  app.post(
    '/tokens',
    {
      schema: apiDoc({
        operationId: 'createToken',
        summary: 'Create a token',
        description: 'The secret is in the answer, once. An org-admin creates tokens for its own organisation only, never node-admin ones.',
        tags: ['management'],
        body: Type.Object({
          org: Type.String({ description: 'The organisation the token acts for.' }),
          role: ROLE_SCHEMA,
          label: optionalText('A note on what the token is for.'),
          expiresInDays: Type.Optional(Type.Number({ description: `Days until it expires (absent: never). Required, at most ${PERSONAL_TOKEN_MAX_DAYS}, when a person (session or personal token) mints it.` })),
        }),
        success: { status: 201, schema: Type.Object({ ...TOKEN_SCHEMA.properties, token: Type.String({ description: 'The secret, shown this once.' }) }), meaning: 'The token and its secret.' },
        errors: [400, 403, 404],
      }),
    },
    async (request, reply) => {
      const principal = admin(request);
      const body = request.body as Record<string, unknown> | undefined;
      const org = stringField(body, 'org', true);
      const role = stringField(body, 'role', true);
      if (!mayManage(principal, org) || (role === 'node-admin' && principal.role !== 'node-admin')) {
        throw new SetuError('SETU_ERR_API_FORBIDDEN', `A ${principal.role} token may not create ${role} tokens for organisation ${org}.`);
      }
      const days = body?.['expiresInDays'];
      if (days !== undefined && typeof days !== 'number') throw new SetuError('SETU_ERR_API_BAD_REQUEST', '"expiresInDays" must be a number.', { field: 'expiresInDays' });
      const person = principal.userId;
      if (person !== undefined && (days === undefined || days > PERSON_ORG_TOKEN_MAX_DAYS)) {
        throw new SetuError('SETU_ERR_API_BAD_REQUEST', `A token minted by a person must expire within ${PERSON_ORG_TOKEN_MAX_DAYS} days ("expiresInDays").`, { field: 'expiresInDays' });
      }
      const token = await issueToken(store, { orgId: org, role, label: stringField(body, 'label', false), expiresInDays: days, createdByUser: person }, clock, newId);
      await ctx.options.audit?.record({ action: 'admin.token', actor: actorOf(principal, 'api'), target: { tokenId: token.record.id, orgId: org }, details: { change: 'create', role, label: token.record.label, expiresAt: token.record.expiresAt, ...(person === undefined ? {} : { createdByUser: person }) } });
      return reply.code(201).send({ ...shown(token.record), token: token.secret });
    },
  );
  app.delete('/tokens/:tokenId', { schema: apiDoc({ operationId: 'revokeToken', summary: 'Revoke a token', tags: ['management'], params: Type.Object({ tokenId: Type.String() }), success: { status: 204, schema: null, meaning: 'The token is revoked.' }, errors: [403, 404] }) }, async (request, reply) => {
    const principal = admin(request);
    const id = (request.params as { tokenId: string }).tokenId;
    const token = (await store.listTokens()).find((t) => t.id === id);
    if (!token || !mayManage(principal, token.orgId)) throw new SetuError('SETU_ERR_API_NOT_FOUND', `No token ${id} that this principal manages.`);
    await revokeToken(store, id, clock);
    await ctx.options.audit?.record({ action: 'admin.token', actor: actorOf(principal, 'api'), target: { tokenId: id, orgId: token.orgId }, details: { change: 'revoke' } });
    return reply.code(204).send();
  });
}
