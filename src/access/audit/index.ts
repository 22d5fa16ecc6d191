// Public face of the audit log's rules: actions, the chain (hash, next entry), verification,
// Ed25519 key formats, signed segments, and the AuditSink every audited path records through.
export { AUDIT_ERRORS, type AuditErrorCode } from './errors.js';
export { AUDIT_ACTIONS, AUDIT_CHANNELS, type AuditAction, type AuditChannel } from './actions.js';
export { canonicalJson, hashEntry, nextEntry, sha256Hex, type AuditEntryBody, type EntryContent } from './chain.js';
export { CHAIN_PROBLEMS, LOG_START, verifyChain, type ChainProblem, type ChainProblemReason, type ChainReport, type VerifyChainOptions } from './verify.js';
export { keyFingerprint, privateKeyFromPem, publicKeyFromText, publicKeyText } from './keys.js';
export {
  SEGMENT_FORMAT,
  SEGMENT_PROBLEMS,
  parseSegment,
  signSegment,
  verifySegment,
  type AuditSegment,
  type SegmentInput,
  type SegmentNode,
  type SegmentProblemReason,
  type SegmentReport,
  type UnsignedSegment,
} from './segment.js';
export {
  CHECKPOINT_FORMAT,
  CHECKPOINT_PROBLEMS,
  checkCheckpoints,
  checkpointSignatureValid,
  parseCheckpoint,
  signCheckpoint,
  type AuditCheckpoint,
  type CheckpointInput,
  type CheckpointProblem,
  type CheckpointProblemReason,
  type UnsignedCheckpoint,
} from './checkpoint.js';
export { RESTRICTED_TLP, deleteEvent, readEvent, restrictedReads, writeEvent } from './events.js';
export { actorOf, auditSink, localActor, objectVersions, type AuditEvent, type AuditSink } from './sink.js';
