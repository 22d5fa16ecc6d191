// The review-queue part of the Store contract: objects the outbound gate held back for a person to
// approve or reject before they leave the node for one destination. An item binds to the exact
// content reviewed (its SHA-256): a new version of the object is a new item. A decision is final
// and records who decided and when. Store extends it; both adapters implement it and run
// test/store/contract-review.ts.

export const REVIEW_STATES = ['pending', 'approved', 'rejected'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Where the held object was going: an organisation (an export for it) or a peer node. */
export const REVIEW_DESTINATION_KINDS = ['organisation', 'peer'] as const;
export type ReviewDestinationKind = (typeof REVIEW_DESTINATION_KINDS)[number];

/** How an approved item is released: unchanged, or with its held findings redacted. */
export type ReviewRelease = 'as-is' | 'redacted';

/** Why the gate held the object (access/gate's reasons, kept as data). */
export interface ReviewReason {
  readonly rule: string;
  readonly message: string;
  readonly kind?: string;
  readonly path?: string;
  readonly match?: string;
}

export interface NewReviewItem {
  readonly id: string;
  readonly destinationKind: ReviewDestinationKind;
  readonly destinationId: string;
  readonly collectionId: string;
  readonly objectId: string;
  readonly objectType: string;
  /** The object's version (modified/created), null for unversioned objects. */
  readonly version: string | null;
  /** SHA-256 (hex) of `json`. */
  readonly contentHash: string;
  /** The stored JSON that was held, byte for byte. */
  readonly json: string;
  /** The jurisdiction profile that held it. */
  readonly profile: string;
  readonly reasons: readonly ReviewReason[];
  readonly createdAt: string;
}

export interface ReviewItem extends NewReviewItem {
  readonly state: ReviewState;
  readonly decidedAt: string | null;
  /** Who decided: e.g. 'org:cert-in token:<id>' or 'cli:<user>'. */
  readonly decidedBy: string | null;
  readonly note: string | null;
  /** Set on approval. */
  readonly release: ReviewRelease | null;
}

export type ReviewDecision =
  | { readonly state: 'approved'; readonly release: ReviewRelease; readonly decidedAt: string; readonly decidedBy: string; readonly note?: string | null }
  | { readonly state: 'rejected'; readonly decidedAt: string; readonly decidedBy: string; readonly note?: string | null };

export type DecideResult =
  | { readonly kind: 'decided'; readonly item: ReviewItem }
  | { readonly kind: 'not-found' }
  /** A decision is final: the item keeps its earlier decision. */
  | { readonly kind: 'already-decided'; readonly item: ReviewItem };

export interface ReviewQuery {
  readonly state?: ReviewState;
  readonly destinationKind?: ReviewDestinationKind;
  readonly destinationId?: string;
  /** Page size; default 100. */
  readonly limit?: number;
  /** Items created after this one (by id order of creation); for paging. */
  readonly afterId?: string;
}

export interface ReviewStore {
  /**
   * Queues an item, unless one already exists for the same (destinationKind, destinationId,
   * objectId, contentHash), in any state: then that one is returned and nothing is written
   * (`created` false). So holding the same content twice never duplicates work for reviewers,
   * and a decision stays in force for as long as the content is unchanged.
   */
  holdForReview(item: NewReviewItem): Promise<{ readonly item: ReviewItem; readonly created: boolean }>;
  getReviewItem(id: string): Promise<ReviewItem | undefined>;
  /** In creation order. */
  listReviewItems(query: ReviewQuery): Promise<ReviewItem[]>;
  /** The items for one destination whose content hashes are listed (any state). */
  findReviewItems(destinationKind: ReviewDestinationKind, destinationId: string, contentHashes: readonly string[]): Promise<ReviewItem[]>;
  /** Decides a pending item once; see DecideResult. */
  decideReviewItem(id: string, decision: ReviewDecision): Promise<DecideResult>;
}
