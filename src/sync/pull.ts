// One pull pass of a subscription (remote collection -> local collection) from any TAXII 2.1
// server. Pages are walked with `next` when the server offers it, else by moving `added_after`;
// each page is validated and committed through ingest (the peer's organisation as submitter, so
// the trust rules apply), and the cursor is persisted after each committed page. The cursor is
// the instant just before the page's X-TAXII-Date-Added-Last, so objects sharing that date_added
// that the page did not hold (or that the server adds later) are fetched next time (re-posts are
// idempotent) and never skipped. A server that answers `more` without `next` and a page whose objects all share one
// date_added is asked again with a larger limit; if that does not help, the pass fails with
// SETU_ERR_SYNC_NO_PROGRESS (visible as the subscription's last error). Objects that fail
// validation or the trust rules are quarantined with the reason, never silently dropped.
import { SetuError } from '../errors/index.js';
import { ingest } from '../ingest/index.js';
import type { PeerRecord, Subscription, VersionRef } from '../store/index.js';
import { isoMicros, type SyncContext } from './context.js';
import type { ObjectsPage, TaxiiClient } from './taxii-client.js';
import { compareInstants, justBefore } from './time.js';

export interface PullOutcome {
  readonly pages: number;
  readonly committed: number;
  readonly quarantined: number;
}

const MAX_LIMIT = 100_000;
const MAX_PAGES_PER_PASS = 100_000;

const INDEX = /^objects\[(\d+)\]/;

async function commitPage(ctx: SyncContext, peer: PeerRecord, subscription: Subscription, page: ObjectsPage): Promise<{ committed: number; quarantined: number }> {
  if (page.objects.length === 0) return { committed: 0, quarantined: 0 };
  const events = { emit: (_event: 'added', _records: unknown) => true };
  const result = await ingest({
    store: ctx.store,
    collectionId: subscription.localCollection,
    rawObjects: page.objects,
    clock: ctx.clock,
    newId: ctx.newId,
    events: ctx.events ?? events,
    submitter: { orgId: peer.orgId },
  });
  const at = isoMicros(ctx.clock());
  const byId = new Map<string, number>();
  page.objects.forEach((raw, i) => {
    const id = /"id"\s*:\s*"([^"]+)"/.exec(raw)?.[1];
    if (id !== undefined && !byId.has(id)) byId.set(id, i);
  });
  for (const failure of result.status.failures) {
    const index = Number(INDEX.exec(failure.message ?? '')?.[1] ?? byId.get(failure.id) ?? -1);
    await ctx.sync.quarantine({
      id: ctx.newId(),
      peerId: peer.id,
      subscriptionId: subscription.id,
      objectId: failure.id,
      reason: (failure.message ?? 'refused').replace(INDEX, '').replace(/^:\s*/, ''),
      json: page.objects[index] ?? '',
      at,
    });
  }
  const received: VersionRef[] = result.status.successes.map((s) => ({ id: s.id, version: s.version }));
  await ctx.sync.recordOrigins(subscription.localCollection, peer.id, received);
  return { committed: result.status.successCount, quarantined: result.status.failureCount };
}

export async function pullOnce(ctx: SyncContext, peer: PeerRecord, subscription: Subscription, client: TaxiiClient): Promise<PullOutcome> {
  let addedAfter = subscription.cursor ?? undefined;
  let next: string | undefined;
  let limit = ctx.tuning.pageLimit;
  let pages = 0;
  let committed = 0;
  let quarantined = 0;
  for (; pages < MAX_PAGES_PER_PASS; ) {
    const page = await client.getObjects(subscription.remoteCollection, { addedAfter, next, limit });
    pages++;
    const done = await commitPage(ctx, peer, subscription, page);
    committed += done.committed;
    quarantined += done.quarantined;
    const last = page.dateAddedLast;
    if (!page.more || page.objects.length === 0) {
      // Everything up to `last` is held. Resume just before it: a server with coarse timestamps
      // may still add objects at `last` itself (the one re-fetched object is an idempotent re-post).
      const cursor = (last === undefined ? undefined : justBefore(last)) ?? addedAfter ?? null;
      await ctx.sync.updateSubscription(subscription.id, { cursor, transferredDelta: done.committed, ...(last === undefined ? {} : { lastObjectAt: last }) });
      break;
    }
    // More to come. Objects dated before `last` are all in hand; those at `last` may continue.
    const resume = last === undefined ? undefined : justBefore(last);
    if (page.next !== undefined) {
      next = page.next;
      if (resume !== undefined) await ctx.sync.updateSubscription(subscription.id, { cursor: resume, transferredDelta: done.committed, lastObjectAt: last ?? null });
      continue;
    }
    next = undefined;
    if (resume === undefined) {
      throw new SetuError('SETU_ERR_SYNC_NO_PROGRESS', `${peer.name}: the server says more objects follow but gives neither "next" nor X-TAXII-Date-Added-Last`);
    }
    const advanced = addedAfter === undefined || (compareInstants(resume, addedAfter) ?? 0) > 0;
    if (!advanced) {
      // The whole page shares one date_added: only a larger page can get past it.
      if (limit >= MAX_LIMIT || page.objects.length < limit) {
        throw new SetuError('SETU_ERR_SYNC_NO_PROGRESS', `${peer.name}: ${page.objects.length} objects share date_added ${last ?? ''} and the server offers no "next" to page past them`);
      }
      limit = Math.min(MAX_LIMIT, limit * 4);
      continue;
    }
    addedAfter = resume;
    limit = ctx.tuning.pageLimit;
    await ctx.sync.updateSubscription(subscription.id, { cursor: resume, transferredDelta: done.committed, lastObjectAt: last ?? null });
  }
  return { pages, committed, quarantined };
}
