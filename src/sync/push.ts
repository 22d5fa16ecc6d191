// One push pass of a subscription (local collection -> remote collection): every local version
// after the cursor goes through the node's one outbound path (node.shareObjects: the TLP onward
// rule, the review queue, PII redaction and pseudonyms, per recipient organisation), then the
// loop rules: never to a node already in the object's provenance chain, never back to the peer
// that delivered it, never a version the peer has acknowledged. What remains is stamped with this
// node on its chain, batched, signed, posted, and the status resource is polled until complete.
// Acknowledged versions are remembered and the cursor is committed after each batch, so a crash
// repeats at most one batch, which the receiver treats as idempotent.
import { shareObjects } from '../node/index.js';
import { syncKey, type ObjectRecord, type PeerRecord, type Subscription, type VersionRef } from '../store/index.js';
import { SetuError } from '../errors/index.js';
import type { SyncContext } from './context.js';
import { chainIncludes, readChain, stamp } from './provenance.js';
import { signatureHeader } from './signature.js';
import { justBefore } from './time.js';
import type { RemoteStatus, TaxiiClient } from './taxii-client.js';

export interface PushOutcome {
  /** Versions the peer acknowledged in this pass. */
  readonly sent: number;
  /** Versions passed over: withheld or held by the gate, looped, or already acknowledged. */
  readonly skipped: number;
  /** Versions the peer refused (recorded, not retried). */
  readonly refused: number;
  readonly firstRefusal?: string;
}

interface Outgoing {
  readonly ref: VersionRef;
  readonly json: string;
}

/** Walks the collection's records after the cursor in seq order, to learn each decision's dateAdded. */
class Positions {
  private buffer: ObjectRecord[] = [];
  private afterSeq: number | undefined;
  private done = false;
  constructor(
    private readonly ctx: SyncContext,
    private readonly collectionId: string,
    private readonly addedAfter: string | null,
  ) {}

  /** The dateAdded of the record with this id and version (records before it are passed over). */
  async dateAddedOf(id: string, version: string | null): Promise<string | undefined> {
    for (;;) {
      while (this.buffer.length > 0) {
        const record = this.buffer.shift() as ObjectRecord;
        if (record.id === id && record.version === version) return record.dateAdded;
      }
      if (this.done) return undefined;
      const page = await this.ctx.store.queryObjects({
        collectionId: this.collectionId,
        versions: [{ kind: 'all' }],
        limit: 1000,
        withJson: false,
        ...(this.addedAfter === null ? {} : { addedAfter: this.addedAfter }),
        ...(this.afterSeq === undefined ? {} : { afterSeq: this.afterSeq }),
      });
      this.buffer = [...page.records];
      this.afterSeq = page.records.at(-1)?.seq ?? this.afterSeq;
      if (!page.more) this.done = true;
      if (page.records.length === 0) return undefined;
    }
  }
}

const CONFLICT = 'version already exists with different content';

async function awaitComplete(ctx: SyncContext, client: TaxiiClient, status: RemoteStatus): Promise<RemoteStatus> {
  let current = status;
  for (let poll = 1; current.status !== 'complete'; poll++) {
    if (poll > ctx.tuning.statusPolls) throw new SetuError('SETU_ERR_SYNC_PROTOCOL', `status ${status.id} still pending after ${ctx.tuning.statusPolls} polls`);
    await ctx.sleep(Math.min(ctx.tuning.backoff.maxMs, ctx.tuning.backoff.baseMs * 2 ** (poll - 1)));
    current = await client.getStatus(status.id);
  }
  return current;
}

