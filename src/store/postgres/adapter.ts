// The PostgreSQL Store: wires the pool, migrations and the per-concern statement groups, plus
// what only a shared database offers: events from other processes (LISTEN/NOTIFY) and leadership
// for background work (advisory locks). Several Setu processes can open the same database.
import { randomUUID } from 'node:crypto';
import type {
  AddObjectsRequest,
  AddObjectsResult,
  CollectionRecord,
  DeleteFilter,
  NodeInfo,
  ObjectPage,
  ObjectQuery,
  Organisation,
  ReadScope,
  StatusRecord,
  Store,
  TokenRecord,
} from '../types.js';
import { storeError } from '../errors.js';
import { openConnection, type Connection } from './connection.js';
import { migrate } from './migrations.js';
import { Directory } from './directory.js';
import { getStatus } from './statuses.js';
import { countReadable } from './readable-count.js';
import { ObjectWrites } from './object-writes.js';
import { deleteVersions, explainPage, queryPage } from './object-queries.js';
import { channelOf, configPayload } from './notify-payload.js';
import { startNotifier, type Notifier, type StoreEventHandler } from './notifier.js';
import { withLeadership, type Leadership, type LeadershipOptions } from './leadership.js';
import { rows, run } from './statements.js';
import { appendAudit, auditHead, listAudit } from './audit.js';
import type { AuditEntry, AuditHead, AuditQuery } from '../types-audit.js';
import type { Community, HeldCopy, OrganisationPatch } from '../types-trust.js';
import type { DecideResult, NewReviewItem, ReviewDecision, ReviewDestinationKind, ReviewItem, ReviewQuery } from '../types-review.js';
import { Trust } from './trust.js';
import { CollectionKeys } from './collection-keys.js';
import { ReviewQueue } from './review.js';
import { UserTables } from '../user-tables.js';
import { RefTables } from '../ref-tables.js';
import type { RefStore } from '../types-refs.js';
import type { UserStore } from '../types-users.js';
import { postgresRunner } from './runner.js';
import { gateMark, recordGateVerdicts } from './gate.js';
import { reindexSearch, searchObjects } from './search.js';
import type { SearchObjectsPage, SearchObjectsQuery } from '../types-search.js';
import type { GateMark, GateVerdicts } from '../types-gate.js';

export interface PostgresStoreOptions {
  /** postgres://user@host:port/database, optionally with ?schema=name. */
  readonly url: string;
  /** Schema holding the tables (created when absent); default from the URL, else `public`. */
  readonly schema?: string | undefined;
  /** Epoch milliseconds; default Date.now. Injected so tests control date_added. */
  readonly clock?: (() => number) | undefined;
  /** Pool size; default 10. */
  readonly maxConnections?: number | undefined;
}

/** The PostgreSQL Store plus what several processes on one database need. */
export interface PostgresStore extends Store {
  readonly kind: 'postgres';
  readonly schema: string;
  /**
   * Delivers what OTHER processes (other store instances) commit: 'added' with the committed
   * records (bodies included), in commit order, and 'config' when they change organisations,
   * tokens or collections. Resolves once listening; the returned function unsubscribes.
   */
  subscribe(handler: StoreEventHandler): Promise<() => Promise<void>>;
  /** Tells other processes that configuration named `topic` changed (their caches reload). */
  publishConfig(topic: string): Promise<void>;
  /** Runs `work` in exactly one process at a time per database schema (see leadership.ts). */
  withLeadership(name: string, work: (signal: AbortSignal) => Promise<void>, options?: LeadershipOptions): Leadership;
  explainQuery(query: ObjectQuery): Promise<string[]>;
  /** The plan of heldCopies. */
  explainHeldCopies(): Promise<string[]>;
  /** The plan of heldCopiesOf. */
  explainHeldCopiesOf(): Promise<string[]>;
}

interface Parts {
  readonly connection: Connection;
  readonly directory: Directory;
  readonly writes: ObjectWrites;
  readonly trust: Trust;
  readonly review: ReviewQueue;
}

class PostgresStoreImpl implements PostgresStore {
  readonly kind = 'postgres' as const;
  readonly users: UserStore;
  readonly refs: RefStore;
  readonly schema: string;
  private parts: Parts | undefined;
  private readonly handlers = new Set<StoreEventHandler>();
  private notifier: Notifier | undefined;
  private readonly leaderships = new Set<Leadership>();
  private readonly collectionKeys = new CollectionKeys();

