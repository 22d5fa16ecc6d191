// The PostgreSQL SyncStore (as src/store/sqlite/sync.ts): federation state in the node's schema
// (migration 5), on its own small pool so the Store and its other parts are untouched. Lists are
// bound as arrays, so acknowledgements and origins are one statement per call however many
// versions they name. Several processes may share it: every write is one statement or one short
// transaction, and repeated inserts are no-ops (ON CONFLICT DO NOTHING).
import type pg from 'pg';
import { storeError } from '../errors.js';
import { syncKey, type PeerRecord, type QuarantineItem, type Subscription, type SubscriptionRecord, type SubscriptionUpdate, type SyncStore, type VersionRef } from '../types-sync.js';
import { toMicrosKey } from '../timestamps.js';
import { openConnection, type Connection } from './connection.js';
import type { CheckpointQuery, StoredCheckpoint } from '../types-checkpoints.js';
import { listCheckpoints, recordCheckpoint } from './checkpoints.js';
import { withConstraints } from './constraint-errors.js';
import { migrate } from './migrations.js';
import { rows, run } from './statements.js';
import { Params } from './visibility.js';

export interface PostgresSyncStoreOptions {
  /** postgres://user@host:port/database, optionally with ?schema=name (the Store's schema). */
  readonly url: string;
  readonly schema?: string | undefined;
  readonly clock?: (() => number) | undefined;
  /** Pool size; default 4. */
  readonly maxConnections?: number | undefined;
}

interface PeerRow {
  id: string;
  name: string;
  url: string;
  org_id: string;
  auth: string;
  tls: string | null;
  public_key: string | null;
  node_id: string | null;
  created_at: string;
}

interface SubscriptionRow {
  id: string;
  peer_id: string;
  direction: 'push' | 'pull';
  local_collection: string;
  remote_collection: string;
  created_at: string;
  cursor: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  transferred: number;
  last_object_at: string | null;
}

interface QuarantineRow {
  id: string;
  peer_id: string;
  subscription_id: string;
  object_id: string;
  reason: string;
  json: string;
  at: string;
}

const PEER_COLUMNS = 'id, name, url, org_id, auth, tls, public_key, node_id, created_at';
const SUBSCRIPTION_COLUMNS =
  'id, peer_id, direction, local_collection, remote_collection, created_at, cursor, last_success_at, last_error, last_error_at, transferred, last_object_at';
const COLLECTION_KEY = '(SELECT key FROM collections WHERE id = $1)';

const versionKeyOf = (version: string | null): string => (version === null ? '' : (toMicrosKey(version) ?? version));

function peerOf(row: PeerRow): PeerRecord {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    orgId: row.org_id,
    auth: JSON.parse(row.auth) as PeerRecord['auth'],
    tls: row.tls === null ? null : (JSON.parse(row.tls) as PeerRecord['tls']),
    publicKey: row.public_key,
    nodeId: row.node_id,
    createdAt: row.created_at,
  };
}

function subscriptionOf(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    peerId: row.peer_id,
    direction: row.direction,
    localCollection: row.local_collection,
    remoteCollection: row.remote_collection,
    createdAt: row.created_at,
    cursor: row.cursor,
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
    transferred: row.transferred,
    lastObjectAt: row.last_object_at,
  };
}

/** Column arrays of (object id, version key) pairs, and their syncKeys in the same order. */
function keysOf(versions: readonly VersionRef[]): { ids: string[]; keys: string[] } {
  return { ids: versions.map((v) => v.id), keys: versions.map((v) => versionKeyOf(v.version)) };
}

// The cursor columns keep text keys ordered byte-wise (date_added is COLLATE "C").
const SUBSCRIPTION_FIELDS = {
  cursor: 'cursor',
  lastSuccessAt: 'last_success_at',
  lastError: 'last_error',
  lastErrorAt: 'last_error_at',
  lastObjectAt: 'last_object_at',
} as const satisfies Record<keyof Omit<SubscriptionUpdate, 'transferredDelta'>, string>;

class PostgresSyncStore implements SyncStore {
  private connection: Connection | undefined;

  constructor(connection: Connection) {
    this.connection = connection;
  }

  private get pool(): pg.Pool {
    if (this.connection === undefined) throw storeError('SETU_ERR_STORE_CLOSED', 'the sync store is closed');
    return this.connection.pool;
  }

