// The plugin's onRequest hook, in order: authenticate (401), bind the token to the client
// certificate's organisation under mutual TLS (403), spend the token's rate budget (429),
// negotiate the response media type (406). Every TAXII request passes through it. A GET without
// credentials of the objects or manifest of a PUBLIC collection is admitted as anonymous (it will
// see TLP:CLEAR only); every other request without credentials is a 401.

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
  return async (request: FastifyRequest): Promise<void> => {
    if (await isAnonymousPublicRead(ctx, request)) {
      ctx.anonymous.add(request);
      if (!acceptsTaxii(request.headers.accept)) {
        throw new SetuError('SETU_ERR_TAXII_NOT_ACCEPTABLE', `This server answers only with application/taxii+json;version=2.1; the Accept header was "${request.headers.accept ?? ''}".`);
      }
      return;
    }
    const principal = await authenticate(request.headers.authorization, {
      findTokenByHash: (hash) => store.findTokenByHash(hash),
      now: toMicros(clock()),
      communitiesOf: (orgId) => store.communitiesOf(orgId),
    });
    const certificateOrg = ctx.options.certificateOrg?.(request);
    if (certificateOrg !== undefined && certificateOrg !== principal.orgId) {
      throw new SetuError('SETU_ERR_ACCESS_CERTIFICATE_MISMATCH', `The client certificate belongs to organisation '${certificateOrg}', the token to another one.`);
    }
    ctx.principals.set(request, principal);
    if (limiter !== undefined) {
      const decision = limiter.take(principal.tokenId);
      if (!decision.allowed) {
        throw new SetuError('SETU_ERR_TAXII_RATE_LIMITED', `Rate limit of ${rateLimit?.perMinute ?? 0} requests per minute exceeded; retry after ${decision.retryAfterSeconds} s.`, {
          retryAfterSeconds: decision.retryAfterSeconds,
        });
      }
    }
    if (!acceptsTaxii(request.headers.accept)) {
      throw new SetuError('SETU_ERR_TAXII_NOT_ACCEPTABLE', `This server answers only with application/taxii+json;version=2.1; the Accept header was "${request.headers.accept ?? ''}".`);
    }
  };
}

const PUBLIC_READ = /\/collections\/([^/?]+)\/(?:objects|manifest)(?:[/?]|$)/;

async function isAnonymousPublicRead(ctx: TaxiiContext, request: FastifyRequest): Promise<boolean> {
  if (request.headers.authorization !== undefined || request.method !== 'GET') return false;
  const id = PUBLIC_READ.exec(request.url)?.[1];
  if (id === undefined) return false;
  let collectionId: string;
  try {
    collectionId = decodeURIComponent(id);
  } catch {
    return false;
  }
  const collection = await ctx.options.store.getCollection(collectionId);
  return collection?.public === true;
}
