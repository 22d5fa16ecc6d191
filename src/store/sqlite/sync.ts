// The SQLite SyncStore: federation state in the node's database (migration 5). It opens its own
// connection to the node's file (WAL lets it live beside the main store's connection), so the
// Store contract and its other adapters are untouched; every write is one short transaction.
import type BetterSqlite3 from 'better-sqlite3';
import { storeError } from '../errors.js';
import { type PeerRecord, type QuarantineItem, type Subscription, type SubscriptionRecord, type SubscriptionUpdate, type SyncStore, type VersionRef } from '../types-sync.js';
import { toMicrosKey } from '../timestamps.js';
import { openConnection } from './connection.js';
import type { CheckpointQuery, StoredCheckpoint } from '../types-checkpoints.js';
import { Checkpoints } from './checkpoints.js';
import { withConstraints } from './constraint-errors.js';
import { migrate } from './migrations.js';

export interface SqliteSyncStoreOptions {
  /** The node's SQLite file (not ':memory:': the store needs a second connection to it). */
  readonly path: string;
  readonly clock?: () => number;
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

/** Runs `fn` over `items` in slices small enough for SQLite's bound-parameter limit. */
function inSlices<T>(items: readonly T[], size: number, fn: (slice: readonly T[]) => void): void {
  for (let i = 0; i < items.length; i += size) fn(items.slice(i, i + size));
}

class SqliteSyncStore implements SyncStore {
  private db: BetterSqlite3.Database | undefined;
  private readonly s: Record<string, BetterSqlite3.Statement>;
  private readonly checkpoints: Checkpoints;

  constructor(db: BetterSqlite3.Database) {
    this.db = db;
    this.checkpoints = new Checkpoints(db);
    this.s = {
      insertPeer: db.prepare(
        'INSERT INTO sync_peers (id, name, url, org_id, auth, tls, public_key, node_id, created_at) VALUES (@id, @name, @url, @orgId, @auth, @tls, @publicKey, @nodeId, @createdAt)',
      ),
      peerByIdOrName: db.prepare('SELECT * FROM sync_peers WHERE id = ? OR name = ? ORDER BY id = ? DESC LIMIT 1'),
      peers: db.prepare('SELECT * FROM sync_peers ORDER BY seq'),
      peersOfOrg: db.prepare('SELECT * FROM sync_peers WHERE org_id = ? ORDER BY seq'),
      deletePeer: db.prepare('DELETE FROM sync_peers WHERE id = ?'),
      insertSubscription: db.prepare(
        'INSERT INTO sync_subscriptions (id, peer_id, direction, local_collection, remote_collection, created_at) VALUES (@id, @peerId, @direction, @localCollection, @remoteCollection, @createdAt)',
      ),
      subscriptions: db.prepare('SELECT * FROM sync_subscriptions ORDER BY seq'),
      subscriptionsOf: db.prepare('SELECT * FROM sync_subscriptions WHERE peer_id = ? ORDER BY seq'),
      insertAck: db.prepare('INSERT OR IGNORE INTO sync_acknowledged (subscription_id, object_id, version_key) VALUES (?, ?, ?)'),
      // One statement per batch: the (id, version key) pairs come in as a JSON array; CROSS JOIN
      // keeps that list as the outer loop, so each pair is one primary-key probe.
      acksIn: db.prepare(
        `SELECT a.object_id AS id, a.version_key AS vk FROM json_each(?) AS j
           CROSS JOIN sync_acknowledged AS a ON a.subscription_id = ? AND a.object_id = json_extract(j.value, '$[0]') AND a.version_key = json_extract(j.value, '$[1]')`,
      ),
      insertOrigin: db.prepare('INSERT OR IGNORE INTO sync_origins (collection_id, object_id, version_key, peer_id) VALUES (?, ?, ?, ?)'),
      originsIn: db.prepare(
        `SELECT o.object_id AS id, o.version_key AS vk, o.peer_id AS peer FROM json_each(?) AS j
           CROSS JOIN sync_origins AS o ON o.collection_id = ? AND o.object_id = json_extract(j.value, '$[0]') AND o.version_key = json_extract(j.value, '$[1]')`,
      ),
      insertQuarantine: db.prepare(
        'INSERT OR IGNORE INTO sync_quarantine (id, peer_id, subscription_id, object_id, reason, json, at) VALUES (@id, @peerId, @subscriptionId, @objectId, @reason, @json, @at)',
      ),
      quarantineOf: db.prepare('SELECT * FROM sync_quarantine WHERE peer_id = ? ORDER BY seq DESC LIMIT ?'),
      countQuarantine: db.prepare('SELECT count(*) FROM sync_quarantine WHERE peer_id = ?').pluck(),
      countAfter: db.prepare(
        'SELECT count(*) FROM objects WHERE collection_key = (SELECT key FROM collections WHERE id = ?) AND date_added > ?',
      ).pluck(),
      newest: db.prepare('SELECT max(date_added) FROM objects WHERE collection_key = (SELECT key FROM collections WHERE id = ?)').pluck(),
      oldestAfter: db.prepare(
        'SELECT min(date_added) FROM objects WHERE collection_key = (SELECT key FROM collections WHERE id = ?) AND date_added > ?',
      ).pluck(),
    };
  }