  constructor(
    parts: Parts,
    private readonly origin: string,
  ) {
    this.parts = parts;
    this.schema = parts.connection.schema;
    this.users = new UserTables(postgresRunner(parts.connection.pool));
    this.refs = new RefTables(postgresRunner(parts.connection.pool));
  }

  private get p(): Parts {
    if (this.parts === undefined) throw storeError('SETU_ERR_STORE_CLOSED', 'the store is closed');
    return this.parts;
  }

  private get pool() {
    return this.p.connection.pool;
  }

  /** Runs a directory change, then tells other processes about it. */
  private async changing<T>(topic: string, change: () => Promise<T>): Promise<T> {
    const result = await change();
    await this.publishConfig(topic);
    return result;
  }

  async getNode(): Promise<NodeInfo | undefined> {
    return this.p.directory.getNode();
  }
  async initNode(info: NodeInfo): Promise<void> {
    await this.changing('node', () => this.p.directory.initNode(info));
  }
  async createOrganisation(org: Organisation): Promise<void> {
    await this.changing('organisation', () => this.p.directory.createOrganisation(org));
  }
  async getOrganisation(id: string): Promise<Organisation | undefined> {
    return this.p.directory.getOrganisation(id);
  }
  async listOrganisations(): Promise<Organisation[]> {
    return this.p.directory.listOrganisations();
  }
  async updateOrganisation(id: string, patch: OrganisationPatch): Promise<Organisation | undefined> {
    return this.changing('organisation', () => this.p.directory.updateOrganisation(id, patch));
  }
  async createCommunity(community: Community): Promise<void> {
    await this.changing('community', () => this.p.trust.createCommunity(community));
  }
  async getCommunity(id: string): Promise<Community | undefined> {
    return this.p.trust.getCommunity(id);
  }
  async listCommunities(): Promise<Community[]> {
    return this.p.trust.listCommunities();
  }
  async addCommunityMember(communityId: string, orgId: string): Promise<boolean> {
    return this.changing('community', () => this.p.trust.addMember(communityId, orgId));
  }
  async communitiesOf(orgId: string): Promise<string[]> {
    return this.p.trust.communitiesOf(orgId);
  }
  async heldCopies(id: string): Promise<HeldCopy[]> {
    return this.p.trust.heldCopies(id);
  }
  async heldCopiesOf(ids: readonly string[]): Promise<Map<string, HeldCopy[]>> {
    return this.p.trust.heldCopiesOf(ids);
  }
  async holdForReview(item: NewReviewItem): Promise<{ item: ReviewItem; created: boolean }> {
    return this.p.review.hold(item);
  }
  async getReviewItem(id: string): Promise<ReviewItem | undefined> {
    return this.p.review.get(id);
  }
  async listReviewItems(query: ReviewQuery): Promise<ReviewItem[]> {
    return this.p.review.list(query);
  }
  async findReviewItems(destinationKind: ReviewDestinationKind, destinationId: string, contentHashes: readonly string[]): Promise<ReviewItem[]> {
    return this.p.review.find(destinationKind, destinationId, contentHashes);
  }
  async decideReviewItem(id: string, decision: ReviewDecision): Promise<DecideResult> {
    return this.p.review.decide(id, decision);
  }
  async createToken(token: TokenRecord): Promise<void> {
    await this.changing('token', () => this.p.directory.createToken(token));
  }
  async findTokenByHash(secretHash: string): Promise<TokenRecord | undefined> {
    return this.p.directory.findTokenByHash(secretHash);
  }
  async listTokens(): Promise<TokenRecord[]> {
    return this.p.directory.listTokens();
  }
  async revokeToken(id: string, at: string): Promise<boolean> {
    return this.changing('token', () => this.p.directory.revokeToken(id, at));
  }
  async createCollection(collection: CollectionRecord): Promise<void> {
    await this.changing('collection', () => this.p.directory.createCollection(collection));
  }
  async getCollection(id: string): Promise<CollectionRecord | undefined> {
    return this.p.directory.getCollection(id);
  }
  async listCollections(): Promise<CollectionRecord[]> {
    return this.p.directory.listCollections();
  }
  async addObjects(request: AddObjectsRequest): Promise<AddObjectsResult> {
    return this.p.writes.add(request);
  }
  async queryObjects(query: ObjectQuery): Promise<ObjectPage> {
    return queryPage(this.pool, query, this.collectionKeys);
  }
  async deleteObject(collectionId: string, id: string, filter: DeleteFilter): Promise<number> {
    return deleteVersions(this.pool, collectionId, id, filter);
  }
  async getStatus(id: string): Promise<StatusRecord | undefined> {
    return getStatus(this.pool, id);
  }
  async countReadable(collectionIds: readonly string[], reader: ReadScope, gateReader?: string): Promise<number> {
    return countReadable(this.pool, collectionIds, reader, gateReader);
  }
  async countObjects(collectionId?: string): Promise<number> {
    const [row] =
      collectionId === undefined
        ? await rows<{ n: number }>(this.pool, 'SELECT count(*) AS n FROM objects')
        : await rows<{ n: number }>(this.pool, 'SELECT count(*) AS n FROM objects WHERE collection_key = (SELECT key FROM collections WHERE id = $1)', [
            collectionId,
          ]);
    return row?.n ?? 0;
  }
  async appendAudit(build: (head: AuditHead | undefined) => AuditEntry): Promise<AuditEntry> {
    return appendAudit(this.pool, this.schema, build);
  }
  async auditHead(): Promise<AuditHead | undefined> {
    return auditHead(this.pool);
  }
  async listAudit(query: AuditQuery): Promise<AuditEntry[]> {
    return listAudit(this.pool, query);
  }
  async gateMark(collectionId: string, reader: string): Promise<GateMark | undefined> {
    return gateMark(this.pool, collectionId, reader);
  }
  async recordGateVerdicts(verdicts: GateVerdicts): Promise<void> {
    await recordGateVerdicts(this.pool, verdicts);
  }
  async searchObjects(query: SearchObjectsQuery): Promise<SearchObjectsPage> {
    return searchObjects(this.pool, query);
  }
  async reindexSearch(progress?: (done: number, total: number) => void): Promise<number> {
    return reindexSearch(this.pool, progress);
  }
  async explainQuery(query: ObjectQuery): Promise<string[]> {
    return explainPage(this.pool, query, this.collectionKeys);
  }
  async explainHeldCopies(): Promise<string[]> {
    return this.p.trust.explainHeldCopies();
  }
  async explainHeldCopiesOf(): Promise<string[]> {
    return this.p.trust.explainHeldCopies(true);
  }

