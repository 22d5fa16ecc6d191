// The federation part of storage: peers (other nodes or any TAXII 2.1 server), their
// subscriptions (local collection -> remote collection = push, remote -> local = pull) with a
// durable cursor and health each, what each peer has acknowledged, which peer delivered each
// received version (loop prevention), and quarantined inbound objects. Plain tables, not STIX.
// The SQLite adapter is src/store/sqlite/sync.ts; its contract is test/store/contract-sync.ts.

import { toMicrosKey } from './timestamps.js';
import type { CheckpointStore } from './types-checkpoints.js';

export const SYNC_DIRECTIONS = ['push', 'pull'] as const;
export type SyncDirection = (typeof SYNC_DIRECTIONS)[number];

export const PEER_AUTH_KINDS = ['token', 'basic', 'none'] as const;
export type PeerAuthKind = (typeof PEER_AUTH_KINDS)[number];

/** How this node authenticates to the peer. Secrets live only in the node's database. */
export type PeerAuth =
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  | { readonly kind: 'none' };

/** Client certificate for mutual TLS (PEM file paths), and an extra CA to trust the peer's server certificate. */
export interface PeerTls {
  readonly certFile?: string;
  readonly keyFile?: string;
  readonly caFile?: string;
}

export interface PeerRecord {
  readonly id: string;
  readonly name: string;
  /** The TAXII 2.1 discovery URL (…/taxii2/), or an API root URL. */
  readonly url: string;
  /** The organisation that runs the peer (a registered organisation of this node). */
  readonly orgId: string;
  readonly auth: PeerAuth;
  readonly tls: PeerTls | null;
  /** The peer node's Ed25519 public key (base64url of the 32 raw bytes) when it is a Setu node. */
  readonly publicKey: string | null;
  /** The Setu node id derived from publicKey (SHA-256 hex of the raw key), null for other servers. */
  readonly nodeId: string | null;
  readonly createdAt: string;
}

export interface SubscriptionRecord {
  readonly id: string;
  readonly peerId: string;
  readonly direction: SyncDirection;
  readonly localCollection: string;
  readonly remoteCollection: string;
  readonly createdAt: string;
}

/** The moving part of a subscription: where it is, and how it went last. */
export interface SubscriptionState {
  /** push: dateAdded of the last local version handled; pull: the added_after to resume from. */
  readonly cursor: string | null;
  readonly lastSuccessAt: string | null;
  readonly lastError: string | null;
  readonly lastErrorAt: string | null;
  /** Object versions moved so far (sent and acknowledged, or pulled and committed). */
  readonly transferred: number;
  /** dateAdded (push) or remote date_added (pull) of the newest version moved. */
  readonly lastObjectAt: string | null;
}

export type Subscription = SubscriptionRecord & SubscriptionState;

export interface SubscriptionUpdate {
  readonly cursor?: string | null;
  readonly lastSuccessAt?: string | null;
  readonly lastError?: string | null;
  readonly lastErrorAt?: string | null;
  /** Added to `transferred`. */
  readonly transferredDelta?: number;
  readonly lastObjectAt?: string | null;
}

/** One object version, as (id, version); version null = unversioned. */
export interface VersionRef {
  readonly id: string;
  readonly version: string | null;
}

export interface QuarantineItem {
  readonly id: string;
  readonly peerId: string;
  readonly subscriptionId: string;
  readonly objectId: string;
  readonly reason: string;
  /** The object exactly as received. */
  readonly json: string;
  readonly at: string;
}

/** Also keeps signed audit checkpoints (types-checkpoints.ts): this node's own and its peers'. */
export interface SyncStore extends CheckpointStore {
  /** Rejects with SETU_ERR_STORE_DUPLICATE_KEY when the id or name exists. */
  createPeer(peer: PeerRecord): Promise<void>;
  getPeer(idOrName: string): Promise<PeerRecord | undefined>;
  /** In creation order. */
  listPeers(): Promise<PeerRecord[]>;
  /** Peers run by an organisation (to check a push signature against). */
  peersOfOrg(orgId: string): Promise<PeerRecord[]>;
  /** Removes the peer and everything kept for it; false when there was none. */
  deletePeer(id: string): Promise<boolean>;

  /** Rejects with SETU_ERR_STORE_DUPLICATE_KEY for the same (peer, direction, local, remote). */
  addSubscription(subscription: SubscriptionRecord): Promise<void>;
  /** With their state, in creation order; all peers when peerId is absent. */
  listSubscriptions(peerId?: string): Promise<Subscription[]>;
  updateSubscription(id: string, update: SubscriptionUpdate): Promise<void>;

  /** Records that the peer holds these versions for this subscription. */
  recordAcknowledged(subscriptionId: string, versions: readonly VersionRef[]): Promise<void>;
  /** Which of these versions the peer already holds (as `${id} ${versionKey}` keys, see syncKey). */
  acknowledged(subscriptionId: string, versions: readonly VersionRef[]): Promise<Set<string>>;

  /** Records which peer delivered these versions into a local collection. */
  recordOrigins(collectionId: string, peerId: string, versions: readonly VersionRef[]): Promise<void>;
  /** For each of these versions of a collection, the peers that delivered it (keyed by syncKey). */
  origins(collectionId: string, versions: readonly VersionRef[]): Promise<Map<string, string[]>>;

  /** Keeps an inbound object that was refused; the same (peer, object id, reason) is kept once. */
  quarantine(item: QuarantineItem): Promise<void>;
  /** Newest first. */
  listQuarantine(peerId: string, limit: number): Promise<QuarantineItem[]>;
  countQuarantine(peerId: string): Promise<number>;

  /** Versions of a local collection added after `dateAdded` (null: all): the push backlog. */
  countAddedAfter(collectionId: string, dateAdded: string | null): Promise<number>;
  /** dateAdded of the oldest version after `dateAdded` (the push lag's start), or null. */
  oldestAddedAfter(collectionId: string, dateAdded: string | null): Promise<string | null>;

  /** dateAdded of the newest version of a local collection, or null when empty. */
  newestAddedAt(collectionId: string): Promise<string | null>;

  close(): Promise<void>;
}

/**
 * The key SyncStore uses for a version: `${id} ${normalised version}` ('' for unversioned), so
 * '...Z' and '...000Z' are the same version. A version that is not a timestamp keys as written.
 */
export function syncKey(ref: VersionRef): string {
  return `${ref.id} ${ref.version === null ? '' : (toMicrosKey(ref.version) ?? ref.version)}`;
}
