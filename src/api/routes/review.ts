// The outbound gate's review queue over the JSON API (node-admin only): list, show, approve (as is
// or redacted), reject. A decision is final and records the deciding token and its organisation.
import type { FastifyInstance } from 'fastify';
import { actorOf, type Principal } from '../../access/index.js';
import { SetuError } from '../../errors/index.js';
import { REVIEW_STATES, type ReviewDecision, type ReviewItem, type ReviewState } from '../../store/index.js';
import { requireRole, stringField, type ApiContext } from '../context.js';
import { Type } from 'typebox';
import { apiDoc, documented, optionalText } from '../schemas.js';

const REVIEW_ITEM = documented('A review item: the held object version and its JSON, the destination, why the gate held it, and its decision once taken (see docs/outbound-gate.md).');
const ID = Type.Object({ id: Type.String({ description: 'The review item id.' }) });
const NOTE = optionalText('Why it was decided so (kept with the decision).');

function queryString(query: unknown, name: string): string | undefined {
  const value = typeof query === 'object' && query !== null ? (query as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** Who decided: the person when a person's session or token acted, else the organisation's token. */
function deciderOf(principal: Principal): string {
  return principal.userId === undefined ? `org:${principal.orgId} token:${principal.tokenId}` : `org:${principal.orgId} user:${principal.userId}`;
}

export function registerReviewRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const { store, clock } = ctx.options;
  const tags = ['review'];
  const notFound = (id: string) => new SetuError('SETU_ERR_GATE_REVIEW_NOT_FOUND', `No review item ${id}.`, { id });

  app.get('/review', {
      schema: apiDoc({
        operationId: 'listReviewItems',
        summary: 'List review items',
        description: 'node-admin only.',
        tags,
        querystring: Type.Object({
          state: Type.Optional(Type.String({ description: 'pending (default), approved, rejected or all.' })),
          to: Type.Optional(Type.String({ description: 'Only items held for this destination id.' })),
          limit: Type.Optional(Type.String({ description: 'At most this many items (default 100, at most 1000).' })),
          after: Type.Optional(Type.String({ description: 'Continue after this item id.' })),
        }),
        success: { status: 200, schema: Type.Object({ items: Type.Array(REVIEW_ITEM) }), meaning: 'The review items, oldest first.' },
        errors: [400, 403],
      }),
    }, async (request) => {
    requireRole(ctx, request, ['node-admin']);
    const state = queryString(request.query, 'state') ?? 'pending';
    if (state !== 'all' && !(REVIEW_STATES as readonly string[]).includes(state)) throw new SetuError('SETU_ERR_API_BAD_REQUEST', `"state" must be one of ${REVIEW_STATES.join(', ')} or all.`, { field: 'state' });
    const limitText = queryString(request.query, 'limit');
    const limit = limitText === undefined ? 100 : Number(limitText);
    if (!Number.isSafeInteger(limit) || limit < 1) throw new SetuError('SETU_ERR_API_BAD_REQUEST', '"limit" must be a positive integer.', { field: 'limit' });
    const to = queryString(request.query, 'to');
    const after = queryString(request.query, 'after');
    const items = await store.listReviewItems({
      ...(state === 'all' ? {} : { state: state as ReviewState }),
      ...(to === undefined ? {} : { destinationId: to }),
      ...(after === undefined ? {} : { afterId: after }),
      limit: Math.min(limit, 1000),
    });
    return { items };
  });

  app.get('/review/:id', { schema: apiDoc({ operationId: 'getReviewItem', summary: 'Show a review item (the held JSON and why it was held)', tags, params: ID, success: { status: 200, schema: REVIEW_ITEM, meaning: 'The review item.' }, errors: [403, 404] }) }, async (request) => {
    requireRole(ctx, request, ['node-admin']);
    const id = (request.params as { id: string }).id;
    const item = await store.getReviewItem(id);
    if (item === undefined) throw notFound(id);
    return item;
  });

  const decide = async (id: string, decision: ReviewDecision, actor: ReturnType<typeof actorOf>): Promise<ReviewItem> => {
    const result = await store.decideReviewItem(id, decision);
    switch (result.kind) {
      case 'not-found':
        throw notFound(id);
      case 'already-decided':
        throw new SetuError('SETU_ERR_GATE_REVIEW_DECIDED', `Review item ${id} was already ${result.item.state} by ${result.item.decidedBy} at ${result.item.decidedAt}.`, { id, state: result.item.state });
      case 'decided':
        await ctx.options.audit?.record({
          action: 'review.decision',
          actor,
          target: { reviewId: id, objectId: result.item.objectId, destination: `${result.item.destinationKind}:${result.item.destinationId}` },
          details: { state: result.item.state, release: result.item.release, note: result.item.note, contentHash: result.item.contentHash },
        });
        return result.item;
    }
  };

  app.post('/review/:id/approve', {
      schema: apiDoc({
        operationId: 'approveReviewItem',
        summary: 'Approve a held object',
        description: 'A decision is final. node-admin only.',
        tags,
        params: ID,
        body: Type.Union([
          Type.Object({ release: Type.Optional(Type.Union([Type.Literal('redacted'), Type.Literal('as-is'), Type.Null()], { description: 'Release the redacted form (default) or the object as it is.' })), note: NOTE }),
          Type.Null(),
        ]),
        success: { status: 200, schema: REVIEW_ITEM, meaning: 'The item as approved.' },
        errors: [400, 403, 404, 409],
      }),
    }, async (request) => {
    const principal = requireRole(ctx, request, ['node-admin']);
    const id = (request.params as { id: string }).id;
    const release = stringField(request.body, 'release', false) ?? 'redacted';
    if (release !== 'redacted' && release !== 'as-is') throw new SetuError('SETU_ERR_API_BAD_REQUEST', '"release" must be "redacted" or "as-is".', { field: 'release' });
    const decidedBy = deciderOf(principal);
    return decide(id, { state: 'approved', release, decidedAt: new Date(clock()).toISOString(), decidedBy, note: stringField(request.body, 'note', false) ?? null }, actorOf(principal, 'api'));
  });

  app.post('/review/:id/reject', {
      schema: apiDoc({
        operationId: 'rejectReviewItem',
        summary: 'Reject a held object',
        description: 'A decision is final. node-admin only.',
        tags,
        params: ID,
        body: Type.Union([Type.Object({ note: NOTE }), Type.Null()]),
        success: { status: 200, schema: REVIEW_ITEM, meaning: 'The item as rejected.' },
        errors: [400, 403, 404, 409],
      }),
    }, async (request) => {
    const principal = requireRole(ctx, request, ['node-admin']);
    const id = (request.params as { id: string }).id;
    const decidedBy = deciderOf(principal);
    return decide(id, { state: 'rejected', decidedAt: new Date(clock()).toISOString(), decidedBy, note: stringField(request.body, 'note', false) ?? null }, actorOf(principal, 'api'));
  });
}
