// Signed export segments, pure: a run of consecutive entries with the hash of the entry before
// them (the anchor), signed with the node's Ed25519 key over the RFC 8785 canonical JSON of the
// segment without its signature. A partner holding the node's public key checks one offline:
// signature, key, range and the chain inside it.
import { sign, verify as verifySignature, type KeyObject } from 'node:crypto';
import { SetuError } from '../../errors/index.js';
import type { AuditEntry } from '../../store/index.js';
import { canonicalJson } from './chain.js';
import { publicKeyFromText, publicKeyText } from './keys.js';
import { verifyChain, type ChainProblemReason, type ChainReport } from './verify.js';

export const SEGMENT_FORMAT = 'setu-audit-segment/1';

export interface SegmentNode {
  readonly name: string;
  readonly country: string;
}

export interface UnsignedSegment {
  readonly format: typeof SEGMENT_FORMAT;
  readonly node: SegmentNode;
  /** Ed25519 public key, base64url of the 32 raw bytes. */
  readonly publicKey: string;
  readonly fromSeq: number;
  readonly toSeq: number;
  /** Hash of entry fromSeq - 1 (the genesis hash when fromSeq is 1). */
  readonly anchorHash: string;
  /** Hash of entry toSeq. */
  readonly headHash: string;
  readonly exportedAt: string;
  readonly entries: readonly AuditEntry[];
}

export interface AuditSegment extends UnsignedSegment {
  /** base64url Ed25519 signature over canonicalJson(segment without `signature`). */
  readonly signature: string;
}

export interface SegmentInput {
  readonly node: SegmentNode;
  readonly entries: readonly AuditEntry[];
  readonly exportedAt: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** Builds and signs a segment from consecutive entries (at least one). */
export function signSegment(input: SegmentInput): AuditSegment {
  const first = input.entries[0];
  const last = input.entries.at(-1);
  if (first === undefined || last === undefined) throw new SetuError('SETU_ERR_AUDIT_EMPTY_RANGE', 'an audit segment needs at least one entry');
  const unsigned: UnsignedSegment = {
    format: SEGMENT_FORMAT,
    node: input.node,
    publicKey: publicKeyText(input.publicKey),
    fromSeq: first.seq,
    toSeq: last.seq,
    anchorHash: first.prevHash,
    headHash: last.hash,
    exportedAt: input.exportedAt,
    entries: input.entries,
  };
  const signature = sign(null, Buffer.from(canonicalJson(unsigned), 'utf8'), input.privateKey).toString('base64url');
  return { ...unsigned, signature };
}

export const SEGMENT_PROBLEMS = ['untrusted-key', 'bad-signature', 'bad-range'] as const;
export type SegmentProblemReason = (typeof SEGMENT_PROBLEMS)[number] | ChainProblemReason;

export interface SegmentReport {
  readonly ok: boolean;
  readonly fromSeq: number;
  readonly toSeq: number;
  readonly entries: number;
  readonly problem: { readonly reason: SegmentProblemReason; readonly seq: number | null; readonly message: string } | null;
  readonly chain: ChainReport | null;
}

/**
 * Checks a segment against the public key the partner trusts (obtained out of band): the key the
 * segment names must be that key, the signature must verify, fromSeq/toSeq/anchorHash/headHash
 * must describe the entries, and the entries must form an unbroken chain from the anchor.
 */
export function verifySegment(segment: AuditSegment, trustedKey: KeyObject): SegmentReport {
  const base = { fromSeq: segment.fromSeq, toSeq: segment.toSeq, entries: segment.entries.length };
  const bad = (reason: SegmentProblemReason, message: string, chain: ChainReport | null = null, seq: number | null = null): SegmentReport => ({
    ...base,
    ok: false,
    problem: { reason, seq, message },
    chain,
  });
  if (publicKeyText(publicKeyFromText(segment.publicKey)) !== publicKeyText(trustedKey)) {
    return bad('untrusted-key', 'the segment was signed with another key than the one you trust for this node');
  }
  const { signature, ...unsigned } = segment;
  const valid = verifySignature(null, Buffer.from(canonicalJson(unsigned), 'utf8'), trustedKey, Buffer.from(signature, 'base64url'));
  if (!valid) return bad('bad-signature', 'the signature does not verify: the segment was changed after it was signed');
  const first = segment.entries[0];
  const last = segment.entries.at(-1);
  if (first === undefined || last === undefined || first.seq !== segment.fromSeq || last.seq !== segment.toSeq || last.hash !== segment.headHash) {
    return bad('bad-range', 'fromSeq, toSeq or headHash do not describe the entries the segment holds');
  }
  const chain = verifyChain(segment.entries, {
    anchor: { seq: segment.fromSeq - 1, hash: segment.anchorHash },
    expectHead: { seq: segment.toSeq, hash: segment.headHash },
  });
  if (chain.problem !== null) return bad(chain.problem.reason, chain.problem.message, chain, chain.problem.seq);
  return { ...base, ok: true, problem: null, chain };
}

/** Parses a segment file's text; throws SETU_ERR_AUDIT_SEGMENT_INVALID when it is not one. */
export function parseSegment(text: string): AuditSegment {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw segmentInvalid(`not JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw segmentInvalid('not a JSON object');
  const s = value as Record<string, unknown>;
  if (s['format'] !== SEGMENT_FORMAT) throw segmentInvalid(`"format" must be "${SEGMENT_FORMAT}"`);
  for (const field of ['publicKey', 'anchorHash', 'headHash', 'exportedAt', 'signature'] as const) {
    if (typeof s[field] !== 'string') throw segmentInvalid(`"${field}" must be a string`);
  }
  for (const field of ['fromSeq', 'toSeq'] as const) {
    if (!Number.isSafeInteger(s[field])) throw segmentInvalid(`"${field}" must be an integer`);
  }
  if (!Array.isArray(s['entries']) || !s['entries'].every(isEntryShaped)) throw segmentInvalid('"entries" must be a list of audit entries');
  return value as AuditSegment;
}

function isEntryShaped(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  return Number.isSafeInteger(e['seq']) && typeof e['at'] === 'string' && typeof e['action'] === 'string' && typeof e['prevHash'] === 'string'
    && typeof e['hash'] === 'string' && isObject(e['actor']) && isObject(e['target']) && isObject(e['details']);
}

function segmentInvalid(reason: string): SetuError {
  return new SetuError('SETU_ERR_AUDIT_SEGMENT_INVALID', `not an audit segment: ${reason}`, { reason });
}
