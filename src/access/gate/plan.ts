// One share decision per object: the TLP onward rule (passed in: access/onward.ts decides where an
// object may go next), then the review queue's verdict on this exact content, then the gate.
// The share preview and the real outbound paths both call decideShare, so what a preview shows as
// sent is, by construction, what is sent. Pure: the onward check and the review lookup are
// functions the caller builds from the store beforehand.
import { createHash } from 'node:crypto';
import type { PiiFinding, PiiKind } from '../pii/index.js';
import { passOutbound, type GateRule, type OutboundOptions, type Pseudonymisation, type Redaction, type Release } from './outbound.js';

type Json = Readonly<Record<string, unknown>>;

/** One stored object version a share considers. */
export interface ShareCandidate {
  readonly collectionId: string;
  readonly id: string;
  readonly type: string;
  readonly version: string | null;
  readonly json: string;
}

export type OnwardVerdict = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/** What the review queue already says about this content for this destination. */
export interface ReviewVerdict {
  readonly reviewId: string;
  readonly state: 'pending' | 'approved' | 'rejected';
  readonly release: Release | null;
}

export interface ShareOptions extends Omit<OutboundOptions, 'release'> {
  readonly onward: (candidate: ShareCandidate) => OnwardVerdict;
  readonly review: (objectId: string, contentHash: string) => ReviewVerdict | undefined;
  /**
   * The recipient is inside the node's jurisdiction (access/gate jurisdiction.ts): what passes the
   * onward rule goes as written, with no review and no personal-data gate.
   */
  readonly recipientInside?: boolean;
}

/** Why an object is held or withheld: the TLP rule, the gate (personal data), or a reviewer. */
export type ShareReason =
  | { readonly source: 'access'; readonly rule: 'not-readable'; readonly message: string }
  | { readonly source: 'onward'; readonly rule: 'tlp'; readonly message: string }
  | { readonly source: 'review'; readonly rule: 'review-rejected' | 'review-pending'; readonly reviewId: string; readonly message: string }
  | {
      readonly source: 'gate';
      readonly rule: GateRule;
      readonly kind?: PiiKind;
      readonly path?: string;
      readonly match?: string;
      readonly message: string;
    };

interface DecisionBase {
  readonly collectionId: string;
  readonly id: string;
  readonly type: string;
  readonly version: string | null;
  /** SHA-256 (hex) of the stored JSON: a review decision binds to exactly this content ('' for a version not readable). */
  readonly contentHash: string;
}

export type ShareDecision =
  | (DecisionBase & {
      readonly outcome: 'send';
      readonly json: string;
      readonly redactions: readonly Redaction[];
      readonly pseudonyms: readonly Pseudonymisation[];
      readonly identities: readonly Json[];
      readonly kept: readonly PiiFinding[];
      /** Set when a reviewer released it. */
      readonly reviewId?: string;
    })
  | (DecisionBase & { readonly outcome: 'hold'; readonly reasons: readonly ShareReason[]; readonly reviewId?: string })
  | (DecisionBase & { readonly outcome: 'withhold'; readonly reasons: readonly ShareReason[] });

export const contentHash = (json: string): string => createHash('sha256').update(json, 'utf8').digest('hex');

export function decideShare(candidate: ShareCandidate, options: ShareOptions): ShareDecision {
  const base: DecisionBase = {
    collectionId: candidate.collectionId,
    id: candidate.id,
    type: candidate.type,
    version: candidate.version,
    contentHash: contentHash(candidate.json),
  };
  const onward = options.onward(candidate);
  if (!onward.allowed) return { ...base, outcome: 'withhold', reasons: [{ source: 'onward', rule: 'tlp', message: onward.reason }] };

  if (options.recipientInside === true) {
    return { ...base, outcome: 'send', json: candidate.json, redactions: [], pseudonyms: [], identities: [], kept: [] };
  }

  const review = options.review(candidate.id, base.contentHash);
  if (review?.state === 'rejected') {
    return { ...base, outcome: 'withhold', reasons: [{ source: 'review', rule: 'review-rejected', reviewId: review.reviewId, message: `rejected in review ${review.reviewId}` }] };
  }
  const release = review?.state === 'approved' ? (review.release ?? 'redacted') : undefined;
  const { onward: _onward, review: _review, recipientInside: _inside, ...gateOptions } = options;
  const result = passOutbound(candidate.json, { ...gateOptions, ...(release === undefined ? {} : { release }) });
  switch (result.kind) {
    case 'send':
      return {
        ...base,
        outcome: 'send',
        json: result.json,
        redactions: result.redactions,
        pseudonyms: result.pseudonyms,
        identities: result.identities,
        kept: result.kept,
        ...(review?.state === 'approved' ? { reviewId: review.reviewId } : {}),
      };
    case 'hold':
      return {
        ...base,
        outcome: 'hold',
        reasons: [
          ...result.reasons.map((r): ShareReason => ({ source: 'gate', ...r })),
          ...(review?.state === 'pending' ? [{ source: 'review', rule: 'review-pending', reviewId: review.reviewId, message: `waiting in review ${review.reviewId}` } as const] : []),
        ],
        ...(review === undefined ? {} : { reviewId: review.reviewId }),
      };
    case 'withhold':
      return { ...base, outcome: 'withhold', reasons: result.reasons.map((r): ShareReason => ({ source: 'gate', ...r })) };
  }
}

/**
 * The decision for a version the acting organisation may not read: listed, so a share shows
 * everything the collection holds, but withheld and described without its content.
 */
export function notReadable(version: Omit<ShareCandidate, 'json'>, actor: string): ShareDecision {
  const { collectionId, id, type, version: v } = version;
  return {
    collectionId,
    id,
    type,
    version: v,
    contentHash: '',
    outcome: 'withhold',
    reasons: [{ source: 'access', rule: 'not-readable', message: `${actor} may not read this version (its TLP limits who may), so it cannot pass it on` }],
  };
}

/** Collects each pseudonymous identity once, in first-use order, across a share's decisions. */
export class IdentitiesOnce {
  private readonly seen = new Set<string>();
  /** The identities of `decision` not yet emitted. */
  take(decision: ShareDecision): Json[] {
    if (decision.outcome !== 'send') return [];
    const fresh = decision.identities.filter((i) => !this.seen.has(String(i['id'])));
    for (const i of fresh) this.seen.add(String(i['id']));
    return fresh;
  }
}
