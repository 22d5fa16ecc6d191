// The one storage contract. Every adapter (SQLite now, PostgreSQL later) implements it and runs
// the shared contract suite in test/store/contract.ts. Methods are async so that a networked
// adapter fits the same shape; the SQLite adapter answers synchronously inside.
//
// Timestamps the store compares (versions, `at` selectors, addedAfter, dateAdded) are compared as
// instants at microsecond precision: any RFC 3339 UTC form is accepted ('...59Z', '...59.5Z',
// '...59.500000Z' are equal) and digits finer than a microsecond are truncated.

import type { TlpLevel } from '../stix/index.js';
import type { TrustStore } from './types-trust.js';
import type { UserStore } from './types-users.js';
import type { RefStore } from './types-refs.js';

import type { AuditEntry, AuditHead, AuditStore } from './types-audit.js';
import type { ReviewStore } from './types-review.js';
import type { GateStore } from './types-gate.js';
import type { SearchStore } from './types-search.js';

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
  // The trust-model fields below are optional: absent means the default, and the store returns
  // them only when they differ from it.
  /** government, cert, cii-operator, ict-vendor, other (access/ ORG_KINDS). Stored default: 'other'. */
  readonly kind?: string;
  /** Sector codes (access/ SECTORS). Stored default: none. */
  readonly sectors?: readonly string[];
  /** Organisation ids of this organisation's clients (TLP:AMBER may reach them). */
  readonly clients?: readonly string[];
  /** Whether created_by_ref may name this organisation when its objects leave the node. Default false. */
  readonly attributionConsent?: boolean;
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
  /** The person (user id) who minted it, when a person did: revoked when they are disabled or reset. */
  readonly createdByUser?: string | undefined;
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
  // The trust-model fields below are optional: absent means the default, and the store returns
  // them only when they differ from it.
  /** Community ids whose members may read / write (in addition to readOrgs / writeOrgs). */
  readonly readCommunities?: readonly string[];
  readonly writeCommunities?: readonly string[];
  /** TLP given to objects that carry none. Stored default: 'green'. */
  readonly defaultTlp?: TlpLevel;
  /** Anonymous readers may read its TLP:CLEAR objects. Stored default: false. */
  readonly public?: boolean;
}

/**
 * The visibility columns of one object version, computed at write time by access.classify and
 * applied as a predicate on every read (see ReadScope).
 */
export interface Visibility {
  readonly tlp: TlpLevel;
  /** The organisation that submitted it (null: the node itself). */
  readonly ownerOrg: string | null;
  /** Identity ids that may read a TLP:RED object besides its owner. */
  readonly recipients: readonly string[];
  /** Some granular marking is stricter than the object's level: fields may be hidden on read. */
  readonly hasGranular: boolean;
}

/**
 * Who is reading. The store admits a version when its TLP is CLEAR; or the reader is an
 * organisation and the TLP is below RED; or the reader is the owner or a recipient. (The right to
 * read the collection itself is checked before the query.)
 */
export interface ReadScope {
  /** null: an anonymous reader (TLP:CLEAR only). */
  readonly orgId: string | null;
  /** The STIX identity id of orgId (access.orgIdentityId), matched against recipients. */
  readonly identityId: string | null;
}

/** One object version as it enters the store: exact received JSON plus its index columns. */
export interface NewObjectVersion {
  readonly id: string;
  readonly type: string;
  readonly specVersion: string;
  /**
   * `modified`, else `created`, else null (unversioned objects such as most SCOs). Must be an
   * RFC 3339 UTC timestamp when not null; otherwise addObjects records that object as a failure.
   * Versions that denote the same instant are the same version ('...Z' vs '...000Z').
   */
  readonly version: string | null;
  /** The exact JSON text of the object as received. Stored and served byte for byte. */
  readonly json: string;
  /** Absent: the collection's default TLP, no owner, no recipients, no granular markings. */
  readonly visibility?: Visibility;
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
  /** Present when the query asked for bodies (`withJson`), and on records returned by addObjects. */
  readonly json?: string;
  /** The stored visibility columns, on results of queries that name a reader. */
  readonly tlp?: TlpLevel;
  readonly ownerOrg?: string | null;
  readonly hasGranular?: boolean;
}

/**
 * One `match[version]` term. A list of terms selects the union of what each selects.
 * - 'last' / 'first': the newest / oldest version of each object id, among the versions that pass
 *   the spec-version filter (see ObjectQuery.specVersions); ties on the version timestamp are
 *   broken by seq.
 * - 'at': versions whose version equals `timestamp` as an instant (see the note at the top).
 * For an unversioned object (version null) the version used for ordering and matching is its
 * dateAdded, so 'first'/'last'/'at' work on SCOs too. (An id holding both versioned and
 * unversioned versions, which valid STIX never does, orders its unversioned ones first.)
 */
export type VersionSelector =
  | { readonly kind: 'last' }
  | { readonly kind: 'first' }
  | { readonly kind: 'all' }
  | { readonly kind: 'at'; readonly timestamp: string };

