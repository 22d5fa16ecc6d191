// The one storage contract. Every adapter (SQLite now, PostgreSQL later) implements it and runs
// the shared contract suite in test/store/contract.ts. Methods are async so that a networked
// adapter fits the same shape; the SQLite adapter answers synchronously inside.

/** Roles a token can carry. The trust-model issue refines what each may do. */
export const ROLES = ['node-admin', 'org-admin', 'analyst', 'reader', 'peer'] as const;
export type Role = (typeof ROLES)[number];

export interface NodeInfo {
  readonly nodeName: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
  readonly createdAt: string;
}

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly country: string | null;
  readonly createdAt: string;
}

export interface TokenRecord {
  readonly id: string;
  readonly orgId: string;
  readonly role: Role;
  readonly label: string | null;
  /** SHA-256 (hex) of the secret; the secret itself is never stored. */
  readonly secretHash: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

export interface CollectionRecord {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly alias: string | null;
  /** Organisation ids allowed to read / write. */
  readonly readOrgs: readonly string[];
  readonly writeOrgs: readonly string[];
  readonly mediaTypes: readonly string[];
  readonly createdAt: string;
}

/** One object version as it enters the store: exact received JSON plus its index columns. */
export interface NewObjectVersion {
  readonly id: string;
  readonly type: string;
  readonly specVersion: string;
  /** `modified`, else `created`, else null (unversioned objects such as most SCOs). */
  readonly version: string | null;
  /** The exact JSON text of the object as received. Stored and served byte for byte. */
  readonly json: string;
}

/** One stored object version in one collection. */
export interface ObjectRecord {
  /** Store-wide monotonic sequence number; pagination cursors are built from it. */
  readonly seq: number;
  readonly collectionId: string;
  readonly id: string;
  readonly type: string;
  readonly specVersion: string;
  readonly version: string | null;
  /**
   * RFC 3339 UTC with microseconds. Unique and strictly increasing in commit order within a
   * store, so walking with `added_after` can never skip an object that shares a timestamp.
   */
  readonly dateAdded: string;
  /** Present when the query asked for bodies (`withJson`). */
  readonly json?: string;
}

/** One `match[version]` term. A list of terms selects the union of what each selects. */
export type VersionSelector =
  | { readonly kind: 'last' }
  | { readonly kind: 'first' }
  | { readonly kind: 'all' }
  | { readonly kind: 'at'; readonly timestamp: string };

export interface ObjectQuery {
  readonly collectionId: string;
  /** Exclusive lower bound on dateAdded (normalised RFC 3339, microseconds). */
  readonly addedAfter?: string;
  /** Exclusive lower bound on seq: the decoded `next` cursor. */
  readonly afterSeq?: number;
  readonly ids?: readonly string[];
  readonly types?: readonly string[];
  /** Default: [{kind:'last'}]. "last"/"first" are per object id, among the versions that pass the spec-version filter. */
  readonly versions?: readonly VersionSelector[];
  /** Default: only the newest spec_version held for each object id. */
  readonly specVersions?: readonly string[];
  readonly limit: number;
  /** Return the JSON bodies (objects endpoint) or only the index columns (manifest, versions). */
  readonly withJson: boolean;
}

export interface ObjectPage {
  /** Ascending by seq (= ascending by dateAdded). */
  readonly records: readonly ObjectRecord[];
  /** True when more records match beyond this page. */
  readonly more: boolean;
}

export interface StatusDetail {
  readonly id: string;
  readonly version: string;
  readonly message?: string;
}

export interface StatusRecord {
  readonly id: string;
  readonly collectionId: string;
  readonly status: 'complete' | 'pending';
  readonly requestTimestamp: string;
  readonly totalCount: number;
  readonly successCount: number;
  readonly failureCount: number;
  readonly pendingCount: number;
  readonly successes: readonly StatusDetail[];
  readonly failures: readonly StatusDetail[];
  readonly pendings: readonly StatusDetail[];
}

export interface AddObjectsRequest {
  readonly collectionId: string;
  readonly statusId: string;
  readonly requestTimestamp: string;
  /** Objects that passed validation, in the order received. */
  readonly accepted: readonly NewObjectVersion[];
  /** Objects that failed before reaching the store (validation); recorded as failures. */
  readonly rejected: readonly StatusDetail[];
}

export interface AddObjectsResult {
  readonly status: StatusRecord;
  /** The versions that were new to the collection (not idempotent re-posts), with their seq. */
  readonly added: readonly ObjectRecord[];
}

export interface DeleteFilter {
  readonly versions?: readonly VersionSelector[];
  readonly specVersions?: readonly string[];
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';

  getNode(): Promise<NodeInfo | undefined>;
  initNode(info: NodeInfo): Promise<void>;

  createOrganisation(org: Organisation): Promise<void>;
  getOrganisation(id: string): Promise<Organisation | undefined>;
  listOrganisations(): Promise<Organisation[]>;

  createToken(token: TokenRecord): Promise<void>;
  findTokenByHash(secretHash: string): Promise<TokenRecord | undefined>;
  listTokens(): Promise<TokenRecord[]>;
  revokeToken(id: string, at: string): Promise<boolean>;

  createCollection(collection: CollectionRecord): Promise<void>;
  getCollection(id: string): Promise<CollectionRecord | undefined>;
  listCollections(): Promise<CollectionRecord[]>;

  /**
   * Writes every accepted object and the status resource in ONE transaction: when this
   * resolves, all of it is durable; when it rejects, none of it was written. Re-posting an
   * identical (id, version) is idempotent (a success, not a new row); the same (id, version)
   * with different JSON is a failure with a message, and does not abort its siblings.
   */
  addObjects(request: AddObjectsRequest): Promise<AddObjectsResult>;

  queryObjects(query: ObjectQuery): Promise<ObjectPage>;

  /** Deletes the matching versions of one object from one collection; returns how many. */
  deleteObject(collectionId: string, id: string, filter: DeleteFilter): Promise<number>;

  getStatus(id: string): Promise<StatusRecord | undefined>;

  /** Number of object versions held (in one collection, or in all). */
  countObjects(collectionId?: string): Promise<number>;

  close(): Promise<void>;
}
