// The outbound gate's review queue over the JSON API (node-admin only): list, show, approve (as is
// or redacted), reject. A decision is final and records the deciding token and its organisation.
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../access/index.js';
import { SetuError } from '../../errors/index.js';
import { REVIEW_STATES, type ReviewDecision, type ReviewItem, type ReviewState } from '../../store/index.js';
import { requireRole, stringField, type ApiContext } from '../context.js';

function queryString(query: unknown, name: string): string | undefined {
  const value = typeof query === 'object' && query !== null ? (query as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}

export function registerReviewRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const { store, clock } = ctx.options;
  const tags = ['review'];
  const notFound = (id: string) => new SetuError('SETU_ERR_GATE_REVIEW_NOT_FOUND', `No review item ${id}.`, { id });

  app.get('/review', { schema: { summary: 'List review items', description: 'Query: state (pending|approved|rejected|all, default pending), to (destination id), limit (default 100, at most 1000), after (an item id).', tags } }, async (request) => {
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

  app.get('/review/:id', { schema: { summary: 'Show a review item (the held JSON and why it was held)', tags } }, async (request) => {
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

  app.post('/review/:id/approve', { schema: { summary: 'Approve a held object', description: 'Body: {release?: "redacted" (default) | "as-is", note?}.', tags } }, async (request) => {
    const principal = requireRole(ctx, request, ['node-admin']);
    const id = (request.params as { id: string }).id;
    const release = stringField(request.body, 'release', false) ?? 'redacted';
    if (release !== 'redacted' && release !== 'as-is') throw new SetuError('SETU_ERR_API_BAD_REQUEST', '"release" must be "redacted" or "as-is".', { field: 'release' });
    const decidedBy = `org:${principal.orgId} token:${principal.tokenId}`;
    return decide(id, { state: 'approved', release, decidedAt: new Date(clock()).toISOString(), decidedBy, note: stringField(request.body, 'note', false) ?? null }, actorOf(principal, 'api'));
  });

  app.post('/review/:id/reject', { schema: { summary: 'Reject a held object', description: 'Body: {note?}.', tags } }, async (request) => {
    const principal = requireRole(ctx, request, ['node-admin']);
    const id = (request.params as { id: string }).id;
    const decidedBy = `org:${principal.orgId} token:${principal.tokenId}`;
    return decide(id, { state: 'rejected', decidedAt: new Date(clock()).toISOString(), decidedBy, note: stringField(request.body, 'note', false) ?? null }, actorOf(principal, 'api'));
  });
}