export async function pushOnce(ctx: SyncContext, peer: PeerRecord, subscription: Subscription, client: TaxiiClient): Promise<PushOutcome> {
  const { store, sync, gate } = ctx;
  let cursor = subscription.cursor;
  // Every version up to this one is seen by the walk below (it starts later), so once the walk
  // ends the cursor may move here even when the last versions were not the actor's to pass on.
  const snapshot = await sync.newestAddedAt(subscription.localCollection);
  const positions = new Positions(ctx, subscription.localCollection, cursor);
  const items = shareObjects(
    { store, profile: gate.profile, pseudonymKey: gate.pseudonymKey, clock: ctx.clock, newId: ctx.newId, home: gate.country },
    { to: peer.orgId, kind: 'peer', collections: [subscription.localCollection], actor: gate.nodeOrg, ...(cursor === null ? {} : { addedAfter: cursor }) },
    'send',
  );
  let sent = 0;
  let skipped = 0;
  let refused = 0;
  let firstRefusal: string | undefined;
  let candidates: { ref: VersionRef; json: string; extra: readonly Outgoing[] }[] = [];
  let batchCursor = cursor;
  // Batches are sent while the next ones are prepared (up to `window` in flight), but committed
  // strictly in order: a batch's acknowledgements and the cursor are recorded only after every
  // earlier batch's, so a failure leaves the cursor at the end of the acknowledged prefix.
  let committed: Promise<void> = Promise.resolve();
  const inFlight: Promise<void>[] = [];
  const window = Math.max(1, ctx.tuning.inFlight);

  const send = async (batch: readonly Outgoing[]) => {
    const body = Buffer.from(`{"objects":[${batch.map((o) => o.json).join(',')}]}`, 'utf8');
    const headers = { 'setu-signature': signatureHeader(body, ctx.nodeKey.privateKey, ctx.nodeId) };
    return awaitComplete(ctx, client, await client.addObjects(subscription.remoteCollection, body, headers));
  };

  const commit = async (batch: readonly Outgoing[], status: RemoteStatus | undefined, upTo: string | null) => {
    if (status !== undefined) {
      const failed = new Map(status.failures.map((f) => [f.id, f.message ?? 'refused']));
      const done: VersionRef[] = [];
      for (const o of batch) {
        done.push(o.ref);
        const message = failed.get(o.ref.id);
        if (message === undefined || message === CONFLICT) sent++;
        else {
          refused++;
          firstRefusal ??= `${o.ref.id}: ${message}`;
        }
      }
      await sync.recordAcknowledged(subscription.id, done);
      await ctx.audit?.record({
        action: 'outbound.send',
        actor: { orgId: gate.nodeOrg, tokenId: null, role: 'node-admin', channel: 'sync' },
        target: { peerId: peer.id, peer: peer.name, orgId: peer.orgId, collectionId: subscription.localCollection, remoteCollection: subscription.remoteCollection, objects: done.map((r) => [r.id, r.version ?? '']) },
        details: { statusId: status.id, sent: done.length, refused: status.failures.filter((f) => f.message !== CONFLICT).length },
      });
    }
    if (upTo !== cursor || batch.length > 0) {
      await sync.updateSubscription(subscription.id, { cursor: upTo, transferredDelta: batch.length, ...(batch.length > 0 ? { lastObjectAt: upTo } : {}) });
      cursor = upTo;
    }
  };

  const flush = async () => {
    // Drop what was already acknowledged, or came from this peer.
    const refs = candidates.map((c) => c.ref);
    const acked = await sync.acknowledged(subscription.id, refs);
    const origins = await sync.origins(subscription.localCollection, refs);
    const batch: Outgoing[] = [];
    for (const c of candidates) {
      const key = syncKey(c.ref);
      if (acked.has(key) || (origins.get(key) ?? []).includes(peer.id)) {
        skipped++;
        continue;
      }
      batch.push(...c.extra, { ref: c.ref, json: c.json });
    }
    candidates = [];
    const upTo = batchCursor;
    if (batch.length === 0 && upTo === cursor) return;
    const sending = batch.length === 0 ? Promise.resolve(undefined) : send(batch);
    const previous = committed;
    committed = (async () => {
      const status = await sending;
      await previous;
      await commit(batch, status, upTo);
    })();
    committed.catch(() => undefined);
    inFlight.push(committed);
    while (inFlight.length >= window) await inFlight.shift();
  };

  try {
    for await (const item of items) {
      const d = item.decision;
      const dateAdded = await positions.dateAddedOf(d.id, d.version);
      if (dateAdded !== undefined) batchCursor = dateAdded;
      if (d.outcome !== 'send' || (peer.nodeId !== null && chainIncludes(readChain(d.json), peer.nodeId))) {
        skipped++;
      } else {
        const extra = item.identities.map((identity) => ({ ref: { id: String(identity['id']), version: String(identity['modified'] ?? identity['created'] ?? '') || null }, json: JSON.stringify(identity) }));
        candidates.push({ ref: { id: d.id, version: d.version }, json: stamp(d.json, d.type, ctx.nodeId), extra });
      }
      if (candidates.length >= ctx.tuning.batchSize) await flush();
    }
    if (snapshot !== null && (cursor === null || snapshot > cursor) && (batchCursor === null || snapshot > batchCursor)) batchCursor = snapshot;
    await flush();
    await committed;
    // Versions a reviewer approved after the cursor passed them: walk again from the oldest one,
    // through the same outbound path (which now releases them), and send those alone.
    const approved = await approvedPending(ctx, peer, subscription);
    if (approved !== undefined) {
      const again = shareObjects(
        { store, profile: gate.profile, pseudonymKey: gate.pseudonymKey, clock: ctx.clock, newId: ctx.newId, home: gate.country },
        { to: peer.orgId, kind: 'peer', collections: [subscription.localCollection], actor: gate.nodeOrg, addedAfter: approved.addedAfter },
        'send',
      );
      try {
        for await (const item of again) {
          const d = item.decision;
          if (!approved.keys.delete(syncKey({ id: d.id, version: d.version }))) continue;
          if (d.outcome === 'send' && !(peer.nodeId !== null && chainIncludes(readChain(d.json), peer.nodeId))) {
            const extra = item.identities.map((identity) => ({ ref: { id: String(identity['id']), version: String(identity['modified'] ?? identity['created'] ?? '') || null }, json: JSON.stringify(identity) }));
            candidates.push({ ref: { id: d.id, version: d.version }, json: stamp(d.json, d.type, ctx.nodeId), extra });
          }
          if (approved.keys.size === 0) break;
        }
      } finally {
        await again.return(undefined);
      }
      await flush();
      await committed;
    }
  } finally {
    await items.return(undefined);
    await Promise.allSettled(inFlight);
  }
  return { sent, skipped, refused, ...(firstRefusal === undefined ? {} : { firstRefusal }) };
}

