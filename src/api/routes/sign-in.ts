// Signing in and out with a local password (and TOTP or a recovery code). The session secret goes
// in the setu_session cookie: HttpOnly (scripts never see it), Secure (unless the node serves plain
// HTTP on loopback, where browsers would drop a Secure cookie), SameSite=Lax (a person arriving
// from the organisation's identity provider lands signed in; cross-site POSTs carry no cookie, and
// every state-changing request made with the cookie must also send X-Setu-CSRF, which another site
// cannot read or set). The CSRF token is in the answer and in the readable setu_csrf cookie.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type {} from '@fastify/cookie';
import { Type } from 'typebox';
import { SetuError } from '../../errors/index.js';
import { SESSION_COOKIE, signInWithPassword, userView, type SignedIn } from '../../users/index.js';
import type { ApiContext } from '../context.js';
import { apiDoc } from '../schemas.js';
import { SIGNED_IN_SCHEMA } from '../user-schemas.js';
import { usersDepsOf } from './users.js';

export const CSRF_COOKIE = 'setu_csrf';

/** Sets the session and CSRF cookies and answers with the signed-in body. */
export function sendSignedIn(ctx: ApiContext, reply: FastifyReply, signed: SignedIn): FastifyReply {
  const people = peopleOf(ctx);
  const secure = people.secureCookies;
  const maxAge = people.auth.timeouts.absoluteMinutes * 60;
  void reply.setCookie(SESSION_COOKIE, signed.session.secret, { path: '/', httpOnly: true, secure, sameSite: 'lax', maxAge });
  void reply.setCookie(CSRF_COOKIE, signed.session.csrfToken, { path: '/', httpOnly: false, secure, sameSite: 'strict', maxAge });
  const expiresAt = new Date(Date.parse(signed.session.record.createdAt) + maxAge * 1000).toISOString();
  return reply.code(200).send({ user: userView(signed.user), method: signed.session.record.method, csrfToken: signed.session.csrfToken, expiresAt });
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

export function peopleOf(ctx: ApiContext) {
  const people = ctx.options.people;
  if (people === undefined) throw new SetuError('SETU_ERR_API_NOT_FOUND', 'This node does not sign people in.');
  return people;
}

export function registerSignInRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const deps = usersDepsOf(ctx);
  app.post('/auth/sign-in', {
    config: { public: true },
    schema: {
      ...apiDoc({
        operationId: 'signIn', summary: 'Sign in with e-mail and password (and a TOTP or recovery code)', tags: ['accounts'],
        description: 'Starts a browser session (setu_session cookie). Repeated failures are throttled per account and per address (429).',
        body: Type.Object({
          email: Type.String(),
          password: Type.String(),
          code: Type.Optional(Type.String({ description: 'The 6-digit TOTP code, when the account has a second factor.' })),
          recoveryCode: Type.Optional(Type.String({ description: 'A recovery code instead of the TOTP code (each works once).' })),
        }, { additionalProperties: false }),
        success: { status: 200, schema: SIGNED_IN_SCHEMA, meaning: 'Signed in; the session cookie is set.' },
        errors: [400, 403, 404, 429],
      }),
      security: [],
    },
  }, async (request, reply) => {
    const people = peopleOf(ctx);
    // No session cookie protects sign-in itself: a browser's Origin must be this node's, so another
    // site cannot sign a visitor in to an account of its choosing (login CSRF).
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== 'null' && hostOf(origin) !== hostOf(`${request.protocol}://${request.host}`)) {
      throw new SetuError('SETU_ERR_USERS_CSRF', `Sign-in from another site (${origin}) is refused.`);
    }
    const body = request.body as { email: string; password: string; code?: string; recoveryCode?: string };
    const signed = await signInWithPassword(deps, people.throttle, { ...body, address: request.ip });
    return sendSignedIn(ctx, reply, signed);
  });
}