  async publishConfig(topic: string): Promise<void> {
    await run(this.pool, 'SELECT pg_notify($1, $2)', [channelOf(this.schema), configPayload({ origin: this.origin, topic })]);
  }

  async subscribe(handler: StoreEventHandler): Promise<() => Promise<void>> {
    const { connection } = this.p;
    this.handlers.add(handler);
    this.notifier ??= startNotifier(connection, this.origin, (event) => {
      for (const each of this.handlers) each(event);
    });
    await this.notifier.ready;
    return async () => {
      this.handlers.delete(handler);
      if (this.handlers.size > 0 || this.notifier === undefined) return;
      const notifier = this.notifier;
      this.notifier = undefined;
      await notifier.close();
    };
  }

  withLeadership(name: string, work: (signal: AbortSignal) => Promise<void>, options?: LeadershipOptions): Leadership {
    const leadership = withLeadership(this.p.connection, name, work, options);
    this.leaderships.add(leadership);
    return leadership;
  }

  async close(): Promise<void> {
    const parts = this.parts;
    if (parts === undefined) return;
    const notifier = this.notifier;
    this.notifier = undefined;
    this.handlers.clear();
    await notifier?.close();
    await Promise.all([...this.leaderships].map((leadership) => leadership.stop()));
    this.parts = undefined;
    await parts.connection.pool.end();
  }
}

/** True for a store opened by openPostgresStore (the composition root wires its events). */
export function isPostgresStore(store: Store): store is PostgresStore {
  return store instanceof PostgresStoreImpl;
}

export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const clock = options.clock ?? Date.now;
  const connection = openConnection({ url: options.url, schema: options.schema, maxConnections: options.maxConnections });
  try {
    const applied = await migrate(connection.pool, connection.schema, clock);
    const origin = randomUUID();
    const store = new PostgresStoreImpl(
      {
        connection,
        directory: new Directory(connection.pool),
        writes: new ObjectWrites(connection.pool, clock, channelOf(connection.schema), origin, connection.schema),
        trust: new Trust(connection.pool),
        review: new ReviewQueue(connection.pool),
      },
      origin,
    );
    // Versions stored before the reference index existed get their rows once, right after it is made.
    if (applied.includes(12)) await store.refs.rebuild();
    return store;
  } catch (error) {
    await connection.pool.end().catch(() => {});
    throw error;
  }
}
