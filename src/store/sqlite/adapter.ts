// The SQLite Store: wires the connection, migrations and the per-concern statement groups.
// better-sqlite3 is synchronous; the async methods keep the contract shared with PostgreSQL.
import type BetterSqlite3 from 'better-sqlite3';
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
import { openConnection } from './connection.js';
import { migrate } from './migrations.js';
import { Directory } from './directory.js';
import { Statuses } from './statuses.js';
import { ReadableCount } from './readable-count.js';
import { ObjectWrites } from './object-writes.js';
import { ObjectQueries } from './object-queries.js';
import { AuditLog } from './audit.js';
import { Trust } from './trust.js';
import { ReviewQueue } from './review.js';
import { GateVerdictTable } from './gate.js';
import { SearchIndex } from './search.js';
import type { SearchObjectsPage, SearchObjectsQuery } from '../types-search.js';
import { UserTables } from '../user-tables.js';
import { RefTables } from '../ref-tables.js';
import type { RefStore } from '../types-refs.js';
import type { UserStore } from '../types-users.js';
import { sqliteRunner } from './runner.js';
import type { GateMark, GateVerdicts } from '../types-gate.js';
import type { DecideResult, NewReviewItem, ReviewDecision, ReviewDestinationKind, ReviewItem, ReviewQuery } from '../types-review.js';
import type { Community, HeldCopy, OrganisationPatch } from '../types-trust.js';
import type { AuditEntry, AuditHead, AuditQuery } from '../types-audit.js';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for a private in-memory database. */
  readonly path: string;
  /** Epoch milliseconds; default Date.now. Injected so tests control date_added. */
  readonly clock?: () => number;
}

/** The SQLite Store plus adapter-only helpers (query plans) for tests and benchmarks. */
export interface SqliteStore extends Store {
  readonly kind: 'sqlite';
  explainQuery(query: ObjectQuery): string[];
  /** The query plan of heldCopies. */
  explainHeldCopies(): string[];
  /** The query plan of heldCopiesOf. */
  explainHeldCopiesOf(): string[];
}

interface Parts {
  readonly db: BetterSqlite3.Database;
  readonly directory: Directory;
  readonly statuses: Statuses;
  readonly writes: ObjectWrites;
  readonly queries: ObjectQueries;
  readonly countAll: BetterSqlite3.Statement;
  readonly countIn: BetterSqlite3.Statement;
  readonly readableCount: ReadableCount;
  readonly audit: AuditLog;
  readonly trust: Trust;
  readonly review: ReviewQueue;
  readonly gate: GateVerdictTable;
  readonly search: SearchIndex;
}

class SqliteStoreImpl implements SqliteStore {
  readonly kind = 'sqlite' as const;
  readonly users: UserStore;
  readonly refs: RefStore;
  private parts: Parts | undefined;

  constructor(parts: Parts) {
    this.parts = parts;
    this.users = new UserTables(sqliteRunner(parts.db));
    this.refs = new RefTables(sqliteRunner(parts.db));
  }

  private get p(): Parts {
    if (this.parts === undefined) throw storeError('SETU_ERR_STORE_CLOSED', 'the store is closed');
    return this.parts;
  }