/**
 * Review items approved for this peer's organisation, in this subscription's collection, that the
 * peer has not acknowledged: their keys and the instant to walk from (just before the oldest).
 */
async function approvedPending(ctx: SyncContext, peer: PeerRecord, subscription: Subscription): Promise<{ keys: Set<string>; addedAfter: string } | undefined> {
  const items = (await ctx.store.listReviewItems({ state: 'approved', destinationKind: 'peer', destinationId: peer.orgId, limit: 1000 })).filter((i) => i.collectionId === subscription.localCollection);
  if (items.length === 0) return undefined;
  const refs = items.map((i) => ({ id: i.objectId, version: i.version }));
  const acked = await ctx.sync.acknowledged(subscription.id, refs);
  const keys = new Set(refs.map(syncKey).filter((k) => !acked.has(k)));
  if (keys.size === 0) return undefined;
  const page = await ctx.store.queryObjects({ collectionId: subscription.localCollection, ids: [...new Set(refs.map((r) => r.id))], versions: [{ kind: 'all' }], limit: 10_000, withJson: false });
  const dates = page.records.filter((r) => keys.has(syncKey({ id: r.id, version: r.version }))).map((r) => r.dateAdded);
  if (dates.length === 0) return undefined;
  const oldest = dates.reduce((a, b) => (a < b ? a : b));
  const addedAfter = justBefore(oldest);
  return addedAfter === undefined ? undefined : { keys, addedAfter };
}
