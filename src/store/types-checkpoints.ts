// The audit-anchor part of storage: signed audit checkpoints (a node's entry count and head hash
// at a time, signed with its Ed25519 key). A node keeps the checkpoints it issued itself and, for
// each federated peer, the checkpoints that peer pushed to it, so a cut-off tail of either log can
// be shown later. The store keeps them as given; signatures are checked by access/audit before.

export interface StoredCheckpoint {
  /** The node whose log it describes: SHA-256 hex of its raw public key. */
  readonly nodeId: string;
  /** Entries in that log when it was signed (the head's seq; 0 for an empty log). */
  readonly count: number;
  /** Hash of entry `count` (64 zeros for an empty log). */
  readonly headHash: string;
  /** When the node signed it (RFC 3339). */
  readonly at: string;
  /** base64url Ed25519 signature by that node. */
  readonly signature: string;
  /** The peer that delivered it; null when this node issued it. */
  readonly peerId: string | null;
  /** When this node stored it (RFC 3339). */
  readonly receivedAt: string;
}

export interface CheckpointQuery {
  /** Only checkpoints with a count above this. */
  readonly afterCount?: number | undefined;
  /** A positive safe integer. */
  readonly limit: number;
}

export interface CheckpointStore {
  /**
   * Keeps a checkpoint; the same (nodeId, count, headHash) is kept once (false when it was held
   * already). Two checkpoints of one count with different hashes are both kept: that is evidence.
   */
  recordCheckpoint(checkpoint: StoredCheckpoint): Promise<boolean>;
  /** A node's checkpoints, ascending by count (then by when they were stored), at most `limit`. */
  listCheckpoints(nodeId: string, query: CheckpointQuery): Promise<StoredCheckpoint[]>;
}