  async getNode(): Promise<NodeInfo | undefined> {
    return this.p.directory.getNode();
  }
  async initNode(info: NodeInfo): Promise<void> {
    this.p.directory.initNode(info);
  }
  async createOrganisation(org: Organisation): Promise<void> {
    this.p.directory.createOrganisation(org);
  }
  async getOrganisation(id: string): Promise<Organisation | undefined> {
    return this.p.directory.getOrganisation(id);
  }
  async listOrganisations(): Promise<Organisation[]> {
    return this.p.directory.listOrganisations();
  }
  async updateOrganisation(id: string, patch: OrganisationPatch): Promise<Organisation | undefined> {
    return this.p.directory.updateOrganisation(id, patch);
  }
  async createCommunity(community: Community): Promise<void> {
    this.p.trust.createCommunity(community);
  }
  async getCommunity(id: string): Promise<Community | undefined> {
    return this.p.trust.getCommunity(id);
  }
  async listCommunities(): Promise<Community[]> {
    return this.p.trust.listCommunities();
  }
  async addCommunityMember(communityId: string, orgId: string): Promise<boolean> {
    return this.p.trust.addMember(communityId, orgId);
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
  async createToken(token: TokenRecord): Promise<void> {
    this.p.directory.createToken(token);
  }
  async findTokenByHash(secretHash: string): Promise<TokenRecord | undefined> {
    return this.p.directory.findTokenByHash(secretHash);
  }
  async listTokens(): Promise<TokenRecord[]> {
    return this.p.directory.listTokens();
  }
  async revokeToken(id: string, at: string): Promise<boolean> {
    return this.p.directory.revokeToken(id, at);
  }
  async createCollection(collection: CollectionRecord): Promise<void> {
    this.p.directory.createCollection(collection);
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
    return this.p.queries.page(query);
  }
  async deleteObject(collectionId: string, id: string, filter: DeleteFilter): Promise<number> {
    return this.p.queries.deleteVersions(collectionId, id, filter);
  }
  async getStatus(id: string): Promise<StatusRecord | undefined> {
    return this.p.statuses.get(id);
  }
  async countReadable(collectionIds: readonly string[], reader: ReadScope, gateReader?: string): Promise<number> {
    return this.p.readableCount.count(collectionIds, reader, gateReader);
  }
  async countObjects(collectionId?: string): Promise<number> {
    const { countAll, countIn } = this.p;
    return (collectionId === undefined ? countAll.get() : countIn.get(collectionId)) as number;
  }
  async appendAudit(build: (head: AuditHead | undefined) => AuditEntry): Promise<AuditEntry> {
    return this.p.audit.append(build);
  }
  async auditHead(): Promise<AuditHead | undefined> {
    return this.p.audit.head();
  }
  async listAudit(query: AuditQuery): Promise<AuditEntry[]> {
    return this.p.audit.list(query);
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
    return this.p.review.decideItem(id, decision);
  }
  async gateMark(collectionId: string, reader: string): Promise<GateMark | undefined> {
    return this.p.gate.get(collectionId, reader);
  }
  async recordGateVerdicts(verdicts: GateVerdicts): Promise<void> {
    this.p.gate.record(verdicts);
  }
  async searchObjects(query: SearchObjectsQuery): Promise<SearchObjectsPage> {
    return this.p.search.query(query);
  }
  async reindexSearch(progress?: (done: number, total: number) => void): Promise<number> {
    return this.p.search.reindex(progress);
  }
  explainQuery(query: ObjectQuery): string[] {
    return this.p.queries.explain(query);
  }
  explainHeldCopies(): string[] {
    return this.p.trust.explainHeldCopies();
  }
  explainHeldCopiesOf(): string[] {
    return this.p.trust.explainHeldCopiesOf();
  }
  async close(): Promise<void> {
    const parts = this.parts;
    this.parts = undefined;
    parts?.writes.flush();
    parts?.db.close();
  }
}

export async function openSqliteStore(options: SqliteStoreOptions): Promise<SqliteStore> {
  const clock = options.clock ?? Date.now;
  const db = openConnection({ path: options.path });
  try {
    const applied = migrate(db, clock);
    const statuses = new Statuses(db);
    const audit = new AuditLog(db);
    const search = new SearchIndex(db);
    const store = new SqliteStoreImpl({
      db,
      directory: new Directory(db),
      statuses,
      writes: new ObjectWrites(db, statuses, clock, audit, search),
      queries: new ObjectQueries(db),
      countAll: db.prepare('SELECT count(*) FROM objects').pluck(),
      countIn: db.prepare('SELECT count(*) FROM objects WHERE collection_key = (SELECT key FROM collections WHERE id = ?)').pluck(),
      readableCount: new ReadableCount(db),
      audit,
      trust: new Trust(db),
      review: new ReviewQueue(db),
      gate: new GateVerdictTable(db),
      search,
    });
    // Versions stored before the reference index existed get their rows once, right after it is made.
    if (applied.includes(12)) await store.refs.rebuild();
    return store;
  } catch (error) {
    db.close();
    throw error;
  }
}