  private get conn(): BetterSqlite3.Database {
    if (this.db === undefined) throw storeError('SETU_ERR_STORE_CLOSED', 'the sync store is closed');
    return this.db;
  }

  private st(name: string): BetterSqlite3.Statement {
    void this.conn;
    const statement = this.s[name];
    if (statement === undefined) throw new Error(`no statement ${name}`);
    return statement;
  }

  async createPeer(peer: PeerRecord): Promise<void> {
    withConstraints(`peer ${peer.name}`, { id: peer.id, name: peer.name }, () =>
      this.st('insertPeer').run({
        ...peer,
        auth: JSON.stringify(peer.auth),
        tls: peer.tls === null ? null : JSON.stringify(peer.tls),
      }),
    );
  }

  async getPeer(idOrName: string): Promise<PeerRecord | undefined> {
    const row = this.st('peerByIdOrName').get(idOrName, idOrName, idOrName) as PeerRow | undefined;
    return row === undefined ? undefined : peerOf(row);
  }

  async listPeers(): Promise<PeerRecord[]> {
    return (this.st('peers').all() as PeerRow[]).map(peerOf);
  }

  async peersOfOrg(orgId: string): Promise<PeerRecord[]> {
    return (this.st('peersOfOrg').all(orgId) as PeerRow[]).map(peerOf);
  }

  async deletePeer(id: string): Promise<boolean> {
    return this.st('deletePeer').run(id).changes > 0;
  }

  async addSubscription(subscription: SubscriptionRecord): Promise<void> {
    withConstraints(`subscription ${subscription.direction} ${subscription.localCollection} ${subscription.remoteCollection}`, { id: subscription.id }, () =>
      this.st('insertSubscription').run(subscription),
    );
  }

  async listSubscriptions(peerId?: string): Promise<Subscription[]> {
    const rows = (peerId === undefined ? this.st('subscriptions').all() : this.st('subscriptionsOf').all(peerId)) as SubscriptionRow[];
    return rows.map(subscriptionOf);
  }