export interface ObjectQuery {
  readonly collectionId: string;
  /**
   * Exclusive lower bound on dateAdded (any RFC 3339 UTC timestamp; invalid ones throw
   * SETU_ERR_STORE_INVALID_QUERY).
   *
   * How it combines with 'last'/'first': all filters are predicates on one version and are ANDed
   * (TAXII 2.1 section 3.4: multiple filters are a logical AND). 'last'/'first' are decided over the
   * object's whole history in the collection (within the spec-version filter), NOT over the
   * versions added after addedAfter; addedAfter then keeps the selected version only if it was
   * added after the bound. So `addedAfter=X` returns exactly the part of the unbounded answer with
   * dateAdded > X: a client polling with the previous X-TAXII-Date-Added-Last receives each id's
   * current newest version once it changes, and never an older version that merely arrived late
   * (medallion's memory backend applies added_after first and would serve such a version as
   * "last"; we deliberately do not). With 'all' or 'at' the two readings coincide.
   */
  readonly addedAfter?: string;
  /**
   * Exclusive lower bound on seq: the decoded `next` cursor (the seq of the last record of the
   * previous page). It is only a position: which versions are 'first'/'last' never depends on it,
   * so walking pages yields each matching record exactly once, with no gaps, as long as the
   * filters stay the same. Must be a non-negative safe integer.
   */
  readonly afterSeq?: number;
  /** Object ids to include (`match[id]`). Absent = all; an empty list matches nothing. */
  readonly ids?: readonly string[];
  /** Object types to include (`match[type]`). Absent = all; an empty list matches nothing. */
  readonly types?: readonly string[];
  /** Default: [{kind:'last'}]. "last"/"first" are per object id, among the versions that pass the spec-version filter. */
  readonly versions?: readonly VersionSelector[];
  /**
   * Default: only the newest spec_version held for each object id (compared numerically, '2.1'
   * after '2.0'). When given, versions of any listed spec_version qualify, and 'first'/'last' are
   * decided across them by version (an id with 2.0 and 2.1 versions under ['2.0','2.1'] yields its
   * newest version whatever its spec_version). An empty list matches nothing.
   */
  readonly specVersions?: readonly string[];
  /** Page size: a positive safe integer (the TAXII layer caps it). */
  readonly limit: number;
  /** Return the JSON bodies (objects endpoint) or only the index columns (manifest, versions). */
  readonly withJson: boolean;
  /**
   * Whose view: only versions this reader may read are selected, inside the query (pages, `more`
   * and 'first'/'last' stay exact). EVERY read on behalf of a principal passes one; absent means
   * the node itself (maintenance, tests).
   */
  readonly reader?: ReadScope;
  /**
   * Only versions recorded as passing the outbound gate for this reader key
   * (GateStore.recordGateVerdicts): a version without a verdict is not selected. Applied like the
   * reader predicate, histories included, so a held newest version does not hide the older one.
   */
  readonly gateReader?: string;
}

export interface ObjectPage {
  /** Ascending by seq (= ascending by dateAdded). */
  readonly records: readonly ObjectRecord[];
  /**
   * True exactly when at least one more record matches beyond this page (computed by fetching
   * limit + 1). The next page is requested with afterSeq = seq of this page's last record.
   */
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
  /**
   * The organisation that made the request (absent when the node itself wrote, or for statuses
   * recorded before migration 10). Only it may read the status back over TAXII.
   */
  readonly postedBy?: string;
}

export interface AddObjectsRequest {
  readonly collectionId: string;
  readonly statusId: string;
  readonly requestTimestamp: string;
  /** The requesting organisation, recorded on the status (StatusRecord.postedBy). */
  readonly postedBy?: string;
  /** Objects that passed validation, in the order received. */
  readonly accepted: readonly NewObjectVersion[];
  /** Objects that failed before reaching the store (validation); recorded as failures. */
  readonly rejected: readonly StatusDetail[];
  /**
   * The audit entry of this write, appended in the SAME transaction as the objects and the status
   * (so a committed write always has its entry, and no entry describes a write that rolled back).
   * Called synchronously inside the transaction with the audit head and the outcome; returning
   * undefined records nothing. The same head rules as AuditStore.appendAudit apply (a wrong seq or
   * prevHash rejects the whole request with SETU_ERR_STORE_AUDIT_NOT_HEAD, writing nothing).
   */
  readonly audit?: (head: AuditHead | undefined, outcome: AddObjectsResult) => AuditEntry | undefined;
}

export interface AddObjectsResult {
  readonly status: StatusRecord;
  /** The versions that were new to the collection (not idempotent re-posts), with their seq. */
  readonly added: readonly ObjectRecord[];
}

/**
 * Which versions deleteObject removes. Unlike ObjectQuery there are no implicit defaults: an
 * absent `versions` means every version, an absent `specVersions` every spec_version, so `{}`
 * deletes the whole object. 'first'/'last' are decided among the versions that pass
 * `specVersions` (or among all versions when it is absent). The TAXII layer passes what the
 * client asked for (match[version], match[spec_version]).
 */
