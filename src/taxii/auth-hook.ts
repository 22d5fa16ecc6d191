// The plugin's onRequest hook, in order: authenticate (401), bind the token to the client
// certificate's organisation under mutual TLS (403), spend the rate budget (429), negotiate the
// response media type (406). Every TAXII request passes through it.
//
// A GET (or HEAD) without an Authorization header is admitted as anonymous, so standard clients can
// walk discovery, API root and collections before they hold a token. Anonymous is not a principal:
// it has no organisation, no write, no status, and the handlers show it only public collections
// (their TLP:CLEAR objects); any other collection answers it exactly as a missing one (401, asking
// for credentials). Credentials that are present but wrong are never downgraded to anonymous.
// Anonymous clients share one budget per client address, token holders one per token.

import type { FastifyRequest } from 'fastify';
import { authenticate } from '../access/index.js';
import { SetuError } from '../errors/index.js';
import { toMicros } from '../ingest/index.js';
import type { TaxiiContext } from './context.js';
import { acceptsTaxii } from './media-types.js';
import { createRateLimiter } from './rate-limit.js';

export function authHook(ctx: TaxiiContext) {
  const { store, clock, rateLimit } = ctx.options;
  const limiter = rateLimit === undefined ? undefined : createRateLimiter({ perMinute: rateLimit.perMinute, clock });
  const spend = (key: string): void => {
    const decision = limiter?.take(key);
    if (decision !== undefined && !decision.allowed) {
      throw new SetuError('SETU_ERR_TAXII_RATE_LIMITED', `Rate limit of ${rateLimit?.perMinute ?? 0} requests per minute exceeded; retry after ${decision.retryAfterSeconds} s.`, {
        retryAfterSeconds: decision.retryAfterSeconds,
      });
    }
  };
  return async (request: FastifyRequest): Promise<void> => {
    // A person's personal token or session acts for the person's organisation, narrowed to their
    // role; a GET with the session cookie is the person's read, not an anonymous one.
    const person = await ctx.options.people?.resolve(request);
    if (person === undefined && isAnonymousRead(request)) {
      ctx.anonymous.add(request);
      spend(`anonymous ${request.ip}`);
    } else {
      const principal = person !== undefined ? { ...person, communities: await store.communitiesOf(person.orgId) } : await authenticate(request.headers.authorization, {
        findTokenByHash: (hash) => store.findTokenByHash(hash),
        now: toMicros(clock()),
        communitiesOf: (orgId) => store.communitiesOf(orgId),
      });
      const certificateOrg = ctx.options.certificateOrg?.(request);
      if (certificateOrg !== undefined && certificateOrg !== principal.orgId) {
        throw new SetuError('SETU_ERR_ACCESS_CERTIFICATE_MISMATCH', `The client certificate belongs to organisation '${certificateOrg}', the token to another one.`);
      }
      ctx.principals.set(request, principal);
      spend(`token ${principal.tokenId}`);
    }
    if (!acceptsTaxii(request.headers.accept)) {
      throw new SetuError('SETU_ERR_TAXII_NOT_ACCEPTABLE', `This server answers only with application/taxii+json;version=2.1; the Accept header was "${request.headers.accept ?? ''}".`);
    }
  };
}

// Status resources are never public, and an anonymous client must not learn which status ids
// exist (the route would answer 404 for a missing one), so they always ask for credentials.
const STATUS_ROUTE = /\/status\/:statusId\/?$/;

function isAnonymousRead(request: FastifyRequest): boolean {
  if (request.headers.authorization !== undefined || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
  return !STATUS_ROUTE.test(request.routeOptions.url ?? '');
}