  async createPeer(peer: PeerRecord): Promise<void> {
    await withConstraints(`peer ${peer.name}`, { id: peer.id, name: peer.name }, () =>
      run(this.pool, `INSERT INTO sync_peers (${PEER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
        peer.id,
        peer.name,
        peer.url,
        peer.orgId,
        JSON.stringify(peer.auth),
        peer.tls === null ? null : JSON.stringify(peer.tls),
        peer.publicKey,
        peer.nodeId,
        peer.createdAt,
      ]),
    );
  }

  async getPeer(idOrName: string): Promise<PeerRecord | undefined> {
    const [row] = await rows<PeerRow>(this.pool, `SELECT ${PEER_COLUMNS} FROM sync_peers WHERE id = $1 OR name = $1 ORDER BY id = $1 DESC LIMIT 1`, [idOrName]);
    return row === undefined ? undefined : peerOf(row);
  }

  async listPeers(): Promise<PeerRecord[]> {
    return (await rows<PeerRow>(this.pool, `SELECT ${PEER_COLUMNS} FROM sync_peers ORDER BY seq`)).map(peerOf);
  }

  async peersOfOrg(orgId: string): Promise<PeerRecord[]> {
    return (await rows<PeerRow>(this.pool, `SELECT ${PEER_COLUMNS} FROM sync_peers WHERE org_id = $1 ORDER BY seq`, [orgId])).map(peerOf);
  }

  async deletePeer(id: string): Promise<boolean> {
    return (await run(this.pool, 'DELETE FROM sync_peers WHERE id = $1', [id])) > 0;
  }

  async addSubscription(s: SubscriptionRecord): Promise<void> {
    await withConstraints(`subscription ${s.direction} ${s.localCollection} ${s.remoteCollection}`, { id: s.id }, () =>
      run(
        this.pool,
        'INSERT INTO sync_subscriptions (id, peer_id, direction, local_collection, remote_collection, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [s.id, s.peerId, s.direction, s.localCollection, s.remoteCollection, s.createdAt],
      ),
    );
  }

  async listSubscriptions(peerId?: string): Promise<Subscription[]> {
    const found =
      peerId === undefined
        ? await rows<SubscriptionRow>(this.pool, `SELECT ${SUBSCRIPTION_COLUMNS} FROM sync_subscriptions ORDER BY seq`)
        : await rows<SubscriptionRow>(this.pool, `SELECT ${SUBSCRIPTION_COLUMNS} FROM sync_subscriptions WHERE peer_id = $1 ORDER BY seq`, [peerId]);
    return found.map(subscriptionOf);
  }

  async updateSubscription(id: string, update: SubscriptionUpdate): Promise<void> {
    const params = new Params();
    const sets: string[] = [];
    for (const key of Object.keys(SUBSCRIPTION_FIELDS) as (keyof typeof SUBSCRIPTION_FIELDS)[]) {
      const value = update[key];
      if (value !== undefined) sets.push(`${SUBSCRIPTION_FIELDS[key]} = ${params.bind(value, '::text')}`);
    }
    if (update.transferredDelta !== undefined && update.transferredDelta !== 0) {
      sets.push(`transferred = transferred + ${params.bind(update.transferredDelta, '::bigint')}`);
    }
    if (sets.length === 0) return;
    await run(this.pool, `UPDATE sync_subscriptions SET ${sets.join(', ')} WHERE id = ${params.bind(id)}`, params.values);
  }

  async recordAcknowledged(subscriptionId: string, versions: readonly VersionRef[]): Promise<void> {
    if (versions.length === 0) return;
    const { ids, keys } = keysOf(versions);
    await run(
      this.pool,
      `INSERT INTO sync_acknowledged (subscription_id, object_id, version_key)
       SELECT $1, u.id, u.k FROM unnest($2::text[], $3::text[]) AS u (id, k) ON CONFLICT DO NOTHING`,
      [subscriptionId, ids, keys],
    );
  }

  async acknowledged(subscriptionId: string, versions: readonly VersionRef[]): Promise<Set<string>> {
    const found = new Set<string>();
    if (versions.length === 0) return found;
    const { ids, keys } = keysOf(versions);
    const held = await rows<{ object_id: string; version_key: string }>(
      this.pool,
      `SELECT a.object_id, a.version_key FROM unnest($2::text[], $3::text[]) AS u (id, k)
       JOIN sync_acknowledged a ON a.subscription_id = $1 AND a.object_id = u.id AND a.version_key = u.k`,
      [subscriptionId, ids, keys],
    );
    const present = new Set(held.map((row) => `${row.object_id}\u0000${row.version_key}`));
    versions.forEach((v, i) => {
      if (present.has(`${ids[i]}\u0000${keys[i]}`)) found.add(syncKey(v));
    });
    return found;
  }

  async recordOrigins(collectionId: string, peerId: string, versions: readonly VersionRef[]): Promise<void> {
    if (versions.length === 0) return;
    const { ids, keys } = keysOf(versions);
    await run(
      this.pool,
      `INSERT INTO sync_origins (collection_id, object_id, version_key, peer_id)
       SELECT $1, u.id, u.k, $2 FROM unnest($3::text[], $4::text[]) AS u (id, k) ON CONFLICT DO NOTHING`,
      [collectionId, peerId, ids, keys],
    );
  }

  async origins(collectionId: string, versions: readonly VersionRef[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    if (versions.length === 0) return found;
    const { ids, keys } = keysOf(versions);
    const held = await rows<{ object_id: string; version_key: string; peers: string[] }>(
      this.pool,
      `SELECT o.object_id, o.version_key, array_agg(o.peer_id ORDER BY o.peer_id COLLATE "C") AS peers
       FROM (SELECT DISTINCT * FROM unnest($2::text[], $3::text[]) AS u (id, k)) u
       JOIN sync_origins o ON o.collection_id = $1 AND o.object_id = u.id AND o.version_key = u.k
       GROUP BY o.object_id, o.version_key`,
      [collectionId, ids, keys],
    );
    const byKey = new Map(held.map((row) => [`${row.object_id}\u0000${row.version_key}`, row.peers]));
    versions.forEach((v, i) => {
      const peers = byKey.get(`${ids[i]}\u0000${keys[i]}`);
      if (peers !== undefined) found.set(syncKey(v), peers);
    });
    return found;
  }

  async quarantine(item: QuarantineItem): Promise<void> {
    await withConstraints(`quarantine item ${item.id}`, { id: item.id }, () =>
      run(
        this.pool,
        `INSERT INTO sync_quarantine (id, peer_id, subscription_id, object_id, reason, json, at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT DO NOTHING`,
        [item.id, item.peerId, item.subscriptionId, item.objectId, item.reason, item.json, item.at],
      ),
    );
  }

  async listQuarantine(peerId: string, limit: number): Promise<QuarantineItem[]> {
    const found = await rows<QuarantineRow>(
      this.pool,
      'SELECT id, peer_id, subscription_id, object_id, reason, json, at FROM sync_quarantine WHERE peer_id = $1 ORDER BY seq DESC LIMIT $2::bigint',
      [peerId, limit],
    );
    return found.map((r) => ({ id: r.id, peerId: r.peer_id, subscriptionId: r.subscription_id, objectId: r.object_id, reason: r.reason, json: r.json, at: r.at }));
  }

  async countQuarantine(peerId: string): Promise<number> {
    const [row] = await rows<{ n: number }>(this.pool, 'SELECT count(*) AS n FROM sync_quarantine WHERE peer_id = $1', [peerId]);
    return row?.n ?? 0;
  }

  async countAddedAfter(collectionId: string, dateAdded: string | null): Promise<number> {
    const [row] = await rows<{ n: number }>(this.pool, `SELECT count(*) AS n FROM objects WHERE collection_key = ${COLLECTION_KEY} AND date_added > $2`, [
      collectionId,
      dateAdded ?? '',
    ]);
    return row?.n ?? 0;
  }

  async oldestAddedAfter(collectionId: string, dateAdded: string | null): Promise<string | null> {
    const [row] = await rows<{ d: string | null }>(this.pool, `SELECT min(date_added) AS d FROM objects WHERE collection_key = ${COLLECTION_KEY} AND date_added > $2`, [
      collectionId,
      dateAdded ?? '',
    ]);
    return row?.d ?? null;
  }

  async newestAddedAt(collectionId: string): Promise<string | null> {
    const [row] = await rows<{ d: string | null }>(this.pool, `SELECT max(date_added) AS d FROM objects WHERE collection_key = ${COLLECTION_KEY}`, [collectionId]);
    return row?.d ?? null;
  }

  async recordCheckpoint(checkpoint: StoredCheckpoint): Promise<boolean> {
    return recordCheckpoint(this.pool, checkpoint);
  }

  async listCheckpoints(nodeId: string, query: CheckpointQuery): Promise<StoredCheckpoint[]> {
    return listCheckpoints(this.pool, nodeId, query);
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    await connection?.pool.end();
  }
}

/** Opens the federation tables of a node's PostgreSQL schema (applying migrations when needed). */
export async function openPostgresSyncStore(options: PostgresSyncStoreOptions): Promise<SyncStore> {
  const connection = openConnection({ url: options.url, schema: options.schema, maxConnections: options.maxConnections ?? 4 });
  try {
    await migrate(connection.pool, connection.schema, options.clock ?? Date.now);
    return new PostgresSyncStore(connection);
  } catch (error) {
    await connection.pool.end().catch(() => {});
    throw error;
  }
}