  async updateSubscription(id: string, update: SubscriptionUpdate): Promise<void> {
    const sets: string[] = [];
    const values: unknown[] = [];
    const column = { cursor: 'cursor', lastSuccessAt: 'last_success_at', lastError: 'last_error', lastErrorAt: 'last_error_at', lastObjectAt: 'last_object_at' } as const;
    for (const key of Object.keys(column) as (keyof typeof column)[]) {
      const value = update[key];
      if (value !== undefined) {
        sets.push(`${column[key]} = ?`);
        values.push(value);
      }
    }
    if (update.transferredDelta !== undefined && update.transferredDelta !== 0) {
      sets.push('transferred = transferred + ?');
      values.push(update.transferredDelta);
    }
    if (sets.length === 0) return;
    this.conn.prepare(`UPDATE sync_subscriptions SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
  }

  async recordAcknowledged(subscriptionId: string, versions: readonly VersionRef[]): Promise<void> {
    const insert = this.st('insertAck');
    this.conn.transaction(() => {
      for (const v of versions) insert.run(subscriptionId, v.id, versionKeyOf(v.version));
    })();
  }

  async acknowledged(subscriptionId: string, versions: readonly VersionRef[]): Promise<Set<string>> {
    const found = new Set<string>();
    inSlices(versions, 5000, (slice) => {
      const rows = this.st('acksIn').all(JSON.stringify(slice.map((v) => [v.id, versionKeyOf(v.version)])), subscriptionId) as { id: string; vk: string }[];
      for (const row of rows) found.add(`${row.id} ${row.vk}`);
    });
    return found;
  }

  async recordOrigins(collectionId: string, peerId: string, versions: readonly VersionRef[]): Promise<void> {
    const insert = this.st('insertOrigin');
    this.conn.transaction(() => {
      for (const v of versions) insert.run(collectionId, v.id, versionKeyOf(v.version), peerId);
    })();
  }

  async origins(collectionId: string, versions: readonly VersionRef[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    inSlices(versions, 5000, (slice) => {
      const rows = this.st('originsIn').all(JSON.stringify(slice.map((v) => [v.id, versionKeyOf(v.version)])), collectionId) as { id: string; vk: string; peer: string }[];
      for (const row of rows) {
        const key = `${row.id} ${row.vk}`;
        const peers = found.get(key) ?? [];
        if (!peers.includes(row.peer)) peers.push(row.peer);
        found.set(key, peers);
      }
    });
    return found;
  }

  async quarantine(item: QuarantineItem): Promise<void> {
    withConstraints(`quarantine item ${item.id}`, { id: item.id }, () => this.st('insertQuarantine').run(item));
  }

  async listQuarantine(peerId: string, limit: number): Promise<QuarantineItem[]> {
    const rows = this.st('quarantineOf').all(peerId, limit) as {
      id: string;
      peer_id: string;
      subscription_id: string;
      object_id: string;
      reason: string;
      json: string;
      at: string;
    }[];
    return rows.map((r) => ({ id: r.id, peerId: r.peer_id, subscriptionId: r.subscription_id, objectId: r.object_id, reason: r.reason, json: r.json, at: r.at }));
  }

  async countQuarantine(peerId: string): Promise<number> {
    return this.st('countQuarantine').get(peerId) as number;
  }

  async countAddedAfter(collectionId: string, dateAdded: string | null): Promise<number> {
    return this.st('countAfter').get(collectionId, dateAdded ?? '') as number;
  }

  async oldestAddedAfter(collectionId: string, dateAdded: string | null): Promise<string | null> {
    return (this.st('oldestAfter').get(collectionId, dateAdded ?? '') as string | null) ?? null;
  }

  async newestAddedAt(collectionId: string): Promise<string | null> {
    return (this.st('newest').get(collectionId) as string | null) ?? null;
  }

  async recordCheckpoint(checkpoint: StoredCheckpoint): Promise<boolean> {
    void this.conn;
    return this.checkpoints.record(checkpoint);
  }

  async listCheckpoints(nodeId: string, query: CheckpointQuery): Promise<StoredCheckpoint[]> {
    void this.conn;
    return this.checkpoints.list(nodeId, query);
  }

  async close(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    db?.close();
  }
}

/** Opens the federation tables of a node's SQLite file (applying migrations when needed). */
export async function openSqliteSyncStore(options: SqliteSyncStoreOptions): Promise<SyncStore> {
  const db = openConnection({ path: options.path });
  try {
    migrate(db, options.clock ?? Date.now);
    // This connection writes only federation state, which is safe to lose to a power cut (not to
    // a process crash: WAL keeps every commit then): a lost acknowledgement or cursor means a
    // batch is sent again, which the receiver treats as idempotent. So its commits skip the fsync
    // that synchronous = FULL costs; the objects themselves are written by the Store's connection.
    db.pragma('synchronous = NORMAL');
    return new SqliteSyncStore(db);
  } catch (error) {
    db.close();
    throw error;
  }
}
