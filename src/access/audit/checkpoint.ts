// Signed audit checkpoints, pure: the anchor of a node's chain outside the node. A checkpoint
// says "node N's log held COUNT entries, the last hashing to HEAD, at time T", signed with N's
// Ed25519 key over the RFC 8785 canonical JSON of everything but the signature. Peers keep the
// checkpoints a node pushes; a log that no longer holds one has lost its tail (`cut-off`) or was
// cut and regrown with fresh hashes (`diverged`). The clock is the caller's: `at` is passed in.
import { sign, verify, type KeyObject } from 'node:crypto';
import { SetuError } from '../../errors/index.js';
import { AUDIT_GENESIS_HASH, type AuditEntry, type AuditHead } from '../../store/index.js';
import { canonicalJson } from './chain.js';
import { keyFingerprint } from './keys.js';

export const CHECKPOINT_FORMAT = 'setu-audit-checkpoint/1';

export interface UnsignedCheckpoint {
  readonly format: typeof CHECKPOINT_FORMAT;
  /** SHA-256 hex of the node's raw public key (its key fingerprint, the federation node id). */
  readonly nodeId: string;
  /** Entries in the log: the head's seq (0 when empty). */
  readonly count: number;
  /** Hash of entry `count` (the genesis hash when empty). */
  readonly headHash: string;
  /** RFC 3339 UTC, when it was signed. */
  readonly at: string;
}

export interface AuditCheckpoint extends UnsignedCheckpoint {
  /** base64url Ed25519 signature over canonicalJson(checkpoint without `signature`). */
  readonly signature: string;
}

export interface CheckpointInput {
  /** The log's head (undefined when the log is empty). */
  readonly head: AuditHead | undefined;
  readonly at: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

const unsignedBytes = (c: UnsignedCheckpoint): Buffer =>
  Buffer.from(canonicalJson({ format: c.format, nodeId: c.nodeId, count: c.count, headHash: c.headHash, at: c.at }), 'utf8');

export function signCheckpoint(input: CheckpointInput): AuditCheckpoint {
  const unsigned: UnsignedCheckpoint = {
    format: CHECKPOINT_FORMAT,
    nodeId: keyFingerprint(input.publicKey),
    count: input.head?.seq ?? 0,
    headHash: input.head?.hash ?? AUDIT_GENESIS_HASH,
    at: input.at,
  };
  return { ...unsigned, signature: sign(null, unsignedBytes(unsigned), input.privateKey).toString('base64url') };
}

/** True when `key` is the node the checkpoint names and its signature covers exactly these fields. */
export function checkpointSignatureValid(checkpoint: AuditCheckpoint, key: KeyObject): boolean {
  if (checkpoint.nodeId !== keyFingerprint(key)) return false;
  return verify(null, unsignedBytes(checkpoint), key, Buffer.from(checkpoint.signature, 'base64url'));
}

const FIELDS = ['format', 'nodeId', 'count', 'headHash', 'at', 'signature'] as const;
const HEX64 = /^[0-9a-f]{64}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

function invalid(field: string, rule: string): SetuError {
  return new SetuError('SETU_ERR_AUDIT_CHECKPOINT_INVALID', `not an audit checkpoint: "${field}" ${rule}`, { field, rule });
}

/** Checks a received value is a checkpoint (shape only); throws SETU_ERR_AUDIT_CHECKPOINT_INVALID naming the field. */
export function parseCheckpoint(value: unknown): AuditCheckpoint {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('checkpoint', 'must be a JSON object');
  const c = value as Record<string, unknown>;
  const unknown = Object.keys(c).find((k) => !(FIELDS as readonly string[]).includes(k));
  if (unknown !== undefined) throw invalid(unknown, `is not a checkpoint field (expected ${FIELDS.join(', ')})`);
  if (c['format'] !== CHECKPOINT_FORMAT) throw invalid('format', `must be "${CHECKPOINT_FORMAT}"`);
  if (typeof c['nodeId'] !== 'string' || !HEX64.test(c['nodeId'])) throw invalid('nodeId', 'must be 64 lower-case hex digits (the SHA-256 of the node key)');
  if (!Number.isSafeInteger(c['count']) || (c['count'] as number) < 0) throw invalid('count', 'must be a non-negative integer');
  if (typeof c['headHash'] !== 'string' || !HEX64.test(c['headHash'])) throw invalid('headHash', 'must be 64 lower-case hex digits');
  if (typeof c['at'] !== 'string' || !RFC3339.test(c['at']) || Number.isNaN(Date.parse(c['at']))) throw invalid('at', 'must be an RFC 3339 UTC timestamp');
  if (typeof c['signature'] !== 'string' || !/^[A-Za-z0-9_-]+$/.test(c['signature'])) throw invalid('signature', 'must be base64url text');
  return { format: CHECKPOINT_FORMAT, nodeId: c['nodeId'], count: c['count'] as number, headHash: c['headHash'], at: c['at'], signature: c['signature'] };
}

export const CHECKPOINT_PROBLEMS = ['cut-off', 'diverged'] as const;
export type CheckpointProblemReason = (typeof CHECKPOINT_PROBLEMS)[number];

export interface CheckpointProblem {
  readonly reason: CheckpointProblemReason;
  /** The count the checkpoint recorded (the entry that is missing or differs). */
  readonly count: number;
  readonly headHash: string;
  readonly at: string;
  readonly message: string;
}

type Recorded = Pick<UnsignedCheckpoint, 'count' | 'headHash' | 'at'>;

/**
 * The first checkpoint (by count) the log no longer holds, or null: the log must reach each
 * checkpoint's count, and its entry there must carry the recorded head hash. `entries` is the
 * whole log from entry 1, as read.
 */
export function checkCheckpoints(entries: readonly AuditEntry[], checkpoints: readonly Recorded[]): CheckpointProblem | null {
  const hashAt = new Map<number, string>([[0, AUDIT_GENESIS_HASH]]);
  for (const e of entries) hashAt.set(e.seq, e.hash);
  const end = entries.at(-1)?.seq ?? 0;
  for (const c of [...checkpoints].sort((a, b) => a.count - b.count)) {
    const base = { count: c.count, headHash: c.headHash, at: c.at };
    if (c.count > end) {
      return { ...base, reason: 'cut-off', message: `the log ends at entry ${end}, but a checkpoint signed at ${c.at} recorded ${c.count} entries: entries were cut off the end` };
    }
    const hash = hashAt.get(c.count);
    if (hash !== c.headHash) {
      return {
        ...base,
        reason: 'diverged',
        message: `entry ${c.count} is not the one a checkpoint signed at ${c.at} recorded (hash ${hash ?? 'missing'} instead of ${c.headHash}): the log was cut and regrown, or rewritten, from that point or before`,
      };
    }
  }
  return null;
}
