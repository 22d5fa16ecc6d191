// The audit-log part of the Store contract: an append-only, hash-chained list of entries. The
// store keeps entries and guarantees that each one extends the current head (seq = head + 1,
// prevHash = head's hash) inside one transaction; it knows nothing of how hashes are computed
// (that rule lives in access/audit) and offers no way to change or remove an entry.

/** A JSON value as stored in an entry; what is hashed is exactly what is stored and read back. */
export type AuditJson = null | boolean | number | string | readonly AuditJson[] | { readonly [key: string]: AuditJson };
export type AuditJsonObject = { readonly [key: string]: AuditJson };

/** prevHash of the first entry (seq 1): 64 zeros. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** Who acted: the token's organisation, id and role, and the channel (taxii, api, cli, ...). */
export interface AuditActor {
  readonly orgId: string | null;
  readonly tokenId: string | null;
  readonly role: string | null;
  readonly channel: string;
  /** The person who acted (a user id), when a person's session or personal token was used; absent otherwise. */
  readonly userId?: string;
}

export interface AuditEntry {
  /** 1, 2, 3, ... without gaps. */
  readonly seq: number;
  /** RFC 3339 UTC with microseconds, from the injected clock. */
  readonly at: string;
  readonly actor: AuditActor;
  readonly action: string;
  /** What was acted on: collection and object ids with versions, organisation or token ids. */
  readonly target: AuditJsonObject;
  readonly details: AuditJsonObject;
  /** SHA-256 hex of the previous entry (AUDIT_GENESIS_HASH for seq 1). */
  readonly prevHash: string;
  /** SHA-256 hex over the canonical JSON of every field above. */
  readonly hash: string;
}

/** The newest entry's position: what the next entry must extend. */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

export interface AuditQuery {
  /** Inclusive bounds on seq; absent = from the first / to the last. */
  readonly fromSeq?: number;
  readonly toSeq?: number;
  /** A positive safe integer. */
  readonly limit: number;
}

export interface AuditStore {
  /**
   * Appends one entry in ONE transaction: reads the head (undefined when the log is empty), calls
   * `build(head)` (synchronously, inside the transaction, so concurrent writers never fork the
   * chain) and stores what it returns. Rejects, storing nothing, with
   * SETU_ERR_STORE_AUDIT_NOT_HEAD when the entry's seq is not head.seq + 1 (1 when empty) or its
   * prevHash is not head.hash (AUDIT_GENESIS_HASH when empty). There is no update or delete.
   */
  appendAudit(build: (head: AuditHead | undefined) => AuditEntry): Promise<AuditEntry>;
  /** The newest entry's seq and hash, or undefined when the log is empty. */
  auditHead(): Promise<AuditHead | undefined>;
  /** Entries within the bounds, ascending by seq, at most `limit`; exactly as appended. */
  listAudit(query: AuditQuery): Promise<AuditEntry[]>;
}