export interface DeleteFilter {
  readonly versions?: readonly VersionSelector[];
  readonly specVersions?: readonly string[];
  /** Only versions this reader may read are considered (and deleted); absent: all. */
  readonly reader?: ReadScope;
  /** Only versions recorded as passing the outbound gate for this reader key are considered (see ObjectQuery.gateReader). */
  readonly gateReader?: string;
}

export interface Store extends AuditStore, TrustStore, ReviewStore, GateStore, SearchStore {
  readonly kind: 'sqlite' | 'postgres';
  /** People: users, sessions, personal tokens, identity providers (migration 9). */
  readonly users: UserStore;
  /** The reference index: who references an object (migration 12, store/types-refs.ts). */
  readonly refs: RefStore;

  getNode(): Promise<NodeInfo | undefined>;
  /** Rejects with SETU_ERR_STORE_NODE_EXISTS when the node is already initialised. */
  initNode(info: NodeInfo): Promise<void>;

  /** Rejects with SETU_ERR_STORE_DUPLICATE_KEY when the id exists. */
  createOrganisation(org: Organisation): Promise<void>;
  getOrganisation(id: string): Promise<Organisation | undefined>;
  /** In creation order. */
  listOrganisations(): Promise<Organisation[]>;

  /**
   * Rejects with SETU_ERR_STORE_DUPLICATE_KEY when the id or the secret hash exists, and with
   * SETU_ERR_STORE_UNKNOWN_REFERENCE when orgId is not an organisation.
   */
  createToken(token: TokenRecord): Promise<void>;
  /** Revoked and expired tokens are returned too: the caller decides what they may do. */
  findTokenByHash(secretHash: string): Promise<TokenRecord | undefined>;
  /** In creation order. */
  listTokens(): Promise<TokenRecord[]>;
  /** True when the token existed and was not yet revoked (its revokedAt is then `at`). */
  revokeToken(id: string, at: string): Promise<boolean>;

  /**
   * Rejects with SETU_ERR_STORE_DUPLICATE_KEY when the id or alias exists, and with
   * SETU_ERR_STORE_UNKNOWN_REFERENCE when readOrgs/writeOrgs name an unknown organisation.
   * Org lists keep their order; repeated entries are stored once.
   */
  createCollection(collection: CollectionRecord): Promise<void>;
  getCollection(id: string): Promise<CollectionRecord | undefined>;
  /** In creation order. */
  listCollections(): Promise<CollectionRecord[]>;

  /**
   * Writes every accepted object and the status resource in ONE transaction: when this
   * resolves, all of it is durable; when it rejects, none of it was written. Re-posting an
   * identical (id, version) is idempotent (a success, not a new row); the same (id, version)
   * with different JSON is a failure with a message, and does not abort its siblings.
   *
   * Precisely: the key is (collection, id, version as an instant or "unversioned", spec_version);
   * "identical" means the same JSON text byte for byte. Duplicates inside one request are
   * treated the same way (the first copy is added, later copies succeed or fail against it).
   * Failure messages: 'version already exists with different content', 'version is not an
   * RFC 3339 UTC timestamp'. The status is 'complete' with pendingCount 0; failures list the
   * `rejected` entries first, then the store's failures in request order; successes are in
   * request order. StatusDetail.version is the object's version, or for an unversioned object its
   * dateAdded (of the stored row). Every added version gets a dateAdded that is unique and
   * strictly increasing in commit order: max(clock in µs, previous dateAdded + 1µs).
   * Rejects (writing nothing) with SETU_ERR_STORE_UNKNOWN_COLLECTION, or with
   * SETU_ERR_STORE_DUPLICATE_KEY when statusId already exists.
   */
  addObjects(request: AddObjectsRequest): Promise<AddObjectsResult>;

  queryObjects(query: ObjectQuery): Promise<ObjectPage>;

  /** Deletes the matching versions of one object from one collection; returns how many (see DeleteFilter). */
  deleteObject(collectionId: string, id: string, filter: DeleteFilter): Promise<number>;

  /**
   * The status resource. With a reader, as that reader sees it (decided inside the query): only
   * the successes and pendings naming a version of the status's collection the reader may read
   * now, no failures (they name versions the store did not take), and counts of what is shown.
   * Without one, as written (the node itself).
   */
  getStatus(id: string): Promise<StatusRecord | undefined>;

  /** Number of object versions held (in one collection, or in all). */
  countObjects(collectionId?: string): Promise<number>;

  /**
   * Number of object versions in these collections that `reader` may read, decided inside the
   * query by the same predicate as queryObjects. The caller passes only collections the reader
   * has the collection-level right on; unknown ids count nothing. With `gateReader` (a foreign
   * reader's key, ObjectQuery.gateReader) only versions with a passing gate verdict for it count,
   * as its page query admits them.
   */
  countReadable(collectionIds: readonly string[], reader: ReadScope, gateReader?: string): Promise<number>;

  close(): Promise<void>;
}
