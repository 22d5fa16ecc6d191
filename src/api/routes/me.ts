// What a person does for themself: who am I, sign out, sign out everywhere, enrol a TOTP second
// factor, and personal API tokens for scripts. Needs a person's session or personal token: an
// organisation token has no person behind it (403). Minting a personal token, the second factor
// and signing out everywhere need the SESSION itself (SETU_ERR_USERS_SESSION_REQUIRED): a
// personal token, however narrow, must not widen itself or lock its person out.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import { Type } from 'typebox';
import { actorOf } from '../../access/index.js';
import { SetuError } from '../../errors/index.js';
import { SESSION_COOKIE, isSessionPrincipal, beginTotp, confirmTotp, endAllSessions, endSession, issuePersonalToken, isoMicros, personalTokenView, userView } from '../../users/index.js';
import type { UserRecord } from '../../store/index.js';
import { principalOf, type ApiContext } from '../context.js';
import { apiDoc } from '../schemas.js';
import { NO_BODY, PERSONAL_TOKEN_SCHEMA, USER_ROLE_SCHEMA, USER_SCHEMA } from '../user-schemas.js';
import { CSRF_COOKIE } from './sign-in.js';
import { usersDepsOf } from './users.js';

export function registerMeRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const deps = usersDepsOf(ctx);
  const me = async (request: FastifyRequest): Promise<UserRecord> => {
    const principal = principalOf(ctx, request);
    const user = principal.userId === undefined ? undefined : await deps.store.users.getUser(principal.userId);
    // an organisation token a person minted carries their id (for the audit) but is not them
    const personal = user !== undefined && (isSessionPrincipal(principal) || (await deps.store.users.listUserTokens(user.id)).some((t) => t.id === principal.tokenId));
    if (user === undefined || !personal) throw new SetuError('SETU_ERR_API_FORBIDDEN', 'This needs a person\'s session or personal token; an organisation token has no person behind it.');
    return user;
  };
  const sessionUser = async (request: FastifyRequest): Promise<UserRecord> => {
    if (!isSessionPrincipal(principalOf(ctx, request))) throw new SetuError('SETU_ERR_USERS_SESSION_REQUIRED', 'This needs a signed-in session; a personal or organisation token may not mint tokens, change the second factor or sign out everywhere.');
    return me(request);
  };
  const actor = (request: FastifyRequest) => actorOf(principalOf(ctx, request), 'api');

  app.get('/me', {
    schema: apiDoc({ operationId: 'getMe', summary: 'The signed-in person', tags: ['accounts'], success: { status: 200, schema: USER_SCHEMA, meaning: 'The person the session or personal token belongs to.' }, errors: [403] }),
  }, async (request) => userView(await me(request)));

  app.post('/me/sign-out', {
    schema: apiDoc({ operationId: 'signOut', summary: 'End this session', tags: ['accounts'], body: NO_BODY, success: { status: 204, schema: null, meaning: 'The session ended; its cookies are cleared.' }, errors: [403] }),
  }, async (request, reply) => {
    const user = await me(request);
    const secret = request.cookies[SESSION_COOKIE];
    if (secret !== undefined) await endSession(deps, secret);
    await deps.audit?.record({ action: 'user.sign-out', actor: actor(request), target: { userId: user.id, orgId: user.orgId }, details: { everywhere: false } });
    void reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.post('/me/sign-out-everywhere', {
    schema: apiDoc({
      operationId: 'signOutEverywhere', summary: 'End every session of this person', tags: ['accounts'], body: NO_BODY,
      success: { status: 200, schema: Type.Object({ sessionsEnded: Type.Integer() }), meaning: 'How many sessions ended.' }, errors: [403],
    }),
  }, async (request, reply) => {
    const user = await sessionUser(request);
    const ended = await endAllSessions(deps, user.id);
    await deps.audit?.record({ action: 'user.sign-out', actor: actor(request), target: { userId: user.id, orgId: user.orgId }, details: { everywhere: true, sessionsEnded: ended } });
    void reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return { sessionsEnded: ended };
  });

  app.post('/me/totp', {
    schema: apiDoc({
      operationId: 'beginTotp', summary: 'Begin enrolling a TOTP second factor', tags: ['accounts'],
      description: 'With a second factor already confirmed, send a current code from it (or a recovery code): the new secret is pending, and the old one stays in force, until confirmed.',
      body: Type.Union([Type.Object({ code: Type.Optional(Type.String()), recoveryCode: Type.Optional(Type.String()) }, { additionalProperties: false }), Type.Null()]),
      success: { status: 200, schema: Type.Object({ secret: Type.String({ description: 'Base32 secret.' }), uri: Type.String({ description: 'otpauth:// URI for an authenticator app.' }) }), meaning: 'The secret to enter in the app; confirm with a code.' },
      errors: [400, 403],
    }),
  }, async (request) => beginTotp(deps, await sessionUser(request), (request.body ?? {}) as { code?: string; recoveryCode?: string }));

  app.post('/me/totp/confirm', {
    schema: apiDoc({
      operationId: 'confirmTotp', summary: 'Confirm the TOTP second factor with a code', tags: ['accounts'],
      body: Type.Object({ code: Type.String() }, { additionalProperties: false }),
      success: { status: 200, schema: Type.Object({ recoveryCodes: Type.Array(Type.String(), { description: 'Shown this once; each works once instead of a code.' }) }), meaning: 'TOTP is now required at sign-in.' },
      errors: [400, 403],
    }),
  }, async (request) => confirmTotp(deps, await sessionUser(request), (request.body as { code: string }).code, actor(request)));

  app.get('/me/tokens', {
    schema: apiDoc({ operationId: 'listPersonalTokens', summary: 'List this person\'s personal tokens', tags: ['accounts'], success: { status: 200, schema: Type.Object({ tokens: Type.Array(PERSONAL_TOKEN_SCHEMA) }), meaning: 'The tokens, never their secrets.' }, errors: [403] }),
  }, async (request) => ({ tokens: (await deps.store.users.listUserTokens((await me(request)).id)).map(personalTokenView) }));

  app.post('/me/tokens', {
    schema: apiDoc({
      operationId: 'createPersonalToken', summary: 'Create a personal token for scripts', tags: ['accounts'],
      description: 'Needs a signed-in session (not a token). Scoped to a role no wider than the person\'s (narrowed again to the person\'s role on each use) and always expiring.',
      body: Type.Object({ role: Type.Optional(USER_ROLE_SCHEMA), label: Type.Optional(Type.String()), expiresInDays: Type.Integer({ minimum: 1, maximum: 365 }) }, { additionalProperties: false }),
      success: { status: 201, schema: Type.Object({ ...PERSONAL_TOKEN_SCHEMA.properties, token: Type.String({ description: 'The secret, shown this once.' }) }), meaning: 'The token and its secret.' },
      errors: [400, 403],
    }),
  }, async (request, reply) => {
    const user = await sessionUser(request);
    const body = request.body as { role?: string; label?: string; expiresInDays: number };
    const token = await issuePersonalToken(deps, user, body, { role: user.role });
    await deps.audit?.record({ action: 'user.token', actor: actor(request), target: { userId: user.id, tokenId: token.record.id }, details: { change: 'create', role: token.record.role, expiresAt: token.record.expiresAt } });
    return reply.code(201).send({ ...personalTokenView(token.record), token: token.secret });
  });

  app.delete('/me/tokens/:tokenId', {
    schema: apiDoc({ operationId: 'revokePersonalToken', summary: 'Revoke a personal token', tags: ['accounts'], params: Type.Object({ tokenId: Type.String() }), success: { status: 204, schema: null, meaning: 'Revoked.' }, errors: [403, 404] }),
  }, async (request, reply) => {
    const user = await me(request);
    const id = (request.params as { tokenId: string }).tokenId;
    if (!(await deps.store.users.revokeUserToken(user.id, id, isoMicros(deps.clock())))) throw new SetuError('SETU_ERR_API_NOT_FOUND', `No live personal token ${id} of this person.`);
    await deps.audit?.record({ action: 'user.token', actor: actor(request), target: { userId: user.id, tokenId: id }, details: { change: 'revoke' } });
    return reply.code(204).send();
  });
}
