// Single sign-on: an org-admin configures its organisation's OpenID Connect provider; a person
// starts at /auth/sso/{org}/start (the provider's URL to go to; the flow's state in the setu_sso cookie)
// and comes back to /auth/sso/callback, which starts a session (as password sign-in does) and sends
// the browser to the console. The provider's client must list that callback URL.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import { Type } from 'typebox';
import { actorOf } from '../../access/index.js';
import { SetuError } from '../../errors/index.js';
import { configureIdentityProvider, identityProviderView } from '../../users/index.js';
import { requireRole, type ApiContext } from '../context.js';
import { apiDoc } from '../schemas.js';
import { USER_ROLE_SCHEMA } from '../user-schemas.js';
import { peopleOf, sendSignedIn } from './sign-in.js';
import { usersDepsOf } from './users.js';

const SSO_COOKIE = 'setu_sso';
/** The API plugin's prefix (plugin.ts), spelled here so routes do not import the plugin that registers them. */
const API_PREFIX = '/api/v1';
const ORG = Type.Object({ orgId: Type.String() });
const PROVIDER_SCHEMA = Type.Object(
  {
    orgId: Type.String(),
    issuer: Type.String({ description: 'The issuer URL, exactly as the provider\'s discovery document gives it.' }),
    clientId: Type.String(),
    hasClientSecret: Type.Boolean({ description: 'A confidential client (the secret is never shown).' }),
    roleClaim: Type.String({ description: 'The ID token claim holding groups or roles.' }),
    roleMap: Type.Record(Type.String(), USER_ROLE_SCHEMA, { description: 'Claim value -> role; the widest mapped role wins.' }),
    defaultRole: Type.Union([USER_ROLE_SCHEMA, Type.Null()], { description: 'Role when no value maps (null: refused).' }),
    jit: Type.Boolean({ description: 'Unknown people are provisioned into this organisation at first sign-in.' }),
    updatedAt: Type.String(),
  },
  { description: 'An organisation\'s OpenID Connect identity provider.' },
);

export function callbackUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}${API_PREFIX}/auth/sso/callback`;
}

export function registerSsoRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const deps = usersDepsOf(ctx);
  const orgOf = (request: FastifyRequest) => (request.params as { orgId: string }).orgId;

  app.get('/organisations/:orgId/identity-provider', {
    schema: apiDoc({ operationId: 'getIdentityProvider', summary: 'Show an organisation\'s identity provider', tags: ['accounts'], params: ORG, success: { status: 200, schema: PROVIDER_SCHEMA, meaning: 'The provider (never its client secret).' }, errors: [403, 404] }),
  }, async (request) => {
    const principal = requireRole(ctx, request, ['node-admin', 'org-admin']);
    const provider = await deps.store.users.getIdentityProvider(orgOf(request));
    if (provider === undefined || (principal.role !== 'node-admin' && principal.orgId !== provider.orgId)) throw new SetuError('SETU_ERR_API_NOT_FOUND', `No identity provider of ${orgOf(request)} that this caller manages.`);
    return identityProviderView(provider);
  });

  app.put('/organisations/:orgId/identity-provider', {
    schema: apiDoc({
      operationId: 'putIdentityProvider', summary: 'Configure an organisation\'s identity provider', tags: ['accounts'], params: ORG,
      description: 'org-admin of the organisation or node-admin. No mapped role may be wider than the caller may grant; an issuer belongs to one organisation.',
      body: Type.Object({
        issuer: Type.String(),
        clientId: Type.String(),
        clientSecret: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'For a confidential client (absent: a public client with PKCE).' })),
        roleClaim: Type.Optional(Type.String({ description: 'Default: groups.' })),
        roleMap: Type.Optional(Type.Record(Type.String(), USER_ROLE_SCHEMA)),
        defaultRole: Type.Optional(Type.Union([USER_ROLE_SCHEMA, Type.Null()])),
        jit: Type.Optional(Type.Boolean({ description: 'Provision unknown people at first sign-in (default false).' })),
      }, { additionalProperties: false }),
      success: { status: 200, schema: PROVIDER_SCHEMA, meaning: 'The provider as configured.' },
      errors: [400, 403, 404, 409],
    }),
  }, async (request) => {
    const principal = requireRole(ctx, request, ['node-admin', 'org-admin']);
    const body = request.body as Parameters<typeof configureIdentityProvider>[4];
    return identityProviderView(await configureIdentityProvider(deps, principal, actorOf(principal, 'api'), orgOf(request), body));
  });

  app.get('/auth/sso/:orgId/start', {
    config: { public: true },
    schema: {
      ...apiDoc({
        operationId: 'startSso', summary: 'Begin signing in through the organisation\'s identity provider', tags: ['accounts'], params: ORG,
        description: 'Sets the flow cookie (setu_sso) and answers with the provider\'s authorization URL, where the console then sends the browser.',
        success: { status: 200, schema: Type.Object({ authorizationUrl: Type.String({ description: 'The provider\'s authorization endpoint with this flow\'s parameters.' }) }), meaning: 'Where to send the browser.' },
        errors: [404, 502],
      }),
      security: [],
    },
  }, async (request, reply) => {
    const people = peopleOf(ctx);
    const { url, state } = await people.sso.start(orgOf(request), callbackUrlOf(request));
    void reply.setCookie(SSO_COOKIE, state, { path: `${API_PREFIX}/auth/sso`, httpOnly: true, secure: people.secureCookies, sameSite: 'lax', maxAge: 600 });
    return { authorizationUrl: url };
  });

  app.get('/auth/sso/callback', {
    config: { public: true },
    schema: {
      ...apiDoc({
        operationId: 'finishSso', summary: 'Where the identity provider sends the person back', tags: ['accounts'],
        querystring: Type.Object({ code: Type.Optional(Type.String()), state: Type.Optional(Type.String()), iss: Type.Optional(Type.String()), error: Type.Optional(Type.String()) }, { additionalProperties: true }),
        success: { status: 200, schema: Type.Object({ user: Type.Object({}, { additionalProperties: true }), method: Type.String(), csrfToken: Type.String(), expiresAt: Type.String() }), meaning: 'Signed in (session cookie set), as password sign-in answers.' },
        errors: [400, 502],
      }),
      security: [],
    },
  }, async (request, reply) => {
    const people = peopleOf(ctx);
    const signed = await people.sso.finish(new URL(request.url, callbackUrlOf(request)), request.cookies[SSO_COOKIE]);
    void reply.clearCookie(SSO_COOKIE, { path: `${API_PREFIX}/auth/sso` });
    return sendSignedIn(ctx, reply, signed);
  });
}
