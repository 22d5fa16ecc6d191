// People of organisations: a node-admin manages everyone, an org-admin its own organisation's
// people (and grants at most org-admin). Users are disabled, never deleted; disable and reset end
// their sessions and personal tokens. Every change is audited in the caller's (and its user's) name.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../access/index.js';
import { addUser, disableUser, linkUser, listManagedUsers, managedUser, resetUser, setUserRole, userView, type UsersDeps } from '../../users/index.js';
import { requireRole, type ApiContext } from '../context.js';
import { apiDoc } from '../schemas.js';
import { LANGUAGE_SCHEMA, NO_BODY, USER_ROLE_SCHEMA, USER_SCHEMA } from '../user-schemas.js';

const USER_PARAMS = Type.Object({ userId: Type.String({ description: 'The user id, or the e-mail.' }) });
const ERRORS = [400, 403, 404, 409];

export function usersDepsOf(ctx: ApiContext): UsersDeps {
  const { store, clock, newId, audit } = ctx.options;
  return { store, clock, newId, audit };
}

export function registerUserRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const deps = usersDepsOf(ctx);
  const admin = (request: FastifyRequest) => requireRole(ctx, request, ['node-admin', 'org-admin']);
  const userId = (request: FastifyRequest) => (request.params as { userId: string }).userId;

  app.get('/users', {
    schema: apiDoc({
      operationId: 'listUsers', summary: 'List users', tags: ['users'],
      description: 'node-admin: every user (or one organisation\'s with ?org=); org-admin: its organisation\'s.',
      querystring: Type.Object({ org: Type.Optional(Type.String({ description: 'Only this organisation\'s users.' })) }),
      success: { status: 200, schema: Type.Object({ users: Type.Array(USER_SCHEMA) }), meaning: 'The users the caller manages.' },
      errors: [400, 403],
    }),
  }, async (request) => {
    const principal = admin(request);
    return { users: (await listManagedUsers(deps, principal, (request.query as { org?: string }).org)).map(userView) };
  });

  app.post('/users', {
    schema: apiDoc({
      operationId: 'createUser', summary: 'Add a user to an organisation', tags: ['users'],
      description: 'Without a password the person signs in through the organisation\'s identity provider (or after a reset). Passwords are checked: at least 12 characters, not a known breached password, not easily guessed.',
      body: Type.Object({
        org: Type.String({ description: 'The organisation the person belongs to.' }),
        email: Type.String(),
        displayName: Type.String(),
        role: USER_ROLE_SCHEMA,
        language: Type.Optional(LANGUAGE_SCHEMA),
        password: Type.Optional(Type.String({ description: 'An initial local password.' })),
      }, { additionalProperties: false }),
      success: { status: 201, schema: USER_SCHEMA, meaning: 'The user was added.' },
      errors: ERRORS,
    }),
  }, async (request, reply) => {
    const principal = admin(request);
    const body = request.body as { org: string; email: string; displayName: string; role: string; language?: string; password?: string };
    const user = await addUser(deps, principal, actorOf(principal, 'api'), { orgId: body.org, email: body.email, displayName: body.displayName, role: body.role, language: body.language, password: body.password });
    return reply.code(201).send(userView(user));
  });

  app.get('/users/:userId', {
    schema: apiDoc({ operationId: 'getUser', summary: 'Show a user', tags: ['users'], params: USER_PARAMS, success: { status: 200, schema: USER_SCHEMA, meaning: 'The user.' }, errors: [403, 404] }),
  }, async (request) => userView(await managedUser(deps, admin(request), userId(request))));

  app.put('/users/:userId/role', {
    schema: apiDoc({
      operationId: 'setUserRole', summary: 'Change a user\'s role', tags: ['users'], params: USER_PARAMS,
      body: Type.Object({ role: USER_ROLE_SCHEMA }, { additionalProperties: false }),
      success: { status: 200, schema: USER_SCHEMA, meaning: 'The user with its new role.' }, errors: ERRORS,
    }),
  }, async (request) => {
    const principal = admin(request);
    return userView(await setUserRole(deps, principal, actorOf(principal, 'api'), userId(request), (request.body as { role: string }).role));
  });

  app.post('/users/:userId/disable', {
    schema: apiDoc({ operationId: 'disableUser', summary: 'Disable a user (sessions and personal tokens end)', tags: ['users'], params: USER_PARAMS, body: NO_BODY, success: { status: 200, schema: USER_SCHEMA, meaning: 'The disabled user.' }, errors: [403, 404] }),
  }, async (request) => {
    const principal = admin(request);
    return userView(await disableUser(deps, principal, actorOf(principal, 'api'), userId(request)));
  });

  app.post('/users/:userId/link', {
    schema: apiDoc({
      operationId: 'linkUser', summary: 'Link a user to an OIDC identity (issuer + subject)', tags: ['users'], params: USER_PARAMS,
      description: 'So a person an admin added signs in through the organisation\'s identity provider. org-admin: its organisation\'s people; node-admin: anyone.',
      body: Type.Object({ issuer: Type.String({ description: 'The identity provider\'s issuer URL.' }), subject: Type.String({ description: 'The person\'s `sub` at that provider.' }) }, { additionalProperties: false }),
      success: { status: 200, schema: USER_SCHEMA, meaning: 'The linked user.' }, errors: [400, 403, 404, 409],
    }),
  }, async (request) => {
    const principal = admin(request);
    const body = request.body as { issuer: string; subject: string };
    return userView(await linkUser(deps, principal, actorOf(principal, 'api'), userId(request), body.issuer, body.subject));
  });

  app.post('/users/:userId/reset', {
    schema: apiDoc({
      operationId: 'resetUser', summary: 'Reset a user\'s credentials', tags: ['users'], params: USER_PARAMS,
      description: 'Removes the second factor and recovery codes, ends every session and personal token, and sets the password given (or none).',
      body: Type.Object({ password: Type.Optional(Type.String()) }, { additionalProperties: false }),
      success: { status: 200, schema: USER_SCHEMA, meaning: 'The reset user.' }, errors: ERRORS,
    }),
  }, async (request) => {
    const principal = admin(request);
    return userView(await resetUser(deps, principal, actorOf(principal, 'api'), userId(request), (request.body as { password?: string } | undefined)?.password));
  });
}
