// The JSON management API under /api/v1: organisations, collections, tokens and, as their issues
// land, communities, the review queue, share previews and the audit log. Authenticated exactly like
// TAXII (Bearer or Basic with a token); errors use the TAXII error-message shape.
import { Ajv } from 'ajv';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { authenticate, type Principal } from '../access/index.js';
import { SetuError } from '../errors/index.js';
import { toMicros } from '../ingest/index.js';
import type { ApiContext, ApiOptions } from './context.js';
import { toApiError } from './error-mapping.js';
import { registerCollectionRoutes } from './routes/collections.js';
import { registerCommunityRoutes } from './routes/communities.js';
import { registerNodeRoutes } from './routes/node.js';
import { registerOrganisationRoutes } from './routes/organisations.js';
import { registerTokenRoutes } from './routes/tokens.js';
import { registerAuditRoutes } from './routes/audit.js';
import { registerAuditCheckpointRoutes } from './routes/audit-checkpoints.js';
import { registerReviewRoutes } from './routes/review.js';
import { registerShareRoutes } from './routes/share.js';
import { registerPeerRoutes } from './routes/peers.js';
import { registerUserRoutes } from './routes/users.js';
import { registerSignInRoutes } from './routes/sign-in.js';
import { registerMeRoutes } from './routes/me.js';
import { registerSsoRoutes } from './routes/sso.js';
import { registerObjectRoutes } from './routes/objects.js';
import { registerSearchRoutes } from './routes/search.js';
import { registerPracticeRoutes } from './routes/practices.js';
import { registerIncidentRoutes } from './routes/incidents.js';

export const API_PREFIX = '/api/v1';

/** Each area adds its routes here: one function per file under routes/. */
const ROUTES: readonly ((app: FastifyInstance, ctx: ApiContext) => void)[] = [
  registerNodeRoutes,
  registerOrganisationRoutes,
  registerCollectionRoutes,
  registerCommunityRoutes,
  registerTokenRoutes,
  registerAuditRoutes,
  registerAuditCheckpointRoutes,
  registerReviewRoutes,
  registerShareRoutes,
  registerPeerRoutes,
  registerUserRoutes,
  registerSignInRoutes,
  registerMeRoutes,
  registerSsoRoutes,
  registerObjectRoutes,
  registerSearchRoutes,
  registerPracticeRoutes,
  registerIncidentRoutes,
];

export const apiPlugin: FastifyPluginAsync<ApiOptions> = async (fastify, options) => {
  const ctx: ApiContext = { options, principals: new WeakMap<FastifyRequest, Principal>() };
  // Cookies are read and set only here (people's sessions, src/users).
  await fastify.register(cookie);
  await fastify.register(
    async (scope: FastifyInstance) => {
      // Bodies are JSON and checked as sent (a number where a string belongs is a 400, never
      // coerced); query strings and path parameters are text, coerced as Fastify does by default.
      const bodies = new Ajv({ allErrors: false, strict: false });
      const text = new Ajv({ coerceTypes: 'array', useDefaults: true, removeAdditional: true, allErrors: false, strict: false });
      scope.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodies : text).compile(schema));
      scope.setErrorHandler((error, request, reply) => {
        const response = toApiError(error, request.id);
        if (response.internal) request.log.error({ err: error }, 'API request failed');
        return reply.code(response.status).headers(response.headers).send(response.body);
      });
      scope.setNotFoundHandler(async (request) => {
        throw new SetuError('SETU_ERR_API_NOT_FOUND', `No API resource at ${request.method} ${request.url.split('?')[0] ?? ''}.`);
      });
      scope.addHook('onRequest', async (request) => {
        // Sign-in is the one route a caller reaches without credentials.
        if ((request.routeOptions.config as { public?: boolean } | undefined)?.public === true) return;
        // A person's session or personal token first; otherwise an organisation token.
        const principal = (await options.people?.auth.resolve(request)) ?? await authenticate(request.headers.authorization, {
          findTokenByHash: (hash) => options.store.findTokenByHash(hash),
          now: toMicros(options.clock()),
        });
        ctx.principals.set(request, principal);
      });
      for (const register of ROUTES) register(scope, ctx);
    },
    { prefix: API_PREFIX },
  );
};
