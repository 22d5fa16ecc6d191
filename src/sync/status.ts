// Observability of federation, computed from the stored state (so `setu peer status` answers the
// same with or without a running server): per subscription the lag in objects and seconds, the
// queue depth, the last success and the last error, and quarantined objects per peer.
import type { PeerRecord, Store, Subscription, SyncStore } from '../store/index.js';
import { toEpochMicros } from './time.js';

export interface SubscriptionStatus {
  readonly id: string;
  readonly direction: 'push' | 'pull';
  readonly local: string;
  readonly remote: string;
  readonly cursor: string | null;
  /** push: local versions not yet handled; pull: unknown (null) — the remote backlog is not visible. */
  readonly lagObjects: number | null;
  /** push: age of the oldest unhandled version; pull: time since the last successful pass (null: never). */
  readonly lagSeconds: number | null;
  /** push: versions waiting in the durable queue (after the cursor); pull: 0. */
  readonly queueDepth: number;
  readonly transferred: number;
  readonly lastSuccessAt: string | null;
  readonly lastError: string | null;
  readonly lastErrorAt: string | null;
}

export interface PeerStatus {
  readonly id: string;
  readonly name: string;
  readonly orgId: string;
  readonly quarantined: number;
  readonly subscriptions: readonly SubscriptionStatus[];
}

const secondsSince = (iso: string | null, now: number): number | null => {
  if (iso === null) return null;
  const micros = toEpochMicros(iso) ?? Date.parse(iso) * 1000;
  return Number.isFinite(micros) ? Math.max(0, Math.round((now * 1000 - micros) / 1000) / 1000) : null;
};

async function subscriptionStatus(sync: SyncStore, s: Subscription, now: number): Promise<SubscriptionStatus> {
  const base = { id: s.id, direction: s.direction, local: s.localCollection, remote: s.remoteCollection, cursor: s.cursor, transferred: s.transferred, lastSuccessAt: s.lastSuccessAt, lastError: s.lastError, lastErrorAt: s.lastErrorAt };
  if (s.direction === 'pull') return { ...base, lagObjects: null, lagSeconds: secondsSince(s.lastSuccessAt, now), queueDepth: 0 };
  const depth = await sync.countAddedAfter(s.localCollection, s.cursor);
  const oldest = depth === 0 ? null : await sync.oldestAddedAfter(s.localCollection, s.cursor);
  return { ...base, lagObjects: depth, lagSeconds: oldest === null ? 0 : secondsSince(oldest, now), queueDepth: depth };
}

export async function peerStatuses(_store: Store, sync: SyncStore, now: number, only?: PeerRecord): Promise<PeerStatus[]> {
  const peers = only === undefined ? await sync.listPeers() : [only];
  const subscriptions = await sync.listSubscriptions();
  const result: PeerStatus[] = [];
  for (const peer of peers) {
    const mine = subscriptions.filter((s) => s.peerId === peer.id);
    const statuses: SubscriptionStatus[] = [];
    for (const s of mine) statuses.push(await subscriptionStatus(sync, s, now));
    result.push({ id: peer.id, name: peer.name, orgId: peer.orgId, quarantined: await sync.countQuarantine(peer.id), subscriptions: statuses });
  }
  return result;
}
