// What every route handler shares: the options, the principal of a request (set by the
// authentication hook), collection look-ups that apply visibility, and the TAXII reply helper.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { SetuError } from '../errors/index.js';
import { canRead, canSee, canWrite, readScopeOf, type Principal, type ReadScope } from '../access/index.js';
import type { CollectionRecord } from '../store/index.js';
import { TAXII_MEDIA_TYPE } from './media-types.js';
import type { ForeignView, TaxiiPluginOptions } from './options.js';
import type { PageSize } from './query-params.js';

export type Right = 'read' | 'write';

export interface TaxiiContext {
  readonly options: TaxiiPluginOptions;
  readonly pageSize: PageSize;
  readonly principals: WeakMap<FastifyRequest, Principal>;
  /** Requests without credentials admitted to read a public collection (TLP:CLEAR only). */
  readonly anonymous: WeakSet<FastifyRequest>;
}

/** Whose view a read request gets: its organisation's, or the anonymous one. */
export function readerOf(ctx: TaxiiContext, request: FastifyRequest): ReadScope {
  return ctx.anonymous.has(request) ? readScopeOf(null) : readScopeOf(principalOf(ctx, request).orgId);
}

/**
 * The outbound gate's view for a read request, when its reader is outside the node's jurisdiction
 * (an anonymous reader of a public collection always is); undefined for readers inside and nodes
 * without a gate.
 */
export async function foreignViewOf(ctx: TaxiiContext, request: FastifyRequest, collectionId: string): Promise<ForeignView | undefined> {
  const gate = ctx.options.foreignReads;
  if (gate === undefined) return undefined;
  return gate.viewFor(collectionId, ctx.anonymous.has(request) ? null : principalOf(ctx, request).orgId);
}

export function principalOf(ctx: TaxiiContext, request: FastifyRequest): Principal {
  const principal = ctx.principals.get(request);
  // The onRequest hook authenticates every request of the plugin before any handler runs.
  if (principal === undefined) throw new SetuError('SETU_ERR_ACCESS_NO_CREDENTIALS', 'Authentication is required.');
  return principal;
}

/** A path parameter as a string (Fastify has already matched the route, so it is present). */
export function param(request: FastifyRequest, name: string): string {
  const value = (request.params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

export function collectionNotFound(id: string): SetuError {
  return new SetuError('SETU_ERR_TAXII_COLLECTION_NOT_FOUND', `Collection '${id}' not found.`);
}

/**
 * The collection named in the URL, if the principal may see it; a collection it can neither read
 * nor write is reported exactly like a missing one. With `right`, also requires that right (403).
 */
export async function collectionFor(ctx: TaxiiContext, request: FastifyRequest, right?: Right): Promise<CollectionRecord> {
  const id = param(request, 'collectionId');
  if (ctx.anonymous.has(request)) {
    const open = await ctx.options.store.getCollection(id);
    if (open === undefined || open.public !== true || right !== 'read') throw new SetuError('SETU_ERR_ACCESS_NO_CREDENTIALS', 'Authentication is required.');
    return open;
  }
  const principal = principalOf(ctx, request);
  const collection = await ctx.options.store.getCollection(id);
  // A token holder without read on a PUBLIC collection gets what an anonymous client gets (DESIGN:
  // CLEAR is readable by anyone, anonymous too, if the collection is public): this request reads it
  // as an anonymous reader, so readerOf and foreignViewOf give the anonymous predicate and gate.
  if (collection?.public === true && (right === 'read' || right === undefined) && !canRead(principal, collection)) {
    if (right === 'read') ctx.anonymous.add(request);
    return collection;
  }
  if (collection === undefined || !canSee(principal, collection)) throw collectionNotFound(id);
  if (right === 'read' && !canRead(principal, collection)) {
    throw new SetuError('SETU_ERR_TAXII_FORBIDDEN', `Not allowed to read collection '${id}'.`);
  }
  if (right === 'write' && !canWrite(principal, collection)) {
    throw new SetuError('SETU_ERR_TAXII_FORBIDDEN', `Not allowed to write to collection '${id}'.`);
  }
  return collection;
}

/** Sends a TAXII response whose body is already JSON text. */
export function sendTaxii(reply: FastifyReply, status: number, body: string, headers: Record<string, string> = {}): FastifyReply {
  return reply.code(status).headers(headers).header('content-type', TAXII_MEDIA_TYPE).send(body);
}
